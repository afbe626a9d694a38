//! Timeline speed: building the corpus timeline (every DATE placed, sentences, identities,
//! events and groups), its layout and its CSV over 1,000 documents.
//!
//! The documents are the five seed gold files repeated 200 times under new ids (each text made
//! distinct by a first line naming its copy, every span shifted past it), so the mix of dates,
//! actors and sentences is the seeds' own. This is the work the page does when the timeline
//! view opens on a corpus of 1,000 loaded documents.
//!
//! Run: `cargo bench --bench timeline`.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::formats::gold::GoldFile;
use gloss::model::{Annotation, Attrs, Cue, Document, Span};
use gloss::ui::corpus::Loaded;
use gloss::ui::views::timeline::layout::{layout, to_svg, windows};
use gloss::ui::views::timeline::{build, to_csv, Filter};
use std::hint::black_box;
use std::path::Path;
use std::rc::Rc;

fn shift(s: Span, by: usize) -> Span {
    Span::new(s.start() + by, s.end() + by).expect("shifted span")
}

fn shifted(a: &Annotation, by: usize) -> Annotation {
    let mut a = a.clone();
    a.span = shift(a.span, by);
    if let Attrs::Claim(c) = &mut a.attrs {
        let move_cue = |x: &mut Option<Cue>| {
            if let Some(x) = x {
                x.span = shift(x.span, by);
            }
        };
        move_cue(&mut c.cue);
        move_cue(&mut c.source_words);
    }
    a
}

/// The seeds repeated to `n` documents.
fn corpus(n: usize) -> Vec<Loaded> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    let seeds: Vec<GoldFile> =
        names.iter().map(|p| GoldFile::from_json(&std::fs::read_to_string(p).unwrap()).unwrap()).collect();
    (0..n)
        .map(|i| {
            let f = &seeds[i % seeds.len()];
            let head = format!("Copy {i}\n");
            let by = head.chars().count();
            let id = format!("doc{i:04}");
            let doc = Document::new(id.clone(), &format!("{head}{}", f.doc.text()), f.doc.dct()).unwrap();
            let anns: Vec<Annotation> = f.annotations.iter().map(|a| shifted(a, by)).collect();
            (id, head.trim().to_string(), Rc::new(doc), Rc::new(anns))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus(1000);
    let t = build(&docs, &Filter::default());
    assert_eq!(t.docs.len(), 1000);
    assert!(t.points.len() > 5000, "{} points", t.points.len());
    let mut g = c.benchmark_group("timeline");
    g.sample_size(20);
    g.bench_function("build 1000 docs", |b| b.iter(|| black_box(build(black_box(&docs), &Filter::default()))));
    g.bench_function("build, one identity, 1000 docs", |b| {
        let f = Filter { doc: None, identity: Some("Yann Vezilier".into()) };
        b.iter(|| black_box(build(black_box(&docs), &f)))
    });
    let w = windows(&t).remove(0);
    g.bench_function("layout + svg 1000 docs", |b| b.iter(|| black_box(to_svg(&t, &layout(&t, &w, 960.0)))));
    g.bench_function("csv 1000 docs", |b| b.iter(|| black_box(to_csv(&t))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
