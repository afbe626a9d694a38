//! Sources: what a source noun phrase is (kind, mention, canonical name, the span an ACTOR
//! takes) and which actor a source refers to.
//!
//! Owns: the facts of a source phrase ([`SourceFacts`]) and the index of actors a source may
//! refer to ([`ActorIndex`]: the nearest compatible earlier actor outside the claim's content
//! for a pronoun, the actor covering some source words). It must not: find cues or content, or add annotations (the
//! extractor in `mod.rs` does).

use super::engine::Np;
use super::tokens::{Kind, Tok};
use super::words;
use super::ClaimExtractor;
use crate::model::{ActorKind, Annotation, Document, Mention, Span};
use std::borrow::Cow;

/// What the tokens say about a source noun phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFacts {
    /// The span an ACTOR would take (a named mention drops a leading "the").
    pub actor_span: Span,
    pub kind: ActorKind,
    pub mention: Mention,
    pub canonical: String,
    pub pronoun_word: String,
    /// The phrase is a courtesy title alone ("Mr", "Mrs.", "Dr" with no name after it): it
    /// names nobody, and refers back to a person like "he" or "she" does.
    pub bare_title: bool,
    /// The phrase is written in capitals on a line written in capitals ("TRUMP SAYS ..."),
    /// where capitals prove no name (GUIDELINES.md, ACTOR).
    pub caps_line: bool,
}

impl ClaimExtractor {
    /// Kind, mention, canonical name and actor span of a source noun phrase.
    pub fn source_facts(&self, doc: &Document, t: &[Tok<'_>], np: Np) -> Option<SourceFacts> {
        // The actor runs from the determiner to the head noun, without a following
        // "of/for/in ..." phrase ("[a spokesman] for the ministry").
        let cut = (np.a + 1..=np.b)
            .find(|&k| {
                // "Six in 10", "one in three": a share of those asked, not a place.
                let share = t[k].low() == "in"
                    && t.get(k + 1).is_some_and(|x| {
                        x.text.chars().all(|c| c.is_ascii_digit())
                            || matches!(x.low(), "two" | "three" | "four" | "five")
                    });
                // "[a Quinnipiac poll] conducted in February", "[New polls] released Sunday",
                // "[officials] familiar with ...": the phrase ends with its head noun
                // (GUIDELINES.md, ACTOR: from the determiner to the head noun).
                // A participle, not a finite verb with its object ("report cheered
                // Democrats"): what follows it is no name, unless a day or month.
                let day = |x: &Tok<'_>| {
                    !x.is_cap() || {
                        let w = x.low().trim_end_matches('.');
                        words::MONTHS.contains(&w) || words::WEEKDAYS.contains(&w)
                    }
                };
                let participle = t[k].low().len() > 4 && t[k].low().ends_with("ed") && t.get(k + 1).is_none_or(day);
                let post_modifier = participle || matches!(t[k].low(), "out" | "familiar" | "close" | "last");
                let after_head =
                    t[k].is_word() && !t[k].is_cap() && post_modifier && self.lex.heads.contains_key(t[k - 1].low());
                after_head
                    || matches!(t[k].low(), "of" | "for" | "in" | "at" | "from")
                        && !t.get(k + 1).is_some_and(|x| x.is_cap())
                        && !share
            })
            .unwrap_or(np.b + 1);
        let words = &t[np.a..cut];
        let mut first = 0;
        while first < words.len() && matches!(words[first].low(), "the" | "a" | "an") {
            first += 1;
        }
        let core = &words[first.min(words.len() - 1)..];
        let head = words.last()?.low();
        let is_generic =
            |w: &Tok<'_>| self.lex.heads.contains_key(w.low()) || self.lex.function_words.contains(w.low());
        // A name ends with a capitalised word ("French Ministry for Europe and Foreign
        // Affairs", "Gov. Mike Pence (R-IN)"); "The Republican nominee" is a nominal.
        let last_word = core.iter().enumerate().rev().find(|(_, w)| w.is_word() && !w.text.contains('-') || w.is_cap());
        let named = last_word.is_some_and(|(k, w)| {
            w.is_cap() && !self.lex.demonyms.contains_key(w.low()) && !(np.a + first + k == 0 && is_generic(w))
        });
        let demonym = core.iter().find_map(|w| self.lex.demonyms.get(w.low())).cloned();
        let head_kind = self.lex.heads.get(head).map(|h| h.0);
        let text = doc.text();
        let (sa, sb) = (if named { core[0].start } else { words[0].start }, words.last()?.end);
        let actor_span = doc.span_of_bytes(sa, sb)?;
        let surface = text.get(sa..sb)?.to_string();
        let (kind, mention, canonical) = if np.pronoun {
            (ActorKind::Person, Mention::Nominal, surface.clone())
        } else if named {
            let whole = surface.to_lowercase();
            if let Some(state) = self.lex.demonyms.get(&whole) {
                (ActorKind::State, Mention::Name, state.clone())
            } else {
                let caps = core.iter().filter(|w| w.is_cap()).count();
                let kind = match head_kind {
                    Some(k) if k != ActorKind::State => k,
                    Some(_) => ActorKind::Organization,
                    None if caps >= 2 && core.iter().all(|w| w.is_cap() || w.kind == Kind::Punct) => ActorKind::Person,
                    None if caps == 1 && core.len() == 1 => ActorKind::Person,
                    None => ActorKind::Organization,
                };
                (kind, Mention::Name, surface.clone())
            }
        } else {
            let descr = text.get(core[0].start..sb).unwrap_or(&surface).to_string();
            match (head_kind, demonym) {
                (Some(ActorKind::State), Some(state)) => (ActorKind::State, Mention::Nominal, state),
                (Some(ActorKind::State), None) => (ActorKind::Person, Mention::Nominal, descr),
                (Some(k), _) => (k, Mention::Nominal, descr),
                (None, _) => (ActorKind::Organization, Mention::Nominal, descr),
            }
        };
        let bare_title =
            core.iter().all(|w| w.is_punct(".") || words::courtesy_title(w.low())) && core.iter().any(|w| w.is_word());
        let pronoun_word = if bare_title {
            "he"
        } else {
            words::pronoun_base(&words[0].lower).or_else(|| words::pronoun_of_possessive(&words[0].lower)).unwrap_or("")
        };
        let upper = |w: &Tok<'_>| {
            w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.text.chars().any(char::is_lowercase)
        };
        let lettered = t.iter().filter(|w| w.is_word() && w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        let (n_words, n_upper) = lettered.fold((0, 0), |(n, u), w| (n + 1, u + usize::from(upper(w))));
        let caps_line = n_words >= 3 && n_upper * 10 >= n_words * 7 && core.iter().filter(|w| w.is_word()).all(upper);
        Some(SourceFacts {
            actor_span,
            kind,
            mention,
            canonical,
            pronoun_word: pronoun_word.to_string(),
            bare_title,
            caps_line,
        })
    }
}

/// The pronoun class an actor of kind `kind` can be referred to by: 0 "he"/"she", 1 "it",
/// 2 "they".
fn compatible(class: usize, kind: ActorKind, plural: bool) -> bool {
    match class {
        0 => kind == ActorKind::Person && !plural,
        1 => matches!(kind, ActorKind::Organization | ActorKind::State) && !plural,
        _ => plural || matches!(kind, ActorKind::Organization | ActorKind::Group | ActorKind::State),
    }
}

/// The class of a personal pronoun (see [`compatible`]); `None` for "we", "I", "you".
pub fn pronoun_class(pronoun: &str) -> Option<usize> {
    match pronoun {
        "he" | "she" => Some(0),
        "it" => Some(1),
        "they" => Some(2),
        _ => None,
    }
}

/// One actor a pronoun class may refer to: (end, ord, id, start).
type Entry<'a> = (usize, usize, Cow<'a, str>, usize);

/// The actors a source may refer to, indexed for the two questions the extractor asks: the
/// latest actor ending before a pronoun that the pronoun can refer to, and the actor that
/// covers some source words. `ord` is the order of addition (earlier extractors' actors
/// first); of two equally good actors the later one wins. Lookups are logarithmic (or
/// bounded by the longest actor), so long documents stay linear.
pub struct ActorIndex<'a> {
    /// Per pronoun class, sorted by (end, ord).
    by_class: [Vec<Entry<'a>>; 3],
    /// (span, ord, id), sorted by (start, ord).
    by_start: Vec<(Span, usize, Cow<'a, str>)>,
    max_len: usize,
    n: usize,
}

impl<'a> ActorIndex<'a> {
    pub fn new(found: &'a [Annotation]) -> ActorIndex<'a> {
        let mut ix =
            ActorIndex { by_class: [Vec::new(), Vec::new(), Vec::new()], by_start: Vec::new(), max_len: 0, n: 0 };
        for a in found {
            if let Some(x) = a.actor() {
                let ord = ix.n;
                ix.n += 1;
                // "Voters", "officials": a plural nominal is no "he" or "she".
                let plural = x.mention == Mention::Nominal && a.quote.ends_with('s');
                for (c, list) in ix.by_class.iter_mut().enumerate() {
                    if compatible(c, x.kind, plural) {
                        list.push((a.span.end(), ord, Cow::Borrowed(a.id.as_str()), a.span.start()));
                    }
                }
                ix.by_start.push((a.span, ord, Cow::Borrowed(a.id.as_str())));
                ix.max_len = ix.max_len.max(a.span.len());
            }
        }
        for list in &mut ix.by_class {
            list.sort_unstable_by_key(|x| (x.0, x.1));
        }
        ix.by_start.sort_unstable_by_key(|x| (x.0.start(), x.1));
        ix
    }

    /// Adds an actor after all others.
    pub fn push(&mut self, span: Span, id: String, kind: ActorKind, plural: bool) {
        let ord = self.n;
        self.n += 1;
        for (c, list) in self.by_class.iter_mut().enumerate() {
            if compatible(c, kind, plural) {
                let k = list.partition_point(|x| x.0 <= span.end());
                list.insert(k, (span.end(), ord, Cow::Owned(id.clone()), span.start()));
            }
        }
        let k = self.by_start.partition_point(|x| x.0.start() <= span.start());
        self.by_start.insert(k, (span, ord, Cow::Owned(id)));
        self.max_len = self.max_len.max(span.len());
    }

    /// The actor that the pronoun source of a claim refers to (GUIDELINES.md, CLAIM:
    /// `source`): the nearest earlier actor the pronoun can refer to that is not inside the
    /// claim's own content (not a name the quote before "she said" mentions).
    pub fn antecedent(&self, class: usize, pronoun: usize, content: Span) -> Option<String> {
        let list = self.by_class.get(class)?;
        let k = list.partition_point(|x| x.0 <= pronoun);
        list[..k]
            .iter()
            .rev()
            .find(|(end, _, _, start)| !(content.contains_offset(*start) && *end <= content.end()))
            .map(|x| x.2.to_string())
    }

    /// The actor overlapping `words` that ends last (then the longest).
    pub fn covering(&self, words: Span) -> Option<String> {
        let lo_start = words.start().saturating_sub(self.max_len);
        let lo = self.by_start.partition_point(|x| x.0.start() < lo_start);
        let hi = self.by_start.partition_point(|x| x.0.start() < words.end());
        self.by_start
            .get(lo..hi)?
            .iter()
            .filter(|x| x.0.overlaps(&words))
            .max_by_key(|x| (x.0.end(), x.0.len(), x.1))
            .map(|x| x.2.to_string())
    }
}
