//! How a text with overlapping annotations is cut into paragraphs and runs for display.
//!
//! Owns: splitting the text at line breaks into paragraphs ([`paragraph_bounds`], once per
//! document), finding which annotations overlap each paragraph ([`Coverage`], one sweep per
//! change of the annotations), and cutting one paragraph at every annotation boundary into
//! runs ([`runs`]), each run knowing which annotations cover it. The view redraws only the
//! paragraphs whose annotations changed, so the work of an edit is proportional to the
//! paragraphs it touches. It must not: build DOM or know UTF-16 offsets (runs are code
//! points; the view renders them).

use crate::model::{Annotation, Document};

/// A stretch of text covered by the same annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// First code point, inclusive.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Indexes into the annotation slice of every annotation covering the run.
    pub covering: Vec<usize>,
}

/// A line of the text that is not blank, cut into runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub runs: Vec<Run>,
}

/// Where a paragraph (a line that is not blank, trimmed of white space) lies in the text,
/// in code points and in bytes (to slice the text without an index lookup).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Bounds {
    /// True when the code points `start..end` share at least one code point with the
    /// paragraph.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        start < self.end && self.start < end
    }
}

/// The paragraphs of `text`: every line with some non-white-space, trimmed. One pass over
/// the text.
pub fn paragraph_bounds(text: &str) -> Vec<Bounds> {
    let mut out = Vec::new();
    let (mut cp, mut byte) = (0usize, 0usize);
    for line in text.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = &line[..line.len() - line.trim_start().len()];
            let lead_cps = lead.chars().count();
            let len_cps = trimmed.chars().count();
            let byte_start = byte + lead.len();
            out.push(Bounds {
                start: cp + lead_cps,
                end: cp + lead_cps + len_cps,
                byte_start,
                byte_end: byte_start + trimmed.len(),
            });
            cp += line[lead.len() + trimmed.len()..].chars().count() + lead_cps + len_cps + 1;
        } else {
            cp += line.chars().count() + 1;
        }
        byte += line.len() + 1;
    }
    out
}

/// Where to cut `text` so that its first part holds about `bytes` bytes of whole lines (the
/// first screen of a long article, extracted before the rest): the byte index just after a
/// line break at or past `bytes`, or the text's length. The prefix's code points are the
/// text's own, so annotations found in it fit the whole text.
pub fn first_screen_bytes(text: &str, bytes: usize) -> usize {
    if text.len() <= bytes {
        return text.len();
    }
    text.as_bytes().iter().skip(bytes).position(|&b| b == b'\n').map_or(text.len(), |i| bytes + i + 1)
}

/// The index of the first paragraph of `bounds` that ends after code point `cp` (so the one
/// holding `cp`, or the next one): `bounds.len()` when there is none.
pub fn paragraph_at(bounds: &[Bounds], cp: usize) -> usize {
    bounds.partition_point(|b| b.end <= cp)
}

/// The paragraphs (indexes into `bounds`) that share a code point with `start..end`.
pub fn paragraphs_over(bounds: &[Bounds], start: usize, end: usize) -> std::ops::Range<usize> {
    let first = paragraph_at(bounds, start);
    let mut last = first;
    while last < bounds.len() && bounds[last].start < end {
        last += 1;
    }
    first..last.max(first)
}

/// Which annotations overlap each paragraph, as one flat list (compressed rows): the
/// annotations of paragraph `p` are `of(p)`, in the order of the annotation slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Coverage {
    /// Finds the paragraphs of every non-empty annotation: O(a log p + overlaps).
    pub fn new(bounds: &[Bounds], anns: &[Annotation]) -> Coverage {
        let spans = || {
            anns.iter().enumerate().filter(|(_, a)| !a.span.is_empty()).map(|(i, a)| {
                let r = paragraphs_over(bounds, a.span.start(), a.span.end());
                (i, r)
            })
        };
        let mut offsets = vec![0u32; bounds.len() + 1];
        for (_, r) in spans() {
            for p in r {
                offsets[p + 1] += 1;
            }
        }
        for p in 0..bounds.len() {
            offsets[p + 1] += offsets[p];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0u32; offsets[bounds.len()] as usize];
        for (i, r) in spans() {
            for p in r {
                items[fill[p] as usize] = i as u32;
                fill[p] += 1;
            }
        }
        Coverage { offsets, items }
    }

    /// The annotations (indexes into the slice given to [`Coverage::new`]) overlapping
    /// paragraph `p`; empty past the end.
    pub fn of(&self, p: usize) -> &[u32] {
        match (self.offsets.get(p), self.offsets.get(p + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The runs of the paragraph `para`, given the annotations overlapping it (`covering`,
/// indexes into `anns`), also cut at the code points `cuts` that fall inside it: one sweep
/// over its own annotations only.
pub fn runs(para: &Bounds, anns: &[Annotation], covering: &[u32], cuts: &[usize]) -> Vec<Run> {
    // Events: (offset, is_start, index). Ends sort before starts at the same offset; a cut
    // is an end event of no annotation (index usize::MAX).
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(covering.len() * 2 + cuts.len());
    events.extend(cuts.iter().filter(|&&c| para.start < c && c < para.end).map(|&c| (c, false, usize::MAX)));
    for &i in covering {
        let i = i as usize;
        let Some(a) = anns.get(i) else { continue };
        if a.span.is_empty() || !para.overlaps(a.span.start(), a.span.end()) {
            continue;
        }
        events.push((a.span.start().max(para.start), true, i));
        events.push((a.span.end().min(para.end), false, i));
    }
    events.sort_unstable();
    let mut out = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut ev = 0;
    let mut at = para.start;
    loop {
        while ev < events.len() && events[ev].0 <= at {
            let (_, is_start, i) = events[ev];
            if i == usize::MAX {
                // A cut: no annotation starts or ends here.
            } else if is_start {
                active.push(i);
            } else if let Some(p) = active.iter().position(|x| *x == i) {
                active.swap_remove(p);
            }
            ev += 1;
        }
        if at >= para.end {
            break;
        }
        let next = events.get(ev).map_or(para.end, |e| e.0.min(para.end));
        let mut covering = active.clone();
        covering.sort_unstable();
        out.push(Run { start: at, end: next, covering });
        at = next;
    }
    out
}

/// The paragraphs of `doc` with their runs over `anns`.
pub fn paragraphs(doc: &Document, anns: &[Annotation]) -> Vec<Paragraph> {
    paragraphs_with_cuts(doc, anns, &[])
}

/// Like [`paragraphs`], with runs also cut at the code points `cuts` (the edges of the
/// words waiting for a label, so that only they are drawn as pending).
pub fn paragraphs_with_cuts(doc: &Document, anns: &[Annotation], cuts: &[usize]) -> Vec<Paragraph> {
    let bounds = paragraph_bounds(doc.text());
    let cov = Coverage::new(&bounds, anns);
    bounds
        .iter()
        .enumerate()
        .map(|(p, b)| Paragraph { start: b.start, end: b.end, runs: runs(b, anns, cov.of(p), cuts) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Provenance, Span, Status};

    fn ann(id: &str, doc: &Document, s: usize, e: usize) -> Annotation {
        let span = Span::new(s, e).unwrap();
        Annotation {
            id: id.into(),
            span,
            quote: doc.slice(span).unwrap().into(),
            status: Status::Manual,
            note: None,
            unsure: false,
            provenance: Provenance::default(),
            attrs: crate::ui::state::new_attrs(Label::Claim, "x", None),
        }
    }

    #[test]
    fn a_span_across_paragraphs_is_cut_at_each_and_bounds_follow_crlf_free_text() {
        let doc = Document::new("t", "\t é  \n\nab cd\n  x\n", None).unwrap();
        let b = paragraph_bounds(doc.text());
        let got: Vec<_> = b.iter().map(|b| (b.start, b.end, &doc.text()[b.byte_start..b.byte_end])).collect();
        assert_eq!(got, vec![(2, 3, "é"), (7, 12, "ab cd"), (15, 16, "x")]);
        let anns = vec![ann("C1", &doc, 2, 10)];
        let ps = paragraphs(&doc, &anns);
        assert_eq!(ps[0].runs, vec![Run { start: 2, end: 3, covering: vec![0] }]);
        let r: Vec<_> = ps[1].runs.iter().map(|r| (r.start, r.end, r.covering.clone())).collect();
        assert_eq!(r, vec![(7, 10, vec![0]), (10, 12, vec![])]);
        assert_eq!(ps[2].runs, vec![Run { start: 15, end: 16, covering: vec![] }]);
    }

    #[test]
    fn the_first_screen_ends_after_a_line_break() {
        let t = "ab\ncd é\nef";
        assert_eq!(first_screen_bytes(t, 100), t.len());
        assert_eq!(first_screen_bytes(t, 1), 3);
        assert_eq!(first_screen_bytes(t, 3), 3 + 6);
        assert_eq!(&t[..first_screen_bytes(t, 4)], "ab\ncd é\n");
        assert_eq!(first_screen_bytes(t, 9), t.len());
    }

    #[test]
    fn runs_cut_at_every_boundary_and_paragraphs_skip_blank_lines() {
        let doc = Document::new("t", "  Ab 👍 cd\n\n\nef gh  \n", None).unwrap();
        // "Ab 👍 cd" = cps 2..9; "ef gh" = 12..17.
        let anns = vec![ann("C1", &doc, 2, 7), ann("C2", &doc, 5, 9), ann("C3", &doc, 12, 14)];
        let ps = paragraphs(&doc, &anns);
        assert_eq!(ps.len(), 2);
        assert_eq!((ps[0].start, ps[0].end, ps[1].start, ps[1].end), (2, 9, 12, 17));
        let r: Vec<_> = ps[0].runs.iter().map(|r| (r.start, r.end, r.covering.clone())).collect();
        assert_eq!(r, vec![(2, 5, vec![0]), (5, 7, vec![0, 1]), (7, 9, vec![1])]);
        let r: Vec<_> = ps[1].runs.iter().map(|r| (r.start, r.end, r.covering.clone())).collect();
        assert_eq!(r, vec![(12, 14, vec![2]), (14, 17, vec![])]);
        // Cuts split runs without adding coverage.
        let ps = paragraphs_with_cuts(&doc, &anns, &[3, 13]);
        let r: Vec<_> = ps[0].runs.iter().map(|r| (r.start, r.end, r.covering.clone())).collect();
        assert_eq!(r, vec![(2, 3, vec![0]), (3, 5, vec![0]), (5, 7, vec![0, 1]), (7, 9, vec![1])]);
        assert_eq!(ps[1].runs[0], Run { start: 12, end: 13, covering: vec![2] });
        // Bounds slice the text where the code points say, and coverage finds the paragraphs.
        let bounds = paragraph_bounds(doc.text());
        assert_eq!(&doc.text()[bounds[0].byte_start..bounds[0].byte_end], "Ab 👍 cd");
        assert_eq!(&doc.text()[bounds[1].byte_start..bounds[1].byte_end], "ef gh");
        let cov = Coverage::new(&bounds, &anns);
        assert_eq!((cov.of(0), cov.of(1), cov.of(2)), (&[0u32, 1][..], &[2u32][..], &[][..]));
        assert_eq!(paragraphs_over(&bounds, 8, 13), 0..2);
        assert_eq!(paragraphs_over(&bounds, 9, 12), 1..1);
        // Runs tile each paragraph exactly.
        for p in &ps {
            assert_eq!(p.runs.first().unwrap().start, p.start);
            assert_eq!(p.runs.last().unwrap().end, p.end);
            assert!(p.runs.windows(2).all(|w| w[0].end == w[1].start && w[0].start < w[0].end));
        }
    }
}
