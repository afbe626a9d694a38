//! RULES (temporary header).

mod nouns;
mod quotes;
mod verbs;
