//! Edits of a document's annotations, each with its exact inverse (undo/redo).
//!
//! Owns: the [`Edit`] type, applying it to an annotation list and inverting it. It must not:
//! decide what a user gesture means (the UI reducer does) or keep history (`ui/history`).

use super::{Annotation, Error};
use serde::{Deserialize, Serialize};

/// One change to a document's annotations. Applying an edit and then its inverse gives
/// back the same list when the list is in text order ([`super::sort_annotations`]), as
/// files and the pipeline keep it: every edit keeps a sorted list sorted. On any list it
/// gives back the same annotations.
// Boxing the annotations would make every variant smaller, but edits are few (a history
// keeps at most 500 steps) and every constructor and match would pay for it.
// Serde: the page saves its undo history with the work (annotations in their gold JSON shape).
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The document's creation date changes from `before` to `after`. It leaves the list of
    /// annotations alone: whoever holds the document applies it there (see [`Edit::dct`]),
    /// and the dates it re-resolves are `Replace`/`Add` edits of the same batch.
    Dct {
        #[serde(with = "super::civil::opt_date")]
        before: Option<jiff::civil::Date>,
        #[serde(with = "super::civil::opt_date")]
        after: Option<jiff::civil::Date>,
    },
    /// Version `n` of the document (another annotator's file of the same text, kept beside
    /// the work) changes from `before` to `after`: each its saved form (JSON), `None` when
    /// absent, so deleting a version is undoable like any edit. It leaves the list of
    /// annotations alone: whoever holds the document's versions applies it (see
    /// [`Edit::versions`]).
    Version { n: usize, before: Option<String>, after: Option<String> },
    /// Something kept beside the annotations changes from `before` to `after` (each a saved
    /// form, `None` when absent), named by `what`: today the record of the document's
    /// adjudication (versions have their own variant). Like `Dct` it leaves the list of
    /// annotations alone; whoever holds the document applies it there (see [`Edit::asides`]).
    Aside { what: String, before: Option<String>, after: Option<String> },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Replace { before, after } => Edit::Replace { before: after.clone(), after: before.clone() },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::Dct { before, after } => Edit::Dct { before: *after, after: *before },
            Edit::Version { n, before, after } => Edit::Version { n: *n, before: after.clone(), after: before.clone() },
            Edit::Aside { what, before, after } => {
                Edit::Aside { what: what.clone(), before: after.clone(), after: before.clone() }
            }
        }
    }

    /// The DCT the document has after this edit, when the edit changes it (the last change
    /// of a batch wins).
    pub fn dct(&self) -> Option<Option<jiff::civil::Date>> {
        match self {
            Edit::Dct { after, .. } => Some(*after),
            Edit::Batch(edits) => edits.iter().rev().find_map(Edit::dct),
            _ => None,
        }
    }

    /// The version changes of this edit, in order (see [`Edit::Version`]): number, before, after.
    pub fn versions(&self) -> Vec<(usize, Option<&str>, Option<&str>)> {
        match self {
            Edit::Version { n, before, after } => vec![(*n, before.as_deref(), after.as_deref())],
            Edit::Batch(edits) => edits.iter().flat_map(Edit::versions).collect(),
            _ => Vec::new(),
        }
    }

    /// The changes beside the annotations this edit makes, in order: (`what`, `after`).
    pub fn asides(&self) -> Vec<(&str, Option<&str>)> {
        match self {
            Edit::Aside { what, after, .. } => vec![(what.as_str(), after.as_deref())],
            Edit::Batch(edits) => edits.iter().flat_map(Edit::asides).collect(),
            _ => Vec::new(),
        }
    }

    /// True when the edit changes annotations or the DCT (not only versions or asides).
    pub fn touches_work(&self) -> bool {
        match self {
            Edit::Version { .. } | Edit::Aside { .. } => false,
            Edit::Batch(edits) => edits.iter().any(Edit::touches_work),
            _ => true,
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
            Edit::Batch(edits) if edits.len() > BIG_BATCH => apply_by_id(edits, anns)?,
            Edit::Batch(edits) => {
                for e in edits {
                    e.apply_in_place(anns)?;
                }
            }
            Edit::Dct { .. } | Edit::Version { .. } | Edit::Aside { .. } => {}
        }
        Ok(())
    }

    /// True when the edit changes nothing (an empty batch, or a replace by an equal value).
    pub fn is_noop(&self) -> bool {
        match self {
            Edit::Replace { before, after } => before == after,
            Edit::Batch(edits) => edits.iter().all(Edit::is_noop),
            Edit::Dct { before, after } => before == after,
            Edit::Version { before, after, .. } => before == after,
            Edit::Aside { before, after, .. } => before == after,
            _ => false,
        }
    }
}

/// A batch longer than this is applied through an index by id (one sort at the end) rather
/// than edit by edit (a search and a shift of the list each): the predictions of a long text
/// arriving after it was edited are one batch of 100,000 additions.
const BIG_BATCH: usize = 64;

/// Applies `edits` in order to `anns` (sorted), with the same checks and the same result as
/// one at a time.
fn apply_by_id(edits: &[Edit], anns: &mut Vec<Annotation>) -> Result<(), Error> {
    let mut by_id: std::collections::HashMap<String, Annotation> = anns.drain(..).map(|a| (a.id.clone(), a)).collect();
    fn one(e: &Edit, by_id: &mut std::collections::HashMap<String, Annotation>) -> Result<(), Error> {
        let take = |by_id: &mut std::collections::HashMap<String, Annotation>, a: &Annotation| match by_id.get(&a.id) {
            Some(x) if x == a => Ok(by_id.remove(&a.id)),
            Some(_) => Err(Error::edit(format!("annotation {} has changed since this edit was made", a.id))),
            None => Err(Error::edit(format!("there is no annotation {}", a.id))),
        };
        match e {
            Edit::Add(a) => {
                if by_id.contains_key(&a.id) {
                    return Err(Error::edit(format!("an annotation with id {} exists already", a.id)));
                }
                by_id.insert(a.id.clone(), a.clone());
            }
            Edit::Remove(a) => {
                take(by_id, a)?;
            }
            Edit::Replace { before, after } => {
                take(by_id, before)?;
                if by_id.contains_key(&after.id) {
                    return Err(Error::edit(format!("an annotation with id {} exists already", after.id)));
                }
                by_id.insert(after.id.clone(), after.clone());
            }
            Edit::Batch(edits) => edits.iter().try_for_each(|e| one(e, by_id))?,
            Edit::Dct { .. } | Edit::Version { .. } | Edit::Aside { .. } => {}
        }
        Ok(())
    }
    edits.iter().try_for_each(|e| one(e, &mut by_id))?;
    anns.extend(by_id.into_values());
    anns.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    Ok(())
}

fn position(anns: &[Annotation], a: &Annotation) -> Result<usize, Error> {
    match anns.iter().position(|x| x.id == a.id) {
        Some(i) if anns[i] == *a => Ok(i),
        Some(_) => Err(Error::edit(format!("annotation {} has changed since this edit was made", a.id))),
        None => Err(Error::edit(format!("there is no annotation {}", a.id))),
    }
}

#[cfg(test)]
mod tests {
    use super::Edit;
    use crate::model::{ActorAttrs, Annotation, Attrs, Provenance, Span, Status};

    fn actor(id: usize, start: usize) -> Annotation {
        Annotation {
            id: format!("A{id}"),
            span: Span::new(start, start + 3).unwrap(),
            quote: "abc".into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs: Attrs::Actor(ActorAttrs::default()),
        }
    }

    #[test]
    fn a_big_batch_gives_what_its_edits_give_one_by_one_and_fails_whole() {
        let mut start: Vec<Annotation> = (0..100).map(|i| actor(i, (i * 7) % 50)).collect();
        crate::model::sort_annotations(&mut start);
        let mut edits: Vec<Edit> = (100..300).map(|i| Edit::Add(actor(i, (i * 13) % 90))).collect();
        edits.extend(start.iter().step_by(3).map(|a| Edit::Remove(a.clone())));
        let b = start[1].clone();
        let mut moved = b.clone();
        moved.span = Span::new(99, 102).unwrap();
        edits.push(Edit::Replace { before: b, after: moved });
        edits.push(Edit::Batch(vec![Edit::Remove(actor(150, (150 * 13) % 90))]));
        let (mut big, mut small) = (start.clone(), start.clone());
        Edit::Batch(edits.clone()).apply(&mut big).unwrap();
        for e in &edits {
            e.apply(&mut small).unwrap();
        }
        assert_eq!(big, small);
        // One bad edit (an id taken) and nothing changes.
        edits.push(Edit::Add(actor(5, 0)));
        let mut list = start.clone();
        let err = Edit::Batch(edits).apply(&mut list).unwrap_err();
        assert!(err.message().contains("A5 exists already"), "{}", err.message());
        assert_eq!(list, start);
    }

    #[test]
    fn a_dct_change_inverts_and_leaves_the_list_alone() {
        let (a, b) = (Some("2025-09-19".parse().unwrap()), None);
        let e = Edit::Batch(vec![Edit::Dct { before: a, after: b }]);
        assert_eq!(e.dct(), Some(b));
        assert_eq!(e.inverse().dct(), Some(a));
        assert!(!e.is_noop());
        assert!(Edit::Dct { before: a, after: a }.is_noop());
        assert_eq!(Edit::Batch(vec![]).dct(), None);
        let aside = Edit::Batch(vec![
            Edit::Aside { what: "v".into(), before: None, after: Some("x".into()) },
            e.clone(),
            Edit::Aside { what: "w".into(), before: Some("y".into()), after: None },
        ]);
        assert_eq!(aside.asides(), [("v", Some("x")), ("w", None)]);
        assert_eq!(aside.inverse().asides(), [("w", Some("y")), ("v", None)]);
        assert!(!aside.is_noop() && Edit::Aside { what: "v".into(), before: None, after: None }.is_noop());
        let mut anns = Vec::new();
        e.apply(&mut anns).unwrap();
        assert!(anns.is_empty());
    }

    #[test]
    fn a_version_change_inverts_and_leaves_the_list_alone() {
        let e = Edit::Batch(vec![Edit::Version { n: 2, before: Some("{}".into()), after: None }]);
        assert_eq!(e.versions(), vec![(2, Some("{}"), None)]);
        assert_eq!(e.inverse().versions(), vec![(2, None, Some("{}"))]);
        assert!(!e.touches_work() && !e.is_noop());
        assert!(Edit::Batch(vec![Edit::Dct { before: None, after: None }]).touches_work());
        let mut anns = Vec::new();
        e.apply(&mut anns).unwrap();
        assert!(anns.is_empty());
        assert!(e.inverse().inverse() == e);
    }
}
