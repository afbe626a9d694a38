//! Reader of the development corpora (`shared/data/dev/*.jsonl`, one document per line:
//! `{"id", "dataset", "text", "dct", "spans": [{"start", "end", "label", "type", "value", ...}]}`)
//! into a [`GoldFile`] per line, so that they can be scored against and converted.
//!
//! Owns: the mapping of each corpus' labels onto the guidelines' labels, and the facts of
//! what each corpus annotates ([`Annotated`]). It must not: do I/O or score. The mapping:
//! - `ACTOR` with type `PER` / `ORG` -> ACTOR of kind person / organization. `syntactic_type`
//!   `NAM` or `PRE.NAM` -> mention name; absent (CoNLL-style corpora tag names only) -> name;
//!   `PRO`, or a null type on a pronoun, -> dropped (the guidelines annotate no pronouns);
//!   any other -> nominal. `canonical` is the name in `external_ref` when there is one, else
//!   the quote; it is not the guidelines' canonical scheme, so [`Annotated::canonical`] is false.
//! - `DATE` with a `type` and a `value` -> DATE with that TIMEX3 type, value and `mod`.
//! - PolNeAR `SOURCE` / `CUE` / `CLAIM` (content), grouped by `attr_ids`: each attribution
//!   with a content becomes a CLAIM over the content (the fragments of a discontinuous span,
//!   which share a `tid`, are covered by one span from the first to the last), its cue the
//!   cue's cover, its source an ACTOR made from the SOURCE span (rule `source`; PolNeAR does
//!   not type sources, so they are person / nominal and ACTOR is not scored on PolNeAR).
//! - `LOCATION` spans are kept apart in [`CorpusDoc::places`]: these corpora tag a country
//!   or capital as a place even where it acts, so a scorer can report predicted state actors
//!   against them instead of counting them as false.
//! - Every other label (OTHER_ENTITY, REPORTING_EVENT, SPEECH_COG_*) is skipped.
//! - A DATE value or mod that breaks the TIMEX3 grammar is kept as the corpus has it and
//!   listed in [`CorpusDoc::invalid_values`]: a corpus is not refused for its own values.
//!   Annotations are `manual`, with the dataset as provenance.

use super::gold::GoldFile;
use super::jsonl::{lines, parse_object};
use crate::model::{
    parse_dct, ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, DateAttrs, Document, Error, Label, Mention,
    Provenance, Span, Status, TimexType,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a corpus annotates, so that a scorer does not count as false what it never marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotated {
    /// The labels the corpus annotates exhaustively.
    pub labels: Vec<Label>,
    /// The actor kinds the corpus annotates as actors (empty: all of them).
    pub actor_kinds: Vec<ActorKind>,
    /// True when its actors carry canonical names of the guidelines' kind.
    pub canonical: bool,
}

/// One corpus line as a gold file, with its dataset and what the dataset annotates.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusDoc {
    pub file: GoldFile,
    pub dataset: String,
    pub annotated: Annotated,
    /// The corpus' LOCATION spans, in text order.
    pub places: Vec<Span>,
    /// Spans that were not mapped (other labels, pronouns, dates without a value).
    pub skipped: usize,
    /// One message per DATE whose TIMEX3 value or mod breaks the grammar
    /// ([`crate::model::value_problem`]). The corpora's own annotations are kept as they are,
    /// not refused: they are what a score is measured against.
    pub invalid_values: Vec<String>,
}

#[derive(Deserialize)]
struct RawLine {
    id: serde_json::Value,
    #[serde(default)]
    dataset: Option<String>,
    text: String,
    #[serde(default)]
    dct: Option<String>,
    spans: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
    label: String,
    #[serde(rename = "type", default)]
    ty: Option<String>,
    #[serde(default)]
    value: Option<serde_json::Value>,
    #[serde(rename = "mod", default)]
    modifier: Option<String>,
    #[serde(default)]
    tid: Option<String>,
    #[serde(default)]
    attr_ids: Vec<String>,
    #[serde(default)]
    external_ref: Option<String>,
    /// Kept apart from the other fields: absent and null mean different things.
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// Pronouns, which the guidelines never annotate: a closed grammatical class, used only
/// to drop MEANTIME mentions whose `syntactic_type` is null.
const PRONOUNS: &str = include_str!("../../data/corpus/pronouns.txt");

fn is_pronoun(word: &str) -> bool {
    let word = word.trim().to_lowercase();
    PRONOUNS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).any(|p| p == word)
}

/// What a dataset annotates, from its name (`polnear/dev`, `tbaq_cleaned/timebank`...);
/// for an unknown dataset, the labels present in `found`.
pub fn annotated_by(dataset: &str, found: &[Label]) -> Annotated {
    let d = dataset.to_ascii_lowercase();
    let people_orgs = vec![ActorKind::Person, ActorKind::Organization];
    let (labels, actor_kinds) = if d.contains("polnear") {
        (vec![Label::Claim], Vec::new())
    } else if d.contains("tbaq") || d.contains("timebank") || d.contains("aquaint") || d.contains("tempeval") {
        (vec![Label::Date], Vec::new())
    } else if d.contains("meantime") {
        (vec![Label::Actor, Label::Date], people_orgs)
    } else if d.contains("wikigold") || d.contains("conll") {
        (vec![Label::Actor], people_orgs)
    } else {
        let mut labels: Vec<Label> = Label::ALL.into_iter().filter(|l| found.contains(l)).collect();
        labels.dedup();
        (labels, people_orgs)
    };
    Annotated { labels, actor_kinds, canonical: false }
}

/// Reads every line of a corpus file; errors name the line.
pub fn read(input: &str) -> Result<Vec<(usize, CorpusDoc)>, Error> {
    let mut out = Vec::new();
    for (n, line) in lines(input) {
        out.push((n, read_line(n, line)?));
    }
    Ok(out)
}

/// Reads one corpus line (`n` is its line number, for messages).
pub fn read_line(n: usize, line: &str) -> Result<CorpusDoc, Error> {
    // A syntax error is reported with its column by `parse_object`.
    parse_object(n, line)?;
    let raw: RawLine =
        serde_json::from_str(line).map_err(|e| Error::format(format!("line {n}: not a corpus line: {e}")))?;
    let id = match &raw.id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(x) => x.to_string(),
        _ => return Err(Error::format(format!("line {n}: \"id\" is neither a string nor a number"))),
    };
    let ctx = |e: Error| e.context(format_args!("line {n} ({id})"));
    let dct = raw.dct.as_deref().map(parse_dct).transpose().map_err(|e| ctx(e.context("dct")))?;
    let doc = Document::new(id.clone(), &raw.text, dct).map_err(ctx)?;
    let map = super::common::crlf_map(&raw.text);
    let dataset = raw.dataset.clone().unwrap_or_else(|| "corpus".to_string());
    let mut b = Builder { doc: &doc, dataset: &dataset, anns: Vec::new(), counts: [0; 3] };
    let mut skipped = 0;
    let mut places = Vec::new();
    // PolNeAR spans by tid (fragments share one), and the tids of each attribution.
    let mut by_tid: BTreeMap<String, (Span, String)> = BTreeMap::new();
    let mut attributions: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (i, s) in raw.spans.iter().enumerate() {
        let span = map_span(&doc, map.as_deref(), s.start, s.end)
            .map_err(|e| ctx(e.context(format_args!("span {} ({} {}..{})", i + 1, s.label, s.start, s.end))))?;
        match s.label.as_str() {
            "ACTOR" => match actor_attrs(&doc, s, span) {
                Some(attrs) if !span.is_empty() => {
                    b.push(span, Attrs::Actor(attrs), None);
                }
                _ => skipped += 1,
            },
            "DATE" => {
                let value = match &s.value {
                    Some(serde_json::Value::String(v)) if !v.trim().is_empty() => v.clone(),
                    _ => {
                        skipped += 1;
                        continue;
                    }
                };
                let Some(timex_type) = s.ty.as_deref().and_then(TimexType::parse) else {
                    skipped += 1;
                    continue;
                };
                let modifier = s.modifier.clone().filter(|m| !m.is_empty());
                b.push(span, Attrs::Date(DateAttrs { timex_type, value, modifier, anchor: None }), None);
            }
            "SOURCE" | "CUE" | "CLAIM" if s.tid.is_some() => {
                let tid = s.tid.clone().unwrap_or_default();
                let entry = by_tid.entry(tid.clone()).or_insert((span, s.label.clone()));
                entry.0 = cover(entry.0, span);
                for e in &s.attr_ids {
                    let pos = match attributions.iter().position(|(x, _)| x == e) {
                        Some(p) => p,
                        None => {
                            attributions.push((e.clone(), Vec::new()));
                            attributions.len() - 1
                        }
                    };
                    let parts = &mut attributions[pos].1;
                    if !parts.iter().any(|(t, _)| *t == tid) {
                        parts.push((tid.clone(), s.label.clone()));
                    }
                }
            }
            "LOCATION" if !span.is_empty() => places.push(span),
            _ => skipped += 1,
        }
    }
    // Attributions: sources become actors (one per SOURCE tid), contents claims.
    let mut source_ids: BTreeMap<String, String> = BTreeMap::new();
    for (_, parts) in &attributions {
        let spans_of = |label: &str| -> Option<Span> {
            parts.iter().filter(|(_, l)| l == label).filter_map(|(t, _)| by_tid.get(t).map(|x| x.0)).reduce(cover)
        };
        let Some(content) = spans_of("CLAIM").filter(|s| !s.is_empty()) else {
            continue;
        };
        let cue = spans_of("CUE")
            .filter(|s| !s.is_empty())
            .map(|span| Cue { span, text: doc.slice(span).unwrap_or_default().to_string() });
        let source_tid = parts.iter().find(|(_, l)| l == "SOURCE").map(|(t, _)| t.clone());
        let source = match source_tid {
            Some(t) => match source_ids.get(&t) {
                Some(id) => Some(id.clone()),
                None => match by_tid.get(&t).map(|x| x.0).filter(|s| !s.is_empty()) {
                    Some(span) => {
                        let canonical = doc.slice(span).unwrap_or_default().to_string();
                        let attrs =
                            ActorAttrs { kind: ActorKind::Person, mention: Mention::Nominal, canonical, role: None };
                        let id = b.push(span, Attrs::Actor(attrs), Some("source"));
                        source_ids.insert(t, id.clone());
                        Some(id)
                    }
                    None => None,
                },
            },
            None => None,
        };
        b.push(content, Attrs::Claim(ClaimAttrs { source, cue, stance: None, target: None, source_words: None }), None);
    }
    let found: Vec<Label> = b.anns.iter().map(Annotation::label).collect();
    let annotated = annotated_by(&dataset, &found);
    let anns = b.anns;
    let file = GoldFile::new(doc, anns);
    crate::model::check_structure(&file.doc, &file.annotations).map_err(ctx)?;
    let invalid_values = file.annotations.iter().filter_map(crate::model::value_problem).collect();
    crate::sort::sort(&mut places);
    Ok(CorpusDoc { file, dataset, annotated, places, skipped, invalid_values })
}

struct Builder<'a> {
    doc: &'a Document,
    dataset: &'a str,
    anns: Vec<Annotation>,
    counts: [usize; 3],
}

impl Builder<'_> {
    fn push(&mut self, span: Span, attrs: Attrs, rule: Option<&str>) -> String {
        let label = attrs.label();
        let i = match label {
            Label::Actor => 0,
            Label::Date => 1,
            Label::Claim => 2,
        };
        self.counts[i] += 1;
        let id = format!("{}{}", &label.as_str()[..1], self.counts[i]);
        self.anns.push(Annotation {
            id: id.clone(),
            span,
            quote: self.doc.slice(span).unwrap_or_default().to_string(),
            status: Status::Manual,
            provenance: Provenance { rule: rule.map(|r| r.to_string().into()), ..Provenance::by(self.dataset) },
            note: None,
            unsure: false,
            attrs,
        });
        id
    }
}

fn actor_attrs(doc: &Document, s: &RawSpan, span: Span) -> Option<ActorAttrs> {
    let kind = match s.ty.as_deref() {
        Some("PER") => ActorKind::Person,
        Some("ORG") => ActorKind::Organization,
        _ => return None,
    };
    let quote = doc.slice(span)?;
    let mention = match s.rest.get("syntactic_type") {
        None => Mention::Name,
        Some(serde_json::Value::String(t)) if t == "NAM" || t == "PRE.NAM" => Mention::Name,
        Some(serde_json::Value::String(t)) if t == "PRO" => return None,
        Some(serde_json::Value::Null) if is_pronoun(quote) => return None,
        Some(_) => Mention::Nominal,
    };
    let canonical = s.external_ref.as_deref().and_then(name_of_ref).unwrap_or_else(|| quote.to_string());
    Some(ActorAttrs { kind, mention, canonical, role: None })
}

/// `http://dbpedia.org/page/Michael_O%27Leary_(businessman)` -> `Michael O'Leary (businessman)`.
fn name_of_ref(r: &str) -> Option<String> {
    let last = r.trim_end_matches('/').rsplit('/').next()?;
    let bytes = last.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(if b == b'_' { b' ' } else { b });
        i += 1;
    }
    let name = String::from_utf8(out).ok()?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

fn cover(a: Span, b: Span) -> Span {
    Span::new(a.start().min(b.start()), a.end().max(b.end())).unwrap_or(a)
}

fn map_span(doc: &Document, map: Option<&[usize]>, start: usize, end: usize) -> Result<Span, Error> {
    let (s, e) = match map {
        None => (start, end),
        Some(m) => match (m.get(start), m.get(end)) {
            (Some(s), Some(e)) => (*s, *e),
            _ => (start, end.max(m.len())),
        },
    };
    doc.span(s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_actors_dates_and_attributions() {
        let line = r#"{"id":"d1","dataset":"polnear/dev","text":"Trump said that taxes rise.\r\nOn Monday, X.","dct":"2016-09-12",
          "spans":[{"start":0,"end":5,"label":"SOURCE","type":"Source","value":null,"tid":"T1","attr_ids":["E1"]},
                   {"start":6,"end":10,"label":"CUE","type":"Cue","value":null,"tid":"T2","attr_ids":["E1"]},
                   {"start":11,"end":21,"label":"CLAIM","type":"Content","value":null,"tid":"T3","attr_ids":["E1"]},
                   {"start":22,"end":27,"label":"CLAIM","type":"Content","value":null,"tid":"T3","attr_ids":["E1"]},
                   {"start":32,"end":38,"label":"DATE","type":"DATE","value":"2016-09-12"},
                   {"start":40,"end":41,"label":"LOCATION","type":"LOC","value":null}]}"#;
        let d = read_line(7, line).unwrap();
        assert_eq!(d.annotated.labels, vec![Label::Claim]);
        assert_eq!(d.skipped, 0);
        assert_eq!(d.places.len(), 1);
        assert_eq!(d.file.doc.slice(d.places[0]), Some("X"), "the place moved with the CRLF too");
        let anns = &d.file.annotations;
        let claim = anns.iter().find(|a| a.label() == Label::Claim).unwrap();
        assert_eq!(claim.quote, "that taxes rise.");
        let c = claim.claim().unwrap();
        assert_eq!(c.cue.as_ref().unwrap().text, "said");
        let src = anns.iter().find(|a| Some(&a.id) == c.source.as_ref()).unwrap();
        assert_eq!(src.quote, "Trump");
        // The CRLF became LF: the date after it moved one code point left.
        let date = anns.iter().find(|a| a.label() == Label::Date).unwrap();
        assert_eq!(date.quote, "Monday");
    }

    #[test]
    fn meantime_mentions_and_refs() {
        let line = r#"{"id":"m","dataset":"meantime_en","text":"Boeing said it won. Its CEO left.","dct":null,
          "spans":[{"start":0,"end":6,"label":"ACTOR","type":"ORG","value":null,"syntactic_type":"NAM","external_ref":"http://dbpedia.org/page/The_Boeing_Company"},
                   {"start":12,"end":14,"label":"ACTOR","type":"ORG","value":null,"syntactic_type":null},
                   {"start":20,"end":27,"label":"ACTOR","type":"PER","value":null,"syntactic_type":null}]}"#;
        let d = read_line(1, line).unwrap();
        let a = &d.file.annotations;
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].actor().unwrap().canonical, "The Boeing Company");
        assert_eq!(a[0].actor().unwrap().mention, Mention::Name);
        assert_eq!(a[1].actor().unwrap().mention, Mention::Nominal);
        assert_eq!(d.annotated.actor_kinds, vec![ActorKind::Person, ActorKind::Organization]);
        assert_eq!(name_of_ref("x/Michael_O%27Leary_(businessman)").unwrap(), "Michael O'Leary (businessman)");
        assert_eq!(name_of_ref("x/100%").unwrap(), "100%");
        assert!(is_pronoun(" Its") && is_pronoun("who") && !is_pronoun("Boeing") && !is_pronoun("# English"));
    }

    #[test]
    fn bad_lines_name_line_and_span() {
        let e = read_line(3, r#"{"id":"x","text":"ab","spans":[{"start":1,"end":9,"label":"DATE"}]}"#).unwrap_err();
        assert!(e.message().starts_with("line 3 (x): span 1"), "{e}");
        let e = read_line(4, r#"{"id":"x","text":"ab","spans":[{"start":1}]}"#).unwrap_err();
        assert!(e.message().starts_with("line 4"), "{e}");
    }

    #[test]
    fn invalid_gold_values_are_counted_not_refused() {
        let line = r#"{"id":"t","text":"On 1998-13-45 and for a while.","dct":null,
          "spans":[{"start":3,"end":13,"label":"DATE","type":"DATE","value":"1998-13-45"},
                   {"start":18,"end":29,"label":"DATE","type":"DURATION","value":"PXX","mod":"ABOUT"}]}"#;
        let d = read_line(1, line).unwrap();
        assert_eq!(d.file.annotations.len(), 2, "both kept as the corpus has them");
        assert_eq!(d.file.annotations[0].date().unwrap().value, "1998-13-45");
        assert_eq!(d.invalid_values.len(), 2, "{:?}", d.invalid_values);
        assert!(d.invalid_values[0].contains("month 13 does not exist"), "{:?}", d.invalid_values);
        assert!(d.invalid_values[1].contains("\"ABOUT\" is not a TIMEX3 mod"), "{:?}", d.invalid_values);
    }
}
