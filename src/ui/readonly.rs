//! A tab that does not hold the corpus: it shows the work and refuses every change to it.
//!
//! Owns: [`State::apply_guarded`], the reducer's entry point in the page, which refuses, with
//! the reason in words, any action that would change saved work while
//! [`State::read_only`] is set. It must not: decide which tab holds the corpus (the page
//! does, with the browser's Web Locks) or save anything.

use super::state::{Action, State};

impl State {
    /// Applies `action`, unless this tab is read-only and the action would change the work:
    /// then the state stays as it was and the message says why. An action changes the work
    /// when it records an edit (anything undoable) or is one of the few changes outside the
    /// history (gold mark, annotator, files opened, versions).
    pub fn apply_guarded(&mut self, action: Action) {
        let Some(why) = self.read_only.clone() else { return self.apply(action) };
        match action {
            Action::Stamp(_) => {}
            Action::MarkGold
            | Action::SetAnnotator(_)
            | Action::Import { .. }
            | Action::UseVersion { .. }
            | Action::Reextract { .. }
            | Action::ApplyFix(_) => self.apply(Action::Fail(why)),
            action => {
                let (before, ops) = (self.clone(), self.journal.len());
                self.apply(action);
                if self.journal.len() > ops {
                    *self = before;
                    self.apply(Action::Fail(why));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, Annotation, Attrs, Document, Provenance, Span, Status};
    use crate::ui::state::{Message, Origin};

    #[test]
    fn a_read_only_tab_refuses_changes_in_words_and_still_shows_documents() {
        let doc = Document::new("t", "Paris said so.", None).unwrap();
        let a = Annotation {
            id: "A1".into(),
            span: Span::new(0, 5).unwrap(),
            quote: "Paris".into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs: Attrs::Actor(ActorAttrs::default()),
        };
        let mut s = State::default();
        s.apply_guarded(Action::Open { doc, predictions: vec![a], origin: Origin::Pasted });
        s.apply_guarded(Action::ReadOnly(Some("another tab holds the corpus".into())));
        let before = s.anns.clone();
        for action in [
            Action::Accept("A1".into()),
            Action::Delete("A1".into()),
            Action::SetCanonical { id: "A1".into(), canonical: "France".into() },
            Action::MarkGold,
            Action::SetAnnotator("Ada".into()),
        ] {
            s.apply_guarded(action);
            assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("another tab")), "{:?}", s.message);
            assert_eq!(s.anns, before);
            assert!(!s.history.can_undo());
        }
        assert_eq!(s.anns.len(), 1, "{:?}", s.anns);
        s.apply_guarded(Action::Select(Some("A1".into())));
        assert_eq!(s.selected.as_deref(), Some("A1"), "selecting is not a change");
        s.apply_guarded(Action::ReadOnly(None));
        s.apply_guarded(Action::Accept("A1".into()));
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
    }
}
