//! Undo and redo of user edits, over the whole corpus.
//!
//! Owns: the two stacks of steps, each step the edits it made to one or more documents (by
//! document id), so that one undo can revert a change made everywhere. It must not: decide
//! what a gesture means or apply edits (that is `state.rs`, which finds each document's
//! annotations), or record anything but user edits: a newly opened document or a fresh
//! extraction forgets the steps about that document.

use crate::model::Edit;

/// How many steps are kept; older ones are forgotten.
pub const LIMIT: usize = 500;

/// One undoable step: the edits it made, by document id, in the order they were made.
pub type Step = Vec<(String, Edit)>;

/// The undo and redo stacks. Each entry is the step as it was done.
#[derive(Clone, Debug, Default, PartialEq)]
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

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e() -> Edit {
        Edit::Batch(Vec::new())
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
