//! Instruction counts of the whole pipeline, for comparing two versions of the code on a
//! machine whose wall-clock timings are not steady (the criterion benchmark in
//! `benches/extract.rs` is the timing). Warms up, then runs `Pipeline::run` N times over the
//! five seeds (or, with `BIG=1`, over the benchmark's 1 MB document; with `TEXT=...`, over that
//! text alone, which shows the fixed cost of a document; with `SHAPE=name`, over that
//! adversarial shape of `benches/common/adversarial.rs` repeated to 1 Mi code points) inside
//! `measured`:
//!
//! ```sh
//! cargo build --profile bench --no-default-features --example pipeline_loop
//! valgrind --tool=callgrind --toggle-collect='pipeline_loop::measured' \
//!     target/release/examples/pipeline_loop 20
//! ```
//!
//! Divide callgrind's total by N for the instructions of one pass.

use gloss::extract::Pipeline;
use gloss::model::Document;

#[path = "../benches/common/mod.rs"]
mod common;
use common::{adversarial_megabytes, one_megabyte, seeds};

#[inline(never)]
fn measured(p: &Pipeline, docs: &[Document], n: usize) -> usize {
    let mut found = 0;
    for _ in 0..n {
        for d in docs {
            found += p.run(std::hint::black_box(d)).len();
        }
    }
    found
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    let pipeline = Pipeline::default();
    let seeds = seeds();
    let docs = if std::env::var_os("BIG").is_some() {
        vec![one_megabyte(&seeds)]
    } else if let Some(shape) = std::env::var_os("SHAPE") {
        let all = adversarial_megabytes();
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        match all.iter().find(|(n, _)| shape.to_str() == Some(n)) {
            Some((_, d)) => vec![d.clone()],
            None => {
                eprintln!("SHAPE must be one of: {}", names.join(", "));
                std::process::exit(2);
            }
        }
    } else if let Some(t) = std::env::var_os("TEXT") {
        vec![Document::new("text", &t.to_string_lossy(), Some("2025-09-19".parse().unwrap())).expect("a document")]
    } else {
        seeds
    };
    // Warm-up: the regex engines build their lazy automata on first use.
    let warm: usize = (0..5).map(|_| docs.iter().map(|d| pipeline.run(d).len()).sum::<usize>()).sum();
    println!("warm-up {warm} annotations; measured {} annotations", measured(&pipeline, &docs, n));
}
