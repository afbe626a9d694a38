//! Speed of the corpus views: building the actors table and the claims-across-outlets view
//! (with the matrix's SVG and the CSV files) over 1,000 documents, the five seed gold files
//! repeated under new ids (each text made distinct by a line naming its copy).
//!
//! Run: `cargo bench --bench views`. The system allocator is used (no mimalloc): the views
//! run in the page, whose allocator is not the CLI's.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::formats::gold::GoldFile;
use gloss::model::Document;
use gloss::ui::corpus::Loaded;
use gloss::ui::views::{actors, claims};
use std::hint::black_box;
use std::path::Path;
use std::rc::Rc;

/// The seeds' gold files repeated to `n` documents, as `State::loaded` hands them to a view.
fn corpus(n: usize) -> Vec<Loaded> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    let seeds: Vec<GoldFile> =
        paths.iter().map(|p| GoldFile::from_json(&std::fs::read_to_string(p).expect("read")).expect("gold")).collect();
    (0..n)
        .map(|i| {
            let s = &seeds[i % seeds.len()];
            let text = format!("{}\ncopy {i}", s.doc.text());
            let id = format!("{}-{i:04}", s.doc.id);
            let doc = Document::new(id.clone(), &text, s.doc.dct()).expect("document");
            let title = gloss::ui::corpus::title_of(doc.text(), &id);
            (id, title, Rc::new(doc), Rc::new(s.annotations.clone()))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus(1000);
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
