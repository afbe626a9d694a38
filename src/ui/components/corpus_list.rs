//! The corpus list in the side panel: every document with its review state (kept between
//! visits, so a document not loaded yet still shows how far its review went), the other
//! versions of each document with theirs (annotator, time, counts, flags; open read-only,
//! use, download, delete), a click (or J/K) to switch, and the corpus
//! download; saved work that could not be read is listed with a download and a discard.
//!
//! Owns: drawing the list. It must not: load or switch documents or touch storage itself (it
//! gets `on_open_entry` and `on_download_corpus` as props, and calls the session's functions).

use crate::ui::corpus::{state_name, Entry, Version};
use crate::ui::review;
use crate::ui::session;
use crate::ui::state::{Action, Origin, State};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CorpusProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    /// Puts corpus document `i` on screen, loading it first when needed.
    pub on_open_entry: Callback<usize>,
    /// Downloads the whole corpus as Gloss JSON Lines.
    pub on_download_corpus: Callback<()>,
}

/// Version `n` of document `id` becomes its work (the saved work is loaded first when the
/// document is not).
fn adopt_version(state: &State, id: &str, n: usize, dispatch: &Callback<Action>) {
    if state.work_of(id).is_none() {
        session::park_saved(id, &Origin::Restored, dispatch);
    }
    dispatch.emit(Action::UseVersion { id: id.to_string(), n });
}

/// Shows version `n` of document `id` read-only (the saved work is loaded first when the
/// document is not, so it can come on screen).
fn view_version(state: &State, id: &str, n: usize, dispatch: &Callback<Action>) {
    if state.work_of(id).is_none() {
        session::park_saved(id, &Origin::Restored, dispatch);
    }
    dispatch.emit(Action::ViewVersion { id: id.to_string(), n });
}

/// "Adjudicate" for a loaded document with at least two people's versions (its versions, and
/// the work when a person made it): the document comes on screen and `D` is pressed for it.
fn adjudicate_button(state: &UseReducerHandle<State>, i: usize, here: bool) -> Html {
    let Some(e) = state.corpus.get(i) else { return html! {} };
    let work = if here { Some(state.anns.clone()) } else { e.parked.as_ref().map(|p| p.anns.clone()) };
    let Some(work) = work else { return html! {} };
    let person = work.iter().any(|a| a.status != crate::model::Status::Predicted);
    if e.versions.len() + usize::from(person) < 2 {
        return html! {};
    }
    let d = state.dispatcher();
    let onclick = Callback::from(move |_| {
        if !here {
            d.dispatch(Action::Switch(i));
        }
        d.dispatch(Action::Adjudicate);
    });
    html! { <button class="adjudicate" {onclick} title="Settle the annotators' versions of this document (D)">{ "Adjudicate" }</button> }
}

/// Downloads version `v` of document `id` as gold JSON (`<id>.v<n>.gold.json`).
fn download_version(id: &str, v: &Version, dispatch: &Callback<Action>) {
    let name = format!("{}.v{}.gold.json", crate::formats::safe_file_name(id), v.n);
    if let Err(e) = crate::ui::browser::files::download(&name, &v.file.to_json(), "application/json") {
        dispatch.emit(Action::Fail(e));
    }
}

fn versions_of(e: &Entry, state: &UseReducerHandle<State>, dispatch: &Callback<Action>) -> Html {
    if e.versions.is_empty() {
        return html! {};
    }
    html! {
        <ul class="versions" aria-label={format!("Other versions of {}", e.id)}>
            { for e.versions.iter().map(|v| {
                let (counts, total) = v.counts();
                let (kind, words) = state_name(Some((counts, total)), v.file.is_gold());
                let who = v.annotator.clone().unwrap_or_else(|| "no annotator named".into());
                let when = v.time.as_deref().map(|t| t.chars().take(10).collect::<String>()).unwrap_or_default();
                let (h, d, id, n) = (state.clone(), dispatch.clone(), e.id.clone(), v.n);
                let on_use = Callback::from(move |_| adopt_version(&h, &id, n, &d));
                let (d, id, version) = (dispatch.clone(), e.id.clone(), v.clone());
                let on_download = Callback::from(move |_| download_version(&id, &version, &d));
                let (h, d, id) = (state.clone(), dispatch.clone(), e.id.clone());
                let viewing = state.viewing.as_ref().is_some_and(|(i, m)| *i == e.id && *m == n);
                let on_open = Callback::from(move |_| {
                    if viewing { d.emit(Action::LeaveVersion) } else { view_version(&h, &id, n, &d) }
                });
                let (d, id) = (dispatch.clone(), e.id.clone());
                let on_delete = Callback::from(move |_| d.emit(Action::DeleteVersion { id: id.clone(), n }));
                let flags = review::flags(&v.file.annotations);
                html! {
                    <li class={classes!("version", viewing.then_some("viewing"))} data-id={e.id.clone()} data-n={v.n.to_string()} data-state={kind}
                        data-annotator={v.annotator.clone()} data-unsure={flags.unsure.to_string()} data-notes={flags.notes.to_string()}>
                        <span class="version-name">{ format!("version {} · {who}", v.n) }</span>
                        <span class="version-origin" title={format!("{} {}", v.origin, v.time.clone().unwrap_or_default())}>{ format!("{} {when}", v.origin) }</span>
                        <span class={classes!("doc-state", kind)} title={format!("{total} annotation(s), {counts} unreviewed")}>{ words }</span>
                        <span class="version-flags">{ flags.words().map(|w| format!("⚑ {w}")).unwrap_or_default() }</span>
                        <button class="version-open" onclick={on_open} aria-pressed={viewing.to_string()}
                            title="Look at this version's annotations on screen, read-only (Esc returns to the work)">{ if viewing { "Close" } else { "Open" } }</button>
                        <button class="version-use" onclick={on_use}
                            title="Make this version the work on the document (undoable with Ctrl+Z)">{ "Use" }</button>
                        <button class="version-download" onclick={on_download}
                            title="Download this version's gold JSON">{ "Download" }</button>
                        <button class="version-delete" onclick={on_delete}
                            title="Delete this version (Ctrl+Z brings it back)">{ "Delete" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

fn unreadable_of(e: &Entry, dispatch: &Callback<Action>) -> Html {
    let Some(why) = &e.unreadable else { return html! {} };
    let (d, id) = (dispatch.clone(), e.id.clone());
    let on_download = Callback::from(move |_| session::download_kept(&id, &d));
    let (d, id) = (dispatch.clone(), e.id.clone());
    let on_discard = Callback::from(move |_| session::discard_kept(&id, &d));
    html! {
        <div class="unreadable" data-id={e.id.clone()} role="note">
            <span>{ format!("Saved work that could not be read, kept apart: {why}") }</span>
            <button class="kept-download" onclick={on_download}>{ "Download it" }</button>
            <button class="kept-discard" onclick={on_discard}>{ "Discard it" }</button>
        </div>
    }
}

#[component]
pub fn CorpusList(props: &CorpusProps) -> Html {
    let state: &State = &props.state;
    let active = state.active();
    let download = props.on_download_corpus.reform(|_| ());
    html! {
        <section class="corpus" id="corpus" aria-label="Corpus">
            <h2>{ format!("Corpus · {} document(s)", state.corpus.len()) }</h2>
            <ol class="corpus-list">
                { for state.corpus.iter().enumerate().map(|(i, e)| {
                    let here = active == Some(i);
                    let (counts, marked) = if here { (Some((state.unreviewed(), state.anns.len())), state.marked) } else { (e.counts, e.marked) };
                    let (kind, words) = state_name(counts, marked);
                    let onclick = props.on_open_entry.reform(move |_| i);
                    html! {
                        <li>
                            <button class={classes!("doc", here.then_some("active"))} data-id={e.id.clone()} data-state={kind}
                                data-versions={e.versions.len().to_string()}
                                aria-current={here.then_some("true")} {onclick} title={e.id.clone()}>
                                <span class="doc-title">{ e.title.clone() }</span>
                                <span class={classes!("doc-state", kind)}>{ words }</span>
                            </button>
                            { versions_of(e, &props.state, &props.dispatch) }
                            { adjudicate_button(&props.state, i, here) }
                            { unreadable_of(e, &props.dispatch) }
                        </li>
                    }
                }) }
            </ol>
            <div class="actions">
                <button id="download-corpus" onclick={download} title="Every document's gold JSON, one a line (Gloss JSON Lines)">{ "Download corpus (.jsonl)" }</button>
            </div>
        </section>
    }
}
