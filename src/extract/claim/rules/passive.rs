//! Passive and participial cues: the reporting verb is not the finite verb of its source.
//!
//! Covers (GUIDELINES.md, CLAIM: passives and participles after a comma): a reduced passive
//! after a comma reporting what precedes it ("The move, announced by a French source,
//! comes ..."), a participle whose source is the sentence's subject or a name just before it
//! (", saying C", "while insisting C", "footage of Trump saying C"), and true passives ("Y was
//! accused (by X) of C", "it was reported that C", "a national accused of spying"). It must
//! not: take a progressive ("is saying") or any finite cue (`subject_cue.rs`), or find the
//! sentence's subject itself (the engine's `resolve` fills a participle's source).

use super::subject_cue::content_after;
use crate::extract::claim::engine::{n_minus, Cand, Np, Rule, Sentence, VerbAt, Verdict};
use crate::extract::claim::lexicon::{Form, Frame};
use crate::extract::claim::words::{ADJUNCT_PREPS, PARTICIPLE_INTRO};
use crate::model::Stance;

/// "The move, announced by a French diplomatic source on Friday, comes ...", "France has
/// suspended ..., announced on September 19, ...": an announcing participle after a comma
/// reports what comes before it (the opening noun phrase when it starts the sentence).
pub const REDUCED_PASSIVE: Rule<VerbAt> = Rule { name: "reduced-passive", apply: reduced_passive };
fn reduced_passive(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let i = c.i;
    let applies = matches!(c.form, Form::Past | Form::Participle)
        && matches!(c.verb(s).stance, Stance::Announce)
        && i >= 2
        && s.t[i - 1].is_punct(",")
        && s.t[i - 2].is_word()
        && (s.low(i + 1) == "by" || ADJUNCT_PREPS.contains(&s.low(i + 1)));
    if !applies {
        return Verdict::Pass;
    }
    let source = if s.low(i + 1) == "by" { s.np_fwd(i + 2, 8) } else { None };
    let content = match s.np_back(i - 2) {
        Some(np) if np.a == 0 && !np.pronoun => (np.a, np.b),
        _ => (0, i - 2),
    };
    Verdict::Claim(Cand::before_cue((i, i), source, content, c.stance, c.frame, Some(i - 1)))
}

/// Participles: ", saying that ...", "while insisting ...", "footage of Trump saying ...".
/// The source is a name right before the participle, else the sentence's subject (filled
/// in by the engine); a participle with neither an introducing word nor such a name is no
/// cue.
pub const PARTICIPLE: Rule<VerbAt> = Rule { name: "participle", apply: participle };
fn participle(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    if c.form != Form::Ing || c.be {
        return Verdict::Pass;
    }
    let Some(l) = c.left else {
        return Verdict::Veto;
    };
    let intro = s.t[l].is_punct(",") || PARTICIPLE_INTRO.contains(&s.low(l)) || s.is_dash(l);
    // "footage of Trump saying ...": a name right before the participle holds it.
    let named = if intro {
        None
    } else {
        s.np_back(l).filter(|np| !np.pronoun && s.t[np.b].is_cap() && !(np.a == 0 && np.a == np.b))
    };
    if !intro && named.is_none() {
        return Verdict::Veto;
    }
    let Some((start, target)) = content_after(s, c) else {
        return Verdict::Veto;
    };
    let boundary = if s.t[l].is_punct(",") || s.is_dash(l) { Some(l) } else { None };
    let content = (start, n_minus(s.n()));
    Verdict::Claim(Cand { boundary, ..Cand::after_cue(c.cue(), named, content, target, c.stance, c.frame) })
}

/// Whether the cue is a passive: after a form of "be" (not a progressive "is saying"), a
/// participle followed by "by", or "accused of".
fn is_passive(s: &Sentence<'_, '_>, c: &VerbAt) -> bool {
    c.form != Form::Ing
        && (c.be
            || s.low(c.i + 1) == "by" && matches!(c.form, Form::Past | Form::Participle)
            || c.frame == Frame::Accuse && c.form == Form::Past && s.low(c.i + 1) == "of")
}

/// What a passive cue has around it: the token after the cue and its "by" agent, the
/// agent, the passive subject (the target) and whether that subject is "it".
struct Passive {
    r: usize,
    source: Option<Np>,
    target: Option<(usize, usize)>,
    it_subject: bool,
}

/// The parts of a passive; `None` when a "by" is followed by no agent.
fn passive_parts(s: &Sentence<'_, '_>, c: &VerbAt) -> Option<Passive> {
    let mut r = c.cue_end + 1;
    let mut source = None;
    if s.low(r) == "by" {
        let mut np = s.np_fwd(r + 1, 8)?;
        if let Some(of) = (np.a + 1..=np.b).find(|&k| s.low(k) == "of") {
            np.b = of - 1;
        }
        source = Some(np);
        r = np.b + 1;
    }
    // The passive subject: left of the be-form.
    // "a staff member, who was accused": the antecedent of "who".
    let left = match c.left {
        Some(l) if s.low(l) == "who" && l >= 2 && s.t[l - 1].is_punct(",") => Some(l - 2),
        other => other,
    };
    let (target, it_subject) = match left {
        Some(l) if s.t[l].is_word() => match s.np_back(l) {
            Some(np) => (Some((np.a, np.b)), np.pronoun && s.low(np.b) == "it"),
            None => (None, false),
        },
        _ => (None, false),
    };
    Some(Passive { r, source, target, it_subject })
}

/// "Y was accused (by X) of C", "a national accused of spying": the passive subject is the
/// target; without "of C" the cue reports nothing.
pub const PASSIVE_ACCUSE: Rule<VerbAt> = Rule { name: "passive-accuse", apply: passive_accuse };
fn passive_accuse(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    if c.frame != Frame::Accuse || !is_passive(s, c) {
        return Verdict::Pass;
    }
    match passive_parts(s, c) {
        Some(p) if s.low(p.r) == "of" && !s.at_end(p.r + 1) => {
            let content = (p.r + 1, n_minus(s.n()));
            Verdict::Claim(Cand::after_cue(c.cue(), p.source, content, p.target, c.stance, c.frame))
        }
        _ => Verdict::Veto,
    }
}

/// "it was reported (by X) that C"; any other passive of a reporting verb reports nothing.
pub const PASSIVE_IT: Rule<VerbAt> = Rule { name: "passive-it", apply: passive_it };
fn passive_it(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    if !is_passive(s, c) {
        return Verdict::Pass;
    }
    match passive_parts(s, c) {
        Some(p) if p.it_subject && s.low(p.r) == "that" && !s.at_end(p.r + 1) => {
            let content = (p.r + 1, n_minus(s.n()));
            Verdict::Claim(Cand::after_cue(c.cue(), p.source, content, None, c.stance, c.frame))
        }
        _ => Verdict::Veto,
    }
}
