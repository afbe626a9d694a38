//! Closed-class words the claim rules read word order with: pronouns, determiners,
//! auxiliaries, time words, prepositions of adjuncts, clause openers.
//!
//! Owns: these short fixed lists (too small and too grammatical for `data/claims/`) and the
//! pronoun helpers. It must not: look at a sentence.

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Month names, lowercase.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lowercase.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A courtesy title, which names nobody by itself ("Mr", "Mrs.", "Dr"; the period is a
/// token of its own). GUIDELINES.md, ACTOR: a person is named without titles.
pub fn courtesy_title(w: &str) -> bool {
    matches!(w, "mr" | "mrs" | "ms" | "mx" | "dr" | "messrs" | "mme" | "mlle")
}

/// The personal pronoun a word is or starts ("we've", "they’re" -> "we", "they").
pub fn pronoun_base(w: &str) -> Option<&'static str> {
    let (base, suffix) = match w.find(['\'', '’']) {
        Some(k) => {
            let rest = &w[k..];
            let apostrophe = rest.chars().next().map_or(1, char::len_utf8);
            (&w[..k], rest.get(apostrophe..).unwrap_or(""))
        }
        None => (w, ""),
    };
    if !matches!(suffix, "" | "ve" | "re" | "d" | "ll" | "m" | "s") {
        return None;
    }
    PRONOUNS.iter().find(|p| **p == base).copied()
}
/// Possessive pronouns that name a noun cue's source ("his claim that").
pub const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its", "our"];

/// The personal pronoun a possessive one stands for ("his" -> "he").
pub fn pronoun_of_possessive(w: &str) -> Option<&'static str> {
    match w {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        "its" => Some("it"),
        "our" => Some("we"),
        _ => None,
    }
}
/// Numbers and quantifiers that can head a source ("43 said", "most said", "one in three said").
pub const NUMBER_HEADS: &[&str] =
    &["one", "two", "three", "four", "five", "most", "many", "some", "few", "several", "both", "half", "others"];
pub const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "you", "it", "reporters", "journalists"];
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "another", "some",
    "several", "many", "most", "both", "each", "every", "any", "few", "one", "two", "three", "four", "five", "other",
];
pub const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "stand",
    "stands",
    "stood",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "did",
    "does",
    "do",
    "also",
    "previously",
    "later",
    "then",
    "again",
    "reportedly",
    "publicly",
    "privately",
    "recently",
    "once",
    "further",
    "already",
    "repeatedly",
    "still",
    "ever",
    "never",
    "not",
    "first",
    "initially",
    "subsequently",
    "often",
    "just",
    "even",
    "now",
    "allegedly",
    "long",
    "didn't",
    "didn’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "can't",
    "can’t",
    "cannot",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "isn't",
    "isn’t",
    "wasn't",
    "wasn’t",
    "weren't",
    "weren’t",
    "couldn't",
    "couldn’t",
    "shouldn't",
    "shouldn’t",
    "mustn't",
    "mustn’t",
    "needn't",
    "needn’t",
];
pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "stand", "stands", "stood"];
pub const LY_NOUNS: &[&str] =
    &["family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "daily", "weekly"];
/// Time words besides the weekday names (see [`is_time_word`]).
pub const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "then",
    "again",
    "also",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "afterwards",
    "last",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];
pub const ADJUNCT_PREPS: &[&str] =
    &["of", "on", "in", "at", "during", "late", "early", "last", "this", "through", "via", "after", "before"];
/// Verbs whose content may be an infinitive ("vowed to punish", "urged X to return").
pub const TAKES_TO: &[&str] = &[
    "promise", "pledge", "vow", "threaten", "urge", "demand", "ask", "agree", "propose", "warn", "call", "want",
    "plan", "intend", "refuse", "decline", "seek", "implore", "advise",
];
/// Complementisers that open a question clause ("asked whether C", "wondered why C").
pub const QUESTION_WORDS: &[&str] = &["whether", "if", "who", "whom", "what", "which", "why", "how", "where", "when"];
/// Words before a participle cue that make it a clause of the sentence's subject.
pub const PARTICIPLE_INTRO: &[&str] = &["while", "after", "before", "when", "by"];
/// Words that may introduce the clause whose subject holds a cue.
pub const CLAUSE_START: &[&str] = &[
    "and", "but", "while", "as", "because", "when", "after", "though", "although", "since", "if", "so", "that",
    "where", "whereas", "yet", "or", "before", "until",
];

pub fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

/// A weekday name or another time word ("yesterday", "earlier", "publicly"...), lowercase.
pub fn is_time_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || TIME_WORDS.contains(&w)
}
