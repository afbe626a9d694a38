//! Reading the two calendar forms the files hold: a day `YYYY-MM-DD` and a timestamp
//! `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`, by hand.
//!
//! jiff's own parsers accept far more (every ISO 8601 and RFC 9557 form), and formatting
//! their errors links jiff's table of error messages: about 30 KB of code in each of the
//! page's two wasm modules for forms no Gloss file uses. Here a form that is not one of these
//! two is simply refused (`None`); the caller says why in words.
//!
//! Owns: these two parsers and the serde form of a day. It must not: resolve relative dates
//! (`model::timex` and the extractors do).

use jiff::civil::Date;

/// `YYYY-MM-DD`, a real day of the proleptic Gregorian calendar (years 0000-9999), or `None`.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let (month, day) = (digits(&b[5..7])?, digits(&b[8..10])?);
    Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The value of a run of ASCII digits (at most 9), or `None` when one is not a digit.
fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

/// An RFC 3339 timestamp (`2026-12-07T19:05:00Z`, `2026-12-07t19:05:00.123+01:00`, a space
/// for the `T`, seconds optional) as nanoseconds since 1970-01-01T00:00:00Z, for ordering
/// times written with different offsets; `None` for anything else.
pub fn parse_timestamp(s: &str) -> Option<i128> {
    let s = s.trim();
    let date = parse_date(s.get(..10)?)?;
    let rest = s.get(10..)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let b = rest.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let (h, m) = (digits(&b[0..2])?, digits(&b[3..5])?);
    let mut i = 5;
    let mut sec = 0;
    if b.get(i) == Some(&b':') {
        sec = digits(b.get(i + 1..i + 3)?)?;
        i += 3;
    }
    let mut nanos: i64 = 0;
    if b.get(i) == Some(&b'.') {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        let kept = &b[i + 1..i + 1 + n.min(9)];
        nanos = digits(kept)? * 10_i64.pow(9 - u32::try_from(kept.len()).ok()?);
        i += 1 + n;
    }
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let offset = offset_seconds(b.get(i..)?)?;
    let days = i128::from(days_from_civil(date));
    let secs = days * 86_400 + i128::from(h * 3600 + m * 60 + sec) - i128::from(offset);
    Some(secs * 1_000_000_000 + i128::from(nanos))
}

/// `Z`, `±HH:MM`, `±HHMM` or `±HH` as seconds east of UTC.
fn offset_seconds(b: &[u8]) -> Option<i64> {
    let sign = match b.first()? {
        b'Z' | b'z' if b.len() == 1 => return Some(0),
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = match b.len() {
        3 => (digits(&b[1..3])?, 0),
        5 => (digits(&b[1..3])?, digits(&b[3..5])?),
        6 if b[3] == b':' => (digits(&b[1..3])?, digits(&b[4..6])?),
        _ => return None,
    };
    (h <= 23 && m <= 59).then_some(sign * (h * 3600 + m * 60))
}

/// Days from 1970-01-01 to `d` (negative before it): H. Hinnant's `days_from_civil`.
fn days_from_civil(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month()), i64::from(d.day()));
    let y = i64::from(d.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The serde form of an optional day: `"YYYY-MM-DD"` or `null` (`#[serde(with = ...)]`).
pub mod opt_date {
    use jiff::civil::Date;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(&format_args!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
            None => Ok(None),
            Some(s) => super::parse_date(&s)
                .map(Some)
                .ok_or_else(|| de::Error::custom(format_args!("'{s}' is not a real day written YYYY-MM-DD"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn days_are_read_and_impossible_days_refused() {
        assert_eq!(parse_date("2025-09-19"), Some(jiff::civil::date(2025, 9, 19)));
        assert_eq!(parse_date("2024-02-29"), Some(jiff::civil::date(2024, 2, 29)));
        for bad in
            ["2025-02-29", "2025-13-01", "2025-00-10", "2025-9-19", "19/09/2025", "2025-09-1x", "+02025-09-19", ""]
        {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_order_across_offsets() {
        let utc = parse_timestamp("2026-12-07T19:05:00Z").unwrap();
        assert_eq!(parse_timestamp("2026-12-07T20:05:00+01:00"), Some(utc));
        assert_eq!(parse_timestamp("2026-12-07 14:05-0500"), Some(utc));
        assert_eq!(parse_timestamp("2026-12-07t19:05:00.5z"), Some(utc + 500_000_000));
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_timestamp("1969-12-31T23:59:59Z"), Some(-1_000_000_000));
        for bad in
            ["2026-12-07", "2026-12-07T25:00Z", "2026-12-07T19:05", "2026-12-07T19:05:00+1", "2026-12-07T19:05:00.Z"]
        {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    /// The saved undo history keeps the form jiff's serde wrote before: old saves still read.
    #[test]
    fn a_dct_edit_keeps_its_saved_form() {
        let e = crate::model::Edit::Dct { before: Some(jiff::civil::date(2025, 9, 19)), after: None };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"Dct":{"before":"2025-09-19","after":null}}"#);
        assert_eq!(serde_json::from_str::<crate::model::Edit>(&json).unwrap(), e);
        let bad = r#"{"Dct":{"before":"2025-02-30","after":null}}"#;
        let err = serde_json::from_str::<crate::model::Edit>(bad).unwrap_err().to_string();
        assert!(err.contains("'2025-02-30' is not a real day"), "{err}");
    }

    proptest! {
        /// Every day jiff knows in years 0000-9999 reads back from its jiff form, and the day
        /// count agrees with jiff's own arithmetic.
        #[test]
        fn every_day_round_trips(days in 0i32..3_652_059) {
            let d = jiff::civil::date(0, 1, 1) + jiff::Span::new().days(days);
            prop_assert_eq!(parse_date(&d.to_string()), Some(d));
            let epoch = jiff::civil::date(1970, 1, 1);
            let want = i64::from(d.since((jiff::Unit::Day, epoch)).unwrap().get_days());
            prop_assert_eq!(days_from_civil(d), want);
        }

        /// Whatever the text, the readers answer without panicking.
        #[test]
        fn any_text_is_answered(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
            let _ = parse_timestamp(&s);
        }

        /// A timestamp is what jiff reads from the same RFC 3339 text.
        #[test]
        fn timestamps_agree_with_jiff(secs in -62_135_596_800i64..253_402_300_799, nanos in 0i32..1_000_000_000, off in -86_340i32..86_340) {
            let ts = jiff::Timestamp::new(secs, nanos).unwrap();
            let off = jiff::tz::Offset::from_seconds(off / 60 * 60).unwrap();
            let text = ts.display_with_offset(off).to_string();
            prop_assert_eq!(parse_timestamp(&text), Some(ts.as_nanosecond()), "{}", text);
        }
    }
}
