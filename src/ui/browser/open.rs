//! Opening documents: files picked or dropped (any annotation format, brat groups, the page's
//! own zips, plain text), pasted text, and a document whose predictions come from the
//! extractor's worker after it opens (a long text's first screen first).
//!
//! Owns: reading what the user hands the page and turning it into [`Action`]s for the
//! reducer. It must not: change the state itself (everything goes through `dispatch`) or
//! render anything.

use super::{extractor, files, selection};
use crate::formats::gold::GoldFile;
use crate::formats::jsonl;
use crate::formats::{Format, Input, Options};
use crate::model::{parse_dct, Document};
use crate::ui::loading::{Join, Progress, CHUNK};
use crate::ui::state::{Action, Origin};
use yew::Callback;

/// Texts longer than this have their first screen extracted first.
const LONG_TEXT_BYTES: usize = 100_000;

/// How much of a long text is extracted first, so its first screen is highlighted at once.
const FIRST_SCREEN_BYTES: usize = 16_384;

/// Opens `doc` at once, its text readable and workable, and asks the extractor (in its Web
/// Worker) for its predictions, which join the work when they come ([`Action::Predicted`]:
/// nothing a person did meanwhile is replaced). A long text's first screen is extracted
/// first and shown, then the whole text (names and dates resolved across all of it).
///
/// A text without a DCT first has its dateline read ("PARIS, Sept. 19, 2025 (Reuters) -"):
/// when there is one, its date becomes the DCT (one undoable step, said in the banner) and
/// the predictions are resolved against it.
pub fn open_document_soon(doc: Document, origin: Origin, dispatch: &Callback<Action>) {
    let sha = doc.sha256().to_string();
    dispatch.emit(Action::Open { doc: doc.clone(), predictions: Vec::new(), origin });
    dispatch.emit(Action::Awaiting(Some(sha.clone())));
    if doc.dct().is_some() || doc.is_empty() {
        return predict_opened(doc, &sha, dispatch, None);
    }
    // Awaited from now on: a reload before the dateline's answer asks for the predictions.
    super::storage::set_awaiting(&doc.id, true);
    IN_FLIGHT.with(|f| f.borrow_mut().insert(doc.id.clone()));
    let d = dispatch.clone();
    extractor::dateline(&doc.clone(), move |found| match found {
        Some((date, words)) => {
            let guarded = |action| Action::Guarded { sha: sha.clone(), pending: None, action: Box::new(action) };
            d.emit(guarded(Action::SetDct { dct: Some(date), predictions: Vec::new() }));
            let said = format!(
                "DCT {date} read from the dateline \u{201c}{words}\u{201d}: relative dates are resolved against it. Change it above if it is not the publication date (Ctrl+Z undoes the predictions, then the DCT)"
            );
            d.emit(guarded(Action::Notify(said.clone())));
            predict_opened(doc.with_dct(Some(date)), &sha, &d, Some(said));
        }
        None => predict_opened(doc, &sha, &d, None),
    });
}

/// Asks for the predictions of `doc`, just opened: a long text's first screen first. `then`
/// is said once the whole text's have come (it would be lost under their own message).
fn predict_opened(doc: Document, sha: &str, dispatch: &Callback<Action>, then: Option<String>) {
    let id = doc.id.clone();
    if doc.text().len() >= LONG_TEXT_BYTES {
        let cut = crate::ui::layout::first_screen_bytes(doc.text(), FIRST_SCREEN_BYTES);
        if let Ok(head) = Document::new(id.clone(), &doc.text()[..cut], doc.dct()) {
            predict_into(&head, sha, false, dispatch, None);
        }
    }
    predict_into(&doc, sha, true, dispatch, then);
}

/// Asks the extractor for the predictions of `doc` (the whole text with SHA-256 `sha`, or
/// its first screen) and dispatches them when they come; says in words when they cannot.
fn predict_into(doc: &Document, sha: &str, whole: bool, dispatch: &Callback<Action>, then: Option<String>) {
    let (id, sha, d) = (doc.id.clone(), sha.to_string(), dispatch.clone());
    let mark = if whole { "gloss:extract" } else { "gloss:extract-first" };
    selection::mark(mark);
    if whole {
        super::storage::set_awaiting(&id, true);
        IN_FLIGHT.with(|f| f.borrow_mut().insert(id.clone()));
    }
    extractor::predict(doc, move |answer| {
        selection::measure(mark, mark);
        let landed = id.clone();
        match answer {
            Ok(predictions) => {
                d.emit(Action::Predicted { id, sha: sha.clone(), predictions, whole });
                if let Some(said) = then {
                    d.emit(Action::Guarded { sha, pending: None, action: Box::new(Action::Notify(said)) });
                }
            }
            Err(why) if whole => {
                d.emit(Action::Awaiting(None));
                d.emit(Action::Fail(format!(
                    "no predictions for {id}: {why}. The text is open: annotate it by hand, or reload the page to try again"
                )));
            }
            Err(_) => {}
        }
        if whole {
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&landed));
        }
    });
}

thread_local! {
    /// Documents whose whole predictions were asked for in this page and have not come yet.
    static IN_FLIGHT: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// After a save: documents noted as awaiting predictions that came meanwhile (not in flight
/// any more, and loaded, so the save just made holds them) are awaited no longer.
pub fn settle_awaiting(loaded: impl Fn(&str) -> bool) {
    for id in super::storage::awaiting() {
        if !IN_FLIGHT.with(|f| f.borrow().contains(&id)) && loaded(&id) {
            super::storage::set_awaiting(&id, false);
        }
    }
}

/// Asks again for the predictions of the document on screen when they were asked for and
/// had not come before the page was closed (its text was saved without them): they join its
/// work as they would have then.
pub fn resume_predictions(doc: &Document, dispatch: &Callback<Action>) {
    if !super::storage::awaiting().contains(&doc.id) {
        return;
    }
    let sha = doc.sha256().to_string();
    dispatch.emit(Action::Awaiting(Some(sha.clone())));
    predict_into(doc, &sha, true, dispatch, None);
}

/// Asks for the predictions of `doc`, just opened with predictions made without the project
/// lexicon (a seed's shipped ones), again with it, when there is one: they join its work
/// (see `ui::predictions`), as one undoable step if the person changed something meanwhile.
pub fn predict_with_lexicon(doc: &Document, dispatch: &Callback<Action>) {
    if super::extractor::lexicon().is_none() {
        return;
    }
    let sha = doc.sha256().to_string();
    dispatch.emit(Action::Awaiting(Some(sha.clone())));
    predict_into(doc, &sha, true, dispatch, None);
}

/// Opens a file's bytes: a file of one of the annotation formats (found by
/// [`Format::guess`] on its name and first bytes) as the documents it holds, anything else
/// as a plain-text article. A failure leaves the open work untouched and says why, with the
/// position the reader names.
pub fn open_bytes(name: &str, bytes: &[u8], dispatch: &Callback<Action>) {
    let text = std::str::from_utf8(bytes).ok();
    if let Some(text) = text.filter(|t| is_lexicon(t)) {
        return import_lexicon_text(name, text, dispatch);
    }
    let format = text.and_then(|t| Format::guess(name, t));
    let structured = [".json", ".jsonl", ".ndjson", ".jsonld", ".ann", ".conll", ".bio", ".iob", ".tml"];
    let lower = name.to_ascii_lowercase();
    match (format, text) {
        (Some(Format::Brat), _) => dispatch.emit(Action::Fail(format!(
            "could not open {name}: a brat .ann file opens together with its .txt (select or drop both at once). Your current work is unchanged."
        ))),
        (Some(Format::Jsonl), Some(text)) if many_gold_lines(text) => read_jsonl_in_chunks(name, text, dispatch),
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
                    crate::ui::session::park_same(&doc.id, doc.sha256(), dispatch);
                    open_document_soon(doc, Origin::TextFile(name.to_string()), dispatch)
                }
                Err(e) => dispatch.emit(Action::Fail(format!("could not open {name}: {e}"))),
            }
        }
    }
}

/// True for Gloss JSON Lines of gold objects with more lines than a chunk.
fn many_gold_lines(text: &str) -> bool {
    matches!(jsonl::sniff(text), Ok(Some(jsonl::LineKind::Gold))) && jsonl::lines(text).nth(CHUNK).is_some()
}

/// Reads Gloss JSON Lines of many documents a chunk of lines at a time, the page usable in
/// between and the progress shown (`reading 340 / 1000`), then opens them (see
/// [`open_gold_files`]). As when the file is read at once, nothing opens when a line is
/// wrong or two lines share an id: the first problem is the message, with its line.
fn read_jsonl_in_chunks(name: &str, text: &str, dispatch: &Callback<Action>) {
    let lines: Vec<(usize, String)> = jsonl::lines(text).map(|(n, l)| (n, l.to_string())).collect();
    let (name, d) = (name.to_string(), dispatch.clone());
    let origin = Origin::GoldFile(name.clone());
    let progress = move |p: Option<Progress>| {
        d.emit(Action::LoadChunk { files: Vec::new(), origin: origin.clone(), join: Join::Import, progress: p })
    };
    let d = dispatch.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let total = lines.len();
        let mut read = Vec::with_capacity(total);
        for chunk in lines.chunks(CHUNK) {
            let step: Result<Vec<_>, _> = chunk.iter().map(|(n, l)| jsonl::read_line(*n, l).map(|f| (*n, f))).collect();
            match step {
                Ok(files) => read.extend(files),
                Err(e) => return refuse(&name, e, &progress, &d),
            }
            progress(Some(Progress::reading(read.len(), total)));
            super::yield_now().await;
        }
        if let Err(e) = jsonl::check_unique_ids(&read) {
            return refuse(&name, e, &progress, &d);
        }
        // The reading progress stays until the first chunk joins (no gap in between).
        open_gold_files(read.into_iter().map(|(_, f)| f).collect(), &name, &d);
    });
}

/// Ends a chunked read that found a problem: no progress shown, the problem said.
fn refuse(name: &str, e: crate::model::Error, progress: &impl Fn(Option<Progress>), dispatch: &Callback<Action>) {
    progress(None);
    dispatch.emit(Action::Fail(format!(
        "could not open {name} as {}: {e}. Your current work is unchanged.",
        Format::Jsonl.title()
    )));
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
///
/// Many documents (a corpus in JSON Lines) join a chunk at a time, with the progress shown
/// and the page usable in between.
fn open_gold_files(list: Vec<GoldFile>, name: &str, dispatch: &Callback<Action>) {
    let n = list.len();
    let (d, origin) = (dispatch.clone(), Origin::GoldFile(name.to_string()));
    let step = move |files: Vec<GoldFile>, progress| {
        for file in &files {
            crate::ui::session::park_same(&file.doc.id, file.doc.sha256(), &d);
        }
        d.emit(Action::LoadChunk { files, origin: origin.clone(), join: Join::Import, progress });
    };
    let (d, name) = (dispatch.clone(), name.to_string());
    super::documents::in_chunks(list, step, move || {
        if n != 1 {
            d.emit(Action::Notify(format!("{n} document(s) opened from {name}")));
        }
    });
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

/// True for a project lexicon file (`"format": "gloss-lexicon"` in a JSON object).
fn is_lexicon(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(200).collect();
    head.starts_with('{') && head.contains(&format!("\"{}\"", crate::learn::FORMAT))
}

/// Adds the project lexicon in `text` (file `name`) to the imported ones, or says in words
/// why it cannot (nothing changes then).
fn import_lexicon_text(name: &str, text: &str, dispatch: &Callback<Action>) {
    match crate::learn::ProjectLexicon::from_json(text) {
        Ok(lex) => dispatch.emit(Action::ImportLexicon(lex)),
        Err(e) => dispatch.emit(Action::Fail(format!("could not import {name}: {e}. The lexicon is unchanged."))),
    }
}

/// Reads project lexicon files chosen in the lexicon view and adds each to the imported ones.
pub fn import_lexicon(list: Vec<web_sys::File>, dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        for file in list {
            let name = file.name();
            match files::read_bytes(&file).await.and_then(|b| {
                String::from_utf8(b).map_err(|_| format!("could not import {name}: it is not UTF-8 text"))
            }) {
                Ok(text) => import_lexicon_text(&name, &text, &dispatch),
                Err(e) => dispatch.emit(Action::Fail(e)),
            }
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
