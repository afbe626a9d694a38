//! Annotations: a labelled span with its quote, status, provenance and attributes.
//!
//! Owns: the label vocabulary of GUIDELINES.md (ACTOR, DATE, CLAIM), each label's
//! attributes and the review status. It must not: check an annotation against a text (that is
//! `validate.rs`) or decide a file layout (that is `formats/`).

use super::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The three labels of the guidelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    #[serde(rename = "ACTOR")]
    Actor,
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "CLAIM")]
    Claim,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 3] = [Label::Actor, Label::Date, Label::Claim];

    /// The name used in files: `ACTOR`, `DATE`, `CLAIM`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Actor => "ACTOR",
            Label::Date => "DATE",
            Label::Claim => "CLAIM",
        }
    }

    /// The label named `s` (case-insensitive); `None` for anything else.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(s))
    }

    /// Default attributes for a new annotation of this label.
    pub fn empty_attrs(self) -> Attrs {
        match self {
            Label::Actor => Attrs::Actor(ActorAttrs::default()),
            Label::Date => Attrs::Date(DateAttrs::default()),
            Label::Claim => Attrs::Claim(ClaimAttrs::default()),
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an annotation stands in review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Made by the extractor, not yet reviewed.
    #[default]
    Predicted,
    /// A prediction a person accepted as it was.
    Accepted,
    /// A prediction a person changed.
    Edited,
    /// Made by a person.
    Manual,
    /// A prediction a person rejected; kept as part of the record, ignored by scoring.
    Rejected,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 5] =
        [Status::Predicted, Status::Accepted, Status::Edited, Status::Manual, Status::Rejected];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Predicted => "predicted",
            Status::Accepted => "accepted",
            Status::Edited => "edited",
            Status::Manual => "manual",
            Status::Rejected => "rejected",
        }
    }

    /// True for every status but `rejected`: the spans that count.
    pub fn is_live(self) -> bool {
        self != Status::Rejected
    }
}

/// Who or what made an annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// `gloss-extract/<version>` for predictions, the annotator's name for manual work,
    /// or the tool a file was imported from.
    pub by: Cow<'static, str>,
    /// The extractor rule that made the prediction, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Cow<'static, str>>,
    /// The annotator who last edited the annotation (its span, label or attributes) in the
    /// page, when someone did; `by` keeps who or what made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_by: Option<Cow<'static, str>>,
    /// In an adjudicated gold: the annotators whose versions held this annotation as it is
    /// (same span, label and attributes); empty elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed_by: Vec<String>,
    /// In an adjudicated gold: the person who settled the annotators' versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudicated_by: Option<String>,
}

impl Provenance {
    /// Provenance of a prediction made by `rule` (borrowed: the extractor makes one for
    /// every candidate, and its name and rule names are constants).
    pub fn extractor(rule: &'static str) -> Provenance {
        Provenance {
            by: Cow::Borrowed(crate::EXTRACTOR_NAME),
            rule: Some(Cow::Borrowed(rule)),
            edited_by: None,
            agreed_by: Vec::new(),
            adjudicated_by: None,
        }
    }

    /// Provenance of work by `by` (an annotator, a tool), without a rule.
    pub fn by(by: impl Into<String>) -> Provenance {
        Provenance { by: Cow::Owned(by.into()), ..Provenance::default() }
    }
}

/// An actor's kind (GUIDELINES.md, ACTOR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    #[default]
    Person,
    Organization,
    State,
    Group,
}

impl ActorKind {
    /// Every kind, in display order.
    pub const ALL: [ActorKind; 4] = [ActorKind::Person, ActorKind::Organization, ActorKind::State, ActorKind::Group];
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::State => "state",
            ActorKind::Group => "group",
        }
    }
    /// The kind named `s`; `None` for anything else.
    pub fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Whether an actor mention is a name or a nominal ("French officials").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mention {
    #[default]
    Name,
    Nominal,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    #[default]
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// Every type, in display order.
    pub const ALL: [TimexType; 4] = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set];
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
    /// The type named `s` (case-insensitive); `None` for anything else.
    pub fn parse(s: &str) -> Option<TimexType> {
        TimexType::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

/// The stance a claim's cue expresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Assert,
    Accuse,
    Deny,
    Warn,
    Announce,
    Demand,
}

impl Stance {
    /// Every stance, in display order.
    pub const ALL: [Stance; 6] =
        [Stance::Assert, Stance::Accuse, Stance::Deny, Stance::Warn, Stance::Announce, Stance::Demand];
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Accuse => "accuse",
            Stance::Deny => "deny",
            Stance::Warn => "warn",
            Stance::Announce => "announce",
            Stance::Demand => "demand",
        }
    }
    /// The stance named `s`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Attributes of an ACTOR.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ActorAttrs {
    pub kind: ActorKind,
    pub mention: Mention,
    /// One name per real-world actor, shared by all its mentions.
    pub canonical: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Attributes of a DATE (TIMEX3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DateAttrs {
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value: `2025-09-14`, `2025-W38`, `P4Y`, `PAST_REF`, `XXXX-09-19`...
    pub value: String,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// `dct`, or the id of the DATE this one was resolved from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// A claim's cue: the reporting words, with their own offsets. The same shape (a span of
/// the claim's own with its quote) serves for a claim's source words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
}

/// Attributes of a CLAIM.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ClaimAttrs {
    /// Id of the ACTOR annotation that holds the claim; `None` for an unnamed source.
    pub source: Option<String>,
    pub cue: Option<Cue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Whom the claim is about, for accusations and denials ("a charge" in "a charge Paris
    /// has dismissed as ..."; "him" in "accused him of ..."): free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The words the claim's own clause uses for its source when they are not the source
    /// ACTOR's span: a pronoun ("he" in "he said", "his" in "his claim that", "who" in
    /// "Smith, who said"), which the guidelines never annotate as an ACTOR; a courtesy title
    /// alone ("Mr. said"), which refers back as a pronoun does; a name on a line in capitals
    /// that the running text does not name (no actor then). Optional: absent when the source
    /// words are the actor's mention, or not recorded (older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_words: Option<Cue>,
}

/// A label's attributes; the variant is the label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attrs {
    Actor(ActorAttrs),
    Date(DateAttrs),
    Claim(ClaimAttrs),
}

impl Attrs {
    /// The label these attributes belong to.
    pub fn label(&self) -> Label {
        match self {
            Attrs::Actor(_) => Label::Actor,
            Attrs::Date(_) => Label::Date,
            Attrs::Claim(_) => Label::Claim,
        }
    }
}

/// One annotation. Its label is the variant of [`Annotation::attrs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// Unique within its document (`A1`, `D3`, `C2`, or anything a file brings).
    pub id: String,
    pub span: Span,
    /// The text under the span, checked against the document by every reader.
    pub quote: String,
    pub status: Status,
    pub provenance: Provenance,
    pub attrs: Attrs,
    /// The annotator's comment on this annotation (brat's AnnotatorNotes), when there is one.
    pub note: Option<String>,
    /// Flagged by the annotator as a doubt, to be looked at again in review or adjudication.
    pub unsure: bool,
}

impl Annotation {
    /// The annotation's label.
    pub fn label(&self) -> Label {
        self.attrs.label()
    }
    /// Actor attributes, when this is an ACTOR.
    pub fn actor(&self) -> Option<&ActorAttrs> {
        match &self.attrs {
            Attrs::Actor(a) => Some(a),
            _ => None,
        }
    }
    /// Date attributes, when this is a DATE.
    pub fn date(&self) -> Option<&DateAttrs> {
        match &self.attrs {
            Attrs::Date(a) => Some(a),
            _ => None,
        }
    }
    /// Claim attributes, when this is a CLAIM.
    pub fn claim(&self) -> Option<&ClaimAttrs> {
        match &self.attrs {
            Attrs::Claim(a) => Some(a),
            _ => None,
        }
    }
    /// Ids of other annotations this one refers to (a claim's source, a date's anchor).
    pub fn references(&self) -> Vec<&str> {
        match &self.attrs {
            Attrs::Claim(c) => c.source.iter().map(String::as_str).collect(),
            Attrs::Date(d) => d.anchor.iter().map(String::as_str).filter(|a| *a != "dct").collect(),
            Attrs::Actor(_) => Vec::new(),
        }
    }
    /// Order for display and files: by start, longer first, then label and id.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, Label, &str) {
        (self.span.start(), std::cmp::Reverse(self.span.end()), self.label(), &self.id)
    }
}

/// The wire shape of an annotation as written, shared by gold JSON, autosave and the JS export.
/// It borrows every field: writing 20,000 annotations allocates nothing per annotation.
#[derive(Serialize)]
struct WireAnnotation<'a> {
    id: &'a str,
    label: Label,
    start: usize,
    end: usize,
    quote: &'a str,
    status: Status,
    provenance: &'a Provenance,
    attributes: WireAttrs<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unsure: bool,
}

/// A label's attributes as written: the object alone, without a tag (the label says which).
#[derive(Serialize)]
#[serde(untagged)]
enum WireAttrs<'a> {
    Actor(&'a ActorAttrs),
    Date(&'a DateAttrs),
    Claim(&'a ClaimAttrs),
}

impl Serialize for Annotation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let attributes = match &self.attrs {
            Attrs::Actor(a) => WireAttrs::Actor(a),
            Attrs::Date(a) => WireAttrs::Date(a),
            Attrs::Claim(a) => WireAttrs::Claim(a),
        };
        WireAnnotation {
            id: &self.id,
            label: self.label(),
            start: self.span.start(),
            end: self.span.end(),
            quote: &self.quote,
            status: self.status,
            provenance: &self.provenance,
            attributes,
            note: self.note.as_deref(),
            unsure: self.unsure,
        }
        .serialize(s)
    }
}

/// The wire shape as read: the label and status as strings, so that a wrong one is refused
/// with a message naming the annotation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireIn {
    id: String,
    label: String,
    start: usize,
    end: usize,
    quote: String,
    status: String,
    provenance: Provenance,
    attributes: serde_json::Value,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    unsure: bool,
}

/// An annotation named for messages: `annotation D4 ("last Sunday")`, the quote cut to 40
/// characters.
pub(crate) fn describe(id: &str, quote: &str) -> String {
    let q: String = quote.chars().take(40).collect();
    let more = if q.len() < quote.len() { "..." } else { "" };
    format!("annotation {id} ({:?})", format!("{q}{more}"))
}

impl<'de> Deserialize<'de> for Annotation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Annotation, D::Error> {
        use serde::de::Error as _;
        let w = WireIn::deserialize(d)?;
        let name = || describe(&w.id, &w.quote);
        let label = Label::ALL.into_iter().find(|l| l.as_str() == w.label).ok_or_else(|| {
            D::Error::custom(format!("{}: label {:?} is not one of ACTOR, DATE, CLAIM", name(), w.label))
        })?;
        let status = Status::ALL.into_iter().find(|s| s.as_str() == w.status).ok_or_else(|| {
            let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
            D::Error::custom(format!("{}: status {:?} is not one of {}", name(), w.status, all.join(", ")))
        })?;
        let span = Span::new(w.start, w.end).map_err(|e| D::Error::custom(format!("annotation {}: {e}", w.id)))?;
        let attrs = match label {
            Label::Actor => serde_json::from_value(w.attributes).map(Attrs::Actor),
            Label::Date => serde_json::from_value(w.attributes).map(Attrs::Date),
            Label::Claim => serde_json::from_value(w.attributes).map(Attrs::Claim),
        }
        .map_err(|e| D::Error::custom(format!("{}: attributes of a {label}: {e}", name())))?;
        let note = w.note.filter(|n| !n.trim().is_empty());
        Ok(Annotation {
            id: w.id,
            span,
            quote: w.quote,
            status,
            provenance: w.provenance,
            attrs,
            note,
            unsure: w.unsure,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key the reader does not know (a typo, a newer version's field) would be dropped by the
    /// next save: it is refused instead, naming the annotation and the key.
    #[test]
    fn unknown_attribute_and_provenance_keys_are_refused_not_dropped() {
        let json = |attrs: &str, prov: &str| {
            format!(
                r#"{{"id":"A1","label":"ACTOR","start":0,"end":4,"quote":"Mali","status":"manual","provenance":{prov},"attributes":{attrs}}}"#
            )
        };
        let ok = r#"{"kind":"state","mention":"name","canonical":"Mali"}"#;
        assert!(serde_json::from_str::<Annotation>(&json(ok, r#"{"by":"x"}"#)).is_ok());
        let typo = r#"{"kind":"state","mention":"name","canonical":"Mali","canonnical":"Mali"}"#;
        let err = serde_json::from_str::<Annotation>(&json(typo, r#"{"by":"x"}"#)).unwrap_err().to_string();
        assert!(err.contains("A1") && err.contains("canonnical"), "{err}");
        let err = serde_json::from_str::<Annotation>(&json(ok, r#"{"by":"x","note":"y"}"#)).unwrap_err().to_string();
        assert!(err.contains("note"), "{err}");
    }

    fn sample() -> Annotation {
        Annotation {
            id: "C1".into(),
            span: Span::new(10, 20).unwrap(),
            quote: "unfounded.".into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("dismissed-as"),
            attrs: Attrs::Claim(ClaimAttrs {
                source: Some("A2".into()),
                cue: Some(Cue { span: Span::new(3, 9).unwrap(), text: "denied".into() }),
                stance: Some(Stance::Deny),
                target: None,
                source_words: Some(Cue { span: Span::new(0, 2).unwrap(), text: "He".into() }),
            }),
        }
    }

    /// Each label's attributes are written exactly as their own object is (the borrowed wire
    /// shape must not tag, wrap or reorder them), with optional fields present and absent.
    #[test]
    fn attributes_are_written_as_their_own_object() {
        let actor = ActorAttrs {
            kind: ActorKind::Person,
            mention: Mention::Name,
            canonical: "Assimi Goïta".into(),
            role: Some("President".into()),
        };
        let date = DateAttrs {
            timex_type: TimexType::Date,
            value: "2025-09-14".into(),
            modifier: Some("START".into()),
            anchor: Some("dct".into()),
        };
        let Attrs::Claim(claim) = sample().attrs else { unreachable!() };
        let bare_claim = ClaimAttrs { source: None, cue: None, ..ClaimAttrs::default() };
        let cases = [
            (Attrs::Actor(actor.clone()), serde_json::to_string(&actor).unwrap()),
            (Attrs::Actor(ActorAttrs::default()), serde_json::to_string(&ActorAttrs::default()).unwrap()),
            (Attrs::Date(date.clone()), serde_json::to_string(&date).unwrap()),
            (Attrs::Date(DateAttrs::default()), serde_json::to_string(&DateAttrs::default()).unwrap()),
            (Attrs::Claim(claim.clone()), serde_json::to_string(&claim).unwrap()),
            (Attrs::Claim(bare_claim.clone()), serde_json::to_string(&bare_claim).unwrap()),
        ];
        for (attrs, own) in cases {
            let a = Annotation { attrs, ..sample() };
            let json = serde_json::to_string(&a).unwrap();
            assert!(json.contains(&format!(r#","attributes":{own}}}"#)), "{json} should end with {own}");
            assert_eq!(serde_json::from_str::<Annotation>(&json).unwrap(), a);
        }
    }

    #[test]
    fn wire_round_trip() {
        let a = sample();
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains(r#""label":"CLAIM""#), "{json}");
        assert!(json.contains(r#""cue":{"start":3,"end":9,"text":"denied"}"#), "{json}");
        assert!(json.contains(r#""source_words":{"start":0,"end":2,"text":"He"}"#), "{json}");
        let b: Annotation = serde_json::from_str(&json).unwrap();
        assert_eq!(a, b);
    }

    /// A note and the unsure flag are written only when present, read back as they were, and a
    /// blank note reads as none (a note of spaces says nothing a reader could act on).
    #[test]
    fn notes_and_doubts_round_trip() {
        let plain = serde_json::to_string(&sample()).unwrap();
        assert!(!plain.contains("note") && !plain.contains("unsure"), "{plain}");
        let a = Annotation { note: Some("cue or 🙂 source?\r\n".into()), unsure: true, ..sample() };
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains(r#""unsure":true"#), "{json}");
        assert_eq!(serde_json::from_str::<Annotation>(&json).unwrap(), a);
        let blank = json.replace("cue or 🙂 source?\\r\\n", "  ");
        assert_eq!(serde_json::from_str::<Annotation>(&blank).unwrap().note, None);
    }

    #[test]
    fn claims_without_source_words_still_read() {
        let json = r#"{"id":"C1","label":"CLAIM","start":0,"end":1,"quote":"a","status":"manual",
            "provenance":{"by":"me"},"attributes":{"source":null,"cue":null}}"#;
        let a: Annotation = serde_json::from_str(json).unwrap();
        assert_eq!(a.claim().and_then(|c| c.source_words.clone()), None);
        assert!(!serde_json::to_string(&a).unwrap().contains("source_words"));
    }

    #[test]
    fn wrong_attributes_for_label_are_refused_with_the_id() {
        let json = r#"{"id":"X9","label":"DATE","start":0,"end":1,"quote":"a","status":"manual",
            "provenance":{"by":"me"},"attributes":{"kind":"person","mention":"name","canonical":"A"}}"#;
        let err = serde_json::from_str::<Annotation>(json).unwrap_err().to_string();
        assert!(err.contains("X9") && err.contains("DATE"), "{err}");
    }
}
