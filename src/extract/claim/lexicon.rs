//! The claim extractor's cue lexicons, read from `data/claims/*.txt`.
//!
//! Owns: parsing the lexicon files (reporting verbs with stance and frame, phrasal verbs,
//! noun cues, "according to" forms, source heads, demonyms, function words, verbs taking a
//! bare clause or a question, nouns of messages) into lookup tables. It must not: look at a document.

use super::words::DETERMINERS;
use crate::model::{ActorKind, Stance};

/// Hash map and set with rustc's Fx hash (crate `rustc-hash`): the tables are fixed data, not
/// user-controlled keys, so SipHash's flooding resistance is not needed and costs time.
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type HashSet<K> = rustc_hash::FxHashSet<K>;

const VERBS: &str = include_str!("../../../data/claims/verbs.txt");
const PHRASAL: &str = include_str!("../../../data/claims/phrasal.txt");
const NOUNS: &str = include_str!("../../../data/claims/nouns.txt");
const ACCORDING: &str = include_str!("../../../data/claims/according.txt");
const HEADS: &str = include_str!("../../../data/claims/heads.txt");
const DEMONYMS: &str = include_str!("../../../data/claims/demonyms.txt");
const FUNCTION_WORDS: &str = include_str!("../../../data/claims/function_words.txt");
const BARE: &str = include_str!("../../../data/claims/bare.txt");
const INTERROGATIVE: &str = include_str!("../../../data/claims/interrogative.txt");
const MESSAGES: &str = include_str!("../../../data/claims/messages.txt");
/// The actor extractor's given names: a speaker before a colon that opens with one is a
/// person's name, whatever its last word ends with ("Ted Cruz:", "Sidney Blumenthal:").
const GIVEN_NAMES: &str = include_str!("../../../data/actors/given_names.txt");

/// How a cue takes its content (data/claims/verbs.txt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// `X said (that) C`, `C, X said`.
    Speech,
    /// `X told Y (that) C`.
    Tell,
    /// `X denied C`: the content is the object.
    Object,
    /// `X accused Y of C`.
    Accuse,
    /// `X dismissed Y as C`.
    Label,
    /// A cue only with a particle of `phrasal.txt` ("pointed out").
    Particle,
}

/// Which form of a verb a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Base,
    Past,
    Third,
    Ing,
    Participle,
}

/// One reporting verb.
#[derive(Clone, Debug)]
pub struct Verb {
    pub lemma: String,
    pub stance: Stance,
    pub frame: Frame,
    /// Takes a clause without "that" ("said the talks failed").
    pub bare: bool,
    /// Takes a question clause ("asked whether C", "wondered why C").
    pub interrogative: bool,
}

/// All lexicons.
pub struct Lexicon {
    pub verbs: Vec<Verb>,
    /// (lemma, particle) -> (stance, frame).
    pub phrasal: HashMap<String, Vec<(String, Stance, Frame)>>,
    pub nouns: HashMap<String, Stance>,
    /// Multi-word source-introducing phrases, as lower-case word lists.
    pub according: Vec<Vec<String>>,
    /// Head noun -> (kind, plural).
    pub heads: HashMap<String, (ActorKind, bool)>,
    /// Lower-case demonym or state name -> canonical state name.
    pub demonyms: HashMap<String, String>,
    pub function_words: HashSet<String>,
    /// Nouns of a message a participle after them reports ("a statement saying").
    pub messages: HashSet<String>,
    /// Given names, case-sensitive (`data/actors/given_names.txt`).
    pub given_names: HashSet<String>,
    /// Every word that one of the per-token lookups of a sentence asks about, with all the
    /// answers at once (one hash lookup a token instead of four).
    pub words: HashMap<String, WordInfo>,
}

/// What the lexicons say about one lower-case word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// The cue verb form it is.
    pub form: Option<(usize, Form)>,
    /// A function word.
    pub function: bool,
    /// A noun cue.
    pub noun: bool,
    /// The first word of an "according to" phrase.
    pub according: bool,
}

/// The lowercase words of a closed class of English (the function words of
/// `function_words.txt` and the determiners of `words::DETERMINERS`): never a learned cue or
/// name.
pub fn closed_class_words() -> HashSet<&'static str> {
    lines(FUNCTION_WORDS).flat_map(str::split_whitespace).chain(DETERMINERS.iter().copied()).collect()
}

/// The form a learned cue word is read as, from its ending: `-ing` the present participle,
/// `-ed` the past, `-s` (not `-ss`) the third person, else the base.
pub fn form_of(word: &str) -> Form {
    if word.len() > 4 && word.ends_with("ing") {
        Form::Ing
    } else if word.len() > 3 && word.ends_with("ed") {
        Form::Past
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        Form::Third
    } else {
        Form::Base
    }
}

impl Lexicon {
    /// Adds the learned cue `word` (lowercase) as a reporting verb of the `speech` frame
    /// with `stance`, in the form its ending says ([`form_of`]), unless the word already is
    /// a cue verb form or is a function word ("the", "that", "because": a cue set on one by
    /// mistake would make a claim of every sentence). True when it was added.
    pub fn add_learned_cue(&mut self, word: &str, stance: Stance) -> bool {
        let closed = DETERMINERS.contains(&word) || self.function_words.contains(word);
        if closed || self.words.get(word).is_some_and(|w| w.form.is_some()) {
            return false;
        }
        let idx = self.verbs.len();
        self.verbs.push(Verb {
            lemma: word.to_string(),
            stance,
            frame: Frame::Speech,
            bare: true,
            interrogative: false,
        });
        self.words.entry(word.to_string()).or_default().form = Some((idx, form_of(word)));
        true
    }

    /// Stance and frame of the phrasal cue `lemma particle` ("point out"), when listed.
    pub fn phrasal(&self, lemma: &str, particle: &str) -> Option<(Stance, Frame)> {
        self.phrasal.get(lemma)?.iter().find(|p| p.0 == particle).map(|p| (p.1, p.2))
    }
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn stance(s: &str) -> Stance {
    Stance::parse(s.trim()).unwrap_or(Stance::Assert)
}

fn frame(s: &str) -> Frame {
    match s.trim() {
        "tell" => Frame::Tell,
        "object" => Frame::Object,
        "accuse" => Frame::Accuse,
        "label" => Frame::Label,
        "particle" => Frame::Particle,
        _ => Frame::Speech,
    }
}

impl Lexicon {
    /// Parses the embedded lexicon files; malformed lines are skipped (a test checks there
    /// are none).
    pub fn load() -> Lexicon {
        let bare: HashSet<&str> = lines(BARE).flat_map(str::split_whitespace).collect();
        let interrogative: HashSet<&str> = lines(INTERROGATIVE).flat_map(str::split_whitespace).collect();
        // Word form -> (verb index, form).
        let mut forms: HashMap<String, (usize, Form)> = HashMap::default();
        let mut verbs = Vec::new();
        for l in lines(VERBS) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            if f.len() != 4 {
                continue;
            }
            let idx = verbs.len();
            verbs.push(Verb {
                lemma: f[0].to_string(),
                stance: stance(f[1]),
                frame: frame(f[2]),
                bare: bare.contains(f[0]),
                interrogative: interrogative.contains(f[0]),
            });
            for (k, w) in f[3].split_whitespace().enumerate() {
                let form = match k {
                    0 => Form::Base,
                    1 => Form::Past,
                    2 => Form::Third,
                    3 => Form::Ing,
                    _ => Form::Participle,
                };
                forms.entry(w.to_string()).or_insert((idx, form));
            }
        }
        // Lemma -> its particles (a handful each), so that a lookup needs no allocation.
        let mut phrasal: HashMap<String, Vec<(String, Stance, Frame)>> = HashMap::default();
        for l in lines(PHRASAL) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            let words: Vec<&str> = f[0].split_whitespace().collect();
            if f.len() == 3 && words.len() == 2 {
                let particles: &mut Vec<(String, Stance, Frame)> = phrasal.entry(words[0].to_string()).or_default();
                if !particles.iter().any(|p| p.0 == words[1]) {
                    particles.push((words[1].to_string(), stance(f[1]), frame(f[2])));
                }
            }
        }
        let nouns: HashMap<String, Stance> =
            lines(NOUNS).filter_map(|l| l.split_once('|')).map(|(n, s)| (n.trim().to_string(), stance(s))).collect();
        let according: Vec<Vec<String>> =
            lines(ACCORDING).map(|l| l.split_whitespace().map(str::to_string).collect()).collect();
        let heads = lines(HEADS)
            .filter_map(|l| {
                let f: Vec<&str> = l.split('|').map(str::trim).collect();
                (f.len() == 3).then(|| (f[0].to_string(), (ActorKind::parse(f[1]).unwrap_or_default(), f[2] == "y")))
            })
            .collect();
        let demonyms = lines(DEMONYMS)
            .filter_map(|l| l.split_once('|'))
            .map(|(d, c)| (d.trim().to_string(), c.trim().to_string()))
            .collect();
        let function_words: HashSet<String> =
            lines(FUNCTION_WORDS).flat_map(str::split_whitespace).map(str::to_string).collect();
        let messages: HashSet<String> = lines(MESSAGES).flat_map(str::split_whitespace).map(str::to_string).collect();
        let given_names: HashSet<String> = lines(GIVEN_NAMES).map(|l| l.trim().to_string()).collect();
        let mut words: HashMap<String, WordInfo> = HashMap::default();
        for (w, f) in forms {
            words.entry(w).or_default().form = Some(f);
        }
        for w in &function_words {
            words.entry(w.clone()).or_default().function = true;
        }
        for w in nouns.keys() {
            words.entry(w.clone()).or_default().noun = true;
        }
        for w in according.iter().filter_map(|p: &Vec<String>| p.first()) {
            words.entry(w.clone()).or_default().according = true;
        }
        Lexicon { verbs, phrasal, nouns, according, heads, demonyms, function_words, messages, given_names, words }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_line_parses() {
        for l in lines(VERBS) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 4, "verbs.txt: {l}");
            assert!(Stance::parse(f[1]).is_some(), "verbs.txt stance: {l}");
            assert!(
                matches!(f[2], "speech" | "tell" | "object" | "accuse" | "label" | "particle"),
                "verbs.txt frame: {l}"
            );
            assert!(f[3].split_whitespace().count() >= 4, "verbs.txt forms: {l}");
        }
        for l in lines(PHRASAL) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert!(
                f.len() == 3 && f[0].split_whitespace().count() == 2 && Stance::parse(f[1]).is_some(),
                "phrasal.txt: {l}"
            );
        }
        for l in lines(NOUNS) {
            let (_, s) = l.split_once('|').expect("nouns.txt: no |");
            assert!(Stance::parse(s.trim()).is_some(), "nouns.txt: {l}");
        }
        for l in lines(HEADS) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert!(f.len() == 3 && ActorKind::parse(f[1]).is_some() && matches!(f[2], "y" | "n"), "heads.txt: {l}");
        }
        for l in lines(DEMONYMS) {
            assert!(l.contains('|'), "demonyms.txt: {l}");
        }
        let lex = Lexicon::load();
        assert!(lex.verbs.iter().any(|v| v.lemma == "say" && v.bare));
        assert!(lex.verbs.iter().any(|v| v.lemma == "ask" && v.interrogative && !v.bare));
        for w in lines(INTERROGATIVE).flat_map(str::split_whitespace) {
            assert!(lex.verbs.iter().any(|v| v.lemma == w), "interrogative.txt: {w} is no verb of verbs.txt");
        }
        assert!(lex.messages.contains("statement"));
        assert_eq!(lex.words.get("said").and_then(|w| w.form).map(|f| f.1), Some(Form::Past));
        assert!(lex.words.get("because").is_some_and(|w| w.function && w.form.is_none()));
        assert!(lex.words.get("according").is_some_and(|w| w.according && !w.noun));
        assert!(lex.words.get("claim").is_some_and(|w| w.noun));
    }
}
