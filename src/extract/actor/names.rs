//! Family: names as actors. Known organisations and people, persons found from titles and
//! given names, organisations found from a suffix or a unit number, single capitalised words
//! (kept when they act, later linked or dropped), capitalised names of unknown kind, names
//! inside an agentive compound ("EADS-led"), and the role an apposition gives a person.
//!
//! Owns: the candidate each class of unit makes and the guards that keep places, works and
//! labels out. It must not: link names across the document (`identity.rs`).

use super::lexicon::{Entry, HeadRule};
use super::rule::{Act, Cand, Class, Pending, Unit};
use super::sentence::Sentence;
use super::token::Kind;
use super::words::{head_is_plural, is_acronym, is_compound, COMPASS};
use crate::model::{ActorKind, Mention};

/// Participles that make the name before them in one word an actor: "EADS-led", "Iran-backed".
pub(super) const COMPOUND_PARTICIPLES: &[&str] = &[
    "led",
    "backed",
    "owned",
    "run",
    "funded",
    "sponsored",
    "linked",
    "allied",
    "aligned",
    "controlled",
    "supported",
    "affiliated",
    "brokered",
    "imposed",
    "financed",
    "armed",
    "operated",
];

/// Endings of adverbs, which open sentences capitalised ("Roughly", "Frequently").
pub(super) const ADVERB_ENDINGS: &[&str] =
    &["ently", "antly", "ously", "ately", "ively", "ghly", "ually", "ically", "edly", "ingly", "ssly", "ully"];

impl Sentence<'_> {
    pub(super) fn emit_units(&mut self, units: &[Unit], out: &mut Vec<Cand>) {
        // States acting in a coordination: "France and Mali have ..." / "between X and Y".
        let mut state_actor: Vec<bool> = vec![false; units.len()];
        for (ui, u) in units.iter().enumerate() {
            if let Class::State { .. } = u.class {
                state_actor[ui] = (self.acting_after(self.quote_end(u.i, u.j), false) != Act::No
                    && !self.after_preposition(u.i))
                    || self.agent_before(u.i, u.j)
                    || self.other_party(u.i)
                    || self.accompanies_subject(u.i);
            }
        }
        // Lists of states share their role: "between Australia, Indonesia, Thailand and
        // Malaysia", "France and Mali have ...".
        let mut ui = 0;
        while ui < units.len() {
            let mut uj = ui;
            while uj + 1 < units.len()
                && matches!(units[uj].class, Class::State { .. })
                && matches!(units[uj + 1].class, Class::State { .. })
                && {
                    let gap: Vec<&str> = (units[uj].j + 1..units[uj + 1].i).map(|k| self.lw(k)).collect();
                    matches!(gap.as_slice(), [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"])
                }
            {
                uj += 1;
            }
            if uj > ui {
                // "to Indonesia, Thailand and Malaysia were cut": places, like the first one.
                let shared = (ui..=uj).any(|k| state_actor[k]) && !self.after_preposition(units[ui].i);
                for flag in &mut state_actor[ui..=uj] {
                    *flag = shared;
                }
            }
            ui = uj + 1;
        }
        for (ui, u) in units.iter().enumerate() {
            if (u.i..=u.j).any(|x| self.used[x]) {
                continue;
            }
            // "EADS-led": left to `compound_names`.
            if u.i == u.j && is_compound(self.w(u.i)) {
                continue;
            }
            let name = &self.text[self.t[u.i].s..self.t[u.j].e];
            match &u.class {
                Class::State { state, capital } => {
                    if state_actor[ui] {
                        let canon = self.lex.states[*state].canonical.clone();
                        let rule = if *capital { "capital-for-state" } else { "state-acts" };
                        self.push(out, u.i, u.j, ActorKind::State, Mention::Name, canon, None, rule);
                    }
                }
                Class::Org(o) => {
                    let org = &self.lex.orgs[*o];
                    self.push(out, u.i, u.j, org.kind, Mention::Name, org.canonical.clone(), None, "gazetteer");
                }
                Class::KnownPerson(p) => {
                    let role = u.role.clone().or_else(|| self.title_before(u.i)).or_else(|| self.apposition_role(u.j));
                    let canon = self.lex.people[*p].to_string();
                    self.push(out, u.i, u.j, ActorKind::Person, Mention::Name, canon, role, "gazetteer-person");
                }
                Class::Person { role } => {
                    if u.initial && u.i == u.j && self.lower_words.contains(self.lw(u.i)) {
                        continue;
                    }
                    if role.is_none() && (self.in_title_quote(u.i, u.j) || self.place_before_region(units, u.j)) {
                        continue;
                    }
                    let role = role.clone().or_else(|| self.apposition_role(u.j));
                    let mut c = self.cand(u.i, u.j, ActorKind::Person, Mention::Name, name.to_string(), role, "person");
                    c.pending = Pending::Person;
                    if u.i == u.j && c.role.is_none() && u.initial {
                        // A given name alone: kept when it links to a person of the document
                        // or acts.
                        let acting = (self.acting_after(u.j, false) == Act::Active && !self.after_preposition(u.i))
                            || self.agent_before(u.i, u.j);
                        c.pending = Pending::Single { acting, acronym: false, weak: false };
                    }
                    self.mark(u.i, u.j);
                    out.push(c);
                }
                Class::NewOrg(kind) => {
                    let i = self.unit_number(u.i, u.j).unwrap_or(u.i);
                    let name = &self.text[self.t[i].s..self.t[u.j].e];
                    let c = self.cand(i, u.j, *kind, Mention::Name, name.to_string(), None, "org-suffix");
                    self.mark(i, u.j);
                    out.push(c);
                }
                Class::Unknown if self.unit_number(u.i, u.j).is_some() => {
                    // "65 Fighter Wing": a numbered military unit.
                    let i = self.unit_number(u.i, u.j).unwrap_or(u.i);
                    let name = &self.text[self.t[i].s..self.t[u.j].e];
                    let c = self.cand(
                        i,
                        u.j,
                        ActorKind::Organization,
                        Mention::Name,
                        name.to_string(),
                        None,
                        "unit-number",
                    );
                    self.mark(i, u.j);
                    out.push(c);
                }
                Class::Unknown => {
                    let words = u.j - u.i + 1;
                    // "Buddha for Mary" in quotes: a work's title; "Sandy Hook, Maryland": a place.
                    if self.in_title_quote(u.i, u.j) || self.place_before_region(units, u.j) {
                        continue;
                    }
                    // Where capitals prove nothing, a single word is kept only as the surname
                    // of a person named elsewhere in the document.
                    let weak = self.headline
                        || (u.initial && self.lower_words.contains(self.lw(u.i)))
                        || (words == 1 && (u.initial || !self.terminated));
                    // A label in a table row ("Total Dead: 192") is no name.
                    let label = !self.terminated && u.j + 1 < self.t.len() && self.w(u.j + 1) == ":";
                    if words > 1 && (weak || label) {
                        continue;
                    }
                    if self.lex.titles.contains_key(self.lw(u.i)) && u.i == u.j {
                        continue;
                    }
                    // "pressed Western allies": a direction, not a name; "Roughly translated",
                    // "Frequently injured": an adverb opening the sentence; "a 2.26 ERA": a
                    // measure after its number.
                    if words == 1
                        && (COMPASS.contains(&name)
                            || (u.initial && ADVERB_ENDINGS.iter().any(|e| self.lw(u.i).ends_with(e)))
                            || (u.i > 0 && {
                                // A decimal, not a year ("In 1994 6PR was purchased").
                                let digits = |k: usize| self.w(k).bytes().all(|b| b.is_ascii_digit());
                                u.i > 2 && digits(u.i - 1) && self.w(u.i - 2) == "." && digits(u.i - 3)
                            }))
                    {
                        continue;
                    }
                    // "engine maker Europrop", "German airline Aer Lingus": a name after the
                    // common noun that says what it is names an organisation.
                    let described = self.org_descriptor_before(u.i);
                    let acting = (self.acting_after(u.j, false) == Act::Active && !self.after_preposition(u.i))
                        || self.agent_before(u.i, u.j)
                        || described;
                    if words == 1 {
                        let acronym = is_acronym(name)
                            && !self.headline
                            && name.chars().filter(|c| c.is_alphanumeric()).count() > 2
                            && !self.lower_words.contains(name.to_lowercase().as_str())
                            && !self.lex.common.contains(self.lw(u.i));
                        let weak = weak
                            && (!u.initial || !acting || name.ends_with('s') || self.headline)
                            && (!acronym || u.initial);
                        // The object of a verb ("accused Vezilier of") or an owner ("Vezilier's
                        // role") is a name too.
                        let object = u.i > 0
                            && self.is_word(u.i - 1)
                            && self.lex.verbs.contains(self.w(u.i - 1))
                            && !self.lex.base_only.contains(self.w(u.i - 1));
                        let owner = u.j + 1 < self.t.len() && self.t[u.j + 1].kind == Kind::Poss;
                        let acting = acting || ((object || owner) && !u.initial);
                        // Done to people: "accused Vezilier", "Vezilier, who".
                        let person_object = object
                            && matches!(
                                self.lw(u.i - 1),
                                "accused"
                                    | "arrested"
                                    | "detained"
                                    | "charged"
                                    | "killed"
                                    | "sentenced"
                                    | "released"
                                    | "freed"
                                    | "appointed"
                                    | "named"
                                    | "elected"
                                    | "met"
                                    | "told"
                                    | "thanked"
                                    | "sacked"
                                    | "fired"
                                    | "hired"
                                    | "interviewed"
                                    | "expelled"
                                    | "kidnapped"
                                    | "abducted"
                                    | "married"
                            );
                        let who = u.j + 2 < self.t.len() && self.w(u.j + 1) == "," && self.lw(u.j + 2) == "who";
                        let kind = if (person_object || who) && !described {
                            ActorKind::Person
                        } else {
                            ActorKind::Organization
                        };
                        let mut c = self.cand(u.i, u.j, kind, Mention::Name, name.to_string(), None, "single-name");
                        c.pending = Pending::Single { acting, acronym, weak };
                        self.mark(u.i, u.j);
                        out.push(c);
                    } else {
                        // "in Chiang Mai", "near Kopački Rit": a place; a quoted title: a work.
                        let place_prep = u.i > 0
                            && matches!(
                                self.lw(u.i - 1),
                                "in" | "at" | "near" | "from" | "into" | "across" | "outside" | "inside" | "throughout"
                            );
                        let quoted = u.i > 0
                            && matches!(self.w(u.i - 1), "\"" | "“" | "‘")
                            && u.j + 1 < self.t.len()
                            && matches!(self.w(u.j + 1), "\"" | "”" | "’");
                        if (place_prep || quoted) && !acting {
                            continue;
                        }
                        if described {
                            let c = self.cand(
                                u.i,
                                u.j,
                                ActorKind::Organization,
                                Mention::Name,
                                name.to_string(),
                                None,
                                "described-name",
                            );
                            self.mark(u.i, u.j);
                            out.push(c);
                            continue;
                        }
                        // "the Excursion House", "A Beautiful Lie": a person's name takes no
                        // article; an organisation's does when it acts ("the Used announced").
                        let is_article = |k: usize| self.is_word(k) && matches!(self.lw(k), "the" | "a" | "an");
                        let article = (u.i > 0 && is_article(u.i - 1))
                            || (u.i > 1
                                && is_article(u.i - 2)
                                && self.is_word(u.i - 1)
                                && self.w(u.i - 1).chars().all(|c| c.is_ascii_lowercase()));
                        if article && !acting {
                            continue;
                        }
                        // ("Wal - Mart", hyphenated, is no person's name.)
                        let kind = if words <= 3
                            && !article
                            && !(u.i..=u.j).any(|x| is_acronym(self.w(x)) || self.w(x) == "-")
                        {
                            ActorKind::Person
                        } else {
                            ActorKind::Organization
                        };
                        let mut c =
                            self.cand(u.i, u.j, kind, Mention::Name, name.to_string(), None, "capitalised-name");
                        if kind == ActorKind::Person {
                            c.pending = Pending::Person;
                        }
                        self.mark(u.i, u.j);
                        out.push(c);
                    }
                }
                Class::Place | Class::Not => {}
            }
        }
        self.compound_names(out);
    }

    /// Is `i..=j` inside a short quotation written in title case ("“Buddha for Mary”", "“Time
    /// to Wake Up”"): the title of a work, not a name. Only capitalised words, small function
    /// words, possessives and stops between the marks, at most ten tokens.
    pub(super) fn in_title_quote(&self, i: usize, j: usize) -> bool {
        const SMALL: &[&str] =
            &["of", "the", "a", "an", "to", "for", "and", "in", "on", "at", "with", "from", "by", "up", "or", "is"];
        let inside = |k: usize| match self.t[k].kind {
            Kind::Word => self.cap(k) || SMALL.contains(&self.w(k)) || self.w(k).bytes().all(|b| b.is_ascii_digit()),
            Kind::Poss => true,
            Kind::Punct => matches!(self.w(k), "." | ":" | "!" | "?"),
        };
        let mut a = i;
        while a > 0 && i - a < 10 && !matches!(self.w(a - 1), "“" | "\"") && inside(a - 1) {
            a -= 1;
        }
        if a == 0 || !matches!(self.w(a - 1), "“" | "\"") {
            return false;
        }
        let n = self.t.len();
        let mut b = j;
        while b + 1 < n && b - a < 10 && !matches!(self.w(b + 1), "”" | "\"") && inside(b + 1) {
            b += 1;
        }
        b + 1 < n && matches!(self.w(b + 1), "”" | "\"") && b > a
    }

    /// Is the name ending at `j` a place followed by its region: "Sandy Hook, Maryland", "Fort
    /// Lauderdale, Florida)", "Saffron Walden, England,"? The region is a known place or state
    /// that ends the phrase.
    pub(super) fn place_before_region(&self, units: &[Unit], j: usize) -> bool {
        if j + 2 >= self.t.len() || self.w(j + 1) != "," {
            return false;
        }
        let Some(r) = units.iter().find(|v| v.i == j + 2) else {
            return false;
        };
        // ("Yes, Gentle Giant, Kansas, Tangerine Dream": a list of names goes on.)
        let e = r.j + 1;
        let n = self.t.len();
        matches!(r.class, Class::Place | Class::State { capital: false, .. })
            && (e >= n
                || (self.t[e].kind == Kind::Punct
                    && !matches!(self.w(e), "-" | "&" | "/")
                    && !(self.w(e) == "," && self.cap(e + 1))))
    }

    /// The number that opens the name of the military unit `i..=j` ("[65th] Air Division",
    /// "[4] Air Defense Wing", "[93d] Infantry Regiment"): its token, when there is one.
    pub(super) fn unit_number(&self, i: usize, j: usize) -> Option<usize> {
        const UNITS: &[&str] = &[
            "Division",
            "Wing",
            "Regiment",
            "Battalion",
            "Squadron",
            "Brigade",
            "Corps",
            "Army",
            "Fleet",
            "Infantry",
            "Cavalry",
            "Artillery",
            "Battery",
            "Group",
            "Flotilla",
        ];
        if i == 0 || !self.is_word(i - 1) || !UNITS.contains(&self.w(j)) || self.used[i - 1] {
            return None;
        }
        let w = self.w(i - 1);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let ordinal = matches!(&w[digits..], "" | "st" | "nd" | "rd" | "th" | "d");
        // (Up to three digits: "the 2005 Infantry Group budget" opens with a year.)
        (1..=3).contains(&digits).then_some(i - 1).filter(|_| ordinal)
    }

    /// Is the name at `i` after a singular lowercase noun that says it is an organisation
    /// ("engine maker [Europrop]", "the airline [Aer Lingus]", "electronics company [Apple]")?
    pub(super) fn org_descriptor_before(&self, i: usize) -> bool {
        if i == 0 || !self.is_word(i - 1) || self.cap(i - 1) {
            return false;
        }
        let p = self.lw(i - 1);
        // ("the Obama campaign" names it the other way round.)
        !head_is_plural(p)
            && p != "campaign"
            && self.lex.heads.get(p).is_some_and(|h| h.kind == ActorKind::Organization && h.rule != HeadRule::State)
    }

    /// Names before an agentive participle inside one word: "an [EADS]-led consortium",
    /// "[Hamas]-run ministry", "[Russia]-backed forces" (not "Paris-based": a place). A known
    /// organisation, a state, or an acronym; the rest of the word is no part of the actor.
    pub(super) fn compound_names(&mut self, out: &mut Vec<Cand>) {
        for k in 0..self.t.len() {
            if !self.is_word(k) || self.used[k] || self.headline {
                continue;
            }
            let w = self.w(k);
            // Most words hold no hyphen: a byte scan is cheaper than a reverse search.
            if !w.as_bytes().contains(&b'-') {
                continue;
            }
            let Some((name, part)) = w.rsplit_once('-') else {
                continue;
            };
            if name.is_empty() || !COMPOUND_PARTICIPLES.contains(&part) {
                continue;
            }
            let (kind, canonical) = match self.lex.names.get(name) {
                Some(Entry::Org(o)) => (self.lex.orgs[*o].kind, self.lex.orgs[*o].canonical.clone()),
                Some(Entry::State { state, .. }) => (ActorKind::State, self.lex.states[*state].canonical.clone()),
                Some(Entry::Person(p)) => (ActorKind::Person, self.lex.people[*p].to_string()),
                Some(Entry::Place) => continue,
                None if is_acronym(name) && name.chars().filter(|c| c.is_alphabetic()).count() > 2 => {
                    (ActorKind::Organization, name.to_string())
                }
                None => continue,
            };
            let s = self.t[k].s;
            let mut c = self.cand(k, k, kind, Mention::Name, canonical, None, "compound-name");
            c.e = s + name.len();
            self.used[k] = true;
            out.push(c);
        }
    }

    /// The role an apposition gives the person ending at `j`: "X, Mali's security minister,"
    /// -> "Security Minister"; "X, a spokesman for the ministry" -> "Spokesman".
    pub(super) fn apposition_role(&self, j: usize) -> Option<String> {
        let n = self.t.len();
        if j + 2 >= n || self.w(j + 1) != "," {
            return None;
        }
        let mut k = j + 2;
        if self.is_word(k) && matches!(self.lw(k), "a" | "an" | "the" | "his" | "her" | "its" | "their") {
            k += 1;
        }
        // A state in the possessive or a demonym: "Mali's", "French".
        if self.cap(k) && k + 1 < n && self.t[k + 1].kind == Kind::Poss {
            k += 2;
        } else if self.is_word(k) && self.lex.adjectives.contains_key(self.w(k)) {
            k += 1;
        }
        // Up to four lowercase words; the longest title among them ends the role.
        let mut best: Option<String> = None;
        let mut x = k;
        while x < n && x < k + 4 && self.is_word(x) && !self.cap(x) {
            for start in k..=x {
                if let Some((len, r)) = self.title_at(start) {
                    if start + len - 1 == x {
                        best = Some(r);
                        break;
                    }
                }
            }
            if best.is_some() {
                break;
            }
            x += 1;
        }
        best
    }
}
