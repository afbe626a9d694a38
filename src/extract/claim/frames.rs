//! Cue frames: finding reporting cues in one sentence's tokens and the source, content and
//! target each cue takes, by word-order rules rather than a parser.
//!
//! Owns: the constructions of GUIDELINES.md's CLAIM section (indirect and direct speech,
//! trailing and inverted cues, "according to", "told", "accused Y of", "dismissed Y as",
//! passives, participles after a comma, noun cues). It must not: convert offsets, make
//! annotations or resolve sources to actors (that is `mod.rs`).

use super::lexicon::{Form, Frame, Lexicon, Verb, WordInfo};
use super::tokens::{Kind, Tok};
use crate::model::Stance;

/// A noun phrase found as a source, in token indices (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub a: usize,
    pub b: usize,
    pub pronoun: bool,
}

/// One cue with what it takes, in token indices of the sentence (inclusive ranges).
#[derive(Clone, Debug)]
pub struct Cand {
    pub cue: (usize, usize),
    pub source: Option<Np>,
    /// Content tokens; `None` until the boundaries pass fills it for content after a cue.
    pub content: (usize, usize),
    pub target: Option<(usize, usize)>,
    pub stance: Stance,
    pub rule: &'static str,
    pub frame: Frame,
    /// Content precedes the cue ("C, X said").
    pub before: bool,
    /// Token index of the comma (or quote) that separates this cue's clause from content
    /// before it: a boundary for other cues' content after.
    pub boundary: Option<usize>,
    /// The content is open-ended to the right: the boundaries pass sets its end.
    pub open_right: bool,
    /// The cue ends its sentence with a colon ("The governor added:"): the content is the
    /// next sentence.
    pub next: bool,
    /// The sentence is only "X said." after a quote: the content is the previous sentence.
    pub prev: bool,
}

impl Cand {
    /// A claim whose content comes before its cue ("C, X said"), closed on both sides.
    fn before_cue(
        cue: (usize, usize),
        source: Option<Np>,
        content: (usize, usize),
        stance: Stance,
        rule: &'static str,
        frame: Frame,
        boundary: Option<usize>,
    ) -> Cand {
        Cand {
            cue,
            source,
            content,
            target: None,
            stance,
            rule,
            frame,
            before: true,
            boundary,
            open_right: false,
            next: false,
            prev: false,
        }
    }
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// The personal pronoun a word is or starts ("we've", "they’re" -> "we", "they").
pub fn pronoun_base(w: &str) -> Option<&'static str> {
    let (base, suffix) = match w.find(['\'', '’']) {
        Some(k) => {
            let rest = &w[k..];
            let apostrophe = rest.chars().next().map_or(1, char::len_utf8);
            (&w[..k], rest.get(apostrophe..).unwrap_or(""))
        }
        None => (w, ""),
    };
    if !matches!(suffix, "" | "ve" | "re" | "d" | "ll" | "m" | "s") {
        return None;
    }
    PRONOUNS.iter().find(|p| **p == base).copied()
}
/// Possessive pronouns that name a noun cue's source ("his claim that").
pub const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its", "our"];

/// The personal pronoun a possessive one stands for ("his" -> "he").
pub fn pronoun_of_possessive(w: &str) -> Option<&'static str> {
    match w {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        "its" => Some("it"),
        "our" => Some("we"),
        _ => None,
    }
}
/// Numbers and quantifiers that can head a source ("43 said", "most said", "one in three said").
const NUMBER_HEADS: &[&str] =
    &["one", "two", "three", "four", "five", "most", "many", "some", "few", "several", "both", "half", "others"];
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "you", "it", "reporters", "journalists"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "another", "some",
    "several", "many", "most", "both", "each", "every", "any", "few", "one", "two", "three", "four", "five", "other",
];
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "stand",
    "stands",
    "stood",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "did",
    "does",
    "do",
    "also",
    "previously",
    "later",
    "then",
    "again",
    "reportedly",
    "publicly",
    "privately",
    "recently",
    "once",
    "further",
    "already",
    "repeatedly",
    "still",
    "ever",
    "never",
    "not",
    "first",
    "initially",
    "subsequently",
    "often",
    "just",
    "even",
    "now",
    "allegedly",
    "long",
    "didn't",
    "didn’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "can't",
    "can’t",
    "cannot",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "isn't",
    "isn’t",
    "wasn't",
    "wasn’t",
    "weren't",
    "weren’t",
    "couldn't",
    "couldn’t",
    "shouldn't",
    "shouldn’t",
    "mustn't",
    "mustn’t",
    "needn't",
    "needn’t",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "stand", "stands", "stood"];
const LY_NOUNS: &[&str] = &["family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "daily", "weekly"];
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "then",
    "again",
    "also",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "afterwards",
    "last",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];
const ADJUNCT_PREPS: &[&str] =
    &["of", "on", "in", "at", "during", "late", "early", "last", "this", "through", "via", "after", "before"];
/// Verbs whose content may be an infinitive ("vowed to punish", "urged X to return").
const TAKES_TO: &[&str] = &[
    "promise", "pledge", "vow", "threaten", "urge", "demand", "ask", "agree", "propose", "warn", "call", "want",
    "plan", "intend", "refuse", "decline", "seek", "implore", "advise",
];
/// Words before a participle cue that make it a clause of the sentence's subject.
const PARTICIPLE_INTRO: &[&str] = &["while", "after", "before", "when", "by"];
/// Words that may introduce the clause whose subject holds a cue.
const CLAUSE_START: &[&str] = &[
    "and", "but", "while", "as", "because", "when", "after", "though", "although", "since", "if", "so", "that",
    "where", "whereas", "yet", "or", "before", "until",
];

fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

/// The analysis of one sentence.
pub struct Sentence<'t, 'a> {
    pub t: &'t [Tok<'a>],
    lex: &'t Lexicon,
    /// Per token, looked up once: the cue verb form, and what else the lexicons say of it.
    forms: Vec<Option<(usize, Form)>>,
    info: Vec<WordFlags>,
    /// Some token is a noun cue or starts an "according to" phrase.
    trigger: bool,
}

/// What a token is besides a cue verb form (from [`WordInfo`]).
#[derive(Clone, Copy, Default)]
struct WordFlags {
    function: bool,
    noun: bool,
    according: bool,
}

impl<'t, 'a> Sentence<'t, 'a> {
    pub fn new(t: &'t [Tok<'a>], lex: &'t Lexicon) -> Self {
        let mut forms = Vec::with_capacity(t.len());
        let mut info = Vec::with_capacity(t.len());
        let mut trigger = false;
        for x in t {
            let w: WordInfo =
                if x.is_word() { lex.words.get(x.low()).copied().unwrap_or_default() } else { Default::default() };
            forms.push(w.form);
            info.push(WordFlags { function: w.function, noun: w.noun, according: w.according });
            trigger |= w.noun || w.according;
        }
        Sentence { t, lex, forms, info, trigger }
    }

    /// True when the sentence holds something a cue can start with (a cue verb form, a
    /// noun cue, an "according to" phrase, a colon or a dash), so that the rest of the
    /// analysis can be skipped for the many sentences without one.
    pub fn may_hold_cue(&self) -> bool {
        self.trigger
            || self.forms.iter().any(Option::is_some)
            || self.t.iter().any(|x| x.kind == Kind::Punct && matches!(x.text, ":" | "—" | "–" | "-" | "―"))
    }

    /// Title-case: at least four words, seven in ten capitalised (asked only of sentences
    /// with a cue, so counted then rather than for every sentence).
    fn headline(&self) -> bool {
        let words = self.t.iter().filter(|t| t.is_word()).count();
        let caps = self.t.iter().filter(|t| t.is_cap()).count();
        words >= 4 && caps * 10 >= words * 7
    }

    fn n(&self) -> usize {
        self.t.len()
    }
    fn low(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.low()).unwrap_or("")
    }
    fn is_fn(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|f| f.function)
    }
    fn punct(&self, i: usize, c: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }
    fn is_dash(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && matches!(t.text, "—" | "–" | "-" | "―"))
    }
    /// A cue verb in a finite or participial form (said, says, saying...).
    fn verb_form(&self, i: usize) -> Option<(usize, Form)> {
        self.forms.get(i).copied().flatten()
    }

    /// True when nothing but punctuation and closing quotes remains from `r`.
    fn at_end(&self, r: usize) -> bool {
        self.t[r.min(self.n())..].iter().all(|t| !t.is_word())
    }

    /// Skips time and place adjuncts ("on Friday", "in a statement") when a boundary
    /// (punctuation, "that", a quote, the end) follows them.
    fn skip_adjuncts(&self, r: usize) -> usize {
        let n = self.n();
        let mut k = r;
        loop {
            if k < n && (TIME_WORDS.contains(&self.low(k)) || ends_ly(self.low(k)) && !self.t[k].is_cap()) {
                k += 1;
                continue;
            }
            if k < n && ADJUNCT_PREPS.contains(&self.low(k)) {
                let mut m = k + 1;
                while m < n
                    && m < k + 10
                    && (self.t[m].is_word() || self.t[m].kind == Kind::Possessive)
                    && self.low(m) != "that"
                {
                    m += 1;
                }
                if m > k + 1 && (m >= n || !self.t[m].is_word() || self.low(m) == "that") {
                    k = m;
                    continue;
                }
            }
            return k;
        }
    }

    /// "says at a campaign stop in Toledo, Ohio, that ...": the "that" after an adjunct
    /// with commas, when one comes within a few words.
    fn that_after_adjunct(&self, r: usize) -> Option<usize> {
        let n = self.n();
        let mut k = r;
        while k < n && k < r + 14 {
            let t = &self.t[k];
            if t.lower == "that" {
                return (k > r && self.t[k - 1].is_punct(",")).then_some(k);
            }
            if !(t.is_word() || t.is_punct(",") || t.kind == Kind::Possessive || t.is_punct(".")) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Skips the object of "told"/"asked" ("told AFP", "told reporters", "told him").
    fn skip_object(&self, r: usize) -> usize {
        let n = self.n();
        if r >= n {
            return r;
        }
        // A "that" close by marks the content's start.
        for m in r..(r + 7).min(n) {
            if !self.t[m].is_word() {
                break;
            }
            if self.low(m) == "that" {
                return m;
            }
        }
        if OBJECT_PRONOUNS.contains(&self.low(r)) {
            return r + 1;
        }
        let mut k = r;
        if self.low(k) == "the" {
            k += 1;
        }
        if k < n && self.t[k].is_cap() {
            while k < n && (self.t[k].is_cap() || self.t[k].kind == Kind::Possessive) {
                k += 1;
            }
            // "told the RT America audience", "told USA TODAY's weekly video newsmaker series"
            let mut m = k;
            while m < n && m < k + 4 && self.t[m].is_word() && !self.is_fn(m) && !self.t[m].is_cap() {
                m += 1;
            }
            if m > k && (self.at_end(m) || self.punct(m, ",") || self.punct(m, ":") || self.low(m) == "that") {
                return m;
            }
            return k;
        }
        if DETERMINERS.contains(&self.low(r)) {
            let mut k = r + 1;
            while k < n && k < r + 4 && self.t[k].is_word() && !self.is_fn(k) {
                k += 1;
            }
            return k;
        }
        r
    }

    /// The noun phrase ending at token `b`, scanning left; `None` when `b` cannot end one.
    pub fn np_back(&self, b: usize) -> Option<Np> {
        let tk = self.t.get(b)?;
        if pronoun_base(&tk.lower).is_some() {
            return Some(Np { a: b, b, pronoun: true });
        }
        if TIME_WORDS.contains(&tk.low()) || matches!(tk.low(), "soon" | "now" | "almost" | "already" | "today") {
            // "the board on Monday rejected": the subject is before the time phrase.
            let mut k = b;
            while k > 0
                && (TIME_WORDS.contains(&self.low(k))
                    || matches!(
                        self.low(k),
                        "on" | "in"
                            | "at"
                            | "last"
                            | "this"
                            | "early"
                            | "late"
                            | "soon"
                            | "now"
                            | "almost"
                            | "already"
                            | "today"
                    )
                    || self.t[k].text.chars().all(|c| c.is_ascii_digit()))
            {
                k -= 1;
            }
            return if k < b && self.t[k].is_word() { self.np_back(k) } else { None };
        }
        if tk.is_punct(".") && b >= 1 && self.t[b - 1].is_cap() && self.t[b - 1].end == tk.start {
            // "The S.E.C. said", "U.S. officials": the stop belongs to the abbreviation.
            let inner = self.np_back(b - 1)?;
            return Some(Np { a: inner.a, b, pronoun: false });
        }
        if tk.is_punct(")") {
            let o = (b.saturating_sub(8)..b).rev().find(|&k| self.t[k].is_punct("("))?;
            let inner = self.np_back(o.checked_sub(1)?)?;
            return (!inner.pronoun).then_some(Np { a: inner.a, b, pronoun: false });
        }
        if PRONOUNS.contains(&tk.low()) {
            return Some(Np { a: b, b, pronoun: true });
        }
        let number = |k: usize| {
            self.t.get(k).is_some_and(|x| {
                x.is_word() && x.text.chars().all(|c| c.is_ascii_digit())
                    || NUMBER_HEADS.contains(&x.low())
                    || matches!(x.low(), "six" | "seven" | "eight" | "nine" | "ten")
            })
        };
        if tk.is_punct("%") && b >= 1 && number(b - 1) {
            // "47% say": a share of those polled.
            return Some(Np { a: b - 1, b, pronoun: false });
        }
        if number(b) && b >= 2 && self.low(b - 1) == "in" && number(b - 2) {
            // "Six in 10 say", "one in three said".
            return Some(Np { a: b - 2, b, pronoun: false });
        }
        if !tk.is_word()
            || self.is_fn(b)
            || DETERMINERS.contains(&tk.low()) && !NUMBER_HEADS.contains(&tk.low())
            || self.verb_form(b).is_some()
                && !tk.is_cap()
                && !(b > 0 && (DETERMINERS.contains(&self.low(b - 1)) || self.t[b - 1].kind == Kind::Possessive))
        {
            return None;
        }
        if !tk.text.chars().any(char::is_alphabetic) && !tk.text.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut a = b;
        let mut count = 1;
        while a > 0 && count < 8 {
            let p = &self.t[a - 1];
            if p.kind == Kind::Possessive {
                if a >= 2 && self.t[a - 2].is_word() && !self.is_fn(a - 2) {
                    a -= 2;
                    count += 1;
                    continue;
                }
                break;
            }
            if p.is_punct(".") && a >= 2 && self.t[a - 2].is_cap() && self.t[a - 2].text.chars().count() <= 4 {
                // "Mr. Obama", "Sen. Perdue".
                a -= 2;
                count += 1;
                continue;
            }
            if !p.is_word() {
                // "Goïta-led", "al-Qaeda" are one word; a dash between words ends the phrase.
                break;
            }
            if DETERMINERS.contains(&p.low()) {
                a -= 1;
                if self.pp_head(a).is_some() {
                    continue;
                }
                break;
            }
            if matches!(p.low(), "of" | "for" | "and" | "de" | "on")
                && self.t[a].is_cap()
                && a >= 2
                && self.t[a - 2].is_cap()
            {
                // "Ministry for Europe and Foreign Affairs", "Department of State".
                a -= 1;
                count += 1;
                continue;
            }
            if let Some(k) = self.pp_head(a) {
                // "a narrator in the Clinton ad", "a spokesman for the ministry".
                count += a - k;
                a = k;
                continue;
            }
            if self.lex.function_words.contains(p.low()) {
                break;
            }
            if self.verb_form(a - 1).is_some_and(|(_, f)| f != Form::Base) && !p.is_cap() {
                break;
            }
            if ends_ly(&p.lower) && !p.is_cap() {
                break;
            }
            a -= 1;
            count += 1;
        }
        Some(Np { a, b, pronoun: false })
    }

    /// True when the "to" at `k` follows a verb that hands its subject to the cue after it
    /// ("continues to insist", "went on to say", "seemed to think").
    fn to_chain(&self, k: usize) -> bool {
        const CHAIN: &[&str] = &[
            "continue",
            "continues",
            "continued",
            "continuing",
            "seem",
            "seems",
            "seemed",
            "appear",
            "appears",
            "appeared",
            "went",
            "go",
            "goes",
            "going",
            "proceeded",
            "rushed",
            "hastened",
            "moved",
        ];
        k >= 1
            && (CHAIN.contains(&self.low(k - 1))
                || self.low(k - 1) == "on" && k >= 2 && CHAIN.contains(&self.low(k - 2)))
    }

    /// "Richard Revesz, director of the Institute ..., said": the name before a long
    /// apposition closed by the separator at `l` (a comma or a dash): the farthest comma or
    /// dash (within 45 tokens) right after a capitalised word whose phrase opens the clause.
    fn name_before_apposition(&self, l: usize) -> Option<Np> {
        let lo = l.saturating_sub(45);
        let sep = |k: usize| self.t[k].is_punct(",") || self.is_dash(k);
        for c in (lo.max(1)..l).filter(|&k| sep(k)) {
            let end = &self.t[c - 1];
            if !(end.is_cap() || end.is_punct(")")) || sep(c - 1) {
                continue;
            }
            let Some(np) = self.np_back(c - 1) else {
                continue;
            };
            if np.pronoun {
                continue;
            }
            let opens = np.a == 0
                || self.t[np.a - 1].kind == Kind::Close
                || self.t[np.a - 1].kind == Kind::Open
                || CLAUSE_START.contains(&self.low(np.a - 1))
                || self.t[np.a - 1].is_punct(":");
            // The apposition must not hold a verb of its own ("X, who said Y, ...").
            let has_cue = (c + 1..l).any(|k| {
                (self.verb_form(k).is_some_and(|(_, f)| f == Form::Past) || self.low(k) == "says")
                    && !self.t[k].is_cap()
                    && !DETERMINERS.contains(&self.low(k - 1))
            });
            if opens && !has_cue {
                return Some(np);
            }
        }
        None
    }

    /// When the phrase starting at `a` is the object of "of/for/in/at/from" after a noun
    /// ("a spokesman [for the ministry]"), the index of that noun.
    fn pp_head(&self, a: usize) -> Option<usize> {
        if a < 3 || !(DETERMINERS.contains(&self.low(a)) || self.t[a].is_cap()) {
            return None;
        }
        let p = self.low(a - 1);
        let noun = a - 2;
        let ok = matches!(p, "of" | "for" | "in" | "at" | "from")
            && self.t[noun].is_word()
            && !self.is_fn(noun)
            && self.verb_form(noun).is_none()
            && (DETERMINERS.contains(&self.low(noun - 1))
                || self.t[noun].is_cap()
                || self.lex.heads.contains_key(self.low(noun)));
        ok.then_some(noun)
    }

    /// The noun phrase starting at `a` running right to a comma, the end or a clause word
    /// (for inverted cues and "according to X").
    fn np_fwd(&self, a: usize, max: usize) -> Option<Np> {
        let n = self.n();
        let mut b = a;
        while b < n && b < a + max {
            let t = &self.t[b];
            let abbrev = t.is_punct(".")
                && b > a
                && self.t[b - 1].is_cap()
                && self.t[b - 1].text.len() <= 3
                && self.t.get(b + 1).is_some_and(|x| x.is_cap());
            if t.is_punct("(") && b > a && self.t[b - 1].is_cap() {
                // "Rep. Joseph Crowley (D-N.Y.)"
                if let Some(c) = (b + 1..(b + 8).min(n)).find(|&k| self.t[k].is_punct(")")) {
                    b = c + 1;
                    continue;
                }
            }
            if !(t.is_word() || t.kind == Kind::Possessive || abbrev) {
                break;
            }
            if t.is_word() && matches!(t.low(), "that" | "who" | "which" | "and" | "but" | "on" | "in" | "at" | "as") {
                break;
            }
            if t.is_word() && b > a && self.verb_form(b).is_some() && !t.is_cap() {
                break;
            }
            b += 1;
        }
        if b == a {
            return None;
        }
        let b = b - 1;
        if PRONOUNS.contains(&self.low(a)) && a == b {
            return Some(Np { a, b, pronoun: true });
        }
        // Not a bare function word.
        if a == b && (self.is_fn(a) || DETERMINERS.contains(&self.low(a))) {
            return None;
        }
        Some(Np { a, b, pronoun: false })
    }

    /// The subject noun phrase at the start of the sentence (for participle cues whose
    /// subject is the main clause's).
    fn np_initial(&self, limit: usize) -> Option<Np> {
        let n = self.n().min(limit);
        let mut a = 0;
        while a < n && !self.t[a].is_word() {
            a += 1;
        }
        while a < n && matches!(self.low(a), "and" | "but" | "so" | "yet") {
            a += 1;
        }
        // Skip a leading adverbial ending in a comma ("In retaliation, France ...",
        // "Having lost, Sanders ..."); without the comma there is no subject to find.
        let adverbial = |k: usize| {
            let w = self.low(k);
            self.is_fn(k) || ends_ly(w) || w.ends_with("ing") || TIME_WORDS.contains(&w) || w == "having"
        };
        if a < n && adverbial(a) && pronoun_base(self.low(a)).is_none() {
            match (a..n).find(|&k| self.punct(k, ",")) {
                Some(c) if c - a <= 14 => a = c + 1,
                _ => return None,
            }
        }
        if a >= n || self.is_fn(a) && pronoun_base(self.low(a)).is_none() {
            return None;
        }
        if pronoun_base(self.low(a)).is_some() {
            return Some(Np { a, b: a, pronoun: true });
        }
        let mut b = a;
        while b < n {
            let t = &self.t[b];
            let ok = if t.kind == Kind::Possessive {
                true
            } else if !t.is_word() {
                false
            } else if DETERMINERS.contains(&t.low()) {
                b == a
            } else if t.is_cap() {
                !(b > a && self.verb_form(b).is_some() && b == a)
            } else if self.is_fn(b) || self.verb_form(b).is_some() {
                false
            } else {
                let h = |k: usize| self.lex.heads.contains_key(self.low(k));
                h(b) || h(b + 1) && self.t.get(b + 1).is_some_and(|t| t.is_word()) || h(b + 2)
            };
            if !ok {
                break;
            }
            b += 1;
        }
        if b == a || b == a + 1 && DETERMINERS.contains(&self.low(a)) {
            return None;
        }
        Some(Np { a, b: b - 1, pronoun: false })
    }

    /// Index left of the cue after skipping auxiliaries and adverbs; and whether a form of
    /// "be" was skipped right before the cue (a passive or progressive).
    fn skip_aux_left(&self, i: usize) -> (Option<usize>, bool) {
        const VERB_AUX: &[&str] = &[
            "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "can",
            "may", "might", "must", "shall", "should", "did", "does", "do", "stand", "stands", "stood",
        ];
        let mut j = i;
        let mut be = None;
        while j > 0 {
            let w = self.low(j - 1);
            if w == "to" && self.to_chain(j - 1) {
                // "continues to insist", "went on to say": the verb before "to" is the finite one.
                j -= 2;
                if self.low(j) == "on" && j > 0 {
                    j -= 1;
                }
                continue;
            }
            if self.t[j - 1].kind == Kind::Possessive && j >= 2 && PRONOUNS.contains(&self.low(j - 2)) {
                // "He’s claiming": the contracted "is".
                if be.is_none() {
                    be = Some(true);
                }
                j -= 1;
                continue;
            }
            if AUX.contains(&w) || ends_ly(w) && !self.t[j - 1].is_cap() {
                if be.is_none() && VERB_AUX.contains(&w) {
                    be = Some(BE.contains(&w));
                }
                j -= 1;
                continue;
            }
            break;
        }
        (j.checked_sub(1), be.unwrap_or(false))
    }

    /// The relative pronoun that is the subject of a cue whose source is its antecedent
    /// ("Mr. Kamin, who emphasized", "Democrats, who have argued"): the source words of the
    /// clause.
    pub fn relative_subject(&self, c: &Cand) -> Option<usize> {
        let np = c.source?;
        if c.before || np.pronoun || np.b >= c.cue.0 {
            return None;
        }
        let (left, _) = self.skip_aux_left(c.cue.0);
        let l = left?;
        let w = self.low(l);
        let ok = l > np.b
            && (matches!(w, "who" | "which") && (l == np.b + 1 || l == np.b + 2 && self.punct(np.b + 1, ","))
                || w == "that" && l == np.b + 1);
        ok.then_some(l)
    }

    /// Every candidate claim of the sentence, content boundaries resolved.
    pub fn candidates(&self) -> Vec<Cand> {
        let n = self.n();
        let mut out: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < n {
            if let Some((len, c)) = self.according(i) {
                out.push(c);
                i += len;
                continue;
            }
            if let Some(c) = self.colon_or_bar(i) {
                out.push(c);
                i += 1;
                continue;
            }
            if let Some(c) = self.verb_cue(i) {
                let next = c.cue.1 + 1;
                out.push(c);
                i = next;
                continue;
            }
            if let Some(c) = self.noun_cue(i) {
                out.push(c);
            }
            i += 1;
        }
        self.resolve(&mut out);
        out
    }

    /// "Pence: ..." (a speaker's name and a colon opening a line) and "“...” ― Name" (a
    /// quote signed after a dash).
    fn colon_or_bar(&self, i: usize) -> Option<Cand> {
        let n = self.n();
        let t = self.t.get(i)?;
        // A transcript line may open with a quotation mark ("“PENCE: Well, ...").
        let s0 = usize::from(self.t.first().is_some_and(|x| x.kind == Kind::Open));
        if t.is_punct(":") && i > s0 && (1..=5).contains(&(i - s0)) && !self.at_end(i + 1) {
            let speaker = self.t[s0..i].iter().all(|x| x.is_cap() || x.kind == Kind::Possessive || x.is_punct("."));
            let dateish = self.t[s0..i].iter().any(|x| {
                x.text.chars().any(|c| c.is_ascii_digit())
                    || matches!(
                        x.low(),
                        "january"
                            | "february"
                            | "march"
                            | "april"
                            | "may"
                            | "june"
                            | "july"
                            | "august"
                            | "september"
                            | "october"
                            | "november"
                            | "december"
                            | "update"
                            | "updated"
                            | "read"
                            | "more"
                            | "note"
                            | "editor"
                            | "photo"
                            | "source"
                            | "sources"
                            | "related"
                            | "watch"
                            | "see"
                            | "also"
                            | "the"
                            | "latest"
                            | "correction"
                            | "clarification"
                            | "editor's"
                            | "editors"
                            | "breaking"
                    )
            });
            let descriptive = i - s0 > 1
                && self.t[s0..i].iter().any(|x| {
                    ["ic", "al", "ive", "ous", "ing", "ed", "ion", "ions", "ment", "ity", "cy", "out"]
                        .iter()
                        .any(|suf| x.lower.ends_with(suf))
                });
            let content_words =
                self.t[i + 1..].iter().filter(|x| x.is_word() && x.text.chars().any(char::is_alphabetic)).count();
            let generic = self.t[s0..i].iter().any(|x| {
                matches!(
                    x.low(),
                    "question"
                        | "answer"
                        | "q"
                        | "a"
                        | "remember"
                        | "warning"
                        | "pledged"
                        | "superdelegates"
                        | "age"
                        | "city"
                        | "job"
                        | "pay"
                )
            });
            if speaker && !dateish && !descriptive && !generic && content_words >= 3 && self.t[s0].is_word() {
                return Some(Cand {
                    cue: (i, i),
                    source: Some(Np { a: s0, b: i - 1, pronoun: false }),
                    content: (i + 1, n_minus(n)),
                    target: None,
                    stance: Stance::Assert,
                    rule: "speaker-colon",
                    frame: Frame::Speech,
                    before: false,
                    boundary: None,
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
        }
        if self.is_dash(i) && i >= 2 && self.t[i - 1].kind == Kind::Close {
            let np = self.np_fwd(i + 1, 8)?;
            if self.at_end(np.b + 1) && self.t[np.a].is_cap() {
                return Some(Cand::before_cue(
                    (i, i),
                    Some(np),
                    (0, i - 1),
                    Stance::Assert,
                    "quote-dash-name",
                    Frame::Speech,
                    Some(i),
                ));
            }
        }
        None
    }

    /// "according to X": content before or after.
    fn according(&self, i: usize) -> Option<(usize, Cand)> {
        let n = self.n();
        if !self.info.get(i).is_some_and(|f| f.according) {
            return None;
        }
        let phrase = self.lex.according.iter().find(|p| p.iter().enumerate().all(|(k, w)| self.low(i + k) == w))?;
        let len = phrase.len();
        let src = self.np_fwd(i + len, 12);
        let after_src = src.map(|s| s.b + 1).unwrap_or(i + len);
        let has_before = (0..i).any(|k| self.t[k].is_word() && !CLAUSE_START.contains(&self.low(k)));
        let cand = if has_before {
            let mut e = i;
            while e > 0 && !self.t[e - 1].is_word() && self.t[e - 1].kind != Kind::Close {
                e -= 1;
            }
            if e == 0 {
                return None;
            }
            Cand::before_cue(
                (i, i + len - 1),
                src,
                (0, e - 1),
                Stance::Assert,
                "according-to-after",
                Frame::Speech,
                Some(i.saturating_sub(1)),
            )
        } else {
            let mut s = after_src;
            while s < n && self.t[s].is_punct(",") {
                s += 1;
            }
            if self.at_end(s) {
                return None;
            }
            Cand {
                cue: (i, i + len - 1),
                source: src,
                content: (s, n - 1),
                target: None,
                stance: Stance::Assert,
                rule: "according-to-before",
                frame: Frame::Speech,
                before: false,
                boundary: None,
                open_right: true,
                next: false,
                prev: false,
            }
        };
        Some((len, cand))
    }

    /// A noun cue followed by "that" ("the allegation that ...", "X's claim that ...").
    fn noun_cue(&self, i: usize) -> Option<Cand> {
        if !self.info.get(i).is_some_and(|f| f.noun) {
            return None;
        }
        let stance = *self.lex.nouns.get(self.low(i))?;
        if i == 0 {
            return None;
        }
        // "on charges of plotting a coup", "earlier promises to return the country ...".
        let of_ing = self.low(i + 1) == "of"
            && matches!(stance, Stance::Accuse)
            && self.low(i + 2).ends_with("ing")
            && self.low(i + 2).len() > 4;
        let to_inf = self.low(i + 1) == "to"
            && matches!(stance, Stance::Announce | Stance::Warn)
            && self.t.get(i + 2).is_some_and(|t| t.is_word() && !t.is_cap() && !self.is_fn(i + 2));
        if of_ing || to_inf {
            let source = if self.t[i - 1].kind == Kind::Possessive && i >= 2 {
                self.np_back(i - 2)
            } else if POSSESSIVE_PRONOUNS.contains(&self.low(i - 1)) {
                Some(Np { a: i - 1, b: i - 1, pronoun: true })
            } else if to_inf {
                self.np_initial(i)
            } else {
                None
            };
            let end = (i + 2..self.n())
                .find(|&k| self.punct(k, ",") || self.punct(k, ";"))
                .map_or(n_minus(self.n()), |k| k - 1);
            return Some(Cand {
                cue: (i, i),
                source,
                content: (i + 2, end),
                target: None,
                stance,
                rule: "noun-of-to",
                frame: Frame::Object,
                before: false,
                boundary: None,
                open_right: false,
                next: false,
                prev: false,
            });
        }
        if self.low(i + 1) != "that" {
            return None;
        }
        let p = &self.t[i - 1];
        let ok = p.kind == Kind::Possessive
            || DETERMINERS.contains(&p.low())
            || BE.contains(&p.low())
            || p.is_word() && !self.is_fn(i - 1) && !PRONOUNS.contains(&p.low());
        if !ok || self.at_end(i + 2) {
            return None;
        }
        // "that" followed by a verb-like word is a relative clause ("the claims that were made").
        let w = self.low(i + 2);
        if AUX.contains(&w) || matches!(w, "was" | "were" | "is" | "are") {
            return None;
        }
        let source = if p.kind == Kind::Possessive && i >= 2 {
            self.np_back(i - 2)
        } else if POSSESSIVE_PRONOUNS.contains(&p.low()) {
            // "his claim that": the possessive pronoun names the source.
            Some(Np { a: i - 1, b: i - 1, pronoun: true })
        } else {
            None
        };
        Some(Cand {
            cue: (i, i),
            source,
            content: (i + 2, n_minus(self.n())),
            target: None,
            stance,
            rule: "noun-that",
            frame: Frame::Speech,
            before: false,
            boundary: None,
            open_right: true,
            next: false,
            prev: false,
        })
    }

    /// A reporting verb and its frame.
    fn verb_cue(&self, i: usize) -> Option<Cand> {
        let n = self.n();
        let (vi, form) = self.verb_form(i)?;
        let verb = &self.lex.verbs[vi];
        // "Said Ellis: “...”": a sentence opening with the cue.
        if i == 0 && self.t[i].is_cap() && form == Form::Past && matches!(verb.frame, Frame::Speech) {
            let np = self.np_fwd(1, 8)?;
            let k = np.b + 1;
            if (self.punct(k, ":") || self.punct(k, ",")) && !self.at_end(k + 1) {
                return Some(Cand {
                    cue: (0, 0),
                    source: Some(np),
                    content: (k + 1, n_minus(self.n())),
                    target: None,
                    stance: verb.stance,
                    rule: "cue-first",
                    frame: Frame::Speech,
                    before: false,
                    boundary: None,
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
            return None;
        }
        if self.t[i].is_cap() && i > 0 && !self.t[i - 1].is_quote() && !(self.headline() && self.t[i - 1].is_cap()) {
            // A capitalised form mid-sentence is a name ("Post", "Charge").
            return None;
        }
        let (mut stance, mut frame) = (verb.stance, verb.frame);
        let mut cue_end = i;
        if let Some((s, f)) = self.lex.phrasal(&verb.lemma, self.low(i + 1)) {
            stance = s;
            frame = f;
            cue_end = i + 1;
        }
        if frame == Frame::Particle {
            return None;
        }
        if frame != verb.frame || cue_end != i {
            // phrasal
        } else if verb.lemma == "call" {
            // "called X 'Y'" needs a quote; "called for/on" is phrasal.
            let has_quote = (i + 1..(i + 10).min(n)).any(|k| self.t[k].kind == Kind::Open);
            let det = matches!(
                self.low(i + 1),
                "it" | "the" | "his" | "her" | "their" | "its" | "him" | "them" | "this" | "that" | "these" | "those"
            );
            if !has_quote && !det {
                return None;
            }
        }
        if self.low(i.wrapping_sub(1)) == "to" && !self.to_chain(i - 1) || i > 0 && self.t[i - 1].lower == "so-called" {
            return None;
        }
        // Speech acts that are events: "declared X persona non grata".
        if verb.lemma == "declare" && (i + 1..n).any(|k| self.low(k) == "persona") {
            return None;
        }
        let r0 = cue_end + 1;
        let (left, be) = self.skip_aux_left(i);
        // "They’re saying": the contracted be-form sits in the pronoun.
        let be = be
            || left.is_some_and(|l| {
                let w = self.low(l);
                pronoun_base(w).is_some()
                    && (w.ends_with("re") || w.ends_with("'s") || w.ends_with("’s") || w.ends_with('m'))
            });

        // "The move, announced by a French diplomatic source on Friday, comes ...",
        // "France has suspended ..., announced on September 19, ...": a participle after a
        // comma reports what comes before it.
        if matches!(form, Form::Past | Form::Participle)
            && matches!(verb.stance, Stance::Announce)
            && i >= 2
            && self.t[i - 1].is_punct(",")
            && self.t[i - 2].is_word()
            && (self.low(i + 1) == "by" || ADJUNCT_PREPS.contains(&self.low(i + 1)))
        {
            let source = if self.low(i + 1) == "by" { self.np_fwd(i + 2, 8) } else { None };
            let before = self.np_back(i - 2);
            let content = match before {
                Some(np) if np.a == 0 && !np.pronoun => (np.a, np.b),
                _ => (0, i - 2),
            };
            return Some(Cand {
                cue: (i, i),
                source,
                content,
                target: None,
                stance,
                rule: "reduced-passive",
                frame,
                before: true,
                boundary: Some(i - 1),
                open_right: false,
                next: false,
                prev: false,
            });
        }

        // Coordinated with an earlier verb: "X promised ... and said C".
        if let Some(l) = left {
            if matches!(self.low(l), "and" | "but") && matches!(form, Form::Past | Form::Third) && !be {
                let (start, target) = self.take_content(r0, frame, verb)?;
                if start >= n || self.at_end(start) || self.punct(start, ",") {
                    return None;
                }
                return Some(Cand {
                    cue: (i, cue_end),
                    source: None, // the sentence's subject, filled in by `resolve`
                    content: (start, n_minus(n)),
                    target,
                    stance,
                    rule: "coordinated",
                    frame,
                    before: false,
                    boundary: Some(l),
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
        }

        // Participles: ", saying that ...", "while insisting ...".
        if form == Form::Ing && !be {
            let l = left?;
            let intro = self.t[l].is_punct(",") || PARTICIPLE_INTRO.contains(&self.low(l)) || self.is_dash(l);
            // "footage of Trump saying ...": a name right before the participle holds it.
            let named = if intro {
                None
            } else {
                self.np_back(l).filter(|np| !np.pronoun && self.t[np.b].is_cap() && !(np.a == 0 && np.a == np.b))
            };
            if !intro && named.is_none() {
                return None;
            }
            let (start, target) = self.take_content(r0, frame, verb)?;
            if start >= n || self.at_end(start) || self.punct(start, ",") {
                return None;
            }
            return Some(Cand {
                cue: (i, cue_end),
                source: named, // else the sentence's subject, filled in by `resolve`
                content: (start, n_minus(n)),
                target,
                stance,
                rule: "participle",
                frame,
                before: false,
                boundary: if self.t[l].is_punct(",") || self.is_dash(l) { Some(l) } else { None },
                open_right: true,
                next: false,
                prev: false,
            });
        }
        if form == Form::Ing && be {
            // progressive: handled like a finite verb below
        } else if be
            || self.low(i + 1) == "by" && matches!(form, Form::Past | Form::Participle)
            || frame == Frame::Accuse && form == Form::Past && self.low(i + 1) == "of"
        {
            return self.passive(i, cue_end, left, frame, stance);
        }

        // Inverted: "..., said the ministry." / "“...,” says Smith."
        if let Some(l) = left {
            let tl = &self.t[l];
            if (tl.is_punct(",") || tl.kind == Kind::Close) && l > 0 && frame == Frame::Speech {
                // "..., said she turned out": a pronoun opening a clause is no inverted source.
                let np = self.np_fwd(r0, 10).filter(|np| np.a == np.b || pronoun_base(self.low(np.a)).is_none());
                if let Some(np) = np {
                    let after = self.skip_adjuncts(np.b + 1);
                    let after = if frame == Frame::Tell { self.skip_adjuncts(self.skip_object(after)) } else { after };
                    if self.at_end(after) || self.punct(after, ",") || matches!(self.low(after), "who" | "which") {
                        let e = if tl.is_punct(",") && l > 0 { l - 1 } else { l };
                        return Some(Cand::before_cue(
                            (i, cue_end),
                            Some(np),
                            (0, e),
                            stance,
                            "inverted",
                            frame,
                            Some(l),
                        ));
                    }
                }
            }
        }

        // Subject before the cue.
        let l = left?;
        // "Humphrey, who calls Trump a “sociopath,” said": the comma inside the quote.
        let l = if self.t[l].kind == Kind::Close && l >= 2 && self.t[l - 1].is_punct(",") { l - 1 } else { l };
        let mut subj = None;
        let mut subj_left = None; // token index before the subject
        let mut relative = false;
        if self.t[l].is_word() || self.t[l].is_punct(")") || self.t[l].is_punct(".") || self.t[l].is_punct("%") {
            if matches!(self.low(l), "who" | "whom" | "which") && l >= 2 && self.t[l - 1].is_punct(",") {
                // The antecedent is the nearest noun phrase: "members of [the Saudi
                // government], which has denied".
                subj = self.np_back(l - 2).map(|np| {
                    let cut = (np.a..np.b).rev().find(|&k| matches!(self.low(k), "of" | "for" | "in" | "at" | "from"));
                    match cut {
                        Some(k) if self.low(l) == "which" => Np { a: k + 1, ..np },
                        _ => np,
                    }
                });
                relative = true;
            } else if self.low(l) == "whom" && l >= 2 && self.low(l - 1) == "of" {
                // "many of whom say"
                subj = self.np_back(l - 2);
                relative = true;
            } else if matches!(self.low(l), "who" | "whom") && l >= 1 {
                subj = self.np_back(l - 1);
                relative = true;
            } else {
                subj = self.np_back(l);
            }
        } else if self.t[l].is_punct(",") && l >= 2 {
            // Apposition or relative clause: "Mali's junta, led by President Assimi Goïta, insists".
            if let Some(c) = (0..l).rev().find(|&k| self.t[k].is_punct(",")) {
                let first = self.low(c + 1);
                let appos = c + 1 < l
                    && (l - c <= 20 || l - c <= 40 && matches!(first, "who" | "which"))
                    && (matches!(
                        first,
                        "who"
                            | "which"
                            | "whose"
                            | "led"
                            | "a"
                            | "an"
                            | "the"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "including"
                            | "based"
                            | "himself"
                            | "herself"
                            | "itself"
                    ) || self.t[c + 1].is_cap()
                        || self.t[c + 1].text.chars().all(|ch| ch.is_ascii_digit())
                        || first.ends_with("ing") && first.len() > 5
                        || matches!(
                            first,
                            "at" | "in"
                                | "on"
                                | "during"
                                | "after"
                                | "before"
                                | "speaking"
                                | "like"
                                | "for"
                                | "also"
                                | "however"
                                | "meanwhile"
                                | "too"
                                | "then"
                                | "for example"
                                | "by"
                                | "with"
                                | "in turn"
                        ))
                    && c >= 1;
                if appos {
                    subj = self.np_back(c - 1);
                    // "Marley Anderson, 21, a junior from Las Vegas, said": an age between
                    // commas follows the name.
                    let age = self.t[c - 1].text.len() <= 3 && self.t[c - 1].text.chars().all(|ch| ch.is_ascii_digit());
                    if age && c >= 3 && self.t[c - 2].is_punct(",") && self.t[c - 3].is_cap() {
                        subj = self.np_back(c - 3);
                    }
                    // "Mali's security minister, General Daoud Aly Mohammedine, alleged": the
                    // name in the apposition names the nominal before it.
                    let name = (c + 1..l)
                        .all(|k| self.t[k].is_cap() || self.t[k].is_punct(".") || self.t[k].kind == Kind::Possessive);
                    if name && subj.is_some_and(|np| !np.pronoun && !self.t[np.b].is_cap()) {
                        subj = self.np_back(l - 1).or(subj);
                    }
                }
            }
            if subj.is_none() {
                subj = self.name_before_apposition(l);
            }
        } else if self.is_dash(l) {
            subj = self.name_before_apposition(l);
        }
        let subj = subj?;
        if subj.a > 0 {
            subj_left = Some(subj.a - 1);
        }
        // A determiner alone, or a subject made only of a lower-case function-ish word, is no subject.
        if subj.a == subj.b
            && !subj.pronoun
            && !self.t[subj.b].is_cap()
            && !self.lex.heads.contains_key(self.low(subj.b))
            && self.t[subj.b].lower.len() < 3
        {
            return None;
        }

        // Trailing: "C, X said." / "“C,” he said, adding ..."
        let r = self.skip_adjuncts(r0);
        let r_obj = if frame == Frame::Tell { self.skip_adjuncts(self.skip_object(r)) } else { r };
        // "“...,” Melanie said to the TV.": a short phrase after a final cue.
        let after_quote =
            subj_left.is_some_and(|sl| self.t[sl].kind == Kind::Close || sl >= 1 && self.t[sl - 1].kind == Kind::Close);
        let r_obj = if frame == Frame::Speech
            && after_quote
            && matches!(self.low(r_obj), "to" | "about" | "with" | "from" | "of")
            && (r_obj + 1..(r_obj + 13).min(self.n() + 1)).any(|k| self.at_end(k))
            && !(r_obj + 1..self.n()).any(|k| self.low(k) == "that" || self.t[k].kind == Kind::Open)
        {
            (r_obj + 1..=self.n()).find(|&k| self.at_end(k)).unwrap_or(r_obj)
        } else {
            r_obj
        };
        if let Some(sl) = subj_left {
            let tl = &self.t[sl];
            let sep = tl.is_punct(",") || tl.kind == Kind::Close || self.is_dash(sl);
            if sep
                && matches!(frame, Frame::Speech | Frame::Tell)
                && (self.at_end(r_obj)
                    || self.punct(r_obj, ",")
                        && self.t.get(r_obj + 1).is_none_or(|t| t.lower != "that")
                        && (!self.t.get(r_obj + 1).is_some_and(|t| t.kind == Kind::Open)
                            || sl >= 1 && (tl.kind == Kind::Close || self.t[sl - 1].kind == Kind::Close)))
                && sl > 0
            {
                let e = if tl.is_punct(",") || self.is_dash(sl) { sl - 1 } else { sl };
                return Some(Cand::before_cue((i, cue_end), Some(subj), (0, e), stance, "trailing", frame, Some(sl)));
            }
        }
        // "a charge Paris has dismissed as 'unfounded'", "what authorities described as".
        if frame == Frame::Label && self.low(r0) == "as" {
            let mut target =
                subj_left.and_then(
                    |sl| {
                        if self.t[sl].is_word() {
                            self.np_back(sl).map(|np| (np.a, np.b))
                        } else {
                            None
                        }
                    },
                );
            // "a charge Paris has dismissed as": the noun before the name is the target.
            let mut subj = subj;
            if !subj.pronoun && self.t[subj.b].is_cap() {
                let mut k = subj.b;
                while k > subj.a && self.t[k - 1].is_cap() {
                    k -= 1;
                }
                if k > subj.a && !self.t[k - 1].is_cap() && self.t[k - 1].is_word() {
                    target = Some((subj.a, k - 1));
                    subj = Np { a: k, b: subj.b, pronoun: false };
                }
            }
            let start = r0 + 1;
            if self.at_end(start) {
                return None;
            }
            return Some(Cand {
                cue: (i, r0),
                source: Some(subj),
                content: (start, n_minus(n)),
                target,
                stance,
                rule: "label-gap",
                frame,
                before: false,
                boundary: target.and_then(|(a, _)| a.checked_sub(1)).filter(|&k| self.punct(k, ",")),
                open_right: true,
                next: false,
                prev: false,
            });
        }
        // The subject must start a clause.
        if let Some(sl) = subj_left.filter(|_| !relative) {
            let tl = &self.t[sl];
            let ok = !tl.is_word()
                || CLAUSE_START.contains(&tl.low())
                || self.is_fn(sl)
                || tl.kind == Kind::Possessive
                || tl.is_cap()
                || self.lex.heads.contains_key(tl.low());
            if !ok {
                return None;
            }
        }
        // "espionage—a charge France has denied.": the object is the noun before the subject.
        if matches!(frame, Frame::Object | Frame::Label) && self.at_end(self.skip_adjuncts(r0)) && !subj.pronoun {
            let mut k = subj.b;
            while k > subj.a && self.t[k - 1].is_cap() {
                k -= 1;
            }
            if k > subj.a && self.t[k].is_cap() && self.t[k - 1].is_word() && !self.t[k - 1].is_cap() {
                return Some(Cand::before_cue(
                    (i, cue_end),
                    Some(Np { a: k, b: subj.b, pronoun: false }),
                    (subj.a, k - 1),
                    stance,
                    "object-gap",
                    frame,
                    None,
                ));
            }
        }
        // "As Mr. Bown observed, in the early days ...": the main clause is the content.
        if subj_left.is_some_and(|sl| self.low(sl) == "as") && matches!(frame, Frame::Speech | Frame::Tell) {
            let rc = self.skip_adjuncts(r0);
            let rc = if frame == Frame::Tell { self.skip_object(rc) } else { rc };
            if self.punct(rc, ",") && !self.at_end(rc + 1) {
                return Some(Cand {
                    cue: (i, cue_end),
                    source: Some(subj),
                    content: (rc + 1, n_minus(n)),
                    target: None,
                    stance,
                    rule: "as-cue",
                    frame,
                    before: false,
                    boundary: None,
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
        }
        // "The governor added:" closing its sentence: the content follows.
        let rc = self.skip_adjuncts(r0);
        if matches!(frame, Frame::Speech | Frame::Tell) && self.punct(rc, ":") && self.at_end(rc + 1) {
            return Some(Cand {
                cue: (i, cue_end),
                source: Some(subj),
                content: (rc, rc),
                target: None,
                stance,
                rule: "colon-next",
                frame,
                before: false,
                boundary: None,
                open_right: false,
                next: true,
                prev: false,
            });
        }
        // "“...” Vitter demanded.": a sentence of its own after a quote.
        if subj.a == 0 && self.at_end(rc) && !self.punct(rc, ":") {
            return Some(Cand {
                cue: (i, cue_end),
                source: Some(subj),
                content: (0, 0),
                target: None,
                stance,
                rule: "after-quote",
                frame,
                before: true,
                boundary: None,
                open_right: false,
                next: false,
                prev: true,
            });
        }
        let (start, target) = self.take_content(r0, frame, verb)?;
        let mut cue = (i, cue_end);
        if frame == Frame::Label && start >= 1 && self.low(start - 1) == "as" && start - 1 == cue_end + 1 {
            cue = (i, start - 1);
        }
        if start >= n || self.at_end(start) || self.punct(start, ",") {
            return None;
        }
        if !self.content_ok(&verb.lemma, frame, form, subj, start) {
            return None;
        }
        // Verbs whose content is an object need a subject that can hold a view.
        let head = &self.t[subj.b];
        if matches!(frame, Frame::Object | Frame::Label | Frame::Accuse)
            && !subj.pronoun
            && !(subj.a..=subj.b)
                .any(|k| self.t[k].is_cap() && (k == subj.b || !self.lex.demonyms.contains_key(self.t[k].low())))
            && !self.lex.heads.contains_key(head.low())
        {
            return None;
        }
        Some(Cand {
            cue,
            source: Some(subj),
            content: (start, n_minus(n)),
            target,
            stance,
            rule: if frame == Frame::Speech { "subject-cue" } else { "subject-cue-object" },
            frame,
            before: false,
            boundary: None,
            open_right: true,
            next: false,
            prev: false,
        })
    }

    /// Filters for content after a verb cue: a first-person hedge ("I think") is not an
    /// attribution, an infinitive follows only verbs of promising and asking, and a bare
    /// pronoun object ("said it") is no proposition.
    fn content_ok(&self, lemma: &str, frame: Frame, form: Form, subj: Np, start: usize) -> bool {
        const COGNITION: &[&str] = &["think", "believe", "feel", "hope", "expect", "guess", "know", "fear", "find"];

        const NOUN_LIKE: &[&str] = &[
            "demand",
            "plan",
            "question",
            "stress",
            "report",
            "claim",
            "fear",
            "call",
            "state",
            "post",
            "comment",
            "answer",
            "charge",
            "promise",
            "pledge",
            "vow",
            "hope",
            "estimate",
            "find",
            "show",
            "tweet",
            "note",
            "counter",
            "reference",
            "highlight",
            "question",
            "want",
            "remark",
            "tell",
        ];
        let who = pronoun_base(self.low(subj.b)).unwrap_or("");
        let head = &self.t[subj.b];
        if !subj.pronoun
            && !self.lex.heads.contains_key(head.low())
            && NOUN_LIKE.contains(&lemma)
            && (form == Form::Base
                || form == Form::Third
                    && (self.lex.demonyms.contains_key(head.low())
                        || matches!(head.low(), "republican" | "democratic" | "conservative" | "liberal")
                        || head.text.chars().any(|c| c.is_ascii_digit())))
            && !head.lower.ends_with('s')
        {
            return false;
        }
        // Negated cues ("didn't say", "does not think") report no claim.
        if (subj.b + 1..start).any(|k| {
            let w = self.low(k);
            w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        }) {
            return false;
        }
        if matches!(self.low(start), "from" | "by" | "with" | "for" | "at" | "about" | "into" | "over" | "of") {
            return false;
        }
        if subj.pronoun && (matches!(who, "i" | "you") || who == "we" && COGNITION.contains(&lemma)) {
            return false;
        }
        if self.low(start) == "to" && !TAKES_TO.contains(&lemma) {
            return false;
        }
        let words = self.t[start..].iter().filter(|t| t.is_word()).count();
        const INFINITIVE_ONLY: &[&str] = &["want", "plan", "intend", "refuse", "decline"];
        if INFINITIVE_ONLY.contains(&lemma) && !matches!(self.low(start), "to" | "that") {
            return false;
        }
        if matches!(frame, Frame::Speech | Frame::Tell)
            && words <= 2
            && self.t.get(start).is_some_and(|t| t.kind != Kind::Open)
        {
            return false;
        }
        true
    }

    /// Where the content after a verb cue starts: verbs that take no bare clause need "that",
    /// a colon or a quote; "told to leave" is an order, not a report.
    fn take_content(&self, r0: usize, frame: Frame, verb: &Verb) -> Option<(usize, Option<(usize, usize)>)> {
        let bare = verb.bare;
        if frame == Frame::Speech && !bare {
            let r = self.skip_adjuncts(r0);
            let r = self.that_after_adjunct(r0).unwrap_or(r);
            let open = |k: usize| self.t.get(k).is_some_and(|t| t.kind == Kind::Open);
            return if self.low(r) == "that" {
                Some((if self.punct(r + 1, ",") { r + 2 } else { r + 1 }, None))
            } else if self.low(r) == "to" && TAKES_TO.contains(&verb.lemma.as_str()) {
                Some((r, None))
            } else if self.punct(r, ":") {
                Some((r + 1, None))
            } else if open(r) {
                Some((r, None))
            } else if self.punct(r, ",") && open(r + 1) {
                Some((r + 1, None))
            } else {
                None
            };
        }
        if frame == Frame::Tell {
            if self.low(r0) == "to" {
                return None;
            }
            let k = self.skip_object(self.skip_adjuncts(r0));
            if self.low(k) == "to" && k > r0 {
                // "told the diplomats to leave" is an order; "urged both sides to return"
                // demands what the object should do.
                return if verb.lemma == "tell" { None } else { Some((r0, None)) };
            }
        }
        self.content_start(r0, frame)
    }

    /// Where the content after a cue starts, and the target, by frame.
    fn content_start(&self, r0: usize, frame: Frame) -> Option<(usize, Option<(usize, usize)>)> {
        let n = self.n();
        let r = self.skip_adjuncts(r0);
        let r = if matches!(frame, Frame::Speech | Frame::Tell) { self.that_after_adjunct(r0).unwrap_or(r) } else { r };
        let start_after = |k: usize| -> usize {
            if self.low(k) == "that" && self.punct(k + 1, ",") {
                k + 2
            } else if self.low(k) == "that"
                || self.punct(k, ":")
                || self.punct(k, ",") && self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Open)
            {
                k + 1
            } else {
                k
            }
        };
        match frame {
            Frame::Speech | Frame::Object | Frame::Particle => Some((start_after(r), None)),
            Frame::Tell => {
                let k = self.skip_adjuncts(self.skip_object(r));
                Some((start_after(k), None))
            }
            Frame::Accuse => {
                let of = (r0..(r0 + 12).min(n))
                    .take_while(|&k| self.t[k].is_word() || self.t[k].kind == Kind::Possessive)
                    .find(|&k| self.low(k) == "of");
                match of {
                    Some(k) if k > r0 => Some((k + 1, Some((r0, k - 1)))),
                    Some(k) => Some((k + 1, None)),
                    None => Some((start_after(r), None)),
                }
            }
            Frame::Label => {
                let as_ = (r0..(r0 + 12).min(n))
                    .take_while(|&k| !self.punct(k, ".") && !self.punct(k, ","))
                    .find(|&k| self.low(k) == "as");
                match as_ {
                    Some(k) if k > r0 => Some((k + 1, Some((r0, k - 1)))),
                    Some(k) => Some((k + 1, None)),
                    None => {
                        // "called his detention 'unjustified'": the quote is the content.
                        let q = (r0..(r0 + 10).min(n))
                            .take_while(|&k| !self.punct(k, ".") && !self.punct(k, ","))
                            .find(|&k| self.t[k].kind == Kind::Open);
                        match q {
                            Some(q) if q > r0 => Some((q, Some((r0, q - 1)))),
                            Some(q) => Some((q, None)),
                            None => {
                                // "labeled the arrest a violation of ...": object, then the label.
                                if DETERMINERS.contains(&self.low(r0)) {
                                    let mut k = r0 + 1;
                                    while k < n
                                        && k < r0 + 6
                                        && self.t[k].is_word()
                                        && !self.is_fn(k)
                                        && !DETERMINERS.contains(&self.low(k))
                                    {
                                        k += 1;
                                    }
                                    if k > r0 + 1 && matches!(self.low(k), "a" | "an" | "the") {
                                        return Some((k, Some((r0, k - 1))));
                                    }
                                }
                                Some((start_after(r), None))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Passives: "Y was accused (by X) of C", "it was reported that C", "a national
    /// accused of spying".
    fn passive(&self, i: usize, cue_end: usize, left: Option<usize>, frame: Frame, stance: Stance) -> Option<Cand> {
        let n = self.n();
        let mut r = cue_end + 1;
        let mut source = None;
        if self.low(r) == "by" {
            let mut np = self.np_fwd(r + 1, 8)?;
            if let Some(of) = (np.a + 1..=np.b).find(|&k| self.low(k) == "of") {
                np.b = of - 1;
            }
            source = Some(np);
            r = np.b + 1;
        }
        // The passive subject: left of the be-form.
        // "a staff member, who was accused": the antecedent of "who".
        let left = match left {
            Some(l) if self.low(l) == "who" && l >= 2 && self.t[l - 1].is_punct(",") => Some(l - 2),
            other => other,
        };
        let (target, it_subject) = match left {
            Some(l) if self.t[l].is_word() => match self.np_back(l) {
                Some(np) => (Some((np.a, np.b)), np.pronoun && self.low(np.b) == "it"),
                None => (None, false),
            },
            _ => (None, false),
        };
        if frame == Frame::Accuse {
            if self.low(r) != "of" {
                return None;
            }
            if self.at_end(r + 1) {
                return None;
            }
            return Some(Cand {
                cue: (i, cue_end),
                source,
                content: (r + 1, n_minus(n)),
                target,
                stance,
                rule: "passive-accuse",
                frame,
                before: false,
                boundary: None,
                open_right: true,
                next: false,
                prev: false,
            });
        }
        if it_subject && self.low(r) == "that" && !self.at_end(r + 1) {
            return Some(Cand {
                cue: (i, cue_end),
                source,
                content: (r + 1, n_minus(n)),
                target: None,
                stance,
                rule: "passive-it",
                frame,
                before: false,
                boundary: None,
                open_right: true,
                next: false,
                prev: false,
            });
        }
        None
    }

    /// Fills participle sources from the sentence's subject, ends open content at the next
    /// cue's boundary, and merges a denial with the participle that carries its content.
    fn resolve(&self, cands: &mut Vec<Cand>) {
        let n = self.n();
        let mut bounds: Vec<usize> = cands.iter().filter_map(|c| c.boundary).collect();
        // ", a charge Paris has dismissed", "—a charge France has denied": an appended
        // comment on the content ends it.
        for k in 0..n.saturating_sub(2) {
            if (self.punct(k, ",") || self.is_dash(k))
                && matches!(self.low(k + 1), "a" | "an" | "the")
                && self.lex.nouns.contains_key(self.low(k + 2))
            {
                bounds.push(k);
            }
        }
        for c in cands.iter_mut().filter(|c| c.before && c.content.0 == 0) {
            // A dateline or speaker before a colon is not part of the content.
            if let Some(k) = (0..c.content.1).rev().find(|&k| self.punct(k, ":")) {
                c.content.0 = k + 1;
            }
        }
        for c in cands
            .iter_mut()
            .filter(|c| c.frame == Frame::Label && !c.before && c.content.0 > 0 && self.low(c.content.0 - 1) == "as")
        {
            // A label ("dismissed as unfounded") is a short predicate: it ends at a comma.
            if let Some(k) = (c.content.0..=c.content.1.min(n_minus(n))).find(|&k| self.punct(k, ",")) {
                if k > c.content.0 {
                    c.content.1 = k - 1;
                }
            }
        }
        for c in cands.iter_mut().filter(|c| c.frame == Frame::Object && !c.before) {
            // "citing deteriorating relations, and other partners may ...": a new clause.
            if let Some(k) = (c.content.0 + 1..c.content.1.min(n_minus(n)))
                .find(|&k| self.punct(k, ",") && matches!(self.low(k + 1), "and" | "but" | "while" | "as"))
            {
                c.content.1 = k - 1;
            }
        }
        for k in 0..cands.len() {
            if cands[k].open_right {
                let s = cands[k].cue.1;
                let mut e = cands[k].content.1.min(n_minus(n));
                for &b in &bounds {
                    if b > s && b <= e && b > cands[k].content.0 {
                        e = b.saturating_sub(1);
                    }
                }
                cands[k].content.1 = e;
            }
            if matches!(cands[k].rule, "participle" | "coordinated") && cands[k].source.is_none() {
                let cue = cands[k].cue.0;
                let earlier =
                    cands[..k].iter().rev().find(|c| c.cue.0 < cue && c.source.is_some()).and_then(|c| c.source);
                cands[k].source = earlier.or_else(|| self.np_initial(cue));
            }
        }
        // "rejected the accusations, saying ...": one claim, cued by the participle.
        let mut drop = vec![false; cands.len()];
        for k in 0..cands.len() {
            let label_as =
                cands[k].frame == Frame::Label && cands[k].content.0 > 0 && self.low(cands[k].content.0 - 1) == "as";
            if cands[k].stance != Stance::Deny
                || label_as
                || cands[k].rule == "participle"
                || self.low(cands[k].content.0) == "to"
            {
                continue;
            }
            if let Some(p) = cands
                .iter()
                .position(|c| c.rule == "participle" && c.boundary.is_some_and(|b| b == cands[k].content.1 + 1))
            {
                drop[k] = true;
                cands[p].stance = Stance::Deny;
            }
        }
        let mut it = drop.into_iter();
        cands.retain(|_| !it.next().unwrap_or(false));
        cands.retain(|c| c.content.0 <= c.content.1 && c.content.1 < n);
        // "I think", "you know": the speaker's own hedges, not attributions.
        cands.retain(|c| !c.source.is_some_and(|s| s.pronoun && matches!(self.low(s.b), "i" | "you")));
    }
}

fn n_minus(n: usize) -> usize {
    n.saturating_sub(1)
}
