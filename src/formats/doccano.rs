//! doccano sequence-labelling JSON Lines with relations, one document per line:
//! `{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations":
//! [{"id", "from_id", "to_id", "type"}], "gloss": {header}}`.
//!
//! Owns: the mapping (docs/FORMATS.md): each annotation is an entity with its label; a claim's
//! cue is an entity labelled `CUE` joined to its claim by a `cue` relation, its source a
//! `source` relation from the claim to the ACTOR; everything else of an annotation (Gloss
//! id, status, provenance, attributes) rides in the entity's `gloss` object, and the
//! document's header (id, offset unit, SHA-256, DCT) in the line's `gloss` object, which
//! doccano keeps as metadata. Offsets are code points unless UTF-16 is asked for (what
//! doccano's front end counts); the unit is written in each line. The reader also takes
//! doccano's older `"label": [[start, end, "LABEL"]]` lines. It must not: do I/O.

use super::common::{
    attach, doc_from_header, doc_header, extras, finish, json_object, pending_for, OffsetUnit, Pending, RawOffsets,
    Relation,
};
use super::gold::GoldFile;
use super::jsonl::lines;
use super::Options;
use crate::model::Error;
use serde_json::{json, Map, Value};

/// The tool name recorded as provenance of annotations read without a Gloss extension.
pub const TOOL: &str = "doccano";

/// Writes one line per document, offsets in `unit`.
pub fn write(files: &[GoldFile], unit: OffsetUnit) -> String {
    let mut out = String::new();
    for f in files {
        let doc = &f.doc;
        let at = |cp: usize| unit.from_cp(doc, cp);
        let mut entities = Vec::new();
        let mut relations = Vec::new();
        let num: std::collections::HashMap<&str, usize> =
            f.annotations.iter().enumerate().map(|(i, a)| (a.id.as_str(), i + 1)).collect();
        for (i, a) in f.annotations.iter().enumerate() {
            let mut e = json!({
                "id": i + 1,
                "label": a.label().as_str(),
                "start_offset": at(a.span.start()),
                "end_offset": at(a.span.end()),
            });
            e["gloss"] = Value::Object(extras(a, &["source", "cue"]));
            entities.push(e);
        }
        for (i, a) in f.annotations.iter().enumerate() {
            if let Some(src) = super::common::source_of(a).and_then(|s| num.get(s)) {
                relations.push(json!({"id": relations.len() + 1, "from_id": i + 1, "to_id": src, "type": "source"}));
            }
            if let Some((span, _)) = super::common::cue_of(a) {
                let id = entities.len() + 1;
                entities.push(json!({
                    "id": id, "label": "CUE", "start_offset": at(span.start()), "end_offset": at(span.end()),
                }));
                relations.push(json!({"id": relations.len() + 1, "from_id": i + 1, "to_id": id, "type": "cue"}));
            }
        }
        let line = json!({
            "text": doc.text(),
            "entities": entities,
            "relations": relations,
            "gloss": doc_header(f, unit),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Reads every line; offsets in the line's stated unit, else `opts.offsets`.
pub fn read(input: &str, opts: &Options) -> Result<Vec<GoldFile>, Error> {
    let mut out = Vec::new();
    for (n, line) in lines(input) {
        out.push(read_line(n, line, opts).map_err(|e| e.context(format_args!("line {n}")))?);
    }
    Ok(out)
}

fn read_line(n: usize, line: &str, opts: &Options) -> Result<GoldFile, Error> {
    let obj = json_object(line)?;
    let text = match obj.get("text") {
        Some(Value::String(t)) => t.as_str(),
        _ => return Err(Error::format("no \"text\" string")),
    };
    let header = match obj.get("gloss") {
        Some(Value::Object(h)) => Some(h.clone()),
        _ => None,
    };
    let mut h = header.clone().unwrap_or_default();
    if !h.contains_key("id") {
        let id = match obj.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(x)) => x.to_string(),
            _ => format!("{}-{n}", opts.default_id()),
        };
        h.insert("id".into(), id.into());
    }
    let (doc, unit, meta) = doc_from_header(opts.default_id(), text, Some(&h))?;
    let offsets = RawOffsets::new(text, unit.unwrap_or(opts.offsets));
    let mut pending: Vec<Pending> = Vec::new();
    let mut local: Vec<String> = Vec::new();
    let mut cues: Vec<super::common::CueSpan> = Vec::new();
    let span_of = |s: &Value, e: &Value, at: &str| -> Result<(usize, usize), Error> {
        let num = |v: &Value, what: &str| {
            v.as_u64()
                .map(|x| x as usize)
                .ok_or_else(|| Error::format(format!("{at}: \"{what}\" is not a whole number")))
        };
        let (s, e) = (num(s, "start_offset")?, num(e, "end_offset")?);
        Ok((offsets.to_cp(s).map_err(|x| x.context(at))?, offsets.to_cp(e).map_err(|x| x.context(at))?))
    };
    match (obj.get("entities"), obj.get("label")) {
        (Some(Value::Array(ents)), _) => {
            let mut seen = std::collections::HashSet::with_capacity(ents.len());
            for (i, e) in ents.iter().enumerate() {
                let Value::Object(e) = e else {
                    return Err(Error::format(format!("entity {}: not an object", i + 1)));
                };
                let local_id = match e.get("id") {
                    Some(Value::Number(x)) => x.to_string(),
                    Some(Value::String(s)) => s.clone(),
                    _ => (i + 1).to_string(),
                };
                let at = format!("entity {local_id}");
                if !seen.insert(local_id.clone()) {
                    return Err(Error::format(format!(
                        "{at}: two entities have the id {local_id}, so a relation to it could mean either"
                    )));
                }
                let label = e.get("label").and_then(Value::as_str).unwrap_or("");
                let null = Value::Null;
                let (s, end) =
                    span_of(e.get("start_offset").unwrap_or(&null), e.get("end_offset").unwrap_or(&null), &at)?;
                if label.eq_ignore_ascii_case("CUE") {
                    cues.push((local_id, s, end, String::new()));
                    continue;
                }
                let prefix = super::common::foreign_label(label).map(|(l, _)| &l.as_str()[..1]).unwrap_or("X");
                let mut p = pending_for(at, format!("{prefix}{local_id}"), label, s, end, TOOL)?;
                if let Some(Value::Object(x)) = e.get("gloss") {
                    p.apply_extras(x)?;
                }
                pending.push(p);
                local.push(local_id);
            }
        }
        (Some(_), _) => return Err(Error::format("\"entities\" is not a list")),
        (None, Some(Value::Array(labels))) => {
            for (i, l) in labels.iter().enumerate() {
                let at = format!("label {}", i + 1);
                let Some([s, e, name]) = l.as_array().map(Vec::as_slice) else {
                    return Err(Error::format(format!("{at}: not [start, end, \"LABEL\"]")));
                };
                let (s, e) = span_of(s, e, &at)?;
                let name = name.as_str().unwrap_or("");
                let prefix = super::common::foreign_label(name).map(|(l, _)| &l.as_str()[..1]).unwrap_or("X");
                pending.push(pending_for(at, format!("{prefix}{}", i + 1), name, s, e, TOOL)?);
                local.push((i + 1).to_string());
            }
        }
        (None, Some(_)) => return Err(Error::format("\"label\" is not a list")),
        (None, None) => {}
    }
    if let Some(rels) = obj.get("relations") {
        let Value::Array(rels) = rels else {
            return Err(Error::format("\"relations\" is not a list"));
        };
        for (i, r) in rels.iter().enumerate() {
            let r: &Map<String, Value> =
                r.as_object().ok_or_else(|| Error::format(format!("relation {}: not an object", i + 1)))?;
            let id = |k: &str| match r.get(k) {
                Some(Value::Number(x)) => x.to_string(),
                Some(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            let at = format!("relation {}", if id("id").is_empty() { (i + 1).to_string() } else { id("id") });
            let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
            let (from, to) = (id("from_id"), id("to_id"));
            attach(&mut pending, &local, &cues, Relation { at: &at, kind, from: &from, to: &to }, &doc)?;
        }
    }
    finish(doc, pending, meta)
}
