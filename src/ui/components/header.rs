//! The header: open/paste/download, the DCT field, undo/redo. (Documents are chosen in the
//! corpus list of the panel, the page's one navigator.)
//!
//! Owns: the toolbar's controls and their actions, and the DCT field's draft (what is typed
//! there and not yet confirmed). It must not: hold other state of its own beyond the file
//! input element, or apply a DCT before the user confirms it (Enter, or leaving the field
//! with a whole `YYYY-MM-DD` date).

use crate::model::parse_dct;
use crate::ui::browser::files;
use crate::ui::seeds;
use crate::ui::state::{Action, Origin, State};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct DctProps {
    /// The DCT now (`YYYY-MM-DD`, empty when none).
    dct: AttrValue,
    disabled: bool,
    /// Applies a confirmed value (empty clears the DCT; an invalid one is refused in words).
    on_apply: Callback<String>,
    /// Says why a value left unconfirmed was dropped.
    on_note: Callback<String>,
}

/// The publication date as text: typing or pasting only drafts it; Enter applies it (or
/// says why it cannot), leaving the field applies a whole date and drops anything else,
/// Esc drops the draft. Keys typed here never reach the page's shortcuts (the key handler
/// skips text fields).
#[component]
fn DctField(props: &DctProps) -> Html {
    let input = use_node_ref();
    // The value Enter last handled, so the `change` that follows it is not handled twice.
    let handled: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let onkeydown = {
        let (input, handled, dct) = (input.clone(), handled.clone(), props.dct.clone());
        let (apply, note) = (props.on_apply.clone(), props.on_note.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = input.cast::<HtmlInputElement>() else { return };
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    let v = el.value().trim().to_string();
                    *handled.borrow_mut() = Some(v.clone());
                    if v != dct.as_str() {
                        apply.emit(v);
                    }
                }
                "Escape" => {
                    if el.value().trim() != dct.as_str() {
                        note.emit(format!("the DCT stays {}", if dct.is_empty() { "unset" } else { dct.as_str() }));
                    }
                    *handled.borrow_mut() = Some(dct.to_string());
                    el.set_value(&dct);
                }
                _ => {}
            }
        })
    };
    let onchange = {
        let (input, handled, dct) = (input.clone(), handled.clone(), props.dct.clone());
        let (apply, note) = (props.on_apply.clone(), props.on_note.clone());
        Callback::from(move |_: Event| {
            let Some(el) = input.cast::<HtmlInputElement>() else { return };
            let v = el.value().trim().to_string();
            let by_enter = handled.borrow_mut().take().as_deref() == Some(v.as_str());
            if v == dct.as_str() {
                return;
            }
            match parse_dct(&v) {
                Ok(_) if by_enter => {}
                Ok(_) => apply.emit(v),
                // Enter already said why; leaving the field drops the draft.
                Err(_) if by_enter => el.set_value(&dct),
                Err(e) => {
                    el.set_value(&dct);
                    let now = if dct.is_empty() { "unset" } else { dct.as_str() };
                    note.emit(format!("the DCT stays {now}: {e} (type YYYY-MM-DD, then Enter)"));
                }
            }
        })
    };
    // A confirmed change (or undo) shows the new DCT; an unconfirmed draft is kept while typing.
    {
        let input = input.clone();
        use_effect_with(props.dct.clone(), move |dct| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.set_value(dct);
            }
        });
    }
    html! {
        <input ref={input} id="dct" type="text" placeholder="YYYY-MM-DD" size="10"
            autocomplete="off" spellcheck="false" aria-describedby="dct-hint"
            title="The publication date, YYYY-MM-DD: Enter applies it and re-resolves the predicted dates; Esc keeps the old one"
            {onkeydown} {onchange} disabled={props.disabled} />
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    pub on_paste: Callback<()>,
    /// Opens the export dialog.
    pub on_export: Callback<()>,
    /// Opens files picked in the file dialog (each joins the corpus).
    pub on_open_files: Callback<Vec<web_sys::File>>,
    /// Sets the DCT from the date field's value (empty clears it).
    pub on_set_dct: Callback<String>,
    /// Downloads the gold JSON of the document on screen.
    pub on_download: Callback<()>,
    /// Extracts seed `i` (on screen) again, replacing the work in one undoable step.
    pub on_reextract: Callback<usize>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let file_ref = use_node_ref();
    let state: &State = &props.state;
    let d = props.dispatch.clone();
    let current_seed = match &state.origin {
        Some(Origin::Seed(id)) => seeds::find(id),
        _ => None,
    };
    let on_file = {
        let open = props.on_open_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            open.emit(files::files_of(input.files()));
            input.set_value("");
        })
    };
    let open_click = {
        let file_ref = file_ref.clone();
        Callback::from(move |_| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_dct = props.on_set_dct.clone();
    let on_dct_note = d.reform(Action::Notify);
    let on_download = props.on_download.reform(|_| ());
    let on_reextract = {
        let reextract = props.on_reextract.clone();
        Callback::from(move |_| {
            if let Some(i) = current_seed {
                let ok = web_sys::window()
                    .and_then(|w| {
                        w.confirm_with_message("Discard your work on this article and extract it again?").ok()
                    })
                    .unwrap_or(false);
                if ok {
                    reextract.emit(i);
                }
            }
        })
    };
    let on_paste = props.on_paste.reform(|_| ());
    let on_export = props.on_export.reform(|_| ());
    let doc = state.doc.as_deref();
    let dct = doc.and_then(|d| d.dct()).map(|d| d.to_string()).unwrap_or_default();
    let (undo, redo) = (d.reform(|_| Action::Undo), d.reform(|_| Action::Redo));
    html! {
        <header class="topbar">
            <div class="brand"><span class="logo" aria-hidden="true">{ "❦" }</span>{ "Gloss" }</div>
            <div class="group">
                <button id="open-file" onclick={open_click} title="Open .txt articles or annotated files of any export format: gold JSON, JSON Lines, Label Studio, doccano, brat (.txt with its .ann, or the exported zip), W3C, CoNLL, spaCy, TimeML (or drop them on the page); each joins the corpus">{ "Open…" }</button>
                <input ref={file_ref} id="file-input" type="file" multiple=true accept=".txt,.json,.jsonl,.ndjson,.ann,.conf,.jsonld,.conll,.bio,.iob,.tml,.xml,.zip,text/plain,application/json" class="visually-hidden" tabindex="-1" aria-hidden="true" onchange={on_file} />
                <button id="paste" onclick={on_paste}>{ "Paste…" }</button>
                if current_seed.is_some() {
                    <button id="reextract" onclick={on_reextract} title="Discard your work on this article and run the extractor again">{ "Re-extract" }</button>
                }
            </div>
            <div class="group">
                <label class="field">
                    <span class="field-label">{ "Published (DCT)" }</span>
                    <DctField dct={AttrValue::from(dct.clone())} disabled={doc.is_none()} on_apply={on_dct} on_note={on_dct_note} />
                </label>
                <span id="dct-hint" class="visually-hidden">{ "Type the date as YYYY-MM-DD and press Enter; Escape keeps the old date" }</span>
                if doc.is_some() && dct.is_empty() {
                    <span id="dct-missing" class="dct-missing" role="note" title="Without the publication date, relative dates (\"last Sunday\") cannot be resolved: set it here">{ "DCT missing: set the publication date" }</span>
                }
            </div>
            <div class="group end">
                <button id="undo" onclick={undo} disabled={!state.history.can_undo()} title="Undo (Ctrl+Z)">{ "↶ Undo" }</button>
                <button id="redo" onclick={redo} disabled={!state.history.can_redo()} title="Redo (Ctrl+Shift+Z or Ctrl+Y)">{ "↷ Redo" }</button>
                <button id="export" onclick={on_export} disabled={doc.is_none()} title="Export this document or the corpus in another format (E)">{ "Export…" }</button>
                <button id="download" class="primary" onclick={on_download} disabled={doc.is_none()} title="Download the gold JSON of this document">{ "Download JSON" }</button>
            </div>
        </header>
    }
}
