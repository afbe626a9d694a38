//! Matching strategies: which predicted span answers which gold span.
//!
//! Owns: strict matching (identical offsets) and overlap matching (at least one shared code
//! point), both one-to-one. It must not: know labels or attributes; callers pass the spans
//! of one label of one document and read the pairs back.

use crate::model::Span;
use std::collections::HashMap;

/// Pairs `(gold index, predicted index)` of spans with identical offsets, one-to-one (a
/// repeated span is matched as many times as it occurs on both sides).
pub fn strict(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    let mut free: HashMap<Span, Vec<usize>> = HashMap::with_capacity(pred.len());
    for (j, p) in pred.iter().enumerate().rev() {
        free.entry(*p).or_default().push(j);
    }
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        if let Some(j) = free.get_mut(g).and_then(Vec::pop) {
            pairs.push((i, j));
        }
    }
    pairs
}

/// True when two spans share at least one code point (an empty span shares none).
pub fn shares(a: Span, b: Span) -> bool {
    !a.is_empty() && !b.is_empty() && a.overlaps(&b)
}

/// Pairs `(gold index, predicted index)` of overlapping spans, one-to-one, chosen greedily:
/// identical spans first (so every strict match is an overlap match, empty spans included), then the pairs that share the most code points, then those whose
/// boundaries are closest, then text order. Pairs come back sorted by gold index.
pub fn overlap(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    // Predicted spans by start, to visit only those that can overlap a gold span.
    let mut order: Vec<usize> = (0..pred.len()).collect();
    crate::sort::sort_by_key(&mut order, |&j| (pred[j].start(), pred[j].end()));
    let max_len = pred.iter().map(Span::len).max().unwrap_or(0);
    let mut cands: Vec<(bool, std::cmp::Reverse<usize>, usize, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let lowest = g.start().saturating_sub(max_len);
        let from = order.partition_point(|&j| pred[j].start() < lowest);
        for &j in &order[from..] {
            let p = pred[j];
            if p.start() > g.end() {
                break;
            }
            if !shares(p, *g) && p != *g {
                continue;
            }
            let shared = p.end().min(g.end()) - p.start().max(g.start());
            let distance = p.start().abs_diff(g.start()) + p.end().abs_diff(g.end());
            cands.push((p != *g, std::cmp::Reverse(shared), distance, i, j));
        }
    }
    crate::sort::sort(&mut cands);
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (_, _, _, i, j) in cands {
        if !gold_used[i] && !pred_used[j] {
            gold_used[i] = true;
            pred_used[j] = true;
            pairs.push((i, j));
        }
    }
    crate::sort::sort(&mut pairs);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize) -> Span {
        Span::new(a, b).unwrap()
    }

    #[test]
    fn strict_is_one_to_one() {
        let gold = [s(0, 5), s(0, 5), s(7, 9)];
        let pred = [s(0, 5), s(7, 8)];
        assert_eq!(strict(&gold, &pred), vec![(0, 0)]);
    }

    #[test]
    fn overlap_prefers_exact_then_larger_share() {
        // Gold 0..10 and 8..20; prediction 5..12 shares 5 with the first, 4 with the second;
        // prediction 8..20 is exact for the second.
        let gold = [s(0, 10), s(8, 20)];
        let pred = [s(5, 12), s(8, 20)];
        assert_eq!(overlap(&gold, &pred), vec![(0, 0), (1, 1)]);
        // One long prediction over two gold spans matches only one of them.
        let pred = [s(0, 20)];
        assert_eq!(overlap(&gold, &pred).len(), 1);
        // Touching is not overlapping; an empty span overlaps nothing but its equal.
        assert!(overlap(&[s(0, 5)], &[s(5, 9), s(3, 3)]).is_empty());
        assert_eq!(overlap(&[s(3, 3)], &[s(3, 3)]), vec![(0, 0)]);
    }

    #[test]
    fn overlap_finds_long_predictions_that_start_early() {
        let gold = [s(50, 55)];
        let pred = [s(0, 100), s(10, 20)];
        assert_eq!(overlap(&gold, &pred), vec![(0, 0)]);
    }
}
