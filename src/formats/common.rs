//! Pieces every format module shares: offset units, the Gloss wire form of an annotation
//! split into what a foreign format holds natively and what it carries as an extension,
//! defaults for annotations a foreign file brings without Gloss attributes, the CRLF offset
//! map, and the document header (id, SHA-256, DCT, offset unit) written where a format has room.
//!
//! Owns: building checked [`Annotation`]s from loose parts with one message naming where
//! they came from. It must not: do I/O or know any one format's layout. Attributes travel in
//! their serde wire form (`serde_json::Value`), so that a field added to the model travels
//! through every format without a change here.

use super::gold::{GoldFile, Meta};
use crate::model::{
    check_annotations, parse_dct, sha256_hex, Annotation, Attrs, Document, Error, Label, Provenance, Span, Status,
};
use serde_json::{json, Map, Value};

/// What offsets count in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indexes): Gloss's own unit.
    #[default]
    CodePoint,
    /// UTF-16 code units (JavaScript string indexes): what doccano's front end counts.
    Utf16,
}

impl OffsetUnit {
    /// The name written in files: `codepoint` or `utf16`.
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::CodePoint => "codepoint",
            OffsetUnit::Utf16 => "utf16",
        }
    }
    /// The unit named `s` (`codepoint`, `code_point`, `utf16`, `utf-16`); `None` otherwise.
    pub fn parse(s: &str) -> Option<OffsetUnit> {
        match s.trim().to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
            "codepoint" | "codepoints" | "cp" => Some(OffsetUnit::CodePoint),
            "utf16" => Some(OffsetUnit::Utf16),
            _ => None,
        }
    }
    /// An offset of `doc` in this unit, from a code point.
    pub fn from_cp(self, doc: &Document, cp: usize) -> usize {
        match self {
            OffsetUnit::CodePoint => cp,
            OffsetUnit::Utf16 => doc.index().cp_to_utf16(cp).unwrap_or(cp),
        }
    }
    /// The code point of an offset in this unit; an error past the end or inside a
    /// surrogate pair.
    pub fn to_cp(self, doc: &Document, offset: usize) -> Result<usize, Error> {
        match self {
            OffsetUnit::CodePoint if offset <= doc.len() => Ok(offset),
            OffsetUnit::CodePoint => {
                Err(Error::span(format!("offset {offset} is past the end of the text ({} code points)", doc.len())))
            }
            OffsetUnit::Utf16 => doc.index().utf16_to_cp(offset).ok_or_else(|| {
                if offset > doc.index().utf16_len() {
                    Error::span(format!(
                        "offset {offset} is past the end of the text ({} UTF-16 units)",
                        doc.index().utf16_len()
                    ))
                } else {
                    Error::span(format!("UTF-16 offset {offset} falls inside a character (between a surrogate pair)"))
                }
            }),
        }
    }
}

/// The annotation's wire object (`id`, `label`, `start`, `end`, `quote`, `status`,
/// `provenance`, `attributes`), as gold JSON writes it.
pub fn wire(a: &Annotation) -> Map<String, Value> {
    match serde_json::to_value(a) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// What a foreign format carries beside its own span and label: `id`, `status`,
/// `provenance` and `attributes` (without the claim keys named in `drop`, which the format
/// holds natively, as relations for instance).
pub fn extras(a: &Annotation, drop: &[&str]) -> Map<String, Value> {
    let mut m = wire(a);
    for k in ["label", "start", "end", "quote"] {
        m.remove(k);
    }
    if let Some(Value::Object(attrs)) = m.get_mut("attributes") {
        for k in drop {
            attrs.remove(*k);
        }
    }
    m
}

/// Default attributes for an annotation a foreign file brings without Gloss's: an ACTOR is
/// a person named by its quote, a DATE of type DATE with the unknown value `XXXX-XX-XX`, a
/// CLAIM without source or cue.
pub fn default_attributes(label: Label, quote: &str) -> Value {
    let mut v = match label.empty_attrs() {
        Attrs::Actor(a) => serde_json::to_value(a),
        Attrs::Date(a) => serde_json::to_value(a),
        Attrs::Claim(a) => serde_json::to_value(a),
    }
    .unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        match label {
            Label::Actor => m.insert("canonical".into(), Value::String(quote.trim().to_string())),
            Label::Date => m.insert("value".into(), Value::String(UNKNOWN_DATE.into())),
            Label::Claim => None,
        };
    }
    v
}

/// The TIMEX3 value given to a DATE read from a file that has no value for it.
pub const UNKNOWN_DATE: &str = "XXXX-XX-XX";

/// An annotation being read, before it is checked against its text.
#[derive(Clone, Debug)]
pub struct Pending {
    /// Where it was read, for messages: `line 4`, `task 2, result "r3"`, `T5`.
    pub at: String,
    pub id: String,
    pub label: Label,
    /// Code points of the normalised text.
    pub start: usize,
    pub end: usize,
    /// The text the file says is under the span, when it says one.
    pub quote: Option<String>,
    pub status: Status,
    pub provenance: Provenance,
    /// Gloss attributes (wire form) when the file has them; defaults otherwise.
    pub attributes: Option<Value>,
    /// The annotator's note, when the file gives one (a blank note reads as none).
    pub note: Option<String>,
    /// The annotator's doubt flag.
    pub unsure: bool,
}

impl Pending {
    /// A pending annotation with a manual status, imported from `tool`, and no attributes.
    pub fn new(
        at: impl Into<String>,
        id: impl Into<String>,
        label: Label,
        start: usize,
        end: usize,
        tool: &str,
    ) -> Self {
        Pending {
            at: at.into(),
            id: id.into(),
            label,
            start,
            end,
            quote: None,
            status: Status::Manual,
            provenance: Provenance::by(tool),
            attributes: None,
            note: None,
            unsure: false,
        }
    }

    /// Takes `id`, `status`, `provenance`, `attributes`, `note` and `unsure` from a Gloss
    /// extension object, where present; the message names what is wrong.
    pub fn apply_extras(&mut self, ext: &Map<String, Value>) -> Result<(), Error> {
        if let Some(v) = ext.get("id") {
            match v {
                Value::String(s) if !s.trim().is_empty() => self.id = s.clone(),
                _ => return Err(Error::format(format!("{}: the Gloss \"id\" is not a non-empty string", self.at))),
            }
        }
        if let Some(v) = ext.get("status") {
            self.status =
                serde_json::from_value(v.clone()).map_err(|e| Error::format(format!("{}: status: {e}", self.at)))?;
        }
        if let Some(v) = ext.get("provenance") {
            self.provenance = serde_json::from_value(v.clone())
                .map_err(|e| Error::format(format!("{}: provenance: {e}", self.at)))?;
        }
        if let Some(v) = ext.get("attributes") {
            if !v.is_object() {
                return Err(Error::format(format!("{}: \"attributes\" is not an object", self.at)));
            }
            self.attributes = Some(v.clone());
        }
        match ext.get("note") {
            None | Some(Value::Null) => {}
            Some(Value::String(n)) => self.note = Some(n.clone()),
            Some(_) => return Err(Error::format(format!("{}: the Gloss \"note\" is not a string", self.at))),
        }
        match ext.get("unsure") {
            None => {}
            Some(Value::Bool(b)) => self.unsure = *b,
            Some(_) => return Err(Error::format(format!("{}: the Gloss \"unsure\" is not true or false", self.at))),
        }
        Ok(())
    }

    /// Adds a note from the file to the one already read (several notes on one annotation
    /// are kept, one per line); blank notes add nothing.
    pub fn add_note(&mut self, note: &str) {
        if note.trim().is_empty() {
            return;
        }
        self.note = Some(match self.note.take() {
            Some(n) if !n.trim().is_empty() => format!("{n}\n{note}"),
            _ => note.to_string(),
        });
    }

    /// Sets one attribute (a claim's `source` or `cue` found as a relation).
    pub fn set_attribute(&mut self, key: &str, value: Value) {
        let quote = self.quote.clone().unwrap_or_default();
        let attrs = self.attributes.get_or_insert_with(|| default_attributes(self.label, &quote));
        if let Value::Object(m) = attrs {
            m.insert(key.to_string(), value);
        }
    }

    /// The checked annotation: bounds and quote against `doc`, attributes against the label.
    pub fn build(self, doc: &Document) -> Result<Annotation, Error> {
        let at = &self.at;
        let span = doc.span(self.start, self.end).map_err(|e| e.context(at))?;
        let actual = doc.slice(span).unwrap_or_default().to_string();
        if let Some(q) = &self.quote {
            if *q != actual {
                return Err(Error::mismatch(format!(
                    "{at}: the quote {q:?} differs from the text at {span} (code points), which reads {actual:?}{}",
                    unit_hint(doc, self.start, self.end, q)
                )));
            }
        }
        let attributes = match self.attributes {
            Some(mut a) => {
                // Imported attributes may lack what the model requires: fill from the quote.
                if let (Label::Actor, Value::Object(m)) = (self.label, &mut a) {
                    if m.get("canonical").and_then(Value::as_str).is_none_or(|c| c.trim().is_empty()) {
                        m.insert("canonical".into(), Value::String(actual.trim().to_string()));
                    }
                }
                a
            }
            None => default_attributes(self.label, &actual),
        };
        let w = json!({
            "id": self.id,
            "label": self.label,
            "start": span.start(),
            "end": span.end(),
            "quote": actual,
            "status": self.status,
            "provenance": self.provenance,
            "attributes": attributes,
            "note": self.note,
            "unsure": self.unsure,
        });
        serde_json::from_value(w).map_err(|e| Error::format(format!("{at}: {e}")))
    }
}

/// A hint for a quote mismatch: whether the offsets would fit if they counted UTF-16 units
/// or UTF-8 bytes, the usual mistakes of other tools.
fn unit_hint(doc: &Document, start: usize, end: usize, quote: &str) -> String {
    let ix = doc.index();
    let text = doc.text();
    if let (Some(a), Some(b)) = (ix.utf16_to_cp(start), ix.utf16_to_cp(end)) {
        if Span::new(a, b).ok().and_then(|s| doc.slice(s)) == Some(quote) && (a, b) != (start, end) {
            return " (these offsets fit the text as UTF-16 units: a JavaScript tool's offsets?)".to_string();
        }
    }
    if text.get(start..end) == Some(quote) && ix.byte_to_cp(start) != Some(start) {
        return " (these offsets fit the text as UTF-8 bytes)".to_string();
    }
    String::new()
}

/// Builds every pending annotation and checks the set (unique ids, references).
pub fn finish(doc: Document, pending: Vec<Pending>, meta: Option<Meta>) -> Result<GoldFile, Error> {
    let mut anns = Vec::with_capacity(pending.len());
    for p in pending {
        anns.push(p.build(&doc)?);
    }
    check_annotations(&doc, &anns).map_err(|e| e.context(format_args!("document {}", doc.id)))?;
    let mut f = GoldFile::new(doc, anns);
    if let Some(m) = meta {
        f.meta = m;
    }
    Ok(f)
}

/// The document header written where a format has room: `id`, `offset_unit`, `newlines`,
/// `sha256`, `dct`, and the gold file's meta (`guidelines`, `annotator`, `created`, `modified`).
pub fn doc_header(f: &GoldFile, unit: OffsetUnit) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), f.doc.id.clone().into());
    m.insert("offset_unit".into(), unit.as_str().into());
    m.insert("newlines".into(), "lf".into());
    m.insert("sha256".into(), f.doc.sha256().into());
    m.insert("dct".into(), f.doc.dct().map(|d| d.to_string()).into());
    if let Ok(Value::Object(meta)) = serde_json::to_value(&f.meta) {
        m.extend(meta);
    }
    m
}

/// A document from a text and the header [`doc_header`] wrote (or nothing): the id falls
/// back to `default_id`; a `sha256` that differs from the normalised text's is refused.
/// Gives the document, the header's offset unit and its meta.
pub fn doc_from_header(
    default_id: &str,
    raw_text: &str,
    header: Option<&Map<String, Value>>,
) -> Result<(Document, Option<OffsetUnit>, Option<Meta>), Error> {
    let empty = Map::new();
    let h = header.unwrap_or(&empty);
    let id = match h.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => default_id.to_string(),
    };
    let dct = match h.get("dct") {
        Some(Value::String(s)) => Some(parse_dct(s).map_err(|e| e.context("dct"))?),
        None | Some(Value::Null) => None,
        Some(_) => return Err(Error::format("\"dct\" is not a string")),
    };
    let unit = match h.get("offset_unit") {
        Some(Value::String(s)) => Some(
            OffsetUnit::parse(s)
                .ok_or_else(|| Error::format(format!("offset unit {s:?}: Gloss reads \"codepoint\" or \"utf16\"")))?,
        ),
        _ => None,
    };
    let doc = Document::new(id, raw_text, dct)?;
    if let Some(Value::String(sha)) = h.get("sha256") {
        check_sha(&doc, sha)?;
    }
    let meta = h.get("guidelines").and_then(Value::as_str).map(|g| Meta {
        guidelines: g.to_string(),
        annotator: h.get("annotator").and_then(Value::as_str).map(str::to_string),
        created: h.get("created").and_then(Value::as_str).map(str::to_string),
        modified: h.get("modified").and_then(Value::as_str).map(str::to_string),
        adjudication: h.get("adjudication").and_then(|v| serde_json::from_value(v.clone()).ok()),
        identities: h.get("identities").and_then(|v| serde_json::from_value(v.clone()).ok()),
    });
    Ok((doc, unit, meta))
}

/// Refuses a document whose normalised text's SHA-256 differs from `sha`.
pub fn check_sha(doc: &Document, sha: &str) -> Result<(), Error> {
    let sha = sha.trim().to_ascii_lowercase();
    if sha != doc.sha256() && sha != sha256_hex(doc.text()) {
        return Err(Error::mismatch(format!(
            "document {}: the text's SHA-256 is {}, but the file says {sha}: the text was changed after annotation",
            doc.id,
            doc.sha256()
        )));
    }
    Ok(())
}

/// Maps code-point offsets of a raw text to its normalised text (CRLF and lone CR -> LF:
/// a CRLF loses one code point); `None` when the raw text has no CR.
pub fn crlf_map(raw: &str) -> Option<Vec<usize>> {
    if !raw.contains('\r') {
        return None;
    }
    let chars: Vec<char> = raw.chars().collect();
    let mut map = Vec::with_capacity(chars.len() + 1);
    let mut out = 0;
    for (i, c) in chars.iter().enumerate() {
        map.push(out);
        if !(*c == '\r' && chars.get(i + 1) == Some(&'\n')) {
            out += 1;
        }
    }
    map.push(out);
    Some(map)
}

/// A raw offset through a [`crlf_map`]; unchanged without a map, and past the end left
/// past the end so that the bounds check names it.
pub fn map_offset(map: Option<&[usize]>, raw: usize) -> usize {
    match map {
        None => raw,
        Some(m) => m.get(raw).copied().unwrap_or(raw),
    }
}

/// The 1-based line and column (in characters) of byte `pos` of `text`.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let before = text.get(..pos).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Parses a JSON text with the line and column of a syntax error.
pub fn parse_json(text: &str, what: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text)
        .map_err(|e| Error::format(format!("{what}: not valid JSON at line {}, column {}: {e}", e.line(), e.column())))
}

/// The label a foreign file names: ACTOR, DATE, CLAIM (any case), and the usual named-entity
/// names of people and organisations (PER, PERSON, ORG, ORGANIZATION), which become ACTORs
/// of that kind, and TIMEX3 / TIMEX as DATE. `None` for anything else.
pub fn foreign_label(name: &str) -> Option<(Label, Option<&'static str>)> {
    if let Some(l) = Label::parse(name.trim()) {
        return Some((l, None));
    }
    match name.trim().to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some((Label::Actor, Some("person"))),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some((Label::Actor, Some("organization"))),
        "TIMEX3" | "TIMEX" => Some((Label::Date, None)),
        _ => None,
    }
}

/// A pending annotation for a foreign label name; an error naming the label when unknown.
pub fn pending_for(
    at: String,
    id: String,
    label_name: &str,
    start: usize,
    end: usize,
    tool: &str,
) -> Result<Pending, Error> {
    let (label, kind) = foreign_label(label_name).ok_or_else(|| {
        Error::format(format!(
            "{at}: unknown label {label_name:?}: Gloss knows ACTOR, DATE and CLAIM (and CUE for a claim's cue)"
        ))
    })?;
    let mut p = Pending::new(at, id, label, start, end, tool);
    if let Some(k) = kind {
        let mut a = default_attributes(label, "");
        if let Value::Object(m) = &mut a {
            m.insert("kind".into(), k.into());
            m.remove("canonical");
        }
        p.attributes = Some(a);
    }
    Ok(p)
}

/// A CUE span read from a file: its local id, code-point start and end, and the text the
/// file gives for it (empty when none).
pub type CueSpan = (String, usize, usize, String);

/// A relation read from a file: where it was read, its type and its two ends (local ids).
#[derive(Clone, Copy, Debug)]
pub struct Relation<'a> {
    pub at: &'a str,
    pub kind: &'a str,
    pub from: &'a str,
    pub to: &'a str,
}

/// Joins claims to their sources and cues given as relations: `from` a CLAIM (by local id)
/// `to` an ACTOR (`source`) or a CUE span (`cue`). `cues` maps local ids of CUE spans to
/// their code-point spans. Each error names `at`.
pub fn attach(
    pending: &mut [Pending],
    local_ids: &[String],
    cues: &[CueSpan],
    rel: Relation<'_>,
    doc: &Document,
) -> Result<(), Error> {
    let Relation { at, kind, from, to } = rel;
    let find = |id: &str| local_ids.iter().position(|x| x == id);
    let Some(fi) = find(from) else {
        if cues.iter().any(|c| c.0 == from) {
            return Err(Error::format(format!(
                "{at}: a {kind} relation starts at the cue {from}; it starts at a CLAIM"
            )));
        }
        return Err(Error::format(format!("{at}: the {kind} relation starts at {from}, which is not in the file")));
    };
    if pending[fi].label != Label::Claim {
        return Err(Error::format(format!(
            "{at}: the {kind} relation starts at {from}, a {}; it starts at a CLAIM",
            pending[fi].label
        )));
    }
    match kind.to_ascii_lowercase().as_str() {
        "source" => {
            let Some(ti) = find(to) else {
                return Err(Error::format(format!("{at}: the source relation ends at {to}, which is not in the file")));
            };
            if pending[ti].label != Label::Actor {
                return Err(Error::format(format!(
                    "{at}: the source relation ends at {to}, a {}; a claim's source is an ACTOR",
                    pending[ti].label
                )));
            }
            let target = pending[ti].id.clone();
            pending[fi].set_attribute("source", Value::String(target));
        }
        "cue" => {
            let Some((_, s, e, _)) = cues.iter().find(|c| c.0 == to) else {
                return Err(Error::format(format!("{at}: the cue relation ends at {to}, which is not a CUE span")));
            };
            let span = doc.span(*s, *e).map_err(|e| e.context(at))?;
            let text = doc.slice(span).unwrap_or_default();
            let said = &cues.iter().find(|c| c.0 == to).map(|c| c.3.as_str()).unwrap_or_default();
            if !said.is_empty() && *said != text {
                return Err(Error::mismatch(format!(
                    "{at}: the cue {to} quotes {said:?}, but the text at {span} reads {text:?}"
                )));
            }
            pending[fi].set_attribute("cue", json!({"start": span.start(), "end": span.end(), "text": text}));
        }
        other => {
            return Err(Error::format(format!("{at}: unknown relation {other:?}: Gloss knows \"source\" and \"cue\"")))
        }
    }
    Ok(())
}

/// A claim's cue span and text, when it has one.
pub fn cue_of(a: &Annotation) -> Option<(Span, &str)> {
    a.claim().and_then(|c| c.cue.as_ref()).map(|c| (c.span, c.text.as_str()))
}

/// A claim's source id, when it has one.
pub fn source_of(a: &Annotation) -> Option<&str> {
    a.claim().and_then(|c| c.source.as_deref())
}

/// XML escaping of text and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Offsets of a raw text as a file gives it (perhaps with CRLF), in some unit, turned into
/// code points of the normalised text.
pub struct RawOffsets {
    index: crate::model::TextIndex,
    map: Option<Vec<usize>>,
    unit: OffsetUnit,
}

impl RawOffsets {
    /// Offsets in `unit` of `raw`.
    pub fn new(raw: &str, unit: OffsetUnit) -> RawOffsets {
        RawOffsets { index: crate::model::TextIndex::new(raw), map: crlf_map(raw), unit }
    }
    /// The normalised code point of a raw offset; an error past the end or inside a character.
    pub fn to_cp(&self, offset: usize) -> Result<usize, Error> {
        let cp = match self.unit {
            OffsetUnit::CodePoint => offset,
            OffsetUnit::Utf16 => self.index.utf16_to_cp(offset).ok_or_else(|| {
                if offset > self.index.utf16_len() {
                    Error::span(format!(
                        "offset {offset} is past the end of the text ({} UTF-16 units)",
                        self.index.utf16_len()
                    ))
                } else {
                    Error::span(format!("UTF-16 offset {offset} falls inside a character (between a surrogate pair)"))
                }
            })?,
        };
        if cp > self.index.cp_len() {
            return Err(Error::span(format!(
                "offset {offset} is past the end of the text ({} code points)",
                self.index.cp_len()
            )));
        }
        Ok(map_offset(self.map.as_deref(), cp))
    }
}

/// One JSON Lines line as an object; a syntax error names its column.
pub fn json_object(line: &str) -> Result<Map<String, Value>, Error> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(Error::format("not a JSON object")),
        Err(e) => Err(Error::format(format!("column {}: not valid JSON: {e}", e.column()))),
    }
}
