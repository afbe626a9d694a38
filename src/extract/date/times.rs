//! Times of day on the clock: `5 p.m.`, `10:35 a.m. EST, Nov. 6`, `18:00 UTC`, `14:30 GMT+1`
//! (`T14:30+01`), `6:40 p.m. (GMT +8)`, `09:00 UTC Tuesday`, `4 in the morning`, `noon`, `midnight Friday` (a day named right after the
//! time is part of it).
//!
//! Owns: these rules' patterns and values, and the day a time falls on (named with it, the
//! day the text is on, or the DCT). It must not: name parts of the day without a clock
//! reading (`this morning`, `in the evening`: `deictic.rs`), or take the idiom and title
//! `High Noon` for a time.

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "time",
        pattern: r"(?:\b(?P<modw>about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b)(?:\s+(?P<tz>(?-i:GMT|UTC|EST|EDT|ET|PST|PDT|CST|CDT|BST|CET|CEST)\b(?:\s?(?P<off>[+-])(?P<oh>\d{1,2})(?::?(?P<om>[0-5]\d))?\b)?|(?-i:local\s+time)\b)|\s*\(\s*(?P<ptz>(?-i:GMT|UTC))\s?(?P<poff>[+-])(?P<poh>\d{1,2})(?::?(?P<pom>[0-5]\d))?\s*\))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDF}|today|yesterday|tomorrow)\b(?:,?\s+(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)\b(?:,?\s+(?P<y>{YEAR})\b)?)?|(?P<m2>{MONTH})\s*(?P<d2>[0-3]?\d)\b(?:,?\s+(?P<y2>{YEAR})\b)?))?",
        classes: DIGIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_time,
    },
    Rule {
        name: "time-24",
        pattern: r"\b(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?:\s+(?P<tz>(?-i:GMT|UTC|EST|EDT|ET|PST|PDT|CST|CDT|BST|CET|CEST)\b(?:\s?(?P<off>[+-])(?P<oh>\d{1,2})(?::?(?P<om>[0-5]\d))?\b)?|hours\b|(?-i:local\s+time)))(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDF}|today|yesterday|tomorrow)\b(?:,?\s+(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)\b(?:,?\s+(?P<y>{YEAR})\b)?)?|(?P<m2>{MONTH})\s*(?P<d2>[0-3]?\d)\b(?:,?\s+(?P<y2>{YEAR})\b)?))?",
        classes: DIGIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_time,
    },
    // "at 4 in the morning", "around 7:30 in the evening", "at 10 at night", "at 6 o'clock":
    // an hour told by the part of the day (or "o'clock") instead of a.m. and p.m.
    Rule {
        name: "time-of-day-words",
        pattern: r"(?:\b(?P<modw>about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s+(?:(?P<oc>o'clock|o’clock)(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening))?|in\s+the\s+(?P<pod2>morning|afternoon|evening)|at\s+(?P<night>night))\b",
        classes: DIGIT,
        guard: DateExtractor::guard_time_of_day_words,
        norm: DateExtractor::norm_time,
    },
    Rule {
        name: "time-word",
        pattern: r"\b(?P<hw>noon|midnight|midday|mid-day)\b(?:\s+(?P<tz>(?-i:GMT|UTC|EST|EDT|ET|PST|PDT|CST|CDT|BST|CET|CEST)\b(?:\s?(?P<off>[+-])(?P<oh>\d{1,2})(?::?(?P<om>[0-5]\d))?\b)?|(?-i:local\s+time)\b))?(?:,?\s+(?:on\s+)?(?P<wd>{WDF}|today|yesterday|tomorrow)\b)?",
        classes: TIMEW,
        guard: DateExtractor::guard_time_word,
        norm: DateExtractor::norm_time,
    },
];

impl DateExtractor {
    /// "noon" that is a time: not the idiom or title "high noon" ("the film High Noon",
    /// "for Poland, high noon comes today").
    pub(super) fn guard_time_word(&self, n: &Near<'_>, _caps: &Captures<'_>) -> bool {
        n.prev_lower != "high"
    }

    /// "4 in the morning" that tells the hour: not a count before a noun the part of the day
    /// qualifies ("2 in the morning session", "the 5 in the evening news").
    pub(super) fn guard_time_of_day_words(&self, n: &Near<'_>, _caps: &Captures<'_>) -> bool {
        let next = n.after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        !matches!(
            next.to_ascii_lowercase().as_str(),
            "session"
                | "sessions"
                | "shift"
                | "shifts"
                | "show"
                | "shows"
                | "news"
                | "paper"
                | "papers"
                | "edition"
                | "service"
                | "services"
                | "trading"
                | "rush"
                | "commute"
                | "prayer"
                | "prayers"
                | "class"
                | "classes"
        )
    }

    /// A clock time, on the day named with it, the day the text is on, or the DCT.
    pub(super) fn norm_time(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let (h, mi): (i8, i8) = if let Some(hw) = gl("hw") {
            match hw.as_str() {
                "midnight" => (24, 0),
                _ => (12, 0),
            }
        } else {
            let h: i8 = g("h")?.parse().ok()?;
            let mi: i8 = g("mi").and_then(|m| m.parse().ok()).unwrap_or(0);
            // "4 in the morning" is a.m., "7:30 in the evening" and "10 at night" p.m.
            let pod = gl("pod").or(gl("pod2")).or(gl("night"));
            let ap = match pod.as_deref() {
                Some("morning") => Some("am".to_string()),
                Some("night") if h < 5 => Some("am".to_string()),
                Some(_) => Some("pm".to_string()),
                None => gl("ap").map(|a| a.replace(['.', ' '], "")),
            };
            let h = match ap.as_deref() {
                Some("pm") if h < 12 => h + 12,
                Some("am") if h == 12 => 0,
                Some(_) if h > 12 || h == 0 => return None,
                _ => h,
            };
            if h > 24 {
                return None;
            }
            (h, mi)
        };
        let t = if mi == 0 && gl("hw").as_deref() == Some("midnight") {
            "24:00".to_string()
        } else {
            format!("{h:02}:{mi:02}")
        };
        // "18:00 UTC": a time in universal time carries the zone designator Z; "14:30 GMT+1",
        // "6:40 p.m. (GMT +8)": a local time and its offset from it, as ISO 8601 writes them
        // ("T14:30+01", "T09:00+05:30").
        let utc = |z: Option<String>| matches!(z.as_deref(), Some(z) if z.starts_with("gmt") || z.starts_with("utc"));
        let offset = match (g("off").or(g("poff")), g("oh").or(g("poh"))) {
            (Some(sign), Some(oh)) => {
                let oh: u8 = oh.parse().ok()?;
                let om: u8 = g("om").or(g("pom")).map_or(Some(0), |m| m.parse().ok())?;
                if oh > 14 || om > 59 {
                    return None;
                }
                Some(if oh == 0 && om == 0 {
                    "Z".to_string()
                } else if om == 0 {
                    format!("{sign}{oh:02}")
                } else {
                    format!("{sign}{oh:02}:{om:02}")
                })
            }
            _ => None,
        };
        let t = match offset {
            Some(o) if utc(gl("tz")) || g("ptz").is_some() => format!("{t}{o}"),
            _ if utc(gl("tz")) => format!("{t}Z"),
            _ => t,
        };
        // "5 p.m. EST, Nov. 6": the day named after the time.
        // The day after the time, with its weekday ("Monday, September 22") or without.
        let (gm, gd, gy) = (g("m").or(g("m2")), g("d").or(g("d2")), g("y").or(g("y2")));
        let named_day = match (gm.and_then(|m| self.lex.month(m)), gd.and_then(|d| d.parse::<i8>().ok())) {
            (Some(m), Some(d)) => match (gy.and_then(|y| y.parse::<i16>().ok()), dct) {
                (Some(y), _) => Some(Date::new(y, m, d).ok()?),
                (None, Some(dct)) => Some(year_for_day(dct, m, d, None, w.tense())?),
                (None, None) => None,
            },
            _ => None,
        };
        let day_named = named_day.is_some() || caps.name("wd").is_some();
        let mut anchor = Anchor::Dct;
        let day = match (gl("wd"), dct) {
            _ if named_day.is_some() => named_day,
            (Some(wdw), Some(dct)) => match wdw.as_str() {
                "today" => Some(dct),
                "yesterday" => dct.yesterday().ok(),
                "tomorrow" => dct.tomorrow().ok(),
                x => weekday(self.lex.weekday(x)?).and_then(|wd| weekday_near(dct, wd, w.tense_or_deadline())),
            },
            (None, Some(dct)) => {
                // "at 10:35 a.m. (0735 GMT) Friday": the weekday after a parenthesis.
                let rest = &w.text[w.end..ceil_boundary(w.text, w.end + 40)];
                let paren_wd = rest
                    .trim_start()
                    .strip_prefix('(')
                    .and_then(|r| r.split_once(')'))
                    .filter(|(inside, _)| inside.len() <= 24)
                    .and_then(|(_, r)| {
                        let word = r.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next()?;
                        weekday(self.lex.weekday(word).filter(|_| word.len() > 5)?)
                    });
                // A bare time tells of the day the text is on: the last day it named,
                // in this sentence or the two before, else the DCT. A story told in the
                // past stays on its day longer ("Gunmen stormed the hotel on Tuesday. ...
                // The shooting began at 10 p.m."): six sentences back.
                let reach = if w.tense() == Some(Tense::Past) { 6 } else { 2 };
                let prev_day = w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= reach).and_then(
                    |(p, i, _)| match p {
                        Point::Day(d) | Point::DayTime(d, _) => Some((*d, *i)),
                        _ => None,
                    },
                );
                if let Some(wd) = paren_wd {
                    weekday_near(dct, wd, w.tense_or_deadline())
                } else if let Some((d, i)) = prev_day {
                    anchor = Anchor::Prev(i);
                    Some(d)
                } else {
                    Some(dct)
                }
            }
            _ => None,
        };
        let m = gl("modw").map(|m| {
            if m.contains("after") {
                "AFTER"
            } else if m.contains("before") {
                "BEFORE"
            } else {
                "APPROX"
            }
        });
        let mut n = match day {
            Some(d) => Norm::point(Point::DayTime(d, t), anchor),
            None => Norm::new(TimexType::Time, format!("XXXX-XX-XXT{t}")),
        };
        n.ty = TimexType::Time;
        // A time with its day named ("3 a.m. on Saturday") tells the day the story is on, for
        // the bare times after it ("Police arrived at 3:20 a.m."); a bare time names no day.
        if !day_named {
            n.point = None;
        }
        Some(n.with_mod(m))
    }
}
