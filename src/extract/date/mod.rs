//! The DATE extractor: TimeML TIMEX3 expressions with type, value, mod and anchor.
//!
//! Owns: the rule table (one regex per construction, built once from the word lists in
//! `data/dates/`), choosing among overlapping matches (longest, then earliest rule) and
//! normalising each kept match against the document's creation date (DCT) or an earlier
//! date. It must not: read files, see other labels' annotations, or do calendar arithmetic
//! by hand (jiff does it, through `resolve.rs`).
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
//! in `two days later` the span is the DURATION `two days` (`later` is a signal, as `before`
//! and `after` are; TimeBank does the same), while `a year earlier` is a DATE anchored on
//! the previous date; `the previous Friday` counts from the last day named; `recent weeks` is PAST_REF and
//! `the coming weeks` FUTURE_REF; a number of quarters is written in months (`P9M`), a
//! number of decades or centuries in years (`more than a decade` is P10Y MORE_THAN, as the
//! seed gold writes it); `another five years` keeps `another` in the span (no mod); `at the
//! time` is the date last spoken of, anchored on it (PAST_REF when there is none); `soon` is
//! FUTURE_REF only where the clause looks ahead (`will soon`, `would be done soon`); an
//! adjectival `earlier` before a plural noun (`earlier promises`) is PAST_REF and the noun
//! `future` after an adjective or possessive (`an uncertain future`) FUTURE_REF; a bare
//! weekday after `by`/`until` is the coming one unless a past perfect (`had filed reports by
//! Wednesday`) keeps it in the past.
//!
//! Speed: guards read a bounded stretch either side of a match, the tense scan is bounded
//! and allocation-free, and overlaps are checked in an ordered map, so the cost grows with
//! the number of dates, never with the square of the text.

mod lexicon;
mod resolve;

use super::{Context, Extractor, Tally};
use crate::model::{Annotation, Attrs, DateAttrs, Label, Provenance, Status, TimexType};
use jiff::civil::Date;
use lexicon::{Holiday, Lexicon};
use regex::{Match, Regex};

/// A rule's match, its groups looked up by name in the rule's own short table: the regex
/// crate's `Captures::name` hashes the name with SipHash on every call, which took 2% of the
/// whole pipeline in profiles (the rules ask for dozens of groups a match).
struct Captures<'t> {
    caps: regex::Captures<'t>,
    names: &'t [(Box<str>, usize)],
}

impl<'t> Captures<'t> {
    fn name(&self, name: &str) -> Option<Match<'t>> {
        let &(_, i) = self.names.iter().find(|(n, _)| &**n == name)?;
        self.caps.get(i)
    }
    fn get(&self, i: usize) -> Option<Match<'t>> {
        self.caps.get(i)
    }
}
use resolve::{add, at_unit, tense_near, unknown_at_unit, weekday, weekday_near, Point, Tense, Unit};
/// Fx-hashed maps and sets (crate `rustc-hash`): keys are the lexicon's words and offsets,
/// not user-controlled, so SipHash's flooding resistance is not needed and costs time.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
type HashSet<K> = rustc_hash::FxHashSet<K>;

/// How far the guards look either side of a match, in bytes.
const GUARD_REACH: usize = 160;

/// The nearest char boundary at or before `i` (clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i` (clamped to the text).
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What a rule's match means; the normaliser reads the named groups accordingly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Month name and day, with an optional year and weekday.
    MonthDay,
    /// Numeric dates: 09/19/2025, 2025-09-20.
    Numeric,
    MonthYear,
    Month,
    Year,
    Decade,
    Century,
    Season,
    Quarter,
    Half,
    /// last/next/this week, month, year...
    RelUnit,
    /// the past two months, the next few weeks, the first nine months.
    Span,
    /// the next day, the following week, that day.
    Anchored,
    /// today, yesterday, tomorrow, tonight, this morning, last night.
    Deictic,
    Weekday,
    Weekend,
    Time,
    /// N units ago / earlier / later.
    Ago,
    Duration,
    VagueDuration,
    /// now, recently, the future...
    Ref,
    /// recent weeks, the coming months.
    RefUnits,
    Set,
    Holiday,
    /// the end of the year, the beginning of the month.
    PosOfUnit,
    /// year-earlier, year-ago (results, period).
    YearAgo,
    /// year-end, year's end.
    YearEnd,
    /// nineteen ninety-six, the year two thousand.
    SpokenYear,
    /// The second day of a coordination, "April 24 and [25]": the month of the day before it.
    CoordDay,
    /// A part of the day on its own: "in [the morning]", "by [mid afternoon]".
    BarePod,
}

struct Rule {
    name: &'static str,
    kind: Kind,
    re: Regex,
    /// The pattern's named groups and their indices.
    groups: Vec<(Box<str>, usize)>,
    /// The trigger classes one of which every match of the rule contains.
    classes: u32,
}

/// How far around a trigger word a rule looks, in bytes (then on to white space): the
/// longest prefix ("no more than two and a half") or suffix (", 2025") a date has.
const WINDOW: usize = 48;

// Trigger classes: what kind of key word a stretch of text holds.
const MONTH: u32 = 1;
const WEEKDAY: u32 = 2;
const DIGIT: u32 = 4;
const UNIT: u32 = 8;
const REF: u32 = 16;
const DEICTIC: u32 = 32;
const SEASON: u32 = 64;
const HOLIDAY: u32 = 128;
const SETW: u32 = 256;
const SPOKEN: u32 = 512;
const DECADEW: u32 = 1024;
const TIMEW: u32 = 2048;
/// Words of the vague-reference rules that need their context: time, soon, earlier, future.
const VAGUE: u32 = 4096;

/// The trigger classes of a rule: every match holds a word of one of them.
fn rule_classes(kind: Kind, name: &str) -> u32 {
    match kind {
        Kind::Ref | Kind::Anchored if matches!(name, "the-time" | "earlier-adj" | "future-noun" | "for-a-while") => {
            VAGUE
        }
        Kind::MonthDay | Kind::MonthYear | Kind::Month => MONTH,
        Kind::Numeric | Kind::Year => DIGIT,
        Kind::Decade => DIGIT | DECADEW,
        Kind::Century => UNIT,
        Kind::Season => SEASON,
        Kind::Quarter if name == "quarter-q" => DIGIT,
        Kind::Quarter | Kind::Half => UNIT,
        Kind::RelUnit | Kind::PosOfUnit | Kind::Span | Kind::Weekend => UNIT,
        Kind::Anchored => UNIT | DEICTIC,
        Kind::Deictic => DEICTIC,
        Kind::Weekday => WEEKDAY,
        Kind::Time if name == "time-word" => TIMEW,
        Kind::Time => DIGIT,
        Kind::Ago | Kind::Duration | Kind::VagueDuration => UNIT,
        Kind::Ref => REF,
        Kind::RefUnits => UNIT,
        Kind::Set if name == "set-word" => SETW,
        Kind::Set if name == "set-weekdays" => WEEKDAY,
        Kind::Set if name == "set-every" => UNIT | WEEKDAY | DEICTIC | MONTH | SEASON,
        Kind::Set => UNIT | WEEKDAY | DEICTIC,
        Kind::Holiday => HOLIDAY,
        Kind::YearAgo | Kind::YearEnd => UNIT,
        Kind::SpokenYear => SPOKEN,
        Kind::CoordDay => DIGIT,
        Kind::BarePod => DEICTIC,
    }
}

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

/// The rule table: (name, kind, pattern template). Templates use `{MONTH}`, `{MONTHF}`
/// (full names), `{WD}`, `{NUM}`, `{UNIT}`, `{ORD}`, `{YEAR}`, `{POD}`, `{MOD}`, `{POS}`,
/// `{HOL}`, `{REF}`, `{SETW}`, `{SEASON}`; `\b` means an ASCII word boundary. Order
/// breaks ties between matches of equal length.
const RULES: &[(&str, Kind, &str)] = &[
    (
        "month-day-year",
        Kind::MonthDay,
        r"\b(?:(?P<wd>{WD}),?\s+)?(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b,?\s+(?P<y>{YEAR})\b",
    ),
    (
        "day-month-year",
        Kind::MonthDay,
        r"\b(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b",
    ),
    ("month-day", Kind::MonthDay, r"\b(?:(?P<wd>{WD}),?\s+)?(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"),
    // "April 24 and 25": coordinated dates are two spans; the second day takes the first's
    // month (the guard checks that a month and day come right before).
    (
        "coord-day",
        Kind::CoordDay,
        r"\b(?P<and>(?:and|or)\s+)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{YEAR})\b)?",
    ),
    (
        "day-month",
        Kind::MonthDay,
        r"\b(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})",
    ),
    // "the week of March 6": the ISO week of that day.
    (
        "week-of",
        Kind::MonthDay,
        r"\b(?P<wk>the\s+week\s+of)\s+(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{YEAR})\b)?",
    ),
    ("numeric-mdy", Kind::Numeric, r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)\b"),
    ("numeric-iso", Kind::Numeric, r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<a>[01]\d)-(?P<b>[0-3]\d)\b"),
    (
        "month-year",
        Kind::MonthYear,
        r"(?:{POS})?\b(?P<m>{MONTH})\s*,?\s+(?:of\s+)?(?:(?P<y>{YEAR})\b|(?P<sy>{SPY})\b|(?P<ry>this|last|next)\s+year\b)",
    ),
    (
        "month",
        Kind::Month,
        r"(?:{POS})?\b(?:(?P<rel>last|next|this|that|this\s+past|this\s+coming)\s+)?(?P<m>{MONTHF})\b",
    ),
    (
        "year",
        Kind::Year,
        r"(?:{POS})?\b(?:(?P<fy>fiscal|calendar|fiscal\s+year|the\s+year|FY)\s*)?(?P<y>{YEAR})\b(?P<ya>'s)?(?:\s+(?P<later>or\s+(?:later|earlier|before|after|so)))?",
    ),
    (
        "decade",
        Kind::Decade,
        r"(?:{POS})?\b(?:(?:the|this|that)\s+)?(?:(?P<dy>1[0-9]\d|20\d)0'?s|'(?P<dd>\d)0s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    ),
    ("century", Kind::Century, r"(?:{POS})?\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|{ORD})[\s-]+century\b"),
    (
        "season",
        Kind::Season,
        r"(?:{POS})?\b(?:(?P<rel>last|next|this|that|the|this\s+past|this\s+coming|coming|past)\s+)?(?P<s>{SEASON})\b(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPY}))\b)?",
    ),
    (
        "quarter",
        Kind::Quarter,
        r"(?:{POS})?\b(?:(?P<rel>the|this|last|next|the\s+same|the\s+comparable|the\s+year-ago|the\s+year-earlier|the\s+prior-year|the\s+year-ago|a\s+year-earlier|the\s+latest|the\s+current|the\s+previous|the\s+last|the\s+fiscal)\s+)?(?:(?:(?P<fy1>fiscal|calendar)\s+)?(?P<y1>{YEAR})(?:(?:'|’)s)?\s+|(?P<ry>this|last|next)\s+year(?:'|’)s\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)(?P<sep>[\s-]+)(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?(?P<y>{YEAR})\b)?",
    ),
    ("year-period", Kind::Quarter, r"\bthe\s+(?P<y>{YEAR})\s+(?:(?:fiscal|calendar)\s+)?(?:quarter|period)\b"),
    (
        "quarter-q",
        Kind::Quarter,
        r"\b(?:(?P<fy1>fiscal|calendar)\s+(?P<y1>{YEAR})\s+)?(?-i:Q(?P<qn>[1-4]))(?:\s*(?:of\s+)?(?P<y>{YEAR}|'?\d\d))?\b",
    ),
    (
        "quarter-rel",
        Kind::Quarter,
        r"\b(?P<rel>the\s+(?:same|comparable|corresponding)\s+(?:year-ago|year-earlier|prior-year)|the\s+latest|the\s+current|the\s+previous|the\s+same|the\s+comparable|the\s+year-ago|the\s+year-earlier|the\s+prior-year|this|last|next|the\s+last|the\s+past|the\s+latest\s+fiscal|the\s+year-ago\s+fiscal|the\s+fiscal|the)\s+(?:(?:fiscal|calendar)\s+)?quarter\b(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?",
    ),
    // "the corresponding period last year", "the quarter a year earlier".
    (
        "period-last-year",
        Kind::Quarter,
        r"\b(?:the\s+)?(?:(?P<rel>same|corresponding|comparable)\s+)?(?:quarter|(?P<per>period))\s+(?P<ago>(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier))\b",
    ),
    // "last year's quarter", "last year's period".
    (
        "last-years-quarter",
        Kind::Quarter,
        r"\b(?P<ago>last\s+year(?:'|’)s)\s+(?:fiscal\s+)?(?:quarter|(?P<per>period))\b",
    ),
    (
        "half",
        Kind::Half,
        r"(?:{POS})?\b(?:the\s+)?(?P<ord>first|second|1st|2nd|latter|last)\s+half\b(?:\s+of\s+(?:the\s+)?(?:(?P<y>{YEAR})\b|(?P<rel>this|last|next|the)\s+year\b))?",
    ),
    // "the first two quarters of 1990": a half year.
    (
        "half-quarters",
        Kind::Half,
        r"(?:{POS})?\b(?:the\s+)?(?P<ord>first|last)\s+two\s+quarters\s+of\s+(?:the\s+)?(?:(?P<y>{YEAR})\b|(?P<rel>this|last|next|the)\s+year\b)",
    ),
    (
        "rel-unit",
        Kind::RelUnit,
        r"(?:{POS})?\b(?P<rel>last|next|this|that|current|the\s+current|coming|this\s+coming|this\s+past|past|previous|the\s+previous|the\s+same|same|the\s+following|following|the\s+prior|prior|the\s+year-ago|the\s+year-earlier|year-ago|year-earlier|the\s+fiscal|fiscal|the\s+latest|the\s+late|the\s+early)\s+(?P<u>week|month|year|quarter|decade|century|period|fiscal\s+year|calendar\s+year|school\s+year|day|session)\b",
    ),
    (
        "for-the-unit",
        Kind::Span,
        r"\b(?P<prep>for|in|during|over|through|of)\s+(?P<the>the)\s+(?P<rel>)(?P<u>year|week|month)\b(?P<ended>\s+(?:ended|ending|to\s+date|through|that\s+ended))?",
    ),
    (
        "pos-of-unit",
        Kind::PosOfUnit,
        r"\b(?P<pos>(?:the\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder)\s+of|earlier\s+in|later\s+in|early\s+in|late\s+in)\s+the\s+(?P<u>year|month|week|quarter|decade|century|day)\b",
    ),
    (
        "span",
        Kind::Span,
        r"\b(?:(?P<the>the)\s+)?(?P<rel>past|last|next|coming|previous|first|final|following|ensuing|preceding|initial|latest|remaining|same|year-earlier|year-ago|entire|whole|full)\s+(?:(?P<n>{NUM}|few|several|many|couple\s+of)\s+)?(?P<u>{UNIT})\b(?P<orso>\s+or\s+so\b)?",
    ),
    (
        "anchored",
        Kind::Anchored,
        r"\b(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+prior|the\s+preceding|the\s+same|that|earlier\s+that|later\s+that|the\s+day\s+before|the\s+day\s+after|a\s+day\s+before|a\s+day\s+after|the\s+night\s+before)\b(?:\s+(?P<u>day|week|month|year|morning|afternoon|evening|night|weekend))?\b",
    ),
    (
        "deictic",
        Kind::Deictic,
        r"\b(?:(?P<pos>early|late|earlier|later|mid)[\s-]+)?(?:(?P<dd>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|(?P<w>today|tonight|tomorrow|yesterday)(?:\s+(?P<pod>{POD}))?|(?P<rel>this|last|tomorrow|yesterday|this\s+past)\s+(?P<pod2>{POD})|(?:the\s+)?(?P<pod3>{POD})\s+(?P<w3>yesterday|today|tomorrow))\b(?P<poss>(?:'|’)s)?",
    ),
    (
        "weekday",
        Kind::Weekday,
        r"\b(?:(?P<pos>early|late|earlier|later|mid)[\s-]+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+following|the\s+next|the\s+previous)\s+)?(?P<wd>{WDF})\b(?:\s+(?P<pod>{POD}))?\b",
    ),
    // "in the morning", "by mid afternoon": a part of the day the text is speaking of (the
    // guard wants a preposition before and no noun after: not "the night the plane fell",
    // "late-night talks").
    (
        "pod-bare",
        Kind::BarePod,
        r"\b(?:(?P<pos>early|late|mid)[\s-]+|(?P<posin>(?:earlier|later|early|late)\s+in)\s+the\s+|(?P<the>the)\s+)(?P<pb>morning|afternoon|evening|night)\b",
    ),
    (
        "weekend",
        Kind::Weekend,
        r"\b(?P<rel>this|last|next|the|this\s+past|this\s+coming|that|the\s+previous|the\s+following)\s+weekend\b",
    ),
    (
        "time",
        Kind::Time,
        r"(?:\b(?P<modw>about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b)(?:\s+(?P<tz>(?-i:GMT|UTC|EST|EDT|ET|PST|PDT|CST|CDT|BST|CET|CEST)\b))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDF}|today|yesterday|tomorrow)\b|(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)\b(?:,?\s+(?P<y>{YEAR})\b)?))?",
    ),
    (
        "time-24",
        Kind::Time,
        r"\b(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?:\s+(?P<tz>(?-i:GMT|UTC|EST|EDT|ET|PST|PDT|CST|CDT|BST|CET|CEST)\b|hours\b|(?-i:local\s+time)))",
    ),
    (
        "time-word",
        Kind::Time,
        r"\b(?P<hw>noon|midnight|midday|mid-day)\b(?:,?\s+(?:on\s+)?(?P<wd>{WDF}|today|yesterday|tomorrow)\b)?",
    ),
    (
        "ago",
        Kind::Ago,
        r"(?:{MOD})?\b(?P<n>{NUM}|a\s+few|few|several|many|some|a\s+number\s+of)\s+(?:(?:trading|business|working)\s+)?(?P<u>{UNIT})\b(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|back|from\s+now|hence|on)\b",
    ),
    (
        "duration",
        Kind::Duration,
        r"(?:{MOD}|\bthe\s+)?\b(?P<n>{NUM})(?P<half>\s+and\s+(?:a|one)[\s-]+half)?[\s-]+(?:(?:more|additional|extra)\s+)?(?:(?:trading|business|working)\s+)?(?P<u>{UNIT})\b(?P<half2>\s+and\s+a\s+half\b)?(?P<orso>\s+or\s+so\b)?",
    ),
    (
        "half-unit",
        Kind::Duration,
        r"(?:{MOD})?\b(?:(?P<hf>half)\s+(?:an?\s+)?|(?P<hf2>an?\s+half)[\s-]+)(?P<u>hour|day|year|century|decade|month)\b",
    ),
    (
        "vague-duration",
        Kind::VagueDuration,
        r"(?:{MOD})?\b(?P<v>several|a\s+few|few|many|some|numerous|a\s+number\s+of|dozens\s+of|hundreds\s+of|countless|recent|the\s+early|the\s+first)\s+(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b",
    ),
    ("bare-units", Kind::VagueDuration, r"\b(?P<u>days|weeks|months|years|decades|centuries)\b"),
    (
        "year-adjective",
        Kind::YearAgo,
        r"\b(?:(?P<the>the)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<ya>year-earlier|year-ago|prior-year|year-before)\b",
    ),
    ("year-end", Kind::YearEnd, r"\b(?:(?P<rel>this|last|next)\s+)?(?:year[\s-]end|year(?:'|’)s\s+end)\b"),
    ("spoken-year", Kind::SpokenYear, r"\b(?:the\s+year\s+)?(?P<sp>{SPY})\b"),
    ("ref", Kind::Ref, r"\b(?P<r>{REF})\b"),
    // "for a while", "for some time": a duration of unknown length.
    ("for-a-while", Kind::Ref, r"\b(?P<for>for\s+)(?P<vd>a\s+while|some\s+time|a\s+long\s+time|quite\s+some\s+time)\b"),
    // "at the time": the date the text spoke of last.
    ("the-time", Kind::Anchored, r"\b(?P<at>at\s+)(?P<rel>the|that)\s+time\b"),
    // "despite earlier promises": an adjective before a plural noun.
    ("earlier-adj", Kind::Ref, r"\b(?P<r>earlier)(?P<nn>\s+[a-z]+s)\b"),
    // "an uncertain future", "Elian's future": the noun after an adjective or a possessive.
    ("future-noun", Kind::Ref, r"(?P<fpre>\b(?:a|an)\s+[a-z]+\s+|[a-z](?:'|’)s\s+)(?P<r>future)\b"),
    (
        "ref-units",
        Kind::RefUnits,
        r"\b(?:(?P<the>the)\s+)?(?P<rel>recent|coming|next\s+few|coming\s+few|upcoming)\s+(?P<u>days|weeks|months|quarters|years|decades)\b",
    ),
    (
        "set-every",
        Kind::Set,
        r"\b(?P<e>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?(?:(?P<u>{UNIT})|(?P<wd>{WDF})|(?P<pod>{POD})|(?P<mo>{MONTHF})|(?P<sea>{SEASON}))\b",
    ),
    (
        "set-freq",
        Kind::Set,
        r"\b(?P<f>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|every|each)\s+(?P<u>{UNIT})\b",
    ),
    ("set-per", Kind::Set, r"\b(?P<per>per|a)\s+(?P<u>day|week|month|year|hour)\b"),
    ("set-word", Kind::Set, r"\b(?P<sw>{SETW})\b"),
    (
        "set-weekdays",
        Kind::Set,
        r"\b(?:(?P<pos>every)\s+)?(?:(?P<wds>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))|(?P<wdp>{WDF})\s+(?P<pods>mornings|afternoons|evenings|nights))\b",
    ),
    ("holiday", Kind::Holiday, r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOL})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b"),
];

/// A year said in words: "nineteen ninety-seven", "two thousand and one".
const SPOKEN_YEAR: &str = r"(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?";

/// Modifier words before a duration or an `ago` expression, and their TIMEX3 `mod`.
const MODS: &[(&str, &str)] = &[
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

/// Words before a point that set its TIMEX3 `mod`.
fn pos_mod(pos: &str) -> Option<&'static str> {
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

/// The DATE extractor: compiled rules and word lists.
pub struct DateExtractor {
    lex: Lexicon,
    rules: Vec<Rule>,
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

/// How a normalised expression is anchored.
#[derive(Clone, Debug, PartialEq)]
enum Anchor {
    None,
    Dct,
    /// Index (into the kept matches) of the date it was resolved from.
    Prev(usize),
}

/// A normalised match.
struct Norm {
    ty: TimexType,
    value: String,
    modifier: Option<String>,
    anchor: Anchor,
    /// The calendar point, for later anchored expressions.
    point: Option<Point>,
    /// Bytes to drop from the end of the match (a possessive `'s`).
    trim_end: usize,
    /// Bytes to drop from the start of the match (a determiner before an adjective).
    trim_start: usize,
}

impl Norm {
    fn new(ty: TimexType, value: impl Into<String>) -> Norm {
        Norm { ty, value: value.into(), modifier: None, anchor: Anchor::None, point: None, trim_end: 0, trim_start: 0 }
    }
    fn point(p: Point, anchor: Anchor) -> Norm {
        // A point with a time of day is a TIME in TIMEX3 (its value has a `T` part), whichever
        // rule made it: "at the time" after "Sunday night" refers back to a TIME.
        let ty = if matches!(p, Point::DayTime(..)) { TimexType::Time } else { TimexType::Date };
        Norm { ty, value: p.value(), modifier: None, anchor, point: Some(p), trim_end: 0, trim_start: 0 }
    }
    fn with_mod(mut self, m: Option<&str>) -> Norm {
        if m.is_some() {
            self.modifier = m.map(str::to_string);
        }
        self
    }
}

/// Everything the normaliser needs to know about where a match sits.
struct Where<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    sentence: (usize, usize),
    dct: Option<Date>,
    /// The latest kept date point before this match: (point, index, sentence number).
    prev: Option<&'a (Point, usize, usize)>,
    /// Where that date's span ends (a byte offset of `text`).
    prev_end: Option<usize>,
    sentence_no: usize,
    /// The latest quarter named in the last few sentences: (point, index, sentence number).
    prev_quarter: Option<&'a (Point, usize, usize)>,
    /// A span of months or years ("the nine months") was named in this sentence after the
    /// latest quarter: "a year earlier" then compares that span, not the quarter.
    period_after_quarter: bool,
    /// Tenses already read for (sentence, match): each candidate is normalised twice (a probe,
    /// then for real) and some rules ask more than once; the scan reads up to 800 bytes.
    tenses: &'a TenseCache,
}

/// See [`Where::tenses`].
type TenseCache = std::cell::RefCell<HashMap<(usize, usize, usize, usize), Option<Tense>>>;

impl Where<'_> {
    fn tense(&self) -> Option<Tense> {
        let key = (self.sentence.0, self.sentence.1, self.start, self.end);
        if let Some(&t) = self.tenses.borrow().get(&key) {
            return t;
        }
        let t = tense_near(self.text, self.sentence, (self.start, self.end));
        self.tenses.borrow_mut().insert(key, t);
        t
    }
    /// The tense, except that a deadline preposition right before the expression ("by
    /// February", "through January", "until May") points to the future.
    fn tense_or_deadline(&self) -> Option<Tense> {
        let prev = self.before().trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        // "before Friday's purchases": the preposition governs the noun, an event already named.
        let possessive = self.after().starts_with("'s") || self.after().starts_with("’s");
        let had = || self.near_words(80).any(|w| w.eq_ignore_ascii_case("had") || w.eq_ignore_ascii_case("hadn't"));
        if !possessive && matches!(prev.to_ascii_lowercase().as_str(), "by" | "through" | "until" | "till" | "before") {
            // "had filed reports by Wednesday", "until Thursday they had not called": a past
            // perfect keeps the deadline in the past.
            if had() {
                return Some(Tense::Past);
            }
            return Some(Tense::Future);
        }
        // "set to resume Monday", "is to resume trading Tuesday", "plan to remove him on
        // Thursday": an infinitive of intention looks ahead.
        let b = self.before();
        let b = b[floor_boundary(b, b.len().saturating_sub(48))..].to_ascii_lowercase();
        let words: Vec<&str> = b.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
        if words.windows(3).any(|x| {
            matches!(x[0], "set" | "is" | "are" | "plan" | "plans" | "due" | "expected" | "scheduled") && x[1] == "to"
        }) {
            // "had been due to expire Friday": a past perfect keeps the plan in the past.
            return Some(if had() { Tense::Past } else { Tense::Future });
        }
        self.tense_or_soon()
    }
    /// The tense, except that "as soon as" / "as early as" right before the expression
    /// points to the future.
    fn tense_or_soon(&self) -> Option<Tense> {
        let b = self.before().trim_end();
        let b = b[floor_boundary(b, b.len().saturating_sub(24))..].to_ascii_lowercase();
        if b.ends_with("as soon as") || b.ends_with("as early as") || b.ends_with("no later than") {
            return Some(Tense::Future);
        }
        self.tense()
    }
    /// The words of the sentence within `reach` bytes either side of the expression.
    fn near_words(&self, reach: usize) -> impl Iterator<Item = &str> {
        let a = floor_boundary(self.text, self.start.saturating_sub(reach).max(self.sentence.0.min(self.start)));
        let b = ceil_boundary(self.text, (self.end + reach).min(self.sentence.1.max(self.end)));
        self.text[a..b].split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')).filter(|w| !w.is_empty())
    }
    /// True when the words `a b` follow each other within `reach` bytes of the expression.
    fn near_pair(&self, reach: usize, a: &str, b: &str) -> bool {
        let mut last = "";
        for x in self.near_words(reach) {
            if last.eq_ignore_ascii_case(a) && x.eq_ignore_ascii_case(b) {
                return true;
            }
            last = x;
        }
        false
    }
    fn before(&self) -> &str {
        &self.text[self.sentence.0.min(self.start)..self.start]
    }
    fn after(&self) -> &str {
        &self.text[self.end..self.sentence.1.max(self.end)]
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
            ("{SPY}", SPOKEN_YEAR.to_string()),
        ];
        let rules: Vec<Rule> = RULES
            .iter()
            .map(|(name, kind, tpl)| {
                let mut p = tpl.to_string();
                for (k, v) in &subst {
                    p = p.replace(k, v);
                }
                // ASCII case folding and word boundaries: a far smaller automaton.
                let p = format!("(?i-u){p}");
                // The patterns are constants of this file; a test compiles every one.
                let re = Regex::new(&p).unwrap_or_else(|e| panic!("date rule {name}: {e}"));
                let groups = re.capture_names().enumerate().filter_map(|(i, n)| Some((n?.into(), i))).collect();
                Rule { name, kind: *kind, re, groups, classes: rule_classes(*kind, name) }
            })
            .collect();
        let (triggers, trigger_words) = trigger_table(&lex);
        DateExtractor { lex, rules, triggers, trigger_words }
    }

    /// Candidate matches of every rule that pass the rule's guards: (start, end, rule).
    ///
    /// One pass of a cheap trigger pattern (digits and the lexicon's key words) finds where
    /// dates can be; each rule then runs only on the stretches of text ([`WINDOW`] bytes either
    /// side of a trigger, cut at white space) around triggers of the classes it needs.
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
        rule: &'t Rule,
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
                if s < e && seen.insert((s, e, ri)) && self.guard(rule.kind, text, s, e, &caps) {
                    out.push((s, e, ri, caps));
                }
            }
        }
    }

    /// Rejects matches that are numbers or names rather than dates.
    fn guard(&self, kind: Kind, text: &str, s: usize, e: usize, caps: &Captures<'_>) -> bool {
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
        let prev_word = before.split(|c: char| !c.is_alphanumeric() && c != '.').rfind(|w| !w.is_empty()).unwrap_or("");
        let prev_lower = prev_word.to_ascii_lowercase();
        match kind {
            Kind::Year => {
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
            Kind::Month => {
                // "May", "March" are verbs and names too: accept them alone only after a
                // preposition or determiner, or with a modifier.
                let m = caps.name("m").map(|m| m.as_str()).unwrap_or("");
                if caps.name("pos").is_some() || caps.name("rel").is_some() {
                    return true;
                }
                let ambiguous = matches!(m, "May" | "March" | "MAY" | "MARCH");
                let prep = matches!(
                    prev_lower.as_str(),
                    "in" | "on"
                        | "by"
                        | "since"
                        | "until"
                        | "till"
                        | "of"
                        | "from"
                        | "through"
                        | "to"
                        | "during"
                        | "before"
                        | "after"
                        | "between"
                        | "and"
                        | "or"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "that"
                        | "in."
                        | "until."
                        | "throughout"
                        | "for"
                        | "as"
                        | "into"
                );
                if ambiguous && !prep {
                    return false;
                }
                // A capitalised word before it that is not a sentence opener: a name ("Theresa May").
                let name_before = prev_word.chars().next().is_some_and(char::is_uppercase)
                    && !before.trim_end().ends_with(['.', '!', '?', '"', '“', '\n'])
                    && !prep;
                !name_before
            }
            Kind::MonthDay => {
                let d: u32 = caps.name("d").and_then(|d| d.as_str().parse().ok()).unwrap_or(0);
                (1..=31).contains(&d) && !text[e..].starts_with(|c: char| c.is_ascii_digit())
            }
            Kind::BarePod => {
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
            Kind::CoordDay => {
                // Only right after a month and day ("April 24 and 25"), and only where the
                // number ends the phrase: not "May 3 and 4 people", "June 5 and 6 p.m.".
                let d: u32 = caps.name("d").and_then(|d| d.as_str().parse().ok()).unwrap_or(0);
                if !(1..=31).contains(&d) || self.coord_month(before).is_none() {
                    return false;
                }
                let rest = after.trim_start();
                let nw = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
                rest.is_empty()
                    || (rest.starts_with([',', '.', ';', ':', ')', '"', '\'', '”', '’', '—'])
                        && !rest[1..].starts_with(|c: char| c.is_ascii_digit())
                        && !rest.starts_with(".m"))
                    || matches!(
                        nw.as_str(),
                        "in" | "at" | "on" | "when" | "respectively" | "to" | "for" | "with" | "before" | "after"
                    ) && rest.starts_with(|c: char| c.is_ascii_lowercase())
            }
            Kind::Duration | Kind::Ago => {
                // "a second", "a minute" as ordinals or nouns: "a second time", "wait a minute".
                let n = caps.name("n").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
                let u = caps.name("u").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
                if (u == "second" || u == "sec") && (n == "a" || n == "one") {
                    return false;
                }
                // "the 1988 quarter": a year, not 1988 quarters.
                if n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()) && !u.ends_with('s') {
                    return false;
                }
                // "60 Minutes" (a title): a capitalised unit inside a lowercase sentence.
                if let Some(um) = caps.name("u") {
                    let us = um.as_str();
                    if us.starts_with(|c: char| c.is_ascii_uppercase())
                        && us[1..].chars().any(|c| c.is_ascii_lowercase())
                    {
                        return false;
                    }
                }
                // Ages ("52 years old", "a 6-year-old") and fractions ("three-quarters").
                let tail = after.trim_start_matches([' ', '-']).to_ascii_lowercase();
                if tail.starts_with("old") && !tail[3..].starts_with(|c: char| c.is_alphabetic()) {
                    return false;
                }
                if u.starts_with("quarter") && text[s..e].contains('-') && caps.name("n").is_some() {
                    return false;
                }
                // "one day" opening a story, "one night": keep; "the second quarter" is not here.
                !(prev_lower == "per" || (n.contains('.') && u == "quarter"))
            }
            Kind::Deictic if caps.name("poss").is_some() => {
                // "in today's world": the present era, not the day.
                let nw = after
                    .trim_start()
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                !self.lex.generic_today.contains(&nw)
            }
            Kind::SpokenYear => {
                // "two thousand years", "nineteen hundred troops": a number before a noun.
                let nw = after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                self.lex.unit(&nw.to_ascii_lowercase()).is_none() && !count_noun_follows(after)
            }
            Kind::RelUnit if text[s..e].starts_with("This W") => {
                // "ABC News' "This Week"": a programme's title.
                false
            }
            Kind::Ref => {
                let r = caps.name("r").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
                // "Now, he says, ...": a discourse marker opening the sentence.
                if &text[s..e] == "Now"
                    && after.starts_with(',')
                    && (before.trim_end().is_empty() || before.trim_end().ends_with(['.', '"', '”', '\n', '!', '?']))
                {
                    return false;
                }
                let next_word = after
                    .trim_start()
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
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
                        || self.lex.unit(&prev_lower).is_some()
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
                if r == "now"
                    && (after.starts_with('-') || prev_lower == "from" && after.trim_start().starts_with("on"))
                {
                    return false;
                }
                // "the past" followed by a number or unit belongs to a longer rule.
                true
            }
            Kind::Set => {
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
            Kind::VagueDuration => {
                // Bare plural units need a temporal frame around them ("for years", "in weeks",
                // "years ago", "weeks after"); "the years" alone is too vague.
                if caps.name("v").is_none() {
                    let nw = after
                        .trim_start()
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    let ok_prev = matches!(
                        prev_lower.as_str(),
                        "for"
                            | "within"
                            | "in"
                            | "over"
                            | "took"
                            | "takes"
                            | "take"
                            | "lasted"
                            | "last"
                            | "comes"
                            | "came"
                            | "spent"
                            | "spend"
                            | "after"
                            | "since"
                    );
                    let ok_next = matches!(
                        nw.as_str(),
                        "ago" | "after" | "before" | "later" | "earlier" | "of" | "away" | "long"
                    );
                    return ok_prev || ok_next;
                }
                true
            }
            _ => true,
        }
    }

    /// Normalises one kept match. `None` drops it.
    fn normalize(&self, kind: Kind, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let gl = |n: &str| caps.name(n).map(|m| squash(&m.as_str().to_ascii_lowercase()));
        let dct = w.dct;
        let pos = g("pos").and_then(pos_mod);
        let modw =
            gl("modw").and_then(|m| MODS.iter().find(|(k, _)| *k == m).map(|(_, v)| *v)).filter(|v| !v.is_empty());
        match kind {
            Kind::BarePod => {
                let code = self.lex.parts_of_day.get(&gl("pb")?)?.clone();
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
            Kind::CoordDay => {
                let m = self.coord_month(w.before())?;
                let d: i8 = g("d")?.parse().ok()?;
                Date::new(2000, m, d).ok()?;
                // The first day's year when it is the date just before ("April 24 and 25").
                let first = w.prev.filter(|(p, _, sn)| {
                    *sn == w.sentence_no
                        && matches!(p, Point::Day(pd) if pd.month() == m)
                        && w.prev_end.is_some_and(|e| e <= w.start && w.text[e..w.start].trim().is_empty())
                });
                let mut n = if let Some(y) = g("y") {
                    Norm::point(Point::Day(Date::new(y.parse().ok()?, m, d).ok()?), Anchor::None)
                } else if let Some((Point::Day(pd), i, _)) = first {
                    Norm::point(Point::Day(Date::new(pd.year(), m, d).ok()?), Anchor::Prev(*i))
                } else if let Some(dct) = dct {
                    Norm::point(Point::Day(year_for_day(dct, m, d, None, w.tense())?), Anchor::Dct)
                } else {
                    Norm::new(TimexType::Date, format!("XXXX-{m:02}-{d:02}"))
                };
                n.trim_start = caps.name("d")?.start() - caps.get(0)?.start();
                Some(n)
            }
            Kind::MonthDay => {
                let mut n = self.month_day(caps, w)?;
                // "the week of March 6": the day's ISO week.
                if g("wk").is_some() {
                    if let Some(Point::Day(d)) = n.point {
                        let p = resolve::week_of(d);
                        n.value = p.value();
                        n.point = Some(p);
                    } else {
                        n.value = "XXXX-WXX".into();
                    }
                }
                Some(n)
            }
            Kind::Numeric => {
                let (a, b): (i8, i8) = (g("a")?.parse().ok()?, g("b")?.parse().ok()?);
                let ys = g("y")?;
                let y: i16 = ys.parse().ok()?;
                let y = if ys.len() == 2 {
                    if y > 40 {
                        1900 + y
                    } else {
                        2000 + y
                    }
                } else {
                    y
                };
                // Month first (US order) unless the first number cannot be a month.
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                let date = Date::new(y, m, d).ok()?;
                Some(Norm::point(Point::Day(date), Anchor::None))
            }
            Kind::MonthYear => {
                let m = self.lex.month(g("m")?)?;
                if let Some(ry) = gl("ry") {
                    let Some(dct) = dct else {
                        return Some(Norm::new(TimexType::Date, format!("XXXX-{m:02}")).with_mod(pos));
                    };
                    let y = dct.year() + rel_offset(&ry);
                    return Some(Norm::point(Point::Month(y, m), Anchor::Dct).with_mod(pos));
                }
                let y = match g("sy") {
                    Some(sy) => self.spoken_year(&squash(&sy.to_ascii_lowercase()))?,
                    None => g("y")?.parse().ok()?,
                };
                Some(Norm::point(Point::Month(y, m), Anchor::None).with_mod(pos))
            }
            Kind::Month => {
                let m = self.lex.month(g("m")?)?;
                let Some(dct) = dct else {
                    return Some(Norm::new(TimexType::Date, format!("XXXX-{m:02}")).with_mod(pos));
                };
                let rel = gl("rel");
                let (y, dm) = (dct.year(), dct.month());
                let y = match rel.as_deref() {
                    Some("last") | Some("this past") => {
                        if m < dm {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Some("next") | Some("this coming") => {
                        if m > dm {
                            y
                        } else {
                            y + 1
                        }
                    }
                    Some("this") | Some("that") => y,
                    // "sales this year through August": the year is named next to it.
                    _ if w.near_pair(48, "this", "year") => y,
                    _ => match w.tense_or_deadline() {
                        Some(Tense::Past) if m > dm + 1 => y - 1,
                        Some(Tense::Future) if m + 1 < dm => y + 1,
                        // No past or future marker: a month far ahead of the DCT is the last one
                        // ("prices have come down from the middle of October", in February).
                        Some(Tense::Present) | None if m > dm + 7 => y - 1,
                        _ => y,
                    },
                };
                Some(Norm::point(Point::Month(y, m), Anchor::Dct).with_mod(pos))
            }
            Kind::Year => {
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
            Kind::Decade => {
                let d: i16 = if let Some(dy) = g("dy") {
                    dy.parse().ok()?
                } else if let Some(dd) = g("dd") {
                    let dd: i16 = dd.parse().ok()?;
                    let cur = dct.map_or(2000, |d| d.year());
                    if 2000 + dd * 10 <= cur {
                        200 + dd
                    } else {
                        190 + dd
                    }
                } else {
                    let dw = gl("dw")?;
                    let i =
                        ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
                            .iter()
                            .position(|x| *x == dw)? as i16;
                    192 + i
                };
                Some(Norm::point(Point::Decade(d), Anchor::None).with_mod(pos))
            }
            Kind::Century => {
                let o = self.lex.ordinal(g("ord")?)? as i16;
                if o == 0 || o > 22 {
                    return None;
                }
                Some(Norm::point(Point::Century(o - 1), Anchor::None).with_mod(pos))
            }
            Kind::Season => {
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
            Kind::Quarter => {
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
                            Some((Point::Quarter(_, pq), i, _)) => {
                                Some(Norm::point(Point::Quarter(y, *pq), Anchor::Prev(*i)))
                            }
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
                        Some(r) if year_ago || r.contains("year") => {
                            cur.shift(Unit::Quarter, -1)?.shift(Unit::Year, -1)?
                        }
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
            Kind::Half => {
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
            Kind::RelUnit => {
                let rel = gl("rel")?;
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
            Kind::PosOfUnit => {
                let u = gl("u")?;
                let unit = unit_of_word(&u)?;
                let p = gl("pos")?;
                let m =
                    pos_mod(p.trim_start_matches("earlier in").trim_start_matches("later in").trim()).or_else(|| {
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
            Kind::Span => {
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
            Kind::Anchored if caps.name("at").is_some() => {
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
            Kind::Anchored => {
                let rel = gl("rel")?;
                let u = gl("u");
                let pod = u.as_deref().and_then(|u| self.lex.parts_of_day.get(u)).cloned();
                // "Oct. 12, the day before the plunge": in apposition to a date and followed by
                // the event it is placed by, `before` is a signal (TimeML) and the expression is
                // `the day`, the date it stands beside.
                if u.is_none() && matches!(rel.as_str(), "the day before" | "the day after") {
                    let beside = w.prev.zip(w.prev_end).filter(|((p, _, sn), e)| {
                        *sn == w.sentence_no
                            && matches!(p, Point::Day(_))
                            && *e <= w.start
                            && w.text[*e..w.start].trim() == ","
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
                if u.is_none() && !rel.starts_with("the day") && !rel.starts_with("a day") && rel != "the night before"
                {
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
                Some(n)
            }
            Kind::Deictic => {
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
            Kind::Weekday => {
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
                    let prev_day = w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= 5).and_then(
                        |(p, i, _)| match p {
                            Point::Day(d) | Point::DayTime(d, _) => Some((*d, *i)),
                            _ => None,
                        },
                    );
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
                        let monday =
                            dct.checked_sub((dct.weekday().to_monday_zero_offset() as i64).days_span()).ok()?;
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
            Kind::Weekend => {
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
                        if let Some(Point::Week(y, wk)) = coarsen(p, Unit::Week).and_then(|b| b.shift(Unit::Week, off))
                        {
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
            Kind::Time => {
                let (h, mi): (i8, i8) = if let Some(hw) = gl("hw") {
                    match hw.as_str() {
                        "midnight" => (24, 0),
                        _ => (12, 0),
                    }
                } else {
                    let h: i8 = g("h")?.parse().ok()?;
                    let mi: i8 = g("mi").and_then(|m| m.parse().ok()).unwrap_or(0);
                    let ap = gl("ap").map(|a| a.replace(['.', ' '], ""));
                    let h = match ap.as_deref() {
                        Some("pm") if h < 12 => h + 12,
                        Some("am") if h == 12 => 0,
                        Some(_) if h > 12 || h == 0 => return None,
                        _ => h,
                    };
                    if h > 24 {
                        return None;
                    }
                    (h, mi)
                };
                let t = if mi == 0 && gl("hw").as_deref() == Some("midnight") {
                    "24:00".to_string()
                } else {
                    format!("{h:02}:{mi:02}")
                };
                // "18:00 UTC": a time in universal time carries the zone designator Z.
                let t = if matches!(gl("tz").as_deref(), Some("gmt") | Some("utc")) { format!("{t}Z") } else { t };
                // "5 p.m. EST, Nov. 6": the day named after the time.
                let named_day =
                    match (g("m").and_then(|m| self.lex.month(m)), g("d").and_then(|d| d.parse::<i8>().ok())) {
                        (Some(m), Some(d)) => match (g("y").and_then(|y| y.parse::<i16>().ok()), dct) {
                            (Some(y), _) => Some(Date::new(y, m, d).ok()?),
                            (None, Some(dct)) => Some(year_for_day(dct, m, d, None, w.tense())?),
                            (None, None) => None,
                        },
                        _ => None,
                    };
                let mut anchor = Anchor::Dct;
                let day = match (gl("wd"), dct) {
                    _ if named_day.is_some() => named_day,
                    (Some(wdw), Some(dct)) => match wdw.as_str() {
                        "today" => Some(dct),
                        "yesterday" => dct.yesterday().ok(),
                        "tomorrow" => dct.tomorrow().ok(),
                        x => weekday(self.lex.weekday(x)?).and_then(|wd| weekday_near(dct, wd, w.tense())),
                    },
                    (None, Some(dct)) => {
                        // "at 10:35 a.m. (0735 GMT) Friday": the weekday after a parenthesis.
                        let rest = &w.text[w.end..ceil_boundary(w.text, w.end + 40)];
                        let paren_wd = rest
                            .trim_start()
                            .strip_prefix('(')
                            .and_then(|r| r.split_once(')'))
                            .filter(|(inside, _)| inside.len() <= 24)
                            .and_then(|(_, r)| {
                                let word = r.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next()?;
                                weekday(self.lex.weekday(word).filter(|_| word.len() > 5)?)
                            });
                        // A bare time tells of the day the text is on: the last day it named,
                        // in this sentence or the two before, else the DCT.
                        let prev_day =
                            w.prev.filter(|(_, _, sn)| w.sentence_no.saturating_sub(*sn) <= 2).and_then(|(p, i, _)| {
                                match p {
                                    Point::Day(d) | Point::DayTime(d, _) => Some((*d, *i)),
                                    _ => None,
                                }
                            });
                        if let Some(wd) = paren_wd {
                            weekday_near(dct, wd, w.tense())
                        } else if let Some((d, i)) = prev_day {
                            anchor = Anchor::Prev(i);
                            Some(d)
                        } else {
                            Some(dct)
                        }
                    }
                    _ => None,
                };
                let m = gl("modw").map(|m| {
                    if m.contains("after") {
                        "AFTER"
                    } else if m.contains("before") {
                        "BEFORE"
                    } else {
                        "APPROX"
                    }
                });
                let mut n = match day {
                    Some(d) => Norm::point(Point::DayTime(d, t), anchor),
                    None => Norm::new(TimexType::Time, format!("XXXX-XX-XXT{t}")),
                };
                n.ty = TimexType::Time;
                n.point = None;
                Some(n.with_mod(m))
            }
            Kind::Ago => {
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
                // "three days later": the duration alone, "later" is a signal (TimeML).
                if dir == "later" {
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
                if let (Some((p, i, _)), Unit::Year, false) = (w.prev_quarter, unit, w.period_after_quarter) {
                    if let Some(s) = p.shift(unit, sign * whole) {
                        return Some(Norm::point(s, Anchor::Prev(*i)).with_mod(m));
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
                            return Some(Norm::point(s, Anchor::Prev(*i)).with_mod(m));
                        }
                    }
                }
                let Some(dct) = dct else {
                    return Some(Norm::new(TimexType::Date, unknown_at_unit(unit)).with_mod(m));
                };
                let d = add(dct, unit, sign * whole)?;
                // "a decade ago" names a year, not a decade.
                let gran = if matches!(unit, Unit::Decade | Unit::Century) { Unit::Year } else { unit };
                Some(Norm::point(at_unit(d, gran)?, Anchor::Dct).with_mod(m))
            }
            Kind::Duration => {
                let u = gl("u")?;
                let unit = Unit::from_code(self.lex.unit(&u)?)?;
                let mut amount =
                    if g("hf").is_some() || g("hf2").is_some() { Some(0.5) } else { self.lex.number(&gl("n")?) };
                if g("half").is_some() || g("half2").is_some() {
                    amount = amount.map(|a| a + 0.5);
                }
                let n = gl("n").unwrap_or_default();
                // "$5 billion a year" is a SET.
                if (n == "a" || n == "an" || n == "per") && g("modw").is_none() {
                    let bw = w
                        .before()
                        .trim_end()
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    if matches!(
                        bw.as_str(),
                        "million"
                            | "billion"
                            | "trillion"
                            | "thousand"
                            | "percent"
                            | "times"
                            | "once"
                            | "twice"
                            | "barrels"
                            | "people"
                            | "tons"
                    ) || bw.ends_with('%')
                        || bw.ends_with(|c: char| c.is_ascii_digit())
                    {
                        return Some(Norm::new(TimexType::Set, unit.duration(Some(1.0))));
                    }
                }
                // "Islam will one day be the second religion": an unspecified future day.
                if n == "one" && unit == Unit::Day && g("modw").is_none() {
                    let bw = w.before().trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                    if matches!(
                        bw.to_ascii_lowercase().as_str(),
                        "will" | "would" | "could" | "may" | "might" | "can" | "shall" | "should" | "must"
                    ) {
                        let mut n = Norm::new(TimexType::Date, "FUTURE_REF");
                        if dct.is_some() {
                            n.anchor = Anchor::Dct;
                        }
                        return Some(n);
                    }
                }
                let mut norm = self.duration_only(caps, unit, amount, modw)?;
                if n == "couple of" || n == "a couple of" || n == "a couple" {
                    norm.modifier = norm.modifier.or(Some("APPROX".into()));
                }
                Some(norm)
            }
            Kind::VagueDuration => {
                let unit = Unit::from_code(self.lex.unit(&gl("u")?)?)?;
                let v = gl("v");
                if v.as_deref() == Some("recent") {
                    return Some(Norm::new(TimexType::Date, "PAST_REF"));
                }
                Some(Norm::new(TimexType::Duration, unit.duration(None)).with_mod(modw))
            }
            Kind::Ref => {
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
            Kind::YearAgo => {
                if let Some((p, i, _)) = w.prev_quarter.filter(|_| !w.period_after_quarter) {
                    return Some(Norm::point(p.shift(Unit::Year, -1)?, Anchor::Prev(*i)));
                }
                let Some(dct) = dct else {
                    return Some(Norm::new(TimexType::Date, "XXXX"));
                };
                Some(Norm::point(Point::Year(dct.year() - 1), Anchor::Dct))
            }
            Kind::YearEnd => {
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
            Kind::SpokenYear => {
                let y = self.spoken_year(&gl("sp")?)?;
                Some(Norm::point(Point::Year(y), Anchor::None))
            }
            Kind::RefUnits => {
                let rel = gl("rel")?;
                let v = if rel == "recent" { "PAST_REF" } else { "FUTURE_REF" };
                let mut n = Norm::new(TimexType::Date, v);
                if dct.is_some() {
                    n.anchor = Anchor::Dct;
                }
                Some(n)
            }
            Kind::Set => {
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
            Kind::Holiday => {
                let h = gl("h")?.replace('’', "'");
                let rule = self.lex.holidays.iter().find(|(n, _)| squashed_eq(n, &h)).map(|(_, r)| *r)?;
                let on = |y: i16| -> Option<Date> {
                    match rule {
                        Holiday::Fixed(m, d) => Date::new(y, m, d).ok(),
                        Holiday::Nth(n, wd, m) => Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, weekday(wd)?).ok(),
                    }
                };
                if let Some(y) = g("y") {
                    return Some(Norm::point(Point::Day(on(y.parse().ok()?)?), Anchor::None));
                }
                let Some(dct) = dct else {
                    let v = match rule {
                        Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                        Holiday::Nth(..) => "XXXX-XX-XX".to_string(),
                    };
                    return Some(Norm::new(TimexType::Date, v));
                };
                let this = on(dct.year())?;
                let dir = match gl("rel").as_deref() {
                    Some("last") => Some(Tense::Past),
                    Some("next") => Some(Tense::Future),
                    Some(_) => None,
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
    }

    /// The year of "nineteen ninety-seven", "two thousand and one" (lowercase, single spaces).
    /// The month of the "<month> <day>" that `before` ends with (white space allowed after
    /// it): "April 24 " -> 4, "Sept. 3rd " -> 9.
    fn coord_month(&self, before: &str) -> Option<i8> {
        let b = before.trim_end();
        let b = ["st", "nd", "rd", "th"].iter().find_map(|x| b.strip_suffix(x)).unwrap_or(b);
        let digits = b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let b = &b[..b.len() - digits];
        let word = b.trim_end().rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '.')).next()?;
        // "Sept.24" and "April 24", but not "April24th" glued to something else.
        if word.is_empty() || (!b.ends_with(char::is_whitespace) && !word.ends_with('.')) {
            return None;
        }
        self.lex.month(word)
    }

    fn spoken_year(&self, sp: &str) -> Option<i16> {
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

    /// A month and day ("September 19", "19 September 2025"), with an optional year and weekday.
    fn month_day(&self, caps: &Captures<'_>, w: &Where<'_>) -> Option<Norm> {
        let g = |n: &str| caps.name(n).map(|m| m.as_str());
        let dct = w.dct;
        let m = self.lex.month(g("m")?)?;
        let d: i8 = g("d")?.parse().ok()?;
        if let Some(y) = g("y") {
            let y: i16 = y.parse().ok()?;
            let date = Date::new(y, m, d).ok()?;
            return Some(Norm::point(Point::Day(date), Anchor::None));
        }
        Date::new(2000, m, d).ok()?;
        match dct {
            Some(dct) => {
                let wd = g("wd").and_then(|x| self.lex.weekday(x));
                let date = year_for_day(dct, m, d, wd, w.tense())?;
                Some(Norm::point(Point::Day(date), Anchor::Dct))
            }
            None => Some(Norm::new(TimexType::Date, format!("XXXX-{m:02}-{d:02}"))),
        }
    }

    /// A plain duration from the number and unit of a match (the span ends at the unit).
    fn duration_only(&self, caps: &Captures<'_>, unit: Unit, amount: Option<f64>, m: Option<&str>) -> Option<Norm> {
        let mut n = Norm::new(TimexType::Duration, unit.duration(amount)).with_mod(m);
        let whole = caps.get(0)?;
        let u = caps.name("u")?;
        // The span ends at the unit, or at "and a half" after it ("a minute and a half").
        let last = caps.name("half2").map_or(u.end(), |h| h.end());
        n.trim_end = whole.end() - last;
        if let Some(orso) = caps.name("orso") {
            n.trim_end = whole.end() - orso.end();
            n.modifier = n.modifier.or(Some("APPROX".into()));
        }
        // A hyphenated adjective ("the two-week delay") leaves its determiner out.
        let lead = &whole.as_str()[..u.start() - whole.start()];
        if lead.contains('-') && lead.to_ascii_lowercase().starts_with("the") {
            if let Some(num) = caps.name("n") {
                n.trim_start = num.start() - whole.start();
            }
        }
        Some(n)
    }
}

/// -1, 0 or 1 for last, this and next.
fn rel_offset(rel: &str) -> i16 {
    match rel {
        "last" => -1,
        "next" => 1,
        _ => 0,
    }
}

/// Bytes to drop before a hyphenated quarter used as an adjective: `the [third-quarter]
/// profit` keeps the determiner out of the span.
fn quarter_trim(caps: &Captures<'_>) -> usize {
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

/// `jiff::Span` of days from an `i64`.
trait DaysSpan {
    fn days_span(self) -> jiff::Span;
}
impl DaysSpan for i64 {
    fn days_span(self) -> jiff::Span {
        jiff::Span::new().days(self)
    }
}

/// True when a count noun follows a number ("2000 troops"), which makes it no year.
fn count_noun_follows(after: &str) -> bool {
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

/// The unit a singular unit word names.
fn unit_of_word(u: &str) -> Option<Unit> {
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

/// A point brought to the granularity of `unit` (a day seen as its month), or kept when it
/// is already coarser or equal in a way shift understands.
fn coarsen(p: &Point, unit: Unit) -> Option<Point> {
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
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `squash(k) == squashed` without building the string (`squashed` is already squashed):
/// the lexicon's lists are searched this way for every match.
fn squashed_eq(k: &str, squashed: &str) -> bool {
    !squashed.is_empty() && k.split_whitespace().eq(squashed.split(' '))
}

/// The year of "September 19" next to `dct`: the DCT's year, moved back when the sentence
/// is in the past and the day is well after the DCT (or forward for the future); a weekday
/// named with it ("Friday, September 19") picks the year where it falls on that weekday.
fn year_for_day(dct: Date, m: i8, d: i8, wd: Option<i8>, tense: Option<Tense>) -> Option<Date> {
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

impl Extractor for DateExtractor {
    fn label(&self) -> Label {
        Label::Date
    }

    fn extract(&self, cx: &Context<'_>, out: &mut Vec<Annotation>) {
        let doc = cx.doc;
        let text = doc.text();
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
        let tenses = TenseCache::default();
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
                tenses: &tenses,
            };
            if self.normalize(self.rules[c.2].kind, &c.3, &probe).is_none() {
                continue;
            }
            taken.insert(c.0, c.1);
            kept.push(c);
        }
        kept.sort_by_key(|(s, _, _, _)| *s);
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
            let Some(mut norm) = self.normalize(rule.kind, caps, &w) else {
                ids.push(None);
                continue;
            };
            if rule.kind == Kind::Quarter {
                norm.trim_start = quarter_trim(caps);
            }
            // "the year-earlier results": the determiner belongs to the noun.
            if let (Kind::YearAgo, Some(ya), Some(m0)) = (rule.kind, caps.name("ya"), caps.get(0)) {
                norm.trim_start = ya.start() - m0.start();
            }
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
            if let (Kind::CoordDay, Some(y), Some(Point::Day(d2))) = (rule.kind, caps.name("y"), &norm.point) {
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
                if norm.ty == TimexType::Date || norm.ty == TimexType::Time {
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
                provenance: Provenance::extractor(rule.name),
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
        assert_eq!(x.rules.len(), RULES.len());
    }

    #[test]
    fn squashed_comparison_is_squash_then_equal() {
        for (k, r) in
            [("new  year's eve", "new year's eve"), (" soon", "soon"), ("the future", "the  future"), ("a", "")]
        {
            assert_eq!(squashed_eq(k, r), !r.is_empty() && squash(k) == r, "{k:?} {r:?}");
        }
    }

    #[test]
    fn groups_are_found_by_name() {
        let x = DateExtractor::new();
        for rule in &x.rules {
            for (name, i) in &rule.groups {
                let by_regex = rule.re.capture_names().position(|n| n == Some(&**name));
                assert_eq!(by_regex, Some(*i), "rule {} group {name}", rule.name);
            }
        }
    }
}
