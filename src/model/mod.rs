//! The data model: spans in code points, texts, documents, annotations, edits, validation.
//!
//! Uses std, serde, sha2 and jiff's civil dates only; no I/O, no extraction, no UI.

mod annotation;
pub mod civil;
mod document;
mod edit;
mod error;
pub mod raw;
mod span;
pub mod text;
pub mod timex;
mod validate;

pub use annotation::{
    ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, DateAttrs, Label, Mention, Provenance, Stance, Status,
    TimexType,
};
pub use document::{parse_dct, sha256_hex, Document, MAX_TEXT_BYTES};
pub use edit::Edit;
pub use error::Error;
pub use span::Span;
pub use text::TextIndex;
pub use timex::{check_mod, check_value};
pub use validate::{check_annotations, check_structure, next_id, sort_annotations, value_problem, warnings};
