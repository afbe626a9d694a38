//! Extraction speed: each label's extractor alone and the whole pipeline, over the five seed
//! articles and over one 1 MB document made of the seeds' paragraphs repeated (each copy is
//! a real news paragraph, so the mix of names, dates and quotes is the seeds' own).
//!
//! Run: `cargo bench --bench extract`. Throughput is reported in bytes of UTF-8 text.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gloss::extract::Pipeline;
use gloss::model::{Document, Label};
use std::hint::black_box;

fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed is UTF-8");
            Document::new("seed", &text, Some("2025-09-19".parse().unwrap())).expect("seed is a document")
        })
        .collect()
}

/// The allocator of the `gloss` CLI, so that the figures are those of the native tool.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn one_megabyte(seeds: &[Document]) -> Document {
    let mut text = String::with_capacity(1 << 20);
    'fill: loop {
        for d in seeds {
            for para in d.text().split('\n').filter(|p| p.len() > 40) {
                text.push_str(para);
                text.push('\n');
                if text.len() >= 1 << 20 {
                    break 'fill;
                }
            }
        }
    }
    Document::new("1mb", &text, Some("2025-09-19".parse().unwrap())).expect("1 MB is under the limit")
}

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
