//! Identity registry speed: building the registry of 1,000 loaded documents (what the panel's
//! identity box does after each change) and planning a rename of the most mentioned identity
//! across them (what Rename everywhere does before its preview).
//!
//! The documents are the five seed gold files repeated under 1,000 ids (each text made
//! distinct by a line naming its copy), with their hand-checked annotations.
//!
//! Run: `cargo bench --bench registry`. Native code with the bench profile (opt-level 3); the
//! page runs the same code as WebAssembly, built for size.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::model::ActorKind;
use gloss::ui::corpus::Loaded;
use gloss::ui::registry;
#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let docs: Vec<Loaded> = corpus::seed_corpus(1000);
    let reg = registry::build(&docs, &[]);
    let top = reg.entries.iter().max_by_key(|e| e.mentions()).expect("an identity");
    let plan = registry::plan_rename(&docs, &top.name, "Renamed", ActorKind::State);
    eprintln!(
        "1,000 documents: {} identities; renaming {} changes {} mentions",
        reg.entries.len(),
        top.name,
        plan.len()
    );
    let name = top.name.clone();
    let mut group = c.benchmark_group("registry");
    group.sample_size(20);
    group.bench_function("build_1000_docs", |b| b.iter(|| registry::build(black_box(&docs), &[])));
    group.bench_function("plan_rename_1000_docs", |b| {
        b.iter(|| registry::plan_rename(black_box(&docs), &name, "Renamed", ActorKind::State))
    });
    group.bench_function("to_csv_1000_docs", |b| b.iter(|| black_box(&reg).to_csv()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
