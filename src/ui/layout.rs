//! How a text with overlapping annotations is cut into paragraphs and runs for display.
//!
//! Owns: splitting the text at line breaks into paragraphs and each paragraph at every
//! annotation boundary into runs, each run knowing which annotations cover it. It must not:
//! build DOM or know UTF-16 offsets (runs are code points; the view renders them).

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

/// The paragraphs of `doc` with their runs over `anns`, in one sweep: O((n + a) log a).
pub fn paragraphs(doc: &Document, anns: &[Annotation]) -> Vec<Paragraph> {
    paragraphs_with_cuts(doc, anns, &[])
}

/// Like [`paragraphs`], with runs also cut at the code points `cuts` (the edges of the
/// words waiting for a label, so that only they are drawn as pending).
pub fn paragraphs_with_cuts(doc: &Document, anns: &[Annotation], cuts: &[usize]) -> Vec<Paragraph> {
    // Events: (offset, is_start, index). Ends sort before starts at the same offset; a cut
    // is an end event of no annotation (index usize::MAX).
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(anns.len() * 2 + cuts.len());
    events.extend(cuts.iter().map(|&c| (c, false, usize::MAX)));
    for (i, a) in anns.iter().enumerate() {
        if !a.span.is_empty() {
            events.push((a.span.start(), true, i));
            events.push((a.span.end(), false, i));
        }
    }
    events.sort_unstable();
    let mut out = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut ev = 0;
    let mut cp = 0;
    for line in doc.text().split('\n') {
        let len = line.chars().count();
        let (pstart, pend) = (cp, cp + len);
        cp = pend + 1;
        // Trim white space at the line's ends so paragraphs start with text.
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        if lead == len {
            continue;
        }
        let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
        let (pstart, pend) = (pstart + lead, pend - trail);
        let mut runs = Vec::new();
        let mut at = pstart;
        loop {
            // Apply every event up to `at`.
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
            if at >= pend {
                break;
            }
            let next = events.get(ev).map_or(pend, |e| e.0.min(pend));
            let mut covering = active.clone();
            covering.sort_unstable();
            runs.push(Run { start: at, end: next, covering });
            at = next;
        }
        out.push(Paragraph { start: pstart, end: pend, runs });
    }
    out
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
            provenance: Provenance::default(),
            attrs: crate::ui::state::new_attrs(Label::Claim, "x", None),
        }
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
        // Runs tile each paragraph exactly.
        for p in &ps {
            assert_eq!(p.runs.first().unwrap().start, p.start);
            assert_eq!(p.runs.last().unwrap().end, p.end);
            assert!(p.runs.windows(2).all(|w| w[0].end == w[1].start && w[0].start < w[0].end));
        }
    }
}
