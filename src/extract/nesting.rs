//! Which claims may stand together: the rule the merge step applies to CLAIM candidates,
//! also used by the claim extractor to leave out, before it copies their text, candidates
//! the merge would drop.
//!
//! Owns: [`ClaimNest`], the greedy test of one claim span against those kept so far. It must
//! not: order the candidates (callers offer them longest first) or look at anything but spans.

use std::collections::{BTreeMap, BTreeSet};

/// The most claims that may cover one character. Claims nest (a report of a report: "X said
/// that Y said that ..."), and every level copies the text it covers into its quote, so a
/// text of nothing but nested reports would cost the square of its length in memory (256 KB
/// of `Mali said that France said that ` made 8.9 GB). The development corpora nest four
/// deep at most (PolNeAR), the seeds two: twice the deepest keeps every real claim, and
/// bounds the quotes of the output by this many times the text.
pub const MAX_CLAIM_DEPTH: usize = 8;

/// A claim span as (start, end).
type Pair = (usize, usize);

/// The kept claims, offered longest first (then by start), as (start, end) spans.
#[derive(Default)]
pub(crate) struct ClaimNest {
    /// Kept spans by (start, end), with their depth (1 for a claim no other covers) and the
    /// innermost kept claim covering them.
    starts: BTreeMap<Pair, (usize, Option<Pair>)>,
    /// Kept spans as (end, start).
    ends: BTreeSet<Pair>,
}

impl ClaimNest {
    /// Keeps the claim `a..b` when it is not empty, crosses no kept claim, does not repeat
    /// one, and would not make any character covered by more than [`MAX_CLAIM_DEPTH`] kept
    /// claims. Candidates must come longest first: then a kept claim that overlaps a new one
    /// covers it, and the nesting is a forest whose links never change. Logarithmic, plus at
    /// most [`MAX_CLAIM_DEPTH`] steps up the forest.
    pub(crate) fn accept(&mut self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        // A kept claim that crosses the candidate (or has its span) starts or ends inside it:
        // look only there.
        let crossing = self.starts.range((a, 0)..(b, 0)).any(|(&(s, e), _)| e > b && s > a || s == a && e == b)
            || self.ends.range((a + 1, 0)..(b, 0)).any(|&(_, s)| s < a);
        if crossing {
            return false;
        }
        let parent = self.innermost_cover(a, b);
        let depth = parent.and_then(|p| self.starts.get(&p)).map_or(1, |&(d, _)| d + 1);
        if depth > MAX_CLAIM_DEPTH {
            return false;
        }
        self.starts.insert((a, b), (depth, parent));
        self.ends.insert((b, a));
        true
    }

    /// The innermost kept claim covering `a..b` (which crosses none).
    fn innermost_cover(&self, a: usize, b: usize) -> Option<Pair> {
        // One starting where the candidate does: the shortest that reaches its end.
        if let Some((&k, _)) = self.starts.range((a, b)..=(a, usize::MAX)).next() {
            return Some(k);
        }
        // Else the kept claims with the last start before `a`: the shortest of them that
        // reaches `b`, or, when they all end before `a`, the nearest ancestor of the widest of
        // them that reaches `b` (any claim covering the candidate covers that one too).
        let (&(s, widest), _) = self.starts.range(..(a, 0)).next_back()?;
        if let Some((&k, _)) = self.starts.range((s, b)..=(s, usize::MAX)).next() {
            return Some(k);
        }
        let mut up = self.starts.get(&(s, widest))?.1;
        while let Some(p) = up {
            if p.1 >= b {
                return Some(p);
            }
            up = self.starts.get(&p)?.1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Offers spans longest first, as the merge does; returns the kept ones.
    fn keep(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut order = spans.to_vec();
        order.sort_by_key(|&(a, b)| (std::cmp::Reverse(b - a), a));
        let mut nest = ClaimNest::default();
        order.into_iter().filter(|&(a, b)| nest.accept(a, b)).collect()
    }

    #[test]
    fn nested_and_disjoint_claims_stay_crossing_ones_go() {
        assert_eq!(keep(&[(0, 10), (2, 5), (12, 20), (4, 11)]), vec![(0, 10), (12, 20), (2, 5)]);
        assert_eq!(keep(&[(0, 10), (0, 10)]), vec![(0, 10)]);
        assert_eq!(keep(&[(3, 3)]), vec![]);
    }

    #[test]
    fn nesting_stops_at_the_maximum_depth() {
        // Each claim covers the next: "X said that Y said that ...".
        let chain: Vec<(usize, usize)> = (0..20).map(|k| (k * 3, 100)).collect();
        assert_eq!(keep(&chain).len(), MAX_CLAIM_DEPTH);
        // The same start at every level.
        let same_start: Vec<(usize, usize)> = (0..20).map(|k| (0, 100 - k)).collect();
        assert_eq!(keep(&same_start).len(), MAX_CLAIM_DEPTH);
        // Two siblings at the deepest level allowed are both kept (the second is reached by
        // walking up from the first); a claim inside one of them would be one too deep.
        let mut two: Vec<(usize, usize)> = (0..MAX_CLAIM_DEPTH - 1).map(|k| (k, 1000 - k)).collect();
        two.extend([(100, 110), (200, 210), (102, 108), (203, 206)]);
        let kept = keep(&two);
        assert_eq!(kept.len(), MAX_CLAIM_DEPTH + 1);
        assert!(kept.contains(&(100, 110)) && kept.contains(&(200, 210)));
    }
}
