//! Dates and stretches counted from the DCT or from the date last spoken of: a relative unit
//! (`last week`, `the following year`), a position in a unit (`the end of the year`), a span
//! of units (`the past two months`, `the first nine months`, `for the year`), an anchored
//! expression (`the next day`, `that week`, `the day before`) and a number of units ago or
//! later (`two weeks ago`, `a year earlier`; in `three days later` the span is the duration).
//!
//! Owns: these rules' patterns, guards and values. It must not: name days from the present
//! (`today`, `last Sunday`: `deictic.rs`) or plain durations (`durations.rs`, whose guard of
//! amounts the `ago` rule shares).

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "rel-unit",
        pattern: r"(?:{POS})?\b(?P<rel>last|next|this|that|current|the\s+current|coming|this\s+coming|this\s+past|past|previous|the\s+previous|the\s+same|that\s+same|that\s+very|same|the\s+following|following|the\s+prior|prior|the\s+year-ago|the\s+year-earlier|year-ago|year-earlier|the\s+fiscal|fiscal|the\s+latest|the\s+late|the\s+early)\s+(?P<u>week|month|year|quarter|decade|century|period|fiscal\s+year|calendar\s+year|school\s+year|day|session)\b",
        classes: UNIT,
        guard: DateExtractor::guard_rel_unit,
        norm: DateExtractor::norm_rel_unit,
    },
    Rule {
        name: "for-the-unit",
        pattern: r"\b(?P<prep>for|in|during|over|through|of)\s+(?P<the>the)\s+(?P<rel>)(?P<u>year|week|month)\b(?P<ended>\s+(?:ended|ending|to\s+date|through|that\s+ended))?",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_span,
    },
    Rule {
        name: "pos-of-unit",
        pattern: r"\b(?P<pos>(?:the\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder)\s+of|earlier\s+in|later\s+in|early\s+in|late\s+in)\s+the\s+(?P<u>year|month|week|quarter|decade|century|day)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_pos_of_unit,
    },
    // "stocks ended the day lower", "began the day in Paris": the day the text is on.
    Rule {
        name: "verb-the-day",
        pattern: r"\b(?P<v>ended|ending|ends|closed|closing|closes|finished|finishing|finishes|started|starting|starts|began|begins|beginning|opened|opening|opens)\s+(?P<the>the)\s+(?P<u>day)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_verb_the_day,
    },
    Rule {
        name: "span",
        pattern: r"\b(?:(?P<the>the)\s+)?(?P<rel>past|last|next|coming|previous|first|final|following|ensuing|preceding|initial|latest|remaining|same|year-earlier|year-ago|entire|whole|full)\s+(?:(?P<n>{NUM}|few|several|many|couple\s+of)\s+)?(?P<u>{UNIT})\b(?P<orso>\s+or\s+so\b)?",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_span,
    },
    Rule {
        name: "anchored",
        pattern: r"\b(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+prior|the\s+preceding|the\s+same|that|earlier\s+that|later\s+that|the\s+day\s+before|the\s+day\s+after|a\s+day\s+before|a\s+day\s+after|the\s+night\s+before)\b(?:\s+(?P<u>day|week|month|year|morning|afternoon|evening|night|weekend))?\b",
        classes: UNIT | DEICTIC,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_anchored,
    },
    Rule {
        name: "ago",
        pattern: r"(?:{MOD})?\b(?P<n>{NUM}|a\s+few|few|several|many|some|a\s+number\s+of)\s+(?:(?:trading|business|working)\s+)?(?P<u>{UNIT})\b(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|back|from\s+now|hence|on)\b",
        classes: UNIT,
        guard: DateExtractor::guard_amount,
        norm: DateExtractor::norm_ago,
    },
];

impl DateExtractor {
    /// "ABC News' "This Week"": a programme's title, not this week.
    pub(super) fn guard_rel_unit(&self, n: &Near<'_>, _caps: &Captures<'_>) -> bool {
        let Near { text, s, e, .. } = *n;
        !text[s..e].starts_with("This W")
    }

    /// last/next/this week, month, year...: from the DCT, or from the date last spoken of.
    pub(super) fn norm_rel_unit(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        // "that same day", "that very week": the day or week last spoken of, as "the same day".
        let rel = gl("rel").map(|r| if r == "that same" || r == "that very" { "the same".to_string() } else { r })?;
        let u = gl("u")?;
        let unit = match u.as_str() {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" | "fiscal year" | "calendar year" | "school year" => Unit::Year,
            "quarter" | "period" => Unit::Quarter,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            "day" | "session" => Unit::Day,
            _ => return None,
        };
        // "the past year", "past week": a duration.
        if rel == "past" {
            return Some(Norm::new(TimexType::Duration, unit.duration(Some(1.0))).with_mod(pos));
        }
        let offset: i64 = match rel.as_str() {
            "last" | "previous" | "the previous" | "the prior" | "prior" | "this past" => -1,
            "next" | "coming" | "this coming" | "the following" | "following" => 1,
            "year-ago" | "the year-ago" | "year-earlier" | "the year-earlier" => {
                if unit == Unit::Quarter {
                    // "the year-ago period": the quarter being reported, a year before.
                    if let Some((p, i, _)) = w.prev_quarter {
                        return Some(Norm::point(p.shift(Unit::Year, -1)?, Anchor::Prev(*i)));
                    }
                }
                -1
            }
            _ => 0,
        };
        if unit == Unit::Day
            && !matches!(
                rel.as_str(),
                "the previous" | "the following" | "the same" | "same" | "that" | "previous" | "following"
            )
        {
            return None;
        }
        // Relative to an earlier date: "the following year", "that day", "the same week".
        let anchored = matches!(
            rel.as_str(),
            "the following" | "following" | "the previous" | "the same" | "same" | "that" | "the prior"
        );
        if anchored {
            if let Some((p, i, _)) = w.prev {
                let base = coarsen(p, unit);
                let shifted = base.and_then(|b| b.shift(unit, offset));
                if let Some(s) = shifted {
                    return Some(Norm::point(s, Anchor::Prev(*i)).with_mod(pos));
                }
            }
            if rel == "that" || rel.contains("same") {
                return None;
            }
        }
        if u == "period" && !(rel == "the latest" || rel == "the year-ago" || rel == "the year-earlier") {
            return None;
        }
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)).with_mod(pos));
        };
        let base = if (rel == "the latest" && unit == Unit::Quarter) || u == "period" {
            // The latest reported quarter.
            Point::Quarter(dct.year(), resolve::quarter_of(dct)).shift(Unit::Quarter, -1)?
        } else if rel == "the latest" {
            // "the latest fiscal year", "the latest month": the last one completed.
            at_unit(dct, unit)?.shift(unit, -1)?
        } else {
            at_unit(dct, unit)?
        };
        let p = if rel.contains("year-") && unit == Unit::Quarter {
            base.shift(Unit::Year, -1)?
        } else {
            base.shift(unit, offset)?
        };
        Some(Norm::point(p, Anchor::Dct).with_mod(pos))
    }

    /// the past two months, the next few weeks, the first nine months, for the year.
    pub(super) fn norm_span(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let modw = modifier(gl("modw"));
        let rel = gl("rel")?;
        let unit = Unit::from_code(self.lex.unit(&gl("u")?)?)?;
        if rel.is_empty() {
            // "for the year ended June 30", "For the quarter, ...": the reporting period.
            if g("ended").is_none() {
                // "For the year, ...", "the first nine months of the year": the current one.
                let of = gl("prep").as_deref() == Some("of");
                if !w.after().starts_with(',') && !of {
                    return None;
                }
                // "For the year, ...": the current one.
                let Some(dct) = dct else {
                    return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)));
                };
                let mut n = Norm::point(at_unit(dct, unit)?, Anchor::Dct);
                n.trim_start = caps.name("the")?.start() - caps.get(0)?.start();
                return Some(n);
            }
            let mut n = self.duration_only(caps, unit, Some(1.0), None)?;
            n.trim_start = caps.name("the")?.start() - caps.get(0)?.start();
            return Some(n);
        }
        let plural = gl("u")?.ends_with('s');
        let n = g("n");
        let amount = match n {
            Some(n) => self.lex.number(n),
            None if plural => None,
            None => Some(1.0),
        };
        let has_the = g("the").is_some();
        // "next year", "last week" without "the" and without a number: rel-unit's.
        if !has_the && n.is_none() && !plural && !matches!(rel.as_str(), "first" | "final" | "recent") {
            return None;
        }
        if matches!(rel.as_str(), "full" | "entire" | "whole") && n.is_none() && !plural && has_the {
            // "the full year": the current one, as a whole.
            if let (Some(dct), false) = (dct, unit.is_clock()) {
                return Some(Norm::point(at_unit(dct, unit)?, Anchor::Dct));
            }
        }
        // "the past year", "the last decade": TimeBank's DATE, the unit before the DCT's
        // (a number makes it a duration: "the past two years").
        if matches!(rel.as_str(), "past" | "last")
            && n.is_none()
            && !plural
            && has_the
            && !unit.is_clock()
            && unit != Unit::Day
            && !w.after().trim_start().starts_with("of ")
            && !matches!(
                w.before().trim_end().rsplit(' ').next().unwrap_or("").to_ascii_lowercase().as_str(),
                "lasted" | "lasts" | "last" | "spent" | "spend" | "took" | "take" | "takes"
            )
        {
            if let Some(dct) = dct {
                return Some(Norm::point(at_unit(dct, unit)?.shift(unit, -1)?, Anchor::Dct));
            }
            return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)));
        }
        if rel == "coming" && n.is_none() && plural {
            return Some(Norm::new(TimexType::Date, "FUTURE_REF"));
        }
        if rel == "recent" && n.is_none() {
            return Some(Norm::new(TimexType::Date, "PAST_REF"));
        }
        // "in past years", "over past decades": no determiner and no number, an
        // unbounded stretch of the past like "recent years" (PAST_REF); "his past years
        // in office" and "the past few years" keep their other readings.
        if rel == "past" && n.is_none() && plural && !has_the {
            let pw = w.before().trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if matches!(
                pw.to_ascii_lowercase().as_str(),
                "in" | "over" | "during" | "from" | "than" | "like" | "of" | "for" | "throughout" | "as"
            ) {
                let mut n = Norm::new(TimexType::Date, "PAST_REF");
                if dct.is_some() {
                    n.anchor = Anchor::Dct;
                }
                return Some(n);
            }
        }
        // "the next day", "the following week": a point after an earlier date.
        if n.is_none()
            && !plural
            && matches!(rel.as_str(), "next" | "following" | "previous" | "preceding" | "same")
            && !unit.is_clock()
        {
            let off = match rel.as_str() {
                "previous" | "preceding" => -1,
                "same" => 0,
                _ => 1,
            };
            if let Some((p, i, _)) = w.prev {
                if let Some(s) = coarsen(p, unit).and_then(|b| b.shift(unit, off)) {
                    return Some(Norm::point(s, Anchor::Prev(*i)));
                }
            }
            if rel == "same" {
                return None;
            }
            if let Some(dct) = dct {
                return Some(Norm::point(at_unit(add(dct, unit, off)?, unit)?, Anchor::Dct));
            }
            return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)));
        }
        let m = modw.or(caps.name("orso").map(|_| "APPROX"));
        let mut norm = Norm::new(TimexType::Duration, unit.duration(amount)).with_mod(m);
        if matches!(rel.as_str(), "past" | "last" | "next" | "coming" | "recent") && dct.is_some() {
            norm.anchor = Anchor::Dct;
        }
        Some(norm)
    }

    /// The end of the year, the beginning of the month: the unit with a START/MID/END mod.
    pub(super) fn norm_pos_of_unit(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let u = gl("u")?;
        let unit = unit_of_word(&u)?;
        let p = gl("pos")?;
        let m = pos_mod(p.trim_start_matches("earlier in").trim_start_matches("later in").trim()).or_else(|| {
            if p.starts_with("earlier") || p.starts_with("early") {
                Some("START")
            } else if p.starts_with("late") {
                Some("END")
            } else {
                None
            }
        });
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)).with_mod(m));
        };
        let p = match w.prev {
            Some((pp, i, sn)) if w.sentence_no.saturating_sub(*sn) <= 1 && unit == Unit::Day => {
                Norm::point(coarsen(pp, unit)?, Anchor::Prev(*i))
            }
            _ => Norm::point(at_unit(dct, unit)?, Anchor::Dct),
        };
        Some(p.with_mod(m))
    }

    /// "ended the day lower": the span "the day", the day last named in this sentence or the
    /// one before, else the DCT's day.
    pub(super) fn norm_verb_the_day(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let whole = caps.get(0)?;
        let the = caps.name("the")?;
        let mut n = match (w.dct, w.prev) {
            (_, Some((p, i, sn))) if w.sentence_no.saturating_sub(*sn) <= 1 => {
                Norm::point(coarsen(p, Unit::Day)?, Anchor::Prev(*i))
            }
            (Some(dct), _) => Norm::point(at_unit(dct, Unit::Day)?, Anchor::Dct),
            (None, _) => Norm::new(TimexType::Date, unknown_at_unit(Unit::Day)),
        };
        n.trim_start = the.start() - whole.start();
        Some(n)
    }

    /// the next day, the following week, that day: from the date last spoken of.
    pub(super) fn norm_anchored(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let rel = gl("rel")?;
        let u = gl("u");
        let pod = u.as_deref().and_then(|u| self.lex.parts_of_day.get(u)).cloned();
        // "Oct. 12, the day before the plunge": in apposition to a date and followed by
        // the event it is placed by, `before` is a signal (TimeML) and the expression is
        // `the day`, the date it stands beside.
        if u.is_none() && matches!(rel.as_str(), "the day before" | "the day after") {
            let beside = w.prev.zip(w.prev_end).filter(|((p, _, sn), e)| {
                *sn == w.sentence_no && matches!(p, Point::Day(_)) && *e <= w.start && w.text[*e..w.start].trim() == ","
            });
            let event_follows = w.after().trim_start().starts_with(|c: char| c.is_alphabetic());
            if let (Some(((p, i, _), _)), true) = (beside, event_follows) {
                let m0 = caps.get(0)?.as_str();
                let day_end = m0.to_ascii_lowercase().find("day")? + 3;
                let mut n = Norm::point(p.clone(), Anchor::Prev(*i));
                n.trim_end = m0.len() - day_end;
                return Some(n);
            }
        }
        // "the day after his death", "a day after he was hounded": before an event, `after`
        // and `before` are signals and stay out of the span (GUIDELINES DATE span, TimeML);
        // "a day" is then the amount of time told from the event, a DURATION, as "[a week]
        // after the vote" is.
        let signal_trim = if u.is_none() && rel.contains("day ") && event_follows_signal(w.after()) {
            let m0 = caps.get(0)?.as_str();
            let day_end = m0.to_ascii_lowercase().find("day")? + 3;
            if rel.starts_with("a ") {
                let mut n = Norm::new(TimexType::Duration, Unit::Day.duration(Some(1.0)));
                n.trim_end = m0.len() - day_end;
                return Some(n);
            }
            m0.len() - day_end
        } else {
            0
        };
        let (unit, off) = match rel.as_str() {
            "the day before" | "a day before" => (Unit::Day, -1),
            "the day after" | "a day after" => (Unit::Day, 1),
            "the night before" => (Unit::Day, -1),
            _ => {
                let unit = match u.as_deref() {
                    None => return None,
                    Some(x) if pod.is_some() => {
                        let _ = x;
                        Unit::Day
                    }
                    Some("weekend") => Unit::Week,
                    Some(x) => unit_of_word(x)?,
                };
                let off = match rel.as_str() {
                    "the next" | "the following" => 1,
                    "the previous" | "the prior" | "the preceding" => -1,
                    _ => 0,
                };
                (unit, off)
            }
        };
        if u.is_none() && !rel.starts_with("the day") && !rel.starts_with("a day") && rel != "the night before" {
            return None;
        }
        let prev = w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= 6);
        let (base, anchor) = match (prev, dct) {
            (Some((p, i, _)), _) => (coarsen(p, unit), Anchor::Prev(*i)),
            (None, Some(d)) if off != 0 => (at_unit(d, unit), Anchor::Dct),
            _ => (None, Anchor::None),
        };
        let mut p = match base.and_then(|b| b.shift(unit, off)) {
            Some(p) => p,
            None => {
                let v = unknown_at_unit(unit).to_string();
                let v = match &pod {
                    Some(c) => format!("{v}T{c}"),
                    None => v,
                };
                return Some(Norm::new(if pod.is_some() { TimexType::Time } else { TimexType::Date }, v));
            }
        };
        if u.as_deref() == Some("weekend") {
            if let Point::Week(y, wk) = p {
                p = Point::Weekend(y, wk);
            }
        }
        let mut n = if let (Some(c), Point::Day(d)) = (&pod, &p) {
            let mut n = Norm::point(Point::DayTime(*d, c.clone()), anchor);
            n.ty = TimexType::Time;
            n
        } else {
            Norm::point(p, anchor)
        };
        if rel.starts_with("earlier") {
            n.modifier = Some("START".into());
        } else if rel.starts_with("later") {
            n.modifier = Some("END".into());
        }
        n.trim_end = n.trim_end.max(signal_trim);
        Some(n)
    }

    /// N units ago / earlier / later: a date counted from the DCT or an earlier date, or the duration alone.
    pub(super) fn norm_ago(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let modw = modifier(gl("modw"));
        let unit = Unit::from_code(self.lex.unit(&gl("u")?)?)?;
        let nw = gl("n")?;
        let amount = self.lex.number(&nw);
        let dir = gl("dir")?;
        let mut m = modw;
        if matches!(nw.as_str(), "a couple of" | "couple of") && m.is_none() {
            m = None;
        }
        let sign: i64 = match dir.as_str() {
            "ago" | "earlier" | "before" | "back" => -1,
            _ => 1,
        };
        // "700 seats a week on the route": a rate, the unit of time a SET (as in durations.rs).
        // ("a year ago", "a month later" after a count stay points and durations.)
        if dir == "on" && matches!(nw.as_str(), "a" | "an") && m.is_none() && self.counted_noun_before(w.before()) {
            let mut n = self.duration_only(caps, unit, Some(1.0), None)?;
            n.ty = TimexType::Set;
            return Some(n);
        }
        // "three days later": the duration alone, "later" is a signal (TimeML).
        if dir == "later" {
            return self.duration_only(caps, unit, amount, m);
        }
        // "the rebels had taken the town a month earlier": likewise. Only a comparison of
        // figures ("up 15% from 4 pence a year earlier", "A year earlier, net income was $5
        // million") names the period compared with, a DATE with "earlier" in it.
        if dir == "earlier" && !compares_figures(w) {
            return self.duration_only(caps, unit, amount, m);
        }
        // "two days before the vote", "a week after": the duration alone, the
        // preposition is a signal; "N days on" likewise unless it closes the clause.
        if matches!(dir.as_str(), "before" | "after" | "on") {
            let rest = w.after().trim_start();
            let closes = rest.is_empty() || rest.starts_with(['.', ',', ';', ')', '"', '”']);
            if !closes {
                return self.duration_only(caps, unit, amount, m);
            }
        }
        let Some(amount) = amount else {
            // "a few days later": the duration; the word after it is a signal.
            if sign > 0 {
                return self.duration_only(caps, unit, None, m);
            }
            // "several years ago", "a few days ago".
            return Some(Norm::new(TimexType::Date, if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }));
        };
        let whole = amount.trunc() as i64;
        if (amount - whole as f64).abs() > 0.0 {
            return self.duration_only(caps, unit, Some(amount), m);
        }
        let relative_to_prev = matches!(dir.as_str(), "earlier" | "later" | "before" | "after" | "on");
        let prev = w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= 3);
        // "a year ago" in a report about a quarter: the same quarter a year before.
        // The term of a comparison ("from $4 a year earlier", "up from 7 a year ago") is no new
        // time of the story: a second one ("..., compared with $4 a year earlier. Sales rose
        // from $9 a year earlier") counts from the same period as the first, not from it. A
        // clause's own time ("A year earlier, sales had fallen from ...") is one.
        let compared = matches!(dir.as_str(), "ago" | "earlier") && after_comparison_word(w);
        let mark = |n: Norm| Norm { compared, ..n };
        if let (Some((p, i, _)), Unit::Year, false) = (w.prev_quarter, unit, w.period_after_quarter) {
            if let Some(s) = p.shift(unit, sign * whole) {
                return Some(mark(Norm::point(s, Anchor::Prev(*i)).with_mod(m)));
            }
        }
        if let Some((p, i, _)) = prev.filter(|_| !(w.period_after_quarter && unit == Unit::Year)) {
            let use_prev = relative_to_prev || (matches!(p, Point::Quarter(..)) && unit == Unit::Year);
            if use_prev {
                let base = if matches!(p, Point::Quarter(..)) && unit == Unit::Year {
                    Some(p.clone())
                } else {
                    coarsen(p, unit)
                };
                if let Some(s) = base.and_then(|b| b.shift(unit, sign * whole)) {
                    return Some(mark(Norm::point(s, Anchor::Prev(*i)).with_mod(m)));
                }
            }
        }
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)).with_mod(m));
        };
        let d = add(dct, unit, sign * whole)?;
        // "a decade ago" names a year, not a decade.
        let gran = if matches!(unit, Unit::Decade | Unit::Century) { Unit::Year } else { unit };
        Some(mark(Norm::point(at_unit(d, gran)?, Anchor::Dct).with_mod(m)))
    }
}

/// The unit a singular unit word names.
pub(super) fn unit_of_word(u: &str) -> Option<Unit> {
    Some(match u {
        "day" | "morning" | "afternoon" | "evening" | "night" => Unit::Day,
        "week" | "weekend" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    })
}

/// True when the expression is the term of a comparison: after "from", "with", "than",
/// "versus" ("compared with a year earlier", "narrowed from a year earlier"), or in a
/// sentence holding a figure outside it (a digit, `%`, `$`, `£`, `€`).
fn compares_figures(w: &Where<'_>) -> bool {
    if after_comparison_word(w) {
        return true;
    }
    let (a, b) = w.sentence;
    let figure = |t: &str| t.bytes().any(|c| c.is_ascii_digit() || c == b'%' || c == b'$') || t.contains(['£', '€']);
    figure(&w.text[a.min(w.start)..w.start]) || figure(&w.text[w.end..b.max(w.end)])
}

/// True when the expression follows "from", "with", "than", "versus", right before it or
/// before the figure it dates ("up from 7 a year ago", "compared with $4.1 million, or 34
/// cents a share, a year earlier"): at most twelve words back, all in its sentence.
fn after_comparison_word(w: &Where<'_>) -> bool {
    let is_cmp = |x: &str| ["from", "with", "than", "versus", "vs"].iter().any(|c| x.eq_ignore_ascii_case(c));
    let before = w.before();
    let mut figure = false;
    for (n, word) in before.rsplit(|c: char| c.is_whitespace()).filter(|x| !x.is_empty()).take(12).enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if is_cmp(bare) {
            return n == 0 || figure;
        }
        figure |= word.bytes().any(|c| c.is_ascii_digit() || c == b'$' || c == b'%') || word.contains(['£', '€']);
    }
    false
}

/// True when the words after "the day before" / "a day after" name the event it is told
/// from ("his death", "the vote", "he was hounded"), so that `before`/`after` is a signal;
/// not when the phrase ends there ("left the day after.", "the day before, and ...").
fn event_follows_signal(after: &str) -> bool {
    let a = after.trim_start_matches([' ', '\t']);
    let word = a.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    !word.is_empty()
        && a.starts_with(|c: char| c.is_ascii_alphabetic())
        && !matches!(
            word.to_ascii_lowercase().as_str(),
            "and"
                | "or"
                | "but"
                | "when"
                | "while"
                | "where"
                | "because"
                | "so"
                | "then"
                | "to"
                | "at"
                | "in"
                | "on"
                | "yesterday"
                | "tomorrow"
                | "today"
                | "as"
                | "with"
                | "by"
                | "for"
        )
}
