//! Which event a dated sentence is about, and the groups of dates that different documents
//! give for the same event.
//!
//! The rule, kept simple so that a reader can check it:
//! 1. A date's *event* is the class of the event word nearest to the date's words in its
//!    sentence (distance in code points between the two spans), from the small table
//!    [`EVENTS`] (a word matches an entry equal to it, or starting with it when the entry ends
//!    in `*`). A reporting word ("announced") gives way to an event word among the four words
//!    after it ("announced it had detained" is about the detention). A sentence with no word
//!    of the table has no event, and its date is in no group.
//! 2. The dates placed on the axis (not durations, not vague ones) that have the same event
//!    form one group when they come from at least two documents.
//! 3. A group's verdict compares the documents' sets of days: `Agree` when every document
//!    gives the same intervals; `Precision` when every interval of each document lies inside
//!    or around one of every other document's ("last month" and "15 August"); `Differ`
//!    otherwise (a document gives a day that another's dates do not cover).
//!
//! It is a lead to read, not a verdict on the facts: two different events named by the same
//! word fall into one group, and one event named by unrelated words falls into several. The
//! view shows each member's sentence so that a person judges. This file must not: read
//! annotations or documents (the caller passes sentences and days), or touch yew or the browser.

use super::when::{nested, Days};

/// The event words: (word, class). A trailing `*` matches any word starting with the rest.
pub const EVENTS: &[(&str, &str)] = &[
    ("arrest*", "arrest"),
    ("detain*", "arrest"),
    ("detention", "arrest"),
    ("jail*", "arrest"),
    ("leave", "deadline to leave"),
    ("depart*", "departure"),
    ("left", "departure"),
    ("expel*", "expulsion"),
    ("expuls*", "expulsion"),
    ("suspend*", "suspension"),
    ("suspension", "suspension"),
    ("halt*", "suspension"),
    ("sever*", "suspension"),
    ("coup", "coup"),
    ("coups", "coup"),
    ("putsch", "coup"),
    ("release*", "release"),
    ("talks", "talks"),
    ("negotiat*", "talks"),
    ("insurgen*", "insurgency"),
    ("withdr*", "withdrawal"),
    ("elect*", "election"),
    ("dissolv*", "dissolution"),
    ("extend*", "extension"),
    ("sign*", "signing"),
    ("kill*", "killing"),
    ("attack*", "attack"),
    ("announc*", REPORT),
];

/// The class of reporting words: an event of its own only when no event word follows it closely.
pub const REPORT: &str = "announcement";

/// How many words after a reporting word may name the event it reports.
const REPORTED_WITHIN: usize = 4;

/// Whether `word`, lowercased, equals `pattern` (or starts with it, for a pattern ending in
/// `*`). The table's words are ASCII, so only ASCII letters are lowercased.
fn matches(word: &[char], pattern: &str) -> bool {
    let (stem, prefix) = match pattern.strip_suffix('*') {
        Some(stem) => (stem.as_bytes(), true),
        None => (pattern.as_bytes(), false),
    };
    let fits = if prefix { word.len() >= stem.len() } else { word.len() == stem.len() };
    fits && stem.iter().zip(word).all(|(&b, c)| c.to_ascii_lowercase() == char::from(b))
}

fn class_of(word: &[char]) -> Option<&'static str> {
    EVENTS.iter().find(|(w, _)| matches(word, w)).map(|(_, class)| *class)
}

/// The words of `chars[from..to]` as code-point spans, each with its event class.
fn words(chars: &[char], from: usize, to: usize) -> Vec<(usize, usize, Option<&'static str>)> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if chars[i].is_alphabetic() {
            let s = i;
            while i < to && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push((s, i, class_of(&chars[s..i])));
        } else {
            i += 1;
        }
    }
    out
}

/// The event of a date whose words are `at` (start, end) inside the sentence `sentence`
/// (start, end) of `chars`, by the rule of this file's comment.
pub fn event_of(chars: &[char], sentence: (usize, usize), at: (usize, usize)) -> Option<&'static str> {
    let ws = words(chars, sentence.0, sentence.1.min(chars.len()));
    let distance = |s: usize, e: usize| {
        if e <= at.0 {
            Some(at.0 - e)
        } else if s >= at.1 {
            Some(s - at.1)
        } else {
            None // the date's own words ("the August arrest" keeps "arrest")
        }
    };
    let nearest = (0..ws.len())
        .filter(|&i| ws[i].2.is_some())
        .filter_map(|i| distance(ws[i].0, ws[i].1).map(|d| (d, i)))
        .min()?
        .1;
    let class = ws[nearest].2?;
    if class == REPORT {
        let after = ws[nearest + 1..].iter().take(REPORTED_WITHIN).find_map(|w| w.2.filter(|c| *c != REPORT));
        return Some(after.unwrap_or(REPORT));
    }
    Some(class)
}

/// A group's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Some document gives a day that another document's dates for the event do not cover.
    Differ,
    /// The documents' dates nest (one is a finer reading of another).
    Precision,
    /// Every document gives the same dates.
    Agree,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Differ => "dates differ",
            Verdict::Precision => "same time, different precision",
            Verdict::Agree => "same dates",
        }
    }
}

/// The verdict over the days each document gives for one event (one entry per document, each
/// non-empty).
pub fn verdict(per_doc: &[Vec<Days>]) -> Verdict {
    let same = |a: &Days, b: &Days| a.first == b.first && a.last == b.last;
    let covers = |xs: &[Days], ys: &[Days]| xs.iter().all(|x| ys.iter().any(|y| nested(x, y)));
    let equal = |xs: &[Days], ys: &[Days]| {
        xs.iter().all(|x| ys.iter().any(|y| same(x, y))) && ys.iter().all(|y| xs.iter().any(|x| same(x, y)))
    };
    let pairs = || per_doc.iter().enumerate().flat_map(|(i, a)| per_doc[i + 1..].iter().map(move |b| (a, b)));
    if pairs().all(|(a, b)| equal(a, b)) {
        Verdict::Agree
    } else if pairs().all(|(a, b)| covers(a, b) && covers(b, a)) {
        Verdict::Precision
    } else {
        Verdict::Differ
    }
}

#[cfg(test)]
mod tests {
    use super::super::when::days_of;
    use super::*;

    fn event(sentence: &str, date: &str) -> Option<&'static str> {
        let chars: Vec<char> = sentence.chars().collect();
        let byte = sentence.find(date).unwrap();
        let s = sentence[..byte].chars().count();
        event_of(&chars, (0, chars.len()), (s, s + date.chars().count()))
    }

    #[test]
    fn the_nearest_event_word_names_the_event() {
        assert_eq!(
            event("The move comes after Vezilier was arrested in Mali last month on charges.", "last month"),
            Some("arrest")
        );
        assert_eq!(event("They were told to leave by Saturday.", "Saturday"), Some("deadline to leave"));
        assert_eq!(event("The group had already left Mali on Sunday.", "Sunday"), Some("departure"));
        assert_eq!(event("Since the 2021 military coup, the junta has turned to Russia.", "2021"), Some("coup"));
        assert_eq!(event("This follows the August arrest of a staff member.", "August"), Some("arrest"));
        assert_eq!(event("Nothing happened on Monday.", "Monday"), None);
        // Case does not matter; a word that only starts like a table word does not match one
        // without `*` ("leaves" is not "leave"; "lefts" is not "left").
        assert_eq!(event("ARRESTED on Monday, he was freed.", "Monday"), Some("arrest"));
        assert_eq!(event("Coup leaders met on Monday.", "Monday"), Some("coup"));
        assert_eq!(event("She leaves office on Monday.", "Monday"), None);
    }

    #[test]
    fn a_reporting_word_gives_way_to_the_event_it_reports() {
        assert_eq!(
            event("On 15 August, Mali's junta announced it had detained a French national.", "15 August"),
            Some("arrest")
        );
        assert_eq!(event("The move, announced by a French source on Friday, September 19, comes weeks after authorities detained him.", "Friday, September 19"), Some(REPORT));
    }

    fn days(values: &[&str]) -> Vec<Days> {
        values.iter().map(|v| days_of(v).unwrap()).collect()
    }

    #[test]
    fn verdicts_compare_the_documents_days() {
        assert_eq!(verdict(&[days(&["2025-09-20"]), days(&["2025-09-20"])]), Verdict::Agree);
        assert_eq!(verdict(&[days(&["2025-08"]), days(&["2025-08", "2025-08-15"])]), Verdict::Precision);
        assert_eq!(verdict(&[days(&["2025-09-19"]), days(&["2025-09-20"])]), Verdict::Differ);
        assert_eq!(verdict(&[days(&["2020", "2021"]), days(&["2021"])]), Verdict::Differ);
        assert_eq!(verdict(&[days(&["2025-W38"]), days(&["2025-09-20"])]), Verdict::Precision);
    }
}
