//! Attribution scoring: claims seen as (source, cue, content) triples, PARC / PolNeAR style.
//!
//! Owns: cue precision / recall / F1 (a predicted cue is found when it overlaps a gold cue,
//! one-to-one), the share of found attributions whose source and content also overlap the
//! gold ones, and overlap F1 over each of the three span types and all of them together. It
//! must not: read files or filter annotations (the caller passes the live claims and the
//! document's full annotation list, to look sources up).
//!
//! Sources are scored twice. On ACTOR annotations only: the spans of the source actors
//! must overlap. With the source words: a claim's source is also the words its own clause
//! uses for it (`source_words`, a pronoun such as "he" in "he said", which the guidelines
//! never annotate as an ACTOR, so the actor is an earlier mention), and two sources agree
//! when their actors overlap or when their source words (each side's actor span where it
//! records none) overlap. Corpora such as PolNeAR mark the pronoun itself as the source.

use super::figures::{Acc, Prf};
use super::matching;
use crate::model::{Annotation, Span};
use serde::Serialize;

/// Attribution figures, summed over documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttributionScore {
    /// Cues: overlap matching, one-to-one.
    pub cue: Prf,
    /// Of the found attributions (matched cues), those whose sources agree: both unnamed,
    /// or both named, by actors or source words that overlap.
    pub source_given_cue: Acc,
    /// The same on ACTOR annotations only (source words ignored).
    pub source_given_cue_actor: Acc,
    /// Of the found attributions, those whose contents (the CLAIM spans) overlap.
    pub content_given_cue: Acc,
    /// Of the found attributions, those where both source and content agree.
    pub both_given_cue: Acc,
    /// Overlap P/R/F1 of the distinct source spans (each claim's source words, else its
    /// actor's span).
    pub source_spans: Prf,
    /// The same over the source actors' spans only.
    pub source_spans_actor: Prf,
    /// Overlap P/R/F1 of the content spans.
    pub content_spans: Prf,
    /// Sources, cues and contents pooled (micro-average of the three).
    pub all_spans: Prf,
    /// The same with sources taken from ACTOR annotations only.
    pub all_spans_actor: Prf,
}

/// The span of the ACTOR that `claim` names as its source, looked up in `all`.
pub fn source_span(claim: &Annotation, all: &[Annotation]) -> Option<Span> {
    let id = claim.claim()?.source.as_deref()?;
    all.iter().find(|a| a.id == id).map(|a| a.span)
}

/// The words a claim's clause uses for its source: its `source_words` when recorded, else
/// the span of its source actor.
pub fn source_words_span(claim: &Annotation, all: &[Annotation]) -> Option<Span> {
    match claim.claim()?.source_words.as_ref() {
        Some(w) => Some(w.span),
        None => source_span(claim, all),
    }
}

/// True when two optional source spans agree: both absent, or both present and overlapping.
pub fn sources_agree(gold: Option<Span>, pred: Option<Span>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => matching::shares(g, p),
        _ => false,
    }
}

/// True when two claims' sources agree by their actors or by their source words.
pub fn sources_agree_with_words(
    g: &Annotation,
    gold_all: &[Annotation],
    p: &Annotation,
    pred_all: &[Annotation],
) -> bool {
    sources_agree(source_span(g, gold_all), source_span(p, pred_all))
        || sources_agree(source_words_span(g, gold_all), source_words_span(p, pred_all))
}

impl AttributionScore {
    /// Adds one document: its live gold and predicted claims, and each side's full list of
    /// annotations (where the sources are).
    pub fn add(
        &mut self,
        gold: &[&Annotation],
        gold_all: &[Annotation],
        pred: &[&Annotation],
        pred_all: &[Annotation],
    ) {
        let cues = |claims: &[&Annotation]| -> Vec<(usize, Span)> {
            claims
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.claim().and_then(|a| a.cue.as_ref()).map(|cue| (i, cue.span)))
                .collect()
        };
        let (gc, pc) = (cues(gold), cues(pred));
        let gs: Vec<Span> = gc.iter().map(|x| x.1).collect();
        let ps: Vec<Span> = pc.iter().map(|x| x.1).collect();
        let pairs = matching::overlap(&gs, &ps);
        let cue = Prf::new(gs.len(), ps.len(), pairs.len());
        self.cue.add(cue);
        for &(i, j) in &pairs {
            let (g, p) = (gold[gc[i].0], pred[pc[j].0]);
            let source_ok = sources_agree_with_words(g, gold_all, p, pred_all);
            let actor_ok = sources_agree(source_span(g, gold_all), source_span(p, pred_all));
            let content_ok = matching::shares(g.span, p.span);
            self.source_given_cue.count(source_ok);
            self.source_given_cue_actor.count(actor_ok);
            self.content_given_cue.count(content_ok);
            self.both_given_cue.count(source_ok && content_ok);
        }
        let sources = |claims: &[&Annotation], all: &[Annotation], words: bool| -> Vec<Span> {
            let mut v: Vec<Span> = claims
                .iter()
                .filter_map(|c| if words { source_words_span(c, all) } else { source_span(c, all) })
                .collect();
            crate::sort::sort(&mut v);
            v.dedup();
            v
        };
        let prf = |words: bool| {
            let (gsrc, psrc) = (sources(gold, gold_all, words), sources(pred, pred_all, words));
            Prf::new(gsrc.len(), psrc.len(), matching::overlap(&gsrc, &psrc).len())
        };
        let (src, src_actor) = (prf(true), prf(false));
        self.source_spans.add(src);
        self.source_spans_actor.add(src_actor);
        let gcon: Vec<Span> = gold.iter().map(|c| c.span).collect();
        let pcon: Vec<Span> = pred.iter().map(|c| c.span).collect();
        let con = Prf::new(gcon.len(), pcon.len(), matching::overlap(&gcon, &pcon).len());
        self.content_spans.add(con);
        for p in [src, cue, con] {
            self.all_spans.add(p);
        }
        for p in [src_actor, cue, con] {
            self.all_spans_actor.add(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, Attrs, ClaimAttrs, Cue, Provenance, Status};

    fn ann(id: &str, a: usize, b: usize, attrs: Attrs) -> Annotation {
        Annotation {
            id: id.into(),
            span: Span::new(a, b).unwrap(),
            quote: String::new(),
            status: Status::Manual,
            note: None,
            unsure: false,
            provenance: Provenance::default(),
            attrs,
        }
    }
    fn actor(id: &str, a: usize, b: usize) -> Annotation {
        ann(id, a, b, Attrs::Actor(ActorAttrs { canonical: "x".into(), ..ActorAttrs::default() }))
    }
    fn claim(id: &str, a: usize, b: usize, src: Option<&str>, cue: (usize, usize)) -> Annotation {
        let cue = Some(Cue { span: Span::new(cue.0, cue.1).unwrap(), text: String::new() });
        ann(
            id,
            a,
            b,
            Attrs::Claim(ClaimAttrs {
                source: src.map(Into::into),
                cue,
                stance: None,
                target: None,
                source_words: None,
            }),
        )
    }

    #[test]
    fn found_attributions_and_their_parts() {
        // Gold: "Trump said that X" (source 0..5, cue 6..10, content 11..30) and an unnamed one.
        let gold_all =
            vec![actor("A1", 0, 5), claim("C1", 11, 30, Some("A1"), (6, 10)), claim("C2", 40, 60, None, (35, 39))];
        // Predicted: the first with a wrong source span, the second missed, one spurious.
        let pred_all = vec![
            actor("A1", 100, 105),
            claim("C1", 15, 30, Some("A1"), (6, 10)),
            claim("C2", 70, 80, Some("A1"), (65, 68)),
        ];
        let g: Vec<&Annotation> = gold_all.iter().filter(|a| a.claim().is_some()).collect();
        let p: Vec<&Annotation> = pred_all.iter().filter(|a| a.claim().is_some()).collect();
        let mut s = AttributionScore::default();
        s.add(&g, &gold_all, &p, &pred_all);
        assert_eq!(s.cue, Prf::new(2, 2, 1));
        assert_eq!(s.source_given_cue, Acc { correct: 0, total: 1 });
        assert_eq!(s.content_given_cue, Acc { correct: 1, total: 1 });
        assert_eq!(s.source_spans, Prf::new(1, 1, 0));
        assert_eq!(s.content_spans, Prf::new(2, 2, 1));
        assert_eq!(s.all_spans, Prf::new(5, 5, 2));
        assert!(sources_agree(None, None));
        assert_eq!(s.source_given_cue_actor, Acc { correct: 0, total: 1 });
        assert_eq!(s.all_spans_actor, Prf::new(5, 5, 2));
    }

    #[test]
    fn source_words_count_when_recorded() {
        // Gold (a corpus that marks the pronoun): source "he" at 20..22. Predicted: source
        // actor "Smith" at 0..5 (the antecedent), source words "he" at 20..22.
        let gold_all = vec![actor("A1", 20, 22), claim("C1", 28, 40, Some("A1"), (23, 27))];
        let mut c = claim("C1", 28, 40, Some("A1"), (23, 27));
        if let Attrs::Claim(a) = &mut c.attrs {
            a.source_words = Some(Cue { span: Span::new(20, 22).unwrap(), text: String::new() });
        }
        let pred_all = vec![actor("A1", 0, 5), c];
        let g: Vec<&Annotation> = gold_all.iter().filter(|a| a.claim().is_some()).collect();
        let p: Vec<&Annotation> = pred_all.iter().filter(|a| a.claim().is_some()).collect();
        let mut s = AttributionScore::default();
        s.add(&g, &gold_all, &p, &pred_all);
        assert_eq!(s.source_given_cue, Acc { correct: 1, total: 1 });
        assert_eq!(s.source_given_cue_actor, Acc { correct: 0, total: 1 });
        assert_eq!(s.source_spans, Prf::new(1, 1, 1));
        assert_eq!(s.source_spans_actor, Prf::new(1, 1, 0));
        // A gold file that names the actor (the guidelines' way) still agrees by actor.
        let gold_all = vec![actor("A1", 0, 5), claim("C1", 28, 40, Some("A1"), (23, 27))];
        let g: Vec<&Annotation> = gold_all.iter().filter(|a| a.claim().is_some()).collect();
        let mut s = AttributionScore::default();
        s.add(&g, &gold_all, &p, &pred_all);
        assert_eq!(s.source_given_cue, Acc { correct: 1, total: 1 });
        assert_eq!(s.source_given_cue_actor, Acc { correct: 1, total: 1 });
    }
}
