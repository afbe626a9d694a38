//! QUOTES family (temporary header).

use crate::extract::claim::engine::{n_minus, Cand, Np, Sentence};
use crate::extract::claim::lexicon::Frame;
use crate::extract::claim::tokens::Kind;
use crate::model::Stance;

impl Sentence<'_, '_> {
    /// "Pence: ..." (a speaker's name and a colon opening a line) and "“...” ― Name" (a
    /// quote signed after a dash).
    pub fn colon_or_bar(&self, i: usize) -> Option<Cand> {
        let n = self.n();
        let t = self.t.get(i)?;
        // A transcript line may open with a quotation mark ("“PENCE: Well, ...").
        let s0 = usize::from(self.t.first().is_some_and(|x| x.kind == Kind::Open));
        if t.is_punct(":") && i > s0 && (1..=5).contains(&(i - s0)) && !self.at_end(i + 1) {
            let speaker = self.t[s0..i].iter().all(|x| x.is_cap() || x.kind == Kind::Possessive || x.is_punct("."));
            let dateish = self.t[s0..i].iter().any(|x| {
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
                && self.t[s0..i].iter().any(|x| {
                    ["ic", "al", "ive", "ous", "ing", "ed", "ion", "ions", "ment", "ity", "cy", "out"]
                        .iter()
                        .any(|suf| x.lower.ends_with(suf))
                });
            let content_words =
                self.t[i + 1..].iter().filter(|x| x.is_word() && x.text.chars().any(char::is_alphabetic)).count();
            let generic = self.t[s0..i].iter().any(|x| {
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
            if speaker && !dateish && !descriptive && !generic && content_words >= 3 && self.t[s0].is_word() {
                return Some(Cand {
                    cue: (i, i),
                    source: Some(Np { a: s0, b: i - 1, pronoun: false }),
                    content: (i + 1, n_minus(n)),
                    target: None,
                    stance: Stance::Assert,
                    rule: "speaker-colon",
                    frame: Frame::Speech,
                    before: false,
                    boundary: None,
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
        }
        if self.is_dash(i) && i >= 2 && self.t[i - 1].kind == Kind::Close {
            let np = self.np_fwd(i + 1, 8)?;
            if self.at_end(np.b + 1) && self.t[np.a].is_cap() {
                return Some(Cand::before_cue(
                    (i, i),
                    Some(np),
                    (0, i - 1),
                    Stance::Assert,
                    "quote-dash-name",
                    Frame::Speech,
                    Some(i),
                ));
            }
        }
        None
    }
}
