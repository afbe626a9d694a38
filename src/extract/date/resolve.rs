//! Calendar points and their TIMEX3 values, calendar arithmetic (with jiff) and the
//! tense guess that decides which way a bare weekday or month points.
//!
//! Owns: [`Point`] (a date at some granularity), shifting it by calendar units, writing its
//! TIMEX3 value, and [`tense_near`]. It must not: match text patterns (the rules do).

use jiff::civil::{Date, Weekday};

/// A calendar unit of a TIMEX3 duration or shift.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit of a code from `units.txt`.
    pub fn from_code(c: &str) -> Option<Unit> {
        Some(match c {
            "S" => Unit::Second,
            "MI" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// True for hours, minutes and seconds (durations written `PT..`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// A TIMEX3 duration: `P4Y`, `PT3H`, `P2W`, `PXM` (amount `None`), `P1.5Y`.
    pub fn duration(self, amount: Option<f64>) -> String {
        let (amount, code) = match self {
            Unit::Fortnight => (amount.map(|a| a * 2.0), "W"),
            Unit::Second => (amount, "S"),
            Unit::Minute => (amount, "M"),
            Unit::Hour => (amount, "H"),
            Unit::Day => (amount, "D"),
            Unit::Week => (amount, "W"),
            Unit::Month => (amount, "M"),
            // TimeML writes a number of quarters in months (P9M); an unknown number stays PXQ.
            Unit::Quarter => match amount {
                Some(a) => (Some(a * 3.0), "M"),
                None => (None, "Q"),
            },
            Unit::Year => (amount, "Y"),
            // A known number of decades or centuries is written in years (`more than a decade`
            // is P10Y, as the seed gold and most of TimeBank write it); an unknown one keeps
            // its own unit (PXDE, PXCE).
            Unit::Decade => match amount {
                Some(a) => (Some(a * 10.0), "Y"),
                None => (None, "DE"),
            },
            Unit::Century => match amount {
                Some(a) => (Some(a * 100.0), "Y"),
                None => (None, "CE"),
            },
        };
        let n = match amount {
            None => "X".to_string(),
            Some(a) if a.fract() == 0.0 => format!("{}", a as i64),
            Some(a) => format!("{a}"),
        };
        // A fraction is written with the next smaller unit, as TimeBank writes it: `PT2H30M`,
        // `P2Y6M`, `PT1M30S`, `P1DT12H`.
        if let Some(a) = amount.filter(|a| a.fract() != 0.0 && *a > 0.0) {
            let whole = a.trunc() as i64;
            let part = |per: f64| (a.fract() * per).round() as i64;
            let lead = |u: &str| if whole > 0 { format!("{whole}{u}") } else { String::new() };
            match self {
                Unit::Hour => return format!("PT{}{}M", lead("H"), part(60.0)),
                Unit::Minute => return format!("PT{}{}S", lead("M"), part(60.0)),
                Unit::Year if (a * 12.0).fract() == 0.0 => return format!("P{}{}M", lead("Y"), part(12.0)),
                Unit::Day => return format!("P{}T{}H", lead("D"), part(24.0)),
                _ => {}
            }
        }
        if self.is_clock() {
            format!("PT{n}{code}")
        } else {
            format!("P{n}{code}")
        }
    }
}

/// A point on the calendar at some granularity; each writes one TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Point {
    Day(Date),
    /// A day and a time of day (`T15:00`) or part of day (`TMO`).
    DayTime(Date, String),
    Week(i16, i8),
    Weekend(i16, i8),
    Month(i16, i8),
    Quarter(i16, i8),
    Half(i16, i8),
    Season(i16, String),
    Year(i16),
    Decade(i16),
    Century(i16),
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match self {
            Point::Day(d) => day_value(*d),
            Point::DayTime(d, t) => format!("{}T{t}", day_value(*d)),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// A representative day of the point (its first day), for shifting.
    fn first_day(&self) -> Option<Date> {
        match self {
            Point::Day(d) | Point::DayTime(d, _) => Some(*d),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                jiff::civil::ISOWeekDate::new(*y, *w, Weekday::Monday).ok().map(|w| w.date())
            }
            Point::Month(y, m) => Date::new(*y, *m, 1).ok(),
            Point::Quarter(y, q) => Date::new(*y, (*q - 1) * 3 + 1, 1).ok(),
            Point::Half(y, h) => Date::new(*y, (*h - 1) * 6 + 1, 1).ok(),
            Point::Season(y, _) | Point::Year(y) => Date::new(*y, 1, 1).ok(),
            Point::Decade(_) | Point::Century(_) => None,
        }
    }

    /// This point moved by `n` units, keeping its own granularity (a quarter a year
    /// earlier is a quarter), or `None` when the shift does not apply.
    pub fn shift(&self, unit: Unit, n: i64) -> Option<Point> {
        match self {
            Point::Year(y) => {
                let years = match unit {
                    Unit::Year => n,
                    Unit::Decade => n * 10,
                    Unit::Century => n * 100,
                    _ => return at_unit(add(Date::new(*y, 7, 1).ok()?, unit, n)?, unit),
                };
                Some(Point::Year(i16::try_from(*y as i64 + years).ok()?))
            }
            Point::Season(y, s) => match unit {
                Unit::Year => Some(Point::Season(i16::try_from(*y as i64 + n).ok()?, s.clone())),
                _ => None,
            },
            Point::Decade(d) if unit == Unit::Decade => Some(Point::Decade(i16::try_from(*d as i64 + n).ok()?)),
            Point::Century(c) if unit == Unit::Century => Some(Point::Century(i16::try_from(*c as i64 + n).ok()?)),
            Point::Decade(_) | Point::Century(_) => None,
            Point::Quarter(y, q) if matches!(unit, Unit::Quarter | Unit::Year) => {
                let qs = if unit == Unit::Year { n * 4 } else { n };
                let idx = *y as i64 * 4 + (*q as i64 - 1) + qs;
                Some(Point::Quarter(i16::try_from(idx.div_euclid(4)).ok()?, (idx.rem_euclid(4) + 1) as i8))
            }
            Point::Half(y, h) if unit == Unit::Year => Some(Point::Half(i16::try_from(*y as i64 + n).ok()?, *h)),
            _ => {
                let d = add(self.first_day()?, unit, n)?;
                Some(match self {
                    Point::Day(_) => Point::Day(d),
                    Point::DayTime(_, t) => Point::DayTime(d, t.clone()),
                    Point::Week(..) => week_of(d),
                    Point::Weekend(..) => match week_of(d) {
                        Point::Week(y, w) => Point::Weekend(y, w),
                        p => p,
                    },
                    Point::Month(..) => Point::Month(d.year(), d.month()),
                    Point::Quarter(..) => Point::Quarter(d.year(), quarter_of(d)),
                    Point::Half(..) => Point::Half(d.year(), if d.month() <= 6 { 1 } else { 2 }),
                    _ => Point::Year(d.year()),
                })
            }
        }
    }
}

/// `YYYY-MM-DD`.
pub fn day_value(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The quarter (1..=4) of a day.
pub fn quarter_of(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

/// The ISO week of a day.
pub fn week_of(d: Date) -> Point {
    let w = d.iso_week_date();
    Point::Week(w.year(), w.week())
}

/// `d` moved by `n` units (clock units move by whole days, rounded towards `d`); `None` past
/// the calendar's range ("in 50000 years"). The spans are built with jiff's `try_` forms: its
/// plain ones panic out of range.
pub fn add(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let times = |k: i64| n.checked_mul(k);
    let span = jiff::Span::new();
    let span = match unit {
        Unit::Second | Unit::Minute => return Some(d),
        Unit::Hour => span.try_days(n / 24),
        Unit::Day => span.try_days(n),
        Unit::Week => span.try_weeks(n),
        Unit::Fortnight => span.try_weeks(times(2)?),
        Unit::Month => span.try_months(n),
        Unit::Quarter => span.try_months(times(3)?),
        Unit::Year => span.try_years(n),
        Unit::Decade => span.try_years(times(10)?),
        Unit::Century => span.try_years(times(100)?),
    };
    d.checked_add(span.ok()?).ok()
}

/// The point of granularity `unit` that contains `d` (`2025-W38` for a week).
pub fn at_unit(d: Date, unit: Unit) -> Option<Point> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
        Unit::Week | Unit::Fortnight => week_of(d),
        Unit::Month => Point::Month(d.year(), d.month()),
        Unit::Quarter => Point::Quarter(d.year(), quarter_of(d)),
        Unit::Year => Point::Year(d.year()),
        Unit::Decade => Point::Decade(d.year().div_euclid(10)),
        Unit::Century => Point::Century(d.year().div_euclid(100)),
    })
}

/// The unresolved TIMEX3 value of a point of granularity `unit` (no DCT).
pub fn unknown_at_unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
}

/// The weekday of an ISO number (1 = Monday).
pub fn weekday(n: i8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n).ok()
}

/// Which way the verbs around an expression point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "won't",
    "won’t",
    "scheduled",
    "upcoming",
    "until",
    "till",
    "tomorrow",
    "going",
    "expects",
    "expect",
    "plans",
    "planning",
    "intends",
];
/// Weaker signs of a future reading (reported or planned): they lose to a past verb
/// that is about as near.
const WEAK_FUTURE: &[&str] = &[
    "would",
    "expected",
    "due",
    "scheduled",
    "effective",
    "planned",
    "anticipate",
    "payable",
    "expires",
    "begins",
    "starts",
    "resumes",
    "effect",
];
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "ago",
    "last",
    "yesterday",
    "went",
    "came",
    "left",
    "took",
    "met",
    "made",
    "gave",
    "saw",
    "began",
    "fell",
    "rose",
    "held",
    "won",
    "lost",
    "sent",
    "spent",
    "paid",
    "sold",
    "bought",
    "struck",
    "got",
    "became",
    "wrote",
    "spoke",
    "ran",
    "fled",
    "broke",
    "hit",
    "put",
    "cut",
    "found",
    "felt",
    "kept",
    "led",
    "brought",
    "thought",
    "stood",
    "shot",
    "seized",
    // Irregular past forms of news verbs (the -ed rule finds the regular ones).
    "grew",
    "drew",
    "threw",
    "flew",
    "knew",
    "caught",
    "sought",
    "fought",
    "sank",
    "swore",
    "drove",
    "froze",
    "chose",
    "arose",
    "slid",
    "bled",
    "built",
    "dealt",
    "meant",
    "slept",
    "swept",
    "hung",
    "stuck",
    "swung",
    "shook",
    "withdrew",
    "oversaw",
    "overtook",
    "undertook",
    "stole",
    "understood",
    "upheld",
    "rang",
    "rode",
    "wore",
    "tore",
    "earlier",
    "wasn't",
    "weren't",
    "didn't",
    "hadn't",
    "been",
];
/// Words ending in -ed that are no past verbs (`data/dates/not_past_ed.txt`).
fn not_past_ed() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../../data/dates/not_past_ed.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}
const PRESENT: &[&str] = &["is", "are", "am", "has", "have", "does", "do", "isn't", "aren't", "says", "say"];

/// Every tense marker word: (tense, weak). A word in several lists takes the first:
/// future, weak future, past, present. Fx-hashed: asked about every word near a date.
fn markers() -> &'static rustc_hash::FxHashMap<&'static str, (Tense, bool)> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, (Tense, bool)>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (list, t, weak) in [
            (FUTURE, Tense::Future, false),
            (WEAK_FUTURE, Tense::Future, true),
            (PAST, Tense::Past, false),
            (PRESENT, Tense::Present, false),
        ] {
            for w in list {
                m.entry(*w).or_insert((t, weak));
            }
        }
        m
    })
}

/// True when `word` (as written) is a past verb by the tense lists: a strong past marker
/// ("began", "held") or a lowercase -ed form that is no adjective or number ("elected",
/// "signed"); "planned", "expected", "scheduled" look ahead and are not.
pub fn is_past_verb(word: &str) -> bool {
    if word.len() > 24 || word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 24];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[..word.len()].make_ascii_lowercase();
    let Ok(w) = std::str::from_utf8(&buf[..word.len()]) else {
        return false;
    };
    match markers().get(w) {
        Some(&(t, _)) => t == Tense::Past && !matches!(w, "ago" | "last" | "yesterday" | "earlier" | "been"),
        None => w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !not_past_ed().contains(w),
    }
}

/// True when the words before a preposition of extent (`until`, `till`, `through`) end with
/// a past verb that the preposition completes: "lasted until Feb 2", "stayed through March",
/// "it wasn't until Tuesday", "remained in office until 1974" (a short object between them
/// is allowed). A verb that moves an event to a later date ("postponed until", "extended
/// until", "given until") still looks ahead, as does anything else.
pub fn past_verb_before(before: &str) -> bool {
    let mut seen = 0;
    for w in before.rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’')) {
        if w.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 4 {
            return false;
        }
        let lw = w.to_ascii_lowercase();
        // Adverbs and a short complement between the verb and the preposition.
        if matches!(
            lw.as_str(),
            "not"
                | "only"
                | "just"
                | "up"
                | "right"
                | "even"
                | "still"
                | "in"
                | "on"
                | "office"
                | "power"
                | "there"
                | "here"
                | "open"
                | "closed"
                | "shut"
                | "the"
                | "a"
                | "an"
                | "place"
                | "effect"
                | "force"
                | "session"
        ) {
            continue;
        }
        return !is_delay_verb(&lw) && is_past_verb(w);
    }
    false
}

/// Verbs that move an event to a later date or grant time until one: with them `until`
/// still looks ahead ("the vote was postponed until Monday", "they were given until Friday").
fn is_delay_verb(w: &str) -> bool {
    matches!(
        w,
        "postponed"
            | "delayed"
            | "adjourned"
            | "extended"
            | "deferred"
            | "suspended"
            | "rescheduled"
            | "pushed"
            | "put"
            | "moved"
            | "given"
            | "granted"
            | "gave"
            | "set"
            | "recessed"
            | "scheduled"
            | "planned"
            | "expected"
    )
}

/// The tense of the words nearest to byte range `at` inside `sentence` (a byte range of
/// `text`): the closest tense marker wins, future markers ("will", "until", "scheduled")
/// first among equals. `None` when the sentence has no marker.
pub fn tense_near(text: &str, sentence: (usize, usize), at: (usize, usize)) -> Option<Tense> {
    // Markers further than this from the date never decide in practice; the bound keeps a
    // text without sentence breaks linear.
    const REACH: usize = 400;
    let mut a = sentence.0.max(at.0.saturating_sub(REACH));
    while a > sentence.0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = sentence.1.min(at.1 + REACH).max(a);
    while b < sentence.1 && !text.is_char_boundary(b) {
        b += 1;
    }
    let sentence = (a, b);
    let s = text.get(sentence.0..sentence.1)?;
    let mut best: Option<(usize, Tense)> = None;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'\'') {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'\'') {
            i += 1;
        }
        let (ws, we) = (sentence.0 + start, sentence.0 + i);
        if ws >= at.0 && we <= at.1 {
            continue;
        }
        // Lower-cased into a stack buffer: no allocation per word of the sentence.
        let raw = &bytes[start..i];
        if raw.len() > 24 {
            continue;
        }
        let mut buf = [0u8; 24];
        buf[..raw.len()].copy_from_slice(raw);
        buf[..raw.len()].make_ascii_lowercase();
        let Ok(w) = std::str::from_utf8(&buf[..raw.len()]) else {
            continue;
        };
        let (t, weak) = match markers().get(w) {
            Some(&(t, weak)) => (Some(t), weak),
            None if w.ends_with("'ll") => (Some(Tense::Future), false),
            // A past participle or preterite, but not a name ("United", "Limited") nor an
            // adjective or number that only looks like one ("hundred", "sacred").
            None if w.len() > 4
                && w.ends_with("ed")
                && !w.ends_with("eed")
                && !raw[0].is_ascii_uppercase()
                && !not_past_ed().contains(w) =>
            {
                (Some(Tense::Past), false)
            }
            None => (None, false),
        };
        if t.is_none() {
            continue;
        }
        // "lasted until Feb 2": the preposition follows a past verb and takes its tense.
        if matches!(w, "until" | "till") && past_verb_before(&s[..start]) {
            continue;
        }
        // "takes effect", "goes into effect": the present of a scheduled change looks ahead;
        // "the effect of", "had an effect on" do not.
        if w == "effect" {
            let pw = s[..start].trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if !matches!(pw.to_ascii_lowercase().as_str(), "takes" | "take" | "taking" | "into") {
                continue;
            }
        }
        // "vacation plans", "the plans for": a noun, no intention; only "plans to" looks ahead.
        if w == "plans" {
            let next = s[i..].trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if !next.eq_ignore_ascii_case("to") {
                continue;
            }
        }
        // "the planned trip", "as previously planned": an adjective or a plan already made,
        // no sign that the date is ahead.
        if w == "planned" {
            let pw = s[..start].trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            let pw = pw.to_ascii_lowercase();
            if pw.len() > 3 && pw.ends_with("ly")
                || matches!(pw.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this")
            {
                continue;
            }
        }
        // A participle after a form of "be" takes its tense from the auxiliary
        // ("will be held", "was held").
        let after_be = s[..start].trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().is_some_and(|p| {
            p.eq_ignore_ascii_case("be") || p.eq_ignore_ascii_case("been") || p.eq_ignore_ascii_case("being")
        });
        if after_be {
            continue;
        }
        // "expected to hit Sunday", "plans to cut": a verb after the infinitive "to" is its
        // base form ("hit", "cut", "put" only look like a preterite), no past.
        if t == Some(Tense::Past) && !weak {
            let pw = s[..start].trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if pw.eq_ignore_ascii_case("to") && !w.ends_with("ed") && !matches!(w, "ago" | "last" | "earlier") {
                continue;
            }
        }
        if let Some(t) = t {
            let dist = if we <= at.0 { at.0 - we } else { ws.saturating_sub(at.1) };
            // Present-tense auxiliaries say little; a past or future marker beats them.
            let dist = if t == Tense::Present {
                dist + 40
            } else if weak {
                dist + 15
            } else {
                dist
            };
            // "have until Saturday": a future marker right before the date is decisive.
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
        }
    }
    best.map(|(_, t)| t)
}

/// The day named by weekday `wd` nearest to `dct` in the direction of `tense`: past
/// (and unknown) = the latest on or before the DCT, future = the first on or after it.
pub fn weekday_near(dct: Date, wd: Weekday, tense: Option<Tense>) -> Option<Date> {
    match tense {
        Some(Tense::Future) => {
            let n = dct.weekday().until(wd) as i64;
            dct.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
        }
        _ => {
            let n = wd.until(dct.weekday()) as i64;
            dct.checked_sub(jiff::Span::new().try_days(n).ok()?).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn shifts_and_values() {
        assert_eq!(Point::Quarter(1989, 3).shift(Unit::Year, -1), Some(Point::Quarter(1988, 3)));
        assert_eq!(Point::Quarter(1989, 1).shift(Unit::Quarter, -1), Some(Point::Quarter(1988, 4)));
        assert_eq!(week_of(d("2025-09-19")).value(), "2025-W38");
        assert_eq!(Point::Day(d("2025-09-19")).shift(Unit::Day, 1).unwrap().value(), "2025-09-20");
        assert_eq!(Unit::Year.duration(Some(4.0)), "P4Y");
        assert_eq!(Unit::Hour.duration(Some(24.0)), "PT24H");
        assert_eq!(Unit::Week.duration(None), "PXW");
        assert_eq!(Unit::Decade.duration(Some(1.0)), "P10Y");
        assert_eq!(Unit::Decade.duration(None), "PXDE");
    }

    /// jiff's plain span builders panic past their range: every amount a text can give is
    /// answered, beyond the calendar with `None`.
    #[test]
    fn a_shift_past_the_calendar_is_none_not_a_panic() {
        let dct = d("2025-09-19");
        assert_eq!(add(dct, Unit::Year, 50_000), None);
        assert_eq!(add(dct, Unit::Day, -9_000_000), None);
        assert_eq!(add(dct, Unit::Century, i64::MAX), None);
        assert_eq!(add(dct, Unit::Fortnight, i64::MIN), None);
        assert_eq!(add(dct, Unit::Decade, 3), Some(d("2055-09-19")));
        for text in ["It will happen in 50000 years.", "They left 9000000 days ago.", "in 3000 centuries from now"] {
            let doc = crate::model::Document::new("t", text, Some(dct)).unwrap();
            let _ = crate::extract::Pipeline::default().run(&doc);
        }
    }

    #[test]
    fn weekdays_follow_tense() {
        let dct = d("2025-09-19");
        assert_eq!(weekday_near(dct, Weekday::Saturday, Some(Tense::Future)), Some(d("2025-09-20")));
        assert_eq!(weekday_near(dct, Weekday::Sunday, Some(Tense::Past)), Some(d("2025-09-14")));
        assert_eq!(weekday_near(dct, Weekday::Friday, None), Some(d("2025-09-19")));
    }

    #[test]
    fn tense_markers() {
        let t = "The diplomats have until Saturday to leave.";
        let at = (t.find("Saturday").unwrap(), t.find("Saturday").unwrap() + 8);
        assert_eq!(tense_near(t, (0, t.len()), at), Some(Tense::Future));
        let t = "They left on Sunday.";
        let at = (t.find("Sunday").unwrap(), t.find("Sunday").unwrap() + 6);
        assert_eq!(tense_near(t, (0, t.len()), at), Some(Tense::Past));
    }
}
