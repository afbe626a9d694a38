//! The reviewer's gestures that need more than one annotation to decide: actor identities
//! (merge, split), a claim's possible sources (relink), growing and shrinking a span by a
//! word, moving through annotations, unreviewed predictions and flagged ones (unsure, with a
//! note), review counts and flag counts.
//!
//! Owns: pure functions over a document's text and its annotations that return what to
//! select or the [`Edit`]s a gesture makes. It must not: apply edits, record history or
//! hold state (that is `state.rs`), or touch yew, web-sys or JS.

use crate::model::{ActorKind, Annotation, Attrs, Document, Edit, Label, Span, Status};

/// One actor identity of a document: a canonical name with its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub canonical: String,
    /// The kind of its first mention.
    pub kind: ActorKind,
    /// Ids of its live mentions, in text order.
    pub mentions: Vec<String>,
}

/// The identities of the live ACTORs in `anns`, sorted by canonical name (case-insensitive).
pub fn identities(anns: &[Annotation]) -> Vec<Identity> {
    let mut out: Vec<Identity> = Vec::new();
    for a in anns.iter().filter(|a| a.status.is_live()) {
        let Some(x) = a.actor() else { continue };
        match out.iter_mut().find(|i| i.canonical == x.canonical) {
            Some(i) => i.mentions.push(a.id.clone()),
            None => out.push(Identity { canonical: x.canonical.clone(), kind: x.kind, mentions: vec![a.id.clone()] }),
        }
    }
    crate::sort::sort_by(&mut out, |a, b| {
        a.canonical.to_lowercase().cmp(&b.canonical.to_lowercase()).then(a.canonical.cmp(&b.canonical))
    });
    out
}

/// The status of an annotation after a person changed it.
fn edited(status: Status) -> Status {
    match status {
        Status::Predicted | Status::Accepted => Status::Edited,
        s => s,
    }
}

/// `a` with canonical name `canonical` (and `kind`, when given), marked edited; `None` when
/// nothing would change or `a` is no ACTOR. Every rename of a mention (merge, registry,
/// search's apply to all) goes through it.
pub(crate) fn renamed(a: &Annotation, canonical: &str, kind: Option<ActorKind>) -> Option<Edit> {
    let x = a.actor()?;
    let kind = kind.unwrap_or(x.kind);
    if x.canonical == canonical && x.kind == kind {
        return None;
    }
    let mut after = a.clone();
    if let Attrs::Actor(y) = &mut after.attrs {
        y.canonical = canonical.to_string();
        y.kind = kind;
    }
    after.status = edited(after.status);
    Some(Edit::Replace { before: a.clone(), after })
}

/// Merges identity `from` into identity `into`: every live mention of `from` takes the
/// canonical name and kind of `into`. The edits of one step, or why it cannot be done.
pub fn merge(anns: &[Annotation], from: &str, into: &str) -> Result<Vec<Edit>, String> {
    if from == into {
        return Err(format!("\u{201c}{from}\u{201d} is already that identity"));
    }
    let ids = identities(anns);
    let target =
        ids.iter().find(|i| i.canonical == into).ok_or_else(|| format!("there is no actor \u{201c}{into}\u{201d}"))?;
    let source =
        ids.iter().find(|i| i.canonical == from).ok_or_else(|| format!("there is no actor \u{201c}{from}\u{201d}"))?;
    Ok(anns
        .iter()
        .filter(|a| source.mentions.contains(&a.id))
        .filter_map(|a| renamed(a, &target.canonical, Some(target.kind)))
        .collect())
}

/// A canonical name based on `base` that no identity in `anns` uses yet (`base`, else
/// `base (2)`, `base (3)`...).
pub fn fresh_canonical(anns: &[Annotation], base: &str) -> String {
    let base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    let taken = |c: &str| anns.iter().any(|a| a.actor().is_some_and(|x| x.canonical == c));
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base} ({n})")).find(|c| !taken(c)).unwrap_or(base)
}

/// Splits the mentions `ids` off their identities: they take the canonical name `canonical`,
/// or, when it is empty, a new one made from the first mention's words.
pub fn split(anns: &[Annotation], ids: &[String], canonical: &str) -> Result<Vec<Edit>, String> {
    let chosen: Vec<&Annotation> = anns.iter().filter(|a| ids.contains(&a.id)).collect();
    if chosen.is_empty() || chosen.len() != ids.len() {
        return Err("choose the actor mentions to split off first".into());
    }
    if let Some(a) = chosen.iter().find(|a| a.label() != Label::Actor) {
        return Err(format!("{} is not an ACTOR", a.id));
    }
    let name = match canonical.trim() {
        "" => fresh_canonical(anns, &chosen[0].quote),
        c => c.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    let edits: Vec<Edit> = chosen.iter().filter_map(|a| renamed(a, &name, None)).collect();
    if edits.is_empty() {
        return Err(format!("these mentions are already \u{201c}{name}\u{201d}"));
    }
    Ok(edits)
}

fn sentence_bounds(text: &str, byte: usize) -> (usize, usize) {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let head = &text[..byte];
    let mut start = 0;
    for (i, c) in head.char_indices().rev() {
        if c == '\n' {
            start = i + 1;
            break;
        }
        if ends(c) && head[i + c.len_utf8()..].starts_with(char::is_whitespace) {
            start = i + c.len_utf8();
            break;
        }
    }
    let tail = &text[byte..];
    let mut end = text.len();
    for (i, c) in tail.char_indices() {
        if c == '\n' {
            end = byte + i;
            break;
        }
        if ends(c) && tail[i + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace) {
            end = byte + i + c.len_utf8();
            break;
        }
    }
    (start, end)
}

/// The ACTORs that can be claim `claim_id`'s source, best first: the live actors of the
/// sentence of its cue (or of its start), nearest the cue first, then the actors before
/// that sentence, nearest first. Empty when `claim_id` is no claim.
pub fn source_candidates(doc: &Document, anns: &[Annotation], claim_id: &str) -> Vec<String> {
    let Some(claim) = anns.iter().find(|a| a.id == claim_id) else { return Vec::new() };
    let Some(c) = claim.claim() else { return Vec::new() };
    let at = c.cue.as_ref().map_or(claim.span.start(), |cue| cue.span.start());
    let Some(byte) = doc.index().cp_to_byte(at) else { return Vec::new() };
    let (bs, be) = sentence_bounds(doc.text(), byte);
    let (s, e) = (doc.index().byte_to_cp(bs).unwrap_or(0), doc.index().byte_to_cp(be).unwrap_or(doc.len()));
    let mut found: Vec<(bool, usize, &str)> = anns
        .iter()
        .filter(|a| a.label() == Label::Actor && a.status.is_live() && a.span.start() < e)
        .map(|a| {
            let inside = a.span.start() >= s;
            let dist = if a.span.end() <= at { at - a.span.end() } else { a.span.start().saturating_sub(at) };
            (!inside, dist, a.id.as_str())
        })
        .collect();
    crate::sort::sort(&mut found);
    found.into_iter().map(|(_, _, id)| id.to_string()).collect()
}

/// The candidate after (or before) the claim's current source, wrapping; the first one when
/// it has none. `None` when there is no candidate.
pub fn cycle_source(doc: &Document, anns: &[Annotation], claim_id: &str, forward: bool) -> Option<String> {
    let cands = source_candidates(doc, anns, claim_id);
    let current = anns.iter().find(|a| a.id == claim_id)?.claim()?.source.clone();
    let n = cands.len();
    if n == 0 {
        return None;
    }
    let pos = current.and_then(|s| cands.iter().position(|c| *c == s));
    let i = match (pos, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(p), true) => (p + 1) % n,
        (Some(p), false) => (p + n - 1) % n,
    };
    cands.get(i).cloned()
}

/// Which end of a span a resize moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_') || matches!(c as u32, 0x0300..=0x036F)
}

/// How many characters of `it` in a row are word characters (`word`) or not, stopping at a
/// line break; they are consumed.
fn count<I: Iterator<Item = char>>(it: &mut std::iter::Peekable<I>, word: bool) -> usize {
    let mut n = 0;
    while it.next_if(|&c| is_word_char(c) == word && c != '\n').is_some() {
        n += 1;
    }
    n
}

/// `span` with its `edge` moved by one word: outward when `grow` (over the spaces and
/// punctuation to the next word, never across a line break), inward otherwise (dropping the
/// edge word and what separates it from the one before; a span of one word cannot shrink).
pub fn resize(doc: &Document, span: Span, edge: Edge, grow: bool) -> Option<Span> {
    let text = doc.text();
    let (bs, be) = doc.index().bytes_of_span(span)?;
    let (start, end) = (span.start(), span.end());
    let new = match (edge, grow) {
        (Edge::End, true) => {
            let mut it = text[be..].chars().peekable();
            let gap = count(&mut it, false);
            let word = count(&mut it, true);
            (word > 0).then(|| (start, end + gap + word))?
        }
        (Edge::Start, true) => {
            let mut it = text[..bs].chars().rev().peekable();
            let gap = count(&mut it, false);
            let word = count(&mut it, true);
            (word > 0).then(|| (start - gap - word, end))?
        }
        (Edge::End, false) => {
            let mut it = text[bs..be].chars().rev().peekable();
            let cut = count(&mut it, false) + count(&mut it, true);
            let cut = cut + count(&mut it, false);
            (cut < span.len()).then(|| (start, end - cut))?
        }
        (Edge::Start, false) => {
            let mut it = text[bs..be].chars().peekable();
            let cut = count(&mut it, false) + count(&mut it, true);
            let cut = cut + count(&mut it, false);
            (cut < span.len()).then(|| (start + cut, end))?
        }
    };
    Span::new(new.0, new.1).ok().filter(|s| !s.is_empty() && *s != span)
}

/// The word after code point `at` (`forward`) or before it: the next run of word characters,
/// over spaces, punctuation and line breaks. `None` at the ends of the text.
pub fn next_word(doc: &Document, at: usize, forward: bool) -> Option<Span> {
    let text = doc.text();
    let b = doc.index().cp_to_byte(at.min(doc.len()))?;
    let skip = |c: &char| !is_word_char(*c);
    if forward {
        let gap = text[b..].chars().take_while(skip).count();
        let word = text[b..].chars().skip(gap).take_while(|c| is_word_char(*c)).count();
        (word > 0).then(|| Span::new(at + gap, at + gap + word).ok())?
    } else {
        let gap = text[..b].chars().rev().take_while(skip).count();
        let word = text[..b].chars().rev().skip(gap).take_while(|c| is_word_char(*c)).count();
        (word > 0).then(|| Span::new(at - gap - word, at - gap).ok())?
    }
}

/// The annotation after (`forward`) or before the one with id `from` in text order; the
/// first (or last) when `from` is none. Stops at the ends.
pub fn step(anns: &[Annotation], from: Option<&str>, forward: bool) -> Option<String> {
    let pos = from.and_then(|f| anns.iter().position(|a| a.id == f));
    let i = match (pos, forward) {
        (None, true) => 0,
        (None, false) => anns.len().checked_sub(1)?,
        (Some(p), true) => (p + 1).min(anns.len().checked_sub(1)?),
        (Some(p), false) => p.saturating_sub(1),
    };
    anns.get(i).map(|a| a.id.clone())
}

/// The next prediction still waiting for review after (`forward`) or before `from`, wrapping
/// around the document; `None` when none is left.
pub fn next_unreviewed(anns: &[Annotation], from: Option<&str>, forward: bool) -> Option<String> {
    next_where(anns, from, forward, |a| a.status == Status::Predicted)
}

/// The next annotation flagged for a second look (unsure, or with a note) after (`forward`)
/// or before `from`, wrapping around the document; `None` when none is flagged.
pub fn next_flagged(anns: &[Annotation], from: Option<&str>, forward: bool) -> Option<String> {
    next_where(anns, from, forward, is_flagged)
}

/// True when the annotation is flagged unsure or carries a note.
pub fn is_flagged(a: &Annotation) -> bool {
    a.unsure || a.note.is_some()
}

/// How many annotations are flagged unsure and how many carry a note.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub unsure: usize,
    pub notes: usize,
}

impl Flags {
    /// The counts in words ("3 unsure, 2 notes"), `None` when nothing is flagged.
    pub fn words(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.unsure > 0 {
            parts.push(format!("{} unsure", self.unsure));
        }
        match self.notes {
            0 => {}
            1 => parts.push("1 note".into()),
            n => parts.push(format!("{n} notes")),
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// A flagged annotation's flags in words: "unsure · the note", "the note" or "unsure".
pub fn flag_words(a: &Annotation) -> String {
    match (&a.note, a.unsure) {
        (Some(n), true) => format!("unsure · {n}"),
        (Some(n), false) => n.clone(),
        (None, _) => "unsure".to_string(),
    }
}

/// The flags of a document's annotations (rejected ones included: a note may say why).
pub fn flags(anns: &[Annotation]) -> Flags {
    Flags { unsure: anns.iter().filter(|a| a.unsure).count(), notes: anns.iter().filter(|a| a.note.is_some()).count() }
}

fn next_where(
    anns: &[Annotation],
    from: Option<&str>,
    forward: bool,
    pick: impl Fn(&Annotation) -> bool,
) -> Option<String> {
    let n = anns.len();
    let pos = from.and_then(|f| anns.iter().position(|a| a.id == f));
    (1..=n)
        .map(|k| match (pos, forward) {
            (None, true) => k - 1,
            (None, false) => n - k,
            (Some(p), true) => (p + k) % n,
            (Some(p), false) => (p + n - k % n) % n,
        })
        .filter_map(|i| anns.get(i))
        .find(|a| pick(a))
        .map(|a| a.id.clone())
}

/// How many predictions are still waiting for review.
pub fn unreviewed(anns: &[Annotation]) -> usize {
    anns.iter().filter(|a| a.status == Status::Predicted).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ClaimAttrs, Cue, Mention, Provenance};

    const TEXT: &str =
        "Assimi Goïta spoke. Mali’s junta, led by Goita, said on Friday that Paris lied.\nFrance denied it.";

    fn doc() -> Document {
        Document::new("t", TEXT, None).unwrap()
    }
    fn span(word: &str, nth: usize) -> Span {
        let b = TEXT.match_indices(word).nth(nth).unwrap().0;
        doc().span_of_bytes(b, b + word.len()).unwrap()
    }
    fn actor(id: &str, word: &str, canonical: &str) -> Annotation {
        Annotation {
            id: id.into(),
            span: span(word, 0),
            quote: word.into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("t"),
            attrs: Attrs::Actor(ActorAttrs {
                kind: ActorKind::Person,
                mention: Mention::Name,
                canonical: canonical.into(),
                role: None,
            }),
        }
    }
    fn anns() -> Vec<Annotation> {
        let mut v = vec![
            actor("A1", "Assimi Goïta", "Assimi Goïta"),
            actor("A2", "Mali’s junta", "junta of Mali"),
            actor("A3", "Goita", "Goita"),
            actor("A4", "Paris", "France"),
            actor("A5", "France", "France"),
            Annotation {
                id: "C1".into(),
                span: span("that Paris lied", 0),
                quote: "that Paris lied".into(),
                status: Status::Predicted,
                note: None,
                unsure: false,
                provenance: Provenance::extractor("t"),
                attrs: Attrs::Claim(ClaimAttrs {
                    source: Some("A2".into()),
                    cue: Some(Cue { span: span("said", 0), text: "said".into() }),
                    stance: None,
                    target: None,
                    source_words: None,
                }),
            },
        ];
        if let Attrs::Actor(x) = &mut v[1].attrs {
            x.kind = ActorKind::Group;
        }
        crate::model::sort_annotations(&mut v);
        v
    }
    fn applied(mut anns: Vec<Annotation>, edits: Vec<Edit>) -> Vec<Annotation> {
        Edit::Batch(edits).apply(&mut anns).unwrap();
        anns
    }

    #[test]
    fn identities_group_mentions_by_canonical() {
        let ids = identities(&anns());
        let names: Vec<_> = ids.iter().map(|i| (i.canonical.as_str(), i.mentions.len())).collect();
        assert_eq!(names, [("Assimi Goïta", 1), ("France", 2), ("Goita", 1), ("junta of Mali", 1)]);
    }

    #[test]
    fn merge_renames_every_mention_and_takes_the_kind() {
        let a = anns();
        let out = applied(a.clone(), merge(&a, "Goita", "Assimi Goïta").unwrap());
        let g = out.iter().find(|x| x.id == "A3").unwrap();
        assert_eq!(g.actor().unwrap().canonical, "Assimi Goïta");
        assert_eq!(g.status, Status::Edited);
        assert_eq!(identities(&out).len(), 3);
        // Kind follows the target.
        let out = applied(a.clone(), merge(&a, "France", "junta of Mali").unwrap());
        assert!(out
            .iter()
            .filter(|x| ["A4", "A5"].contains(&x.id.as_str()))
            .all(|x| x.actor().unwrap().kind == ActorKind::Group));
        assert!(merge(&a, "France", "France").is_err());
        assert!(merge(&a, "Nobody", "France").is_err());
        assert!(merge(&a, "France", "Nobody").is_err());
    }

    #[test]
    fn split_gives_a_fresh_name_or_the_one_asked() {
        let a = anns();
        let out = applied(a.clone(), split(&a, &["A4".into()], "").unwrap());
        assert_eq!(out.iter().find(|x| x.id == "A4").unwrap().actor().unwrap().canonical, "Paris");
        assert_eq!(out.iter().find(|x| x.id == "A5").unwrap().actor().unwrap().canonical, "France");
        // The quote's name is taken: numbered.
        let out = applied(a.clone(), split(&a, &["A5".into()], "").unwrap());
        assert_eq!(out.iter().find(|x| x.id == "A5").unwrap().actor().unwrap().canonical, "France (2)");
        let out = applied(a.clone(), split(&a, &["A4".into(), "A5".into()], "  French  state ").unwrap());
        assert_eq!(identities(&out).iter().find(|i| i.canonical == "French state").unwrap().mentions.len(), 2);
        assert!(split(&a, &["C1".into()], "").is_err());
        assert!(split(&a, &["A9".into()], "").is_err());
        assert!(split(&a, &[], "").is_err());
    }

    #[test]
    fn source_candidates_are_the_sentence_first_nearest_first() {
        let (d, a) = (doc(), anns());
        // The cue "said": Goita (A3), then Mali's junta (A2), then Paris (A4) after the cue in
        // the same sentence; then the earlier sentence's Assimi Goïta. France is a later line.
        assert_eq!(source_candidates(&d, &a, "C1"), ["A3", "A2", "A4", "A1"]);
        assert_eq!(cycle_source(&d, &a, "C1", true).as_deref(), Some("A4"));
        assert_eq!(cycle_source(&d, &a, "C1", false).as_deref(), Some("A3"));
        assert!(source_candidates(&d, &a, "A1").is_empty());
        assert!(source_candidates(&d, &a, "nope").is_empty());
    }

    #[test]
    fn resize_moves_an_edge_by_a_word() {
        let d = doc();
        let s = span("junta", 0);
        let q = |s: Span| d.slice(s).unwrap().to_string();
        assert_eq!(q(resize(&d, s, Edge::Start, true).unwrap()), "Mali’s junta");
        assert_eq!(q(resize(&d, s, Edge::End, true).unwrap()), "junta, led");
        let big = span("Mali’s junta, led by", 0);
        assert_eq!(q(resize(&d, big, Edge::End, false).unwrap()), "Mali’s junta, led");
        assert_eq!(q(resize(&d, big, Edge::Start, false).unwrap()), "junta, led by");
        // One word does not shrink to nothing; no growing across a line break or the ends.
        assert_eq!(resize(&d, s, Edge::End, false), None);
        assert_eq!(resize(&d, span("lied", 0), Edge::End, true), None);
        assert_eq!(resize(&d, span("Assimi", 0), Edge::Start, true), None);
        assert_eq!(resize(&d, span("it", 1), Edge::End, true), None);
    }

    #[test]
    fn next_word_steps_over_punctuation_and_lines() {
        let d = doc();
        let q = |s: Option<Span>| s.map(|s| d.slice(s).unwrap().to_string());
        assert_eq!(q(next_word(&d, 0, true)).as_deref(), Some("Assimi"));
        let spoke = span("spoke", 0);
        assert_eq!(q(next_word(&d, spoke.end(), true)).as_deref(), Some("Mali’s"));
        assert_eq!(q(next_word(&d, spoke.start(), false)).as_deref(), Some("Goïta"));
        assert_eq!(q(next_word(&d, span("lied", 0).end(), true)).as_deref(), Some("France"));
        assert_eq!(next_word(&d, d.len(), true), None);
        assert_eq!(next_word(&d, 0, false), None);
    }

    #[test]
    fn stepping_and_the_next_unreviewed_prediction() {
        let mut a = anns();
        assert_eq!(step(&a, None, true).as_deref(), Some("A1"));
        assert_eq!(step(&a, Some("A1"), false).as_deref(), Some("A1"));
        let last = a.last().unwrap().id.clone();
        assert_eq!(step(&a, Some(&last), true), Some(last.clone()));
        assert_eq!(step(&[], None, true), None);
        for x in a.iter_mut().filter(|x| x.id != "A3" && x.id != "A5") {
            x.status = Status::Accepted;
        }
        assert_eq!(unreviewed(&a), 2);
        assert_eq!(next_unreviewed(&a, Some("A3"), true).as_deref(), Some("A5"));
        assert_eq!(next_unreviewed(&a, Some("A5"), true).as_deref(), Some("A3"));
        assert_eq!(next_unreviewed(&a, Some("A3"), false).as_deref(), Some("A5"));
        assert_eq!(next_unreviewed(&a, None, true).as_deref(), Some("A3"));
        for x in a.iter_mut() {
            x.status = Status::Accepted;
        }
        assert_eq!(next_unreviewed(&a, None, true), None);
    }
}
