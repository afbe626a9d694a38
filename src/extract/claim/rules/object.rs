//! Object gaps: a label or denial whose object stands left of its subject.
//!
//! Covers (GUIDELINES.md, CLAIM: "dismissed Y as", "denied"): "a charge Paris has dismissed
//! as 'unfounded'", "what authorities described as C" (the label after "as" is the content,
//! the noun before the subject its target), and "espionage—a charge France has denied." (the
//! noun before the subject is the content). It must not: take an object after the verb
//! (`subject_cue.rs`).

use crate::extract::claim::engine::{n_minus, Cand, Np, Rule, Sentence, SubjectAt, Verdict};
use crate::extract::claim::lexicon::Frame;
use crate::extract::claim::rules::subject_cue::REGARDING;

/// "a charge Paris has dismissed as 'unfounded'", "what authorities described as": a label
/// verb followed by "as"; the cue runs to "as", the target is the noun phrase before the
/// subject (or the common noun opening it). Nothing after "as": no claim.
pub const LABEL_GAP: Rule<SubjectAt> = Rule { name: "label-gap", apply: label_gap };
fn label_gap(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let (c, subj_left) = (&at.v, at.left);
    let r0 = c.r0;
    if !(c.frame == Frame::Label && s.low(r0) == "as") {
        return Verdict::Pass;
    }
    // "what the campaign sees as a coordinated attack": a verb of regarding with its object
    // left of it describes the object in the writer's clause; it reports no proposition.
    if REGARDING.contains(&c.verb(s).lemma.as_str()) {
        return Verdict::Veto;
    }
    let mut target =
        subj_left.and_then(|sl| if s.t[sl].is_word() { s.np_back(sl).map(|np| (np.a, np.b)) } else { None });
    // "a charge Paris has dismissed as": the noun before the name is the target.
    let mut subj = at.np;
    if !subj.pronoun && s.t[subj.b].is_cap() {
        let mut k = subj.b;
        while k > subj.a && s.t[k - 1].is_cap() {
            k -= 1;
        }
        if k > subj.a && !s.t[k - 1].is_cap() && s.t[k - 1].is_word() {
            target = Some((subj.a, k - 1));
            subj = Np { a: k, b: subj.b, pronoun: false };
        }
    }
    let start = r0 + 1;
    if s.at_end(start) {
        return Verdict::Veto;
    }
    let boundary = target.and_then(|(a, _)| a.checked_sub(1)).filter(|&k| s.punct(k, ","));
    let cand = Cand::after_cue((c.i, r0), Some(subj), (start, n_minus(s.n())), target, c.stance, c.frame);
    Verdict::Claim(Cand { boundary, ..cand })
}

/// "espionage—a charge France has denied.": an object or label verb ending its clause, its
/// subject a common noun followed by a name: the noun is the content, the name the source.
pub const OBJECT_GAP: Rule<SubjectAt> = Rule { name: "object-gap", apply: object_gap };
fn object_gap(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let (c, subj) = (&at.v, at.np);
    if !(matches!(c.frame, Frame::Object | Frame::Label) && s.at_end(s.skip_adjuncts(c.r0)) && !subj.pronoun) {
        return Verdict::Pass;
    }
    let mut k = subj.b;
    while k > subj.a && s.t[k - 1].is_cap() {
        k -= 1;
    }
    if k > subj.a && s.t[k].is_cap() && s.t[k - 1].is_word() && !s.t[k - 1].is_cap() {
        let source = Some(Np { a: k, b: subj.b, pronoun: false });
        return Verdict::Claim(Cand::before_cue(c.cue(), source, (subj.a, k - 1), c.stance, c.frame, None));
    }
    Verdict::Pass
}
