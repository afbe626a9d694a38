//! spaCy-ready JSON Lines, one document per line: `{"text", "ents": [{"start", "end",
//! "label"}], "spans": {"sc": [{"start", "end", "label", "gloss": {...}}]}, "gloss": {header}}`.
//!
//! Owns: the mapping (docs/FORMATS.md). Offsets are Python `str` indexes, that is code
//! points, as `Doc.char_span(start, end, label)` takes them. `spans.sc` (spaCy's default
//! span-group key, for the SpanCategorizer) holds every annotation but the rejected ones,
//! nested and overlapping ones too, each with its Gloss id, status, provenance and
//! attributes in `gloss`; `spans.rejected` holds the rejected ones, for the record; `ents`
//! holds a set of non-overlapping, non-empty, non-rejected spans (spaCy's `doc.ents` cannot
//! overlap), earliest and longest first, for NER training. The reader takes `spans` when
//! present (`sc` and `rejected`, or else every group), else `ents` (objects or
//! `[start, end, label]` lists). It
//! must not: do I/O or call Python; docs/FORMATS.md shows the few lines that build a DocBin.

use super::common::{doc_from_header, doc_header, extras, finish, json_object, pending_for, OffsetUnit, RawOffsets};
use super::gold::GoldFile;
use super::jsonl::lines;
use super::Options;
use crate::model::{Error, Span};
use serde_json::{json, Value};

/// The tool name recorded as provenance of annotations read without a Gloss extension.
pub const TOOL: &str = "spacy";

/// The span-group key written for every live annotation.
pub const SPAN_KEY: &str = "sc";
/// The span-group key of rejected annotations (kept for the record, not for training).
pub const REJECTED_KEY: &str = "rejected";

/// Writes one line per document.
pub fn write(files: &[GoldFile]) -> String {
    let mut out = String::new();
    for f in files {
        let mut taken: Vec<Span> = Vec::new();
        let mut ents = Vec::new();
        for a in &f.annotations {
            if a.status.is_live() && !a.span.is_empty() && !taken.iter().any(|t| t.overlaps(&a.span)) {
                taken.push(a.span);
                ents.push(json!({"start": a.span.start(), "end": a.span.end(), "label": a.label().as_str()}));
            }
        }
        let item = |a: &crate::model::Annotation| json!({"start": a.span.start(), "end": a.span.end(), "label": a.label().as_str(), "gloss": extras(a, &[])});
        let spans: Vec<Value> = f.annotations.iter().filter(|a| a.status.is_live()).map(item).collect();
        let rejected: Vec<Value> = f.annotations.iter().filter(|a| !a.status.is_live()).map(item).collect();
        let line = json!({
            "text": f.doc.text(),
            "ents": ents,
            "spans": {SPAN_KEY: spans, REJECTED_KEY: rejected},
            "gloss": doc_header(f, OffsetUnit::CodePoint),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Reads every line; each error names the line.
pub fn read(input: &str, opts: &Options) -> Result<Vec<GoldFile>, Error> {
    let mut out = Vec::new();
    for (n, line) in lines(input) {
        out.push(read_line(n, line, opts).map_err(|e| e.context(format_args!("line {n}")))?);
    }
    Ok(out)
}

fn read_line(n: usize, line: &str, opts: &Options) -> Result<GoldFile, Error> {
    let obj = json_object(line)?;
    let text = obj.get("text").and_then(Value::as_str).ok_or_else(|| Error::format("no \"text\" string"))?;
    let mut h = obj.get("gloss").and_then(Value::as_object).cloned().unwrap_or_default();
    if !h.contains_key("id") {
        h.insert("id".into(), format!("{}-{n}", opts.default_id()).into());
    }
    let (doc, unit, meta) = doc_from_header(opts.default_id(), text, Some(&h))?;
    let offsets = RawOffsets::new(text, unit.unwrap_or(OffsetUnit::CodePoint));
    let items: Vec<(String, &Value)> = match (obj.get("spans"), obj.get("ents")) {
        (Some(Value::Object(groups)), _) => {
            let keys: Vec<&String> = if groups.contains_key(SPAN_KEY) {
                groups.keys().filter(|k| *k == SPAN_KEY || *k == REJECTED_KEY).collect()
            } else {
                groups.keys().collect()
            };
            let mut v = Vec::new();
            for k in keys {
                let list = groups[k].as_array().ok_or_else(|| Error::format(format!("spans.{k} is not a list")))?;
                v.extend(list.iter().enumerate().map(|(i, x)| (format!("spans.{k}[{i}]"), x)));
            }
            v
        }
        // Prodigy's shape: a plain list of spans.
        (Some(Value::Array(list)), _) => list.iter().enumerate().map(|(i, x)| (format!("spans[{i}]"), x)).collect(),
        (Some(_), _) => return Err(Error::format("\"spans\" is neither a list nor an object of span groups")),
        (None, Some(Value::Array(ents))) => ents.iter().enumerate().map(|(i, x)| (format!("ents[{i}]"), x)).collect(),
        (None, Some(_)) => return Err(Error::format("\"ents\" is not a list")),
        (None, None) => Vec::new(),
    };
    let mut pending = Vec::with_capacity(items.len());
    for (i, (at, item)) in items.into_iter().enumerate() {
        let (s, e, label) = match item {
            Value::Object(o) => (o.get("start"), o.get("end"), o.get("label")),
            Value::Array(a) if a.len() == 3 => (a.first(), a.get(1), a.get(2)),
            _ => {
                return Err(Error::format(format!(
                    "{at}: neither {{\"start\", \"end\", \"label\"}} nor [start, end, label]"
                )))
            }
        };
        let num = |v: Option<&Value>, what: &str| {
            v.and_then(Value::as_u64)
                .map(|x| x as usize)
                .ok_or_else(|| Error::format(format!("{at}: \"{what}\" is not a whole number")))
        };
        let s = offsets.to_cp(num(s, "start")?).map_err(|x| x.context(&at))?;
        let e = offsets.to_cp(num(e, "end")?).map_err(|x| x.context(&at))?;
        let label = label.and_then(Value::as_str).unwrap_or("");
        let prefix = super::common::foreign_label(label).map(|(l, _)| &l.as_str()[..1]).unwrap_or("X");
        let mut p = pending_for(at, format!("{prefix}{}", i + 1), label, s, e, TOOL)?;
        if let Some(Value::Object(x)) = item.get("gloss") {
            p.apply_extras(x)?;
        }
        pending.push(p);
    }
    finish(doc, pending, meta)
}
