//! Noun cues and "according to": the reporting word is a noun or a prepositional phrase.
//!
//! Covers (GUIDELINES.md, CLAIM: "according to", noun cues): "C, according to X" and
//! "According to X, C"; "the allegation that C", "X's claim that C", "his claim that C";
//! "on charges of plotting a coup", "earlier promises to return ..." (an accusation noun
//! with "of" and a gerund, an announcing or warning noun with "to" and a verb); "In a CBS
//! News poll released Monday, C" (a survey as the source of its findings). It must not:
//! take a relative clause after a noun ("the claims that were made") or a noun without
//! "that", "of" + gerund or "to" + verb after it.

use crate::extract::claim::engine::{n_minus, AccordingAt, Cand, NounAt, Np, Rule, Sentence, Verdict};
use crate::extract::claim::lexicon::Frame;
use crate::extract::claim::tokens::Kind;
use crate::extract::claim::words::*;
use crate::model::Stance;

/// "C, according to X": the phrase after words of a clause; the content is everything
/// before it. Nothing but punctuation before: no claim.
pub const ACCORDING_TO_AFTER: Rule<AccordingAt> = Rule { name: "according-to-after", apply: according_to_after };
fn according_to_after(s: &Sentence<'_, '_>, at: &AccordingAt) -> Verdict {
    let i = at.i;
    let has_before = (0..i).any(|k| s.t[k].is_word() && !CLAUSE_START.contains(&s.low(k)));
    if !has_before {
        return Verdict::Pass;
    }
    let mut e = i;
    while e > 0 && !s.t[e - 1].is_word() && s.t[e - 1].kind != Kind::Close {
        e -= 1;
    }
    if e == 0 {
        return Verdict::Veto;
    }
    let cue = (i, i + at.len - 1);
    Verdict::Claim(Cand::before_cue(cue, at.src, (0, e - 1), Stance::Assert, Frame::Speech, Some(i.saturating_sub(1))))
}

/// "According to X, C": the phrase opening the sentence (after clause words at most); the
/// content follows its source.
pub const ACCORDING_TO_BEFORE: Rule<AccordingAt> = Rule { name: "according-to-before", apply: according_to_before };
fn according_to_before(s: &Sentence<'_, '_>, at: &AccordingAt) -> Verdict {
    let n = s.n();
    let mut k = at.src.map(|np| np.b + 1).unwrap_or(at.i + at.len);
    while k < n && s.t[k].is_punct(",") {
        k += 1;
    }
    if s.at_end(k) {
        return Verdict::Veto;
    }
    let cue = (at.i, at.i + at.len - 1);
    Verdict::Claim(Cand::after_cue(cue, at.src, (k, n - 1), None, Stance::Assert, Frame::Speech))
}

/// "on charges of plotting a coup", "earlier promises to return the country ...": an
/// accusation noun with "of" and a gerund, or an announcing or warning noun with "to" and a
/// verb; the content runs to the next comma or semicolon. The source is a possessive before
/// the noun, or for "to" the sentence's subject.
pub const NOUN_OF_TO: Rule<NounAt> = Rule { name: "noun-of-to", apply: noun_of_to };
fn noun_of_to(s: &Sentence<'_, '_>, at: &NounAt) -> Verdict {
    let (i, stance) = (at.i, at.stance);
    let of_ing = s.low(i + 1) == "of"
        && matches!(stance, Stance::Accuse)
        && s.low(i + 2).ends_with("ing")
        && s.low(i + 2).len() > 4;
    let to_inf = s.low(i + 1) == "to"
        && matches!(stance, Stance::Announce | Stance::Warn)
        && s.t.get(i + 2).is_some_and(|t| t.is_word() && !t.is_cap() && !s.is_fn(i + 2));
    if !(of_ing || to_inf) {
        return Verdict::Pass;
    }
    let source = if s.t[i - 1].kind == Kind::Possessive && i >= 2 {
        s.np_back(i - 2)
    } else if POSSESSIVE_PRONOUNS.contains(&s.low(i - 1)) {
        Some(Np { a: i - 1, b: i - 1, pronoun: true })
    } else if to_inf {
        s.np_initial(i)
    } else {
        None
    };
    let end = (i + 2..s.n()).find(|&k| s.punct(k, ",") || s.punct(k, ";")).map_or(n_minus(s.n()), |k| k - 1);
    let cand = Cand::after_cue((i, i), source, (i + 2, end), None, stance, Frame::Object);
    Verdict::Claim(Cand { open_right: false, ..cand })
}

/// A noun cue followed by "that" ("the allegation that ...", "X's claim that ..."), after a
/// determiner, a possessive, a form of "be" or a content word; not a relative clause ("the
/// claims that were made").
pub const NOUN_THAT: Rule<NounAt> = Rule { name: "noun-that", apply: noun_that };
fn noun_that(s: &Sentence<'_, '_>, at: &NounAt) -> Verdict {
    let (i, stance) = (at.i, at.stance);
    if s.low(i + 1) != "that" {
        return Verdict::Veto;
    }
    let p = &s.t[i - 1];
    let ok = p.kind == Kind::Possessive
        || DETERMINERS.contains(&p.low())
        || BE.contains(&p.low())
        || p.is_word() && !s.is_fn(i - 1) && !PRONOUNS.contains(&p.low());
    if !ok || s.at_end(i + 2) {
        return Verdict::Veto;
    }
    // "that" followed by a verb-like word is a relative clause ("the claims that were made").
    let w = s.low(i + 2);
    if AUX.contains(&w) || matches!(w, "was" | "were" | "is" | "are") {
        return Verdict::Veto;
    }
    let source = if p.kind == Kind::Possessive && i >= 2 {
        s.np_back(i - 2)
    } else if POSSESSIVE_PRONOUNS.contains(&p.low()) {
        // "his claim that": the possessive pronoun names the source.
        Some(Np { a: i - 1, b: i - 1, pronoun: true })
    } else {
        None
    };
    Verdict::Claim(Cand::after_cue((i, i), source, (i + 2, n_minus(s.n())), None, stance, Frame::Speech))
}

/// A noun naming a survey or a study, whose findings it reports ("In a CNN poll, C").
fn survey_noun(w: &str) -> bool {
    matches!(w, "poll" | "polls" | "survey" | "surveys" | "study" | "studies" | "census" | "exit-poll")
}

/// "In an NBC News/Wall Street Journal poll released Monday, C", "In the most recent
/// YouGov/Economist survey, C": "In" opening the sentence, then a noun phrase with a
/// determiner or a possessive whose noun is a survey, then a comma: the survey is the
/// source of the clause after the comma (as with "According to X, C"). The phrase ends at
/// the first comma, within a dozen words.
pub const IN_SURVEY: Rule<AccordingAt> = Rule { name: "in-survey", apply: in_survey };
fn in_survey(s: &Sentence<'_, '_>, at: &AccordingAt) -> Verdict {
    let i = at.i;
    let first = s.t.iter().position(|t| t.is_word());
    if first != Some(i) || s.low(i) != "in" {
        return Verdict::Pass;
    }
    let n = s.n();
    let Some(k) =
        (i + 1..(i + 14).min(n)).find(|&k| !(s.t[k].is_word() || s.t[k].kind == Kind::Possessive || s.punct(k, "/")))
    else {
        return Verdict::Pass;
    };
    let det = DETERMINERS.contains(&s.low(i + 1))
        || POSSESSIVE_PRONOUNS.contains(&s.low(i + 1))
        || (i + 2..k).any(|j| s.t[j].kind == Kind::Possessive);
    if !s.punct(k, ",") || !det || !(i + 2..k).any(|j| survey_noun(s.low(j))) || s.at_end(k + 1) {
        return Verdict::Pass;
    }
    let src = Np { a: i + 1, b: k - 1, pronoun: false };
    // "In a Quinnipiac poll, conducted March 11-13, C": a participle between commas still
    // describes the survey; "In the survey, however, C": a sentence adverb.
    let mut c = k + 1;
    if matches!(s.low(c), "conducted" | "released" | "published" | "taken" | "carried") {
        match (c + 1..(c + 14).min(n)).find(|&j| s.punct(j, ",")) {
            Some(j) => c = j + 1,
            None => return Verdict::Pass,
        }
    } else if matches!(s.low(c), "however" | "though" | "meanwhile") && s.punct(c + 1, ",") {
        c += 2;
    }
    if s.at_end(c) {
        return Verdict::Pass;
    }
    Verdict::Claim(Cand::after_cue((i, i), Some(src), (c, n - 1), None, Stance::Assert, Frame::Speech))
}
