//! The ACTOR extractor: named people, organisations, armed groups and acting states, and the
//! nominal mentions that act or speak, each with kind, mention type, canonical name and role.
//!
//! Owns: applying GUIDELINES.md's ACTOR section to one document without a model: gazetteer
//! names (`lexicon.rs`), unknown names found from capitalisation, titles, name suffixes and
//! context, states only where they act, are the other party or own an act, nominal mentions
//! only where they act or speak, possessives as one actor, and one canonical name per actor
//! within the document (surnames and spelling variants link to the full name). It must not:
//! resolve overlaps with other labels, number the final ids (the pipeline does), or read files.
//!
//! How, per sentence (one pass over its tokens, lookups in hash tables):
//! 1. gazetteer names, leftmost-longest over tokens (states, capitals, aliases, organisations,
//!    armed groups, media, known people, places);
//! 2. runs of capitalised words joined by connectors ("of", "for", "de la", "and" inside an
//!    organisation's name), split at titles, classified by their head word (organisation
//!    suffixes, words that make a place or an event), given names, titles and the gazetteer;
//! 3. possessives ("Mali's junta", "Russia's Africa Corps", "Mali's decision");
//! 4. nominal mentions around a head noun, kept when a verb follows or an agent cue precedes;
//! 5. names, and states whose context makes them actors (subject of a verb, "by", "with",
//!    "between", lists sharing that role).
//!
//! Then per document: people linked to their full names, single capitalised words kept when
//! they act, link to a name or were kept elsewhere, and bare nominals ("the ministry",
//! "authorities") given the canonical name of the body or state they refer to.

mod lexicon;
mod token;

pub use lexicon::{fold, FILES as DATA_FILES};

use super::{Context, Extractor, Steps, Tally};
use crate::model::{ActorAttrs, ActorKind, Annotation, Attrs, Document, Label, Mention, Provenance, Status};
use lexicon::{Entry, HashMap, HashSet, HeadRule, Lexicon, Suffix};
use std::borrow::Cow;
use token::{Kind, Token};

/// The actor extractor. Its tables are parsed once per process and shared.
pub struct ActorExtractor {
    lex: &'static Lexicon,
}

impl Default for ActorExtractor {
    fn default() -> Self {
        ActorExtractor::new()
    }
}

impl ActorExtractor {
    /// The extractor with its gazetteer loaded.
    pub fn new() -> ActorExtractor {
        ActorExtractor { lex: Lexicon::get() }
    }

    /// Actor annotations of a document, with ids `act1`, `act2`, ... in text order.
    pub fn actors(&self, doc: &Document, sentences: &[super::segment::Sentence]) -> Vec<Annotation> {
        self.actors_counted(doc, sentences, &Tally::default())
    }

    /// [`ActorExtractor::actors`], adding its work to `work`.
    fn actors_counted(&self, doc: &Document, sentences: &[super::segment::Sentence], work: &Tally) -> Vec<Annotation> {
        let steps = Steps::default();
        let text = doc.text();
        // All tokens in one vector; each sentence is a range of it.
        let mut all: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let a = all.len();
            token::tokenize_into(&text[s.start_byte..s.end_byte], s.start_byte, &mut all);
            ranges.push((a, all.len()));
        }
        let sents = ranges.iter().map(|&(a, b)| &all[a..b]);
        // Words seen in lowercase anywhere: a capitalised one of them at a sentence start is a
        // common word, not a name. Only lowercase forms of capitalised words are ever asked
        // about, so a word whose shape no capitalised word has is left out without hashing.
        // One bit a shape: zeroing 21,632 booleans for every document cost more than the
        // lookups it saves on a short article.
        let mut cap_shapes = vec![0u64; lexicon::SHAPES.div_ceil(64)];
        let mut any_odd = false;
        for t in &all {
            let w = text.as_bytes().get(t.s..t.e).unwrap_or(&[]);
            if t.kind != Kind::Word || w.is_empty() || w[0].is_ascii_lowercase() {
                continue;
            }
            let (f, l) = (w[0].to_ascii_lowercase(), w[w.len() - 1].to_ascii_lowercase());
            if f.is_ascii_lowercase() && l.is_ascii_lowercase() {
                let k = w.len().min(31) * 676 + (f - b'a') as usize * 26 + (l - b'a') as usize;
                cap_shapes[k / 64] |= 1 << (k % 64);
            } else {
                any_odd = true;
            }
        }
        let mut lower_words: HashSet<&str> = HashSet::default();
        for t in &all {
            let w = &text[t.s..t.e];
            let b = w.as_bytes()[0];
            let lowercase = b.is_ascii_lowercase() || (b >= 0x80 && w.chars().next().is_some_and(char::is_lowercase));
            if t.kind != Kind::Word || !lowercase {
                continue;
            }
            let wanted = match lexicon::shape(w) {
                Some(k) => cap_shapes[k / 64] & (1 << (k % 64)) != 0,
                None => any_odd || b >= 0x80,
            };
            if wanted {
                lower_words.insert(w);
            }
        }
        let mut cands: Vec<Cand> = Vec::new();
        let mut scratch = Scratch::default();
        for toks in sents {
            let mut s = Sentence::new(self.lex, text, toks, &lower_words, scratch);
            s.run(&mut cands);
            steps.add(s.steps.get() as usize + toks.len());
            scratch = s.scratch();
        }
        steps.add(all.len());
        work.add(|w| {
            w.actor_steps += steps.get();
            w.actor_candidates += cands.len() as u64;
        });
        resolve(self.lex, text, &mut cands);
        cands.sort_by_key(|c| (c.s, std::cmp::Reverse(c.e)));
        let mut out = Vec::with_capacity(cands.len());
        let mut last_end = 0usize;
        for c in cands {
            if c.drop || c.s < last_end || c.s >= c.e {
                continue;
            }
            let Some(span) = doc.span_of_bytes(c.s, c.e) else {
                continue;
            };
            last_end = c.e;
            out.push(Annotation {
                id: super::numbered_id("act", out.len() + 1),
                span,
                quote: text[c.s..c.e].to_string(),
                status: Status::Predicted,
                provenance: Provenance::extractor(c.rule),
                note: None,
                unsure: false,
                attrs: Attrs::Actor(ActorAttrs {
                    kind: c.kind,
                    mention: c.mention,
                    canonical: c.canonical,
                    role: c.role,
                }),
            });
        }
        out
    }
}

impl Extractor for ActorExtractor {
    fn label(&self) -> Label {
        Label::Actor
    }
    fn extract(&self, cx: &Context<'_>, out: &mut Vec<Annotation>) {
        let found = self.actors_counted(cx.doc, cx.sentences, cx.work);
        if out.is_empty() {
            *out = found;
        } else {
            out.extend(found);
        }
    }
}

/// A candidate actor, in byte offsets of the document text.
#[derive(Debug, Clone)]
struct Cand {
    s: usize,
    e: usize,
    kind: ActorKind,
    mention: Mention,
    canonical: String,
    role: Option<String>,
    rule: &'static str,
    /// What the document-level pass must still decide.
    pending: Pending,
    drop: bool,
    /// The state this actor belongs to, when known ("Mali's junta" -> Mali): the nearest one
    /// is the canonical name of a later bare "authorities".
    state: Option<String>,
    /// Byte offset of the candidate's sentence.
    sent: usize,
    /// A military that rules ("the military leadership", "soldiers took power"): the state's
    /// junta.
    ruler: bool,
}

/// What follows a mention: a verb it is the subject of, a passive, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    No,
    Active,
    Passive,
}

/// Plural heads take base verb forms ("officials say", "police say").
fn head_is_plural(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || w == "police"
}

/// Prepositions: a mention right after one is not the subject of the next verb. ("after",
/// "since", "before" are left out: they also introduce clauses, "after Malian authorities
/// detained".)
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "from",
    "to",
    "for",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "during",
    "near",
    "across",
    "through",
    "within",
    "without",
    "among",
    "amid",
    "like",
    "inside",
    "outside",
    "throughout",
    "via",
    "upon",
    "behind",
    "beyond",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// Decided.
    No,
    /// One capitalised word of unknown kind: a surname seen in the document, or an
    /// organisation when `acting` (or an acronym), else nothing.
    Single { acting: bool, acronym: bool, weak: bool },
    /// A person whose canonical name may link to a fuller name in the document.
    Person,
}

/// What a stretch of tokens names.
#[derive(Debug, Clone, PartialEq)]
enum Class {
    State {
        state: usize,
        capital: bool,
    },
    Org(usize),
    KnownPerson(usize),
    Place,
    /// A person found from a title or a given name; role when a title said so.
    Person {
        role: Option<String>,
    },
    /// An organisation or group found from its last word.
    NewOrg(ActorKind),
    /// Capitalised words of unknown kind.
    Unknown,
    /// Not an actor (a treaty, an event...).
    Not,
}

/// A name found in a sentence: tokens `i..=j`.
#[derive(Debug, Clone)]
struct Unit {
    i: usize,
    j: usize,
    class: Class,
    /// Starts the sentence (its capital proves nothing).
    initial: bool,
    /// A title before a person's name.
    role: Option<String>,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "some", "several", "many", "other", "those", "these",
    "this", "both", "all", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "of",
    "senior", "top",
];
/// A word of a name and a lowercase part: "Paris-based", "EADS-led".
fn is_compound(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(x, y)| {
        x.chars().next().is_some_and(char::is_uppercase) && !y.is_empty() && y.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// Participles that make the name before them in one word an actor: "EADS-led", "Iran-backed".
const COMPOUND_PARTICIPLES: &[&str] = &[
    "led",
    "backed",
    "owned",
    "run",
    "funded",
    "sponsored",
    "linked",
    "allied",
    "aligned",
    "controlled",
    "supported",
    "affiliated",
    "brokered",
    "imposed",
    "financed",
    "armed",
    "operated",
];

/// Endings of adverbs, which open sentences capitalised ("Roughly", "Frequently").
const ADVERB_ENDINGS: &[&str] =
    &["ently", "antly", "ously", "ately", "ively", "ghly", "ually", "ically", "edly", "ingly", "ssly", "ully"];

/// Numbers that count a group of people ("the two Malian diplomats").
const NUMERALS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens"];

/// Words that head a whole organisation's name: two of them joined by "of"/"for" are two names.
const STRONG_ORG: &[&str] = &[
    "Corps",
    "Army",
    "Navy",
    "League",
    "Club",
    "FC",
    "Society",
    "Association",
    "University",
    "College",
    "Party",
    "Council",
    "Group",
    "Company",
    "Corporation",
    "Inc.",
    "Ltd.",
    "Bank",
    "Church",
    "Team",
    "Brigade",
    "Regiment",
    "Division",
    "Federation",
    "Union",
    "Agency",
];

const COMPASS: &[&str] =
    &["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"];

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

const CONNECTORS: &[&str] = &[
    "de", "la", "arap", "ould", "ag", "du", "des", "del", "della", "di", "da", "do", "dos", "das", "von", "van", "der",
    "den", "ter", "bin", "ibn", "al", "el", "y", "le", "les", "et", "d'", "of", "for", "on", "the", "and", "&",
];

fn lower(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    } else if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        // "6PR", "3COM": a digit, then capitals only.
        Some(c) if c.is_ascii_digit() => {
            w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
        }
        // "al-Qaeda", "el-Sisi", "bin Laden" are capitalised names.
        Some('a') | Some('e') => {
            (w.starts_with("al-") || w.starts_with("el-")) && w[3..].chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

fn is_acronym(w: &str) -> bool {
    let n = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&n)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&' || c == '-')
        && !w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

/// A model designation: one to three capitals, a hyphen, digits ("F-16", "EF-111", "CH-53").
fn is_model_code(w: &str) -> bool {
    w.split_once('-').is_some_and(|(l, d)| {
        (1..=3).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_uppercase())
            && !d.is_empty()
            && d.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Per-token buffers reused from one sentence to the next.
#[derive(Default)]
struct Scratch<'a> {
    used: Vec<bool>,
    initial: Vec<bool>,
    lows: Vec<Cow<'a, str>>,
    caps: Vec<bool>,
}

/// One sentence under analysis.
struct Sentence<'a> {
    lex: &'static Lexicon,
    text: &'a str,
    t: &'a [Token],
    lower_words: &'a HashSet<&'a str>,
    /// Token consumed by an emitted candidate.
    used: Vec<bool>,
    /// Title-case headline: capitals prove nothing.
    headline: bool,
    /// Ends with a full stop, a question or exclamation mark or a closing quote.
    terminated: bool,
    /// Index of tokens where a sentence (or a quotation) starts.
    initial: Vec<bool>,
    /// Each token in lowercase (borrowed from the text when it has no capital).
    lows: Vec<Cow<'a, str>>,
    /// Each token is a capitalised word.
    caps: Vec<bool>,
    /// Tokens visited by the analysis of capitalised runs (see [`crate::extract::Work`]).
    steps: Steps,
}

impl<'a> Sentence<'a> {
    fn new(
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
            terminated,
            initial,
            lows,
            caps,
            steps: Steps::default(),
        };
        s.headline = s.is_headline();
        s
    }

    /// The buffers, for the next sentence.
    fn scratch(self) -> Scratch<'a> {
        Scratch { used: self.used, initial: self.initial, lows: self.lows, caps: self.caps }
    }

    fn w(&self, k: usize) -> &'a str {
        let t = self.t[k];
        &self.text[t.s..t.e]
    }
    fn is_word(&self, k: usize) -> bool {
        k < self.t.len() && self.t[k].kind == Kind::Word
    }
    fn cap(&self, k: usize) -> bool {
        k < self.caps.len() && self.caps[k]
    }
    /// A word as a canonical name writes it: a common word opening a sentence in lowercase,
    /// any other as written ("Republican nominee", "French diplomatic source").
    fn case_word(&self, k: usize) -> &str {
        if self.initial[k] && !self.lex.adjectives.contains_key(self.w(k)) && !self.lex.names.contains_key(self.w(k)) {
            self.lw(k)
        } else {
            self.w(k)
        }
    }
    fn lw(&self, k: usize) -> &str {
        &self.lows[k]
    }

    /// A title-case or all-capitals line without final punctuation.
    fn is_headline(&self) -> bool {
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

    fn run(&mut self, out: &mut Vec<Cand>) {
        if self.t.is_empty() {
            return;
        }
        let units = self.units();
        self.possessives(&units, out);
        self.nominals(&units, out);
        self.emit_units(&units, out);
    }

    // ----- names ---------------------------------------------------------------------------

    /// Gazetteer matches, leftmost-longest: (i, j, entry).
    fn gazetteer(&self) -> Vec<(usize, usize, Entry)> {
        let mut out = Vec::new();
        let n = self.t.len();
        let mut i = 0;
        while i < n {
            let most = if self.is_word(i) && self.lex.first_bytes[self.text.as_bytes()[self.t[i].s] as usize] {
                self.lex.first_words.get(self.w(i)).copied()
            } else {
                None
            };
            if let Some(most) = most {
                // Only as many tokens as the longest name starting with this word.
                let hi = (i + most).min(n);
                let mut found = None;
                for j in (i..hi).rev() {
                    if self.t[j].kind == Kind::Punct && self.w(j) != "." {
                        continue;
                    }
                    let s = &self.text[self.t[i].s..self.t[j].e];
                    if let Some(e) = self.lex.names.get(s) {
                        // A name must not end inside a longer word sequence joined by '.'.
                        found = Some((j, *e));
                        break;
                    }
                }
                if let Some((j, e)) = found {
                    out.push((i, j, e));
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Title (role) of `len` tokens starting at `k`, compared in lowercase.
    fn title_at(&self, k: usize) -> Option<(usize, String)> {
        if !self.is_word(k) || !self.lex.title_first.contains(self.lw(k)) {
            return None;
        }
        // One key buffer for every length tried.
        let mut key = String::new();
        for len in (1..=self.lex.max_title_words).rev() {
            let end = k + len - 1;
            if end >= self.t.len() || !(k..=end).all(|x| self.t[x].kind == Kind::Word || self.w(x) == "-") {
                continue;
            }
            key.clear();
            for x in k..=end {
                if x > k && self.w(x) != "-" && self.w(x - 1) != "-" {
                    key.push(' ');
                }
                key.push_str(self.lw(x));
            }
            // "Gen." written with its stop.
            if let Some(r) = self.lex.titles.get(&key) {
                return Some((len, r.clone()));
            }
        }
        None
    }

    /// Names of the sentence: gazetteer matches and capitalised runs, classified.
    fn units(&mut self) -> Vec<Unit> {
        let gaz = self.gazetteer();
        let n = self.t.len();
        let mut gaz_at: Vec<Option<(usize, Entry)>> = vec![None; n];
        for &(i, j, e) in &gaz {
            gaz_at[i] = Some((j, e));
        }
        let mut units = Vec::new();
        let mut k = 0;
        while k < n {
            // A run of capitalised words (and gazetteer names), joined by connectors.
            if !(self.cap(k) || gaz_at[k].is_some()) {
                k += 1;
                continue;
            }
            let start = k;
            let mut end;
            let mut has_of = false;
            let mut x = k;
            loop {
                // Step over one name element.
                let elem_end = match gaz_at[x] {
                    Some((j, _)) => j,
                    None => x,
                };
                end = elem_end;
                let nx = elem_end + 1;
                if nx >= n {
                    break;
                }
                if self.cap(nx) || gaz_at[nx].is_some() {
                    // "Abidjan-based"? no: only words.
                    x = nx;
                    continue;
                }
                // Connectors between capitalised words.
                let c = self.w(nx);
                if c == "-" && x == start && self.spaced_hyphen_name(x, nx, &gaz_at) {
                    x = nx + 1;
                    continue;
                }
                if self.t[nx].kind == Kind::Punct && c != "&" {
                    break;
                }
                let mut y = nx;
                let mut joined = false;
                // up to two connector words ("of the", "de la")
                for _ in 0..2 {
                    if y >= n || !CONNECTORS.contains(&self.w(y)) {
                        break;
                    }
                    y += 1;
                    if y < n && (self.cap(y) || gaz_at[y].is_some()) && !self.lex.common.contains(self.lw(y)) {
                        let conn = self.w(nx);
                        let ok = match conn {
                            "of" | "for" | "on" => {
                                let last = self.w(end);
                                let head_ok = self.lex.suffixes.contains_key(last)
                                    || matches!(last, "Republic" | "Kingdom" | "Emirates" | "States" | "Ministry");
                                // "IV Corps of the Army of the Potomac", "Super League for FC
                                // Basel": two organisations, not one name.
                                let two_orgs = STRONG_ORG.contains(&last) && self.strong_org_ahead(y);
                                if head_ok && !two_orgs {
                                    has_of = true;
                                }
                                head_ok && !two_orgs
                            }
                            "and" | "&" => {
                                // "and the City Hospital" starts another name.
                                y == nx + 1
                                    && (has_of || self.and_joins(y))
                                    && !matches!(self.lex.suffixes.get(self.w(end)), Some(Suffix::Org))
                            }
                            "the" => false,
                            _ => true,
                        };
                        if ok {
                            x = y;
                            joined = true;
                        }
                        break;
                    }
                }
                if !joined {
                    break;
                }
            }
            self.analyse_run(start, end, &gaz_at, &mut units);
            k = end + 1;
        }
        units
    }

    /// "Wal - Mart": one hyphenated word that text rebuilt from tokens writes with spaces around
    /// the hyphen (token `h`). Two capitalised words that no list knows and no lowercase form
    /// of which appears in the document; not a dash between two names ("Boeing - Airbus").
    fn spaced_hyphen_name(&self, x: usize, h: usize, gaz_at: &[Option<(usize, Entry)>]) -> bool {
        let y = h + 1;
        let plain = |k: usize| {
            self.cap(k)
                && gaz_at[k].is_none()
                && self.w(k).bytes().skip(1).all(|b| b.is_ascii_lowercase())
                && !self.lex.common.contains(self.lw(k))
                && !self.lex.given.contains(self.w(k))
                && !self.lex.titles.contains_key(self.lw(k))
                && !self.lower_words.contains(self.lw(k))
        };
        y < self.t.len()
            && self.t[h].s > self.t[x].e
            && self.t[y].s > self.t[h].e
            && !self.headline
            && plain(x)
            && plain(y)
            && !self.cap(y + 1)
            && !(x > 0 && self.w(x - 1) == "-")
            && !(y + 1 < self.t.len() && self.w(y + 1) == "-")
    }

    /// Do the capitalised words from `y` (with their connectors) hold a strong organisation word?
    fn strong_org_ahead(&self, y: usize) -> bool {
        let mut k = y;
        while k < self.t.len() && (self.cap(k) || CONNECTORS.contains(&self.w(k))) {
            if STRONG_ORG.contains(&self.w(k)) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// After "and" at `y`: do the capitalised words from `y` end in an organisation suffix
    /// ("European Aeronautic Defence and Space Company")?
    fn and_joins(&self, y: usize) -> bool {
        let mut k = y;
        while k + 1 < self.t.len() && self.cap(k + 1) {
            k += 1;
        }
        matches!(self.lex.suffixes.get(self.w(k)), Some(Suffix::Org) | Some(Suffix::Group)) && k > y
    }

    /// Classifies the run `i..=j` into units.
    fn analyse_run(&self, i: usize, j: usize, gaz_at: &[Option<(usize, Entry)>], units: &mut Vec<Unit>) {
        let mut i = i;
        let mut role: Option<String> = self.title_before(i);
        self.steps.add(j + 1 - i.min(j + 1));
        // The last organisation suffix of the run: "is there one after x" is then one
        // comparison, where a scan of the rest of the run for every title made a run of
        // titles (`Mr. Mr. ...`) cost the square of its length.
        let last_org = (i..=j).rev().find(|&x| self.is_org_suffix(x));
        // Leading common words and titles.
        loop {
            if i > j {
                return;
            }
            self.steps.add(1);
            if gaz_at[i].is_some() {
                break;
            }
            let lw = self.lw(i);
            let given = self.lex.given.contains(self.w(i));
            // After an honorific the name follows, even a title word ("Mr. King").
            // ("Mr Justice Anthony Mann": a title follows the honorific, then the name.)
            let honorific =
                matches!(role.as_deref(), Some("Mr" | "Mrs" | "Ms" | "Dr" | "Miss" | "Sir" | "Dame")) && i == j;
            if let Some((len, r)) = self.title_at(i).filter(|_| !honorific) {
                // "Major League Baseball" is no title before a name.
                let org_after = last_org.is_some_and(|x| x >= i + len);
                if i + len <= j && !org_after {
                    role = Some(r);
                    i += len;
                    continue;
                }
                if i + len > j {
                    // A title alone.
                    return;
                }
            }
            let org_ahead = || last_org.is_some_and(|x| x > i);
            if !given
                && (self.lex.common.contains(lw)
                    || (self.initial[i]
                        && (self.lower_words.contains(lw)
                            || self.lex.heads.contains_key(lw)
                            || (lw.ends_with("ed") && self.lex.verbs.contains(lw)))
                        && !org_ahead()))
            {
                i += 1;
                continue;
            }
            // A demonym before a title: "French President Emmanuel Macron".
            if self.lex.adjectives.contains_key(self.w(i)) && i < j && self.title_at(i + 1).is_some() {
                i += 1;
                continue;
            }
            break;
        }
        // Trailing connectors, and "Flight 447" after an airline's name.
        let mut j = j;
        while j > i && !(self.cap(j) || gaz_at[j].is_some() || self.gaz_ends_at(gaz_at, j)) {
            j -= 1;
        }
        if j > i && self.w(j) == "Flight" {
            j -= 1;
        }
        // Whole run is one gazetteer name.
        if let Some((gj, e)) = gaz_at[i] {
            if gj == j {
                let class = self.entry_class(e);
                let role = if matches!(class, Class::KnownPerson(_)) { role } else { None };
                units.push(Unit { i, j, class, initial: self.initial[i], role });
                return;
            }
        }
        // A title inside the run: "Northrop Grumman CEO Ron Sugar".
        let last_org = (i..=j).rev().find(|&x| self.is_org_suffix(x));
        self.steps.add(j + 1 - i);
        for k in i + 1..=j {
            // `gaz_inside` looks at the run up to `k`.
            self.steps.add(k - i);
            if gaz_at[k].is_some() || gaz_inside(gaz_at, i, k) || !self.cap(k) {
                continue;
            }
            // "Royal Courts of Justice", "Department of Justice": after a connector a title
            // word is part of the name.
            if matches!(self.w(k - 1), "of" | "for" | "the") {
                continue;
            }
            if let Some((len, r)) = self.title_at(k) {
                // "Martin Luther King" is a name ending in a title word.
                if k + len - 1 == j && !(self.lex.given.contains(self.w(i)) && k > i + 1) {
                    // "Apple Computer CEO", "Ryanair CEO": the title is no part of the name.
                    self.analyse_run(i, k - 1, gaz_at, units);
                    return;
                }
                if k + len <= j && self.cap(k + len) && last_org.is_none_or(|x| x < k + len) {
                    // "Tourism Minister Andrew Thomson": a word or two of no name before the
                    // title belong to the role.
                    let plain_prefix = k - i <= 2
                        && (i..k).all(|x| {
                            self.cap(x)
                                && gaz_at[x].is_none()
                                && !gaz_inside(gaz_at, 0, x + 1)
                                && !self.lex.given.contains(self.w(x))
                                && !self.lex.adjectives.contains_key(self.w(x))
                        });
                    if plain_prefix {
                        let role = format!("{} {}", &self.text[self.t[i].s..self.t[k - 1].e], r);
                        self.analyse_plain(k + len, j, gaz_at, Some(role), units);
                        return;
                    }
                    self.analyse_run(i, k - 1, gaz_at, units);
                    self.analyse_plain(k + len, j, gaz_at, Some(r), units);
                    return;
                }
            }
        }
        // The head word: last word before the first "of"/"for"/"on", else the last word, less
        // numbers ("World War II").
        let mut head = j;
        for k in i..=j {
            if matches!(self.w(k), "of" | "for" | "on") {
                head = k.saturating_sub(1).max(i);
                break;
            }
        }
        while head > i && (is_roman(self.w(head)) || self.w(head).chars().all(|c| c.is_ascii_digit())) {
            head -= 1;
        }
        // "Chapter IV" is no person ("Henry VIII", with a given name, is).
        if j > i && is_roman(self.w(j)) && gaz_at[i].is_none() && !self.lex.given.contains(self.w(i)) {
            let suffix = self.lex.suffixes.get(self.w(head)).copied();
            if !matches!(suffix, Some(Suffix::Org) | Some(Suffix::Group)) {
                units.push(Unit { i, j, class: Class::Not, initial: self.initial[i], role: None });
                return;
            }
        }
        let gaz_whole_head = gaz_at[i].is_some_and(|(gj, _)| gj >= head);
        if j > i && !gaz_whole_head {
            let suffix = self.lex.suffixes.get(self.w(head)).copied();
            if suffix == Some(Suffix::Not)
                || (suffix.is_none() && self.lex.suffixes.get(self.w(j)) == Some(&Suffix::Not))
            {
                units.push(Unit { i, j, class: Class::Not, initial: self.initial[i], role: None });
                return;
            }
            let any_org = (i..=j).find(|&x| self.is_org_suffix(x) && !gaz_inside(gaz_at, i, x + 1));
            if let Some(x) = any_org {
                if !self.headline || gaz_at[i].is_some() {
                    let kind = if self.lex.suffixes.get(self.w(x)) == Some(&Suffix::Group) {
                        ActorKind::Group
                    } else {
                        ActorKind::Organization
                    };
                    units.push(Unit { i, j, class: Class::NewOrg(kind), initial: self.initial[i], role: None });
                    return;
                }
            }
            // A known organisation followed by more capitalised words: "Apple Computer",
            // "Boeing Commercial Airplanes", "EADS North America".
            if let Some((gj, Entry::Org(_))) = gaz_at[i] {
                if gj < j
                    && !self.headline
                    && role.is_none()
                    && (gj + 1..=j).all(|x| {
                        let w = self.w(x);
                        self.cap(x)
                            && w.chars().all(char::is_alphabetic)
                            && !self.lex.adjectives.contains_key(w)
                            && !self.lex.peoples.contains_key(w)
                            && !self.lex.common.contains(self.lw(x))
                    })
                    && !(gj + 1..=j).any(|x| gaz_at[x].is_some())
                {
                    if self.product_noun(j + 1) {
                        // "Intel Core Duo processors": the maker, then its product's name.
                        let class = self.entry_class(gaz_at[i].map_or(Entry::Place, |(_, e)| e));
                        units.push(Unit { i, j: gj, class, initial: self.initial[i], role: None });
                        units.push(Unit { i: gj + 1, j, class: Class::Not, initial: false, role: None });
                        return;
                    }
                    units.push(Unit {
                        i,
                        j,
                        class: Class::NewOrg(ActorKind::Organization),
                        initial: self.initial[i],
                        role: None,
                    });
                    return;
                }
            }
            // A given name and a word that is also a place: "Michael Jordan", "Paris Hilton".
            if j - i <= 2 && self.lex.given.contains(self.w(i)) && !self.headline && gaz_at[i].is_none() {
                units.push(Unit {
                    i,
                    j,
                    class: Class::Person { role: role.clone() },
                    initial: self.initial[i],
                    role: None,
                });
                return;
            }
            // Words before a given name that starts the rest of the run are a role: "County
            // Coroner William McLaughlin", "Engineer John Greiner".
            if role.is_none() && !self.headline && gaz_at[i].is_none() {
                let k = (i + 1..j).find(|&k| {
                    self.lex.given.contains(self.w(k)) && gaz_at[k].is_none() && self.cap(k + 1) && k + 3 >= j
                });
                if let Some(k) = k {
                    if (i..k).all(|x| self.cap(x) && gaz_at[x].is_none() && !self.is_org_suffix(x)) {
                        let role: String = self.text[self.t[i].s..self.t[k - 1].e].to_string();
                        self.analyse_plain(k, j, gaz_at, Some(role), units);
                        return;
                    }
                }
            }
            // A state or a place with unknown capitalised words: "Air Canada", "Perth Glory",
            // "Garuda Indonesia" are names of organisations.
            if role.is_none() && !self.headline {
                let mut has_loc = false;
                let mut has_other = false;
                let mut x = i;
                while x <= j {
                    if let Some((gj, e)) = gaz_at[x] {
                        match e {
                            Entry::State { .. } | Entry::Place => has_loc = true,
                            _ => has_other = true,
                        }
                        x = gj + 1;
                        continue;
                    }
                    let w = self.w(x);
                    if self.cap(x)
                        && !self.lex.adjectives.contains_key(w)
                        && !CONNECTORS.contains(&self.lw(x))
                        && !DETERMINERS.contains(&self.lw(x))
                        && !self.lex.given.contains(w)
                        && (!COMPASS.contains(&w) || has_loc)
                    {
                        has_other = true;
                    }
                    x += 1;
                }
                if has_loc && has_other && !(i..=j).any(|x| matches!(self.w(x), "and" | "&")) {
                    let all_gaz_loc = gaz_at[i].is_some_and(|(_, e)| matches!(e, Entry::State { .. } | Entry::Place));
                    // "Paris Hilton" would be a person; a given name decides that below.
                    if !self.lex.given.contains(self.w(i)) || all_gaz_loc {
                        units.push(Unit {
                            i,
                            j,
                            class: Class::NewOrg(ActorKind::Organization),
                            initial: self.initial[i],
                            role: None,
                        });
                        return;
                    }
                }
            }
        }
        self.analyse_plain(i, j, gaz_at, role, units);
    }

    fn is_org_suffix(&self, x: usize) -> bool {
        matches!(self.lex.suffixes.get(self.w(x)), Some(Suffix::Org) | Some(Suffix::Group))
    }

    fn gaz_ends_at(&self, gaz_at: &[Option<(usize, Entry)>], j: usize) -> bool {
        (0..=j).rev().take(self.lex.max_tokens).any(|x| gaz_at[x].is_some_and(|(gj, _)| gj == j))
    }

    /// A run without a title or a suffix: gazetteer names and the words between them.
    fn analyse_plain(
        &self,
        i: usize,
        j: usize,
        gaz_at: &[Option<(usize, Entry)>],
        role: Option<String>,
        units: &mut Vec<Unit>,
    ) {
        let mut role = role;
        let mut k = i;
        let mut seg_start = i;
        while k <= j {
            if let Some((gj, e)) = gaz_at[k] {
                if gj <= j {
                    if seg_start < k {
                        self.plain_segment(seg_start, k - 1, &mut role, units);
                    }
                    let class = self.entry_class(e);
                    let r = if matches!(class, Class::KnownPerson(_)) { role.take() } else { None };
                    units.push(Unit { i: k, j: gj, class, initial: self.initial[k], role: r });
                    k = gj + 1;
                    seg_start = k;
                    continue;
                }
            }
            k += 1;
        }
        if seg_start <= j {
            self.plain_segment(seg_start, j, &mut role, units);
        }
    }

    /// Capitalised words that are no gazetteer name.
    fn plain_segment(&self, a: usize, b: usize, role: &mut Option<String>, units: &mut Vec<Unit>) {
        let (mut a, mut b) = (a, b);
        while a <= b && !self.cap(a) {
            a += 1;
        }
        while b > a && !self.cap(b) {
            b -= 1;
        }
        if a > b || !self.cap(a) {
            return;
        }
        let first = self.w(a);
        let class = if role.is_some() {
            Class::Person { role: role.take() }
        } else if self.lex.adjectives.contains_key(first) || self.lex.peoples.contains_key(first) {
            // "Japanese Punk Techno", "French Diplomat": not a name.
            Class::Not
        } else if b > a && is_model_code(first) {
            // "P-38 Lightning", "F-16 Fighting Falcon", "CH-53 Sea Stallion": a machine's name.
            Class::Not
        } else if COMPASS.contains(&first) && b > a {
            // "West Jersey", "North Kivu".
            Class::Place
        } else if self.lex.given.contains(first) && !self.headline && (b > a || !self.initial[a]) {
            Class::Person { role: None }
        } else if a == b && self.lex.common.contains(self.lw(a)) {
            Class::Not
        } else {
            Class::Unknown
        };
        units.push(Unit { i: a, j: b, class, initial: self.initial[a], role: None });
    }

    fn entry_class(&self, e: Entry) -> Class {
        match e {
            Entry::State { state, capital } => Class::State { state, capital },
            Entry::Org(o) => Class::Org(o),
            Entry::Person(p) => Class::KnownPerson(p),
            Entry::Place => Class::Place,
        }
    }

    /// Is the nominal `a..=h` a military that rules: "the military leadership", "the military
    /// government", "soldiers took power"? A state's military rulers are its junta.
    fn military_ruler(&self, a: usize, h: usize) -> bool {
        let military = (a..=h).any(|x| self.lw(x) == "military");
        let rules = matches!(self.lw(h), "leadership" | "rulers" | "government" | "regime" | "authorities");
        let took_power = self.is_word(h + 2)
            && matches!(self.lw(h + 1), "took" | "seized" | "grabbed")
            && self.lw(h + 2) == "power"
            && matches!(self.lw(h), "military" | "army" | "soldiers" | "officers");
        (military && rules) || took_power
    }

    /// The first token of a title (any case) that ends just before token `i`: "[Colonel]
    /// Assimi Goïta".
    fn title_start(&self, i: usize) -> Option<usize> {
        (1..=self.lex.max_title_words.min(i)).rev().find_map(|len| {
            let k = i - len;
            self.title_at(k).filter(|(l, _)| *l == len).map(|_| k)
        })
    }

    /// A lowercase title just before token `i` ("spokesman John Smith", "analyst David Strauss").
    fn title_before(&self, i: usize) -> Option<String> {
        for len in (1..=self.lex.max_title_words).rev() {
            if i < len {
                continue;
            }
            let k = i - len;
            if let Some((l, r)) = self.title_at(k) {
                if l == len && !self.cap(k) {
                    return Some(r);
                }
            }
        }
        None
    }

    // ----- context -------------------------------------------------------------------------

    /// Is the mention ending at token `j` the subject of a verb that follows it? `plural`
    /// subjects take base forms ("officials say"); singular ones do not ("Western support").
    /// The end of a short complement after a head noun: "[five staff members] of France's
    /// embassy" (left), "[Diplomats] in Bamako" (said). `h` when there is none.
    fn skip_complement(&self, h: usize) -> usize {
        if !self.is_word(h + 1) || !matches!(self.lw(h + 1), "of" | "in" | "at" | "from" | "with" | "for") {
            return h;
        }
        let mut k = h + 2;
        let mut last = h;
        while k < self.t.len() && k <= h + 7 {
            let is_np_word = match self.t[k].kind {
                Kind::Poss => true,
                Kind::Word => {
                    let lw = self.lw(k);
                    self.cap(k)
                        || DETERMINERS.contains(&lw)
                        || (!self.lex.verbs.contains(lw)
                            && !self.lex.auxiliaries.contains(lw)
                            && !self.lex.common.contains(lw)
                            && lw.chars().all(|c| c.is_alphabetic() || c == '-'))
                }
                Kind::Punct => false,
            };
            if !is_np_word {
                break;
            }
            last = k;
            k += 1;
        }
        if last == h {
            h
        } else {
            last
        }
    }

    fn acting_after(&self, j: usize, plural: bool) -> Act {
        let n = self.t.len();
        let mut k = j + 1;
        // "Mali, alongside Burkina Faso and Niger, faces": the verb follows the parenthesis.
        if k + 1 < n && self.w(k) == "," && self.accompaniment_at(k + 1) {
            if let Some(c) = (k + 2..n.min(k + 14)).find(|&c| self.w(c) == "," || self.t[c].kind == Kind::Punct) {
                if self.w(c) == "," {
                    k = c + 1;
                }
            }
        }
        let mut skipped = 0;
        while k < n && skipped < 2 && self.is_word(k) {
            let w = self.w(k);
            if (w.ends_with("ly") && w.len() > 4 && !self.lex.verbs.contains(w))
                || matches!(
                    w,
                    "also"
                        | "now"
                        | "then"
                        | "still"
                        | "already"
                        | "again"
                        | "never"
                        | "later"
                        | "first"
                        | "previously"
                        | "not"
                        | "soon"
                        | "quickly"
                )
            {
                k += 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if !self.is_word(k) {
            return Act::No;
        }
        // In a title-case headline the verb is capitalised too ("France Expels Diplomats").
        let w = if self.headline { self.lw(k) } else { self.w(k) };
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return Act::No;
        }
        if matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being") {
            // "Mali is seeking" (active), "France was accused" (passive); not "Mali is a country".
            let mut v = k + 1;
            while self.is_word(v) && matches!(self.w(v), "not" | "also" | "being" | "now" | "still") {
                v += 1;
            }
            if !self.is_word(v) {
                return Act::No;
            }
            let vw = self.w(v);
            if vw.ends_with("ing") && vw.len() > 4 {
                return Act::Active;
            }
            if vw.ends_with("ed") || self.lex.verbs.contains(vw) {
                return Act::Passive;
            }
            return Act::No;
        }
        if self.lex.auxiliaries.contains(w) {
            // "has been arrested" is passive.
            if matches!(w, "has" | "have" | "had") && self.is_word(k + 1) && self.w(k + 1) == "been" {
                let v = k + 2;
                if self.is_word(v) && !self.w(v).ends_with("ing") {
                    return Act::Passive;
                }
            }
            return Act::Active;
        }
        if self.lex.verbs.contains(w) {
            if !plural && self.lex.base_only.contains(w) {
                return Act::No;
            }
            return Act::Active;
        }
        if w.ends_with("ed") && w.len() > 4 {
            return Act::Active;
        }
        Act::No
    }

    /// Does a phrase of accompaniment start at `k` ("alongside", "along with", "together with")?
    fn accompaniment_at(&self, k: usize) -> bool {
        self.is_word(k)
            && match self.lw(k) {
                "alongside" => true,
                "along" | "together" => self.is_word(k + 1) && self.lw(k + 1) == "with",
                _ => false,
            }
    }

    /// Is the mention at `i` inside a parenthesis of accompaniment whose subject acts: "Mali,
    /// alongside [Burkina Faso] and Niger, faces", "armed groups, along with [criminal
    /// networks], have waged"?
    fn accompanies_subject(&self, i: usize) -> bool {
        let open = if i >= 2 && self.lw(i - 1) == "alongside" {
            i - 2
        } else if i >= 3 && self.lw(i - 1) == "with" && matches!(self.lw(i - 2), "along" | "together") {
            i - 3
        } else {
            return false;
        };
        if self.w(open) != "," {
            return false;
        }
        match (i..self.t.len().min(i + 12)).find(|&c| self.t[c].kind == Kind::Punct) {
            Some(c) if self.w(c) == "," => self.acting_after(c, true) == Act::Active,
            _ => false,
        }
    }

    /// The last token of the mention `i..=j` with the quotation marks that enclose exactly it
    /// ("“foreign states” are seeking"): its verb follows the closing mark.
    fn quote_end(&self, i: usize, j: usize) -> usize {
        let n = self.t.len();
        if i > 0 && j + 1 < n && matches!(self.w(i - 1), "“" | "\"" | "‘") && matches!(self.w(j + 1), "”" | "\"" | "’")
        {
            j + 1
        } else {
            j
        }
    }

    /// Is the mention at `i` the doer or other party named after "from" / "of" and a relation
    /// word ("support from Russia", "distanced itself from France", "the help of foreign
    /// states", "on behalf of the intelligence service")?
    fn relation_before(&self, i: usize) -> bool {
        if i < 2 || !matches!(self.lw(i - 1), "from" | "of") {
            return false;
        }
        for k in (i.saturating_sub(4)..i - 1).rev() {
            if !self.is_word(k) {
                return false;
            }
            if self.lex.relations.contains(self.lw(k)) {
                return true;
            }
        }
        false
    }

    /// Does a relative clause with a verb follow token `j` ("five French embassy personnel, who
    /// departed Bamako")? Its antecedent is the doer.
    fn who_acts(&self, j: usize) -> bool {
        j + 3 < self.t.len()
            && self.w(j + 1) == ","
            && self.lw(j + 2) == "who"
            && self.acting_after(j + 2, true) == Act::Active
    }

    /// Is token `i` the object of a preposition ("the expulsion of diplomats coincided")?
    fn after_preposition(&self, i: usize) -> bool {
        i > 0 && self.is_word(i - 1) && PREPOSITIONS.contains(&self.lw(i - 1))
    }

    /// Is the mention starting at token `i` an agent or a source named before it ("by Mali",
    /// "according to French officials", "said Angers")?
    fn agent_before(&self, i: usize, j: usize) -> bool {
        if i == 0 {
            return false;
        }
        // "by Islamist insurgencies": a modifier of the noun after it, not an agent.
        if self.is_word(j + 1) {
            let next = self.lw(j + 1);
            // ("from armed groups linked to al-Qaeda": a participle, not a noun.)
            let participle = next.ends_with("ed") && next.len() > 4;
            if next.chars().next().is_some_and(char::is_lowercase)
                && !self.lex.common.contains(next)
                && !self.lex.verbs.contains(next)
                && !PREPOSITIONS.contains(&next)
                && !participle
            {
                return false;
            }
        }
        let p = self.lw(i - 1);
        if p == "by" || self.relation_before(i) {
            return true;
        }
        if p == "to" && i >= 2 && self.lw(i - 2) == "according" {
            return true;
        }
        // Inverted speech: "..., said Angers." / "said the ministry,".
        let ends_clause =
            j + 1 >= self.t.len() || matches!(self.w(j + 1), "." | "," | ";" | "!" | "?" | "\"" | "”" | "’" | ")");
        let after_quote = i >= 2 && matches!(self.w(i - 2), "," | "”" | "\"" | "’" | "'");
        matches!(p, "said" | "says" | "told" | "added" | "reported" | "wrote" | "warned" | "insisted")
            && ends_clause
            && after_quote
    }

    /// Is the state at `i..=j` the other party of a relation ("cooperation with Mali",
    /// "between France and Mali", "against Russia")?
    fn other_party(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = self.lw(i - 1);
        matches!(p, "with" | "between" | "against" | "versus" | "toward" | "towards")
    }

    // ----- possessives ---------------------------------------------------------------------

    /// "Mali's junta" (one actor), "Mali's decision" (the state acts), "Russia's Africa Corps".
    fn possessives(&mut self, units: &[Unit], out: &mut Vec<Cand>) {
        for u in units {
            let p = u.j + 1;
            if p >= self.t.len() || self.t[p].kind != Kind::Poss || self.used[u.i] {
                continue;
            }
            let owner_state = match u.class {
                Class::State { state, .. } => Some(state),
                _ => None,
            };
            let is_person = matches!(u.class, Class::KnownPerson(_) | Class::Person { .. });
            // A name ending in an organisation word after a possessive: "Howe's Brigade",
            // "Nicholson's Limited" name one organisation.
            if let Some(next) = units.iter().find(|v| v.i == p + 1) {
                let kind = match next.class {
                    Class::NewOrg(kind) => Some(kind),
                    Class::Unknown | Class::Not if next.i == next.j && self.is_org_suffix(next.i) => {
                        Some(ActorKind::Organization)
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    if matches!(u.class, Class::Unknown | Class::Person { .. } | Class::KnownPerson(_) | Class::Org(_))
                    {
                        let canonical = self.text[self.t[u.i].s..self.t[next.j].e].to_string();
                        self.push(out, u.i, next.j, kind, Mention::Name, canonical, None, "possessive-org-name");
                        continue;
                    }
                    // "the United Kingdom's Royal Air Force": one actor, with the body's own name
                    // (as "Russia's Africa Corps").
                    if owner_state.is_some() && !self.headline {
                        let canonical = self.text[self.t[next.i].s..self.t[next.j].e].to_string();
                        self.push(out, u.i, next.j, kind, Mention::Name, canonical, None, "possessive-name");
                        continue;
                    }
                }
            }
            if owner_state.is_none() && !is_person {
                continue;
            }
            // A named actor right after: "Russia's Africa Corps".
            if let Some(next) = units.iter().find(|v| v.i == p + 1) {
                if let (Some(_), Class::Org(o)) = (owner_state, &next.class) {
                    let org = &self.lex.orgs[*o];
                    self.push(
                        out,
                        u.i,
                        next.j,
                        org.kind,
                        Mention::Name,
                        org.canonical.clone(),
                        None,
                        "possessive-name",
                    );
                    continue;
                }
                // In a title-case headline the capitalised words after it may be an act.
                if !self.headline {
                    continue;
                }
            }
            // Up to four lowercase words: modifiers, then a head or an act noun.
            let mut k = p + 1;
            let mut found: Option<(usize, bool)> = None; // (head index, is actor head)
            while k < self.t.len() && k <= p + 4 && self.is_word(k) {
                let lw = self.lw(k);
                if self.cap(k) && k > p + 1 {
                    break;
                }
                let is_head = self.lex.heads.contains_key(lw);
                let is_act = self.lex.acts.contains(lw);
                let next_cont = self.is_word(k + 1) && {
                    let nl = self.lw(k + 1);
                    self.lex.heads.contains_key(nl) || self.lex.acts.contains(nl)
                };
                if (is_head || is_act) && !next_cont {
                    found = Some((k, is_head));
                    break;
                }
                if self.lex.common.contains(lw) || self.lex.verbs.contains(lw) && !is_head && !is_act {
                    break;
                }
                k += 1;
            }
            let Some((h, is_head)) = found else { continue };
            // In a headline an act still has its owner ("Mali’s Shift Towards Russia"); a
            // capitalised head there may be a name's word.
            if self.headline && is_head {
                continue;
            }
            if !is_head {
                // An act owned by a state: the state is an actor; a person is one anyway.
                if let Some(st) = owner_state {
                    let canon = self.lex.states[st].canonical.clone();
                    self.push(out, u.i, u.j, ActorKind::State, Mention::Name, canon, None, "state-owns-act");
                }
                continue;
            }
            let head_w = self.lw(h).to_owned();
            let Some(head) = self.lex.heads.get(head_w.as_str()).copied() else {
                continue;
            };
            let mods: Vec<String> = (p + 1..h).map(|x| self.case_word(x).to_string()).collect();
            if let Some(st) = owner_state {
                let state = &self.lex.states[st];
                let acts = self.acting_after(h, head_is_plural(&head_w)) == Act::Active
                    || self.acting_after(self.skip_complement(h), head_is_plural(&head_w)) == Act::Active
                    || self.agent_before(u.i, h);
                if head.rule == HeadRule::Describe && !acts {
                    // "Mali's security minister, General X": the name is the actor.
                    continue;
                }
                // "[five staff members] of France's embassy", "officials from Mali's embassy":
                // a complement of another noun, not an actor of its own.
                if self.after_preposition(u.i) && !acts && u.i >= 2 && self.is_word(u.i - 2) {
                    continue;
                }
                let (kind, canonical) = self.nominal_canonical(Some(st), &mods, &head_w, head);
                let state_name = state.canonical.clone();
                if self.push(out, u.i, h, kind, Mention::Nominal, canonical, None, "possessive-nominal") {
                    if let Some(c) = out.last_mut() {
                        c.state = Some(state_name);
                    }
                }
            } else if is_person && head.kind == ActorKind::Organization {
                let name = &self.text[self.t[u.i].s..self.t[u.j].e];
                // "Colonel Assimi Goïta's government": the nominal runs from its first word,
                // the possessor's title included.
                let start = if head.rule == HeadRule::State { self.title_start(u.i).unwrap_or(u.i) } else { u.i };
                let (kind, canonical) = match (&u.class, head.rule) {
                    // "Colonel Assimi Goïta's government": the state's government.
                    (_, HeadRule::State) => (ActorKind::State, format!("?{head_w}")),
                    (Class::KnownPerson(p), _) => {
                        (ActorKind::Organization, format!("{} {}", self.lex.people[*p], head_w))
                    }
                    _ => (ActorKind::Organization, format!("{name} {head_w}")),
                };
                self.push(out, start, h, kind, Mention::Nominal, canonical, None, "possessive-nominal");
            }
        }
    }

    /// Kind and canonical name of a nominal with the state `st` (if known), modifiers and head.
    fn nominal_canonical(
        &self,
        st: Option<usize>,
        mods: &[String],
        head_w: &str,
        head: lexicon::Head,
    ) -> (ActorKind, String) {
        let mods: Vec<&str> = mods
            .iter()
            .map(String::as_str)
            .filter(|m| !DETERMINERS.contains(&m.to_lowercase().as_str()) && !self.lex.adjectives.contains_key(*m))
            .filter(|m| !matches!(self.lex.names.get(*m), Some(Entry::State { .. })))
            .collect();
        let singular = singular(self.lex, head_w, head);
        match (st, head.rule) {
            (Some(s), HeadRule::State) => (ActorKind::State, self.lex.states[s].canonical.clone()),
            (Some(s), HeadRule::Own) => {
                let adj = &self.lex.states[s].adjective;
                let mut full = adj.clone();
                for m in &mods {
                    full.push(' ');
                    full.push_str(m);
                }
                full.push(' ');
                full.push_str(head_w);
                if let Some(Entry::Org(o)) = self.lex.names.get(full.as_str()) {
                    let org = &self.lex.orgs[*o];
                    return (org.kind, org.canonical.clone());
                }
                (head.kind, full)
            }
            (Some(s), HeadRule::Describe) => {
                let mut full = self.lex.states[s].adjective.clone();
                for m in &mods {
                    full.push(' ');
                    full.push_str(m);
                }
                full.push(' ');
                full.push_str(&singular);
                (head.kind, full)
            }
            (None, _) => {
                let mut full = String::new();
                for m in &mods {
                    full.push_str(m);
                    full.push(' ');
                }
                full.push_str(&singular);
                (head.kind, full)
            }
        }
    }

    // ----- nominals ------------------------------------------------------------------------

    /// "French officials protested", "a French diplomatic source said", "the junta insists".
    fn nominals(&mut self, units: &[Unit], out: &mut Vec<Cand>) {
        let n = self.t.len();
        for h in 0..n {
            if !self.is_word(h) || self.used[h] || self.t[h].e - self.t[h].s < 3 {
                continue;
            }
            let first = self.text.as_bytes()[self.t[h].s];
            if !first.is_ascii_lowercase() && (!self.initial[h] || !first.is_ascii_uppercase()) {
                continue;
            }
            let lw = self.lw(h);
            if lexicon::shape(lw).is_some_and(|k| !self.lex.head_shapes[k]) {
                continue;
            }
            let Some(head) = self.lex.heads.get(lw).copied() else {
                continue;
            };
            // Take the last of "government officials".
            if self.is_word(h + 1) && self.lex.heads.contains_key(self.lw(h + 1)) {
                continue;
            }
            // "spokesman Jean Dupont": a title before a name, not a mention of its own.
            if self.cap(h + 1) {
                continue;
            }
            // A capitalised head inside a name ("Ministry" of a named ministry) is not ours.
            if self.cap(h) && !self.initial[h] {
                continue;
            }
            if units.iter().any(|u| u.i <= h && h <= u.j) {
                continue;
            }
            // Modifiers to the left.
            let mut a = h;
            let mut state: Option<usize> = None;
            // A name before the head: "the Trump campaign", "Clinton aides".
            let mut owner: Option<&Unit> = None;
            while a > 0 && h - a < 4 && owner.is_none() {
                let k = a - 1;
                if !self.is_word(k) || self.used[k] {
                    break;
                }
                let w = self.w(k);
                let lk = self.lw(k);
                if let Some(st) = self.lex.adjectives.get(w) {
                    state = Some(*st);
                    a = k;
                    continue;
                }
                // "Paris-based", "Iran-backed", "EADS-led": a compound ending in a lowercase part.
                if is_compound(w) && w.chars().all(|c| c.is_alphanumeric() || c == '-') {
                    a = k;
                    continue;
                }
                // A sentence's first word, a common word written with a capital: "Armed groups".
                // ("Human rights groups said": a word no list knows, alone, opening the sentence.)
                let plain_initial = || {
                    units.iter().find(|u| u.i <= k && k <= u.j).map_or(self.lower_words.contains(lk), |u| {
                        u.i == k
                            && u.j == k
                            && u.class == Class::Unknown
                            && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
                    })
                };
                if self.initial[k]
                    && self.cap(k)
                    && !self.lex.common.contains(lk)
                    && (self.lex.group_mods.contains(lk) || plain_initial())
                {
                    a = k;
                    continue;
                }
                // A capitalised modifier outside any name: "the Republican nominee".
                if self.cap(k)
                    && !self.initial[k]
                    && w.chars().all(char::is_alphabetic)
                    && !units.iter().any(|u| u.i <= k && k <= u.j)
                {
                    a = k;
                    continue;
                }
                if let Some(u) = units.iter().find(|u| u.j == k && u.i == k) {
                    if let Class::State { state: st, capital: false } = u.class {
                        // "US officials".
                        state = Some(st);
                        a = k;
                        continue;
                    }
                }
                if let Some(u) = units.iter().find(|u| u.j == k) {
                    // Only a person's body: "the Trump campaign", "the Obama administration";
                    // "Al-Shabaab fighters" keeps its name apart.
                    let named = matches!(u.class, Class::Person { .. } | Class::KnownPerson(_))
                        && head.kind == ActorKind::Organization;
                    if named && a == h && !(u.i..=u.j).any(|x| self.used[x]) {
                        owner = Some(u);
                        a = u.i;
                        continue;
                    }
                    break;
                }
                if w.chars().next().is_some_and(char::is_lowercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !self.lex.common.contains(lk)
                    && !self.lex.verbs.contains(lk)
                    && !self.lex.auxiliaries.contains(lk)
                {
                    a = k;
                    continue;
                }
                break;
            }
            if head.needs_mod && a == h && owner.is_none() {
                continue;
            }
            // "France's [embassy]": the possessive pass decided about it.
            if a > 0 && self.t[a - 1].kind == Kind::Poss {
                continue;
            }
            // Determiners ("the two Malian diplomats").
            let mut start = a;
            while start > 0 && a - start < 2 && self.is_word(start - 1) && !self.used[start - 1] {
                let d = self.lw(start - 1);
                if DETERMINERS.contains(&d) && d != "of" {
                    start -= 1;
                } else {
                    break;
                }
            }
            // "some civilians and soldiers": one mention of the coordinated nouns.
            if start == a && start >= 3 && self.lw(start - 1) == "and" && self.is_word(start - 2) {
                let other = self.lw(start - 2);
                let det = self.lw(start - 3);
                if other.ends_with('s')
                    && other.chars().all(char::is_alphabetic)
                    && !self.used[start - 2]
                    && DETERMINERS.contains(&det)
                    && det != "of"
                {
                    start -= 3;
                }
            }
            let plural = head_is_plural(lw);
            let subject = (self.acting_after(self.quote_end(start, h), plural) == Act::Active
                || self.acting_after(self.skip_complement(h), plural) == Act::Active
                || self.who_acts(self.skip_complement(h)))
                && !self.after_preposition(start);
            if !(subject || self.agent_before(start, h) || self.accompanies_subject(start)) {
                continue;
            }
            if self.headline {
                continue;
            }
            let head_w = lw.to_owned();
            let mods: Vec<String> = (a..h).map(|x| self.case_word(x).to_string()).collect();
            let (kind, canonical) = if let Some(u) = owner {
                let name = match &u.class {
                    Class::KnownPerson(p) => self.lex.people[*p].to_string(),
                    Class::Org(o) => self.lex.orgs[*o].canonical.clone(),
                    _ => self.text[self.t[u.i].s..self.t[u.j].e].to_string(),
                };
                (head.kind, format!("{name} {}", singular(self.lex, &head_w, head)))
            } else if state.is_none() && head.rule != HeadRule::Describe {
                // Filled in by the document pass from the nearest state or body.
                (head.kind, String::new())
            } else {
                self.nominal_canonical(state, &mods, &head_w, head)
            };
            // "armed groups", "jihadist networks": an armed group whatever the head.
            let kind = if (a..h).any(|x| self.lex.group_mods.contains(self.lw(x))) { ActorKind::Group } else { kind };
            // A counted group of people keeps its number: "the two Malian diplomats" -> "two
            // Malian diplomats" (one group, not one diplomat).
            let numeral = (start..a).find(|&x| NUMERALS.contains(&self.lw(x)));
            let canonical = match numeral {
                Some(x) if owner.is_none() && head.kind == ActorKind::Person && head.rule == HeadRule::Describe => {
                    let mut full = self.lw(x).to_string();
                    for y in a..=h {
                        full.push(' ');
                        full.push_str(self.case_word(y));
                    }
                    full
                }
                _ => canonical,
            };
            let rule = if canonical.is_empty() { "nominal-bare" } else { "nominal" };
            let mut c = self.cand(start, h, kind, Mention::Nominal, canonical, None, rule);
            c.ruler = self.military_ruler(start, h);
            if let Some(st) = state {
                c.state = Some(self.lex.states[st].canonical.clone());
            }
            if c.canonical.is_empty() {
                c.canonical = format!("?{}", singular(self.lex, &head_w, head));
                if head.rule == HeadRule::Own {
                    c.canonical = format!("?own:{head_w}");
                }
            }
            for x in start..=h {
                self.used[x] = true;
            }
            out.push(c);
        }
        // Demonym peoples as agents: "the French protested", "Malians have voted".
        for k in 0..n {
            if !self.is_word(k) || self.used[k] {
                continue;
            }
            let w = self.w(k);
            if w.as_bytes()[0].is_ascii_lowercase() {
                continue;
            }
            let Some(&st) = self.lex.peoples.get(w) else {
                continue;
            };
            let with_the = k > 0 && self.lw(k - 1) == "the";
            let plural_form = !self.lex.adjectives.contains_key(w);
            if !(with_the || plural_form) || self.acting_after(k, true) != Act::Active || self.headline {
                continue;
            }
            let start = if with_the { k - 1 } else { k };
            let canon = self.lex.states[st].canonical.clone();
            self.push(out, start, k, ActorKind::State, Mention::Nominal, canon, None, "demonym-agent");
        }
    }

    // ----- emitting names ------------------------------------------------------------------

    fn emit_units(&mut self, units: &[Unit], out: &mut Vec<Cand>) {
        // States acting in a coordination: "France and Mali have ..." / "between X and Y".
        let mut state_actor: Vec<bool> = vec![false; units.len()];
        for (ui, u) in units.iter().enumerate() {
            if let Class::State { .. } = u.class {
                state_actor[ui] = (self.acting_after(self.quote_end(u.i, u.j), false) != Act::No
                    && !self.after_preposition(u.i))
                    || self.agent_before(u.i, u.j)
                    || self.other_party(u.i)
                    || self.accompanies_subject(u.i);
            }
        }
        // Lists of states share their role: "between Australia, Indonesia, Thailand and
        // Malaysia", "France and Mali have ...".
        let mut ui = 0;
        while ui < units.len() {
            let mut uj = ui;
            while uj + 1 < units.len()
                && matches!(units[uj].class, Class::State { .. })
                && matches!(units[uj + 1].class, Class::State { .. })
                && {
                    let gap: Vec<&str> = (units[uj].j + 1..units[uj + 1].i).map(|k| self.lw(k)).collect();
                    matches!(gap.as_slice(), [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"])
                }
            {
                uj += 1;
            }
            if uj > ui {
                // "to Indonesia, Thailand and Malaysia were cut": places, like the first one.
                let shared = (ui..=uj).any(|k| state_actor[k]) && !self.after_preposition(units[ui].i);
                for flag in &mut state_actor[ui..=uj] {
                    *flag = shared;
                }
            }
            ui = uj + 1;
        }
        for (ui, u) in units.iter().enumerate() {
            if (u.i..=u.j).any(|x| self.used[x]) {
                continue;
            }
            // "EADS-led": left to `compound_names`.
            if u.i == u.j && is_compound(self.w(u.i)) {
                continue;
            }
            let name = &self.text[self.t[u.i].s..self.t[u.j].e];
            match &u.class {
                Class::State { state, capital } => {
                    if state_actor[ui] {
                        let canon = self.lex.states[*state].canonical.clone();
                        let rule = if *capital { "capital-for-state" } else { "state-acts" };
                        self.push(out, u.i, u.j, ActorKind::State, Mention::Name, canon, None, rule);
                    }
                }
                Class::Org(o) => {
                    let org = &self.lex.orgs[*o];
                    self.push(out, u.i, u.j, org.kind, Mention::Name, org.canonical.clone(), None, "gazetteer");
                }
                Class::KnownPerson(p) => {
                    let role = u.role.clone().or_else(|| self.title_before(u.i)).or_else(|| self.apposition_role(u.j));
                    let canon = self.lex.people[*p].to_string();
                    self.push(out, u.i, u.j, ActorKind::Person, Mention::Name, canon, role, "gazetteer-person");
                }
                Class::Person { role } => {
                    if u.initial && u.i == u.j && self.lower_words.contains(self.lw(u.i)) {
                        continue;
                    }
                    if role.is_none() && (self.in_title_quote(u.i, u.j) || self.place_before_region(units, u.j)) {
                        continue;
                    }
                    let role = role.clone().or_else(|| self.apposition_role(u.j));
                    let mut c = self.cand(u.i, u.j, ActorKind::Person, Mention::Name, name.to_string(), role, "person");
                    c.pending = Pending::Person;
                    if u.i == u.j && c.role.is_none() && u.initial {
                        // A given name alone: kept when it links to a person of the document
                        // or acts.
                        let acting = (self.acting_after(u.j, false) == Act::Active && !self.after_preposition(u.i))
                            || self.agent_before(u.i, u.j);
                        c.pending = Pending::Single { acting, acronym: false, weak: false };
                    }
                    self.mark(u.i, u.j);
                    out.push(c);
                }
                Class::NewOrg(kind) => {
                    let i = self.unit_number(u.i, u.j).unwrap_or(u.i);
                    let name = &self.text[self.t[i].s..self.t[u.j].e];
                    let c = self.cand(i, u.j, *kind, Mention::Name, name.to_string(), None, "org-suffix");
                    self.mark(i, u.j);
                    out.push(c);
                }
                Class::Unknown if self.unit_number(u.i, u.j).is_some() => {
                    // "65 Fighter Wing": a numbered military unit.
                    let i = self.unit_number(u.i, u.j).unwrap_or(u.i);
                    let name = &self.text[self.t[i].s..self.t[u.j].e];
                    let c = self.cand(
                        i,
                        u.j,
                        ActorKind::Organization,
                        Mention::Name,
                        name.to_string(),
                        None,
                        "unit-number",
                    );
                    self.mark(i, u.j);
                    out.push(c);
                }
                Class::Unknown => {
                    let words = u.j - u.i + 1;
                    // "Buddha for Mary" in quotes: a work's title; "Sandy Hook, Maryland": a place.
                    if self.in_title_quote(u.i, u.j) || self.place_before_region(units, u.j) {
                        continue;
                    }
                    // Where capitals prove nothing, a single word is kept only as the surname
                    // of a person named elsewhere in the document.
                    let weak = self.headline
                        || (u.initial && self.lower_words.contains(self.lw(u.i)))
                        || (words == 1 && (u.initial || !self.terminated));
                    // A label in a table row ("Total Dead: 192") is no name.
                    let label = !self.terminated && u.j + 1 < self.t.len() && self.w(u.j + 1) == ":";
                    if words > 1 && (weak || label) {
                        continue;
                    }
                    if self.lex.titles.contains_key(self.lw(u.i)) && u.i == u.j {
                        continue;
                    }
                    // "pressed Western allies": a direction, not a name; "Roughly translated",
                    // "Frequently injured": an adverb opening the sentence; "a 2.26 ERA": a
                    // measure after its number.
                    if words == 1
                        && (COMPASS.contains(&name)
                            || (u.initial && ADVERB_ENDINGS.iter().any(|e| self.lw(u.i).ends_with(e)))
                            || (u.i > 0 && {
                                // A decimal, not a year ("In 1994 6PR was purchased").
                                let digits = |k: usize| self.w(k).bytes().all(|b| b.is_ascii_digit());
                                u.i > 2 && digits(u.i - 1) && self.w(u.i - 2) == "." && digits(u.i - 3)
                            }))
                    {
                        continue;
                    }
                    // "engine maker Europrop", "German airline Aer Lingus": a name after the
                    // common noun that says what it is names an organisation.
                    let described = self.org_descriptor_before(u.i);
                    let acting = (self.acting_after(u.j, false) == Act::Active && !self.after_preposition(u.i))
                        || self.agent_before(u.i, u.j)
                        || described;
                    if words == 1 {
                        let acronym = is_acronym(name)
                            && !self.headline
                            && name.chars().filter(|c| c.is_alphanumeric()).count() > 2
                            && !self.lower_words.contains(name.to_lowercase().as_str())
                            && !self.lex.common.contains(self.lw(u.i));
                        let weak = weak
                            && (!u.initial || !acting || name.ends_with('s') || self.headline)
                            && (!acronym || u.initial);
                        // The object of a verb ("accused Vezilier of") or an owner ("Vezilier's
                        // role") is a name too.
                        let object = u.i > 0
                            && self.is_word(u.i - 1)
                            && self.lex.verbs.contains(self.w(u.i - 1))
                            && !self.lex.base_only.contains(self.w(u.i - 1));
                        let owner = u.j + 1 < self.t.len() && self.t[u.j + 1].kind == Kind::Poss;
                        let acting = acting || ((object || owner) && !u.initial);
                        // Done to people: "accused Vezilier", "Vezilier, who".
                        let person_object = object
                            && matches!(
                                self.lw(u.i - 1),
                                "accused"
                                    | "arrested"
                                    | "detained"
                                    | "charged"
                                    | "killed"
                                    | "sentenced"
                                    | "released"
                                    | "freed"
                                    | "appointed"
                                    | "named"
                                    | "elected"
                                    | "met"
                                    | "told"
                                    | "thanked"
                                    | "sacked"
                                    | "fired"
                                    | "hired"
                                    | "interviewed"
                                    | "expelled"
                                    | "kidnapped"
                                    | "abducted"
                                    | "married"
                            );
                        let who = u.j + 2 < self.t.len() && self.w(u.j + 1) == "," && self.lw(u.j + 2) == "who";
                        let kind = if (person_object || who) && !described {
                            ActorKind::Person
                        } else {
                            ActorKind::Organization
                        };
                        let mut c = self.cand(u.i, u.j, kind, Mention::Name, name.to_string(), None, "single-name");
                        c.pending = Pending::Single { acting, acronym, weak };
                        self.mark(u.i, u.j);
                        out.push(c);
                    } else {
                        // "in Chiang Mai", "near Kopački Rit": a place; a quoted title: a work.
                        let place_prep = u.i > 0
                            && matches!(
                                self.lw(u.i - 1),
                                "in" | "at" | "near" | "from" | "into" | "across" | "outside" | "inside" | "throughout"
                            );
                        let quoted = u.i > 0
                            && matches!(self.w(u.i - 1), "\"" | "“" | "‘")
                            && u.j + 1 < self.t.len()
                            && matches!(self.w(u.j + 1), "\"" | "”" | "’");
                        if (place_prep || quoted) && !acting {
                            continue;
                        }
                        if described {
                            let c = self.cand(
                                u.i,
                                u.j,
                                ActorKind::Organization,
                                Mention::Name,
                                name.to_string(),
                                None,
                                "described-name",
                            );
                            self.mark(u.i, u.j);
                            out.push(c);
                            continue;
                        }
                        // "the Excursion House", "A Beautiful Lie": a person's name takes no
                        // article; an organisation's does when it acts ("the Used announced").
                        let is_article = |k: usize| self.is_word(k) && matches!(self.lw(k), "the" | "a" | "an");
                        let article = (u.i > 0 && is_article(u.i - 1))
                            || (u.i > 1
                                && is_article(u.i - 2)
                                && self.is_word(u.i - 1)
                                && self.w(u.i - 1).chars().all(|c| c.is_ascii_lowercase()));
                        if article && !acting {
                            continue;
                        }
                        // ("Wal - Mart", hyphenated, is no person's name.)
                        let kind = if words <= 3
                            && !article
                            && !(u.i..=u.j).any(|x| is_acronym(self.w(x)) || self.w(x) == "-")
                        {
                            ActorKind::Person
                        } else {
                            ActorKind::Organization
                        };
                        let mut c =
                            self.cand(u.i, u.j, kind, Mention::Name, name.to_string(), None, "capitalised-name");
                        if kind == ActorKind::Person {
                            c.pending = Pending::Person;
                        }
                        self.mark(u.i, u.j);
                        out.push(c);
                    }
                }
                Class::Place | Class::Not => {}
            }
        }
        self.compound_names(out);
    }

    /// Is token `k` a lowercase noun for a made thing, so that the capitalised words before it
    /// name a product ("Core Duo [processors]", "Media Center [operating system]")?
    fn product_noun(&self, k: usize) -> bool {
        const PRODUCTS: &[&str] = &[
            "processor",
            "processors",
            "chip",
            "chips",
            "software",
            "phone",
            "phones",
            "smartphone",
            "smartphones",
            "computer",
            "computers",
            "laptop",
            "laptops",
            "device",
            "devices",
            "player",
            "players",
            "console",
            "consoles",
            "operating",
            "browser",
            "app",
            "apps",
            "aircraft",
            "airliner",
            "airliners",
            "jet",
            "jets",
            "jetliner",
            "jetliners",
            "engine",
            "engines",
            "car",
            "cars",
            "vehicle",
            "vehicles",
            "tablet",
            "tablets",
        ];
        self.is_word(k) && !self.cap(k) && PRODUCTS.contains(&self.w(k))
    }

    /// Is `i..=j` inside a short quotation written in title case ("“Buddha for Mary”", "“Time
    /// to Wake Up”"): the title of a work, not a name. Only capitalised words, small function
    /// words, possessives and stops between the marks, at most ten tokens.
    fn in_title_quote(&self, i: usize, j: usize) -> bool {
        const SMALL: &[&str] =
            &["of", "the", "a", "an", "to", "for", "and", "in", "on", "at", "with", "from", "by", "up", "or", "is"];
        let inside = |k: usize| match self.t[k].kind {
            Kind::Word => self.cap(k) || SMALL.contains(&self.w(k)) || self.w(k).bytes().all(|b| b.is_ascii_digit()),
            Kind::Poss => true,
            Kind::Punct => matches!(self.w(k), "." | ":" | "!" | "?"),
        };
        let mut a = i;
        while a > 0 && i - a < 10 && !matches!(self.w(a - 1), "“" | "\"") && inside(a - 1) {
            a -= 1;
        }
        if a == 0 || !matches!(self.w(a - 1), "“" | "\"") {
            return false;
        }
        let n = self.t.len();
        let mut b = j;
        while b + 1 < n && b - a < 10 && !matches!(self.w(b + 1), "”" | "\"") && inside(b + 1) {
            b += 1;
        }
        b + 1 < n && matches!(self.w(b + 1), "”" | "\"") && b > a
    }

    /// Is the name ending at `j` a place followed by its region: "Sandy Hook, Maryland", "Fort
    /// Lauderdale, Florida)", "Saffron Walden, England,"? The region is a known place or state
    /// that ends the phrase.
    fn place_before_region(&self, units: &[Unit], j: usize) -> bool {
        if j + 2 >= self.t.len() || self.w(j + 1) != "," {
            return false;
        }
        let Some(r) = units.iter().find(|v| v.i == j + 2) else {
            return false;
        };
        // ("Yes, Gentle Giant, Kansas, Tangerine Dream": a list of names goes on.)
        let e = r.j + 1;
        let n = self.t.len();
        matches!(r.class, Class::Place | Class::State { capital: false, .. })
            && (e >= n
                || (self.t[e].kind == Kind::Punct
                    && !matches!(self.w(e), "-" | "&" | "/")
                    && !(self.w(e) == "," && self.cap(e + 1))))
    }

    /// The number that opens the name of the military unit `i..=j` ("[65th] Air Division",
    /// "[4] Air Defense Wing", "[93d] Infantry Regiment"): its token, when there is one.
    fn unit_number(&self, i: usize, j: usize) -> Option<usize> {
        const UNITS: &[&str] = &[
            "Division",
            "Wing",
            "Regiment",
            "Battalion",
            "Squadron",
            "Brigade",
            "Corps",
            "Army",
            "Fleet",
            "Infantry",
            "Cavalry",
            "Artillery",
            "Battery",
            "Group",
            "Flotilla",
        ];
        if i == 0 || !self.is_word(i - 1) || !UNITS.contains(&self.w(j)) || self.used[i - 1] {
            return None;
        }
        let w = self.w(i - 1);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let ordinal = matches!(&w[digits..], "" | "st" | "nd" | "rd" | "th" | "d");
        // (Up to three digits: "the 2005 Infantry Group budget" opens with a year.)
        (1..=3).contains(&digits).then_some(i - 1).filter(|_| ordinal)
    }

    /// Is the name at `i` after a singular lowercase noun that says it is an organisation
    /// ("engine maker [Europrop]", "the airline [Aer Lingus]", "electronics company [Apple]")?
    fn org_descriptor_before(&self, i: usize) -> bool {
        if i == 0 || !self.is_word(i - 1) || self.cap(i - 1) {
            return false;
        }
        let p = self.lw(i - 1);
        // ("the Obama campaign" names it the other way round.)
        !head_is_plural(p)
            && p != "campaign"
            && self.lex.heads.get(p).is_some_and(|h| h.kind == ActorKind::Organization && h.rule != HeadRule::State)
    }

    /// Names before an agentive participle inside one word: "an [EADS]-led consortium",
    /// "[Hamas]-run ministry", "[Russia]-backed forces" (not "Paris-based": a place). A known
    /// organisation, a state, or an acronym; the rest of the word is no part of the actor.
    fn compound_names(&mut self, out: &mut Vec<Cand>) {
        for k in 0..self.t.len() {
            if !self.is_word(k) || self.used[k] || self.headline {
                continue;
            }
            let w = self.w(k);
            // Most words hold no hyphen: a byte scan is cheaper than a reverse search.
            if !w.as_bytes().contains(&b'-') {
                continue;
            }
            let Some((name, part)) = w.rsplit_once('-') else {
                continue;
            };
            if name.is_empty() || !COMPOUND_PARTICIPLES.contains(&part) {
                continue;
            }
            let (kind, canonical) = match self.lex.names.get(name) {
                Some(Entry::Org(o)) => (self.lex.orgs[*o].kind, self.lex.orgs[*o].canonical.clone()),
                Some(Entry::State { state, .. }) => (ActorKind::State, self.lex.states[*state].canonical.clone()),
                Some(Entry::Person(p)) => (ActorKind::Person, self.lex.people[*p].to_string()),
                Some(Entry::Place) => continue,
                None if is_acronym(name) && name.chars().filter(|c| c.is_alphabetic()).count() > 2 => {
                    (ActorKind::Organization, name.to_string())
                }
                None => continue,
            };
            let s = self.t[k].s;
            let mut c = self.cand(k, k, kind, Mention::Name, canonical, None, "compound-name");
            c.e = s + name.len();
            self.used[k] = true;
            out.push(c);
        }
    }

    /// The role an apposition gives the person ending at `j`: "X, Mali's security minister,"
    /// -> "Security Minister"; "X, a spokesman for the ministry" -> "Spokesman".
    fn apposition_role(&self, j: usize) -> Option<String> {
        let n = self.t.len();
        if j + 2 >= n || self.w(j + 1) != "," {
            return None;
        }
        let mut k = j + 2;
        if self.is_word(k) && matches!(self.lw(k), "a" | "an" | "the" | "his" | "her" | "its" | "their") {
            k += 1;
        }
        // A state in the possessive or a demonym: "Mali's", "French".
        if self.cap(k) && k + 1 < n && self.t[k + 1].kind == Kind::Poss {
            k += 2;
        } else if self.is_word(k) && self.lex.adjectives.contains_key(self.w(k)) {
            k += 1;
        }
        // Up to four lowercase words; the longest title among them ends the role.
        let mut best: Option<String> = None;
        let mut x = k;
        while x < n && x < k + 4 && self.is_word(x) && !self.cap(x) {
            for start in k..=x {
                if let Some((len, r)) = self.title_at(start) {
                    if start + len - 1 == x {
                        best = Some(r);
                        break;
                    }
                }
            }
            if best.is_some() {
                break;
            }
            x += 1;
        }
        best
    }

    fn mark(&mut self, i: usize, j: usize) {
        for x in i..=j {
            self.used[x] = true;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn cand(
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
    fn push(
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

fn gaz_inside(gaz_at: &[Option<(usize, Entry)>], i: usize, k: usize) -> bool {
    (i..k).any(|x| gaz_at[x].is_some_and(|(j, _)| j >= k))
}

/// The singular of a person head for a descriptive canonical ("sources" -> "source").
fn singular(lex: &Lexicon, head_w: &str, head: lexicon::Head) -> String {
    if head.kind == ActorKind::Person {
        if let Some(s) = head_w.strip_suffix('s') {
            if lex.heads.contains_key(s) {
                return s.to_string();
            }
        }
    }
    head_w.to_string()
}

/// Document-level decisions: people linked to fuller names, single capitalised words,
/// nominals without a state named in them.
fn resolve(lex: &Lexicon, text: &str, cands: &mut [Cand]) {
    cands.sort_by_key(|c| c.s);
    // A name that some mention shows to be an organisation ("airline Aer Lingus", "Acme Corp")
    // is one in every mention of the document: two capitalised words guessed to be a person's
    // name elsewhere take its kind.
    if cands.iter().any(|c| c.rule == "capitalised-name" && c.kind == ActorKind::Person) {
        let mut org_names: HashMap<&str, usize> = HashMap::default();
        for (x, c) in cands.iter().enumerate() {
            if matches!(c.kind, ActorKind::Organization | ActorKind::Group)
                && c.mention == Mention::Name
                && !c.drop
                && text[c.s..c.e].contains(' ')
            {
                org_names.entry(&text[c.s..c.e]).or_insert(x);
            }
        }
        for x in 0..cands.len() {
            if cands[x].rule != "capitalised-name" || cands[x].kind != ActorKind::Person {
                continue;
            }
            if let Some(&y) = org_names.get(&text[cands[x].s..cands[x].e]) {
                let (kind, canon) = (cands[y].kind, cands[y].canonical.clone());
                let c = &mut cands[x];
                c.kind = kind;
                c.canonical = canon;
                c.pending = Pending::No;
                c.rule = "same-name";
            }
        }
    }
    // Full names of people in the document, folded, with their canonical names; and the last
    // word of each full name (the first full name with that surname wins).
    let mut persons: HashMap<String, String> = HashMap::default();
    // First words of multi-word organisation names: "Northrop" after "Northrop Grumman".
    let mut org_heads: HashMap<&str, (ActorKind, String)> = HashMap::default();
    for c in cands.iter() {
        if matches!(c.kind, ActorKind::Organization | ActorKind::Group) && c.mention == Mention::Name {
            let name = &text[c.s..c.e];
            if let Some((first, _)) = name.split_once(' ') {
                // ("European" of "European Aeronautic Defence ..." is a demonym, no short name.)
                let demonym = lex.adjectives.contains_key(first)
                    || ["ean", "ian", "ese", "ish", "can"].iter().any(|e| first.ends_with(e));
                if first.chars().count() > 2 && !demonym {
                    org_heads.entry(first).or_insert((c.kind, c.canonical.clone()));
                }
            }
        }
    }
    let mut surnames: HashMap<String, String> = HashMap::default();
    // First names of the document's people, when only one person has that first name.
    let mut firsts: HashMap<String, Option<String>> = HashMap::default();
    for c in cands.iter() {
        if c.kind == ActorKind::Person && c.mention == Mention::Name && c.canonical.contains(' ') {
            let f = fold(&c.canonical);
            let canon = match lex.people_folded.get(&f) {
                Some(&p) => lex.people[p].to_string(),
                None => c.canonical.clone(),
            };
            if let Some(last) = f.rsplit(' ').next() {
                surnames.entry(last.to_string()).or_insert_with(|| canon.clone());
            }
            if let Some(first) = f.split(' ').next() {
                let slot = firsts.entry(first.to_string()).or_insert_with(|| Some(canon.clone()));
                if slot.as_deref() != Some(canon.as_str()) {
                    *slot = None;
                }
            }
            persons.entry(f).or_insert(canon);
        }
    }
    // Single words kept on their own evidence somewhere in the document: a weak occurrence
    // elsewhere ("Qantas" opening a sentence) is the same name.
    let mut sure: HashMap<&str, (ActorKind, String)> = HashMap::default();
    for c in cands.iter() {
        match c.pending {
            Pending::Single { acting, acronym, weak } if !weak && (acting || acronym) => {
                sure.entry(&text[c.s..c.e]).or_insert((c.kind, c.canonical.clone()));
            }
            Pending::No if c.mention == Mention::Name && !text[c.s..c.e].contains(' ') => {
                sure.entry(&text[c.s..c.e]).or_insert((c.kind, c.canonical.clone()));
            }
            _ => {}
        }
    }
    let link = |name: &str| -> Option<String> {
        let f = fold(name);
        if let Some(&p) = lex.people_folded.get(&f) {
            return Some(lex.people[p].to_string());
        }
        if let Some(c) = persons.get(&f) {
            return Some(c.clone());
        }
        if !f.contains(' ') {
            // A surname alone, else a first name that only one person has.
            return surnames.get(&f).cloned().or_else(|| firsts.get(&f).cloned().flatten());
        }
        None
    };
    // The junta of each state, when the document names one ("Mali's junta" -> "Malian junta"):
    // the state's military rulers are that junta.
    let juntas: Vec<String> =
        cands.iter().filter(|c| c.canonical.ends_with(" junta") && !c.drop).map(|c| c.canonical.clone()).collect();
    // The one junta the document names, decided once: asked for every military ruler, it
    // cost the number of juntas named each time (quadratic on `Mali's junta ...` repeated).
    let named_junta = match juntas.first() {
        Some(j) if juntas.iter().all(|x| x == j) => Some(j.clone()),
        _ => None,
    };
    // Unnamed armed groups ("militants", "armed groups", "rebels") are one actor of the
    // story: the jihadist armed groups where the document names one or calls them jihadist or
    // Islamist, else its armed groups.
    let jihadist = cands.iter().any(|c| {
        c.kind == ActorKind::Group
            && c.mention == Mention::Name
            && matches!(lex.names.get(c.canonical.as_str()), Some(Entry::Org(o)) if lex.orgs[*o].jihadist)
    }) || text.contains("jihadist")
        || text.contains("Islamist");
    let mut last_state: Option<String> = None;
    // The first state named in the current sentence: "Mali's relations with France have
    // deteriorated since the military took power" -> the Malian military.
    let mut sent_state: Option<(usize, String)> = None;
    let mut bodies: HashMap<&'static str, String> = HashMap::default();
    let mut named_bodies: HashMap<&'static str, (ActorKind, String)> = HashMap::default();
    for c in cands.iter_mut() {
        match c.pending {
            Pending::Person => {
                if let Some(canon) = link(&c.canonical) {
                    c.canonical = canon;
                }
            }
            Pending::Single { acting, acronym, weak } => {
                let name = &text[c.s..c.e];
                if let Some(canon) = link(name) {
                    c.kind = ActorKind::Person;
                    c.canonical = canon;
                    c.rule = "surname";
                } else if let Some((kind, canon)) = org_heads.get(name) {
                    c.kind = *kind;
                    c.canonical = canon.clone();
                    c.rule = "short-name";
                } else if let Some((kind, canon)) = sure.get(name).filter(|_| {
                    // A word with no evidence here is the name kept elsewhere ("We love the
                    // Beatles" after "the Beatles' label"); not a model number ("A380").
                    weak || !(acting || acronym || name.bytes().any(|b| b.is_ascii_digit()))
                }) {
                    c.kind = *kind;
                    c.canonical = canon.clone();
                    c.rule = "same-name";
                } else if weak || !(acting || acronym) {
                    c.drop = true;
                }
            }
            Pending::No => {}
        }
        if c.drop {
            continue;
        }
        if sent_state.as_ref().is_some_and(|(s, _)| *s != c.sent) {
            sent_state = None;
        }
        let near_state = sent_state.as_ref().map(|(_, s)| s).or(last_state.as_ref()).cloned();
        if let Some(rest) = c.canonical.strip_prefix("?own:") {
            let head = rest.to_string();
            // The body named before ("the ministry" after "the French foreign ministry"), else
            // the last state's ("the military" after "Mali" -> "Malian military").
            c.canonical = match bodies.get(head.as_str()) {
                Some(b) => b.clone(),
                None => match near_state.as_ref().and_then(|s| lex.states.iter().find(|x| &x.canonical == s)) {
                    Some(st) => format!("{} {head}", st.adjective),
                    None => head,
                },
            };
        } else if let Some(rest) = c.canonical.strip_prefix('?') {
            match &near_state {
                Some(s) => {
                    c.canonical = s.clone();
                    c.kind = ActorKind::State;
                }
                None => c.canonical = rest.to_string(),
            }
        } else if c.mention == Mention::Nominal && !c.canonical.contains(' ') {
            // "the group" after "Wagner Group": the named body with that word.
            if let Some((kind, canon)) = named_bodies.get(c.canonical.as_str()) {
                c.kind = *kind;
                c.canonical = canon.clone();
            }
        } else if matches!(c.kind, ActorKind::Organization | ActorKind::Group) {
            // Remember the body a later bare "the ministry" / "the junta" / "the group" refers to.
            let lc = c.canonical.to_lowercase();
            for w in lc.split(' ').chain(text[c.s..c.e].split(' ')) {
                let w = if w.chars().any(char::is_uppercase) { w.to_lowercase() } else { w.to_string() };
                if let Some((h, head)) = lex.heads.get_key_value(w.as_str()) {
                    if head.rule == HeadRule::Own {
                        bodies.insert(h, c.canonical.clone());
                    }
                    if c.mention == Mention::Name && head.kind != ActorKind::Person {
                        named_bodies.insert(h, (c.kind, c.canonical.clone()));
                    }
                }
            }
        }
        if c.kind == ActorKind::Group
            && c.mention == Mention::Nominal
            && c.state.is_none()
            && c.canonical.ends_with('s')
        {
            c.canonical = if jihadist { "jihadist armed groups" } else { "armed groups" }.to_string();
        }
        if c.ruler {
            // The junta the document names, else the junta of the state in question.
            let adj = c
                .state
                .as_ref()
                .or(near_state.as_ref())
                .and_then(|s| lex.states.iter().find(|x| &x.canonical == s))
                .map(|st| format!("{} junta", st.adjective));
            if let Some(j) = named_junta.clone().or(adj) {
                c.canonical = j;
                c.kind = ActorKind::Organization;
            }
        }
        // "foreign states" is a nominal of kind state, but no state to refer back to.
        let is_state = |s: &str| matches!(lex.names.get(s), Some(Entry::State { .. }));
        // (A plain word dropped here may still be kept by the list pass below.)
        let named = match &c.state {
            Some(st) => Some(st.clone()),
            None if c.kind == ActorKind::State && is_state(&c.canonical) => Some(c.canonical.clone()),
            None => None,
        };
        if let Some(st) = named {
            if sent_state.is_none() {
                sent_state = Some((c.sent, st.clone()));
            }
            last_state = Some(st);
        }
    }
    list_names(text, cands);
}

/// A capitalised word dropped for want of evidence but listed with a kept name ("Orgy, Velvet
/// Revolver, and Linkin Park", "Boeing, Embraer and Bombardier") is a name of the same kind.
/// Two rounds carry the evidence along a list.
fn list_names(text: &str, cands: &mut [Cand]) {
    let listed = |a: &Cand, b: &Cand| -> bool {
        a.sent == b.sent
            && a.e <= b.s
            && matches!(text[a.e..b.s].trim(), "," | "and" | ", and" | "or" | ", or" | "&" | "/")
    };
    let keeps = |c: &Cand| -> bool {
        !c.drop
            && c.mention == Mention::Name
            && c.kind != ActorKind::State
            && c.canonical.chars().next().is_some_and(char::is_uppercase)
    };
    for _ in 0..2 {
        for x in 0..cands.len() {
            if !cands[x].drop || !matches!(cands[x].pending, Pending::Single { weak: false, .. }) {
                continue;
            }
            let prev = x.checked_sub(1).filter(|&p| keeps(&cands[p]) && listed(&cands[p], &cands[x]));
            let next = Some(x + 1).filter(|&n| n < cands.len() && keeps(&cands[n]) && listed(&cands[x], &cands[n]));
            if let Some(y) = prev.or(next) {
                let kind = cands[y].kind;
                let c = &mut cands[x];
                c.drop = false;
                c.kind = kind;
                c.rule = "list-name";
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment;

    fn run(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new("t", text, None).unwrap();
        let sents = segment::sentences(&doc);
        ActorExtractor::new()
            .actors(&doc, &sents)
            .into_iter()
            .map(|a| {
                let at = a.actor().unwrap().clone();
                (a.quote, at.kind.as_str().to_string(), at.canonical)
            })
            .collect()
    }

    #[test]
    fn smoke() {
        let r =
            run("France suspended cooperation with Mali after Malian authorities detained Yann Vezilier in Bamako.");
        let q: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(q, vec!["France", "Mali", "Malian authorities", "Yann Vezilier"], "{r:?}");
    }
}
