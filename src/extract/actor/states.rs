//! Family: states and capitals acting as actors (GUIDELINES.md: a state is an actor only where
//! it acts, is the other party of a relation, or owns an act; a capital stands for its state).
//! "France suspended", "cooperation with Mali", "by Mali", "between France and Mali", a list of
//! states sharing one role, and demonym peoples as agents ("the French protested", "Malians
//! have voted").
//!
//! Owns: when a named state or capital, or a people, is an actor. It must not: make a state of
//! a possessive ("Mali's decision", `possessives.rs`) or of a demonym modifier ("Malian
//! authorities", `nominals.rs`).

use super::rule::{Act, Cand, Class, Pass, Unit, UnitRule};
use super::sentence::Sentence;
use super::words::DETERMINERS;
use crate::model::{ActorKind, Mention};

/// `state-acts` (`capital-for-state` for a capital): a named state or capital whose context
/// makes it an actor (see [`acting`]), with the state's canonical name.
pub(super) const STATE_ACTS: UnitRule = UnitRule {
    name: "state-acts",
    pattern: |_, u| matches!(u.class, Class::State { .. }),
    apply: |s, n, ui, out| {
        let u = &n.units[ui];
        let Class::State { state, capital } = u.class else { return };
        if n.state_acts[ui] {
            let canon = s.lex.states[state].canonical.clone();
            let rule = if capital { "capital-for-state" } else { "state-acts" };
            s.push(out, u.i, u.j, ActorKind::State, Mention::Name, canon, None, rule);
        }
    },
};

/// Which units of the sentence are states that act: the subject of a verb (not after a
/// preposition), an agent, the other party, inside a parenthesis of accompaniment; a list of
/// states ("between Australia, Indonesia, Thailand and Malaysia", "France and Mali have")
/// shares its members' role, unless it follows a preposition ("to Indonesia, Thailand and
/// Malaysia were cut": places).
pub(super) fn acting(s: &Sentence<'_>, units: &[Unit]) -> Vec<bool> {
    // States acting in a coordination: "France and Mali have ..." / "between X and Y".
    let mut state_actor: Vec<bool> = vec![false; units.len()];
    for (ui, u) in units.iter().enumerate() {
        if let Class::State { .. } = u.class {
            // "China and Russia support": the last of states joined by "and" takes the verb in
            // the plural.
            let plural = ui > 0 && list_gap(s, &units[ui - 1], u).is_some_and(|and| and);
            state_actor[ui] = (s.acting_after(s.quote_end(u.i, u.j), plural) != Act::No && !s.after_preposition(u.i))
                || s.agent_before(u.i, u.j)
                || s.other_party(u.i)
                || s.accompanies_subject(u.i);
        }
    }
    // Lists of states share their role: "between Australia, Indonesia, Thailand and
    // Malaysia", "France and Mali have ...".
    let mut ui = 0;
    while ui < units.len() {
        let mut uj = ui;
        while uj + 1 < units.len() && list_gap(s, &units[uj], &units[uj + 1]).is_some() {
            uj += 1;
        }
        if uj > ui {
            // "to Indonesia, Thailand and Malaysia were cut": places, like the first one.
            // ("to the United States, the UAE and Egypt": the article does not hide the place.)
            let first = units[ui].i;
            let lead = if first > 0 && s.lw(first - 1) == "the" { first - 1 } else { first };
            let shared = (ui..=uj).any(|k| state_actor[k]) && !s.after_preposition(lead);
            for flag in &mut state_actor[ui..=uj] {
                *flag = shared;
            }
        }
        ui = uj + 1;
    }
    state_actor
}

/// Are the units `a` and `b` two states next to each other in a list: `Some(true)` when "and"
/// joins them ("China and Russia", "Britain, and the United States"), `Some(false)` for a
/// comma or "or". "Israel and the United States": an article may open the last member (not
/// after a comma alone: "in Paris, the United States led" is no list).
fn list_gap(s: &Sentence<'_>, a: &Unit, b: &Unit) -> Option<bool> {
    if !(matches!(a.class, Class::State { .. }) && matches!(b.class, Class::State { .. })) || b.i <= a.j {
        return None;
    }
    let gap: Vec<&str> = (a.j + 1..b.i).map(|k| s.lw(k)).collect();
    match gap.as_slice() {
        ["and"] | [",", "and"] | ["and", "the"] | [",", "and", "the"] => Some(true),
        [","] | ["or"] | [",", "or"] => Some(false),
        _ => None,
    }
}

/// `demonym-agent`: a people acting ("the French protested", "Malians have voted"): a plural
/// people, or a demonym after "the", that is the subject of a verb, outside headlines; the
/// state's canonical name, a nominal mention.
pub(super) const DEMONYMS: Pass = Pass { name: "demonym-agent", run: demonyms };

fn demonyms(s: &mut Sentence<'_>, _units: &[Unit], out: &mut Vec<Cand>) {
    for k in 0..s.t.len() {
        if !s.is_word(k) || s.used[k] {
            continue;
        }
        let w = s.w(k);
        if w.as_bytes()[0].is_ascii_lowercase() {
            continue;
        }
        let Some(&st) = s.lex.peoples.get(w) else {
            continue;
        };
        // "Asian Americans voted", "Muslim Americans protested": a capitalised word before the
        // plural makes it a people inside the state, no stand-in for the state.
        // ("The French protested", "Many Americans have": a determiner is no such word.)
        if k > 0 && s.is_word(k - 1) && s.cap(k - 1) && !DETERMINERS.contains(&s.lw(k - 1)) && s.lw(k - 1) != "most" {
            continue;
        }
        let with_the = k > 0 && s.lw(k - 1) == "the";
        let plural_form = !s.lex.adjectives.contains_key(w);
        if !(with_the || plural_form) || s.acting_after(k, true) != Act::Active || s.headline {
            continue;
        }
        let start = if with_the { k - 1 } else { k };
        let canon = s.lex.states[st].canonical.clone();
        s.push(out, start, k, ActorKind::State, Mention::Nominal, canon, None, "demonym-agent");
    }
}
