//! The learning simulation: how much the project lexicon would have saved an annotator who
//! reviewed a corpus's documents in order.
//!
//! Documents are taken in order. Each is pre-annotated with the lexicon learned so far, and
//! its gold (what the person would have kept) is then learned against those predictions
//! ([`ProjectLexicon::learn_document`]). After `k` documents (each `k` of `at`), the next
//! `next` documents are scored twice, with the extractor alone and with the lexicon of the
//! first `k`: the difference is what learning bought on documents it has not seen.
//!
//! Owns: that loop and its figures. It must not: read files or print (the CLI does).

use super::ProjectLexicon;
use crate::eval::figures::Prf;
use crate::eval::{self, Coverage, EvalDoc, Options};
use crate::extract::learned::Compiled;
use crate::extract::Pipeline;
use crate::model::{Annotation, Document, Error, Label, Span};
use serde::Serialize;

/// One reviewed document: its text and gold, and what its source annotates.
pub struct Reviewed {
    pub doc: Document,
    pub gold: Vec<Annotation>,
    pub coverage: Coverage,
    pub places: Vec<Span>,
}

/// Strict figures of one label, without and with the lexicon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Compared {
    pub label: Label,
    pub without: Prf,
    pub with: Prf,
}

/// The figures after `learned_from` documents, on the `scored` documents that follow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub learned_from: usize,
    pub scored: usize,
    /// Entries of the lexicon then: actor names, rejected surfaces, dates.
    pub names: usize,
    pub rejected: usize,
    pub dates: usize,
    /// Cue words learned.
    pub cues: usize,
    pub labels: Vec<Compared>,
    /// Claim cues scored as attributions (overlap, one to one), without and with the
    /// lexicon: when the options ask for attributions and the gold has claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<(Prf, Prf)>,
}

fn eval_doc(r: &Reviewed, annotations: Vec<Annotation>, gold: bool) -> EvalDoc {
    let (coverage, places) = if gold { (r.coverage.clone(), r.places.clone()) } else { (Coverage::full(), Vec::new()) };
    EvalDoc::new(&r.doc, annotations, coverage, places)
}

/// Strict figures per label, and the cue figures when attributions are scored.
type Figures = (Vec<(Label, Prf)>, Option<Prf>);

fn strict(gold: &[EvalDoc], pred: &[EvalDoc], opts: &Options) -> Result<Figures, Error> {
    let report = eval::score(gold, pred, opts)?;
    let cue = report.attributions.map(|a| a.cue);
    Ok((report.labels.into_iter().map(|l| (l.label, l.strict)).collect(), cue))
}

/// Runs the simulation (see the module's documentation). `at` is sorted and deduplicated
/// here; points whose `k` leaves no document to score are left out.
pub fn simulate(docs: &[Reviewed], at: &[usize], next: usize, opts: &Options) -> Result<Vec<Point>, Error> {
    let pipeline = Pipeline::default();
    let mut at: Vec<usize> = at.iter().copied().filter(|&k| k > 0 && k < docs.len()).collect();
    at.sort_unstable();
    at.dedup();
    let mut lex = ProjectLexicon::new();
    let mut points = Vec::new();
    let mut learned = 0;
    for &k in &at {
        while learned < k {
            let r = &docs[learned];
            let predicted = pipeline.run_learned(&r.doc, &lex, &Compiled::new(&lex));
            lex.learn_document(&r.doc, &r.gold, &predicted, &r.coverage, &r.places);
            learned += 1;
        }
        let compiled = Compiled::new(&lex);
        let ahead = &docs[k..(k + next).min(docs.len())];
        let gold: Vec<EvalDoc> = ahead.iter().map(|r| eval_doc(r, r.gold.clone(), true)).collect();
        let plain: Vec<EvalDoc> = ahead.iter().map(|r| eval_doc(r, pipeline.run(&r.doc), false)).collect();
        let with: Vec<EvalDoc> =
            ahead.iter().map(|r| eval_doc(r, pipeline.run_learned(&r.doc, &lex, &compiled), false)).collect();
        let (plain, cue_plain) = strict(&gold, &plain, opts)?;
        let (with, cue_with) = strict(&gold, &with, opts)?;
        let labels = plain
            .into_iter()
            .zip(with)
            .map(|((label, without), (_, with))| Compared { label, without, with })
            .collect();
        points.push(Point {
            learned_from: k,
            scored: ahead.len(),
            names: lex.actors.len(),
            rejected: lex.rejected.values().map(|m| m.len()).sum(),
            dates: lex.dates.len(),
            cues: lex.cues.len(),
            labels,
            cue: cue_plain.zip(cue_with),
        });
    }
    Ok(points)
}
