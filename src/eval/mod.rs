//! Scoring predicted annotations against gold ones.
//!
//! Owns: pairing documents by id, choosing what is scored (labels, actor kinds, mention
//! types; rejected annotations never count; a label the gold source does not annotate is not
//! scored), and the per-label figures: strict and overlap P/R/F1 for every label, canonical
//! and kind accuracy over strict ACTOR matches, TempEval-3 figures for DATE, source and cue
//! accuracy over overlap CLAIM matches, and attribution figures ([`attribution`]). It must
//! not: read files or print (the CLI does; [`Report::to_text`] only builds the text).

pub mod agree;
pub mod attribution;
pub mod dates;
pub mod figures;
pub mod matching;

use crate::model::{ActorKind, Annotation, Document, Error, Label, Mention, Span};
use attribution::{source_span, sources_agree, AttributionScore};
use dates::TempEval;
use figures::{fmt_rate, Acc, Prf};
use serde::Serialize;
use std::collections::HashMap;

/// What a gold source annotates, so that what it never marks is not counted as false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// The labels annotated exhaustively.
    pub labels: Vec<Label>,
    /// The actor kinds annotated (empty: all).
    pub actor_kinds: Vec<ActorKind>,
    /// True when actors carry canonical names by the guidelines.
    pub canonical: bool,
}

impl Coverage {
    /// A Gloss gold file: every label, every kind, canonical names.
    pub fn full() -> Coverage {
        Coverage { labels: Label::ALL.to_vec(), actor_kinds: Vec::new(), canonical: true }
    }
}

/// One document to score: its id, the SHA-256 of its text, its annotations.
#[derive(Clone, Debug)]
pub struct EvalDoc {
    pub id: String,
    pub sha256: String,
    pub annotations: Vec<Annotation>,
    /// What the source annotates (only read on the gold side).
    pub coverage: Coverage,
    /// Spans the gold marks as places rather than actors (a corpus' LOCATION); predicted
    /// actors of kinds that are not scored are reported against them.
    pub places: Vec<Span>,
}

impl EvalDoc {
    /// `doc`'s id and text hash with `annotations`, `coverage` and `places`.
    pub fn new(doc: &Document, annotations: Vec<Annotation>, coverage: Coverage, places: Vec<Span>) -> EvalDoc {
        EvalDoc { id: doc.id.clone(), sha256: doc.sha256().to_string(), annotations, coverage, places }
    }
}

/// What to score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Options {
    /// Labels to score (empty: all).
    pub labels: Vec<Label>,
    /// Actor kinds to score, on both sides (empty: all that the gold annotates).
    pub kinds: Vec<ActorKind>,
    /// Only actor mentions of this type, on both sides.
    pub mention: Option<Mention>,
    /// Also score claims as attributions (source, cue, content).
    pub attributions: bool,
}

/// ACTOR attributes over strict matches.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActorScore {
    /// Same canonical name (ignoring case and spacing); only where the gold has canonical names.
    pub canonical: Acc,
    /// Same kind.
    pub kind: Acc,
    /// Same mention type.
    pub mention: Acc,
    /// Predicted actors of kinds that were not scored, by kind, with how many of them
    /// overlap a place of the gold (a corpus' LOCATION): states, for corpora that tag
    /// acting countries as places.
    pub unscored_kinds: Vec<UnscoredKind>,
}

/// Predicted actors of one kind that was left out of the score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnscoredKind {
    pub kind: ActorKind,
    pub predicted: usize,
    /// Of them, those overlapping a place span of the gold.
    pub on_places: usize,
}

/// CLAIM attributes over overlap matches.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClaimScore {
    /// The predicted source actor overlaps the gold one (or both have none).
    pub source: Acc,
    /// The predicted cue overlaps the gold one (or both have none).
    pub cue: Acc,
}

/// Figures for one label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelReport {
    pub label: Label,
    /// Documents whose gold annotates this label.
    pub documents: usize,
    pub strict: Prf,
    pub overlap: Prf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorScore>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tempeval: Option<TempEval>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimScore>,
}

/// How the documents of the two sides were paired.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Documents {
    pub gold: usize,
    pub pred: usize,
    /// Gold documents the predictions lack: scored as all missed.
    pub missing_in_pred: Vec<String>,
    /// Predicted documents with no gold: ignored.
    pub extra_in_pred: Vec<String>,
}

/// A whole score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub documents: Documents,
    pub options: Options,
    /// Per label, in the order ACTOR, DATE, CLAIM.
    pub labels: Vec<LabelReport>,
    /// Asked-for labels that no gold document annotates (not scored).
    pub not_annotated: Vec<Label>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributions: Option<AttributionScore>,
}

#[derive(Default)]
struct Accum {
    documents: usize,
    strict: Prf,
    overlap: Prf,
    actor: ActorScore,
    tempeval: TempEval,
    claim: ClaimScore,
}

/// Scores `pred` against `gold`. Documents are paired by id; a gold document that `pred`
/// lacks counts as all missed and is listed in [`Documents::missing_in_pred`]. Errors when
/// an id appears twice on one side, or when a pair's texts differ (their offsets would not
/// be comparable).
pub fn score(gold: &[EvalDoc], pred: &[EvalDoc], opts: &Options) -> Result<Report, Error> {
    let pred_by_id = index_by_id(pred, "predictions")?;
    let gold_by_id = index_by_id(gold, "gold")?;
    let labels: Vec<Label> = if opts.labels.is_empty() {
        Label::ALL.to_vec()
    } else {
        Label::ALL.into_iter().filter(|l| opts.labels.contains(l)).collect()
    };
    let mut acc: HashMap<Label, Accum> = HashMap::new();
    let mut attributions = AttributionScore::default();
    let mut docs = Documents { gold: gold.len(), pred: pred.len(), ..Documents::default() };
    let empty: Vec<Annotation> = Vec::new();
    for g in gold {
        let p_anns = match pred_by_id.get(g.id.as_str()) {
            Some(p) if p.sha256 != g.sha256 => {
                return Err(Error::mismatch(format!(
                    "document {}: the predicted text differs from the gold text (SHA-256 {} vs {}): offsets cannot be compared",
                    g.id, p.sha256, g.sha256
                )))
            }
            Some(p) => &p.annotations,
            None => {
                docs.missing_in_pred.push(g.id.clone());
                &empty
            }
        };
        for &label in &labels {
            if !g.coverage.labels.contains(&label) {
                continue;
            }
            let kinds = effective_kinds(&opts.kinds, &g.coverage.actor_kinds);
            let keep = |a: &&Annotation| {
                a.status.is_live()
                    && a.label() == label
                    && a.actor().is_none_or(|x| {
                        (kinds.is_empty() || kinds.contains(&x.kind)) && opts.mention.is_none_or(|m| m == x.mention)
                    })
            };
            let gs: Vec<&Annotation> = g.annotations.iter().filter(keep).collect();
            let ps: Vec<&Annotation> = p_anns.iter().filter(keep).collect();
            let a = acc.entry(label).or_default();
            a.documents += 1;
            score_label(label, a, &gs, &g.annotations, &ps, p_anns, g.coverage.canonical);
            if label == Label::Actor && !kinds.is_empty() {
                count_unscored(&mut a.actor.unscored_kinds, p_anns, &kinds, opts.mention, &g.places);
            }
            if label == Label::Claim && opts.attributions {
                attributions.add(&gs, &g.annotations, &ps, p_anns);
            }
        }
    }
    for p in pred {
        if !gold_by_id.contains_key(p.id.as_str()) {
            docs.extra_in_pred.push(p.id.clone());
        }
    }
    let mut reports = Vec::new();
    let mut not_annotated = Vec::new();
    for label in labels {
        match acc.remove(&label) {
            Some(a) => reports.push(LabelReport {
                label,
                documents: a.documents,
                strict: a.strict,
                overlap: a.overlap,
                actor: (label == Label::Actor).then_some(a.actor),
                tempeval: (label == Label::Date).then_some(a.tempeval),
                claim: (label == Label::Claim).then_some(a.claim),
            }),
            None => not_annotated.push(label),
        }
    }
    let attributions = (opts.attributions && reports.iter().any(|r| r.label == Label::Claim)).then_some(attributions);
    Ok(Report { documents: docs, options: opts.clone(), labels: reports, not_annotated, attributions })
}

fn index_by_id<'a>(docs: &'a [EvalDoc], side: &str) -> Result<HashMap<&'a str, &'a EvalDoc>, Error> {
    let mut m = HashMap::with_capacity(docs.len());
    for d in docs {
        if m.insert(d.id.as_str(), d).is_some() {
            return Err(Error::format(format!("the {side} hold two documents with the id {:?}", d.id)));
        }
    }
    Ok(m)
}

/// The kinds asked for, within those the gold annotates (empty: no restriction).
fn effective_kinds(asked: &[ActorKind], annotated: &[ActorKind]) -> Vec<ActorKind> {
    match (asked.is_empty(), annotated.is_empty()) {
        (true, _) => annotated.to_vec(),
        (false, true) => asked.to_vec(),
        (false, false) => asked.iter().copied().filter(|k| annotated.contains(k)).collect(),
    }
}

fn score_label(
    label: Label,
    acc: &mut Accum,
    gold: &[&Annotation],
    gold_all: &[Annotation],
    pred: &[&Annotation],
    pred_all: &[Annotation],
    canonical: bool,
) {
    let gs: Vec<_> = gold.iter().map(|a| a.span).collect();
    let ps: Vec<_> = pred.iter().map(|a| a.span).collect();
    let strict = matching::strict(&gs, &ps);
    let overlap = matching::overlap(&gs, &ps);
    acc.strict.add(Prf::new(gs.len(), ps.len(), strict.len()));
    acc.overlap.add(Prf::new(gs.len(), ps.len(), overlap.len()));
    match label {
        Label::Actor => {
            for &(i, j) in &strict {
                let (Some(g), Some(p)) = (gold[i].actor(), pred[j].actor()) else { continue };
                if canonical {
                    acc.actor.canonical.count(same_name(&g.canonical, &p.canonical));
                }
                acc.actor.kind.count(g.kind == p.kind);
                acc.actor.mention.count(g.mention == p.mention);
            }
        }
        Label::Date => acc.tempeval.add(gold, pred, strict.len(), &overlap),
        Label::Claim => {
            for &(i, j) in &overlap {
                let (g, p) = (gold[i], pred[j]);
                acc.claim.source.count(sources_agree(source_span(g, gold_all), source_span(p, pred_all)));
                let cue = |a: &Annotation| a.claim().and_then(|c| c.cue.as_ref()).map(|c| c.span);
                acc.claim.cue.count(sources_agree(cue(g), cue(p)));
            }
        }
    }
}

/// Counts live predicted actors whose kind is not in `kinds` (and whose mention passes).
fn count_unscored(
    out: &mut Vec<UnscoredKind>,
    pred: &[Annotation],
    kinds: &[ActorKind],
    mention: Option<Mention>,
    places: &[Span],
) {
    for a in pred.iter().filter(|a| a.status.is_live()) {
        let Some(x) = a.actor() else { continue };
        if kinds.contains(&x.kind) || mention.is_some_and(|m| m != x.mention) {
            continue;
        }
        let i = match out.iter().position(|u| u.kind == x.kind) {
            Some(i) => i,
            None => {
                out.push(UnscoredKind { kind: x.kind, predicted: 0, on_places: 0 });
                crate::sort::sort_by_key(out, |u| ActorKind::ALL.iter().position(|k| *k == u.kind));
                out.iter().position(|u| u.kind == x.kind).unwrap_or(0)
            }
        };
        out[i].predicted += 1;
        if places.iter().any(|p| matching::shares(*p, a.span)) {
            out[i].on_places += 1;
        }
    }
}

/// Canonical names compared without regard to case or runs of white space.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

impl Report {
    /// The report as aligned text for people, one figure per line group.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let d = &self.documents;
        out.push_str(&format!("documents: {} gold, {} predicted", d.gold, d.pred));
        if !d.missing_in_pred.is_empty() {
            out.push_str(&format!(
                "; {} gold document{} missing from the predictions, scored as all missed: {}",
                d.missing_in_pred.len(),
                if d.missing_in_pred.len() == 1 { "" } else { "s" },
                list(&d.missing_in_pred)
            ));
        }
        if !d.extra_in_pred.is_empty() {
            out.push_str(&format!(
                "; {} predicted document(s) without gold, ignored: {}",
                d.extra_in_pred.len(),
                list(&d.extra_in_pred)
            ));
        }
        out.push('\n');
        let o = &self.options;
        if !o.kinds.is_empty() || o.mention.is_some() {
            let kinds: Vec<&str> = o.kinds.iter().map(|k| k.as_str()).collect();
            let mention = match o.mention {
                Some(Mention::Name) => "name",
                Some(Mention::Nominal) => "nominal",
                None => "all",
            };
            out.push_str(&format!(
                "actors: kinds {}, mentions {mention}\n",
                if kinds.is_empty() { "all".to_string() } else { kinds.join(",") }
            ));
        }
        out.push_str(&format!(
            "\n{:<6} {:<8} {:>6} {:>6} {:>7} {:>6} {:>6} {:>6}\n",
            "label", "match", "gold", "pred", "correct", "P", "R", "F1"
        ));
        for r in &self.labels {
            for (name, p) in [("strict", r.strict), ("overlap", r.overlap)] {
                out.push_str(&prf_row(r.label.as_str(), name, p));
            }
        }
        for r in &self.labels {
            if let Some(a) = &r.actor {
                out.push_str(&format!(
                    "\nACTOR over {} strict matches: canonical {}, kind {}, mention {}\n",
                    r.strict.correct,
                    acc_text(a.canonical),
                    acc_text(a.kind),
                    acc_text(a.mention)
                ));
                if !a.unscored_kinds.is_empty() {
                    let parts: Vec<String> = a
                        .unscored_kinds
                        .iter()
                        .map(|u| {
                            format!("{} {} ({} on a place of the gold)", u.kind.as_str(), u.predicted, u.on_places)
                        })
                        .collect();
                    out.push_str(&format!("ACTOR kinds not scored, predicted: {}\n", parts.join(", ")));
                }
            }
            if let Some(t) = &r.tempeval {
                out.push_str(&format!(
                    "\nDATE (TempEval-3): strict F1 {}, relaxed F1 {}, value accuracy {}, type accuracy {}, value F1 {}, type F1 {}\n",
                    fmt_rate(t.strict.f1()),
                    fmt_rate(t.relaxed.f1()),
                    acc_text(t.value_accuracy),
                    acc_text(t.type_accuracy),
                    fmt_rate(t.value.f1()),
                    fmt_rate(t.timex_type.f1())
                ));
            }
            if let Some(c) = &r.claim {
                out.push_str(&format!(
                    "\nCLAIM over {} overlap matches: source {}, cue {}\n",
                    r.overlap.correct,
                    acc_text(c.source),
                    acc_text(c.cue)
                ));
            }
        }
        if let Some(a) = &self.attributions {
            out.push_str(&format!(
                "\nattributions: cue P {} R {} F1 {} ({} gold, {} predicted, {} found)\n",
                fmt_rate(a.cue.precision()),
                fmt_rate(a.cue.recall()),
                fmt_rate(a.cue.f1()),
                a.cue.gold,
                a.cue.pred,
                a.cue.correct
            ));
            out.push_str(&format!(
                "of found attributions: source agrees {}, content overlaps {}, both {}\n",
                acc_text(a.source_given_cue),
                acc_text(a.content_given_cue),
                acc_text(a.both_given_cue)
            ));
            out.push_str(&format!(
                "overlap F1: source {}, cue {}, content {}, all three {}\n",
                fmt_rate(a.source_spans.f1()),
                fmt_rate(a.cue.f1()),
                fmt_rate(a.content_spans.f1()),
                fmt_rate(a.all_spans.f1())
            ));
            out.push_str(&format!(
                "on ACTOR annotations only (source words ignored): source agrees {}, overlap F1 source {}, all three {}\n",
                acc_text(a.source_given_cue_actor),
                fmt_rate(a.source_spans_actor.f1()),
                fmt_rate(a.all_spans_actor.f1())
            ));
        }
        if !self.not_annotated.is_empty() {
            let names: Vec<&str> = self.not_annotated.iter().map(|l| l.as_str()).collect();
            out.push_str(&format!("\nnot scored (the gold does not annotate them): {}\n", names.join(", ")));
        }
        out
    }
}

fn prf_row(label: &str, name: &str, p: Prf) -> String {
    format!(
        "{:<6} {:<8} {:>6} {:>6} {:>7} {:>6} {:>6} {:>6}\n",
        label,
        name,
        p.gold,
        p.pred,
        p.correct,
        fmt_rate(p.precision()),
        fmt_rate(p.recall()),
        fmt_rate(p.f1())
    )
}

fn acc_text(a: Acc) -> String {
    format!("{} ({}/{})", fmt_rate(a.rate()), a.correct, a.total)
}

fn list(ids: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut s = ids.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN {
        s.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, Attrs, ClaimAttrs, DateAttrs, Provenance, Span, Status, TimexType};

    fn ann(id: &str, a: usize, b: usize, status: Status, attrs: Attrs) -> Annotation {
        Annotation {
            id: id.into(),
            span: Span::new(a, b).unwrap(),
            quote: String::new(),
            status,
            note: None,
            unsure: false,
            provenance: Provenance::default(),
            attrs,
        }
    }
    fn actor(id: &str, a: usize, b: usize, kind: ActorKind, canonical: &str) -> Annotation {
        let attrs = Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: canonical.into(), role: None });
        ann(id, a, b, Status::Manual, attrs)
    }
    fn doc(id: &str, anns: Vec<Annotation>) -> EvalDoc {
        EvalDoc { id: id.into(), sha256: "h".into(), annotations: anns, coverage: Coverage::full(), places: Vec::new() }
    }

    #[test]
    fn per_label_figures_rejected_ignored_missing_docs_reported() {
        let date = |id: &str, a, b, v: &str| {
            ann(
                id,
                a,
                b,
                Status::Manual,
                Attrs::Date(DateAttrs { timex_type: TimexType::Date, value: v.into(), ..DateAttrs::default() }),
            )
        };
        let gold = vec![
            doc(
                "d1",
                vec![
                    actor("A1", 0, 6, ActorKind::State, "France"),
                    actor("A2", 20, 25, ActorKind::State, "Mali"),
                    date("D1", 30, 41, "2025-09-14"),
                    ann(
                        "C1",
                        50,
                        60,
                        Status::Manual,
                        Attrs::Claim(ClaimAttrs { source: Some("A1".into()), ..ClaimAttrs::default() }),
                    ),
                ],
            ),
            doc("d2", vec![actor("A1", 0, 4, ActorKind::Person, "X")]),
        ];
        let mut rejected = actor("A9", 70, 75, ActorKind::Person, "Y");
        rejected.status = Status::Rejected;
        let pred = vec![doc(
            "d1",
            vec![
                actor("A1", 0, 6, ActorKind::State, "france"),
                actor("A2", 19, 25, ActorKind::Organization, "Mali"),
                date("D1", 35, 41, "2025-09-15"),
                rejected,
                ann(
                    "C1",
                    52,
                    58,
                    Status::Predicted,
                    Attrs::Claim(ClaimAttrs { source: Some("A1".into()), ..ClaimAttrs::default() }),
                ),
            ],
        )];
        let r = score(&gold, &pred, &Options::default()).unwrap();
        assert_eq!(r.documents.missing_in_pred, vec!["d2".to_string()]);
        let actor_r = &r.labels[0];
        assert_eq!(actor_r.strict, Prf::new(3, 2, 1));
        assert_eq!(actor_r.overlap, Prf::new(3, 2, 2));
        assert_eq!(actor_r.actor.as_ref().unwrap().canonical, Acc { correct: 1, total: 1 });
        let t = r.labels[1].tempeval.as_ref().unwrap();
        assert_eq!((t.strict.correct, t.relaxed.correct, t.value_accuracy.correct), (0, 1, 0));
        assert_eq!(r.labels[2].claim.as_ref().unwrap().source, Acc { correct: 1, total: 1 });
        let text = r.to_text();
        assert!(text.contains("missing from the predictions") && text.contains("TempEval-3"), "{text}");
        // Kinds filter on both sides: only persons -> d2's actor, missed.
        let opts = Options { labels: vec![Label::Actor], kinds: vec![ActorKind::Person], ..Options::default() };
        let r = score(&gold, &pred, &opts).unwrap();
        assert_eq!(r.labels.len(), 1);
        assert_eq!(r.labels[0].strict, Prf::new(1, 0, 0));
        // The two predicted actors left out are reported by kind, against the gold's places.
        let mut gold = gold;
        gold[0].places = vec![Span::new(0, 3).unwrap()];
        let r = score(&gold, &pred, &opts).unwrap();
        let unscored = &r.labels[0].actor.as_ref().unwrap().unscored_kinds;
        assert_eq!(
            unscored,
            &vec![
                UnscoredKind { kind: ActorKind::Organization, predicted: 1, on_places: 0 },
                UnscoredKind { kind: ActorKind::State, predicted: 1, on_places: 1 },
            ]
        );
    }

    #[test]
    fn coverage_and_text_mismatch() {
        let mut g = doc("d", vec![actor("A1", 0, 6, ActorKind::Person, "x")]);
        g.coverage = Coverage { labels: vec![Label::Date], actor_kinds: Vec::new(), canonical: false };
        let p = doc("d", vec![actor("A1", 0, 6, ActorKind::Person, "x")]);
        let r = score(std::slice::from_ref(&g), std::slice::from_ref(&p), &Options::default()).unwrap();
        assert_eq!(r.not_annotated, vec![Label::Actor, Label::Claim]);
        assert_eq!(r.labels[0].label, Label::Date);
        let mut p2 = p.clone();
        p2.sha256 = "other".into();
        assert!(score(&[g.clone()], &[p2], &Options::default()).is_err());
        assert!(score(&[g.clone(), g], &[p], &Options::default()).is_err());
    }
}
