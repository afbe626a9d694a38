//! Sets (recurring times): `every Monday`, `each July`, `twice a week`, `$5 million a year`,
//! `weekly`, `Tuesday nights`.
//!
//! Owns: these rules' patterns, guards and values. It must not: take a financial category
//! (`its quarterly dividend`) or a newspaper (`the daily Granma`) for a set.

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "set-every",
        pattern: r"\b(?P<e>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?(?:(?P<u>{UNIT})|(?P<wd>{WDF})|(?P<pod>{POD})|(?P<mo>{MONTHF})|(?P<sea>{SEASON}))\b",
        classes: UNIT | WEEKDAY | DEICTIC | MONTH | SEASON,
        guard: DateExtractor::guard_set,
        norm: DateExtractor::norm_set,
    },
    Rule {
        name: "set-freq",
        pattern: r"\b(?P<f>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|every|each)\s+(?P<u>{UNIT})\b",
        classes: UNIT | WEEKDAY | DEICTIC,
        guard: DateExtractor::guard_set,
        norm: DateExtractor::norm_set,
    },
    Rule {
        name: "set-per",
        pattern: r"\b(?P<per>per|a)\s+(?P<u>day|week|month|year|hour)\b",
        classes: UNIT | WEEKDAY | DEICTIC,
        guard: DateExtractor::guard_set,
        norm: DateExtractor::norm_set,
    },
    Rule {
        name: "set-word",
        pattern: r"\b(?P<sw>{SETW})\b",
        classes: SETW,
        guard: DateExtractor::guard_set,
        norm: DateExtractor::norm_set,
    },
    Rule {
        name: "set-weekdays",
        pattern: r"\b(?:(?P<pos>every)\s+)?(?:(?P<wds>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))|(?P<wdp>{WDF})\s+(?P<pods>mornings|afternoons|evenings|nights))\b",
        classes: WEEKDAY,
        guard: DateExtractor::guard_set,
        norm: DateExtractor::norm_set,
    },
];

impl DateExtractor {
    /// A frequency word or "a/per" unit that tells how often, not a category or a newspaper.
    pub(super) fn guard_set(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { before, after, .. } = *n;
        let prev_lower = &n.prev_lower;
        // "its quarterly dividend": a financial category, not a SET; "his weekly
        // address" is one. "the Communist Party daily Granma": a newspaper.
        let sw = caps.name("sw").map(|m| m.as_str().to_ascii_lowercase());
        if sw.is_some() && after.trim_start().starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        if sw.as_ref().is_some_and(|w| !self.lex.set_adjectives.contains(w))
            && matches!(
                prev_lower.as_str(),
                "its"
                    | "the"
                    | "a"
                    | "an"
                    | "their"
                    | "his"
                    | "her"
                    | "average"
                    | "initial"
                    | "first"
                    | "regular"
                    | "our"
                    | "total"
            )
        {
            return false;
        }
        if let Some(per) = caps.name("per") {
            // "$5 million a year", "twice per week": only after an amount.
            let pw = prev_lower.as_str();
            let amount = matches!(
                pw,
                "million"
                    | "billion"
                    | "trillion"
                    | "thousand"
                    | "percent"
                    | "cent"
                    | "times"
                    | "once"
                    | "twice"
                    | "dollars"
                    | "euros"
                    | "barrels"
                    | "tons"
                    | "tonnes"
                    | "people"
                    | "%"
            ) || before.trim_end().ends_with(|c: char| c.is_ascii_digit() || c == '%');
            return per.as_str().eq_ignore_ascii_case("per") || amount;
        }
        true
    }

    /// every Monday, twice a week, weekly, Tuesday nights: a SET.
    pub(super) fn norm_set(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        if let Some(sw) = gl("sw") {
            let v = self.lex.sets.iter().find(|(k, _)| *k == sw).map(|(_, v)| v.clone())?;
            return Some(Norm::new(TimexType::Set, v));
        }
        if let Some(wds) = g("wds") {
            let wdn = self.lex.weekday(wds.trim_end_matches(['s', 'S']))?;
            return Some(Norm::new(TimexType::Set, format!("XXXX-WXX-{wdn}")));
        }
        if let Some(wd) = g("wd") {
            let wdn = self.lex.weekday(wd)?;
            return Some(Norm::new(TimexType::Set, format!("XXXX-WXX-{wdn}")));
        }
        // "Tuesday nights": that part of every such day.
        if let (Some(wd), Some(pods)) = (g("wdp"), gl("pods")) {
            let wdn = self.lex.weekday(wd)?;
            let c = self.lex.parts_of_day.get(pods.trim_end_matches('s'))?;
            return Some(Norm::new(TimexType::Set, format!("XXXX-WXX-{wdn}T{c}")));
        }
        // "each July", "every summer".
        if let Some(mo) = g("mo") {
            let m = self.lex.month(mo)?;
            return Some(Norm::new(TimexType::Set, format!("XXXX-{m:02}")));
        }
        if let Some(sea) = gl("sea") {
            let (c, _) = self.lex.seasons.get(&sea)?;
            return Some(Norm::new(TimexType::Set, format!("XXXX-{c}")));
        }
        if let Some(pod) = gl("pod") {
            let c = self.lex.parts_of_day.get(&pod)?;
            return Some(Norm::new(TimexType::Set, format!("XXXX-XX-XXT{c}")));
        }
        let unit = Unit::from_code(self.lex.unit(&gl("u")?)?)?;
        let mut amount = match g("n") {
            Some(n) => self.lex.number(n),
            None => Some(1.0),
        };
        if g("other").is_some() {
            amount = amount.map(|a| a * 2.0);
        }
        Some(Norm::new(TimexType::Set, unit.duration(amount)))
    }
}
