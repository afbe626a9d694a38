//! The page's effects as custom hooks: startup, autosave, keeping the selection in view,
//! fading notices, and the document-wide listeners (keys, dropping files).
//!
//! Owns: when each effect runs and what it hands to `browser` and the reducer. It must not:
//! render anything or change annotations itself (every change is an [`Action`]).

use crate::ui::browser::documents::{open_seed, seed_stubs};
use crate::ui::browser::keys::KeyPress;
use crate::ui::browser::open::open_files;
use crate::ui::browser::{self, files, selection, storage, tabs};
use crate::ui::keymap::{on_key, KeyContext};
use crate::ui::session;
use crate::ui::state::{Action, Message, State};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The pause in editing after which edits already in the edit log are saved in full.
const SAVE_PAUSE_MS: u32 = 800;

/// Why a tab is read-only: another tab held the corpus when it opened, or took it over.
const READ_ONLY_HELD: &str = "Gloss is open in another tab, which holds this corpus: this tab is read-only, so that neither overwrites the other's work. Take over to edit here (the other tab becomes read-only).";
const READ_ONLY_TAKEN: &str = "Another tab took this corpus over: this tab is read-only now, and everything it saved is kept. Take over to edit here again.";

/// Startup: the saved corpus list (with each document's state), the corpus lock (a tab
/// opened while another holds it is read-only), then the saved work: versions, the
/// document open last (else the first seed), the undo history and the edit log. Returns
/// whether another tab on the same storage was found (at startup or later).
#[hook]
pub fn use_startup(dispatch: &Callback<Action>) -> bool {
    let other_tab = use_state(|| false);
    {
        let dispatch = dispatch.clone();
        let other_tab = other_tab.clone();
        use_effect_with((), move |_| {
            dispatch.emit(seed_stubs());
            tabs::watch(move || other_tab.set(true));
            if let Some(name) = storage::annotator() {
                dispatch.emit(Action::SetAnnotator(name));
            }
            wasm_bindgen_futures::spawn_local(async move {
                let steal = tabs::wants_take_over();
                let lost = dispatch.clone();
                let writer = tabs::acquire(steal, move || {
                    lost.emit(Action::ReadOnly(Some(READ_ONLY_TAKEN.into())));
                })
                .await;
                if !writer {
                    dispatch.emit(Action::ReadOnly(Some(READ_ONLY_HELD.into())));
                }
                let d = dispatch.clone();
                storage::init(move |e| d.emit(Action::Fail(e))).await;
                let listed = match session::saved_list() {
                    Ok(l) => l,
                    Err(e) => {
                        dispatch.emit(Action::Fail(format!("{e}; it is kept apart in this browser's storage")));
                        Vec::new()
                    }
                };
                dispatch.emit(Action::AddStubs(listed.clone()));
                let first = dispatch.clone();
                session::restore(&listed, &dispatch, move || open_seed(0, &first));
                // The extractor's worker compiles its wasm once the page is on screen (the
                // seeds come with their predictions; a pasted text needs the worker).
                selection::after_paint(crate::ui::browser::extractor::warm_up).detach();
            });
        });
    }
    *other_tab
}

/// A full save of this much JSON or more is written in the task after the one that made it.
const SPLIT_SAVE_BYTES: usize = 1 << 20;

/// Autosave: the edit log has each edit before it is painted; the full save of what
/// changed follows after the paint, at once for what the log does not hold (documents
/// opened, versions, the gold mark) and after a pause in editing otherwise. Returns the
/// time (ms since the page started loading) of the first save with a document on screen.
#[hook]
pub fn use_autosave(store: &UseReducerHandle<State>, dispatch: &Callback<Action>) -> Option<f64> {
    let ready = use_state(|| None::<f64>);
    let marks = use_mut_ref(session::Marks::default);
    let state = (**store).clone();
    let dispatch = dispatch.clone();
    let r = ready.clone();
    use_effect_with(store.revision, move |_| {
        // Edits, undo and redo are in the log; a document opened afresh is not.
        let logged = !state.journal.is_empty()
            && state.journal.iter().all(|op| !matches!(op, crate::ui::history::Op::Forget(_)));
        // A newer revision cancels a save not yet run, or not yet written (it saves
        // everything anyway).
        let pause = Rc::new(RefCell::new(None::<gloo::timers::callback::Timeout>));
        let writing = Rc::new(RefCell::new(None::<gloo::timers::callback::Timeout>));
        let write_slot = writing.clone();
        let run = move || {
            selection::mark("gloss:save");
            if state.doc.is_some() && r.is_none() {
                r.set(Some(browser::now_ms()));
            }
            selection::mark("gloss:save:json");
            let Some(prepared) = session::prepare(&state, &mut marks.borrow_mut()) else { return };
            selection::measure("gloss:save:json", "gloss:save:json");
            // A long document's JSON and its storing are two tasks (the write comes next);
            // a small save is written at once, so a reload right after loses nothing.
            let split = prepared.bytes() >= SPLIT_SAVE_BYTES;
            let write = move || {
                match prepared.write(&state, &mut marks.borrow_mut()) {
                    Ok(saved) => {
                        crate::ui::browser::open::settle_awaiting(|id| state.work_of(id).is_some());
                        if let Some(now) = saved {
                            dispatch.emit(Action::Stamp(now));
                        }
                    }
                    Err(e) => dispatch.emit(Action::Fail(e)),
                }
                selection::measure("gloss:save", "gloss:save");
            };
            if split {
                *write_slot.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, write));
            } else {
                write();
            }
        };
        let slot = pause.clone();
        let job = selection::after_paint(move || {
            if logged {
                *slot.borrow_mut() = Some(gloo::timers::callback::Timeout::new(SAVE_PAUSE_MS, run));
            } else {
                run();
            }
        });
        move || {
            drop(job);
            drop(pause.borrow_mut().take());
            drop(writing.borrow_mut().take());
        }
    });
    *ready
}

/// A document on screen whose predictions were asked for and had not come when the page
/// was last closed asks for them again (see `browser::open::resume_predictions`).
#[hook]
pub fn use_resume_predictions(store: &UseReducerHandle<State>, dispatch: &Callback<Action>) {
    let doc = store.doc.clone();
    let sha = doc.as_ref().map(|d| d.sha256().to_string());
    let idle = store.extracting.is_none();
    let dispatch = dispatch.clone();
    use_effect_with(sha, move |_| {
        if let (Some(doc), true) = (doc, idle) {
            crate::ui::browser::open::resume_predictions(&doc, &dispatch);
        }
    });
}

/// Every prediction job takes the project lexicon of the latest state (learned from the
/// decisions made until the job is posted; see `ui::lexicon`).
#[hook]
pub fn use_lexicon_source(latest: &Rc<RefCell<State>>) {
    let latest = latest.clone();
    use_effect_with((), move |_| {
        browser::extractor::set_lexicon(move || {
            let lex = latest.try_borrow().ok()?.lexicon();
            (!lex.is_empty()).then(|| lex.to_json())
        });
    });
}

/// The selected annotation and the words waiting for a label stay in view (the selection
/// lives in the state, one per document, so keys, undo and switching documents all bring it
/// back here); notices fade after a while, errors stay until dismissed or the next good edit.
#[hook]
pub fn use_reveal_and_fade(store: &UseReducerHandle<State>, dispatch: &Callback<Action>) {
    let doc_id = store.doc.as_ref().map(|d| d.id.clone());
    use_effect_with((doc_id, store.selected.clone()), move |(_, selected)| {
        let root = gloo::utils::document().get_element_by_id("text");
        if let (Some(root), Some(id)) = (root, selected) {
            selection::reveal(&root, id);
        }
    });
    use_effect_with(store.pending, move |pending| {
        if pending.is_some() {
            browser::reveal_selector("#text .r.pending");
        }
    });
    let dispatch = dispatch.clone();
    use_effect_with(store.message.clone(), move |message| {
        let timer = matches!(message, Some(Message::Info(_)))
            .then(|| gloo::timers::callback::Timeout::new(6_000, move || dispatch.emit(Action::Dismiss)));
        move || drop(timer)
    });
}

/// Keyboard shortcuts and dropping files anywhere on the page. `latest` holds the state of
/// the last render and `keys_cx` the overlay switch, both read at each key press. Returns
/// whether files are being dragged over the page.
#[hook]
pub fn use_keys_and_drop(
    latest: &Rc<RefCell<State>>,
    keys_cx: &Rc<RefCell<KeyContext>>,
    dispatch: &Callback<Action>,
) -> bool {
    let dragging = use_state(|| false);
    let (latest, keys_cx, dispatch, dragging2) = (latest.clone(), keys_cx.clone(), dispatch.clone(), dragging.clone());
    use_effect_with((), move |_| {
        let doc = gloo::utils::document();
        let d = dispatch.clone();
        let opts = EventListenerOptions::enable_prevent_default();
        let keys = EventListener::new_with_options(&doc, "keydown", opts, move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                let state = latest.borrow().clone();
                let cx = keys_cx.borrow().clone();
                if on_key(&KeyPress::of(e), &state, &d, &cx) {
                    e.prevent_default();
                }
            }
        });
        let dr = dragging2.clone();
        let over = EventListener::new_with_options(&doc, "dragover", opts, move |e| {
            e.prevent_default();
            dr.set(true);
        });
        let dr = dragging2.clone();
        let leave = EventListener::new(&doc, "dragleave", move |e| {
            if e.dyn_ref::<web_sys::DragEvent>().is_some_and(|d| d.client_x() == 0 && d.client_y() == 0) {
                dr.set(false);
            }
        });
        let drop = EventListener::new_with_options(&doc, "drop", opts, move |e| {
            e.prevent_default();
            dragging2.set(false);
            if let Some(dt) = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()) {
                open_files(files::files_of(dt.files()), dispatch.clone());
            }
        });
        move || drop_all([keys, over, leave, drop])
    });
    *dragging
}

fn drop_all<const N: usize>(listeners: [EventListener; N]) {
    drop(listeners);
}
