//! Family: names as actors. Known organisations and people, persons found from titles and
//! given names, organisations found from a suffix or a unit number, single capitalised words
//! (kept when they act, later linked or dropped), capitalised names of unknown kind, names
//! inside an agentive compound ("EADS-led"), and the role an apposition gives a person.
//!
//! Owns: the candidate each class of unit makes and the guards that keep places, works and
//! labels out. It must not: decide about states (`states.rs`) or link names across the document
//! (`identity.rs`).

use super::lexicon::{Entry, HeadRule};
use super::rule::{Act, Cand, Class, Names, Pass, Pending, Unit, UnitRule};
use super::sentence::Sentence;
use super::token::Kind;
use super::words::{
    head_is_plural, is_acronym, is_common_acronym, is_inner_particle, COMPASS, CONNECTORS, DETERMINERS, NAME_PARTICLES,
};
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

/// English function words that a line in capitals writes like an organisation's alias ("IS").
const SHOUTED_FUNCTION_WORDS: &[&str] = &["is", "it", "as", "at", "an", "or", "on", "in", "by", "to", "be", "am", "us"];

/// `gazetteer`: a known organisation or armed group (data/actors/orgs.txt) is an actor wherever
/// it is named, with the gazetteer's kind and canonical name.
pub(super) const KNOWN_ORG: UnitRule = UnitRule {
    name: "gazetteer",
    pattern: |_, u| matches!(u.class, Class::Org(_)),
    apply: |s, n, ui, out| {
        let u = &n.units[ui];
        let Class::Org(o) = u.class else { return };
        // "WHY TRUMP IS WINNING", "THIS IS NOT OK": among words written in capitals, an alias
        // spelled like an English function word ("IS") is that word (GUIDELINES ACTOR: where
        // capitals prove nothing, only a name is an actor).
        if u.i == u.j && SHOUTED_FUNCTION_WORDS.contains(&s.lw(u.i)) {
            let shouted = |k: usize| {
                s.is_word(k)
                    && s.w(k).chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !s.w(k).chars().any(char::is_lowercase)
            };
            if (u.i > 0 && shouted(u.i - 1)) || (u.i + 1 < s.t.len() && shouted(u.i + 1)) {
                return;
            }
        }
        let org = &s.lex.orgs[o];
        s.push(out, u.i, u.j, org.kind, Mention::Name, org.canonical.clone(), None, "gazetteer");
    },
};

/// `gazetteer-person`: a known person, with the role a title before the name or an apposition
/// after it gives ("Colonel Assimi Goïta", "X, Mali's security minister,").
pub(super) const KNOWN_PERSON: UnitRule = UnitRule {
    name: "gazetteer-person",
    pattern: |_, u| matches!(u.class, Class::KnownPerson(_)),
    apply: |s, n, ui, out| {
        let u = &n.units[ui];
        let Class::KnownPerson(p) = u.class else { return };
        let role = u.role.clone().or_else(|| s.title_before(u.i)).or_else(|| s.apposition_role(u.j));
        let canon = s.lex.people[p].to_string();
        s.push(out, u.i, u.j, ActorKind::Person, Mention::Name, canon, role, "gazetteer-person");
    },
};

/// `person`: a person found from a title or a given name. Guard: a capitalised sentence opener
/// the document also writes in lowercase, a work's title in quotes, a place before its region.
/// A given name alone opening a sentence is kept only when it links to a person of the
/// document or acts (decided per document).
pub(super) const PERSON: UnitRule = UnitRule {
    name: "person",
    pattern: |_, u| matches!(u.class, Class::Person { .. }),
    apply: |s, n, ui, out| {
        let u = &n.units[ui];
        let Class::Person { role } = &u.class else { return };
        if u.initial && u.i == u.j && s.lower_words.contains(s.lw(u.i)) {
            return;
        }
        if role.is_none() && (s.in_title_quote(u.i, u.j) || s.place_before_region(n.units, u.j)) {
            return;
        }
        // "a major Muslim civil rights group", "General Catholic voters": after a word spelled
        // like a title, a group word before the noun it modifies is no person (GUIDELINES
        // ACTOR: a pre-modifier is not annotated).
        if role.is_some() && s.ends_in_group_word(u.i, u.j) {
            return;
        }
        // "With Convention Speaker Announcement.": after a title, one word the document writes
        // in lowercase elsewhere and no list knows as a given name is a common noun in title
        // case, no surname (after an honorific the name follows, even a common word: "Mr. King").
        let honorific = matches!(role.as_deref(), Some("Mr" | "Mrs" | "Ms" | "Dr" | "Miss" | "Sir" | "Dame"));
        if role.is_some()
            && !honorific
            && u.i == u.j
            && s.lower_words.contains(s.lw(u.i))
            && !s.lex.given.contains(s.w(u.i))
        {
            return;
        }
        // "PRESIDENT RESIGNS AFTER SCANDAL", "Senator Slams Trade Deal": in a line where
        // capitals prove nothing a title is no proof of a name either (the names of the
        // running text were taken before, `HEADLINE_NAMES`).
        if s.headline && (s.is_shouted() || s.is_title_line()) {
            return;
        }
        // "protests in Charlotte", "near Florence": a given name alone after a preposition of
        // place is a town's name (not an owner: "in Scott's district").
        if role.is_none()
            && u.i == u.j
            && u.i > 0
            && matches!(s.lw(u.i - 1), "in" | "near" | "across" | "throughout" | "outside" | "inside")
            && !(u.j + 1 < s.t.len() && s.t[u.j + 1].kind == Kind::Poss)
        {
            return;
        }
        let text = s.text;
        let name = &text[s.t[u.i].s..s.t[u.j].e];
        let role = role.clone().or_else(|| s.apposition_role(u.j));
        // "Joseph R. Biden, Jr." is named "Joseph R. Biden Jr." (one canonical either way).
        let canon = if s.generation_tail(u.i, u.j) == 2 { name.replacen(", ", " ", 1) } else { name.to_string() };
        let mut c = s.cand(u.i, u.j, ActorKind::Person, Mention::Name, canon, role, "person");
        c.pending = Pending::Person;
        if u.i == u.j && c.role.is_none() && u.initial {
            // A given name alone: kept when it links to a person of the document
            // or acts.
            let acting =
                (s.acting_after(u.j, false) == Act::Active && !s.after_preposition(u.i)) || s.agent_before(u.i, u.j);
            c.pending = Pending::Single { acting, acronym: false, weak: false };
        }
        s.mark(u.i, u.j);
        out.push(c);
    },
};

/// `org-suffix`: a name ending in an organisation or group word ("Acme Corp", "Islamic State
/// Group"), with the number that opens a military unit's name ("65th Air Division").
pub(super) const ORG_SUFFIX: UnitRule = UnitRule {
    name: "org-suffix",
    pattern: |_, u| matches!(u.class, Class::NewOrg(_)),
    apply: |s, n, ui, out| {
        let u = &n.units[ui];
        let Class::NewOrg(kind) = u.class else { return };
        // "Current News: Angelo is working on ...": a label opening a line.
        if s.opens_line(u.i) && u.j + 1 < s.t.len() && s.w(u.j + 1) == ":" {
            return;
        }
        let i = s.unit_number(u.i, u.j).unwrap_or(u.i);
        let text = s.text;
        let name = &text[s.t[i].s..s.t[u.j].e];
        let c = s.cand(i, u.j, kind, Mention::Name, name.to_string(), None, "org-suffix");
        s.mark(i, u.j);
        out.push(c);
    },
};

/// `headline-name`: in a headline, where capitals prove nothing, a run of capitalised words
/// that the running text of the document has found as a name is that name, with its kind
/// and identity ("Hillary Clinton Speaks ..." -> "Hillary Clinton"; GUIDELINES ACTOR: a run
/// in a headline is an actor only if known). Leftmost-longest, up to six words.
pub(super) const HEADLINE_NAMES: Pass = Pass { name: "headline-name", run: |s, _, out| s.headline_names(out) };

impl Sentence<'_> {
    fn headline_names(&mut self, out: &mut Vec<Cand>) {
        let Some(known) = self.known else { return };
        if !self.headline || known.is_empty() {
            return;
        }
        let n = self.t.len();
        let mut k = 0;
        while k < n {
            if self.used[k] || !self.cap(k) {
                k += 1;
                continue;
            }
            let found = (k..n.min(k + 6)).rev().find_map(|m| {
                let c = known.get(&self.text[self.t[k].s..self.t[m].e])?;
                (!(k..=m).any(|x| self.used[x]) && self.cap(m)).then(|| (m, c.clone()))
            });
            let Some((m, mut c)) = found else {
                k += 1;
                continue;
            };
            c.s = self.t[k].s;
            c.e = self.t[m].e;
            c.rule = "headline-name";
            c.sent = self.t[0].s;
            self.mark(k, m);
            out.push(c);
            k = m + 1;
        }
    }
}

/// `unit-number`: capitalised words of unknown kind ending in a military unit's word after its
/// number ("65 Fighter Wing"): a numbered military unit, an organisation.
pub(super) const UNIT_NUMBER: UnitRule = UnitRule {
    name: "unit-number",
    pattern: |s, u| u.class == Class::Unknown && s.unit_number(u.i, u.j).is_some(),
    apply: |s, n, ui, out| {
        let u = &n.units[ui];
        let i = s.unit_number(u.i, u.j).unwrap_or(u.i);
        let text = s.text;
        let name = &text[s.t[i].s..s.t[u.j].e];
        let c = s.cand(i, u.j, ActorKind::Organization, Mention::Name, name.to_string(), None, "unit-number");
        s.mark(i, u.j);
        out.push(c);
    },
};

/// `single-name`: one capitalised word of unknown kind. Guard: a work's title, a place before
/// its region, a title alone, a compass word, an adverb opening the sentence, a measure after
/// a decimal. Production: a person when done to ("accused Vezilier") or followed by ", who",
/// else an organisation; whether it is kept (it acts, is an acronym, links to a person named
/// elsewhere) is decided per document (`identity.rs`).
pub(super) const SINGLE_NAME: UnitRule =
    UnitRule { name: "single-name", pattern: |_, u| u.class == Class::Unknown && u.i == u.j, apply: single_name };

/// `capitalised-name` (and `described-name`): two or more capitalised words of unknown kind.
/// Guard: a work's title (in quotes or after "the song", "album", "a game called"), a place
/// before its region, a line where capitals prove nothing, a table label, a place after "in"/"near", a quoted title or a name after an article, unless
/// it acts. Production: an organisation after a descriptor ("airline Aer Lingus"), else a
/// person (up to three words, no article, acronym or hyphen) or an organisation.
pub(super) const CAPITALISED_NAME: UnitRule = UnitRule {
    name: "capitalised-name",
    pattern: |_, u| u.class == Class::Unknown && u.i < u.j,
    apply: capitalised_name,
};

/// Verbs whose object is a person: "accused Vezilier", "arrested Vezilier".
const DONE_TO_PEOPLE: &[&str] = &[
    "accused",
    "arrested",
    "detained",
    "charged",
    "killed",
    "sentenced",
    "released",
    "freed",
    "appointed",
    "named",
    "elected",
    "met",
    "told",
    "thanked",
    "sacked",
    "fired",
    "hired",
    "interviewed",
    "expelled",
    "kidnapped",
    "abducted",
    "married",
];

fn single_name(s: &mut Sentence<'_>, n: &Names<'_>, ui: usize, out: &mut Vec<Cand>) {
    let u = &n.units[ui];
    let text = s.text;
    let name = &text[s.t[u.i].s..s.t[u.j].e];
    // "Buddha for Mary" in quotes: a work's title; "Sandy Hook, Maryland": a place.
    if s.in_title_quote(u.i, u.j) || s.place_before_region(n.units, u.j) {
        return;
    }
    // Where capitals prove nothing, a single word is kept only as the surname
    // of a person named elsewhere in the document.
    let weak = s.headline || u.initial || !s.terminated;
    if s.lex.titles.contains_key(s.lw(u.i)) || s.work_descriptor_before(u.i) {
        return;
    }
    // "pressed Western allies": a direction, not a name; "Roughly translated",
    // "Frequently injured": an adverb opening the sentence; "a 2.26 ERA": a
    // measure after its number.
    // ("the Democratic primary", "to track Muslims": a party's or a faith's adjective or
    // plural alone describes or counts people and names no actor.)
    // ("a VIP lounge", "won by KO", "two DJs": an acronym that is an ordinary noun.)
    if COMPASS.contains(&name)
        || is_common_acronym(name)
        || s.is_group_word(name)
        || is_measure(name)
        || (u.initial && ADVERB_ENDINGS.iter().any(|e| s.lw(u.i).ends_with(e)))
        || (u.i > 0 && {
            // A decimal, not a year ("In 1994 6PR was purchased").
            let digits = |k: usize| s.w(k).bytes().all(|b| b.is_ascii_digit());
            u.i > 2 && digits(u.i - 1) && s.w(u.i - 2) == "." && digits(u.i - 3)
        })
    {
        return;
    }
    // "the Obama administration", "the Bush and Obama administrations": a named modifier of
    // "administration" names the leader whose government it is, a person (GUIDELINES ACTOR:
    // named mentions are always annotated), linked to the full name when the text gives it.
    if !weak && s.administration_after(u.j) {
        let mut c = s.cand(u.i, u.j, ActorKind::Person, Mention::Name, name.to_string(), None, "administration-name");
        c.pending = Pending::Person;
        s.mark(u.i, u.j);
        out.push(c);
        return;
    }
    // "engine maker Europrop", "German airline Aer Lingus": a name after the
    // common noun that says what it is names an organisation.
    let described = s.org_descriptor_before(u.i);
    // "losing to Tulsa 63-7", a results line "Feyenoord 2 Vitesse Arnhem 0": a team that
    // played, an organisation.
    let team = s.results || s.score_after(u.j);
    let acting = (s.acting_after(u.j, false) == Act::Active && !s.after_preposition(u.i))
        || s.agent_before(u.i, u.j)
        || described
        || team;
    let acronym = is_acronym(name)
        && !s.headline
        && name.chars().filter(|c| c.is_alphanumeric()).count() > 2
        && !s.lower_words.contains(name.to_lowercase().as_str())
        && !s.lex.common.contains(s.lw(u.i));
    let weak = weak && (!u.initial || !acting || name.ends_with('s') || s.headline) && (!acronym || u.initial);
    // The object of a verb ("accused Vezilier of") or an owner ("Vezilier's
    // role") is a name too.
    let object =
        u.i > 0 && s.is_word(u.i - 1) && s.lex.verbs.contains(s.w(u.i - 1)) && !s.lex.base_only.contains(s.w(u.i - 1));
    let owner = u.j + 1 < s.t.len() && s.t[u.j + 1].kind == Kind::Poss;
    let acting = acting || ((object || owner) && !u.initial);
    // Done to people: "accused Vezilier", "Vezilier, who".
    let person_object = object && DONE_TO_PEOPLE.contains(&s.lw(u.i - 1));
    let who = u.j + 2 < s.t.len() && s.w(u.j + 1) == "," && s.lw(u.j + 2) == "who";
    // "told CNBC", "told MSNBC's Morning Joe", "told POLITICO": a name in capitals told
    // something is a network, a paper or an agency, not a person (a sentence in capitals is a
    // headline, decided above).
    let capitals = name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase);
    let kind = if (person_object || who) && !described && !capitals && !team && !s.medium_after(u.j) {
        ActorKind::Person
    } else {
        ActorKind::Organization
    };
    // "at Miller's,", "became Macy's in 2006": a name in the possessive with no noun after it
    // names a business of its own (the possessive is part of the name); a person's surname
    // ("than Smith's.") is given back to the person per document.
    // ("36 KO's", "new A380's": an acronym or a model in the plural, no possessive.)
    let plain = !is_acronym(name) && !name.bytes().any(|b| b.is_ascii_digit());
    let shop = kind == ActorKind::Organization && plain && !s.headline && s.elliptical_possessive(u.j);
    let j = if shop { u.j + 1 } else { u.j };
    let name = &text[s.t[u.i].s..s.t[j].e];
    let mut c = s.cand(u.i, j, kind, Mention::Name, name.to_string(), None, "single-name");
    c.pending = Pending::Single { acting, acronym, weak };
    s.mark(u.i, j);
    out.push(c);
}

impl Sentence<'_> {
    /// "Cesaroni Design", "Soleilmoon Recordings", "Special Events": capitalised words of
    /// unknown kind that open with no given name and hold a word the document writes in
    /// lowercase elsewhere (or a common word) are a company's or a thing's name made of
    /// English nouns, not a person's (GUIDELINES ACTOR: a person's name is a given name and a
    /// surname; "Paul Design" opens with a given name and stays a person). The lowercase
    /// particles of a surname ("de", "van") and those inside a name ("Adenet Le Roi",
    /// "Osama Bin Laden") are no such words.
    /// "Republican House", "Democratic House leaders": a party's adjective, then the word of a
    /// legislative body and no more, names the party's side of the body, an organisation;
    /// the adjective is no title and the body's word no person's name (GUIDELINES ACTOR:
    /// named organisations; titles go into `role` only before a person's name).
    /// "administration(s)" right after token `j`, or "and", one capitalised word and
    /// "administrations" ("the [Bush] and Obama administrations").
    pub(super) fn administration_after(&self, j: usize) -> bool {
        let w = |k: usize| if k < self.t.len() && self.is_word(k) { self.w(k) } else { "" };
        matches!(w(j + 1), "administration" | "administrations")
            || (w(j + 1) == "and" && j + 2 < self.t.len() && self.cap(j + 2) && w(j + 3) == "administrations")
    }

    pub(super) fn party_body(&self, i: usize, j: usize) -> bool {
        j == i + 1
            && matches!(self.w(i), "Republican" | "Democratic" | "Democrat")
            && matches!(
                self.w(j),
                "House" | "Senate" | "Congress" | "Caucus" | "Conference" | "Legislature" | "Assembly"
            )
    }

    pub(super) fn common_noun_name(&self, i: usize, j: usize) -> bool {
        if self.lex.given.contains(self.w(i)) || NAME_PARTICLES.contains(&self.lw(i)) {
            return false;
        }
        (i..=j).any(|x| {
            self.is_word(x)
                && self.cap(x)
                && !(x > i && is_inner_particle(self.lw(x)))
                && (self.lower_words.contains(self.lw(x)) || self.lex.common.contains(self.lw(x)))
        })
    }

    /// A possessive right after token `j` that no noun follows: punctuation, the end, or a
    /// word that cannot open a noun phrase ("and", "in", "was", "became").
    pub(super) fn elliptical_possessive(&self, j: usize) -> bool {
        let p = j + 1;
        if p >= self.t.len() || self.t[p].kind != Kind::Poss || !self.w(p).ends_with('s') {
            return false;
        }
        let k = p + 1;
        k >= self.t.len()
            || matches!(self.w(k), "," | "." | ";" | ":" | ")" | "!" | "?")
            || matches!(
                self.w(k),
                "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "was"
                    | "is"
                    | "became"
                    | "has"
                    | "had"
                    | "which"
                    | "where"
                    | "until"
            )
    }
}

fn capitalised_name(s: &mut Sentence<'_>, n: &Names<'_>, ui: usize, out: &mut Vec<Cand>) {
    let u = &n.units[ui];
    let text = s.text;
    let name = &text[s.t[u.i].s..s.t[u.j].e];
    // ("Vann R. Newkirk II": a generational suffix is no word of the count.)
    let words = u.j - u.i + 1 - s.generation_tail(u.i, u.j);
    // "Buddha for Mary" in quotes: a work's title; "Sandy Hook, Maryland": a place.
    if s.in_title_quote(u.i, u.j) || s.place_before_region(n.units, u.j) {
        return;
    }
    // Where capitals prove nothing, several words are no name.
    // ("De Blasio said": a particle opening a surname is no common word.)
    let particle = u.j > u.i && NAME_PARTICLES.contains(&s.lw(u.i));
    let weak = s.headline || (u.initial && s.lower_words.contains(s.lw(u.i)) && !particle);
    // A label in a table row ("Total Dead: 192") or opening a line ("Current News: ...",
    // "Veto Power Impedes Peace Efforts: ...") is no name.
    let label = u.j + 1 < s.t.len() && s.w(u.j + 1) == ":" && (!s.terminated || s.opens_line(u.i));
    if weak || label || s.work_descriptor_before(u.i) || s.shouted_words(u.i, u.j) || s.ends_in_group_word(u.i, u.j) {
        return;
    }
    // "engine maker Europrop", "German airline Aer Lingus": a name after the
    // common noun that says what it is names an organisation.
    let described = s.org_descriptor_before(u.i);
    let acting = (s.acting_after(u.j, false) == Act::Active && !s.after_preposition(u.i))
        || s.agent_before(u.i, u.j)
        || described;
    // "in Chiang Mai", "near Kopački Rit": a place; a quoted title: a work.
    let place_prep = u.i > 0
        && matches!(
            s.lw(u.i - 1),
            "in" | "at" | "near" | "from" | "into" | "across" | "outside" | "inside" | "throughout"
        );
    let quoted = u.i > 0
        && matches!(s.w(u.i - 1), "\"" | "“" | "‘")
        && u.j + 1 < s.t.len()
        && matches!(s.w(u.j + 1), "\"" | "”" | "’");
    if (place_prep || quoted) && !acting {
        return;
    }
    if described {
        let c = s.cand(u.i, u.j, ActorKind::Organization, Mention::Name, name.to_string(), None, "described-name");
        s.mark(u.i, u.j);
        out.push(c);
        return;
    }
    // "the Excursion House", "A Beautiful Lie": a person's name takes no
    // article; an organisation's does when it acts ("the Used announced").
    let is_article = |k: usize| s.is_word(k) && matches!(s.lw(k), "the" | "a" | "an");
    let article = (u.i > 0 && is_article(u.i - 1))
        || (u.i > 1
            && is_article(u.i - 2)
            && s.is_word(u.i - 1)
            && s.w(u.i - 1).chars().all(|c| c.is_ascii_lowercase()));
    if article && !acting {
        return;
    }
    // ("Wal - Mart", hyphenated, is no person's name.)
    // ("The Used", "One Nation", "New Order": no person's name opens with these words.)
    let the = s.w(u.i) == "The" || super::classify::NAME_OPENERS.contains(&s.lw(u.i));
    // ("Al Mayadeen television", "the Hill newspaper": a name before the noun of its medium
    // names the medium, an organisation.)
    // ("Johannes Diderik van der Waals", "Maria de los Angeles Garcia": the lowercase
    // particles of a surname are no words of the count.)
    let particles = (u.i..=u.j).filter(|&x| NAME_PARTICLES.contains(&s.w(x))).count();
    let kind = if words - particles <= 3
        && !article
        && !the
        && !s.medium_after(u.j)
        && !s.common_noun_name(u.i, u.j)
        && !s.party_body(u.i, u.j)
        && !s.results
        && !s.score_after(u.j)
        && !(u.i..=u.j).any(|x| is_acronym(s.w(x)) || s.w(x) == "-")
    {
        ActorKind::Person
    } else {
        ActorKind::Organization
    };
    let mut c = s.cand(u.i, u.j, kind, Mention::Name, name.to_string(), None, "capitalised-name");
    if kind == ActorKind::Person {
        c.pending = Pending::Person;
    }
    s.mark(u.i, u.j);
    out.push(c);
}

/// `compound-name`: see [`Sentence::compound_names`].
pub(super) const COMPOUNDS: Pass = Pass { name: "compound-name", run: |s, _, out| s.compound_names(out) };

/// A number with a unit of digital size or frequency written on it ("16GB", "2.4GHz"): a
/// measure, no name (a company such as "3M" has no such unit).
fn is_measure(w: &str) -> bool {
    let digits = w.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    digits > 0 && matches!(&w[digits..], "GB" | "MB" | "TB" | "KB" | "GHz" | "MHz" | "mAh" | "Mbps" | "Gbps")
}

/// Adjectives and plurals for a people, a faith or a party that a state's demonyms
/// (data/actors/states.txt) do not hold: a capitalised run ending in one describes people
/// ("African Americans", "Muslim Americans") or modifies a noun ("Middle Eastern nations",
/// "House Democratic leadership").
const GROUP_WORDS: &[&str] = &[
    "African",
    "Asian",
    "Arab",
    "Arabs",
    "Democratic",
    "Republican",
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Jewish",
    "Jews",
    "Hispanic",
    "Hispanics",
    "Latino",
    "Latinos",
    "Latina",
    "Latinas",
    "Sikh",
    "Sikhs",
    "Hindu",
    "Hindus",
    "Catholic",
    "Catholics",
    "Evangelical",
    "Evangelicals",
];

impl Sentence<'_> {
    /// Does a capitalised run end at `j` in a demonym or a group word, as a plural ("African
    /// Americans", "Rohingya Muslims") or before a lowercase noun it modifies ("African American
    /// women", "Middle Eastern nations")? GUIDELINES ACTOR: demonyms are actors only as the
    /// state's people acting (`states.rs`), and a pre-modifier is no name.
    /// A word of `GROUP_WORDS`, or a hyphenated compound of such words and demonyms
    /// ("African-Americans", "Mexican-American").
    pub(super) fn is_group_word(&self, w: &str) -> bool {
        let part = |p: &str| {
            GROUP_WORDS.contains(&p) || self.lex.adjectives.contains_key(p) || self.lex.peoples.contains_key(p)
        };
        GROUP_WORDS.contains(&w) || (w.contains('-') && w.split('-').all(part))
    }

    pub(super) fn ends_in_group_word(&self, i: usize, j: usize) -> bool {
        let w = self.w(j);
        let plural = self.lex.peoples.contains_key(w) || (GROUP_WORDS.contains(&w) && w.ends_with('s'));
        let adjective = self.lex.adjectives.contains_key(w) || GROUP_WORDS.contains(&w);
        // A lowercase noun after it: no function word, no verb ("Mark Cuban has").
        let noun_after = j + 1 < self.t.len()
            && self.is_word(j + 1)
            && !self.cap(j + 1)
            && !CONNECTORS.contains(&self.lw(j + 1))
            && !DETERMINERS.contains(&self.lw(j + 1))
            && !self.lex.verbs.contains(self.w(j + 1))
            && !self.lex.common.contains(self.lw(j + 1));
        // A name opened by a given name ("Mark Cuban") or an acronym ("LGBT Americans") is left
        // to the other rules.
        let first = self.w(i);
        let opener_ok = !self.lex.given.contains(first) && !is_acronym(first);
        opener_ok && (plural || (adjective && noun_after))
    }

    /// Is `i..=j` a run written in capitals with a word the document writes in lowercase
    /// ("SIGN UP FOR OUR NEWSLETTER", "VERIZON TO BUY YAHOO FOR", "MAKE AMERICA GREAT AGAIN"):
    /// a lead-in or a slogan in capitals, where capitals prove nothing (GUIDELINES ACTOR); a
    /// name in capitals ("JEROME ARTHUR", "MICHAEL B. THOMAS") has no such word.
    pub(super) fn shouted_words(&self, i: usize, j: usize) -> bool {
        let upper = |k: usize| {
            let w = self.w(k);
            w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
        };
        j > i
            && (i..=j).all(|k| !self.is_word(k) || upper(k))
            && (i..=j).any(|k| {
                self.is_word(k)
                    && self.w(k).chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && self.lower_words.contains(self.lw(k))
            })
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
        // ("Selma, Ala. was": a region abbreviated with its stop ends there; not a state:
        // "Kowalski, U.S. officials said".)
        matches!(r.class, Class::Place | Class::State { capital: false, .. })
            && (e >= n
                || (r.class == Class::Place && (self.w(r.j) == "." || self.w(r.j).ends_with('.')))
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
    /// "the song Gloomy Sunday", "their album Deser Orchid", "a game called Hot Lotto": a name
    /// right after a common noun that says it is a work (or after "called"/"titled" that such a
    /// noun opens) is the work's title, no actor.
    pub(super) fn work_descriptor_before(&self, i: usize) -> bool {
        let is_work = |k: usize| self.is_word(k) && !self.cap(k) && is_work_noun(self.w(k));
        if i == 0 || !self.is_word(i - 1) || self.cap(i - 1) {
            return false;
        }
        if is_work(i - 1) {
            return true;
        }
        matches!(self.w(i - 1), "called" | "titled" | "entitled") && (i.saturating_sub(4)..i - 1).any(is_work)
    }

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

    /// Is the word after token `j` a lowercase noun of a medium ("told Al Mayadeen [television]",
    /// "the Hill [newspaper] reported", "Breitbart [website]"), so that the name before it names
    /// a network, a paper or a site?
    pub(super) fn medium_after(&self, j: usize) -> bool {
        self.is_word(j + 1)
            && matches!(
                self.w(j + 1),
                "television"
                    | "TV"
                    | "radio"
                    | "network"
                    | "channel"
                    | "newspaper"
                    | "daily"
                    | "weekly"
                    | "magazine"
                    | "website"
                    | "broadcaster"
                    | "station"
                    | "tabloid"
                    | "newsletter"
                    | "blog"
            )
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

/// Common nouns that name a work (a title follows them): "the song", "their album", "the film".
/// Not words that are verbs as often ("play", "show", "record", "track": "polls show Smith").
fn is_work_noun(w: &str) -> bool {
    matches!(
        w,
        "song"
            | "songs"
            | "album"
            | "albums"
            | "ep"
            | "film"
            | "movie"
            | "documentary"
            | "book"
            | "novel"
            | "memoir"
            | "poem"
            | "opera"
            | "musical"
            | "painting"
            | "game"
            | "program"
            | "programme"
            | "series"
            | "sitcom"
            | "episode"
            | "anthem"
            | "hymn"
            | "slogan"
            | "app"
    )
}
