//! Extraction speed: each label's extractor alone and the whole pipeline, over the five seed
//! articles and over one 1 MB document made of the seeds' paragraphs repeated (each copy is
//! a real news paragraph, so the mix of names, dates and quotes is the seeds' own).
//!
//! Run: `cargo bench --bench extract`. Throughput is reported in bytes of UTF-8 text.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gloss::extract::Pipeline;
use gloss::model::{Document, Label};
use std::hint::black_box;

#[path = "common/mod.rs"]
mod common;
use common::{one_megabyte, seeds};

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let seeds = seeds();
    let big = one_megabyte(&seeds);
    let seed_bytes: usize = seeds.iter().map(|d| d.text().len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(20);
    for (name, label) in [("actors", Some(Label::Actor)), ("dates", Some(Label::Date)), ("pipeline", None)] {
        let run = |d: &Document| match label {
            Some(l) => pipeline.run_label(d, l).len(),
            None => pipeline.run(d).len(),
        };
        group.throughput(Throughput::Bytes(seed_bytes as u64));
        group.bench_function(BenchmarkId::new(name, "seeds"), |b| {
            b.iter(|| seeds.iter().map(|d| run(black_box(d))).sum::<usize>())
        });
        group.throughput(Throughput::Bytes(big.text().len() as u64));
        group.bench_function(BenchmarkId::new(name, "1MB"), |b| b.iter(|| run(black_box(&big))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
