//! Extraction for Python: one text, a batch of records on threads, and a JSON Lines text read
//! as `gloss extract corpus.jsonl` reads it; each gives the gold JSON the CLI writes.
//!
//! Owns: turning Python's arguments into documents (with the library's checks) and the
//! batch's threads. It must not: check texts or dates itself (the library's `raw`,
//! `Document` and `jsonl` do), or stop a batch at a bad record (each gets its own error).

use crate::{panicked, pipeline, run_free, Failure};
use gloss::extract::learned::Compiled;
use gloss::formats::gold::GoldFile;
use gloss::formats::jsonl;
use gloss::learn::ProjectLexicon;
use gloss::model::raw::{self, Limit};
use gloss::model::{parse_dct, Document};
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A text as Python gives it: `str`, or the bytes of a file (checked as the CLI checks files).
#[derive(FromPyObject)]
pub(crate) enum TextArg {
    Str(String),
    Bytes(Vec<u8>),
}

impl TextArg {
    /// The text; bytes are refused as the CLI refuses a file of them (binary, UTF-16,
    /// invalid UTF-8, over `limit`).
    pub(crate) fn into_text(self, limit: Limit) -> Result<String, gloss::model::Error> {
        match self {
            TextArg::Str(s) => Ok(s),
            TextArg::Bytes(b) => raw::text_of_bytes(b, limit),
        }
    }
}

/// One record of a batch: its id, its text and its own DCT.
type Record = (String, TextArg, Option<String>);

/// A project lexicon read and compiled once for a call (see `gloss extract --lexicon`).
type Learned = (ProjectLexicon, Compiled);

/// The project lexicon of a `gloss-lexicon` JSON text, checked (its problem in words, as the
/// CLI says it), or none.
fn learned(json: Option<&str>) -> Result<Option<Learned>, Failure> {
    let Some(json) = json else { return Ok(None) };
    let lex = ProjectLexicon::from_json(json)
        .map_err(|e| Failure::new(gloss::model::Error::input(format!("the project lexicon: {e}")), None))?;
    let compiled = Compiled::new(&lex);
    Ok(Some((lex, compiled)))
}

/// One document, annotated: what `gloss extract` writes for it, `created` included. A text
/// without a DCT takes the date of its dateline, when it has one, as the CLI does; with a
/// project lexicon, it is applied as `gloss extract --lexicon` applies it.
fn annotate(doc: Document, created: Option<&str>, learned: Option<&Learned>) -> GoldFile {
    let doc = match doc.dct() {
        None => match pipeline().dateline(&doc) {
            Some(d) => doc.with_dct(Some(d.date)),
            None => doc,
        },
        Some(_) => doc,
    };
    let anns = match learned {
        Some((lex, compiled)) => pipeline().run_learned(&doc, lex, compiled),
        None => pipeline().run(&doc),
    };
    let mut f = GoldFile::new(doc, anns);
    f.meta.created = created.map(str::to_string);
    f
}

fn document(id: &str, text: TextArg, dct: Option<&str>) -> Result<Document, gloss::model::Error> {
    let dct = dct.map(parse_dct).transpose()?;
    Document::new(id, &text.into_text(Limit::Article)?, dct)
}

/// `extract_json(text, dct=None, id="doc", created=None, source=None, line=False,
/// lexicon=None) -> str`: the gold JSON of `text` (pretty, as for one file; one line when
/// `line`), or `GlossError` naming `source`; `lexicon`: a project lexicon's JSON to apply.
#[pyfunction]
#[pyo3(signature = (text, dct=None, id="doc".to_string(), created=None, source=None, line=false, lexicon=None))]
#[allow(clippy::too_many_arguments)]
fn extract_json(
    py: Python<'_>,
    text: TextArg,
    dct: Option<String>,
    id: String,
    created: Option<String>,
    source: Option<String>,
    line: bool,
    lexicon: Option<String>,
) -> PyResult<String> {
    run_free(py, move || {
        let learned = learned(lexicon.as_deref())?;
        let doc = document(&id, text, dct.as_deref()).map_err(|e| Failure::new(e, source.as_deref()))?;
        let f = annotate(doc, created.as_deref(), learned.as_ref());
        Ok(if line { f.to_json_line() } else { f.to_json() })
    })
}

/// `extract_many_json(records, dct=None, created=None, threads=0, line=True) -> list`:
/// records `(id, text, dct)` on `threads` threads (0: one per core) without the GIL; in
/// input order, each record's gold JSON (a str) or its `GlossError` (an instance, not raised).
/// A record's own `dct` wins over `dct`. `lexicon`: a project lexicon's JSON to apply (read
/// once for the batch; a bad one raises `GlossError`).
#[pyfunction]
#[pyo3(signature = (records, dct=None, created=None, threads=0, line=true, lexicon=None))]
fn extract_many_json(
    py: Python<'_>,
    records: Vec<Record>,
    dct: Option<String>,
    created: Option<String>,
    threads: usize,
    line: bool,
    lexicon: Option<String>,
) -> PyResult<Vec<Py<PyAny>>> {
    let learned = learned(lexicon.as_deref()).map_err(|f| f.into_err(py))?;
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(records.len().max(1));
    let results = py.detach(move || {
        let slots: Vec<std::sync::Mutex<Option<Record>>> =
            records.into_iter().map(|r| std::sync::Mutex::new(Some(r))).collect();
        let next = AtomicUsize::new(0);
        let one = |(id, text, own): Record| -> Result<String, Failure> {
            let dct = own.as_deref().or(dct.as_deref());
            let doc = document(&id, text, dct).map_err(|e| Failure::new(e, Some(&id)))?;
            let f = annotate(doc, created.as_deref(), learned.as_ref());
            Ok(if line { f.to_json_line() } else { f.to_json() })
        };
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(slot) = slots.get(i) else { break done };
                let record = slot.lock().ok().and_then(|mut s| s.take());
                let Some(record) = record else { continue };
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| one(record)));
                done.push((i, r.unwrap_or_else(|_| Err(panicked()))));
            }
        };
        let mut all: Vec<(usize, Result<String, Failure>)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        });
        all.sort_by_key(|(i, _)| *i);
        (slots.len(), all)
    });
    let (count, all) = results;
    if all.len() != count {
        return Err(panicked().into_err(py));
    }
    all.into_iter()
        .map(|(_, r)| match r {
            Ok(s) => Ok(PyString::new(py, &s).into_any().unbind()),
            Err(f) => Ok(f.to_py(py)?.unbind()),
        })
        .collect()
}

/// A refused line for Python: its number, its id (when it has one) and its `GlossError`.
type BadLine = (usize, Option<String>, Py<PyAny>);

/// One JSON Lines text's outcome: the gold lines, and each refused line's number, id (when
/// the line has one) and failure.
type LinesOutcome = (Vec<String>, Vec<(usize, Option<String>, Failure)>);

/// `extract_jsonl_json(text, name, dct=None, created=None)`: the lines `{"id","text","dct"}`
/// of a JSON Lines text (str, or a file's bytes) as `gloss extract name.jsonl` reads them
/// (ids default to `<stem of name>-<line>`), without the GIL. Returns the gold lines and the
/// refused lines `(line, id or None, GlossError)`: unlike the CLI, which stops at a line that
/// is not JSON, every bad line is returned and the others extracted.
/// `lexicon`: a project lexicon's JSON to apply.
#[pyfunction]
#[pyo3(signature = (text, name, dct=None, created=None, lexicon=None))]
fn extract_jsonl_json(
    py: Python<'_>,
    text: TextArg,
    name: String,
    dct: Option<String>,
    created: Option<String>,
    lexicon: Option<String>,
) -> PyResult<(Vec<String>, Vec<BadLine>)> {
    let src = name.clone();
    let (gold, bad): LinesOutcome = run_free(py, move || {
        let learned = learned(lexicon.as_deref())?;
        let text = text.into_text(Limit::Annotated).map_err(|e| Failure::new(e, Some(&src)))?;
        let dct = dct.as_deref().map(parse_dct).transpose().map_err(|e| Failure::new(e, None))?;
        let default_id = stem(&src);
        let (mut gold, mut bad) = (Vec::new(), Vec::new());
        for (n, line) in jsonl::lines(&text) {
            match jsonl::read_input_line(n, line, &default_id, dct) {
                Ok(doc) => gold.push(annotate(doc, created.as_deref(), learned.as_ref()).to_json_line()),
                Err(e) => bad.push((n, line_id(line), Failure::new(e, Some(&src)))),
            }
        }
        if gold.is_empty() && bad.is_empty() {
            let e = gloss::model::Error::input("the file holds no line to extract from");
            return Err(Failure::new(e, Some(&src)));
        }
        Ok((gold, bad))
    })?;
    let bad = bad.into_iter().map(|(n, id, f)| Ok((n, id, f.to_py(py)?.unbind()))).collect::<PyResult<Vec<_>>>()?;
    Ok((gold, bad))
}

/// The id of a line that could not be used, when it is a JSON object with one.
fn line_id(line: &str) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(line).ok()?.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A file name's stem, as the CLI makes document ids of it (`corpus/a.jsonl` -> `a`; the
/// CLI's own rule, `stem` in src/bin/gloss.rs).
pub(crate) fn stem(path: &str) -> String {
    let s = std::path::Path::new(path).file_name().and_then(|s| s.to_str()).unwrap_or("doc");
    let s = s.strip_suffix(".gold.json").unwrap_or(s);
    match s.rfind('.') {
        Some(i) if i > 0 => s[..i].to_string(),
        _ => s.to_string(),
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_jsonl_json, m)?)?;
    m.add_function(wrap_pyfunction!(stem_py, m)?)?;
    Ok(())
}

/// `stem(path) -> str`: the document id the CLI gives a file.
#[pyfunction]
#[pyo3(name = "stem")]
fn stem_py(path: &str) -> String {
    stem(path)
}
