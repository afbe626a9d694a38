//! The actor gazetteer and lexicons, parsed once from the text files in `data/actors/`.
//!
//! Owns: reading those files (compiled in with `include_str!`) into lookup tables: names of
//! states, capitals, aliases, organisations, armed groups, media and known people; demonyms;
//! titles; nominal head nouns; act nouns; verbs; name suffixes; places; common capitalised
//! words; given names. It must not: look at a document or decide what is an actor (that is
//! `mod.rs`).

use crate::model::ActorKind;
use std::sync::OnceLock;

/// Hash map and set with rustc's Fx hash (crate `rustc-hash`): the tables are fixed data, not
/// user-controlled keys, so SipHash's flooding resistance is not needed and costs time.
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type HashSet<K> = rustc_hash::FxHashSet<K>;

pub const STATES: &str = include_str!("../../../data/actors/states.txt");
pub const ORGS: &str = include_str!("../../../data/actors/orgs.txt");
pub const PEOPLE: &str = include_str!("../../../data/actors/people.txt");
pub const PLACES: &str = include_str!("../../../data/actors/places.txt");
pub const TITLES: &str = include_str!("../../../data/actors/titles.txt");
pub const HEADS: &str = include_str!("../../../data/actors/heads.txt");
pub const ACTS: &str = include_str!("../../../data/actors/acts.txt");
pub const VERBS: &str = include_str!("../../../data/actors/verbs.txt");
pub const SUFFIXES: &str = include_str!("../../../data/actors/suffixes.txt");
pub const COMMON: &str = include_str!("../../../data/actors/common.txt");
pub const GIVEN: &str = include_str!("../../../data/actors/given_names.txt");
pub const RELATIONS: &str = include_str!("../../../data/actors/relations.txt");

/// Every data file, by name, for size reports and tests.
pub const FILES: [(&str, &str); 12] = [
    ("states.txt", STATES),
    ("orgs.txt", ORGS),
    ("people.txt", PEOPLE),
    ("places.txt", PLACES),
    ("titles.txt", TITLES),
    ("heads.txt", HEADS),
    ("acts.txt", ACTS),
    ("verbs.txt", VERBS),
    ("suffixes.txt", SUFFIXES),
    ("common.txt", COMMON),
    ("given_names.txt", GIVEN),
    ("relations.txt", RELATIONS),
];

/// What a name in the gazetteer stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A state (index into [`Lexicon::states`]); `capital` when the name is its capital.
    State { state: usize, capital: bool },
    /// An organisation or armed group (index into [`Lexicon::orgs`]).
    Org(usize),
    /// A known person (index into [`Lexicon::people`]).
    Person(usize),
    /// A place that is never an actor in itself.
    Place,
}

/// A state: its canonical name and first adjective ("Mali", "Malian").
#[derive(Debug)]
pub struct State {
    pub canonical: String,
    pub adjective: String,
}

/// A known organisation or group.
#[derive(Debug)]
pub struct Org {
    pub kind: ActorKind,
    pub canonical: String,
    /// A jihadist armed group (kind `jihadist` in orgs.txt).
    pub jihadist: bool,
}

/// How a nominal head's canonical name is made (data/actors/heads.txt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadRule {
    /// The state's own canonical name ("Malian authorities" -> "Mali").
    State,
    /// A body with its own identity ("Malian junta").
    Own,
    /// A descriptive name ("French diplomatic source").
    Describe,
}

/// A nominal head noun.
#[derive(Clone, Copy, Debug)]
pub struct Head {
    pub kind: ActorKind,
    pub rule: HeadRule,
    /// Only with a modifier before it ("foreign states", not "states").
    pub needs_mod: bool,
}

/// What the last word of a capitalised name says about it (data/actors/suffixes.txt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suffix {
    Org,
    Group,
    Not,
}

/// All lookup tables.
pub struct Lexicon {
    /// Exact surface form -> entry (multi-word names with single spaces).
    pub names: HashMap<&'static str, Entry>,
    /// First words of the names, to try a lookup only where one can start.
    /// First word of a name -> the most tokens a name starting with it has.
    pub first_words: HashMap<&'static str, usize>,
    /// First bytes of the first words, a quick filter before the lookup.
    pub first_bytes: [bool; 256],
    /// The most words (tokens) a name has.
    pub max_tokens: usize,
    pub states: Vec<State>,
    pub orgs: Vec<Org>,
    /// Canonical names of known people.
    pub people: Vec<&'static str>,
    /// Folded (lowercase, no diacritics) known person names and aliases -> index in `people`.
    pub people_folded: HashMap<String, usize>,
    /// Demonym adjective ("French") -> state.
    pub adjectives: HashMap<&'static str, usize>,
    /// Demonym plural people ("Malians") -> state.
    pub peoples: HashMap<&'static str, usize>,
    /// Title or role (lowercase, single spaces) -> the role written in the attribute.
    pub titles: HashMap<String, String>,
    /// First words of the titles (lowercase), to try a title only where one can start.
    pub title_first: HashSet<String>,
    /// The most words a title has.
    pub max_title_words: usize,
    pub heads: HashMap<&'static str, Head>,
    /// Quick filter before a lookup in `heads` (see [`shape`]).
    pub head_shapes: Vec<bool>,
    pub acts: HashSet<&'static str>,
    pub verbs: HashSet<&'static str>,
    /// Base forms that are no other form ("support", not "cut"): after a singular subject
    /// they are nouns or infinitives, not its verb.
    pub base_only: HashSet<&'static str>,
    pub auxiliaries: HashSet<&'static str>,
    pub suffixes: HashMap<&'static str, Suffix>,
    /// Lowercase common words that are capitalised only at a sentence start.
    pub common: HashSet<&'static str>,
    pub given: HashSet<&'static str>,
    /// Words after which "from X" / "of X" names the doer or the other party
    /// (data/actors/relations.txt).
    pub relations: HashSet<&'static str>,
    /// Modifiers that make a nominal an armed group ("armed groups", "jihadist networks"):
    /// the `+` lines of data/actors/heads.txt.
    pub group_mods: HashSet<&'static str>,
}

/// Data lines: trimmed, without blank lines and `#` comments.
fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn values(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split(';').map(str::trim).filter(|v| !v.is_empty())
}

/// Number of tokens the tokenizer makes of a name (see `token.rs`).
fn token_count(name: &str) -> usize {
    super::token::tokenize(name, 0).len()
}

/// Number of word shapes (see [`shape`]).
pub const SHAPES: usize = 32 * 26 * 26;

/// A lowercase ASCII word's shape: its length (up to 31), first and last letter. `None` for
/// other words, which a shape filter must let through.
pub fn shape(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let (f, l) = (*b.first()?, *b.last()?);
    if !f.is_ascii_lowercase() || !l.is_ascii_lowercase() {
        return None;
    }
    Some(b.len().min(31) * 676 + (f - b'a') as usize * 26 + (l - b'a') as usize)
}

/// Lowercase without the common Latin diacritics: "Goïta" -> "goita".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'ğ' | 'Ğ' => 'g',
            'ş' | 'Ş' | 'ș' | 'Ș' => 's',
            'ț' | 'Ț' => 't',
            '’' => '\'',
            c => c,
        };
        out.extend(base.to_lowercase());
    }
    out
}

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let mut lex = Lexicon::empty();
        // Places first: a state, organisation or person of the same name overrides them.
        for l in lines(PLACES) {
            lex.add_name(l, Entry::Place);
        }
        lex.read_states();
        lex.read_orgs();
        lex.read_people();
        lex.read_titles();
        lex.read_heads();
        lex.acts.extend(lines(ACTS));
        lex.read_verbs();
        lex.read_suffixes();
        lex.common.extend(lines(COMMON));
        lex.given.extend(lines(GIVEN));
        lex.relations.extend(lines(RELATIONS));
        lex
    }

    /// Every table empty.
    fn empty() -> Lexicon {
        Lexicon {
            names: HashMap::default(),
            first_words: HashMap::default(),
            first_bytes: [false; 256],
            max_tokens: 1,
            states: Vec::new(),
            orgs: Vec::new(),
            people: Vec::new(),
            people_folded: HashMap::default(),
            adjectives: HashMap::default(),
            peoples: HashMap::default(),
            titles: HashMap::default(),
            title_first: HashSet::default(),
            max_title_words: 1,
            heads: HashMap::default(),
            head_shapes: vec![false; SHAPES],
            acts: HashSet::default(),
            verbs: HashSet::default(),
            base_only: HashSet::default(),
            auxiliaries: HashSet::default(),
            suffixes: HashMap::default(),
            common: HashSet::default(),
            given: HashSet::default(),
            relations: HashSet::default(),
            group_mods: HashSet::default(),
        }
    }

    /// states.txt: canonical | capitals | adjectives | peoples | aliases.
    fn read_states(&mut self) {
        for l in lines(STATES) {
            let mut f = l.split('|');
            let canonical = f.next().unwrap_or("").trim();
            if canonical.is_empty() {
                continue;
            }
            let (capitals, adjs, peoples, aliases) =
                (f.next().unwrap_or(""), f.next().unwrap_or(""), f.next().unwrap_or(""), f.next().unwrap_or(""));
            let idx = self.states.len();
            let adjective = values(adjs).next().unwrap_or(canonical).to_string();
            self.states.push(State { canonical: canonical.to_string(), adjective });
            self.add_name(canonical, Entry::State { state: idx, capital: false });
            for a in values(aliases) {
                self.add_name(a, Entry::State { state: idx, capital: false });
            }
            for c in values(capitals) {
                // A capital that is also a state's name ("Singapore") stays the state.
                if !matches!(self.names.get(c), Some(Entry::State { .. })) {
                    self.add_name(c, Entry::State { state: idx, capital: true });
                }
            }
            for a in values(adjs) {
                self.adjectives.entry(a).or_insert(idx);
            }
            for p in values(peoples) {
                self.peoples.entry(p).or_insert(idx);
            }
        }
    }

    /// orgs.txt: kind | canonical | aliases.
    fn read_orgs(&mut self) {
        for l in lines(ORGS) {
            let mut f = l.split('|');
            let (kind, jihadist) = match f.next().map(str::trim) {
                Some("group") => (ActorKind::Group, false),
                Some("jihadist") => (ActorKind::Group, true),
                _ => (ActorKind::Organization, false),
            };
            let canonical = f.next().unwrap_or("").trim();
            if canonical.is_empty() {
                continue;
            }
            let idx = self.orgs.len();
            self.orgs.push(Org { kind, canonical: canonical.to_string(), jihadist });
            self.add_name(canonical, Entry::Org(idx));
            for a in values(f.next().unwrap_or("")) {
                self.add_name(a, Entry::Org(idx));
            }
        }
    }

    /// people.txt: canonical | aliases.
    fn read_people(&mut self) {
        for l in lines(PEOPLE) {
            let mut f = l.split('|');
            let canonical = f.next().unwrap_or("").trim();
            if canonical.is_empty() {
                continue;
            }
            let idx = self.people.len();
            self.people.push(canonical);
            self.add_name(canonical, Entry::Person(idx));
            self.people_folded.insert(fold(canonical), idx);
            for a in values(f.next().unwrap_or("")) {
                self.add_name(a, Entry::Person(idx));
                self.people_folded.insert(fold(a), idx);
            }
        }
    }

    /// titles.txt: a title, or `=form | role`.
    fn read_titles(&mut self) {
        for l in lines(TITLES) {
            let (form, role) = match l.strip_prefix('=') {
                Some(rest) => match rest.split_once('|') {
                    Some((a, r)) => (a.trim().to_lowercase(), r.trim().to_string()),
                    None => continue,
                },
                None => (l.to_lowercase(), capitalise_words(l)),
            };
            self.max_title_words = self.max_title_words.max(token_count(&form));
            if let Some(first) = form.split(' ').next() {
                self.title_first.insert(first.to_string());
            }
            self.titles.insert(form, role);
        }
    }

    /// heads.txt: `form | kind | rule [| modified]`, and `+` lines of armed-group modifiers.
    fn read_heads(&mut self) {
        for l in lines(HEADS) {
            if let Some(mods) = l.strip_prefix('+') {
                self.group_mods.extend(mods.split_whitespace());
                continue;
            }
            let mut f = l.split('|').map(str::trim);
            let (Some(form), Some(kind), Some(rule)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let kind = ActorKind::parse(kind).unwrap_or(ActorKind::Person);
            let rule = match rule {
                "state" => HeadRule::State,
                "own" => HeadRule::Own,
                _ => HeadRule::Describe,
            };
            let needs_mod = l.ends_with("|modified");
            self.heads.insert(form, Head { kind, rule, needs_mod });
        }
        for h in self.heads.keys() {
            if let Some(k) = shape(h) {
                self.head_shapes[k] = true;
            }
        }
    }

    /// verbs.txt: a verb's forms on a line (base first), `=` lines of auxiliaries.
    fn read_verbs(&mut self) {
        for l in lines(VERBS) {
            match l.strip_prefix('=') {
                Some(aux) => self.auxiliaries.extend(aux.split_whitespace()),
                None => self.verbs.extend(l.split_whitespace()),
            }
        }
        let mut other_forms: HashSet<&str> = HashSet::default();
        for l in lines(VERBS).filter(|l| !l.starts_with('=')) {
            other_forms.extend(l.split_whitespace().skip(1));
        }
        for l in lines(VERBS).filter(|l| !l.starts_with('=')) {
            if let Some(base) = l.split_whitespace().next() {
                if !other_forms.contains(base) {
                    self.base_only.insert(base);
                }
            }
        }
    }

    /// suffixes.txt: `class | word`.
    fn read_suffixes(&mut self) {
        for l in lines(SUFFIXES) {
            let Some((class, word)) = l.split_once('|') else {
                continue;
            };
            let class = match class.trim() {
                "org" => Suffix::Org,
                "group" => Suffix::Group,
                _ => Suffix::Not,
            };
            self.suffixes.entry(word.trim()).or_insert(class);
        }
    }

    fn add_name(&mut self, name: &'static str, e: Entry) {
        let n = token_count(name);
        if n == 0 {
            return;
        }
        self.max_tokens = self.max_tokens.max(n);
        if let Some(first) = super::token::tokenize(name, 0).first() {
            let most = self.first_words.entry(&name[first.s..first.e]).or_insert(0);
            *most = (*most).max(n);
            if let Some(&b) = name.as_bytes().get(first.s) {
                self.first_bytes[b as usize] = true;
            }
        }
        self.names.insert(name, e);
    }
}

/// "vice president" -> "Vice President"; "ceo" -> "CEO".
fn capitalise_words(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "ceo" | "cfo" | "coo") {
                return w.to_uppercase();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_file() {
        let lex = Lexicon::get();
        assert!(lex.states.len() >= 193, "{}", lex.states.len());
        assert!(matches!(lex.names.get("Bamako"), Some(Entry::State { capital: true, .. })));
        assert!(matches!(lex.names.get("ISIL"), Some(Entry::Org(_))));
        assert!(lex.titles.contains_key("president"));
        assert_eq!(lex.titles.get("gen.").map(String::as_str), Some("General"));
        assert_eq!(lex.titles.get("ceo").map(String::as_str), Some("CEO"));
        assert!(lex.verbs.contains("said") && lex.auxiliaries.contains("has"));
        assert_eq!(fold("Goïta"), "goita");
    }
}
