//! The page's extractor as its own WebAssembly module: the exports of
//! [`gloss::wasm_api`] (`extract`, `predict`, `predict_parts`, `guess_date`), run by the page's Web Worker
//! (www/extract-worker.js) and callable from any page (www/extract.html). No UI.
//!
//! Owns: nothing but linking those exports. It must not: hold any logic.

pub use gloss::wasm_api::js::{extract, guess_date, predict, predict_parts};

fn main() {}
