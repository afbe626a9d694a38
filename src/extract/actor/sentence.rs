//! One sentence under analysis: its tokens, their lowercase forms and capitals, where a
//! sentence or quotation starts inside it, whether it is a title-case headline, the tokens
//! already taken by a candidate, and the one way rules make and push candidates.
//!
//! Owns: the per-sentence state and its accessors, reused buffers between sentences. It must
//! not: decide what is an actor (the rule families do) or look beyond its sentence.

use super::lexicon::{HashMap, HashSet, Lexicon, Suffix};
use super::rule::{Cand, Pending};
use super::token::{Kind, Token};
use super::words::{is_cap_word, lower};
use crate::extract::Steps;
use crate::model::{ActorKind, Mention};
use std::borrow::Cow;

/// Per-token buffers reused from one sentence to the next.
#[derive(Default)]
pub(super) struct Scratch<'a> {
    pub(super) used: Vec<bool>,
    pub(super) initial: Vec<bool>,
    pub(super) lows: Vec<Cow<'a, str>>,
    pub(super) caps: Vec<bool>,
}

/// One sentence under analysis.
pub(super) struct Sentence<'a> {
    pub(super) lex: &'static Lexicon,
    pub(super) text: &'a str,
    pub(super) t: &'a [Token],
    pub(super) lower_words: &'a HashSet<&'a str>,
    /// Token consumed by an emitted candidate.
    pub(super) used: Vec<bool>,
    /// Title-case headline: capitals prove nothing.
    pub(super) headline: bool,
    /// A results line or standings row of a sports page: its names are teams.
    pub(super) results: bool,
    /// Ends with a full stop, a question or exclamation mark or a closing quote.
    pub(super) terminated: bool,
    /// Index of tokens where a sentence (or a quotation) starts.
    pub(super) initial: Vec<bool>,
    /// Each token in lowercase (borrowed from the text when it has no capital).
    pub(super) lows: Vec<Cow<'a, str>>,
    /// Each token is a capitalised word.
    pub(super) caps: Vec<bool>,
    /// Tokens visited by the analysis of capitalised runs (see [`crate::extract::Work`]).
    pub(super) steps: Steps,
    /// In a headline, the names the running text of the document has found, by their text:
    /// a run of the headline is a name when it is one of them.
    pub(super) known: Option<&'a HashMap<&'a str, Cand>>,
}

impl<'a> Sentence<'a> {
    pub(super) fn new(
        lex: &'static Lexicon,
        text: &'a str,
        t: &'a [Token],
        lower_words: &'a HashSet<&'a str>,
        scratch: Scratch<'a>,
    ) -> Sentence<'a> {
        let Scratch { mut used, mut initial, mut lows, mut caps } = scratch;
        used.clear();
        used.resize(t.len(), false);
        initial.clear();
        initial.resize(t.len(), false);
        lows.clear();
        lows.extend(t.iter().map(|k| lower(&text[k.s..k.e])));
        caps.clear();
        caps.extend(t.iter().map(|k| k.kind == Kind::Word && is_cap_word(&text[k.s..k.e])));
        let mut first = true;
        for (k, tok) in t.iter().enumerate() {
            let w = &text[tok.s..tok.e];
            if tok.kind == Kind::Word {
                if first {
                    initial[k] = true;
                }
                first = false;
            } else if matches!(w, "“" | "\"" | "‘" | ":" | "—" | "–" | "•" | "*" | "|")
                || (w == "'" && k + 1 < t.len() && t[k + 1].s == tok.e)
            {
                first = true;
            }
        }
        // An organisation suffix with its stop ("EADS N.V.", "Apple Inc.") ends a sentence too.
        let terminated = t.last().is_some_and(|l| {
            let w = &text[l.s..l.e];
            matches!(w, "." | "?" | "!" | "\"" | "”" | "’" | "'" | ")" | ":" | ";")
                || (w.len() > 2 && w.ends_with('.') && matches!(lex.suffixes.get(w), Some(Suffix::Org)))
        });
        let mut s = Sentence {
            lex,
            text,
            t,
            lower_words,
            used,
            headline: false,
            results: false,
            terminated,
            initial,
            lows,
            caps,
            steps: Steps::default(),
            known: None,
        };
        s.headline = s.is_headline() || s.is_shouted() || s.is_title_line();
        // A results line is a table row, not a headline: its capitals write names.
        if s.is_results_line() {
            s.results = true;
            s.headline = false;
        }
        if let Some((place_end, body)) = s.dateline() {
            // The dateline's place is where the story was filed, not an actor; the story's
            // first sentence starts after its dash.
            for x in 0..place_end {
                s.used[x] = true;
            }
            s.initial[body] = true;
        }
        s
    }

    /// A line in title case, even with a final stop ("Stealth Over Health: Hillary Clinton Was
    /// Headed to ER But Diverted to Avoid Bad Optics."): its lowercase words are only short
    /// function words ("to", "for", "of"), it has three capitalised words or more, and at least
    /// two capitalised words are ones title case alone capitalises, verbs and function words
    /// ("Was", "Headed", "But", "Speaks", "To", "After"), one of them a function word (a
    /// list of names has nouns that are verb forms too: "Air Force", "Army Service Forces"). A sentence full of names ("Elias
    /// Howell was a United States Representative from Ohio.") writes its verbs in lowercase.
    pub(super) fn is_title_line(&self) -> bool {
        let (Some(first), Some(last)) = (self.t.first(), self.t.last()) else {
            return false;
        };
        // The line, looked for within 300 bytes either side (a longer line is no headline, and
        // a text without line breaks is not searched to its start for every sentence).
        let b = self.text.as_bytes();
        let lo = first.s.saturating_sub(300);
        let start = match b[lo..first.s].iter().rposition(|&c| c == b'\n') {
            Some(p) => lo + p + 1,
            None if lo == 0 => 0,
            None => return false,
        };
        let hi = (last.e + 300).min(b.len());
        let end = match b[last.e..hi].iter().position(|&c| c == b'\n') {
            Some(p) => last.e + p,
            None if hi == b.len() => b.len(),
            None => return false,
        };
        let Some(line) = self.text.get(start..end) else { return false };
        if line.len() > 300 {
            return false;
        }
        let (mut words, mut title_words, mut function_words) = (0, 0, 0);
        let is_part = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.');
        for (n, w) in line.split(|c: char| !is_part(c)).filter(|w| !w.is_empty()).enumerate() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let Some(c0) = w.chars().next() else { continue };
            if c0.is_lowercase() {
                if !LOWERCASE_IN_TITLES.contains(&w) {
                    return false;
                }
                continue;
            }
            if !c0.is_alphabetic() {
                continue;
            }
            let lw = w.to_lowercase();
            if n > 0 && w.chars().skip(1).all(char::is_lowercase) {
                if TITLE_FUNCTION_WORDS.contains(&lw.as_str()) {
                    function_words += 1;
                    title_words += 1;
                } else if self.lex.verbs.contains(lw.as_str()) || self.lex.auxiliaries.contains(lw.as_str()) {
                    title_words += 1;
                }
            }
            if w.chars().count() >= 4 {
                words += 1;
            }
        }
        words >= 3 && title_words >= 2 && function_words >= 1
    }

    /// Is every word of the sentence in capitals ("FULL TEXT.", "GARLAND STEPS ASIDE.")?
    /// Capitals then prove nothing, as in a title-case headline.
    pub(super) fn is_shouted(&self) -> bool {
        let mut words = 0;
        for k in 0..self.t.len() {
            if !self.is_word(k) {
                continue;
            }
            let w = self.w(k);
            if !is_shouted_word(w) {
                if w.chars().any(char::is_lowercase) {
                    return false;
                }
                continue;
            }
            words += 1;
        }
        words >= 2
    }

    /// A dateline opening a line: a place in capitals, perhaps a region or a date after a
    /// comma and a news agency in brackets, then a dash ("LOS ANGELES (AP) -", "SAN JUAN,
    /// Puerto Rico (AP)_", "FLINT, Mich., Oct. 4 (UPI) —", "MIDWAY ATOLL -", "HONG
    /// KONG/SHANGHAI (Reuters) -"): the end of its
    /// place in capitals (and of what follows it up to the agency) and the token where the story
    /// starts. A lead-in in capitals before a dash ("CONGRESS HAS INVESTIGATED HIM — Oz's
    /// advice") has the same shape and, like a headline, names no actor by its capitals.
    fn dateline(&self) -> Option<(usize, usize)> {
        let first = self.t.first()?;
        let line_start = self.text[..first.s].trim_end_matches([' ', '\t']);
        if !(line_start.is_empty() || line_start.ends_with('\n')) {
            return None;
        }
        let n = self.t.len().min(16);
        let mut k = 0;
        // Words in capitals, with their apostrophes ("HE'S", "DON'T", "OZ'S").
        while k < n
            && (self.is_word(k) && !self.w(k).chars().any(char::is_lowercase) || matches!(self.w(k), "'" | "’"))
            && (k > 0 || is_shouted_word(self.w(k)))
            || k < n && self.t[k].kind == Kind::Poss && !self.w(k).contains('s')
            // "HONG KONG/SHANGHAI (Reuters) -": two places filed from.
            || k > 0 && k + 1 < n && self.w(k) == "/" && is_shouted_word(self.w(k + 1))
            // "ST. LOUIS —", "FT. WORTH -": an abbreviation's stop inside the place.
            || k > 0 && k + 1 < n && self.w(k) == "." && self.t[k].s == self.t[k - 1].e && is_shouted_word(self.w(k + 1))
        {
            k += 1;
        }
        // "UPI" alone opening a line is no place; a single place word needs its dash or comma.
        if k == 0 || (k == 1 && self.w(0).chars().count() < 4) {
            return None;
        }
        let mut place_end = k;
        // ", Puerto Rico", ", N.Y., Sept. 26": a region or a date, short words without a verb.
        if k < n && self.w(k) == "," {
            let mut x = k + 1;
            while x < n && (self.is_word(x) && self.w(x).chars().count() <= 12 || matches!(self.w(x), "," | ".")) {
                x += 1;
            }
            place_end = x;
            k = x;
        }
        // "(AP)", "(UPI)": the agency stays an actor.
        if k + 2 < n && self.w(k) == "(" && self.is_word(k + 1) && self.w(k + 2) == ")" {
            k += 3;
        }
        let dash = |x: usize| x < n && matches!(self.w(x), "-" | "—" | "–" | "_");
        if !dash(k) {
            return None;
        }
        while dash(k) {
            k += 1;
        }
        (k < self.t.len() && self.is_word(k)).then_some((place_end, k))
    }

    /// The buffers, for the next sentence.
    pub(super) fn scratch(self) -> Scratch<'a> {
        Scratch { used: self.used, initial: self.initial, lows: self.lows, caps: self.caps }
    }

    pub(super) fn w(&self, k: usize) -> &'a str {
        let t = self.t[k];
        &self.text[t.s..t.e]
    }

    pub(super) fn is_word(&self, k: usize) -> bool {
        k < self.t.len() && self.t[k].kind == Kind::Word
    }

    pub(super) fn cap(&self, k: usize) -> bool {
        k < self.caps.len() && self.caps[k]
    }

    /// A word as a canonical name writes it: a common word opening a sentence in lowercase,
    /// any other as written ("Republican nominee", "French diplomatic source").
    pub(super) fn case_word(&self, k: usize) -> &str {
        if self.initial[k] && !self.lex.adjectives.contains_key(self.w(k)) && !self.lex.names.contains_key(self.w(k)) {
            self.lw(k)
        } else {
            self.w(k)
        }
    }

    pub(super) fn lw(&self, k: usize) -> &str {
        &self.lows[k]
    }

    /// A results line or a standings row of a sports page, where every name is a team (an
    /// organisation) and capitals prove what they do in running text: "Ajax Amsterdam 3 PSV
    /// Eindhoven 1", "Feyenoord 2 Vitesse Arnhem 0 (halftime 1-0)" (a name and its score,
    /// twice), "Ajax 10 7 2 1 25 8 23" (a name and three numbers or more to the line's end).
    pub(super) fn is_results_line(&self) -> bool {
        let n = self.t.len();
        let number = |k: usize| {
            let w = self.w(k);
            !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
        };
        let name_end = |k: usize| {
            let mut x = k;
            while x < n && self.is_word(x) && self.cap(x) {
                x += 1;
            }
            x
        };
        let a = name_end(0);
        if a == 0 || a >= n || !number(a) {
            return false;
        }
        // A standings row: numbers only, three or more, to the end.
        if n - a >= 3 && (a..n).all(number) {
            return true;
        }
        let b = name_end(a + 1);
        b > a + 1 && b < n && number(b) && (b + 1 == n || self.w(b + 1) == "(")
    }

    /// Is a game's score written right after token `j` ("losing to Tulsa 63-7", "beat Parma
    /// 2-1")? Two numbers of one to three digits joined by a hyphen or a dash (years and
    /// seasons, "1969-70", are four digits before the hyphen).
    pub(super) fn score_after(&self, j: usize) -> bool {
        let n = self.t.len();
        let k = j + 1;
        if k >= n {
            return false;
        }
        let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
        let w = self.w(k);
        if let Some((a, b)) = w.split_once(['-', '–']) {
            return number(a) && number(b);
        }
        k + 2 < n && number(w) && matches!(self.w(k + 1), "-" | "–") && number(self.w(k + 2))
    }

    /// A title-case or all-capitals line without final punctuation.
    pub(super) fn is_headline(&self) -> bool {
        let Some(last) = self.t.last() else {
            return false;
        };
        let end = &self.text[last.s..last.e];
        if matches!(end, "." | "?" | "!" | "\"" | "”" | "’" | "'") {
            return false;
        }
        // "... Space Company EADS N.V." cut before "(EADS) have": a sentence, not a headline.
        if end.len() > 2 && end.ends_with('.') && matches!(self.lex.suffixes.get(end), Some(Suffix::Org)) {
            return false;
        }
        let (mut words, mut caps) = (0, 0);
        for k in 0..self.t.len() {
            if !self.is_word(k) {
                continue;
            }
            let w = self.w(k);
            if w.chars().count() < 4 || !w.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            words += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
        }
        words >= 3 && caps * 10 >= words * 7
    }

    /// Does token `k` open its line (nothing but spaces and quotation marks before it)?
    pub(super) fn opens_line(&self, k: usize) -> bool {
        // Back from the token over spaces and quotation marks only: a line break or the text's
        // start must come first.
        self.text[..self.t[k].s]
            .chars()
            .rev()
            .find(|&c| !(c == ' ' || c == '\t' || matches!(c, '"' | '“' | '‘' | '\'')))
            .is_none_or(|c| c == '\n' || c == '\r')
    }

    pub(super) fn mark(&mut self, i: usize, j: usize) {
        for x in i..=j {
            self.used[x] = true;
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn cand(
        &self,
        i: usize,
        j: usize,
        kind: ActorKind,
        mention: Mention,
        canonical: String,
        role: Option<String>,
        rule: &'static str,
    ) -> Cand {
        Cand {
            s: self.t[i].s,
            e: self.t[j].e,
            kind,
            mention,
            canonical,
            role,
            rule,
            pending: Pending::No,
            drop: false,
            state: None,
            sent: self.t.first().map_or(0, |t| t.s),
            ruler: false,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        out: &mut Vec<Cand>,
        i: usize,
        j: usize,
        kind: ActorKind,
        mention: Mention,
        canonical: String,
        role: Option<String>,
        rule: &'static str,
    ) -> bool {
        if (i..=j).any(|x| self.used[x]) {
            return false;
        }
        let c = self.cand(i, j, kind, mention, canonical, role, rule);
        self.mark(i, j);
        out.push(c);
        true
    }
}

/// A word in capitals: two letters or more, none lowercase ("WASHINGTON", "HE'S", "N.Y.").
fn is_shouted_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The words a title-case line writes in lowercase: articles, short prepositions and
/// conjunctions.
const LOWERCASE_IN_TITLES: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
    "vs", "via", "nor", "per", "off", "over", "up", "if", "than", "amid",
];

/// Function words that only title case capitalises inside a line.
const TITLE_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the", "to",
    "up", "with", "after", "about", "against", "amid", "before", "toward", "towards", "than", "that", "this", "is",
    "are", "was", "were", "be", "not", "its", "their", "his", "her", "our", "your", "my", "it", "we", "you", "they",
];
