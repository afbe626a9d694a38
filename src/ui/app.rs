//! The root component: the reducer wired to Yew, and the effects around it.
//!
//! Owns: the page's one store (`use_reducer` over [`State`]), running extraction before an
//! `Open`/`SetDct` action, startup (restore the autosave or open the first seed), autosave
//! after every change, global keyboard shortcuts, file open/drop and download. It must not:
//! change annotations itself (every change is an [`Action`] to the reducer) or call web-sys
//! directly (it goes through `browser`).

use super::browser::{self, files, selection, storage};
use super::components::{header::Header, panel::Panel, paste::PasteDialog, text::TextView};
use super::seeds::{self, SEEDS};
use super::state::{guess_date, predict, Action, Message, Origin, State};
use crate::extract::Pipeline;
use crate::formats::gold::GoldFile;
use crate::model::{parse_dct, Document, Label, Span};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// The extractor, built once (its patterns compile once).
    static PIPELINE: Pipeline = Pipeline::default();
}

/// Runs `f` with the page's extractor.
pub fn with_pipeline<R>(f: impl FnOnce(&Pipeline) -> R) -> R {
    PIPELINE.with(f)
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        selection::mark("gloss:reduce");
        let mut next = (*self).clone();
        next.apply(action);
        selection::measure("gloss:reduce", "gloss:reduce");
        Rc::new(next)
    }
}

/// Opens `doc` with fresh predictions.
pub fn open_document(doc: Document, origin: Origin) -> Action {
    selection::mark("gloss:extract");
    let predictions = with_pipeline(|p| predict(p, &doc));
    selection::measure("gloss:extract", "gloss:extract");
    Action::Open { doc, predictions, origin }
}

/// Texts longer than this get a notice and a painted frame before extraction starts.
const LONG_TEXT_BYTES: usize = 100_000;

/// How much of a long text is extracted first, so its first screen is highlighted at once.
const FIRST_SCREEN_BYTES: usize = 16_384;

/// Opens `doc` with fresh predictions. A long text opens in two steps: its first screen's
/// paragraphs are extracted alone and shown with a notice, then, after that paint, the whole
/// text is extracted (names and dates resolved across all of it) and replaces them. Nothing
/// is edited in between: the second step starts in the task right after the frame that
/// shows the first.
pub fn open_document_soon(doc: Document, origin: Origin, dispatch: &Callback<Action>) {
    if doc.text().len() < LONG_TEXT_BYTES {
        return dispatch.emit(open_document(doc, origin));
    }
    let cut = crate::ui::layout::first_screen_bytes(doc.text(), FIRST_SCREEN_BYTES);
    if let Ok(head) = Document::new(doc.id.clone(), &doc.text()[..cut], doc.dct()) {
        let predictions = with_pipeline(|p| predict(p, &head));
        dispatch.emit(Action::Open { doc: doc.clone(), predictions, origin: origin.clone() });
    }
    dispatch.emit(Action::Notify(format!(
        "extracting actors, dates and claims from {:.1} MB of text…",
        doc.text().len() as f64 / 1_048_576.0
    )));
    let dispatch = dispatch.clone();
    let sha = doc.sha256().to_string();
    selection::after_shown(sha, move || dispatch.emit(open_document(doc, origin)));
}

/// Opens seed `i`: the autosaved work on it when there is some, else a fresh extraction.
pub fn open_seed(i: usize, dispatch: &Callback<Action>) {
    let Some(seed) = SEEDS.get(i) else { return };
    if let Some(json) = storage::load(seed.id) {
        match GoldFile::from_json(&json) {
            Ok(file) => {
                dispatch.emit(Action::OpenGold { file, origin: Origin::Seed(seed.id.to_string()) });
                return;
            }
            Err(e) => {
                storage::forget(seed.id);
                dispatch
                    .emit(Action::Fail(format!("the saved work on this article was unreadable and is dropped: {e}")));
            }
        }
    }
    match seed.document() {
        Ok(doc) => dispatch.emit(open_document(doc, Origin::Seed(seed.id.to_string()))),
        Err(e) => dispatch.emit(Action::Fail(e.to_string())),
    }
}

/// Starts over on seed `i` from the extractor, forgetting its saved work.
pub fn reextract_seed(i: usize, dispatch: &Callback<Action>) {
    if let Some(seed) = SEEDS.get(i) {
        storage::forget(seed.id);
        open_seed(i, dispatch);
    }
}

/// Opens a file's bytes: a `.json` as a gold file, anything else as a plain-text article.
/// A failure leaves the open work untouched and says why.
pub fn open_bytes(name: &str, bytes: &[u8], dispatch: &Callback<Action>) {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => return dispatch.emit(Action::Fail(format!("could not open {name}: it is not UTF-8 text"))),
        };
        match GoldFile::from_json(text) {
            Ok(file) => dispatch.emit(Action::OpenGold { file, origin: Origin::GoldFile(name.to_string()) }),
            Err(e) => {
                dispatch.emit(Action::Fail(format!("could not open {name}: {e}. Your current work is unchanged.")))
            }
        }
        return;
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let stem = if stem.trim().is_empty() { "document" } else { stem };
    match Document::from_bytes(stem, bytes, None) {
        Ok(doc) => open_document_soon(doc, Origin::TextFile(name.to_string()), dispatch),
        Err(e) => dispatch.emit(Action::Fail(format!("could not open {name}: {e}"))),
    }
}

/// Reads and opens the first of `files` (a picker's or a drop's).
pub fn open_files(list: Vec<web_sys::File>, dispatch: Callback<Action>) {
    let Some(file) = list.into_iter().next() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        match files::read_bytes(&file).await {
            Ok(bytes) => open_bytes(&name, &bytes, &dispatch),
            Err(e) => dispatch.emit(Action::Fail(e)),
        }
    });
}

/// Opens pasted text with an optional DCT (`YYYY-MM-DD` or empty).
pub fn open_pasted(text: &str, dct: &str, dispatch: &Callback<Action>) -> bool {
    let dct = match dct.trim() {
        "" => None,
        d => match parse_dct(d) {
            Ok(d) => Some(d),
            Err(e) => {
                dispatch.emit(Action::Fail(e.to_string()));
                return false;
            }
        },
    };
    if text.trim().is_empty() {
        dispatch.emit(Action::Fail("paste the text of an article first".into()));
        return false;
    }
    let id = format!("pasted-{}", &crate::model::sha256_hex(text)[..8]);
    match Document::new(id, text, dct) {
        Ok(doc) => {
            open_document_soon(doc, Origin::Pasted, dispatch);
            true
        }
        Err(e) => {
            dispatch.emit(Action::Fail(e.to_string()));
            false
        }
    }
}

/// Sets the DCT from a date input's value (empty clears it) and re-resolves the dates.
pub fn set_dct(state: &State, value: &str, dispatch: &Callback<Action>) {
    let Some(doc) = state.doc.as_deref() else {
        return;
    };
    let dct = match value.trim() {
        "" => None,
        v => match parse_dct(v) {
            Ok(d) => Some(d),
            Err(e) => return dispatch.emit(Action::Fail(e.to_string())),
        },
    };
    if dct == doc.dct() {
        return;
    }
    let redated = doc.clone().with_dct(dct);
    let predictions = with_pipeline(|p| predict(p, &redated));
    dispatch.emit(Action::SetDct { dct, predictions });
}

/// The action for label key/button `label`: create on the pending words, or relabel the
/// selected annotation.
pub fn label_action(state: &State, label: Label) -> Option<Action> {
    let doc = state.doc.as_deref()?;
    let date_for = |span: Span| {
        if label == Label::Date {
            with_pipeline(|p| guess_date(p, doc, span))
        } else {
            None
        }
    };
    if let Some(span) = state.pending {
        return Some(Action::Create { label, date: date_for(span) });
    }
    let a = state.get(state.selected.as_deref()?)?;
    Some(Action::Relabel { id: a.id.clone(), label, date: date_for(a.span) })
}

/// Downloads the open document's gold JSON as `<id>.gold.json`.
pub fn download(state: &State, dispatch: &Callback<Action>) {
    let Some(file) = state.gold() else {
        return dispatch.emit(Action::Fail("open a document first".into()));
    };
    let name = format!("{}.gold.json", file.doc.id);
    if let Err(e) = files::download(&name, &file.to_json(), "application/json") {
        dispatch.emit(Action::Fail(e));
    }
}

/// The annotation to select on a click at code point `cp`: the shortest one there, or the
/// next one when the shortest is already selected (clicks cycle through nested ones).
pub fn click_target(state: &State, cp: usize) -> Option<String> {
    let mut here: Vec<_> = state.anns.iter().filter(|a| a.span.contains_offset(cp)).collect();
    here.sort_by_key(|a| (a.span.len(), !a.status.is_live()));
    let pos = state.selected.as_deref().and_then(|s| here.iter().position(|a| a.id == s));
    let pick = match pos {
        Some(p) => here.get((p + 1) % here.len().max(1)),
        None => here.first(),
    };
    pick.map(|a| a.id.clone())
}

fn on_key(e: &web_sys::KeyboardEvent, state: &State, dispatch: &Callback<Action>) {
    if browser::typing_in_field() || e.alt_key() {
        return;
    }
    let key = e.key();
    // Cmd on a Mac is Ctrl elsewhere.
    let ctrl = e.ctrl_key() || e.meta_key();
    let action = match (ctrl, key.as_str()) {
        (true, "z") | (true, "Z") if e.shift_key() => Some(Action::Redo),
        (true, "z") => Some(Action::Undo),
        (true, "y") | (true, "Y") => Some(Action::Redo),
        (true, _) => None,
        (false, "1") => label_action(state, Label::Actor),
        (false, "2") => label_action(state, Label::Date),
        (false, "3") => label_action(state, Label::Claim),
        (false, "Delete") | (false, "Backspace") => state.selected.clone().map(Action::Delete),
        (false, "a") => state.selected.clone().map(Action::Accept),
        (false, "r") => state.selected.clone().map(Action::Reject),
        (false, "j") | (false, "k") => {
            let anns = &state.anns;
            let pos = state.selected.as_deref().and_then(|s| anns.iter().position(|a| a.id == s));
            let next = match (pos, key.as_str()) {
                (None, _) => 0,
                (Some(p), "j") => (p + 1).min(anns.len().saturating_sub(1)),
                (Some(p), _) => p.saturating_sub(1),
            };
            anns.get(next).map(|a| Action::Select(Some(a.id.clone())))
        }
        (false, "Escape") => {
            selection::clear_selection();
            dispatch.emit(Action::SelectText(None));
            Some(Action::Select(None))
        }
        _ => None,
    };
    if let Some(action) = action {
        e.prevent_default();
        if matches!(action, Action::Create { .. }) {
            selection::clear_selection();
        }
        dispatch.emit(action);
    }
}

/// The page.
#[component]
pub fn App() -> Html {
    let store = use_reducer(State::default);
    let dispatch = {
        let store = store.dispatcher();
        Callback::from(move |a: Action| store.dispatch(a))
    };
    let hover = use_state(|| None::<usize>);
    let hover_last = use_mut_ref(|| None::<usize>);
    let pasting = use_state(|| false);
    let dragging = use_state(|| false);
    let ready = use_state(|| None::<f64>);
    let latest = use_mut_ref(State::default);
    *latest.borrow_mut() = (*store).clone();

    // Startup: the document open at the last visit, else the first seed.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if let Some(name) = storage::annotator() {
                dispatch.emit(Action::SetAnnotator(name));
            }
            let restored = storage::open_id().and_then(|id| {
                let json = storage::load(&id)?;
                Some((id, GoldFile::from_json(&json)))
            });
            match restored {
                Some((id, Ok(file))) => {
                    let origin = match seeds::find(&id) {
                        Some(_) => Origin::Seed(id),
                        None => Origin::Restored,
                    };
                    dispatch.emit(Action::OpenGold { file, origin });
                }
                Some((id, Err(e))) => {
                    storage::forget(&id);
                    open_seed(0, &dispatch);
                    dispatch.emit(Action::Fail(format!("the autosaved work could not be restored: {e}")));
                }
                None => open_seed(0, &dispatch),
            }
        });
    }

    // Autosave after every change; the first painted document's time for the record.
    {
        let state = (*store).clone();
        let dispatch = dispatch.clone();
        let ready = ready.clone();
        use_effect_with(store.revision, move |_| {
            // After the edit is painted: serialising a long document must not delay showing
            // it (a newer revision cancels a save not yet run; it saves everything anyway).
            let job = selection::after_paint(move || {
                selection::mark("gloss:save");
                if let Some(mut file) = state.gold() {
                    if ready.is_none() {
                        ready.set(Some(browser::now_ms()));
                    }
                    if !state.touched && file.meta.created.is_some() {
                        // Opened as it was saved: keep its bytes (and its times) as they are.
                        if let Err(e) = storage::save(&file.doc.id, &file.to_json()) {
                            dispatch.emit(Action::Fail(e));
                        }
                        selection::measure("gloss:save", "gloss:save");
                        return;
                    }
                    // The time of this change goes into the saved file and, by Stamp, into the state
                    // (not an edit: it neither bumps the revision nor enters the history).
                    let now = browser::now_iso();
                    file.meta.created.get_or_insert_with(|| now.clone());
                    file.meta.modified = Some(now.clone());
                    match storage::save(&file.doc.id, &file.to_json()) {
                        Ok(()) => dispatch.emit(Action::Stamp(now)),
                        Err(e) => dispatch.emit(Action::Fail(e)),
                    }
                }
                selection::measure("gloss:save", "gloss:save");
            });
            move || drop(job)
        });
    }

    // The selected annotation stays in view (keys j/k move the selection).
    use_effect_with(store.selected.clone(), move |selected| {
        let root = gloo::utils::document().get_element_by_id("text");
        if let (Some(root), Some(id)) = (root, selected) {
            selection::reveal(&root, id);
        }
    });

    // Notices fade after a while; errors stay until dismissed or the next good edit.
    {
        let dispatch = dispatch.clone();
        use_effect_with(store.message.clone(), move |message| {
            let timer = matches!(message, Some(Message::Info(_)))
                .then(|| gloo::timers::callback::Timeout::new(6_000, move || dispatch.emit(Action::Dismiss)));
            move || drop(timer)
        });
    }

    // Keyboard shortcuts and dropping files anywhere on the page.
    {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            let d = dispatch.clone();
            let opts = EventListenerOptions::enable_prevent_default();
            let keys = EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    let state = latest.borrow().clone();
                    on_key(e, &state, &d);
                }
            });
            let dr = dragging.clone();
            let over = EventListener::new_with_options(&doc, "dragover", opts, move |e| {
                e.prevent_default();
                dr.set(true);
            });
            let dr = dragging.clone();
            let leave = EventListener::new(&doc, "dragleave", move |e| {
                if e.dyn_ref::<web_sys::DragEvent>().is_some_and(|d| d.client_x() == 0 && d.client_y() == 0) {
                    dr.set(false);
                }
            });
            let d = dispatch.clone();
            let drop = EventListener::new_with_options(&doc, "drop", opts, move |e| {
                e.prevent_default();
                dragging.set(false);
                if let Some(dt) = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()) {
                    open_files(files::files_of(dt.files()), d.clone());
                }
            });
            move || drop_all([keys, over, leave, drop])
        });
    }

    let state: &State = &store;
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
    let hovered = (*hover).and_then(|cp| {
        let mut here: Vec<_> = state.anns.iter().filter(|a| a.span.contains_offset(cp)).collect();
        here.sort_by_key(|a| a.span.len());
        here.first().map(|a| a.id.clone())
    });

    let banner = state.message.as_ref().map(|m| {
        let (class, role, text) = match m {
            Message::Error(t) => ("banner error", "alert", t),
            Message::Info(t) => ("banner info", "status", t),
        };
        let d = dispatch.clone();
        html! {
            <div class={class} role={role} id="banner">
                <span class="banner-text">{ text.clone() }</span>
                <button class="banner-close" aria-label="Dismiss" onclick={move |_| d.emit(Action::Dismiss)}>{ "×" }</button>
            </div>
        }
    });

    let paste = if *pasting {
        let dispatch = dispatch.clone();
        let close = {
            let pasting = pasting.clone();
            Callback::from(move |_| pasting.set(false))
        };
        let pasting2 = pasting.clone();
        let on_open = Callback::from(move |(text, dct): (String, String)| {
            if open_pasted(&text, &dct, &dispatch) {
                pasting2.set(false);
            }
        });
        html! { <PasteDialog on_open={on_open} on_close={close} /> }
    } else {
        html! {}
    };

    let related: Vec<String> = state
        .selected
        .as_deref()
        .and_then(|id| state.get(id))
        .map(|a| a.references().into_iter().map(str::to_string).collect())
        .unwrap_or_default();
    let body = match state.doc.clone() {
        Some(doc) => html! {
            <TextView doc={doc} anns={state.anns.clone()} selected={state.selected.clone()}
                pending={state.pending} related={related} on_select_text={on_select_text} on_click={on_click} on_hover={on_hover} />
        },
        None => html! { <p class="empty">{ "Opening…" }</p> },
    };

    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} data-ready-ms={ready.map(|t| format!("{t:.0}"))}>
            <Header state={store.clone()} dispatch={dispatch.clone()} on_paste={{
                let pasting = pasting.clone();
                Callback::from(move |_| pasting.set(true))
            }} />
            { for banner }
            <div class="workspace">
                <main class="reader" id="reader">{ body }</main>
                <Panel state={store.clone()} dispatch={dispatch.clone()} hovered={hovered} />
            </div>
            { paste }
            <div class="drop-hint" aria-hidden="true">{ "Drop a .txt article or a .gold.json file to open it" }</div>
        </div>
    }
}

fn drop_all<const N: usize>(listeners: [EventListener; N]) {
    drop(listeners);
}
