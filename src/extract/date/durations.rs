//! Amounts of time: `two years`, `more than a decade`, `three and a half hours`, `half an
//! hour`, adjectives of duration (`day-long`, `decades-long`, `its [one-year term]`), amounts left vague
//! (`several weeks`, `for years`, `over [the years]`), ranges of amounts (`two to three
//! weeks`, `weeks or months`: one span, amount X), and the unit of a rate (`$5 million [a
//! year]`, `four flights [a week]`: a SET).
//!
//! Owns: these rules' patterns, guards and values, the guard of amounts (shared with the
//! `ago` rule of `relative.rs`) and the plain duration a span ends with. It must not: take
//! ages (`52 years old`, `aged 6 months`), measures of something else (`a four-minute
//! mile`, `six months of pay`), ordinals (`a second time`) or titles (`60 Minutes`) for
//! durations, or name points (`two weeks ago`: `relative.rs`).

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "duration",
        pattern: r"(?:{MOD}|\bthe\s+)?\b(?P<n>{NUM})(?P<half>\s+and\s+(?:a|one)[\s-]+half)?[\s-]+(?:(?:more|additional|extra)\s+)?(?:(?:trading|business|working)\s+)?(?P<u>{UNIT})\b(?P<half2>\s+and\s+a\s+half\b)?(?P<orso>\s+or\s+so\b)?",
        classes: UNIT,
        guard: DateExtractor::guard_amount,
        norm: DateExtractor::norm_duration,
    },
    // "its one-year term", "its 41-year history", "a six-year span": an adjective of duration
    // and the noun of a stretch of time it qualifies are one expression (TimeBank and
    // MEANTIME mark the noun with it). Not "period", which the corpora split on (TimeBank
    // "[three-year period]", AQUAINT "[seven-day] period"), nor "plan", "deal" or "tenure".
    Rule {
        name: "duration-noun",
        pattern: r"\b(?P<n>{NUM})-(?P<u>{UNIT})\s+(?P<head>term|span|stretch|history)\b",
        classes: UNIT,
        guard: DateExtractor::guard_amount,
        norm: DateExtractor::norm_duration,
    },
    // "two to three weeks", "the next 12 to 18 months", "5-6 years", "three or four days":
    // one amount of time whose number is a range (TimeBank marks the whole as one TIMEX3).
    Rule {
        name: "duration-range",
        pattern: r"(?:{MOD}|\bthe\s+(?:next|past|last|coming|first|final|previous|following)\s+)?\b(?P<n>{NUM})\s*(?:to|or|-|–)\s*(?P<n2>{NUM})[\s-]+(?P<u>{UNIT})\b",
        classes: UNIT,
        guard: DateExtractor::guard_amount,
        norm: DateExtractor::norm_duration_range,
    },
    // "weeks or months", "days or even weeks": an unknown amount told in two units.
    Rule {
        name: "units-or-units",
        pattern: r"\b(?P<u>days|weeks|months|years)\s+or\s+(?:even\s+)?(?P<u2>weeks|months|years|decades)\b",
        classes: UNIT,
        guard: DateExtractor::guard_vague_duration,
        norm: DateExtractor::norm_vague_duration,
    },
    Rule {
        name: "half-unit",
        pattern: r"(?:{MOD})?\b(?:(?P<hf>half)\s+(?:an?\s+)?|(?P<hf2>an?\s+half)[\s-]+)(?P<u>hour|day|year|century|decade|month)\b",
        classes: UNIT,
        guard: DateExtractor::guard_amount,
        norm: DateExtractor::norm_duration,
    },
    Rule {
        name: "vague-duration",
        pattern: r"(?:{MOD})?\b(?P<v>several|a\s+few|few|many|some|numerous|a\s+number\s+of|dozens\s+of|hundreds\s+of|countless|recent|the\s+early|the\s+first)\s+(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b",
        classes: UNIT,
        guard: DateExtractor::guard_vague_duration,
        norm: DateExtractor::norm_vague_duration,
    },
    // "a day-long meeting", "its decades-long dispute": an adjective of duration.
    Rule {
        name: "unit-long",
        pattern: r"\b(?P<u>{UNIT})-long\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_unit_long,
    },
    // "over the years", "throughout the decades": a vague span of the text's past.
    Rule {
        name: "over-the-units",
        pattern: r"\b(?P<pre>(?:over|throughout)\s+)the\s+(?P<u>years|decades|months|weeks|centuries)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_over_the_units,
    },
    Rule {
        name: "bare-units",
        pattern: r"\b(?P<u>minutes|hours|days|weeks|months|years|decades|centuries)\b",
        classes: UNIT,
        guard: DateExtractor::guard_vague_duration,
        norm: DateExtractor::norm_vague_duration,
    },
];

impl DateExtractor {
    /// A number of units that is an amount of time, not an ordinal, a year, a title or an age.
    pub(super) fn guard_amount(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { text, s, e, after, before, .. } = *n;
        let prev_lower = &n.prev_lower;
        // "a second", "a minute" as ordinals or nouns: "a second time", "wait a minute".
        let n = caps.name("n").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
        let u = caps.name("u").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
        if (u == "second" || u == "sec") && (n == "a" || n == "one") {
            return false;
        }
        // "the 1988 quarter": a year, not 1988 quarters.
        if n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()) && !u.ends_with('s') {
            return false;
        }
        // "60 Minutes" (a title): a capitalised unit inside a lowercase sentence.
        if let Some(um) = caps.name("u") {
            let us = um.as_str();
            if us.starts_with(|c: char| c.is_ascii_uppercase()) && us[1..].chars().any(|c| c.is_ascii_lowercase()) {
                return false;
            }
        }
        // Ages ("52 years old", "a 6-year-old") and fractions ("three-quarters").
        let tail = after.trim_start_matches([' ', '-']).to_ascii_lowercase();
        if tail.starts_with("old") && !tail[3..].starts_with(|c: char| c.is_alphabetic()) {
            return false;
        }
        // "a day-long meeting": the adjective is the expression (rule unit-long), not "a day".
        if after.starts_with("-long") {
            return false;
        }
        if u.starts_with("quarter") && text[s..e].contains('-') && caps.name("n").is_some() {
            return false;
        }
        if self.is_age(before, &tail) || is_measure(&text[s..e], &tail) {
            return false;
        }
        // "one day" opening a story, "one night": keep; "the second quarter" is not here.
        !(prev_lower == "per" || (n.contains('.') && u == "quarter"))
    }

    /// An amount of time that is an age: "aged 6 months", "aged two to five years", "at the
    /// age of 18 months", "18 years of age" (TimeML marks no ages, as `a 6-year-old` shows).
    /// `before` is the text before the match, `tail` the lowercased text after it.
    fn is_age(&self, before: &str, tail: &str) -> bool {
        if tail.starts_with("of age") && !tail[6..].starts_with(|c: char| c.is_alphabetic()) {
            return true;
        }
        // Back over numbers and the words that join them, to the word that governs them.
        let mut words = before.rsplit(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
        for _ in 0..6 {
            let Some(w) = words.next() else { return false };
            let lw = w.trim_matches(['-', ',']).to_ascii_lowercase();
            let is_number = lw.is_empty() || lw.bytes().all(|b| b.is_ascii_digit()) || self.lex.number(&lw).is_some();
            if is_number || matches!(lw.as_str(), "to" | "and" | "or" | "between" | "-") {
                continue;
            }
            return match lw.as_str() {
                "aged" | "age" | "ages" => true,
                "of" => words.next().is_some_and(|w| w.eq_ignore_ascii_case("age")),
                _ => false,
            };
        }
        false
    }

    /// N units: a duration (or a SET after an amount, a future day in "will one day").
    pub(super) fn norm_duration(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let modw = modifier(gl("modw"));
        let u = gl("u")?;
        let unit = Unit::from_code(self.lex.unit(&u)?)?;
        let mut amount = if g("hf").is_some() || g("hf2").is_some() { Some(0.5) } else { self.lex.number(&gl("n")?) };
        if g("half").is_some() || g("half2").is_some() {
            amount = amount.map(|a| a + 0.5);
        }
        let n = gl("n").unwrap_or_default();
        // "two four-year terms": a count of things before an adjective of duration; the
        // expression is the adjective alone ("[four-year]").
        let mut trim_start = 0;
        if amount.is_none() && g("half").is_none() {
            let nm = caps.name("n")?;
            if let Some((i, space)) = nm.as_str().char_indices().rev().find(|(_, c)| c.is_whitespace()) {
                // After the space, which may take several bytes (a no-break space).
                let last = &nm.as_str()[i + space.len_utf8()..];
                if let Some(v) = self.lex.number(last).filter(|_| self.lex.number(&nm.as_str()[..i]).is_some()) {
                    amount = Some(v);
                    trim_start = nm.start() + i + 1 - caps.get(0)?.start();
                }
            }
        }
        // "$5 billion a year" is a SET.
        if (n == "a" || n == "an" || n == "per") && g("modw").is_none() {
            let bw =
                w.before().trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_ascii_lowercase();
            if matches!(
                bw.as_str(),
                "million"
                    | "billion"
                    | "trillion"
                    | "thousand"
                    | "percent"
                    | "times"
                    | "once"
                    | "twice"
                    | "barrels"
                    | "people"
                    | "tons"
            ) || bw.ends_with('%')
                || bw.ends_with(|c: char| c.is_ascii_digit())
                || self.counted_noun_before(w.before())
            {
                return Some(Norm::new(TimexType::Set, unit.duration(Some(1.0))));
            }
        }
        // "Islam will one day be the second religion": an unspecified future day.
        if n == "one" && unit == Unit::Day && g("modw").is_none() {
            let bw = w.before().trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if matches!(
                bw.to_ascii_lowercase().as_str(),
                "will" | "would" | "could" | "may" | "might" | "can" | "shall" | "should" | "must"
            ) {
                let mut n = Norm::new(TimexType::Date, "FUTURE_REF");
                if dct.is_some() {
                    n.anchor = Anchor::Dct;
                }
                return Some(n);
            }
        }
        let mut norm = self.duration_only(caps, unit, amount, if trim_start > 0 { None } else { modw })?;
        norm.trim_start = norm.trim_start.max(trim_start);
        if n == "couple of" || n == "a couple of" || n == "a couple" {
            norm.modifier = norm.modifier.or(Some("APPROX".into()));
        }
        Some(norm)
    }

    /// "two to three weeks": a duration whose amount is a range, written with X (`PXW`), as
    /// TimeBank writes "the next 12 to 18 months" (`PXM`). The first number must be below the
    /// second ("2-1" is a score) and a word ("a week or two" keeps "a week": AQUAINT's gold).
    pub(super) fn norm_duration_range(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let unit = Unit::from_code(self.lex.unit(&gl("u")?)?)?;
        let (n1, n2) = (gl("n")?, gl("n2")?);
        if matches!(n1.as_str(), "a" | "an") || matches!(n2.as_str(), "a" | "an") {
            return None;
        }
        let (a, b) = (self.lex.number(&n1)?, self.lex.number(&n2)?);
        if a >= b {
            return None;
        }
        Some(Norm::new(TimexType::Duration, unit.duration(None)).with_mod(modifier(gl("modw"))))
    }

    /// True when the text before "a week" ends with a counted plural noun, the thing a rate
    /// counts per unit of time: "four flights [a week]", "fifty thousand CDs [a year]",
    /// "hundreds of interviews [a day]", "24 hours [a day], seven days [a week]" (TimeML: a SET). A number must
    /// come at most four words before the noun; "offered him a week", "within a week" have none.
    pub(super) fn counted_noun_before(&self, before: &str) -> bool {
        let mut words = before.rsplit(|c: char| c.is_whitespace()).filter(|x| !x.is_empty());
        let Some(noun) = words.next() else { return false };
        let plural = noun.len() >= 3
            && noun.ends_with('s')
            && !noun.ends_with("ss")
            && noun.bytes().all(|c| c.is_ascii_alphabetic());
        if !plural {
            return false;
        }
        words.take(4).any(|x| {
            let lx = x.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_ascii_lowercase();
            lx.bytes().any(|c| c.is_ascii_digit())
                || matches!(lx.as_str(), "dozens" | "hundreds" | "thousands" | "millions" | "billions")
                || (lx != "a" && lx != "an" && self.lex.number(&lx).is_some())
        })
    }

    /// "day-long" is P1D, "months-long" PXM: one unit, or an unknown number of them.
    pub(super) fn norm_unit_long(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let u = caps.name("u")?.as_str().to_ascii_lowercase();
        let unit = Unit::from_code(self.lex.unit(&u)?)?;
        // No singular unit word ends in "s" ("day", "hr", "century"); every plural does.
        let amount = if u.ends_with('s') { None } else { Some(1.0) };
        // An unknown number of decades or centuries is written in years, as TimeBank's and
        // MEANTIME's gold write "decades-long" (PXY).
        if amount.is_none() && matches!(unit, Unit::Decade | Unit::Century) {
            return Some(Norm::new(TimexType::Duration, "PXY"));
        }
        Some(Norm::new(TimexType::Duration, unit.duration(amount)))
    }

    /// "over the years": the span "the years", a duration of unknown length.
    pub(super) fn norm_over_the_units(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let unit = Unit::from_code(self.lex.unit(&caps.name("u")?.as_str().to_ascii_lowercase())?)?;
        let mut n = Norm::new(TimexType::Duration, unit.duration(None));
        n.trim_start = caps.name("pre")?.len();
        Some(n)
    }

    /// Bare plural units only in a temporal frame.
    pub(super) fn guard_vague_duration(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { text, s, e, after, before, .. } = *n;
        let prev_lower = &n.prev_lower;
        let tail = after.trim_start().to_ascii_lowercase();
        if self.is_age(before, &tail) || is_measure(&text[s..e], &tail) {
            return false;
        }
        // "the early hours of Thursday", "the small hours", "the wee hours of the morning":
        // the first hours after midnight, a part of the day spoken of, no amount of time.
        let u = caps.name("u").map_or("", |m| m.as_str());
        if u.eq_ignore_ascii_case("hours")
            && (caps.name("v").is_some_and(|v| v.as_str().eq_ignore_ascii_case("the early"))
                || matches!(prev_lower.as_str(), "small" | "wee" | "early"))
        {
            return false;
        }
        // Bare plural units need a temporal frame around them ("for years", "in weeks",
        // "years ago", "weeks after"); "the years" alone is too vague.
        if caps.name("v").is_none() {
            // "the minutes of the meeting": the record, no time.
            let u = caps.name("u").map_or("", |m| m.as_str());
            if u.eq_ignore_ascii_case("minutes")
                && matches!(prev_lower.as_str(), "the" | "its" | "their" | "his" | "her" | "our" | "whose" | "meeting")
            {
                return false;
            }
            let nw = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
            let ok_prev = matches!(
                prev_lower.as_str(),
                "for"
                    | "within"
                    | "in"
                    | "over"
                    | "took"
                    | "takes"
                    | "take"
                    | "lasted"
                    | "last"
                    | "comes"
                    | "came"
                    | "spent"
                    | "spend"
                    | "after"
                    | "since"
            );
            let ok_next =
                matches!(nw.as_str(), "ago" | "after" | "before" | "later" | "earlier" | "of" | "away" | "long");
            // "Minutes of the meeting were published": "minutes of" needs a frame before it.
            if u.eq_ignore_ascii_case("minutes") && nw == "of" && !ok_prev {
                return false;
            }
            return ok_prev || ok_next;
        }
        true
    }

    /// several years: a duration of unknown amount ("recent" is PAST_REF).
    pub(super) fn norm_vague_duration(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let modw = modifier(gl("modw"));
        let unit = Unit::from_code(self.lex.unit(&gl("u")?)?)?;
        let v = gl("v");
        if v.as_deref() == Some("recent") {
            return Some(Norm::new(TimexType::Date, "PAST_REF"));
        }
        Some(Norm::new(TimexType::Duration, unit.duration(None)).with_mod(modw))
    }

    /// A plain duration from the number and unit of a match (the span ends at the unit).
    pub(super) fn duration_only(
        &self,
        caps: &Captures<'_>,
        unit: Unit,
        amount: Option<f64>,
        m: Option<&str>,
    ) -> Option<Norm> {
        let mut n = Norm::new(TimexType::Duration, unit.duration(amount)).with_mod(m);
        let whole = caps.get(0)?;
        let u = caps.name("u")?;
        // The span ends at the unit, at "and a half" after it ("a minute and a half"), or at
        // the noun of time an adjective of duration qualifies ("a three-year period").
        let last = caps.name("head").or(caps.name("half2")).map_or(u.end(), |h| h.end());
        n.trim_end = whole.end() - last;
        if let Some(orso) = caps.name("orso") {
            n.trim_end = whole.end() - orso.end();
            n.modifier = n.modifier.or(Some("APPROX".into()));
        }
        // A hyphenated adjective ("the two-week delay") leaves its determiner out.
        let lead = &whole.as_str()[..u.start() - whole.start()];
        if lead.contains('-') && lead.to_ascii_lowercase().starts_with("the") {
            if let Some(num) = caps.name("n") {
                n.trim_start = num.start() - whole.start();
            }
        }
        Some(n)
    }
}

/// An amount of time that measures something else: the time a distance is run in ("a
/// four-minute mile"), the hours a service keeps ("a 24-hour news channel") or a stock counted in the time it lasts or fills ("six months of base
/// pay", "75 hours of video", "reserves worth three months of imports"). `span` is the match,
/// `tail` the lowercased text after it.
fn is_measure(span: &str, tail: &str) -> bool {
    let mut next = tail.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty());
    let first = next.next().unwrap_or("");
    if span.contains('-')
        && matches!(first, "mile" | "miles" | "km" | "kilometre" | "kilometer" | "kilometres" | "kilometers")
    {
        return true;
    }
    // "a 24-hour news channel", "a 24-hour candle": round the clock, a property of a
    // service or a thing, not the duration of an event (a 24-hour strike is one).
    if span.ends_with("24-hour")
        && matches!(
            first,
            "news"
                | "service"
                | "services"
                | "hotline"
                | "helpline"
                | "coverage"
                | "channel"
                | "station"
                | "shop"
                | "store"
                | "pharmacy"
                | "support"
                | "security"
                | "surveillance"
                | "protection"
                | "care"
                | "access"
                | "candle"
        )
    {
        return true;
    }
    if first != "of" {
        return false;
    }
    // The noun counted, or an adjective and the noun ("of base pay").
    next.take(2).any(|w| {
        matches!(
            w,
            "pay"
                | "salary"
                | "salaries"
                | "wages"
                | "income"
                | "rent"
                | "imports"
                | "video"
                | "footage"
                | "playback"
                | "supplies"
                | "food"
                | "fuel"
                | "water"
                | "rations"
                | "medicine"
                | "medication"
        )
    })
}
