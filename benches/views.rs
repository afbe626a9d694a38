//! Speed of the corpus views: building the actors table and the claims-across-outlets view
//! (with the matrix's SVG and the CSV files) over 1,000 documents, the five seed gold files
//! repeated under new ids (each text made distinct by a line naming its copy).
//!
//! Run: `cargo bench --bench views`. The system allocator is used (no mimalloc): the views
//! run in the page, whose allocator is not the CLI's.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::ui::views::{actors, claims};
#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let docs = corpus::seed_corpus(1000);
    let a = actors::build(&docs);
    let v = claims::build(&docs);
    eprintln!(
        "1,000 documents: {} identities, {} sources, {} claims",
        a.rows.len(),
        v.sources.len(),
        v.sources.iter().map(|g| g.total).sum::<usize>()
    );
    let mut group = c.benchmark_group("views_1000_docs");
    group.sample_size(20);
    group.bench_function("actors_table", |b| b.iter(|| actors::build(black_box(&docs))));
    group.bench_function("claims_view", |b| b.iter(|| claims::build(black_box(&docs))));
    let mali = a.rows.iter().find(|r| r.identity == "Mali").expect("Mali");
    group.bench_function("actors_mentions_of_mali", |b| b.iter(|| actors::mentions_of(black_box(&a), mali)));
    group.bench_function("actors_csv", |b| b.iter(|| actors::to_csv(black_box(&a))));
    group.bench_function("claims_csv_and_matrix_svg", |b| {
        b.iter(|| (claims::claims_csv(black_box(&v)), claims::matrix_csv(&v), claims::matrix_svg(&v)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
