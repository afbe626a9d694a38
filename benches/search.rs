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
use gloss::model::{ActorKind, Label};
use gloss::ui::search::plan::{plan, Bulk};
use gloss::ui::search::{search, Filter, Mode, Query};
#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let docs = corpus::seed_corpus(1000);
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
