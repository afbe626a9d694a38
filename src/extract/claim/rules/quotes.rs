//! Speakers and quotes: attributions whose cue is punctuation or whose content is a quote
//! in a neighbouring sentence.
//!
//! Covers (GUIDELINES.md, CLAIM: direct speech, transcripts): "Pence: C" (a speaker's name
//! and a colon opening a line), "“C” ― Name" (a quote signed after a dash), "The governor
//! added:" (the content is the next sentence) and "“C” Vitter demanded." (the content is the
//! quote just before). The extractor (`mod.rs`) follows these rules' content across
//! sentences to the quote's marks (`open_quote_before`, `close_quote_after`). It must
//! not: take a colon after a date, a heading or a label ("Update:", "Question:") for a
//! speaker, or quotes inside one sentence (those are the content of the other families).

use crate::extract::claim::engine::{n_minus, Cand, Np, Rule, Sentence, SubjectAt, Verdict};
use crate::extract::claim::lexicon::Frame;
use crate::extract::claim::tokens::Kind;
use crate::model::Stance;

/// "Pence: ...": one to five capitalised words opening the sentence (after an opening mark:
/// "“PENCE: Well, ...") and a colon, then at least three words; not a date, a heading, a
/// label or a descriptive phrase.
pub const SPEAKER_COLON: Rule<usize> = Rule { name: "speaker-colon", apply: speaker_colon };
fn speaker_colon(s: &Sentence<'_, '_>, &i: &usize) -> Verdict {
    let n = s.n();
    let t = &s.t[i];
    let s0 = usize::from(s.t.first().is_some_and(|x| x.kind == Kind::Open));
    if t.is_punct(":") && i > s0 && (1..=5).contains(&(i - s0)) && !s.at_end(i + 1) {
        let speaker = s.t[s0..i].iter().all(|x| x.is_cap() || x.kind == Kind::Possessive || x.is_punct("."));
        let dateish = s.t[s0..i].iter().any(|x| {
            x.text.chars().any(|c| c.is_ascii_digit())
                || matches!(
                    x.low(),
                    "january"
                        | "february"
                        | "march"
                        | "april"
                        | "may"
                        | "june"
                        | "july"
                        | "august"
                        | "september"
                        | "october"
                        | "november"
                        | "december"
                        | "update"
                        | "updated"
                        | "read"
                        | "more"
                        | "note"
                        | "editor"
                        | "photo"
                        | "source"
                        | "sources"
                        | "related"
                        | "watch"
                        | "see"
                        | "also"
                        | "the"
                        | "latest"
                        | "correction"
                        | "clarification"
                        | "editor's"
                        | "editors"
                        | "breaking"
                )
        });
        let descriptive = i - s0 > 1
            && s.t[s0..i].iter().any(|x| {
                ["ic", "al", "ive", "ous", "ing", "ed", "ion", "ions", "ment", "ity", "cy", "out"]
                    .iter()
                    .any(|suf| x.lower.ends_with(suf))
            });
        let content_words =
            s.t[i + 1..].iter().filter(|x| x.is_word() && x.text.chars().any(char::is_alphabetic)).count();
        let generic = s.t[s0..i].iter().any(|x| {
            matches!(
                x.low(),
                "question"
                    | "answer"
                    | "q"
                    | "a"
                    | "remember"
                    | "warning"
                    | "pledged"
                    | "superdelegates"
                    | "age"
                    | "city"
                    | "job"
                    | "pay"
            )
        });
        if speaker && !dateish && !descriptive && !generic && content_words >= 3 && s.t[s0].is_word() {
            let source = Some(Np { a: s0, b: i - 1, pronoun: false });
            let content = (i + 1, n_minus(n));
            return Verdict::Claim(Cand::after_cue((i, i), source, content, None, Stance::Assert, Frame::Speech));
        }
    }
    Verdict::Pass
}

/// "“...” ― Name": a quote signed after a dash, the name ending the sentence.
pub const QUOTE_DASH_NAME: Rule<usize> = Rule { name: "quote-dash-name", apply: quote_dash_name };
fn quote_dash_name(s: &Sentence<'_, '_>, &i: &usize) -> Verdict {
    if !(s.is_dash(i) && i >= 2 && s.t[i - 1].kind == Kind::Close) {
        return Verdict::Pass;
    }
    match s.np_fwd(i + 1, 8) {
        Some(np) if s.at_end(np.b + 1) && s.t[np.a].is_cap() => {
            Verdict::Claim(Cand::before_cue((i, i), Some(np), (0, i - 1), Stance::Assert, Frame::Speech, Some(i)))
        }
        _ => Verdict::Pass,
    }
}

/// "The governor added:" closing its sentence: the content is the next sentence.
pub const COLON_NEXT: Rule<SubjectAt> = Rule { name: "colon-next", apply: colon_next };
fn colon_next(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let c = &at.v;
    let rc = s.skip_adjuncts(c.r0);
    if matches!(c.frame, Frame::Speech | Frame::Tell) && s.punct(rc, ":") && s.at_end(rc + 1) {
        let cand = Cand::after_cue(c.cue(), Some(at.np), (rc, rc), None, c.stance, c.frame);
        return Verdict::Claim(Cand { open_right: false, next: true, ..cand });
    }
    Verdict::Pass
}

/// "“...” Vitter demanded.": a sentence of its own after a quote, the subject opening it;
/// the content is the previous sentence.
pub const AFTER_QUOTE: Rule<SubjectAt> = Rule { name: "after-quote", apply: after_quote };
fn after_quote(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let c = &at.v;
    let rc = s.skip_adjuncts(c.r0);
    if at.np.a == 0 && s.at_end(rc) && !s.punct(rc, ":") {
        let cand = Cand::before_cue(c.cue(), Some(at.np), (0, 0), c.stance, c.frame, None);
        return Verdict::Claim(Cand { prev: true, ..cand });
    }
    Verdict::Pass
}
