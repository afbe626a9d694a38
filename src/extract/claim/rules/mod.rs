//! The claim rules, by family, and the order the engine asks them in.
//!
//! Each family file holds the rules of one group of constructions of GUIDELINES.md's CLAIM
//! section, a rule being one [`Rule`]: a name, and one function with its pattern, guard and
//! production side by side. The families:
//! - `vetoes.rs`: verb forms that are no cue here (a name, an infinitive, an event);
//! - `subject_cue.rs`: "X said (that) C", "X told Y C", "X denied C", and where such content starts;
//! - `inverted.rs`: the cue after its content or before its source ("C, X said", "C, said X");
//! - `passive.rs`: passives and participles ("Y was accused of C", ", saying C");
//! - `object.rs`: a label or object left of the subject ("a charge Paris dismissed as C");
//! - `nouns.rs`: noun cues and "according to" ("the claim that C", "C, according to X");
//! - `quotes.rs`: speakers and quotes across sentences ("Pence: C", "“C” ― X", "X added:").
//!
//! Owns: the tables below, whose order is part of the rules (the first rule that does not
//! pass decides; a veto ends the cue). It must not: hold a rule's logic.

mod inverted;
mod nouns;
mod object;
mod passive;
pub mod quotes;
mod subject_cue;
mod vetoes;

use super::engine::{AccordingAt, NounAt, Rule, SubjectAt, VerbAt};

/// At a token opening an "according to" phrase.
pub const ACCORDING: &[Rule<AccordingAt>] = &[nouns::ACCORDING_TO_AFTER, nouns::ACCORDING_TO_BEFORE];

/// At a punctuation token.
pub const SIGNED: &[Rule<usize>] = &[quotes::SPEAKER_COLON, quotes::QUOTE_DASH_NAME];

/// At a reporting verb, before its subject is looked for.
pub const VERB: &[Rule<VerbAt>] = &[
    inverted::CUE_FIRST,
    vetoes::CAPITALISED,
    vetoes::PARTICLE_ONLY,
    vetoes::CALLED_WITHOUT_LABEL,
    vetoes::INFINITIVE,
    vetoes::DECLARED_PERSONA,
    passive::REDUCED_PASSIVE,
    subject_cue::COORDINATED,
    passive::PARTICIPLE,
    passive::PASSIVE_ACCUSE,
    passive::PASSIVE_IT,
    inverted::INVERTED,
];

/// At a reporting verb whose subject was found (when no rule of [`VERB`] decided).
pub const SUBJECT: &[Rule<SubjectAt>] = &[
    subject_cue::BARE_SUBJECT,
    inverted::TRAILING,
    object::LABEL_GAP,
    subject_cue::MID_CLAUSE,
    object::OBJECT_GAP,
    subject_cue::AS_CUE,
    quotes::COLON_NEXT,
    quotes::AFTER_QUOTE,
    subject_cue::SUBJECT_CUE,
    subject_cue::SUBJECT_CUE_OBJECT,
];

/// At a noun cue with a word before it.
pub const NOUN: &[Rule<NounAt>] = &[nouns::NOUN_OF_TO, nouns::NOUN_THAT];
