//! The project lexicon view (key `W`): what the annotator's decisions taught the
//! pre-annotation (names with their kind and identity, surfaces that are not actors or dates,
//! renamed identities, dates), each entry with a button to forget it, the entries forgotten
//! with a button to take them back, and the lexicon's export and import.
//!
//! Owns: drawing the lists it is given. It gets everything as props: the lexicon in force,
//! the entries forgotten (with their words), how many documents taught it and how many are not
//! loaded, and callbacks to forget or take back an entry, download the lexicon, import a file
//! and close. It must not: learn anything, read files or import the app root.

use crate::learn::{Entry, ProjectLexicon};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Entries listed at most (the download has them all).
const SHOWN: usize = 500;

#[derive(Properties)]
pub struct LexiconViewProps {
    /// The lexicon the extractor applies now.
    pub lexicon: Rc<ProjectLexicon>,
    /// The entries forgotten, each with its words.
    pub forgotten: Rc<Vec<(Entry, String)>>,
    /// Loaded documents whose decisions it learned from.
    pub documents: usize,
    /// Listed documents not loaded (their decisions are not counted).
    pub not_loaded: usize,
    /// Forget an entry (`true`) or take it back (`false`).
    pub on_forget: Callback<(Entry, bool)>,
    pub on_download: Callback<()>,
    pub on_import: Callback<Vec<web_sys::File>>,
    pub on_close: Callback<()>,
}

impl PartialEq for LexiconViewProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.lexicon, &o.lexicon)
            && Rc::ptr_eq(&self.forgotten, &o.forgotten)
            && (self.documents, self.not_loaded) == (o.documents, o.not_loaded)
            && self.on_forget == o.on_forget
            && self.on_download == o.on_download
            && self.on_import == o.on_import
            && self.on_close == o.on_close
    }
}

/// One entry's row: its words and its button.
fn row(e: &Entry, words: String, forget: bool, on: &Callback<(Entry, bool)>) -> Html {
    let (on, entry) = (on.clone(), e.clone());
    let click = Callback::from(move |_: MouseEvent| on.emit((entry.clone(), forget)));
    let (label, title) = if forget {
        ("Forget", "leave this out of the lexicon (Ctrl+Z undoes)")
    } else {
        ("Take back", "learn this again")
    };
    html! {
        <li class="lexicon-entry">
            <span>{ words }</span>{ " " }
            <button class="small" onclick={click} {title}>{ label }</button>
        </li>
    }
}

#[component]
pub fn LexiconPanel(p: &LexiconViewProps) -> Html {
    let entries = p.lexicon.entries();
    let close = p.on_close.reform(|_: MouseEvent| ());
    let download = p.on_download.reform(|_: MouseEvent| ());
    let file_ref = use_node_ref();
    let import = {
        let on = p.on_import.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            on.emit(crate::ui::browser::files::files_of(input.files()));
            input.set_value("");
        })
    };
    let pick = {
        let r = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = r.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    html! {
        <div class="corpus-view" id="lexicon-view" role="dialog" aria-modal="true" aria-labelledby="lexicon-title">
            <header>
                <h2 id="lexicon-title">{ format!("Project lexicon: {} entr{} learned from {} document(s)", entries.len(), if entries.len() == 1 { "y" } else { "ies" }, p.documents) }</h2>
                <div class="view-actions">
                    <button id="lexicon-download" onclick={download} title="the lexicon as a gloss-lexicon JSON file (gloss extract --lexicon reads it)">{ "Export" }</button>
                    <button id="lexicon-import" onclick={pick} title="add a gloss-lexicon JSON file to this one">{ "Import…" }</button>
                    <input type="file" accept=".json,application/json" id="lexicon-file" ref={file_ref} hidden=true onchange={import} />
                    <button id="lexicon-close" onclick={close}>{ "Close (W or Esc)" }</button>
                </div>
            </header>
            if p.not_loaded > 0 {
                <p class="small muted" id="lexicon-unloaded">{ format!("{} listed document(s) are not loaded: their decisions are not counted until they are.", p.not_loaded) }</p>
            }
            <p class="small muted">{ "Learned from your decisions: a name you accept, correct or add is predicted in the documents you open or re-extract next, with its kind and identity; words you reject are no longer predicted (unless accepted more often); the one-word cue of a claim you add or correct is read as a reporting verb, until its claims are rejected more often than accepted. Undoing a decision undoes what it taught. Predictions it makes say \u{201c}lexicon\u{201d} as their rule." }</p>
            if entries.is_empty() {
                <p id="lexicon-empty">{ "Nothing learned yet: accept, correct, add or reject annotations." }</p>
            } else {
                <ul class="lexicon-list" id="lexicon-list">
                    { for entries.iter().take(SHOWN).filter_map(|e| Some(row(e, e.describe(&p.lexicon)?, true, &p.on_forget))) }
                </ul>
                if entries.len() > SHOWN {
                    <p class="small muted">{ format!("The first {SHOWN} of {} entries; the export has them all.", entries.len()) }</p>
                }
            }
            if !p.forgotten.is_empty() {
                <h3>{ "Forgotten" }</h3>
                <ul class="lexicon-list" id="lexicon-forgotten">
                    { for p.forgotten.iter().map(|(e, words)| row(e, words.clone(), false, &p.on_forget)) }
                </ul>
            }
        </div>
    }
}
