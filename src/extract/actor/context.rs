//! The context of a mention that the rules ask about (GUIDELINES.md: an actor acts, speaks, is
//! the agent or the other party): is it the subject of a following verb (active or passive),
//! an agent after "by" / "according to" / an inverted "said", the doer after a relation word
//! ("support from"), the other party ("with", "between"), inside a parenthesis of
//! accompaniment, or the object of a preposition.
//!
//! Owns: these questions about the tokens around a span. It must not: make candidates or
//! decide a kind or a canonical name.

use super::rule::Act;
use super::sentence::Sentence;
use super::token::Kind;
use super::words::DETERMINERS;

/// Prepositions: a mention right after one is not the subject of the next verb. ("after",
/// "since", "before" are left out: they also introduce clauses, "after Malian authorities
/// detained".)
pub(super) const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "from",
    "to",
    "for",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "during",
    "near",
    "across",
    "through",
    "within",
    "without",
    "among",
    "amid",
    "like",
    "inside",
    "outside",
    "throughout",
    "via",
    "upon",
    "behind",
    "beyond",
];

impl Sentence<'_> {
    /// The end of a short complement after a head noun: "[five staff members] of France's
    /// embassy" (left), "[Diplomats] in Bamako" (said). `h` when there is none.
    pub(super) fn skip_complement(&self, h: usize) -> usize {
        // "a source close to the talks", "people familiar with the matter", "officials
        // briefed on the plan": an adjective and its preposition, then the phrase.
        let adj = self.is_word(h + 2)
            && matches!(self.lw(h + 1), "close" | "familiar" | "briefed" | "knowledgeable")
            && matches!(self.lw(h + 2), "to" | "with" | "on" | "about" | "of");
        let h = if adj { h + 1 } else { h };
        if !adj && (!self.is_word(h + 1) || !matches!(self.lw(h + 1), "of" | "in" | "at" | "from" | "with" | "for")) {
            return h;
        }
        let mut k = h + 2;
        let mut last = h;
        while k < self.t.len() && k <= h + 7 {
            let is_np_word = match self.t[k].kind {
                Kind::Poss => true,
                Kind::Word => {
                    let lw = self.lw(k);
                    self.cap(k)
                        || DETERMINERS.contains(&lw)
                        || (!self.lex.verbs.contains(lw)
                            && !self.lex.auxiliaries.contains(lw)
                            && !self.lex.common.contains(lw)
                            && lw.chars().all(|c| c.is_alphabetic() || c == '-'))
                }
                Kind::Punct => false,
            };
            if !is_np_word {
                break;
            }
            last = k;
            k += 1;
        }
        if last == h {
            h
        } else {
            last
        }
    }

    /// Is the mention ending at token `j` the subject of a verb that follows it? `plural`
    /// subjects take base forms ("officials say"); singular ones do not ("Western support").
    pub(super) fn acting_after(&self, j: usize, plural: bool) -> Act {
        let n = self.t.len();
        let mut k = j + 1;
        // "Mali, alongside Burkina Faso and Niger, faces": the verb follows the parenthesis.
        if k + 1 < n && self.w(k) == "," && self.accompaniment_at(k + 1) {
            if let Some(c) = (k + 2..n.min(k + 14)).find(|&c| self.w(c) == "," || self.t[c].kind == Kind::Punct) {
                if self.w(c) == "," {
                    k = c + 1;
                }
            }
        }
        // "India and Pakistan, for instance, spar", "Mali, however, refused": a discourse
        // adverbial between commas stands between the subject and its verb.
        if k < n && self.w(k) == "," {
            if let Some(c) = (k + 2..n.min(k + 5)).find(|&c| self.w(c) == ",") {
                let words: Vec<&str> = (k + 1..c).map(|x| self.lw(x)).collect();
                if matches!(
                    words.as_slice(),
                    ["however"]
                        | ["meanwhile"]
                        | ["though"]
                        | ["too"]
                        | ["instead"]
                        | ["therefore"]
                        | ["for", "instance"]
                        | ["for", "example"]
                        | ["in", "turn"]
                        | ["in", "fact"]
                        | ["in", "response"]
                        | ["in", "particular"]
                        | ["for", "its", "part"]
                        | ["for", "their", "part"]
                        | ["for", "his", "part"]
                        | ["for", "her", "part"]
                ) {
                    k = c + 1;
                }
            }
        }
        let mut skipped = 0;
        while k < n && skipped < 2 && self.is_word(k) {
            let w = self.w(k);
            if (w.ends_with("ly") && w.len() > 4 && !self.lex.verbs.contains(w))
                || matches!(
                    w,
                    "also"
                        | "now"
                        | "then"
                        | "still"
                        | "already"
                        | "again"
                        | "never"
                        | "later"
                        | "first"
                        | "previously"
                        | "not"
                        | "soon"
                        | "quickly"
                )
            {
                k += 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if !self.is_word(k) {
            return Act::No;
        }
        // In a title-case headline the verb is capitalised too ("France Expels Diplomats").
        let w = if self.headline { self.lw(k) } else { self.w(k) };
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return Act::No;
        }
        if matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being") {
            // "Mali is seeking" (active), "France was accused" (passive); not "Mali is a country".
            let mut v = k + 1;
            while self.is_word(v) && matches!(self.w(v), "not" | "also" | "being" | "now" | "still") {
                v += 1;
            }
            if !self.is_word(v) {
                return Act::No;
            }
            let vw = self.w(v);
            if vw.ends_with("ing") && vw.len() > 4 {
                return Act::Active;
            }
            if vw.ends_with("ed") || self.lex.verbs.contains(vw) {
                return Act::Passive;
            }
            return Act::No;
        }
        if self.lex.auxiliaries.contains(w) {
            // "has been arrested" is passive.
            if matches!(w, "has" | "have" | "had") && self.is_word(k + 1) && self.w(k + 1) == "been" {
                let v = k + 2;
                if self.is_word(v) && !self.w(v).ends_with("ing") {
                    return Act::Passive;
                }
            }
            return Act::Active;
        }
        if self.lex.verbs.contains(w) {
            if !plural && self.lex.base_only.contains(w) {
                return Act::No;
            }
            return Act::Active;
        }
        if w.ends_with("ed") && w.len() > 4 {
            return Act::Active;
        }
        Act::No
    }

    /// Does a phrase of accompaniment start at `k` ("alongside", "along with", "together with")?
    pub(super) fn accompaniment_at(&self, k: usize) -> bool {
        self.is_word(k)
            && match self.lw(k) {
                "alongside" => true,
                "along" | "together" => self.is_word(k + 1) && self.lw(k + 1) == "with",
                _ => false,
            }
    }

    /// Is the mention at `i` inside a parenthesis of accompaniment whose subject acts: "Mali,
    /// alongside [Burkina Faso] and Niger, faces", "armed groups, along with [criminal
    /// networks], have waged"?
    pub(super) fn accompanies_subject(&self, i: usize) -> bool {
        let open = if i >= 2 && self.lw(i - 1) == "alongside" {
            i - 2
        } else if i >= 3 && self.lw(i - 1) == "with" && matches!(self.lw(i - 2), "along" | "together") {
            i - 3
        } else {
            return false;
        };
        if self.w(open) != "," {
            return false;
        }
        match (i..self.t.len().min(i + 12)).find(|&c| self.t[c].kind == Kind::Punct) {
            Some(c) if self.w(c) == "," => self.acting_after(c, true) == Act::Active,
            _ => false,
        }
    }

    /// The last token of the mention `i..=j` with the quotation marks that enclose exactly it
    /// ("“foreign states” are seeking"): its verb follows the closing mark.
    pub(super) fn quote_end(&self, i: usize, j: usize) -> usize {
        let n = self.t.len();
        if i > 0 && j + 1 < n && matches!(self.w(i - 1), "“" | "\"" | "‘") && matches!(self.w(j + 1), "”" | "\"" | "’")
        {
            j + 1
        } else {
            j
        }
    }

    /// Is the mention at `i` the doer or other party named after "from" / "of" and a relation
    /// word ("support from Russia", "distanced itself from France", "the help of foreign
    /// states", "on behalf of the intelligence service")?
    pub(super) fn relation_before(&self, i: usize) -> bool {
        if i < 2 || !matches!(self.lw(i - 1), "from" | "of") {
            return false;
        }
        for k in (i.saturating_sub(4)..i - 1).rev() {
            if !self.is_word(k) {
                return false;
            }
            if self.lex.relations.contains(self.lw(k)) {
                return true;
            }
        }
        false
    }

    /// Does a relative clause with a verb follow token `j` ("five French embassy personnel, who
    /// departed Bamako")? Its antecedent is the doer.
    pub(super) fn who_acts(&self, j: usize) -> bool {
        j + 3 < self.t.len()
            && self.w(j + 1) == ","
            && self.lw(j + 2) == "who"
            && self.acting_after(j + 2, true) == Act::Active
    }

    /// Is token `i` the object of a preposition ("the expulsion of diplomats coincided")?
    pub(super) fn after_preposition(&self, i: usize) -> bool {
        // "in northern Mali", "to neighbouring Niger": a region word between them.
        let i = if i > 1
            && self.is_word(i - 1)
            && matches!(
                self.w(i - 1),
                "northern" | "southern" | "eastern" | "western" | "central" | "neighbouring" | "neighboring"
            ) {
            i - 1
        } else {
            i
        };
        i > 0 && self.is_word(i - 1) && PREPOSITIONS.contains(&self.lw(i - 1))
    }

    /// Is the mention starting at token `i` an agent or a source named before it ("by Mali",
    /// "according to French officials", "said Angers")?
    pub(super) fn agent_before(&self, i: usize, j: usize) -> bool {
        if i == 0 {
            return false;
        }
        // "by Islamist insurgencies": a modifier of the noun after it, not an agent.
        if self.is_word(j + 1) {
            let next = self.lw(j + 1);
            // ("from armed groups linked to al-Qaeda": a participle, not a noun.)
            let participle = next.ends_with("ed") && next.len() > 4;
            if next.chars().next().is_some_and(char::is_lowercase)
                && !self.lex.common.contains(next)
                && !self.lex.verbs.contains(next)
                && !PREPOSITIONS.contains(&next)
                && !participle
            {
                return false;
            }
        }
        let p = self.lw(i - 1);
        if p == "by" || self.relation_before(i) {
            return true;
        }
        // "by the United States": the article between the agent cue and the name.
        if p == "the" && i >= 2 && self.lw(i - 2) == "by" {
            return true;
        }
        if p == "to" && i >= 2 && self.lw(i - 2) == "according" {
            return true;
        }
        // Inverted speech: "..., said Angers." / "said the ministry,".
        let ends_clause =
            j + 1 >= self.t.len() || matches!(self.w(j + 1), "." | "," | ";" | "!" | "?" | "\"" | "”" | "’" | ")");
        let after_quote = i >= 2 && matches!(self.w(i - 2), "," | "”" | "\"" | "’" | "'");
        matches!(p, "said" | "says" | "told" | "added" | "reported" | "wrote" | "warned" | "insisted")
            && ends_clause
            && after_quote
    }

    /// Is the state at `i..=j` the other party of a relation ("cooperation with Mali",
    /// "between France and Mali", "against Russia")?
    pub(super) fn other_party(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = self.lw(i - 1);
        matches!(p, "with" | "between" | "against" | "versus" | "toward" | "towards")
    }
}
