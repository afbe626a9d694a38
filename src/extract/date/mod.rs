//! The DATE extractor: TimeML TIMEX3 expressions with type, value, mod and anchor.
//!
//! This file is the engine. Owns: compiling every family's rules (once, from the word lists
//! in `data/dates/`), the trigger scan, the guard shared by all rules (a number inside a
//! bigger number or a code), choosing among overlapping matches (longest, then the rule
//! named first in [`PRECEDENCE`]), and running each kept match's production in text order
//! with the dates before it as possible anchors. It must not: know any rule (it sees them
//! only through [`rule::Rule`]), read files, see other labels' annotations, or do calendar
//! arithmetic by hand (jiff does it, through `resolve.rs`).
//!
//! Layout: `rule.rs` says what a rule is (name, pattern, trigger classes, guard,
//! production); the rules are grouped by family, each file with its patterns, guards and
//! productions side by side: `calendar.rs` (month-day, day-month, numeric, month-year,
//! month), `years.rs` (years, decades, centuries, seasons), `periods.rs` (quarters,
//! halves, year-end), `relative.rs` (last week, the past two months, the next day, two
//! weeks ago), `deictic.rs` (today, weekdays, weekends, parts of the day), `times.rs`
//! (clock times), `durations.rs`, `vague.rs` (now, recently, at the time), `sets.rs`
//! (every Monday, weekly), `holidays.rs`; `common.rs` holds what several families share,
//! `lexicon.rs` the word lists, `resolve.rs` calendar points and the tense guess. A new
//! rule goes into its family's `RULES` and into [`PRECEDENCE`]; its cases go to
//! `tests/cases/dates.toml`.
//!
//! Without a DCT, values keep what the text says and write the rest as X: `September 19`
//! is `XXXX-09-19`, `Friday` is `XXXX-WXX-5`, and relative expressions write their
//! granularity unresolved (`last Sunday`, `yesterday` -> `XXXX-XX-XX`; `last month` ->
//! `XXXX-XX`; `this week` -> `XXXX-WXX`; `four years ago` -> `XXXX`), with no anchor.
//!
//! How it runs: one pass of a cheap trigger pattern (digits and key words from the lists)
//! marks where dates can be; each rule runs only near triggers of the classes it needs;
//! candidates that fail their guards or do not normalise are dropped; overlaps keep the
//! longest. Kept matches are normalised in text order so that "the next day" or "a year
//! earlier" can take the latest date before them as anchor.
//!
//! Conventions where TimeML leaves a choice: the span keeps modifiers (`nearly four years
//! ago`, `early next year`, `more than a decade`) and a `the` that belongs to the expression
//! (`the third quarter`, `the past two months`) but not one before a hyphenated adjective
//! (`the [third-quarter] profit`); a bare weekday, month or month-day points back from the
//! DCT unless the nearest verb is future ("will", "until", "scheduled", a deadline "by");
//! in `two days later` and `a month earlier` the span is the DURATION (`later` and `earlier`
//! are signals, as `before` and `after` are; TimeBank does the same for `later`), while `a
//! year earlier` as the term of a comparison of figures (`up 15% from 4 pence a year
//! earlier`) is the DATE compared with, anchored on the previous date; `the previous Friday` counts from the last day named; `recent weeks` is PAST_REF and
//! `the coming weeks` FUTURE_REF; a range of amounts (`two to three weeks`) is one
//! DURATION with an unknown amount (`PXW`), the unit of a rate after a count (`four flights
//! a week`) a SET, and a comparison term (`from $4 a year earlier`) anchors no later date; a number of quarters is written in months (`P9M`), a
//! number of decades or centuries in years (`more than a decade` is P10Y MORE_THAN, as the
//! seed gold writes it); `another five years` keeps `another` in the span (no mod); `at the
//! time` is the date last spoken of, anchored on it (PAST_REF when there is none), but `at the
//! time of the attack` / `at the time the bomb went off` is the time of an event and no date; `soon` is
//! FUTURE_REF only where the clause looks ahead (`will soon`, `would be done soon`); an
//! adjectival `earlier` before a plural noun (`earlier promises`) is PAST_REF and the noun
//! `future` after an adjective or possessive (`an uncertain future`) FUTURE_REF; a bare
//! weekday after `by`/`until` is the coming one unless a past perfect (`had filed reports by
//! Wednesday`) keeps it in the past.
//!
//! Speed: guards read a bounded stretch either side of a match, the tense scan is bounded
//! and allocation-free, and overlaps are checked in an ordered map, so the cost grows with
//! the number of dates, never with the square of the text.

mod calendar;
mod common;
mod deictic;
mod durations;
mod holidays;
mod lexicon;
mod periods;
mod relative;
mod resolve;
mod rule;
mod sets;
mod times;
mod titles;
mod vague;
mod years;

use super::{Context, Extractor, Tally};
use crate::model::{Annotation, Attrs, DateAttrs, Label, Provenance, Status, TimexType};
use common::{ceil_boundary, floor_boundary, HashMap, HashSet, MODS};
use jiff::civil::Date;
use lexicon::Lexicon;
use regex::Regex;
use resolve::Point;
use rule::{Anchor, Captures, Near, Rule, TenseCache, Where};
use rule::{DECADEW, DEICTIC, DIGIT, HOLIDAY, MONTH, REF, SEASON, SETW, SPOKEN, TIMEW, UNIT, VAGUE, WEEKDAY};

/// How far the guards look either side of a match, in bytes.
const GUARD_REACH: usize = 160;

/// A rule compiled: its regex, the indices of its named groups, and its trigger classes
/// (copied from the rule for the trigger loop).
struct Compiled {
    rule: &'static Rule,
    re: Regex,
    /// The pattern's named groups and their indices.
    groups: Vec<(Box<str>, usize)>,
    classes: u32,
}

/// How far around a trigger word a rule looks, in bytes (then on to white space): the
/// longest prefix ("no more than two and a half") or suffix (", 2025") a date has.
const WINDOW: usize = 48;

/// Words that carry no trigger of their own inside a phrase.
const TRIGGER_STOP: &[&str] =
    &["the", "a", "an", "of", "upon", "these", "right", "near", "foreseeable", "distant", "day", "eve", "then"];

/// The trigger pattern and the classes of each key word, from the word lists.
fn trigger_table(lex: &Lexicon) -> (Regex, HashMap<String, u32>) {
    let mut words: HashMap<String, u32> = HashMap::default();
    let mut add = |w: &str, c: u32| {
        for part in w.split(|ch: char| !ch.is_ascii_alphabetic()).filter(|p| p.len() > 1) {
            let p = part.to_ascii_lowercase();
            if !TRIGGER_STOP.contains(&p.as_str()) || c == UNIT || c == DEICTIC {
                *words.entry(p).or_insert(0) |= c;
            }
        }
    };
    for (f, _) in &lex.month_forms {
        add(f, MONTH);
    }
    add("sept", MONTH);
    for (f, _) in &lex.weekday_forms {
        add(f, WEEKDAY);
        add(&format!("{f}s"), WEEKDAY);
    }
    for u in lex.units.keys() {
        add(u, UNIT);
    }
    for u in ["quarter", "quarters", "period", "session", "half", "weekend", "weekends", "year", "day"] {
        add(u, UNIT);
    }
    for (r, _) in &lex.refs {
        add(r, REF);
    }
    for w in lex.parts_of_day.keys() {
        add(w, DEICTIC);
    }
    for w in ["today", "tonight", "tomorrow", "yesterday"] {
        add(w, DEICTIC);
    }
    for w in lex.seasons.keys() {
        add(w, SEASON);
    }
    for (h, _) in &lex.holidays {
        add(h, HOLIDAY);
    }
    for w in ["time", "earlier", "future", "while"] {
        add(w, VAGUE);
    }
    for (w, _) in &lex.sets {
        add(w, SETW);
    }
    for w in ["nineteen", "twenty", "thousand"] {
        add(w, SPOKEN);
    }
    for w in ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"] {
        add(w, DECADEW);
    }
    for w in ["noon", "midnight", "midday"] {
        add(w, TIMEW);
    }
    let mut list: Vec<&String> = words.keys().collect();
    list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alt = list.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let re = Regex::new(&format!(r"(?i-u)[0-9]+|\b(?:{alt})\b")).unwrap_or_else(|e| panic!("date triggers: {e}"));
    (re, words)
}

/// Every family's rules.
const FAMILIES: &[&[Rule]] = &[
    calendar::RULES,
    years::RULES,
    periods::RULES,
    relative::RULES,
    deictic::RULES,
    times::RULES,
    durations::RULES,
    vague::RULES,
    sets::RULES,
    holidays::RULES,
];

/// The rules by name in order of precedence: of two matches of equal length the rule named
/// first wins (the order also decides which rule's match of a span is tried first).
const PRECEDENCE: &[&str] = &[
    "month-day-year",
    "day-month-year",
    "month-day",
    "coord-day",
    "day-month",
    "week-of",
    "numeric-mdy",
    "numeric-iso",
    "month-year",
    "month",
    "year",
    "decade",
    "century",
    "season",
    "quarter",
    "year-period",
    "quarter-q",
    "quarter-rel",
    "period-last-year",
    "last-years-quarter",
    "half-h",
    "half",
    "half-quarters",
    "rel-unit",
    "for-the-unit",
    "pos-of-unit",
    "verb-the-day",
    "span",
    "anchored",
    "deictic",
    "weekday",
    "pod-bare",
    "pod-dawn",
    "weekend",
    "time",
    "time-24",
    "time-of-day-words",
    "time-word",
    "ago",
    "duration-noun",
    "duration",
    "duration-range",
    "units-or-units",
    "half-unit",
    "vague-duration",
    "bare-units",
    "unit-long",
    "over-the-units",
    "year-adjective",
    "year-end",
    "spoken-year",
    "ref",
    "for-a-while",
    "the-time",
    "earlier-adj",
    "future-noun",
    "ref-units",
    "set-every",
    "set-freq",
    "set-per",
    "set-word",
    "set-weekdays",
    "holiday",
];

/// The rules of every family, in [`PRECEDENCE`] order.
fn ordered_rules() -> impl Iterator<Item = &'static Rule> {
    PRECEDENCE.iter().map(|name| {
        FAMILIES
            .iter()
            .flat_map(|f| f.iter())
            .find(|r| r.name == *name)
            // A constant list of this module's own rules; a test checks that it names each once.
            .unwrap_or_else(|| panic!("date rule {name} is in no family"))
    })
}

/// The DATE extractor: compiled rules and word lists.
pub struct DateExtractor {
    lex: Lexicon,
    rules: Vec<Compiled>,
    /// Digits and key words: where a date can be.
    triggers: Regex,
    /// Key word (lowercase) -> trigger classes.
    trigger_words: HashMap<String, u32>,
}

impl Default for DateExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl DateExtractor {
    /// Compiles every rule (once per extractor).
    pub fn new() -> DateExtractor {
        let lex = Lexicon::load();
        let num_w = lex.number_word_alt();
        let num = format!(
            r"(?:\d+(?:\.\d+|\s+1/2)?|(?:{num_w})(?:[\s-]+(?:{num_w}))?(?:\s+hundred)?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|a\s+hundred|an?)"
        );
        let season_alt = lex.seasons.keys().cloned().collect::<Vec<_>>().join("|");
        let pod_alt = lex.parts_of_day.keys().cloned().collect::<Vec<_>>().join("|");
        let mod_alt = MODS.iter().map(|(w, _)| w.replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
        let subst = [
            ("{MONTHF}", lex.month_alt(true)),
            ("{MONTH}", lex.month_alt(false)),
            ("{WDF}", format!("(?i:{})", lex.weekday_forms.iter().filter(|(_, f)| *f).map(|(f, _)| f.clone()).collect::<Vec<_>>().join("|"))),
            ("{WD}", lex.weekday_alt()),
            ("{NUM}", num),
            ("{UNIT}", lex.unit_alt()),
            ("{ORD}", lex.ordinal_alt()),
            ("{YEAR}", r"(?:1[6-9]\d\d|20\d\d)".to_string()),
            ("{POD}", pod_alt),
            ("{MOD}", format!(r"\b(?P<modw>{mod_alt})\s+")),
            (
                "{POS}",
                r"\b(?P<pos>early|earlier|mid|middle|late|later|(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of(?:\s+the)?|(?:the\s+)?(?:early|mid|late))(?:\s*-\s*|\s+)".to_string(),
            ),
            ("{HOL}", Lexicon::phrase_alt(lex.holidays.iter().map(|(n, _)| n))),
            ("{REF}", Lexicon::phrase_alt(lex.refs.iter().map(|(n, _)| n))),
            ("{SETW}", Lexicon::phrase_alt(lex.sets.iter().map(|(n, _)| n))),
            ("{SEASON}", season_alt),
            ("{SPY}", years::SPOKEN_YEAR.to_string()),
        ];
        let rules: Vec<Compiled> = ordered_rules()
            .map(|rule| {
                let name = rule.name;
                let mut p = rule.pattern.to_string();
                for (k, v) in &subst {
                    p = p.replace(k, v);
                }
                // ASCII case folding and word boundaries: a far smaller automaton.
                let p = format!("(?i-u){p}");
                // The patterns are constants of the family files; a test compiles every one.
                let re = Regex::new(&p).unwrap_or_else(|e| panic!("date rule {name}: {e}"));
                let groups = re.capture_names().enumerate().filter_map(|(i, n)| Some((n?.into(), i))).collect();
                Compiled { rule, re, groups, classes: rule.classes }
            })
            .collect();
        let (triggers, trigger_words) = trigger_table(&lex);
        DateExtractor { lex, rules, triggers, trigger_words }
    }

    /// Candidate matches of every rule that pass the rule's guards: (start, end, rule).
    ///
    /// One pass of a cheap trigger pattern (digits and the lexicon's key words) finds where
    /// dates can be; each rule then runs only on the stretches of text ([`WINDOW`] bytes either
    /// side of a trigger, cut at white space and at the trigger's line) around triggers of the
    /// classes it needs.
    fn candidates<'t>(&'t self, text: &'t str, work: &Tally) -> Vec<(usize, usize, usize, Captures<'t>)> {
        let bytes = text.as_bytes();
        let mut windows: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.rules.len()];
        let mut triggers = 0u64;
        for t in self.triggers.find_iter(text) {
            triggers += 1;
            let mask = if t.as_str().as_bytes()[0].is_ascii_digit() {
                DIGIT
            } else {
                // Lower-cased on the stack: trigger words are short ASCII words.
                let w = t.as_str().as_bytes();
                let mut buf = [0u8; 32];
                match buf.get_mut(..w.len()) {
                    Some(low) => {
                        low.copy_from_slice(w);
                        low.make_ascii_lowercase();
                        std::str::from_utf8(low).ok().and_then(|l| self.trigger_words.get(l)).copied().unwrap_or(0)
                    }
                    None => self.trigger_words.get(&t.as_str().to_ascii_lowercase()).copied().unwrap_or(0),
                }
            };
            if mask == 0 {
                continue;
            }
            let mut ws = t.start().saturating_sub(WINDOW);
            let floor = ws.saturating_sub(16);
            while ws > floor && !bytes[ws - 1].is_ascii_whitespace() {
                ws -= 1;
            }
            while !text.is_char_boundary(ws) {
                ws += 1;
            }
            let mut we = (t.end() + WINDOW).min(text.len());
            let ceil = (we + 16).min(text.len());
            while we < ceil && !bytes[we].is_ascii_whitespace() {
                we += 1;
            }
            while !text.is_char_boundary(we) {
                we += 1;
            }
            // A date never runs across a line break: a headline, a dateline and a paragraph
            // each end there, so a window stops at the line of its trigger.
            if let Some(nl) = text[ws..t.start()].rfind('\n') {
                ws += nl + 1;
            }
            if let Some(nl) = text[t.end()..we].find('\n') {
                we = t.end() + nl;
            }
            for (ri, rule) in self.rules.iter().enumerate() {
                if rule.classes & mask != 0 {
                    let w = &mut windows[ri];
                    match w.last_mut() {
                        Some(last) if ws <= last.1 => last.1 = last.1.max(we),
                        _ => w.push((ws, we)),
                    }
                }
            }
        }
        let mut out = Vec::new();
        let mut seen = HashSet::default();
        let mut searched = 0u64;
        for (ri, rule) in self.rules.iter().enumerate() {
            for &(ws, we) in &windows[ri] {
                let Some(hay) = text.get(ws..we) else {
                    continue;
                };
                searched += hay.len() as u64;
                self.push_matches(text, hay, ws, ri, rule, &mut seen, &mut out);
            }
        }
        work.add(|w| {
            w.date_triggers += triggers;
            w.date_window_bytes += searched;
            w.date_candidates += out.len() as u64;
        });
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn push_matches<'t>(
        &'t self,
        text: &'t str,
        hay: &'t str,
        offset: usize,
        ri: usize,
        rule: &'t Compiled,
        seen: &mut HashSet<(usize, usize, usize)>,
        out: &mut Vec<(usize, usize, usize, Captures<'t>)>,
    ) {
        // Most windows hold no match of a given rule: an earliest-match test, with no
        // capture slots to allocate, settles those before the leftmost-first search.
        if !rule.re.is_match(hay) {
            return;
        }
        {
            for caps in rule.re.captures_iter(hay) {
                let caps = Captures { caps, names: &rule.groups };
                let Some(m) = caps.get(0) else { continue };
                let (mut s, mut e) = (m.start() + offset, m.end() + offset);
                // Never start or end on white space or a comma.
                while s < e && text.as_bytes()[s].is_ascii_whitespace() {
                    s += 1;
                }
                while e > s && matches!(text.as_bytes()[e - 1], b' ' | b'\n' | b'\t' | b',') {
                    e -= 1;
                }
                if s < e && seen.insert((s, e, ri)) && self.guard(rule, text, s, e, &caps) {
                    out.push((s, e, ri, caps));
                }
            }
        }
    }

    /// The candidates kept: longest first, then the earlier rule, each kept when it overlaps
    /// no match kept before and its production gives a value (tried against stand-ins for the
    /// earlier date); in text order.
    fn keep<'t>(
        &'t self,
        cx: &Context<'_>,
        text: &'t str,
        tenses: &TenseCache,
    ) -> Vec<(usize, usize, usize, Captures<'t>)> {
        let doc = cx.doc;
        let mut cands = self.candidates(text, cx.work);
        // Longest first, then the earlier rule, then the earlier start.
        cands.sort_by_key(|(s, e, r, _)| (std::cmp::Reverse(e - s), *r, *s));
        // Kept spans by start; they never overlap, so one look at the neighbours decides.
        let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        let mut kept = Vec::new();
        let sentences = cx.sentences;
        // Stand-ins for the earlier date while checking that a candidate normalises at all.
        let fake_day = doc.dct().or_else(|| Date::new(2000, 1, 1).ok());
        let fake = fake_day.map(|d| (Point::Day(d), 0usize, 0usize));
        for c in cands {
            let clash_before = taken.range(..c.1).next_back().is_some_and(|(_, e)| *e > c.0);
            if clash_before {
                continue;
            }
            let si = sentences.partition_point(|x| x.end_byte <= c.0);
            let sent =
                sentences.get(si).map(|x| (x.start_byte.min(c.0), x.end_byte.max(c.1))).unwrap_or((0, text.len()));
            let probe = Where {
                text,
                start: c.0,
                end: c.1,
                sentence: sent,
                dct: doc.dct(),
                prev: fake.as_ref(),
                prev_end: None,
                sentence_no: 0,
                prev_quarter: None,
                period_after_quarter: false,
                tenses,
            };
            if (self.rules[c.2].rule.norm)(self, &c.3, &probe).is_none() {
                continue;
            }
            taken.insert(c.0, c.1);
            kept.push(c);
        }
        kept.sort_by_key(|(s, _, _, _)| *s);
        kept
    }

    /// Rejects matches that are numbers or codes rather than dates, then asks the rule's guard.
    fn guard(&self, rule: &Compiled, text: &str, s: usize, e: usize, caps: &Captures<'_>) -> bool {
        // Guards read a few words either side: bounded, so a long text costs no more per match.
        let before = &text[floor_boundary(text, s.saturating_sub(GUARD_REACH))..s];
        let after = &text[e..ceil_boundary(text, e + GUARD_REACH)];
        let prev_char = before.chars().next_back();
        let next_char = after.chars().next();
        // Inside a bigger number or a code: "12/2025/3", "1,990".
        if prev_char.is_some_and(|c| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '#' | '/' | '.'))
            && text[s..].starts_with(|c: char| c.is_ascii_digit())
        {
            return false;
        }
        if next_char.is_some_and(|c| c == '%' || c == '/')
            || (after.starts_with(',') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            || (after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        // A work's title: "He wrote The Day After Tomorrow", "the film Next Friday".
        if titles::in_title(&self.lex, text, s, e) {
            return false;
        }
        let prev_word = before.split(|c: char| !c.is_alphanumeric() && c != '.').rfind(|w| !w.is_empty()).unwrap_or("");
        let prev_lower = prev_word.to_ascii_lowercase();
        let near = Near { text, s, e, before, after, prev_word, prev_lower };
        (rule.rule.guard)(self, &near, caps)
    }
}

impl Extractor for DateExtractor {
    fn label(&self) -> Label {
        Label::Date
    }

    fn extract(&self, cx: &Context<'_>, out: &mut Vec<Annotation>) {
        let doc = cx.doc;
        let text = doc.text();
        let sentences = cx.sentences;
        let tenses = TenseCache::default();
        let kept = self.keep(cx, text, &tenses);
        let mut si = 0usize;
        let mut prev: Option<(Point, usize, usize)> = None;
        let mut prev_end: Option<usize> = None;
        let mut prev_quarter: Option<(Point, usize, usize)> = None;
        // The latest span of months or years ("the nine months"): (index, sentence).
        let mut last_period: Option<(usize, usize)> = None;
        let mut ids: Vec<Option<String>> = Vec::new();
        let mut n_out = 0usize;
        for (k, (s, e, ri, caps)) in kept.iter().enumerate() {
            while si + 1 < sentences.len() && sentences[si].end_byte <= *s {
                si += 1;
            }
            let sentence = sentences.get(si).map(|x| (x.start_byte, x.end_byte)).unwrap_or((0, text.len()));
            let sentence = (sentence.0.min(*s), sentence.1.max(*e));
            let w = Where {
                text,
                start: *s,
                end: *e,
                sentence,
                dct: doc.dct(),
                prev: prev.as_ref(),
                prev_end,
                prev_quarter: prev_quarter.as_ref().filter(|(_, _, sn)| si.saturating_sub(*sn) <= 5),
                period_after_quarter: last_period
                    .is_some_and(|(pk, psi)| psi == si && prev_quarter.as_ref().is_none_or(|(_, qk, _)| pk > *qk)),
                sentence_no: si,
                tenses: &tenses,
            };
            let rule = &self.rules[*ri];
            let Some(norm) = (rule.rule.norm)(self, caps, &w) else {
                ids.push(None);
                continue;
            };
            let s = &(s + norm.trim_start).min(*e);
            let end = e.saturating_sub(norm.trim_end).max(*s);
            let end = text[*s..end].trim_end_matches([' ', ',', '\n', '\t']).len() + s;
            let Some(span) = doc.span_of_bytes(*s, end) else {
                ids.push(None);
                continue;
            };
            if span.is_empty() {
                ids.push(None);
                continue;
            }
            // "March 3 and 4, 2021": the year written after the second day is the first's too.
            if let (true, Some(y), Some(Point::Day(d2))) = (norm.lend_year, caps.name("y"), &norm.point) {
                let first = k.checked_sub(1).and_then(|j| ids.get(j)).cloned().flatten();
                if let Some(last) = out.last_mut().filter(|a| Some(&a.id) == first.as_ref()) {
                    if let Attrs::Date(da) = &mut last.attrs {
                        let v = &da.value;
                        if v.len() == 10 && v.as_bytes()[4] == b'-' && v[5..7] == format!("{:02}", d2.month()) {
                            da.value = format!("{}{}", y.as_str(), &v[4..]);
                            da.anchor = None;
                        }
                    }
                }
            }
            n_out += 1;
            let id = format!("date{n_out}");
            ids.push(Some(id.clone()));
            let anchor = match norm.anchor {
                Anchor::None => None,
                Anchor::Dct => Some("dct".to_string()),
                Anchor::Prev(i) => ids.get(i).cloned().flatten(),
            };
            if norm.ty == TimexType::Duration
                && norm.value.starts_with('P')
                && !norm.value.starts_with("PT")
                && (norm.value.ends_with('M') || norm.value.ends_with('Y'))
            {
                last_period = Some((k, si));
            }
            if let Some(p) = &norm.point {
                if (norm.ty == TimexType::Date || norm.ty == TimexType::Time) && !norm.compared {
                    prev = Some((p.clone(), k, si));
                    prev_end = Some(end);
                    // Only a quarter the text names itself, not one derived from another.
                    // A quarter still to come ("losses through the third quarter of 1990") is
                    // no reported period for "the year-ago quarter" to look back from; the
                    // DCT's own quarter is one only when no earlier quarter was named.
                    let reported = match (p, doc.dct()) {
                        (Point::Quarter(y, q), Some(d)) => {
                            let (here, now) = ((*y, *q), (d.year(), resolve::quarter_of(d)));
                            here < now || (here == now && prev_quarter.is_none())
                        }
                        _ => true,
                    };
                    if matches!(p, Point::Quarter(..)) && !matches!(norm.anchor, Anchor::Prev(_)) && reported {
                        prev_quarter = Some((p.clone(), k, si));
                    }
                }
            }
            out.push(Annotation {
                id,
                span,
                quote: text[*s..end].to_string(),
                status: Status::Predicted,
                provenance: Provenance::extractor(rule.rule.name),
                note: None,
                unsure: false,
                attrs: Attrs::Date(DateAttrs {
                    timex_type: norm.ty,
                    value: norm.value,
                    modifier: norm.modifier,
                    anchor,
                }),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles() {
        let x = DateExtractor::new();
        assert_eq!(x.rules.len(), FAMILIES.iter().map(|f| f.len()).sum::<usize>());
    }

    #[test]
    fn precedence_names_every_rule_once() {
        let mut names: Vec<&str> = FAMILIES.iter().flat_map(|f| f.iter().map(|r| r.name)).collect();
        names.sort_unstable();
        let mut listed = PRECEDENCE.to_vec();
        listed.sort_unstable();
        assert_eq!(names, listed);
        names.dedup();
        assert_eq!(names.len(), PRECEDENCE.len(), "two rules share a name");
    }

    #[test]
    fn groups_are_found_by_name() {
        let x = DateExtractor::new();
        for rule in &x.rules {
            for (name, i) in &rule.groups {
                let by_regex = rule.re.capture_names().position(|n| n == Some(&**name));
                assert_eq!(by_regex, Some(*i), "rule {} group {name}", rule.rule.name);
            }
        }
    }
}
