//! Reading, writing and validating annotation files for Python, in every format the CLI's
//! `convert` and `validate` take, with the format guessed as the CLI guesses it.
//!
//! Owns: the arguments' shapes (one text with its file name, or a directory's files) and
//! the results as gold JSON lines. It must not: parse or write a format itself (the
//! library's `formats` do), or read files (the Python side hands over their bytes).

use crate::extract::{stem, TextArg};
use crate::{run_free, Failure};
use gloss::formats::gold::GoldFile;
use gloss::formats::{self as fmt, jsonl, Format, OffsetUnit};
use gloss::model::raw::Limit;
use gloss::model::{warnings, Error, Status};
use pyo3::prelude::*;

/// A document checked: its id, its count of annotations and of predicted ones, its warnings.
type Checked = (String, usize, usize, Vec<String>);

/// What a writer gave: the losses named, and one text or named files.
type Written = (Vec<String>, Option<String>, Vec<(String, String)>);

fn format_named(name: &str) -> Result<Format, Failure> {
    Format::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        Failure::new(Error::input(format!("'{name}' is not a format: use one of {}", names.join(", "))), None)
    })
}

fn options(offsets: Option<&str>, default_id: Option<String>) -> Result<fmt::Options, Failure> {
    let offsets = match offsets {
        None => OffsetUnit::default(),
        Some(o) => OffsetUnit::parse(o).ok_or_else(|| {
            Failure::new(Error::input(format!("'{o}' is not an offset unit: use codepoint or utf16")), None)
        })?,
    };
    Ok(fmt::Options { offsets, default_id })
}

/// The format of a directory's files, by the CLI's rule (`guess_format`): a brat collection
/// has `.ann` files, then `*.gold.json`, then `*.tml`.
fn guess_dir(names: &[&str], dir: &str) -> Result<Format, Failure> {
    let has = |ext: &str| names.iter().any(|p| p.ends_with(ext));
    if has(".ann") {
        Ok(Format::Brat)
    } else if has(".gold.json") {
        Ok(Format::Gloss)
    } else if has(".tml") {
        Ok(Format::Timeml)
    } else {
        let e = Error::input(format!(
            "the directory holds no annotation files: expected *.gold.json files, \
             a brat collection (a .ann file beside each .txt) or *.tml files{}",
            if has(".txt") { "; plain .txt articles are annotated with `gloss extract`" } else { "" }
        ));
        Err(Failure::new(e, Some(dir)))
    }
}

/// A directory's documents: the files the format reads (as the CLI's `read_in` picks them).
fn read_dir(
    format: Format,
    dir: &str,
    files: Vec<(String, TextArg)>,
    opts: &fmt::Options,
) -> Result<Vec<GoldFile>, Failure> {
    let wanted: &[&str] = match format {
        Format::Brat => &[".txt", ".ann", fmt::brat::CONF],
        Format::Timeml => &[".tml", ".xml"],
        Format::Gloss => &[".gold.json"],
        _ => &[".json", ".jsonl", ".jsonld", ".conll"],
    };
    let mut texts = Vec::new();
    for (name, text) in files {
        if !wanted.iter().any(|w| name.ends_with(w)) {
            continue;
        }
        let limit = if name.ends_with(".txt") { Limit::Article } else { Limit::Annotated };
        let path = format!("{dir}/{name}");
        texts.push((name, text.into_text(limit).map_err(|e| Failure::new(e, Some(&path)))?));
    }
    if texts.is_empty() {
        return Err(Failure::new(Error::input(format!("the directory holds no {format} file")), Some(dir)));
    }
    if format == Format::Brat && !texts.iter().any(|(n, _)| n.ends_with(".ann")) {
        let e = Error::input("the directory holds no .ann file: a brat collection has a .ann file beside each .txt");
        return Err(Failure::new(e, Some(dir)));
    }
    fmt::read(format, fmt::Input::Files(&texts), opts).map_err(|e| Failure::new(e, Some(dir)))
}

/// One file's documents (`name` is its path, or None for a string). `validating`: refuse a
/// development-corpus line read as a gold file with `gloss validate`'s words.
fn read_one(
    format: Option<Format>,
    name: Option<&str>,
    text: TextArg,
    opts: &fmt::Options,
    validating: bool,
) -> Result<(Format, Vec<GoldFile>), Failure> {
    let fail = |e: Error| Failure::new(e, name);
    let text = text.into_text(Limit::Annotated).map_err(fail)?;
    if text.trim().is_empty() {
        return Err(fail(Error::input("the file is empty")));
    }
    let format = match format {
        Some(f) => f,
        None => Format::guess(name.unwrap_or(""), &text).ok_or_else(|| {
            fail(Error::input("cannot tell the format from the name or contents: give format=\"...\""))
        })?,
    };
    let corpus_line = matches!(jsonl::sniff(&text), Ok(Some(jsonl::LineKind::Corpus)));
    if validating && format == Format::Gloss && corpus_line {
        return Err(fail(Error::input(
            "this is a development-corpus line, not a gold file: `gloss convert --to jsonl` makes one",
        )));
    }
    let o = fmt::Options { default_id: opts.default_id.clone().or_else(|| name.map(stem)), ..opts.clone() };
    let docs = fmt::read(format, fmt::Input::Text(&text), &o).map_err(fail)?;
    Ok((format, docs))
}

/// The documents of a file (`text`, with its `name` when it has one) or of a directory
/// (`files`: its files' names and bytes, `name` the directory), in `format` or the guessed one.
fn read_any(
    name: Option<String>,
    text: Option<TextArg>,
    files: Option<Vec<(String, TextArg)>>,
    format: Option<String>,
    offsets: Option<String>,
    validating: bool,
) -> Result<(Format, Vec<GoldFile>), Failure> {
    let format = format.as_deref().map(format_named).transpose()?;
    let opts = options(offsets.as_deref(), None)?;
    match (text, files) {
        (Some(text), _) => read_one(format, name.as_deref(), text, &opts, validating),
        (None, Some(files)) => {
            let dir = name.unwrap_or_default();
            let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
            let format = match format {
                Some(f) => f,
                None => guess_dir(&names, &dir)?,
            };
            Ok((format, read_dir(format, &dir, files, &opts)?))
        }
        (None, None) => Err(Failure::new(Error::input("nothing to read"), None)),
    }
}

/// `read_json(name=None, text=None, files=None, format=None, offsets=None)`: the format
/// read and each document's gold JSON (one line each); `GlossError` with the CLI's message.
#[pyfunction]
#[pyo3(signature = (name=None, text=None, files=None, format=None, offsets=None))]
fn read_json(
    py: Python<'_>,
    name: Option<String>,
    text: Option<TextArg>,
    files: Option<Vec<(String, TextArg)>>,
    format: Option<String>,
    offsets: Option<String>,
) -> PyResult<(String, Vec<String>)> {
    run_free(py, move || {
        let (format, docs) = read_any(name, text, files, format, offsets, false)?;
        Ok((format.name().to_string(), docs.iter().map(GoldFile::to_json_line).collect()))
    })
}

/// `validate_json(...)` (the arguments of `read_json`): per document its id, its count of
/// annotations and of predicted ones, and its guideline warnings, as `gloss validate`
/// reports them; `GlossError` on the first problem.
#[pyfunction]
#[pyo3(signature = (name=None, text=None, files=None, format=None, offsets=None))]
fn validate_json(
    py: Python<'_>,
    name: Option<String>,
    text: Option<TextArg>,
    files: Option<Vec<(String, TextArg)>>,
    format: Option<String>,
    offsets: Option<String>,
) -> PyResult<Vec<Checked>> {
    run_free(py, move || {
        let (_, docs) = read_any(name, text, files, format, offsets, true)?;
        Ok(docs
            .iter()
            .map(|f| {
                let predicted = f.annotations.iter().filter(|a| a.status == Status::Predicted).count();
                let warns = warnings(&f.doc, &f.annotations);
                (f.doc.id.clone(), f.annotations.len(), predicted, warns)
            })
            .collect())
    })
}

/// Gold JSON texts (from Python's dicts) as checked documents; a problem names the document.
pub(crate) fn gold_files(docs: Vec<String>) -> Result<Vec<GoldFile>, Failure> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| GoldFile::from_json(d).map_err(|e| Failure::new(e, Some(&format!("document {}", i + 1)))))
        .collect()
}

/// `write_json(docs, format, offsets=None)`: documents (gold JSON texts) in `format`; returns
/// what the format does not keep (the CLI's notes), and the text, or the files by name.
#[pyfunction]
#[pyo3(signature = (docs, format, offsets=None))]
fn write_json(py: Python<'_>, docs: Vec<String>, format: String, offsets: Option<String>) -> PyResult<Written> {
    run_free(py, move || {
        let format = format_named(&format)?;
        let opts = options(offsets.as_deref(), None)?;
        let files = gold_files(docs)?;
        let losses = fmt::losses(format, &files);
        match fmt::write(format, &files, &opts).map_err(|e| Failure::new(e, None))? {
            fmt::Output::Text(t) => Ok((losses, Some(t), Vec::new())),
            fmt::Output::Files(f) => Ok((losses, None, f)),
        }
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    m.add_function(wrap_pyfunction!(validate_json, m)?)?;
    m.add_function(wrap_pyfunction!(write_json, m)?)?;
    Ok(())
}
