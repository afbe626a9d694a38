//! Days named from the present and their parts: `today`, `yesterday`, `tonight`, `this
//! morning`, `last night`, a weekday (`Friday`, `last Sunday`, `the previous Monday`), a
//! weekend (`this weekend`) and a part of the day on its own (`in the morning`).
//!
//! Owns: these rules' patterns, guards and values. It must not: read clock times
//! (`times.rs`) or recurring days (`every Monday`: `sets.rs`).

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "deictic",
        pattern: r"\b(?:(?P<pos>early|late|earlier|later|mid)[\s-]+)?(?:(?P<dd>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|(?P<w>today|tonight|tomorrow|yesterday)(?:\s+(?P<pod>{POD}))?|(?P<rel>this|last|tomorrow|yesterday|this\s+past)\s+(?P<pod2>{POD})|(?:the\s+)?(?P<pod3>{POD})\s+(?P<w3>yesterday|today|tomorrow))\b(?P<poss>(?:'|’)s)?",
        classes: DEICTIC,
        guard: DateExtractor::guard_deictic,
        norm: DateExtractor::norm_deictic,
    },
    Rule {
        name: "weekday",
        pattern: r"\b(?:(?P<pos>early|late|earlier|later|mid)[\s-]+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+following|the\s+next|the\s+previous)\s+)?(?P<wd>{WDF})\b(?:\s+(?P<pod>{POD}))?\b",
        classes: WEEKDAY,
        guard: DateExtractor::guard_weekday,
        norm: DateExtractor::norm_weekday,
    },
    // "in the morning", "by mid afternoon": a part of the day the text is speaking of (the
    // guard wants a preposition before and no noun after: not "the night the plane fell",
    // "late-night talks").
    Rule {
        name: "pod-bare",
        pattern: r"\b(?:(?P<pos>early|late|mid)[\s-]+|(?P<posin>(?:earlier|later|early|late)\s+in)\s+the\s+|(?P<the>the)\s+)(?P<pb>morning|afternoon|evening|night)\b",
        classes: DEICTIC,
        guard: DateExtractor::guard_bare_pod,
        norm: DateExtractor::norm_bare_pod,
    },
    // "at dawn", "before dawn", "until dusk": dawn is the start of the morning, dusk of the
    // evening (the guard wants one of these prepositions right before: not "the dawn of an
    // era", "a pre-dawn raid", "as dawn broke", the name "Dawn").
    Rule {
        name: "pod-dawn",
        pattern: r"\b(?P<pb>dawn|dusk)\b",
        classes: DEICTIC,
        guard: DateExtractor::guard_dawn,
        norm: DateExtractor::norm_bare_pod,
    },
    Rule {
        name: "weekend",
        pattern: r"\b(?P<rel>this|last|next|the|this\s+past|this\s+coming|that|the\s+previous|the\s+following)\s+weekend\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_weekend,
    },
];

impl DateExtractor {
    /// A weekday that is no title's first words: a capitalised part of the day followed by
    /// a capitalised word names a programme ("Saturday Night Live", "Monday Night Football",
    /// "Sunday Morning Futures"), not an evening.
    pub(super) fn guard_weekday(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let title_pod = caps.name("pod").is_some_and(|p| p.as_str().starts_with(|c: char| c.is_ascii_uppercase()));
        !(title_pod && n.after.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_uppercase()))
    }

    /// "today's" before a word of the present era ("in today's world") is no day.
    pub(super) fn guard_deictic(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { after, .. } = *n;
        if caps.name("poss").is_none() {
            return true;
        }
        // "in today's world": the present era, not the day.
        let nw = after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
        !self.lex.generic_today.contains(&nw)
    }

    /// today, yesterday, tomorrow, tonight, this morning, last night.
    pub(super) fn norm_deictic(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let mut trim = 0;
        if let Some(p) = caps.name("poss") {
            trim = p.len();
        }
        let (off, pod): (i64, Option<String>) = if let Some(dd) = gl("dd") {
            (if dd.contains("yesterday") { -2 } else { 2 }, None)
        } else if let Some(word) = gl("w") {
            let off = match word.as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let pod = if word == "tonight" {
                Some("NI".to_string())
            } else {
                gl("pod").and_then(|p| self.lex.parts_of_day.get(&p).cloned())
            };
            (off, pod)
        } else if let (Some(pod_w), Some(word)) = (gl("pod3"), gl("w3")) {
            // "mid-afternoon yesterday": the part of the day named first.
            let off = match word.as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            (off, self.lex.parts_of_day.get(&pod_w).cloned())
        } else {
            let rel = gl("rel")?;
            let pod_w = gl("pod2")?;
            let off = match rel.as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                "last" if pod_w == "night" => -1,
                "last" => return None,
                _ => 0,
            };
            (off, self.lex.parts_of_day.get(&pod_w).cloned())
        };
        let mut n = match dct {
            Some(dct) => {
                let d = add(dct, Unit::Day, off)?;
                match &pod {
                    Some(c) => Norm::point(Point::DayTime(d, c.clone()), Anchor::Dct),
                    None => Norm::point(Point::Day(d), Anchor::Dct),
                }
            }
            None => Norm::new(
                TimexType::Date,
                match &pod {
                    Some(c) => format!("XXXX-XX-XXT{c}"),
                    None => "XXXX-XX-XX".to_string(),
                },
            ),
        };
        if pod.is_some() {
            n.ty = TimexType::Time;
        }
        n.trim_end = trim;
        Some(n.with_mod(pos))
    }

    /// A weekday: the one the tense points to from the DCT, or counted from a day named.
    pub(super) fn norm_weekday(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let wdn = self.lex.weekday(g("wd")?)?;
        let wd = weekday(wdn)?;
        let pod = gl("pod").and_then(|p| self.lex.parts_of_day.get(&p).cloned());
        let rel = gl("rel");
        let ty = if pod.is_some() { TimexType::Time } else { TimexType::Date };
        // "Monday and Tuesday nights": the plural part of the day is shared, so the first
        // weekday recurs as well.
        if pod.is_none() && rel.is_none() {
            let mut words = w.after().split_whitespace();
            if let (Some("and" | "or"), Some(wd2), Some(pods)) = (words.next(), words.next(), words.next()) {
                let pods = pods.trim_end_matches(|c: char| !c.is_ascii_alphabetic()).to_ascii_lowercase();
                if self.lex.weekday(wd2).is_some()
                    && matches!(pods.as_str(), "mornings" | "afternoons" | "evenings" | "nights")
                {
                    let c = self.lex.parts_of_day.get(pods.trim_end_matches('s'))?;
                    return Some(Norm::new(TimexType::Set, format!("XXXX-WXX-{wdn}T{c}")));
                }
            }
        }
        let Some(dct) = dct else {
            // "last Sunday" without a DCT: a day we cannot place.
            if rel.is_some() {
                return Some(Norm::new(ty, "XXXX-XX-XX").with_mod(pos));
            }
            let v = match &pod {
                Some(c) => format!("XXXX-WXX-{wdn}T{c}"),
                None => format!("XXXX-WXX-{wdn}"),
            };
            let mut n = Norm::new(ty, v).with_mod(pos);
            n.ty = ty;
            return Some(n);
        };
        // "the previous Friday", "the following Monday": counted from the day the text
        // is on (the last day it named, in this sentence or the five before), not the DCT.
        if matches!(rel.as_deref(), Some("the previous") | Some("the following")) {
            let prev_day =
                w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= 5).and_then(|(p, i, _)| match p {
                    Point::Day(d) | Point::DayTime(d, _) => Some((*d, *i)),
                    _ => None,
                });
            if let Some((d, i)) = prev_day {
                let date = if rel.as_deref() == Some("the previous") {
                    weekday_near(d.yesterday().ok()?, wd, Some(Tense::Past))?
                } else {
                    weekday_near(d.tomorrow().ok()?, wd, Some(Tense::Future))?
                };
                let mut n = match pod {
                    Some(c) => Norm::point(Point::DayTime(date, c), Anchor::Prev(i)),
                    None => Norm::point(Point::Day(date), Anchor::Prev(i)),
                };
                n.ty = ty;
                return Some(n.with_mod(pos));
            }
        }
        let date = match rel.as_deref() {
            Some("last") | Some("this past") | Some("past") | Some("the previous") => {
                let dd = dct.yesterday().ok()?;
                weekday_near(dd, wd, Some(Tense::Past))?
            }
            Some("next") | Some("this coming") | Some("coming") | Some("the following") | Some("the next") => {
                let dd = dct.tomorrow().ok()?;
                weekday_near(dd, wd, Some(Tense::Future))?
            }
            Some(_) => {
                // "this Friday": the one in the DCT's week.
                let back = jiff::Span::new().try_days(i64::from(dct.weekday().to_monday_zero_offset())).ok()?;
                let monday = dct.checked_sub(back).ok()?;
                add(monday, Unit::Day, wdn as i64 - 1)?
            }
            None => weekday_near(dct, wd, w.tense_or_deadline())?,
        };
        let mut n = match pod {
            Some(c) => Norm::point(Point::DayTime(date, c), Anchor::Dct),
            None => Norm::point(Point::Day(date), Anchor::Dct),
        };
        n.ty = ty;
        Some(n.with_mod(pos))
    }

    /// A part of the day after a preposition, not glued to a noun or an hour.
    pub(super) fn guard_bare_pod(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { before, after, prev_word, .. } = *n;
        let prev_lower = &n.prev_lower;
        let prep = caps.name("posin").is_some()
            || matches!(
                prev_lower.as_str(),
                "in" | "during" | "by" | "through" | "throughout" | "until" | "till" | "since"
            );
        // "the morning" after an hour ("4 in the morning", "three o'clock in the
        // morning") is part of a clock time.
        let hour_before = before.trim_end().strip_suffix(prev_word).is_some_and(|b| {
            let b = b.trim_end();
            let w = b.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_ascii_lowercase();
            b.ends_with(|c: char| c.is_ascii_digit())
                || w.ends_with("clock")
                || self.lex.number(&w).is_some_and(|n| (1.0..=12.0).contains(&n))
        });
        let rest = after.trim_start();
        let nw = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        let glued = after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’');
        let next_ok = nw.is_empty()
            || !rest.starts_with(|c: char| c.is_ascii_alphabetic())
            || matches!(
                nw,
                "to" | "and"
                    | "or"
                    | "but"
                    | "when"
                    | "as"
                    | "the"
                    | "a"
                    | "an"
                    | "in"
                    | "on"
                    | "at"
                    | "with"
                    | "before"
                    | "after"
                    | "while"
                    | "until"
                    | "so"
                    | "for"
                    | "from"
                    | "by"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "it"
                    | "his"
                    | "her"
                    | "their"
                    | "there"
                    | "was"
                    | "were"
                    | "local"
            );
        prep && !hour_before && !glued && next_ok
    }

    /// That part of the day last spoken of (else the DCT's).
    /// "dawn" or "dusk" right after a preposition of time, lowercase, not before a noun or "of".
    pub(super) fn guard_dawn(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let lower = caps.name("pb").is_some_and(|m| m.as_str().starts_with(|c: char| c.is_ascii_lowercase()));
        let prep = matches!(n.prev_lower.as_str(), "at" | "before" | "after" | "until" | "till" | "by" | "since");
        let glued_before = n.before.ends_with(|c: char| c != ' ');
        let glued_after = n.after.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        let rest = n.after.trim_start();
        let of_after = rest.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("of "));
        lower && prep && !glued_before && !glued_after && !of_after
    }

    /// The day a weekday (or `today`, `yesterday`, `tomorrow`) names right after a part of
    /// the day, bare or after `on` / `of`: "before dawn on Tuesday", "at dusk Friday". The
    /// weekday is resolved as its own rule resolves it (by the tense around, a deadline
    /// preposition before the part of the day aside: "before dawn on Tuesday" is no deadline).
    fn day_named_after(&self, w: &Where<'_>) -> Option<Date> {
        let dct = w.dct?;
        let rest = w.after().trim_start_matches([' ', '\u{a0}']);
        let rest = ["on ", "of ", "On "].iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest).trim_start();
        let word = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        // A word glued to what follows ("Tuesday's" is fine, "Tuesday-night" too) stays a day.
        match word.to_ascii_lowercase().as_str() {
            "today" => return Some(dct),
            "yesterday" => return dct.yesterday().ok(),
            "tomorrow" => return dct.tomorrow().ok(),
            _ => {}
        }
        // Full weekday names only: "Sun", "Wed" are words or names too.
        if word.len() < 6 || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let wd = weekday(self.lex.weekday(word)?)?;
        let b = w.before().trim_end();
        let prev = b.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
        let t = if matches!(prev.as_str(), "before" | "by" | "until" | "till" | "through") {
            w.tense_or_soon()
        } else {
            w.tense_or_deadline()
        };
        weekday_near(dct, wd, t)
    }

    pub(super) fn norm_bare_pod(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let code = self.lex.parts_of_day.get(&gl("pb")?)?.clone();
        // "before dawn on Tuesday", "at dusk Friday": the day named right after is its day.
        if let Some(d) = self.day_named_after(w) {
            let mut n = Norm::point(Point::DayTime(d, code), Anchor::Dct);
            n.ty = TimexType::Time;
            return Some(n.with_mod(pos.or_else(|| g("posin").and_then(pos_mod))));
        }
        // The day last spoken of, if it was in the last sentences; else the DCT's.
        let near = w.prev.filter(|(p, _, sn)| {
            w.sentence_no.saturating_sub(*sn) <= 2 && matches!(p, Point::Day(_) | Point::DayTime(..))
        });
        let mut n = match (near, dct) {
            (Some((p, i, _)), _) => {
                let d = match p {
                    Point::Day(d) | Point::DayTime(d, _) => *d,
                    _ => return None,
                };
                Norm::point(Point::DayTime(d, code), Anchor::Prev(*i))
            }
            (None, Some(d)) => Norm::point(Point::DayTime(d, code), Anchor::Dct),
            (None, None) => Norm::new(TimexType::Time, format!("XXXX-XX-XXT{code}")),
        };
        n.ty = TimexType::Time;
        // "earlier in the evening" starts it, "later in the day" ends it.
        Some(n.with_mod(pos.or_else(|| g("posin").and_then(pos_mod))))
    }

    /// A weekend: from the DCT, or from the date last spoken of.
    pub(super) fn norm_weekend(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let rel = gl("rel")?;
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, "XXXX-WXX-WE"));
        };
        if rel == "that" || rel == "the previous" || rel == "the following" {
            if let Some((p, i, _)) = w.prev {
                let off = match rel.as_str() {
                    "the previous" => -1,
                    "the following" => 1,
                    _ => 0,
                };
                if let Some(Point::Week(y, wk)) = coarsen(p, Unit::Week).and_then(|b| b.shift(Unit::Week, off)) {
                    return Some(Norm::point(Point::Weekend(y, wk), Anchor::Prev(*i)));
                }
            }
            return None;
        }
        let sat = jiff::civil::Weekday::Saturday;
        let day = match rel.as_str() {
            "last" | "this past" => weekday_near(dct.yesterday().ok()?, sat, Some(Tense::Past))?,
            "next" | "this coming" => weekday_near(add(dct, Unit::Day, 2)?, sat, Some(Tense::Future))?,
            "this" => weekday_near(dct, sat, Some(Tense::Future))?,
            _ => {
                let t = w.tense();
                if t == Some(Tense::Future) {
                    weekday_near(dct, sat, Some(Tense::Future))?
                } else if dct.weekday() == jiff::civil::Weekday::Sunday {
                    dct
                } else {
                    weekday_near(dct, sat, Some(Tense::Past))?
                }
            }
        };
        match resolve::week_of(day) {
            Point::Week(y, wk) => Some(Norm::point(Point::Weekend(y, wk), Anchor::Dct)),
            _ => None,
        }
    }
}
