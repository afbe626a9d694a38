//! Attribute agreement on spans two annotators both marked (overlap matches of a label).
//!
//! Owns: which attributes are compared and how: DATE type and value (the TIMEX3 value as
//! written); ACTOR kind and canonical identity (canonical names equal ignoring case and
//! spacing); CLAIM source (the source ACTORs' spans, identical offsets, or both without a
//! source: ids differ between files and are never compared), cue (identical spans, or both
//! none) and stance (one of six, or none). Categorical attributes (type, kind, stance) also
//! get Cohen's kappa. It must not: match spans (it gets the pairs) or build reports.

use super::coding::KappaAcc;
use crate::eval::attribution::source_span;
use crate::eval::figures::Acc;
use crate::model::{ActorKind, Annotation, Label, Stance, TimexType};

/// The attributes compared, in report order: label, name, categorical.
pub const ATTRIBUTES: [(Label, &str, bool); 7] = [
    (Label::Actor, "kind", true),
    (Label::Actor, "canonical", false),
    (Label::Date, "type", true),
    (Label::Date, "value", false),
    (Label::Claim, "source", false),
    (Label::Claim, "cue", false),
    (Label::Claim, "stance", true),
];

/// One attribute's value on one annotation: what is compared, what is shown, and its
/// category for kappa (categorical attributes only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub key: String,
    pub shown: String,
    pub category: Option<u8>,
}

/// The values of the compared attributes of `ann` as `(index in ATTRIBUTES, value)`; `all`
/// is the annotator's whole version (where a claim's source actor is).
pub fn values(ann: &Annotation, all: &[Annotation]) -> Vec<(usize, Value)> {
    let plain = |s: String| Value { key: s.clone(), shown: s, category: None };
    let pos = |x: &str, names: &[&str]| names.iter().position(|n| *n == x).map(|p| p as u8);
    let span_value = |span: Option<crate::model::Span>, text: Option<&str>| match span {
        Some(s) => Value { key: s.to_string(), shown: format!("“{}” {s}", text.unwrap_or("")), category: None },
        None => plain("none".into()),
    };
    if let Some(a) = ann.actor() {
        let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
        let canonical = a.canonical.split_whitespace().collect::<Vec<_>>().join(" ");
        vec![
            (
                0,
                Value {
                    key: a.kind.as_str().into(),
                    shown: a.kind.as_str().into(),
                    category: pos(a.kind.as_str(), &kinds),
                },
            ),
            (1, Value { key: canonical.to_lowercase(), shown: canonical, category: None }),
        ]
    } else if let Some(d) = ann.date() {
        let types: Vec<&str> = TimexType::ALL.iter().map(|k| k.as_str()).collect();
        let t = d.timex_type.as_str();
        vec![(2, Value { key: t.into(), shown: t.into(), category: pos(t, &types) }), (3, plain(d.value.clone()))]
    } else if let Some(c) = ann.claim() {
        let source = source_span(ann, all);
        let source_text = c.source.as_deref().and_then(|id| all.iter().find(|a| a.id == id)).map(|a| a.quote.as_str());
        let stances: Vec<&str> = Stance::ALL.iter().map(|k| k.as_str()).collect();
        let stance = c.stance.map_or("none", Stance::as_str);
        let stance_cat = c.stance.map_or(Some(0), |s| pos(s.as_str(), &stances).map(|p| p + 1));
        vec![
            (4, span_value(source, source_text)),
            (5, span_value(c.cue.as_ref().map(|x| x.span), c.cue.as_ref().map(|x| x.text.as_str()))),
            (6, Value { key: stance.into(), shown: stance.into(), category: stance_cat }),
        ]
    } else {
        Vec::new()
    }
}

/// A short summary of an annotation's compared attributes, for the list of disagreements.
pub fn summary(ann: &Annotation, all: &[Annotation]) -> String {
    values(ann, all)
        .into_iter()
        .map(|(i, v)| format!("{} {}", ATTRIBUTES[i].1, v.shown))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Agreement on one attribute between two annotators.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttrAcc {
    pub acc: Acc,
    pub kappa: KappaAcc,
}

impl AttrAcc {
    /// Adds another accumulator's counts.
    pub fn merge(&mut self, o: &AttrAcc) {
        self.acc.add(o.acc);
        self.kappa.merge(&o.kappa);
    }
}

/// Compares two matched annotations of the same label; counts each compared attribute in
/// `accs` (indexed like [`ATTRIBUTES`]) and returns the names of those that differ.
pub fn compare(
    a: &Annotation,
    a_all: &[Annotation],
    b: &Annotation,
    b_all: &[Annotation],
    accs: &mut [AttrAcc; 7],
) -> Vec<&'static str> {
    let mut differ = Vec::new();
    let vb = values(b, b_all);
    for (i, va) in values(a, a_all) {
        let Some((_, vb)) = vb.iter().find(|(j, _)| *j == i) else { continue };
        let same = va.key == vb.key;
        accs[i].acc.count(same);
        if let (Some(x), Some(y)) = (va.category, vb.category) {
            accs[i].kappa.add(x, y);
        }
        if !same {
            differ.push(ATTRIBUTES[i].1);
        }
    }
    differ
}
