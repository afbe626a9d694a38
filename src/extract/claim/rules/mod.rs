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
//! - `adverbs.rs`: evidential adverbs, sourceless ("X is reportedly planning C");
//! - `quotes.rs`: speakers and quotes across sentences ("Pence: C", "“C” ― X", "X added:").
//!
//! Owns: the tables below, whose order is part of the rules (the first rule that does not
//! pass decides; a veto ends the cue). It must not: hold a rule's logic.

pub mod adverbs;
mod inverted;
mod nouns;
mod object;
mod passive;
pub mod quotes;
mod subject_cue;
mod vetoes;

use super::engine::{AccordingAt, NounAt, Rule, SubjectAt, VerbAt};

/// At "In" opening a sentence without an "according to" phrase ("In a CNN poll, C").
pub const IN_PHRASE: &[Rule<AccordingAt>] = &[nouns::IN_SURVEY];

/// At a token opening an "according to" phrase.
pub const ACCORDING: &[Rule<AccordingAt>] = &[nouns::ACCORDING_TO_AFTER, nouns::ACCORDING_TO_BEFORE];

/// At an evidential adverb ("reportedly", "allegedly").
pub const ADVERB: &[Rule<usize>] = &[adverbs::EVIDENTIAL];

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
    vetoes::NOUN_READING,
    passive::PASSIVE_QUESTION,
    passive::PASSIVE_TELL,
    passive::REDUCED_PASSIVE,
    subject_cue::COORDINATED,
    passive::PARTICIPLE,
    passive::PASSIVE_ACCUSE,
    passive::PASSIVE_RAISING,
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
    subject_cue::FINDING,
    subject_cue::SUBJECT_CUE,
    subject_cue::SUBJECT_CUE_OBJECT,
];

/// At a noun cue with a word before it.
pub const NOUN: &[Rule<NounAt>] = &[nouns::NOUN_OF_TO, nouns::NOUN_THAT];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Pipeline;
    use crate::model::Document;

    /// Every rule's name, table by table.
    fn names() -> Vec<&'static str> {
        let mut v: Vec<&str> = ACCORDING.iter().map(|r| r.name).collect();
        v.extend(IN_PHRASE.iter().map(|r| r.name));
        v.extend(ADVERB.iter().map(|r| r.name));
        v.extend(SIGNED.iter().map(|r| r.name));
        v.extend(VERB.iter().map(|r| r.name));
        v.extend(SUBJECT.iter().map(|r| r.name));
        v.extend(NOUN.iter().map(|r| r.name));
        v
    }

    /// The rules that only veto.
    const VETOES: &[&str] = &[
        "capitalised-form",
        "particle-only",
        "called-without-label",
        "infinitive",
        "declared-persona",
        "noun-reading",
        "bare-subject",
        "subject-mid-clause",
    ];

    /// One construction of each rule that makes claims.
    const EXAMPLES: &[(&str, &str)] = &[
        ("subject-cue", "The minister said that the talks had failed badly."),
        ("subject-cue-object", "The ministry denied the reports about a secret deal with the rebels."),
        ("finding", "A poll released Wednesday found Clinton leading Trump by 15 points."),
        ("trailing", "The talks have failed completely, the minister said."),
        ("inverted", "The talks have failed completely, said the minister."),
        ("cue-first", "Said Ellis: the talks have failed completely."),
        ("participle", "The minister left the room, saying that the talks had failed."),
        ("coordinated", "The minister arrived late and said the talks had failed completely."),
        ("reduced-passive", "The new measures, announced by the ministry on Friday, take effect soon."),
        ("passive-accuse", "The journalist was accused of spying for a foreign power."),
        ("passive-it", "It was reported that the talks had failed completely."),
        ("passive-tell", "The workers were told that the plant would reopen in spring."),
        ("passive-raising", "The minister is expected to resign before the end of the week."),
        ("passive-question", "Asked whether he would run again, the senator said he had not decided."),
        ("label-gap", "It is a charge Paris has dismissed as baseless and absurd."),
        ("object-gap", "He was held for espionage—a charge France has denied."),
        ("as-cue", "As Mr. Bown observed, the early days were the hardest of all."),
        ("colon-next", "The governor added:\n“We will not give up on this fight.”"),
        ("after-quote", "“We will never give up on this fight.” Vitter said."),
        ("speaker-colon", "PENCE: We will win this election in November."),
        ("quote-dash-name", "“Stay hungry, stay foolish.” — Steve Jobs"),
        ("according-to-after", "The talks have failed, according to the minister."),
        ("according-to-before", "According to the minister, the talks have failed."),
        ("noun-that", "The minister rejected the claim that the talks had failed."),
        ("noun-of-to", "He was arrested on charges of plotting a coup against the state."),
        ("in-survey", "In a CNN poll released Monday, most voters backed the plan."),
        ("evidential-adverb", "The company is reportedly planning to sell its stake in the venture."),
    ];

    #[test]
    fn rule_names_are_distinct() {
        let names = names();
        for (k, n) in names.iter().enumerate() {
            assert!(!names[..k].contains(n), "two rules are named {n}");
        }
    }

    #[test]
    fn every_claim_rule_makes_its_claim() {
        let pipeline = Pipeline::default();
        let mut wrong = Vec::new();
        for (rule, text) in EXAMPLES {
            let doc = Document::new("t", text, None).unwrap();
            let made: Vec<String> = pipeline
                .run(&doc)
                .iter()
                .filter(|a| a.claim().is_some())
                .filter_map(|a| a.provenance.rule.as_ref().map(|r| r.to_string()))
                .collect();
            if !made.iter().any(|r| r == rule) {
                wrong.push(format!("{rule}: {text:?} made {made:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // Every rule of the tables is a veto or has its example.
        for n in names() {
            assert!(VETOES.contains(&n) || EXAMPLES.iter().any(|(r, _)| *r == n), "no example of rule {n}");
        }
    }
}
