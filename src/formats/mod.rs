//! Readers and writers of annotation files, with no I/O: each takes a `&str` and gives
//! model values (or the reverse).
//!
//! Owns: the gold JSON envelope ([`gold`]), Gloss JSON Lines and plain input lines
//! ([`jsonl`]) and the development corpora ([`corpus`]). It must not: read files, extract
//! or score.
pub mod corpus;
pub mod gold;
pub mod jsonl;
