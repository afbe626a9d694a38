//! Checks the hand-made gold files of the seed articles: `seeds/<stem>.gold.json`, one per
//! `seeds/<stem>.txt`.
//!
//! Owns: the promises those reference files make to everything scored against them (they load
//! with the project's own reader, hold exactly the seed's text, carry the DCT of
//! seeds/README.md, are gold, break no span rule of GUIDELINES.md, give every claim a cue and
//! every actor a canonical name, and name each actor the same way in every file). It must
//! not: run the extractor or compare predictions with the gold (that is the golden test).

use gloss::formats::gold::GoldFile;
use gloss::model::{warnings, Attrs, Document, Label, Mention, Status};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The seeds and their creation dates, as seeds/README.md gives them.
const DCTS: [(&str, Option<&str>); 5] = [
    ("000_c000a84573ae1d4c", Some("2025-09-19")),
    ("001_45faedf3a959a4bf", Some("2025-09-19")),
    ("002_529ec33e3dc1b67b", Some("2025-09-20")),
    ("003_5e4fbdc3dc7a9a1e", Some("2025-09-19")),
    ("004_913e2693d2b18d77", None),
];

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

struct Seed {
    stem: String,
    raw: String,
    json: String,
    gold: GoldFile,
}

/// Every `seeds/*.txt` with its gold file, loaded by the project's reader.
fn load() -> Vec<Seed> {
    let mut stems: Vec<String> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ is readable")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_string))
        .collect();
    stems.sort();
    assert_eq!(stems.len(), DCTS.len(), "seeds/ holds {stems:?}; seeds/README.md lists {} articles", DCTS.len());
    stems
        .into_iter()
        .map(|stem| {
            let dir = seeds_dir();
            let raw = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("seed text is UTF-8");
            let path = dir.join(format!("{stem}.gold.json"));
            let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let gold = GoldFile::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Seed { stem, raw, json, gold }
        })
        .collect()
}

#[test]
fn every_seed_has_a_gold_file_with_its_exact_text_and_dct() {
    for s in load() {
        let expected = Document::new(s.stem.as_str(), &s.raw, None).expect("seed text is a document");
        assert_eq!(s.gold.doc.id, s.stem, "{}: id", s.stem);
        assert_eq!(s.gold.doc.text(), expected.text(), "{}: the gold text differs from the .txt", s.stem);
        assert_eq!(s.gold.doc.sha256(), expected.sha256(), "{}: sha256", s.stem);
        let dct = DCTS.iter().find(|(stem, _)| *stem == s.stem).unwrap_or_else(|| panic!("{} not in DCTS", s.stem)).1;
        assert_eq!(s.gold.doc.dct().map(|d| d.to_string()).as_deref(), dct, "{}: dct", s.stem);
        assert_eq!(s.gold.meta.guidelines, gloss::GUIDELINES_VERSION, "{}: guidelines version", s.stem);
    }
}

#[test]
fn gold_files_are_in_the_writers_exact_form() {
    for s in load() {
        assert_eq!(s.gold.to_json(), s.json, "{}: the file is not what GoldFile::to_json writes", s.stem);
    }
}

#[test]
fn gold_files_are_gold_and_follow_the_span_rules() {
    for s in load() {
        let anns = &s.gold.annotations;
        assert!(!anns.is_empty(), "{}: no annotations", s.stem);
        assert!(s.gold.is_gold(), "{}: predicted spans left", s.stem);
        assert!(anns.iter().all(|a| a.status != Status::Predicted), "{}", s.stem);
        let w = warnings(&s.gold.doc, anns);
        assert!(w.is_empty(), "{}: {w:#?}", s.stem);
        for a in anns {
            match &a.attrs {
                Attrs::Actor(act) => {
                    assert!(!act.canonical.trim().is_empty(), "{} {}: no canonical", s.stem, a.id);
                    if act.mention == Mention::Name {
                        assert!(!a.quote.starts_with("the ") && !a.quote.starts_with("The "), "{} {}", s.stem, a.id);
                    }
                }
                Attrs::Claim(c) => {
                    let cue = c.cue.as_ref().unwrap_or_else(|| panic!("{} {}: a claim without a cue", s.stem, a.id));
                    assert!(!cue.span.overlaps(&a.span), "{} {}: the cue lies inside the claim", s.stem, a.id);
                    assert!(!a.quote.starts_with("that "), "{} {}: a leading 'that'", s.stem, a.id);
                }
                Attrs::Date(d) => {
                    if s.gold.doc.dct().is_none() {
                        assert_ne!(d.anchor.as_deref(), Some("dct"), "{} {}: anchored to a missing DCT", s.stem, a.id);
                    }
                }
            }
        }
    }
}

#[test]
fn ids_number_each_label_in_text_order() {
    for s in load() {
        for label in Label::ALL {
            let prefix = &label.as_str()[..1];
            let ids: Vec<&str> =
                s.gold.annotations.iter().filter(|a| a.label() == label).map(|a| a.id.as_str()).collect();
            let expected: Vec<String> = (1..=ids.len()).map(|n| format!("{prefix}{n}")).collect();
            assert_eq!(ids, expected, "{}: {label} ids", s.stem);
        }
    }
}

#[test]
fn canonical_names_agree_across_files() {
    let seeds = load();
    // quote of a state or a name -> (canonical, where first seen)
    let mut by_quote: BTreeMap<String, (String, String)> = BTreeMap::new();
    // canonical -> (kind, where first seen)
    let mut kinds: BTreeMap<String, (&'static str, String)> = BTreeMap::new();
    for s in &seeds {
        for a in &s.gold.annotations {
            let Some(act) = a.actor() else { continue };
            let here = format!("{} {}", s.stem, a.id);
            if act.kind.as_str() == "state" || act.mention == Mention::Name {
                let (canonical, first) =
                    by_quote.entry(a.quote.clone()).or_insert((act.canonical.clone(), here.clone()));
                assert_eq!(&act.canonical, canonical, "{here}: {:?} named differently from {first}", a.quote);
            }
            let (kind, first) = kinds.entry(act.canonical.clone()).or_insert((act.kind.as_str(), here.clone()));
            assert_eq!(act.kind.as_str(), *kind, "{here}: {:?} has another kind than at {first}", act.canonical);
        }
    }
    for (quote, canonical) in [
        ("Paris", "France"),
        ("Bamako", "Mali"),
        ("Goita", "Assimi Goïta"),
        ("ISIL", "Islamic State"),
        ("French foreign ministry", "French Ministry for Europe and Foreign Affairs"),
    ] {
        let got = by_quote.get(quote).map(|(c, _)| c.as_str());
        assert_eq!(got, Some(canonical), "{quote}");
    }
}
