//! Scoring and agreement for Python: `gloss score --json` and `gloss agree --json` as
//! values.
//!
//! Owns: loading each side's documents as the CLI's `score` loads them (gold JSON, Gloss
//! JSON Lines, development-corpus lines with what they annotate). It must not: match, count
//! or compute a figure (the library's `eval` does), or read files (Python hands over bytes).

use crate::extract::TextArg;
use crate::{run_free, Failure};
use gloss::eval::agree::{self, Coded};
use gloss::eval::{self, Coverage, EvalDoc};
use gloss::formats::corpus;
use gloss::formats::gold::GoldFile;
use gloss::formats::jsonl::{self, LineKind};
use gloss::model::raw::Limit;
use gloss::model::{ActorKind, Error, Label, Mention};
use pyo3::prelude::*;

/// One document loaded, and what its source annotates.
struct Loaded {
    file: GoldFile,
    coverage: Coverage,
    places: Vec<gloss::model::Span>,
}

/// The documents of one source (`name`: its file name, for the JSON Lines rule and messages),
/// as the CLI's `load_annotated` reads a file: JSON Lines of gold objects or of a
/// development corpus (lines it cannot use skipped, as the CLI skips them), else one gold file.
fn load(name: &str, text: TextArg) -> Result<Vec<Loaded>, Failure> {
    let fail = |e: Error| Failure::new(e, Some(name));
    let text = text.into_text(Limit::Annotated).map_err(fail)?;
    if text.trim().is_empty() {
        return Err(fail(Error::input("the file is empty")));
    }
    let jsonl_name = name.ends_with(".jsonl") || name.ends_with(".ndjson");
    let several = jsonl::looks_like_jsonl(&text) && jsonl::lines(&text).nth(1).is_some();
    let full = |file: GoldFile| Loaded { file, coverage: Coverage::full(), places: Vec::new() };
    match jsonl::sniff(&text).ok().flatten() {
        Some(LineKind::Corpus) => {
            let mut out = Vec::new();
            for (n, line) in jsonl::lines(&text) {
                let d = match corpus::read_line(n, line) {
                    Ok(d) => d,
                    Err(e) if e.kind_name() == "input" => continue,
                    Err(e) => return Err(fail(e)),
                };
                let a = d.annotated;
                let coverage = Coverage { labels: a.labels, actor_kinds: a.actor_kinds, canonical: a.canonical };
                out.push(Loaded { file: d.file, coverage, places: d.places });
            }
            if out.is_empty() {
                return Err(fail(Error::input("every line was skipped: nothing to score")));
            }
            Ok(out)
        }
        Some(LineKind::Input) => {
            Err(fail(Error::input("line 1: a text without annotations: run `gloss extract` on it first")))
        }
        _ if jsonl_name || several => Ok(jsonl::read(&text).map_err(fail)?.into_iter().map(|(_, f)| full(f)).collect()),
        _ => Ok(vec![full(GoldFile::from_json(&text).map_err(fail)?)]),
    }
}

fn load_all(sources: Vec<(String, TextArg)>) -> Result<Vec<Loaded>, Failure> {
    let mut out = Vec::new();
    for (name, text) in sources {
        out.extend(load(&name, text)?);
    }
    Ok(out)
}

fn to_eval(docs: Vec<Loaded>) -> Vec<EvalDoc> {
    docs.into_iter()
        .map(|Loaded { file, coverage, places }| EvalDoc::new(&file.doc, file.annotations, coverage, places))
        .collect()
}

fn parsed<T>(items: &[String], parse: impl Fn(&str) -> Option<T>, what: &str) -> Result<Vec<T>, Failure> {
    items
        .iter()
        .map(|s| parse(s.trim()).ok_or_else(|| Failure::new(Error::input(format!("'{s}' is not {what}")), None)))
        .collect()
}

/// `score_json(gold, pred, labels=[], kinds=[], mention=None, attributions=False)`: each side
/// a list of `(name, text)`; the report `gloss score --json` prints (without the file names).
#[pyfunction]
#[pyo3(signature = (gold, pred, labels=Vec::new(), kinds=Vec::new(), mention=None, attributions=false))]
fn score_json(
    py: Python<'_>,
    gold: Vec<(String, TextArg)>,
    pred: Vec<(String, TextArg)>,
    labels: Vec<String>,
    kinds: Vec<String>,
    mention: Option<String>,
    attributions: bool,
) -> PyResult<String> {
    run_free(py, move || {
        let labels = parsed(&labels, Label::parse, "a label: use ACTOR, DATE or CLAIM")?;
        let kinds = parsed(
            &kinds,
            |k| ActorKind::parse(&k.to_ascii_lowercase()),
            "an actor kind: use person, organization, state or group",
        )?;
        let mention = match mention.as_deref().map(|m| m.trim().to_ascii_lowercase()) {
            None => None,
            Some(m) if m == "name" => Some(Mention::Name),
            Some(m) if m == "nominal" => Some(Mention::Nominal),
            Some(m) => {
                return Err(Failure::new(
                    Error::input(format!("'{m}' is not a mention type: use name or nominal")),
                    None,
                ))
            }
        };
        let (gold, pred) = (to_eval(load_all(gold)?), to_eval(load_all(pred)?));
        let opts = eval::Options { labels, kinds, mention, attributions };
        let report = eval::score(&gold, &pred, &opts).map_err(|e| Failure::new(e, None))?;
        serde_json::to_string(&report).map_err(|e| Failure::new(Error::input(format!("cannot write JSON: {e}")), None))
    })
}

/// `agree_json(works)`: `works` a list of `(annotator, [(name, text)])`; the report
/// `gloss agree --json` prints, or `GlossError` when no document is in two works.
#[pyfunction]
fn agree_json(py: Python<'_>, works: Vec<(String, Vec<(String, TextArg)>)>) -> PyResult<String> {
    run_free(py, move || {
        let mut loaded = Vec::with_capacity(works.len());
        for (who, sources) in works {
            let files: Vec<GoldFile> = load_all(sources)?.into_iter().map(|l| l.file).collect();
            loaded.push((who, files));
        }
        let coded: Vec<Coded> = loaded
            .iter()
            .flat_map(|(who, files)| {
                files.iter().map(move |f| Coded { annotator: who, doc: &f.doc, annotations: &f.annotations })
            })
            .collect();
        let report = agree::report(&coded).map_err(|e| Failure::new(e, None))?;
        if report.documents.is_empty() {
            let names: Vec<&str> = loaded.iter().map(|(w, _)| w.as_str()).collect();
            let e = Error::input(format!(
                "nothing to compare: no document (same text) is in the work of two of {}",
                names.join(", ")
            ));
            return Err(Failure::new(e, None));
        }
        serde_json::to_string(&report).map_err(|e| Failure::new(Error::input(format!("cannot write JSON: {e}")), None))
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score_json, m)?)?;
    m.add_function(wrap_pyfunction!(agree_json, m)?)?;
    Ok(())
}
