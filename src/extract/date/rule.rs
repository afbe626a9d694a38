//! What a DATE rule is, what it is given and what it returns.
//!
//! A rule is one unit, as in duckling's `Rules.hs`: a name, a pattern (a template the engine
//! fills from the word lists and compiles once), the trigger classes near which it runs, a
//! guard (false when the match is a number, a name or a title rather than a date) and a
//! production (the TIMEX3 type, value, mod and anchor, or `None` to drop the match). Rules
//! live in one file per family (`calendar.rs`, `years.rs`, `periods.rs`, `relative.rs`,
//! `deictic.rs`, `times.rs`, `durations.rs`, `vague.rs`, `sets.rs`, `holidays.rs`), each
//! with its guards and productions beside its patterns.
//!
//! Owns: [`Rule`], the match a rule gets ([`Captures`]), what its guard reads ([`Near`]) and
//! its production reads ([`Where`]), what a production returns ([`Norm`]), and the names every
//! family file imports with `use super::rule::*`. It must not: hold rules, scan text or choose
//! among matches (the engine in `mod.rs` does).

pub(super) use super::common::*;
pub(super) use super::lexicon::Holiday;
pub(super) use super::resolve::{
    self, add, at_unit, tense_near, unknown_at_unit, weekday, weekday_near, Point, Tense, Unit,
};
pub(super) use super::DateExtractor;
pub(super) use crate::model::TimexType;
pub(super) use jiff::civil::Date;
use regex::Match;

/// One rule: a construction of English and the TIMEX3 it means.
pub(super) struct Rule {
    /// The rule's name, written in each prediction's provenance.
    pub(super) name: &'static str,
    /// The pattern template. Templates use `{MONTH}`, `{MONTHF}` (full names), `{WD}`,
    /// `{WDF}`, `{NUM}`, `{UNIT}`, `{ORD}`, `{YEAR}`, `{POD}`, `{MOD}`, `{POS}`, `{HOL}`,
    /// `{REF}`, `{SETW}`, `{SEASON}`, `{SPY}`; `\b` means an ASCII word boundary (the engine
    /// compiles every pattern with `(?i-u)`).
    pub(super) pattern: &'static str,
    /// The trigger classes one of which every match of the rule contains.
    pub(super) classes: u32,
    /// False when a match is no date (read a bounded stretch either side).
    pub(super) guard: Guard,
    /// The match's TIMEX3, or `None` to drop it.
    pub(super) norm: Production,
}

/// A rule's guard: see [`Rule::guard`].
pub(super) type Guard = fn(&DateExtractor, &Near<'_>, &Captures<'_>) -> bool;
/// A rule's production: see [`Rule::norm`].
pub(super) type Production = fn(&DateExtractor, &Captures<'_>, &Where<'_>) -> Option<Norm>;

// Trigger classes: what kind of key word a stretch of text holds.
pub(super) const MONTH: u32 = 1;
pub(super) const WEEKDAY: u32 = 2;
pub(super) const DIGIT: u32 = 4;
pub(super) const UNIT: u32 = 8;
pub(super) const REF: u32 = 16;
pub(super) const DEICTIC: u32 = 32;
pub(super) const SEASON: u32 = 64;
pub(super) const HOLIDAY: u32 = 128;
pub(super) const SETW: u32 = 256;
pub(super) const SPOKEN: u32 = 512;
pub(super) const DECADEW: u32 = 1024;
pub(super) const TIMEW: u32 = 2048;
/// Words of the vague-reference rules that need their context: time, soon, earlier, future.
pub(super) const VAGUE: u32 = 4096;

/// A rule's match, its groups looked up by name in the rule's own short table: the regex
/// crate's `Captures::name` hashes the name with SipHash on every call, which took 2% of the
/// whole pipeline in profiles (the rules ask for dozens of groups a match).
pub(super) struct Captures<'t> {
    pub(super) caps: regex::Captures<'t>,
    pub(super) names: &'t [(Box<str>, usize)],
}

impl<'t> Captures<'t> {
    pub(super) fn name(&self, name: &str) -> Option<Match<'t>> {
        let &(_, i) = self.names.iter().find(|(n, _)| &**n == name)?;
        self.caps.get(i)
    }
    pub(super) fn get(&self, i: usize) -> Option<Match<'t>> {
        self.caps.get(i)
    }
}

/// What a guard reads around a match (`s..e`, byte offsets of `text`): the text before and
/// after it within the guards' reach, and the word before it as written and lowercased.
pub(super) struct Near<'a> {
    pub(super) text: &'a str,
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) before: &'a str,
    pub(super) after: &'a str,
    pub(super) prev_word: &'a str,
    pub(super) prev_lower: String,
}

impl DateExtractor {
    /// The guard of rules whose pattern says enough.
    pub(super) fn always(&self, _n: &Near<'_>, _caps: &Captures<'_>) -> bool {
        true
    }
}

/// How a normalised expression is anchored.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Anchor {
    None,
    Dct,
    /// Index (into the kept matches) of the date it was resolved from.
    Prev(usize),
}

/// A normalised match.
pub(super) struct Norm {
    pub(super) ty: TimexType,
    pub(super) value: String,
    pub(super) modifier: Option<String>,
    pub(super) anchor: Anchor,
    /// The calendar point, for later anchored expressions.
    pub(super) point: Option<Point>,
    /// Bytes to drop from the end of the match (a possessive `'s`).
    pub(super) trim_end: usize,
    /// Bytes to drop from the start of the match (a determiner before an adjective).
    pub(super) trim_start: usize,
    /// The year written after this day ("March 3 and 4, 2021") is the day before it's too:
    /// the engine writes it into that date's value.
    pub(super) lend_year: bool,
    /// The term of a comparison of figures (`up from $4 a year earlier`): it names the period
    /// compared with, not a new time the text moves to, so later dates are not counted from it.
    pub(super) compared: bool,
}

impl Norm {
    pub(super) fn new(ty: TimexType, value: impl Into<String>) -> Norm {
        Norm {
            ty,
            value: value.into(),
            modifier: None,
            anchor: Anchor::None,
            point: None,
            trim_end: 0,
            trim_start: 0,
            lend_year: false,
            compared: false,
        }
    }
    pub(super) fn point(p: Point, anchor: Anchor) -> Norm {
        // A point with a time of day is a TIME in TIMEX3 (its value has a `T` part), whichever
        // rule made it: "at the time" after "Sunday night" refers back to a TIME.
        let ty = if matches!(p, Point::DayTime(..)) { TimexType::Time } else { TimexType::Date };
        Norm {
            ty,
            value: p.value(),
            modifier: None,
            anchor,
            point: Some(p),
            trim_end: 0,
            trim_start: 0,
            lend_year: false,
            compared: false,
        }
    }
    pub(super) fn with_mod(mut self, m: Option<&str>) -> Norm {
        if m.is_some() {
            self.modifier = m.map(str::to_string);
        }
        self
    }
}

/// Everything the normaliser needs to know about where a match sits.
pub(super) struct Where<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence: (usize, usize),
    pub(super) dct: Option<Date>,
    /// The latest kept date point before this match: (point, index, sentence number).
    pub(super) prev: Option<&'a (Point, usize, usize)>,
    /// Where that date's span ends (a byte offset of `text`).
    pub(super) prev_end: Option<usize>,
    pub(super) sentence_no: usize,
    /// The latest quarter named in the last few sentences: (point, index, sentence number).
    pub(super) prev_quarter: Option<&'a (Point, usize, usize)>,
    /// A span of months or years ("the nine months") was named in this sentence after the
    /// latest quarter: "a year earlier" then compares that span, not the quarter.
    pub(super) period_after_quarter: bool,
    /// Tenses already read for (sentence, match): each candidate is normalised twice (a probe,
    /// then for real) and some rules ask more than once; the scan reads up to 800 bytes.
    pub(super) tenses: &'a TenseCache,
}

/// See [`Where::tenses`].
pub(super) type TenseCache = std::cell::RefCell<HashMap<(usize, usize, usize, usize), Option<Tense>>>;

impl Where<'_> {
    pub(super) fn tense(&self) -> Option<Tense> {
        let key = (self.sentence.0, self.sentence.1, self.start, self.end);
        if let Some(&t) = self.tenses.borrow().get(&key) {
            return t;
        }
        let t = tense_near(self.text, self.sentence, (self.start, self.end));
        self.tenses.borrow_mut().insert(key, t);
        t
    }
    /// The tense, except that a deadline preposition right before the expression ("by
    /// February", "through January", "until May") points to the future.
    pub(super) fn tense_or_deadline(&self) -> Option<Tense> {
        let prev = self.before().trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        // "before Friday's purchases": the preposition governs the noun, an event already named.
        let possessive = self.after().starts_with("'s") || self.after().starts_with("’s");
        let had = || self.near_words(80).any(|w| w.eq_ignore_ascii_case("had") || w.eq_ignore_ascii_case("hadn't"));
        // "prices have risen since November", "closed since Tuesday": the start of a stretch
        // that reaches the present is in the past, whatever the verb's tense.
        if self.after_since() {
            return Some(Tense::Past);
        }
        if !possessive && matches!(prev.to_ascii_lowercase().as_str(), "by" | "through" | "until" | "till" | "before") {
            // "had filed reports by Wednesday", "until Thursday they had not called": a past
            // perfect keeps the deadline in the past.
            if had() {
                return Some(Tense::Past);
            }
            // "lasted until Feb 2", "stayed through Friday": the preposition completes a past
            // verb and the date is in the past.
            if matches!(prev.to_ascii_lowercase().as_str(), "until" | "till" | "through") {
                let b = self.before().trim_end();
                if resolve::past_verb_before(&b[..b.len() - prev.len()]) {
                    return Some(Tense::Past);
                }
            }
            return Some(Tense::Future);
        }
        // "set to resume Monday", "is to resume trading Tuesday", "plan to remove him on
        // Thursday": an infinitive of intention looks ahead.
        let b = self.before();
        let b = b[floor_boundary(b, b.len().saturating_sub(48))..].to_ascii_lowercase();
        let words: Vec<&str> = b.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
        if words.windows(3).any(|x| {
            matches!(x[0], "set" | "is" | "are" | "plan" | "plans" | "due" | "expected" | "scheduled") && x[1] == "to"
        }) {
            // "had been due to expire Friday": a past perfect keeps the plan in the past.
            return Some(if had() { Tense::Past } else { Tense::Future });
        }
        // "the launch is set for Tuesday", "talks are set for Monday": a date fixed for an
        // event still to come; "was set for" in a story told in the past keeps its tense.
        if words.windows(3).any(|x| matches!(x[0], "is" | "are" | "now" | "been") && x[1] == "set" && x[2] == "for") {
            return Some(if had() { Tense::Past } else { Tense::Future });
        }
        self.tense_or_soon()
    }
    /// True when the preposition `since` comes right before the expression ("since May").
    pub(super) fn after_since(&self) -> bool {
        let prev = self.before().trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        prev.eq_ignore_ascii_case("since")
    }
    /// The tense, except that "as soon as" / "as early as" right before the expression
    /// points to the future.
    pub(super) fn tense_or_soon(&self) -> Option<Tense> {
        let b = self.before().trim_end();
        let b = b[floor_boundary(b, b.len().saturating_sub(24))..].to_ascii_lowercase();
        if b.ends_with("as soon as") || b.ends_with("as early as") || b.ends_with("no later than") {
            return Some(Tense::Future);
        }
        self.tense()
    }
    /// The words of the sentence within `reach` bytes either side of the expression.
    pub(super) fn near_words(&self, reach: usize) -> impl Iterator<Item = &str> {
        let a = floor_boundary(self.text, self.start.saturating_sub(reach).max(self.sentence.0.min(self.start)));
        let b = ceil_boundary(self.text, (self.end + reach).min(self.sentence.1.max(self.end)));
        self.text[a..b].split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')).filter(|w| !w.is_empty())
    }
    /// True when the words `a b` follow each other within `reach` bytes of the expression.
    pub(super) fn near_pair(&self, reach: usize, a: &str, b: &str) -> bool {
        let mut last = "";
        for x in self.near_words(reach) {
            if last.eq_ignore_ascii_case(a) && x.eq_ignore_ascii_case(b) {
                return true;
            }
            last = x;
        }
        false
    }
    pub(super) fn before(&self) -> &str {
        &self.text[self.sentence.0.min(self.start)..self.start]
    }
    pub(super) fn after(&self) -> &str {
        &self.text[self.end..self.sentence.1.max(self.end)]
    }
}
