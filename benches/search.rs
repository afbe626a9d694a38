//! Search speed: queries over 1,000 loaded documents, as the search panel runs them on each
//! change of the query.
//!
//! The documents are the five seed gold files repeated (each text made distinct by a line
//! naming its copy), with their annotations: 1,000 documents, about 2.4 MB of text and 50,000
//! annotations. The queries: a word with case and accents ignored (the texts are folded, as
//! they hold curly quotes and accented names), the same with both kept (no folding), a phrase,
//! a regular expression, an annotation search (ACTORs of one identity), a date range, and
//! planning "apply to all results" for a phrase.
//!
//! Run: `cargo bench --bench search`.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::formats::gold::GoldFile;
use gloss::model::{ActorKind, Document, Label};
use gloss::ui::corpus::Loaded;
use gloss::ui::search::plan::{plan, Bulk};
use gloss::ui::search::{search, Filter, Mode, Query};
use std::hint::black_box;
use std::path::Path;
use std::rc::Rc;

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seeds repeated to `n` documents.
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
            let doc = Document::new(format!("{}-{i}", s.doc.id), &text, s.doc.dct()).expect("document");
            (doc.id.clone(), format!("copy {i}"), Rc::new(doc), Rc::new(s.annotations.clone()))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus(1000);
    let q = |text: &str| Query { text: text.into(), ..Query::default() };
    let queries = [
        ("word Mali, case and accents ignored", q("Mali")),
        ("word Mali, case and accents kept", Query { match_case: true, match_accents: true, ..q("Mali") }),
        ("phrase Yann Vezilier", Query { mode: Mode::Phrase, ..q("Yann Vezilier") }),
        ("regex September \\d+", Query { mode: Mode::Regex, ..q(r"September \d+") }),
        (
            "ACTORs of identity Mali",
            Query {
                filter: Filter { label: Some(Label::Actor), identity: "Mali".into(), ..Filter::default() },
                ..q("")
            },
        ),
        (
            "DATEs in September 2025",
            Query {
                filter: Filter {
                    label: Some(Label::Date),
                    date_from: "2025-09".into(),
                    date_to: "2025-09".into(),
                    ..Filter::default()
                },
                ..q("")
            },
        ),
    ];
    let mut group = c.benchmark_group("search 1000 documents");
    group.sample_size(20);
    for (name, query) in &queries {
        let n = search(query, &docs).expect("query").hits.len();
        eprintln!("{name}: {n} results");
        group.bench_function(*name, |b| b.iter(|| black_box(search(black_box(query), &docs).expect("query"))));
    }
    let phrase = Query { mode: Mode::Phrase, ..q("Yann Vezilier") };
    let bulk = Bulk::Identity { canonical: "Yann Vézilier".into(), kind: ActorKind::Person };
    group.bench_function("plan apply to all: phrase Yann Vezilier", |b| {
        b.iter(|| black_box(plan(&phrase, &bulk, &docs, "bench").expect("plan")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
