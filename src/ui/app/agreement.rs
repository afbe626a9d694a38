//! The agreement panel's data: the report over the loaded corpus and the panel's callbacks.
//!
//! Owns: gathering each loaded document's work and versions for [`crate::eval::agree`], and
//! what the panel's jump, copy and open do. It must not: compute agreement itself or draw
//! the panel (that is `components/agreement.rs`).

use crate::model::{Document, Span};
use crate::ui::browser;
use crate::ui::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// The agreement report of every loaded document with at least two versions: its work (by
/// the annotator the page knows, else "you") and its versions (each by its annotator, else
/// "version N"; a name already taken in the document gets the version number too).
pub fn agreement_report(state: &State) -> Option<Rc<crate::eval::agree::Report>> {
    use crate::eval::agree::{report, Coded};
    type Owned = (String, Rc<Document>, Rc<Vec<crate::model::Annotation>>);
    let mut owned: Vec<Owned> = Vec::new();
    for e in state.corpus.iter().filter(|e| !e.versions.is_empty()) {
        let mut names: Vec<String> = Vec::new();
        let mut here: Vec<Owned> = Vec::new();
        // The work counts as one annotator's when a person made it (not untouched predictions)
        // and it is not the adjudication of the versions (that would compare the gold with
        // what it was made from).
        if let Some((doc, anns, _)) = state.work_of(&e.id) {
            let meta = state.meta_of(&e.id);
            let person = anns.iter().any(|a| a.status != crate::model::Status::Predicted);
            if person && meta.is_none_or(|m| m.adjudication.is_none()) {
                let who = state.annotator_of(&e.id).unwrap_or_else(|| "you".into());
                names.push(who.clone());
                here.push((who, doc, anns));
            }
        }
        for v in e.versions.iter() {
            let mut who =
                v.annotator.clone().filter(|a| !a.trim().is_empty()).unwrap_or_else(|| format!("version {}", v.n));
            if names.contains(&who) {
                who = format!("{who} (version {})", v.n);
            }
            names.push(who.clone());
            here.push((who, Rc::new(v.file.doc.clone()), Rc::new(v.file.annotations.clone())));
        }
        if here.len() >= 2 {
            owned.extend(here);
        }
    }
    if owned.is_empty() {
        return None;
    }
    let coded: Vec<Coded> = owned.iter().map(|(a, d, n)| Coded { annotator: a, doc: d, annotations: n }).collect();
    report(&coded).ok().map(Rc::new)
}

/// The agreement panel over the state, with its jump (select the annotation of the work at
/// that span, else one overlapping it, else the words themselves), copy and close.
pub fn agreement_panel(
    state: &State,
    report: Option<Rc<crate::eval::agree::Report>>,
    dispatch: &Callback<Action>,
    on_close: Callback<()>,
) -> Html {
    let here = state.active().and_then(|i| state.corpus.get(i));
    let versions_here = here.map_or(0, |e| e.versions.len()) + usize::from(state.doc.is_some());
    let anns = state.anns.clone();
    let on_screen = state.doc.as_ref().map(|d| d.id.clone());
    let d = dispatch.clone();
    let on_jump = Callback::from(move |(doc, start, end): (String, usize, usize)| {
        if on_screen.as_deref() != Some(doc.as_str()) {
            return d.emit(Action::Notify(format!("open {doc} to see this disagreement")));
        }
        let live = || anns.iter().filter(|a| a.status.is_live());
        let hit = live()
            .find(|a| (a.span.start(), a.span.end()) == (start, end))
            .or_else(|| live().find(|a| a.span.start() < end && start < a.span.end()));
        match (hit, Span::new(start, end)) {
            (Some(a), _) => d.emit(Action::Select(Some(a.id.clone()))),
            (None, Ok(span)) => d.emit(Action::SelectText(Some(span))),
            (None, Err(_)) => {}
        }
    });
    let d = dispatch.clone();
    let on_copy = Callback::from(move |tsv: String| {
        let words = if browser::clipboard::copy(&tsv) {
            "table copied as TSV"
        } else {
            "this browser offers no clipboard here"
        };
        d.emit(Action::Notify(words.into()));
    });
    let (d, corpus) = (dispatch.clone(), state.corpus.clone());
    let on_open = Callback::from(move |id: String| {
        if let Some(i) = corpus.iter().position(|e| e.id == id) {
            d.emit(Action::Switch(i));
        }
    });
    html! {
        <crate::ui::components::agreement::AgreementPanel report={report} on_open={on_open}
            sha256={state.doc.as_ref().map(|d| d.sha256().to_string())} versions_here={versions_here}
            on_jump={on_jump} on_copy={on_copy} on_close={on_close} />
    }
}
