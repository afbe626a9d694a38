//! Resolution to a canonical identity, per document: a person's surname or first name linked to
//! the full name, a short name to its organisation ("Northrop" -> "Northrop Grumman"), one name
//! one kind everywhere, single words kept or dropped on the document's evidence, names listed
//! with kept names, bare nominals ("the ministry", "authorities", "the junta") given the body
//! or state they refer to, unnamed armed groups as one actor.
//!
//! Owns: decisions that need the whole document. It must not: look at tokens or add a
//! candidate (it only relabels or drops).

use super::lexicon::{fold, Entry, HashMap, HeadRule, Lexicon};
use super::rule::{Cand, Pending};
use crate::model::{ActorKind, Mention};

/// Document-level decisions: people linked to fuller names, single capitalised words,
/// nominals without a state named in them.
pub(super) fn resolve(lex: &Lexicon, text: &str, cands: &mut [Cand]) {
    cands.sort_by_key(|c| c.s);
    // A name that some mention shows to be an organisation ("airline Aer Lingus", "Acme Corp")
    // is one in every mention of the document: two capitalised words guessed to be a person's
    // name elsewhere take its kind.
    if cands.iter().any(|c| c.rule == "capitalised-name" && c.kind == ActorKind::Person) {
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
            if let Some(last) = f.rsplit(' ').next() {
                surnames.entry(last.to_string()).or_insert_with(|| canon.clone());
            }
            if let Some(first) = f.split(' ').next() {
                let slot = firsts.entry(first.to_string()).or_insert_with(|| Some(canon.clone()));
                if slot.as_deref() != Some(canon.as_str()) {
                    *slot = None;
                }
            }
            persons.entry(f).or_insert(canon);
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
    let link = |name: &str| -> Option<String> {
        let f = fold(name);
        if let Some(&p) = lex.people_folded.get(&f) {
            return Some(lex.people[p].to_string());
        }
        if let Some(c) = persons.get(&f) {
            return Some(c.clone());
        }
        if !f.contains(' ') {
            // A surname alone, else a first name that only one person has.
            return surnames.get(&f).cloned().or_else(|| firsts.get(&f).cloned().flatten());
        }
        None
    };
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
    let mut last_state: Option<String> = None;
    // The first state named in the current sentence: "Mali's relations with France have
    // deteriorated since the military took power" -> the Malian military.
    let mut sent_state: Option<(usize, String)> = None;
    let mut bodies: HashMap<&'static str, String> = HashMap::default();
    let mut named_bodies: HashMap<&'static str, (ActorKind, String)> = HashMap::default();
    for c in cands.iter_mut() {
        match c.pending {
            Pending::Person => {
                if let Some(canon) = link(&c.canonical) {
                    c.canonical = canon;
                }
            }
            Pending::Single { acting, acronym, weak } => {
                let name = &text[c.s..c.e];
                if let Some(canon) = link(name) {
                    c.kind = ActorKind::Person;
                    c.canonical = canon;
                    c.rule = "surname";
                } else if let Some((kind, canon)) = org_heads.get(name) {
                    c.kind = *kind;
                    c.canonical = canon.clone();
                    c.rule = "short-name";
                } else if let Some((kind, canon)) = sure.get(name).filter(|_| {
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
        if c.drop {
            continue;
        }
        if sent_state.as_ref().is_some_and(|(s, _)| *s != c.sent) {
            sent_state = None;
        }
        let near_state = sent_state.as_ref().map(|(_, s)| s).or(last_state.as_ref()).cloned();
        if let Some(rest) = c.canonical.strip_prefix("?own:") {
            let head = rest.to_string();
            // The body named before ("the ministry" after "the French foreign ministry"), else
            // the last state's ("the military" after "Mali" -> "Malian military").
            c.canonical = match bodies.get(head.as_str()) {
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
            if let Some((kind, canon)) = named_bodies.get(c.canonical.as_str()) {
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
                        bodies.insert(h, c.canonical.clone());
                    }
                    if c.mention == Mention::Name && head.kind != ActorKind::Person {
                        named_bodies.insert(h, (c.kind, c.canonical.clone()));
                    }
                }
            }
        }
        if c.kind == ActorKind::Group
            && c.mention == Mention::Nominal
            && c.state.is_none()
            && c.canonical.ends_with('s')
        {
            c.canonical = if jihadist { "jihadist armed groups" } else { "armed groups" }.to_string();
        }
        if c.ruler {
            // The junta the document names, else the junta of the state in question.
            let adj = c
                .state
                .as_ref()
                .or(near_state.as_ref())
                .and_then(|s| lex.states.iter().find(|x| &x.canonical == s))
                .map(|st| format!("{} junta", st.adjective));
            if let Some(j) = named_junta.clone().or(adj) {
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
            if sent_state.is_none() {
                sent_state = Some((c.sent, st.clone()));
            }
            last_state = Some(st);
        }
    }
    list_names(text, cands);
}

/// A capitalised word dropped for want of evidence but listed with a kept name ("Orgy, Velvet
/// Revolver, and Linkin Park", "Boeing, Embraer and Bombardier") is a name of the same kind.
/// Two rounds carry the evidence along a list.
pub(super) fn list_names(text: &str, cands: &mut [Cand]) {
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
                let c = &mut cands[x];
                c.drop = false;
                c.kind = kind;
                c.rule = "list-name";
            }
        }
    }
}
