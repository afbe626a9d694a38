//! Inter-annotator agreement: several annotators' versions of the same documents compared.
//!
//! Owns: grouping the versions into documents and assembling a [`Report`], per label
//! (ACTOR, DATE, CLAIM) and over all labels, per document and over the corpus. Documents
//! are grouped by the SHA-256 of their text: versions with the same id but another text
//! are different documents, never compared, and listed in [`Report::different_texts`]. Only
//! live annotations count (every status but `rejected`). The figures:
//! - strict and overlap span F1 of each pair of annotators and their mean ([`spans`]);
//! - Cohen's kappa of each pair and Krippendorff's alpha (nominal, any number of
//!   annotators, missing data allowed: an annotator without a document simply has no value
//!   for its tokens) over token-level labels ([`coding`] says what a unit is: tokens cut at
//!   every boundary, coded in / out per label, by the set of labels for all labels);
//! - Krippendorff's unitizing alpha_U over spans on the code-point continuum, per label
//!   ([`unitizing`]); per document the continuum is its text, over the corpus the texts of
//!   the documents every annotator coded, end to end (alpha_U has no missing data);
//! - attribute agreement on overlap-matched spans ([`attributes`]);
//! - a confusion table of labels per pair, and the disagreements ([`confusion`]).
//!
//! It must not: read files or print (the CLI and the page do; [`Report::to_text`] only
//! builds the text).

pub mod alpha;
pub mod attributes;
pub mod coding;
pub mod confusion;
pub mod report;
pub mod spans;
pub mod text;
pub mod unitizing;

pub use confusion::{Disagreement, Side};
pub use report::{Alone, Clash, ClashText, DocReport, Figures, Report, ScopeFigures};

use crate::model::{Annotation, Document, Error, Label, Span};
use report::{PairTally, Tally};
use unitizing::Units;

/// One annotator's version of one document.
#[derive(Clone, Copy, Debug)]
pub struct Coded<'a> {
    pub annotator: &'a str,
    pub doc: &'a Document,
    pub annotations: &'a [Annotation],
}

/// The versions of one text.
struct Group<'a> {
    doc: &'a Document,
    /// (annotator index, annotations), in input order.
    versions: Vec<(usize, &'a [Annotation])>,
}

/// The agreement report of `inputs`. Refuses (with the names in words) an annotator who
/// gives two versions of the same text.
pub fn report(inputs: &[Coded]) -> Result<Report, Error> {
    let mut names: Vec<String> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_sha: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for c in inputs {
        let who = match names.iter().position(|n| n == c.annotator) {
            Some(i) => i,
            None => {
                names.push(c.annotator.to_string());
                names.len() - 1
            }
        };
        let next = groups.len();
        let i = *by_sha.entry(c.doc.sha256()).or_insert(next);
        if i == next {
            groups.push(Group { doc: c.doc, versions: Vec::new() });
        }
        let g = &mut groups[i];
        if g.versions.iter().any(|(w, _)| *w == who) {
            return Err(Error::input(format!(
                "{} has two versions of document {} (same text): keep one",
                c.annotator, c.doc.id
            )));
        }
        g.versions.push((who, c.annotations));
    }
    let mut documents = Vec::new();
    let mut alone = Vec::new();
    let mut corpus = Tally::default();
    // For the corpus alpha_U: per label, per annotator, units shifted onto one continuum.
    let mut continuum: [Vec<Units>; 3] = std::array::from_fn(|_| vec![Vec::new(); names.len()]);
    let (mut offset, mut full_docs) = (0u64, 0usize);
    for g in &groups {
        if g.versions.len() < 2 {
            alone.push(Alone {
                id: g.doc.id.clone(),
                sha256: g.doc.sha256().into(),
                annotator: names[g.versions[0].0].clone(),
            });
            continue;
        }
        let (tally, units, disagreements) = compare_doc(g, &names);
        let present: Vec<usize> = g.versions.iter().map(|v| v.0).collect();
        let doc_units: [Option<unitizing::Disagreement>; 3] =
            std::array::from_fn(|k| unitizing::category(&units[k], 0, g.doc.len() as u64));
        if present.len() == names.len() {
            full_docs += 1;
            for (k, per) in units.iter().enumerate() {
                for (v, u) in per.iter().enumerate() {
                    continuum[k][present[v]].extend(u.iter().map(|&(s, e)| (s + offset, e + offset)));
                }
            }
            offset += g.doc.len() as u64;
        }
        corpus.merge(&tally);
        documents.push(DocReport {
            id: g.doc.id.clone(),
            sha256: g.doc.sha256().into(),
            annotators: present.iter().map(|&i| names[i].clone()).collect(),
            missing: (0..names.len()).filter(|i| !present.contains(i)).map(|i| names[i].clone()).collect(),
            figures: tally.figures(&names, &doc_units),
            disagreements,
        });
    }
    let corpus_units: [Option<unitizing::Disagreement>; 3] =
        std::array::from_fn(|k| unitizing::category(&continuum[k], 0, offset));
    Ok(Report {
        corpus: corpus.figures(&names, &corpus_units),
        different_texts: clashes(&groups, &names),
        annotators: names,
        documents,
        alone,
        alpha_u_documents: full_docs,
    })
}

/// Ids that more than one text carries.
fn clashes(groups: &[Group], names: &[String]) -> Vec<Clash> {
    let mut out: Vec<Clash> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let id = &g.doc.id;
        if out.iter().any(|c| &c.id == id) || !groups.iter().enumerate().any(|(j, h)| j != i && &h.doc.id == id) {
            continue;
        }
        let texts = groups
            .iter()
            .filter(|h| &h.doc.id == id)
            .map(|h| ClashText {
                sha256: h.doc.sha256().into(),
                annotators: h.versions.iter().map(|v| names[v.0].clone()).collect(),
            })
            .collect();
        out.push(Clash { id: id.clone(), texts });
    }
    out
}

/// The tally of one document, each version's merged units per label, and its disagreements.
fn compare_doc(g: &Group, names: &[String]) -> (Tally, [Vec<Units>; 3], Vec<Disagreement>) {
    let by_label: Vec<[Vec<&Annotation>; 3]> = g.versions.iter().map(|v| spans::live_by_label(v.1)).collect();
    let len = g.doc.len();
    let labelled: Vec<Vec<(Span, Label)>> =
        by_label.iter().map(|ls| ls.iter().flatten().map(|a| (a.span, a.label())).collect()).collect();
    let masks = coding::token_masks(g.doc.text(), len, &labelled);
    let mut tally = Tally { documents: 1, ..Tally::default() };
    let tokens = masks.first().map_or(0, Vec::len);
    let mut values = Vec::with_capacity(masks.len());
    for t in 0..tokens {
        for k in 0..4 {
            values.clear();
            values.extend(masks.iter().map(|m| if k < 3 { (m[t] >> k) & 1 } else { m[t] }));
            tally.alpha[k].add_unit(&values);
        }
    }
    let mut collector = confusion::Collector::default();
    for x in 0..g.versions.len() {
        for y in x + 1..g.versions.len() {
            let (a, b) = (g.versions[x].0, g.versions[y].0);
            // Pairs are keyed with the first annotator of the report first.
            let (x, y, a, b) = if a < b { (x, y, a, b) } else { (y, x, b, a) };
            let mut p = PairTally::default();
            let mut overlap: [Vec<(usize, usize)>; 3] = Default::default();
            for k in 0..3 {
                let (s, o, pairs) = spans::compare(&by_label[x][k], &by_label[y][k]);
                p.strict[k] = s;
                p.overlap[k] = o;
                overlap[k] = pairs;
            }
            for (&ma, &mb) in masks[x].iter().zip(&masks[y]) {
                for k in 0..3 {
                    p.kappa[k].add((ma >> k) & 1, (mb >> k) & 1);
                }
                p.kappa[3].add(ma, mb);
            }
            let input = confusion::PairInput {
                a,
                b,
                a_by_label: &by_label[x],
                b_by_label: &by_label[y],
                a_all: g.versions[x].1,
                b_all: g.versions[y].1,
                overlap: &overlap,
            };
            confusion::compare_pair(&input, &mut p.confusion, &mut p.attrs, &mut collector);
            tally.pairs.insert((a, b), p);
        }
    }
    let units: [Vec<Units>; 3] = std::array::from_fn(|k| {
        by_label
            .iter()
            .map(|ls| {
                unitizing::merged(
                    ls[k].iter().map(|a| (a.span.start() as u64, a.span.end() as u64)).collect(),
                    0,
                    len as u64,
                )
            })
            .collect()
    });
    let disagreements = collector.finish(&g.doc.id, names);
    tally.disagreements = disagreements.len();
    (tally, units, disagreements)
}
