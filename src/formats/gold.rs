//! Gloss gold JSON: the reference format, read and written by the page and the CLI.
//!
//! Owns: the file's envelope (format name and version, offset unit, newline handling, text,
//! SHA-256, DCT, annotator, guidelines version, times) and the checks a reader makes before
//! it trusts a file. It must not: extract or score. The layout is documented by
//! `schema/gold.schema.json`; keep the two in step.

use crate::model::{
    check_structure, parse_dct, sha256_hex, sort_annotations, value_problem, Annotation, Document, Error,
};
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "gloss-gold";
/// The version of the layout this module writes and reads.
pub const VERSION: u32 = 1;

/// A document with its annotations and the facts that make them checkable.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldFile {
    pub doc: Document,
    pub annotations: Vec<Annotation>,
    pub meta: Meta,
}

/// Who made a file, under which guidelines, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meta {
    /// The person who reviewed the file, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// The version of GUIDELINES.md followed.
    pub guidelines: String,
    /// RFC 3339 times, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// In an adjudicated gold (and while it is being made): the annotators' versions it
    /// settles and who settled them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudication: Option<Adjudication>,
    /// The corpus registry's entries for the identities this file mentions (canonical name,
    /// kind chosen when it was renamed, merged or split), so that reading the file brings the
    /// registry back. Absent when the registry declares none of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identities: Option<Vec<Identity>>,
}

/// A declared identity of the corpus registry: its canonical name and the kind chosen for it,
/// with the surface words its mentions use (informative; not checked against the text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    pub name: String,
    pub kind: crate::model::ActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// An adjudication: the versions settled (by their annotators' names) and the adjudicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjudication {
    pub of: Vec<String>,
    pub by: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    format: String,
    version: u32,
    id: String,
    offset_unit: String,
    newlines: String,
    sha256: String,
    dct: Option<String>,
    #[serde(flatten)]
    meta: Meta,
    /// True when no annotation is left `predicted`; derived, written for readers' convenience.
    #[serde(default)]
    gold: bool,
    text: String,
    annotations: Vec<Annotation>,
}

/// [`Wire`] as written, borrowing the file's text, meta and annotations (sorted by reference):
/// writing a file copies none of them.
#[derive(Serialize)]
struct WireOut<'a> {
    format: &'static str,
    version: u32,
    id: &'a str,
    offset_unit: &'static str,
    newlines: &'static str,
    sha256: &'a str,
    dct: Option<String>,
    #[serde(flatten)]
    meta: &'a Meta,
    gold: bool,
    text: &'a str,
    annotations: Vec<&'a Annotation>,
}

/// The wire shape of `doc` with `annotations` (sorted here, by reference) and `meta`.
fn wire_of<'a>(doc: &'a Document, annotations: &'a [Annotation], meta: &'a Meta) -> WireOut<'a> {
    let mut sorted: Vec<&Annotation> = annotations.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| a.order_key().cmp(&b.order_key()));
    WireOut {
        format: FORMAT,
        version: VERSION,
        id: &doc.id,
        offset_unit: "codepoint",
        newlines: "lf",
        sha256: doc.sha256(),
        dct: doc.dct().map(|d| d.to_string()),
        meta,
        gold: annotations.iter().all(|a| a.status != crate::model::Status::Predicted),
        text: doc.text(),
        annotations: sorted,
    }
}

/// Room for the JSON of `doc` with `n` annotations, `per` bytes each (their average written
/// size is about 250 bytes on one line and 400 pretty): one buffer, where growing it by
/// doubling copied a 1 MB article's 10 MB of JSON several times over.
fn json_size(doc: &Document, n: usize, per: usize) -> usize {
    let text = doc.text().len();
    (text + text / 16 + 1024).saturating_add(n.saturating_mul(per))
}

impl GoldFile {
    /// A file for `doc` with `annotations`, under the current guidelines.
    pub fn new(doc: Document, mut annotations: Vec<Annotation>) -> GoldFile {
        sort_annotations(&mut annotations);
        GoldFile {
            doc,
            annotations,
            meta: Meta { guidelines: crate::GUIDELINES_VERSION.to_string(), ..Meta::default() },
        }
    }

    /// True when a person has reviewed every annotation (none is `predicted`).
    pub fn is_gold(&self) -> bool {
        self.annotations.iter().all(|a| a.status != crate::model::Status::Predicted)
    }

    fn wire(&self) -> WireOut<'_> {
        wire_of(&self.doc, &self.annotations, &self.meta)
    }

    /// [`GoldFile::to_json_line`] of `doc` with `annotations` and `meta`, without making a
    /// file: nothing is copied (the page's autosave writes a long document this way).
    pub fn json_line_of(doc: &Document, annotations: &[Annotation], meta: &Meta) -> String {
        let mut out = Vec::with_capacity(json_size(doc, annotations.len(), 280));
        match serde_json::to_writer(&mut out, &wire_of(doc, annotations, meta)) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// The file as pretty-printed JSON, annotations in text order, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(self.json_size(440));
        let mut s = match serde_json::to_writer_pretty(&mut out, &self.wire()) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        };
        s.push('\n');
        s
    }

    fn json_size(&self, per: usize) -> usize {
        json_size(&self.doc, self.annotations.len(), per)
    }

    /// The same object as [`GoldFile::to_json`] on one line, without the final newline: one
    /// line of Gloss JSON Lines (`formats::jsonl`). [`GoldFile::from_json`] reads both.
    pub fn to_json_line(&self) -> String {
        let mut out = Vec::with_capacity(self.json_size(280));
        match serde_json::to_writer(&mut out, &self.wire()) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Reads and checks a gold JSON file: its format and version, offset unit, that the
    /// text's SHA-256 matches `sha256`, and every annotation (bounds, quotes, ids,
    /// references, TIMEX3 values and mods). The first problem found is the error, in words, with the JSON line and
    /// column where the JSON itself is broken.
    pub fn from_json(input: &str) -> Result<GoldFile, Error> {
        let (file, problems) = GoldFile::restore_json(input)?;
        match problems.into_iter().next() {
            Some(p) => Err(Error::format(p)),
            None => Ok(file),
        }
    }

    /// Reads a gold JSON file as [`GoldFile::from_json`] does, except that TIMEX3 values
    /// and mods that break the grammar are listed (one message each) instead of refused:
    /// for restoring work saved before values were checked, which must not become unreadable.
    /// Everything else (hash, bounds, quotes, ids, references) is refused as in `from_json`.
    pub fn restore_json(input: &str) -> Result<(GoldFile, Vec<String>), Error> {
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        let value: serde_json::Value = serde_json::from_str(input)
            .map_err(|e| Error::format(format!("not valid JSON at line {}, column {}: {e}", e.line(), e.column())))?;
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT {
            return Err(Error::format(format!(
                "not a Gloss gold file: its \"format\" is {format:?}, expected {FORMAT:?}"
            )));
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version != u64::from(VERSION) {
            return Err(Error::format(format!(
                "this gold file has version {version}; this Gloss reads version {VERSION}"
            )));
        }
        // Deserialised from the text again (not from `value`) so that an error in a field
        // names its line and column.
        let wire: Wire = serde_json::from_str(input).map_err(|e| Error::format(format!("gold file: {e}")))?;
        if wire.offset_unit != "codepoint" {
            return Err(Error::format(format!(
                "offsets are in {:?}; Gloss gold files count code points (\"codepoint\")",
                wire.offset_unit
            )));
        }
        if wire.newlines != "lf" {
            return Err(Error::format(format!("newlines are {:?}; Gloss gold files use \"lf\"", wire.newlines)));
        }
        if wire.text.contains('\r') {
            return Err(Error::format("the text contains a carriage return, but the file says its newlines are LF"));
        }
        let actual = sha256_hex(&wire.text);
        if actual != wire.sha256 {
            return Err(Error::mismatch(format!(
                "the text's SHA-256 is {actual}, but the file says {}: the text was changed after annotation",
                wire.sha256
            )));
        }
        let dct = wire.dct.as_deref().map(parse_dct).transpose().map_err(|e| e.context("dct"))?;
        let doc = Document::new(wire.id, &wire.text, dct)?;
        check_structure(&doc, &wire.annotations)?;
        check_identities(wire.meta.identities.as_deref().unwrap_or_default())?;
        let problems = wire.annotations.iter().filter_map(value_problem).collect();
        let mut annotations = wire.annotations;
        sort_annotations(&mut annotations);
        Ok((GoldFile { doc, annotations, meta: wire.meta }, problems))
    }
}

/// The registry entries a file declares: each names an identity, once.
fn check_identities(ids: &[Identity]) -> Result<(), Error> {
    for (i, x) in ids.iter().enumerate() {
        if x.name.trim().is_empty() {
            return Err(Error::format(format!("identities[{i}]: an identity's name is empty")));
        }
        if ids[..i].iter().any(|y| y.name == x.name) {
            return Err(Error::format(format!(
                "identities[{i}]: the identity \u{201c}{}\u{201d} is declared twice",
                x.name
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, Attrs, DateAttrs, Mention, Provenance, Span, Status, TimexType};

    fn file() -> GoldFile {
        let doc = Document::new("t", "Goïta 👍 met Paris.\r\n", Some("2025-09-19".parse().unwrap())).unwrap();
        let a = Annotation {
            id: "A1".into(),
            span: Span::new(12, 17).unwrap(),
            quote: "Paris".into(),
            status: Status::Accepted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("gazetteer"),
            attrs: Attrs::Actor(ActorAttrs {
                kind: ActorKind::State,
                mention: Mention::Name,
                canonical: "France".into(),
                role: None,
            }),
        };
        GoldFile::new(doc, vec![a])
    }

    /// The autosave's writer gives the file's own line, from annotations in any order.
    #[test]
    fn json_line_of_borrowed_parts_is_the_files_line() {
        let mut f = file();
        let mut b = f.annotations[0].clone();
        b.id = "A0".into();
        b.span = Span::new(0, 5).unwrap();
        b.quote = "Goïta".into();
        b.status = Status::Predicted;
        f.annotations.insert(0, b);
        f.meta.annotator = Some("Ana".into());
        let reversed: Vec<Annotation> = f.annotations.iter().rev().cloned().collect();
        let line = GoldFile::json_line_of(&f.doc, &reversed, &f.meta);
        assert_eq!(line, f.to_json_line());
        assert!(line.contains("\"gold\":false") && line.find("\"A0\"") < line.find("\"A1\""), "{line}");
    }

    #[test]
    fn round_trip_is_exact() {
        let f = file();
        let json = f.to_json();
        assert!(json.contains("\"offset_unit\": \"codepoint\""));
        let g = GoldFile::from_json(&json).unwrap();
        assert_eq!(f, g);
        assert_eq!(g.to_json(), json);
        let line = f.to_json_line();
        assert!(!line.contains('\n'));
        assert_eq!(GoldFile::from_json(&line).unwrap(), f);
    }

    #[test]
    fn field_errors_name_line_and_column() {
        let json = file().to_json().replace("\"status\": \"accepted\"", "\"status\": \"approved\"");
        let e = GoldFile::from_json(&json).unwrap_err();
        assert!(e.message().contains("approved") && e.message().contains("line"), "{e}");
    }

    #[test]
    fn refuses_changed_text_bad_quote_and_broken_json() {
        let json = file().to_json();
        let e = GoldFile::from_json(&json.replace("met Paris", "met Paros")).unwrap_err();
        assert_eq!(e.kind_name(), "mismatch", "{e}");
        let e = GoldFile::from_json(&json.replace("\"quote\": \"Paris\"", "\"quote\": \"Paros\"")).unwrap_err();
        assert!(e.message().contains("A1") && e.message().contains("Paros"), "{e}");
        let e = GoldFile::from_json(&json[..json.len() / 2]).unwrap_err();
        assert!(e.message().contains("line"), "{e}");
        let e = GoldFile::from_json(&json.replace("\"end\": 17", "\"end\": 99")).unwrap_err();
        assert!(e.message().contains("past the end"), "{e}");
    }

    /// Invalid values and enumerated attributes are refused with the annotation's id, its
    /// quote and the reason (issue 14: `2021-13-45` and `banana` were read back as dates).
    #[test]
    fn invalid_values_and_vocabulary_name_the_annotation() {
        let doc = Document::new("t", "Paris met on last Sunday.", None).unwrap();
        let date = |ty: TimexType, value: &str, modifier: Option<&str>| {
            let a = Annotation {
                id: "D4".into(),
                span: Span::new(13, 24).unwrap(),
                quote: "last Sunday".into(),
                status: Status::Accepted,
                note: None,
                unsure: false,
                provenance: Provenance::by("me"),
                attrs: Attrs::Date(DateAttrs {
                    timex_type: ty,
                    value: value.into(),
                    modifier: modifier.map(str::to_string),
                    anchor: None,
                }),
            };
            GoldFile::new(doc.clone(), vec![a]).to_json()
        };
        let err = |json: &str| GoldFile::from_json(json).unwrap_err().to_string();
        assert_eq!(
            err(&date(TimexType::Date, "2021-13-45", None)),
            "annotation D4 (\"last Sunday\"): date value 2021-13-45: month 13 does not exist"
        );
        assert!(err(&date(TimexType::Date, "banana", None)).contains("date value banana: a date starts with a year"));
        assert!(err(&date(TimexType::Duration, "2025-09-19", None)).contains("starts with P"));
        assert!(err(&date(TimexType::Date, "P3D", None)).contains("DURATION"));
        assert!(
            err(&date(TimexType::Date, "2025-09-14", Some("ABOUT"))).contains("D4 (\"last Sunday\"): mod: \"ABOUT\"")
        );
        assert!(GoldFile::from_json(&date(TimexType::Date, "2024-02-29", Some("APPROX"))).is_ok());
        // Saved work is restored with its problems listed, not lost.
        let (f, problems) = GoldFile::restore_json(&date(TimexType::Date, "banana", None)).unwrap();
        assert_eq!(f.annotations[0].date().unwrap().value, "banana");
        assert_eq!(problems.len(), 1);
        assert!(GoldFile::restore_json(&date(TimexType::Date, "banana", None).replace("Paris", "Paros")).is_err());
        let good = date(TimexType::Date, "2025-09-14", None);
        for (from, to, says) in [
            ("\"type\": \"DATE\"", "\"type\": \"MONTH\"", "unknown variant `MONTH`"),
            ("\"status\": \"accepted\"", "\"status\": \"ok\"", "status \"ok\" is not one of predicted"),
            ("\"label\": \"DATE\"", "\"label\": \"EVENT\"", "label \"EVENT\" is not one of ACTOR"),
        ] {
            assert!(good.contains(from), "{from}");
            let e = err(&good.replace(from, to));
            assert!(e.contains("annotation D4 (\"last Sunday\")") && e.contains(says), "{e}");
        }
    }

    /// `schema/gold.schema.json` documents exactly what `to_json` writes: its required keys
    /// are the keys written when every optional field is absent, its properties the keys
    /// written when every one is present, its enums the model's vocabularies, and every
    /// property has a description.
    #[test]
    fn schema_matches_the_writer() {
        use crate::model::{ActorKind, ClaimAttrs, Cue, DateAttrs, Label, Stance, TimexType};
        use serde_json::Value;
        use std::collections::BTreeSet;
        let schema: Value = serde_json::from_str(include_str!("../../schema/gold.schema.json")).unwrap();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let defs = &schema["$defs"];
        let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
        let required = |s: &Value| -> BTreeSet<String> {
            s["required"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
        };
        let props = |s: &Value| keys(&s["properties"]);
        let enum_of = |s: &Value| -> Vec<String> {
            s["enum"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
        };

        let doc =
            Document::new("t", "Paris said on Friday it would act.", Some("2025-09-19".parse().unwrap())).unwrap();
        let ann = |id: &str, a: usize, b: usize, rule: Option<&str>, attrs: Attrs| Annotation {
            id: id.into(),
            span: Span::new(a, b).unwrap(),
            quote: doc.slice(Span::new(a, b).unwrap()).unwrap().into(),
            status: Status::Manual,
            note: rule.map(|_| "a doubt".into()),
            unsure: rule.is_some(),
            provenance: Provenance {
                rule: rule.map(|r| r.to_string().into()),
                edited_by: rule.map(|_| "you".into()),
                agreed_by: rule.map(|_| vec!["ann".to_string(), "bob".to_string()]).unwrap_or_default(),
                adjudicated_by: rule.map(|_| "you".into()),
                ..Provenance::by("me")
            },
            attrs,
        };
        let minimal = GoldFile {
            doc: doc.clone().with_dct(None),
            annotations: vec![
                ann("A1", 0, 5, None, Attrs::Actor(ActorAttrs { canonical: "France".into(), ..ActorAttrs::default() })),
                ann("D1", 14, 20, None, Attrs::Date(DateAttrs { value: "2025-09-19".into(), ..DateAttrs::default() })),
                ann("C1", 21, 33, None, Attrs::Claim(ClaimAttrs::default())),
            ],
            meta: Meta { guidelines: "1".into(), ..Meta::default() },
        };
        let maximal = GoldFile {
            doc: doc.clone(),
            annotations: vec![
                ann(
                    "A1",
                    0,
                    5,
                    Some("r"),
                    Attrs::Actor(ActorAttrs {
                        kind: ActorKind::State,
                        mention: Mention::Name,
                        canonical: "France".into(),
                        role: Some("government".into()),
                    }),
                ),
                ann(
                    "D1",
                    14,
                    20,
                    Some("r"),
                    Attrs::Date(DateAttrs {
                        timex_type: TimexType::Date,
                        value: "2025-09-19".into(),
                        modifier: Some("APPROX".into()),
                        anchor: Some("dct".into()),
                    }),
                ),
                ann(
                    "C1",
                    21,
                    33,
                    Some("r"),
                    Attrs::Claim(ClaimAttrs {
                        source: Some("A1".into()),
                        cue: Some(Cue { span: Span::new(6, 10).unwrap(), text: "said".into() }),
                        stance: Some(Stance::Announce),
                        target: Some("them".into()),
                        source_words: Some(Cue { span: Span::new(0, 5).unwrap(), text: "Paris".into() }),
                    }),
                ),
            ],
            meta: Meta {
                annotator: Some("me".into()),
                guidelines: "1".into(),
                created: Some("2025-09-19T10:00:00Z".into()),
                modified: Some("2025-09-19T11:00:00Z".into()),
                adjudication: Some(Adjudication { of: vec!["ann".into(), "bob".into()], by: "cy".into() }),
                identities: Some(vec![Identity {
                    name: "France".into(),
                    kind: crate::model::ActorKind::State,
                    aliases: vec!["Paris".into()],
                }]),
            },
        };
        let min: Value = serde_json::from_str(&minimal.to_json()).unwrap();
        let max: Value = serde_json::from_str(&maximal.to_json()).unwrap();
        assert_eq!(keys(&min), required(&schema), "top-level required keys");
        assert_eq!(keys(&max), props(&schema), "top-level properties");
        let checks = [
            ("annotation", &min["annotations"][0], &max["annotations"][0]),
            ("provenance", &min["annotations"][0]["provenance"], &max["annotations"][0]["provenance"]),
            ("actor_attributes", &min["annotations"][0]["attributes"], &max["annotations"][0]["attributes"]),
            ("date_attributes", &min["annotations"][1]["attributes"], &max["annotations"][1]["attributes"]),
            ("claim_attributes", &min["annotations"][2]["attributes"], &max["annotations"][2]["attributes"]),
            ("cue", &max["annotations"][2]["attributes"]["cue"], &max["annotations"][2]["attributes"]["cue"]),
        ];
        for (name, lo, hi) in checks {
            assert_eq!(keys(lo), required(&defs[name]), "{name}: required keys");
            assert_eq!(keys(hi), props(&defs[name]), "{name}: properties");
        }
        // Every property and every definition says what it is.
        fn described(path: &str, v: &Value) {
            if let Some(p) = v.get("properties").and_then(Value::as_object) {
                for (k, sub) in p {
                    let has = sub.get("description").is_some() || sub.get("$ref").is_some();
                    assert!(has, "{path}.{k} has no description");
                    described(&format!("{path}.{k}"), sub);
                }
            }
        }
        assert!(schema["description"].is_string());
        described("", &schema);
        for (name, d) in defs.as_object().unwrap() {
            assert!(d["description"].is_string(), "$defs.{name} has no description");
            described(name, d);
        }
        // The vocabularies are the model's.
        let names = |v: Vec<&str>| -> Vec<String> { v.into_iter().map(String::from).collect() };
        let ap = &defs["annotation"]["properties"];
        assert_eq!(enum_of(&ap["label"]), names(Label::ALL.iter().map(|l| l.as_str()).collect()));
        assert_eq!(enum_of(&ap["status"]), names(Status::ALL.iter().map(|s| s.as_str()).collect()));
        let act = &defs["actor_attributes"]["properties"];
        assert_eq!(enum_of(&act["kind"]), names(ActorKind::ALL.iter().map(|k| k.as_str()).collect()));
        assert_eq!(enum_of(&act["mention"]), names(vec!["name", "nominal"]));
        let dat = &defs["date_attributes"]["properties"];
        assert_eq!(enum_of(&dat["type"]), names(TimexType::ALL.iter().map(|k| k.as_str()).collect()));
        let clm = &defs["claim_attributes"]["properties"];
        assert_eq!(enum_of(&clm["stance"]), names(Stance::ALL.iter().map(|k| k.as_str()).collect()));
        assert_eq!(schema["properties"]["format"]["const"], FORMAT);
        assert_eq!(schema["properties"]["version"]["const"], VERSION);
    }
}
