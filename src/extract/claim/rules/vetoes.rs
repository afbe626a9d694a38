//! Vetoes: verb forms of the cue lexicon that report nothing where they stand.
//!
//! Covers (GUIDELINES.md, CLAIM: a cue is a reporting act, not any use of its word): a
//! capitalised form inside a sentence (a name: "Post", "Charge"), a verb listed only with a
//! particle, "called" without a label, an infinitive or "so-called", a speech act that is an
//! event ("declared X persona non grata"). Each rule only vetoes: it must not make a claim,
//! and a construction that reports (even rarely) belongs to another family, not here.

use crate::extract::claim::engine::{Rule, Sentence, VerbAt, Verdict};
use crate::extract::claim::lexicon::{Form, Frame};
use crate::extract::claim::tokens::Kind;

/// `Verdict::Veto` when `vetoed`, else `Pass`.
fn veto_if(vetoed: bool) -> Verdict {
    if vetoed {
        Verdict::Veto
    } else {
        Verdict::Pass
    }
}

/// A capitalised form mid-sentence is a name ("Post", "Charge"), unless after a quote or in
/// a title-case headline.
pub const CAPITALISED: Rule<VerbAt> = Rule { name: "capitalised-form", apply: capitalised };
fn capitalised(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let i = c.i;
    veto_if(s.t[i].is_cap() && i > 0 && !s.t[i - 1].is_quote() && !(s.headline() && s.t[i - 1].is_cap()))
}

/// A verb that is a cue only with a particle of `phrasal.txt` ("pointed out") and has none.
pub const PARTICLE_ONLY: Rule<VerbAt> = Rule { name: "particle-only", apply: particle_only };
fn particle_only(_: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    veto_if(c.frame == Frame::Particle)
}

/// "called X 'Y'" needs a quote or an object ("called it", "called the ..."); "called
/// for/on" is phrasal and not asked here.
pub const CALLED_WITHOUT_LABEL: Rule<VerbAt> = Rule { name: "called-without-label", apply: called_without_label };
fn called_without_label(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let verb = c.verb(s);
    let phrasal = c.frame != verb.frame || c.cue_end != c.i;
    if phrasal || verb.lemma != "call" {
        return Verdict::Pass;
    }
    let i = c.i;
    // The label in quotes after the object: "called Ford's plans to open a plant in Mexico
    // “a disgrace”" (the object may be long; a comma, semicolon or colon ends the search
    // beyond the first ten words: "a firm called Gavekal, which argues “...”").
    let open = |k: usize| s.t[k].kind == Kind::Open;
    let has_quote = (i + 1..(i + 10).min(s.n())).any(open)
        || (i + 1..(i + 30).min(s.n()))
            .take_while(|&k| !(s.punct(k, ",") || s.punct(k, ";") || s.punct(k, ":")))
            .any(open);
    let det = matches!(
        s.low(i + 1),
        "it" | "the" | "his" | "her" | "their" | "its" | "him" | "them" | "this" | "that" | "these" | "those"
    );
    // "calls himself a democratic socialist": a reflexive object names itself.
    let reflexive = matches!(s.low(i + 1), "himself" | "herself" | "themselves" | "itself" | "myself" | "ourselves");
    veto_if(!has_quote && !det && !reflexive && !name_then_label(s, i + 1))
}

/// "called Clinton a liar": a name, then a predicate noun phrase opened by "a" / "an" (not a
/// time: "called Clinton a day later", "a few times").
fn name_then_label(s: &Sentence<'_, '_>, k: usize) -> bool {
    let mut e = k;
    while e < s.n() && (s.t[e].is_cap() || s.punct(e, ".") && e > k) && e < k + 4 {
        e += 1;
    }
    e > k
        && matches!(s.low(e), "a" | "an")
        && !matches!(
            s.low(e + 1),
            "day" | "week" | "month" | "year" | "hour" | "minute" | "few" | "couple" | "second" | "number" | "lot"
        )
}

/// An infinitive ("to say", unless it continues a finite verb: "went on to say") or
/// "so-called".
pub const INFINITIVE: Rule<VerbAt> = Rule { name: "infinitive", apply: infinitive };
fn infinitive(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let i = c.i;
    veto_if(s.low(i.wrapping_sub(1)) == "to" && !s.to_chain(i - 1) || i > 0 && s.t[i - 1].lower == "so-called")
}

/// Speech acts that are events: "declared X persona non grata".
pub const DECLARED_PERSONA: Rule<VerbAt> = Rule { name: "declared-persona", apply: declared_persona };
fn declared_persona(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    veto_if(c.verb(s).lemma == "declare" && (c.i + 1..s.n()).any(|k| s.low(k) == "persona"))
}

/// A bare or "-s" form right after an article, a possessive or a time adjective is a noun
/// ("recent comments he made", "Trump's remarks", "its view of"), not a reporting verb.
/// "her" is left out (an object before a bare infinitive: "heard her say"), and so is
/// "let's". An "-s" form right before a cue verb's base or past form is a plural noun too
/// ("fundraising reports show").
pub const NOUN_READING: Rule<VerbAt> = Rule { name: "noun-reading", apply: noun_reading };
fn noun_reading(s: &Sentence<'_, '_>, c: &VerbAt) -> Verdict {
    let i = c.i;
    if i == 0 || !matches!(c.form, Form::Base | Form::Third) {
        return Verdict::Pass;
    }
    let det = matches!(
        s.low(i - 1),
        "the"
            | "a"
            | "an"
            | "his"
            | "its"
            | "their"
            | "my"
            | "our"
            | "your"
            | "recent"
            | "latest"
            | "earlier"
            | "previous"
    );
    let possessive = s.t[i - 1].kind == Kind::Possessive && i > 1 && s.low(i - 2) != "let";
    // "reports show": a plural noun before the cue verb.
    veto_if(det || possessive || s.plural_before_verb(i))
}
