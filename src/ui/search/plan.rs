//! "Apply to all results": one change planned for every hit of a search, shown in the
//! fix-everywhere preview ([`State::fix`]) so that the user unticks what should stay, then
//! applied by [`crate::ui::state::Action::ApplyFix`] as one undoable step.
//!
//! Owns: what [`crate::ui::state::Action::SearchApply`] does ([`State::plan_search_fix`]) and
//! the pure planning behind it ([`plan`]). It must not: apply edits (the preview's apply
//! does), touch yew or the browser, or change an annotation a hit only partly covers.
//!
//! The changes: *Identity* makes every hit a mention of one identity: a live ACTOR exactly on
//! the hit takes the name and kind, text with no ACTOR on it gets a manual one, a hit that an
//! ACTOR only partly overlaps is left alone (counted); in an annotation search only ACTOR
//! hits change. *Reject* (annotation searches only) rejects every matched annotation; a
//! manual one is deleted instead (a manual annotation cannot be rejected) unless another
//! annotation refers to it, then it is left alone (counted).

use super::{search, snippet, Query};
use crate::model::{next_id, ActorAttrs, ActorKind, Annotation, Attrs, Edit, Label, Mention, Provenance, Span, Status};
use crate::ui::corpus::{default_by, FixChange, Loaded};
use crate::ui::state::{Message, State};
use std::rc::Rc;

/// The change "apply to all results" makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Bulk {
    /// Every hit a mention of this identity.
    Identity { canonical: String, kind: ActorKind },
    /// Every matched annotation rejected.
    Reject,
}

/// The changes for every hit, and how many hits were left alone.
pub fn plan(query: &Query, bulk: &Bulk, docs: &[Loaded], by: &str) -> Result<(Vec<FixChange>, usize), String> {
    if let Bulk::Identity { canonical, .. } = bulk {
        if canonical.trim().is_empty() {
            return Err("apply to all results: type the identity's name first".into());
        }
    }
    if *bulk == Bulk::Reject && query.filter.label.is_none() {
        return Err("apply to all results: choose a label first; only matched annotations can be rejected".into());
    }
    let results = search(query, docs)?;
    if results.capped {
        return Err(format!(
            "apply to all results: the search stopped at {} results; narrow it first",
            super::MAX_HITS
        ));
    }
    let (mut out, mut skipped) = (Vec::new(), 0);
    let mut added: Vec<(usize, Annotation)> = Vec::new();
    for hit in &results.hits {
        let (id, title, doc, anns) = &docs[hit.doc];
        let (before, quote, after) = snippet(doc, hit.span);
        let change = |what: String, edit: Edit| FixChange {
            doc: id.clone(),
            title: title.clone(),
            before: before.clone(),
            quote: quote.clone(),
            after: after.clone(),
            what,
            edit,
        };
        let planned = match bulk {
            Bulk::Identity { canonical, kind } => {
                let mine: Vec<Annotation> =
                    added.iter().filter(|(d, _)| *d == hit.doc).map(|(_, a)| a.clone()).collect();
                let text = doc.slice(hit.span).unwrap_or_default();
                identity(anns, &mine, hit.span, text, results.annotations, (canonical.trim(), *kind), by)
            }
            Bulk::Reject => {
                hit.anns.first().and_then(|a| anns.iter().find(|b| b.id == *a)).and_then(|a| reject(anns, a))
            }
        };
        match planned {
            Some((what, edit)) => {
                if let Edit::Add(a) = &edit {
                    added.push((hit.doc, a.clone()));
                }
                out.push(change(what, edit));
            }
            None => skipped += 1,
        }
    }
    Ok((out, skipped))
}

/// The change making the text of `span` a mention of `canonical`, or `None` when it is one
/// already or an ACTOR only partly overlaps it. `added`: ACTORs this plan adds to the document.
fn identity(
    anns: &[Annotation],
    added: &[Annotation],
    span: Span,
    quote: &str,
    only_existing: bool,
    (canonical, kind): (&str, ActorKind),
    by: &str,
) -> Option<(String, Edit)> {
    let live_actor = |a: &&Annotation| a.label() == Label::Actor && a.status.is_live();
    if let Some(a) = anns.iter().filter(live_actor).find(|a| a.span == span) {
        let x = a.actor()?;
        let edit = crate::ui::review::renamed(a, canonical, Some(kind))?;
        let what = format!(
            "{}: \u{201c}{}\u{201d} ({}) → \u{201c}{canonical}\u{201d} ({})",
            a.id,
            x.canonical,
            x.kind.as_str(),
            kind.as_str()
        );
        return Some((what, edit));
    }
    if only_existing || anns.iter().chain(added).filter(live_actor).any(|a| a.span.overlaps(&span)) {
        return None;
    }
    let all: Vec<Annotation> = anns.iter().chain(added).cloned().collect();
    let new = Annotation {
        id: next_id(&all, Label::Actor),
        span,
        quote: quote.to_string(),
        status: Status::Manual,
        provenance: Provenance::by(by),
        note: None,
        unsure: false,
        attrs: Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: canonical.to_string(), role: None }),
    };
    let what = format!("add ACTOR {}: \u{201c}{canonical}\u{201d} ({})", new.id, kind.as_str());
    Some((what, Edit::Add(new)))
}

/// The change rejecting `a` (deleting it when manual), or `None` when it is rejected already
/// or is manual and referred to.
fn reject(anns: &[Annotation], a: &Annotation) -> Option<(String, Edit)> {
    match a.status {
        Status::Rejected => None,
        Status::Manual => {
            if anns.iter().any(|b| b.references().contains(&a.id.as_str())) {
                return None;
            }
            Some((format!("delete {} {}", a.label().as_str(), a.id), Edit::Remove(a.clone())))
        }
        _ => {
            let mut after = a.clone();
            after.status = Status::Rejected;
            Some((format!("reject {} {}", a.label().as_str(), a.id), Edit::Replace { before: a.clone(), after }))
        }
    }
}

impl State {
    /// [`crate::ui::state::Action::SearchApply`]: plans `bulk` for every hit of `query` in the
    /// loaded corpus and shows the plan in the fix-everywhere preview.
    pub(crate) fn plan_search_fix(&mut self, query: &Query, bulk: &Bulk) {
        let by = default_by(self.editor());
        match plan(query, bulk, &self.loaded(), &by) {
            Err(e) => self.fail(&e),
            Ok((changes, skipped)) => {
                let left = if skipped > 0 {
                    format!(
                        "; {skipped} result(s) left alone (already so, partly covered by an ACTOR, or a manual annotation another refers to)"
                    )
                } else {
                    String::new()
                };
                if changes.is_empty() {
                    self.message = Some(Message::Info(format!("no result needs this change{left}")));
                    return;
                }
                if !left.is_empty() {
                    self.message = Some(Message::Info(format!("{} change(s) planned{left}", changes.len())));
                }
                self.fix = Some(Rc::new(changes));
            }
        }
    }
}
