//! Subject cues: a reporting verb after its subject, the content after it ("X said (that)
//! C", "X told Y C", "X denied C", "X accused Y of C", "As X observed, C", "X promised ...
//! and said C", "the poll found C", "voters see X as C").
//!
//! Covers (GUIDELINES.md, CLAIM: indirect and direct speech, "told", "accused Y of",
//! "dismissed Y as"): the vetoes of a subject that is none or does not open a clause, the
//! subject cue itself by frame, and where a verb's content starts and what it may be
//! (`take_content`, `content_start`, `content_ok`, shared with the participles). It must
//! not: take content before the cue (`inverted.rs`), passives (`passive.rs`) or quotes
//! across sentences (`quotes.rs`).

use crate::extract::claim::engine::{n_minus, Cand, Np, Rule, Sentence, SubjectAt, VerbAt, Verdict};
use crate::extract::claim::lexicon::{Form, Frame, Verb};
use crate::extract::claim::tokens::Kind;
use crate::extract::claim::words::*;

/// Finite auxiliaries: one after a fronted phrase shows a clause follows.
const VERB_FINITE_AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "must",
    "should", "did", "does",
];

/// Where the content after the verb cue `c` starts, and its target, when there is content
/// there at all (not the end, not a comma).
pub fn content_after(s: &Sentence<'_, '_>, c: &VerbAt) -> Option<(usize, Option<(usize, usize)>)> {
    let (mut start, target) = s.take_content(c.r0, c.frame, c.verb(s))?;
    // "reported, according to an analysis of ..., that C": the source's own attribution is
    // an adjunct of the cue, not the start of its content.
    if s.punct(start, ",") && s.low(start + 1) == "according" {
        start += 1;
    }
    if s.low(start) == "according" && s.low(start + 1) == "to" {
        let comma = (start + 2..(start + 24).min(s.n())).find(|&k| s.punct(k, ","))?;
        start = if s.low(comma + 1) == "that" { comma + 2 } else { comma + 1 };
    }
    if start >= s.n() || s.at_end(start) || s.punct(start, ",") {
        return None;
    }
    Some((start, target))
}

/// Coordinated with an earlier verb: "X promised ... and said C" (the source is the
/// sentence's subject, filled in by the engine).
pub const COORDINATED: Rule<VerbAt> = Rule { name: "coordinated", apply: coordinated };
fn coordinated(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let Some(mut l) = c.left else {
        return Verdict::Pass;
    };
    // "... but on Tuesday wrote that C": a time adjunct between the conjunction and the verb.
    if is_time_word(s.low(l)) {
        let mut k = l;
        while k > 0 && (is_time_word(s.low(k)) || matches!(s.low(k), "on" | "in" | "last" | "this" | "early" | "late"))
        {
            k -= 1;
        }
        if k < l && matches!(s.low(k), "and" | "but") {
            l = k;
        }
    }
    if !(matches!(s.low(l), "and" | "but") && matches!(c.form, Form::Past | Form::Third) && !c.be) {
        return Verdict::Pass;
    }
    match content_after(s, c) {
        Some((start, target)) => {
            let content = (start, n_minus(s.n()));
            let cand = Cand::after_cue(c.cue(), None, content, target, c.stance, c.frame);
            Verdict::Claim(Cand { boundary: Some(l), ..cand })
        }
        None => Verdict::Veto,
    }
}

/// A determiner alone, or a subject made only of a short lower-case word, is no subject.
pub const BARE_SUBJECT: Rule<SubjectAt> = Rule { name: "bare-subject", apply: bare_subject };
fn bare_subject(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let subj = at.np;
    // One lower-case word that is no head: too short to be a noun, or a hyphenated modifier
    // left of a noun-like cue ("late-night tweets"; not a share, "three-quarters say").
    let w = s.low(subj.b);
    let modifier = w.contains('-') && !w.ends_with('s');
    if subj.a == subj.b
        && !subj.pronoun
        && !s.t[subj.b].is_cap()
        && !s.lex.heads.contains_key(s.low(subj.b))
        && (w.len() < 3 || modifier)
    {
        Verdict::Veto
    } else {
        Verdict::Pass
    }
}

/// Verbs of regarding (label frame), a cue only with "as" and a predicate.
pub const REGARDING: &[&str] = &["see", "view", "regard"];

/// The subject must start a clause (unless it is a relative pronoun's antecedent).
pub const MID_CLAUSE: Rule<SubjectAt> = Rule { name: "subject-mid-clause", apply: mid_clause };
fn mid_clause(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    if let Some(mut sl) = at.left.filter(|_| !at.relative) {
        // "At least a dozen members told", "more than 20 lawmakers said": a quantity
        // modifier before a counted subject belongs to it; the clause starts before it.
        let quantity = sl >= 1
            && match s.low(sl) {
                "least" | "most" => s.low(sl - 1) == "at",
                "than" => matches!(s.low(sl - 1), "more" | "fewer" | "less"),
                "to" => s.low(sl - 1) == "up",
                _ => false,
            };
        if quantity {
            match sl.checked_sub(2) {
                Some(k) => sl = k,
                None => return Verdict::Pass,
            }
        }
        let tl = &s.t[sl];
        let ok = !tl.is_word()
            || CLAUSE_START.contains(&tl.low())
            || s.is_fn(sl)
            || tl.kind == Kind::Possessive
            || tl.is_cap()
            || s.lex.heads.contains_key(tl.low());
        if !ok {
            return Verdict::Veto;
        }
    }
    Verdict::Pass
}

/// "As Mr. Bown observed, in the early days ...": the main clause is the content.
pub const AS_CUE: Rule<SubjectAt> = Rule { name: "as-cue", apply: as_cue };
fn as_cue(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let c = &at.v;
    if !(at.left.is_some_and(|sl| s.low(sl) == "as") && matches!(c.frame, Frame::Speech | Frame::Tell)) {
        return Verdict::Pass;
    }
    let rc = s.skip_adjuncts(c.r0);
    let rc = if c.frame == Frame::Tell { s.skip_object(rc) } else { rc };
    if s.punct(rc, ",") && !s.at_end(rc + 1) {
        let content = (rc + 1, n_minus(s.n()));
        return Verdict::Claim(Cand::after_cue(c.cue(), Some(at.np), content, None, c.stance, c.frame));
    }
    Verdict::Pass
}

/// "X said (that) C", "X told reporters C": a speech verb after its subject.
pub const SUBJECT_CUE: Rule<SubjectAt> = Rule { name: "subject-cue", apply: subject_cue };
fn subject_cue(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    if at.v.frame != Frame::Speech {
        return Verdict::Pass;
    }
    subject_claim(s, at)
}

/// Nouns naming research whose result a text reports ("the poll found").
const FINDINGS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "investigation",
    "analysis",
    "review",
    "audit",
    "inquiry",
    "probe",
    "paper",
    "research",
    "census",
];

/// "A poll released Wednesday found Clinton leading Trump by 15 points", "the survey finds
/// most voters undecided": a poll, study or report's finding (GUIDELINES.md, CLAIM: a poll
/// or report is the source), its content a clause or a small clause without "that". Other
/// subjects of find keep needing "that" ("he found the keys" reports nothing).
pub const FINDING: Rule<SubjectAt> = Rule { name: "finding", apply: finding };
fn finding(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let c = &at.v;
    if c.verb(s).lemma != "find"
        || c.cue_end != c.i
        || !matches!(c.form, Form::Past | Form::Third)
        || at.np.pronoun
        || !(at.np.a..=at.np.b).any(|k| FINDINGS.contains(&s.low(k)))
    {
        return Verdict::Pass;
    }
    let start = s.skip_adjuncts(c.r0);
    if s.low(start) == "that" || s.t.get(start).is_none_or(|t| !t.is_word()) || s.at_end(start + 1) {
        return Verdict::Pass;
    }
    Verdict::Claim(Cand::after_cue(c.cue(), Some(at.np), (start, n_minus(s.n())), None, c.stance, c.frame))
}

/// "X denied C", "X accused Y of C", "X dismissed Y as C", "X told Y C": a verb of the other
/// frames after its subject.
pub const SUBJECT_CUE_OBJECT: Rule<SubjectAt> = Rule { name: "subject-cue-object", apply: subject_cue_object };
fn subject_cue_object(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    if at.v.frame == Frame::Speech {
        return Verdict::Pass;
    }
    subject_claim(s, at)
}

/// The claim of a subject cue: content after the cue when it is a proposition
/// ([`Sentence::content_ok`]); verbs whose content is an object need a subject that can hold
/// a view. A subject cue with no such content reports nothing.
fn subject_claim(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let (c, subj) = (&at.v, at.np);
    let Some((start, target)) = content_after(s, c) else {
        return Verdict::Veto;
    };
    let mut cue = c.cue();
    if c.frame == Frame::Label && start >= 1 && s.low(start - 1) == "as" && start - 1 == c.cue_end + 1 {
        cue = (c.i, start - 1);
    }
    if !s.content_ok(&c.verb(s).lemma, c.frame, c.form, subj, start) {
        return Verdict::Veto;
    }
    // Verbs whose content is an object need a subject that can hold a view.
    let head = &s.t[subj.b];
    if matches!(c.frame, Frame::Object | Frame::Label | Frame::Accuse)
        && !subj.pronoun
        && !(subj.a..=subj.b).any(|k| s.t[k].is_cap() && (k == subj.b || !s.lex.demonyms.contains_key(s.t[k].low())))
        && !s.lex.heads.contains_key(head.low())
    {
        return Verdict::Veto;
    }
    let content = (start, n_minus(s.n()));
    Verdict::Claim(Cand::after_cue(cue, Some(subj), content, target, c.stance, c.frame))
}

impl Sentence<'_, '_> {
    /// Filters for content after a verb cue: a first-person hedge ("I think") is not an
    /// attribution, an infinitive follows only verbs of promising and asking, and a bare
    /// pronoun object ("said it") is no proposition.
    pub fn content_ok(&self, lemma: &str, frame: Frame, form: Form, subj: Np, start: usize) -> bool {
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
        // Negated cues ("didn't say", "does not think") report no claim; a negation inside a
        // relative clause between the subject and the cue is not the cue's ("Mrs. Clinton, who
        // did not say that ..., said on Wednesday that ...").
        // A negation inside a relative clause still open at the cue is the cue's ("X, who
        // did not announce").
        let mut relative = false;
        let mut negated = false;
        for k in subj.b + 1..start {
            if self.punct(k, ",") {
                if relative {
                    negated = false;
                }
                relative = matches!(self.low(k + 1), "who" | "which" | "whose");
                continue;
            }
            let w = self.low(k);
            if w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t") {
                if !relative {
                    return false;
                }
                negated = true;
            }
        }
        if negated {
            return false;
        }
        // "said about half", "spoke of Apple": a preposition right after the cue opens its
        // topic, not a proposition. After "that" it opens the clause ("said that for
        // decades critics had predicted ..."), when a clause follows (not "said that for years").
        // "said about half of the adjustment reflected ...": an approximator before a number
        // opens a subject, as after "that".
        // ("said about a book" keeps its topic: "a" alone is no number there.)
        let approximate =
            matches!(self.low(start), "about" | "over") && self.low(start + 1) != "a" && self.approximator(start);
        if matches!(self.low(start), "from" | "by" | "with" | "for" | "at" | "about" | "into" | "over" | "of")
            && !(start >= 1 && self.low(start - 1) == "that" && self.clause_after_pp(start))
            && !approximate
        {
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

    /// True when the word after `start` is a number ("about three-quarters", "over 40",
    /// "about $5"): `start` is then an approximator, not a preposition.
    fn approximator(&self, start: usize) -> bool {
        const NUMBERS: &[&str] = &[
            "half", "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
        ];
        let w = self.low(start + 1);
        let first = w.split(['-', '–']).next().unwrap_or("");
        w.starts_with(|c: char| c.is_ascii_digit() || c == '$') || NUMBERS.contains(&first)
    }

    /// True when a finite clause follows the prepositional phrase opening at `start`: a
    /// subject pronoun or an auxiliary within a dozen tokens, before any relative pronoun
    /// ("that for decades critics had ...", "that over the last days he has ..."; not "that
    /// for years", "that of Mr. Cruz, who was ...").
    fn clause_after_pp(&self, start: usize) -> bool {
        // "that about three-quarters of voters support ...", "that over 40 percent ...": an
        // approximator before a number opens a subject, not a topic.
        if matches!(self.low(start), "about" | "over") && self.approximator(start) {
            return true;
        }
        for k in start + 1..(start + 13).min(self.n()) {
            let w = self.low(k);
            if matches!(w, "who" | "which" | "whom" | "whose") || self.punct(k, ".") {
                return false;
            }
            if matches!(w, "he" | "she" | "they" | "we" | "it" | "i") || VERB_FINITE_AUX.contains(&w) {
                return true;
            }
        }
        false
    }

    /// Where the content after a verb cue starts: verbs that take no bare clause need "that",
    /// a colon, a quote, or for verbs of asking a question word; "told to leave" is an order,
    /// not a report.
    pub fn take_content(&self, r0: usize, frame: Frame, verb: &Verb) -> Option<(usize, Option<(usize, usize)>)> {
        let bare = verb.bare;
        if frame == Frame::Speech && !bare {
            let r = self.skip_adjuncts(r0);
            let r = self.that_after_adjunct(r0).or_else(|| self.that_after_addressee(r)).unwrap_or(r);
            let open = |k: usize| self.t.get(k).is_some_and(|t| t.kind == Kind::Open);
            return if self.low(r) == "that" {
                Some((if self.punct(r + 1, ",") { r + 2 } else { r + 1 }, None))
            } else if self.low(r) == "to" && TAKES_TO.contains(&verb.lemma.as_str()) {
                Some((r, None))
            } else if verb.interrogative && QUESTION_WORDS.contains(&self.low(r)) && !self.at_end(r + 1) {
                // "wondered whether C": the question, its complementiser included.
                Some((r, None))
            } else if self.punct(r, ":") {
                Some((r + 1, None))
            } else if open(r) {
                Some((r, None))
            } else if self.punct(r, ",") && open(r + 1) {
                Some((r + 1, None))
            } else if matches!(self.low(r), "he" | "she" | "they" | "we" | "i") && !self.at_end(r + 1) {
                // "brags he has held 100 town halls": a pronoun in the subject case opens a
                // clause (an object would be him, her, them, us, me), so the clause is bare.
                Some((r, None))
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
        // "voters see Sanders as electable": a verb of regarding reports a belief only with
        // "as" and its predicate, not a pronoun opening a clause ("saw him as he spoke").
        if REGARDING.contains(&verb.lemma.as_str()) {
            // The object may hold a title's full stop ("sees Mr. Netanyahu as").
            let abbreviation =
                |k: usize| self.punct(k, ".") && k > r0 && self.t[k - 1].is_cap() && self.t[k - 1].text.len() <= 3;
            let as_ = (r0..(r0 + 10).min(self.n()))
                .take_while(|&k| self.t[k].is_word() || self.t[k].kind == Kind::Possessive || abbreviation(k))
                .find(|&k| self.low(k) == "as")?;
            let next = self.t.get(as_ + 1)?;
            if as_ == r0
                || pronoun_base(next.low()).is_some()
                || matches!(next.low(), "well" | "soon" | "much" | "many" | "long")
            {
                return None;
            }
        }
        self.content_start(r0, frame)
    }

    /// Where the content after a cue starts, and the target, by frame.
    pub fn content_start(&self, r0: usize, frame: Frame) -> Option<(usize, Option<(usize, usize)>)> {
        let n = self.n();
        let r = self.skip_adjuncts(r0);
        let r = match frame {
            Frame::Speech => self.that_after_adjunct(r0).or_else(|| self.that_after_addressee(r)).unwrap_or(r),
            Frame::Tell => self.that_after_adjunct(r0).unwrap_or(r),
            _ => r,
        };
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
                // "portrayed Mr. Trump as": the stop of a title's abbreviation is no boundary.
                let stop = |k: usize| {
                    self.punct(k, ".")
                        && !(k > r0
                            && self.t[k - 1].is_cap()
                            && self.t[k - 1].text.len() <= 4
                            && self.t[k - 1].end == self.t[k].start)
                };
                let as_ = (r0..(r0 + 12).min(n))
                    .take_while(|&k| !stop(k) && !self.punct(k, ","))
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
}
