//! Opening documents: files picked or dropped (any annotation format, brat groups, the page's
//! own zips, plain text), pasted text, and a document with fresh predictions (a long text in
//! two steps). Also the page's one extractor ([`with_pipeline`]).
//!
//! Owns: reading what the user hands the page and turning it into [`Action`]s for the
//! reducer. It must not: change the state itself (everything goes through `dispatch`) or
//! render anything.

use super::{files, selection};
use crate::extract::Pipeline;
use crate::formats::gold::GoldFile;
use crate::formats::{Format, Input, Options};
use crate::model::{parse_dct, Document};
use crate::ui::state::{predict, Action, Origin};
use yew::Callback;

thread_local! {
    /// The extractor, built once (its patterns compile once).
    static PIPELINE: Pipeline = Pipeline::default();
}

/// Runs `f` with the page's extractor.
pub fn with_pipeline<R>(f: impl FnOnce(&Pipeline) -> R) -> R {
    PIPELINE.with(f)
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
                    crate::ui::session::park_same(&doc.id, doc.sha256(), dispatch);
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
        crate::ui::session::park_same(&file.doc.id, file.doc.sha256(), dispatch);
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
