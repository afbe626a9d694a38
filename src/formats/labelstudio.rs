//! Label Studio tasks: a JSON array of `{"data": {"text", "gloss": {header}}, "annotations":
//! [{"result": [...]}], "predictions": [{"model_version", "result": [...]}]}`, for a labelling
//! config with `<Labels name="label" toName="text">` (ACTOR, DATE, CLAIM, CUE) and
//! `<Relations>` (source, cue) on `<Text name="text" value="$text"/>`.
//!
//! Owns: the mapping (docs/FORMATS.md). Annotations with status `predicted` go to the
//! task's `predictions` (model version = the extractor), every reviewed one to its
//! `annotations`; each is a `labels` result whose region id is the Gloss id, with `start`,
//! `end` (code points, as Label Studio counts since its emoji fix) and `text`. A claim's
//! source is a `relation` result labelled `source` from the claim to the ACTOR, its cue a
//! `CUE` region (id `<claim>-cue`) and a `cue` relation; the note is the region's meta text
//! (`meta.text`, as Label Studio keeps it); status, provenance, the unsure flag and the other
//! attributes ride in the region's `meta.gloss`. The reader takes any task list Label
//! Studio exports (other result types, such as `choices`, are not spans and are skipped;
//! cancelled annotations are skipped). It must not: do I/O.

use super::common::{attach, cue_of, doc_from_header, doc_header, extras, finish, parse_json, pending_for, source_of};
use super::common::{OffsetUnit, Pending, RawOffsets, Relation};
use super::gold::GoldFile;
use super::Options;
use crate::model::{Annotation, Error, Status};
use serde_json::{json, Map, Value};

/// The tool name recorded as provenance of annotations read without a Gloss extension.
pub const TOOL: &str = "label-studio";

/// The labelling config these tasks are made for.
pub const CONFIG: &str = r#"<View>
  <Labels name="label" toName="text">
    <Label value="ACTOR"/>
    <Label value="DATE"/>
    <Label value="CLAIM"/>
    <Label value="CUE"/>
  </Labels>
  <Relations>
    <Relation value="source"/>
    <Relation value="cue"/>
  </Relations>
  <Text name="text" value="$text"/>
</View>
"#;

/// The region's `meta`: the note as Label Studio keeps a region's meta text (`"text":
/// [note]`, what its region panel edits), the rest under `gloss`.
fn meta(a: &Annotation) -> Value {
    let mut ex = extras(a, &["source", "cue"]);
    ex.remove("note");
    let mut m = json!({"gloss": ex});
    if let Some(n) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        m["text"] = json!([n]);
    }
    m
}

fn region(a: &Annotation) -> Vec<Value> {
    let mut out = vec![json!({
        "id": a.id,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": if a.status == Status::Predicted { "prediction" } else { "manual" },
        "value": {"start": a.span.start(), "end": a.span.end(), "text": a.quote, "labels": [a.label().as_str()]},
        "meta": meta(a),
    })];
    if let Some(src) = source_of(a) {
        out.push(json!({
            "from_id": a.id, "to_id": src, "type": "relation", "direction": "right", "labels": ["source"],
        }));
    }
    if let Some((span, text)) = cue_of(a) {
        let cue_id = format!("{}-cue", a.id);
        out.push(json!({
            "id": cue_id,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": span.start(), "end": span.end(), "text": text, "labels": ["CUE"]},
        }));
        out.push(json!({
            "from_id": a.id, "to_id": cue_id, "type": "relation", "direction": "right", "labels": ["cue"],
        }));
    }
    out
}

/// Writes one task per document, as a pretty-printed JSON array.
pub fn write(files: &[GoldFile]) -> String {
    let tasks: Vec<Value> = files
        .iter()
        .map(|f| {
            let (pred, rev): (Vec<&Annotation>, Vec<&Annotation>) =
                f.annotations.iter().partition(|a| a.status == Status::Predicted);
            let mut task = json!({
                "data": {"text": f.doc.text(), "gloss": doc_header(f, OffsetUnit::CodePoint)},
                "annotations": [],
                "predictions": [],
            });
            if !rev.is_empty() || pred.is_empty() {
                let result: Vec<Value> = rev.iter().flat_map(|a| region(a)).collect();
                task["annotations"] = json!([{"result": result, "ground_truth": f.is_gold()}]);
            }
            if !pred.is_empty() {
                let result: Vec<Value> = pred.iter().flat_map(|a| region(a)).collect();
                task["predictions"] = json!([{"model_version": crate::EXTRACTOR_NAME, "result": result}]);
            }
            task
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Value::Array(tasks)).unwrap_or_default();
    s.push('\n');
    s
}

/// Reads a task list (or one task); each error names the task and the result.
pub fn read(input: &str, opts: &Options) -> Result<Vec<GoldFile>, Error> {
    let v = parse_json(input, "Label Studio tasks")?;
    let tasks = match v {
        Value::Array(t) => t,
        Value::Object(_) => vec![v],
        _ => return Err(Error::format("Label Studio tasks: expected a list of tasks")),
    };
    let mut out = Vec::with_capacity(tasks.len());
    for (i, t) in tasks.iter().enumerate() {
        let n = i + 1;
        out.push(read_task(n, t, opts).map_err(|e| e.context(format_args!("task {n}")))?);
    }
    Ok(out)
}

fn read_task(n: usize, t: &Value, opts: &Options) -> Result<GoldFile, Error> {
    let data = t.get("data").and_then(Value::as_object).ok_or_else(|| Error::format("no \"data\" object"))?;
    let text = data.get("text").and_then(Value::as_str).ok_or_else(|| Error::format("no \"data.text\" string"))?;
    let mut h = data.get("gloss").and_then(Value::as_object).cloned().unwrap_or_default();
    if !h.contains_key("id") {
        let id = match t.get("id") {
            Some(Value::Number(x)) => x.to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => format!("{}-{n}", opts.default_id()),
        };
        h.insert("id".into(), id.into());
    }
    let (doc, unit, meta) = doc_from_header(opts.default_id(), text, Some(&h))?;
    let offsets = RawOffsets::new(text, unit.unwrap_or(OffsetUnit::CodePoint));
    let mut pending: Vec<Pending> = Vec::new();
    let mut local: Vec<String> = Vec::new();
    let mut cues: Vec<super::common::CueSpan> = Vec::new();
    let mut relations: Vec<(String, String, String, String)> = Vec::new();
    // Notes on cue regions: they go to the claim whose cue it is.
    let mut cue_notes: Vec<(String, String)> = Vec::new();
    for (set_key, status, set_name) in
        [("annotations", Status::Manual, "annotation"), ("predictions", Status::Predicted, "prediction")]
    {
        let Some(sets) = t.get(set_key) else { continue };
        let sets = sets.as_array().ok_or_else(|| Error::format(format!("\"{set_key}\" is not a list")))?;
        for (si, set) in sets.iter().enumerate() {
            if set.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let by = set.get("model_version").and_then(Value::as_str).unwrap_or(TOOL).to_string();
            let results = set
                .get("result")
                .and_then(Value::as_array)
                .ok_or_else(|| Error::format(format!("{set_name} {}: no \"result\" list", si + 1)))?;
            for (ri, r) in results.iter().enumerate() {
                let r = r
                    .as_object()
                    .ok_or_else(|| Error::format(format!("{set_name} {}: result {}: not an object", si + 1, ri + 1)))?;
                let rid = r.get("id").and_then(Value::as_str).map(str::to_string);
                let at = match &rid {
                    Some(id) => format!("{set_name} {}, result {id:?}", si + 1),
                    None => format!("{set_name} {}, result {}", si + 1, ri + 1),
                };
                match r.get("type").and_then(Value::as_str).unwrap_or("") {
                    "relation" => {
                        let end = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                        let labels = r.get("labels").and_then(Value::as_array).cloned().unwrap_or_default();
                        let kind = labels.first().and_then(Value::as_str).unwrap_or("").to_string();
                        relations.push((at, kind, end("from_id"), end("to_id")));
                    }
                    "labels" => {
                        let v = r
                            .get("value")
                            .and_then(Value::as_object)
                            .ok_or_else(|| Error::format(format!("{at}: no \"value\"")))?;
                        let (s, e) = (offset(v, "start", &at)?, offset(v, "end", &at)?);
                        let (s, e) = (
                            offsets.to_cp(s).map_err(|x| x.context(&at))?,
                            offsets.to_cp(e).map_err(|x| x.context(&at))?,
                        );
                        let labels = v
                            .get("labels")
                            .and_then(Value::as_array)
                            .ok_or_else(|| Error::format(format!("{at}: no \"labels\" list")))?;
                        let [label] = labels.as_slice() else {
                            return Err(Error::format(format!(
                                "{at}: {} labels on one region; Gloss takes one",
                                labels.len()
                            )));
                        };
                        let label = label.as_str().unwrap_or("");
                        let quote = v.get("text").and_then(Value::as_str).map(str::to_string);
                        let id = rid.clone().unwrap_or_else(|| format!("r{}-{}", si + 1, ri + 1));
                        if local.contains(&id) || cues.iter().any(|c| c.0 == id) {
                            return Err(Error::format(format!(
                                "{at}: the region id {id:?} appears twice (two annotators' results?): keep one annotation per task"
                            )));
                        }
                        if label.eq_ignore_ascii_case("CUE") {
                            for t in meta_texts(r.get("meta"), &at)? {
                                cue_notes.push((id.clone(), t.to_string()));
                            }
                            cues.push((id, s, e, quote.unwrap_or_default()));
                            continue;
                        }
                        let mut p = pending_for(at, id.clone(), label, s, e, &by)?;
                        p.status = status;
                        p.quote = quote;
                        if let Some(Value::Object(x)) = r.get("meta").and_then(|m| m.get("gloss")) {
                            p.apply_extras(x)?;
                        }
                        for t in meta_texts(r.get("meta"), &p.at)? {
                            p.add_note(t);
                        }
                        pending.push(p);
                        local.push(id);
                    }
                    _ => {}
                }
            }
        }
    }
    for (cue, note) in cue_notes {
        let claim = relations.iter().find(|r| r.1.eq_ignore_ascii_case("cue") && r.3 == cue).map(|r| &r.2);
        if let Some(i) = claim.and_then(|c| local.iter().position(|x| x == c)) {
            pending[i].add_note(&format!("(on its cue {cue}) {note}"));
        }
    }
    for (at, kind, from, to) in relations {
        attach(&mut pending, &local, &cues, Relation { at: &at, kind: &kind, from: &from, to: &to }, &doc)?;
    }
    finish(doc, pending, meta)
}

fn offset(v: &Map<String, Value>, key: &str, at: &str) -> Result<usize, Error> {
    v.get(key)
        .and_then(Value::as_u64)
        .map(|x| x as usize)
        .ok_or_else(|| Error::format(format!("{at}: \"{key}\" is not a whole number")))
}

/// The region's meta text (Label Studio's per-region note: a list of strings, or a lone
/// string); an error naming the result when it is something else.
fn meta_texts<'a>(meta: Option<&'a Value>, at: &str) -> Result<Vec<&'a str>, Error> {
    match meta.and_then(|m| m.get("text")) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.as_str()]),
        Some(Value::Array(items)) => items
            .iter()
            .map(|t| {
                t.as_str().ok_or_else(|| Error::format(format!("{at}: \"meta.text\" holds something else than text")))
            })
            .collect(),
        Some(_) => Err(Error::format(format!("{at}: \"meta.text\" is neither a list of texts nor a text"))),
    }
}
