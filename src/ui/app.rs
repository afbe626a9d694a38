//! The root component: the reducer wired to Yew, the one overlay open, and the page's layout.
//!
//! Owns: the page's one store (`use_reducer` over [`State`]), the one `Option<Overlay>` (help,
//! export, statistics, agreement, paste and the corpus views), the callbacks handed to the
//! components as props, and what each overlay shows. Its effects live in custom hooks
//! ([`hooks`]: startup, autosave, keys and drop) and in `ui/browser` (opening, loading,
//! downloading); what a key means is `ui/keymap.rs`. It must not: change annotations itself
//! (every change is an [`Action`] to the reducer), call web-sys directly, or be imported by a
//! component (components get their data and callbacks as props).
//!
//! # Wiring a new view (Search, Actors, Claims, Timeline)
//! 1. Its variant is already in [`Overlay`] (`ui/overlay.rs`).
//! 2. Its key: one line in [`Overlay::of_key`] (`"P" => Overlay::Actors,`); the key handler
//!    (`ui/keymap.rs`) then toggles it, and Esc (outside a field) closes it. Add a row for the
//!    key to `keys.rs`'s SHORTCUTS (the help and the key handler read it).
//! 3. Its arm in [`overlay_view`] below (this file): render the component there, with its
//!    data from `state` (e.g. `Rc::new(state.loaded())`), `fx.close` as its `on_close`,
//!    `fx.load_corpus` as its `on_load_all`, `fx.open_entry` to bring document `i` on screen,
//!    and `dispatch` for actions.
//!
//! [`Overlay`]: super::overlay::Overlay
//! [`Overlay::of_key`]: super::overlay::Overlay::of_key

mod agreement;
mod hooks;
mod parts;
mod timeline;
mod views;

use super::browser::{documents, open, selection};
use super::components::{header::Header, panel::Panel, paste::PasteDialog};
use super::keymap::KeyContext;
use super::overlay::Overlay;
use super::state::{Action, State};
use crate::eval::agree::Report;
use crate::formats::gold::GoldFile;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        selection::mark("gloss:reduce");
        let mut next = (*self).clone();
        next.journal.clear();
        next.apply_guarded(action);
        // The edit reaches the log before it is painted: a crash right after it loses nothing.
        super::session::log_journal(&mut next);
        selection::measure("gloss:reduce", "gloss:reduce");
        Rc::new(next)
    }
}

/// The effects the components get as callbacks, each over the state of this render.
#[derive(Clone)]
pub struct Effects {
    /// Closes the open overlay.
    pub close: Callback<()>,
    /// Opens an overlay (replacing the one open).
    pub open: Callback<Overlay>,
    /// Loads every corpus document not loaded yet, a chunk at a time with progress.
    pub load_corpus: Callback<()>,
    /// Fix everywhere from annotation `id`: loads the corpus, then plans the fix.
    pub fix_everywhere: Callback<String>,
    /// Puts corpus document `i` on screen, loading it first when needed.
    pub open_entry: Callback<usize>,
    /// Downloads the gold JSON of the document on screen.
    pub download: Callback<()>,
    /// Downloads the whole corpus as Gloss JSON Lines.
    pub download_corpus: Callback<()>,
    /// Every document of the corpus as a gold file.
    pub corpus_files: Callback<(), Result<Vec<GoldFile>, String>>,
}

impl Effects {
    fn new(
        store: &UseReducerHandle<State>,
        dispatch: &Callback<Action>,
        overlay: &UseStateHandle<Option<Overlay>>,
    ) -> Effects {
        let with = |f: fn(&State, &Callback<Action>)| {
            let (s, d) = (store.clone(), dispatch.clone());
            Callback::from(move |_| f(&s, &d))
        };
        let (s, d) = (store.clone(), dispatch.clone());
        let open_entry = Callback::from(move |i: usize| documents::open_entry(&s, i, &d));
        let s = store.clone();
        let corpus_files = Callback::from(move |_| documents::corpus_files(&s));
        let (s, d) = (store.clone(), dispatch.clone());
        let fix_everywhere = Callback::from(move |id: String| {
            let d2 = d.clone();
            documents::load_corpus_then(&s, &d, move || d2.emit(Action::PlanFix(id)));
        });
        let (o, o2) = (overlay.clone(), overlay.clone());
        Effects {
            close: Callback::from(move |_| o.set(None)),
            open: Callback::from(move |x| o2.set(Some(x))),
            load_corpus: with(documents::load_corpus),
            fix_everywhere,
            open_entry,
            download: with(documents::download),
            download_corpus: with(documents::download_corpus),
            corpus_files,
        }
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
    let overlay = use_state(|| None::<Overlay>);
    let latest = use_mut_ref(State::default);
    *latest.borrow_mut() = (*store).clone();
    let keys_cx = use_mut_ref(|| KeyContext { overlay: None, set_overlay: Callback::noop() });
    {
        let o = overlay.clone();
        *keys_cx.borrow_mut() = KeyContext { overlay: *overlay, set_overlay: Callback::from(move |v| o.set(v)) };
    }
    // The agreement report, computed while the panel is open and again only when the work or
    // the versions change (a corpus report can take a noticeable moment).
    let agree_report = {
        let revs: u64 = store.corpus.iter().map(|e| e.rev).sum();
        let open = *overlay == Some(Overlay::Agreement);
        let key = (open, store.revision, revs, store.corpus.len(), store.doc.as_ref().map(|d| d.id.clone()));
        let store = store.clone();
        use_memo(key, move |k| if k.0 { agreement::agreement_report(&store) } else { None })
    };
    let other_tab = hooks::use_startup(&dispatch);
    let ready = hooks::use_autosave(&store, &dispatch);
    hooks::use_reveal_and_fade(&store, &dispatch);
    hooks::use_resume_predictions(&store, &dispatch);
    hooks::use_lexicon_source(&latest);
    let dragging = hooks::use_keys_and_drop(&latest, &keys_cx, &dispatch);
    let (body, hovered) = parts::use_text_body(&store, &latest);

    let fx = Effects::new(&store, &dispatch, &overlay);
    let state: &State = &store;
    let viewing = state.viewed().is_some();
    html! {
        <div class={classes!("app", dragging.then_some("dragging"), state.linking.is_some().then_some("linking"), viewing.then_some("viewing"))} data-ready-ms={ready.map(|t| format!("{t:.0}"))}>
            { header(&store, &dispatch, &fx) }
            { parts::tab_warning(state, other_tab) }
            { parts::viewing_bar(state, &dispatch) }
            if let (Some(data), Some(doc), true) = (state.adjudicating(), state.doc.clone(), state.adjudicate_view) {
                <super::components::adjudication::AdjudicationView data={Rc::new(data)} doc={doc}
                    work={state.anns.clone()} dispatch={dispatch.clone()} />
            }
            <div class="workspace">
                <main class="reader" id="reader">{ body }</main>
                <Panel state={store.clone()} dispatch={dispatch.clone()} hovered={hovered} on_fix_everywhere={fx.fix_everywhere.clone()} on_load_corpus={fx.load_corpus.clone()}
                    on_open_entry={fx.open_entry.clone()} on_download_corpus={fx.download_corpus.clone()} />
            </div>
            // Messages take a row of their own under the text and the panel: they never
            // cover a highlight.
            <div class="statusbar" id="statusbar">
                if let Some(p) = state.loading {
                    <div class="loading" id="loading" role="status" data-done={p.done.to_string()} data-total={p.total.to_string()}
                        data-reading={p.reading.to_string()}>
                        <progress max={p.total.to_string()} value={p.done.to_string()}></progress>
                        { p.words() }
                    </div>
                }
                if state.extracting.is_some() {
                    <div class="loading" id="extracting" role="status">
                        <progress></progress>{ "extracting actors, dates and claims… (you can work meanwhile)" }
                    </div>
                }
                { parts::banner(state, &dispatch, &fx.download, &fx.download_corpus) }
            </div>
            <div id="announce" class="visually-hidden" aria-live="polite" aria-atomic="true">{ parts::announce(state) }</div>
            if let Some(o) = *overlay {
                { overlay_view(o, &store, &dispatch, &fx, (*agree_report).clone()) }
            }
            if let Some(plan) = state.fix.clone() {
                <super::components::fix::FixPreview plan={plan} dispatch={dispatch.clone()} />
            }
            <div class="drop-hint" aria-hidden="true">{ "Drop a .txt article or an annotated file (any export format; brat: the .txt with its .ann) to open it" }</div>
        </div>
    }
}

/// The header with its callbacks.
fn header(store: &UseReducerHandle<State>, dispatch: &Callback<Action>, fx: &Effects) -> Html {
    let d = dispatch.clone();
    let on_open_files = Callback::from(move |list| open::open_files(list, d.clone()));
    let (s, d) = (store.clone(), dispatch.clone());
    let on_set_dct = Callback::from(move |v: String| documents::set_dct(&s, &v, &d));
    let d = dispatch.clone();
    let on_reextract = Callback::from(move |i| documents::reextract_seed(i, &d));
    html! {
        <Header state={store.clone()} dispatch={dispatch.clone()} on_paste={fx.open.reform(|_| Overlay::Paste)}
            on_export={fx.open.reform(|_| Overlay::Export)} {on_open_files} {on_set_dct} on_download={fx.download.clone()} {on_reextract} />
    }
}

/// What overlay `o` shows: one arm per [`Overlay`] variant (a new view fills in its arm).
fn overlay_view(
    o: Overlay,
    store: &UseReducerHandle<State>,
    dispatch: &Callback<Action>,
    fx: &Effects,
    agree_report: Option<Rc<Report>>,
) -> Html {
    let state: &State = store;
    match o {
        Overlay::Help => html! { <super::components::help::HelpOverlay on_close={fx.close.clone()} /> },
        Overlay::Export => html! {
            <super::components::export::ExportDialog state={store.clone()} dispatch={dispatch.clone()}
                on_close={fx.close.clone()} corpus_files={fx.corpus_files.clone()} />
        },
        Overlay::Stats => {
            let (rows, unloaded) = super::stats::of_state(state);
            html! { <super::components::stats::StatsTable rows={Rc::new(rows)} {unloaded} on_close={fx.close.clone()} /> }
        }
        Overlay::Agreement => agreement::agreement_panel(state, agree_report, dispatch, fx.close.clone()),
        Overlay::Paste => {
            let (d, close) = (dispatch.clone(), fx.close.clone());
            let on_open = Callback::from(move |(text, dct): (String, String)| {
                if open::open_pasted(&text, &dct, &d) {
                    close.emit(());
                }
            });
            html! { <PasteDialog on_open={on_open} on_close={fx.close.clone()} /> }
        }
        Overlay::Search => {
            let (s, d) = (store.clone(), dispatch.clone());
            let on_jump = Callback::from(move |(doc, span): (String, crate::model::Span)| {
                s.jump_actions(&doc, span).into_iter().for_each(|a| d.emit(a))
            });
            let on_apply = dispatch.reform(|(query, change)| Action::SearchApply { query: Box::new(query), change });
            let docs = Rc::new(state.loaded());
            let unloaded = state.corpus.len().saturating_sub(docs.len());
            html! { <super::components::search::SearchPanel {docs} {unloaded} on_load_all={fx.load_corpus.clone()}
            {on_jump} {on_apply} on_close={fx.close.clone()} /> }
        }
        Overlay::Actors => html! {
            <views::ActorsOverlay state={store.clone()} dispatch={dispatch.clone()} on_close={fx.close.clone()} on_load_all={fx.load_corpus.clone()} />
        },
        Overlay::Claims => html! {
            <views::ClaimsOverlay state={store.clone()} dispatch={dispatch.clone()} on_close={fx.close.clone()} on_load_all={fx.load_corpus.clone()} />
        },
        Overlay::Timeline => timeline::timeline_view(state, dispatch, fx),
        Overlay::Lexicon => views::lexicon_view(state, dispatch, fx.close.clone()),
    }
}
