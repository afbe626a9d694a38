//! Family: nominals. A head noun ("officials", "the ministry", "a diplomatic source") with its
//! modifiers, kept only where it acts or speaks (GUIDELINES.md: nominal mentions of actors),
//! with its kind and canonical name: the state's own name ("Malian authorities" -> Mali), a
//! body's ("Malian junta"), or a description ("French diplomatic source").
//!
//! Owns: nominal heads, their modifiers and determiners, their canonical names. It must not:
//! resolve a bare nominal to a body or state named elsewhere (`identity.rs` does, per document).

use super::lexicon::{self, Entry, HeadRule, Lexicon};
use super::rule::{Act, Cand, Class, Pass, Unit};
use super::sentence::Sentence;
use super::token::Kind;
use super::words::{head_is_plural, is_compound, DETERMINERS};
use crate::model::{ActorKind, Mention};

/// Numbers that count a group of people ("the two Malian diplomats").
pub(super) const NUMERALS: &[&str] =
    &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens"];

/// The family's pass over a sentence.
pub(super) const PASS: Pass = Pass { name: "nominal", run: |s, units, out| s.nominals(units, out) };

impl Sentence<'_> {
    /// "French officials protested", "a French diplomatic source said", "the junta insists".
    pub(super) fn nominals(&mut self, units: &[Unit], out: &mut Vec<Cand>) {
        for h in 0..self.t.len() {
            let Some(head) = self.nominal_head(h, units) else {
                continue;
            };
            let lw = self.lw(h);
            let (a, state, owner) = self.nominal_modifiers(h, head, units);
            if head.needs_mod && a == h && owner.is_none() {
                continue;
            }
            // "France's [embassy]": the possessive pass decided about it.
            if a > 0 && self.t[a - 1].kind == Kind::Poss {
                continue;
            }
            let start = self.nominal_start(a);
            let plural = head_is_plural(lw);
            let subject = (self.acting_after(self.quote_end(start, h), plural) == Act::Active
                || self.acting_after(self.skip_complement(h), plural) == Act::Active
                || self.who_acts(self.skip_complement(h)))
                && !self.after_preposition(start);
            if !(subject || self.agent_before(start, h) || self.accompanies_subject(start)) {
                continue;
            }
            if self.headline {
                continue;
            }
            let head_w = lw.to_owned();
            let mods: Vec<String> = (a..h).map(|x| self.case_word(x).to_string()).collect();
            let (kind, canonical) = if let Some(u) = owner {
                let name = match &u.class {
                    Class::KnownPerson(p) => self.lex.people[*p].to_string(),
                    Class::Org(o) => self.lex.orgs[*o].canonical.clone(),
                    _ => self.text[self.t[u.i].s..self.t[u.j].e].to_string(),
                };
                (head.kind, format!("{name} {}", singular(self.lex, &head_w, head)))
            } else if state.is_none() && head.rule != HeadRule::Describe {
                // Filled in by the document pass from the nearest state or body.
                (head.kind, String::new())
            } else {
                self.nominal_canonical(state, &mods, &head_w, head)
            };
            // "armed groups", "jihadist networks": an armed group whatever the head.
            let kind = if (a..h).any(|x| self.lex.group_mods.contains(self.lw(x))) { ActorKind::Group } else { kind };
            // A counted group of people keeps its number: "the two Malian diplomats" -> "two
            // Malian diplomats" (one group, not one diplomat).
            let numeral = (start..a).find(|&x| NUMERALS.contains(&self.lw(x)));
            let canonical = match numeral {
                Some(x) if owner.is_none() && head.kind == ActorKind::Person && head.rule == HeadRule::Describe => {
                    let mut full = self.lw(x).to_string();
                    for y in a..=h {
                        full.push(' ');
                        full.push_str(self.case_word(y));
                    }
                    full
                }
                _ => canonical,
            };
            let rule = if canonical.is_empty() { "nominal-bare" } else { "nominal" };
            let mut c = self.cand(start, h, kind, Mention::Nominal, canonical, None, rule);
            c.ruler = self.military_ruler(start, h);
            if let Some(st) = state {
                c.state = Some(self.lex.states[st].canonical.clone());
            }
            if c.canonical.is_empty() {
                c.canonical = format!("?{}", singular(self.lex, &head_w, head));
                if head.rule == HeadRule::Own {
                    c.canonical = format!("?own:{head_w}");
                }
            }
            for x in start..=h {
                self.used[x] = true;
            }
            out.push(c);
        }
    }

    /// A nominal head at token `h`: a head noun of data/actors/heads.txt written in lowercase
    /// (or opening the sentence), the last of a compound ("government officials"), no title
    /// before a name ("spokesman Jean Dupont"), not inside a name.
    fn nominal_head(&self, h: usize, units: &[Unit]) -> Option<lexicon::Head> {
        if !self.is_word(h) || self.used[h] || self.t[h].e - self.t[h].s < 3 {
            return None;
        }
        let first = self.text.as_bytes()[self.t[h].s];
        if !first.is_ascii_lowercase() && (!self.initial[h] || !first.is_ascii_uppercase()) {
            return None;
        }
        let lw = self.lw(h);
        if lexicon::shape(lw).is_some_and(|k| !self.lex.head_shapes[k]) {
            return None;
        }
        let head = self.lex.heads.get(lw).copied()?;
        // Take the last of "government officials".
        if self.is_word(h + 1) && self.lex.heads.contains_key(self.lw(h + 1)) {
            return None;
        }
        // "spokesman Jean Dupont": a title before a name, not a mention of its own.
        if self.cap(h + 1) {
            return None;
        }
        if self.modifies_next_noun(h, head) {
            return None;
        }
        // A capitalised head inside a name ("Ministry" of a named ministry) is not ours.
        if self.cap(h) && !self.initial[h] {
            return None;
        }
        if units.iter().any(|u| u.i <= h && h <= u.j) {
            return None;
        }
        Some(head)
    }

    /// "talk radio host", "a radio program": a head that needs a modifier ("state radio",
    /// "state media") is a noun modifying the lowercase noun after it, not a head; a base form
    /// cannot follow a singular head as its verb ("radio host").
    pub(super) fn modifies_next_noun(&self, h: usize, head: lexicon::Head) -> bool {
        if !head.needs_mod || !self.is_word(h + 1) {
            return false;
        }
        let n = self.lw(h + 1);
        let plural = head_is_plural(self.lw(h)) || self.lw(h) == "media";
        let noun = !self.lex.verbs.contains(n) && !n.ends_with("ed") && !n.ends_with("ing");
        self.w(h + 1).chars().all(|c| c.is_ascii_lowercase())
            && !self.lex.auxiliaries.contains(n)
            && !self.lex.common.contains(n)
            && (noun || (!plural && self.lex.base_only.contains(n)))
    }

    /// The modifiers left of the head `h`: where they start, the state a demonym or a state's
    /// name among them gives ("French officials", "US officials"), and the person whose body
    /// the head is ("the Trump campaign").
    fn nominal_modifiers<'u>(
        &self,
        h: usize,
        head: lexicon::Head,
        units: &'u [Unit],
    ) -> (usize, Option<usize>, Option<&'u Unit>) {
        // Modifiers to the left.
        let mut a = h;
        let mut state: Option<usize> = None;
        // A name before the head: "the Trump campaign", "Clinton aides".
        let mut owner: Option<&Unit> = None;
        while a > 0 && h - a < 4 && owner.is_none() {
            let k = a - 1;
            if !self.is_word(k) || self.used[k] {
                break;
            }
            let w = self.w(k);
            let lk = self.lw(k);
            if let Some(st) = self.lex.adjectives.get(w) {
                state = Some(*st);
                a = k;
                continue;
            }
            // "Paris-based", "Iran-backed", "EADS-led": a compound ending in a lowercase part.
            if is_compound(w) && w.chars().all(|c| c.is_alphanumeric() || c == '-') {
                a = k;
                continue;
            }
            // A sentence's first word, a common word written with a capital: "Armed groups".
            // ("Human rights groups said": a word no list knows, alone, opening the sentence.)
            let plain_initial = || {
                units.iter().find(|u| u.i <= k && k <= u.j).map_or(self.lower_words.contains(lk), |u| {
                    u.i == k
                        && u.j == k
                        && u.class == Class::Unknown
                        && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
                })
            };
            if self.initial[k]
                && self.cap(k)
                && !self.lex.common.contains(lk)
                && (self.lex.group_mods.contains(lk) || plain_initial())
            {
                a = k;
                continue;
            }
            // A capitalised modifier outside any name: "the Republican nominee".
            if self.cap(k)
                && !self.initial[k]
                && w.chars().all(char::is_alphabetic)
                && !units.iter().any(|u| u.i <= k && k <= u.j)
            {
                a = k;
                continue;
            }
            if let Some(u) = units.iter().find(|u| u.j == k && u.i == k) {
                if let Class::State { state: st, capital: false } = u.class {
                    // "US officials".
                    state = Some(st);
                    a = k;
                    continue;
                }
            }
            if let Some(u) = units.iter().find(|u| u.j == k) {
                // Only a person's body: "the Trump campaign", "the Obama administration";
                // "Al-Shabaab fighters" keeps its name apart.
                let named = matches!(u.class, Class::Person { .. } | Class::KnownPerson(_))
                    && head.kind == ActorKind::Organization;
                // "the Ruritanian regime", "the Democratic nominee": a single word no list knows,
                // shaped as a demonym, between "the" and the head, says whose body it is (its
                // named modifier; GUIDELINES: "French envoy" is one nominal). A name of
                // another shape ("the Obama administration") keeps its name.
                let demonym = ["an", "ese", "ish", "i", "ic"].iter().any(|e| lk.ends_with(e));
                let named = named
                    || (u.i == k
                        && u.class == Class::Unknown
                        && demonym
                        && !self.initial[k]
                        && k > 0
                        && self.lw(k - 1) == "the"
                        && w.chars().skip(1).all(char::is_lowercase));
                if named && a == h && !(u.i..=u.j).any(|x| self.used[x]) {
                    owner = Some(u);
                    a = u.i;
                    continue;
                }
                break;
            }
            // A lowercase modifier: "diplomatic source"; a noun that heads nominals itself
            // modifies this one even where it is also a verb ("campaign operative", "state
            // media").
            if w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !self.lex.common.contains(lk)
                && (!self.lex.verbs.contains(lk) || self.lex.heads.contains_key(lk) || lk == "state")
                && !self.lex.auxiliaries.contains(lk)
            {
                a = k;
                continue;
            }
            break;
        }
        (a, state, owner)
    }

    /// Where a nominal whose modifiers start at `a` starts: with its determiners ("the two
    /// Malian diplomats") and a coordinated noun ("some civilians and soldiers").
    fn nominal_start(&self, a: usize) -> usize {
        // Determiners ("the two Malian diplomats").
        let mut start = a;
        while start > 0 && a - start < 2 && self.is_word(start - 1) && !self.used[start - 1] {
            let d = self.lw(start - 1);
            // "another source": the determiner that makes it a new one stays in the span.
            if (DETERMINERS.contains(&d) && d != "of") || d == "another" {
                start -= 1;
            } else {
                break;
            }
        }
        // "some civilians and soldiers": one mention of the coordinated nouns.
        if start == a && start >= 3 && self.lw(start - 1) == "and" && self.is_word(start - 2) {
            let other = self.lw(start - 2);
            let det = self.lw(start - 3);
            if other.ends_with('s')
                && other.chars().all(char::is_alphabetic)
                && !self.used[start - 2]
                && DETERMINERS.contains(&det)
                && det != "of"
            {
                start -= 3;
            }
        }
        start
    }

    /// Kind and canonical name of a nominal with the state `st` (if known), modifiers and head.
    pub(super) fn nominal_canonical(
        &self,
        st: Option<usize>,
        mods: &[String],
        head_w: &str,
        head: lexicon::Head,
    ) -> (ActorKind, String) {
        let mods: Vec<&str> = mods
            .iter()
            .map(String::as_str)
            .filter(|m| !DETERMINERS.contains(&m.to_lowercase().as_str()) && !self.lex.adjectives.contains_key(*m))
            .filter(|m| !matches!(self.lex.names.get(*m), Some(Entry::State { .. })))
            .collect();
        let singular = singular(self.lex, head_w, head);
        match (st, head.rule) {
            (Some(s), HeadRule::State) => (ActorKind::State, self.lex.states[s].canonical.clone()),
            (Some(s), HeadRule::Own) => {
                let adj = &self.lex.states[s].adjective;
                let mut full = adj.clone();
                for m in &mods {
                    full.push(' ');
                    full.push_str(m);
                }
                full.push(' ');
                full.push_str(head_w);
                if let Some(Entry::Org(o)) = self.lex.names.get(full.as_str()) {
                    let org = &self.lex.orgs[*o];
                    return (org.kind, org.canonical.clone());
                }
                (head.kind, full)
            }
            (Some(s), HeadRule::Describe) => {
                let mut full = self.lex.states[s].adjective.clone();
                for m in &mods {
                    full.push(' ');
                    full.push_str(m);
                }
                full.push(' ');
                full.push_str(&singular);
                (head.kind, full)
            }
            (None, _) => {
                let mut full = String::new();
                for m in &mods {
                    full.push_str(m);
                    full.push(' ');
                }
                full.push_str(&singular);
                (head.kind, full)
            }
        }
    }

    /// Is the nominal `a..=h` a military that rules: "the military leadership", "the military
    /// government", "soldiers took power"? A state's military rulers are its junta.
    pub(super) fn military_ruler(&self, a: usize, h: usize) -> bool {
        let military = (a..=h).any(|x| self.lw(x) == "military");
        let rules = matches!(self.lw(h), "leadership" | "rulers" | "government" | "regime" | "authorities");
        let took_power = self.is_word(h + 2)
            && matches!(self.lw(h + 1), "took" | "seized" | "grabbed")
            && self.lw(h + 2) == "power"
            && matches!(self.lw(h), "military" | "army" | "soldiers" | "officers");
        (military && rules) || took_power
    }
}

/// The singular of a person head for a descriptive canonical ("sources" -> "source").
pub(super) fn singular(lex: &Lexicon, head_w: &str, head: lexicon::Head) -> String {
    if head.kind == ActorKind::Person {
        if let Some(s) = head_w.strip_suffix('s') {
            if lex.heads.contains_key(s) {
                return s.to_string();
            }
        }
    }
    head_w.to_string()
}
