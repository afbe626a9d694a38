//! Extraction: from a [`Document`] to predicted annotations, with no I/O.
//!
//! Owns: the [`Extractor`] trait and the [`Pipeline`] that runs the extractors in order
//! (segment -> actors -> dates -> claims), resolves overlaps and numbers the ids. It must
//! not: see the UI or any file format. Each extractor only adds candidates; the pipeline
//! decides what is kept.

pub mod actor;
pub mod claim;
pub mod date;
pub mod segment;

use crate::model::{sort_annotations, Annotation, Attrs, Document, Label};
use segment::Sentence;
use std::collections::HashMap;

/// What an extractor sees: the document, its sentences and what earlier extractors found.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    /// Annotations found by the extractors that ran before (claims see actors and dates).
    pub found: &'a [Annotation],
}

/// One extractor: adds candidate annotations of its label (a claim extractor may also add
/// the ACTOR it names as a source). Ids must be unique within the extractor's output and
/// references (a claim's `source`, a date's `anchor`) must use them or ids in `found`;
/// the pipeline renumbers them all.
pub trait Extractor {
    /// The label this extractor is about.
    fn label(&self) -> Label;
    /// Pushes candidates onto `out`.
    fn extract(&self, cx: &Context<'_>, out: &mut Vec<Annotation>);
}

/// The extractors in order, and the merge step.
pub struct Pipeline {
    actors: actor::ActorExtractor,
    dates: date::DateExtractor,
    claims: claim::ClaimExtractor,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline {
            actors: actor::ActorExtractor::new(),
            dates: date::DateExtractor::new(),
            claims: claim::ClaimExtractor::new(),
        }
    }
}

impl Pipeline {
    /// Extracts every label from `doc`: predicted annotations, sorted, with ids `A1..`,
    /// `D1..`, `C1..` and references renumbered to match.
    pub fn run(&self, doc: &Document) -> Vec<Annotation> {
        let sentences = segment::sentences(doc);
        let mut found: Vec<Annotation> = Vec::new();
        for ex in [&self.actors as &dyn Extractor, &self.dates, &self.claims] {
            let mut out = Vec::new();
            ex.extract(&Context { doc, sentences: &sentences, found: &found }, &mut out);
            found.extend(out);
        }
        merge(found)
    }

    /// Runs one label's extractor alone (and those it depends on), for benchmarks and tests.
    pub fn run_label(&self, doc: &Document, label: Label) -> Vec<Annotation> {
        let sentences = segment::sentences(doc);
        let mut out = Vec::new();
        let cx = Context { doc, sentences: &sentences, found: &[] };
        match label {
            Label::Actor => self.actors.extract(&cx, &mut out),
            Label::Date => self.dates.extract(&cx, &mut out),
            Label::Claim => return self.run(doc).into_iter().filter(|a| a.label() == Label::Claim).collect(),
        }
        merge(out)
    }
}

/// Resolves overlaps and numbers ids.
///
/// Within ACTOR and within DATE, spans may not overlap: of two overlapping candidates the
/// longer (then the earlier) wins. Claims may nest (a report of a report) but not cross.
/// Annotations that referred to a dropped candidate lose the reference.
fn merge(mut cands: Vec<Annotation>) -> Vec<Annotation> {
    // Longest first within each label, so that the greedy pass keeps the longer candidate.
    cands.sort_by(|a, b| {
        (a.label(), std::cmp::Reverse(a.span.len()), a.span.start()).cmp(&(
            b.label(),
            std::cmp::Reverse(b.span.len()),
            b.span.start(),
        ))
    });
    let mut kept: Vec<Annotation> = Vec::with_capacity(cands.len());
    // Kept claims as (start, end) and (end, start).
    let mut claim_starts: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    let mut claim_ends: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    let mut ordered: HashMap<Label, std::collections::BTreeMap<usize, (crate::model::Span, String)>> = HashMap::new();
    // A dropped ACTOR or DATE candidate hands its references to the kept one it overlaps.
    let mut merged_into: HashMap<String, String> = HashMap::new();
    for c in cands {
        // Kept ACTOR and DATE spans never overlap: the one starting last before the
        // candidate's end is the only one that can clash (no quadratic scan on long texts).
        let kept_by_start = ordered.entry(c.label()).or_default();
        let clash = if c.label() == Label::Claim {
            // A kept claim that crosses the candidate (or has its span) starts or ends
            // inside it: look only there (no quadratic scan on long texts).
            let (a, b) = (c.span.start(), c.span.end());
            let crossing = a < b
                && (claim_starts.range((a, 0)..(b, 0)).any(|&(s, e)| e > b && s > a || s == a && e == b)
                    || claim_ends.range((a + 1, 0)..(b, 0)).any(|&(_, s)| s < a));
            crossing.then(String::new)
        } else {
            kept_by_start
                .range(..c.span.end())
                .next_back()
                .filter(|(_, (s, _))| s.overlaps(&c.span))
                .map(|(_, (_, id))| id.clone())
        };
        match clash {
            Some(winner) => {
                if c.label() != Label::Claim {
                    merged_into.insert(c.id.clone(), winner);
                }
            }
            None if !c.span.is_empty() => {
                if c.label() == Label::Claim {
                    claim_starts.insert((c.span.start(), c.span.end()));
                    claim_ends.insert((c.span.end(), c.span.start()));
                } else {
                    kept_by_start.insert(c.span.start(), (c.span, c.id.clone()));
                }
                kept.push(c);
            }
            None => {}
        }
    }
    sort_annotations(&mut kept);
    // Number the ids by label in text order, and remap references.
    let mut counters: HashMap<Label, usize> = HashMap::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for a in &mut kept {
        let n = counters.entry(a.label()).or_insert(0);
        *n += 1;
        let new = format!("{}{}", &a.label().as_str()[..1], n);
        renamed.insert(std::mem::replace(&mut a.id, new.clone()), new);
    }
    for (dropped, winner) in merged_into {
        if let Some(new) = renamed.get(&winner).cloned() {
            renamed.entry(dropped).or_insert(new);
        }
    }
    for a in &mut kept {
        match &mut a.attrs {
            Attrs::Claim(c) => c.source = c.source.take().and_then(|s| renamed.get(&s).cloned()),
            Attrs::Date(d) => {
                if let Some(anchor) = d.anchor.take() {
                    d.anchor = if anchor == "dct" { Some(anchor) } else { renamed.get(&anchor).cloned() };
                }
            }
            Attrs::Actor(_) => {}
        }
    }
    kept
}
