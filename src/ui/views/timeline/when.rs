//! Where a TIMEX3 value lies on the calendar: a DATE or TIME value as an interval of days
//! (first and last day, both included) and the grain it is given at; a DURATION's length.
//!
//! Owns: reading the values `crate::model::timex` accepts into days (calendar dates, months,
//! ISO weeks, seasons, quarters, halves, years, decades, centuries, the date part of a TIME)
//! and a duration's amounts. It must not: look at annotations or documents, or guess a year
//! that the value leaves open (`XXXX-08` stays unplaced, and the caller says why).

use jiff::civil::{Date, ISOWeekDate, Weekday};
use jiff::Span as JSpan;

/// The grain a value is given at, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    /// A duration drawn from its anchor.
    Duration,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Season => "season",
            Grain::Quarter => "quarter",
            Grain::Half => "half-year",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
            Grain::Duration => "duration",
        }
    }
}

/// An interval of whole days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days {
    pub first: Date,
    pub last: Date,
    pub grain: Grain,
}

/// Why a value has no place on the axis, in words.
pub const VAGUE_REF: &str = "a vague reference (past, present or future)";
pub const NO_YEAR: &str = "no year given";
pub const UNREADABLE: &str = "not a calendar value";

fn num(s: &str) -> Option<i16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn month(y: i16, m: i8) -> Option<Days> {
    let first = date(y, m, 1)?;
    Some(Days { first, last: first.last_of_month(), grain: Grain::Month })
}

fn range(y: i16, m1: i8, y2: i16, m2: i8, grain: Grain) -> Option<Days> {
    let first = date(y, m1, 1)?;
    let last = date(y2, m2, 1)?.last_of_month();
    Some(Days { first, last, grain })
}

/// The days of a DATE value (or of the date part of a TIME value), or why it has none.
pub fn days_of(value: &str) -> Result<Days, &'static str> {
    if value.ends_with("_REF") {
        return Err(VAGUE_REF);
    }
    let value = value.split('T').next().unwrap_or("");
    if value.starts_with("BC") {
        return Err(UNREADABLE);
    }
    let mut parts = value.split('-');
    let year = parts.next().unwrap_or("");
    if year.contains('X') || year.is_empty() {
        return Err(NO_YEAR);
    }
    let rest: Vec<&str> = parts.collect();
    let found = match (year.len(), rest.as_slice()) {
        (2, []) => num(year).and_then(|c| range(c * 100, 1, c * 100 + 99, 12, Grain::Century)),
        (3, []) => num(year).and_then(|d| range(d * 10, 1, d * 10 + 9, 12, Grain::Decade)),
        (4, _) => num(year).and_then(|y| within_year(y, &rest)),
        _ => None,
    };
    found.ok_or(UNREADABLE)
}

/// A value after a known four-digit year; an unknown part (`XX`) widens to what is known.
fn within_year(y: i16, rest: &[&str]) -> Option<Days> {
    let year = range(y, 1, y, 12, Grain::Year);
    let Some(first) = rest.first() else { return year };
    if first.contains('X') {
        return year;
    }
    if first.len() == 2 && first.bytes().all(|b| b.is_ascii_uppercase()) {
        return season(y, first);
    }
    match (first.as_bytes()[0], rest.get(1)) {
        (b'W', day) => week(y, num(&first[1..])?, day.copied()),
        (b'Q', None) => {
            let q = num(&first[1..])? as i8;
            (1..=4).contains(&q).then(|| range(y, q * 3 - 2, y, q * 3, Grain::Quarter))?
        }
        (b'H', None) => match *first {
            "H1" => range(y, 1, y, 6, Grain::Half),
            "H2" => range(y, 7, y, 12, Grain::Half),
            _ => None,
        },
        (_, None) => month(y, num(first)? as i8),
        (_, Some(d)) if d.contains('X') => month(y, num(first)? as i8),
        (_, Some(d)) => {
            let day = date(y, num(first)? as i8, num(d)? as i8)?;
            Some(Days { first: day, last: day, grain: Grain::Day })
        }
    }
}

fn season(y: i16, s: &str) -> Option<Days> {
    match s {
        "SP" => range(y, 3, y, 5, Grain::Season),
        "SU" => range(y, 6, y, 8, Grain::Season),
        "FA" => range(y, 9, y, 11, Grain::Season),
        "WI" => range(y, 12, y + 1, 2, Grain::Season),
        _ => None,
    }
}

fn week(y: i16, w: i16, day: Option<&str>) -> Option<Days> {
    let w = i8::try_from(w).ok()?;
    let at = |d: Weekday| ISOWeekDate::new(y, w, d).ok().map(|x| x.date());
    match day {
        None => Some(Days { first: at(Weekday::Monday)?, last: at(Weekday::Sunday)?, grain: Grain::Week }),
        Some("WE") => Some(Days { first: at(Weekday::Saturday)?, last: at(Weekday::Sunday)?, grain: Grain::Week }),
        Some(d) => {
            let wd = Weekday::from_monday_one_offset(i8::try_from(num(d)?).ok()?).ok()?;
            let day = at(wd)?;
            Some(Days { first: day, last: day, grain: Grain::Day })
        }
    }
}

/// A DURATION value's length as a calendar span (years, months, weeks, days; hours and smaller
/// are dropped), when every amount is a whole number; `None` for `PXW`, `P1.5Y`, `PT3H`.
pub fn length_of(value: &str) -> Option<JSpan> {
    let body = value.strip_prefix('P')?;
    let date_part = body.split('T').next().unwrap_or("");
    let mut span = JSpan::new();
    let mut amount = String::new();
    let mut any = false;
    for c in date_part.chars() {
        if c.is_ascii_digit() {
            amount.push(c);
            continue;
        }
        let n: i64 = amount.parse().ok()?;
        amount.clear();
        span = match c {
            'Y' => span.try_years(n).ok()?,
            'M' => span.try_months(n).ok()?,
            'W' => span.try_weeks(n).ok()?,
            'D' => span.try_days(n).ok()?,
            'Q' => span.try_months(n * 3).ok()?,
            'E' => span.try_years(n * 10).ok()?,
            _ => return None,
        };
        any = true;
    }
    (any && amount.is_empty()).then_some(span)
}

/// The days from `from` over a duration of `length` (the last day is the day before the
/// duration ends).
pub fn over(from: Date, length: JSpan) -> Option<Days> {
    let end = from.checked_add(length).ok()?;
    let last = end.yesterday().ok()?.max(from);
    Some(Days { first: from, last, grain: Grain::Duration })
}

/// A day as a count of days from 1970-01-01 (negative before), for drawing.
pub fn day_number(d: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let (y, m, dd) = (i64::from(d.year()), i64::from(d.month()), i64::from(d.day()));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether two intervals could name the same time: one lies inside the other.
pub fn nested(a: &Days, b: &Days) -> bool {
    (a.first <= b.first && b.last <= a.last) || (b.first <= a.first && a.last <= b.last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn span(v: &str) -> (Date, Date, Grain) {
        let x = days_of(v).unwrap();
        (x.first, x.last, x.grain)
    }

    #[test]
    fn calendar_values_become_their_days() {
        assert_eq!(span("2025-09-20"), (d("2025-09-20"), d("2025-09-20"), Grain::Day));
        assert_eq!(span("2025-08"), (d("2025-08-01"), d("2025-08-31"), Grain::Month));
        assert_eq!(span("2024-02"), (d("2024-02-01"), d("2024-02-29"), Grain::Month));
        assert_eq!(span("2021"), (d("2021-01-01"), d("2021-12-31"), Grain::Year));
        assert_eq!(span("2025-W38"), (d("2025-09-15"), d("2025-09-21"), Grain::Week));
        assert_eq!(span("2025-W38-5"), (d("2025-09-19"), d("2025-09-19"), Grain::Day));
        assert_eq!(span("2025-W38-WE"), (d("2025-09-20"), d("2025-09-21"), Grain::Week));
        assert_eq!(span("2025-Q3"), (d("2025-07-01"), d("2025-09-30"), Grain::Quarter));
        assert_eq!(span("2025-H1"), (d("2025-01-01"), d("2025-06-30"), Grain::Half));
        assert_eq!(span("2024-WI"), (d("2024-12-01"), d("2025-02-28"), Grain::Season));
        assert_eq!(span("199"), (d("1990-01-01"), d("1999-12-31"), Grain::Decade));
        assert_eq!(span("19"), (d("1900-01-01"), d("1999-12-31"), Grain::Century));
        assert_eq!(span("2025-09-19T15:00"), (d("2025-09-19"), d("2025-09-19"), Grain::Day));
        assert_eq!(span("2025-09-XX"), (d("2025-09-01"), d("2025-09-30"), Grain::Month));
        assert_eq!(span("2025-XX"), (d("2025-01-01"), d("2025-12-31"), Grain::Year));
    }

    #[test]
    fn open_values_say_why_they_have_no_place() {
        assert_eq!(days_of("PAST_REF"), Err(VAGUE_REF));
        assert_eq!(days_of("PRESENT_REF"), Err(VAGUE_REF));
        assert_eq!(days_of("XXXX-08"), Err(NO_YEAR));
        assert_eq!(days_of("XXXX-WXX-1"), Err(NO_YEAR));
        assert_eq!(days_of("2025-13"), Err(UNREADABLE));
        assert_eq!(days_of("2025-02-30"), Err(UNREADABLE));
        assert_eq!(days_of("BC0300"), Err(UNREADABLE));
        assert_eq!(days_of("2025-W54"), Err(UNREADABLE));
    }

    #[test]
    fn durations_have_a_length_when_every_amount_is_known() {
        let five_years = over(d("2025-06-01"), length_of("P5Y").unwrap()).unwrap();
        assert_eq!((five_years.first, five_years.last), (d("2025-06-01"), d("2030-05-31")));
        let two_weeks = over(d("2025-09-01"), length_of("P2W").unwrap()).unwrap();
        assert_eq!(two_weeks.last, d("2025-09-14"));
        assert!(length_of("PXW").is_none());
        assert!(length_of("P1.5Y").is_none());
        assert!(length_of("PT3H").is_none());
        assert!(length_of("2025").is_none());
    }

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number(d("1970-01-01")), 0);
        assert_eq!(day_number(d("2025-09-20")) - day_number(d("2025-09-14")), 6);
        assert_eq!(day_number(d("1969-12-31")), -1);
        assert_eq!(day_number(d("2000-03-01")) - day_number(d("2000-02-28")), 2);
    }

    #[test]
    fn nesting_is_containment_either_way() {
        let aug = days_of("2025-08").unwrap();
        let aug15 = days_of("2025-08-15").unwrap();
        let sep = days_of("2025-09").unwrap();
        assert!(nested(&aug, &aug15) && nested(&aug15, &aug));
        assert!(!nested(&aug, &sep));
    }
}
