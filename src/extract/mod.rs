//! Extraction: from a [`Document`] to predicted annotations, with no I/O.
//!
//! Owns: the [`Extractor`] trait and the [`Pipeline`] that runs the extractors in order
//! (segment -> actors -> dates -> claims), resolves overlaps and numbers the ids. It must
//! not: see the UI or any file format. Each extractor only adds candidates; the pipeline
//! decides what is kept.

pub mod actor;
pub mod claim;
pub mod date;
pub mod dateline;
pub mod learned;
mod nesting;
pub mod segment;
mod work;

pub use nesting::MAX_CLAIM_DEPTH;
pub use work::{Steps, Tally, Work};

use crate::learn::ProjectLexicon;
use crate::model::{Annotation, Attrs, Document, Label, Span};
use rustc_hash::FxHashMap;
use segment::Sentence;
use std::collections::BTreeMap;

/// What an extractor sees: the document, its sentences and what earlier extractors found.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    /// Annotations found by the extractors that ran before (claims see actors and dates).
    pub found: &'a [Annotation],
    /// Where the extractor adds the work it did (see [`Work`]).
    pub work: &'a Tally,
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
#[derive(Default)]
pub struct Pipeline {
    actors: actor::ActorExtractor,
    dates: date::DateExtractor,
    claims: claim::ClaimExtractor,
}

impl Pipeline {
    /// Extracts every label from `doc`: predicted annotations, sorted, with ids `A1..`,
    /// `D1..`, `C1..` and references renumbered to match.
    pub fn run(&self, doc: &Document) -> Vec<Annotation> {
        self.run_counted(doc).0
    }

    /// [`Pipeline::run`], with a count of the work each stage did: tests check with it,
    /// without timing, that the work grows linearly with the text.
    pub fn run_counted(&self, doc: &Document) -> (Vec<Annotation>, Work) {
        self.run_with(doc, None)
    }

    /// [`Pipeline::run`] with the project lexicon applied to the candidates before the merge
    /// (see [`learned`]); `compiled` is `learned::Compiled::new(lex)`, made once for many
    /// documents.
    pub fn run_learned(&self, doc: &Document, lex: &ProjectLexicon, compiled: &learned::Compiled) -> Vec<Annotation> {
        self.run_with(doc, Some((lex, compiled))).0
    }

    fn run_with(&self, doc: &Document, lex: Option<(&ProjectLexicon, &learned::Compiled)>) -> (Vec<Annotation>, Work) {
        let tally = Tally::default();
        let mut steps = 0u64;
        let sentences = segment::sentences_counted(doc, &mut steps);
        tally.add(|w| {
            w.segment_steps += steps;
            w.sentences += sentences.len() as u64;
        });
        let mut found: Vec<Annotation> = Vec::new();
        let claims = lex.and_then(|(_, c)| c.claims()).unwrap_or(&self.claims);
        for ex in [&self.actors as &dyn Extractor, &self.dates, claims] {
            let mut out = Vec::new();
            ex.extract(&Context { doc, sentences: &sentences, found: &found, work: &tally }, &mut out);
            // The first extractor's vector becomes `found` itself: no copy of its annotations.
            if found.is_empty() {
                found = out;
            } else {
                found.append(&mut out);
            }
        }
        if let Some((lex, compiled)) = lex {
            learned::apply(lex, compiled, doc, &mut found);
        }
        let anns = merge(found, &tally);
        Self::count_output(&anns, &tally);
        (anns, tally.get())
    }

    /// Runs one label's extractor alone (and those it depends on), for benchmarks and tests.
    pub fn run_label(&self, doc: &Document, label: Label) -> Vec<Annotation> {
        let sentences = segment::sentences(doc);
        let mut out = Vec::new();
        let tally = Tally::default();
        let cx = Context { doc, sentences: &sentences, found: &[], work: &tally };
        match label {
            Label::Actor => self.actors.extract(&cx, &mut out),
            Label::Date => self.dates.extract(&cx, &mut out),
            Label::Claim => return self.run(doc).into_iter().filter(|a| a.label() == Label::Claim).collect(),
        }
        merge(out, &tally)
    }

    fn count_output(anns: &[Annotation], tally: &Tally) {
        let bytes: usize = anns.iter().map(|a| a.quote.len()).sum();
        tally.add(|w| {
            w.annotations += anns.len() as u64;
            w.quote_bytes += bytes as u64;
        });
    }
}

/// `prefix` followed by `n` in decimal ("A12"), with `itoa` rather than the formatting
/// machinery: ids are made for every candidate of a long document.
pub(crate) fn numbered_id(prefix: &str, n: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut id = String::with_capacity(prefix.len() + digits.len());
    id.push_str(prefix);
    id.push_str(digits);
    id
}

/// Resolves overlaps and numbers ids.
///
/// Within ACTOR and within DATE, spans may not overlap: of two overlapping candidates the
/// longer (then the earlier) wins. Claims may nest (a report of a report) but not cross, and
/// at most [`nesting::MAX_CLAIM_DEPTH`] deep.
/// Annotations that referred to a dropped candidate lose the reference.
///
/// Long documents hold tens of thousands of candidates: indices are sorted rather than the
/// annotations themselves, kept spans are found by range lookups, and ids are looked up
/// by reference, so the merge stays near-linear.
fn merge(cands: Vec<Annotation>, tally: &Tally) -> Vec<Annotation> {
    tally.add(|w| w.merge_candidates += cands.len() as u64);
    // Longest first within each label, so that the greedy pass keeps the longer candidate.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| {
        let a = &cands[i];
        (a.label(), std::cmp::Reverse(a.span.len()), a.span.start())
    });
    // The candidates stay where they are until the end: the passes below decide on indices
    // and each kept annotation is moved once, into its place.
    let mut kept: Vec<usize> = Vec::with_capacity(cands.len());
    // Kept claims: nested, never crossing, at most `MAX_CLAIM_DEPTH` deep.
    let mut claims = nesting::ClaimNest::default();
    // Kept ACTOR and DATE spans by start, with their candidate index.
    let mut kept_by_start: [BTreeMap<usize, (Span, usize)>; 2] = [BTreeMap::new(), BTreeMap::new()];
    // A dropped ACTOR or DATE candidate hands its references to the kept one it overlaps:
    // (dropped, winner), both candidate indices.
    let mut merged_into: Vec<(usize, usize)> = Vec::new();
    for i in order {
        let c = &cands[i];
        let (a, b) = (c.span.start(), c.span.end());
        if c.label() == Label::Claim {
            if !claims.accept(a, b) {
                continue;
            }
        } else {
            // Kept ACTOR and DATE spans never overlap: the one starting last before the
            // candidate's end is the only one that can clash.
            let by_start = &mut kept_by_start[usize::from(c.label() == Label::Date)];
            let clash = by_start.range(..b).next_back().filter(|(_, (s, _))| s.overlaps(&c.span)).map(|(_, &(_, k))| k);
            if let Some(k) = clash {
                merged_into.push((i, k));
                continue;
            }
            if c.span.is_empty() {
                continue;
            }
            by_start.insert(a, (c.span, i));
        }
        kept.push(i);
    }
    kept.sort_by(|&x, &y| cands[x].order_key().cmp(&cands[y].order_key()));
    // `place[i]`: where candidate i goes, when it is kept.
    let mut place = vec![usize::MAX; cands.len()];
    for (to, &from) in kept.iter().enumerate() {
        place[from] = to;
    }
    // Number the ids by label in text order, and remap references.
    let mut counters = [0usize; 3];
    let new_ids: Vec<String> = kept
        .iter()
        .map(|&i| {
            let a = &cands[i];
            let n = &mut counters[a.label() as usize];
            *n += 1;
            numbered_id(&a.label().as_str()[..1], *n)
        })
        .collect();
    let mut renamed: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(kept.len() + merged_into.len(), Default::default());
    for (k, &i) in kept.iter().enumerate() {
        renamed.insert(cands[i].id.as_str(), k);
    }
    for &(dropped, winner) in &merged_into {
        renamed.entry(cands[dropped].id.as_str()).or_insert(place[winner]);
    }
    let new_of = |id: &str| renamed.get(id).map(|&k| new_ids[k].clone());
    let refs: Vec<Option<Option<String>>> = kept
        .iter()
        .map(|&i| match &cands[i].attrs {
            Attrs::Claim(c) => Some(c.source.as_deref().and_then(new_of)),
            Attrs::Date(d) => Some(match d.anchor.as_deref() {
                Some("dct") => Some("dct".to_string()),
                Some(x) => new_of(x),
                None => None,
            }),
            Attrs::Actor(_) => None,
        })
        .collect();
    drop(renamed);
    let mut slots: Vec<Option<Annotation>> = cands.into_iter().map(Some).collect();
    let mut out: Vec<Annotation> = Vec::with_capacity(kept.len());
    for ((i, id), r) in kept.into_iter().zip(new_ids).zip(refs) {
        let Some(mut a) = slots[i].take() else { continue };
        a.id = id;
        match (&mut a.attrs, r) {
            (Attrs::Claim(c), Some(r)) => c.source = r,
            (Attrs::Date(d), Some(r)) => d.anchor = r,
            _ => {}
        }
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbered_ids_are_decimal() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(super::numbered_id("A", n), format!("A{n}"));
        }
        assert_eq!(super::numbered_id("act", 7), "act7");
    }

    /// A multi-byte mark right after a date ("25—", "25”") once cut a string inside a
    /// character (a PolNeAR article): every such mark is read, nothing panics.
    #[test]
    fn marks_of_several_bytes_after_a_second_day_do_not_panic() {
        let pipeline = super::Pipeline::default();
        for mark in ["—", "”", "’", "\u{1F642}", "\u{301}"] {
            let text = format!(
                "Polls ran April 24 and 25{mark} and surveyed 552 voters. Officials said so on May 3 and 4{mark}"
            );
            let doc = crate::model::Document::new("t", &text, Some("2025-09-19".parse().unwrap())).unwrap();
            let anns = pipeline.run(&doc);
            assert!(anns.iter().any(|a| a.quote == "April 24"), "{mark}: {anns:?}");
        }
    }

    /// Words the rules look at, marks of several bytes and line ends, glued in any order
    /// with or without spaces: the pipeline never panics, and every annotation's quote is
    /// its span's text.
    mod any_text {
        use proptest::prelude::*;

        const PIECES: &[&str] = &[
            "April",
            "Aug.",
            "24",
            "25",
            "1-5",
            "and",
            "to",
            "—",
            "–",
            "”",
            "“",
            "’",
            "‘",
            "…",
            "\u{1F642}",
            "e\u{301}",
            "-",
            ",",
            ".",
            ":",
            "'",
            "\"",
            "(",
            ")",
            "\n",
            "\r\n",
            "said",
            "told",
            "that",
            "Mr.",
            "Monday",
            "on",
            "at",
            "the",
            "time",
            "of",
            "until",
            "90s",
            "5",
            "p.m.",
            "14:30",
            "GMT+1",
            "UTC",
            "In",
            "2015",
            "The",
            "President",
            "Trump",
            "CNN",
            "St.",
            "Fort",
            "IS",
            "TV",
            "2",
            "Witnesses",
            "wrote",
            "film",
            "Yesterday",
            "Next",
            "Friday",
            "went",
            "polls",
            "dawn",
            "comments",
            "his",
            // Amounts past the calendar's range (jiff's span builders panicked on them).
            "50000",
            "9000000",
            "years",
            "days",
            "centuries",
            "ago",
            "from",
            "now",
            "in",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn the_pipeline_reads_any_glue_of_its_words(pieces in proptest::collection::vec((0..PIECES.len(), any::<bool>()), 0..48)) {
                let text: String = pieces.iter().map(|&(i, space)| format!("{}{}", PIECES[i], if space { " " } else { "" })).collect();
                let doc = crate::model::Document::new("t", &text, Some("2025-09-19".parse().unwrap())).unwrap();
                for a in super::super::Pipeline::default().run(&doc) {
                    prop_assert_eq!(doc.slice(a.span), Some(a.quote.as_str()));
                }
            }
        }
    }
}
