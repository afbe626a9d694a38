//! Inverted and trailing cues: the cue stands after its content or before its source.
//!
//! Covers (GUIDELINES.md, CLAIM: trailing and inverted cues): "Said Ellis: C" (a sentence
//! opening with the cue), "C, said the ministry." / "“C,” says Smith." (source after the
//! cue), and "C, X said." / "“C,” he said, adding ..." (content before subject and cue).
//! It must not: take content after a cue whose subject precedes it (`subject_cue.rs`), or a
//! quote in an earlier sentence (`quotes.rs`).

use crate::extract::claim::engine::{n_minus, Cand, Rule, Sentence, SubjectAt, VerbAt, Verdict};
use crate::extract::claim::lexicon::{Form, Frame};
use crate::extract::claim::rules::subject_cue::content_after;
use crate::extract::claim::tokens::Kind;
use crate::extract::claim::words::{is_time_word, pronoun_base, DETERMINERS};

/// Finite auxiliaries: one inside the words after a cue makes them a clause, not a source.
const AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "must", "should", "has", "have", "had", "is", "are", "was", "were",
];

/// "Said Ellis: “...”": a sentence opening with a capitalised past speech verb, its source
/// and a colon or comma; such an opening is nothing else.
pub const CUE_FIRST: Rule<VerbAt> = Rule { name: "cue-first", apply: cue_first };
fn cue_first(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let verb = c.verb(s);
    if !(c.i == 0 && s.t[0].is_cap() && c.form == Form::Past && matches!(verb.frame, Frame::Speech)) {
        return Verdict::Pass;
    }
    let Some(np) = s.np_fwd(1, 8) else {
        return Verdict::Veto;
    };
    let k = np.b + 1;
    if (s.punct(k, ":") || s.punct(k, ",")) && !s.at_end(k + 1) {
        let content = (k + 1, n_minus(s.n()));
        return Verdict::Claim(Cand::after_cue((0, 0), Some(np), content, None, verb.stance, Frame::Speech));
    }
    Verdict::Veto
}

/// Inverted: "..., said the ministry." / "“...,” says Smith.": a speech verb after a comma
/// or a closing quote, its source right after it and then the end (or a comma, or "who").
pub const INVERTED: Rule<VerbAt> = Rule { name: "inverted", apply: inverted };
fn inverted(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let Some(l) = c.left else {
        return Verdict::Pass;
    };
    let tl = &s.t[l];
    // "“How big is that wall?” asked the boy": right after a double closing mark, a verb that
    // takes a question ("ask", "wonder") is inverted as speech verbs are.
    let asked = tl.kind == Kind::Close && tl.is_double_quote() && c.verb(s).interrogative;
    if !((tl.is_punct(",") || tl.kind == Kind::Close) && l > 0 && (c.frame == Frame::Speech || asked)) {
        return Verdict::Pass;
    }
    // "..., said she turned out": a pronoun opening a clause is no inverted source.
    let Some(mut np) = s.np_fwd(c.r0, 10).filter(|np| np.a == np.b || pronoun_base(s.low(np.a)).is_none()) else {
        return Verdict::Pass;
    };
    // "“...,” Mr. Guerrero, who is an actor, said of Mr. Trump", "..., Rhodes, an adviser,
    // said Sunday": after an apposition's comma the words after the cue are an adjunct, a
    // time or a clause, not an inverted source (a source opens with a name, a determiner or a
    // noun, and holds no auxiliary). The claim stands; its source is the subject before the
    // apposition, or none.
    if s.is_fn(np.a) && !s.t[np.a].is_cap() && !DETERMINERS.contains(&s.low(np.a))
        || np.a == np.b && is_time_word(s.low(np.a))
        || (np.a..=np.b).any(|k| {
            !s.t[k].is_cap()
                && (AUXILIARIES.contains(&s.low(k)) || s.verb_form(k).is_some_and(|(_, f)| matches!(f, Form::Past)))
        })
    {
        let subject = s.subject_of(c).map(|at| at.np);
        let e = if tl.is_punct(",") && l > 0 { l - 1 } else { l };
        let e = match subject {
            // "Cornyn, the No. 2 Republican, said the chamber will vote": the subject opens
            // the sentence, the content follows the cue.
            // "In a statement, Jordan, a panel member, said ...": after an opening adjunct too.
            Some(np) if np.a == 0 || s.punct(np.a - 1, ",") && s.intro_adjunct(np.a - 1) => {
                return match content_after(s, c) {
                    Some((start, target)) => Verdict::Claim(Cand::after_cue(
                        c.cue(),
                        subject,
                        (start, n_minus(s.n())),
                        target,
                        c.stance,
                        c.frame,
                    )),
                    None => Verdict::Pass,
                };
            }
            // The content ends before the subject and its apposition.
            Some(np) if tl.is_punct(",") && np.a <= e => {
                let before = np.a - 1;
                if s.punct(before, ",") || s.t[before].kind == Kind::Close {
                    before.saturating_sub(usize::from(s.punct(before, ",")))
                } else {
                    return Verdict::Pass;
                }
            }
            _ => e,
        };
        return Verdict::Claim(Cand::before_cue(c.cue(), subject, (0, e), c.stance, c.frame, Some(l)));
    }
    // "..., said Dan Golvach when asked about ...": a subordinate clause ends the source.
    if let Some(k) = (np.a + 1..=np.b).find(|&k| SUBORDINATORS.contains(&s.low(k))) {
        np.b = k - 1;
    }
    let after = s.skip_adjuncts(np.b + 1);
    let after = if c.frame == Frame::Tell { s.skip_adjuncts(s.skip_object(after)) } else { after };
    // Right after a closing quote ("“...,” said X ..."), the order is unambiguous: the source
    // is the phrase after the cue whatever follows it ("said one owner of a shop that sells
    // ...", "said the base chief known as Bob").
    // Not when a finite verb follows the phrase: "“...,” state Sen. Jill Schupp said" has its cue
    // there.
    // A double closing mark (or the two apostrophes some papers use for one), not a single
    // mark, which may be an apostrophe.
    let double = tl.is_double_quote();
    let quoted = tl.kind == Kind::Close
        && double
        && !s.t[c.i].is_cap()
        && (s.t[np.a].is_cap() || DETERMINERS.contains(&s.low(np.a)))
        && (np.b + 1..(np.b + 4).min(s.n()))
            .all(|k| !s.verb_form(k).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Third)));
    if s.at_end(after)
        || s.punct(after, ",")
        || matches!(s.low(after), "who" | "which")
        || SUBORDINATORS.contains(&s.low(after)) && tl.kind == Kind::Close
        || quoted
    {
        let e = if tl.is_punct(",") && l > 0 { l - 1 } else { l };
        return Verdict::Claim(Cand::before_cue(c.cue(), Some(np), (0, e), c.stance, c.frame, Some(l)));
    }
    Verdict::Pass
}

/// Words opening a subordinate clause after an inverted source ("said X when asked").
const SUBORDINATORS: &[&str] = &["when", "while", "after", "before", "because", "during", "since"];

/// Trailing: "C, X said." / "“C,” he said, adding ...": a speech or tell verb whose subject
/// follows a comma, a closing quote or a dash, with nothing after the cue but adjuncts, an
/// object of "told", or a short phrase after a quote ("“...,” Melanie said to the TV.").
pub const TRAILING: Rule<SubjectAt> = Rule { name: "trailing", apply: trailing };
fn trailing(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let (c, subj, subj_left) = (&at.v, at.np, at.left);
    let frame = c.frame;
    let r = s.skip_adjuncts(c.r0);
    let r_obj = if frame == Frame::Tell { s.skip_adjuncts(s.skip_object(r)) } else { r };
    // "“...,” Melanie said to the TV.": a short phrase after a final cue.
    let after_quote =
        subj_left.is_some_and(|sl| s.t[sl].kind == Kind::Close || sl >= 1 && s.t[sl - 1].kind == Kind::Close);
    let r_obj = if frame == Frame::Speech
        && after_quote
        && matches!(s.low(r_obj), "to" | "about" | "with" | "from" | "of")
        && (r_obj + 1..(r_obj + 13).min(s.n() + 1)).any(|k| s.at_end(k))
        && !(r_obj + 1..s.n()).any(|k| s.low(k) == "that" || s.t[k].kind == Kind::Open)
    {
        (r_obj + 1..=s.n()).find(|&k| s.at_end(k)).unwrap_or(r_obj)
    } else {
        r_obj
    };
    let Some(sl) = subj_left else {
        return Verdict::Pass;
    };
    let tl = &s.t[sl];
    let sep = tl.is_punct(",") || tl.kind == Kind::Close || s.is_dash(sl);
    // "“...,” Obama told a town hall meeting in Tokyo on Wednesday.": after a double closing
    // mark, "told" and its addressee end the clause whatever the addressee's length, unless
    // "that" or a new quote brings content of its own.
    let told_after_quote = frame == Frame::Tell
        && tl.kind == Kind::Close
        && tl.is_double_quote()
        && !(c.r0..s.n()).any(|k| s.low(k) == "that" || s.t[k].kind == Kind::Open);
    // "“...,” she said in Iowa earlier this year in response to a voter's question.": after
    // a double closing mark, adjuncts of any length end the sentence when no clause follows
    // the cue (no "that", no quote, no finite verb).
    let said_after_quote = frame == Frame::Speech
        && tl.kind == Kind::Close
        && tl.is_double_quote()
        // Spoken words end with their own punctuation ("idea,”"); scare quotes do not.
        && sl >= 1
        && s.t[sl - 1].kind == Kind::Punct
        && matches!(s.t[sl - 1].text, "," | "." | "?" | "!")
        && !(c.r0..s.n()).any(|k| {
            s.low(k) == "that"
                || s.t[k].kind == Kind::Open
                || s.punct(k, ",")
                || AUXILIARIES.contains(&s.low(k))
                || s.verb_form(k).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Third))
        });
    if sep
        && matches!(frame, Frame::Speech | Frame::Tell)
        && (told_after_quote
            || said_after_quote
            || s.at_end(r_obj)
            || s.punct(r_obj, ",")
                && s.t.get(r_obj + 1).is_none_or(|t| t.lower != "that")
                && (!s.t.get(r_obj + 1).is_some_and(|t| t.kind == Kind::Open)
                    || sl >= 1 && (tl.kind == Kind::Close || s.t[sl - 1].kind == Kind::Close)))
        && sl > 0
    {
        let e = if tl.is_punct(",") || s.is_dash(sl) { sl - 1 } else { sl };
        return Verdict::Claim(Cand::before_cue(c.cue(), Some(subj), (0, e), c.stance, frame, Some(sl)));
    }
    Verdict::Pass
}
