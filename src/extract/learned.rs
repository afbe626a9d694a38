//! Applying the project lexicon (`crate::learn`) to one document's candidates, before the
//! pipeline's merge resolves overlaps and numbers the ids.
//!
//! - A candidate ACTOR or DATE whose words were rejected more often than accepted is dropped
//!   (a claim whose source it was keeps no source: the merge drops the reference).
//! - A candidate ACTOR whose words are a learned name takes the learned kind and identity;
//!   any other takes the identity's new name when it was renamed.
//! - Each occurrence of a learned name (as written, between word boundaries; not a state's,
//!   which is an actor only where it acts: `learn::depends_on_context`) or of a learned
//!   date (any ASCII case) that no candidate of its label already covers exactly becomes a
//!   candidate; the merge prefers the longer of two overlapping ones, so a learned name never
//!   cuts a longer name the extractor found, and a longer learned name replaces a shorter cut.
//!
//! - Learned cue words: the pipeline runs the claim extractor of [`Compiled::claims`], which
//!   reads them as reporting verbs; a claim whose cue is one of them gets the rule `lexicon`.
//!
//! Every candidate added or changed here has the rule `lexicon` in its provenance.
//!
//! Owns: those three steps. It must not: learn (that is `crate::learn`) or resolve overlaps.

use super::claim::{closed_class_words, ClaimExtractor};
use crate::learn::{depends_on_context, ProjectLexicon};
use crate::model::{ActorAttrs, Annotation, Attrs, DateAttrs, Document, Label, Mention, Provenance, Span, Status};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The rule named in the provenance of what the lexicon added or changed.
pub const RULE: &str = "lexicon";

/// The lexicon's surfaces, compiled for one search over a text, and the claim extractor
/// extended with the learned cue words.
pub struct Compiled {
    names: Option<(AhoCorasick, Vec<String>)>,
    dates: Option<(AhoCorasick, Vec<String>)>,
    /// The claim extractor with the learned cue words, when one of them is new to it, and
    /// those words (sorted).
    claims: Option<(ClaimExtractor, Vec<String>)>,
}

impl Compiled {
    /// Searchers for the names and dates `lex` would predict.
    pub fn new(lex: &ProjectLexicon) -> Compiled {
        // A closed-class word marked as a name by mistake ("The", "he") is not searched for,
        // or it would be predicted all over every text.
        let closed = closed_class_words();
        let names: Vec<String> = (lex.actors.keys())
            .filter(|s| lex.actor(s).is_some_and(|a| !depends_on_context(a.kind)))
            .filter(|s| !closed.contains(s.to_lowercase().as_str()))
            .cloned()
            .collect();
        let dates: Vec<String> = lex.dates.keys().filter(|s| lex.date(s).is_some()).cloned().collect();
        let build = |pats: Vec<String>, fold: bool| {
            if pats.is_empty() {
                return None;
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(fold)
                .build(&pats)
                .ok()
                .map(|ac| (ac, pats))
        };
        // The claim extractor's lexicons are parsed again only when a cue word is to be added.
        let claims = lex.live_cues().next().and_then(|_| {
            let (extractor, mut added) = ClaimExtractor::with_learned_cues(lex.live_cues());
            added.sort_unstable();
            (!added.is_empty()).then_some((extractor, added))
        });
        Compiled { names: build(names, false), dates: build(dates, true), claims }
    }

    /// The claim extractor with the learned cue words, when one is new to the built-in one.
    pub fn claims(&self) -> Option<&ClaimExtractor> {
        self.claims.as_ref().map(|c| &c.0)
    }

    /// True when `cue` (a claim's cue text) is a learned cue word the built-in extractor does
    /// not know.
    fn learned_cue(&self, cue: &str) -> bool {
        self.claims.as_ref().is_some_and(|(_, words)| words.binary_search(&cue.trim().to_lowercase()).is_ok())
    }
}

/// True when the bytes `s..e` of `text` start and end at word boundaries.
fn bounded(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after = text[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before && after
}

fn lexicon_provenance() -> Provenance {
    Provenance::extractor(RULE)
}

/// Applies `lex` (compiled as `compiled`) to `cands`, the candidates of `doc`.
pub fn apply(lex: &ProjectLexicon, compiled: &Compiled, doc: &Document, cands: &mut Vec<Annotation>) {
    cands.retain(|a| a.label() == Label::Claim || !lex.is_rejected(a.label(), &a.quote));
    for a in cands.iter_mut() {
        if let Attrs::Claim(c) = &a.attrs {
            if c.cue.as_ref().is_some_and(|cue| compiled.learned_cue(&cue.text)) {
                a.provenance = lexicon_provenance();
            }
            continue;
        }
        let Attrs::Actor(attrs) = &mut a.attrs else { continue };
        if let Some(l) = lex.actor(&a.quote) {
            let canonical = lex.canonical(&l.canonical);
            if attrs.kind != l.kind || attrs.canonical != canonical {
                attrs.kind = l.kind;
                attrs.canonical = canonical.to_string();
                a.provenance = lexicon_provenance();
            }
        } else if lex.renamed.contains_key(&attrs.canonical) {
            attrs.canonical = lex.canonical(&attrs.canonical).to_string();
            a.provenance = lexicon_provenance();
        }
    }
    let mut added = Vec::new();
    let actor = |surface: &str| {
        let l = lex.actor(surface)?;
        let canonical = lex.canonical(&l.canonical).to_string();
        Some(Attrs::Actor(ActorAttrs { kind: l.kind, mention: Mention::Name, canonical, role: None }))
    };
    let date = |surface: &str| {
        let d = lex.date(surface)?;
        Some(Attrs::Date(DateAttrs { timex_type: d.timex_type, value: d.value.clone(), modifier: None, anchor: None }))
    };
    occurrences(&compiled.names, Label::Actor, actor, doc, cands, &mut added);
    occurrences(&compiled.dates, Label::Date, date, doc, cands, &mut added);
    cands.append(&mut added);
}

/// Adds to `added` a candidate of `label` for each occurrence, between word boundaries, of a
/// surface of `searcher` that no candidate of `label` already has exactly; `attrs` gives its
/// attributes from the learned surface.
fn occurrences(
    searcher: &Option<(AhoCorasick, Vec<String>)>,
    label: Label,
    attrs: impl Fn(&str) -> Option<Attrs>,
    doc: &Document,
    cands: &[Annotation],
    added: &mut Vec<Annotation>,
) {
    let Some((ac, pats)) = searcher else { return };
    let text = doc.text();
    for m in ac.find_iter(text).filter(|m| bounded(text, m.start(), m.end())) {
        let (Some(span), Some(attrs)) = (doc.span_of_bytes(m.start(), m.end()), attrs(&pats[m.pattern().as_usize()]))
        else {
            continue;
        };
        if cands.iter().any(|c| c.label() == label && c.span == span) {
            continue;
        }
        added.push(candidate(format!("L{}", added.len() + 1), span, &text[m.start()..m.end()], attrs));
    }
}

fn candidate(id: String, span: Span, quote: &str, attrs: Attrs) -> Annotation {
    Annotation {
        id,
        span,
        quote: quote.to_string(),
        status: Status::Predicted,
        note: None,
        unsure: false,
        provenance: lexicon_provenance(),
        attrs,
    }
}
