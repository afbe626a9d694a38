//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose one page holds an
//! `Annotation` per span, each targeting its document with a `TextPositionSelector`
//! (`start`, `end`: code points, as the Web Annotation model defines them) and a
//! `TextQuoteSelector` (`prefix`, `exact`, `suffix`, 32 code points of context).
//!
//! Owns: the mapping (docs/FORMATS.md). The label is a `TextualBody` with purpose
//! `tagging`, the note one with purpose `commenting`, the unsure flag one with purpose
//! `assessing` and value `unsure`; the creator is the provenance's `by` (Software for the
//! extractor, Person otherwise); the Gloss id, status, provenance (adjudication record
//! included) and attributes (a claim's source by id, its cue with offsets) ride in
//! `gloss:data`, a JSON literal. Web annotations point at their text rather than hold it, so
//! the collection carries each document under
//! `gloss:documents` (`id` = the IRI the targets use, `gloss:text`, and the header with the
//! SHA-256 and DCT in `gloss:data`); the reader needs them. It reads a collection, a page,
//! a list of annotations or one annotation; an annotation with only a quote selector is
//! placed where its prefix, exact and suffix occur once. It must not: do I/O or fetch IRIs.

use super::common::{doc_from_header, doc_header, extras, finish, parse_json, pending_for, OffsetUnit, Pending};
use super::gold::GoldFile;
use crate::model::{Document, Error, Status};
use serde_json::{json, Value};

/// The tool name recorded as provenance of annotations read without a Gloss extension.
pub const TOOL: &str = "w3c";
/// Context characters (code points) written on each side of a quote.
pub const CONTEXT: usize = 32;

const NS: &str = "https://gloss.invalid/ns#";

fn context() -> Value {
    json!(["http://www.w3.org/ns/anno.jsonld", {"gloss": NS, "gloss:data": {"@type": "@json"}}])
}

/// The IRI of a document: `urn:gloss:doc:` and its id, percent-encoded.
pub fn doc_iri(id: &str) -> String {
    let mut s = String::from("urn:gloss:doc:");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

fn slice_cp(doc: &Document, a: usize, b: usize) -> String {
    crate::model::Span::new(a, b).ok().and_then(|s| doc.slice(s)).unwrap_or_default().to_string()
}

/// The bodies of an annotation: its label (purpose `tagging`); its note, when it has one,
/// as a plain-text body with purpose `commenting`; and its doubt, when flagged, as a body
/// with purpose `assessing` and the value [`UNSURE`]. One body is written as an object,
/// several as a list.
fn bodies(a: &crate::model::Annotation) -> Value {
    let mut out = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": a.label().as_str()})];
    if let Some(n) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push(json!({"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": n}));
    }
    if a.unsure {
        out.push(json!({"type": "TextualBody", "purpose": "assessing", "value": UNSURE}));
    }
    match out.len() {
        1 => out.remove(0),
        _ => Value::Array(out),
    }
}

/// The value of the `assessing` body that flags an annotation unsure.
pub const UNSURE: &str = "unsure";

/// The purposes of a body (`purpose` may be one or a list).
fn purposes(b: &Value) -> Vec<&str> {
    as_list(b.get("purpose").unwrap_or(&Value::Null)).into_iter().filter_map(Value::as_str).collect()
}

/// Writes one collection for all documents, pretty-printed.
pub fn write(files: &[GoldFile]) -> String {
    let mut docs = Vec::new();
    let mut items = Vec::new();
    for f in files {
        let iri = doc_iri(&f.doc.id);
        docs.push(json!({
            "id": iri, "type": "Text", "format": "text/plain",
            "gloss:data": doc_header(f, OffsetUnit::CodePoint), "gloss:text": f.doc.text(),
        }));
        for a in &f.annotations {
            let (s, e) = (a.span.start(), a.span.end());
            let kind = if a.status == Status::Predicted || a.provenance.rule.is_some() { "Software" } else { "Person" };
            let mut data = extras(a, &[]);
            data.remove("note");
            data.remove("unsure");
            items.push(json!({
                "id": format!("{iri}#{}", a.id),
                "type": "Annotation",
                "motivation": "tagging",
                "creator": {"type": kind, "name": a.provenance.by},
                "body": bodies(a),
                "target": {
                    "source": iri,
                    "selector": [
                        {"type": "TextPositionSelector", "start": s, "end": e},
                        {
                            "type": "TextQuoteSelector",
                            "exact": a.quote,
                            "prefix": slice_cp(&f.doc, s.saturating_sub(CONTEXT), s),
                            "suffix": slice_cp(&f.doc, e, (e + CONTEXT).min(f.doc.len())),
                        }
                    ]
                },
                "gloss:data": data,
            }));
        }
    }
    let v = json!({
        "@context": context(),
        "id": "urn:gloss:collection",
        "type": "AnnotationCollection",
        "label": "Gloss annotations (offsets in code points; texts with LF newlines)",
        "gloss:offset_unit": "codepoint",
        "gloss:documents": docs,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "items": items},
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// `v` as a list: an array's items, or `v` itself.
fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn type_is(v: &Value, t: &str) -> bool {
    as_list(v.get("type").unwrap_or(&Value::Null)).iter().any(|x| x.as_str() == Some(t))
}

/// Reads a collection (or a page, a list or one annotation); each error names the
/// annotation's id or position.
pub fn read(input: &str) -> Result<Vec<GoldFile>, Error> {
    let v = parse_json(input, "W3C annotations")?;
    let mut docs: Vec<(String, Document, Option<super::gold::Meta>, Vec<Pending>)> = Vec::new();
    for (i, d) in as_list(v.get("gloss:documents").unwrap_or(&Value::Null)).into_iter().enumerate() {
        let at = format!("gloss:documents[{i}]");
        let iri = d.get("id").and_then(Value::as_str).ok_or_else(|| Error::format(format!("{at}: no \"id\"")))?;
        let text = d
            .get("gloss:text")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::format(format!("{at}: no \"gloss:text\"")))?;
        let header = d.get("gloss:data").and_then(Value::as_object);
        let default_id = iri.strip_prefix("urn:gloss:doc:").unwrap_or(iri);
        let (doc, _, meta) = doc_from_header(default_id, text, header).map_err(|e| e.context(&at))?;
        docs.push((iri.to_string(), doc, meta, Vec::new()));
    }
    let items: Vec<&Value> = if type_is(&v, "AnnotationCollection") {
        let first = v.get("first").ok_or_else(|| Error::format("the collection has no \"first\" page"))?;
        as_list(first.get("items").unwrap_or(&Value::Null))
    } else if type_is(&v, "AnnotationPage") {
        as_list(v.get("items").unwrap_or(&Value::Null))
    } else if type_is(&v, "Annotation") || v.is_array() {
        as_list(&v)
    } else {
        return Err(Error::format("neither an AnnotationCollection, an AnnotationPage nor an Annotation"));
    };
    for (i, a) in items.into_iter().enumerate() {
        let aid = a.get("id").and_then(Value::as_str).unwrap_or("");
        let at = if aid.is_empty() { format!("annotation {}", i + 1) } else { format!("annotation {aid}") };
        let (di, mut p) = read_annotation(a, &at, &docs)?;
        if p.id.trim().is_empty() {
            p.id = format!("{}{}", &p.label.as_str()[..1], i + 1);
        }
        docs[di].3.push(p);
    }
    docs.into_iter().map(|(_, doc, meta, pending)| finish(doc, pending, meta)).collect()
}

type Docs = [(String, Document, Option<super::gold::Meta>, Vec<Pending>)];

fn read_annotation(a: &Value, at: &str, docs: &Docs) -> Result<(usize, Pending), Error> {
    let targets = as_list(a.get("target").unwrap_or(&Value::Null));
    let [target] = targets.as_slice() else {
        return Err(Error::format(format!("{at}: {} targets; Gloss takes one", targets.len())));
    };
    let source = match target {
        Value::String(s) => s.as_str(),
        t => t.get("source").and_then(Value::as_str).unwrap_or(""),
    };
    let di = docs.iter().position(|d| d.0 == source).ok_or_else(|| {
        Error::format(format!(
            "{at}: its target {source:?} is not among the texts this file holds (\"gloss:documents\"): \
             web annotations point at their text, and Gloss needs it beside them"
        ))
    })?;
    let doc = &docs[di].1;
    let selectors = as_list(target.get("selector").unwrap_or(&Value::Null));
    let pos = selectors.iter().find(|s| type_is(s, "TextPositionSelector"));
    let quote = selectors.iter().find(|s| type_is(s, "TextQuoteSelector"));
    let field = |s: &Value, k: &str| s.get(k).and_then(Value::as_str).map(str::to_string);
    let (start, end) = match (pos, quote) {
        (Some(p), _) => {
            let num = |k: &str| {
                p.get(k).and_then(Value::as_u64).map(|x| x as usize).ok_or_else(|| {
                    Error::format(format!("{at}: the TextPositionSelector's \"{k}\" is not a whole number"))
                })
            };
            (num("start")?, num("end")?)
        }
        (None, Some(q)) => {
            let exact = field(q, "exact").unwrap_or_default();
            let prefix = field(q, "prefix").unwrap_or_default();
            let suffix = field(q, "suffix").unwrap_or_default();
            locate(doc, &prefix, &exact, &suffix).map_err(|e| e.context(at))?
        }
        (None, None) => {
            return Err(Error::format(format!(
                "{at}: no TextPositionSelector or TextQuoteSelector: Gloss annotates spans of text"
            )))
        }
    };
    // A quote selector beside a position selector must agree with the text there.
    if let (Some(q), Ok(span)) = (quote, doc.span(start, end)) {
        let text = doc.text();
        let (bs, be) = doc.index().bytes_of_span(span).unwrap_or((0, 0));
        let ok_prefix = field(q, "prefix").is_none_or(|p| text[..bs].ends_with(&p));
        let ok_suffix = field(q, "suffix").is_none_or(|s| text[be..].starts_with(&s));
        if !ok_prefix || !ok_suffix {
            return Err(Error::mismatch(format!(
                "{at}: the TextQuoteSelector's prefix or suffix differs from the text around {span}"
            )));
        }
    }
    let bodies = as_list(a.get("body").unwrap_or(&Value::Null));
    let is_remark = |b: &Value| purposes(b).iter().any(|p| matches!(*p, "commenting" | "assessing"));
    let label = bodies
        .iter()
        .copied()
        .filter(|b| !is_remark(b))
        .filter_map(|b| match b {
            Value::String(s) => Some(s.as_str()),
            b => b.get("value").and_then(Value::as_str),
        })
        .find(|v| super::common::foreign_label(v).is_some())
        .ok_or_else(|| Error::format(format!("{at}: no body names a label (ACTOR, DATE or CLAIM)")))?;
    let id = a.get("id").and_then(Value::as_str).and_then(|s| s.rsplit(['#', '/']).next()).unwrap_or("").to_string();
    let by = a.get("creator").and_then(|c| c.get("name")).and_then(Value::as_str).unwrap_or(TOOL);
    let mut p = pending_for(at.to_string(), id, label, start, end, by)?;
    p.quote = quote.and_then(|q| field(q, "exact"));
    if let Some(Value::Object(x)) = a.get("gloss:data") {
        p.apply_extras(x)?;
    }
    for b in bodies.iter().filter(|b| is_remark(b)) {
        let value = b.get("value").and_then(Value::as_str).unwrap_or("");
        let ps = purposes(b);
        if ps.contains(&"commenting") {
            p.add_note(value);
        } else if value.trim().eq_ignore_ascii_case(UNSURE) {
            p.unsure = true;
        }
    }
    Ok((di, p))
}

/// The code-point span where `prefix + exact + suffix` occurs once in the text.
fn locate(doc: &Document, prefix: &str, exact: &str, suffix: &str) -> Result<(usize, usize), Error> {
    let text = doc.text();
    let whole = format!("{prefix}{exact}{suffix}");
    let mut hits = text.match_indices(&whole).map(|(b, _)| b + prefix.len());
    let Some(b) = hits.next() else {
        return Err(Error::mismatch(format!("the quote {exact:?} (with its prefix and suffix) is not in the text")));
    };
    if hits.next().is_some() {
        return Err(Error::format(format!(
            "the quote {exact:?} occurs more than once with that prefix and suffix: add a TextPositionSelector"
        )));
    }
    let span = doc
        .span_of_bytes(b, b + exact.len())
        .ok_or_else(|| Error::format(format!("the quote {exact:?} does not fall on character boundaries")))?;
    Ok((span.start(), span.end()))
}
