//! Family: name runs, classifying them. A run of capitalised words becomes one or more units,
//! each naming a state, a known organisation or person, a place, a person found from a title
//! or a given name, an organisation found from its last word, something that is no actor (a
//! treaty, a machine, a work), or capitalised words of unknown kind.
//!
//! Owns: splitting a run at titles and gazetteer names and the class of each part. It must
//! not: decide whether a unit acts or make candidates (`names.rs`).

use super::lexicon::{Entry, Suffix};
use super::rule::{Class, Unit};
use super::runs::gaz_inside;
use super::sentence::Sentence;
use super::words::{is_model_code, is_roman, COMPASS, CONNECTORS, DETERMINERS};
use crate::model::ActorKind;

impl Sentence<'_> {
    /// Classifies the run `i..=j` into units.
    pub(super) fn analyse_run(&self, i: usize, j: usize, gaz_at: &[Option<(usize, Entry)>], units: &mut Vec<Unit>) {
        let mut i = i;
        let mut role: Option<String> = self.title_before(i);
        self.steps.add(j + 1 - i.min(j + 1));
        // The last organisation suffix of the run: "is there one after x" is then one
        // comparison, where a scan of the rest of the run for every title made a run of
        // titles (`Mr. Mr. ...`) cost the square of its length.
        let last_org = (i..=j).rev().find(|&x| self.is_org_suffix(x));
        // Leading common words and titles.
        loop {
            if i > j {
                return;
            }
            self.steps.add(1);
            if gaz_at[i].is_some() {
                break;
            }
            let lw = self.lw(i);
            let given = self.lex.given.contains(self.w(i));
            // After an honorific the name follows, even a title word ("Mr. King").
            // ("Mr Justice Anthony Mann": a title follows the honorific, then the name.)
            let honorific =
                matches!(role.as_deref(), Some("Mr" | "Mrs" | "Ms" | "Dr" | "Miss" | "Sir" | "Dame")) && i == j;
            if let Some((len, r)) = self.title_at(i).filter(|_| !honorific) {
                // "Major League Baseball" is no title before a name.
                let org_after = last_org.is_some_and(|x| x >= i + len);
                if i + len <= j && !org_after {
                    role = Some(r);
                    i += len;
                    continue;
                }
                if i + len > j {
                    // A title alone.
                    return;
                }
            }
            let org_ahead = || last_org.is_some_and(|x| x > i);
            if !given
                && (self.lex.common.contains(lw)
                    || (self.initial[i]
                        && (self.lower_words.contains(lw)
                            || self.lex.heads.contains_key(lw)
                            || (lw.ends_with("ed") && self.lex.verbs.contains(lw)))
                        && !org_ahead()))
            {
                i += 1;
                continue;
            }
            // A demonym before a title: "French President Emmanuel Macron".
            if self.lex.adjectives.contains_key(self.w(i)) && i < j && self.title_at(i + 1).is_some() {
                i += 1;
                continue;
            }
            break;
        }
        // Trailing connectors, and "Flight 447" after an airline's name.
        let mut j = j;
        while j > i && !(self.cap(j) || gaz_at[j].is_some() || self.gaz_ends_at(gaz_at, j)) {
            j -= 1;
        }
        if j > i && self.w(j) == "Flight" {
            j -= 1;
        }
        // Whole run is one gazetteer name.
        if let Some((gj, e)) = gaz_at[i] {
            if gj == j {
                let class = self.entry_class(e);
                let role = if matches!(class, Class::KnownPerson(_)) { role } else { None };
                units.push(Unit { i, j, class, initial: self.initial[i], role });
                return;
            }
        }
        // A title inside the run: "Northrop Grumman CEO Ron Sugar".
        let last_org = (i..=j).rev().find(|&x| self.is_org_suffix(x));
        self.steps.add(j + 1 - i);
        for k in i + 1..=j {
            // `gaz_inside` looks at the run up to `k`.
            self.steps.add(k - i);
            if gaz_at[k].is_some() || gaz_inside(gaz_at, i, k) || !self.cap(k) {
                continue;
            }
            // "Royal Courts of Justice", "Department of Justice": after a connector a title
            // word is part of the name.
            if matches!(self.w(k - 1), "of" | "for" | "the") {
                continue;
            }
            if let Some((len, r)) = self.title_at(k) {
                // "Martin Luther King" is a name ending in a title word.
                if k + len - 1 == j && !(self.lex.given.contains(self.w(i)) && k > i + 1) {
                    // "Apple Computer CEO", "Ryanair CEO": the title is no part of the name.
                    self.analyse_run(i, k - 1, gaz_at, units);
                    return;
                }
                if k + len <= j && self.cap(k + len) && last_org.is_none_or(|x| x < k + len) {
                    // "Tourism Minister Andrew Thomson": a word or two of no name before the
                    // title belong to the role.
                    let plain_prefix = k - i <= 2
                        && (i..k).all(|x| {
                            self.cap(x)
                                && gaz_at[x].is_none()
                                && !gaz_inside(gaz_at, 0, x + 1)
                                && !self.lex.given.contains(self.w(x))
                                && !self.lex.adjectives.contains_key(self.w(x))
                        });
                    if plain_prefix {
                        let role = format!("{} {}", &self.text[self.t[i].s..self.t[k - 1].e], r);
                        self.analyse_plain(k + len, j, gaz_at, Some(role), units);
                        return;
                    }
                    self.analyse_run(i, k - 1, gaz_at, units);
                    self.analyse_plain(k + len, j, gaz_at, Some(r), units);
                    return;
                }
            }
        }
        // The head word: last word before the first "of"/"for"/"on", else the last word, less
        // numbers ("World War II").
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
        // "Chapter IV" is no person ("Henry VIII", with a given name, is).
        if j > i && is_roman(self.w(j)) && gaz_at[i].is_none() && !self.lex.given.contains(self.w(i)) {
            let suffix = self.lex.suffixes.get(self.w(head)).copied();
            if !matches!(suffix, Some(Suffix::Org) | Some(Suffix::Group)) {
                units.push(Unit { i, j, class: Class::Not, initial: self.initial[i], role: None });
                return;
            }
        }
        let gaz_whole_head = gaz_at[i].is_some_and(|(gj, _)| gj >= head);
        if j > i && !gaz_whole_head {
            let suffix = self.lex.suffixes.get(self.w(head)).copied();
            if suffix == Some(Suffix::Not)
                || (suffix.is_none() && self.lex.suffixes.get(self.w(j)) == Some(&Suffix::Not))
            {
                units.push(Unit { i, j, class: Class::Not, initial: self.initial[i], role: None });
                return;
            }
            let any_org = (i..=j).find(|&x| self.is_org_suffix(x) && !gaz_inside(gaz_at, i, x + 1));
            if let Some(x) = any_org {
                if !self.headline || gaz_at[i].is_some() {
                    let kind = if self.lex.suffixes.get(self.w(x)) == Some(&Suffix::Group) {
                        ActorKind::Group
                    } else {
                        ActorKind::Organization
                    };
                    units.push(Unit { i, j, class: Class::NewOrg(kind), initial: self.initial[i], role: None });
                    return;
                }
            }
            // A known organisation followed by more capitalised words: "Apple Computer",
            // "Boeing Commercial Airplanes", "EADS North America".
            if let Some((gj, Entry::Org(_))) = gaz_at[i] {
                if gj < j
                    && !self.headline
                    && role.is_none()
                    && (gj + 1..=j).all(|x| {
                        let w = self.w(x);
                        self.cap(x)
                            && w.chars().all(char::is_alphabetic)
                            && !self.lex.adjectives.contains_key(w)
                            && !self.lex.peoples.contains_key(w)
                            && !self.lex.common.contains(self.lw(x))
                    })
                    && !(gj + 1..=j).any(|x| gaz_at[x].is_some())
                {
                    if self.product_noun(j + 1) {
                        // "Intel Core Duo processors": the maker, then its product's name.
                        let class = self.entry_class(gaz_at[i].map_or(Entry::Place, |(_, e)| e));
                        units.push(Unit { i, j: gj, class, initial: self.initial[i], role: None });
                        units.push(Unit { i: gj + 1, j, class: Class::Not, initial: false, role: None });
                        return;
                    }
                    units.push(Unit {
                        i,
                        j,
                        class: Class::NewOrg(ActorKind::Organization),
                        initial: self.initial[i],
                        role: None,
                    });
                    return;
                }
            }
            // A given name and a word that is also a place: "Michael Jordan", "Paris Hilton".
            if j - i <= 2 && self.lex.given.contains(self.w(i)) && !self.headline && gaz_at[i].is_none() {
                units.push(Unit {
                    i,
                    j,
                    class: Class::Person { role: role.clone() },
                    initial: self.initial[i],
                    role: None,
                });
                return;
            }
            // Words before a given name that starts the rest of the run are a role: "County
            // Coroner William McLaughlin", "Engineer John Greiner".
            if role.is_none() && !self.headline && gaz_at[i].is_none() {
                let k = (i + 1..j).find(|&k| {
                    self.lex.given.contains(self.w(k)) && gaz_at[k].is_none() && self.cap(k + 1) && k + 3 >= j
                });
                if let Some(k) = k {
                    if (i..k).all(|x| self.cap(x) && gaz_at[x].is_none() && !self.is_org_suffix(x)) {
                        let role: String = self.text[self.t[i].s..self.t[k - 1].e].to_string();
                        self.analyse_plain(k, j, gaz_at, Some(role), units);
                        return;
                    }
                }
            }
            // A state or a place with unknown capitalised words: "Air Canada", "Perth Glory",
            // "Garuda Indonesia" are names of organisations.
            if role.is_none() && !self.headline {
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
                    let w = self.w(x);
                    if self.cap(x)
                        && !self.lex.adjectives.contains_key(w)
                        && !CONNECTORS.contains(&self.lw(x))
                        && !DETERMINERS.contains(&self.lw(x))
                        && !self.lex.given.contains(w)
                        && (!COMPASS.contains(&w) || has_loc)
                    {
                        has_other = true;
                    }
                    x += 1;
                }
                if has_loc && has_other && !(i..=j).any(|x| matches!(self.w(x), "and" | "&")) {
                    let all_gaz_loc = gaz_at[i].is_some_and(|(_, e)| matches!(e, Entry::State { .. } | Entry::Place));
                    // "Paris Hilton" would be a person; a given name decides that below.
                    if !self.lex.given.contains(self.w(i)) || all_gaz_loc {
                        units.push(Unit {
                            i,
                            j,
                            class: Class::NewOrg(ActorKind::Organization),
                            initial: self.initial[i],
                            role: None,
                        });
                        return;
                    }
                }
            }
        }
        self.analyse_plain(i, j, gaz_at, role, units);
    }

    /// A run without a title or a suffix: gazetteer names and the words between them.
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
        while a <= b && !self.cap(a) {
            a += 1;
        }
        while b > a && !self.cap(b) {
            b -= 1;
        }
        if a > b || !self.cap(a) {
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
