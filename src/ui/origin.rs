//! Where a document came from ([`Origin`]) and who the page names as the maker of manual
//! annotations ([`MANUAL_BY`]).
//!
//! Owns: these two shared definitions, so that `state.rs` and `corpus.rs` both use them
//! without importing each other. It must not: hold state or behaviour.

/// The `provenance.by` of annotations a person makes in the page.
pub const MANUAL_BY: &str = "gloss-web";

/// Where the open document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// One of the shipped seeds, by its document id.
    Seed(String),
    /// Pasted into the page.
    Pasted,
    /// A text file, by name.
    TextFile(String),
    /// A gold JSON file, by name.
    GoldFile(String),
    /// Restored from the autosave of an earlier visit.
    Restored,
}
