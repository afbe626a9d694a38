//! Family: possessives. "Mali's junta" (one actor, the state's body), "Russia's Africa Corps"
//! (the body's own name), "Howe's Brigade" (one organisation's name), "Mali's decision" (the
//! state owns an act, so it acts), "Clinton's team" (a person's body).
//!
//! Owns: what a possessive 's after a name makes. It must not: emit the owner or the possessed
//! name when no possessive rule applies (the name families do that).

use super::lexicon::{Head, HeadRule};
use super::rule::{Act, Cand, Class, Pass, Unit};
use super::sentence::Sentence;
use super::token::Kind;
use super::words::head_is_plural;
use crate::model::{ActorKind, Mention};

/// A person's body named only after the person's possessive ("Clinton's team", "the
/// Sanders camp" is a nominal's own business): alone, "team" or "camp" is too often a side or
/// a place to head a nominal.
const PERSON_BODY: Head = Head { kind: ActorKind::Organization, rule: HeadRule::Describe, needs_mod: false };

fn person_body(lw: &str) -> bool {
    matches!(lw, "team" | "camp")
}

/// The family's pass over a sentence.
pub(super) const PASS: Pass = Pass { name: "possessive", run: |s, units, out| s.possessives(units, out) };

impl Sentence<'_> {
    /// Each name followed by a possessive 's, given to the possessive rules in order.
    pub(super) fn possessives(&mut self, units: &[Unit], out: &mut Vec<Cand>) {
        for u in units {
            let p = u.j + 1;
            if p >= self.t.len() || self.t[p].kind != Kind::Poss || self.used[u.i] {
                continue;
            }
            let owner_state = match u.class {
                Class::State { state, .. } => Some(state),
                _ => None,
            };
            // ("Clinton's team said" opening a sentence: a capitalised word there proves
            // nothing, but a person named in full earlier with that last word does.)
            // Only before the words for a person's own body ("team", "camp", "campaign"):
            // "Belgrano's army" keeps its named person.
            // The person named in full earlier, looked up once: for that surname and for the
            // canonical name of the person's body ("Hillary Clinton campaign").
            let unknown_initial = u.class == Class::Unknown && u.initial;
            let earlier = if u.i == u.j && (unknown_initial || matches!(u.class, Class::Person { .. })) {
                self.named_earlier(u.i, out)
            } else {
                None
            };
            let surname = unknown_initial && earlier.is_some();
            let is_person = matches!(u.class, Class::KnownPerson(_) | Class::Person { .. }) || surname;
            let next = units.iter().find(|v| v.i == p + 1);
            if self.possessed_name(u, next, owner_state, out) {
                continue;
            }
            if owner_state.is_none() && !is_person {
                continue;
            }
            // In a title-case headline the capitalised words after it may be an act.
            if next.is_some() && !self.headline {
                continue;
            }
            let Some((h, is_head)) = self.possessed_head(p) else { continue };
            // In a headline an act still has its owner ("Mali’s Shift Towards Russia"); a
            // capitalised head there may be a name's word.
            if self.headline && is_head {
                continue;
            }
            if !is_head {
                // `state-owns-act`: an act owned by a state ("Mali's decision"): the state is
                // an actor; a person is one anyway.
                if let Some(st) = owner_state {
                    let canon = self.lex.states[st].canonical.clone();
                    self.push(out, u.i, u.j, ActorKind::State, Mention::Name, canon, None, "state-owns-act");
                }
                continue;
            }
            let head_w = self.lw(h).to_owned();
            // ... and only when the body acts ("Clinton's campaign said"; in "Clinton's
            // campaign chairman, John Podesta" the chairman is the head).
            if surname
                && !((person_body(&head_w) || head_w == "campaign") && self.acting_after(h, false) == Act::Active)
            {
                continue;
            }
            // ("Clinton's team said" acts; "a discovery by Dr Harthoorn's team" keeps its name.)
            let body = is_person
                && person_body(&head_w)
                && self.acting_after(h, false) == Act::Active
                && !self.after_preposition(self.title_start(u.i).unwrap_or(u.i));
            if person_body(&head_w) && !body {
                continue;
            }
            let Some(head) = self.lex.heads.get(head_w.as_str()).copied().or(body.then_some(PERSON_BODY)) else {
                continue;
            };
            // "Tom Joyner's radio program": the head is the noun after.
            if self.modifies_next_noun(h, head) {
                continue;
            }
            if let Some(st) = owner_state {
                self.state_possessive(u, st, p, h, &head_w, head, out);
            } else if is_person && head.kind == ActorKind::Organization {
                self.person_possessive(u, h, &head_w, head, earlier.as_deref(), out);
            }
        }
    }

    /// `possessive-org-name`: a name ending in an organisation word after a possessive names
    /// one organisation ("Howe's Brigade", "Nicholson's Limited"). `possessive-name`: a state's
    /// named body is one actor with the body's own name ("the United Kingdom's Royal Air
    /// Force", "Russia's Africa Corps"). True when the possessive is decided.
    fn possessed_name(
        &mut self,
        u: &Unit,
        next: Option<&Unit>,
        owner_state: Option<usize>,
        out: &mut Vec<Cand>,
    ) -> bool {
        let Some(next) = next else { return false };
        let kind = match next.class {
            Class::NewOrg(kind) => Some(kind),
            Class::Unknown | Class::Not if next.i == next.j && self.is_org_suffix(next.i) => {
                Some(ActorKind::Organization)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            if matches!(u.class, Class::Unknown | Class::Person { .. } | Class::KnownPerson(_) | Class::Org(_)) {
                let canonical = self.text[self.t[u.i].s..self.t[next.j].e].to_string();
                self.push(out, u.i, next.j, kind, Mention::Name, canonical, None, "possessive-org-name");
                return true;
            }
            if owner_state.is_some() && !self.headline {
                let canonical = self.text[self.t[next.i].s..self.t[next.j].e].to_string();
                self.push(out, u.i, next.j, kind, Mention::Name, canonical, None, "possessive-name");
                return true;
            }
        }
        // A known organisation right after a state's possessive: "Russia's Africa Corps".
        if let (Some(_), Class::Org(o)) = (owner_state, &next.class) {
            let org = &self.lex.orgs[*o];
            let canonical = org.canonical.clone();
            self.push(out, u.i, next.j, org.kind, Mention::Name, canonical, None, "possessive-name");
            return true;
        }
        false
    }

    /// The canonical name of a person named earlier in the document by a name of several
    /// words whose last word is token `k` ("Hillary Clinton" before "Clinton's team").
    fn named_earlier(&self, k: usize, out: &[Cand]) -> Option<String> {
        let w = self.w(k);
        out.iter()
            .find(|c| {
                c.kind == ActorKind::Person
                    && c.mention == Mention::Name
                    && !c.drop
                    && c.e <= self.t[k].s
                    && self.text[c.s..c.e].strip_suffix(w).is_some_and(|f| f.ends_with(' '))
            })
            .map(|c| c.canonical.clone())
    }

    /// The head after a possessive at `p`: up to four lowercase words, modifiers, then a head
    /// noun (true) or an act noun (false), the last of a compound.
    fn possessed_head(&self, p: usize) -> Option<(usize, bool)> {
        // Up to four lowercase words: modifiers, then a head or an act noun.
        let mut k = p + 1;
        let mut found: Option<(usize, bool)> = None; // (head index, is actor head)
        while k < self.t.len() && k <= p + 4 && self.is_word(k) {
            let lw = self.lw(k);
            if self.cap(k) && k > p + 1 {
                break;
            }
            let is_head = self.lex.heads.contains_key(lw) || person_body(lw);
            let is_act = self.lex.acts.contains(lw);
            let next_cont = self.is_word(k + 1) && {
                let nl = self.lw(k + 1);
                self.lex.heads.contains_key(nl) || self.lex.acts.contains(nl) || person_body(nl)
            };
            if (is_head || is_act) && !next_cont {
                found = Some((k, is_head));
                break;
            }
            if self.lex.common.contains(lw) || self.lex.verbs.contains(lw) && !is_head && !is_act {
                break;
            }
            k += 1;
        }
        found
    }

    /// `possessive-nominal` with a state: "Mali's junta" (the state's body), "France's
    /// embassy", "Mali's security minister" only when it acts (else the name after it is the
    /// actor), not as the complement of another noun ("staff members of France's embassy").
    #[allow(clippy::too_many_arguments)]
    fn state_possessive(
        &mut self,
        u: &Unit,
        st: usize,
        p: usize,
        h: usize,
        head_w: &str,
        head: Head,
        out: &mut Vec<Cand>,
    ) {
        let mods: Vec<String> = (p + 1..h).map(|x| self.case_word(x).to_string()).collect();
        let state = &self.lex.states[st];
        let acts = self.acting_after(h, head_is_plural(head_w)) == Act::Active
            || self.acting_after(self.skip_complement(h), head_is_plural(head_w)) == Act::Active
            || self.agent_before(u.i, h);
        if head.rule == HeadRule::Describe && !acts {
            // "Mali's security minister, General X": the name is the actor.
            return;
        }
        // "[five staff members] of France's embassy", "officials from Mali's embassy":
        // a complement of another noun, not an actor of its own.
        if self.after_preposition(u.i) && !acts && u.i >= 2 && self.is_word(u.i - 2) {
            return;
        }
        let (kind, canonical) = self.nominal_canonical(Some(st), &mods, head_w, head);
        let state_name = state.canonical.clone();
        if self.push(out, u.i, h, kind, Mention::Nominal, canonical, None, "possessive-nominal") {
            if let Some(c) = out.last_mut() {
                c.state = Some(state_name);
            }
        }
    }

    /// `possessive-nominal` with a person: "Clinton's team" (the person's body), "Colonel Assimi
    /// Goïta's government" (the state's government, from the title on).
    /// `earlier`: the person a one-word name links to, named in full before.
    #[allow(clippy::too_many_arguments)]
    fn person_possessive(
        &mut self,
        u: &Unit,
        h: usize,
        head_w: &str,
        head: Head,
        earlier: Option<&str>,
        out: &mut Vec<Cand>,
    ) {
        let name = &self.text[self.t[u.i].s..self.t[u.j].e];
        // "Colonel Assimi Goïta's government": the nominal runs from its first word,
        // the possessor's title included.
        let start = if head.rule == HeadRule::State { self.title_start(u.i).unwrap_or(u.i) } else { u.i };
        let (kind, canonical) = match (&u.class, head.rule) {
            // "Colonel Assimi Goïta's government": the state's government.
            (_, HeadRule::State) => (ActorKind::State, format!("?{head_w}")),
            (Class::KnownPerson(p), _) => (ActorKind::Organization, format!("{} {}", self.lex.people[*p], head_w)),
            _ => (ActorKind::Organization, format!("{} {head_w}", earlier.unwrap_or(name))),
        };
        self.push(out, start, h, kind, Mention::Nominal, canonical, None, "possessive-nominal");
    }
}
