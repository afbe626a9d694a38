//! Family: name runs, classifying them. A run of capitalised words becomes one or more units,
//! each naming a state, a known organisation or person, a place, a person found from a title
//! or a given name, an organisation found from its last word, something that is no actor (a
//! treaty, a machine, a work), or capitalised words of unknown kind.
//!
//! Owns: splitting a run at titles and gazetteer names and the class of each part. It must
//! not: decide whether a unit acts or make candidates (`names.rs`, `states.rs`).

use super::lexicon::{Entry, Suffix};
use super::names::ADVERB_ENDINGS;
use super::rule::{Class, GazAt, Run, RunRule, Unit};
use super::runs::gaz_inside;
use super::sentence::Sentence;
use super::words::{
    is_acronym, is_initial, is_model_code, is_roman, COMPASS, CONNECTORS, DETERMINERS, MEDIUM_OPENERS, NAME_PARTICLES,
};
use crate::model::ActorKind;

/// The rules for a capitalised run, tried in order: the first that decides (returns true)
/// pushes its units; a run none decides is split at its gazetteer names (`analyse_plain`).
pub(super) const RUN_RULES: [RunRule; 14] = [
    SETTLEMENT_OF,
    SETTLEMENT_IS,
    ROLE_OF_BODY,
    WHOLE_GAZETTEER,
    TITLE_INSIDE,
    NUMBERED_THING,
    NOT_SUFFIX,
    ORG_SUFFIX,
    ABBREVIATED_PLACE,
    KNOWN_ORG_EXTENDED,
    GIVEN_NAME_PERSON,
    ROLE_BEFORE_GIVEN_NAME,
    PLACE_THEN_GIVEN_NAME,
    LOCATED_ORG,
];

/// Nouns for a settlement, read by `settlement-of` ("the village of") and `settlement-is`
/// ("Aisby is a village in Lincolnshire").
const SETTLEMENTS: &[&str] =
    &["village", "town", "city", "hamlet", "suburb", "municipality", "commune", "settlement", "parish"];

/// Nouns for an area or for the people of a settlement, read only after "of" ("the district of",
/// "residents of Kafr Nabl"): after "is a" they also head phrases about persons ("a mainstay in
/// the district", "the province's environment minister").
const AREAS_AND_RESIDENTS: &[&str] = &[
    "villages",
    "towns",
    "district",
    "province",
    "neighbourhood",
    "neighborhood",
    "county",
    "residents",
    "inhabitants",
    "villagers",
    "townspeople",
];

/// `settlement-of`: the name after "the village of", "the town of", "residents of" is a place
/// ("the village of Beit Ummar", "near the town of Hiram", "Residents of Kafr Nabl"):
/// GUIDELINES, a place is no actor.
const SETTLEMENT_OF: RunRule = RunRule {
    name: "settlement-of",
    apply: |s, r, units| {
        if r.i < 2 || s.lw(r.i - 1) != "of" || !s.is_word(r.i - 2) {
            return false;
        }
        let w = s.lw(r.i - 2);
        let place = SETTLEMENTS.contains(&w) || AREAS_AND_RESIDENTS.contains(&w);
        if !place {
            return false;
        }
        units.push(Unit { i: r.i, j: r.j, class: Class::Place, initial: s.initial[r.i], role: None });
        true
    },
};

/// `settlement-is`: a name said to be a settlement, by a predicate or an apposition ("Aisby is
/// a village in Lincolnshire", "Kafr Nabl, a town in Idlib", "Bank Hey is a suburb of
/// Blackburn"): GUIDELINES, a place is no actor.
const SETTLEMENT_IS: RunRule = RunRule {
    name: "settlement-is",
    apply: |s, r, units| {
        let n = s.t.len();
        let mut k = r.j + 1;
        // "is a", "was an", ", a", ", the".
        if k < n && matches!(s.w(k), "is" | "was" | ",") {
            k += 1;
        } else {
            return false;
        }
        if !(k < n && matches!(s.lw(k), "a" | "an" | "the")) {
            return false;
        }
        // Up to three modifiers ("a small English village", "a former mining town").
        // The noun heads the phrase: "a town in Idlib", "a small village.", not "a Tennessee
        // district court nominee" or "a town council member".
        let head = |x: usize| {
            x + 1 >= n
                || !s.is_word(x + 1)
                || s.cap(x + 1)
                || matches!(
                    s.lw(x + 1),
                    "in" | "of"
                        | "on"
                        | "near"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "and"
                        | "that"
                        | "which"
                        | "where"
                )
        };
        let settlement =
            (k + 1..(k + 5).min(n)).take_while(|&x| s.is_word(x)).any(|x| SETTLEMENTS.contains(&s.lw(x)) && head(x));
        if !settlement {
            return false;
        }
        units.push(Unit { i: r.i, j: r.j, class: Class::Place, initial: s.initial[r.i], role: None });
        true
    },
};

/// `role-of-body`: after a title and "of" ("Secretary of", "Speaker of the"), the body the
/// title is of and then a person's name: "Secretary of State Hillary Clinton", "Speaker of the
/// House Paul Ryan", "Secretary of the Air Force James Roche". The body's words belong to the
/// role (GUIDELINES ACTOR: names without titles or roles); an organisation among them ("Air
/// Force", "House") stays a name of its own. The person starts at a given name or a known
/// person's name that ends the run, or after a title of the list that runs into the run
/// ("Secretary of State Kerry").
const ROLE_OF_BODY: RunRule = RunRule { name: "role-of-body", apply: role_of_body };

fn role_of_body(s: &Sentence<'_>, r: &Run<'_>, units: &mut Vec<Unit>) -> bool {
    let (i, j, gaz_at) = (r.i, r.j, r.gaz_at);
    if j <= i || r.role.is_some() || s.headline {
        return false;
    }
    // "of" just before the run, or "of the".
    let of = match (i.checked_sub(1), i.checked_sub(2)) {
        (Some(a), _) if s.w(a) == "of" => a,
        (Some(a), Some(b)) if s.lw(a) == "the" && s.w(b) == "of" => b,
        _ => return false,
    };
    // The title that ends before "of" or runs past it ("secretary", "secretary of state").
    let title = (1..=s.lex.max_title_words.min(of)).rev().find_map(|len| {
        let t0 = of - len;
        s.title_at(t0).filter(|&(l, _)| t0 + l >= of).map(|(l, _)| (t0, t0 + l))
    });
    let Some((t0, title_end)) = title else { return false };
    // A title of the list running into the run ("secretary of state"): the name follows it.
    let listed = Some(title_end).filter(|&e| e > i && e <= j);
    let person_at = |k: usize| {
        let known = matches!(gaz_at[k], Some((gj, Entry::Person(_))) if gj == j);
        let given = s.lex.given.contains(s.w(k))
            && gaz_at[k].is_none()
            && j - s.generation_tail(k, j) > k
            && j - s.generation_tail(k, j) <= k + 2
            && (k..=j).all(|x| s.cap(x) && !s.is_org_suffix(x))
            // ("director of the UCLA Anderson Forecast": a last word the document writes in
            // lowercase ends a body's name, no surname.)
            && !s.lower_words.contains(s.lw(j));
        known || given
    };
    let Some(k) = listed.or_else(|| (i + 1..=j).find(|&k| person_at(k))) else { return false };
    if k > j || !(i..k).all(|x| s.cap(x) || CONNECTORS.contains(&s.lw(x))) {
        return false;
    }
    let role = s.text[s.t[t0].s..s.t[k - 1].e].to_string();
    let body_names = (i..k).any(|x| s.is_org_suffix(x) || matches!(gaz_at[x], Some((gj, Entry::Org(_))) if gj < k));
    if body_names {
        // The organisation up to its head ("Air Force" of "Air Force for Acquisition").
        let end = (i..k).find(|&x| matches!(s.w(x), "for" | "on")).unwrap_or(k);
        s.analyse_run(i, end - 1, gaz_at, units);
    }
    s.analyse_plain(k, j, gaz_at, Some(role), units);
    true
}

/// The whole run is one gazetteer name; a title before it is a known person's role.
const WHOLE_GAZETTEER: RunRule = RunRule {
    name: "whole-gazetteer",
    apply: |s, r, units| {
        let Some((gj, e)) = r.gaz_at[r.i] else { return false };
        if gj != r.j {
            return false;
        }
        let class = s.entry_class(e);
        let role = if matches!(class, Class::KnownPerson(_)) { r.role.clone() } else { None };
        units.push(Unit { i: r.i, j: r.j, class, initial: s.initial[r.i], role });
        true
    },
};

/// A title inside the run: "Northrop Grumman CEO Ron Sugar" (two names), "Apple Computer CEO"
/// (the title is no part of the name), "Tourism Minister Andrew Thomson" (a word or two before
/// the title belong to the role). Not after "of"/"for"/"the" ("Department of Justice"), not a
/// name ending in a title word after a given name ("Martin Luther King", "Larry King").
const TITLE_INSIDE: RunRule = RunRule { name: "title-inside", apply: title_inside };

fn title_inside(s: &Sentence<'_>, r: &Run<'_>, units: &mut Vec<Unit>) -> bool {
    let (i, j, gaz_at) = (r.i, r.j, r.gaz_at);
    let last_org = (i..=j).rev().find(|&x| s.is_org_suffix(x));
    s.steps.add(j + 1 - i);
    for k in i + 1..=j {
        // `gaz_inside` looks at the run up to `k`.
        s.steps.add(k - i);
        if gaz_at[k].is_some() || gaz_inside(gaz_at, i, k) || !s.cap(k) {
            continue;
        }
        // "Royal Courts of Justice", "Department of Justice": after a connector a title
        // word is part of the name.
        if matches!(s.w(k - 1), "of" | "for" | "the") {
            continue;
        }
        if let Some((len, role)) = s.title_at(k) {
            // "Martin Luther King", "Larry King", "Alexander Pope": after a given name, a title
            // word (not an acronym such as "CEO") that ends the run is a surname.
            let surname = s.lex.given.contains(s.w(i)) && (k > i + 1 || (len == 1 && !is_acronym(s.w(k))));
            // ... or before a generational suffix ("Martin Luther King Jr.").
            let ends = k + len - 1 == j || k + len + s.generation_tail(i, j) - 1 == j;
            if ends && surname {
                continue;
            }
            // "The Kansas City Star reported": after a place's name, a title word that is also
            // an organisation's last word (a newspaper's "Star") ends the organisation's name
            // ("a Gold Star mother" is no newspaper).
            let place_before = matches!(gaz_at[i], Some((g, Entry::Place | Entry::State { .. })) if g + 1 == k);
            if ends && len == 1 && s.is_org_suffix(k) && place_before {
                continue;
            }
            if k + len - 1 == j && !surname {
                // "Apple Computer CEO", "Ryanair CEO": the title is no part of the name.
                s.analyse_run(i, k - 1, gaz_at, units);
                return true;
            }
            if k + len <= j && s.cap(k + len) && last_org.is_none_or(|x| x < k + len) {
                // "Tourism Minister Andrew Thomson": a word or two of no name before the
                // title belong to the role.
                let plain_prefix = k - i <= 2
                    && (i..k).all(|x| {
                        s.cap(x)
                            && gaz_at[x].is_none()
                            && !gaz_inside(gaz_at, 0, x + 1)
                            && !s.lex.given.contains(s.w(x))
                            && !s.lex.adjectives.contains_key(s.w(x))
                    });
                if plain_prefix {
                    let role = format!("{} {}", &s.text[s.t[i].s..s.t[k - 1].e], role);
                    s.analyse_plain(k + len, j, gaz_at, Some(role), units);
                    return true;
                }
                s.analyse_run(i, k - 1, gaz_at, units);
                s.analyse_plain(k + len, j, gaz_at, Some(role), units);
                return true;
            }
        }
    }
    false
}

/// "Chapter IV", "World War II": a roman numeral ends a thing's name, no person's ("Henry
/// VIII", with a given name, is one), unless the head is an organisation word.
const NUMBERED_THING: RunRule = RunRule {
    name: "numbered-thing",
    apply: |s, r, units| {
        let (i, j) = (r.i, r.j);
        if !(j > i && is_roman(s.w(j)) && r.gaz_at[i].is_none() && !s.lex.given.contains(s.w(i))) {
            return false;
        }
        // "Vann R. Newkirk II": a middle initial makes the numeral a person's generation.
        if (i + 1..j).any(|x| is_initial(s.w(x))) {
            return false;
        }
        let suffix = s.lex.suffixes.get(s.w(r.head)).copied();
        if matches!(suffix, Some(Suffix::Org) | Some(Suffix::Group)) {
            return false;
        }
        units.push(Unit { i, j, class: Class::Not, initial: s.initial[i], role: None });
        true
    },
};

/// A head (or, without a known head, a last word) that makes the run no actor: a treaty, an
/// event, a building (data/actors/suffixes.txt, `not`).
const NOT_SUFFIX: RunRule = RunRule {
    name: "not-suffix",
    apply: |s, r, units| {
        if !r.many {
            return false;
        }
        let suffix = s.lex.suffixes.get(s.w(r.head)).copied();
        if suffix == Some(Suffix::Not) || (suffix.is_none() && s.lex.suffixes.get(s.w(r.j)) == Some(&Suffix::Not)) {
            units.push(Unit { i: r.i, j: r.j, class: Class::Not, initial: s.initial[r.i], role: None });
            return true;
        }
        false
    },
};

/// An organisation or group word in the run, outside a gazetteer name ("Acme Corp", "Islamic
/// Resistance Movement"): a new organisation or group; in a headline only after a known name.
const ORG_SUFFIX: RunRule = RunRule {
    name: "org-suffix",
    apply: |s, r, units| {
        if !r.many {
            return false;
        }
        let (i, j) = (r.i, r.j);
        let Some(x) = (i..=j).find(|&x| s.is_org_suffix(x) && !gaz_inside(r.gaz_at, i, x + 1)) else {
            return false;
        };
        if s.headline && r.gaz_at[i].is_none() {
            return false;
        }
        let kind =
            if s.lex.suffixes.get(s.w(x)) == Some(&Suffix::Group) { ActorKind::Group } else { ActorKind::Organization };
        units.push(Unit { i, j, class: Class::NewOrg(kind), initial: s.initial[i], role: None });
        true
    },
};

/// `abbreviated-place`: a name opened by Fort or the abbreviation of Fort or Mount ("Ft.
/// Worth", "Fort Hood", "Mt. Everest", "FT. LAUDERDALE"), or of Saint after a preposition of
/// place ("in St. Lucie", "to St. Johnsbury"; a saint alone is a person), names a place:
/// GUIDELINES ACTOR, a place is no actor. (A name with an organisation's last word was decided
/// before: "Fort Worth Police Department".)
const ABBREVIATED_PLACE: RunRule = RunRule {
    name: "abbreviated-place",
    apply: |s, r, units| {
        if r.i >= r.j || r.gaz_at[r.i].is_some() || r.role.is_some() {
            return false;
        }
        let place = match s.w(r.i) {
            // ("Fort Hood shooter", "in Fort Pierce": spelled out, Fort opens a place's name
            // as its abbreviation does.)
            "Ft." | "Mt." | "FT." | "MT." | "Fort" | "FORT" => true,
            // ("at St. Anselm's College": a saint's possessive opens an institution's name.)
            "St." | "ST." => {
                r.i > 0
                    && matches!(s.lw(r.i - 1), "in" | "to" | "from" | "at" | "near" | "outside" | "of" | "and")
                    && s.t.get(r.j + 1).is_none_or(|t| t.kind != super::token::Kind::Poss)
            }
            _ => false,
        };
        if !place {
            return false;
        }
        units.push(Unit { i: r.i, j: r.j, class: Class::Place, initial: s.initial[r.i], role: None });
        true
    },
};

/// A known organisation followed by more capitalised words: "Apple Computer", "Boeing
/// Commercial Airplanes", "EADS North America" (one organisation); before a product noun the
/// maker, then its product's name ("Intel Core Duo processors").
const KNOWN_ORG_EXTENDED: RunRule = RunRule {
    name: "known-org-extended",
    apply: |s, r, units| {
        let (i, j) = (r.i, r.j);
        let Some((gj, Entry::Org(_))) = r.gaz_at[i] else { return false };
        let extends = r.many
            && gj < j
            && !s.headline
            && r.role.is_none()
            && (gj + 1..=j).all(|x| {
                let w = s.w(x);
                s.cap(x)
                    && w.chars().all(char::is_alphabetic)
                    && !s.lex.adjectives.contains_key(w)
                    && !s.lex.peoples.contains_key(w)
                    && !s.lex.common.contains(s.lw(x))
            })
            && !(gj + 1..=j).any(|x| r.gaz_at[x].is_some());
        if !extends {
            return false;
        }
        if s.product_noun(j + 1) {
            // "Intel Core Duo processors": the maker, then its product's name.
            let class = s.entry_class(r.gaz_at[i].map_or(Entry::Place, |(_, e)| e));
            units.push(Unit { i, j: gj, class, initial: s.initial[i], role: None });
            units.push(Unit { i: gj + 1, j, class: Class::Not, initial: false, role: None });
            return true;
        }
        let class = Class::NewOrg(ActorKind::Organization);
        units.push(Unit { i, j, class, initial: s.initial[i], role: None });
        true
    },
};

/// A given name and a word or two that may also be a place: "Michael Jordan", "Paris Hilton"
/// are people.
const GIVEN_NAME_PERSON: RunRule = RunRule {
    name: "given-name-person",
    apply: |s, r, units| {
        let (i, j) = (r.i, r.j);
        // A generational suffix is no word of the count ("Joseph R. Biden Jr.").
        if !(r.many
            && j - s.generation_tail(i, j) - i <= 2
            && s.lex.given.contains(s.w(i))
            && !s.headline
            && r.gaz_at[i].is_none())
        {
            return false;
        }
        let class = Class::Person { role: r.role.clone() };
        units.push(Unit { i, j, class, initial: s.initial[i], role: None });
        true
    },
};

/// Words before a given name that starts the rest of the run are a role: "County Coroner
/// William McLaughlin", "Engineer John Greiner".
const ROLE_BEFORE_GIVEN_NAME: RunRule = RunRule {
    name: "role-before-given-name",
    apply: |s, r, units| {
        let (i, j, gaz_at) = (r.i, r.j, r.gaz_at);
        if !r.many || r.role.is_some() || s.headline || gaz_at[i].is_some() {
            return false;
        }
        let k = (i + 1..j).find(|&k| s.lex.given.contains(s.w(k)) && gaz_at[k].is_none() && s.cap(k + 1) && k + 3 >= j);
        let Some(k) = k else { return false };
        // "St. Jude Children's Research Hospital", "Saint Mary's College": a saint's name opens
        // an institution's or a place's name; "St." is no role.
        if matches!(s.w(i), "St." | "St" | "ST." | "Saint" | "Ste." | "Sainte") {
            return false;
        }
        if !(i..k).all(|x| s.cap(x) && gaz_at[x].is_none() && !s.is_org_suffix(x)) {
            return false;
        }
        // "Frank Kelly Freas", "Nadja Angelique Beauford": one word no list knows before a
        // middle name, inside a sentence, of three letters or more ("Fr" is a title), shaped
        // as no role word (-ed, -an, -er, -or, -ist) and never written in lowercase, is a
        // first name.
        let w = s.lw(i);
        let role_shaped = ["ed", "an", "er", "or", "ist", "ic", "ent", "ant"].iter().any(|e| w.ends_with(e));
        if k == i + 1
            && !s.initial[i]
            && w.chars().count() > 2
            && !role_shaped
            && !s.lower_words.contains(w)
            && !s.lex.heads.contains_key(w)
            && !s.lex.common.contains(w)
        {
            return false;
        }
        let role: String = s.text[s.t[i].s..s.t[k - 1].e].to_string();
        s.analyse_plain(k, j, gaz_at, Some(role), units);
        true
    },
};

/// `place-then-given-name`: a one-word place or state the gazetteer knows, then one
/// capitalised word that is a given name and no more: "Paris Hilton", "Washington Irving",
/// "America Ferrera", "Perth Glory". Inside a sentence a place is not written before a bare
/// first name, so the two words are one name (GUIDELINES ACTOR: a name is kept whole), of
/// unknown kind: the name rules decide whether it names a person or a club. Not in a
/// headline, where capitals prove nothing, nor after a title ("Mayor Paris Hilton" keeps
/// the title's rule).
const PLACE_THEN_GIVEN_NAME: RunRule = RunRule {
    name: "place-then-given-name",
    apply: |s, r, units| {
        let (i, j, gaz_at) = (r.i, r.j, r.gaz_at);
        let place = gaz_at[i].is_some_and(|(gj, e)| gj == i && matches!(e, Entry::State { .. } | Entry::Place));
        if !(j == i + 1 && place && !s.headline && r.role.is_none()) {
            return false;
        }
        let given = gaz_at[j].is_none() && s.is_word(j) && s.lex.given.contains(s.w(j));
        // ("in Paris Monday": a weekday is no given name; `analyse_run` took it off already.)
        if !given || WEEKDAYS.contains(&s.w(j)) {
            return false;
        }
        units.push(Unit { i, j, class: Class::Unknown, initial: s.initial[i], role: None });
        true
    },
};

/// A state or a place with unknown capitalised words: "Air Canada", "Perth Glory", "Garuda
/// Indonesia" name organisations (not with "and", nor after a given name: "Paris Hilton").
const LOCATED_ORG: RunRule = RunRule { name: "located-org", apply: located_org };

fn located_org(s: &Sentence<'_>, r: &Run<'_>, units: &mut Vec<Unit>) -> bool {
    let (i, j, gaz_at) = (r.i, r.j, r.gaz_at);
    if !r.many || r.role.is_some() || s.headline {
        return false;
    }
    let mut has_loc = false;
    let mut has_other = false;
    let mut x = i;
    while x <= j {
        if let Some((gj, e)) = gaz_at[x] {
            match e {
                Entry::State { .. } | Entry::Place => has_loc = true,
                _ => has_other = true,
            }
            x = gj + 1;
            continue;
        }
        let w = s.w(x);
        if s.cap(x)
            && !s.lex.adjectives.contains_key(w)
            && !CONNECTORS.contains(&s.lw(x))
            && !DETERMINERS.contains(&s.lw(x))
            && !s.lex.given.contains(w)
            && (!COMPASS.contains(&w) || has_loc)
        {
            has_other = true;
        }
        x += 1;
    }
    if !(has_loc && has_other && !(i..=j).any(|x| matches!(s.w(x), "and" | "&"))) {
        return false;
    }
    // "a Florida Republican", "Missouri Secretary of State", "Florida Senator Marco Rubio": a
    // place before a title or a party member's word describes a person, no organisation.
    if (i..=j).any(|x| gaz_at[x].is_none() && (s.title_at(x).is_some() || matches!(s.w(x), "Republican" | "Democrat")))
    {
        return false;
    }
    let all_gaz_loc = gaz_at[i].is_some_and(|(_, e)| matches!(e, Entry::State { .. } | Entry::Place));
    // "Paris Hilton" would be a person; a given name decides that below.
    if s.lex.given.contains(s.w(i)) && !all_gaz_loc {
        return false;
    }
    units.push(Unit { i, j, class: Class::NewOrg(ActorKind::Organization), initial: s.initial[i], role: None });
    true
}

/// Weekdays, as a name run writes them.
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Months' abbreviations, as a name run writes them (the full names are
/// `model::timex::MONTHS`; "May" and "June" are also given names: a month ends a run only
/// before a day's number).
const MONTH_ABBREVIATIONS: &[&str] = &["Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."];

/// Words that make a weekday after them a day's own name ("Super Tuesday", "Black Friday",
/// "Bloody Sunday", "Good Friday"): the run is no name with a date after it.
const DAY_NAME_OPENERS: &[&str] =
    &["super", "black", "good", "ash", "cyber", "easter", "palm", "bloody", "holy", "maundy", "shrove", "remembrance"];

/// Common words that open names ("New Order", "One Nation", "First Great Western", "All
/// Souls College", "No Doubt"; not "Old", which opens places: "Old Goa"): written capitalised inside a sentence before other
/// capitalised words, they are the name's first word.
pub(super) const NAME_OPENERS: &[&str] = &["new", "first", "second", "third", "one", "all", "no", "god"];

impl Sentence<'_> {
    /// Classifies the run `i..=j` into units: leading titles and common words off (a title
    /// gives a role), trailing connectors off, then the first run rule that decides, else the
    /// run split at its gazetteer names.
    pub(super) fn analyse_run(&self, i: usize, j: usize, gaz_at: &GazAt, units: &mut Vec<Unit>) {
        let Some((i, role)) = self.leading(i, j, gaz_at) else {
            return;
        };
        // Trailing connectors, and "Flight 447" after an airline's name.
        let mut j = j;
        // ("BBC Radio 4", "Channel 5": a channel's number stays; `runs.rs` joined it.)
        while j > i
            && !(self.cap(j) || gaz_at[j].is_some() || self.gaz_ends_at(gaz_at, j))
            && !(self.w(j).bytes().all(|b| b.is_ascii_digit())
                && matches!(self.w(j - 1), "Channel" | "Radio" | "TV" | "Television"))
        {
            j -= 1;
        }
        if j > i && self.w(j) == "Flight" {
            j -= 1;
        }
        // "told CNBC Saturday", "in South Carolina Friday night", "in Orlando July 8": a
        // weekday, or a month before a day's number, after a name dates the act and is no
        // word of the name (GUIDELINES ACTOR: the name's span). Not after a word that makes
        // the day an event's name ("Super Tuesday", "Black Friday").
        while j > i && self.date_word_ends_run(i, j) {
            j -= 1;
        }
        if j == i + 1 && WEEKDAYS.contains(&self.w(j)) && DAY_NAME_OPENERS.contains(&self.lw(i)) {
            // "on Super Tuesday": a day, no actor.
            units.push(Unit { i, j, class: Class::Not, initial: self.initial[i], role: None });
            return;
        }
        let mut head = j;
        for k in i..=j {
            if matches!(self.w(k), "of" | "for" | "on") {
                head = k.saturating_sub(1).max(i);
                break;
            }
        }
        while head > i && (is_roman(self.w(head)) || self.w(head).chars().all(|c| c.is_ascii_digit())) {
            head -= 1;
        }
        let gaz_whole_head = gaz_at[i].is_some_and(|(gj, _)| gj >= head);
        let run = Run { i, j, role, head, many: j > i && !gaz_whole_head, gaz_at };
        if RUN_RULES.iter().any(|rule| (rule.apply)(self, &run, units)) {
            return;
        }
        self.analyse_plain(run.i, run.j, gaz_at, run.role, units);
    }

    /// Is token `j`, the last of the run `i..=j`, a weekday or a month before a day's
    /// number that dates the act, not a word of a day's own name ("Super Tuesday") or
    /// perhaps a person's ("Ruby Tuesday")?
    fn date_word_ends_run(&self, i: usize, j: usize) -> bool {
        let w = self.w(j);
        let month_day = (crate::model::timex::MONTHS.contains(&w) || MONTH_ABBREVIATIONS.contains(&w))
            && self.t.get(j + 1).is_some_and(|t| {
                let d = &self.text[t.s..t.e];
                (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
            });
        if !(WEEKDAYS.contains(&w) || month_day) {
            return false;
        }
        // ("Ruby Tuesday": after one word no list knows, other than an acronym, the weekday
        // may be a surname.)
        let unknown_one = !self.lex.names.contains_key(self.w(i)) && !is_acronym(self.w(i));
        !(j == i + 1 && (DAY_NAME_OPENERS.contains(&self.lw(i)) || unknown_one))
    }

    /// The run `i..=j` without its leading common words and titles, with the role the last
    /// title gives; `None` when nothing is left (a title alone).
    fn leading(&self, i: usize, j: usize, gaz_at: &GazAt) -> Option<(usize, Option<String>)> {
        let mut i = i;
        let mut role: Option<String> = self.title_before(i);
        self.steps.add(j + 1 - i.min(j + 1));
        // The last organisation suffix of the run: "is there one after x" is then one
        // comparison, where a scan of the rest of the run for every title made a run of
        // titles (`Mr. Mr. ...`) cost the square of its length.
        let last_org = (i..=j).rev().find(|&x| self.is_org_suffix(x));
        loop {
            if i > j {
                return None;
            }
            self.steps.add(1);
            if gaz_at[i].is_some() {
                break;
            }
            // "supporting The Used", "a tenant of The Disabilities Trust": a capitalised "The"
            // inside a sentence writes the article as part of a name no list knows.
            if self.w(i) == "The"
                && !self.initial[i]
                && !self.headline
                && i < j
                && !(i + 1..=j).any(|x| gaz_at[x].is_some())
            {
                break;
            }
            let lw = self.lw(i);
            // "a member of One Nation", "bands like New Order", "a Fellow of All Souls
            // College": inside a sentence, a capitalised word that often opens a name
            // opens this one.
            if !self.initial[i]
                && !self.headline
                && i < j
                && NAME_OPENERS.contains(&lw)
                && self.w(i) != lw.to_uppercase()
            {
                break;
            }
            // "Radio Free Europe said", "Television New Zealand reported": a medium's word
            // opening a run of capitalised words opens a broadcaster's name.
            // (In quotation marks it opens a title: the game mode "Radio Mix".)
            // ("TV 2 reported": a channel's number after it, which `runs.rs` joined.)
            let channel = |k: usize| self.w(k).bytes().all(|b| b.is_ascii_digit());
            if i < j
                && (self.cap(i + 1) || (i + 1 == j && channel(j)))
                && MEDIUM_OPENERS.contains(&lw)
                && !self.text[..self.t[i].s].ends_with(['"', '\u{201c}', '\''])
            {
                break;
            }
            let given = self.lex.given.contains(self.w(i));
            // After an honorific the name follows, even a title word ("Mr. King").
            // ("Mr Justice Anthony Mann": a title follows the honorific, then the name.)
            let honorific =
                matches!(role.as_deref(), Some("Mr" | "Mrs" | "Ms" | "Dr" | "Miss" | "Sir" | "Dame")) && i == j;
            // "Republican House members": a party's adjective before the word of a legislative
            // body is no title before a name (`party_body` makes the two words a body).
            let party_body = self.party_body(i, j);
            if let Some((len, r)) = self.title_at(i).filter(|_| !honorific && !party_body) {
                // "Major League Baseball" is no title before a name.
                let org_after = last_org.is_some_and(|x| x >= i + len);
                if i + len <= j && !org_after {
                    role = Some(r);
                    i += len;
                    continue;
                }
                if i + len > j {
                    // A title alone.
                    return None;
                }
            }
            let org_ahead = || last_org.is_some_and(|x| x > i);
            // "Van Gogh", "van der Vaart": a particle opening a surname stays in the name.
            let particle =
                i < j && NAME_PARTICLES.contains(&lw) && (self.cap(i + 1) || NAME_PARTICLES.contains(&self.lw(i + 1)));
            // "Apparently Hitzig", "Unfortunately Acme Corp": an adverb opening the sentence
            // is no word of the name after it.
            let adverb = lw.chars().count() >= 8 && ADVERB_ENDINGS.iter().any(|e| lw.ends_with(e));
            // "Bank of America said", "Council of Europe": a head noun opening the sentence
            // before "of"/"for" and the rest of the run is the name's first word.
            // ("Brown v. Board of Education": after a case's "v." it names a case, left out.)
            let head_of = i + 1 < j && matches!(self.w(i + 1), "of" | "for") && {
                let before = self.text[..self.t[i].s].trim_end();
                !(before.ends_with(" v.") || before.ends_with(" vs."))
            };
            if !given
                && !particle
                && (self.lex.common.contains(lw)
                    || (self.initial[i] && adverb)
                    || (self.initial[i]
                        && (self.lower_words.contains(lw)
                            || (self.lex.heads.contains_key(lw) && !head_of)
                            || (lw.ends_with("ed") && self.lex.verbs.contains(lw)))
                        && !org_ahead()))
            {
                i += 1;
                continue;
            }
            // "Former Secretary of State and ...", "Deputy Secretary of State Tom Nides": a word
            // that dates or qualifies a title, then the title up to the run's end, is a title
            // alone, no name (GUIDELINES ACTOR: titles go into `role`).
            let qualifier =
                matches!(lw, "former" | "ex" | "then" | "acting" | "deputy" | "outgoing" | "incoming" | "interim");
            if qualifier && i < j && self.title_at(i + 1).is_some_and(|(len, _)| i + len >= j) {
                return None;
            }
            // A demonym before a title: "French President Emmanuel Macron".
            if self.lex.adjectives.contains_key(self.w(i)) && i < j && self.title_at(i + 1).is_some() {
                i += 1;
                continue;
            }
            break;
        }
        Some((i, role))
    }

    pub(super) fn analyse_plain(
        &self,
        i: usize,
        j: usize,
        gaz_at: &[Option<(usize, Entry)>],
        role: Option<String>,
        units: &mut Vec<Unit>,
    ) {
        let mut role = role;
        let mut k = i;
        let mut seg_start = i;
        while k <= j {
            if let Some((gj, e)) = gaz_at[k] {
                if gj <= j {
                    if seg_start < k {
                        self.plain_segment(seg_start, k - 1, &mut role, units);
                    }
                    let class = self.entry_class(e);
                    let r = if matches!(class, Class::KnownPerson(_)) { role.take() } else { None };
                    units.push(Unit { i: k, j: gj, class, initial: self.initial[k], role: r });
                    k = gj + 1;
                    seg_start = k;
                    continue;
                }
            }
            k += 1;
        }
        if seg_start <= j {
            self.plain_segment(seg_start, j, &mut role, units);
        }
    }

    /// Capitalised words that are no gazetteer name.
    pub(super) fn plain_segment(&self, a: usize, b: usize, role: &mut Option<String>, units: &mut Vec<Unit>) {
        let (mut a, mut b) = (a, b);
        // "van der Vaart": lowercase particles opening a surname stay.
        let end = b;
        let particles = |a: usize| {
            (a + 1..=end.min(a + 2)).any(|x| self.cap(x) && (a..x).all(|y| NAME_PARTICLES.contains(&self.w(y))))
        };
        while a <= b && !self.cap(a) && !particles(a) {
            a += 1;
        }
        while b > a && !self.cap(b) {
            b -= 1;
        }
        if a > b || !(self.cap(a) || particles(a)) {
            return;
        }
        let first = self.w(a);
        let class = if role.is_some() {
            Class::Person { role: role.take() }
        } else if self.lex.adjectives.contains_key(first) || self.lex.peoples.contains_key(first) {
            // "Japanese Punk Techno", "French Diplomat": not a name.
            Class::Not
        } else if b > a && is_model_code(first) {
            // "P-38 Lightning", "F-16 Fighting Falcon", "CH-53 Sea Stallion": a machine's name.
            Class::Not
        } else if COMPASS.contains(&first) && b > a {
            // "West Jersey", "North Kivu".
            Class::Place
        } else if self.lex.given.contains(first) && !self.headline && (b > a || !self.initial[a]) {
            Class::Person { role: None }
        } else if a == b && self.lex.common.contains(self.lw(a)) {
            Class::Not
        } else {
            Class::Unknown
        };
        units.push(Unit { i: a, j: b, class, initial: self.initial[a], role: None });
    }

    pub(super) fn entry_class(&self, e: Entry) -> Class {
        match e {
            Entry::State { state, capital } => Class::State { state, capital },
            Entry::Org(o) => Class::Org(o),
            Entry::Person(p) => Class::KnownPerson(p),
            Entry::Place => Class::Place,
        }
    }

    /// Is token `k` a lowercase noun for a made thing, so that the capitalised words before it
    /// name a product ("Core Duo [processors]", "Media Center [operating system]")?
    pub(super) fn product_noun(&self, k: usize) -> bool {
        const PRODUCTS: &[&str] = &[
            "processor",
            "processors",
            "chip",
            "chips",
            "software",
            "phone",
            "phones",
            "smartphone",
            "smartphones",
            "computer",
            "computers",
            "laptop",
            "laptops",
            "device",
            "devices",
            "player",
            "players",
            "console",
            "consoles",
            "operating",
            "browser",
            "app",
            "apps",
            "aircraft",
            "airliner",
            "airliners",
            "jet",
            "jets",
            "jetliner",
            "jetliners",
            "engine",
            "engines",
            "car",
            "cars",
            "vehicle",
            "vehicles",
            "tablet",
            "tablets",
        ];
        self.is_word(k) && !self.cap(k) && PRODUCTS.contains(&self.w(k))
    }
}
