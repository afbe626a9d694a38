//! Span agreement of two annotators on one document: strict and overlap F1 per label.
//!
//! Owns: which annotations count (live ones: every status but `rejected`), their split by
//! label, and [`SpanCount`]: the spans of each side and how many were matched, one to one,
//! by [`crate::eval::matching`] (strict: identical offsets; overlap: at least one shared
//! code point). F1 is `2 * matched / (a + b)`, the same whichever side comes first. It must
//! not: compare attributes or build reports.

use crate::eval::matching;
use crate::model::{Annotation, Label, Span};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// The live annotations of a version, by label (ACTOR, DATE, CLAIM), in file order.
pub fn live_by_label(anns: &[Annotation]) -> [Vec<&Annotation>; 3] {
    let mut out: [Vec<&Annotation>; 3] = Default::default();
    for a in anns.iter().filter(|a| a.status.is_live()) {
        out[index(a.label())].push(a);
    }
    out
}

/// The position of a label in [`Label::ALL`].
pub fn index(label: Label) -> usize {
    match label {
        Label::Actor => 0,
        Label::Date => 1,
        Label::Claim => 2,
    }
}

/// Spans of two annotators and how many of them were matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanCount {
    /// Spans of the first annotator.
    pub a: usize,
    /// Spans of the second annotator.
    pub b: usize,
    /// Pairs matched one to one.
    pub matched: usize,
}

impl SpanCount {
    /// `2 * matched / (a + b)`; `None` when neither side has a span.
    pub fn f1(&self) -> Option<f64> {
        (self.a + self.b > 0).then(|| 2.0 * self.matched as f64 / (self.a + self.b) as f64)
    }
    /// Adds another count (micro-averaging).
    pub fn add(&mut self, o: SpanCount) {
        self.a += o.a;
        self.b += o.b;
        self.matched += o.matched;
    }
}

impl Serialize for SpanCount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("SpanCount", 4)?;
        st.serialize_field("a", &self.a)?;
        st.serialize_field("b", &self.b)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

/// Strict and overlap counts of one label, and the overlap pairs `(index in a, index in b)`.
pub fn compare(a: &[&Annotation], b: &[&Annotation]) -> (SpanCount, SpanCount, Vec<(usize, usize)>) {
    let sa: Vec<Span> = a.iter().map(|x| x.span).collect();
    let sb: Vec<Span> = b.iter().map(|x| x.span).collect();
    let strict = matching::strict(&sa, &sb).len();
    let pairs = matching::overlap(&sa, &sb);
    let count = |matched| SpanCount { a: sa.len(), b: sb.len(), matched };
    (count(strict), count(pairs.len()), pairs)
}
