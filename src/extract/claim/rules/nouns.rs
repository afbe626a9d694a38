//! NOUNS family (temporary header).

use crate::extract::claim::engine::{n_minus, Cand, Np, Sentence};
use crate::extract::claim::lexicon::Frame;
use crate::extract::claim::tokens::Kind;
use crate::extract::claim::words::*;
use crate::model::Stance;

impl Sentence<'_, '_> {
    /// "according to X": content before or after.
    pub fn according(&self, i: usize) -> Option<(usize, Cand)> {
        let n = self.n();
        if !self.info.get(i).is_some_and(|f| f.according) {
            return None;
        }
        let phrase = self.lex.according.iter().find(|p| p.iter().enumerate().all(|(k, w)| self.low(i + k) == w))?;
        let len = phrase.len();
        let src = self.np_fwd(i + len, 12);
        let after_src = src.map(|s| s.b + 1).unwrap_or(i + len);
        let has_before = (0..i).any(|k| self.t[k].is_word() && !CLAUSE_START.contains(&self.low(k)));
        let cand = if has_before {
            let mut e = i;
            while e > 0 && !self.t[e - 1].is_word() && self.t[e - 1].kind != Kind::Close {
                e -= 1;
            }
            if e == 0 {
                return None;
            }
            Cand::before_cue(
                (i, i + len - 1),
                src,
                (0, e - 1),
                Stance::Assert,
                "according-to-after",
                Frame::Speech,
                Some(i.saturating_sub(1)),
            )
        } else {
            let mut s = after_src;
            while s < n && self.t[s].is_punct(",") {
                s += 1;
            }
            if self.at_end(s) {
                return None;
            }
            Cand {
                cue: (i, i + len - 1),
                source: src,
                content: (s, n - 1),
                target: None,
                stance: Stance::Assert,
                rule: "according-to-before",
                frame: Frame::Speech,
                before: false,
                boundary: None,
                open_right: true,
                next: false,
                prev: false,
            }
        };
        Some((len, cand))
    }

    /// A noun cue followed by "that" ("the allegation that ...", "X's claim that ...").
    pub fn noun_cue(&self, i: usize) -> Option<Cand> {
        if !self.info.get(i).is_some_and(|f| f.noun) {
            return None;
        }
        let stance = *self.lex.nouns.get(self.low(i))?;
        if i == 0 {
            return None;
        }
        // "on charges of plotting a coup", "earlier promises to return the country ...".
        let of_ing = self.low(i + 1) == "of"
            && matches!(stance, Stance::Accuse)
            && self.low(i + 2).ends_with("ing")
            && self.low(i + 2).len() > 4;
        let to_inf = self.low(i + 1) == "to"
            && matches!(stance, Stance::Announce | Stance::Warn)
            && self.t.get(i + 2).is_some_and(|t| t.is_word() && !t.is_cap() && !self.is_fn(i + 2));
        if of_ing || to_inf {
            let source = if self.t[i - 1].kind == Kind::Possessive && i >= 2 {
                self.np_back(i - 2)
            } else if POSSESSIVE_PRONOUNS.contains(&self.low(i - 1)) {
                Some(Np { a: i - 1, b: i - 1, pronoun: true })
            } else if to_inf {
                self.np_initial(i)
            } else {
                None
            };
            let end = (i + 2..self.n())
                .find(|&k| self.punct(k, ",") || self.punct(k, ";"))
                .map_or(n_minus(self.n()), |k| k - 1);
            return Some(Cand {
                cue: (i, i),
                source,
                content: (i + 2, end),
                target: None,
                stance,
                rule: "noun-of-to",
                frame: Frame::Object,
                before: false,
                boundary: None,
                open_right: false,
                next: false,
                prev: false,
            });
        }
        if self.low(i + 1) != "that" {
            return None;
        }
        let p = &self.t[i - 1];
        let ok = p.kind == Kind::Possessive
            || DETERMINERS.contains(&p.low())
            || BE.contains(&p.low())
            || p.is_word() && !self.is_fn(i - 1) && !PRONOUNS.contains(&p.low());
        if !ok || self.at_end(i + 2) {
            return None;
        }
        // "that" followed by a verb-like word is a relative clause ("the claims that were made").
        let w = self.low(i + 2);
        if AUX.contains(&w) || matches!(w, "was" | "were" | "is" | "are") {
            return None;
        }
        let source = if p.kind == Kind::Possessive && i >= 2 {
            self.np_back(i - 2)
        } else if POSSESSIVE_PRONOUNS.contains(&p.low()) {
            // "his claim that": the possessive pronoun names the source.
            Some(Np { a: i - 1, b: i - 1, pronoun: true })
        } else {
            None
        };
        Some(Cand {
            cue: (i, i),
            source,
            content: (i + 2, n_minus(self.n())),
            target: None,
            stance,
            rule: "noun-that",
            frame: Frame::Speech,
            before: false,
            boundary: None,
            open_right: true,
            next: false,
            prev: false,
        })
    }
}
