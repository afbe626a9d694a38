//! Vague references: `now`, `recently`, `the future`, `for a while`, `at the time` (the
//! date last spoken of), `earlier promises` (PAST_REF), `an uncertain future`
//! (FUTURE_REF), `recent weeks`, `the coming months`.
//!
//! Owns: these rules' patterns, guards and values. It must not: take a discourse marker
//! (`Now, he says`) or a degree (`as soon as`) for a time, or name a point the text does
//! not give.

use super::rule::*;

/// The family's rules; their guards and productions follow below in the same order (ties
/// between rules are broken by the engine's PRECEDENCE list, not by this order).
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "ref",
        pattern: r"\b(?P<r>{REF})\b",
        classes: REF,
        guard: DateExtractor::guard_ref,
        norm: DateExtractor::norm_ref,
    },
    // "for a while", "for some time": a duration of unknown length.
    Rule {
        name: "for-a-while",
        pattern: r"\b(?P<for>for\s+)(?P<vd>a\s+while|some\s+time|a\s+long\s+time|quite\s+some\s+time)\b",
        classes: VAGUE,
        guard: DateExtractor::guard_ref,
        norm: DateExtractor::norm_ref,
    },
    // "at the time": the date the text spoke of last.
    Rule {
        name: "the-time",
        pattern: r"\b(?P<at>at\s+)(?P<rel>the|that)\s+time\b",
        classes: VAGUE,
        guard: DateExtractor::guard_the_time,
        norm: DateExtractor::norm_at_the_time,
    },
    // "despite earlier promises": an adjective before a plural noun.
    Rule {
        name: "earlier-adj",
        pattern: r"\b(?P<r>earlier)(?P<nn>\s+[a-z]+s)\b",
        classes: VAGUE,
        guard: DateExtractor::guard_ref,
        norm: DateExtractor::norm_ref,
    },
    // "an uncertain future", "Elian's future": the noun after an adjective or a possessive.
    Rule {
        name: "future-noun",
        pattern: r"(?P<fpre>\b(?:a|an)\s+[a-z]+\s+|[a-z](?:'|’)s\s+)(?P<r>future)\b",
        classes: VAGUE,
        guard: DateExtractor::guard_ref,
        norm: DateExtractor::norm_ref,
    },
    Rule {
        name: "ref-units",
        pattern: r"\b(?:(?P<the>the)\s+)?(?P<rel>recent|coming|next\s+few|coming\s+few|upcoming)\s+(?P<u>days|weeks|months|quarters|years|decades)\b",
        classes: UNIT,
        guard: DateExtractor::always,
        norm: DateExtractor::norm_ref_units,
    },
];

impl DateExtractor {
    /// A reference word where it refers to time, not a discourse marker or a degree.
    pub(super) fn guard_ref(&self, n: &Near<'_>, caps: &Captures<'_>) -> bool {
        let Near { text, s, e, before, after, .. } = *n;
        let prev_lower = &n.prev_lower;
        let r = caps.name("r").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
        // "Now, he says, ...": a discourse marker opening the sentence.
        if &text[s..e] == "Now"
            && after.starts_with(',')
            && (before.trim_end().is_empty() || before.trim_end().ends_with(['.', '"', '”', '\n', '!', '?']))
        {
            return false;
        }
        let next_word =
            after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
        if r == "soon"
            && (matches!(prev_lower.as_str(), "as" | "too" | "so" | "how" | "very")
                || matches!(next_word.as_str(), "as" | "after" | "afterward" | "afterwards" | "thereafter"))
        {
            return false;
        }
        if let Some(nn) = caps.name("nn") {
            // "a year earlier results" and "year-earlier" are other rules' business; the
            // word after must be a plural noun.
            let noun = nn.as_str().trim().to_ascii_lowercase();
            if before.ends_with('-')
                || self.lex.unit(prev_lower).is_some()
                || matches!(prev_lower.as_str(), "year" | "day" | "week" | "month" | "than" | "had" | "was")
                || noun.ends_with("ss")
                || noun.ends_with("us")
                || matches!(
                    noun.as_str(),
                    "this"
                        | "its"
                        | "was"
                        | "has"
                        | "is"
                        | "as"
                        | "his"
                        | "years"
                        | "months"
                        | "weeks"
                        | "days"
                        | "hours"
                        | "decades"
                        | "minutes"
                        | "times"
                        | "yesterdays"
                )
            {
                return false;
            }
        }
        if caps.name("fpre").is_some() {
            // Only the noun: "an uncertain future in", not "Intel's future flagship".
            let follows_noun = !next_word.is_empty()
                && !matches!(
                    next_word.as_str(),
                    "in" | "for"
                        | "away"
                        | "and"
                        | "but"
                        | "that"
                        | "is"
                        | "was"
                        | "looks"
                        | "remains"
                        | "ahead"
                        | "with"
                        | "to"
                        | "at"
                        | "on"
                        | "as"
                        | "if"
                        | "or"
                        | "will"
                );
            if follows_noun {
                return false;
            }
        }
        if r == "now" && (after.starts_with('-') || prev_lower == "from" && after.trim_start().starts_with("on")) {
            return false;
        }
        // "the past" followed by a number or unit belongs to a longer rule.
        true
    }

    /// now, recently, the future...: the lexicon's reference value.
    pub(super) fn norm_ref(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        if caps.name("vd").is_some() {
            let mut n = Norm::new(TimexType::Duration, "PXX");
            n.trim_start = caps.name("for").map_or(0, |m| m.len());
            return Some(n);
        }
        let r = gl("r")?;
        let (v, trim_start, trim_end) = if let Some(nn) = caps.name("nn") {
            ("PAST_REF".to_string(), 0, nn.len())
        } else if let Some(pre) = caps.name("fpre") {
            ("FUTURE_REF".to_string(), pre.len(), 0)
        } else {
            let v = self.lex.refs.iter().find(|(k, _)| squashed_eq(k, &r)).map(|(_, v)| v.clone())?;
            (v, 0, 0)
        };
        // "soon" is a date only where the clause looks ahead: "will soon", "to soon
        // grow", "would be implemented soon" (not "was soon released").
        if r == "soon" {
            // A modal or "to" among the last few words of the clause ("would be
            // implemented soon"), or a future reading of the sentence.
            let b = w.before();
            let b = &b[floor_boundary(b, b.len().saturating_sub(60))..];
            let clause = b.rsplit([',', ';', ':', '.', '"', '“', '”', '(']).next().unwrap_or("");
            let modal = clause
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|x| !x.is_empty())
                .rev()
                .take(4)
                .enumerate()
                .any(|(i, x)| {
                    // "to soon grow": only the word right before; a modal a few back.
                    let x = x.to_ascii_lowercase();
                    (i == 0 && x == "to")
                        || matches!(
                            x.as_str(),
                            "will" | "would" | "may" | "might" | "could" | "should" | "must" | "can" | "shall"
                        )
                });
            if !modal && w.tense() != Some(Tense::Future) {
                return None;
            }
        }
        let mut n = Norm::new(TimexType::Date, v);
        n.trim_start = trim_start;
        n.trim_end = trim_end;
        if dct.is_some() {
            n.anchor = Anchor::Dct;
        }
        Some(n)
    }

    /// "at the time": the last date spoken of, else a vague past.
    /// "at the time" alone refers back; "at the time of the attack", "at the time when ...",
    /// "at the time the bomb went off", "At the time Howes was captured" is the time of an
    /// event the words after it name, no date of its own (TimeML marks no TIMEX3 there).
    pub(super) fn guard_the_time(&self, n: &Near<'_>, _caps: &Captures<'_>) -> bool {
        let after = n.after.trim_start_matches([' ', '\t']);
        let next = after.split(|c: char| !(c.is_ascii_alphabetic() || c == '.')).next().unwrap_or("");
        // "said at the time that ...": the clause is what was said, the time refers back.
        if next.eq_ignore_ascii_case("that") && is_report_verb(&n.prev_lower) {
            return true;
        }
        if matches!(
            next.to_ascii_lowercase().as_str(),
            "of" | "when"
                | "that"
                | "which"
                | "where"
                | "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
        ) {
            return false;
        }
        // A name opening a clause ("At the time Howes was captured"), not a name after a
        // comma or the end of the sentence.
        !next.starts_with(|c: char| c.is_ascii_uppercase()) || next.len() < 2 || next == "I"
    }

    pub(super) fn norm_at_the_time(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let dct = w.dct;
        // "at the time": the last date spoken of, else a vague past.
        let trim = caps.name("at").map_or(0, |m| m.len());
        let prev = w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= 3);
        let mut n = match prev {
            Some((p, i, _)) => Norm::point(p.clone(), Anchor::Prev(*i)),
            None if w.tense() == Some(Tense::Past) => {
                let mut n = Norm::new(TimexType::Date, "PAST_REF");
                if dct.is_some() {
                    n.anchor = Anchor::Dct;
                }
                n
            }
            None => return None,
        };
        n.trim_start = trim;
        Some(n)
    }

    /// recent weeks: PAST_REF; the coming months: FUTURE_REF.
    pub(super) fn norm_ref_units(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let rel = gl("rel")?;
        let v = if rel == "recent" { "PAST_REF" } else { "FUTURE_REF" };
        let mut n = Norm::new(TimexType::Date, v);
        if dct.is_some() {
            n.anchor = Anchor::Dct;
        }
        Some(n)
    }
}

/// A verb of saying or knowing whose object clause can follow an adverbial: "said at the
/// time that ...".
fn is_report_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "say"
            | "says"
            | "told"
            | "reported"
            | "announced"
            | "believed"
            | "thought"
            | "knew"
            | "argued"
            | "claimed"
            | "wrote"
            | "insisted"
            | "warned"
            | "noted"
            | "acknowledged"
            | "admitted"
            | "denied"
            | "stated"
            | "explained"
            | "suggested"
            | "predicted"
            | "estimated"
    )
}
