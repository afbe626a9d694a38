//! Agreement speed: the full corpus report (`gloss agree`'s work, without reading files)
//! over 1,000 documents coded by three annotators each.
//!
//! The documents are the five seed gold files, each text made distinct by a line naming its
//! copy; annotator 1 keeps the seed's annotations, annotators 2 and 3 perturb them with a
//! fixed pseudo-random sequence (per annotation: 5% dropped, 10% a boundary moved by one to
//! three code points, 3% given another label, 5% another actor kind), so the report has
//! disagreements of every kind to list.
//!
//! Run: `cargo bench --bench agree`. Allocations go through mimalloc, as in the `gloss` CLI
//! (and benches/extract.rs), so the figure is what `gloss agree` spends on the report.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::eval::agree::{report, Coded};
use gloss::formats::gold::GoldFile;
use gloss::model::{ActorKind, Annotation, Attrs, Document, Label, Span};
use std::hint::black_box;
use std::path::Path;

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small xorshift generator: the same versions on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn perturb(anns: &[Annotation], len: usize, rng: &mut Rng) -> Vec<Annotation> {
    let mut out = Vec::with_capacity(anns.len());
    for a in anns {
        if rng.chance(5) {
            continue;
        }
        let mut a = a.clone();
        if rng.chance(10) {
            let d = (rng.next() % 3 + 1) as usize;
            let (s, e) = (a.span.start(), a.span.end());
            let (s, e) = if rng.chance(50) { (s, (e + d).min(len)) } else { ((s + d).min(e), e) };
            a.span = Span::new(s, e).expect("start <= end");
        }
        if rng.chance(3) {
            a.attrs = Label::ALL[(rng.next() % 3) as usize].empty_attrs();
        }
        if let Attrs::Actor(x) = &mut a.attrs {
            if rng.chance(5) {
                x.kind = ActorKind::ALL[(rng.next() % 4) as usize];
            }
        }
        out.push(a);
    }
    out
}

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    let seeds: Vec<GoldFile> =
        paths.iter().map(|p| GoldFile::from_json(&std::fs::read_to_string(p).expect("read")).expect("gold")).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut docs: Vec<(Document, [Vec<Annotation>; 3])> = Vec::with_capacity(1000);
    for n in 0..1000 {
        let s = &seeds[n % seeds.len()];
        let text = format!("{}\ncopy {n}", s.doc.text());
        let doc = Document::new(format!("{}-{n}", s.doc.id), &text, s.doc.dct()).expect("document");
        let len = doc.len();
        let versions =
            [s.annotations.clone(), perturb(&s.annotations, len, &mut rng), perturb(&s.annotations, len, &mut rng)];
        docs.push((doc, versions));
    }
    let names = ["ann1", "ann2", "ann3"];
    let coded: Vec<Coded> = docs
        .iter()
        .flat_map(|(doc, v)| {
            v.iter().zip(names).map(move |(anns, annotator)| Coded { annotator, doc, annotations: anns })
        })
        .collect();
    let r = report(&coded).expect("report");
    assert_eq!(r.documents.len(), 1000);
    eprintln!(
        "1,000 documents, 3 annotators: {} disagreements; alpha (all labels) {:?}, alpha_U {:?}",
        r.corpus.disagreements, r.corpus.labels[3].alpha, r.corpus.labels[3].alpha_u
    );
    let mut group = c.benchmark_group("agree");
    group.sample_size(10);
    group.bench_function("corpus_1000_docs_3_annotators", |b| b.iter(|| report(black_box(&coded)).expect("report")));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
