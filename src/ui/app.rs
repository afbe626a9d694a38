//! The root component: the reducer wired to Yew, and the effects around it.
//!
//! Owns: the page's one store (`use_reducer` over [`State`]), running extraction before an
//! `Open`/`SetDct` action, startup (restore the autosave or open the first seed), autosave
//! after every change, global keyboard shortcuts, file open/drop and download. It must not:
//! change annotations itself (every change is an [`Action`] to the reducer) or call web-sys
//! directly (it goes through `browser`).

use super::browser::{self, files, selection, storage};
use super::components::{header::Header, panel::Panel, paste::PasteDialog, text::TextView};
use super::review::{self, Edge};
use super::seeds::{self, SEEDS};
use super::state::{guess_date, predict, Action, Message, Origin, State};
use crate::extract::Pipeline;
use crate::formats::gold::GoldFile;
use crate::formats::{Format, Input, Options};
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
        next.journal.clear();
        next.apply_guarded(action);
        // The edit reaches the log before it is painted: a crash right after it loses nothing.
        super::session::log_journal(&mut next);
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

/// The pause in editing after which edits already in the edit log are saved in full.
const SAVE_PAUSE_MS: u32 = 800;

/// Why a tab is read-only: another tab held the corpus when it opened, or took it over.
const READ_ONLY_HELD: &str = "Gloss is open in another tab, which holds this corpus: this tab is read-only, so that neither overwrites the other's work. Take over to edit here (the other tab becomes read-only).";
const READ_ONLY_TAKEN: &str = "Another tab took this corpus over: this tab is read-only now, and everything it saved is kept. Take over to edit here again.";

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
    let mut unreadable = None;
    if let Some(json) = storage::load(seed.id) {
        match super::session::read_saved(&json) {
            Ok((file, problems)) => {
                dispatch.emit(Action::OpenGold { file, origin: Origin::Seed(seed.id.to_string()) });
                super::session::notify_problems(seed.id, &problems, dispatch);
                return;
            }
            Err(e) => {
                super::session::set_aside(seed.id);
                unreadable = Some(e);
            }
        }
    }
    match seed.document() {
        Ok(doc) => dispatch.emit(open_document(doc, Origin::Seed(seed.id.to_string()))),
        Err(e) => dispatch.emit(Action::Fail(e.to_string())),
    }
    if let Some(why) = unreadable {
        dispatch.emit(Action::Unreadable { id: seed.id.to_string(), reason: Some(why) });
    }
}

/// Starts over on seed `i` (on screen) from the extractor: the fresh predictions replace
/// the work in one undoable step.
pub fn reextract_seed(i: usize, dispatch: &Callback<Action>) {
    let Some(seed) = SEEDS.get(i) else { return };
    match seed.document() {
        Ok(doc) => dispatch.emit(Action::Reextract { predictions: with_pipeline(|p| predict(p, &doc)) }),
        Err(e) => dispatch.emit(Action::Fail(e.to_string())),
    }
}

/// Opens a file's bytes: a file of one of the annotation formats (found by
/// [`Format::guess`] on its name and first bytes) as the documents it holds, anything else
/// as a plain-text article. A failure leaves the open work untouched and says why, with the
/// position the reader names.
pub fn open_bytes(name: &str, bytes: &[u8], dispatch: &Callback<Action>) {
    let text = std::str::from_utf8(bytes).ok();
    let format = text.and_then(|t| Format::guess(name, t));
    let structured = [".json", ".jsonl", ".ndjson", ".jsonld", ".ann", ".conll", ".bio", ".iob", ".tml"];
    let lower = name.to_ascii_lowercase();
    match (format, text) {
        (Some(Format::Brat), _) => dispatch.emit(Action::Fail(format!(
            "could not open {name}: a brat .ann file opens together with its .txt (select or drop both at once). Your current work is unchanged."
        ))),
        (Some(format), Some(text)) => {
            let stem = crate::formats::safe_file_name(&stem_of(name));
            let opts = Options { default_id: Some(stem), ..Options::default() };
            match crate::formats::read(format, Input::Text(text), &opts) {
                Ok(list) => open_gold_files(list, name, dispatch),
                Err(e) => dispatch.emit(Action::Fail(format!(
                    "could not open {name} as {}: {e}. Your current work is unchanged.",
                    format.title()
                ))),
            }
        }
        _ if text.is_none() && structured.iter().any(|x| lower.ends_with(x)) => {
            dispatch.emit(Action::Fail(format!("could not open {name}: it is not UTF-8 text")))
        }
        _ => {
            let stem = stem_of(name);
            let stem = if stem.trim().is_empty() { "document".to_string() } else { stem };
            match Document::from_bytes(stem, bytes, None) {
                Ok(doc) => {
                    super::session::park_same(&doc.id, doc.sha256(), dispatch);
                    open_document_soon(doc, Origin::TextFile(name.to_string()), dispatch)
                }
                Err(e) => dispatch.emit(Action::Fail(format!("could not open {name}: {e}"))),
            }
        }
    }
}

/// A file name without its folder and extension (`a/b.gold.json` -> `b`).
fn stem_of(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.strip_suffix(".gold.json").unwrap_or(base);
    base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
}

/// Opens the documents read from `name`: each new one joins the corpus (the last stays on
/// screen); a document the corpus has already never replaces the work on it (see
/// [`Action::Import`]).
fn open_gold_files(list: Vec<GoldFile>, name: &str, dispatch: &Callback<Action>) {
    let n = list.len();
    for file in list {
        super::session::park_same(&file.doc.id, file.doc.sha256(), dispatch);
        dispatch.emit(Action::Import { file, origin: Origin::GoldFile(name.to_string()) });
    }
    if n != 1 {
        dispatch.emit(Action::Notify(format!("{n} document(s) opened from {name}")));
    }
}

/// Opens brat files picked together: every `.ann`, the `.txt` of the same name and
/// `annotation.conf`, read as one collection (nothing opens when one of them is wrong).
fn open_brat(group: Vec<(String, Vec<u8>)>, dispatch: &Callback<Action>) {
    let mut texts = Vec::with_capacity(group.len());
    for (name, bytes) in group {
        match String::from_utf8(bytes) {
            Ok(t) => texts.push((name, t)),
            Err(_) => return dispatch.emit(Action::Fail(format!("could not open {name}: it is not UTF-8 text"))),
        }
    }
    let names: Vec<&str> = texts.iter().map(|(n, _)| n.as_str()).collect();
    let label = names.join(", ");
    match crate::formats::read(Format::Brat, Input::Files(&texts), &Options::default()) {
        Ok(list) => open_gold_files(list, &label, dispatch),
        Err(e) => dispatch.emit(Action::Fail(format!(
            "could not open {label} as brat standoff: {e}. Your current work is unchanged."
        ))),
    }
}

/// Reads and opens every one of `files` (a picker's or a drop's), in order: each joins the
/// corpus, and the last one stays on screen. brat's `.ann` files open with the `.txt` of the
/// same name (and `annotation.conf`) picked with them; a zip the page wrote opens as its files.
pub fn open_files(list: Vec<web_sys::File>, dispatch: Callback<Action>) {
    if list.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(list.len());
        for file in list {
            let name = file.name();
            match files::read_bytes(&file).await {
                // A zip of the page's own export (a brat collection, per-document files).
                Ok(bytes) if name.to_ascii_lowercase().ends_with(".zip") => match files::unzip_stored(&name, &bytes) {
                    Ok(entries) => read.extend(entries),
                    Err(e) => dispatch.emit(Action::Fail(e)),
                },
                Ok(bytes) => read.push((name, bytes)),
                Err(e) => dispatch.emit(Action::Fail(e)),
            }
        }
        let lower = |n: &str| n.to_ascii_lowercase();
        let ann_stems: Vec<String> =
            read.iter().filter(|(n, _)| lower(n).ends_with(".ann")).map(|(n, _)| lower(&stem_of(n))).collect();
        let (brat, rest): (Vec<_>, Vec<_>) = read.into_iter().partition(|(n, _)| {
            let l = lower(n);
            !ann_stems.is_empty()
                && (l.ends_with(".ann")
                    || l.ends_with("annotation.conf")
                    || (l.ends_with(".txt") && ann_stems.contains(&lower(&stem_of(n)))))
        });
        for (name, bytes) in rest {
            open_bytes(&name, &bytes, &dispatch);
        }
        if !brat.is_empty() {
            open_brat(brat, &dispatch);
        }
    });
}

/// The seeds as corpus entries not loaded yet.
pub fn seed_stubs() -> Action {
    Action::AddStubs(
        SEEDS
            .iter()
            .map(|s| {
                let mut l = crate::ui::corpus::Listed::new(
                    s.id,
                    crate::ui::corpus::title_of(s.text, s.id),
                    Origin::Seed(s.id.to_string()),
                );
                l.sha = s.document().ok().map(|d| d.sha256().to_string());
                l
            })
            .collect(),
    )
}

/// The gold file of corpus entry `i` when it is not loaded: its saved work, else (a seed)
/// a fresh extraction. Saved date values that break TIMEX3 (work saved before values were
/// checked) are restored with the file and listed beside it, never dropped.
fn unloaded_file(state: &State, i: usize) -> Option<Result<(GoldFile, Vec<String>), String>> {
    let e = state.corpus.get(i)?;
    if let Some(json) = storage::load(&e.id) {
        return Some(super::session::read_saved(&json));
    }
    let seed = SEEDS.get(seeds::find(&e.id)?)?;
    Some(match seed.document() {
        Ok(doc) => {
            let predictions = with_pipeline(|p| predict(p, &doc));
            Ok((GoldFile::new(doc, predictions), Vec::new()))
        }
        Err(err) => Err(err.to_string()),
    })
}

/// Puts corpus document `i` on screen, loading it first when needed.
pub fn open_entry(state: &State, i: usize, dispatch: &Callback<Action>) {
    let Some(e) = state.corpus.get(i) else { return };
    if e.parked.is_some() || state.active() == Some(i) {
        return dispatch.emit(Action::Switch(i));
    }
    if let Some(seed) = seeds::find(&e.id) {
        return open_seed(seed, dispatch);
    }
    match unloaded_file(state, i) {
        Some(Ok((file, problems))) => {
            dispatch.emit(Action::OpenGold { file, origin: e.origin.clone() });
            super::session::notify_problems(&e.id, &problems, dispatch);
        }
        Some(Err(err)) => super::session::keep_apart(&e.id, err, dispatch),
        None if e.unreadable.is_some() => dispatch.emit(Action::Fail(format!(
            "the saved work on {} could not be read and is kept apart: download or discard it in the corpus list",
            e.id
        ))),
        None => dispatch.emit(Action::Fail(format!("{} is no longer stored in this browser", e.id))),
    }
}

/// Loads every corpus document that is not loaded yet (without leaving the one on screen).
pub fn load_corpus(state: &State, dispatch: &Callback<Action>) {
    for (i, e) in state.corpus.iter().enumerate() {
        if e.parked.is_some() || state.active() == Some(i) {
            continue;
        }
        match unloaded_file(state, i) {
            Some(Ok((file, problems))) => {
                dispatch.emit(Action::Park { file, origin: e.origin.clone() });
                super::session::notify_problems(&e.id, &problems, dispatch);
            }
            Some(Err(err)) => super::session::keep_apart(&e.id, err, dispatch),
            None => {}
        }
    }
}

/// Every document of the corpus as a gold file, in list order (unloaded ones from their
/// saved work or a fresh extraction).
pub fn corpus_files(state: &State) -> Result<Vec<GoldFile>, String> {
    let mut out = Vec::new();
    for (i, e) in state.corpus.iter().enumerate() {
        if e.unreadable.is_some() && e.parked.is_none() && state.active() != Some(i) {
            continue;
        }
        if state.active() == Some(i) {
            out.extend(state.gold());
        } else if let Some(p) = &e.parked {
            let mut f = GoldFile::new((*p.doc).clone(), (*p.anns).clone());
            f.meta = p.meta.clone();
            out.push(f);
        } else if let Some(f) = unloaded_file(state, i) {
            let (file, problems) = f.map_err(|err| format!("the saved work on {} is unreadable: {err}", e.id))?;
            if let Some(first) = problems.first() {
                return Err(format!("the saved work on {} holds a value to correct first: {first}", e.id));
            }
            out.push(file);
        }
    }
    Ok(out)
}

/// Downloads the whole corpus as Gloss JSON Lines (`corpus.jsonl`).
pub fn download_corpus(state: &State, dispatch: &Callback<Action>) {
    match corpus_files(state) {
        Ok(list) if !list.is_empty() => {
            let text = crate::formats::jsonl::write(&list);
            if let Err(e) = files::download("corpus.jsonl", &text, "application/jsonl") {
                dispatch.emit(Action::Fail(e));
            }
        }
        Ok(_) => dispatch.emit(Action::Fail("the corpus is empty".into())),
        Err(e) => dispatch.emit(Action::Fail(e)),
    }
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

/// Downloads the open document's gold JSON as `<id>.gold.json` (the id made safe as a file name).
pub fn download(state: &State, dispatch: &Callback<Action>) {
    let Some(file) = state.gold() else {
        return dispatch.emit(Action::Fail("open a document first".into()));
    };
    // Values written to a gold file are checked as every reader checks them (work saved
    // before values were checked may hold one that breaks TIMEX3).
    if let Err(e) = crate::model::check_annotations(&file.doc, &file.annotations) {
        return dispatch.emit(Action::Fail(format!(
            "not downloaded: {e}; correct it in the panel (your work is saved in this browser)"
        )));
    }
    let name = format!("{}.gold.json", crate::formats::safe_file_name(&file.doc.id));
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

/// What the key handler needs besides the state: the help overlay's switch.
#[derive(Clone)]
pub struct KeyContext {
    pub help_open: bool,
    pub set_help: Callback<bool>,
    pub export_open: bool,
    pub set_export: Callback<bool>,
    /// The statistics table (`%`).
    pub stats_open: bool,
    pub set_stats: Callback<bool>,
    /// The agreement panel's switch (key `I`).
    pub agree_open: bool,
    pub set_agree: Callback<bool>,
}

/// The action of key `key` (with Shift already in `key`'s case) on `state`, or a page-side
/// effect run at once (focus a field, open the help); `None` when the key means nothing here.
fn key_action(key: &str, state: &State, dispatch: &Callback<Action>, cx: &KeyContext) -> Option<Action> {
    if cx.export_open {
        // The export dialog takes no shortcut; Esc closes it.
        if key == "Escape" {
            cx.set_export.emit(false);
        }
        return None;
    }
    // The adjudication view takes n / N and the digits.
    if let Some(a) = state.view_key(key) {
        return Some(a);
    }
    let sel = state.selected.clone();
    let selected = sel.as_deref().and_then(|id| state.get(id));
    let is = |l: Label| selected.is_some_and(|a| a.label() == l);
    // Link mode: digits pick a source candidate.
    if let (Some(claim), Some(d)) = (state.linking.as_deref(), key.parse::<usize>().ok()) {
        let cands = state.source_candidates(claim);
        return match d.checked_sub(1).and_then(|i| cands.get(i)) {
            Some(actor) => Some(Action::LinkSource(actor.clone())),
            None => Some(Action::Fail(format!("no source numbered {d}: {} candidate(s)", cands.len()))),
        };
    }
    if let Some(action) = notes_key(key, state, cx) {
        return action;
    }
    let resize = |edge, grow| match state.pending {
        Some(_) => Some(Action::ResizePending { edge, grow }),
        None => sel.clone().map(|id| Action::Resize { id, edge, grow }),
    };
    match key {
        "?" => {
            cx.set_help.emit(!cx.help_open);
            None
        }
        "I" => {
            cx.set_agree.emit(!cx.agree_open);
            None
        }
        "E" => {
            if state.doc.is_some() {
                cx.set_help.emit(false);
                cx.set_export.emit(true);
            }
            None
        }
        "1" => label_action(state, Label::Actor),
        "2" => label_action(state, Label::Date),
        "3" => label_action(state, Label::Claim),
        "Delete" | "Backspace" => sel.map(Action::Delete),
        "a" => sel.map(Action::Accept),
        "r" => sel.map(Action::Reject),
        "A" | "R" => {
            let id = sel?;
            dispatch.emit(if key == "A" { Action::Accept(id.clone()) } else { Action::Reject(id.clone()) });
            review::next_unreviewed(&state.anns, Some(&id), true)
                .filter(|n| *n != id)
                .map(|n| Action::Select(Some(n)))
                .or_else(|| Some(Action::Notify("every prediction of this document is reviewed".into())))
        }
        "j" | "k" => review::step(&state.anns, sel.as_deref(), key == "j").map(|id| Action::Select(Some(id))),
        "n" | "N" => match review::next_unreviewed(&state.anns, sel.as_deref(), key == "n") {
            Some(id) => Some(Action::Select(Some(id))),
            None => Some(Action::Notify("no prediction is left to review in this document".into())),
        },
        "[" => resize(Edge::Start, true),
        "{" => resize(Edge::Start, false),
        "]" => resize(Edge::End, true),
        "}" => resize(Edge::End, false),
        "e" => {
            let field = if is(Label::Date) {
                "edit-value"
            } else if is(Label::Actor) {
                "edit-canonical"
            } else if is(Label::Claim) {
                "edit-source"
            } else {
                return Some(Action::Fail("select an annotation first, then e edits its attributes".into()));
            };
            browser::focus(field);
            None
        }
        "m" if is(Label::Actor) => {
            browser::focus("merge-into");
            None
        }
        "x" if is(Label::Actor) => sel.map(|id| Action::SplitIdentity { ids: vec![id], canonical: String::new() }),
        "l" => Some(Action::StartLink),
        "v" | "V" => {
            selection::clear_selection();
            Some(Action::StepWord { forward: key == "v" })
        }
        "s" | "S" => sel.map(|id| Action::CycleSource { id, forward: key == "s" }),
        "t" | "T" => sel.map(|id| Action::CycleType { id, forward: key == "t" }),
        "c" | "w" => Some(Action::WordsToClaim { source_words: key == "w" }),
        "g" => Some(Action::MarkGold),
        "D" => {
            if state.meta.adjudication.is_none() && state.editor().is_none() {
                browser::focus("annotator");
            }
            Some(Action::Adjudicate)
        }
        "J" | "K" => {
            let n = state.corpus.len();
            let here = state.active()?;
            let next = if key == "J" { (here + 1).min(n.saturating_sub(1)) } else { here.saturating_sub(1) };
            if next != here {
                open_entry(state, next, dispatch);
            }
            None
        }
        "f" => {
            let id = sel?;
            load_corpus(state, dispatch);
            Some(Action::PlanFix(id))
        }
        "Escape" => {
            if state.fix.is_some() {
                return Some(Action::CancelFix);
            }
            if cx.help_open {
                cx.set_help.emit(false);
                return None;
            }
            if state.linking.is_some() {
                return Some(Action::CancelLink);
            }
            selection::clear_selection();
            dispatch.emit(Action::SelectText(None));
            Some(Action::Select(None))
        }
        _ => None,
    }
}

/// The keys of notes and doubts, of a version viewed read-only and of the statistics table:
/// `Some` when the key is theirs here (with the action to dispatch, if any).
fn notes_key(key: &str, state: &State, cx: &KeyContext) -> Option<Option<Action>> {
    if cx.stats_open && matches!(key, "%" | "Escape") {
        cx.set_stats.emit(false);
        return Some(None);
    }
    let sel = state.selected.clone();
    let viewed = state.viewed().map(|v| crate::ui::versions::viewing_words(&v.annotator, v.n));
    Some(match (key, viewed) {
        ("Escape", Some(_)) => Some(Action::LeaveVersion),
        ("u" | "#", Some(w)) => {
            Some(Action::Fail(format!("{w}: nothing can be changed here. Esc returns to the work")))
        }
        ("%", _) => {
            cx.set_help.emit(false);
            cx.set_stats.emit(true);
            None
        }
        ("u", None) => Some(sel.map_or_else(
            || Action::Fail("select an annotation first, then u flags it unsure".into()),
            Action::ToggleUnsure,
        )),
        ("#", None) if sel.is_some() => {
            browser::focus("edit-note");
            None
        }
        ("#", None) => Some(Action::Fail("select an annotation first, then # writes a note on it".into())),
        ("U", _) => match review::next_flagged(&state.anns, sel.as_deref(), true) {
            Some(id) => Some(Action::Select(Some(id))),
            None => Some(Action::Notify("no annotation of this document is flagged unsure or has a note".into())),
        },
        _ => return None,
    })
}

fn on_key(e: &web_sys::KeyboardEvent, state: &State, dispatch: &Callback<Action>, cx: &KeyContext) {
    let key = e.key();
    // Keys typed in a field are the field's, whichever element has the focus by now.
    let in_field = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| {
        matches!(t.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
            && t.get_attribute("type").is_none_or(|ty| !matches!(ty.as_str(), "checkbox" | "radio" | "button"))
    });
    if in_field || browser::typing_in_field() {
        // Esc leaves a field, so the keys work again.
        if key == "Escape" {
            browser::blur_active();
            e.prevent_default();
        }
        return;
    }
    if e.alt_key() {
        return;
    }
    // Cmd on a Mac is Ctrl elsewhere.
    let ctrl = e.ctrl_key() || e.meta_key();
    let action = if ctrl {
        match key.as_str() {
            "z" | "Z" if e.shift_key() => Some(Action::Redo),
            "z" => Some(Action::Undo),
            "y" | "Y" => Some(Action::Redo),
            "s" => {
                e.prevent_default();
                download(state, dispatch);
                None
            }
            _ => None,
        }
    } else {
        let known = crate::ui::keys::SHORTCUTS.iter().flat_map(|(_, g)| g.iter()).any(|s| {
            s.keys.contains(&key.as_str())
                || (key == "Backspace" && s.keys.contains(&"Del"))
                || (key == "Delete" && s.keys.contains(&"Del"))
                || (key == "Escape" && s.keys.contains(&"Esc"))
        }) || (state.linking.is_some() && key.len() == 1 && key.chars().all(|c| c.is_ascii_digit()));
        if known {
            e.prevent_default();
        }
        key_action(&key, state, dispatch, cx)
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
    let help = use_state(|| false);
    let exporting = use_state(|| false);
    let stats = use_state(|| false);
    let agreeing = use_state(|| false);
    // The agreement report, computed while the panel is open and again only when the work or
    // the versions change (a corpus report can take a noticeable moment).
    let agree_report = {
        let revs: u64 = store.corpus.iter().map(|e| e.rev).sum();
        let key = (*agreeing, store.revision, revs, store.corpus.len(), store.doc.as_ref().map(|d| d.id.clone()));
        let store = store.clone();
        use_memo(key, move |k| if k.0 { agreement_report(&store) } else { None })
    };
    let keys_cx = use_mut_ref(|| KeyContext {
        help_open: false,
        set_help: Callback::noop(),
        export_open: false,
        set_export: Callback::noop(),
        stats_open: false,
        set_stats: Callback::noop(),
        agree_open: false,
        set_agree: Callback::noop(),
    });
    {
        let (h, x, st, g) = (help.clone(), exporting.clone(), stats.clone(), agreeing.clone());
        *keys_cx.borrow_mut() = KeyContext {
            help_open: *help,
            set_help: Callback::from(move |v| h.set(v)),
            export_open: *exporting,
            set_export: Callback::from(move |v| x.set(v)),
            stats_open: *stats,
            set_stats: Callback::from(move |v| st.set(v)),
            agree_open: *agreeing,
            set_agree: Callback::from(move |v| g.set(v)),
        };
    }

    // Another tab on the same storage, found at startup or later: a warning that stays.
    let other_tab = use_state(|| false);
    // Startup: the saved corpus list (with each document's state), the corpus lock (a tab
    // opened while another holds it is read-only), then the saved work: versions, the
    // document open last (else the first seed), the undo history and the edit log.
    {
        let dispatch = dispatch.clone();
        let other_tab = other_tab.clone();
        use_effect_with((), move |_| {
            dispatch.emit(seed_stubs());
            {
                let other_tab = other_tab.clone();
                super::browser::tabs::watch(move || other_tab.set(true));
            }
            if let Some(name) = storage::annotator() {
                dispatch.emit(Action::SetAnnotator(name));
            }
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let steal = super::browser::tabs::wants_take_over();
                let lost = dispatch.clone();
                let writer = super::browser::tabs::acquire(steal, move || {
                    lost.emit(Action::ReadOnly(Some(READ_ONLY_TAKEN.into())));
                })
                .await;
                if !writer {
                    dispatch.emit(Action::ReadOnly(Some(READ_ONLY_HELD.into())));
                }
                let d = dispatch.clone();
                storage::init(move |e| d.emit(Action::Fail(e))).await;
                let listed = match super::session::saved_list() {
                    Ok(l) => l,
                    Err(e) => {
                        dispatch.emit(Action::Fail(format!("{e}; it is kept apart in this browser's storage")));
                        Vec::new()
                    }
                };
                dispatch.emit(Action::AddStubs(listed.clone()));
                let first = dispatch.clone();
                super::session::restore(&listed, &dispatch, move || open_seed(0, &first));
            });
        });
    }

    // Autosave: the edit log has each edit before it is painted; the full save of what
    // changed follows after the paint, at once for what the log does not hold (documents
    // opened, versions, the gold mark) and after a pause in editing otherwise.
    let marks = use_mut_ref(super::session::Marks::default);
    {
        let state = (*store).clone();
        let dispatch = dispatch.clone();
        let ready = ready.clone();
        let marks = marks.clone();
        use_effect_with(store.revision, move |_| {
            // Edits, undo and redo are in the log; a document opened afresh is not.
            let logged = !state.journal.is_empty()
                && state.journal.iter().all(|op| !matches!(op, crate::ui::history::Op::Forget(_)));
            let run = move || {
                selection::mark("gloss:save");
                if state.doc.is_some() && ready.is_none() {
                    ready.set(Some(browser::now_ms()));
                }
                match super::session::save(&state, &mut marks.borrow_mut()) {
                    Ok(Some(now)) => dispatch.emit(Action::Stamp(now)),
                    Ok(None) => {}
                    Err(e) => dispatch.emit(Action::Fail(e)),
                }
                selection::measure("gloss:save", "gloss:save");
            };
            // A newer revision cancels a save not yet run (it saves everything anyway).
            let pause = std::rc::Rc::new(std::cell::RefCell::new(None::<gloo::timers::callback::Timeout>));
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
            }
        });
    }

    // The selected annotation stays in view: the selection lives in the state (one per
    // document of the corpus), so keys, undo and switching documents all bring it back here.
    let doc_id = store.doc.as_ref().map(|d| d.id.clone());
    use_effect_with((doc_id, store.selected.clone()), move |(_, selected)| {
        let root = gloo::utils::document().get_element_by_id("text");
        if let (Some(root), Some(id)) = (root, selected) {
            selection::reveal(&root, id);
        }
    });

    // The words waiting for a label stay in view too (v / V move them).
    use_effect_with(store.pending, move |pending| {
        if pending.is_some() {
            browser::reveal_selector("#text .r.pending");
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
        let keys_cx = keys_cx.clone();
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            let d = dispatch.clone();
            let opts = EventListenerOptions::enable_prevent_default();
            let keys = EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    let state = latest.borrow().clone();
                    let cx = keys_cx.borrow().clone();
                    on_key(e, &state, &d, &cx);
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
    // While a version is viewed, the panel does not describe the work under the pointer.
    let hovered = (*hover).filter(|_| state.viewing.is_none()).and_then(|cp| {
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
        let offer = text.starts_with("autosave failed").then(|| {
            let (h, d) = (store.clone(), dispatch.clone());
            let (h2, d2) = (store.clone(), dispatch.clone());
            html! { <>
                <button id="banner-download" class="primary" onclick={move |_| download(&h, &d)}>{ "Download this document" }</button>
                <button id="banner-download-corpus" onclick={move |_| download_corpus(&h2, &d2)}>{ "Download the corpus" }</button>
            </> }
        });
        html! {
            <div class={class} role={role} id="banner">
                <span class="banner-text">{ text.clone() }</span>
                { for offer }
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

    let selected_ann = state.selected.as_deref().and_then(|id| state.get(id));
    // What a screen reader hears when j, k or n moves: "actor France, accepted, 3 of 51".
    let announce = state.selected.as_deref().and_then(|id| {
        let i = state.anns.iter().position(|a| a.id == id)?;
        let what = super::components::text::describe(&state.anns, i, &state.anns[i]);
        Some(format!("{what}, {} of {}", i + 1, state.anns.len()))
    });
    let related: Vec<String> = match (&state.linking, selected_ann) {
        // Link mode: the actors that can be the source.
        (Some(claim), _) => state.source_candidates(claim),
        // An actor: the other mentions of its identity.
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
    };
    let cue = selected_ann.and_then(|a| a.claim()).and_then(|c| c.cue.as_ref()).map(|c| c.span);
    let viewed = state.viewed().cloned();
    let body = match (state.doc.clone(), &viewed) {
        // A version viewed read-only: its annotations over the same text, nothing selected.
        (Some(doc), Some(v)) => {
            let mut anns = v.file.annotations.clone();
            crate::model::sort_annotations(&mut anns);
            html! {
                <TextView doc={doc} anns={std::rc::Rc::new(anns)} selected={None::<String>} pending={None::<Span>} related={Vec::<String>::new()}
                    cue={None::<Span>} on_select_text={on_select_text} on_click={on_click} on_hover={on_hover} />
            }
        }
        (Some(doc), None) => html! {
            <TextView doc={doc} anns={state.anns.clone()} selected={state.selected.clone()}
                pending={state.pending} related={related} cue={cue}
                agreed_by={state.meta.adjudication.as_ref().map_or(0, |a| a.of.len())} on_select_text={on_select_text} on_click={on_click} on_hover={on_hover} />
        },
        (None, _) => html! { <p class="empty">{ "Opening…" }</p> },
    };

    html! {
        <div class={classes!("app", dragging.then_some("dragging"), state.linking.is_some().then_some("linking"), viewed.is_some().then_some("viewing"))} data-ready-ms={ready.map(|t| format!("{t:.0}"))}>
            <Header state={store.clone()} dispatch={dispatch.clone()} on_paste={{
                let pasting = pasting.clone();
                Callback::from(move |_| pasting.set(true))
            }} on_export={{
                let exporting = exporting.clone();
                Callback::from(move |_| exporting.set(true))
            }} />
            if let Some(why) = state.read_only.clone() {
                <div class="tab-warning read-only" id="tab-warning" role="alert" data-read-only="true">
                    <span>{ why }</span>
                    <button id="take-over" class="primary" onclick={Callback::from(|_| super::browser::tabs::take_over())}>{ "Take over" }</button>
                </div>
            } else if *other_tab {
                <div class="tab-warning" id="tab-warning" role="status">
                    { "Gloss is open in another tab of this browser too. This tab holds the corpus; the other one is read-only until it takes over." }
                </div>
            }
            if let Some(v) = &viewed {
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
            if let (Some(data), Some(doc), true) = (state.adjudicating(), state.doc.clone(), state.adjudicate_view) {
                <super::components::adjudication::AdjudicationView data={std::rc::Rc::new(data)} doc={doc}
                    work={state.anns.clone()} dispatch={dispatch.clone()} />
            }
            <div class="workspace">
                <main class="reader" id="reader">{ body }</main>
                <Panel state={store.clone()} dispatch={dispatch.clone()} hovered={hovered} />
            </div>
            // Messages take a row of their own under the text and the panel: they never
            // cover a highlight.
            <div class="statusbar" id="statusbar">{ for banner }</div>
            <div id="announce" class="visually-hidden" aria-live="polite" aria-atomic="true">{ announce }</div>
            { paste }
            if *exporting {
                <super::components::export::ExportDialog state={store.clone()} dispatch={dispatch.clone()} on_close={{
                    let exporting = exporting.clone();
                    Callback::from(move |_| exporting.set(false))
                }} />
            }
            if *agreeing {
                { agreement_panel(state, (*agree_report).clone(), &dispatch, &agreeing) }
            }
            if let Some(plan) = state.fix.clone() {
                <super::components::fix::FixPreview plan={plan} dispatch={dispatch.clone()} />
            }
            if let Some((rows, unloaded)) = (*stats).then(|| super::stats::of_state(state)) {
                <super::components::stats::StatsTable rows={std::rc::Rc::new(rows)} {unloaded} on_close={{
                    let stats = stats.clone();
                    Callback::from(move |_| stats.set(false))
                }} />
            }
            if *help {
                <super::components::help::HelpOverlay on_close={{
                    let help = help.clone();
                    Callback::from(move |_| help.set(false))
                }} />
            }
            <div class="drop-hint" aria-hidden="true">{ "Drop a .txt article or an annotated file (any export format; brat: the .txt with its .ann) to open it" }</div>
        </div>
    }
}

/// The agreement report of every loaded document with at least two versions: its work (by
/// the annotator the page knows, else "you") and its versions (each by its annotator, else
/// "version N"; a name already taken in the document gets the version number too).
fn agreement_report(state: &State) -> Option<Rc<crate::eval::agree::Report>> {
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
fn agreement_panel(
    state: &State,
    report: Option<Rc<crate::eval::agree::Report>>,
    dispatch: &Callback<Action>,
    open: &UseStateHandle<bool>,
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
    let open = open.clone();
    html! {
        <super::components::agreement::AgreementPanel report={report} on_open={on_open}
            sha256={state.doc.as_ref().map(|d| d.sha256().to_string())} versions_here={versions_here}
            on_jump={on_jump} on_copy={on_copy} on_close={Callback::from(move |_| open.set(false))} />
    }
}

fn drop_all<const N: usize>(listeners: [EventListener; N]) {
    drop(listeners);
}
