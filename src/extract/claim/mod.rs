//! The CLAIM extractor: attributions found by cue lexicons and word-order frames, without
//! a parser.
//!
//! Owns: turning each sentence's cue candidates (`frames.rs`) into CLAIM annotations whose
//! span is the reported content (quotation marks, a leading "that" and final punctuation
//! trimmed; direct quotes followed across sentences), whose `cue` is the reporting words and
//! whose `source` is an ACTOR id: an actor found earlier when one covers the source words,
//! the nearest earlier compatible actor for a pronoun, or a new ACTOR (`src<n>`) for a name
//! or nominal nobody annotated. It must not: do I/O, or add or change other extractors'
//! annotations (it only adds its own claims and source actors; the pipeline merges).

mod engine;
mod lexicon;
mod phrases;
mod rules;
mod subject;
mod tokens;
mod words;

use super::segment::Sentence as Sent;
use super::{Context, Extractor, Steps};
use crate::model::{
    ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, Document, Label, Mention, Provenance, Span, Stance,
    Status,
};
use engine::{Cand, Np};
use lexicon::Lexicon;
use std::borrow::Cow;
use tokens::{Kind, Tok};

/// One attribution as the extractor sees it, before sources become actor ids: useful for
/// scoring against corpora that annotate the source words themselves (pronouns included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The reporting words.
    pub cue: Span,
    /// The content (the CLAIM span).
    pub content: Span,
    /// The words naming the source, when the text has them (a pronoun included).
    pub source: Option<Span>,
    /// The source words are a pronoun.
    pub pronoun: bool,
    /// The relative pronoun that is the cue's subject when the source is its antecedent
    /// ("who" in "Mr. Kamin, who emphasized").
    pub relative: Option<Span>,
    pub stance: Stance,
    /// Whom an accusation or denial is about ("him" in "accused him of").
    pub target: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
    /// Byte range of the source words, and the sentence tokens' facts about them.
    source_facts: Option<SourceFacts>,
}

/// What the tokens say about a source noun phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SourceFacts {
    /// The span an ACTOR would take (a named mention drops a leading "the").
    actor_span: Span,
    kind: ActorKind,
    mention: Mention,
    canonical: String,
    pronoun_word: String,
}

/// Finds claims. Build once and reuse: the lexicons are parsed in `new()`.
pub struct ClaimExtractor {
    lex: Lexicon,
}

impl Default for ClaimExtractor {
    fn default() -> Self {
        ClaimExtractor::new()
    }
}

impl ClaimExtractor {
    /// Parses the lexicons in `data/claims/`.
    pub fn new() -> ClaimExtractor {
        ClaimExtractor { lex: Lexicon::load() }
    }

    /// Every attribution of `doc`, in text order.
    pub fn attributions(&self, doc: &Document, sentences: &[Sent]) -> Vec<Attribution> {
        self.attributions_counted(doc, sentences, &Steps::default())
    }

    /// [`ClaimExtractor::attributions`], counting the tokens made and visited in `steps`.
    fn attributions_counted(&self, doc: &Document, sentences: &[Sent], steps: &Steps) -> Vec<Attribution> {
        let text = doc.text();
        let mut out: Vec<Attribution> = Vec::new();
        // One claim per content and per cue: the first found wins.
        let mut seen_content: lexicon::HashSet<Span> = lexicon::HashSet::default();
        let mut seen_cue: lexicon::HashSet<Span> = lexicon::HashSet::default();
        let mut toks: Vec<Tok<'_>> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            tokens::tokenize_into(text, s.start_byte, s.end_byte, &mut toks);
            let toks = toks.as_slice();
            steps.add(toks.len());
            if toks.is_empty() {
                continue;
            }
            let sent = engine::Sentence::new(toks, &self.lex);
            if !sent.may_hold_cue() {
                continue;
            }
            // The frames' passes over the sentence.
            steps.add(toks.len());
            for c in sent.candidates() {
                let around = (si.checked_sub(1).and_then(|k| sentences.get(k)), sentences.get(si + 1));
                // Building a claim reads its content tokens.
                steps.add(c.content.1.saturating_sub(c.content.0) + 1);
                if let Some(mut a) = self.attribution(doc, toks, &c, s, around, steps) {
                    a.relative = sent.relative_subject(&c).and_then(|k| {
                        let w = toks.get(k)?;
                        doc.span_of_bytes(w.start, w.end)
                    });
                    if !seen_content.contains(&a.content) && !seen_cue.contains(&a.cue) {
                        seen_content.insert(a.content);
                        seen_cue.insert(a.cue);
                        out.push(a);
                    }
                }
            }
        }
        out
    }

    fn attribution(
        &self,
        doc: &Document,
        t: &[Tok<'_>],
        c: &Cand,
        s: &Sent,
        (prev, next): (Option<&Sent>, Option<&Sent>),
        steps: &Steps,
    ) -> Option<Attribution> {
        let text = doc.text();
        let (c0, mut c1) = c.content;
        // A direct quote after the cue ends at its closing mark ("saying, “...,” when ...").
        if !c.before && t.get(c0).is_some_and(|x| x.kind == Kind::Open) {
            if let Some(k) = (c0 + 1..=c1.min(t.len().saturating_sub(1))).find(|&k| t[k].kind == Kind::Close) {
                // Quoted speech ends with its own punctuation ("smart,”"); scare quotes do not.
                let spoken = t[k - 1].kind == Kind::Punct && matches!(t[k - 1].text, "," | "." | "?" | "!");
                if spoken
                    && k < c1
                    && t[k + 1..=c1].iter().any(|x| x.is_word())
                    && !t[k + 1..=c1].iter().any(|x| x.kind == Kind::Open)
                {
                    c1 = k;
                }
            }
        }
        let (mut a, mut b) = (t.get(c0)?.start, t.get(c1)?.end);
        // Direct quotes running over several sentences.
        let starts_open = t[c0].kind == Kind::Open;
        let has_open = t[c0..=c1].iter().any(|x| x.kind == Kind::Open);
        let has_close = t[c0..=c1].iter().any(|x| x.kind == Kind::Close);
        if c.before && t[c1].kind == Kind::Close && !has_open && c0 == 0 {
            if let Some(q) = open_quote_before(text, s.start_byte, steps) {
                a = q;
            }
        }
        if !c.before && starts_open && !has_close && c1 + 1 >= t.len().saturating_sub(1) {
            if let Some(q) = close_quote_after(text, b, steps) {
                b = q;
            }
        }
        if c.next {
            // "The governor added:" - the content is the next sentence (a whole quote when
            // it opens one).
            let nx = next?;
            a = nx.start_byte;
            b = nx.end_byte;
            let first = text.get(a..b)?.chars().next()?;
            let rest = text.get(a + first.len_utf8()..b)?;
            if matches!(first, '“' | '"') && !rest.contains(['”', '"']) {
                if let Some(q) = close_quote_after(text, b, steps) {
                    b = q;
                }
            }
        }
        if c.prev {
            // "“...” Vitter demanded.": the quote just before, when it ends right there.
            let pv = prev?;
            let piece = text.get(pv.start_byte..pv.end_byte)?;
            if !piece.ends_with(['”', '"']) || text.get(pv.end_byte..s.start_byte)?.contains('\n') {
                return None;
            }
            b = pv.end_byte;
            a = pv.start_byte;
            if !piece.starts_with(['“', '"']) {
                if let Some(q) = open_quote_before(text, pv.start_byte, steps) {
                    a = q;
                }
            }
        }
        let (a, b) = trim_content(text, a, b)?;
        let content = doc.span_of_bytes(a, b)?;
        let cue_b = (t[c.cue.0].start, t[c.cue.1].end);
        let cue = doc.span_of_bytes(cue_b.0, cue_b.1)?;
        if content.overlaps(&cue) || content.len() < 2 {
            return None;
        }
        let (source, pronoun, facts) = match c.source {
            Some(np) => {
                let f = self.source_facts(doc, t, np)?;
                let span = if np.pronoun { doc.span_of_bytes(t[np.a].start, t[np.b].end)? } else { f.actor_span };
                if content.overlaps(&span) {
                    return None;
                }
                (Some(span), np.pronoun, Some(f))
            }
            None => (None, false, None),
        };
        let target = c.target.and_then(|(x, y)| {
            let (p, q) = (t.get(x)?.start, t.get(y)?.end);
            text.get(p..q).map(|s| s.trim_matches(|ch: char| ch.is_whitespace() || ch == ',').to_string())
        });
        Some(Attribution {
            cue,
            content,
            source,
            pronoun,
            relative: None,
            stance: c.stance,
            target,
            rule: c.rule,
            source_facts: facts,
        })
    }

    /// Kind, mention, canonical name and actor span of a source noun phrase.
    fn source_facts(&self, doc: &Document, t: &[Tok<'_>], np: Np) -> Option<SourceFacts> {
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
                matches!(t[k].low(), "of" | "for" | "in" | "at" | "from")
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
        Some(SourceFacts {
            actor_span,
            kind,
            mention,
            canonical,
            pronoun_word: words::pronoun_base(&words[0].lower)
                .or_else(|| words::pronoun_of_possessive(&words[0].lower))
                .unwrap_or("")
                .to_string(),
        })
    }
}

/// How far, in bytes, a direct quote is followed across sentences to its opening or closing
/// mark (some 25 sentences of news): the reach bounds what one claim may cost and cover.
const QUOTE_REACH: usize = 4000;

/// Start of the opening quotation mark that a quote closing after `pos` began with: the
/// nearest open mark before `pos` on the same line, when no close mark lies between.
fn open_quote_before(text: &str, pos: usize, steps: &Steps) -> Option<usize> {
    let before = text.get(..pos)?;
    // The line break is looked for within the reach only, in the same pass: a search of the
    // whole text before `pos` made every call cost the length of the document.
    let lo = pos.saturating_sub(QUOTE_REACH);
    for (k, ch) in before.char_indices().rev() {
        // The nearest line break ends the search.
        if k < lo || ch == '\n' {
            break;
        }
        steps.add(1);
        match ch {
            '”' | '»' => return None,
            '“' | '«' => return Some(k),
            '"' => {
                let prev = before[..k].chars().next_back();
                return if prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '—' | '–')) {
                    Some(k)
                } else {
                    None
                };
            }
            _ => {}
        }
    }
    None
}

/// End of the closing quotation mark of a quote left open at `pos`, on the same line.
fn close_quote_after(text: &str, pos: usize, steps: &Steps) -> Option<usize> {
    let after = text.get(pos..)?;
    for (k, ch) in after.char_indices() {
        // The nearest line break ends the search.
        if k >= QUOTE_REACH || ch == '\n' {
            break;
        }
        steps.add(1);
        match ch {
            '“' | '«' => return None,
            '”' | '»' | '"' => return Some(pos + k + ch.len_utf8()),
            _ => {}
        }
    }
    None
}

const OPEN_Q: &[char] = &['“', '‘', '«', '"', '\''];
const CLOSE_Q: &[char] = &['”', '’', '»', '"', '\''];

/// Trims a content byte range: white space, final punctuation, and the
/// quotation marks of a direct quote. `None` when nothing is left.
fn trim_content(text: &str, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    for _ in 0..6 {
        let s = text.get(a..b)?;
        let before = (a, b);
        let t = s.trim_start();
        a += s.len() - t.len();
        let s = text.get(a..b)?;
        let t = s.trim_end();
        b -= s.len() - t.len();
        let s = text.get(a..b)?;
        if let Some(last) = s.chars().next_back() {
            let abbrev = last == '.' && s.len() >= 3 && s.as_bytes()[s.len() - 3] == b'.';
            if matches!(last, ',' | ';' | ':' | '.' | '—' | '–') && !abbrev {
                b -= last.len_utf8();
                continue;
            }
        }
        let first = s.chars().next();
        let last = s.chars().next_back();
        // Whether a stretch holds a double quotation mark: the search stops at the first, so
        // that a long content full of quotes costs no more than the distance to one.
        let has_quotes = |s: &str| s.contains(['“', '”', '"', '«', '»']);
        if let (Some(f), Some(l)) = (first, last) {
            if OPEN_Q.contains(&f) && CLOSE_Q.contains(&l) && s.len() > f.len_utf8() + l.len_utf8() {
                let inner = &s[f.len_utf8()..s.len() - l.len_utf8()];
                if !has_quotes(inner) {
                    a += f.len_utf8();
                    b -= l.len_utf8();
                    continue;
                }
            }
            if OPEN_Q.contains(&f) && !s[f.len_utf8()..].chars().any(|c| CLOSE_Q.contains(&c) && c != '’') {
                a += f.len_utf8();
                continue;
            }
            // A closing mark at the very end goes, with the stop before it ("law.”"); a scare
            // quote that ends the content without a stop ("“baseless”") goes only when unpaired.
            let before_last = s[..s.len() - l.len_utf8()].chars().next_back();
            if CLOSE_Q.contains(&l)
                && l != '’'
                && (!has_quotes(&s[..s.len() - l.len_utf8()])
                    || before_last.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':')))
            {
                b -= l.len_utf8();
                continue;
            }
            if l == '’' && !s.contains('‘') && s.chars().rev().nth(1).is_some_and(|c| !c.is_alphanumeric()) {
                b -= l.len_utf8();
                continue;
            }
        }
        if (a, b) == before {
            break;
        }
    }
    (a < b).then_some((a, b))
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
fn pronoun_class(pronoun: &str) -> Option<usize> {
    match pronoun {
        "he" | "she" => Some(0),
        "it" => Some(1),
        "they" => Some(2),
        _ => None,
    }
}

/// The actors a source may refer to, indexed for the two questions the extractor asks: the
/// latest actor ending before a pronoun that the pronoun can refer to, and the actor that
/// covers some source words. `ord` is the order of addition (earlier extractors' actors
/// first); of two equally good actors the later one wins. Lookups are logarithmic (or
/// bounded by the longest actor), so long documents stay linear.
struct ActorIndex<'a> {
    /// Per pronoun class: (end, ord, id), sorted by (end, ord).
    by_class: [Vec<(usize, usize, Cow<'a, str>)>; 3],
    /// (span, ord, id), sorted by (start, ord).
    by_start: Vec<(Span, usize, Cow<'a, str>)>,
    max_len: usize,
    n: usize,
}

impl<'a> ActorIndex<'a> {
    fn new(found: &'a [Annotation]) -> ActorIndex<'a> {
        let mut ix =
            ActorIndex { by_class: [Vec::new(), Vec::new(), Vec::new()], by_start: Vec::new(), max_len: 0, n: 0 };
        for a in found {
            if let Some(x) = a.actor() {
                let ord = ix.n;
                ix.n += 1;
                for (c, list) in ix.by_class.iter_mut().enumerate() {
                    if compatible(c, x.kind, false) {
                        list.push((a.span.end(), ord, Cow::Borrowed(a.id.as_str())));
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
    fn push(&mut self, span: Span, id: String, kind: ActorKind, plural: bool) {
        let ord = self.n;
        self.n += 1;
        for (c, list) in self.by_class.iter_mut().enumerate() {
            if compatible(c, kind, plural) {
                let k = list.partition_point(|x| x.0 <= span.end());
                list.insert(k, (span.end(), ord, Cow::Owned(id.clone())));
            }
        }
        let k = self.by_start.partition_point(|x| x.0.start() <= span.start());
        self.by_start.insert(k, (span, ord, Cow::Owned(id)));
        self.max_len = self.max_len.max(span.len());
    }

    /// The actor that a pronoun of `class` at `start` refers to: the one ending last at or
    /// before `start`.
    fn antecedent(&self, class: usize, start: usize) -> Option<String> {
        let list = self.by_class.get(class)?;
        let k = list.partition_point(|x| x.0 <= start);
        k.checked_sub(1).map(|k| list[k].2.to_string())
    }

    /// The actor overlapping `words` that ends last (then the longest).
    fn covering(&self, words: Span) -> Option<String> {
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

impl Extractor for ClaimExtractor {
    fn label(&self) -> Label {
        Label::Claim
    }

    fn extract(&self, cx: &Context<'_>, out: &mut Vec<Annotation>) {
        let doc = cx.doc;
        let steps = Steps::default();
        let atts = self.attributions_counted(doc, cx.sentences, &steps);
        cx.work.add(|w| {
            w.claim_steps += steps.get();
            w.claim_cues += atts.len() as u64;
        });
        // The claims the merge will keep, decided as it does (longest first, then the earlier
        // start, then the earlier found): the others are not copied out at all, which bounds
        // the memory of a text of nested reports by that of the output.
        let mut order: Vec<usize> = (0..atts.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(atts[i].content.len()), atts[i].content.start()));
        let mut kept = vec![false; atts.len()];
        let mut nest = super::nesting::ClaimNest::default();
        for i in order {
            kept[i] = nest.accept(atts[i].content.start(), atts[i].content.end());
        }
        // Actors a source may refer to: those found earlier, then those this extractor adds.
        let mut actors = ActorIndex::new(cx.found);
        let mut n_src = 0;
        let mut n_clm = 0;
        for (att, kept) in atts.into_iter().zip(kept) {
            let source = match (&att.source, &att.source_facts) {
                (Some(words), Some(f)) if att.pronoun => {
                    pronoun_class(&f.pronoun_word).and_then(|c| actors.antecedent(c, words.start()))
                }
                (Some(words), Some(f)) => match actors.covering(*words) {
                    Some(id) => Some(id),
                    None => {
                        let Some(quote) = doc.slice(f.actor_span) else {
                            continue;
                        };
                        n_src += 1;
                        let id = super::numbered_id("src", n_src);
                        let attrs =
                            ActorAttrs { kind: f.kind, mention: f.mention, canonical: f.canonical.clone(), role: None };
                        let plural = quote.ends_with('s') && f.mention == Mention::Nominal;
                        actors.push(f.actor_span, id.clone(), f.kind, plural);
                        out.push(Annotation {
                            id: id.clone(),
                            span: f.actor_span,
                            quote: quote.to_string(),
                            status: Status::Predicted,
                            provenance: Provenance::extractor("claim-source"),
                            note: None,
                            unsure: false,
                            attrs: Attrs::Actor(attrs),
                        });
                        Some(id)
                    }
                },
                _ => None,
            };
            if !kept {
                continue;
            }
            let (Some(quote), Some(cue_text)) = (doc.slice(att.content), doc.slice(att.cue)) else {
                continue;
            };
            // The pronoun the clause uses for its source, which no ACTOR annotates.
            let words = match (att.pronoun, att.source) {
                (true, Some(w)) => Some(w),
                _ => att.relative,
            };
            let source_words = words.and_then(|w| doc.slice(w).map(|text| Cue { span: w, text: text.to_string() }));
            n_clm += 1;
            out.push(Annotation {
                id: super::numbered_id("clm", n_clm),
                span: att.content,
                quote: quote.to_string(),
                status: Status::Predicted,
                provenance: Provenance::extractor(att.rule),
                note: None,
                unsure: false,
                attrs: Attrs::Claim(ClaimAttrs {
                    source,
                    cue: Some(Cue { span: att.cue, text: cue_text.to_string() }),
                    stance: Some(att.stance),
                    target: att.target.clone(),
                    source_words,
                }),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Pipeline;

    fn claims(text: &str) -> Vec<(String, String, Option<String>)> {
        let doc = Document::new("t", text, None).unwrap();
        let anns = Pipeline::default().run(&doc);
        anns.iter()
            .filter_map(|a| {
                let c = a.claim()?;
                let src = c.source.as_ref().and_then(|id| anns.iter().find(|x| &x.id == id)).map(|x| x.quote.clone());
                Some((a.quote.clone(), c.cue.as_ref()?.text.clone(), src))
            })
            .collect()
    }

    #[test]
    fn indirect_and_direct_speech() {
        let c = claims("France has warned that further measures will follow if its envoy is not released quickly.");
        assert_eq!(
            c,
            vec![(
                "further measures will follow if its envoy is not released quickly".into(),
                "warned".into(),
                Some("France".into())
            )]
        );
        let c = claims("“We will not accept this,” the ministry said.");
        assert_eq!(c, vec![("We will not accept this".into(), "said".into(), Some("the ministry".into()))]);
    }

    #[test]
    fn trim_keeps_words() {
        let t = "“unfounded.”";
        assert_eq!(trim_content(t, 0, t.len()).map(|(a, b)| &t[a..b]), Some("unfounded"));
        let t = "the U.S.";
        assert_eq!(trim_content(t, 0, t.len()).map(|(a, b)| &t[a..b]), Some("the U.S."));
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in ["", "said", "“", "\" said \"", "according to", ", said .", "accused of", "X accused", "’s said that"]
        {
            let _ = claims(t);
        }
    }
}
