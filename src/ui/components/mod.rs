//! The page's parts: header (toolbar), text view, details panel, paste and export dialogs,
//! guidelines.
//!
//! Owns: turning state into HTML and user events into [`Action`](super::state::Action)s.
//! It must not: change state other than by dispatching actions, read DOM selections and
//! files itself (that is `browser`), or import the app root: a component gets its data and
//! callbacks (open, download, load the corpus, close) as props. Article text is always
//! inserted as text, never HTML.

pub mod actors_view;
pub mod adjudication;
pub mod agreement;
pub mod claims_view;
pub mod corpus_list;
pub mod export;
pub mod fix;
pub mod guidelines;
pub mod header;
pub mod help;
pub mod lexicon_view;
pub mod panel;
pub mod paste;
pub mod search;
pub mod stats;
pub mod text;
pub mod timeline_view;

use crate::model::{Label, Status};

/// The CSS class of a label.
pub fn label_class(label: Label) -> &'static str {
    match label {
        Label::Actor => "actor",
        Label::Date => "date",
        Label::Claim => "claim",
    }
}

/// A label's name for people.
pub fn label_name(label: Label) -> &'static str {
    match label {
        Label::Actor => "Actor",
        Label::Date => "Date",
        Label::Claim => "Claim",
    }
}

/// The key that gives a label.
pub fn label_key(label: Label) -> &'static str {
    match label {
        Label::Actor => "1",
        Label::Date => "2",
        Label::Claim => "3",
    }
}

/// A status's name for people.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Predicted => "predicted (not reviewed)",
        Status::Accepted => "accepted",
        Status::Edited => "edited",
        Status::Manual => "manual",
        Status::Rejected => "rejected",
    }
}
