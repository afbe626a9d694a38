//! The header: document picker, open/paste/download, DCT, undo/redo.
//!
//! Owns: the toolbar's controls and their actions. It must not: hold state of its own
//! beyond the file input element.

use crate::ui::app::{download, open_files, open_seed, reextract_seed, set_dct};
use crate::ui::browser::files;
use crate::ui::seeds::{self, SEEDS};
use crate::ui::state::{Action, Origin, State};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    pub on_paste: Callback<()>,
    /// Opens the export dialog.
    pub on_export: Callback<()>,
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
    let on_pick = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(i) = v.parse::<usize>() {
                open_seed(i, &d);
            }
        })
    };
    let on_file = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            open_files(files::files_of(input.files()), d.clone());
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
    let on_dct = {
        let d = d.clone();
        let handle = props.state.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            set_dct(&handle, &v, &d);
        })
    };
    let on_download = {
        let d = d.clone();
        let handle = props.state.clone();
        Callback::from(move |_| download(&handle, &d))
    };
    let on_reextract = {
        let d = d.clone();
        Callback::from(move |_| {
            if let Some(i) = current_seed {
                let ok = web_sys::window()
                    .and_then(|w| {
                        w.confirm_with_message("Discard your work on this article and extract it again?").ok()
                    })
                    .unwrap_or(false);
                if ok {
                    reextract_seed(i, &d);
                }
            }
        })
    };
    let on_paste = props.on_paste.reform(|_| ());
    let on_export = props.on_export.reform(|_| ());
    let doc = state.doc.as_deref();
    let dct = doc.and_then(|d| d.dct()).map(|d| d.to_string()).unwrap_or_default();
    let origin = match &state.origin {
        Some(Origin::Seed(_)) | None => String::new(),
        Some(Origin::Pasted) => "pasted text".into(),
        Some(Origin::TextFile(n)) | Some(Origin::GoldFile(n)) => n.clone(),
        Some(Origin::Restored) => "restored from your last visit".into(),
    };
    let doc_id = doc.map(|d| d.id.clone()).unwrap_or_default();
    let (undo, redo) = (d.reform(|_| Action::Undo), d.reform(|_| Action::Redo));
    html! {
        <header class="topbar">
            <div class="brand"><span class="logo" aria-hidden="true">{ "❦" }</span>{ "Gloss" }</div>
            <div class="group">
                <label class="field">
                    <span class="field-label">{ "Article" }</span>
                    <select id="seed-picker" onchange={on_pick} aria-label="Sample articles">
                        <option value="" selected={current_seed.is_none()} disabled=true>
                            { if current_seed.is_none() && !doc_id.is_empty() { format!("{doc_id} ({origin})") } else { "Choose a sample article…".to_string() } }
                        </option>
                        { for SEEDS.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={current_seed == Some(i)}>
                                { format!("{} · {}", &s.id[..3], s.title()) }
                            </option>
                        }) }
                    </select>
                </label>
                <button id="open-file" onclick={open_click} title="Open .txt articles or annotated files of any export format: gold JSON, JSON Lines, Label Studio, doccano, brat (.txt with its .ann, or the exported zip), W3C, CoNLL, spaCy, TimeML (or drop them on the page); each joins the corpus">{ "Open…" }</button>
                <input ref={file_ref} id="file-input" type="file" multiple=true accept=".txt,.json,.jsonl,.ndjson,.ann,.conf,.jsonld,.conll,.bio,.iob,.tml,.xml,.zip,text/plain,application/json" class="visually-hidden" onchange={on_file} />
                <button id="paste" onclick={on_paste}>{ "Paste…" }</button>
                if current_seed.is_some() {
                    <button id="reextract" onclick={on_reextract} title="Discard your work on this article and run the extractor again">{ "Re-extract" }</button>
                }
            </div>
            <div class="group">
                <label class="field">
                    <span class="field-label">{ "Published (DCT)" }</span>
                    <input id="dct" type="date" value={dct.clone()} onchange={on_dct} disabled={doc.is_none()} />
                </label>
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
