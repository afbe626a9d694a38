//! The ACTOR extractor: named people, organisations, armed groups and acting states, and the
//! nominal mentions that act or speak, each with kind, mention type, canonical name and role.
//!
//! Owns: applying GUIDELINES.md's ACTOR section to one document without a model: gazetteer
//! names (`lexicon.rs`), unknown names found from capitalisation, titles, name suffixes and
//! context, states only where they act, are the other party or own an act, nominal mentions
//! only where they act or speak, possessives as one actor, and one canonical name per actor
//! within the document (surnames and spelling variants link to the full name). It must not:
//! resolve overlaps with other labels, number the final ids (the pipeline does), or read files.
//!
//! How, per sentence (one pass over its tokens, lookups in hash tables):
//! 1. gazetteer names, leftmost-longest over tokens (states, capitals, aliases, organisations,
//!    armed groups, media, known people, places), and runs of capitalised words joined by
//!    connectors ("of", "for", "de la", "and" inside an organisation's name) (`runs.rs`);
//! 2. each run classified by the run rules: split at titles, by its head word (organisation
//!    suffixes, words that make a place or an event), given names and the gazetteer
//!    (`classify.rs`);
//! 3. the passes, in order (`PASSES`): names of the running text found again in a headline
//!    (headlines, where capitals prove nothing, are analysed after the running text;
//!    `names.rs`), possessives ("Mali's junta", "Russia's Africa Corps",
//!    "Mali's decision"; `possessives.rs`), nominal mentions around a head noun kept when they
//!    act or speak (`nominals.rs`), demonym peoples acting (`states.rs`), the names, each given
//!    to the first unit rule whose pattern holds (`UNIT_RULES`: states whose context makes
//!    them actors in `states.rs`, the other names in `names.rs`), names inside "EADS-led".
//!
//! Then per document, the document rules (`identity.rs`): one kind per name, people linked to
//! their full names, single capitalised words kept when they act, link to a name or were kept
//! elsewhere, bare nominals ("the ministry", "authorities") given the canonical name of the
//! body or state they refer to, names listed with kept names.
//!
//! The house: this file is the engine (tokens, the words a document writes in lowercase, the
//! passes and unit rules in order, the overlap selection into annotations); it knows the rules
//! only through the rule types of `rule.rs` (a rule is a name, a pattern and a production, as
//! in duckling's rule files). The families each have a file whose doc comment says what the
//! family covers and what it must not do; `sentence.rs` holds the per-sentence state,
//! `context.rs` the questions about a mention's context that rules ask (does a verb follow, an
//! agent cue precede), `words.rs` closed word classes, `lexicon.rs` and `token.rs` the data
//! and the tokens. A new rule goes into its family's file and its table; the word lists stay
//! in data/actors/, the rule cases in tests/cases/actors.toml.

mod classify;
mod context;
mod identity;
mod lexicon;
mod names;
mod nominals;
mod possessives;
mod rule;
mod runs;
mod sentence;
mod states;
mod token;
mod words;

pub use lexicon::{fold, FILES as DATA_FILES};

use super::{Context, Extractor, Steps, Tally};
use crate::model::{ActorAttrs, Annotation, Attrs, Document, Label, Provenance, Status};
use identity::resolve;
use lexicon::{HashMap, HashSet, Lexicon};
use rule::{Cand, Names, Pass, Unit, UnitRule};
use sentence::{Scratch, Sentence};
use token::{Kind, Token};

/// The actor extractor. Its tables are parsed once per process and shared.
pub struct ActorExtractor {
    lex: &'static Lexicon,
}

impl Default for ActorExtractor {
    fn default() -> Self {
        ActorExtractor::new()
    }
}

impl ActorExtractor {
    /// The extractor with its gazetteer loaded.
    pub fn new() -> ActorExtractor {
        ActorExtractor { lex: Lexicon::get() }
    }

    /// Actor annotations of a document, with ids `act1`, `act2`, ... in text order.
    pub fn actors(&self, doc: &Document, sentences: &[super::segment::Sentence]) -> Vec<Annotation> {
        self.actors_counted(doc, sentences, &Tally::default())
    }

    /// [`ActorExtractor::actors`], adding its work to `work`.
    fn actors_counted(&self, doc: &Document, sentences: &[super::segment::Sentence], work: &Tally) -> Vec<Annotation> {
        let steps = Steps::default();
        let text = doc.text();
        // All tokens in one vector; each sentence is a range of it.
        let mut all: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let a = all.len();
            token::tokenize_into(&text[s.start_byte..s.end_byte], s.start_byte, &mut all);
            ranges.push((a, all.len()));
        }
        let sents = ranges.iter().map(|&(a, b)| &all[a..b]);
        // Words seen in lowercase anywhere: a capitalised one of them at a sentence start is a
        // common word, not a name. Only lowercase forms of capitalised words are ever asked
        // about, so a word whose shape no capitalised word has is left out without hashing.
        // One bit a shape: zeroing 21,632 booleans for every document cost more than the
        // lookups it saves on a short article.
        let mut cap_shapes = vec![0u64; lexicon::SHAPES.div_ceil(64)];
        let mut any_odd = false;
        for t in &all {
            let w = text.as_bytes().get(t.s..t.e).unwrap_or(&[]);
            if t.kind != Kind::Word || w.is_empty() || w[0].is_ascii_lowercase() {
                continue;
            }
            let (f, l) = (w[0].to_ascii_lowercase(), w[w.len() - 1].to_ascii_lowercase());
            if f.is_ascii_lowercase() && l.is_ascii_lowercase() {
                let k = w.len().min(31) * 676 + (f - b'a') as usize * 26 + (l - b'a') as usize;
                cap_shapes[k / 64] |= 1 << (k % 64);
            } else {
                any_odd = true;
            }
        }
        let mut lower_words: HashSet<&str> = HashSet::default();
        for t in &all {
            let w = &text[t.s..t.e];
            let b = w.as_bytes()[0];
            let lowercase = b.is_ascii_lowercase() || (b >= 0x80 && w.chars().next().is_some_and(char::is_lowercase));
            if t.kind != Kind::Word || !lowercase {
                continue;
            }
            let wanted = match lexicon::shape(w) {
                Some(k) => cap_shapes[k / 64] & (1 << (k % 64)) != 0,
                None => any_odd || b >= 0x80,
            };
            if wanted {
                lower_words.insert(w);
            }
        }
        let mut cands: Vec<Cand> = Vec::new();
        let mut scratch = Scratch::default();
        // Headlines wait for the names of the running text (`names::HEADLINE_NAMES`).
        let mut headlines: Vec<&[Token]> = Vec::new();
        for toks in sents {
            let mut s = Sentence::new(self.lex, text, toks, &lower_words, scratch);
            if s.headline {
                headlines.push(toks);
            } else {
                s.run(&mut cands);
                steps.add(s.steps.get() as usize + toks.len());
            }
            scratch = s.scratch();
        }
        if !headlines.is_empty() {
            let mut known: HashMap<&str, Cand> = HashMap::default();
            for c in &cands {
                // States are known to the gazetteer and decided by their own rules.
                if c.mention == crate::model::Mention::Name && !c.drop && c.kind != crate::model::ActorKind::State {
                    known.entry(&text[c.s..c.e]).or_insert_with(|| c.clone());
                }
            }
            for toks in headlines {
                let mut s = Sentence::new(self.lex, text, toks, &lower_words, scratch);
                s.known = Some(&known);
                s.run(&mut cands);
                steps.add(s.steps.get() as usize + toks.len());
                scratch = s.scratch();
            }
        }
        steps.add(all.len());
        work.add(|w| {
            w.actor_steps += steps.get();
            w.actor_candidates += cands.len() as u64;
        });
        resolve(self.lex, text, &mut cands);
        cands.sort_by_key(|c| (c.s, std::cmp::Reverse(c.e)));
        let mut out = Vec::with_capacity(cands.len());
        let mut last_end = 0usize;
        for c in cands {
            if c.drop || c.s < last_end || c.s >= c.e {
                continue;
            }
            let Some(span) = doc.span_of_bytes(c.s, c.e) else {
                continue;
            };
            last_end = c.e;
            out.push(Annotation {
                id: super::numbered_id("act", out.len() + 1),
                span,
                quote: text[c.s..c.e].to_string(),
                status: Status::Predicted,
                provenance: Provenance::extractor(c.rule),
                note: None,
                unsure: false,
                attrs: Attrs::Actor(ActorAttrs {
                    kind: c.kind,
                    mention: c.mention,
                    canonical: c.canonical,
                    role: c.role,
                }),
            });
        }
        out
    }
}

impl Extractor for ActorExtractor {
    fn label(&self) -> Label {
        Label::Actor
    }
    fn extract(&self, cx: &Context<'_>, out: &mut Vec<Annotation>) {
        let found = self.actors_counted(cx.doc, cx.sentences, cx.work);
        if out.is_empty() {
            *out = found;
        } else {
            out.extend(found);
        }
    }
}

/// The sentence passes, in order: a token one of them takes is not taken by a later one.
const PASSES: [Pass; 6] = [
    names::HEADLINE_NAMES,
    possessives::PASS,
    nominals::PASS,
    states::DEMONYMS,
    Pass { name: "names", run: emit_names },
    names::COMPOUNDS,
];

/// The rules for a name found in a sentence, tried in order: the first whose pattern holds
/// decides about it. Places and things that are no actor match none.
const UNIT_RULES: [&UnitRule; 8] = [
    &states::STATE_ACTS,
    &names::KNOWN_ORG,
    &names::KNOWN_PERSON,
    &names::PERSON,
    &names::ORG_SUFFIX,
    &names::UNIT_NUMBER,
    &names::SINGLE_NAME,
    &names::CAPITALISED_NAME,
];

impl Sentence<'_> {
    fn run(&mut self, out: &mut Vec<Cand>) {
        if self.t.is_empty() {
            return;
        }
        let units = self.units();
        for pass in &PASSES {
            (pass.run)(self, &units, out);
        }
    }
}

/// The names of the sentence not taken yet, each given to the first unit rule whose pattern
/// holds.
fn emit_names(s: &mut Sentence<'_>, units: &[Unit], out: &mut Vec<Cand>) {
    let names = Names { units, state_acts: states::acting(s, units) };
    for (ui, u) in units.iter().enumerate() {
        if (u.i..=u.j).any(|x| s.used[x]) {
            continue;
        }
        // "EADS-led": left to the compound rule.
        if u.i == u.j && words::is_compound(s.w(u.i)) {
            continue;
        }
        if let Some(rule) = UNIT_RULES.iter().find(|r| (r.pattern)(s, u)) {
            (rule.apply)(s, &names, ui, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment;

    fn run(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new("t", text, None).unwrap();
        let sents = segment::sentences(&doc);
        ActorExtractor::new()
            .actors(&doc, &sents)
            .into_iter()
            .map(|a| {
                let at = a.actor().unwrap().clone();
                (a.quote, at.kind.as_str().to_string(), at.canonical)
            })
            .collect()
    }

    #[test]
    fn smoke() {
        let r =
            run("France suspended cooperation with Mali after Malian authorities detained Yann Vezilier in Bamako.");
        let q: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(q, vec!["France", "Mali", "Malian authorities", "Yann Vezilier"], "{r:?}");
    }

    /// Every unit rule fires, under its own name, on a sentence made for it; the names of the
    /// rules and of the passes are distinct, and so are those of the run rules and of the document rules.
    #[test]
    fn every_unit_rule_fires_under_its_name() {
        let text = "France suspended cooperation with Mali. The Wagner Group attacked the town. \
                    Colonel Assimi Goïta said the vote was delayed. Spokesman John Smith said nothing. \
                    Acme Corp announced profits. The 65 Fighter Wing attacked the base. \
                    Vezilier denied it. Kopak Drummel said so.";
        let doc = Document::new("t", text, None).unwrap();
        let sents = segment::sentences(&doc);
        let found: Vec<String> = ActorExtractor::new()
            .actors(&doc, &sents)
            .into_iter()
            .filter_map(|a| a.provenance.rule.map(|r| r.into_owned()))
            .collect();
        for rule in UNIT_RULES {
            assert!(found.iter().any(|r| r == rule.name), "{} never fired: {found:?}", rule.name);
        }
        let mut names: Vec<&str> = UNIT_RULES.iter().map(|r| r.name).chain(PASSES.iter().map(|p| p.name)).collect();
        let mut runs: Vec<&str> = classify::RUN_RULES.iter().map(|r| r.name).collect();
        runs.sort_unstable();
        runs.dedup();
        assert_eq!(runs.len(), classify::RUN_RULES.len(), "{runs:?}");
        let mut docs: Vec<&str> = identity::DOC_RULES.iter().map(|r| r.name).collect();
        docs.sort_unstable();
        docs.dedup();
        assert_eq!(docs.len(), identity::DOC_RULES.len(), "{docs:?}");
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n, "{names:?}");
    }
}
