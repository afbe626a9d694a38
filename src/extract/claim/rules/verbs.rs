//! VERBS family (temporary header).

use crate::extract::claim::engine::{n_minus, Cand, Np, Sentence};
use crate::extract::claim::lexicon::{Form, Frame, Verb};
use crate::extract::claim::tokens::Kind;
use crate::extract::claim::words::*;
use crate::model::Stance;

impl Sentence<'_, '_> {
    /// A reporting verb and its frame.
    pub fn verb_cue(&self, i: usize) -> Option<Cand> {
        let n = self.n();
        let (vi, form) = self.verb_form(i)?;
        let verb = &self.lex.verbs[vi];
        // "Said Ellis: “...”": a sentence opening with the cue.
        if i == 0 && self.t[i].is_cap() && form == Form::Past && matches!(verb.frame, Frame::Speech) {
            let np = self.np_fwd(1, 8)?;
            let k = np.b + 1;
            if (self.punct(k, ":") || self.punct(k, ",")) && !self.at_end(k + 1) {
                return Some(Cand {
                    cue: (0, 0),
                    source: Some(np),
                    content: (k + 1, n_minus(self.n())),
                    target: None,
                    stance: verb.stance,
                    rule: "cue-first",
                    frame: Frame::Speech,
                    before: false,
                    boundary: None,
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
            return None;
        }
        if self.t[i].is_cap() && i > 0 && !self.t[i - 1].is_quote() && !(self.headline() && self.t[i - 1].is_cap()) {
            // A capitalised form mid-sentence is a name ("Post", "Charge").
            return None;
        }
        let (mut stance, mut frame) = (verb.stance, verb.frame);
        let mut cue_end = i;
        if let Some((s, f)) = self.lex.phrasal(&verb.lemma, self.low(i + 1)) {
            stance = s;
            frame = f;
            cue_end = i + 1;
        }
        if frame == Frame::Particle {
            return None;
        }
        if frame != verb.frame || cue_end != i {
            // phrasal
        } else if verb.lemma == "call" {
            // "called X 'Y'" needs a quote; "called for/on" is phrasal.
            let has_quote = (i + 1..(i + 10).min(n)).any(|k| self.t[k].kind == Kind::Open);
            let det = matches!(
                self.low(i + 1),
                "it" | "the" | "his" | "her" | "their" | "its" | "him" | "them" | "this" | "that" | "these" | "those"
            );
            if !has_quote && !det {
                return None;
            }
        }
        if self.low(i.wrapping_sub(1)) == "to" && !self.to_chain(i - 1) || i > 0 && self.t[i - 1].lower == "so-called" {
            return None;
        }
        // Speech acts that are events: "declared X persona non grata".
        if verb.lemma == "declare" && (i + 1..n).any(|k| self.low(k) == "persona") {
            return None;
        }
        let r0 = cue_end + 1;
        let (left, be) = self.skip_aux_left(i);
        // "They’re saying": the contracted be-form sits in the pronoun.
        let be = be
            || left.is_some_and(|l| {
                let w = self.low(l);
                pronoun_base(w).is_some()
                    && (w.ends_with("re") || w.ends_with("'s") || w.ends_with("’s") || w.ends_with('m'))
            });

        // "The move, announced by a French diplomatic source on Friday, comes ...",
        // "France has suspended ..., announced on September 19, ...": a participle after a
        // comma reports what comes before it.
        if matches!(form, Form::Past | Form::Participle)
            && matches!(verb.stance, Stance::Announce)
            && i >= 2
            && self.t[i - 1].is_punct(",")
            && self.t[i - 2].is_word()
            && (self.low(i + 1) == "by" || ADJUNCT_PREPS.contains(&self.low(i + 1)))
        {
            let source = if self.low(i + 1) == "by" { self.np_fwd(i + 2, 8) } else { None };
            let before = self.np_back(i - 2);
            let content = match before {
                Some(np) if np.a == 0 && !np.pronoun => (np.a, np.b),
                _ => (0, i - 2),
            };
            return Some(Cand {
                cue: (i, i),
                source,
                content,
                target: None,
                stance,
                rule: "reduced-passive",
                frame,
                before: true,
                boundary: Some(i - 1),
                open_right: false,
                next: false,
                prev: false,
            });
        }

        // Coordinated with an earlier verb: "X promised ... and said C".
        if let Some(l) = left {
            if matches!(self.low(l), "and" | "but") && matches!(form, Form::Past | Form::Third) && !be {
                let (start, target) = self.take_content(r0, frame, verb)?;
                if start >= n || self.at_end(start) || self.punct(start, ",") {
                    return None;
                }
                return Some(Cand {
                    cue: (i, cue_end),
                    source: None, // the sentence's subject, filled in by `resolve`
                    content: (start, n_minus(n)),
                    target,
                    stance,
                    rule: "coordinated",
                    frame,
                    before: false,
                    boundary: Some(l),
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
        }

        // Participles: ", saying that ...", "while insisting ...".
        if form == Form::Ing && !be {
            let l = left?;
            let intro = self.t[l].is_punct(",") || PARTICIPLE_INTRO.contains(&self.low(l)) || self.is_dash(l);
            // "footage of Trump saying ...": a name right before the participle holds it.
            let named = if intro {
                None
            } else {
                self.np_back(l).filter(|np| !np.pronoun && self.t[np.b].is_cap() && !(np.a == 0 && np.a == np.b))
            };
            if !intro && named.is_none() {
                return None;
            }
            let (start, target) = self.take_content(r0, frame, verb)?;
            if start >= n || self.at_end(start) || self.punct(start, ",") {
                return None;
            }
            return Some(Cand {
                cue: (i, cue_end),
                source: named, // else the sentence's subject, filled in by `resolve`
                content: (start, n_minus(n)),
                target,
                stance,
                rule: "participle",
                frame,
                before: false,
                boundary: if self.t[l].is_punct(",") || self.is_dash(l) { Some(l) } else { None },
                open_right: true,
                next: false,
                prev: false,
            });
        }
        if form == Form::Ing && be {
            // progressive: handled like a finite verb below
        } else if be
            || self.low(i + 1) == "by" && matches!(form, Form::Past | Form::Participle)
            || frame == Frame::Accuse && form == Form::Past && self.low(i + 1) == "of"
        {
            return self.passive(i, cue_end, left, frame, stance);
        }

        // Inverted: "..., said the ministry." / "“...,” says Smith."
        if let Some(l) = left {
            let tl = &self.t[l];
            if (tl.is_punct(",") || tl.kind == Kind::Close) && l > 0 && frame == Frame::Speech {
                // "..., said she turned out": a pronoun opening a clause is no inverted source.
                let np = self.np_fwd(r0, 10).filter(|np| np.a == np.b || pronoun_base(self.low(np.a)).is_none());
                if let Some(np) = np {
                    let after = self.skip_adjuncts(np.b + 1);
                    let after = if frame == Frame::Tell { self.skip_adjuncts(self.skip_object(after)) } else { after };
                    if self.at_end(after) || self.punct(after, ",") || matches!(self.low(after), "who" | "which") {
                        let e = if tl.is_punct(",") && l > 0 { l - 1 } else { l };
                        return Some(Cand::before_cue(
                            (i, cue_end),
                            Some(np),
                            (0, e),
                            stance,
                            "inverted",
                            frame,
                            Some(l),
                        ));
                    }
                }
            }
        }

        // Subject before the cue.
        let l = left?;
        // "Humphrey, who calls Trump a “sociopath,” said": the comma inside the quote.
        let l = if self.t[l].kind == Kind::Close && l >= 2 && self.t[l - 1].is_punct(",") { l - 1 } else { l };
        let mut subj = None;
        let mut subj_left = None; // token index before the subject
        let mut relative = false;
        if self.t[l].is_word() || self.t[l].is_punct(")") || self.t[l].is_punct(".") || self.t[l].is_punct("%") {
            if matches!(self.low(l), "who" | "whom" | "which") && l >= 2 && self.t[l - 1].is_punct(",") {
                // The antecedent is the nearest noun phrase: "members of [the Saudi
                // government], which has denied".
                subj = self.np_back(l - 2).map(|np| {
                    let cut = (np.a..np.b).rev().find(|&k| matches!(self.low(k), "of" | "for" | "in" | "at" | "from"));
                    match cut {
                        Some(k) if self.low(l) == "which" => Np { a: k + 1, ..np },
                        _ => np,
                    }
                });
                relative = true;
            } else if self.low(l) == "whom" && l >= 2 && self.low(l - 1) == "of" {
                // "many of whom say"
                subj = self.np_back(l - 2);
                relative = true;
            } else if matches!(self.low(l), "who" | "whom") && l >= 1 {
                subj = self.np_back(l - 1);
                relative = true;
            } else {
                subj = self.np_back(l);
            }
        } else if self.t[l].is_punct(",") && l >= 2 {
            // Apposition or relative clause: "Mali's junta, led by President Assimi Goïta, insists".
            if let Some(c) = (0..l).rev().find(|&k| self.t[k].is_punct(",")) {
                let first = self.low(c + 1);
                let appos = c + 1 < l
                    && (l - c <= 20 || l - c <= 40 && matches!(first, "who" | "which"))
                    && (matches!(
                        first,
                        "who"
                            | "which"
                            | "whose"
                            | "led"
                            | "a"
                            | "an"
                            | "the"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "including"
                            | "based"
                            | "himself"
                            | "herself"
                            | "itself"
                    ) || self.t[c + 1].is_cap()
                        || self.t[c + 1].text.chars().all(|ch| ch.is_ascii_digit())
                        || first.ends_with("ing") && first.len() > 5
                        || matches!(
                            first,
                            "at" | "in"
                                | "on"
                                | "during"
                                | "after"
                                | "before"
                                | "speaking"
                                | "like"
                                | "for"
                                | "also"
                                | "however"
                                | "meanwhile"
                                | "too"
                                | "then"
                                | "for example"
                                | "by"
                                | "with"
                                | "in turn"
                        ))
                    && c >= 1;
                if appos {
                    subj = self.np_back(c - 1);
                    // "Marley Anderson, 21, a junior from Las Vegas, said": an age between
                    // commas follows the name.
                    let age = self.t[c - 1].text.len() <= 3 && self.t[c - 1].text.chars().all(|ch| ch.is_ascii_digit());
                    if age && c >= 3 && self.t[c - 2].is_punct(",") && self.t[c - 3].is_cap() {
                        subj = self.np_back(c - 3);
                    }
                    // "Mali's security minister, General Daoud Aly Mohammedine, alleged": the
                    // name in the apposition names the nominal before it.
                    let name = (c + 1..l)
                        .all(|k| self.t[k].is_cap() || self.t[k].is_punct(".") || self.t[k].kind == Kind::Possessive);
                    if name && subj.is_some_and(|np| !np.pronoun && !self.t[np.b].is_cap()) {
                        subj = self.np_back(l - 1).or(subj);
                    }
                }
            }
            if subj.is_none() {
                subj = self.name_before_apposition(l);
            }
        } else if self.is_dash(l) {
            subj = self.name_before_apposition(l);
        }
        let subj = subj?;
        if subj.a > 0 {
            subj_left = Some(subj.a - 1);
        }
        // A determiner alone, or a subject made only of a lower-case function-ish word, is no subject.
        if subj.a == subj.b
            && !subj.pronoun
            && !self.t[subj.b].is_cap()
            && !self.lex.heads.contains_key(self.low(subj.b))
            && self.t[subj.b].lower.len() < 3
        {
            return None;
        }

        // Trailing: "C, X said." / "“C,” he said, adding ..."
        let r = self.skip_adjuncts(r0);
        let r_obj = if frame == Frame::Tell { self.skip_adjuncts(self.skip_object(r)) } else { r };
        // "“...,” Melanie said to the TV.": a short phrase after a final cue.
        let after_quote =
            subj_left.is_some_and(|sl| self.t[sl].kind == Kind::Close || sl >= 1 && self.t[sl - 1].kind == Kind::Close);
        let r_obj = if frame == Frame::Speech
            && after_quote
            && matches!(self.low(r_obj), "to" | "about" | "with" | "from" | "of")
            && (r_obj + 1..(r_obj + 13).min(self.n() + 1)).any(|k| self.at_end(k))
            && !(r_obj + 1..self.n()).any(|k| self.low(k) == "that" || self.t[k].kind == Kind::Open)
        {
            (r_obj + 1..=self.n()).find(|&k| self.at_end(k)).unwrap_or(r_obj)
        } else {
            r_obj
        };
        if let Some(sl) = subj_left {
            let tl = &self.t[sl];
            let sep = tl.is_punct(",") || tl.kind == Kind::Close || self.is_dash(sl);
            if sep
                && matches!(frame, Frame::Speech | Frame::Tell)
                && (self.at_end(r_obj)
                    || self.punct(r_obj, ",")
                        && self.t.get(r_obj + 1).is_none_or(|t| t.lower != "that")
                        && (!self.t.get(r_obj + 1).is_some_and(|t| t.kind == Kind::Open)
                            || sl >= 1 && (tl.kind == Kind::Close || self.t[sl - 1].kind == Kind::Close)))
                && sl > 0
            {
                let e = if tl.is_punct(",") || self.is_dash(sl) { sl - 1 } else { sl };
                return Some(Cand::before_cue((i, cue_end), Some(subj), (0, e), stance, "trailing", frame, Some(sl)));
            }
        }
        // "a charge Paris has dismissed as 'unfounded'", "what authorities described as".
        if frame == Frame::Label && self.low(r0) == "as" {
            let mut target =
                subj_left.and_then(
                    |sl| {
                        if self.t[sl].is_word() {
                            self.np_back(sl).map(|np| (np.a, np.b))
                        } else {
                            None
                        }
                    },
                );
            // "a charge Paris has dismissed as": the noun before the name is the target.
            let mut subj = subj;
            if !subj.pronoun && self.t[subj.b].is_cap() {
                let mut k = subj.b;
                while k > subj.a && self.t[k - 1].is_cap() {
                    k -= 1;
                }
                if k > subj.a && !self.t[k - 1].is_cap() && self.t[k - 1].is_word() {
                    target = Some((subj.a, k - 1));
                    subj = Np { a: k, b: subj.b, pronoun: false };
                }
            }
            let start = r0 + 1;
            if self.at_end(start) {
                return None;
            }
            return Some(Cand {
                cue: (i, r0),
                source: Some(subj),
                content: (start, n_minus(n)),
                target,
                stance,
                rule: "label-gap",
                frame,
                before: false,
                boundary: target.and_then(|(a, _)| a.checked_sub(1)).filter(|&k| self.punct(k, ",")),
                open_right: true,
                next: false,
                prev: false,
            });
        }
        // The subject must start a clause.
        if let Some(sl) = subj_left.filter(|_| !relative) {
            let tl = &self.t[sl];
            let ok = !tl.is_word()
                || CLAUSE_START.contains(&tl.low())
                || self.is_fn(sl)
                || tl.kind == Kind::Possessive
                || tl.is_cap()
                || self.lex.heads.contains_key(tl.low());
            if !ok {
                return None;
            }
        }
        // "espionage—a charge France has denied.": the object is the noun before the subject.
        if matches!(frame, Frame::Object | Frame::Label) && self.at_end(self.skip_adjuncts(r0)) && !subj.pronoun {
            let mut k = subj.b;
            while k > subj.a && self.t[k - 1].is_cap() {
                k -= 1;
            }
            if k > subj.a && self.t[k].is_cap() && self.t[k - 1].is_word() && !self.t[k - 1].is_cap() {
                return Some(Cand::before_cue(
                    (i, cue_end),
                    Some(Np { a: k, b: subj.b, pronoun: false }),
                    (subj.a, k - 1),
                    stance,
                    "object-gap",
                    frame,
                    None,
                ));
            }
        }
        // "As Mr. Bown observed, in the early days ...": the main clause is the content.
        if subj_left.is_some_and(|sl| self.low(sl) == "as") && matches!(frame, Frame::Speech | Frame::Tell) {
            let rc = self.skip_adjuncts(r0);
            let rc = if frame == Frame::Tell { self.skip_object(rc) } else { rc };
            if self.punct(rc, ",") && !self.at_end(rc + 1) {
                return Some(Cand {
                    cue: (i, cue_end),
                    source: Some(subj),
                    content: (rc + 1, n_minus(n)),
                    target: None,
                    stance,
                    rule: "as-cue",
                    frame,
                    before: false,
                    boundary: None,
                    open_right: true,
                    next: false,
                    prev: false,
                });
            }
        }
        // "The governor added:" closing its sentence: the content follows.
        let rc = self.skip_adjuncts(r0);
        if matches!(frame, Frame::Speech | Frame::Tell) && self.punct(rc, ":") && self.at_end(rc + 1) {
            return Some(Cand {
                cue: (i, cue_end),
                source: Some(subj),
                content: (rc, rc),
                target: None,
                stance,
                rule: "colon-next",
                frame,
                before: false,
                boundary: None,
                open_right: false,
                next: true,
                prev: false,
            });
        }
        // "“...” Vitter demanded.": a sentence of its own after a quote.
        if subj.a == 0 && self.at_end(rc) && !self.punct(rc, ":") {
            return Some(Cand {
                cue: (i, cue_end),
                source: Some(subj),
                content: (0, 0),
                target: None,
                stance,
                rule: "after-quote",
                frame,
                before: true,
                boundary: None,
                open_right: false,
                next: false,
                prev: true,
            });
        }
        let (start, target) = self.take_content(r0, frame, verb)?;
        let mut cue = (i, cue_end);
        if frame == Frame::Label && start >= 1 && self.low(start - 1) == "as" && start - 1 == cue_end + 1 {
            cue = (i, start - 1);
        }
        if start >= n || self.at_end(start) || self.punct(start, ",") {
            return None;
        }
        if !self.content_ok(&verb.lemma, frame, form, subj, start) {
            return None;
        }
        // Verbs whose content is an object need a subject that can hold a view.
        let head = &self.t[subj.b];
        if matches!(frame, Frame::Object | Frame::Label | Frame::Accuse)
            && !subj.pronoun
            && !(subj.a..=subj.b)
                .any(|k| self.t[k].is_cap() && (k == subj.b || !self.lex.demonyms.contains_key(self.t[k].low())))
            && !self.lex.heads.contains_key(head.low())
        {
            return None;
        }
        Some(Cand {
            cue,
            source: Some(subj),
            content: (start, n_minus(n)),
            target,
            stance,
            rule: if frame == Frame::Speech { "subject-cue" } else { "subject-cue-object" },
            frame,
            before: false,
            boundary: None,
            open_right: true,
            next: false,
            prev: false,
        })
    }

    /// Filters for content after a verb cue: a first-person hedge ("I think") is not an
    /// attribution, an infinitive follows only verbs of promising and asking, and a bare
    /// pronoun object ("said it") is no proposition.
    pub fn content_ok(&self, lemma: &str, frame: Frame, form: Form, subj: Np, start: usize) -> bool {
        const COGNITION: &[&str] = &["think", "believe", "feel", "hope", "expect", "guess", "know", "fear", "find"];

        const NOUN_LIKE: &[&str] = &[
            "demand",
            "plan",
            "question",
            "stress",
            "report",
            "claim",
            "fear",
            "call",
            "state",
            "post",
            "comment",
            "answer",
            "charge",
            "promise",
            "pledge",
            "vow",
            "hope",
            "estimate",
            "find",
            "show",
            "tweet",
            "note",
            "counter",
            "reference",
            "highlight",
            "question",
            "want",
            "remark",
            "tell",
        ];
        let who = pronoun_base(self.low(subj.b)).unwrap_or("");
        let head = &self.t[subj.b];
        if !subj.pronoun
            && !self.lex.heads.contains_key(head.low())
            && NOUN_LIKE.contains(&lemma)
            && (form == Form::Base
                || form == Form::Third
                    && (self.lex.demonyms.contains_key(head.low())
                        || matches!(head.low(), "republican" | "democratic" | "conservative" | "liberal")
                        || head.text.chars().any(|c| c.is_ascii_digit())))
            && !head.lower.ends_with('s')
        {
            return false;
        }
        // Negated cues ("didn't say", "does not think") report no claim.
        if (subj.b + 1..start).any(|k| {
            let w = self.low(k);
            w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        }) {
            return false;
        }
        if matches!(self.low(start), "from" | "by" | "with" | "for" | "at" | "about" | "into" | "over" | "of") {
            return false;
        }
        if subj.pronoun && (matches!(who, "i" | "you") || who == "we" && COGNITION.contains(&lemma)) {
            return false;
        }
        if self.low(start) == "to" && !TAKES_TO.contains(&lemma) {
            return false;
        }
        let words = self.t[start..].iter().filter(|t| t.is_word()).count();
        const INFINITIVE_ONLY: &[&str] = &["want", "plan", "intend", "refuse", "decline"];
        if INFINITIVE_ONLY.contains(&lemma) && !matches!(self.low(start), "to" | "that") {
            return false;
        }
        if matches!(frame, Frame::Speech | Frame::Tell)
            && words <= 2
            && self.t.get(start).is_some_and(|t| t.kind != Kind::Open)
        {
            return false;
        }
        true
    }

    /// Where the content after a verb cue starts: verbs that take no bare clause need "that",
    /// a colon or a quote; "told to leave" is an order, not a report.
    pub fn take_content(&self, r0: usize, frame: Frame, verb: &Verb) -> Option<(usize, Option<(usize, usize)>)> {
        let bare = verb.bare;
        if frame == Frame::Speech && !bare {
            let r = self.skip_adjuncts(r0);
            let r = self.that_after_adjunct(r0).unwrap_or(r);
            let open = |k: usize| self.t.get(k).is_some_and(|t| t.kind == Kind::Open);
            return if self.low(r) == "that" {
                Some((if self.punct(r + 1, ",") { r + 2 } else { r + 1 }, None))
            } else if self.low(r) == "to" && TAKES_TO.contains(&verb.lemma.as_str()) {
                Some((r, None))
            } else if self.punct(r, ":") {
                Some((r + 1, None))
            } else if open(r) {
                Some((r, None))
            } else if self.punct(r, ",") && open(r + 1) {
                Some((r + 1, None))
            } else {
                None
            };
        }
        if frame == Frame::Tell {
            if self.low(r0) == "to" {
                return None;
            }
            let k = self.skip_object(self.skip_adjuncts(r0));
            if self.low(k) == "to" && k > r0 {
                // "told the diplomats to leave" is an order; "urged both sides to return"
                // demands what the object should do.
                return if verb.lemma == "tell" { None } else { Some((r0, None)) };
            }
        }
        self.content_start(r0, frame)
    }

    /// Where the content after a cue starts, and the target, by frame.
    pub fn content_start(&self, r0: usize, frame: Frame) -> Option<(usize, Option<(usize, usize)>)> {
        let n = self.n();
        let r = self.skip_adjuncts(r0);
        let r = if matches!(frame, Frame::Speech | Frame::Tell) { self.that_after_adjunct(r0).unwrap_or(r) } else { r };
        let start_after = |k: usize| -> usize {
            if self.low(k) == "that" && self.punct(k + 1, ",") {
                k + 2
            } else if self.low(k) == "that"
                || self.punct(k, ":")
                || self.punct(k, ",") && self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Open)
            {
                k + 1
            } else {
                k
            }
        };
        match frame {
            Frame::Speech | Frame::Object | Frame::Particle => Some((start_after(r), None)),
            Frame::Tell => {
                let k = self.skip_adjuncts(self.skip_object(r));
                Some((start_after(k), None))
            }
            Frame::Accuse => {
                let of = (r0..(r0 + 12).min(n))
                    .take_while(|&k| self.t[k].is_word() || self.t[k].kind == Kind::Possessive)
                    .find(|&k| self.low(k) == "of");
                match of {
                    Some(k) if k > r0 => Some((k + 1, Some((r0, k - 1)))),
                    Some(k) => Some((k + 1, None)),
                    None => Some((start_after(r), None)),
                }
            }
            Frame::Label => {
                let as_ = (r0..(r0 + 12).min(n))
                    .take_while(|&k| !self.punct(k, ".") && !self.punct(k, ","))
                    .find(|&k| self.low(k) == "as");
                match as_ {
                    Some(k) if k > r0 => Some((k + 1, Some((r0, k - 1)))),
                    Some(k) => Some((k + 1, None)),
                    None => {
                        // "called his detention 'unjustified'": the quote is the content.
                        let q = (r0..(r0 + 10).min(n))
                            .take_while(|&k| !self.punct(k, ".") && !self.punct(k, ","))
                            .find(|&k| self.t[k].kind == Kind::Open);
                        match q {
                            Some(q) if q > r0 => Some((q, Some((r0, q - 1)))),
                            Some(q) => Some((q, None)),
                            None => {
                                // "labeled the arrest a violation of ...": object, then the label.
                                if DETERMINERS.contains(&self.low(r0)) {
                                    let mut k = r0 + 1;
                                    while k < n
                                        && k < r0 + 6
                                        && self.t[k].is_word()
                                        && !self.is_fn(k)
                                        && !DETERMINERS.contains(&self.low(k))
                                    {
                                        k += 1;
                                    }
                                    if k > r0 + 1 && matches!(self.low(k), "a" | "an" | "the") {
                                        return Some((k, Some((r0, k - 1))));
                                    }
                                }
                                Some((start_after(r), None))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Passives: "Y was accused (by X) of C", "it was reported that C", "a national
    /// accused of spying".
    pub fn passive(&self, i: usize, cue_end: usize, left: Option<usize>, frame: Frame, stance: Stance) -> Option<Cand> {
        let n = self.n();
        let mut r = cue_end + 1;
        let mut source = None;
        if self.low(r) == "by" {
            let mut np = self.np_fwd(r + 1, 8)?;
            if let Some(of) = (np.a + 1..=np.b).find(|&k| self.low(k) == "of") {
                np.b = of - 1;
            }
            source = Some(np);
            r = np.b + 1;
        }
        // The passive subject: left of the be-form.
        // "a staff member, who was accused": the antecedent of "who".
        let left = match left {
            Some(l) if self.low(l) == "who" && l >= 2 && self.t[l - 1].is_punct(",") => Some(l - 2),
            other => other,
        };
        let (target, it_subject) = match left {
            Some(l) if self.t[l].is_word() => match self.np_back(l) {
                Some(np) => (Some((np.a, np.b)), np.pronoun && self.low(np.b) == "it"),
                None => (None, false),
            },
            _ => (None, false),
        };
        if frame == Frame::Accuse {
            if self.low(r) != "of" {
                return None;
            }
            if self.at_end(r + 1) {
                return None;
            }
            return Some(Cand {
                cue: (i, cue_end),
                source,
                content: (r + 1, n_minus(n)),
                target,
                stance,
                rule: "passive-accuse",
                frame,
                before: false,
                boundary: None,
                open_right: true,
                next: false,
                prev: false,
            });
        }
        if it_subject && self.low(r) == "that" && !self.at_end(r + 1) {
            return Some(Cand {
                cue: (i, cue_end),
                source,
                content: (r + 1, n_minus(n)),
                target: None,
                stance,
                rule: "passive-it",
                frame,
                before: false,
                boundary: None,
                open_right: true,
                next: false,
                prev: false,
            });
        }
        None
    }
}
