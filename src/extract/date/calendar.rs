//! Dates named by their month: a month and day (`September 19`, `Friday, 19 September 2025`,
//! `the week of March 6`), the second day of a coordination (`April 24 and [25]`), numeric
//! dates (`09/19/2025`, `2025-09-20`), a month with its year (`May 2024`, `June of last year`)
//! and a month alone (`in March`, `last August`).
//!
//! Owns: these rules' patterns, guards and values. It must not: name a year, a season or a
//! period without a month (`years.rs`, `periods.rs`), or choose among overlapping matches
//! (the engine in `mod.rs` does).

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "month-day-year",
        pattern: r"\b(?:(?P<wd>{WD}),?\s+)?(?P<m>{MONTH})(?:\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|\s+(?P<dw>{ORD}))\b,?\s+(?P<y>{YEAR})\b",
        classes: MONTH,
        guard: DateExtractor::guard_month_day,
        norm: DateExtractor::norm_month_day,
    },
    Rule {
        name: "day-month-year",
        pattern: r"\b(?:(?P<wd>{WD}),?\s+)?(?:(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?|(?P<the2>the\s+)?(?P<dw>{ORD})\s+of\s+)(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b",
        classes: MONTH,
        guard: DateExtractor::guard_month_day,
        norm: DateExtractor::norm_month_day,
    },
    Rule {
        name: "month-day",
        pattern: r"\b(?:(?P<wd>{WD}),?\s+)?(?P<m>{MONTH})(?:\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|\s+(?P<dw>{ORD}))\b",
        classes: MONTH,
        guard: DateExtractor::guard_month_day,
        norm: DateExtractor::norm_month_day,
    },
    // "April 24 and 25": coordinated dates are two spans; the second day takes the first's
    // month (the guard checks that a month and day come right before). So are the two ends
    // of a range of days ("Aug. 1-5", "May 10 to 14", "Oct. 3 through 7"), as a range of
    // dates is two spans (`from [1998] to [2000]`).
    Rule {
        name: "coord-day",
        pattern: r"\b(?P<and>(?:and|or|to|through|until|till)\s+|-|–)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{YEAR})\b)?",
        classes: DIGIT,
        guard: DateExtractor::guard_coord_day,
        norm: DateExtractor::norm_coord_day,
    },
    Rule {
        name: "day-month",
        pattern: r"\b(?:(?P<wd>{WD}),?\s+)?(?:(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?|(?P<the2>the\s+)?(?P<dw>{ORD})\s+of\s+)(?P<m>{MONTH})",
        classes: MONTH,
        guard: DateExtractor::guard_month_day,
        norm: DateExtractor::norm_month_day,
    },
    // "the week of March 6": the ISO week of that day.
    Rule {
        name: "week-of",
        pattern: r"\b(?P<wk>the\s+week\s+of)\s+(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{YEAR})\b)?",
        classes: MONTH,
        guard: DateExtractor::guard_month_day,
        norm: DateExtractor::norm_month_day,
    },
    Rule {
        name: "numeric-mdy",
        pattern: r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)\b",
        classes: DIGIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_numeric,
    },
    Rule {
        name: "numeric-iso",
        pattern: r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<a>[01]\d)-(?P<b>[0-3]\d)\b",
        classes: DIGIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_numeric,
    },
    Rule {
        name: "month-year",
        pattern: r"(?:{POS})?\b(?P<m>{MONTH})\s*,?\s+(?:of\s+)?(?:(?P<y>{YEAR})\b|(?P<sy>{SPY})\b|(?P<ry>this|last|next)\s+year\b)",
        classes: MONTH,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_month_year,
    },
    Rule {
        name: "month",
        pattern: r"(?:{POS})?\b(?:(?P<rel>last|next|this|that|this\s+past|this\s+coming)\s+)?(?P<m>{MONTHF})\b",
        classes: MONTH,
        guard: DateExtractor::guard_month,
        norm: DateExtractor::norm_month,
    },
];

/// Words that may follow a day spelt as an ordinal word ("on March eighth at noon").
const WORD_DAY_FOLLOWERS: &[&str] = &[
    "at", "in", "on", "and", "or", "to", "through", "until", "when", "after", "before", "for", "with", "by", "from",
    "this", "next", "last", "that", "the", "a", "is", "was", "will", "would", "has", "had", "were", "are", "of", "as",
    "but", "while", "because", "since", "if", "so", "then",
];

impl DateExtractor {
    /// The day is a day of a month, and no digit follows.
    pub(super) fn guard_month_day(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { text, e, after, .. } = *n;
        if let Some(dw) = caps.name("dw") {
            return self.guard_word_day(caps, dw.as_str(), after);
        }
        let d: u32 = caps.name("d").and_then(|d| d.as_str().parse().ok()).unwrap_or(0);
        (1..=31).contains(&d) && !text[e..].starts_with(|c: char| c.is_ascii_digit())
    }

    /// A day of the month spelt as an ordinal word ("March eighth", "the twenty-fifth of
    /// October", "the Fourth of July"): the month is capitalised (not the verb "may"), the
    /// ordinal before "of" has "the" or a capital (not "a third of March sales"), and the
    /// phrase ends there ("June first rose", "March first-quarter" are no dates).
    fn guard_word_day(&self, caps: &Captures<'_>, dw: &str, after: &str) -> bool {
        let capital = |s: &str| s.starts_with(|c: char| c.is_ascii_uppercase());
        let month_ok = caps.name("m").is_some_and(|m| capital(m.as_str()));
        // The month comes after the ordinal ("the fifth of May").
        let before_month = caps.name("m").is_some_and(|m| m.start() > caps.name("dw").map_or(0, |d| d.start()));
        if !month_ok || (before_month && caps.name("the2").is_none() && !capital(dw)) {
            return false;
        }
        if before_month || caps.name("y").is_some() {
            return true;
        }
        if after.starts_with(['-', '\u{2013}']) || after.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let next = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        next.is_empty() || capital(next) || WORD_DAY_FOLLOWERS.contains(&next)
    }

    /// The day; with "the week of", its ISO week.
    pub(super) fn norm_month_day(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let mut n = self.month_day(caps, w)?;
        // "the week of March 6": the day's ISO week.
        if g("wk").is_some() {
            if let Some(Point::Day(d)) = n.point {
                let p = resolve::week_of(d);
                n.value = p.value();
                n.point = Some(p);
            } else {
                n.value = "XXXX-WXX".into();
            }
        }
        Some(n)
    }

    /// The second day of "April 24 and 25", where the number ends the phrase.
    pub(super) fn guard_coord_day(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { before, after, .. } = *n;
        // Only right after a month and day ("April 24 and 25"), and only where the
        // number ends the phrase: not "May 3 and 4 people", "June 5 and 6 p.m.".
        let d: u32 = caps.name("d").and_then(|d| d.as_str().parse().ok()).unwrap_or(0);
        if !(1..=31).contains(&d) || self.coord_month(before).is_none() {
            return false;
        }
        let rest = after.trim_start();
        let nw = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
        rest.is_empty()
            || (rest.starts_with([',', '.', ';', ':', ')', '"', '\'', '”', '’', '—'])
                // After the mark, which may be several bytes long ("—").
                && !rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
                && !rest.starts_with(".m"))
            || matches!(
                nw.as_str(),
                "in" | "at" | "on" | "when" | "respectively" | "to" | "for" | "with" | "before" | "after"
            ) && rest.starts_with(|c: char| c.is_ascii_lowercase())
    }

    /// The second day takes the first's month (and year, when it is the date just before).
    pub(super) fn norm_coord_day(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let dct = w.dct;
        let m = self.coord_month(w.before())?;
        let d: i8 = g("d")?.parse().ok()?;
        Date::new(2000, m, d).ok()?;
        // The first day's year when it is the date just before ("April 24 and 25").
        let first = w.prev.filter(|(p, _, sn)| {
            *sn == w.sentence_no
                && matches!(p, Point::Day(pd) if pd.month() == m)
                && w.prev_end.is_some_and(|e| e <= w.start && w.text[e..w.start].trim().is_empty())
        });
        let mut n = if let Some(y) = g("y") {
            Norm::point(Point::Day(Date::new(y.parse().ok()?, m, d).ok()?), Anchor::None)
        } else if let Some((Point::Day(pd), i, _)) = first {
            Norm::point(Point::Day(Date::new(pd.year(), m, d).ok()?), Anchor::Prev(*i))
        } else if let Some(dct) = dct {
            Norm::point(Point::Day(year_for_day(dct, m, d, None, w.tense())?), Anchor::Dct)
        } else {
            Norm::new(TimexType::Date, format!("XXXX-{m:02}-{d:02}"))
        };
        n.trim_start = caps.name("d")?.start() - caps.get(0)?.start();
        n.lend_year = true;
        Some(n)
    }

    /// 09/19/2025 (month first unless it cannot be a month), 2025-09-20.
    pub(super) fn norm_numeric(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let (a, b): (i8, i8) = (g("a")?.parse().ok()?, g("b")?.parse().ok()?);
        let ys = g("y")?;
        let y: i16 = ys.parse().ok()?;
        let y = if ys.len() == 2 {
            if y > 40 {
                1900 + y
            } else {
                2000 + y
            }
        } else {
            y
        };
        // Month first (US order) unless the first number cannot be a month.
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        let date = Date::new(y, m, d).ok()?;
        Some(Norm::point(Point::Day(date), Anchor::None))
    }

    /// The month of a year named or counted from the DCT's.
    pub(super) fn norm_month_year(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let m = self.lex.month(g("m")?)?;
        if let Some(ry) = gl("ry") {
            let Some(dct) = dct else {
                return Some(Norm::new(TimexType::Date, format!("XXXX-{m:02}")).with_mod(pos));
            };
            let y = dct.year() + rel_offset(&ry);
            return Some(Norm::point(Point::Month(y, m), Anchor::Dct).with_mod(pos));
        }
        let y = match g("sy") {
            Some(sy) => self.spoken_year(&squash(&sy.to_ascii_lowercase()))?,
            None => g("y")?.parse().ok()?,
        };
        Some(Norm::point(Point::Month(y, m), Anchor::None).with_mod(pos))
    }

    /// "May", "March" are verbs and names too.
    pub(super) fn guard_month(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { before, prev_word, .. } = *n;
        let prev_lower = &n.prev_lower;
        // "May", "March" are verbs and names too: accept them alone only after a
        // preposition or determiner, or with a modifier.
        let m = caps.name("m").map(|m| m.as_str()).unwrap_or("");
        if caps.name("pos").is_some() || caps.name("rel").is_some() {
            return true;
        }
        let ambiguous = matches!(m, "May" | "March" | "MAY" | "MARCH");
        let prep = matches!(
            prev_lower.as_str(),
            "in" | "on"
                | "by"
                | "since"
                | "until"
                | "till"
                | "of"
                | "from"
                | "through"
                | "to"
                | "during"
                | "before"
                | "after"
                | "between"
                | "and"
                | "or"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "that"
                | "in."
                | "until."
                | "throughout"
                | "for"
                | "as"
                | "into"
        );
        if ambiguous && !prep {
            return false;
        }
        // A capitalised word before it that is not a sentence opener: a name ("Theresa May").
        let name_before = prev_word.chars().next().is_some_and(char::is_uppercase)
            && !before.trim_end().ends_with(['.', '!', '?', '"', '“', '\n'])
            && !prep;
        !name_before
    }

    /// A month alone: its year from the DCT, a relative word or the tense.
    pub(super) fn norm_month(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let m = self.lex.month(g("m")?)?;
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, format!("XXXX-{m:02}")).with_mod(pos));
        };
        let rel = gl("rel");
        let (y, dm) = (dct.year(), dct.month());
        let y = match rel.as_deref() {
            Some("last") | Some("this past") => {
                if m < dm {
                    y
                } else {
                    y - 1
                }
            }
            Some("next") | Some("this coming") => {
                if m > dm {
                    y
                } else {
                    y + 1
                }
            }
            Some("this") | Some("that") => y,
            // "sales this year through August": the year is named next to it.
            _ if w.near_pair(48, "this", "year") => y,
            // "In October, the company reported a loss": the main clause's past verb.
            _ if m > dm && fronted_before_past_verb(w) => y - 1,
            // "up 5% since November", read in September: the last November.
            _ if m > dm && w.after_since() => y - 1,
            _ => match w.tense_or_deadline() {
                Some(Tense::Past) if m > dm + 1 => y - 1,
                // The month after the DCT's in a past clause is most often a plan reported in
                // the past ("warned of cuts in September"); it is the past one only when a past
                // verb governs it ("was elected in October", "the deal, signed in October").
                Some(Tense::Past) if m == dm + 1 && governed_by_past_verb(w.before()) => y - 1,
                Some(Tense::Future) if m + 1 < dm => y + 1,
                // No past or future marker: a month far ahead of the DCT is the last one
                // ("prices have come down from the middle of October", in February).
                Some(Tense::Present) | None if m > dm + 7 => y - 1,
                _ => y,
            },
        };
        let mut n = Norm::point(Point::Month(y, m), Anchor::Dct).with_mod(pos);
        // "the [late-November] trip": a hyphenated month is an adjective, and its determiner
        // stays out of the span (as in "the [third-quarter] profit").
        if let (Some(p), Some(whole)) = (caps.name("pos"), caps.get(0)) {
            let lower = p.as_str().to_ascii_lowercase();
            if lower.starts_with("the") && whole.as_str()[p.end() - whole.start()..].trim_start().starts_with('-') {
                let word = p.as_str()[3..].trim_start();
                n.trim_start = p.end() - word.len() - whole.start();
            }
        }
        Some(n)
    }

    /// A month and day ("September 19", "19 September 2025"), with an optional year and weekday.
    pub(super) fn month_day(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let dct = w.dct;
        let m = self.lex.month(g("m")?)?;
        let d: i8 = match g("dw") {
            Some(dw) => i8::try_from(self.lex.ordinal(dw)?).ok()?,
            None => g("d")?.parse().ok()?,
        };
        if let Some(y) = g("y") {
            let y: i16 = y.parse().ok()?;
            let date = Date::new(y, m, d).ok()?;
            return Some(Norm::point(Point::Day(date), Anchor::None));
        }
        Date::new(2000, m, d).ok()?;
        match dct {
            Some(dct) => {
                let wd = g("wd").and_then(|x| self.lex.weekday(x));
                let tense = if w.tense() == Some(Tense::Past) { w.tense() } else { w.tense_or_deadline() };
                let mut date = year_for_day(dct, m, d, wd, tense)?;
                // "was elected on October 3", a fortnight after the DCT: a past verb governs it.
                if wd.is_none()
                    && date > dct
                    && ((tense == Some(Tense::Past) && governed_by_past_verb(w.before()))
                        || fronted_before_past_verb(w)
                        || w.after_since())
                {
                    date = Date::new(date.year() - 1, m, d).ok()?;
                }
                Some(Norm::point(Point::Day(date), Anchor::Dct))
            }
            None => Some(Norm::new(TimexType::Date, format!("XXXX-{m:02}-{d:02}"))),
        }
    }

    /// The month of the "<month> <day>" that `before` ends with (white space allowed after
    /// it): "April 24 " -> 4, "Sept. 3rd " -> 9.
    pub(super) fn coord_month(&self, before: &str) -> Option<i8> {
        let b = before.trim_end();
        let b = ["st", "nd", "rd", "th"].iter().find_map(|x| b.strip_suffix(x)).unwrap_or(b);
        let digits = b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let b = &b[..b.len() - digits];
        let word = b.trim_end().rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '.')).next()?;
        // "Sept.24" and "April 24", but not "April24th" glued to something else.
        if word.is_empty() || (!b.ends_with(char::is_whitespace) && !word.ends_with('.')) {
            return None;
        }
        self.lex.month(word)
    }
}

/// True when the expression is a fronted adverbial ("In October, ...", "On November 12,
/// ...": a preposition opening the sentence, a comma after) and the main clause it
/// modifies has a past verb first ("In October, the company reported a loss"; not "In
/// October, the firm will ..."). The verb is looked for among the first words after the
/// comma, stopping at a present or future auxiliary.
fn fronted_before_past_verb(w: &Where<'_>) -> bool {
    let opener = w.before().trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end();
    if !matches!(opener, "In" | "On" | "During" | "By" | "Late in" | "Early in" | "Later in" | "Earlier in") {
        return false;
    }
    let Some(rest) = w.after().strip_prefix(',') else {
        return false;
    };
    for word in rest.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')).filter(|x| !x.is_empty()).take(8) {
        if resolve::is_past_verb(word) || matches!(word, "had" | "was" | "were") {
            return true;
        }
        let lower = word.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "will" | "would" | "shall" | "is" | "are" | "has" | "have" | "says" | "say" | "can" | "may" | "must"
        ) {
            return false;
        }
    }
    false
}

/// True when the text before an expression ends with a past verb and a preposition of time
/// ("elected in ", "signed on ", "began during "), the verb, an amount and the preposition
/// ("fell 5% in ", "rose 3.2 percent in "), or the verb alone before a day ("was arrested
/// Oct. 30"): the verb governs the expression. A participle after "be" ("to be held on") is
/// no past, nor a verb of saying right before the date ("said Oct. 30 would be ...").
fn governed_by_past_verb(before: &str) -> bool {
    // "was shot on the night of Oct. 23": the part of the day the date names sits between.
    let before = strip_part_of_day_of(before);
    let tail = before.trim_end();
    let last = |t: &str| -> (usize, String) {
        let w = t.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        (w.len(), w.to_string())
    };
    let (n, prep) = last(tail);
    let has_prep = matches!(prep.as_str(), "in" | "on" | "during");
    let mut rest = if has_prep { tail[..tail.len() - n].trim_end() } else { tail };
    if has_prep {
        rest = strip_amount(rest);
    }
    let (n, verb) = last(rest);
    if verb.is_empty() || !verb.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'') {
        return false;
    }
    if !has_prep
        && matches!(
            verb.to_ascii_lowercase().as_str(),
            "said" | "told" | "added" | "noted" | "wrote" | "warned" | "announced" | "reported" | "predicted"
        )
    {
        return false;
    }
    // "to be held on October 12", "being signed in October": a participle after "be" takes
    // its time from the auxiliary, which looks ahead or is unknown.
    let (_, aux) = last(rest[..rest.len() - n].trim_end());
    if aux.eq_ignore_ascii_case("be") || aux.eq_ignore_ascii_case("being") {
        return false;
    }
    resolve::is_past_verb(&verb) || (has_prep && past_verb_across_phrase(rest))
}

/// How many words a short phrase between a past verb and the date's preposition may hold
/// ("went [to the polls] on Oct. 25", "sent [troops to the border] on Dec. 3").
const PHRASE_WORDS: usize = 4;

/// A past verb a short phrase before the end of `before` (itself ending before the date's
/// preposition): "Voters went to the polls on Oct. 25". The phrase holds no punctuation, no
/// auxiliary or modal (which sets its own time: "will go to the polls on") and no word that
/// opens a new clause ("that", "and", "who").
fn past_verb_across_phrase(before: &str) -> bool {
    let mut words = before.rsplit(' ');
    // The word after the verb: the phrase opens with a preposition or a determiner, so a
    // participle before its noun ("preferred shares on Oct. 31") is no verb here.
    let mut next = "";
    for _ in 0..=PHRASE_WORDS {
        let Some(w) = words.next() else { return false };
        if w.is_empty() || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        let lw = w.to_ascii_lowercase();
        if matches!(
            lw.as_str(),
            "will"
                | "would"
                | "shall"
                | "should"
                | "may"
                | "might"
                | "can"
                | "could"
                | "must"
                | "be"
                | "being"
                | "been"
                | "is"
                | "are"
                | "am"
                | "that"
                | "which"
                | "who"
                | "when"
                | "and"
                | "or"
                | "but"
                | "if"
                | "until"
                | "before"
                | "after"
        ) {
            return false;
        }
        if resolve::is_past_verb(w) {
            return matches!(
                next.to_ascii_lowercase().as_str(),
                "to" | "into" | "at" | "from" | "for" | "the" | "a" | "an" | "his" | "her" | "its" | "their"
            );
        }
        next = w;
    }
    false
}

/// `before` without an amount at its end ("fell [5%] in", "rose [3.2 percent] in",
/// "gained [$4 billion] in", "dropped [by 12 points] in"); unchanged when there is none.
fn strip_amount(before: &str) -> &str {
    let mut t = before.trim_end();
    let mut numeric = false;
    loop {
        let w = t.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        if w.is_empty() {
            break;
        }
        let is_num = w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'%' | b'$' | b'-'));
        let is_word = matches!(
            w.to_ascii_lowercase().as_str(),
            "percent"
                | "per"
                | "cent"
                | "percentage"
                | "points"
                | "point"
                | "million"
                | "billion"
                | "trillion"
                | "cents"
                | "by"
        );
        if !(is_num || is_word) {
            break;
        }
        numeric |= is_num;
        t = t[..t.len() - w.len()].trim_end();
    }
    if numeric {
        t
    } else {
        before
    }
}

/// `before` without a trailing "the night of", "the morning of", "the day of" (the part of
/// the day or the day a following date names): "shot on [the night of] Oct. 23".
fn strip_part_of_day_of(before: &str) -> &str {
    let t = before.trim_end();
    let Some(rest) = t.strip_suffix("of").filter(|r| r.ends_with(char::is_whitespace)) else {
        return before;
    };
    let rest = rest.trim_end();
    let word = rest.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    if !matches!(word.to_ascii_lowercase().as_str(), "morning" | "afternoon" | "evening" | "night" | "day") {
        return before;
    }
    let rest = rest[..rest.len() - word.len()].trim_end();
    match rest.strip_suffix("the").or_else(|| rest.strip_suffix("The")) {
        Some(r) if r.is_empty() || r.ends_with(char::is_whitespace) => r,
        _ => before,
    }
}
