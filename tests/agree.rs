//! Properties of the agreement report (src/eval/agree) on the seed gold files and on
//! perturbed copies of them: identical versions agree perfectly wherever a figure is defined,
//! the order of a version's annotations changes nothing, every pairwise figure is symmetric
//! in the pair, kappa and alpha stay within [-1, 1], and a known difference is reported as
//! the disagreement it is.
//!
//! Owns: these properties. It must not: re-test the coefficients' worked examples (they are
//! unit tests of each module).

use gloss::eval::agree::{report, Coded, Report};
use gloss::formats::gold::GoldFile;
use gloss::model::{ActorKind, Annotation, Attrs, Label, Span};
use proptest::prelude::*;
use std::path::Path;

fn seeds() -> Vec<GoldFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    names.iter().map(|p| GoldFile::from_json(&std::fs::read_to_string(p).unwrap()).unwrap()).collect()
}

/// One change to a version: what to do to which annotation.
#[derive(Clone, Debug)]
enum Change {
    Drop(usize),
    Shift(usize, i8, i8),
    Relabel(usize, u8),
    Kind(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        any::<usize>().prop_map(Change::Drop),
        (any::<usize>(), -3i8..=3, -3i8..=3).prop_map(|(i, a, b)| Change::Shift(i, a, b)),
        (any::<usize>(), 0u8..3).prop_map(|(i, l)| Change::Relabel(i, l)),
        any::<usize>().prop_map(Change::Kind),
    ]
}

fn apply(anns: &mut Vec<Annotation>, len: usize, changes: &[Change]) {
    for c in changes {
        if anns.is_empty() {
            return;
        }
        let n = anns.len();
        match *c {
            Change::Drop(i) => {
                anns.remove(i % n);
            }
            Change::Shift(i, a, b) => {
                let s = anns[i % n].span;
                let start = (s.start() as i64 + i64::from(a)).clamp(0, len as i64) as usize;
                let end = (s.end() as i64 + i64::from(b)).clamp(start as i64, len as i64) as usize;
                anns[i % n].span = Span::new(start, end).unwrap();
            }
            Change::Relabel(i, l) => anns[i % n].attrs = Label::ALL[l as usize].empty_attrs(),
            Change::Kind(i) => {
                if let Attrs::Actor(a) = &mut anns[i % n].attrs {
                    a.kind = if a.kind == ActorKind::Person { ActorKind::Group } else { ActorKind::Person };
                }
            }
        }
    }
}

fn two(f: &GoldFile, a: &[Annotation], b: &[Annotation]) -> Report {
    report(&[
        Coded { annotator: "a", doc: &f.doc, annotations: a },
        Coded { annotator: "b", doc: &f.doc, annotations: b },
    ])
    .unwrap()
}

/// Every figure of a report that is defined equals 1 (or the spans all match).
fn assert_perfect(r: &Report) {
    for l in &r.corpus.labels {
        for x in [l.strict_f1, l.overlap_f1, l.kappa, l.alpha, l.alpha_u].into_iter().flatten() {
            assert!((x - 1.0).abs() < 1e-9, "{}: {x} in {l:?}", l.label);
        }
    }
    for a in &r.corpus.attributes {
        assert_eq!(a.agree, a.total, "{}", a.attribute);
    }
    assert_eq!(r.corpus.disagreements, 0);
    for c in &r.corpus.confusion {
        for (i, row) in c.counts.iter().enumerate() {
            for (j, n) in row.iter().enumerate() {
                assert!(i == j || *n == 0, "off-diagonal confusion {i},{j}: {n}");
            }
        }
    }
}

#[test]
fn identical_versions_agree_perfectly_on_every_seed() {
    for f in seeds() {
        let r = two(&f, &f.annotations, &f.annotations);
        assert_perfect(&r);
        // The seeds have spans of every label: the figures are defined.
        for l in &r.corpus.labels {
            assert_eq!(l.strict_f1, Some(1.0), "{} {}", f.doc.id, l.label);
            assert!(l.alpha.is_some() && l.alpha_u.is_some(), "{} {}", f.doc.id, l.label);
        }
    }
}

#[test]
fn a_known_difference_is_reported_as_it_is() {
    let f = seeds().remove(0);
    let mut b = f.annotations.clone();
    // Drop the first DATE, widen the first ACTOR by one code point at its end.
    let d = b.iter().position(|a| a.label() == Label::Date).unwrap();
    let dropped = b.remove(d);
    let i = b.iter().position(|a| a.label() == Label::Actor).unwrap();
    let wide = Span::new(b[i].span.start(), b[i].span.end() + 1).unwrap();
    let old = b[i].span;
    b[i].span = wide;
    let r = two(&f, &f.annotations, &b);
    let doc = &r.documents[0];
    let missing: Vec<_> = doc.disagreements.iter().filter(|d| d.what == ["missing"]).collect();
    assert_eq!(missing.len(), 1);
    assert_eq!((missing[0].start, missing[0].end), (dropped.span.start(), dropped.span.end()));
    assert_eq!(missing[0].sides[0].annotators, ["a"]);
    assert_eq!(missing[0].sides[1].annotators, ["b"]);
    assert_eq!(missing[0].sides[1].start, None);
    let boundary: Vec<_> = doc.disagreements.iter().filter(|d| d.what.contains(&"boundary".to_string())).collect();
    assert_eq!(boundary.len(), 1);
    assert_eq!((boundary[0].start, boundary[0].end), (old.start(), wide.end()));
    let date = &r.corpus.labels[1];
    let n = f.annotations.iter().filter(|a| a.label() == Label::Date && a.status.is_live()).count();
    assert_eq!(date.pairs[0].strict.matched, n - 1);
    assert_eq!(r.corpus.confusion[0].counts[1][3], 1, "the dropped DATE is in the NONE column");
    let actor = &r.corpus.labels[0];
    assert_eq!(actor.pairs[0].overlap.matched, actor.pairs[0].strict.matched + 1);
}

#[test]
fn missing_annotator_and_other_text() {
    let s = seeds();
    let other = GoldFile::from_json(
        &s[1].to_json().replace(&format!("\"id\": \"{}\"", s[1].doc.id), &format!("\"id\": \"{}\"", s[0].doc.id)),
    )
    .unwrap();
    assert_eq!(other.doc.id, s[0].doc.id);
    let r = report(&[
        Coded { annotator: "a", doc: &s[0].doc, annotations: &s[0].annotations },
        Coded { annotator: "b", doc: &s[0].doc, annotations: &s[0].annotations },
        Coded { annotator: "c", doc: &s[0].doc, annotations: &s[0].annotations },
        Coded { annotator: "a", doc: &s[2].doc, annotations: &s[2].annotations },
        Coded { annotator: "b", doc: &s[2].doc, annotations: &s[2].annotations },
    ])
    .unwrap();
    assert_eq!(r.documents[1].missing, ["c"]);
    assert_eq!(r.alpha_u_documents, 1);
    // Pairs with c cover one document, a ~ b two.
    assert_eq!(r.corpus.labels[3].pairs.len(), 3);
    let r = report(&[
        Coded { annotator: "a", doc: &s[0].doc, annotations: &s[0].annotations },
        Coded { annotator: "b", doc: &other.doc, annotations: &other.annotations },
    ])
    .unwrap();
    assert!(r.documents.is_empty());
    assert_eq!(r.alone.len(), 2);
    assert_eq!(r.different_texts.len(), 1);
    assert_eq!(r.different_texts[0].texts.len(), 2);
    // One annotator, two versions of the same text: refused in words.
    let e = report(&[
        Coded { annotator: "a", doc: &s[0].doc, annotations: &s[0].annotations },
        Coded { annotator: "a", doc: &s[0].doc, annotations: &[] },
    ])
    .unwrap_err();
    assert!(e.to_string().contains("two versions"), "{e}");
}

fn pair_figures(r: &Report) -> Vec<[Option<f64>; 5]> {
    r.corpus.labels.iter().map(|l| [l.strict_f1, l.overlap_f1, l.kappa, l.alpha, l.alpha_u]).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_version_agrees_with_itself(seed in 0usize..5, order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>())) {
        let f = &seeds()[seed];
        let mut b = f.annotations.clone();
        // A deterministic shuffle from the drawn number.
        let mut x = order | 1;
        for i in (1..b.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            b.swap(i, (x % (i as u64 + 1)) as usize);
        }
        assert_perfect(&two(f, &f.annotations, &b));
    }

    #[test]
    fn pairwise_figures_are_symmetric_and_bounded(seed in 0usize..5, changes in prop::collection::vec(change(), 0..12)) {
        let f = &seeds()[seed];
        let mut b = f.annotations.clone();
        apply(&mut b, f.doc.len(), &changes);
        let ab = two(f, &f.annotations, &b);
        let ba = report(&[
            Coded { annotator: "a", doc: &f.doc, annotations: &b },
            Coded { annotator: "b", doc: &f.doc, annotations: &f.annotations },
        ]).unwrap();
        let (x, y) = (pair_figures(&ab), pair_figures(&ba));
        for (p, q) in x.iter().zip(&y) {
            for (&u, &v) in p.iter().zip(q) {
                match (u, v) {
                    (Some(u), Some(v)) => prop_assert!((u - v).abs() < 1e-9, "{u} vs {v}"),
                    (u, v) => prop_assert_eq!(u, v),
                }
            }
        }
        for l in &ab.corpus.labels {
            for k in [l.kappa, l.alpha].into_iter().flatten() {
                prop_assert!((-1.0 - 1e-9..=1.0 + 1e-9).contains(&k), "{} out of range in {}", k, l.label);
            }
        }
        prop_assert_eq!(ab.corpus.disagreements, ba.corpus.disagreements);
        // The confusion table of (b, a) is that of (a, b) transposed.
        let (c, d) = (&ab.corpus.confusion[0].counts, &ba.corpus.confusion[0].counts);
        for i in 0..4 { for j in 0..4 { prop_assert_eq!(c[i][j], d[j][i]); } }
        for (s, t) in ab.corpus.attributes.iter().zip(&ba.corpus.attributes) {
            prop_assert_eq!((s.agree, s.total), (t.agree, t.total));
        }
        // No figure is NaN anywhere in the JSON.
        let json = serde_json::to_string(&ab).unwrap();
        prop_assert!(!json.contains("NaN"));
    }

    #[test]
    fn three_annotators_alpha_is_bounded(seed in 0usize..5, c1 in prop::collection::vec(change(), 0..8), c2 in prop::collection::vec(change(), 0..8)) {
        let f = &seeds()[seed];
        let (mut b, mut c) = (f.annotations.clone(), f.annotations.clone());
        apply(&mut b, f.doc.len(), &c1);
        apply(&mut c, f.doc.len(), &c2);
        let r = report(&[
            Coded { annotator: "a", doc: &f.doc, annotations: &f.annotations },
            Coded { annotator: "b", doc: &f.doc, annotations: &b },
            Coded { annotator: "c", doc: &f.doc, annotations: &c },
        ]).unwrap();
        prop_assert_eq!(r.corpus.labels[0].pairs.len(), 3);
        for l in &r.corpus.labels {
            for k in l.pairs.iter().map(|p| p.kappa).chain([l.alpha]).flatten() {
                prop_assert!((-1.0 - 1e-9..=1.0 + 1e-9).contains(&k));
            }
        }
    }
}
