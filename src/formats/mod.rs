//! Readers and writers of annotation files.
pub mod gold;
