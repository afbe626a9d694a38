//! The claim rules' engine: one sentence's analysis, the scan for cues, and the boundaries
//! of what the rules found.
//!
//! Owns: the [`Rule`] type (a name and one function holding a rule's pattern, guard and
//! production) with its answer [`Verdict`]; the contexts rules are asked about (a token, a
//! reporting verb with its auxiliaries, the subject found left of it, a noun cue, an
//! "according to" phrase), built once per cue; the scan that asks the tables of `rules/` in
//! order at each token; and `resolve`, which ends open content at the next cue's boundary
//! and fills shared subjects. It must not: hold a rule (every construction is in a family
//! file of `rules/`), convert offsets, make annotations or resolve sources to actors (that is
//! `mod.rs`).
//!
//! A claim's provenance is the name of the rule that made it.

use super::lexicon::{Form, Frame, Lexicon, Verb, WordInfo};
use super::rules;
use super::tokens::{Kind, Tok};
use super::words::pronoun_base;
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
    /// A claim whose content follows its cue ("X said C"), open to the right until the next
    /// cue's boundary; the engine names the rule.
    pub fn after_cue(
        cue: (usize, usize),
        source: Option<Np>,
        content: (usize, usize),
        target: Option<(usize, usize)>,
        stance: Stance,
        frame: Frame,
    ) -> Cand {
        Cand {
            cue,
            source,
            content,
            target,
            stance,
            rule: "",
            frame,
            before: false,
            boundary: None,
            open_right: true,
            next: false,
            prev: false,
        }
    }

    /// A claim whose content comes before its cue ("C, X said"), closed on both sides.
    pub fn before_cue(
        cue: (usize, usize),
        source: Option<Np>,
        content: (usize, usize),
        stance: Stance,
        frame: Frame,
        boundary: Option<usize>,
    ) -> Cand {
        Cand { before: true, boundary, open_right: false, ..Cand::after_cue(cue, source, content, None, stance, frame) }
    }
}

/// What a rule answers when asked about a cue.
pub enum Verdict {
    /// The rule applies: this is the claim (its `rule` is filled in by the engine).
    Claim(Cand),
    /// The rule applies and rules the cue out: no claim here, whatever later rules say.
    Veto,
    /// The rule does not apply: the next one is asked.
    Pass,
}

/// One rule, as duckling and HeidelTime keep them: a name (the claim's provenance) and one
/// function that holds the rule's pattern (when it applies), its guard (when it vetoes
/// instead) and its production (the candidate's cue, source, content and target), asked
/// about a context `C`. The tables of `rules/mod.rs` order them.
pub struct Rule<C> {
    pub name: &'static str,
    pub apply: fn(&Sentence<'_, '_>, &C) -> Verdict,
}

/// A reporting verb at token `i`, with what its rules read around it.
#[derive(Clone, Copy, Debug)]
pub struct VerbAt {
    /// The verb's token.
    pub i: usize,
    /// Its entry in the lexicon's verbs, and which form it is.
    pub vi: usize,
    pub form: Form,
    /// Stance and frame, those of a phrasal cue ("point out") when one is listed.
    pub stance: Stance,
    pub frame: Frame,
    /// The cue's last token (the particle of a phrasal cue).
    pub cue_end: usize,
    /// The first token after the cue.
    pub r0: usize,
    /// The token left of the cue once auxiliaries and adverbs are skipped.
    pub left: Option<usize>,
    /// A form of "be" sits before the cue (a passive or a progressive).
    pub be: bool,
}

impl VerbAt {
    /// The verb's lexicon entry.
    pub fn verb<'l>(&self, s: &Sentence<'l, '_>) -> &'l Verb {
        &s.lex.verbs[self.vi]
    }
    /// The cue's token range.
    pub fn cue(&self) -> (usize, usize) {
        (self.i, self.cue_end)
    }
}

/// A reporting verb whose subject was found left of it.
#[derive(Clone, Copy, Debug)]
pub struct SubjectAt {
    pub v: VerbAt,
    /// The subject noun phrase.
    pub np: Np,
    /// The token before the subject.
    pub left: Option<usize>,
    /// The subject is the antecedent of a relative pronoun ("X, who said").
    pub relative: bool,
}

/// A noun cue at token `i` ("claim", "allegations") with its stance.
#[derive(Clone, Copy, Debug)]
pub struct NounAt {
    pub i: usize,
    pub stance: Stance,
}

/// An "according to" phrase at tokens `i..i + len` and the source after it.
#[derive(Clone, Copy, Debug)]
pub struct AccordingAt {
    pub i: usize,
    pub len: usize,
    pub src: Option<Np>,
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
    /// The previous sentence, on the same line, ends with a closing double quotation mark
    /// ("“...!” Clinton said to People." is two sentences); set by the caller.
    pub after_quote: bool,
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
            trigger |= w.noun || w.according || x.is_word() && rules::adverbs::evidential(x.low()).is_some();
        }
        Sentence { t, lex, forms, info, trigger, after_quote: false }
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

    /// Every candidate claim of the sentence, content boundaries resolved: at each token the
    /// families are asked in turn ("according to", a signed quote, a verb, a noun cue); the
    /// scan goes on after the cue of a claim found.
    pub fn candidates(&self) -> Vec<Cand> {
        let n = self.n();
        let mut out: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < n {
            let found = self
                .according_at(i)
                .or_else(|| self.signed_at(i))
                .or_else(|| self.verb_at(i))
                .or_else(|| self.noun_at(i))
                .or_else(|| self.adverb_at(i));
            match found {
                Some(c) => {
                    i = c.cue.1 + 1;
                    out.push(c);
                }
                None => i += 1,
            }
        }
        self.resolve(&mut out);
        out
    }

    /// Asks `rules` in order about `at`: the first that does not pass decides.
    fn run<C>(&self, rules: &[Rule<C>], at: &C) -> Verdict {
        for r in rules {
            match (r.apply)(self, at) {
                Verdict::Claim(mut c) => {
                    c.rule = r.name;
                    return Verdict::Claim(c);
                }
                Verdict::Veto => return Verdict::Veto,
                Verdict::Pass => {}
            }
        }
        Verdict::Pass
    }

    /// The claim of the rules in `rules`, when one of them makes one.
    fn claim<C>(&self, rules: &[Rule<C>], at: &C) -> Option<Cand> {
        match self.run(rules, at) {
            Verdict::Claim(c) => Some(c),
            _ => None,
        }
    }

    /// An "according to" phrase starting at `i`.
    fn according_at(&self, i: usize) -> Option<Cand> {
        if !self.info.get(i).is_some_and(|f| f.according) {
            return None;
        }
        let Some(phrase) = self.lex.according.iter().find(|p| p.iter().enumerate().all(|(k, w)| self.low(i + k) == w))
        else {
            // "In a CNN poll, C": "in" starts "in the words of" too, so it is flagged.
            return self.claim(rules::IN_PHRASE, &AccordingAt { i, len: 1, src: None });
        };
        let len = phrase.len();
        let at = AccordingAt { i, len, src: self.np_fwd(i + len, 12) };
        self.claim(rules::ACCORDING, &at)
    }

    /// A speaker's colon or a quote's signature dash at `i`.
    fn signed_at(&self, i: usize) -> Option<Cand> {
        if self.t.get(i)?.kind != Kind::Punct {
            return None;
        }
        self.claim(rules::SIGNED, &i)
    }

    /// A reporting verb at `i`: the verb's rules, then, when none decides, those of the
    /// subject left of it.
    fn verb_at(&self, i: usize) -> Option<Cand> {
        let (vi, form) = self.verb_form(i)?;
        let verb = &self.lex.verbs[vi];
        let (mut stance, mut frame) = (verb.stance, verb.frame);
        let mut cue_end = i;
        if let Some((s, f)) = self.lex.phrasal(&verb.lemma, self.low(i + 1)) {
            stance = s;
            frame = f;
            cue_end = i + 1;
        } else if self.low(i + 1) == "it" && self.low(i + 3) == "that" {
            // "made it clear that": the particle after an anticipatory "it".
            if let Some((s, f)) = self.lex.phrasal(&verb.lemma, self.low(i + 2)) {
                stance = s;
                frame = f;
                cue_end = i + 2;
            }
        }
        let (left, be) = self.skip_aux_left(i);
        // "They’re saying": the contracted be-form sits in the pronoun.
        let be = be
            || left.is_some_and(|l| {
                let w = self.low(l);
                pronoun_base(w).is_some()
                    && (w.ends_with("re") || w.ends_with("'s") || w.ends_with("’s") || w.ends_with('m'))
            });
        let at = VerbAt { i, vi, form, stance, frame, cue_end, r0: cue_end + 1, left, be };
        match self.run(rules::VERB, &at) {
            Verdict::Claim(c) => Some(c),
            Verdict::Veto => None,
            Verdict::Pass => self.claim(rules::SUBJECT, &self.subject_of(&at)?),
        }
    }

    /// An evidential adverb at `i` ("reportedly").
    fn adverb_at(&self, i: usize) -> Option<Cand> {
        rules::adverbs::evidential(self.low(i))?;
        self.claim(rules::ADVERB, &i)
    }

    /// A noun cue at `i`, with a word before it.
    fn noun_at(&self, i: usize) -> Option<Cand> {
        if !self.info.get(i).is_some_and(|f| f.noun) {
            return None;
        }
        let stance = *self.lex.nouns.get(self.low(i))?;
        if i == 0 {
            return None;
        }
        self.claim(rules::NOUN, &NounAt { i, stance })
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
        for c in cands.iter_mut().filter(|c| !c.before && c.frame != Frame::Object) {
            // "said the economy was growing, while polls show ...": a contrasting clause after
            // a comma is the writer's, not the source's.
            if let Some(k) = (c.content.0 + 1..c.content.1.min(n_minus(n)))
                .find(|&k| self.punct(k, ",") && matches!(self.low(k + 1), "while" | "whereas"))
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
