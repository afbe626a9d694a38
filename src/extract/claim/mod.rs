//! The CLAIM extractor: attributions found by cue lexicons and word-order rules, without
//! a parser.
//!
//! Owns: turning each sentence's candidates into CLAIM annotations whose span is the
//! reported content (quotation marks, a leading "that" and final punctuation trimmed; direct
//! quotes followed across sentences), whose `cue` is the reporting words and whose `source`
//! is an ACTOR id: an actor found earlier when one covers the source words, the nearest
//! earlier compatible actor outside the claim's content for a pronoun, or a new ACTOR (`src<n>`) for a name or nominal
//! nobody annotated. It must not: do I/O, or add or change other extractors' annotations (it
//! only adds its own claims and source actors; the pipeline merges).
//!
//! Where things are: `rules/` holds the rules, one family a file (see `rules/mod.rs`; a rule
//! is a name and one function with its pattern, guard and production); `engine.rs` the rule
//! type, the contexts rules are asked about and the scan of a sentence; `subject.rs` the
//! subject left of a verb; `phrases.rs` and `words.rs` the word-order grammar and closed
//! word lists the rules share; `source.rs` source facts and the actor index; `lexicon.rs` the
//! lists of `data/claims/`; `tokens.rs` the tokens.

mod engine;
mod lexicon;
mod phrases;
mod rules;
mod source;
mod subject;
mod tokens;
mod words;

use super::segment::Sentence as Sent;
use super::{Context, Extractor, Steps};
use crate::model::{
    ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, Document, Label, Mention, Provenance, Span, Stance,
    Status,
};
use engine::Cand;
pub use lexicon::closed_class_words;
use lexicon::Lexicon;
use rules::quotes;
use source::{pronoun_class, ActorIndex, SourceFacts};
use tokens::Tok;

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

    /// The extractor with learned cue words (lowercase, each with its stance) read as
    /// reporting verbs (`Lexicon::add_learned_cue`), and the words it added (those that were
    /// not cue verb forms already).
    pub fn with_learned_cues<'a>(cues: impl IntoIterator<Item = (&'a str, Stance)>) -> (ClaimExtractor, Vec<String>) {
        let mut lex = Lexicon::load();
        let added = cues.into_iter().filter(|(w, s)| lex.add_learned_cue(w, *s)).map(|(w, _)| w.to_string()).collect();
        (ClaimExtractor { lex }, added)
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
            let mut sent = engine::Sentence::new(toks, &self.lex);
            sent.after_quote = si.checked_sub(1).and_then(|k| sentences.get(k)).is_some_and(|pv| {
                let piece = text.get(pv.start_byte..pv.end_byte).unwrap_or("").trim_end();
                (piece.ends_with(['”', '"']) || piece.ends_with("''"))
                    && !text.get(pv.end_byte..s.start_byte).unwrap_or("\n").contains('\n')
            });
            if !sent.may_hold_cue() {
                continue;
            }
            // The rules' passes over the sentence.
            steps.add(toks.len());
            let cands = sent.candidates();
            // A quote left open before the sentence, looked for once it has a candidate.
            let open_before = !cands.is_empty()
                && quotes::open_quote_before(text, s.start_byte, steps).is_some_and(|q| !quotes::block_quote(text, q));
            for c in cands {
                // A cue inside a direct quote is the quoted speaker's words, part of the
                // quoting claim's content, not a claim of its own (a cue after the quote,
                // "“...,” he said", is read by the trailing and inverted rules; a transcript's
                // speaker by speaker-colon; a block quotation is a text of its own).
                if !matches!(c.rule, "trailing" | "inverted" | "speaker-colon")
                    && quotes::inside_quote(text, toks, c.cue.0, open_before)
                {
                    continue;
                }
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
        let (a, b) = quotes::content_bytes(text, t, c, s, (prev, next), steps)?;
        let (a, b) = quotes::trim_content(text, a, b)?;
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
                // A title alone ("“...,” said Mr.") refers back to a person as a pronoun does.
                let pronoun = np.pronoun || f.bare_title;
                (Some(span), pronoun, Some(f))
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
            let mut words_only = None;
            let source = match (&att.source, &att.source_facts) {
                (Some(words), Some(f)) if att.pronoun => {
                    pronoun_class(&f.pronoun_word).and_then(|c| actors.antecedent(c, words.start(), att.content))
                }
                (Some(words), Some(f)) => match actors.covering(*words) {
                    Some(id) => Some(id),
                    None => {
                        let Some(quote) = doc.slice(f.actor_span) else {
                            continue;
                        };
                        // On a line in capitals, the words are an actor only if they are a
                        // name in the running text (GUIDELINES.md, ACTOR); else they stay
                        // the claim's source words, and no actor is made.
                        let (kind, canonical) = if f.caps_line && f.mention == Mention::Name {
                            match name_in_text(cx.found, quote) {
                                Some(x) => x,
                                None => {
                                    words_only = Some(*words);
                                    (f.kind, String::new())
                                }
                            }
                        } else {
                            (f.kind, f.canonical.clone())
                        };
                        if words_only.is_some() {
                            None
                        } else {
                            n_src += 1;
                            let id = super::numbered_id("src", n_src);
                            let attrs = ActorAttrs { kind, mention: f.mention, canonical, role: None };
                            let plural = quote.ends_with('s') && f.mention == Mention::Nominal;
                            actors.push(f.actor_span, id.clone(), kind, plural);
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
                _ => att.relative.or(words_only),
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

/// The kind and canonical name of an actor of the running text that `caps` (words written
/// in capitals) names: the same words, or a person's surname ("TRUMP" for "Donald Trump").
fn name_in_text(found: &[Annotation], caps: &str) -> Option<(ActorKind, String)> {
    found.iter().find_map(|a| {
        let x = a.actor().filter(|x| x.mention == Mention::Name)?;
        if a.quote.chars().any(char::is_lowercase)
            && (a.quote.eq_ignore_ascii_case(caps)
                || x.kind == ActorKind::Person
                    && a.quote.rsplit(' ').next().is_some_and(|last| last.eq_ignore_ascii_case(caps)))
        {
            Some((x.kind, x.canonical.clone()))
        } else {
            None
        }
    })
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

    /// A pronoun source is the nearest person before it that is not named inside the claim's
    /// own quote, nor a plural nominal (GUIDELINES.md, CLAIM: `source`).
    #[test]
    fn pronoun_source_skips_the_quote() {
        let src = |text: &str, content: &str| {
            claims(text).into_iter().find(|c| c.0 == content).and_then(|c| c.2).unwrap_or_default()
        };
        let t = "Elizabeth Warren spoke in Boston on Monday. “Donald Trump is a proven failure,” she said.";
        assert_eq!(src(t, "Donald Trump is a proven failure"), "Elizabeth Warren");
        let t = "Ed Rendell spoke on Monday. “There is no chance Hillary Clinton will withdraw from the race,” he \
                 said in a phone interview.";
        assert_eq!(src(t, "There is no chance Hillary Clinton will withdraw from the race"), "Ed Rendell");
        let t = "Bernie Sanders spoke in Iowa on Monday. Voters at the rally cheered. He said the economy was rigged.";
        assert_eq!(src(t, "the economy was rigged"), "Bernie Sanders");
        let t = "As Hillary Clinton talked about unity, Donald Trump highlighted his message that the country \
                 needs law and order.";
        assert_eq!(src(t, "the country needs law and order"), "Donald Trump");
    }

    /// A courtesy title alone ("Mr", "Dr.") names nobody (GUIDELINES.md, ACTOR: people are
    /// named without titles): it is no source ACTOR, and refers back to a person as "he" does.
    #[test]
    fn a_title_alone_is_no_actor() {
        let actors = |text: &str| -> Vec<String> {
            let doc = Document::new("t", text, None).unwrap();
            Pipeline::default().run(&doc).into_iter().filter(|a| a.actor().is_some()).map(|a| a.quote).collect()
        };
        for t in ["“We will win,” Dr. told reporters.", "“It is over,” Mrs said.", "“Never,” said Mr."] {
            assert!(actors(t).iter().all(|q| !q.starts_with(['M', 'D'])), "{t}: {:?}", actors(t));
            assert_eq!(claims(t).len(), 1, "{t}");
        }
        let t = "Gordon Brown spoke in London on Monday. “It is over,” Mr said.";
        assert_eq!(claims(t).into_iter().find(|c| c.0 == "It is over").and_then(|c| c.2), Some("Gordon Brown".into()));
    }

    /// On a line written in capitals, capitals prove no name (GUIDELINES.md, ACTOR): a
    /// source written there is an actor only when it is a name of the running text (then
    /// with that name's identity); else it stays the claim's source words. A nominal head
    /// ("SOURCES") is still a nominal source.
    #[test]
    fn a_source_on_a_line_in_capitals() {
        let run = |text: &str| {
            let doc = Document::new("t", text, None).unwrap();
            let anns = Pipeline::default().run(&doc);
            let claim = anns.iter().find_map(|a| a.claim().filter(|c| c.cue.as_ref().unwrap().text == "SAYS").cloned());
            let claim = claim.expect("the headline's claim");
            let actor = claim.source.as_ref().and_then(|id| anns.iter().find(|a| &a.id == id));
            (actor.map(|a| a.actor().unwrap().canonical.clone()), claim.source_words.map(|w| w.text))
        };
        let t = "TRUMP SAYS CLINTON IS A LIAR\n\nDonald Trump said on Monday that Clinton lied.";
        assert_eq!(run(t), (Some("Donald Trump".into()), None));
        for t in [
            "WALKER SAYS BUDGET IS DEAD\n\nThe budget failed on Monday.",
            "STEALTH COMMITTEE SAYS PLAN WILL FAIL\n\nThe plan was announced on Monday.",
        ] {
            let (actor, words) = run(t);
            assert_eq!(actor, None, "{t}");
            assert!(words.is_some_and(|w| t.starts_with(&w)), "{t}");
        }
    }

    #[test]
    fn trim_keeps_words() {
        let t = "“unfounded.”";
        assert_eq!(quotes::trim_content(t, 0, t.len()).map(|(a, b)| &t[a..b]), Some("unfounded"));
        let t = "the U.S.";
        assert_eq!(quotes::trim_content(t, 0, t.len()).map(|(a, b)| &t[a..b]), Some("the U.S."));
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in ["", "said", "“", "\" said \"", "according to", ", said .", "accused of", "X accused", "’s said that"]
        {
            let _ = claims(t);
        }
    }
}
