//! Token coding of a document's spans, and Cohen's kappa.
//!
//! Owns: the unit of the chance-corrected coefficients over labels and [`KappaAcc`]. The
//! units are the document's tokens as `gloss convert --to conll` cuts them (maximal runs of
//! letters, digits and combining marks, every other non-space character alone; white space
//! is never a unit), cut further at every boundary any of the compared annotators drew, so
//! that each span of each annotator is a whole number of tokens and a boundary disagreement
//! shows as tokens coded differently. Each token gets, per annotator, a *mask* of the labels
//! whose spans cover it (bit 0 ACTOR, bit 1 DATE, bit 2 CLAIM): CLAIMs contain ACTORs and
//! DATEs, so each label is its own layer, coded in / out; "all labels" codes the token by
//! the whole mask (one of eight nominal categories: none, ACTOR, ACTOR+CLAIM...). It must
//! not: match spans or read attributes.

use crate::formats::conll;
use crate::model::{Label, Span};

/// The bit of a label in a token's mask.
pub fn bit(label: Label) -> u8 {
    match label {
        Label::Actor => 1,
        Label::Date => 2,
        Label::Claim => 4,
    }
}

/// The masks of a document's tokens for each annotator: `masks[annotator][token]`, given
/// each annotator's live spans with their labels. Empty spans cover nothing.
pub fn token_masks(text: &str, len: usize, annotators: &[Vec<(Span, Label)>]) -> Vec<Vec<u8>> {
    let mut cuts: Vec<usize> = annotators.iter().flatten().flat_map(|(s, _)| [s.start(), s.end()]).collect();
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let tokens = conll::tokens(text, &cuts);
    annotators
        .iter()
        .map(|spans| {
            // Per label, how many spans open minus close at each code point.
            let mut delta = vec![[0i32; 3]; len + 1];
            for (s, l) in spans {
                if s.is_empty() || s.end() > len {
                    continue;
                }
                let k = bit(*l).trailing_zeros() as usize;
                delta[s.start()][k] += 1;
                delta[s.end()][k] -= 1;
            }
            let mut depth = [0i32; 3];
            let mut pos = 0;
            tokens
                .iter()
                .map(|t| {
                    while pos <= t.start() {
                        for (d, x) in depth.iter_mut().zip(delta[pos]) {
                            *d += x;
                        }
                        pos += 1;
                    }
                    (0..3).filter(|&k| depth[k] > 0).fold(0u8, |m, k| m | (1 << k))
                })
                .collect()
        })
        .collect()
}

/// Cohen's kappa (1960) of two coders over nominal categories, as counts of
/// (first coder's category, second coder's category):
///
/// ```text
/// p_o = sum_c n_cc / n;  p_e = sum_c (n_c. / n) (n_.c / n);  kappa = (p_o - p_e) / (1 - p_e)
/// ```
///
/// Undefined (`None`) without items or when `p_e = 1` (both coders used one same category).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KappaAcc {
    /// (first category, second category, items), one entry per pair of categories seen.
    counts: Vec<(u8, u8, u64)>,
}

impl KappaAcc {
    /// Counts one item coded `a` by the first coder and `b` by the second.
    pub fn add(&mut self, a: u8, b: u8) {
        self.add_n(a, b, 1);
    }

    fn add_n(&mut self, a: u8, b: u8, n: u64) {
        match self.counts.iter_mut().find(|(x, y, _)| *x == a && *y == b) {
            Some(c) => c.2 += n,
            None => self.counts.push((a, b, n)),
        }
    }

    /// Adds another accumulator's items.
    pub fn merge(&mut self, o: &KappaAcc) {
        for &(a, b, n) in &o.counts {
            self.add_n(a, b, n);
        }
    }

    /// The number of items.
    pub fn items(&self) -> u64 {
        self.counts.iter().map(|c| c.2).sum()
    }

    /// Observed agreement `p_o`, `None` without items.
    pub fn observed(&self) -> Option<f64> {
        let n = self.items();
        (n > 0).then(|| self.counts.iter().filter(|c| c.0 == c.1).map(|c| c.2).sum::<u64>() as f64 / n as f64)
    }

    /// Kappa, or `None` when undefined.
    pub fn kappa(&self) -> Option<f64> {
        let n = self.items() as f64;
        let p_o = self.observed()?;
        let mut rows = [0u64; 256];
        let mut cols = [0u64; 256];
        for &(a, b, c) in &self.counts {
            rows[a as usize] += c;
            cols[b as usize] += c;
        }
        let p_e: f64 = rows.iter().zip(&cols).map(|(r, c)| (*r as f64 / n) * (*c as f64 / n)).sum();
        if p_e >= 1.0 - 1e-12 {
            return None;
        }
        Some((p_o - p_e) / (1.0 - p_e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(pairs: &[(u8, u8, u64)]) -> KappaAcc {
        let mut k = KappaAcc::default();
        for &(a, b, n) in pairs {
            for _ in 0..n {
                k.add(a, b);
            }
        }
        k
    }

    /// The textbook example of Cohen's kappa (50 grant proposals read by two readers: 20
    /// yes-yes, 5 yes-no, 10 no-yes, 15 no-no): p_o = 0.70, p_e = 0.50, kappa = 0.40.
    #[test]
    fn textbook_example() {
        let k = acc(&[(1, 1, 20), (1, 0, 5), (0, 1, 10), (0, 0, 15)]);
        assert!((k.observed().unwrap() - 0.7).abs() < 1e-12);
        assert!((k.kappa().unwrap() - 0.4).abs() < 1e-12);
    }

    /// Krippendorff (1995), p. 57, example A digitized into 24 binary units: Cohen's kappa
    /// 0.385 (as DKPro Agreement's Krippendorff1995Test checks).
    #[test]
    fn krippendorff_1995_digitized_example_a() {
        let bertha = "001111111100001111110000".bytes();
        let bill = "000011110000000110000000".bytes();
        let mut k = KappaAcc::default();
        for (a, b) in bertha.zip(bill) {
            k.add(a - b'0', b - b'0');
        }
        assert!((k.kappa().unwrap() - 0.385).abs() < 0.0005, "{:?}", k.kappa());
    }

    #[test]
    fn undefined_cases() {
        assert_eq!(KappaAcc::default().kappa(), None);
        assert_eq!(acc(&[(3, 3, 7)]).kappa(), None);
        assert_eq!(acc(&[(1, 1, 2), (2, 2, 3)]).kappa(), Some(1.0));
    }

    #[test]
    fn tokens_are_cut_at_every_boundary() {
        let text = "Paris said on Friday.";
        let s = |a, b| Span::new(a, b).unwrap();
        // One annotator marks "Par" (a boundary inside a word), the other "Paris" and a CLAIM.
        let masks = token_masks(
            text,
            21,
            &[vec![(s(0, 3), Label::Actor)], vec![(s(0, 5), Label::Actor), (s(0, 21), Label::Claim)]],
        );
        // Tokens: Par, is, said, on, Friday, "."
        assert_eq!(masks[0], vec![1, 0, 0, 0, 0, 0]);
        assert_eq!(masks[1], vec![5, 5, 4, 4, 4, 4]);
    }
}
