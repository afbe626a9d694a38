//! The confusion of labels between two annotators, and the disagreements of a document.
//!
//! Owns: the pairing of spans across labels and the list of what differs. Within a label,
//! spans are paired by overlap (as for the overlap F1): these pairs are the diagonal of the
//! confusion table, and differ by *boundary* (other offsets) or by an attribute (its name).
//! The spans left over are paired across labels when they overlap by at least half of the
//! longer one (the same words marked with another label: a *label* disagreement); what is
//! still left has no counterpart (*missing* on the other side, the NONE row and column).
//! Pairwise disagreements are merged over the pairs of annotators into one entry per group
//! of spans, with the annotators on each side. It must not: compute coefficients.

use super::attributes::{self, AttrAcc};
use super::spans::index;
use crate::eval::matching;
use crate::model::{Annotation, Label, Span};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Rows and columns of a confusion table: the three labels, then NONE.
pub const CONFUSION_LABELS: [&str; 4] = ["ACTOR", "DATE", "CLAIM", "NONE"];

/// One side of a disagreement: the annotators who marked the same thing (or nothing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    pub annotators: Vec<String>,
    /// The span they marked (code points); absent for the annotators who marked nothing.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub label: Option<Label>,
    /// Their annotation's compared attributes, in words.
    pub value: Option<String>,
}

/// One disagreement in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    pub doc: String,
    /// The code points to show: from the first start to the last end of the sides' spans.
    pub start: usize,
    pub end: usize,
    pub labels: Vec<Label>,
    /// What differs: `missing`, `boundary`, `label`, or attribute names (`kind`, `value`...).
    pub what: Vec<String>,
    pub sides: Vec<Side>,
}

type SideKey = (Option<(usize, usize)>, Option<Label>, Option<String>);
/// A group of spans: its labels and the spans of its sides.
type GroupKey = (Vec<Label>, Vec<(usize, usize)>);
/// What differs in a group, and who is on which side.
type GroupValue = (BTreeSet<&'static str>, BTreeMap<SideKey, BTreeSet<usize>>);

/// Collects the pairwise differences of one document and merges them.
#[derive(Default)]
pub struct Collector {
    groups: BTreeMap<GroupKey, GroupValue>,
}

fn key(a: &Annotation, all: &[Annotation]) -> SideKey {
    (Some((a.span.start(), a.span.end())), Some(a.label()), Some(attributes::summary(a, all)))
}

impl Collector {
    fn add(&mut self, what: &[&'static str], sides: [(SideKey, usize); 2]) {
        let mut labels: Vec<Label> = sides.iter().filter_map(|s| s.0 .1).collect();
        crate::sort::sort(&mut labels);
        labels.dedup();
        let mut spans: Vec<(usize, usize)> = sides.iter().filter_map(|s| s.0 .0).collect();
        crate::sort::sort(&mut spans);
        spans.dedup();
        let g = self.groups.entry((labels, spans)).or_default();
        g.0.extend(what.iter().copied());
        for (k, who) in sides {
            g.1.entry(k).or_default().insert(who);
        }
    }

    /// The merged disagreements of document `doc`; `names` are the annotators' names.
    pub fn finish(self, doc: &str, names: &[String]) -> Vec<Disagreement> {
        const ORDER: [&str; 3] = ["missing", "boundary", "label"];
        let mut out: Vec<Disagreement> = self
            .groups
            .into_iter()
            .map(|((labels, spans), (what, sides))| {
                let mut what: Vec<&str> = what.into_iter().collect();
                crate::sort::sort_by_key(&mut what, |w| (ORDER.iter().position(|o| o == w).unwrap_or(ORDER.len()), *w));
                let mut sides: Vec<Side> = sides
                    .into_iter()
                    .map(|((span, label, value), who)| Side {
                        annotators: who.iter().map(|&i| names[i].clone()).collect(),
                        start: span.map(|s| s.0),
                        end: span.map(|s| s.1),
                        label,
                        value,
                    })
                    .collect();
                crate::sort::sort_by_key(&mut sides, |s| {
                    s.annotators.first().and_then(|n| names.iter().position(|x| x == n)).unwrap_or(usize::MAX)
                });
                Disagreement {
                    doc: doc.to_string(),
                    start: spans.iter().map(|s| s.0).min().unwrap_or(0),
                    end: spans.iter().map(|s| s.1).max().unwrap_or(0),
                    labels,
                    what: what.into_iter().map(String::from).collect(),
                    sides,
                }
            })
            .collect();
        crate::sort::sort_by_key(&mut out, |x| (x.start, x.end));
        out
    }
}

/// Two annotators' versions of one document, split by label (live annotations).
pub struct PairInput<'x> {
    pub a: usize,
    pub b: usize,
    pub a_by_label: &'x [Vec<&'x Annotation>; 3],
    pub b_by_label: &'x [Vec<&'x Annotation>; 3],
    pub a_all: &'x [Annotation],
    pub b_all: &'x [Annotation],
    /// The overlap pairs of each label, `(index in a's list, index in b's list)`.
    pub overlap: &'x [Vec<(usize, usize)>; 3],
}

/// Fills the confusion table `counts` (rows: a's label, columns: b's label, index 3 is NONE)
/// and the attribute tallies of one pair on one document, and records the differences.
pub fn compare_pair(p: &PairInput, counts: &mut [[usize; 4]; 4], attrs: &mut [AttrAcc; 7], out: &mut Collector) {
    let mut left_a: Vec<&Annotation> = Vec::new();
    let mut left_b: Vec<&Annotation> = Vec::new();
    for (k, row) in counts.iter_mut().enumerate().take(3) {
        let (la, lb) = (&p.a_by_label[k], &p.b_by_label[k]);
        let mut used_a = vec![false; la.len()];
        let mut used_b = vec![false; lb.len()];
        for &(i, j) in &p.overlap[k] {
            used_a[i] = true;
            used_b[j] = true;
            row[k] += 1;
            let (x, y) = (la[i], lb[j]);
            let mut what = attributes::compare(x, p.a_all, y, p.b_all, attrs);
            if x.span != y.span {
                what.insert(0, "boundary");
            }
            if !what.is_empty() {
                out.add(&what, [(key(x, p.a_all), p.a), (key(y, p.b_all), p.b)]);
            }
        }
        left_a.extend(la.iter().zip(&used_a).filter(|(_, u)| !**u).map(|(x, _)| *x));
        left_b.extend(lb.iter().zip(&used_b).filter(|(_, u)| !**u).map(|(x, _)| *x));
    }
    let sa: Vec<Span> = left_a.iter().map(|x| x.span).collect();
    let sb: Vec<Span> = left_b.iter().map(|x| x.span).collect();
    let mut used_a = vec![false; sa.len()];
    let mut used_b = vec![false; sb.len()];
    for (i, j) in matching::overlap(&sa, &sb) {
        let shared = sa[i].end().min(sb[j].end()).saturating_sub(sa[i].start().max(sb[j].start()));
        if shared * 2 < sa[i].len().max(sb[j].len()) {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let (x, y) = (left_a[i], left_b[j]);
        counts[index(x.label())][index(y.label())] += 1;
        out.add(&["label"], [(key(x, p.a_all), p.a), (key(y, p.b_all), p.b)]);
    }
    for (x, _) in left_a.iter().zip(&used_a).filter(|(_, u)| !**u) {
        counts[index(x.label())][3] += 1;
        out.add(&["missing"], [(key(x, p.a_all), p.a), ((None, None, None), p.b)]);
    }
    for (y, _) in left_b.iter().zip(&used_b).filter(|(_, u)| !**u) {
        counts[3][index(y.label())] += 1;
        out.add(&["missing"], [((None, None, None), p.a), (key(y, p.b_all), p.b)]);
    }
}
