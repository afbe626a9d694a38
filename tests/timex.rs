//! The TIMEX3 grammar of `model::timex` against real values: every value and mod the
//! extractor writes on the seeds and on the development corpora (`../shared/data/dev`,
//! skipped with a note when absent) must pass it, and so must every value of the seeds' gold
//! files. The corpora's own gold values are read, not refused, and those that break the
//! grammar are counted and printed.
//!
//! Owns: those checks over whole texts. It must not: hold the grammar's worked examples (they
//! are the unit tests of `src/model/timex.rs`) or change what the extractor writes.

use gloss::extract::Pipeline;
use gloss::formats::corpus;
use gloss::formats::gold::GoldFile;
use gloss::model::{value_problem, Document, Label};
use std::collections::BTreeMap;
use std::path::Path;

/// A test on a problem message.
type Matches = fn(&str) -> bool;

/// Values the extractor writes that break the TIMEX3 grammar, kept out of the assertion by
/// name: each is (what it is, a test on the problem message, how many times it is known to
/// occur at most on all the texts here). None today ("at the time" after "Sunday night" was
/// DATE 2016-01-17TNI until `Norm::point` gave a point with a time of day the type TIME).
const KNOWN_INVALID: [(&str, Matches, usize); 0] = [];

/// The DATE problems among the extractor's output on `doc`, one message each.
fn problems(pipe: &Pipeline, doc: &Document) -> (usize, Vec<String>) {
    let dates = pipe.run_label(doc, Label::Date);
    let n = dates.len();
    (n, dates.iter().filter_map(value_problem).map(|p| format!("{}: {p}", doc.id)).collect())
}

/// Splits problems into known exceptions (counted by name) and the rest.
fn sort_out(found: Vec<String>, known: &mut BTreeMap<&'static str, usize>) -> Vec<String> {
    found
        .into_iter()
        .filter(|p| match KNOWN_INVALID.iter().find(|(_, test, _)| test(p)) {
            Some((name, _, _)) => {
                *known.entry(name).or_default() += 1;
                false
            }
            None => true,
        })
        .collect()
}

fn seed_golds() -> Vec<GoldFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "five seed gold files");
    names
        .iter()
        .map(|p| {
            let json = std::fs::read_to_string(p).expect("seed gold");
            GoldFile::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

#[test]
fn seed_gold_values_pass_the_grammar() {
    let mut n = 0;
    for g in seed_golds() {
        for a in g.annotations.iter().filter(|a| a.label() == Label::Date) {
            n += 1;
            assert_eq!(value_problem(a), None, "{}", g.doc.id);
        }
    }
    println!("{n} seed gold DATE values, all valid");
    assert!(n >= 40, "the seeds hold {n} dates");
}

#[test]
fn extracted_values_pass_the_grammar_on_the_seeds() {
    let pipe = Pipeline::default();
    let mut known = BTreeMap::new();
    let (mut n, mut bad) = (0, Vec::new());
    for g in seed_golds() {
        let (k, found) = problems(&pipe, &g.doc);
        n += k;
        bad.extend(sort_out(found, &mut known));
    }
    println!("seeds: {n} extracted dates, known exceptions {known:?}");
    assert!(n >= 40, "the extractor found {n} dates on the seeds");
    assert!(bad.is_empty(), "{} extracted values break the grammar:\n{}", bad.len(), bad.join("\n"));
    within_known_counts(&known);
}

/// A known exception that occurs more often than recorded is a new problem, not the old one.
fn within_known_counts(known: &BTreeMap<&'static str, usize>) {
    for (name, _, max) in KNOWN_INVALID {
        let n = known.get(name).copied().unwrap_or(0);
        assert!(n <= max, "{name}: {n} times, known at most {max}");
    }
}

#[test]
fn extracted_values_pass_and_gold_values_are_counted_on_the_dev_corpora() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/dev");
    let files = [
        "tbaq-timebank.jsonl",
        "tbaq-aquaint.jsonl",
        "meantime-airbus-apple.jsonl",
        "polnear-dev.jsonl",
        "polnear-train.jsonl",
        "wikigold.jsonl",
    ];
    if !dir.exists() {
        println!("note: {} not found; dev-corpus TIMEX3 checks skipped", dir.display());
        return;
    }
    let pipe = Pipeline::default();
    let mut known = BTreeMap::new();
    let mut bad = Vec::new();
    for f in files {
        let Ok(src) = std::fs::read_to_string(dir.join(f)) else {
            println!("note: {f} not found; skipped");
            continue;
        };
        // The corpus reader must read every line: invalid gold values are listed, not refused.
        let docs = corpus::read(&src).unwrap_or_else(|e| panic!("{f}: {e}"));
        let (mut n_pred, mut n_gold, mut gold_bad) = (0, 0, Vec::new());
        for (_, d) in &docs {
            n_gold += d.file.annotations.iter().filter(|a| a.label() == Label::Date).count();
            gold_bad.extend(d.invalid_values.iter().map(|p| format!("{}: {p}", d.file.doc.id)));
            let (k, found) = problems(&pipe, &d.file.doc);
            n_pred += k;
            bad.extend(sort_out(found, &mut known));
        }
        println!(
            "{f}: {} documents, {n_pred} extracted dates; gold: {n_gold} dates, {} break the grammar",
            docs.len(),
            gold_bad.len()
        );
        for p in &gold_bad {
            println!("  gold {p}");
        }
    }
    println!("known exceptions among extracted values: {known:?}");
    assert!(bad.is_empty(), "{} extracted values break the grammar:\n{}", bad.len(), bad.join("\n"));
    within_known_counts(&known);
}
