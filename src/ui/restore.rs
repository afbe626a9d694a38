//! Restoring a saved session: the edit log replayed on the saved work, and saved work that
//! could not be read.
//!
//! Owns: [`Action::Replay`](super::state::Action::Replay) (each op of the log, in order,
//! applied to the work and the history as it was first made, so a crash between two full
//! saves loses nothing) and marking a document whose saved work is unreadable. It must not:
//! read storage (the page hands the log and the saved work in as data) or drop anything: an
//! op that no longer applies is counted and reported in words.

use super::corpus::Entry;
use super::history::Op;
use super::state::{Message, Origin, State};
use std::rc::Rc;

impl State {
    /// Replays the edit log `ops` (see [`super::history::Op`]); `upto` is its last key.
    pub(super) fn replay(&mut self, ops: Vec<Op>, upto: u64) {
        let (total, mut failed) = (ops.len(), 0);
        for op in ops {
            let history = Rc::make_mut(&mut self.history);
            let ok = match op {
                Op::Do(step) => match self.run_step(&step, false) {
                    Ok(_) => {
                        Rc::make_mut(&mut self.history).record_step(step);
                        true
                    }
                    Err(_) => false,
                },
                Op::Undo => match history.take_undo() {
                    Some(step) => match self.run_step(&step, true) {
                        Ok(_) => {
                            Rc::make_mut(&mut self.history).undone(step);
                            true
                        }
                        Err(_) => {
                            Rc::make_mut(&mut self.history).clear();
                            false
                        }
                    },
                    None => false,
                },
                Op::Redo => match history.take_redo() {
                    Some(step) => match self.run_step(&step, false) {
                        Ok(_) => {
                            Rc::make_mut(&mut self.history).redone(step);
                            true
                        }
                        Err(_) => {
                            Rc::make_mut(&mut self.history).clear();
                            false
                        }
                    },
                    None => false,
                },
                Op::Forget(doc) => {
                    history.forget(&doc);
                    true
                }
            };
            failed += usize::from(!ok);
        }
        self.journal.clear();
        self.logged = self.logged.max(upto);
        if failed > 0 {
            self.fail(&format!(
                "{failed} of the {total} last change(s) of the previous visit could not be restored: the saved work they applied to had changed"
            ));
        } else if total > 0 {
            self.message =
                Some(Message::Info(format!("{total} change(s) made just before the page closed were restored")));
        }
    }

    /// Marks the saved work on document `id` as unreadable (`Some(why)`), or clears that mark.
    pub(super) fn set_unreadable(&mut self, id: &str, reason: Option<String>) {
        let corpus = Rc::make_mut(&mut self.corpus);
        let i = match corpus.iter().position(|e| e.id == id) {
            Some(i) => i,
            None if reason.is_some() => {
                corpus.push(Entry::stub(id.to_string(), id.to_string(), Origin::Restored));
                corpus.len() - 1
            }
            None => return,
        };
        corpus[i].unreadable = reason.clone();
        self.revision += 1;
        if let Some(why) = reason {
            self.fail(&format!(
                "the saved work on {id} could not be read ({why}). It is kept apart, untouched: download it or discard it in the corpus list"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::gold::GoldFile;
    use crate::model::{ActorAttrs, Annotation, Attrs, Document, Provenance, Status};
    use crate::ui::history::History;
    use crate::ui::state::Action;

    fn open(s: &mut State, id: &str, text: &str) {
        let doc = Document::new(id, text, None).unwrap();
        let predictions = text
            .match_indices("Paris")
            .enumerate()
            .map(|(i, (b, w))| Annotation {
                id: format!("A{}", i + 1),
                span: doc.span_of_bytes(b, b + w.len()).unwrap(),
                quote: w.into(),
                status: Status::Predicted,
                note: None,
                unsure: false,
                provenance: Provenance::extractor("test"),
                attrs: Attrs::Actor(ActorAttrs { canonical: w.into(), ..ActorAttrs::default() }),
            })
            .collect();
        s.apply(Action::Open { doc, predictions, origin: Origin::Pasted });
    }

    /// Saves what the page saves (each loaded document's gold JSON, the history JSON), as
    /// a full save does.
    fn saved(s: &State) -> (Vec<String>, String) {
        let mut files = s.corpus_gold();
        crate::sort::sort_by(&mut files, |a, b| a.doc.id.cmp(&b.doc.id));
        (files.iter().map(GoldFile::to_json).collect(), s.history.to_json())
    }

    #[test]
    fn the_edit_log_replayed_on_the_saved_work_gives_back_the_work_and_the_history() {
        let mut s = State::default();
        open(&mut s, "a", "Paris and Paris.");
        open(&mut s, "b", "In Paris.");
        // The full save the page made here.
        let (base_files, base_history) = saved(&s);
        // Then edits, each action's journal written to the log.
        let mut log = Vec::new();
        let actions = [
            Action::Accept("A1".into()),
            Action::Switch(0),
            Action::Reject("A1".into()),
            Action::Accept("A2".into()),
            Action::Undo,
            Action::Undo,
            Action::Redo,
            Action::Switch(1),
            Action::Undo,
        ];
        for a in actions {
            s.journal.clear();
            s.apply(a);
            log.append(&mut s.journal);
        }
        assert_eq!(log.len(), 7, "{log:?}");
        // A reload: the saved files parked, the saved history, then the log.
        let mut r = State::default();
        for json in &base_files {
            let file = GoldFile::from_json(json).unwrap();
            let id = file.doc.id.clone();
            r.apply(Action::Park { file, origin: Origin::Pasted });
            assert!(r.work_of(&id).is_some());
        }
        r.apply(Action::RestoreHistory(History::from_json(&base_history).unwrap()));
        r.apply(Action::Replay { ops: log.clone(), upto: 42 });
        assert!(matches!(&r.message, Some(Message::Info(m)) if m.contains("7 change")), "{:?}", r.message);
        assert_eq!(r.logged, 42);
        assert!(r.journal.is_empty(), "a replay is not logged again");
        assert_eq!(*r.history, *s.history, "the same undo and redo stacks");
        for id in ["a", "b"] {
            assert_eq!(r.work_of(id).unwrap().1, s.work_of(id).unwrap().1, "the work on {id}");
        }
        // Replayed on work that changed, the ops fail in words, nothing panics.
        let mut w = State::default();
        open(&mut w, "a", "Paris and Paris.");
        w.apply(Action::Replay { ops: log, upto: 1 });
        assert!(
            matches!(&w.message, Some(Message::Error(m)) if m.contains("could not be restored")),
            "{:?}",
            w.message
        );
    }

    #[test]
    fn unreadable_saved_work_is_marked_and_unmarked() {
        let mut s = State::default();
        s.apply(Action::Unreadable { id: "x".into(), reason: Some("expected value at line 1".into()) });
        assert_eq!(s.corpus[0].unreadable.as_deref(), Some("expected value at line 1"));
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("kept apart")));
        s.apply(Action::Unreadable { id: "x".into(), reason: None });
        assert_eq!(s.corpus[0].unreadable, None);
    }
}
