//! Helpers that several DATE rule families share: char-boundary clamps, the modifier words
//! (`about`, `more than`, `early`, `the end of`) and their TIMEX3 `mod`, lowercase word
//! comparison, the year of a month-day next to the DCT, and bringing a point to a unit.
//!
//! Owns: these helpers. It must not: match patterns or hold rules (the family files do).

use super::resolve::{at_unit, weekday, Point, Tense, Unit};
use jiff::civil::Date;

/// Fx-hashed maps and sets (crate `rustc-hash`): keys are the lexicon's words and offsets,
/// not user-controlled, so SipHash's flooding resistance is not needed and costs time.
pub(super) type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub(super) type HashSet<K> = rustc_hash::FxHashSet<K>;

/// The nearest char boundary at or before `i` (clamped to the text).
pub(super) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i` (clamped to the text).
pub(super) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Modifier words before a duration or an `ago` expression, and their TIMEX3 `mod`.
pub(super) const MODS: &[(&str, &str)] = &[
    ("about", "APPROX"),
    ("around", "APPROX"),
    ("approximately", "APPROX"),
    ("roughly", "APPROX"),
    ("some", "APPROX"),
    ("nearly", "APPROX"),
    ("almost", "APPROX"),
    ("close to", "APPROX"),
    ("more than", "MORE_THAN"),
    ("over", "MORE_THAN"),
    ("well over", "MORE_THAN"),
    ("just over", "MORE_THAN"),
    ("upwards of", "MORE_THAN"),
    ("less than", "LESS_THAN"),
    ("under", "LESS_THAN"),
    ("just under", "LESS_THAN"),
    ("fewer than", "LESS_THAN"),
    ("at least", "EQUAL_OR_MORE"),
    ("no less than", "EQUAL_OR_MORE"),
    ("at most", "EQUAL_OR_LESS"),
    ("up to", "EQUAL_OR_LESS"),
    ("no more than", "EQUAL_OR_LESS"),
    ("not more than", "EQUAL_OR_LESS"),
    // Part of the expression, with no TIMEX3 mod: "another five years" is P5Y.
    ("another", ""),
];

/// The TIMEX3 `mod` of the modifier words a match's `modw` group holds (lowercase, squashed).
pub(super) fn modifier(modw: Option<String>) -> Option<&'static str> {
    modw.and_then(|m| MODS.iter().find(|(k, _)| *k == m).map(|(_, v)| *v)).filter(|v| !v.is_empty())
}

/// Words before a point that set its TIMEX3 `mod`.
pub(super) fn pos_mod(pos: &str) -> Option<&'static str> {
    let p = pos.to_ascii_lowercase();
    let p = p.trim_start_matches("the ").trim();
    Some(match p.split_whitespace().next().unwrap_or("") {
        "early" | "earlier" | "beginning" | "start" => "START",
        "mid" | "middle" | "mid-" => "MID",
        "late" | "later" | "end" | "close" | "rest" | "remainder" => "END",
        "turn" => "START",
        _ => {
            if p.starts_with("mid") {
                "MID"
            } else {
                return None;
            }
        }
    })
}

/// -1, 0 or 1 for last, this and next.
pub(super) fn rel_offset(rel: &str) -> i16 {
    match rel {
        "last" => -1,
        "next" => 1,
        _ => 0,
    }
}

/// A point brought to the granularity of `unit` (a day seen as its month), or kept when it
/// is already coarser or equal in a way shift understands.
pub(super) fn coarsen(p: &Point, unit: Unit) -> Option<Point> {
    let first = match p {
        Point::Day(d) | Point::DayTime(d, _) => Some(*d),
        Point::Month(y, m) => Date::new(*y, *m, 1).ok(),
        Point::Week(y, w) | Point::Weekend(y, w) => {
            jiff::civil::ISOWeekDate::new(*y, *w, jiff::civil::Weekday::Monday).ok().map(|x| x.date())
        }
        Point::Quarter(y, q) => Date::new(*y, (*q - 1) * 3 + 1, 1).ok(),
        Point::Half(y, h) => Date::new(*y, (*h - 1) * 6 + 1, 1).ok(),
        Point::Year(y) | Point::Season(y, _) => {
            return match unit {
                Unit::Year | Unit::Decade | Unit::Century => Some(Point::Year(*y)),
                _ => None,
            }
        }
        Point::Decade(_) | Point::Century(_) => return None,
    }?;
    // A finer unit than the point's own granularity cannot be resolved from it.
    let fine = |a: Unit| matches!(a, Unit::Day | Unit::Hour | Unit::Minute | Unit::Second);
    match p {
        Point::Month(..) | Point::Quarter(..) | Point::Half(..) if fine(unit) || unit == Unit::Week => None,
        Point::Week(..) | Point::Weekend(..) if fine(unit) => None,
        _ => at_unit(first, unit),
    }
}

/// Lowercase words joined by single spaces.
pub(super) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `squash(k) == squashed` without building the string (`squashed` is already squashed):
/// the lexicon's lists are searched this way for every match.
pub(super) fn squashed_eq(k: &str, squashed: &str) -> bool {
    !squashed.is_empty() && k.split_whitespace().eq(squashed.split(' '))
}

/// is in the past and the day is well after the DCT (or forward for the future); a weekday
/// named with it ("Friday, September 19") picks the year where it falls on that weekday.
pub(super) fn year_for_day(dct: Date, m: i8, d: i8, wd: Option<i8>, tense: Option<Tense>) -> Option<Date> {
    let y = dct.year();
    let cands: Vec<Date> = [y - 1, y, y + 1].iter().filter_map(|yy| Date::new(*yy, m, d).ok()).collect();
    if let Some(wd) = wd.and_then(weekday) {
        if let Some(c) = cands
            .iter()
            .filter(|c| c.weekday() == wd)
            .min_by_key(|c| dct.until(**c).map(|sp| sp.get_days().abs()).unwrap_or(i32::MAX))
        {
            return Some(*c);
        }
    }
    let this = Date::new(y, m, d).ok()?;
    let diff = dct.until(this).ok()?.get_days() as i64;
    Some(match tense {
        Some(Tense::Past) if diff > 60 => Date::new(y - 1, m, d).ok()?,
        Some(Tense::Future) if diff < -60 => Date::new(y + 1, m, d).ok()?,
        _ if diff > 240 => Date::new(y - 1, m, d).ok()?,
        _ if diff < -240 && tense == Some(Tense::Future) => Date::new(y + 1, m, d).ok()?,
        _ => this,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashed_comparison_is_squash_then_equal() {
        for (k, r) in
            [("new  year's eve", "new year's eve"), (" soon", "soon"), ("the future", "the  future"), ("a", "")]
        {
            assert_eq!(squashed_eq(k, r), !r.is_empty() && squash(k) == r, "{k:?} {r:?}");
        }
    }
}
