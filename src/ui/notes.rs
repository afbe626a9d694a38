//! Notes and doubts on annotations: a comment for whoever reviews or adjudicates the work,
//! and an "unsure" flag.
//!
//! Owns: [`Action::SetNote`](super::state::Action::SetNote) and
//! [`Action::ToggleUnsure`](super::state::Action::ToggleUnsure), each one undoable
//! `Edit::Replace` of the annotation (so undo, redo, autosave and the edit log treat them as
//! any edit), and what marking gold says about flags left. A note or a doubt leaves the
//! annotation's review status as it is: it is not a correction. It must not: touch yew,
//! web-sys or storage, or change anything of an annotation but its note and flag.

use super::review;
use super::state::{Message, State};
use crate::model::Edit;

impl State {
    /// Sets annotation `id`'s note (trimmed; empty: no note).
    pub(super) fn set_note(&mut self, id: &str, note: &str) {
        let Some(before) = self.found(id) else { return };
        let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
        if before.note == note {
            return;
        }
        let mut after = before.clone();
        after.note = note;
        let cleared = after.note.is_none();
        if self.commit(Edit::Replace { before, after }) {
            let what = if cleared { "note removed" } else { "note kept" };
            self.message = Some(Message::Info(format!("{id}: {what} (Ctrl+Z undoes)")));
        }
    }

    /// Flags annotation `id` unsure, or clears the flag.
    pub(super) fn toggle_unsure(&mut self, id: &str) {
        let Some(before) = self.found(id) else { return };
        let mut after = before.clone();
        after.unsure = !before.unsure;
        let now = after.unsure;
        if self.commit(Edit::Replace { before, after }) {
            let what = if now { "flagged unsure" } else { "no longer flagged unsure" };
            self.message = Some(Message::Info(format!("{id}: {what} (u toggles, U goes to the next flagged)")));
        }
    }

    /// What marking the document gold says about flags still left: gold may be marked with
    /// flags (a doubt is for the adjudicator to settle, not a review left undone), but the
    /// message counts them so that nobody marks gold without seeing them.
    pub(super) fn gold_message(&self) -> String {
        match review::flags(&self.anns).words() {
            Some(w) => format!(
                "marked as gold, with flags left: {w} (U goes to each; they are kept in the file for the adjudicator)"
            ),
            None => "marked as gold".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ActorAttrs, Annotation, Attrs, Document, Provenance, Span, Status};
    use crate::ui::history::Op;
    use crate::ui::state::{Action, Message, Origin, State};

    fn opened() -> State {
        let doc = Document::new("t", "Paris said Mali lied.", None).unwrap();
        let ann = |id: &str, s: usize, e: usize, q: &str| Annotation {
            id: id.into(),
            span: Span::new(s, e).unwrap(),
            quote: q.into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs: Attrs::Actor(ActorAttrs::default()),
        };
        let mut s = State::default();
        s.apply(Action::Open {
            doc,
            predictions: vec![ann("A1", 0, 5, "Paris"), ann("A2", 11, 15, "Mali")],
            origin: Origin::Pasted,
        });
        s
    }

    fn info(s: &State) -> String {
        match &s.message {
            Some(Message::Info(m)) | Some(Message::Error(m)) => m.clone(),
            None => String::new(),
        }
    }

    #[test]
    fn a_note_and_a_doubt_are_undoable_edits_that_keep_the_review_status() {
        let mut s = opened();
        s.apply(Action::ToggleUnsure("A1".into()));
        s.apply(Action::SetNote { id: "A2".into(), note: "  is Mali the state or the army? ".into() });
        let (a1, a2) = (s.get("A1").unwrap().clone(), s.get("A2").unwrap().clone());
        assert!(a1.unsure && a1.note.is_none());
        assert_eq!(a2.note.as_deref(), Some("is Mali the state or the army?"));
        assert_eq!((a1.status, a2.status), (Status::Predicted, Status::Predicted), "not a correction");
        assert_eq!(s.history.len(), 2);
        assert!(matches!(s.journal.last(), Some(Op::Do(_))), "the edit log gets it");
        // The same note again changes nothing; an empty one removes it.
        s.apply(Action::SetNote { id: "A2".into(), note: "is Mali the state or the army?".into() });
        assert_eq!(s.history.len(), 2);
        s.apply(Action::SetNote { id: "A2".into(), note: "   ".into() });
        assert!(s.get("A2").unwrap().note.is_none());
        s.apply(Action::Undo);
        assert_eq!(s.get("A2").unwrap().note.as_deref(), Some("is Mali the state or the army?"));
        s.apply(Action::Undo);
        s.apply(Action::Undo);
        assert!(!s.get("A1").unwrap().unsure && s.get("A2").unwrap().note.is_none());
        s.apply(Action::Redo);
        assert!(s.get("A1").unwrap().unsure);
        s.apply(Action::ToggleUnsure("A9".into()));
        assert!(info(&s).contains("no annotation A9"), "{}", info(&s));
    }

    #[test]
    fn the_gold_file_keeps_them_and_gold_is_marked_with_flags_counted() {
        let mut s = opened();
        s.apply(Action::ToggleUnsure("A1".into()));
        s.apply(Action::SetNote { id: "A1".into(), note: "check the quote".into() });
        s.apply(Action::Accept("A1".into()));
        s.apply(Action::Accept("A2".into()));
        let json = s.gold().unwrap().to_json();
        assert!(json.contains("\"unsure\": true") || json.contains("\"unsure\":true"), "{json}");
        assert!(json.contains("check the quote"), "{json}");
        s.apply(Action::MarkGold);
        assert!(s.marked);
        assert!(info(&s).contains("1 unsure, 1 note"), "{}", info(&s));
        // A note and a doubt on an accepted annotation leave it accepted, and gold stays.
        s.apply(Action::ToggleUnsure("A1".into()));
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        assert!(s.marked);
    }

    #[test]
    fn next_flagged_wraps_and_says_when_none() {
        let mut s = opened();
        assert_eq!(crate::ui::review::next_flagged(&s.anns, None, true), None);
        s.apply(Action::ToggleUnsure("A2".into()));
        s.apply(Action::SetNote { id: "A1".into(), note: "why".into() });
        assert_eq!(crate::ui::review::next_flagged(&s.anns, Some("A1"), true).as_deref(), Some("A2"));
        assert_eq!(crate::ui::review::next_flagged(&s.anns, Some("A2"), true).as_deref(), Some("A1"));
        let f = crate::ui::review::flags(&s.anns);
        assert_eq!(f.words().as_deref(), Some("1 unsure, 1 note"));
        assert_eq!(crate::ui::review::flag_words(s.get("A1").unwrap()), "why");
        assert_eq!(crate::ui::review::flag_words(s.get("A2").unwrap()), "unsure");
        s.apply(Action::ToggleUnsure("A1".into()));
        assert_eq!(crate::ui::review::flag_words(s.get("A1").unwrap()), "unsure · why");
    }
}
