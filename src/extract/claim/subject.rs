//! The subject of a reporting verb, found left of the verb and its auxiliaries: a noun
//! phrase, the antecedent of a relative pronoun ("X, who said"), or the name before an
//! apposition ("Mali's junta, led by ..., insists").
//!
//! Owns: the context the subject rules of `rules/` are asked about ([`SubjectAt`]). It must
//! not: decide whether the cue reports a claim (the rules do), or look right of the cue.

use super::engine::{Np, Sentence, SubjectAt, VerbAt};
use super::tokens::Kind;
use super::words::{is_time_word, pronoun_base, DETERMINERS};

impl Sentence<'_, '_> {
    /// The subject of the verb cue `at`; `None` when there is none to find.
    pub fn subject_of(&self, at: &VerbAt) -> Option<SubjectAt> {
        let l = at.left?;
        // "Humphrey, who calls Trump a “sociopath,” said": the comma inside the quote.
        let l = if self.t[l].kind == Kind::Close && l >= 2 && self.t[l - 1].is_punct(",") { l - 1 } else { l };
        let mut subj = None;
        let mut relative = false;
        if self.t[l].is_word() || self.t[l].is_punct(")") || self.t[l].is_punct(".") || self.t[l].is_punct("%") {
            (subj, relative) = self.subject_at_word(l);
        } else if self.t[l].is_punct(",") && l >= 2 {
            subj = self.subject_before_apposition(l);
            // "Marta Olsen, a former director of the party, whose roots are ..., said": two
            // appositions; the phrase before the last one does not open the clause, the name
            // before the first one does.
            // A dateline's dash opens the clause too ("WASHINGTON -- President Obama, ...").
            if subj.is_none_or(|np| !(self.opens_clause(np.a) || np.a > 0 && self.is_dash(np.a - 1))) {
                subj = self.name_before_apposition(l).or(subj);
            }
        } else if self.is_dash(l) {
            subj = self.name_before_apposition(l);
        }
        let np = subj?;
        let left = np.a.checked_sub(1);
        Some(SubjectAt { v: *at, np, left, relative })
    }

    /// The subject ending at the word `l`, and whether it is the antecedent of a relative
    /// pronoun.
    fn subject_at_word(&self, l: usize) -> (Option<Np>, bool) {
        if matches!(self.low(l), "who" | "whom" | "which") && l >= 2 && self.t[l - 1].is_punct(",") {
            // The antecedent is the nearest noun phrase: "members of [the Saudi
            // government], which has denied".
            let subj = self.np_back(l - 2).map(|np| {
                let cut = (np.a..np.b).rev().find(|&k| matches!(self.low(k), "of" | "for" | "in" | "at" | "from"));
                match cut {
                    Some(k) if self.low(l) == "which" => Np { a: k + 1, ..np },
                    _ => np,
                }
            });
            (subj, true)
        } else if self.low(l) == "whom" && l >= 2 && self.low(l - 1) == "of" {
            // "many of whom say"
            (self.np_back(l - 2), true)
        } else if matches!(self.low(l), "who" | "whom") && l >= 1 {
            (self.np_back(l - 1), true)
        } else if let Some(np) = self.antecedent_of_relative(l) {
            (Some(np), false)
        } else {
            (self.np_back(l), false)
        }
    }

    /// "Officials who spoke on condition of anonymity said", "groups that have endorsed him
    /// say": a restrictive relative clause (no comma) ends at the word `l` before the cue;
    /// the subject is the noun phrase before "who" / "that", not the clause's last words.
    fn antecedent_of_relative(&self, l: usize) -> Option<Np> {
        let k = (l.saturating_sub(12)..l)
            .rev()
            .take_while(|&k| self.t[k].is_word() || self.t[k].kind == Kind::Possessive)
            .find(|&k| matches!(self.low(k), "who" | "that"))?;
        // The clause holds words after the pronoun, and the word before it ends a noun
        // phrase (not a verb, a function word or a time word: "argued that", "now that").
        let before = self.t.get(k.checked_sub(1)?)?;
        // A relative pronoun is the subject of its clause, a verb next ("groups that have
        // endorsed"); a name, determiner or pronoun next makes "that" a complementiser
        // ("reasons that Trump refuses"). The word before the cue ends the clause, not a
        // noun phrase ("categorize the emails").
        let next = &self.t[k + 1];
        if next.is_cap()
            || DETERMINERS.contains(&next.low())
            || pronoun_base(next.low()).is_some()
            || DETERMINERS.contains(&self.low(l))
            || matches!(self.low(l), "this" | "these" | "those")
        {
            return None;
        }
        if k + 2 > l
            || !before.is_word()
            || self.verb_form(k - 1).is_some()
            || self.is_fn(k - 1)
            || is_time_word(before.low())
        {
            return None;
        }
        self.np_back(k - 1).filter(|np| !np.pronoun)
    }

    /// Apposition or relative clause closed by the comma at `l`: "Mali's junta, led by
    /// President Assimi Goïta, insists".
    fn subject_before_apposition(&self, l: usize) -> Option<Np> {
        let c = (0..l).rev().find(|&k| self.t[k].is_punct(","))?;
        let first = self.low(c + 1);
        let appos = c + 1 < l
            && (l - c <= 20 || l - c <= 40 && matches!(first, "who" | "which"))
            && (matches!(
                first,
                "who"
                    | "which"
                    | "whose"
                    | "led"
                    | "a"
                    | "an"
                    | "the"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "including"
                    | "based"
                    | "himself"
                    | "herself"
                    | "itself"
            ) || self.t[c + 1].is_cap()
                || self.t[c + 1].text.chars().all(|ch| ch.is_ascii_digit())
                || first.ends_with("ing") && first.len() > 5
                || matches!(
                    first,
                    "at" | "in"
                        | "on"
                        | "during"
                        | "after"
                        | "before"
                        | "speaking"
                        | "like"
                        | "for"
                        | "also"
                        | "however"
                        | "meanwhile"
                        | "too"
                        | "then"
                        | "for example"
                        | "by"
                        | "with"
                        | "in turn"
                ))
            && c >= 1;
        if !appos {
            return None;
        }
        let mut subj = self.np_back(c - 1);
        // "Marley Anderson, 21, a junior from Las Vegas, said": an age between
        // commas follows the name.
        let age = self.t[c - 1].text.len() <= 3 && self.t[c - 1].text.chars().all(|ch| ch.is_ascii_digit());
        if age && c >= 3 && self.t[c - 2].is_punct(",") && self.t[c - 3].is_cap() {
            subj = self.np_back(c - 3);
        }
        // "Mali's security minister, General Daoud Aly Mohammedine, alleged": the
        // name in the apposition names the nominal before it.
        let name =
            (c + 1..l).all(|k| self.t[k].is_cap() || self.t[k].is_punct(".") || self.t[k].kind == Kind::Possessive);
        if name && subj.is_some_and(|np| !np.pronoun && !self.t[np.b].is_cap()) {
            subj = self.np_back(l - 1).or(subj);
        }
        subj
    }
}
