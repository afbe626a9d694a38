//! Search across the loaded corpus.
//!
//! Owns: a query (words, a phrase or a regular expression; case and accents ignored each by
//! choice; filters by label, identity, kind, date value prefix or range, stance, status and
//! document), running it over the loaded documents, and a hit's context. Matching runs over
//! the text when no label filter is set (a hit is a piece of text, listed with the annotations
//! that overlap it; attribute filters keep the hits that such an annotation passes), and over
//! annotations when one is (a hit is an annotation of that label whose quote matches; an
//! empty query matches every one). Planning changes for every hit is [`plan`]. It must not:
//! touch yew or the browser, change annotations, or see UTF-16 offsets (spans are code points).
//!
//! Rules, in words: *words* finds every whole-word occurrence of any of the words; a
//! *phrase* the words in that order, separated by any spaces or line breaks; a *regular
//! expression* (the `regex-lite` crate's syntax, which is the `regex` crate's without its
//! Unicode classes: `\w`, `\d` and `\b` are ASCII) every non-empty match, on no word
//! boundary. Ignoring accents folds the common Latin letters with diacritics to their base
//! letter ("Goïta" matches "Goita"), drops combining marks, and matches curly quotes and
//! apostrophes with straight ones, in the text and in the query alike; ignoring case lowers
//! every letter of both that has a one-letter lower case (ASCII letters by the pattern's own
//! case-insensitive flag). A phrase's words are separated by any Unicode spaces. Without a status filter only live
//! annotations (not rejected) are searched and listed.

pub mod jump;
pub mod plan;

use super::corpus::Loaded;
use crate::model::{ActorKind, Annotation, Attrs, Document, Label, Span, Stance, Status};
use jiff::civil::Date;
use regex_lite::{Regex, RegexBuilder};
use std::borrow::Cow;

/// How the query's text is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Any of the words, each as a whole word.
    #[default]
    Words,
    /// The words in this order, as whole words.
    Phrase,
    /// A regular expression.
    Regex,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Words, Mode::Phrase, Mode::Regex];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Words => "words",
            Mode::Phrase => "phrase",
            Mode::Regex => "regex",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Which annotations a search keeps. Empty strings and `None` keep every one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Search annotations of this label instead of the text.
    pub label: Option<Label>,
    /// An identity (canonical name, case and accents ignored): an ACTOR's own, a CLAIM's
    /// source's.
    pub identity: String,
    /// An ACTOR's kind (a CLAIM's source's).
    pub kind: Option<ActorKind>,
    /// The start of a DATE's value (`2025-09`).
    pub date_prefix: String,
    /// A date range, each end `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (either may be empty): keeps
    /// the DATEs whose value (a year, month or day) overlaps it.
    pub date_from: String,
    pub date_to: String,
    /// A CLAIM's stance.
    pub stance: Option<Stance>,
    /// The annotations of this status (none: every live one).
    pub status: Option<Status>,
    /// Only the document of this id.
    pub doc: Option<String>,
}

impl Filter {
    /// True when some filter is about an annotation's attributes or status.
    fn on_annotations(&self) -> bool {
        !self.identity.trim().is_empty()
            || self.kind.is_some()
            || !self.date_prefix.trim().is_empty()
            || !self.date_from.trim().is_empty()
            || !self.date_to.trim().is_empty()
            || self.stance.is_some()
            || self.status.is_some()
    }
}

/// A search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub mode: Mode,
    /// Upper and lower case differ.
    pub match_case: bool,
    /// Accents (and curly quotes) differ.
    pub match_accents: bool,
    pub filter: Filter,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The document's index in the searched slice, and its id.
    pub doc: usize,
    pub doc_id: String,
    /// The matched text (text search) or the matched annotation's span.
    pub span: Span,
    /// The ids of the annotations listed with it: those overlapping the text (text search),
    /// or the matched annotation.
    pub anns: Vec<String>,
}

/// Results a search keeps at most: beyond, it stops and says so (a pattern such as `.` would
/// otherwise list every character of the corpus).
pub const MAX_HITS: usize = 10_000;

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// The search stopped at [`MAX_HITS`] results: there are more.
    pub capped: bool,
    /// Documents searched (after the document filter).
    pub docs: usize,
    /// Whether the hits are annotations (a label filter is set) rather than text.
    pub annotations: bool,
}

/// A date range as days, both ends included.
type Days = (Date, Date);

/// The query made ready to run.
struct Compiled<'q> {
    re: Option<Regex>,
    words: bool,
    fold: Fold,
    q: &'q Query,
    identity: String,
    range: Option<Days>,
}

/// Runs `query` over `docs`, or says why it cannot ("invalid pattern: ...").
pub fn search(query: &Query, docs: &[Loaded]) -> Result<Results, String> {
    let c = compile(query)?;
    let annotations = query.filter.label.is_some();
    let mut out = Results { annotations, ..Results::default() };
    if c.re.is_none() && !annotations {
        return Ok(out);
    }
    for (i, (id, _, doc, anns)) in docs.iter().enumerate() {
        if query.filter.doc.as_ref().is_some_and(|d| d != id) {
            continue;
        }
        out.docs += 1;
        if annotations {
            annotation_hits(&c, i, id, anns, &mut out.hits);
        } else {
            text_hits(&c, i, id, doc, anns, &mut out.hits);
        }
        if out.hits.len() >= MAX_HITS {
            out.hits.truncate(MAX_HITS);
            out.capped = true;
            break;
        }
    }
    Ok(out)
}

fn compile(q: &Query) -> Result<Compiled<'_>, String> {
    let fold = Fold { accents: !q.match_accents, case: !q.match_case };
    let text = if fold.any() { fold.str(q.text.trim()) } else { q.text.trim().to_string() };
    let pattern = match q.mode {
        Mode::Regex => text.clone(),
        Mode::Words => {
            let mut words: Vec<&str> = text.split_whitespace().collect();
            // Longest first: a word is never hidden by another it starts with.
            crate::sort::sort_by_key(&mut words, |w| std::cmp::Reverse(w.len()));
            words.iter().map(|w| regex_lite::escape(w)).collect::<Vec<_>>().join("|")
        }
        Mode::Phrase => text.split_whitespace().map(regex_lite::escape).collect::<Vec<_>>().join(SPACES),
    };
    let re = if pattern.is_empty() {
        None
    } else {
        let built = RegexBuilder::new(&pattern).case_insensitive(!q.match_case).size_limit(1 << 22).build();
        Some(built.map_err(|e| pattern_error(&q.text, &e))?)
    };
    let range = date_range(&q.filter.date_from, &q.filter.date_to)?;
    Ok(Compiled {
        re,
        words: q.mode != Mode::Regex,
        fold,
        q,
        identity: crate::extract::actor::fold(q.filter.identity.trim()),
        range,
    })
}

/// Unicode's spaces (White_Space), one or more: what separates a phrase's words.
const SPACES: &str = r"[\s\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+";

/// "invalid pattern “(a”: found open group without closing ')'": the reason, on one line.
fn pattern_error(pattern: &str, e: &regex_lite::Error) -> String {
    let text = e.to_string();
    let why = text
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error:"))
        .map(str::trim)
        .unwrap_or_else(|| text.lines().next().unwrap_or("not understood").trim())
        .to_string();
    format!("invalid pattern \u{201c}{}\u{201d}: {why}", pattern.trim())
}

/// The annotations of `anns` the filter keeps (label aside).
fn passes(c: &Compiled, a: &Annotation, anns: &[Annotation]) -> bool {
    let f = &c.q.filter;
    match f.status {
        Some(s) if a.status != s => return false,
        None if !a.status.is_live() => return false,
        _ => {}
    }
    let actor = match &a.attrs {
        Attrs::Actor(x) => Some(x),
        Attrs::Claim(cl) => cl.source.as_deref().and_then(|s| anns.iter().find(|b| b.id == s)).and_then(|b| b.actor()),
        Attrs::Date(_) => None,
    };
    if !c.identity.is_empty() && actor.is_none_or(|x| crate::extract::actor::fold(&x.canonical) != c.identity) {
        return false;
    }
    if f.kind.is_some() && actor.map(|x| x.kind) != f.kind {
        return false;
    }
    if f.stance.is_some() && a.claim().and_then(|cl| cl.stance) != f.stance {
        return false;
    }
    let prefix = f.date_prefix.trim();
    if !prefix.is_empty() && !a.date().is_some_and(|d| d.value.starts_with(prefix)) {
        return false;
    }
    if let Some((from, to)) = c.range {
        let Some((s, e)) = a.date().and_then(|d| days_of(&d.value)) else { return false };
        if e < from || s > to {
            return false;
        }
    }
    true
}

fn annotation_hits(c: &Compiled, i: usize, id: &str, anns: &[Annotation], out: &mut Vec<Hit>) {
    for a in anns {
        if Some(a.label()) != c.q.filter.label || !passes(c, a, anns) {
            continue;
        }
        if let Some(re) = &c.re {
            let quote: Cow<str> = if c.fold.any() { Cow::Owned(c.fold.str(&a.quote)) } else { Cow::Borrowed(&a.quote) };
            let found =
                re.find_iter(&quote).any(|m| !m.is_empty() && (!c.words || on_edges(&quote, m.start(), m.end())));
            if !found {
                continue;
            }
        }
        out.push(Hit { doc: i, doc_id: id.to_string(), span: a.span, anns: vec![a.id.clone()] });
    }
}

fn text_hits(c: &Compiled, i: usize, id: &str, doc: &Document, anns: &[Annotation], out: &mut Vec<Hit>) {
    let Some(re) = &c.re else { return };
    let hay = Haystack::new(doc, c.fold);
    let filtered = c.q.filter.on_annotations();
    for m in re.find_iter(&hay.text) {
        if m.is_empty() || (c.words && !on_edges(&hay.text, m.start(), m.end())) {
            continue;
        }
        let Some(span) = hay.span(doc, m.start(), m.end()) else { continue };
        let over: Vec<String> =
            anns.iter().filter(|a| a.span.overlaps(&span) && passes(c, a, anns)).map(|a| a.id.clone()).collect();
        if filtered && over.is_empty() {
            continue;
        }
        out.push(Hit { doc: i, doc_id: id.to_string(), span, anns: over });
        if out.len() >= MAX_HITS {
            return;
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `text[b..e]` neither starts nor ends inside a word.
fn on_edges(text: &str, b: usize, e: usize) -> bool {
    let m = &text[b..e];
    let open = !(m.chars().next().is_some_and(is_word) && text[..b].chars().next_back().is_some_and(is_word));
    let close = !(m.chars().next_back().is_some_and(is_word) && text[e..].chars().next().is_some_and(is_word));
    open && close
}

/// A document's text as searched: itself, or folded with the way back to code points.
struct Haystack<'d> {
    text: Cow<'d, str>,
    /// For a folded text: the folded byte where each code point's output starts, and one
    /// entry for the end.
    starts: Option<Vec<usize>>,
}

impl<'d> Haystack<'d> {
    fn new(doc: &'d Document, fold: Fold) -> Haystack<'d> {
        let text = doc.text();
        if !fold.any() || text.is_ascii() {
            return Haystack { text: Cow::Borrowed(text), starts: None };
        }
        let mut out = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(doc.len() + 1);
        for ch in text.chars() {
            starts.push(out.len());
            if let Some(f) = fold.ch(ch) {
                out.push(f);
            }
        }
        starts.push(out.len());
        Haystack { text: Cow::Owned(out), starts: Some(starts) }
    }

    /// The code-point span of the searched bytes `b..e`.
    fn span(&self, doc: &Document, b: usize, e: usize) -> Option<Span> {
        let Some(starts) = &self.starts else { return doc.span_of_bytes(b, e) };
        let n = starts.len() - 1;
        // The character whose output holds byte `b` (a dropped mark shares its start with
        // the next character, which comes later in `starts`).
        let s = starts.partition_point(|&x| x <= b).checked_sub(1)?;
        let mut t = starts.partition_point(|&x| x < e).min(n);
        // Marks dropped right after the match belong to its last letter.
        while t < n && starts[t] == starts[t + 1] {
            t += 1;
        }
        Span::new(s, t.max(s)).ok()
    }
}

const LATIN1: &[u8; 64] = b"AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
const LATIN_EXT_A: &[u8; 128] = b"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLlLlLlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz.";

/// A character with accents ignored: the base letter of a Latin letter with diacritics, a
/// straight quote for a curly one, nothing for a combining mark, else itself.
pub fn fold_char(c: char) -> Option<char> {
    let u = c as u32;
    let table = |t: &[u8], i: u32| match t[i as usize] {
        b'.' => c,
        b => b as char,
    };
    Some(match u {
        0xC0..=0xFF => table(LATIN1, u - 0xC0),
        0x100..=0x17F => table(LATIN_EXT_A, u - 0x100),
        0x218 | 0x219 => ['S', 's'][(u - 0x218) as usize],
        0x21A | 0x21B => ['T', 't'][(u - 0x21A) as usize],
        0x300..=0x36F => return None,
        0x2018 | 0x2019 | 0x201B | 0x2032 => '\'',
        0x201C | 0x201D | 0x201F | 0x2033 => '"',
        _ => c,
    })
}

/// `s` with accents ignored (see [`fold_char`]).
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// How the text and the query are read alike: accents ignored ([`fold_char`]), and, case
/// ignored, every non-ASCII letter lowered when its lower case is one letter (ASCII case is
/// the compiled pattern's case-insensitive flag). One character in, at most one out, so
/// offsets map back.
#[derive(Clone, Copy, Debug)]
struct Fold {
    accents: bool,
    case: bool,
}

impl Fold {
    fn any(self) -> bool {
        self.accents || self.case
    }
    fn ch(self, c: char) -> Option<char> {
        let c = if self.accents { fold_char(c)? } else { c };
        if !self.case || c.is_ascii() {
            return Some(c);
        }
        let mut lower = c.to_lowercase();
        Some(match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        })
    }
    fn str(self, s: &str) -> String {
        s.chars().filter_map(|c| self.ch(c)).collect()
    }
}

/// The days a TIMEX3 value starting `YYYY`, `YYYY-MM` or `YYYY-MM-DD` covers.
fn days_of(value: &str) -> Option<Days> {
    fn num(s: Option<&str>, len: usize) -> Option<&str> {
        s.filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
    }
    let mut parts = value.get(..value.find('T').unwrap_or(value.len()))?.splitn(3, '-');
    let year: i16 = num(parts.next(), 4)?.parse().ok()?;
    let Some(m) = parts.next() else {
        return Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?));
    };
    let month: i8 = num(Some(m), 2)?.parse().ok()?;
    let first = Date::new(year, month, 1).ok()?;
    let Some(d) = parts.next() else { return Some((first, first.last_of_month())) };
    let day = Date::new(year, month, num(Some(d), 2)?.parse().ok()?).ok()?;
    Some((day, day))
}

/// The range between `from` and `to` (either may be empty), or why an end is no date.
fn date_range(from: &str, to: &str) -> Result<Option<Days>, String> {
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() && to.is_empty() {
        return Ok(None);
    }
    let end = |s: &str| -> Result<Option<Days>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        days_of(s)
            .filter(|_| !s.contains('T') && s.len() <= 10)
            .map(Some)
            .ok_or_else(|| format!("date range: \u{201c}{s}\u{201d} is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"))
    };
    let lo = end(from)?.map_or(Date::MIN, |d| d.0);
    let hi = end(to)?.map_or(Date::MAX, |d| d.1);
    if lo > hi {
        return Err(format!("date range: {from} comes after {to}"));
    }
    Ok(Some((lo, hi)))
}

/// Up to 40 characters before the hit, the hit, and up to 40 after, line breaks as spaces.
pub fn snippet(doc: &Document, span: Span) -> (String, String, String) {
    let text = doc.text();
    let Some((b, e)) = doc.index().bytes_of_span(span) else { return Default::default() };
    let before: String = text[..b].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[e..].chars().take(40).collect();
    let flat = |s: &str| s.replace('\n', " ");
    (flat(&before), flat(&text[b..e]), flat(&after))
}

/// An annotation of `anns` in a few words for a result's line: "ACTOR A3 Mali (state)",
/// "DATE D1 2025-09-14", "CLAIM C2 accuse, source A1 Mali".
pub fn describe(a: &Annotation, anns: &[Annotation]) -> String {
    let what = match &a.attrs {
        Attrs::Actor(x) => format!("{} ({})", x.canonical, x.kind.as_str()),
        Attrs::Date(d) => d.value.clone(),
        Attrs::Claim(c) => {
            let stance = c.stance.map_or("no stance", |s| s.as_str());
            let name = |s: &str| anns.iter().find(|b| b.id == s).and_then(|b| b.actor()).map(|x| x.canonical.clone());
            match c.source.as_deref() {
                Some(s) => format!("{stance}, source {s} {}", name(s).unwrap_or_default()).trim_end().to_string(),
                None => stance.to_string(),
            }
        }
    };
    let status = if a.status.is_live() { "" } else { " [rejected]" };
    format!("{} {} {what}{status}", a.label().as_str(), a.id)
}

#[cfg(test)]
mod tests;
