//! Instruction counts of the whole pipeline, for comparing two versions of the code on a
//! machine whose wall-clock timings are not steady (the criterion benchmark in
//! `benches/extract.rs` is the timing). Warms up, then runs `Pipeline::run` N times over the
//! five seeds (or, with `BIG=1`, over the benchmark's 1 MB document; with `TEXT=...`, over that
//! text alone, which shows the fixed cost of a document) inside `measured`:
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

/// The allocator of the `gloss` CLI, so that the figures are those of the native tool.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed is UTF-8");
            Document::new("seed", &text, Some("2025-09-19".parse().unwrap())).expect("seed is a document")
        })
        .collect()
}

/// The seeds' paragraphs repeated to 1 MB, as in `benches/extract.rs`.
fn one_megabyte(seeds: &[Document]) -> Document {
    let mut text = String::with_capacity(1 << 20);
    'fill: loop {
        for d in seeds {
            for para in d.text().split('\n').filter(|p| p.len() > 40) {
                text.push_str(para);
                text.push('\n');
                if text.len() >= 1 << 20 {
                    break 'fill;
                }
            }
        }
    }
    Document::new("1mb", &text, Some("2025-09-19".parse().unwrap())).expect("1 MB is under the limit")
}

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
    } else if let Some(t) = std::env::var_os("TEXT") {
        vec![Document::new("text", &t.to_string_lossy(), Some("2025-09-19".parse().unwrap())).expect("a document")]
    } else {
        seeds
    };
    // Warm-up: the regex engines build their lazy automata on first use.
    let warm: usize = (0..5).map(|_| docs.iter().map(|d| pipeline.run(d).len()).sum::<usize>()).sum();
    println!("warm-up {warm} annotations; measured {} annotations", measured(&pipeline, &docs, n));
}
