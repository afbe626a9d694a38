//! The timeline view's arm of the app root: its data from the state and its callbacks.
//!
//! Owns: handing [`TimelineView`] the loaded documents, how many are not loaded, and the
//! effects it asks for (load the corpus, open a date in its document, download a file, close).
//! It must not: compute the timeline (that is `ui::views::timeline`) or change annotations
//! other than by selecting one.

use super::Effects;
use crate::ui::browser::files;
use crate::ui::components::timeline_view::{Corpus, TimelineView};
use crate::ui::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// The timeline view over `state`'s loaded documents.
pub(super) fn timeline_view(state: &State, dispatch: &Callback<Action>, fx: &Effects) -> Html {
    let loaded = Rc::new(state.loaded());
    let unloaded = state.corpus.len().saturating_sub(loaded.len());
    let on_jump = {
        let (loaded, d, open_entry, close) =
            (loaded.clone(), dispatch.clone(), fx.open_entry.clone(), fx.close.clone());
        let index: Vec<String> = state.corpus.iter().map(|e| e.id.clone()).collect();
        Callback::from(move |(doc, start, end): (String, usize, usize)| {
            let Some(i) = index.iter().position(|id| *id == doc) else {
                return d.emit(Action::Notify(format!("{doc} is no longer in the corpus")));
            };
            // The DATE at that span (the view's marks are live DATE annotations).
            let ann = loaded.iter().find(|l| l.0 == doc).and_then(|l| {
                l.3.iter()
                    .find(|a| {
                        a.status.is_live() && a.date().is_some() && (a.span.start(), a.span.end()) == (start, end)
                    })
                    .map(|a| a.id.clone())
            });
            open_entry.emit(i);
            if let Some(id) = ann {
                d.emit(Action::Select(Some(id)));
            }
            close.emit(());
        })
    };
    let on_download = {
        let d = dispatch.clone();
        Callback::from(move |(name, text, mime): (String, String, String)| {
            if let Err(e) = files::download(&name, &text, &mime) {
                d.emit(Action::Fail(format!("{name} was not downloaded: {e}")));
            }
        })
    };
    html! {
        <TimelineView docs={Corpus(loaded)} {unloaded} on_load_all={fx.load_corpus.clone()}
            {on_jump} {on_download} on_close={fx.close.clone()} />
    }
}
