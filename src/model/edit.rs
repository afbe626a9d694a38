//! Edits of a document's annotations, each with its exact inverse (undo/redo).
//!
//! Owns: the [`Edit`] type, applying it to an annotation list and inverting it. It must not:
//! decide what a user gesture means (the UI reducer does) or keep history (`ui/history`).

use super::{Annotation, Error};

/// One change to a document's annotations. Applying an edit and then its inverse gives
/// back the same list when the list is in text order ([`super::sort_annotations`]), as
/// files and the pipeline keep it: every edit keeps a sorted list sorted. On any list it
/// gives back the same annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Adds an annotation with a new id, at its place in text order (so that undoing a
    /// `Remove` from a sorted list gives back the same list).
    Add(Annotation),
    /// Removes the annotation (which must be there as given).
    Remove(Annotation),
    /// Replaces `before` (which must be there as given) by `after`, placed in text order.
    Replace { before: Annotation, after: Annotation },
    /// Several edits as one step, applied in order and undone in reverse.
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Replace { before, after } => Edit::Replace { before: after.clone(), after: before.clone() },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// Applies the edit. On error the list is left exactly as it was.
    pub fn apply(&self, anns: &mut Vec<Annotation>) -> Result<(), Error> {
        match self {
            Edit::Batch(_) => {
                let mut copy = anns.clone();
                self.apply_in_place(&mut copy)?;
                *anns = copy;
                Ok(())
            }
            _ => self.apply_in_place(anns),
        }
    }

    fn apply_in_place(&self, anns: &mut Vec<Annotation>) -> Result<(), Error> {
        match self {
            Edit::Add(a) => {
                if anns.iter().any(|x| x.id == a.id) {
                    return Err(Error::edit(format!("an annotation with id {} exists already", a.id)));
                }
                let at = anns.partition_point(|x| x.order_key() <= a.order_key());
                anns.insert(at, a.clone());
            }
            Edit::Remove(a) => {
                let i = position(anns, a)?;
                anns.remove(i);
            }
            Edit::Replace { before, after } => {
                let i = position(anns, before)?;
                if after.id != before.id && anns.iter().any(|x| x.id == after.id) {
                    return Err(Error::edit(format!("an annotation with id {} exists already", after.id)));
                }
                anns.remove(i);
                let at = anns.partition_point(|x| x.order_key() <= after.order_key());
                anns.insert(at, after.clone());
            }
            Edit::Batch(edits) => {
                for e in edits {
                    e.apply_in_place(anns)?;
                }
            }
        }
        Ok(())
    }

    /// True when the edit changes nothing (an empty batch, or a replace by an equal value).
    pub fn is_noop(&self) -> bool {
        match self {
            Edit::Replace { before, after } => before == after,
            Edit::Batch(edits) => edits.iter().all(Edit::is_noop),
            _ => false,
        }
    }
}

fn position(anns: &[Annotation], a: &Annotation) -> Result<usize, Error> {
    match anns.iter().position(|x| x.id == a.id) {
        Some(i) if anns[i] == *a => Ok(i),
        Some(_) => Err(Error::edit(format!("annotation {} has changed since this edit was made", a.id))),
        None => Err(Error::edit(format!("there is no annotation {}", a.id))),
    }
}
