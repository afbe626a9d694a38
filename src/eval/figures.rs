//! The numbers a score is made of: precision / recall / F1 counts and accuracies.
//!
//! Owns: [`Prf`] and [`Acc`], their arithmetic and their JSON shape (counts plus the derived
//! rates, `null` where a rate has no denominator). It must not: match spans or read files.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Counts for precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Spans in the gold standard.
    pub gold: usize,
    /// Spans predicted.
    pub pred: usize,
    /// Predicted spans matched to a gold span.
    pub correct: usize,
}

impl Prf {
    /// Counts for `gold` and `pred` spans of which `correct` were matched.
    pub fn new(gold: usize, pred: usize, correct: usize) -> Prf {
        Prf { gold, pred, correct }
    }
    /// Correct / predicted; `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.pred)
    }
    /// Correct / gold; `None` when the gold standard has none.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall (2c / (g + p)); `None` when both sides are empty.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.correct, self.gold + self.pred)
    }
    /// Adds another set of counts (micro-averaging).
    pub fn add(&mut self, o: Prf) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.correct += o.correct;
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Prf", 6)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("pred", &self.pred)?;
        st.serialize_field("correct", &self.correct)?;
        st.serialize_field("precision", &self.precision().map(round4))?;
        st.serialize_field("recall", &self.recall().map(round4))?;
        st.serialize_field("f1", &self.f1().map(round4))?;
        st.end()
    }
}

/// An accuracy: how many of `total` items were right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Acc {
    pub correct: usize,
    pub total: usize,
}

impl Acc {
    /// Counts one item, right or wrong.
    pub fn count(&mut self, right: bool) {
        self.total += 1;
        self.correct += usize::from(right);
    }
    /// Correct / total; `None` when there was nothing to judge.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }
    /// Adds another accuracy's counts.
    pub fn add(&mut self, o: Acc) {
        self.correct += o.correct;
        self.total += o.total;
    }
}

impl Serialize for Acc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Acc", 3)?;
        st.serialize_field("correct", &self.correct)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("accuracy", &self.rate().map(round4))?;
        st.end()
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A rate for people: `0.857`, or `-` when there is none.
pub fn fmt_rate(x: Option<f64>) -> String {
    match x {
        Some(v) => format!("{v:.3}"),
        None => "-".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_empty_sides() {
        let p = Prf::new(4, 2, 2);
        assert_eq!(p.precision(), Some(1.0));
        assert_eq!(p.recall(), Some(0.5));
        assert!((p.f1().unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Prf::default().f1(), None);
        assert_eq!(Prf::new(3, 0, 0).precision(), None);
        assert_eq!(Prf::new(3, 0, 0).f1(), Some(0.0));
        let json = serde_json::to_string(&Prf::new(4, 2, 2)).unwrap();
        assert_eq!(json, r#"{"gold":4,"pred":2,"correct":2,"precision":1.0,"recall":0.5,"f1":0.6667}"#);
        let mut a = Acc::default();
        a.count(true);
        a.count(false);
        assert_eq!(a.rate(), Some(0.5));
        assert_eq!(fmt_rate(Acc::default().rate()), "-");
    }
}
