//! Pieces of the page drawn by the app root: the text (with its pointer callbacks), the
//! banner, the tab warning and the bar of a version viewed read-only.
//!
//! Owns: turning the state into these few elements and the text view's props (what is
//! related to the selection, what is under the pointer). It must not: change annotations
//! itself (every change is an [`Action`]) or open overlays.

use crate::model::{Label, Span};
use crate::ui::components::text::TextView;
use crate::ui::keymap::click_target;
use crate::ui::review;
use crate::ui::state::{Action, Message, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The text on screen (the work, or a version viewed read-only) and the annotation under the
/// pointer (none while a version is viewed). `latest` is the state of the last render, read at
/// a click.
#[hook]
pub fn use_text_body(store: &UseReducerHandle<State>, latest: &Rc<RefCell<State>>) -> (Html, Option<String>) {
    let hover = use_state(|| None::<usize>);
    let hover_last = use_mut_ref(|| None::<usize>);
    // Stable callbacks, so the text view redraws only when what it shows changes.
    let dispatcher = store.dispatcher();
    let on_select_text = use_callback(dispatcher.clone(), |span: Option<Span>, d| d.dispatch(Action::SelectText(span)));
    let on_click = {
        let latest = latest.clone();
        use_callback(dispatcher, move |cp: Option<usize>, d| {
            let state = latest.borrow().clone();
            d.dispatch(Action::SelectText(None));
            d.dispatch(Action::Select(cp.and_then(|cp| click_target(&state, cp))));
        })
    };
    let on_hover = {
        let (hover, last) = (hover.clone(), hover_last.clone());
        use_callback((), move |cp: Option<usize>, _| {
            if *last.borrow() != cp {
                *last.borrow_mut() = cp;
                hover.set(cp);
            }
        })
    };
    let state: &State = store;
    // While a version is viewed, the panel does not describe the work under the pointer.
    let hovered = (*hover).filter(|_| state.viewing.is_none()).and_then(|cp| {
        let mut here: Vec<_> = state.anns.iter().filter(|a| a.span.contains_offset(cp)).collect();
        crate::sort::sort_by_key(&mut here, |a| a.span.len());
        here.first().map(|a| a.id.clone())
    });
    let body = match (state.doc.clone(), state.viewed()) {
        // A version viewed read-only: its annotations over the same text, nothing selected.
        (Some(doc), Some(v)) => {
            let mut anns = v.file.annotations.clone();
            crate::model::sort_annotations(&mut anns);
            html! {
                <TextView doc={doc} anns={Rc::new(anns)} selected={None::<String>} pending={None::<Span>} related={Vec::<String>::new()}
                    cue={None::<Span>} on_select_text={on_select_text} on_click={on_click} on_hover={on_hover} />
            }
        }
        (Some(doc), None) => {
            let selected_ann = state.selected.as_deref().and_then(|id| state.get(id));
            let cue = selected_ann.and_then(|a| a.claim()).and_then(|c| c.cue.as_ref()).map(|c| c.span);
            html! {
                <TextView doc={doc} anns={state.anns.clone()} selected={state.selected.clone()}
                    pending={state.pending} related={related(state)} cue={cue}
                    agreed_by={state.meta.adjudication.as_ref().map_or(0, |a| a.of.len())} on_select_text={on_select_text} on_click={on_click} on_hover={on_hover} />
            }
        }
        (None, _) => html! { <p class="empty">{ "Opening…" }</p> },
    };
    (body, hovered)
}

/// The annotations shown as related to the selection: in link mode the actors that can be
/// the source; for an actor the other mentions of its identity; else what it refers to.
fn related(state: &State) -> Vec<String> {
    let selected_ann = state.selected.as_deref().and_then(|id| state.get(id));
    match (&state.linking, selected_ann) {
        (Some(claim), _) => state.source_candidates(claim),
        (None, Some(a)) if a.label() == Label::Actor => {
            let canonical = a.actor().map(|x| x.canonical.as_str());
            state
                .anns
                .iter()
                .filter(|b| b.id != a.id && b.status.is_live() && b.actor().map(|x| x.canonical.as_str()) == canonical)
                .map(|b| b.id.clone())
                .collect()
        }
        (None, Some(a)) => a.references().into_iter().map(str::to_string).collect(),
        (None, None) => Vec::new(),
    }
}

/// What a screen reader hears when j, k or n moves: "actor France, accepted, 3 of 51".
pub fn announce(state: &State) -> Option<String> {
    let id = state.selected.as_deref()?;
    let i = state.anns.iter().position(|a| a.id == id)?;
    let what = crate::ui::components::text::describe(&state.anns, i, &state.anns[i]);
    Some(format!("{what}, {} of {}", i + 1, state.anns.len()))
}

/// The banner of the state's message; after a failed autosave it offers both downloads.
pub fn banner(
    state: &State,
    dispatch: &Callback<Action>,
    on_download: &Callback<()>,
    on_download_corpus: &Callback<()>,
) -> Html {
    let Some(m) = state.message.as_ref() else { return html! {} };
    let (class, role, text) = match m {
        Message::Error(t) => ("banner error", "alert", t),
        Message::Info(t) => ("banner info", "status", t),
    };
    let d = dispatch.clone();
    let offer = text.starts_with("autosave failed").then(|| {
        html! { <>
            <button id="banner-download" class="primary" onclick={on_download.reform(|_| ())}>{ "Download this document" }</button>
            <button id="banner-download-corpus" onclick={on_download_corpus.reform(|_| ())}>{ "Download the corpus" }</button>
        </> }
    });
    html! {
        <div class={class} role={role} id="banner">
            <span class="banner-text">{ text.clone() }</span>
            { for offer }
            <button class="banner-close" aria-label="Dismiss" onclick={move |_| d.emit(Action::Dismiss)}>{ "×" }</button>
        </div>
    }
}

/// The warning of a tab that is read-only (with Take over), or that shares the corpus.
pub fn tab_warning(state: &State, other_tab: bool) -> Html {
    if let Some(why) = state.read_only.clone() {
        html! {
            <div class="tab-warning read-only" id="tab-warning" role="alert" data-read-only="true">
                <span>{ why }</span>
                <button id="take-over" class="primary" onclick={Callback::from(|_| crate::ui::browser::tabs::take_over())}>{ "Take over" }</button>
            </div>
        }
    } else if other_tab {
        html! {
            <div class="tab-warning" id="tab-warning" role="status">
                { "Gloss is open in another tab of this browser too. This tab holds the corpus; the other one is read-only until it takes over." }
            </div>
        }
    } else {
        html! {}
    }
}

/// The bar over a version viewed read-only: whose, how to return, its flags.
pub fn viewing_bar(state: &State, dispatch: &Callback<Action>) -> Html {
    let Some(v) = state.viewed() else { return html! {} };
    html! {
        <div class="viewing-bar" id="viewing" role="status" data-n={v.n.to_string()}>
            { format!("{} \u{2014} Esc to return to the work", crate::ui::versions::viewing_words(&v.annotator, v.n)) }
            <button id="leave-version" onclick={dispatch.reform(|_| Action::LeaveVersion)}>{ "Return to the work" }</button>
            if let Some(words) = review::flags(&v.file.annotations).words() {
                <details class="flags" id="viewing-flags">
                    <summary>{ format!("⚑ {words}") }</summary>
                    <ul class="flag-list">
                        { for v.file.annotations.iter().filter(|a| review::is_flagged(a)).map(|a| html! {
                            <li data-id={a.id.clone()}>{ format!("{} \u{201c}{}\u{201d}: {}", a.id, a.quote, review::flag_words(a)) }</li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}
