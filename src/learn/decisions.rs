//! Learning from a person's decisions as a reviewed document records them, and the lexicon's
//! entries one by one (to list, merge and forget them).
//!
//! A reviewed document says what a person decided in each annotation's status: a prediction
//! accepted or corrected (`accepted`, `edited`), an annotation made by hand (`manual`), a
//! prediction rejected (`rejected`). [`ProjectLexicon::learn_decisions`] learns exactly those:
//! so a lexicon derived from the corpus's annotations follows every decision, and loses what a
//! decision taught as soon as it is undone.
//!
//! Owns: reading decisions from statuses, [`Entry`] (one learned fact, by key), merging two
//! lexicons and forgetting one entry. It must not: compare with predictions (that is
//! [`ProjectLexicon::learn_document`]), run the extractors, or see the UI.

use super::{claim_cue_word, depends_on_context, LearnedActor, LearnedCue, LearnedDate, ProjectLexicon};
use crate::model::{Annotation, Attrs, Document, Label, Mention, Stance, Status};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One learned fact of a lexicon, by its key: what the page lists and the person may forget.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "entry", content = "key", rename_all = "snake_case")]
pub enum Entry {
    /// An actor name, as written.
    Actor(String),
    /// A surface rejected as ACTOR, as written.
    RejectedActor(String),
    /// A surface rejected as DATE, in lowercase.
    RejectedDate(String),
    /// A renamed identity, by its old name.
    Renamed(String),
    /// A date expression, in lowercase.
    Date(String),
    /// A cue word, in lowercase.
    Cue(String),
}

impl Entry {
    /// The words the entry is about.
    pub fn key(&self) -> &str {
        match self {
            Entry::Actor(s)
            | Entry::RejectedActor(s)
            | Entry::RejectedDate(s)
            | Entry::Renamed(s)
            | Entry::Date(s)
            | Entry::Cue(s) => s,
        }
    }

    /// The entry in words, for a list: what was learned and how often.
    pub fn describe(&self, lex: &ProjectLexicon) -> Option<String> {
        Some(match self {
            Entry::Actor(s) => {
                let a = lex.actors.get(s)?;
                // A state is an actor only where it acts: said, so that nobody waits for it
                // to be predicted on every mention.
                let only = if depends_on_context(a.kind) { "; predicted where it acts" } else { "" };
                format!("actor \u{201c}{s}\u{201d}: {} {} ({}\u{d7}{only})", a.kind.as_str(), a.canonical, a.accepted)
            }
            Entry::RejectedActor(s) => {
                format!("not an actor: \u{201c}{s}\u{201d} ({}\u{d7})", lex.rejections(Label::Actor, s))
            }
            Entry::RejectedDate(s) => {
                format!("not a date: \u{201c}{s}\u{201d} ({}\u{d7})", lex.rejections(Label::Date, s))
            }
            Entry::Renamed(s) => format!("identity \u{201c}{s}\u{201d} is now \u{201c}{}\u{201d}", lex.renamed.get(s)?),
            Entry::Date(s) => {
                let d = lex.dates.get(s)?;
                format!("date \u{201c}{s}\u{201d}: {} {} ({}\u{d7})", d.timex_type.as_str(), d.value, d.accepted)
            }
            Entry::Cue(s) => {
                let c = lex.cues.get(s)?;
                let rejected = if c.rejected > 0 { format!(", rejected {}\u{d7}", c.rejected) } else { String::new() };
                format!("cue word \u{201c}{s}\u{201d}: {} ({}\u{d7}{rejected})", c.stance.as_str(), c.accepted)
            }
        })
    }
}

impl ProjectLexicon {
    /// Learns the decisions a reviewed document records in its statuses (see the module's
    /// documentation): actor names accepted, corrected or added (with kind and identity),
    /// dates corrected or added with an absolute value, the one-word cues of claims corrected
    /// or added, ACTOR and DATE surfaces rejected.
    /// Predictions not reviewed teach nothing, and a rejection of words the document keeps
    /// elsewhere under the same label is one occurrence left out, not the words rejected.
    /// Returns how many decisions were learned.
    pub fn learn_decisions(&mut self, doc: &Document, anns: &[Annotation]) -> usize {
        // The words kept under each label, gathered only when something was rejected (a
        // long document's 20,000 predictions are read at every job the page posts).
        let kept: HashSet<(Label, String)> = if anns.iter().any(|a| a.status == Status::Rejected) {
            (anns.iter().filter(|a| a.status.is_live()))
                .filter_map(|a| Some((a.label(), doc.slice(a.span)?.to_lowercase())))
                .collect()
        } else {
            HashSet::new()
        };
        let mut n = 0;
        for a in anns {
            let Some(words) = doc.slice(a.span) else { continue };
            let by_person = matches!(a.status, Status::Accepted | Status::Edited | Status::Manual);
            let learned = match (&a.attrs, a.status) {
                // A claim rejected or accepted as predicted counts for or against its cue
                // word when that word was learned (after this loop: a later document may
                // teach it).
                (Attrs::Claim(_), Status::Rejected | Status::Accepted) => false,
                // A state rejected was not acting there: its words are not rejected.
                (Attrs::Actor(x), Status::Rejected) if depends_on_context(x.kind) => false,
                (_, Status::Rejected) if kept.contains(&(a.label(), words.to_lowercase())) => false,
                (_, Status::Rejected) => self.reject(a.label(), words),
                (Attrs::Actor(x), _) if by_person && x.mention == Mention::Name => {
                    self.accept_actor(words, x.kind, &x.canonical)
                }
                // An accepted date is one the extractor finds already: only corrections teach.
                (Attrs::Date(d), Status::Edited | Status::Manual) => self.accept_date(words, d.timex_type, &d.value),
                // A claim added or corrected teaches its cue word (one accepted as predicted
                // has a cue the extractor knows).
                (Attrs::Claim(c), Status::Edited | Status::Manual) => {
                    claim_cue_word(a).is_some_and(|w| self.accept_cue(&w, c.stance.unwrap_or(Stance::Assert)))
                }
                _ => false,
            };
            n += usize::from(learned);
        }
        n + self.review_claims(anns)
    }

    /// Counts each claim accepted as predicted for its cue word, each rejected claim against
    /// it, when the word is a learned one.
    fn review_claims(&mut self, anns: &[Annotation]) -> usize {
        let mut n = 0;
        for a in anns.iter().filter(|a| matches!(a.status, Status::Rejected | Status::Accepted)) {
            let Some(c) = claim_cue_word(a).and_then(|w| self.cues.get_mut(&w)) else { continue };
            c.review(a.status == Status::Accepted);
            n += 1;
        }
        n
    }

    /// Adds what `other` learned to this lexicon: counts add up, and for a name or a date
    /// both know, `other`'s kind, identity or value wins (the later word).
    pub fn merge(&mut self, other: &ProjectLexicon) {
        for (s, a) in &other.actors {
            let e = self.actors.entry(s.clone()).or_insert(LearnedActor { accepted: 0, ..a.clone() });
            *e = LearnedActor { accepted: e.accepted.saturating_add(a.accepted), ..a.clone() };
        }
        for (label, m) in &other.rejected {
            let mine = self.rejected.entry(*label).or_default();
            for (s, n) in m {
                let e = mine.entry(s.clone()).or_insert(0);
                *e = e.saturating_add(*n);
            }
        }
        for (from, to) in &other.renamed {
            self.renamed.insert(from.clone(), to.clone());
        }
        for (s, d) in &other.dates {
            let e = self.dates.entry(s.clone()).or_insert(LearnedDate { accepted: 0, ..d.clone() });
            *e = LearnedDate { accepted: e.accepted.saturating_add(d.accepted), ..d.clone() };
        }
        for (w, c) in &other.cues {
            let e = self.cues.entry(w.clone()).or_insert(LearnedCue { accepted: 0, rejected: 0, ..c.clone() });
            *e = LearnedCue {
                accepted: e.accepted.saturating_add(c.accepted),
                rejected: e.rejected.saturating_add(c.rejected),
                ..c.clone()
            };
        }
    }

    /// Every entry of the lexicon, in a stable order (actors, rejections, renames, dates, cue
    /// words).
    pub fn entries(&self) -> Vec<Entry> {
        let rejected = |l: Label| self.rejected.get(&l).into_iter().flat_map(|m| m.keys().cloned());
        (self.actors.keys().cloned().map(Entry::Actor))
            .chain(rejected(Label::Actor).map(Entry::RejectedActor))
            .chain(rejected(Label::Date).map(Entry::RejectedDate))
            .chain(self.renamed.keys().cloned().map(Entry::Renamed))
            .chain(self.dates.keys().cloned().map(Entry::Date))
            .chain(self.cues.keys().cloned().map(Entry::Cue))
            .collect()
    }

    /// Removes one entry; false when the lexicon did not have it.
    pub fn forget(&mut self, entry: &Entry) -> bool {
        let rejected = |lex: &mut ProjectLexicon, l: Label, s: &str| {
            lex.rejected.get_mut(&l).is_some_and(|m| m.remove(s).is_some())
        };
        match entry {
            Entry::Actor(s) => self.actors.remove(s).is_some(),
            Entry::RejectedActor(s) => rejected(self, Label::Actor, s),
            Entry::RejectedDate(s) => rejected(self, Label::Date, s),
            Entry::Renamed(s) => self.renamed.remove(s).is_some(),
            Entry::Date(s) => self.dates.remove(s).is_some(),
            Entry::Cue(s) => self.cues.remove(s).is_some(),
        }
    }
}
