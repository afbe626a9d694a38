//! Evidential adverbs: "reportedly", "allegedly" mark a proposition as someone's report
//! without naming who reports it.
//!
//! Covers (GUIDELINES.md, CLAIM: a claim whose source is unnamed has `source` = null, as in
//! "it was reported that"): "The FBI is reportedly making arrangements to ...", "Google
//! and Facebook have reportedly looked at Twitter", "the gun he allegedly used", and
//! "Reportedly, C" opening a sentence. The content is the predicate the adverb stands
//! before (the cue is not in it). It must not: take the adverb inside a noun phrase ("the
//! allegedly stolen car"), before a participle after a comma ("..., allegedly involving a
//! small group" -- a modifier inside another claim's content), or give a source.

use crate::extract::claim::engine::{n_minus, Cand, Rule, Sentence, Verdict};
use crate::extract::claim::lexicon::Frame;
use crate::extract::claim::words::{AUX, DETERMINERS};
use crate::model::Stance;

/// The evidential adverbs, with the stance of the report they mark.
pub fn evidential(w: &str) -> Option<Stance> {
    match w {
        "reportedly" | "purportedly" | "reputedly" | "supposedly" => Some(Stance::Assert),
        "allegedly" => Some(Stance::Accuse),
        _ => None,
    }
}

/// "X (is|has|was) reportedly V ...", "X allegedly V-ed ...", "Reportedly, C": the adverb
/// at token `i` after a subject or an auxiliary and before a verb, or opening the sentence
/// before a comma.
pub const EVIDENTIAL: Rule<usize> = Rule { name: "evidential-adverb", apply: evidential_adverb };
fn evidential_adverb(s: &Sentence<'_, '_>, &i: &usize) -> Verdict {
    let Some(stance) = evidential(s.low(i)) else {
        return Verdict::Pass;
    };
    let n = s.n();
    let first = s.t.iter().position(|t| t.is_word());
    if first == Some(i) {
        // "Reportedly, he made ...": the rest of the sentence.
        if !s.punct(i + 1, ",") || s.at_end(i + 2) {
            return Verdict::Veto;
        }
        let cand = Cand::after_cue((i, i), None, (i + 2, n_minus(n)), None, stance, Frame::Speech);
        return Verdict::Claim(cand);
    }
    let Some(l) = i.checked_sub(1) else {
        return Verdict::Veto;
    };
    let left = &s.t[l];
    let next = s.low(i + 1);
    let verb_next =
        s.t.get(i + 1).is_some_and(|t| t.is_word() && !t.is_cap()) && !s.is_fn(i + 1) && !DETERMINERS.contains(&next)
            || AUX.contains(&next)
            || next == "been";
    let after_aux = AUX.contains(&left.low());
    // A subject word before: a noun or a pronoun, not a determiner, a preposition or a comma.
    let after_subject = left.is_word() && !DETERMINERS.contains(&left.low()) && !s.is_fn(l);
    // ", allegedly involving": a participle without an auxiliary modifies a noun.
    let bare_participle = !after_aux && next.ends_with("ing");
    if !verb_next || !(after_aux || after_subject) || bare_participle || s.at_end(i + 2) {
        return Verdict::Veto;
    }
    Verdict::Claim(Cand::after_cue((i, i), None, (i + 1, n_minus(n)), None, stance, Frame::Speech))
}
