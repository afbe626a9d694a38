//! Views of the whole loaded corpus: pure modules that read `&[Loaded]` and return plain
//! data for the components to draw and export.
//!
//! Owns: one module per view. It must not: touch yew or the browser, or change annotations.

pub mod timeline;
