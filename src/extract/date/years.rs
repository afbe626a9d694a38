//! Years and longer stretches named on the calendar: a year (`1998`, `fiscal 2025`, `2010 or
//! later`), a year in words (`nineteen ninety-six`), a decade (`the 1990s`, `the nineties`), a
//! century (`the 20th century`) and a season (`last summer`, `the spring of 1998`).
//!
//! Owns: these rules' patterns, guards and values, and the spoken-year pattern and reading
//! (`{SPY}`, used by `calendar.rs`'s month-year too). It must not: take a bare number for a
//! year where an amount or a count noun says otherwise (the guard is here for that), or
//! name quarters and halves (`periods.rs`).

use super::rule::*;

/// A year said in words: "nineteen ninety-seven", "two thousand and one".
pub(super) const SPOKEN_YEAR: &str = r"(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?";

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "year",
        pattern: r"(?:{POS})?\b(?:(?P<fy>fiscal|calendar|fiscal\s+year|the\s+year|FY)\s*)?(?P<y>{YEAR})\b(?P<ya>'s)?(?:\s+(?P<later>or\s+(?:later|earlier|before|after|so)))?",
        classes: DIGIT,
        guard: DateExtractor::guard_year,
        norm: DateExtractor::norm_year,
    },
    Rule {
        name: "decade",
        pattern: r"(?:{POS})?\b(?:(?P<art>the|this|that)\s+)?(?:(?P<dy>1[0-9]\d|20\d)0'?s|'(?P<dd>\d)0s|\b(?P<dn>[1-9])0s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        classes: DIGIT | DECADEW,
        guard: DateExtractor::guard_decade,
        norm: DateExtractor::norm_decade,
    },
    Rule {
        name: "century",
        pattern: r"(?:{POS})?\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|{ORD})[\s-]+century\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_century,
    },
    Rule {
        name: "season",
        pattern: r"(?:{POS})?\b(?:(?P<rel>last|next|this|that|the|this\s+past|this\s+coming|coming|past)\s+)?(?P<s>{SEASON})\b(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPY}))\b|\s+of\s+(?P<ry>this|last|next)\s+year\b)?",
        classes: SEASON,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_season,
    },
    Rule {
        name: "spoken-year",
        pattern: r"\b(?:the\s+year\s+)?(?P<sp>{SPY})\b",
        classes: SPOKEN,
        guard: DateExtractor::guard_spoken_year,
        norm: DateExtractor::norm_spoken_year,
    },
];

impl DateExtractor {
    /// A bare number is a year unless an amount, a count noun or a clock reading says otherwise.
    pub(super) fn guard_year(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { text, s, e, after, .. } = *n;
        let prev_lower = &n.prev_lower;
        if caps.name("fy").is_none() && caps.name("pos").is_none() {
            if matches!(
                prev_lower.as_str(),
                "no."
                    | "number"
                    | "about"
                    | "some"
                    | "nearly"
                    | "than"
                    | "over"
                    | "around"
                    | "least"
                    | "to"
                    | "approximately"
                    | "roughly"
                    | "almost"
                    | "the"
                    | "page"
                    | "route"
                    | "flight"
                    | "rs"
                    | "usd"
                    | "eur"
                    | "gbp"
            ) && !text[s..e].contains(' ')
            {
                // "about 2000 troops", "the 1990 election" is still a year: allow "the"
                // when a noun follows that is not a count noun.
                if prev_lower == "the" || prev_lower == "to" {
                    return !count_noun_follows(after);
                }
                return false;
            }
            if count_noun_follows(after) {
                return false;
            }
            // "the Class of 1999": a cohort's name, not the year.
            if prev_lower == "of"
                && n.before.trim_end().strip_suffix("of").is_some_and(|b| {
                    b.trim_end()
                        .rsplit(|c: char| !c.is_ascii_alphabetic())
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case("class"))
                })
            {
                return false;
            }
            let next_word = after.trim_start();
            if next_word.starts_with(|c: char| c.is_ascii_digit()) && !after.starts_with(',') {
                return false;
            }
            if after.trim_start().to_ascii_lowercase().starts_with("a.m")
                || after.trim_start().to_ascii_lowercase().starts_with("p.m")
                || after.starts_with(':')
            {
                return false;
            }
        }
        true
    }

    /// A year, with ON_OR_AFTER/ON_OR_BEFORE/APPROX from "or later" and the like.
    pub(super) fn norm_year(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let y: i16 = g("y")?.parse().ok()?;
        if let Some(dct) = dct {
            // A "year" far in the future is a number.
            if y > dct.year() + 30 {
                return None;
            }
        } else if y > 2100 {
            return None;
        }
        let later = gl("later");
        let m = match later.as_deref() {
            Some("or later") | Some("or after") => Some("ON_OR_AFTER"),
            Some("or earlier") | Some("or before") => Some("ON_OR_BEFORE"),
            Some("or so") => Some("APPROX"),
            _ => pos,
        };
        let mut n = Norm::point(Point::Year(y), Anchor::None).with_mod(m);
        if let Some(ya) = caps.name("ya") {
            n.trim_end = caps.get(0)?.end() - ya.start();
            if later.is_some() {
                n.trim_end = 0;
            }
        }
        Some(n)
    }

    /// "the 90s" without an apostrophe is a decade only with its article ("in the 90s", "the
    /// mid-90s") and away from words of a measure: "temperatures in the 90s", "scored in the
    /// 90s", "in the low 90s" are amounts, no time.
    pub(super) fn guard_decade(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        if caps.name("dn").is_none() {
            return true;
        }
        let art = caps.name("art").is_some()
            || caps.name("pos").is_some_and(|p| p.as_str().get(..3).is_some_and(|t| t.eq_ignore_ascii_case("the")));
        if !art {
            return false;
        }
        let b = &n.before[floor_boundary(n.before, n.before.len().saturating_sub(60))..];
        let a = &n.after[..ceil_boundary(n.after, n.after.len().min(30))];
        if a.trim_start().starts_with(['%', '°']) {
            return false;
        }
        !b.split(|c: char| !c.is_ascii_alphabetic()).chain(a.split(|c: char| !c.is_ascii_alphabetic())).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "temperature"
                    | "temperatures"
                    | "degree"
                    | "degrees"
                    | "highs"
                    | "lows"
                    | "heat"
                    | "mercury"
                    | "thermometer"
                    | "fahrenheit"
                    | "celsius"
                    | "percent"
                    | "score"
                    | "scores"
                    | "scored"
                    | "mph"
                    | "cents"
                    | "points"
            )
        })
    }

    /// The 1990s, the '90s, the nineties.
    pub(super) fn norm_decade(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let d: i16 = if let Some(dy) = g("dy") {
            dy.parse().ok()?
        } else if let Some(dd) = g("dd").or(g("dn")) {
            let dd: i16 = dd.parse().ok()?;
            let cur = dct.map_or(2000, |d| d.year());
            if 2000 + dd * 10 <= cur {
                200 + dd
            } else {
                190 + dd
            }
        } else {
            let dw = gl("dw")?;
            let i = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
                .iter()
                .position(|x| *x == dw)? as i16;
            192 + i
        };
        Some(Norm::point(Point::Decade(d), Anchor::None).with_mod(pos))
    }

    /// The 20th century: `19`.
    pub(super) fn norm_century(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let pos = g("pos").and_then(pos_mod);
        let o = self.lex.ordinal(g("ord")?)? as i16;
        if o == 0 || o > 22 {
            return None;
        }
        Some(Norm::point(Point::Century(o - 1), Anchor::None).with_mod(pos))
    }

    /// A season: of a year named, or the one the tense points to from the DCT.
    pub(super) fn norm_season(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let s = gl("s")?;
        let (code, bare) = self.lex.seasons.get(&s)?.clone();
        let rel = gl("rel");
        if !bare && rel.is_none() && g("y").is_none() && pos.is_none() {
            return None;
        }
        if let Some(y) = g("y") {
            return Some(Norm::point(Point::Season(y.parse().ok()?, code), Anchor::None).with_mod(pos));
        }
        if let Some(sy) = g("sy") {
            let y = self.spoken_year(&squash(&sy.to_ascii_lowercase()))?;
            return Some(Norm::point(Point::Season(y, code), Anchor::None).with_mod(pos));
        }
        let Some(dct) = dct else {
            return Some(Norm::new(TimexType::Date, format!("XXXX-{code}")).with_mod(pos));
        };
        // "the summer of last year": the season of the year named, as "October of next year".
        if let Some(ry) = gl("ry") {
            return Some(Norm::point(Point::Season(dct.year() + rel_offset(&ry), code), Anchor::Dct).with_mod(pos));
        }
        let start: i8 = match code.as_str() {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let (y, dm) = (dct.year(), dct.month());
        // The season's year: winter is named by the year of its December.
        let this = if code == "WI" && dm <= 2 { y - 1 } else { y };
        let dir = match rel.as_deref() {
            Some("last") | Some("this past") | Some("past") => Some(Tense::Past),
            Some("next") | Some("this coming") | Some("coming") => Some(Tense::Future),
            Some("this") => None,
            _ => w.tense().filter(|t| *t != Tense::Present),
        };
        let over = start + 2 < dm && code != "WI";
        let begun = dm >= start || (code == "WI" && dm <= 2);
        let yr = match dir {
            Some(Tense::Past) => {
                let plain = rel.is_none() || rel.as_deref() == Some("the");
                if over || (plain && begun) {
                    this
                } else {
                    this - 1
                }
            }
            Some(Tense::Future) => {
                if begun && rel.is_some() {
                    this + 1
                } else if begun || start > dm || code == "WI" {
                    this
                } else {
                    this + 1
                }
            }
            _ => this,
        };
        Some(Norm::point(Point::Season(yr, code), Anchor::Dct).with_mod(pos))
    }

    /// A year in words, not a number before a noun.
    pub(super) fn guard_spoken_year(&self, n: &Near<'_>, _caps: &Captures<'_>) -> bool {
        let Near { after, .. } = *n;
        // "two thousand years", "nineteen hundred troops": a number before a noun.
        let nw = after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        self.lex.unit(&nw.to_ascii_lowercase()).is_none() && !count_noun_follows(after)
    }

    /// Nineteen ninety-six, the year two thousand.
    pub(super) fn norm_spoken_year(&self, caps: &Captures<'_>, _w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let y = self.spoken_year(&gl("sp")?)?;
        Some(Norm::point(Point::Year(y), Anchor::None))
    }

    /// The year of "nineteen ninety-seven", "two thousand and one" (lowercase, single spaces).
    pub(super) fn spoken_year(&self, sp: &str) -> Option<i16> {
        Some(if let Some(rest) = sp.strip_prefix("two thousand") {
            let rest = rest.trim().trim_start_matches("and").trim();
            2000 + if rest.is_empty() { 0.0 } else { self.lex.number(rest)? } as i16
        } else {
            let (head, tail) = sp.split_once([' ', '-'])?;
            let head = self.lex.number(head)? as i16;
            let tail = tail.trim();
            if tail == "hundred" {
                head * 100
            } else {
                head * 100 + self.lex.number(tail)? as i16
            }
        })
    }
}

/// True when a count noun follows a number ("2000 troops"), which makes it no year.
pub(super) fn count_noun_follows(after: &str) -> bool {
    let w = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
    matches!(
        w.as_str(),
        "troops"
            | "soldiers"
            | "people"
            | "men"
            | "women"
            | "children"
            | "residents"
            | "employees"
            | "workers"
            | "jobs"
            | "shares"
            | "votes"
            | "members"
            | "students"
            | "cases"
            | "deaths"
            | "dead"
            | "killed"
            | "refugees"
            | "tons"
            | "tonnes"
            | "barrels"
            | "miles"
            | "kilometers"
            | "kilometres"
            | "feet"
            | "meters"
            | "metres"
            | "units"
            | "cars"
            | "homes"
            | "houses"
            | "dollars"
            | "euros"
            | "points"
            | "percent"
            | "acres"
            | "pounds"
            | "rounds"
            | "pages"
            | "words"
            | "times"
            | "officers"
            | "police"
            | "fighters"
            | "militants"
            | "rebels"
            | "prisoners"
            | "patients"
            | "passengers"
            | "sq"
            | "km"
            | "mph"
            | "kg"
    )
}
