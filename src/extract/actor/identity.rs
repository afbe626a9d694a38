//! Resolution to a canonical identity, per document: a person's surname or first name linked to
//! the full name, a short name to its organisation ("Northrop" -> "Northrop Grumman"), one name
//! one kind everywhere, single words kept or dropped on the document's evidence, names listed
//! with kept names, bare nominals ("the ministry", "authorities", "the junta") given the body
//! or state they refer to, unnamed armed groups as one actor.
//!
//! Owns: decisions that need the whole document. It must not: look at tokens or add a
//! candidate (it only relabels or drops).

use super::lexicon::{fold, Entry, HashMap, HeadRule, Lexicon};
use super::rule::{Cand, DocRule, Pending};
use super::words::{is_generation, NAME_PARTICLES};
use crate::model::{ActorKind, Mention};

/// The document rules, in order.
pub(super) const DOC_RULES: [DocRule; 4] = [
    DocRule { name: "same-name", apply: one_kind_per_name },
    DocRule { name: "identities", apply: identities },
    DocRule { name: "list-name", apply: list_names },
    DocRule { name: "anonymous-sources", apply: anonymous_sources },
];

/// `anonymous-sources`: unnamed sources are kept apart (GUIDELINES.md: each anonymous source
/// is its own identity unless the text says it is the same one). A source with no description
/// ("sources said", "a source said", "another source said") is a new identity at each
/// indefinite or bare mention and the one before at a definite one ("the source"); a singular
/// source and a plural one are never the same. A described source ("a French diplomatic
/// source") keeps its description as identity, and "another" makes a new one of it. The new
/// identities are numbered: "source", "source 2", ...; "sources", "sources 2", ...
fn anonymous_sources(_lex: &Lexicon, text: &str, cands: &mut [Cand]) {
    // Per canonical name: how many identities it has, and whether a mention has taken the first.
    let mut seen: HashMap<String, usize> = HashMap::default();
    for c in cands.iter_mut() {
        if c.drop || c.mention != Mention::Nominal || c.canonical.is_empty() {
            continue;
        }
        let quote = &text[c.s..c.e];
        let head = quote.rsplit(' ').next().unwrap_or(quote).to_lowercase();
        if head != "source" && head != "sources" {
            continue;
        }
        let first = quote.split(' ').next().unwrap_or("").to_lowercase();
        let bare = c.canonical == "source";
        let base = if bare && head == "sources" { "sources".to_string() } else { c.canonical.clone() };
        let definite = matches!(first.as_str(), "the" | "this" | "that" | "these" | "those" | "such");
        let new = first == "another" || (bare && !definite);
        let n = seen.entry(base.clone()).or_insert(0);
        if new || *n == 0 {
            *n += 1;
        }
        c.canonical = if *n == 1 { base } else { format!("{base} {n}") };
    }
}

/// Document-level decisions: people linked to fuller names, single capitalised words,
/// nominals without a state named in them; the candidates in text order.
pub(super) fn resolve(lex: &'static Lexicon, text: &str, cands: &mut [Cand]) {
    cands.sort_by_key(|c| c.s);
    for rule in &DOC_RULES {
        (rule.apply)(lex, text, cands);
    }
}

/// `same-name`: a name that some mention shows to be an organisation ("airline Aer Lingus",
/// "Acme Corp") is one in every mention of the document: two capitalised words guessed to be
/// a person's name elsewhere take its kind.
fn one_kind_per_name(_lex: &Lexicon, text: &str, cands: &mut [Cand]) {
    if !cands.iter().any(|c| c.rule == "capitalised-name" && c.kind == ActorKind::Person) {
        return;
    }
    let mut org_names: HashMap<&str, usize> = HashMap::default();
    for (x, c) in cands.iter().enumerate() {
        if matches!(c.kind, ActorKind::Organization | ActorKind::Group)
            && c.mention == Mention::Name
            && !c.drop
            && text[c.s..c.e].contains(' ')
        {
            org_names.entry(&text[c.s..c.e]).or_insert(x);
        }
    }
    for x in 0..cands.len() {
        if cands[x].rule != "capitalised-name" || cands[x].kind != ActorKind::Person {
            continue;
        }
        if let Some(&y) = org_names.get(&text[cands[x].s..cands[x].e]) {
            let (kind, canon) = (cands[y].kind, cands[y].canonical.clone());
            let c = &mut cands[x];
            c.kind = kind;
            c.canonical = canon;
            c.pending = Pending::No;
            c.rule = "same-name";
        }
    }
}

/// Each candidate given its identity: a pending person or single word linked, kept or dropped
/// on the document's evidence ([`Known`]), then a bare nominal given the body or state it
/// refers to ([`Referents`]).
fn identities(lex: &'static Lexicon, text: &str, cands: &mut [Cand]) {
    let known = Known::of(lex, text, cands);
    let mut refs = Referents::of(lex, text, cands);
    for c in cands.iter_mut() {
        known.decide(lex, text, c);
        if !c.drop {
            refs.refer(lex, text, c);
        }
    }
}

/// What the document says about names: its people's full names, surnames and first names, the
/// first words of its organisations' names, single words kept on their own evidence.
struct Known<'t> {
    persons: HashMap<String, String>,
    org_heads: HashMap<&'t str, (ActorKind, String)>,
    surnames: HashMap<String, String>,
    firsts: HashMap<String, Option<String>>,
    singles: HashMap<String, String>,
    sure: HashMap<&'t str, (ActorKind, String)>,
}

impl<'t> Known<'t> {
    fn of(lex: &Lexicon, text: &'t str, cands: &[Cand]) -> Known<'t> {
        // Full names of people in the document, folded, with their canonical names; and the last
        // word of each full name (the first full name with that surname wins).
        let mut persons: HashMap<String, String> = HashMap::default();
        // First words of multi-word organisation names: "Northrop" after "Northrop Grumman".
        let mut org_heads: HashMap<&str, (ActorKind, String)> = HashMap::default();
        for c in cands.iter() {
            if matches!(c.kind, ActorKind::Organization | ActorKind::Group) && c.mention == Mention::Name {
                let name = &text[c.s..c.e];
                if let Some((first, _)) = name.split_once(' ') {
                    // ("European" of "European Aeronautic Defence ..." is a demonym, no short name.)
                    let demonym = lex.adjectives.contains_key(first)
                        || ["ean", "ian", "ese", "ish", "can"].iter().any(|e| first.ends_with(e));
                    if first.chars().count() > 2 && !demonym {
                        org_heads.entry(first).or_insert((c.kind, c.canonical.clone()));
                    }
                }
            }
        }
        let mut surnames: HashMap<String, String> = HashMap::default();
        // First names of the document's people, when only one person has that first name.
        let mut firsts: HashMap<String, Option<String>> = HashMap::default();
        for c in cands.iter() {
            if c.kind == ActorKind::Person && c.mention == Mention::Name && c.canonical.contains(' ') {
                let f = fold(&c.canonical);
                let canon = match lex.people_folded.get(&f) {
                    Some(&p) => lex.people[p].to_string(),
                    None => c.canonical.clone(),
                };
                // The surname is the last word before a generational suffix ("Harry F. Byrd Sr.").
                if let Some(last) = f.rsplit(' ').find(|w| !is_generation(w)) {
                    surnames.entry(last.to_string()).or_insert_with(|| canon.clone());
                }
                if let Some(first) = f.split(' ').next() {
                    let slot = firsts.entry(first.to_string()).or_insert_with(|| Some(canon.clone()));
                    if slot.as_deref() != Some(canon.as_str()) {
                        *slot = None;
                    }
                }
                // "Bill de Blasio": "De Blasio" alone is him too (a surname with its particle).
                let words: Vec<&str> = f.split(' ').collect();
                if let Some(p) = (1..words.len().saturating_sub(1)).find(|&p| NAME_PARTICLES.contains(&words[p])) {
                    persons.insert(words[p..].join(" "), canon.clone());
                }
                persons.entry(f).or_insert(canon);
            }
        }
        // A person named by one word only ("President Obama", "Melanie said") is that word alone
        // elsewhere in the document, when no full name has it.
        let mut singles: HashMap<String, String> = HashMap::default();
        for c in cands.iter() {
            if c.kind == ActorKind::Person && c.mention == Mention::Name && !c.drop && !c.canonical.contains(' ') {
                let (name, f) = (&text[c.s..c.e], fold(&c.canonical));
                if name == c.canonical && matches!(c.pending, Pending::No | Pending::Person) {
                    singles.entry(f).or_insert_with(|| c.canonical.clone());
                }
            }
        }
        // Single words kept on their own evidence somewhere in the document: a weak occurrence
        // elsewhere ("Qantas" opening a sentence) is the same name.
        let mut sure: HashMap<&str, (ActorKind, String)> = HashMap::default();
        for c in cands.iter() {
            match c.pending {
                Pending::Single { acting, acronym, weak } if !weak && (acting || acronym) => {
                    sure.entry(&text[c.s..c.e]).or_insert((c.kind, c.canonical.clone()));
                }
                Pending::No if c.mention == Mention::Name && !text[c.s..c.e].contains(' ') => {
                    sure.entry(&text[c.s..c.e]).or_insert((c.kind, c.canonical.clone()));
                }
                _ => {}
            }
        }
        Known { persons, org_heads, surnames, firsts, singles, sure }
    }

    /// The full name `name` links to: a known person, a full name of the document, a surname
    /// alone, else a first name that only one person has.
    fn link(&self, lex: &Lexicon, name: &str) -> Option<String> {
        let f = fold(name);
        if let Some(&p) = lex.people_folded.get(&f) {
            return Some(lex.people[p].to_string());
        }
        if let Some(c) = self.persons.get(&f) {
            return Some(c.clone());
        }
        if !f.contains(' ') {
            // A surname alone, else a first name that only one person has, else a person
            // named by that one word.
            return self
                .surnames
                .get(&f)
                .cloned()
                .or_else(|| self.firsts.get(&f).cloned().flatten())
                .or_else(|| self.singles.get(&f).cloned());
        }
        None
    }

    /// `surname`, `short-name`, `same-name`: a pending person linked to its full name; a
    /// single word linked to a person, to an organisation's short name or to the same word kept
    /// elsewhere, else dropped when it is weak or neither acts nor is an acronym.
    fn decide(&self, lex: &Lexicon, text: &str, c: &mut Cand) {
        match c.pending {
            Pending::Person => {
                if let Some(canon) = self.link(lex, &c.canonical) {
                    c.canonical = canon;
                }
            }
            Pending::Single { acting, acronym, weak } => {
                let name = &text[c.s..c.e];
                // "than Smith's.": a business name in the possessive that is a person's surname
                // is the person, without the possessive.
                let base = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s"));
                if let Some(canon) = base.and_then(|b| self.link(lex, b)) {
                    c.e = c.s + base.map_or(0, str::len);
                    c.kind = ActorKind::Person;
                    c.canonical = canon;
                    c.rule = "surname";
                } else if let Some(canon) = self.link(lex, name).filter(|_| !after_the(text, c.s, c.e)) {
                    c.kind = ActorKind::Person;
                    c.canonical = canon;
                    c.rule = "surname";
                } else if let Some((kind, canon)) = self.org_heads.get(name) {
                    c.kind = *kind;
                    c.canonical = canon.clone();
                    c.rule = "short-name";
                } else if let Some((kind, canon)) = self.sure.get(name).filter(|_| {
                    // A word with no evidence here is the name kept elsewhere ("We love the
                    // Beatles" after "the Beatles' label"); not a model number ("A380").
                    weak || !(acting || acronym || name.bytes().any(|b| b.is_ascii_digit()))
                }) {
                    c.kind = *kind;
                    c.canonical = canon.clone();
                    c.rule = "same-name";
                } else if weak || !(acting || acronym) {
                    c.drop = true;
                }
            }
            Pending::No => {}
        }
    }
}

/// What a bare nominal refers to, as the document goes: the last state named (and the first of
/// the current sentence), the bodies named so far by their head words, the junta the document
/// names, whether its armed groups are jihadist.
struct Referents {
    named_junta: Option<String>,
    jihadist: bool,
    last_state: Option<String>,
    sent_state: Option<(usize, String)>,
    bodies: HashMap<&'static str, String>,
    named_bodies: HashMap<&'static str, (ActorKind, String)>,
}

impl Referents {
    fn of(lex: &Lexicon, text: &str, cands: &[Cand]) -> Referents {
        // The junta of each state, when the document names one ("Mali's junta" -> "Malian junta"):
        // the state's military rulers are that junta.
        let juntas: Vec<String> =
            cands.iter().filter(|c| c.canonical.ends_with(" junta") && !c.drop).map(|c| c.canonical.clone()).collect();
        // The one junta the document names, decided once: asked for every military ruler, it
        // cost the number of juntas named each time (quadratic on `Mali's junta ...` repeated).
        let named_junta = match juntas.first() {
            Some(j) if juntas.iter().all(|x| x == j) => Some(j.clone()),
            _ => None,
        };
        // Unnamed armed groups ("militants", "armed groups", "rebels") are one actor of the
        // story: the jihadist armed groups where the document names one or calls them jihadist or
        // Islamist, else its armed groups.
        let jihadist = cands.iter().any(|c| {
            c.kind == ActorKind::Group
                && c.mention == Mention::Name
                && matches!(lex.names.get(c.canonical.as_str()), Some(Entry::Org(o)) if lex.orgs[*o].jihadist)
        }) || text.contains("jihadist")
            || text.contains("Islamist");
        let last_state: Option<String> = None;
        // The first state named in the current sentence: "Mali's relations with France have
        // deteriorated since the military took power" -> the Malian military.
        let sent_state: Option<(usize, String)> = None;
        let bodies: HashMap<&'static str, String> = HashMap::default();
        let named_bodies: HashMap<&'static str, (ActorKind, String)> = HashMap::default();
        Referents { named_junta, jihadist, last_state, sent_state, bodies, named_bodies }
    }

    /// The candidate `c` (kept, in text order) given the body or state a bare nominal refers
    /// to, one identity for unnamed armed groups and military rulers; then remembered as the
    /// state or body later nominals refer to.
    fn refer(&mut self, lex: &'static Lexicon, text: &str, c: &mut Cand) {
        if self.sent_state.as_ref().is_some_and(|(s, _)| *s != c.sent) {
            self.sent_state = None;
        }
        let near_state = self.sent_state.as_ref().map(|(_, s)| s).or(self.last_state.as_ref()).cloned();
        if let Some(rest) = c.canonical.strip_prefix("?own:") {
            let head = rest.to_string();
            // The body named before ("the ministry" after "the French foreign ministry"), else
            // the last state's ("the military" after "Mali" -> "Malian military").
            c.canonical = match self.bodies.get(head.as_str()) {
                Some(b) => b.clone(),
                None => match near_state.as_ref().and_then(|s| lex.states.iter().find(|x| &x.canonical == s)) {
                    Some(st) => format!("{} {head}", st.adjective),
                    None => head,
                },
            };
        } else if let Some(rest) = c.canonical.strip_prefix('?') {
            match &near_state {
                Some(s) => {
                    c.canonical = s.clone();
                    c.kind = ActorKind::State;
                }
                None => c.canonical = rest.to_string(),
            }
        } else if c.mention == Mention::Nominal && !c.canonical.contains(' ') {
            // "the group" after "Wagner Group": the named body with that word.
            if let Some((kind, canon)) = self.named_bodies.get(c.canonical.as_str()) {
                c.kind = *kind;
                c.canonical = canon.clone();
            }
        } else if matches!(c.kind, ActorKind::Organization | ActorKind::Group) {
            // Remember the body a later bare "the ministry" / "the junta" / "the group" refers to.
            let lc = c.canonical.to_lowercase();
            for w in lc.split(' ').chain(text[c.s..c.e].split(' ')) {
                let w = if w.chars().any(char::is_uppercase) { w.to_lowercase() } else { w.to_string() };
                if let Some((h, head)) = lex.heads.get_key_value(w.as_str()) {
                    if head.rule == HeadRule::Own {
                        self.bodies.insert(h, c.canonical.clone());
                    }
                    if c.mention == Mention::Name && head.kind != ActorKind::Person {
                        self.named_bodies.insert(h, (c.kind, c.canonical.clone()));
                    }
                }
            }
        }
        if c.kind == ActorKind::Group
            && c.mention == Mention::Nominal
            && c.state.is_none()
            && c.canonical.ends_with('s')
        {
            c.canonical = if self.jihadist { "jihadist armed groups" } else { "armed groups" }.to_string();
        }
        if c.ruler {
            // The junta the document names, else the junta of the state in question.
            let adj = c
                .state
                .as_ref()
                .or(near_state.as_ref())
                .and_then(|s| lex.states.iter().find(|x| &x.canonical == s))
                .map(|st| format!("{} junta", st.adjective));
            if let Some(j) = self.named_junta.clone().or(adj) {
                c.canonical = j;
                c.kind = ActorKind::Organization;
            }
        }
        // "foreign states" is a nominal of kind state, but no state to refer back to.
        let is_state = |s: &str| matches!(lex.names.get(s), Some(Entry::State { .. }));
        // (A plain word dropped here may still be kept by the list pass below.)
        let named = match &c.state {
            Some(st) => Some(st.clone()),
            None if c.kind == ActorKind::State && is_state(&c.canonical) => Some(c.canonical.clone()),
            None => None,
        };
        if let Some(st) = named {
            if self.sent_state.is_none() {
                self.sent_state = Some((c.sent, st.clone()));
            }
            self.last_state = Some(st);
        }
    }
}

/// Does the word `s..e` stand alone after a lowercase "the" ("the speaker of the House, and",
/// "passed the House again")? A person's name alone takes no article (GUIDELINES ACTOR: named
/// people), so a single word there is no person's surname nor a person listed with one. Not
/// before a noun it modifies ("the Obama administration", "the Sanders campaign"): there the
/// article is the noun's.
fn after_the(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].trim_end();
    let the = before.strip_suffix("the").is_some_and(|b| b.is_empty() || b.ends_with(|ch: char| !ch.is_alphanumeric()));
    // Alone: the clause or a list goes on after it, not a noun ("the Obama White House", "the
    // Obama/Clinton calls") nor a possessive ("the Schlegel's").
    let next = text[e..].trim_start();
    let word: &str = next.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
    let alone = if word.is_empty() {
        next.is_empty() || next.starts_with([',', '.', ';', ':', ')'])
    } else {
        matches!(word, "and" | "or" | "again")
    };
    the && alone
}

/// A capitalised word dropped for want of evidence but listed with a kept name ("Orgy, Velvet
/// Revolver, and Linkin Park", "Boeing, Embraer and Bombardier") is a name of the same kind.
/// Two rounds carry the evidence along a list.
fn list_names(_lex: &Lexicon, text: &str, cands: &mut [Cand]) {
    let listed = |a: &Cand, b: &Cand| -> bool {
        a.sent == b.sent
            && a.e <= b.s
            && matches!(text[a.e..b.s].trim(), "," | "and" | ", and" | "or" | ", or" | "&" | "/")
    };
    let keeps = |c: &Cand| -> bool {
        !c.drop
            && c.mention == Mention::Name
            && c.kind != ActorKind::State
            && c.canonical.chars().next().is_some_and(char::is_uppercase)
    };
    for _ in 0..2 {
        for x in 0..cands.len() {
            if !cands[x].drop || !matches!(cands[x].pending, Pending::Single { weak: false, .. }) {
                continue;
            }
            let prev = x.checked_sub(1).filter(|&p| keeps(&cands[p]) && listed(&cands[p], &cands[x]));
            let next = Some(x + 1).filter(|&n| n < cands.len() && keeps(&cands[n]) && listed(&cands[x], &cands[n]));
            if let Some(y) = prev.or(next) {
                let kind = cands[y].kind;
                if kind == ActorKind::Person && after_the(text, cands[x].s, cands[x].e) {
                    continue;
                }
                let c = &mut cands[x];
                c.drop = false;
                c.kind = kind;
                c.rule = "list-name";
            }
        }
    }
}
