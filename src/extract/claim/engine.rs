//! Cue frames: finding reporting cues in one sentence's tokens and the source, content and
//! target each cue takes, by word-order rules rather than a parser.
//!
//! Owns: the constructions of GUIDELINES.md's CLAIM section (indirect and direct speech,
//! trailing and inverted cues, "according to", "told", "accused Y of", "dismissed Y as",
//! passives, participles after a comma, noun cues). It must not: convert offsets, make
//! annotations or resolve sources to actors (that is `mod.rs`).

use super::lexicon::{Form, Frame, Lexicon, WordInfo};
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
    pub fn before_cue(
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

/// The analysis of one sentence.
pub struct Sentence<'t, 'a> {
    pub t: &'t [Tok<'a>],
    pub lex: &'t Lexicon,
    /// Per token, looked up once: the cue verb form, and what else the lexicons say of it.
    forms: Vec<Option<(usize, Form)>>,
    pub info: Vec<WordFlags>,
    /// Some token is a noun cue or starts an "according to" phrase.
    trigger: bool,
}

/// What a token is besides a cue verb form (from [`WordInfo`]).
#[derive(Clone, Copy, Default)]
pub struct WordFlags {
    pub function: bool,
    pub noun: bool,
    pub according: bool,
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
    pub fn headline(&self) -> bool {
        let words = self.t.iter().filter(|t| t.is_word()).count();
        let caps = self.t.iter().filter(|t| t.is_cap()).count();
        words >= 4 && caps * 10 >= words * 7
    }

    pub fn n(&self) -> usize {
        self.t.len()
    }
    pub fn low(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.low()).unwrap_or("")
    }
    pub fn is_fn(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|f| f.function)
    }
    pub fn punct(&self, i: usize, c: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }
    pub fn is_dash(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && matches!(t.text, "—" | "–" | "-" | "―"))
    }
    /// A cue verb in a finite or participial form (said, says, saying...).
    pub fn verb_form(&self, i: usize) -> Option<(usize, Form)> {
        self.forms.get(i).copied().flatten()
    }

    /// True when nothing but punctuation and closing quotes remains from `r`.
    pub fn at_end(&self, r: usize) -> bool {
        self.t[r.min(self.n())..].iter().all(|t| !t.is_word())
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

    /// Fills participle sources from the sentence's subject, ends open content at the next
    /// cue's boundary, and merges a denial with the participle that carries its content.
    pub fn resolve(&self, cands: &mut Vec<Cand>) {
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

pub fn n_minus(n: usize) -> usize {
    n.saturating_sub(1)
}
