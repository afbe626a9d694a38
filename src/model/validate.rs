//! Checks of a set of annotations against their document.
//!
//! Owns: what makes a set of annotations trustworthy (bounds, quotes, unique ids,
//! references that resolve, TIMEX3 values and mods that are well formed for their type) and
//! the softer guideline warnings. It must not: repair anything;
//! readers refuse what fails here and say why.

use super::annotation::describe;
use super::timex::{check_mod, check_value};
use super::{Annotation, Attrs, Document, Error, Label};
use std::collections::HashMap;

/// Refuses annotations that do not fit the document or the guidelines: everything
/// [`check_structure`] refuses, and a DATE whose TIMEX3 value is not well formed for its
/// type or whose `mod` is not one of TIMEX3's ([`value_problem`]). Every reader calls it.
pub fn check_annotations(doc: &Document, anns: &[Annotation]) -> Result<(), Error> {
    check_structure(doc, anns)?;
    match anns.iter().find_map(value_problem) {
        Some(p) => Err(Error::format(p)),
        None => Ok(()),
    }
}

/// What is wrong with an annotation's values, in one line naming it by id and quote
/// (`annotation D4 ("last Sunday"): date value 2021-13-45: month 13 does not exist`);
/// `None` when its values are well formed. Only DATEs have values with a grammar (the
/// labels, statuses, kinds, mentions, stances and TIMEX3 types are enums, which no reader
/// builds from anything outside their lists).
pub fn value_problem(a: &Annotation) -> Option<String> {
    let d = a.date()?;
    let name = || describe(&a.id, &a.quote);
    if let Err(why) = check_value(d.timex_type, &d.value) {
        let kind = d.timex_type.as_str().to_ascii_lowercase();
        return Some(format!("{}: {kind} value {}: {why}", name(), d.value.escape_debug()));
    }
    if let Some(m) = &d.modifier {
        if let Err(why) = check_mod(m) {
            return Some(format!("{}: mod: {why}", name()));
        }
    }
    None
}

/// Refuses annotations that do not fit the document: an empty or repeated id, a span past
/// the end, a quote that differs from the text, a claim source that is not an ACTOR of the
/// document, a cue or source words off the text, a date anchor that is not `dct` or a DATE
/// of the document. Does not look at TIMEX3 values: the development corpora bring values of
/// their own, which their reader counts instead of refusing ([`value_problem`]).
pub fn check_structure(doc: &Document, anns: &[Annotation]) -> Result<(), Error> {
    let mut labels: HashMap<&str, Label> = HashMap::with_capacity(anns.len());
    for a in anns {
        if a.id.trim().is_empty() {
            return Err(Error::format("an annotation has an empty id"));
        }
        if labels.insert(a.id.as_str(), a.label()).is_some() {
            return Err(Error::format(format!("two annotations have the id {}", a.id)));
        }
    }
    for a in anns {
        let ctx = || format!("annotation {} ({} {})", a.id, a.label(), a.span);
        check_quote(doc, a.span.start(), a.span.end(), &a.quote).map_err(|e| e.context(ctx()))?;
        match &a.attrs {
            Attrs::Claim(c) => {
                if let Some(src) = &c.source {
                    match labels.get(src.as_str()) {
                        Some(Label::Actor) => {}
                        Some(other) => {
                            return Err(Error::format(format!(
                                "{}: its source {src} is a {other}, not an ACTOR",
                                ctx()
                            )))
                        }
                        None => return Err(Error::format(format!("{}: its source {src} is not in the file", ctx()))),
                    }
                }
                if let Some(cue) = &c.cue {
                    check_quote(doc, cue.span.start(), cue.span.end(), &cue.text)
                        .map_err(|e| e.context(format!("{}, its cue", ctx())))?;
                }
                if let Some(w) = &c.source_words {
                    check_quote(doc, w.span.start(), w.span.end(), &w.text)
                        .map_err(|e| e.context(format!("{}, its source words", ctx())))?;
                }
            }
            Attrs::Date(d) => {
                if d.value.trim().is_empty() {
                    return Err(Error::format(format!("{}: a DATE needs a value", ctx())));
                }
                if let Some(anchor) = d.anchor.as_deref().filter(|x| *x != "dct") {
                    if labels.get(anchor) != Some(&Label::Date) {
                        return Err(Error::format(format!(
                            "{}: its anchor {anchor} is neither dct nor a DATE in the file",
                            ctx()
                        )));
                    }
                }
            }
            Attrs::Actor(act) => {
                if act.canonical.trim().is_empty() {
                    return Err(Error::format(format!("{}: an ACTOR needs a canonical name", ctx())));
                }
            }
        }
    }
    Ok(())
}

fn check_quote(doc: &Document, start: usize, end: usize, quote: &str) -> Result<(), Error> {
    let span = doc.span(start, end)?;
    let actual = doc.slice(span).unwrap_or_default();
    if actual != quote {
        return Err(Error::mismatch(format!(
            "the quote {quote:?} differs from the text at {span}, which reads {actual:?}"
        )));
    }
    Ok(())
}

/// Guideline warnings that do not make a file unreadable: spans that start or end with
/// white space, cut a word in two, or split a grapheme cluster (`e` without its combining
/// accent, half of a 👍🏽 or 🇫🇷). One line each, naming the annotation.
pub fn warnings(doc: &Document, anns: &[Annotation]) -> Vec<String> {
    let text = doc.text();
    let mut out = Vec::new();
    for a in anns {
        let Some((bs, be)) = doc.index().bytes_of_span(a.span) else { continue };
        let q = &text[bs..be];
        if q.starts_with(char::is_whitespace) || q.ends_with(char::is_whitespace) {
            out.push(format!("annotation {}: starts or ends with white space", a.id));
        }
        let cut_left = text[..bs].chars().next_back().is_some_and(char::is_alphanumeric)
            && q.chars().next().is_some_and(char::is_alphanumeric);
        let cut_right = text[be..].chars().next().is_some_and(char::is_alphanumeric)
            && q.chars().next_back().is_some_and(char::is_alphanumeric);
        if cut_left || cut_right {
            out.push(format!("annotation {}: cuts a word in two ({q:?})", a.id));
        }
        let claim = a.claim();
        let parts = [
            ("", Some(a.span)),
            (", its cue", claim.and_then(|c| c.cue.as_ref()).map(|c| c.span)),
            (", its source words", claim.and_then(|c| c.source_words.as_ref()).map(|c| c.span)),
        ];
        for (part, span) in parts {
            let Some((bs, be)) = span.and_then(|s| doc.index().bytes_of_span(s)) else { continue };
            for (end, at) in [("start", bs), ("end", be)] {
                if let Some(cluster) = split_cluster(text, at) {
                    out.push(format!(
                        "annotation {}{part}: its {end} splits the character {cluster:?} (a letter and its \
                         marks, an emoji sequence or a flag are one character to a reader)",
                        a.id
                    ));
                }
            }
        }
    }
    out
}

/// The grapheme cluster that byte offset `at` of `text` falls inside (not on its edge);
/// `None` when `at` is a cluster boundary.
fn split_cluster(text: &str, at: usize) -> Option<&str> {
    use unicode_segmentation::GraphemeCursor;
    if GraphemeCursor::new(at, text.len(), true).is_boundary(text, 0).unwrap_or(true) {
        return None;
    }
    let start = GraphemeCursor::new(at, text.len(), true).prev_boundary(text, 0).ok().flatten().unwrap_or(0);
    let end = GraphemeCursor::new(at, text.len(), true).next_boundary(text, 0).ok().flatten().unwrap_or(text.len());
    text.get(start..end)
}

/// A fresh id for a new annotation of `label`: `A`, `D` or `C` followed by one more than
/// the highest number in use with that prefix.
pub fn next_id(anns: &[Annotation], label: Label) -> String {
    let prefix = &label.as_str()[..1];
    let n =
        anns.iter().filter_map(|a| a.id.strip_prefix(prefix).and_then(|n| n.parse::<u64>().ok())).max().unwrap_or(0);
    format!("{prefix}{}", n + 1)
}

/// Sorts annotations by start, longer first, then label and id.
pub fn sort_annotations(anns: &mut [Annotation]) {
    crate::sort::sort_by(anns, |a, b| a.order_key().cmp(&b.order_key()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ClaimAttrs, Cue, Provenance, Span, Status};

    #[test]
    fn source_words_are_checked_like_the_cue() {
        let doc = Document::new("t", "Smith spoke. He said it was over.", None).unwrap();
        let ann = |id: &str, a: usize, b: usize, attrs: Attrs| Annotation {
            id: id.into(),
            span: Span::new(a, b).unwrap(),
            quote: doc.slice(Span::new(a, b).unwrap()).unwrap().into(),
            status: Status::Manual,
            note: None,
            unsure: false,
            provenance: Provenance::default(),
            attrs,
        };
        let claim = |words: Option<Cue>| {
            ann(
                "C1",
                21,
                32,
                Attrs::Claim(ClaimAttrs {
                    source: Some("A1".into()),
                    cue: Some(Cue { span: Span::new(16, 20).unwrap(), text: "said".into() }),
                    source_words: words,
                    ..ClaimAttrs::default()
                }),
            )
        };
        let actor = ann("A1", 0, 5, Attrs::Actor(ActorAttrs { canonical: "Smith".into(), ..ActorAttrs::default() }));
        let he = Cue { span: Span::new(13, 15).unwrap(), text: "He".into() };
        assert!(check_annotations(&doc, &[actor.clone(), claim(Some(he))]).is_ok());
        assert!(check_annotations(&doc, &[actor.clone(), claim(None)]).is_ok());
        let wrong = Cue { span: Span::new(13, 15).unwrap(), text: "She".into() };
        let err = check_annotations(&doc, &[actor.clone(), claim(Some(wrong))]).unwrap_err().to_string();
        assert!(err.contains("source words"), "{err}");
        let past = Cue { span: Span::new(30, 99).unwrap(), text: "x".into() };
        assert!(check_annotations(&doc, &[actor, claim(Some(past))]).is_err());
    }

    #[test]
    fn spans_that_split_a_grapheme_cluster_are_warned() {
        // e + combining acute, thumbs up + skin tone, the French flag, family (ZWJ sequence).
        let doc = Document::new("t", "Cafe\u{301} 👍🏽 🇫🇷 👨\u{200d}👩\u{200d}👧 ok", None).unwrap();
        let ann = |id: &str, a: usize, b: usize, attrs: Attrs| Annotation {
            id: id.into(),
            span: Span::new(a, b).unwrap(),
            quote: doc.slice(Span::new(a, b).unwrap()).unwrap().into(),
            status: Status::Manual,
            note: None,
            unsure: false,
            provenance: Provenance::default(),
            attrs,
        };
        let actor = Attrs::Actor(ActorAttrs { canonical: "x".into(), ..ActorAttrs::default() });
        let warned =
            |a: Annotation| warnings(&doc, &[a]).into_iter().filter(|w| w.contains("splits")).collect::<Vec<_>>();
        let w = warned(ann("A1", 0, 4, actor.clone()));
        assert!(w.len() == 1 && w[0].starts_with("annotation A1: its end splits the character \"e"), "{w:?}");
        assert!(warned(ann("A2", 0, 5, actor.clone())).is_empty(), "Cafe + accent is whole");
        assert_eq!(warned(ann("A3", 6, 7, actor.clone())).len(), 1, "the thumb without its skin tone");
        assert!(warned(ann("A4", 6, 8, actor.clone())).is_empty());
        assert_eq!(warned(ann("A5", 9, 10, actor.clone())).len(), 1, "half a flag");
        assert!(warned(ann("A6", 9, 11, actor.clone())).is_empty());
        let w = warned(ann("A7", 12, 14, actor.clone()));
        assert!(w.len() == 1 && w[0].contains("its end splits"), "man + ZWJ of the family: {w:?}");
        assert!(warned(ann("A8", 12, 17, actor.clone())).is_empty());
        assert!(warned(ann("A9", 18, 20, actor.clone())).is_empty(), "plain letters");
        // A claim's cue is a span of its own.
        let mut claim = ann("C1", 18, 20, Attrs::Claim(ClaimAttrs::default()));
        if let Attrs::Claim(c) = &mut claim.attrs {
            c.cue = Some(Cue { span: Span::new(9, 10).unwrap(), text: "\u{1f1eb}".into() });
        }
        let w = warned(claim);
        assert!(w.len() == 1 && w[0].starts_with("annotation C1, its cue: its end splits"), "{w:?}");
    }
}
