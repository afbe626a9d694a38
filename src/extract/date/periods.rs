//! Reporting periods: quarters (`the third quarter`, `Q3 2025`, `the year-ago quarter`, `the
//! same period last year`), halves (`the first half of 2025`, `H1 2025`), `year-earlier` / `year-ago`
//! used as an adjective, and `year-end`.
//!
//! Owns: these rules' patterns, guards and values, including which quarter a relative one
//! (`the year-ago quarter`) compares with. It must not: name a plain year (`years.rs`) or a
//! relative unit such as `last year` (`relative.rs`).

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "quarter",
        pattern: r"(?:{POS})?\b(?:(?P<rel>the|this|last|next|the\s+same|the\s+comparable|the\s+year-ago|the\s+year-earlier|the\s+prior-year|the\s+year-ago|a\s+year-earlier|the\s+latest|the\s+current|the\s+previous|the\s+last|the\s+fiscal)\s+)?(?:(?:(?P<fy1>fiscal|calendar)\s+)?(?P<y1>{YEAR})(?:(?:'|’)s)?\s+|(?P<ry>this|last|next)\s+year(?:'|’)s\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)(?P<sep>[\s-]+)(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?(?P<y>{YEAR})\b)?",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_quarter,
    },
    Rule {
        name: "year-period",
        pattern: r"\bthe\s+(?P<y>{YEAR})\s+(?:(?:fiscal|calendar)\s+)?(?:quarter|period)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_quarter,
    },
    Rule {
        name: "quarter-q",
        pattern: r"\b(?:(?P<fy1>fiscal|calendar)\s+(?P<y1>{YEAR})\s+)?(?-i:Q(?P<qn>[1-4]))(?:\s*(?:of\s+)?(?P<y>{YEAR}|'?\d\d))?\b",
        classes: DIGIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_quarter,
    },
    Rule {
        name: "quarter-rel",
        pattern: r"\b(?P<rel>the\s+(?:same|comparable|corresponding)\s+(?:year-ago|year-earlier|prior-year)|the\s+latest|the\s+current|the\s+previous|the\s+same|the\s+comparable|the\s+year-ago|the\s+year-earlier|the\s+prior-year|this|last|next|the\s+last|the\s+past|the\s+latest\s+fiscal|the\s+year-ago\s+fiscal|the\s+fiscal|the)\s+(?:(?:fiscal|calendar)\s+)?quarter\b(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_quarter,
    },
    // "the corresponding period last year", "the quarter a year earlier".
    Rule {
        name: "period-last-year",
        pattern: r"\b(?:the\s+)?(?:(?P<rel>same|corresponding|comparable)\s+)?(?:quarter|(?P<per>period))\s+(?P<ago>(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier))\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_quarter,
    },
    // "last year's quarter", "last year's period".
    Rule {
        name: "last-years-quarter",
        pattern: r"\b(?P<ago>last\s+year(?:'|’)s)\s+(?:fiscal\s+)?(?:quarter|(?P<per>period))\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_quarter,
    },
    Rule {
        name: "half",
        pattern: r"(?:{POS})?\b(?:the\s+)?(?P<ord>first|second|1st|2nd|latter|last)\s+half\b(?:\s+of\s+(?:the\s+)?(?:(?P<y>{YEAR})\b|(?P<rel>this|last|next|the)\s+year\b))?",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_half,
    },
    // "H1 2025", "H2 of 2024": a half year in the short form of financial news (as "Q3 2024");
    // only with its year, so that "H1N1" or an "H1 visa" are no dates.
    Rule {
        name: "half-h",
        pattern: r"\b(?-i:H(?P<hn>[12]))\s*(?:of\s+)?(?P<y>{YEAR})\b",
        classes: DIGIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_half_h,
    },
    // "the first two quarters of 1990": a half year.
    Rule {
        name: "half-quarters",
        pattern: r"(?:{POS})?\b(?:the\s+)?(?P<ord>first|last)\s+two\s+quarters\s+of\s+(?:the\s+)?(?:(?P<y>{YEAR})\b|(?P<rel>this|last|next|the)\s+year\b)",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_half,
    },
    Rule {
        name: "year-adjective",
        pattern: r"\b(?:(?P<the>the)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<ya>year-earlier|year-ago|prior-year|year-before)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_year_ago,
    },
    Rule {
        name: "year-end",
        pattern: r"\b(?:(?P<rel>this|last|next)\s+)?(?:year[\s-]end|year(?:'|’)s\s+end)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_year_end,
    },
];

impl DateExtractor {
    /// A quarter, without the determiner before a hyphenated adjective (`the [third-quarter] profit`).
    pub(super) fn norm_quarter(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let mut n = self.norm_quarter_value(caps, w)?;
        n.trim_start = quarter_trim(caps);
        Some(n)
    }

    /// A quarter: numbered, named relative to the DCT, or the one reported earlier in the text.
    fn norm_quarter_value(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let q: i8 = if let Some(qn) = g("qn") {
            qn.parse().ok()?
        } else if let Some(o) = gl("ord") {
            if o == "final" {
                4
            } else {
                self.lex.ordinal(&o)? as i8
            }
        } else {
            0
        };
        if q > 4 {
            return None;
        }
        let rel = gl("rel");
        let explicit_y = g("y").or(g("y1")).and_then(|y| {
            let y = y.trim_start_matches('\'');
            let v: i16 = y.parse().ok()?;
            Some(if y.len() == 2 {
                if v > 40 {
                    1900 + v
                } else {
                    2000 + v
                }
            } else {
                v
            })
        });
        let year_ago = rel
            .as_deref()
            .is_some_and(|r| r.contains("year-ago") || r.contains("year-earlier") || r.contains("prior-year"))
            || g("ago").is_some();
        if let (Some(ry), Some(dct)) = (gl("ry"), dct) {
            if q == 0 {
                return None;
            }
            let n = Norm::point(Point::Quarter(dct.year() + rel_offset(&ry), q), Anchor::Dct);
            return Some(n.with_mod(pos));
        }
        let same = rel.as_deref().is_some_and(|r| r.contains("same") || r.contains("comparable"));
        if let Some(y) = explicit_y {
            if q == 0 {
                // "the 1988 period": the quarter under discussion, in that year.
                return match w.prev_quarter {
                    Some((Point::Quarter(_, pq), i, _)) => Some(Norm::point(Point::Quarter(y, *pq), Anchor::Prev(*i))),
                    _ => Some(Norm::point(Point::Year(y), Anchor::None)),
                };
            }
            return Some(Norm::point(Point::Quarter(y, q), Anchor::None).with_mod(pos));
        }
        // A quarter named earlier in the text gives "the year-ago quarter" its number.
        let prev_q = w.prev_quarter.and_then(|(p, i, _)| match p {
            Point::Quarter(y, q) => Some((*y, *q, *i)),
            _ => None,
        });
        if year_ago || same {
            if let Some((py, pq, pi)) = prev_q {
                let q = if q == 0 { pq } else { q };
                let y = if year_ago { py - 1 } else { py };
                return Some(Norm::point(Point::Quarter(y, q), Anchor::Prev(pi)));
            }
        }
        // "the same period last year" names a quarter only where the text reports one;
        // otherwise it is last year.
        if g("per").is_some() {
            let Some(dct) = dct else {
                return Some(Norm::new(TimexType::Date, "XXXX"));
            };
            return Some(Norm::point(Point::Year(dct.year() - 1), Anchor::Dct));
        }
        let Some(dct) = dct else {
            return Some(
                Norm::new(TimexType::Date, if q == 0 { "XXXX-QX".to_string() } else { format!("XXXX-Q{q}") })
                    .with_mod(pos),
            );
        };
        let cur = Point::Quarter(dct.year(), resolve::quarter_of(dct));
        let p = if q == 0 {
            match rel.as_deref() {
                _ if g("ago").is_some() => cur.shift(Unit::Quarter, -1)?.shift(Unit::Year, -1)?,
                Some("this") | Some("the current") => cur,
                Some("next") => cur.shift(Unit::Quarter, 1)?,
                Some(r) if year_ago || r.contains("year") => cur.shift(Unit::Quarter, -1)?.shift(Unit::Year, -1)?,
                // "the quarter", "the latest quarter", "last quarter": the last one reported.
                _ => cur.shift(Unit::Quarter, -1)?,
            }
        } else {
            let dq = resolve::quarter_of(dct);
            let mut y = dct.year();
            if rel.as_deref() == Some("last") || (q > dq && w.tense() == Some(Tense::Past)) {
                y -= 1;
            }
            if rel.as_deref() == Some("next") && q <= dq {
                y += 1;
            }
            if year_ago {
                y -= 1;
            }
            Point::Quarter(y, q)
        };
        Some(Norm::point(p, Anchor::Dct).with_mod(pos))
    }

    /// A half year.
    pub(super) fn norm_half(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let o = gl("ord")?;
        let h: i8 = if o == "latter" || o == "last" { 2 } else { self.lex.ordinal(&o)? as i8 };
        if let Some(y) = g("y") {
            return Some(Norm::point(Point::Half(y.parse().ok()?, h), Anchor::None));
        }
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, format!("XXXX-H{h}")));
        };
        let mut y = dct.year();
        match gl("rel").as_deref() {
            Some("last") => y -= 1,
            Some("next") => y += 1,
            Some(_) => {}
            None => {
                let dh = if dct.month() <= 6 { 1 } else { 2 };
                if h > dh && w.tense() != Some(Tense::Future) {
                    y -= 1;
                }
            }
        }
        Some(Norm::point(Point::Half(y, h), Anchor::Dct).with_mod(pos))
    }

    /// "H1 2025": the half and the year written with it.
    pub(super) fn norm_half_h(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let h: i8 = caps.name("hn")?.as_str().parse().ok()?;
        let y: i16 = caps.name("y")?.as_str().parse().ok()?;
        Some(Norm::point(Point::Half(y, h), Anchor::None))
    }

    /// "the year-earlier results": the determiner belongs to the noun.
    pub(super) fn norm_year_ago(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let mut n = self.norm_year_ago_value(caps, w)?;
        if let (Some(ya), Some(m0)) = (caps.name("ya"), caps.get(0)) {
            n.trim_start = ya.start() - m0.start();
        }
        Some(n)
    }

    /// year-earlier, year-ago: the reported quarter a year before, else last year.
    fn norm_year_ago_value(&self, _caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let dct = w.dct;
        if let Some((p, i, _)) = w.prev_quarter.filter(|_| !w.period_after_quarter) {
            return Some(Norm::point(p.shift(Unit::Year, -1)?, Anchor::Prev(*i)));
        }
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, "XXXX"));
        };
        Some(Norm::point(Point::Year(dct.year() - 1), Anchor::Dct))
    }

    /// Year-end: the year with mod END.
    pub(super) fn norm_year_end(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, "XXXX").with_mod(Some("END")));
        };
        let y = match gl("rel").as_deref() {
            Some(r) => dct.year() + rel_offset(r),
            // "since year-end": the last one; "by year-end": this one.
            None if w.before().trim_end().to_ascii_lowercase().ends_with("since") => dct.year() - 1,
            None => dct.year(),
        };
        Some(Norm::point(Point::Year(y), Anchor::Dct).with_mod(Some("END")))
    }
}

/// profit` keeps the determiner out of the span.
pub(super) fn quarter_trim(caps: &Captures<'_>) -> usize {
    match (caps.name("sep"), caps.name("rel")) {
        (Some(sep), Some(r)) if sep.as_str().contains('-') && !r.as_str().contains("year") => {
            let first = ["fy1", "y1", "ry", "ord"].iter().find_map(|n| caps.name(n));
            match (first, caps.get(0)) {
                (Some(f), Some(m)) => f.start() - m.start(),
                _ => 0,
            }
        }
        _ => 0,
    }
}
