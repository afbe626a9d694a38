//! Gloss: gold-standard annotation of news articles.
//!
//! One crate, three faces: the web app (feature `web`), this library, and the `gloss`
//! CLI (feature `cli`). Data flows one way:
//! text -> [`model::Document`] -> [`extract::Pipeline`] -> [`model::Annotation`]s ->
//! [`formats`] (gold JSON) and [`eval`] (scores).
//!
//! ```
//! use gloss::{extract::Pipeline, model::{Document, Label}};
//! let dct = "2025-09-19".parse().unwrap();
//! let doc = Document::new("x", "France expelled two Malian diplomats last Sunday.", Some(dct)).unwrap();
//! let anns = Pipeline::default().run(&doc);
//! let date = anns.iter().find(|a| a.label() == Label::Date).unwrap();
//! assert_eq!(date.quote, "last Sunday");
//! assert_eq!(date.date().unwrap().value, "2025-09-14");
//! ```

pub mod eval;
pub mod extract;
pub mod formats;
pub mod learn;
pub mod model;
pub mod sort;
pub mod ui;
pub mod wasm_api;

/// The name and version written into the provenance of every prediction.
pub const EXTRACTOR_NAME: &str = concat!("gloss-extract/", env!("CARGO_PKG_VERSION"));
/// The version of GUIDELINES.md that the extractor and the gold files follow.
pub const GUIDELINES_VERSION: &str = "1";
