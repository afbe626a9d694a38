//! Holidays from `data/dates/holidays.txt`: fixed days (`Christmas`), nth weekdays of a
//! month (`Thanksgiving`) and the day after one (`Election Day`), with an optional year or
//! `last`/`next`.
//!
//! Owns: the holiday rule's pattern and value. It must not: know holiday names itself (the
//! word list does).

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[Rule {
    name: "holiday",
    pattern: r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOL})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
    classes: HOLIDAY,
    guard: DateExtractor::always,
    norm: DateExtractor::norm_holiday,
}];

impl DateExtractor {
    /// A holiday: of a year named, or the one the tense points to from the DCT.
    pub(super) fn norm_holiday(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let h = gl("h")?.replace('’', "'");
        let rule = self.lex.holidays.iter().find(|(n, _)| squashed_eq(n, &h)).map(|(_, r)| *r)?;
        let on = |y: i16| -> Option<Date> {
            match rule {
                Holiday::Fixed(m, d) => Date::new(y, m, d).ok(),
                Holiday::Nth(n, wd, m) => Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, weekday(wd)?).ok(),
                Holiday::DayAfterNth(n, wd, m) => {
                    Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, weekday(wd)?).ok()?.tomorrow().ok()
                }
            }
        };
        if let Some(y) = g("y") {
            return Some(Norm::point(Point::Day(on(y.parse().ok()?)?), Anchor::None));
        }
        let Some(dct) = dct else {
            let v = match rule {
                Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                Holiday::Nth(..) | Holiday::DayAfterNth(..) => "XXXX-XX-XX".to_string(),
            };
            return Some(Norm::new(TimexType::Date, v));
        };
        let this = on(dct.year())?;
        let dir = match gl("rel").as_deref() {
            Some("last") => Some(Tense::Past),
            Some("next") => Some(Tense::Future),
            Some(_) => None,
            // Election Day is the vote of the DCT's year, spoken of ahead of it in any tense
            // ("as Election Day nears", "said he would win on Election Day"); only "last"
            // moves it back.
            None if matches!(rule, Holiday::DayAfterNth(..)) => None,
            None => w.tense(),
        };
        let date = match dir {
            Some(Tense::Past) if this > dct => on(dct.year() - 1)?,
            Some(Tense::Future) if this < dct => on(dct.year() + 1)?,
            _ => this,
        };
        Some(Norm::point(Point::Day(date), Anchor::Dct))
    }
}
