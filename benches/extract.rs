//! Extraction speed: each label's extractor alone and the whole pipeline, over the five seed
//! articles and over one 1 MB document made of the seeds' paragraphs repeated (each copy is
//! a real news paragraph, so the mix of names, dates and quotes is the seeds' own).
//!
//! The `adversarial` group times the pipeline on each adversarial shape of
//! `common/adversarial.rs` repeated to 1 Mi code points (a unit such as `"Paris said `
//! or `Mr. ` over and over): how fast the worst cases run, which `tests/bounded.rs` checks
//! stay linear.
//!
//! Run: `cargo bench --bench extract` (one group: `-- adversarial`). Throughput is reported
//! in bytes of UTF-8 text.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gloss::extract::Pipeline;
use gloss::model::{Document, Label};
use std::hint::black_box;

#[path = "common/mod.rs"]
mod common;
use common::{adversarial_megabytes, one_megabyte, seeds};

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

fn adversarial(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let mut group = c.benchmark_group("adversarial");
    // A run takes up to a few seconds: ten samples are enough to compare versions.
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(5));
    for (name, doc) in adversarial_megabytes() {
        group.throughput(Throughput::Bytes(doc.text().len() as u64));
        group.bench_function(BenchmarkId::new(name, "1MiB"), |b| b.iter(|| pipeline.run(black_box(&doc)).len()));
    }
    group.finish();
}

criterion_group!(benches, bench, adversarial);
criterion_main!(benches);
