//! The long fuzz run of every reader: N mutants per reader (`--per-reader`, default one
//! million) of the seed gold files written in every format (tests/fuzz_driver), with the
//! inputs per second and the panics of each reader printed. Panicking inputs are written to
//! tests/fixtures/fuzz-regressions/, which `cargo test --test fuzz` replays.
//!
//! ```sh
//! nice -n 19 cargo run --example fuzz_readers -- --per-reader 1000000 [--seed 14] [--only doccano]
//! nice -n 19 cargo run --example fuzz_readers -- --roundtrip --per-reader 100000
//! ```
//! The dev profile is meant: its overflow checks and debug assertions turn silent wrap-arounds
//! into panics the run can see. `--roundtrip` checks instead that what a lossless format's
//! reader accepts comes back the same (documents and annotations compared by id) after its
//! writer and reader, and saves the first differing inputs under the temporary directory.
//! It must not: be a test (no assertion; it reports), or run readers in parallel (one core).

#[path = "../tests/fuzz_driver/mod.rs"]
#[allow(dead_code)] // the replay helpers serve tests/fuzz.rs
mod fuzz_driver;

use std::path::PathBuf;

fn main() {
    let mut per_reader: u64 = 1_000_000;
    let mut seed: u64 = 14;
    let mut only: Option<String> = None;
    let mut roundtrip = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--per-reader" => per_reader = value.replace('_', "").parse().expect("--per-reader N"),
            "--seed" => seed = value.parse().expect("--seed N"),
            "--only" => only = Some(value),
            "--roundtrip" => {
                roundtrip = true;
                i += 1;
                continue;
            }
            other => {
                eprintln!("unknown argument {other}: use --per-reader N, --seed N, --only READER");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let regressions = repo.join("tests").join("fixtures").join("fuzz-regressions");
    fuzz_driver::quiet_panics();
    let mut all_panics = 0;
    println!("{:<12} {:>10} {:>10} {:>12} {:>7}", "reader", "seeds", "inputs", "inputs/s", "panics");
    for (target, samples) in fuzz_driver::seeds(&repo) {
        if only.as_deref().is_some_and(|o| o != target.name()) {
            continue;
        }
        if roundtrip {
            round_trips(target, &samples, per_reader, seed);
            continue;
        }
        let r = fuzz_driver::run_target(target, &samples, per_reader, seed, &regressions);
        println!(
            "{:<12} {:>10} {:>10} {:>12.0} {:>7}",
            target.name(),
            samples.len(),
            r.inputs,
            r.inputs as f64 / r.seconds,
            r.panics.len()
        );
        for (msg, path) in &r.panics {
            println!("  panic: {msg}\n    input: {}", path.display());
        }
        all_panics += r.panics.len();
    }
    println!("{all_panics} panics in all");
}

/// `--roundtrip`: counts the mutants a lossless format reads but does not give back the same
/// after a write and a read, printing the first few.
fn round_trips(target: fuzz_driver::Target, samples: &[fuzz_driver::Sample], n: u64, seed: u64) {
    use proptest::prelude::RngExt;
    let mut rng = fuzz_driver::rng(seed);
    let mut differ = 0;
    for _ in 0..n {
        let a = &samples[rng.random_range(0..samples.len())];
        let b = &samples[rng.random_range(0..samples.len())];
        let m = fuzz_driver::mutate_sample(&mut rng, a, b);
        let utf16 = rng.random_range(0..4) == 0;
        if let Some(d) = fuzz_driver::roundtrip_difference(target, &m, utf16) {
            differ += 1;
            if differ <= 3 {
                println!("  {}: {d}", target.name());
                let dir = std::env::temp_dir().join("gloss-roundtrip");
                let saved = fuzz_driver::save(&dir, target, &m, utf16);
                println!("    input saved as {}", saved.display());
            }
        }
    }
    println!("{:<12} {n} mutants, {differ} not the same after a round trip", target.name());
}
