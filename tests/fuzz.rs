//! The readers fuzzed on a small budget in CI, and every input that ever made one panic
//! replayed. The mutation driver is tests/fuzz_driver (shared with the long run,
//! `cargo run --release --example fuzz_readers -- --per-reader 1000000`).
//!
//! Owns: asserting that no reader (each format's, the format guesser, `extract`'s input
//! lines) panics on 2,000 deterministic mutants each of the seed gold files written in every
//! format, and on any file of tests/fixtures/fuzz-regressions. It must not: time anything.

#[path = "fuzz_driver/mod.rs"]
#[allow(dead_code)] // the report's fields serve examples/fuzz_readers.rs
mod fuzz_driver;

use fuzz_driver::{feed, load, quiet_panics, run_target, seeds};
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn regressions() -> PathBuf {
    repo().join("tests").join("fixtures").join("fuzz-regressions")
}

/// The per-reader budget: `GLOSS_FUZZ_PER_READER`, or 2,000.
fn budget() -> u64 {
    std::env::var("GLOSS_FUZZ_PER_READER").ok().and_then(|s| s.parse().ok()).unwrap_or(2_000)
}

#[test]
fn no_reader_panics_on_mutants_of_the_seeds() {
    quiet_panics();
    let mut failed = Vec::new();
    let mut total = 0;
    for (target, samples) in seeds(&repo()) {
        assert!(!samples.is_empty(), "{}: no seed input", target.name());
        let r = run_target(target, &samples, budget(), 14, &regressions());
        total += r.inputs;
        for (msg, path) in r.panics {
            failed.push(format!("{}: {msg} (input saved as {})", target.name(), path.display()));
        }
    }
    assert!(total >= 11 * budget(), "every reader ran its budget");
    assert!(failed.is_empty(), "{} panics:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn every_saved_crash_is_replayed_without_a_panic() {
    quiet_panics();
    let Ok(entries) = std::fs::read_dir(regressions()) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.retain(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !n.starts_with('.') && n != "README.md"));
    paths.sort();
    let mut failed = Vec::new();
    for p in &paths {
        let (target, sample, utf16) = load(p).unwrap_or_else(|| panic!("{}: not a regression input", p.display()));
        if let Err(msg) = feed(target, &sample, utf16) {
            failed.push(format!("{}: {msg}", p.display()));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}
