//! The project lexicon: what the annotator's decisions teach the pre-annotation, kept with the
//! corpus and applied to every document opened or extracted afterwards.
//!
//! Learned, from decisions (the page's accept, add, reject, rename) or from a reviewed
//! document compared with what was predicted on it ([`ProjectLexicon::learn_document`]):
//! - actor names, as written, with their kind and canonical identity, and how often a person
//!   accepted or added them;
//! - surfaces rejected as ACTOR or DATE, and how often;
//! - identities renamed (an old canonical name and the new one);
//! - date expressions a person added or corrected whose value does not depend on the
//!   publication date (`September 19, 2025`, `2020`), matched without regard to ASCII case;
//! - cue words: the one-word cue of a claim a person added or corrected ("cautioned",
//!   "quipped"), with its stance; the claim extractor then reads the word as a reporting verb
//!   of the `speech` frame (`X cautioned that C`, `C, X cautioned`).
//!
//! A state's name (a country, or a capital for its government) is an actor only where the state
//! acts: it teaches its kind and identity, but is not predicted wherever it occurs, and its
//! rejection says "not acting here", not "never an actor" ([`depends_on_context`]).
//!
//! A name is predicted again where it was accepted more often than rejected; a surface is no
//! longer predicted where it was rejected more often than accepted. What a learned entry adds
//! or changes says so in its provenance (`rule: "lexicon"`, see `extract::learned`).
//!
//! Owns: the lexicon's data, the learning rules and its JSON file (`gloss-lexicon`, version 1),
//! checked on reading with messages in words. It must not: run the extractors (the pipeline
//! applies it), see the UI or the browser.

mod decisions;
pub mod simulate;

pub use decisions::Entry;

use crate::eval::Coverage;
use crate::model::{ActorKind, Annotation, Attrs, Document, Label, Mention, Span, Stance, Status, TimexType};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The JSON file's `format`.
pub const FORMAT: &str = "gloss-lexicon";
/// The JSON file's `version`.
pub const VERSION: u32 = 1;
/// The longest surface learned, in bytes (a name, a date phrase: never a sentence).
pub const MAX_SURFACE: usize = 120;

/// An actor name learned: its kind and identity, and how often it was accepted or added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedActor {
    pub kind: ActorKind,
    pub canonical: String,
    pub accepted: u32,
}

/// A date expression learned (its surface in lowercase is the key): its TIMEX3 type and value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedDate {
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    pub value: String,
    pub accepted: u32,
}

/// A cue word learned (the word in lowercase is the key): the stance of the claims it was
/// the cue of, and how often a person added or corrected such a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedCue {
    pub stance: Stance,
    pub accepted: u32,
    /// How often a claim it was the cue of was rejected (a prediction it made, or one a
    /// person rejected once the word was learned).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rejected: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl LearnedCue {
    /// Counts one claim of this word reviewed: for it when `accepted`, else against it.
    pub fn review(&mut self, accepted: bool) {
        let n = if accepted { &mut self.accepted } else { &mut self.rejected };
        *n = n.saturating_add(1);
    }
}

/// True for an actor kind whose names are actors only in some sentences: a state (a country,
/// or its capital for its government) is an ACTOR where it acts and a place elsewhere
/// (GUIDELINES.md). Whether its name is one depends on the sentence, not on the words: so a
/// rejected state teaches nothing about its words, and a learned state name is not predicted
/// wherever it occurs (it still gives its kind and identity to a mention the extractor finds).
pub fn depends_on_context(kind: ActorKind) -> bool {
    kind == ActorKind::State
}

/// The longest cue word learned, in bytes.
pub const MAX_CUE: usize = 40;

/// The project lexicon (see the module's documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectLexicon {
    pub format: String,
    pub version: u32,
    /// Actor names as written.
    pub actors: BTreeMap<String, LearnedActor>,
    /// Surfaces rejected, by label (`ACTOR`: as written; `DATE`: in lowercase), with a count.
    pub rejected: BTreeMap<Label, BTreeMap<String, u32>>,
    /// Identities renamed: old canonical name to new.
    pub renamed: BTreeMap<String, String>,
    /// Date expressions in lowercase.
    pub dates: BTreeMap<String, LearnedDate>,
    /// Cue words in lowercase. Absent from files written before cue words were learned (and
    /// left out of the file while empty, so such files read and write as before).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cues: BTreeMap<String, LearnedCue>,
}

/// A surface worth learning: trimmed, on one line, not too long, with a letter or digit.
fn surface_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SURFACE
        && s.trim() == s
        && !s.contains(['\n', '\r'])
        && s.chars().any(char::is_alphanumeric)
}

/// A word that can be learned as a cue: one lowercase word of letters (an inner hyphen or
/// apostrophe allowed: "fact-checked"), at most [`MAX_CUE`] bytes.
pub fn cue_word_ok(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_CUE
        && b[0].is_ascii_lowercase()
        && b[b.len() - 1].is_ascii_lowercase()
        && b.iter().all(|c| c.is_ascii_lowercase() || matches!(c, b'-' | b'\''))
}

/// The cue word of a claim, in lowercase, when its cue is one word that can be learned.
pub fn claim_cue_word(a: &Annotation) -> Option<String> {
    let w = a.claim()?.cue.as_ref()?.text.trim().to_lowercase();
    cue_word_ok(&w).then_some(w)
}

/// A DATE value that says the same whatever the publication date: a year, a month or a day
/// written in full (`2020`, `2020-05`, `2025-09-19`).
pub fn absolute_value(t: TimexType, value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    t == TimexType::Date
        && match b.len() {
            4 => digits(0..4),
            7 => digits(0..4) && b[4] == b'-' && digits(5..7),
            10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
            _ => false,
        }
}

impl ProjectLexicon {
    /// An empty lexicon.
    pub fn new() -> ProjectLexicon {
        ProjectLexicon { format: FORMAT.to_string(), version: VERSION, ..ProjectLexicon::default() }
    }

    /// True when nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.rejected.values().all(BTreeMap::is_empty)
            && self.renamed.is_empty()
            && self.dates.is_empty()
            && self.cues.is_empty()
    }

    /// A person accepted or added `surface` as the actor `canonical` of `kind`. False (and
    /// nothing learned) for a surface that cannot be a name (empty, over [`MAX_SURFACE`], on
    /// several lines).
    pub fn accept_actor(&mut self, surface: &str, kind: ActorKind, canonical: &str) -> bool {
        if !surface_ok(surface) || !surface_ok(canonical) {
            return false;
        }
        let canonical = self.renamed.get(canonical).map_or(canonical, String::as_str).to_string();
        let e = self.actors.entry(surface.to_string()).or_insert(LearnedActor {
            kind,
            canonical: canonical.clone(),
            accepted: 0,
        });
        e.kind = kind;
        e.canonical = canonical;
        e.accepted = e.accepted.saturating_add(1);
        true
    }

    /// A person rejected `surface` as `label` (ACTOR or DATE; a CLAIM is not a surface).
    pub fn reject(&mut self, label: Label, surface: &str) -> bool {
        if label == Label::Claim || !surface_ok(surface) {
            return false;
        }
        let key = if label == Label::Date { surface.to_lowercase() } else { surface.to_string() };
        let n = self.rejected.entry(label).or_default().entry(key).or_insert(0);
        *n = n.saturating_add(1);
        true
    }

    /// A person added or corrected the date `surface` to `value`; learned only when the value
    /// does not depend on the publication date ([`absolute_value`]).
    pub fn accept_date(&mut self, surface: &str, t: TimexType, value: &str) -> bool {
        if !surface_ok(surface) || !absolute_value(t, value) {
            return false;
        }
        let e = self.dates.entry(surface.to_lowercase()).or_insert(LearnedDate {
            timex_type: t,
            value: value.to_string(),
            accepted: 0,
        });
        e.timex_type = t;
        e.value = value.to_string();
        e.accepted = e.accepted.saturating_add(1);
        true
    }

    /// A person added or corrected a claim whose cue is the one word `word` (any case), of
    /// `stance`. False (and nothing learned) for a cue that is not one word ([`cue_word_ok`]).
    pub fn accept_cue(&mut self, word: &str, stance: Stance) -> bool {
        let word = word.trim().to_lowercase();
        if !cue_word_ok(&word) {
            return false;
        }
        let e = self.cues.entry(word).or_insert(LearnedCue { stance, accepted: 0, rejected: 0 });
        e.stance = stance;
        e.accepted = e.accepted.saturating_add(1);
        true
    }

    /// A claim whose cue is the learned word `word` (any case) was rejected: counted against
    /// it. False when `word` is not a learned cue word (a built-in cue is not the lexicon's).
    pub fn reject_cue(&mut self, word: &str) -> bool {
        let Some(e) = self.cues.get_mut(&word.trim().to_lowercase()) else { return false };
        e.review(false);
        true
    }

    /// The learned cue words to read as reporting verbs: accepted more often than rejected.
    pub fn live_cues(&self) -> impl Iterator<Item = (&str, Stance)> {
        self.cues.iter().filter(|(_, c)| c.accepted > c.rejected).map(|(w, c)| (w.as_str(), c.stance))
    }

    /// A person renamed the identity `from` to `to`: learned names of `from` follow, and so
    /// do earlier renames into `from`.
    pub fn rename(&mut self, from: &str, to: &str) -> bool {
        if from == to || !surface_ok(from) || !surface_ok(to) {
            return false;
        }
        for a in self.actors.values_mut().filter(|a| a.canonical == from) {
            a.canonical = to.to_string();
        }
        for t in self.renamed.values_mut().filter(|t| t.as_str() == from) {
            *t = to.to_string();
        }
        self.renamed.remove(to);
        self.renamed.insert(from.to_string(), to.to_string());
        true
    }

    /// How often `surface` was rejected as `label`.
    pub fn rejections(&self, label: Label, surface: &str) -> u32 {
        let key = if label == Label::Date { surface.to_lowercase() } else { surface.to_string() };
        self.rejected.get(&label).and_then(|m| m.get(&key)).copied().unwrap_or(0)
    }

    /// The learned actor `surface`, when it was accepted more often than rejected.
    pub fn actor(&self, surface: &str) -> Option<&LearnedActor> {
        self.actors.get(surface).filter(|a| a.accepted > self.rejections(Label::Actor, surface))
    }

    /// The learned date `surface` (any case), when accepted more often than rejected.
    pub fn date(&self, surface: &str) -> Option<&LearnedDate> {
        self.dates.get(&surface.to_lowercase()).filter(|d| d.accepted > self.rejections(Label::Date, surface))
    }

    /// True when `surface` should no longer be predicted as `label`.
    pub fn is_rejected(&self, label: Label, surface: &str) -> bool {
        let accepted = match label {
            Label::Actor => self.actors.get(surface).map_or(0, |a| a.accepted),
            Label::Date => self.dates.get(&surface.to_lowercase()).map_or(0, |d| d.accepted),
            Label::Claim => return false,
        };
        self.rejections(label, surface) > accepted
    }

    /// The identity `canonical` goes by now.
    pub fn canonical<'a>(&'a self, canonical: &'a str) -> &'a str {
        self.renamed.get(canonical).map_or(canonical, String::as_str)
    }

    /// Learns from one reviewed document: `gold` is what the person kept, `predicted` what the
    /// pre-annotation offered. Every gold actor name is accepted (with its kind and identity);
    /// every gold date with an absolute value that was not predicted as it is is learned; a
    /// predicted ACTOR that the gold does not overlap at all is rejected, where the
    /// gold annotates that label (`coverage`), does not mark the words as a place (a corpus
    /// convention, not a decision about actors) and does not keep the same words elsewhere in
    /// the document (then one occurrence was left out, not the words). Returns how many
    /// decisions were learned.
    pub fn learn_document(
        &mut self,
        doc: &Document,
        gold: &[Annotation],
        predicted: &[Annotation],
        coverage: &Coverage,
        places: &[Span],
    ) -> usize {
        let mut n = 0;
        let live = |a: &&Annotation| a.status != Status::Rejected;
        for g in gold.iter().filter(live) {
            let Some(words) = doc.slice(g.span) else { continue };
            match &g.attrs {
                Attrs::Actor(a) if a.mention == Mention::Name => {
                    n += usize::from(self.accept_actor(words, a.kind, &a.canonical))
                }
                Attrs::Claim(c) => n += usize::from(self.learn_missed_cue(g, c, predicted)),
                Attrs::Date(d) => {
                    let same = predicted
                        .iter()
                        .any(|p| p.span == g.span && matches!(&p.attrs, Attrs::Date(pd) if pd.value == d.value));
                    if !same {
                        n += usize::from(self.accept_date(words, d.timex_type, &d.value));
                    }
                }
                _ => {}
            }
        }
        n += self.review_learned_cues(gold, predicted);
        for p in predicted {
            let label = p.label();
            // Only actors: a DATE left out of a gold is too often a corpus's convention (which
            // expressions it marks) for its absence to say "not a date"; the page learns a
            // date's rejection from the person's own Reject.
            if label != Label::Actor || !coverage.labels.contains(&label) {
                continue;
            }
            if let Attrs::Actor(a) = &p.attrs {
                if (!coverage.actor_kinds.is_empty() && !coverage.actor_kinds.contains(&a.kind))
                    || depends_on_context(a.kind)
                    || places.iter().any(|s| s.overlaps(&p.span))
                {
                    continue;
                }
            }
            let kept = gold.iter().filter(live).any(|g| g.label() == label && g.span.overlaps(&p.span));
            let Some(words) = doc.slice(p.span) else { continue };
            // Words the person kept elsewhere in the document were not rejected as words:
            // that occurrence was left out (a partial gold, another reading), not the surface.
            let kept_elsewhere = || {
                gold.iter()
                    .filter(live)
                    .any(|g| g.label() == label && doc.slice(g.span).is_some_and(|w| w.eq_ignore_ascii_case(words)))
            };
            if !kept && !kept_elsewhere() {
                n += usize::from(self.reject(label, words));
            }
        }
        n
    }

    /// Learns the cue of the gold claim `g` when no predicted claim has a cue over its words:
    /// a cue the extractor missed (one it found teaches nothing new).
    fn learn_missed_cue(&mut self, g: &Annotation, c: &crate::model::ClaimAttrs, predicted: &[Annotation]) -> bool {
        let (Some(cue), Some(word)) = (c.cue.as_ref(), claim_cue_word(g)) else { return false };
        let found = predicted
            .iter()
            .any(|p| p.claim().and_then(|pc| pc.cue.as_ref()).is_some_and(|pc| pc.span.overlaps(&cue.span)));
        !found && self.accept_cue(&word, c.stance.unwrap_or(Stance::Assert))
    }

    /// Each predicted claim whose cue is a learned cue word counts for its word when a cue of
    /// the gold's claims overlaps it, against it otherwise (where the gold annotates claims).
    fn review_learned_cues(&mut self, gold: &[Annotation], predicted: &[Annotation]) -> usize {
        let gold_cues: Vec<Span> = (gold.iter().filter(|g| g.status != Status::Rejected))
            .filter_map(|g| Some(g.claim()?.cue.as_ref()?.span))
            .collect();
        if gold_cues.is_empty() {
            return 0;
        }
        let mut n = 0;
        for p in predicted {
            let (Some(cue), Some(word)) = (p.claim().and_then(|c| c.cue.as_ref()), claim_cue_word(p)) else { continue };
            let Some(learned) = self.cues.get_mut(&word) else { continue };
            learned.review(gold_cues.iter().any(|g| g.overlaps(&cue.span)));
            n += 1;
        }
        n
    }

    /// The lexicon as its JSON file (pretty, keys in order, ending with a newline).
    pub fn to_json(&self) -> String {
        let mut s =
            serde_json::to_string_pretty(&ProjectLexicon { format: FORMAT.into(), version: VERSION, ..self.clone() })
                .unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads and checks a lexicon file; the first problem is the error, in words.
    pub fn from_json(input: &str) -> Result<ProjectLexicon, String> {
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        // serde quotes what it could not read as it is: a line end in it is shown escaped, so
        // that the message stays one line (the page shows it in its banner).
        let lex: ProjectLexicon = serde_json::from_str(input)
            .map_err(|e| format!("not a Gloss lexicon file: {}", e.to_string().escape_default()))?;
        if lex.format != FORMAT {
            return Err(format!("not a Gloss lexicon file: its \"format\" is {:?}, expected {FORMAT:?}", lex.format));
        }
        if lex.version != VERSION {
            return Err(format!("a Gloss lexicon of version {}, this Gloss reads version {VERSION}", lex.version));
        }
        lex.check()?;
        Ok(lex)
    }

    fn check(&self) -> Result<(), String> {
        let bad = |what: &str, s: &str| {
            Err(format!("{what} {s:?} cannot be learned: it must be one line of 1 to {MAX_SURFACE} bytes, trimmed, with a letter or a digit"))
        };
        for (surface, a) in &self.actors {
            if !surface_ok(surface) {
                return bad("the actor name", surface);
            }
            if !surface_ok(&a.canonical) {
                return bad("the identity", &a.canonical);
            }
        }
        for (label, m) in &self.rejected {
            if *label == Label::Claim {
                return Err("a CLAIM cannot be rejected by its words: only ACTOR and DATE surfaces are".into());
            }
            if let Some(s) = m.keys().find(|s| !surface_ok(s)) {
                return bad("the rejected surface", s);
            }
        }
        for (from, to) in &self.renamed {
            if !surface_ok(from) || !surface_ok(to) || from == to {
                return Err(format!("the rename {from:?} -> {to:?} is not a rename of one identity into another"));
            }
        }
        for (surface, d) in &self.dates {
            if !surface_ok(surface) || surface.to_lowercase() != *surface {
                return bad("the date (in lowercase)", surface);
            }
            if !absolute_value(d.timex_type, &d.value) {
                return Err(format!("the date {surface:?} has the value {:?}: only a year, a month or a day in full (2025, 2025-09, 2025-09-19) is learned", d.value));
            }
        }
        if let Some(w) = self.cues.keys().find(|w| !cue_word_ok(w)) {
            return Err(format!("the cue word {w:?} cannot be learned: it must be one lowercase word of letters (an inner hyphen or apostrophe allowed), at most {MAX_CUE} bytes"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
