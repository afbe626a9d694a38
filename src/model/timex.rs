//! The TIMEX3 value grammar: is a DATE's `value` well formed for its `type`, is its `mod` one
//! of TIMEX3's.
//!
//! Owns: the value grammar of TimeML 1.2 / ISO-TimeML as annotators and HeidelTime write it
//! (calendar points with `X` placeholders, weeks, seasons, quarters, halves, decades and
//! centuries, the `*_REF` values, times of day and parts of day, durations with `X` amounts,
//! sets), with real calendar checks through jiff. It must not: look at annotations, documents
//! or files (that is `validate.rs` and `formats/`), or repair a value.
//!
//! What is accepted, per type:
//! - DATE: `PRESENT_REF` `PAST_REF` `FUTURE_REF`; an optional `BC` then a year of four digits
//!   or `X` (`2025`, `19XX`, `XXXX`), a decade (`199`) or a century (`19`); after a four-place
//!   year `-MM`, `-MM-DD`, `-Www`, `-Www-d`, `-Www-WE`, `-SP|SU|FA|WI`, `-Q1..4|QX`,
//!   `-H1|H2|HX`. Any digit may be `X`; what is known is checked (month 1-12, the day against
//!   that month in that year, or 29 February when the year is unknown, week 1-52 or 53 in
//!   long ISO years, weekday 1-7).
//! - TIME: an optional DATE (not a `*_REF`), `T`, then `hh`, `hh:mm`, `hh:mm:ss[.f]`
//!   (or without colons) with an optional zone (`Z`, `+01`, `-05:00`), or a part of day
//!   `MO` `MI` `AF` `EV` `NI` `DT`. `PRESENT_REF` and the other `*_REF` are accepted too.
//! - DURATION: `P`, amounts (digits, a decimal, or `X`) each with a unit `ML` `CE` `DE` `Y`
//!   `Q` `M` `W` `D` in that order, then optionally `T` and `H` `M` `S`; `PXX` (unknown amount
//!   of an unknown unit) too.
//! - SET: a DURATION (`P1W`), or a DATE or TIME (`XXXX-WXX-1`, `XXXX-XX-XXTNI`, `TNI`).

use super::TimexType;
use jiff::civil::{Date, ISOWeekDate, Weekday};

/// TIMEX3's `mod` values.
pub const MODS: [&str; 12] = [
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "APPROX",
];

/// The values that point at the present, the past or the future without a date.
const REFS: [&str; 3] = ["PRESENT_REF", "PAST_REF", "FUTURE_REF"];

/// Checks a TIMEX3 value against its type; Err holds a short reason in words
/// (e.g. "month 13 does not exist", "a DURATION value starts with P").
pub fn check_value(timex_type: TimexType, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("the value is empty".into());
    }
    if value.chars().any(char::is_whitespace) {
        return Err("a TIMEX3 value has no spaces".into());
    }
    if let Some(c) = value.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(format!("a TIMEX3 value is made of ASCII letters, digits and - : . + _, not {c:?}"));
    }
    match timex_type {
        TimexType::Date => {
            if value.starts_with('P') && !REFS.contains(&value) {
                return Err("a DATE value names a point on the calendar (2025-09-19, 2025-W38, XXXX-09); \
                     a value starting with P is a DURATION"
                    .into());
            }
            if value.contains('T') && !REFS.contains(&value) {
                return Err("a DATE value has no time of day: a value with T is a TIME".into());
            }
            check_date(value, true)
        }
        TimexType::Time => {
            if REFS.contains(&value) {
                return Ok(());
            }
            if value.starts_with('P') {
                return Err("a TIME value is a point in time (2025-09-19T15:00, XXXX-XX-XXTNI); \
                     a value starting with P is a DURATION"
                    .into());
            }
            check_time(value)
        }
        TimexType::Duration => {
            if !value.starts_with('P') || REFS.contains(&value) {
                return Err("a DURATION value starts with P (P3D, PT2H, PXY)".into());
            }
            check_duration(value)
        }
        TimexType::Set => {
            if value.starts_with('P') && !REFS.contains(&value) {
                check_duration(value)
            } else if value.contains('T') && !REFS.contains(&value) {
                check_time(value)
            } else if REFS.contains(&value) {
                Err("a SET value is a duration (P1W) or a date or time with X (XXXX-WXX-1, TNI), \
                     not a reference to the present, past or future"
                    .into())
            } else {
                check_date(value, false)
            }
        }
    }
}

/// Checks a TIMEX3 `mod` against TIMEX3's list (BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER,
/// LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, START, MID, END, APPROX).
pub fn check_mod(value: &str) -> Result<(), String> {
    if MODS.contains(&value) {
        Ok(())
    } else {
        Err(format!("{value:?} is not a TIMEX3 mod (one of {})", MODS.join(", ")))
    }
}

/// A number of `digits.len()` places, each a digit or `X`. `Ok(Some(n))` when all are
/// digits and `lo <= n <= hi`; `Ok(None)` when some are `X` and some completion lies in
/// the range; otherwise a reason naming `what`.
fn field(digits: &str, lo: u32, hi: u32, what: &str) -> Result<Option<u32>, String> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err(format!("{what} {digits:?} is not {} digits or X", digits.len().max(1)));
    }
    if !digits.contains('X') {
        let n: u32 = digits.parse().map_err(|_| format!("{what} {digits} is not a number"))?;
        return if (lo..=hi).contains(&n) { Ok(Some(n)) } else { Err(format!("{what} {n} does not exist")) };
    }
    let width = digits.len();
    let fits = (lo..=hi).any(|n| {
        let s = format!("{n:0width$}");
        s.len() == width && s.bytes().zip(digits.bytes()).all(|(a, b)| b == b'X' || a == b)
    });
    if fits {
        Ok(None)
    } else {
        Err(format!("{what} {digits} does not exist"))
    }
}

/// A DATE (calendar point); `refs` allows the `*_REF` values.
fn check_date(value: &str, refs: bool) -> Result<(), String> {
    if REFS.contains(&value) {
        return if refs { Ok(()) } else { Err(format!("{value} cannot carry a time of day")) };
    }
    let body = value.strip_prefix("BC").unwrap_or(value);
    let mut parts = body.split('-');
    let year_s = parts.next().unwrap_or_default();
    if year_s.is_empty() || !year_s.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err("a date starts with a year (2025, 19XX, XXXX), a decade (199) or a century (19), \
             or is PRESENT_REF, PAST_REF or FUTURE_REF"
            .into());
    }
    let rest: Vec<&str> = parts.collect();
    match year_s.len() {
        4 => {}
        2 | 3 if rest.is_empty() => return Ok(()),
        2 | 3 => return Err(format!("a {} ({year_s}) has no months or weeks", decade_or_century(year_s))),
        _ => return Err(format!("the year {year_s} is not four digits or X")),
    }
    let year: Option<i16> = if year_s.contains('X') { None } else { year_s.parse().ok() };
    match rest.as_slice() {
        [] => Ok(()),
        [m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit() || b == b'X') => {
            field(m, 1, 12, "month").map(|_| ())
        }
        [m, d] if m.len() == 2 && d.len() == 2 => check_day(year, m, d),
        [w] if w.starts_with('W') && w.len() == 3 => check_week(year, &w[1..], None),
        [w, d] if w.starts_with('W') && w.len() == 3 => check_week(year, &w[1..], Some(d)),
        [s] if ["SP", "SU", "FA", "WI"].contains(s) => Ok(()),
        [q] if q.len() == 2 && q.starts_with('Q') => field(&q[1..], 1, 4, "quarter").map(|_| ()),
        [h] if h.len() == 2 && h.starts_with('H') => field(&h[1..], 1, 2, "half").map(|_| ()),
        _ => Err(format!(
            "after the year comes -MM, -MM-DD, -Www, -Www-d, -Www-WE, a season (-SP, -SU, -FA, -WI), \
             a quarter (-Q1 to -Q4) or a half (-H1, -H2), not -{}",
            rest.join("-")
        )),
    }
}

fn decade_or_century(year_s: &str) -> &'static str {
    if year_s.len() == 3 {
        "decade"
    } else {
        "century"
    }
}

/// `-MM-DD` after a year that may be unknown.
fn check_day(year: Option<i16>, m: &str, d: &str) -> Result<(), String> {
    let month = field(m, 1, 12, "month")?;
    let day = field(d, 1, 31, "day")?;
    let (Some(month), Some(day)) = (month, day) else {
        // A partly unknown day must fit the month (29 February when the year may be a leap
        // year); with a partly unknown month, every day 1-31 fits some month.
        if let Some(month) = month {
            let last = Date::new(year.unwrap_or(2000), month as i8, 1).map(|x| x.days_in_month()).unwrap_or(31);
            field(d, 1, last as u32, "day").map_err(|_| format!("{} has no day {d}", MONTHS[month as usize - 1]))?;
        }
        return Ok(());
    };
    // An unknown year may be a leap year: 29 February stands.
    let y = year.unwrap_or(2000);
    if Date::new(y, month as i8, day as i8).is_ok() {
        return Ok(());
    }
    if month == 2 && day == 29 {
        Err(format!("{y} is not a leap year: February has no day 29"))
    } else {
        Err(format!("{} has no day {day}", MONTHS[month as usize - 1]))
    }
}

/// The months' names in English, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `-Www` with an optional `-d` or `-WE` after a year that may be unknown.
fn check_week(year: Option<i16>, w: &str, day: Option<&&str>) -> Result<(), String> {
    let week = field(w, 1, 53, "week")?;
    let weekday = match day {
        None => None,
        Some(&"WE") => None,
        Some(d) if d.len() == 1 => field(d, 1, 7, "weekday")?,
        Some(d) => return Err(format!("after a week comes a weekday 1-7 or WE, not {d}")),
    };
    if let (Some(y), Some(53)) = (year, week) {
        let wd = Weekday::from_monday_one_offset(weekday.unwrap_or(1) as i8).unwrap_or(Weekday::Monday);
        if ISOWeekDate::new(y, 53, wd).is_err() {
            return Err(format!("{y} has 52 ISO weeks: week 53 does not exist"));
        }
    }
    Ok(())
}

/// A TIME: an optional date, `T`, a time of day or a part of day, an optional zone.
fn check_time(value: &str) -> Result<(), String> {
    let Some((date, time)) = value.split_once('T') else {
        return Err("a TIME value has a time of day after T (2025-09-19T15:00, XXXX-XX-XXTNI)".into());
    };
    if !date.is_empty() {
        check_date(date, false)?;
    }
    if ["MO", "MI", "AF", "EV", "NI", "DT"].contains(&time) {
        return Ok(());
    }
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => (time, ""),
    };
    check_zone(zone)?;
    let (hms, frac) = match clock.split_once(['.', ',']) {
        Some((a, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (a, true),
        Some((_, f)) => return Err(format!("the fraction of a second {f:?} is not digits")),
        None => (clock, false),
    };
    let parts: Vec<&str> = if hms.contains(':') {
        hms.split(':').collect()
    } else {
        // hh, hhmm, hhmmss without colons.
        (0..hms.len()).step_by(2).map(|i| hms.get(i..(i + 2).min(hms.len())).unwrap_or_default()).collect()
    };
    let clock_like = |p: &&str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(clock_like) {
        return Err(format!(
            "after T comes hh, hh:mm or hh:mm:ss, or a part of day (MO, MI, AF, EV, NI, DT), not {time:?}"
        ));
    }
    if frac && parts.len() < 3 {
        return Err("a fraction follows seconds only".into());
    }
    let hour = field(parts[0], 0, 24, "hour")?;
    if let Some(m) = parts.get(1) {
        field(m, 0, 59, "minute")?;
    }
    if let Some(s) = parts.get(2) {
        field(s, 0, 60, "second")?;
    }
    if hour == Some(24) && (parts[1..].iter().any(|p| *p != "00") || frac) {
        return Err("after hour 24 only :00 may follow".into());
    }
    Ok(())
}

/// A zone after a time: empty, `Z`, `+hh`, `+hhmm`, `+hh:mm` (or `-`).
fn check_zone(zone: &str) -> Result<(), String> {
    if zone.is_empty() || zone == "Z" {
        return Ok(());
    }
    let Some(z) = zone.strip_prefix(['+', '-']) else {
        return Err(format!("the time zone {zone:?} is not Z, +hh, +hhmm or +hh:mm"));
    };
    let (h, m) = match (z.len(), z.split_once(':')) {
        (2, None) => (z, None),
        (4, None) => (&z[..2], Some(&z[2..])),
        (5, Some((h, m))) => (h, Some(m)),
        _ => return Err(format!("the time zone {zone:?} is not Z, +hh, +hhmm or +hh:mm")),
    };
    let bad = |s: &str| s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit());
    if bad(h) || m.is_some_and(bad) {
        return Err(format!("the time zone {zone:?} is not Z, +hh, +hhmm or +hh:mm"));
    }
    field(h, 0, 14, "zone hour")?;
    if let Some(m) = m {
        field(m, 0, 59, "zone minute")?;
    }
    Ok(())
}

/// Units of a duration's date part, in the order they are written.
const DATE_UNITS: [&str; 8] = ["ML", "CE", "DE", "Y", "Q", "M", "W", "D"];
/// Units of a duration's time part, in order.
const TIME_UNITS: [&str; 3] = ["H", "M", "S"];

/// A DURATION: `P`, amount-unit pairs, optionally `T` and more pairs; or `PXX`.
fn check_duration(value: &str) -> Result<(), String> {
    let body = &value[1..];
    if body == "XX" {
        return Ok(());
    }
    let (date, time) = match body.split_once('T') {
        Some((_, "")) => return Err("a duration needs an amount and a unit after T (PT2H, P1DT12H)".into()),
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    if date.is_empty() && time.is_none() {
        return Err("a duration needs an amount and a unit after P (P3D, PT2H, PXY)".into());
    }
    check_amounts(date, &DATE_UNITS, "before T")?;
    if let Some(t) = time {
        check_amounts(t, &TIME_UNITS, "after T")?;
    }
    Ok(())
}

/// Amount-unit pairs (`3D`, `2.5Y`, `XW`) with units from `units`, in that order, each once.
fn check_amounts(s: &str, units: &[&str], place: &str) -> Result<(), String> {
    let mut rest = s;
    let mut next_unit = 0;
    while !rest.is_empty() {
        let n = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == 'X')).unwrap_or(rest.len());
        let amount = &rest[..n];
        let ok_amount = amount == "X"
            || amount.split_once(['.', ',']).map_or_else(
                || !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit()),
                |(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.bytes().all(|c| c.is_ascii_digit())
                        && b.bytes().all(|c| c.is_ascii_digit())
                },
            );
        if !ok_amount {
            return Err(if amount.is_empty() {
                format!("a unit {place} needs an amount before it (digits or X), at {rest:?}")
            } else {
                format!("{amount:?} is not an amount (digits, a decimal, or X)")
            });
        }
        rest = &rest[n..];
        let Some(i) = units.iter().position(|u| rest.starts_with(u)) else {
            return Err(format!("{rest:?} does not start with a unit {place} ({})", units.join(", ")));
        };
        if i < next_unit {
            return Err(format!("the unit {} comes too late {place} (units go {})", units[i], units.join(", ")));
        }
        next_unit = i + 1;
        rest = &rest[units[i].len()..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use TimexType::{Date as D, Duration as P, Set as S, Time as T};

    fn ok(t: TimexType, v: &str) {
        assert_eq!(check_value(t, v), Ok(()), "{} {v}", t.as_str());
    }
    fn bad(t: TimexType, v: &str, reason: &str) {
        let err = check_value(t, v).expect_err(v);
        assert!(err.contains(reason), "{} {v}: {err}", t.as_str());
    }

    #[test]
    fn dates() {
        for v in [
            "2025",
            "2025-09",
            "2025-09-19",
            "2024-02-29",
            "XXXX-XX-XX",
            "XXXX-09-19",
            "XXXX-02-29",
            "19XX",
            "199X",
            "XXXX-09",
            "199",
            "19",
            "2025-W38",
            "2025-WXX",
            "XXXX-WXX-1",
            "2025-W38-WE",
            "2025-W38-7",
            "2020-W53",
            "2025-SP",
            "XXXX-WI",
            "2025-Q1",
            "XXXX-QX",
            "2025-H2",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "BC0044",
            "2025-1X",
            "2025-09-3X",
        ] {
            ok(D, v);
        }
        bad(D, "2021-13-45", "month 13 does not exist");
        bad(D, "2021-02-29", "2021 is not a leap year");
        bad(D, "2025-04-31", "April has no day 31");
        bad(D, "2025-09-00", "day 0 does not exist");
        bad(D, "XXXX-02-30", "February has no day 30");
        bad(D, "XXXX-02-3X", "February has no day 3X");
        bad(D, "2025-02-29", "2025 is not a leap year");
        bad(D, "banana", "starts with a year");
        bad(D, "P3D", "DURATION");
        bad(D, "2025-09-19T10:00", "TIME");
        bad(D, "2025-W54", "week 54 does not exist");
        bad(D, "2025-W53", "52 ISO weeks");
        bad(D, "2025-W38-8", "weekday 8 does not exist");
        bad(D, "2025-Q5", "quarter 5 does not exist");
        bad(D, "2025-H3", "half 3 does not exist");
        bad(D, "2025-AU", "after the year");
        bad(D, "2025-2X", "month 2X does not exist");
        bad(D, "20250", "four digits");
        bad(D, "199-09", "decade");
        bad(D, "xxxx-09", "starts with a year");
        bad(D, "2025-09-19 ", "no spaces");
        bad(D, "", "empty");
        bad(D, "present_ref", "starts with a year");
    }

    #[test]
    fn times() {
        for v in [
            "2025-09-19T15:00",
            "2025-09-19T15",
            "2025-09-19T15:00:30",
            "2025-09-19T15:00:30.25",
            "2025-09-19T1500",
            "2025-09-19T15:00Z",
            "2025-09-19T15:00+01:00",
            "2025-09-19T15:00-0500",
            "2025-09-19T24:00",
            "XXXX-XX-XXTNI",
            "2025-09-19TMO",
            "XXXX-WXX-1TEV",
            "T15:00",
            "TXX:30",
            "PRESENT_REF",
        ] {
            ok(T, v);
        }
        bad(T, "2025-09-19T25:00", "hour 25 does not exist");
        bad(T, "2025-09-19T12:60", "minute 60 does not exist");
        bad(T, "2025-09-19T24:30", "hour 24");
        bad(T, "2025-09-19T24:XX", "hour 24");
        bad(T, "2025-09-19", "after T");
        bad(T, "2025-09-19TXY", "part of day");
        bad(T, "2021-13-01T10:00", "month 13");
        bad(T, "2025-09-19T10:00+25", "zone hour 25");
        bad(T, "T00Z00", "time zone");
        bad(T, "T15+aéb", "ASCII");
        bad(T, "PT2H", "DURATION");
        bad(T, "banana", "after T");
    }

    #[test]
    fn durations() {
        for v in [
            "P3D", "PT2H", "PXY", "P1Y6M", "P2.5Y", "P1DT12H", "PT1M30S", "PXX", "PXDE", "PXCE", "PXQ", "P10Y", "P1W",
            "PT0.5S", "P1ML",
        ] {
            ok(P, v);
        }
        bad(P, "2025-09-19", "starts with P");
        bad(P, "banana", "starts with P");
        bad(P, "P", "needs an amount");
        bad(P, "PT", "needs an amount");
        bad(P, "P3DT", "needs an amount and a unit after T");
        bad(P, "P3", "does not start with a unit");
        bad(P, "PD", "needs an amount");
        bad(P, "P3Z", "does not start with a unit");
        bad(P, "P1D1Y", "comes too late");
        bad(P, "P1.Y", "not an amount");
        bad(P, "PT3D", "after T");
        bad(P, "PAST_REF", "starts with P");
    }

    #[test]
    fn sets() {
        for v in ["P1W", "XXXX-WXX-1", "TNI", "XXXX-XX-XXTNI", "P1D", "XXXX-XX", "XXXX-WXX-1TMO"] {
            ok(S, v);
        }
        bad(S, "banana", "starts with a year");
        bad(S, "PRESENT_REF", "SET");
        bad(S, "XXXX-WXX-9", "weekday 9");
        bad(S, "P1Q1", "unit");
    }

    #[test]
    fn mods() {
        for m in MODS {
            assert_eq!(check_mod(m), Ok(()));
        }
        for m in ["", "approx", "ABOUT", "BEFORE "] {
            let err = check_mod(m).unwrap_err();
            assert!(err.contains("not a TIMEX3 mod") && err.contains("APPROX"), "{err}");
        }
    }

    proptest::proptest! {
        #[test]
        fn formatted_valid_dates_pass(days in 0i64..800_000) {
            let d = jiff::civil::date(1, 1, 1) + jiff::Span::new().days(days);
            let v = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            proptest::prop_assert_eq!(check_value(TimexType::Date, &v), Ok(()), "{}", v);
            let w = d.iso_week_date();
            let wv = format!("{:04}-W{:02}-{}", w.year(), w.week(), w.weekday().to_monday_one_offset());
            proptest::prop_assert_eq!(check_value(TimexType::Date, &wv), Ok(()), "{}", wv);
            let t = format!("{v}T{:02}:{:02}", days % 24, days % 60);
            proptest::prop_assert_eq!(check_value(TimexType::Time, &t), Ok(()), "{}", t);
        }

        #[test]
        fn any_string_gets_a_verdict_without_panicking(v in "\\PC{0,12}", t in 0usize..4, z in "[0-9X:+ZTéа-]{0,8}") {
            let _ = check_value(TimexType::ALL[t], &v);
            let _ = check_value(TimexType::ALL[t], &format!("T15{z}"));
            let _ = check_mod(&v);
        }

        #[test]
        fn impossible_days_fail(y in 1i16..9999, m in 1i8..=12, extra in 1i8..5) {
            let last = jiff::civil::date(y, m, 1).days_in_month();
            let v = format!("{y:04}-{m:02}-{:02}", last + extra);
            proptest::prop_assert!(check_value(TimexType::Date, &v).is_err(), "{}", v);
        }
    }
}
