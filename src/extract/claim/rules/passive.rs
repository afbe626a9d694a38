//! Passive and participial cues: the reporting verb is not the finite verb of its source.
//!
//! Covers (GUIDELINES.md, CLAIM: passives and participles after a comma): a reduced passive
//! after a comma reporting what precedes it ("The move, announced by a French source,
//! comes ..."), a participle whose source is the sentence's subject or a name just before it
//! (", saying C", "while insisting C", "footage of Trump saying C"), and true passives ("Y was
//! accused (by X) of C", "it was reported that C", "a national accused of spying", "Asked
//! whether C, X said"). It must
//! not: take a progressive ("is saying") or any finite cue (`subject_cue.rs`), or find the
//! sentence's subject itself (the engine's `resolve` fills a participle's source).

use super::subject_cue::content_after;
use crate::extract::claim::engine::{n_minus, Cand, Np, Rule, Sentence, VerbAt, Verdict};
use crate::extract::claim::lexicon::{Form, Frame};
use crate::extract::claim::tokens::Kind;
use crate::extract::claim::words::{is_time_word, ADJUNCT_PREPS, DETERMINERS, PARTICIPLE_INTRO, QUESTION_WORDS};
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

/// Participles: ", saying that ...", "while insisting ...", "footage of Trump saying ...",
/// "issued a statement saying ...". The source is a name right before the participle, else
/// the sentence's subject (filled in by the engine); a participle with neither an introducing word nor such a name is no
/// cue.
pub const PARTICIPLE: Rule<VerbAt> = Rule { name: "participle", apply: participle };
fn participle(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    if c.form != Form::Ing || c.be {
        return Verdict::Pass;
    }
    let Some(mut l) = c.left else {
        return Verdict::Veto;
    };
    // "...,” adding that ...": the comma of a quote ending the clause before sits inside
    // its closing mark or marks (the American convention; ",''" typed with apostrophes).
    let mut k = l;
    while k > 0 && s.t[k].kind == Kind::Close {
        k -= 1;
    }
    if k < l && s.t[k].is_punct(",") {
        l = k;
    }
    let issuer = issued_message(s, l);
    // "..., painting others as weak and suggesting that C": a participle coordinated with
    // an earlier one that a comma, a dash or an introducing word opened shares its opening.
    let opened =
        |k: usize| k >= 1 && (s.t[k - 1].is_punct(",") || s.is_dash(k - 1) || PARTICIPLE_INTRO.contains(&s.low(k - 1)));
    let coordinated = matches!(s.low(l), "and" | "but")
        && (1..l).any(|k| {
            let w = s.low(k);
            s.t[k].is_word() && !s.t[k].is_cap() && w.len() > 5 && w.ends_with("ing") && opened(k)
        });
    let intro =
        s.t[l].is_punct(",") || PARTICIPLE_INTRO.contains(&s.low(l)) || s.is_dash(l) || issuer.is_some() || coordinated;
    // "footage of Trump saying ...": a name right before the participle holds it.
    let named = if intro {
        issuer.flatten()
    } else {
        s.np_back(l).filter(|np| {
            // "with 50 percent saying C", "with O'Malley calling Trump a fascist": the
            // subject of an absolute "with" clause holds its participle.
            // The subject is one that can hold a view: a name, a share, a nominal head.
            let head = &s.t[np.b];
            let holder = np.pronoun
                || head.is_cap()
                || s.lex.heads.contains_key(head.low())
                || head.text.chars().all(|ch| ch.is_ascii_digit())
                || matches!(head.low(), "percent" | "%");
            let with = np.a >= 1 && s.low(np.a - 1) == "with" && holder;
            // A lone capitalised word opening the sentence ("(Additional reporting by ...")
            // is no name before the participle.
            let first = s.t.iter().position(|t| t.is_word()).unwrap_or(0);
            with || !np.pronoun && s.t[np.b].is_cap() && !(np.a == first && np.a == np.b)
        })
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

/// "Asked whether C, X said ...", "When asked if C, ...", "X was asked (by Y) whether C",
/// "Asked about C, X said":
/// the passive of a verb taking a question, then the question (a question word within a few
/// words, or a colon or quote): the content is the question, its source the "by" agent or
/// none (the asker is unnamed). Before a main clause ("..., X said") the question ends at
/// the comma before it, which bounds the content of cues inside the question.
pub const PASSIVE_QUESTION: Rule<VerbAt> = Rule { name: "passive-question", apply: passive_question };
fn passive_question(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let passive =
        c.be || c.left.is_none_or(|l| matches!(s.low(l), "when" | "whenever" | "if" | "once" | "after" | "as"));
    if !(c.verb(s).interrogative && matches!(c.form, Form::Past | Form::Participle) && passive && c.cue_end == c.i) {
        return Verdict::Pass;
    }
    let n = s.n();
    let mut r = c.i + 1;
    let mut source = None;
    if s.low(r) == "by" {
        // "asked by a reporter whether": the agent ends before the question word.
        if let Some(mut np) = s.np_fwd(r + 1, 8) {
            let request = |k: usize| s.low(k) == "to" && s.t.get(k + 1).is_some_and(|t| t.is_word() && !t.is_cap());
            if let Some(q) = (np.a + 1..=np.b).find(|&k| QUESTION_WORDS.contains(&s.low(k)) || request(k)) {
                np.b = q - 1;
            }
            r = np.b + 1;
            source = Some(np);
        }
    }
    // The question: a question word after a short adjunct ("on Fox News", "Tuesday"), or a
    // quote or colon.
    let open = |k: usize| s.t.get(k).is_some_and(|t| t.kind == Kind::Open);
    let start = (r..(r + 8).min(n)).take_while(|&k| s.t[k].is_word() || s.punct(k, ",") || open(k)).find(|&k| {
        // Not a relative clause after a comma ("asked by Bill Maher, who is supporting").
        QUESTION_WORDS.contains(&s.low(k)) && k + 1 < n && s.t[k + 1].is_word() && !s.punct(k.wrapping_sub(1), ",")
            || open(k) && k + 1 < n
    });
    let start = match start {
        Some(k) => k,
        None if s.punct(r, ":") && !s.at_end(r + 1) => r + 1,
        // "When asked about his record, X said": the topic asked about is the question.
        None if s.low(r) == "about" && s.t.get(r + 1).is_some_and(|t| t.is_word()) => r + 1,
        // "Asked by Stephanopoulos to respond to the criticism, X said", "was asked to name
        // one achievement": the request, an infinitive clause.
        None if s.low(r) == "to" && s.t.get(r + 1).is_some_and(|t| t.is_word() && !t.is_cap()) && !s.is_fn(r + 1) => r,
        None => return Verdict::Pass,
    };
    // A quoted question ends at its closing mark. A question opening the sentence ("Asked
    // whether C, X said") ends at the first comma, where the main clause begins; after "was
    // asked", at the last comma before a main clause's cue whose short subject follows it.
    let close = (start + 1..n).find(|&k| s.t[k].kind == Kind::Close);
    let comma = if c.be {
        let main = (start + 1..n).find(|&k| {
            s.verb_form(k).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Third))
                && !s.t[k].is_cap()
                && (k.saturating_sub(6)..k).any(|j| j > start && s.punct(j, ","))
        });
        main.and_then(|m| (start + 1..m).rev().find(|&k| s.punct(k, ",")))
    } else {
        (start + 1..n).find(|&k| s.punct(k, ","))
    };
    // A topic asked about ends before a contrasting clause ("asked about C but gave no answer").
    let comma = match comma {
        None if s.low(start - 1) == "about" => (start + 1..n).find(|&k| s.low(k) == "but"),
        k => k,
    };
    let (end, boundary) = match (open(start), close, comma) {
        (true, Some(q), _) => (q, None),
        (_, _, Some(k)) => (k - 1, Some(k)),
        _ => (n_minus(n), None),
    };
    if end < start {
        return Verdict::Pass;
    }
    let cand = Cand::after_cue(c.cue(), source, (start, end), None, c.stance, c.frame);
    Verdict::Claim(Cand { open_right: false, boundary, ..cand })
}

/// "issued a statement (on Tuesday) saying C", "released a brief letter warning C": the
/// participle after a message noun that is the object of a verb (a determiner, at most one
/// modifier, and a verb before it; not "In a statement condemning", nor "a petition calling
/// on" as a subject). `Some` with the issuer, the verb's subject, when it is found.
fn issued_message(s: &Sentence<'_, '_>, l: usize) -> Option<Option<Np>> {
    let mut m = l;
    while m > 0 && (is_time_word(s.low(m)) || matches!(s.low(m), "on" | "late" | "early")) {
        m -= 1;
    }
    if !(s.lex.messages.contains(s.low(m)) && !s.t[m].is_cap() && m >= 2) {
        return None;
    }
    let det = |k: usize| matches!(s.low(k), "a" | "an" | "the" | "its" | "his" | "her" | "their");
    let d = if det(m - 1) {
        m - 1
    } else if m >= 3 && det(m - 2) && s.t[m - 1].is_word() && !s.t[m - 1].is_cap() && !s.is_fn(m - 1) {
        m - 2
    } else {
        return None;
    };
    let v = d.checked_sub(1)?;
    if !(s.t[v].is_word() && !s.t[v].is_cap() && !s.is_fn(v) && !DETERMINERS.contains(&s.low(v))) {
        return None;
    }
    let (left, _) = s.skip_aux_left(v);
    Some(left.and_then(|k| s.np_back(k)))
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
/// "Trump is expected to win", "the sale is said to be near", "he was believed (by aides) to
/// have left": the passive of a verb of saying or believing before an infinitive reports an
/// unnamed (or the "by" agent's) belief or statement about the passive subject (GUIDELINES.md,
/// CLAIM: believed; "it was reported that" has no source). The content is the infinitive
/// clause, the subject its target.
pub const PASSIVE_RAISING: Rule<VerbAt> = Rule { name: "passive-raising", apply: passive_raising };
fn passive_raising(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    const RAISING: &[&str] = &["expect", "believe", "think", "say", "report", "estimate", "predict", "rumor"];
    if !(c.be && matches!(c.form, Form::Past | Form::Participle) && RAISING.contains(&c.verb(s).lemma.as_str())) {
        return Verdict::Pass;
    }
    let Some(p) = passive_parts(s, c) else {
        return Verdict::Pass;
    };
    let to = s.low(p.r) == "to" && s.t.get(p.r + 1).is_some_and(|t| t.is_word() && !t.is_cap());
    if !to || p.it_subject || p.target.is_none() || s.at_end(p.r + 2) {
        return Verdict::Pass;
    }
    let content = (p.r, n_minus(s.n()));
    Verdict::Claim(Cand::after_cue(c.cue(), p.source, content, p.target, c.stance, c.frame))
}

/// "Voters were told that C", "We are now being told that C", "The workers had been told by
/// managers that C": the passive of a verb of telling, the addressee its subject; the content
/// is the "that" clause, the source the "by" agent or none.
pub const PASSIVE_TELL: Rule<VerbAt> = Rule { name: "passive-tell", apply: passive_tell };
fn passive_tell(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    if c.frame != Frame::Tell || !c.be || !matches!(c.form, Form::Past | Form::Participle) {
        return Verdict::Pass;
    }
    match passive_parts(s, c) {
        Some(p) if s.low(p.r) == "that" && !s.at_end(p.r + 1) => {
            let content = (p.r + 1, n_minus(s.n()));
            Verdict::Claim(Cand::after_cue(c.cue(), p.source, content, None, c.stance, c.frame))
        }
        _ => Verdict::Pass,
    }
}

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
