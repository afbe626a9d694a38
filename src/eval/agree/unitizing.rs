//! Krippendorff's unitizing alpha (alpha_U) over spans on the code-point continuum.
//!
//! Owns: alpha_U of Krippendorff (1995), "On the reliability of unitizing contiguous data",
//! in the form of Krippendorff (2004), *Content Analysis*, 2nd ed., ch. 12, as DKPro
//! Agreement's `KrippendorffAlphaUnitizingAgreement` computes it (per category, and over all
//! categories as one minus the ratio of the mean observed to the mean expected
//! disagreement). It must not: know labels or documents; callers pass, per category, each
//! coder's units as code-point intervals of one continuum.
//!
//! A coder's units of one category are first merged where they overlap or touch (alpha_U
//! assumes a coder's units of a category never overlap; nested same-label spans become one
//! unit), and whatever no unit covers is that coder's gaps. For coders `i != j`, the
//! distance of a unit `g` of `i` and a segment `h` of `j` is `(b_g - b_h)^2 + (e_g - e_h)^2`
//! when `h` is a unit overlapping `g`, `l_g^2` when `g` lies inside a gap `h`, and 0
//! otherwise. With `R` coders and a continuum of length `L`:
//!
//! ```text
//! D_o = sum over ordered pairs of coders (i, j) of sum_{g, h} delta(g, h) / (R (R-1) L^2)
//! D_e = 2/L * sum_units [ (N-1)(2l^3 - 3l^2 + l)/3 + l^2 sum_{gaps k >= l} (k - l + 1) ]
//!       / (R L (R L - 1) - sum_units l (l-1))
//! alpha_U = 1 - D_o / D_e
//! ```
//!
//! where `N` is the number of units of the category over all coders and the gaps are those
//! of all coders. Undefined (`None`) with fewer than two coders, an empty continuum or
//! `D_e = 0` (no unit at all).

/// One coder's units of one category: `(start, end)` code-point intervals.
pub type Units = Vec<(u64, u64)>;

/// Units sorted, clipped to `[begin, end)`, with overlapping or touching ones merged.
pub fn merged(mut units: Units, begin: u64, end: u64) -> Units {
    units.retain(|&(s, e)| e > s && s < end && e > begin);
    crate::sort::sort(&mut units);
    let mut out: Units = Vec::with_capacity(units.len());
    for (s, e) in units {
        let (s, e) = (s.max(begin), e.min(end));
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Observed and expected disagreement of one category.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

impl Disagreement {
    /// alpha_U of this category.
    pub fn alpha(&self) -> Option<f64> {
        alpha_of(self.observed, self.expected)
    }
}

fn alpha_of(observed: f64, expected: f64) -> Option<f64> {
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// The disagreements of one category: `coders[i]` are coder `i`'s units (merged, see
/// [`merged`]) on the continuum `[begin, begin + len)`. `None` when undefined.
pub fn category(coders: &[Units], begin: u64, len: u64) -> Option<Disagreement> {
    let r = coders.len() as f64;
    if coders.len() < 2 || len == 0 {
        return None;
    }
    let l = len as f64;
    let mut sum = 0.0;
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            // Both orders of the pair: every overlapping pair and every unit in a gap twice.
            sum += 2.0 * (pair_distance(a, b) + pair_distance(b, a));
        }
    }
    let observed = sum / (r * (r - 1.0) * l * l);
    let expected = expected(coders, begin, len)?;
    Some(Disagreement { observed, expected })
}

/// The distances met walking the units of `a` against the segments of `b`: half of each
/// overlapping pair (the other half comes from `b`'s side) and every unit of `a` in a gap of `b`.
fn pair_distance(a: &[(u64, u64)], b: &[(u64, u64)]) -> f64 {
    let mut sum = 0.0;
    for &(s, e) in a {
        // Units of b that overlap (s, e): those ending after s and starting before e.
        let from = b.partition_point(|&(_, be)| be <= s);
        let mut any = false;
        for &(bs, be) in b[from..].iter().take_while(|&&(bs, _)| bs < e) {
            any = true;
            let (ds, de) = (s as f64 - bs as f64, e as f64 - be as f64);
            // Each overlapping pair is met from both sides: count half from each.
            sum += (ds * ds + de * de) / 2.0;
        }
        if !any {
            let len = (e - s) as f64;
            sum += len * len;
        }
    }
    sum
}

/// The expected disagreement, `None` when it is zero (no unit).
fn expected(coders: &[Units], begin: u64, len: u64) -> Option<f64> {
    let end = begin + len;
    let mut gaps: Vec<u64> = Vec::new();
    for units in coders {
        let mut pos = begin;
        for &(s, e) in units {
            if s > pos {
                gaps.push(s - pos);
            }
            pos = e;
        }
        if end > pos {
            gaps.push(end - pos);
        }
    }
    crate::sort::sort(&mut gaps);
    // suffix[k] = sum over gaps[k..] of (gap + 1).
    let mut suffix = vec![0.0; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k] as f64 + 1.0;
    }
    let n = coders.iter().map(Vec::len).sum::<usize>() as f64;
    let (mut num, mut sq) = (0.0, 0.0);
    for &(s, e) in coders.iter().flatten() {
        let l = (e - s) as f64;
        sq += l * (l - 1.0);
        let k = gaps.partition_point(|&g| g < e - s);
        let fits = (gaps.len() - k) as f64;
        num += (n - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0 + l * l * (suffix[k] - l * fits);
    }
    let (r, l) = (coders.len() as f64, len as f64);
    let expected = num * 2.0 / l / (r * l * (r * l - 1.0) - sq);
    (expected > 0.0).then_some(expected)
}

/// alpha_U over several categories: one minus the mean observed over the mean expected
/// disagreement of the categories that have units. `None` when none has.
pub fn overall(categories: &[Disagreement]) -> Option<f64> {
    if categories.is_empty() {
        return None;
    }
    let k = categories.len() as f64;
    let o = categories.iter().map(|d| d.observed).sum::<f64>() / k;
    let e = categories.iter().map(|d| d.expected).sum::<f64>() / k;
    alpha_of(o, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A case computed by hand. Continuum 0..10, two coders, one category: coder A marks
    /// 2..5, coder B 3..5.
    ///
    /// Observed: the two units overlap, distance (2-3)^2 + (5-5)^2 = 1, met once per
    /// ordered pair of coders: sum 2; D_o = 2 / (R(R-1) L^2) = 2 / (2 * 100) = 0.01.
    ///
    /// Expected: N = 2 units, of lengths 3 and 2; sum l(l-1) = 6 + 2 = 8. Gaps: A has 0..2
    /// and 5..10 (2, 5), B has 0..3 and 5..10 (3, 5).
    /// - unit of length 3: (N-1)(2*27 - 3*9 + 3)/3 = 10; gaps >= 3 are 5, 3, 5:
    ///   (3 + 1 + 3) * 3^2 = 63; together 73.
    /// - unit of length 2: (2*8 - 3*4 + 2)/3 = 2; gaps >= 2 are 2, 5, 3, 5:
    ///   (1 + 4 + 2 + 4) * 2^2 = 44; together 46.
    ///
    /// D_e = 2/10 * (73 + 46) / (20 * 19 - 8) = 23.8 / 372; alpha_U = 1 - 0.01 * 372 / 23.8
    /// = 1 - 93/595 = 502/595 = 0.843697...
    #[test]
    fn hand_computed_case() {
        let d = category(&[vec![(2, 5)], vec![(3, 5)]], 0, 10).unwrap();
        assert!((d.observed - 0.01).abs() < 1e-12);
        assert!((d.expected - 23.8 / 372.0).abs() < 1e-12);
        assert!((d.alpha().unwrap() - 502.0 / 595.0).abs() < 1e-12);
    }

    /// Krippendorff (2004), *Content Analysis* 2nd ed., p. 254 (the worked example DKPro
    /// Agreement's Krippendorff2004Test reproduces): continuum 150..450, two coders;
    /// category c: D_o = 0.0144, D_e = 0.0532, alpha_c = 0.7286; category k (identical units):
    /// D_o = 0, D_e = 0.0490, alpha_k = 1; over both categories alpha_U = 0.8591.
    #[test]
    fn krippendorff_2004_example() {
        let c = category(&[vec![(225, 295), (370, 400)], vec![(220, 300), (355, 375), (400, 420)]], 150, 300).unwrap();
        assert!((c.observed - 0.0144).abs() < 0.0001, "{c:?}");
        assert!((c.expected - 0.0532).abs() < 0.0001, "{c:?}");
        assert!((c.alpha().unwrap() - 0.7286).abs() < 0.0001, "{c:?}");
        let k = category(&[vec![(180, 240), (300, 350)], vec![(180, 240), (300, 350)]], 150, 300).unwrap();
        assert_eq!(k.observed, 0.0);
        assert!((k.expected - 0.0490).abs() < 0.0001, "{k:?}");
        assert_eq!(k.alpha(), Some(1.0));
        assert!((overall(&[c, k]).unwrap() - 0.8591).abs() < 0.0005);
    }

    #[test]
    fn merging_and_undefined() {
        assert_eq!(merged(vec![(5, 9), (0, 3), (2, 4), (9, 9), (12, 20)], 0, 15), vec![(0, 4), (5, 9), (12, 15)]);
        assert_eq!(category(&[vec![], vec![]], 0, 10), None);
        assert_eq!(category(&[vec![(1, 2)]], 0, 10), None);
        assert_eq!(overall(&[]), None);
    }
}
