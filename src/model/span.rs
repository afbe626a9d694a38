//! Half-open spans of Unicode code points.
//!
//! Owns: the [`Span`] type and its invariants (start <= end). It must not: know about
//! bytes or UTF-16 (that is `text.rs`) or about labels.

use super::Error;
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of **Unicode code points** (scalar values) in a
/// document's normalised text, like a Python string slice.
///
/// Fields are private so that every span in the program has `start <= end`; a span
/// read from a file is also checked against the text's length by [`Span::within`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan", into = "RawSpan")]
pub struct Span {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = Error;
    fn try_from(r: RawSpan) -> Result<Span, Error> {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for RawSpan {
    fn from(s: Span) -> RawSpan {
        RawSpan { start: s.start, end: s.end }
    }
}

impl Span {
    /// A span of code points `[start, end)`; an error when `start > end`.
    pub fn new(start: usize, end: usize) -> Result<Span, Error> {
        if start > end {
            return Err(Error::span(format!("span starts at {start} after its end {end}")));
        }
        Ok(Span { start, end })
    }

    /// A span of code points `[start, end)` that must also end within `len` code points.
    pub fn within(start: usize, end: usize, len: usize) -> Result<Span, Error> {
        let span = Span::new(start, end)?;
        if end > len {
            return Err(Error::span(format!("span {start}..{end} ends past the end of the text ({len} code points)")));
        }
        Ok(span)
    }

    /// First code point, inclusive.
    pub fn start(&self) -> usize {
        self.start
    }
    /// One past the last code point.
    pub fn end(&self) -> usize {
        self.end
    }
    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True for a span of length zero.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies within `self` (equal spans contain each other).
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the code point at `offset` is inside the span.
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_reversed_and_out_of_bounds() {
        assert!(Span::new(3, 2).is_err());
        assert!(Span::within(0, 6, 5).is_err());
        assert_eq!(Span::within(1, 5, 5).unwrap().len(), 4);
    }

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 5).unwrap();
        let b = Span::new(4, 8).unwrap();
        let c = Span::new(5, 8).unwrap();
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert!(Span::new(0, 8).unwrap().contains(&b));
        assert!(!a.contains(&b));
    }

    #[test]
    fn serde_checks_order() {
        let s: Result<Span, _> = serde_json::from_str(r#"{"start":5,"end":2}"#);
        assert!(s.is_err());
        let s: Span = serde_json::from_str(r#"{"start":2,"end":5}"#).unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"start":2,"end":5}"#);
    }
}
