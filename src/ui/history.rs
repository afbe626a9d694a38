//! Undo and redo of user edits.
//!
//! Owns: the two stacks of [`Edit`]s and applying an edit's inverse on undo. It must not:
//! decide what a gesture means (that is `state.rs`) or record anything but user edits: a
//! newly opened document or a fresh extraction starts a new history.

use crate::model::{Annotation, Edit, Error};

/// How many steps are kept; older ones are forgotten.
pub const LIMIT: usize = 500;

/// The undo and redo stacks. Each entry is the edit as it was done.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl History {
    /// Records an edit that was just applied; clears the redo stack.
    pub fn record(&mut self, edit: Edit) {
        self.undone.clear();
        self.done.push(edit);
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

    /// Undoes the last edit on `anns`. `Ok(false)` when there was nothing to undo. When the
    /// inverse does not apply (the list changed behind history's back) the list is left as
    /// it was, the history is cleared and the error says so.
    pub fn undo(&mut self, anns: &mut Vec<Annotation>) -> Result<bool, Error> {
        let Some(edit) = self.done.pop() else {
            return Ok(false);
        };
        match edit.inverse().apply(anns) {
            Ok(()) => {
                self.undone.push(edit);
                Ok(true)
            }
            Err(e) => {
                *self = History::default();
                Err(e.context("cannot undo"))
            }
        }
    }

    /// Redoes the last undone edit on `anns`; like [`History::undo`] otherwise.
    pub fn redo(&mut self, anns: &mut Vec<Annotation>) -> Result<bool, Error> {
        let Some(edit) = self.undone.pop() else {
            return Ok(false);
        };
        match edit.apply(anns) {
            Ok(()) => {
                self.done.push(edit);
                Ok(true)
            }
            Err(e) => {
                *self = History::default();
                Err(e.context("cannot redo"))
            }
        }
    }
}
