//! Undo and redo of user edits, over the whole corpus.
//!
//! Owns: the two stacks of steps, each step the edits it made to one or more documents (by
//! document id), so that one undo can revert a change made everywhere; their saved form
//! (JSON, kept with the work so that undo survives a reload); and [`Op`], one change of the
//! history as the page's edit log records it. It must not: decide what a gesture means or
//! apply edits (that is `state.rs`, which finds each document's annotations), or record
//! anything but user edits: a fresh extraction forgets the steps about that document.

use crate::model::Edit;
use serde::{Deserialize, Serialize};

/// How many steps are kept; older ones are forgotten.
pub const LIMIT: usize = 500;

/// One undoable step: the edits it made, by document id, in the order they were made.
pub type Step = Vec<(String, Edit)>;

/// One change of the history, in the order made: what the page's edit log keeps between
/// two saves of the whole work, and replays (with [`crate::ui::state::Action::Replay`]) on
/// the saved work after a crash. Replaying the ops on the work and history they were made
/// on gives back the same work and history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// A step was done (and recorded).
    Do(Step),
    /// The last step was undone.
    Undo,
    /// The last undone step was redone.
    Redo,
    /// The steps about a document were forgotten (it was extracted afresh).
    Forget(String),
}

/// The undo and redo stacks. Each entry is the step as it was done.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl History {
    /// Records an edit of document `doc` that was just applied; clears the redo stack.
    pub fn record(&mut self, doc: &str, edit: Edit) {
        self.record_step(vec![(doc.to_string(), edit)]);
    }

    /// Records a step that was just applied; clears the redo stack.
    pub fn record_step(&mut self, step: Step) {
        self.undone.clear();
        self.push_done(step);
    }

    fn push_done(&mut self, step: Step) {
        self.done.push(step);
        if self.done.len() > LIMIT {
            self.done.remove(0);
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
    /// Number of steps that can be undone.
    pub fn len(&self) -> usize {
        self.done.len()
    }
    /// True when nothing can be undone.
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    /// The step to undo (its edits are to be reverted in reverse order), taken off the stack;
    /// give it back with [`History::undone`] once reverted.
    pub fn take_undo(&mut self) -> Option<Step> {
        self.done.pop()
    }
    /// Records that `step` was undone: it can be redone.
    pub fn undone(&mut self, step: Step) {
        self.undone.push(step);
    }
    /// The step to redo, taken off the stack; give it back with [`History::redone`].
    pub fn take_redo(&mut self) -> Option<Step> {
        self.undone.pop()
    }
    /// Records that `step` was redone: it can be undone again.
    pub fn redone(&mut self, step: Step) {
        self.push_done(step);
    }

    /// Forgets every step that touched document `doc` (it was opened afresh or re-extracted).
    /// Steps on other documents stay: a step that no longer applies fails on undo in words.
    pub fn forget(&mut self, doc: &str) {
        let keep = |s: &Step| !s.iter().any(|(d, _)| d == doc);
        self.done.retain(keep);
        self.undone.retain(keep);
    }

    /// Every step of both stacks (done, then undone).
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.done.iter().chain(&self.undone)
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = History::default();
    }

    /// The saved form: JSON of both stacks.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"done\":[],\"undone\":[]}".into())
    }

    /// The history read back from [`History::to_json`], or why it cannot be.
    pub fn from_json(json: &str) -> Result<History, String> {
        serde_json::from_str(json).map_err(|e| format!("the saved undo history is unreadable: {e}"))
    }

    /// Every document id a step of either stack touches.
    pub fn documents(&self) -> Vec<String> {
        let mut ids: Vec<String> =
            self.done.iter().chain(&self.undone).flat_map(|s| s.iter().map(|(d, _)| d.clone())).collect();
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids
    }
}

/// The saved form of a list of ops (one log record holds one op).
pub fn op_to_json(op: &Op) -> String {
    serde_json::to_string(op).unwrap_or_default()
}

/// An op read back from [`op_to_json`].
pub fn op_from_json(json: &str) -> Result<Op, String> {
    serde_json::from_str(json).map_err(|e| format!("an entry of the edit log is unreadable: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e() -> Edit {
        Edit::Batch(Vec::new())
    }

    #[test]
    fn the_history_round_trips_through_its_saved_form() {
        use crate::model::{ActorAttrs, Annotation, Attrs, Provenance, Span, Status};
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
        let mut b = a.clone();
        b.status = Status::Accepted;
        let mut h = History::default();
        h.record("doc", Edit::Replace { before: a.clone(), after: b });
        h.record_step(vec![
            ("doc".into(), Edit::Dct { before: None, after: Some("2025-09-19".parse().unwrap()) }),
            ("other".into(), Edit::Batch(vec![Edit::Remove(a.clone()), Edit::Add(a)])),
        ]);
        let s = h.take_undo().unwrap();
        h.undone(s);
        let back = History::from_json(&h.to_json()).unwrap();
        assert_eq!(back, h);
        assert!(back.can_undo() && back.can_redo());
        assert_eq!(back.documents(), ["doc", "other"]);
        assert!(History::from_json("{\"done\": 3}").unwrap_err().contains("unreadable"));
        for op in [Op::Undo, Op::Redo, Op::Forget("doc".into()), Op::Do(vec![("d".into(), Edit::Batch(vec![]))])] {
            assert_eq!(op_from_json(&op_to_json(&op)).unwrap(), op);
        }
    }

    #[test]
    fn forget_drops_the_steps_of_a_document() {
        let mut h = History::default();
        h.record("a", e());
        h.record("b", e());
        h.record("a", e());
        h.record("c", e());
        h.forget("b");
        assert_eq!(h.len(), 3);
        h.forget("a");
        assert_eq!(h.len(), 1);
        let s = h.take_undo().unwrap();
        assert_eq!(s[0].0, "c");
        h.undone(s);
        assert!(h.can_redo());
        h.forget("c");
        assert!(!h.can_redo() && !h.can_undo());
    }
}
