//! Krippendorff's alpha for nominal data, any number of coders, missing values allowed.
//!
//! Owns: the coincidence-matrix computation of Krippendorff (2011), "Computing Krippendorff's
//! Alpha-Reliability", section C (nominal metric), as an accumulator fed one unit at a time.
//! It must not: decide what a unit or a category is (the caller codes tokens, see
//! [`super::coding`]).
//!
//! With `n_uc` the number of coders giving category `c` to unit `u`, `m_u` the number of
//! values of unit `u` (only units with `m_u >= 2` are pairable), `n_c = sum_u n_uc` and
//! `n = sum_c n_c`:
//!
//! ```text
//! D_o = 1/n * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1)       (observed disagreement)
//! D_e = 1/(n (n-1)) * (n^2 - sum_c n_c^2)                    (expected disagreement)
//! alpha = 1 - D_o / D_e
//! ```
//!
//! Undefined (`None`) when fewer than two pairable values exist or `D_e = 0` (every value
//! the same category: no variation to agree on).

/// Sums for alpha over the units added so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlphaAcc {
    /// `sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1)`: n times the observed disagreement.
    disagreement: f64,
    /// `n_c` for every category seen (indexed by category).
    totals: Vec<f64>,
}

impl AlphaAcc {
    /// Adds one unit given as the category each coder chose (coders without a value are
    /// simply absent). A unit with fewer than two values is not pairable and is skipped.
    pub fn add_unit(&mut self, values: &[u8]) {
        if values.len() < 2 {
            return;
        }
        // sum_c n_uc^2 is the sum, over the values, of how many values equal each one (a
        // unit has a few values: quadratic in them, with no allocation).
        let m = values.len() as f64;
        let mut sq = 0.0;
        for &v in values {
            sq += values.iter().filter(|&&w| w == v).count() as f64;
            if self.totals.len() <= v as usize {
                self.totals.resize(v as usize + 1, 0.0);
            }
            self.totals[v as usize] += 1.0;
        }
        self.disagreement += (m * m - sq) / (m - 1.0);
    }

    /// Adds another accumulator's units.
    pub fn merge(&mut self, o: &AlphaAcc) {
        self.disagreement += o.disagreement;
        if self.totals.len() < o.totals.len() {
            self.totals.resize(o.totals.len(), 0.0);
        }
        for (t, x) in self.totals.iter_mut().zip(&o.totals) {
            *t += x;
        }
    }

    /// Alpha, or `None` when it is undefined (see the module doc).
    pub fn alpha(&self) -> Option<f64> {
        let n: f64 = self.totals.iter().sum();
        if n < 2.0 {
            return None;
        }
        let expected = n * n - self.totals.iter().map(|t| t * t).sum::<f64>();
        if expected <= 0.0 {
            return None;
        }
        Some(1.0 - (n - 1.0) * self.disagreement / expected)
    }
}

/// Alpha of a reliability data matrix: one row per coder, one column per unit, `None` for a
/// missing value.
pub fn alpha(rows: &[Vec<Option<u8>>]) -> Option<f64> {
    let units = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut acc = AlphaAcc::default();
    let mut values = Vec::with_capacity(rows.len());
    for u in 0..units {
        values.clear();
        values.extend(rows.iter().filter_map(|r| r.get(u).copied().flatten()));
        acc.add_unit(&values);
    }
    acc.alpha()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
    /// coders, twelve units, values 1..5, missing data; nominal alpha = 0.743.
    #[test]
    fn krippendorff_2011_four_coders_missing_data() {
        let row = |v: [u8; 12]| v.iter().map(|&x| (x > 0).then_some(x)).collect::<Vec<_>>();
        let rows = vec![
            row([1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0]),
            row([1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3]),
            row([0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0]),
            row([1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0]),
        ];
        let a = alpha(&rows).unwrap();
        assert!((a - 0.743).abs() < 0.0005, "alpha = {a}");
    }

    /// Krippendorff (1995), "On the reliability of unitizing contiguous data", p. 57,
    /// example A digitized into 24 binary units (Bertha and Bill): nominal alpha = 0.329 (the
    /// value DKPro Agreement's Krippendorff1995Test checks too).
    #[test]
    fn krippendorff_1995_digitized_example_a() {
        let bertha = "001111111100001111110000";
        let bill = "000011110000000110000000";
        let row = |s: &str| s.bytes().map(|b| Some(b - b'0')).collect::<Vec<_>>();
        let a = alpha(&[row(bertha), row(bill)]).unwrap();
        assert!((a - 0.329).abs() < 0.0005, "alpha = {a}");
    }

    #[test]
    fn undefined_without_variation_or_pairs() {
        assert_eq!(alpha(&[vec![Some(1), Some(1)], vec![Some(1), Some(1)]]), None);
        assert_eq!(alpha(&[vec![Some(1), None], vec![None, Some(2)]]), None);
        assert_eq!(alpha(&[]), None);
        // Perfect agreement with variation: 1.
        assert_eq!(alpha(&[vec![Some(1), Some(2)], vec![Some(1), Some(2)]]), Some(1.0));
    }

    #[test]
    fn merging_equals_adding() {
        let mut a = AlphaAcc::default();
        let mut b = AlphaAcc::default();
        let mut all = AlphaAcc::default();
        for (i, u) in [[0u8, 1], [1, 1], [2, 0], [1, 2]].iter().enumerate() {
            if i % 2 == 0 {
                a.add_unit(u)
            } else {
                b.add_unit(u)
            }
            all.add_unit(u);
        }
        a.merge(&b);
        assert_eq!(a.alpha(), all.alpha());
    }
}
