//! What the criterion benchmark (`benches/extract.rs`) and the instruction-count harness
//! (`examples/pipeline_loop.rs`) both measure, so that their figures are of the same inputs
//! and the same allocator. Included by path (`#[path = ...] mod common;`); a folder without
//! `main.rs` is not a benchmark target of its own. The adversarial texts are in
//! `adversarial.rs`, which the linearity test includes too.

pub mod adversarial;

use gloss::model::Document;
use gloss::ui::seeds::SEEDS;

/// The allocator of the `gloss` CLI, so that the figures are those of the native tool.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The five seeds in file order, each with the DCT 2025-09-19.
pub fn seeds() -> Vec<Document> {
    SEEDS
        .iter()
        .map(|s| Document::new("seed", s.text, Some("2025-09-19".parse().unwrap())).expect("seed is a document"))
        .collect()
}

/// The seeds' paragraphs of more than 40 bytes repeated to 1 MB: each copy is a real news
/// paragraph, so the mix of names, dates and quotes is the seeds' own.
pub fn one_megabyte(seeds: &[Document]) -> Document {
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

/// Each adversarial shape repeated to 1 Mi code points, with its name.
pub fn adversarial_megabytes() -> Vec<(&'static str, Document)> {
    adversarial::SHAPES
        .iter()
        .map(|&(name, unit)| {
            let text = adversarial::text_of(unit, 1 << 20);
            (
                name,
                Document::new(name, &text, Some("2025-09-19".parse().unwrap()))
                    .expect("1 Mi code points is a document"),
            )
        })
        .collect()
}
