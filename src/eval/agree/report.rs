//! The figures of an agreement report, and how they are made from per-pair tallies.
//!
//! Owns: the serde shape of [`Report`] (what `gloss agree --json` prints and the page
//! shows) and [`Tally`], the sums of one document or of the corpus from which every figure
//! is derived. Undefined figures are `None` (`null` in JSON, "n/a" in text), never NaN.
//! It must not: match spans, code tokens or print.

use super::alpha::AlphaAcc;
use super::attributes::{AttrAcc, ATTRIBUTES};
use super::coding::KappaAcc;
use super::confusion::{Disagreement, CONFUSION_LABELS};
use super::spans::SpanCount;
use super::unitizing;
use crate::model::Label;
use serde::Serialize;
use std::collections::BTreeMap;

/// The figures of one scope: a label, or `all` labels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScopeFigures {
    /// `ACTOR`, `DATE`, `CLAIM` or `all`.
    pub label: String,
    pub pairs: Vec<PairFigures>,
    /// Means over the pairs where the figure is defined.
    pub strict_f1: Option<f64>,
    pub overlap_f1: Option<f64>,
    pub kappa: Option<f64>,
    /// Krippendorff's alpha over tokens, all annotators at once.
    pub alpha: Option<f64>,
    /// Krippendorff's unitizing alpha over spans.
    pub alpha_u: Option<f64>,
}

/// Two annotators' figures in one scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairFigures {
    pub a: String,
    pub b: String,
    pub strict: SpanCount,
    pub overlap: SpanCount,
    /// Cohen's kappa over the tokens of the documents both coded.
    pub kappa: Option<f64>,
    pub tokens: u64,
}

/// Agreement on one attribute over overlap-matched spans.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeFigures {
    pub label: Label,
    pub attribute: String,
    pub pairs: Vec<AttributePair>,
    pub agree: usize,
    pub total: usize,
    pub rate: Option<f64>,
}

/// One pair's agreement on one attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributePair {
    pub a: String,
    pub b: String,
    pub agree: usize,
    pub total: usize,
    pub rate: Option<f64>,
    /// Cohen's kappa, for categorical attributes (type, kind, stance).
    pub kappa: Option<f64>,
}

/// Labels of `a` (rows) against labels of `b` (columns); NONE for a span the other lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub a: String,
    pub b: String,
    pub labels: Vec<String>,
    pub counts: Vec<Vec<usize>>,
}

/// Every figure of a document or of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// Documents compared (coded by at least two annotators).
    pub documents: usize,
    /// ACTOR, DATE, CLAIM, then all labels.
    pub labels: Vec<ScopeFigures>,
    pub attributes: Vec<AttributeFigures>,
    /// One table per pair of annotators.
    pub confusion: Vec<Confusion>,
    pub disagreements: usize,
}

/// One document several annotators coded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocReport {
    pub id: String,
    pub sha256: String,
    pub annotators: Vec<String>,
    /// Annotators of the corpus without this document.
    pub missing: Vec<String>,
    pub figures: Figures,
    pub disagreements: Vec<Disagreement>,
}

/// A document only one annotator coded: nothing to compare.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alone {
    pub id: String,
    pub sha256: String,
    pub annotator: String,
}

/// Versions with the same document id but different texts: different documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clash {
    pub id: String,
    pub texts: Vec<ClashText>,
}

/// One text of a clashing id and who coded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClashText {
    pub sha256: String,
    pub annotators: Vec<String>,
}

/// A whole agreement report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub annotators: Vec<String>,
    pub documents: Vec<DocReport>,
    /// Over every compared document.
    pub corpus: Figures,
    pub alone: Vec<Alone>,
    /// Ids whose versions have different texts: never compared.
    pub different_texts: Vec<Clash>,
    /// How the corpus alpha_U was computed (which documents it covers).
    pub alpha_u_documents: usize,
}

impl Report {
    /// Every disagreement of every document, in document order.
    pub fn disagreements(&self) -> impl Iterator<Item = &Disagreement> {
        self.documents.iter().flat_map(|d| d.disagreements.iter())
    }
    /// The report of the document whose text has this SHA-256.
    pub fn document(&self, sha256: &str) -> Option<&DocReport> {
        self.documents.iter().find(|d| d.sha256 == sha256)
    }
}

/// Sums of one pair of annotators.
#[derive(Clone, Debug, Default)]
pub struct PairTally {
    pub strict: [SpanCount; 3],
    pub overlap: [SpanCount; 3],
    /// Per label, then all labels.
    pub kappa: [KappaAcc; 4],
    pub attrs: [AttrAcc; 7],
    pub confusion: [[usize; 4]; 4],
}

/// Sums of a document or of the corpus.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// By pair of annotators (indices into the report's annotators, first < second).
    pub pairs: BTreeMap<(usize, usize), PairTally>,
    pub alpha: [AlphaAcc; 4],
    pub documents: usize,
    pub disagreements: usize,
}

impl Tally {
    /// Adds a document's tally.
    pub fn merge(&mut self, o: &Tally) {
        for (k, p) in &o.pairs {
            let t = self.pairs.entry(*k).or_default();
            for l in 0..3 {
                t.strict[l].add(p.strict[l]);
                t.overlap[l].add(p.overlap[l]);
            }
            for (x, y) in t.kappa.iter_mut().zip(&p.kappa) {
                x.merge(y);
            }
            for (x, y) in t.attrs.iter_mut().zip(&p.attrs) {
                x.merge(y);
            }
            for (r, s) in t.confusion.iter_mut().zip(&p.confusion) {
                for (x, y) in r.iter_mut().zip(s) {
                    *x += y;
                }
            }
        }
        for (x, y) in self.alpha.iter_mut().zip(&o.alpha) {
            x.merge(y);
        }
        self.documents += o.documents;
        self.disagreements += o.disagreements;
    }

    /// The figures, given the annotators' names and the unitizing disagreements per label.
    pub fn figures(&self, names: &[String], units: &[Option<unitizing::Disagreement>; 3]) -> Figures {
        let name = |i: usize| names[i].clone();
        let mut labels = Vec::with_capacity(4);
        for k in 0..4 {
            let pairs: Vec<PairFigures> = self
                .pairs
                .iter()
                .map(|(&(a, b), t)| {
                    let sum = |c: &[SpanCount; 3]| {
                        let mut s = SpanCount::default();
                        c.iter().for_each(|x| s.add(*x));
                        s
                    };
                    let (strict, overlap) =
                        if k < 3 { (t.strict[k], t.overlap[k]) } else { (sum(&t.strict), sum(&t.overlap)) };
                    PairFigures {
                        a: name(a),
                        b: name(b),
                        strict,
                        overlap,
                        kappa: t.kappa[k].kappa(),
                        tokens: t.kappa[k].items(),
                    }
                })
                .collect();
            let alpha_u = if k < 3 {
                units[k].and_then(|d| d.alpha())
            } else {
                unitizing::overall(&units.iter().flatten().copied().collect::<Vec<_>>())
            };
            labels.push(ScopeFigures {
                label: if k < 3 { Label::ALL[k].as_str().to_string() } else { "all".into() },
                strict_f1: mean(pairs.iter().map(|p| p.strict.f1())),
                overlap_f1: mean(pairs.iter().map(|p| p.overlap.f1())),
                kappa: mean(pairs.iter().map(|p| p.kappa)),
                alpha: self.alpha[k].alpha(),
                alpha_u,
                pairs,
            });
        }
        let attributes = ATTRIBUTES
            .iter()
            .enumerate()
            .map(|(i, &(label, attribute, categorical))| {
                let pairs: Vec<AttributePair> = self
                    .pairs
                    .iter()
                    .map(|(&(a, b), t)| AttributePair {
                        a: name(a),
                        b: name(b),
                        agree: t.attrs[i].acc.correct,
                        total: t.attrs[i].acc.total,
                        rate: t.attrs[i].acc.rate(),
                        kappa: if categorical { t.attrs[i].kappa.kappa() } else { None },
                    })
                    .collect();
                let agree = pairs.iter().map(|p| p.agree).sum();
                let total = pairs.iter().map(|p| p.total).sum();
                let rate = (total > 0).then(|| agree as f64 / total as f64);
                AttributeFigures { label, attribute: attribute.to_string(), pairs, agree, total, rate }
            })
            .collect();
        let confusion = self
            .pairs
            .iter()
            .map(|(&(a, b), t)| Confusion {
                a: name(a),
                b: name(b),
                labels: CONFUSION_LABELS.iter().map(|s| s.to_string()).collect(),
                counts: t.confusion.iter().map(|r| r.to_vec()).collect(),
            })
            .collect();
        Figures { documents: self.documents, labels, attributes, confusion, disagreements: self.disagreements }
    }
}

/// The mean of the defined values, `None` when none is.
fn mean(xs: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let v: Vec<f64> = xs.flatten().collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}
