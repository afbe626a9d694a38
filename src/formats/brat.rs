//! brat standoff: per document a `.txt` (the text) and a `.ann` (T, R, A, N and
//! AnnotatorNotes lines), and one `annotation.conf` for the collection.
//!
//! Owns: the mapping (docs/FORMATS.md): `T` lines for ACTOR, DATE, CLAIM and CUE spans (a
//! span across line breaks is written as brat does, as fragments `a b;c d` between the
//! newlines, and read back as the cover of its fragments); `R` lines `source` (claim ->
//! ACTOR) and `cue` (claim -> CUE); `A` lines for the enumerated attributes (Kind, Mention,
//! Type, Stance) and the review Status; an `N` line `Reference Tn TIMEX3:<value>` for a
//! date's value; the annotator's note as brat's own `AnnotatorNotes` line (escaped into one
//! line: [`escape_note`]) and the unsure flag as the binary attribute `Unsure`; an
//! `AnnotatorNotes` line `gloss {json}` for the rest (Gloss id, provenance with its
//! adjudication record, canonical name, role, mod, anchor, target...). People's notes in
//! brat's own files are read as notes, those on a claim's relations or cue span given to the
//! claim. Offsets are code points of the
//! `.txt` (brat is Python: `str` indexes). `annotation.conf` declares the types and, in
//! `# gloss-document {json}` comment lines, each document's id, offset unit, SHA-256 and
//! DCT, and in a `# gloss-notes-escaped` line that the notes are escaped. A `.txt` with CRLF (brat counts the CR) is read with its offsets mapped onto the
//! LF-normalised text. It must not: do I/O; the CLI reads and writes the directory, the
//! page a zip.

use super::common::{
    attach, cue_of, doc_from_header, doc_header, extras, finish, foreign_label, source_of, OffsetUnit, Pending,
    RawOffsets, Relation,
};
use super::gold::GoldFile;
use crate::model::{ActorKind, Error, Label, Stance, Status, TimexType};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The tool name recorded as provenance of annotations read without a Gloss extension.
pub const TOOL: &str = "brat";
/// The name of the configuration file.
pub const CONF: &str = "annotation.conf";

/// brat attribute names and the Gloss attribute keys they hold, with their values.
fn enumerations() -> Vec<(&'static str, &'static str, Label, Vec<&'static str>)> {
    vec![
        ("Kind", "kind", Label::Actor, ActorKind::ALL.iter().map(|k| k.as_str()).collect()),
        ("Mention", "mention", Label::Actor, vec!["name", "nominal"]),
        ("Type", "type", Label::Date, TimexType::ALL.iter().map(|k| k.as_str()).collect()),
        ("Stance", "stance", Label::Claim, Stance::ALL.iter().map(|k| k.as_str()).collect()),
    ]
}

fn conf(headers: &[String]) -> String {
    let mut s = String::new();
    s.push_str(&format!("# brat configuration written by {}.\n", crate::EXTRACTOR_NAME));
    s.push_str("# Offsets in the .ann files count Unicode code points of the .txt files (Python str indexes);\n");
    s.push_str("# the .txt files hold the texts as annotated, with LF newlines. One line per document follows.\n");
    s.push_str(NOTES_ESCAPED);
    s.push('\n');
    for h in headers {
        s.push_str(&format!("# gloss-document {h}\n"));
    }
    s.push_str(
        "[entities]\nACTOR\nDATE\nCLAIM\nCUE\n[relations]\nsource\tArg1:CLAIM, Arg2:ACTOR\ncue\tArg1:CLAIM, Arg2:CUE\n",
    );
    s.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n[events]\n[attributes]\n");
    for (name, _, label, values) in enumerations() {
        s.push_str(&format!("{name}\tArg:{label}, Value:{}\n", values.join("|")));
    }
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    s.push_str(&format!("Status\tArg:<ENTITY>, Value:{}\n", statuses.join("|")));
    s.push_str(&format!("{UNSURE}\tArg:<ENTITY>\n"));
    s
}

/// The binary attribute (a flag, declared without values) that marks an annotation unsure.
pub const UNSURE: &str = "Unsure";

/// The `annotation.conf` comment that says the collection's AnnotatorNotes are escaped; a
/// collection without it (brat's own) has its notes read as they are.
pub const NOTES_ESCAPED: &str = "# gloss-notes-escaped: in AnnotatorNotes, \\\\ stands for a backslash, \\t for a tab, \\n for a newline, \\r for a carriage return, \\uXXXX for U+000B, U+000C, U+001C-U+001E, U+0085, U+2028 and U+2029, and \\s for the space of a note starting \"gloss \".";

/// A note as one brat line: a backslash, tab, newline and carriage return become `\\`,
/// `\t`, `\n` and `\r` (brat notes are one line, after a tab), and the other characters
/// Python splits lines at (U+000B, U+000C, U+001C-U+001E, U+0085, U+2028, U+2029) `\uXXXX`;
/// a note that starts with `gloss ` (what marks Gloss's own extension line) has that space
/// written `\s`.
/// [`unescape_note`] reverses it exactly.
pub fn escape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            // What Python's str.splitlines also breaks lines at (brat reads .ann files so).
            '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            _ => out.push(c),
        }
    }
    match out.strip_prefix("gloss ") {
        Some(rest) => format!("gloss\\s{rest}"),
        None => out,
    }
}

/// The note [`escape_note`] wrote; a backslash before any other character is kept as it is.
pub fn unescape_note(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'u') {
            let hex: String = chars.clone().skip(1).take(4).collect();
            let is_hex = hex.len() == 4 && hex.bytes().all(|b| b.is_ascii_hexdigit());
            if let Some(u) = is_hex.then(|| u32::from_str_radix(&hex, 16).ok()).flatten() {
                if let Some(ch) = char::from_u32(u) {
                    out.push(ch);
                    chars.nth(4);
                    continue;
                }
            }
        }
        match chars.peek().copied() {
            Some(e @ ('\\' | 't' | 'n' | 'r' | 's')) => {
                chars.next();
                out.push(match e {
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    's' => ' ',
                    _ => '\\',
                });
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// The fragments of a span split at newlines, as brat writes spans across lines.
fn fragments(f: &GoldFile, start: usize, end: usize) -> (String, String) {
    let text: Vec<char> = f.doc.text().chars().skip(start).take(end - start).collect();
    let mut offs = Vec::new();
    let mut texts = Vec::new();
    let mut a = start;
    for (i, c) in text.iter().enumerate() {
        if *c == '\n' {
            offs.push(format!("{a} {}", start + i));
            texts.push(text[a - start..i].iter().collect::<String>());
            a = start + i + 1;
        }
    }
    offs.push(format!("{a} {end}"));
    texts.push(text[a - start..].iter().collect::<String>());
    (offs.join(";"), texts.join(" "))
}

fn ann(f: &GoldFile) -> String {
    let mut out = String::new();
    let (mut t, mut r, mut an, mut nn, mut notes) = (0, 0, 0, 0, 0);
    let mut tid: BTreeMap<&str, String> = BTreeMap::new();
    let enums = enumerations();
    for a in &f.annotations {
        t += 1;
        tid.insert(a.id.as_str(), format!("T{t}"));
    }
    for a in &f.annotations {
        let me = tid[a.id.as_str()].clone();
        let (offs, text) = fragments(f, a.span.start(), a.span.end());
        out.push_str(&format!("{me}\t{} {offs}\t{text}\n", a.label()));
        let mut ex = extras(a, &["source", "cue"]);
        let attrs = ex.get_mut("attributes").and_then(Value::as_object_mut).map(std::mem::take).unwrap_or_default();
        let mut rest = Map::new();
        for (k, v) in attrs {
            let en = enums.iter().find(|e| e.1 == k && e.2 == a.label());
            match (en, &v) {
                (Some((name, ..)), Value::String(s)) => {
                    an += 1;
                    out.push_str(&format!("A{an}\t{name} {me} {s}\n"));
                }
                _ if a.label() == Label::Date
                    && k == "value"
                    && v.as_str().is_some_and(|s| !s.is_empty() && !s.contains(char::is_whitespace)) =>
                {
                    nn += 1;
                    let s = v.as_str().unwrap_or_default();
                    out.push_str(&format!("N{nn}\tReference {me} TIMEX3:{s}\t{s}\n"));
                }
                _ => {
                    rest.insert(k, v);
                }
            }
        }
        an += 1;
        out.push_str(&format!("A{an}\tStatus {me} {}\n", a.status.as_str()));
        if a.unsure {
            an += 1;
            out.push_str(&format!("A{an}\t{UNSURE} {me}\n"));
        }
        // The person's note first: brat edits the first AnnotatorNotes of a span.
        if let Some(n) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
            notes += 1;
            out.push_str(&format!("#{notes}\tAnnotatorNotes {me}\t{}\n", escape_note(n)));
        }
        for k in ["status", "note", "unsure"] {
            ex.remove(k);
        }
        ex.insert("attributes".into(), Value::Object(rest));
        notes += 1;
        out.push_str(&format!("#{notes}\tAnnotatorNotes {me}\tgloss {}\n", Value::Object(ex)));
        if let Some(src) = source_of(a).and_then(|s| tid.get(s)) {
            r += 1;
            out.push_str(&format!("R{r}\tsource Arg1:{me} Arg2:{src}\n"));
        }
        if let Some((span, _)) = cue_of(a) {
            t += 1;
            let (offs, text) = fragments(f, span.start(), span.end());
            out.push_str(&format!("T{t}\tCUE {offs}\t{text}\n"));
            r += 1;
            out.push_str(&format!("R{r}\tcue Arg1:{me} Arg2:T{t}\n"));
        }
    }
    out
}

/// Writes `<id>.txt` and `<id>.ann` per document, and `annotation.conf`.
pub fn write(files: &[GoldFile]) -> Result<Vec<(String, String)>, Error> {
    let stems = super::unique_names(files, "txt")?;
    let mut out = Vec::new();
    let mut headers = Vec::new();
    for (f, name) in files.iter().zip(&stems) {
        let stem = name.strip_suffix(".txt").unwrap_or(name);
        if stem == "annotation" {
            return Err(Error::format("a document's id \"annotation\" would clash with annotation.conf: rename it"));
        }
        let mut h = doc_header(f, OffsetUnit::CodePoint);
        h.insert("file".into(), stem.into());
        headers.push(Value::Object(h).to_string());
        out.push((format!("{stem}.txt"), f.doc.text().to_string()));
        out.push((format!("{stem}.ann"), ann(f)));
    }
    out.push((CONF.to_string(), conf(&headers)));
    Ok(out)
}

/// Reads a brat collection from its files (names may carry directories; only the base name
/// counts). Every `.ann` needs its `.txt`; a `.txt` without `.ann` is a document without
/// annotations; `annotation.conf`, when given, supplies ids, SHA-256 and DCT.
pub fn read(files: &[(String, String)]) -> Result<Vec<GoldFile>, Error> {
    let base = |n: &str| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string();
    let mut headers: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let mut escaped = false;
    if let Some((_, c)) = files.iter().find(|(n, _)| base(n) == CONF) {
        escaped = c.lines().any(|l| l.starts_with(NOTES_ESCAPED.split(':').next().unwrap_or("#")));
        for (i, line) in c.lines().enumerate() {
            if let Some(j) = line.strip_prefix("# gloss-document ") {
                let h: Map<String, Value> =
                    serde_json::from_str(j).map_err(|e| Error::format(format!("{CONF}: line {}: {e}", i + 1)))?;
                let stem = h.get("file").and_then(Value::as_str).unwrap_or("").to_string();
                headers.insert(stem, h);
            }
        }
    }
    let mut texts: BTreeMap<String, &str> = BTreeMap::new();
    let mut anns: BTreeMap<String, (&str, String)> = BTreeMap::new();
    for (name, content) in files {
        let b = base(name);
        if let Some(stem) = b.strip_suffix(".txt") {
            texts.insert(stem.to_string(), content);
        } else if let Some(stem) = b.strip_suffix(".ann") {
            anns.insert(stem.to_string(), (content, name.clone()));
        }
    }
    if texts.is_empty() && anns.is_empty() {
        return Err(Error::format("no .txt or .ann file: a brat collection holds <name>.txt and <name>.ann pairs"));
    }
    let mut out = Vec::new();
    for (stem, (_, name)) in &anns {
        if !texts.contains_key(stem) {
            return Err(Error::format(format!("{name}: its text {stem}.txt is missing")));
        }
    }
    for (stem, text) in &texts {
        let (doc, _, meta) =
            doc_from_header(stem, text, headers.get(stem)).map_err(|e| e.context(format_args!("{stem}.txt")))?;
        let f = match anns.get(stem) {
            Some((a, name)) => read_ann(doc, meta, text, a, escaped).map_err(|e| e.context(name))?,
            None => finish(doc, Vec::new(), meta)?,
        };
        out.push(f);
    }
    Ok(out)
}

/// What the lines of an .ann file say, gathered before they are put together (a line may
/// refer to a span read later).
#[derive(Default)]
struct AnnLines {
    pending: Vec<Pending>,
    /// The local id of each of `pending`, in order.
    local: Vec<String>,
    cues: Vec<super::common::CueSpan>,
    /// Relations: (where, type, from, to).
    relations: Vec<(String, String, String, String)>,
    /// Attributes: (where, name, target id, value).
    attributes: Vec<(String, String, String, Option<String>)>,
    /// Gloss's own notes: where, target id, JSON.
    notes: Vec<(String, String, String)>,
    /// People's notes: where, target id, note.
    human: Vec<(String, String, String)>,
    /// Relation ids: (id, type, from, to), for notes on relations.
    rel_ids: Vec<(String, String, String, String)>,
    /// TIMEX3 values: where, target id, value.
    values: Vec<(String, String, String)>,
}

/// A text-bound line (`T1<TAB>TYPE start end[;start end]<TAB>words`), checked against the text.
struct TextBound<'a> {
    at: &'a str,
    id: &'a str,
    body: &'a str,
    ty: &'a str,
    tail: Option<&'a str>,
}

impl AnnLines {
    fn text_bound(&mut self, l: TextBound, raw_chars: &[char], offsets: &RawOffsets) -> Result<(), Error> {
        let TextBound { at, id, body, ty, tail } = l;
        let spec = body.trim_start().strip_prefix(ty).unwrap_or("").trim();
        let mut frags = Vec::new();
        for frag in spec.split(';') {
            let nums: Vec<&str> = frag.split_whitespace().collect();
            let [a, b] = nums.as_slice() else {
                return Err(Error::format(format!("{at} ({id}): the offsets {spec:?} are not \"start end\"")));
            };
            let parse = |x: &str| {
                x.parse::<usize>()
                    .map_err(|_| Error::format(format!("{at} ({id}): the offset {x:?} is not a whole number")))
            };
            let (a, b) = (parse(a)?, parse(b)?);
            if a > b || b > raw_chars.len() {
                return Err(Error::span(format!(
                    "{at} ({id}): the fragment {a} {b} is out of order or past the end of the text ({} code points)",
                    raw_chars.len()
                )));
            }
            frags.push((a, b));
        }
        let said = tail.unwrap_or("");
        let actual: Vec<String> = frags.iter().map(|(a, b)| raw_chars[*a..*b].iter().collect()).collect();
        if said != actual.join(" ") {
            return Err(Error::mismatch(format!(
                "{at} ({id}): the text {said:?} differs from the .txt at {spec}, which reads {:?}",
                actual.join(" ")
            )));
        }
        let s = offsets.to_cp(frags.iter().map(|f| f.0).min().unwrap_or(0)).map_err(|e| e.context(at))?;
        let e = offsets.to_cp(frags.iter().map(|f| f.1).max().unwrap_or(0)).map_err(|e| e.context(at))?;
        if ty.eq_ignore_ascii_case("CUE") {
            self.cues.push((id.to_string(), s, e, String::new()));
        } else {
            if foreign_label(ty).is_none() {
                return Err(Error::format(format!(
                    "{at} ({id}): unknown type {ty:?}: Gloss knows ACTOR, DATE, CLAIM and CUE"
                )));
            }
            self.pending.push(super::common::pending_for(format!("{at} ({id})"), id.to_string(), ty, s, e, TOOL)?);
            self.local.push(id.to_string());
        }
        Ok(())
    }
}

fn read_ann(
    doc: crate::model::Document,
    meta: Option<super::gold::Meta>,
    raw: &str,
    ann: &str,
    escaped: bool,
) -> Result<GoldFile, Error> {
    let lines = ann_lines(raw, ann, escaped)?;
    assemble(doc, meta, lines)
}

/// Reads every line of an .ann file; the first problem is the error, with its line.
fn ann_lines(raw: &str, ann: &str, escaped: bool) -> Result<AnnLines, Error> {
    let offsets = RawOffsets::new(raw, OffsetUnit::CodePoint);
    let raw_chars: Vec<char> = raw.chars().collect();
    let mut l = AnnLines::default();
    let ann = ann.strip_prefix('\u{feff}').unwrap_or(ann);
    for (i, line) in ann.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let at = format!("line {}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().ok_or_else(|| Error::format(format!("{at}: no tab after the id {id:?}")))?;
        let tail = cols.next();
        let words: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
        match id.chars().next() {
            Some('T') => {
                let ty = words.first().copied().unwrap_or("");
                l.text_bound(TextBound { at: &at, id, body, ty, tail }, &raw_chars, &offsets)?;
            }
            Some('R') => {
                let (Some(kind), Some(a1), Some(a2)) = (words.first(), words.get(1), words.get(2)) else {
                    return Err(Error::format(format!("{at} ({id}): a relation reads \"type Arg1:T1 Arg2:T2\"")));
                };
                let arg = |w: &str| w.split_once(':').map(|x| x.1.to_string()).unwrap_or_default();
                l.relations.push((format!("{at} ({id})"), kind.to_string(), arg(a1), arg(a2)));
                l.rel_ids.push((id.to_string(), kind.to_string(), arg(a1), arg(a2)));
            }
            Some('A') | Some('M') => {
                let (Some(name), Some(target)) = (words.first(), words.get(1)) else {
                    return Err(Error::format(format!("{at} ({id}): an attribute reads \"Name T1 value\"")));
                };
                l.attributes.push((
                    format!("{at} ({id})"),
                    name.to_string(),
                    target.to_string(),
                    words.get(2).map(|s| s.to_string()),
                ));
            }
            Some('N') => {
                let (Some(target), Some(r)) = (words.get(1), words.get(2)) else {
                    return Err(Error::format(format!("{at} ({id}): a normalization reads \"Reference T1 DB:ID\"")));
                };
                if let Some(v) = r.strip_prefix("TIMEX3:") {
                    l.values.push((format!("{at} ({id})"), target.to_string(), v.to_string()));
                }
            }
            Some('#') => {
                // Only AnnotatorNotes are notes; other comment types (brat's own checks) are skipped.
                if let (Some(&"AnnotatorNotes"), Some(target), Some(note)) = (words.first(), words.get(1), tail) {
                    let at = format!("{at} ({id})");
                    match note.strip_prefix("gloss ").filter(|j| j.starts_with('{')) {
                        Some(j) => l.notes.push((at, target.to_string(), j.to_string())),
                        None if escaped => l.human.push((at, target.to_string(), unescape_note(note))),
                        None => l.human.push((at, target.to_string(), note.to_string())),
                    }
                }
            }
            _ => {
                return Err(Error::format(format!(
                "{at}: {id:?} is not a T, R, A, N or # annotation (events and equivalences are not Gloss annotations)"
            )))
            }
        }
    }
    Ok(l)
}

/// Puts the lines together: notes, attributes, values and relations onto their spans.
fn assemble(doc: crate::model::Document, meta: Option<super::gold::Meta>, l: AnnLines) -> Result<GoldFile, Error> {
    let AnnLines { mut pending, local, cues, relations, attributes, notes, human, rel_ids, values } = l;
    let find = |pending: &[Pending], t: &str, at: &str| -> Result<usize, Error> {
        local.iter().position(|x| x == t).filter(|i| *i < pending.len()).ok_or_else(|| {
            Error::format(format!("{at}: it refers to {t}, which is not an ACTOR, DATE or CLAIM span of this file"))
        })
    };
    for (at, target, json) in notes {
        let i = find(&pending, &target, &at)?;
        let ex: Map<String, Value> =
            serde_json::from_str(&json).map_err(|e| Error::format(format!("{at}: the gloss note is not JSON: {e}")))?;
        pending[i].at = format!("{} ({})", pending[i].at, at);
        pending[i].apply_extras(&ex)?;
    }
    for (at, target, note) in human {
        let (owner, prefix) = note_owner(&target, &local, &cues, &rel_ids);
        let i = find(&pending, owner, &at)?;
        pending[i].add_note(&format!("{prefix}{note}"));
    }
    let enums = enumerations();
    for (at, name, target, value) in attributes {
        let i = find(&pending, &target, &at)?;
        if name == UNSURE {
            if let Some(v) = value {
                return Err(Error::format(format!("{at}: {UNSURE} is a flag without a value, not {v:?}")));
            }
            pending[i].unsure = true;
            continue;
        }
        let value = value.ok_or_else(|| Error::format(format!("{at}: the attribute {name} has no value")))?;
        if name == "Status" {
            pending[i].status = serde_json::from_value(Value::String(value.clone()))
                .map_err(|_| Error::format(format!("{at}: {value:?} is not a status")))?;
            continue;
        }
        let Some((_, key, label, allowed)) = enums.iter().find(|e| e.0 == name) else {
            return Err(Error::format(format!("{at}: unknown attribute {name:?}")));
        };
        if *label != pending[i].label || !allowed.contains(&value.as_str()) {
            return Err(Error::format(format!(
                "{at}: {name} {value:?} does not fit a {} (values: {})",
                pending[i].label,
                allowed.join(", ")
            )));
        }
        pending[i].set_attribute(key, Value::String(value));
    }
    for (at, target, value) in values {
        let i = find(&pending, &target, &at)?;
        if pending[i].label == Label::Date {
            pending[i].set_attribute("value", Value::String(value));
        }
    }
    for (at, kind, from, to) in relations {
        attach(&mut pending, &local, &cues, Relation { at: &at, kind: &kind, from: &from, to: &to }, &doc)?;
    }
    finish(doc, pending, meta)
}

/// The annotation a note on `target` belongs to, and the words put before the note: a note
/// on a span is its own; a note on a claim's cue span or on one of its relations (brat lets
/// people comment on both) goes to the claim, saying where it was. Anything else is left as
/// it is, for the caller to refuse by name.
fn note_owner<'a>(
    target: &'a str,
    local: &[String],
    cues: &[super::common::CueSpan],
    relations: &'a [(String, String, String, String)],
) -> (&'a str, String) {
    if local.iter().any(|x| x == target) {
        return (target, String::new());
    }
    if cues.iter().any(|c| c.0 == target) {
        if let Some(r) = relations.iter().find(|r| r.3 == target) {
            return (r.2.as_str(), format!("(on its cue {target}) "));
        }
    }
    match relations.iter().find(|r| r.0 == target) {
        Some(r) => (r.2.as_str(), format!("(on its {} relation {target}) ", r.1)),
        None => (target, String::new()),
    }
}
