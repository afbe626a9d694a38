//! The rule types and the vocabulary the engine and the rule families share.
//!
//! A rule is a name, a pattern and a production, as in duckling's rule files: [`UnitRule`] for
//! a name found in a sentence (pattern: which units it is about; apply: its guard, then what it
//! makes), [`RunRule`] for a run of capitalised words (pattern and production in one function
//! that says whether it decided), [`Pass`] for a family that scans a sentence itself
//! (possessives, nominals, demonyms, compounds), [`DocRule`] for a decision over the whole
//! document. Beside them: a candidate actor ([`Cand`]) with what the document pass must still
//! decide about it ([`Pending`]), a name found in a sentence ([`Unit`]) with what it names
//! ([`Class`]), and what follows a mention ([`Act`]).
//!
//! Owns: these types. It must not: hold a rule or look at text.

use super::lexicon::{Entry, Lexicon};
use super::sentence::Sentence;
use crate::model::{ActorKind, Mention};

/// A candidate actor, in byte offsets of the document text.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) kind: ActorKind,
    pub(super) mention: Mention,
    pub(super) canonical: String,
    pub(super) role: Option<String>,
    pub(super) rule: &'static str,
    /// What the document-level pass must still decide.
    pub(super) pending: Pending,
    pub(super) drop: bool,
    /// The state this actor belongs to, when known ("Mali's junta" -> Mali): the nearest one
    /// is the canonical name of a later bare "authorities".
    pub(super) state: Option<String>,
    /// Byte offset of the candidate's sentence.
    pub(super) sent: usize,
    /// A military that rules ("the military leadership", "soldiers took power"): the state's
    /// junta.
    pub(super) ruler: bool,
}

/// What follows a mention: a verb it is the subject of, a passive, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Act {
    No,
    Active,
    Passive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pending {
    /// Decided.
    No,
    /// One capitalised word of unknown kind: a surname seen in the document, or an
    /// organisation when `acting` (or an acronym), else nothing.
    Single { acting: bool, acronym: bool, weak: bool },
    /// A person whose canonical name may link to a fuller name in the document.
    Person,
}

/// What a stretch of tokens names.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Class {
    State {
        state: usize,
        capital: bool,
    },
    Org(usize),
    KnownPerson(usize),
    Place,
    /// A person found from a title or a given name; role when a title said so.
    Person {
        role: Option<String>,
    },
    /// An organisation or group found from its last word.
    NewOrg(ActorKind),
    /// Capitalised words of unknown kind.
    Unknown,
    /// Not an actor (a treaty, an event...).
    Not,
}

/// A name found in a sentence: tokens `i..=j`.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) i: usize,
    pub(super) j: usize,
    pub(super) class: Class,
    /// Starts the sentence (its capital proves nothing).
    pub(super) initial: bool,
    /// A title before a person's name.
    pub(super) role: Option<String>,
}

/// A rule family that scans one sentence itself: its name and its function, which reads the
/// sentence and the names found in it and pushes candidates. The engine runs the passes in a
/// fixed order; a token one of them takes is not taken again.
pub(super) struct Pass {
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    pub(super) run: fn(&mut Sentence<'_>, &[Unit], &mut Vec<Cand>),
}

/// The names of a sentence as the unit rules see them: the units, and which of them are states
/// that act (decided once a sentence: a list of states shares one role).
pub(super) struct Names<'u> {
    pub(super) units: &'u [Unit],
    pub(super) state_acts: Vec<bool>,
}

/// A rule for a name found in a sentence. `pattern`: is this unit its business (the first rule
/// whose pattern holds decides about the unit); `apply`: its guard (when it makes nothing),
/// then its production, pushed to the candidates. `name` is the provenance it writes.
pub(super) struct UnitRule {
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    pub(super) pattern: fn(&Sentence<'_>, &Unit) -> bool,
    pub(super) apply: fn(&mut Sentence<'_>, &Names<'_>, usize, &mut Vec<Cand>),
}

/// Gazetteer matches by their first token: the last token and the entry.
pub(super) type GazAt = [Option<(usize, Entry)>];

/// A capitalised run under classification: tokens `i..=j` once leading titles and common
/// words and trailing connectors are gone, the role a title before it gave, and its head word.
pub(super) struct Run<'g> {
    pub(super) i: usize,
    pub(super) j: usize,
    pub(super) role: Option<String>,
    /// The last word before the first "of"/"for"/"on", else the last word, less numbers
    /// ("World War II").
    pub(super) head: usize,
    /// Several words, not one gazetteer name up to the head: the rules on suffixes, known
    /// organisations and given names apply.
    pub(super) many: bool,
    pub(super) gaz_at: &'g GazAt,
}

/// A rule for a capitalised run: its name, and one function that checks its pattern and
/// guard on the run and, when it decides, pushes the run's units and returns true.
pub(super) struct RunRule {
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    pub(super) apply: fn(&Sentence<'_>, &Run<'_>, &mut Vec<Unit>) -> bool,
}

/// A rule over the whole document: its name and its function, which relabels or drops the
/// document's candidates (in text order).
pub(super) struct DocRule {
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    pub(super) apply: fn(&'static Lexicon, &str, &mut [Cand]),
}
