//! TempEval-3 style figures for DATE (TIMEX3) annotations.
//!
//! Owns: the TempEval-3 measures (UzZaman et al. 2013): strict and relaxed (overlap) span
//! F1, the accuracy of `value` and `type` over relaxed matches, and the attribute F1s, which
//! count a relaxed match as correct only when the attribute agrees too. It must not: match
//! spans itself (it is handed the relaxed pairs) or read files.

use super::figures::{Acc, Prf};
use crate::model::Annotation;
use serde::Serialize;

/// TempEval-3 figures, summed over documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TempEval {
    /// Exact-offset matching.
    pub strict: Prf,
    /// Overlap matching.
    pub relaxed: Prf,
    /// Relaxed matches whose `value` is the gold value.
    pub value_accuracy: Acc,
    /// Relaxed matches whose `type` is the gold type.
    pub type_accuracy: Acc,
    /// Relaxed F1 counting only matches with the right value.
    pub value: Prf,
    /// Relaxed F1 counting only matches with the right type.
    #[serde(rename = "type")]
    pub timex_type: Prf,
}

impl TempEval {
    /// Adds one document: its gold and predicted DATEs, the strict count and the relaxed pairs.
    pub fn add(&mut self, gold: &[&Annotation], pred: &[&Annotation], strict: usize, relaxed: &[(usize, usize)]) {
        self.strict.add(Prf::new(gold.len(), pred.len(), strict));
        self.relaxed.add(Prf::new(gold.len(), pred.len(), relaxed.len()));
        let mut values = 0;
        let mut types = 0;
        for &(i, j) in relaxed {
            let (Some(g), Some(p)) = (gold[i].date(), pred[j].date()) else { continue };
            let value_ok = same_value(&g.value, &p.value);
            let type_ok = g.timex_type == p.timex_type;
            self.value_accuracy.count(value_ok);
            self.type_accuracy.count(type_ok);
            values += usize::from(value_ok);
            types += usize::from(type_ok);
        }
        self.value.add(Prf::new(gold.len(), pred.len(), values));
        self.timex_type.add(Prf::new(gold.len(), pred.len(), types));
    }
}

/// TIMEX3 values compared as TempEval-3's scorer does: exactly, after trimming.
fn same_value(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attrs, DateAttrs, Provenance, Span, Status, TimexType};

    fn date(a: usize, b: usize, value: &str, t: TimexType) -> Annotation {
        Annotation {
            id: format!("D{a}"),
            span: Span::new(a, b).unwrap(),
            quote: String::new(),
            status: Status::Manual,
            note: None,
            unsure: false,
            provenance: Provenance::default(),
            attrs: Attrs::Date(DateAttrs { timex_type: t, value: value.into(), modifier: None, anchor: None }),
        }
    }

    #[test]
    fn value_and_type_over_relaxed_matches() {
        let g = [date(0, 5, "2025-09-14", TimexType::Date), date(10, 20, "P4Y", TimexType::Duration)];
        let p = [date(0, 5, "2025-09-14", TimexType::Date), date(12, 20, "P3Y", TimexType::Date)];
        let (g, p): (Vec<&Annotation>, Vec<&Annotation>) = (g.iter().collect(), p.iter().collect());
        let mut t = TempEval::default();
        t.add(&g, &p, 1, &[(0, 0), (1, 1)]);
        assert_eq!(t.strict, Prf::new(2, 2, 1));
        assert_eq!(t.relaxed, Prf::new(2, 2, 2));
        assert_eq!(t.value_accuracy, Acc { correct: 1, total: 2 });
        assert_eq!(t.type_accuracy, Acc { correct: 1, total: 2 });
        assert_eq!(t.value.f1(), Some(0.5));
    }
}
