//! The corpus: the documents open in the page besides the one on screen, and fixing one
//! correction everywhere in it.
//!
//! Owns: a corpus entry (title, origin, review counts, the work on it while another document
//! is on screen, the other versions of it that files brought), the corpus list's saved form,
//! and planning "fix everywhere": from one reviewed annotation, the same change
//! for every identical mention (same words, on word boundaries) in every loaded document,
//! each with its context, as edits to apply in one step. It must not: apply edits or keep
//! history (that is `state.rs`), read storage or extract (the app loads documents first).

use super::origin::{Origin, MANUAL_BY};
use crate::formats::gold::{GoldFile, Meta};
use crate::model::{next_id, Annotation, Attrs, Document, Edit, Label, Provenance, Span, Status};
use std::rc::Rc;

/// A document's work while another one is on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Parked {
    pub doc: Rc<Document>,
    pub anns: Rc<Vec<Annotation>>,
    pub meta: Meta,
    pub selected: Option<String>,
    pub marked: bool,
    pub touched: bool,
}

/// Another version of a document: the annotations a file brought for the same text when the
/// corpus already had other work on it. Never merged into the work nor replaced silently.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// Its number in the list of the document's versions (the work itself is version 1).
    pub n: usize,
    /// The annotator the file names, when it names one.
    pub annotator: Option<String>,
    /// The file's time (`modified`, else `created`), when it tells one.
    pub time: Option<String>,
    /// The file it came from.
    pub origin: String,
    /// The file as read (its text is the document's).
    pub file: Rc<GoldFile>,
}

impl Version {
    /// Predictions left to review and annotations in all.
    pub fn counts(&self) -> (usize, usize) {
        (super::review::unreviewed(&self.file.annotations), self.file.annotations.len())
    }
}

/// The wire shape of a version: its facts and the gold JSON of its file.
#[derive(serde::Serialize, serde::Deserialize)]
struct WireVersion {
    n: usize,
    annotator: Option<String>,
    time: Option<String>,
    origin: String,
    gold: String,
}

/// The versions of one document as saved between visits (a JSON array).
pub fn versions_to_json(versions: &[Version]) -> String {
    let rows: Vec<WireVersion> = versions
        .iter()
        .map(|v| WireVersion {
            n: v.n,
            annotator: v.annotator.clone(),
            time: v.time.clone(),
            origin: v.origin.clone(),
            gold: v.file.to_json(),
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

/// The versions read back from [`versions_to_json`], or why they cannot be (every file is
/// checked as any gold file is).
pub fn versions_from_json(json: &str) -> Result<Vec<Version>, String> {
    let rows: Vec<WireVersion> =
        serde_json::from_str(json).map_err(|e| format!("the saved versions are unreadable: {e}"))?;
    rows.into_iter()
        .map(|w| {
            let file = GoldFile::from_json(&w.gold).map_err(|e| format!("saved version {} is unreadable: {e}", w.n))?;
            Ok(Version { n: w.n, annotator: w.annotator, time: w.time, origin: w.origin, file: Rc::new(file) })
        })
        .collect()
}

/// One document of the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The document id.
    pub id: String,
    /// Its first line, for the list.
    pub title: String,
    pub origin: Origin,
    /// The work on it when it is loaded but not on screen.
    pub parked: Option<Parked>,
    /// Predictions left to review and annotations in all, when it was last loaded.
    pub counts: Option<(usize, usize)>,
    pub marked: bool,
    /// Bumped whenever its parked annotations change (autosave saves it again).
    pub rev: u64,
    /// The SHA-256 of its text, when known (a file of the same text is a version of it).
    pub sha: Option<String>,
    /// Other versions of it, oldest first.
    pub versions: Rc<Vec<Version>>,
    /// Why its saved work could not be read, when it could not: that work is kept apart
    /// (offered as a download) until the user decides.
    pub unreadable: Option<String>,
}

impl Entry {
    /// An entry listed but not loaded.
    pub fn stub(id: String, title: String, origin: Origin) -> Entry {
        Entry {
            id,
            title,
            origin,
            parked: None,
            counts: None,
            marked: false,
            rev: 0,
            sha: None,
            versions: Rc::new(Vec::new()),
            unreadable: None,
        }
    }

    /// The number the next version of this document gets.
    pub fn next_version(&self) -> usize {
        self.versions.iter().map(|v| v.n).max().unwrap_or(1) + 1
    }
}

/// A document of the corpus list as saved between visits: enough to list it, with its state,
/// without loading it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Listed {
    pub id: String,
    pub title: String,
    #[serde(with = "origin_serde")]
    pub origin: Origin,
    #[serde(default)]
    pub sha: Option<String>,
    /// Predictions left to review and annotations in all, when it was last loaded.
    #[serde(default)]
    pub counts: Option<(usize, usize)>,
    #[serde(default)]
    pub marked: bool,
}

impl Listed {
    /// A listed document with nothing known but its name.
    pub fn new(id: impl Into<String>, title: impl Into<String>, origin: Origin) -> Listed {
        Listed { id: id.into(), title: title.into(), origin, sha: None, counts: None, marked: false }
    }
}

mod origin_serde {
    use super::{origin_from_tag, origin_tag, Origin};
    pub fn serialize<S: serde::Serializer>(o: &Origin, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&origin_tag(o))
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Origin, D::Error> {
        let t: String = serde::Deserialize::deserialize(d)?;
        Ok(origin_from_tag(&t))
    }
}

/// The state of a document in the list, in words.
pub fn state_name(counts: Option<(usize, usize)>, marked: bool) -> (&'static str, String) {
    match counts {
        None => ("new", "not opened yet".into()),
        Some(_) if marked => ("gold", "gold".into()),
        Some((0, _)) => ("ready", "reviewed".into()),
        Some((left, total)) => ("review", format!("{left} of {total} unreviewed")),
    }
}

/// A document's title: its first non-empty line, shortened.
pub fn title_of(text: &str, id: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(id);
    let mut t: String = line.chars().take(90).collect();
    if line.chars().count() > 90 {
        t.push('…');
    }
    t
}

/// A loaded document of the corpus: id, title, text, annotations.
pub type Loaded = (String, String, Rc<Document>, Rc<Vec<Annotation>>);

/// One change that fixing everywhere would make.
#[derive(Clone, Debug, PartialEq)]
pub struct FixChange {
    /// The document's id and title.
    pub doc: String,
    pub title: String,
    /// The words before the mention, the mention, the words after it.
    pub before: String,
    pub quote: String,
    pub after: String,
    /// What changes, in words.
    pub what: String,
    pub edit: Edit,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte ranges of `needle` in `text` on word boundaries.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let (first, last) = (needle.chars().next(), needle.chars().next_back());
    for (b, _) in text.match_indices(needle) {
        let e = b + needle.len();
        let before = text[..b].chars().next_back();
        let after = text[e..].chars().next();
        let open = !(first.is_some_and(is_word) && before.is_some_and(is_word));
        let close = !(last.is_some_and(is_word) && after.is_some_and(is_word));
        if open && close {
            out.push((b, e));
        }
    }
    out
}

fn context(doc: &Document, span: Span) -> (String, String) {
    let text = doc.text();
    let Some((b, e)) = doc.index().bytes_of_span(span) else { return (String::new(), String::new()) };
    let before: String = text[..b].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[e..].chars().take(40).collect();
    (before.replace('\n', " "), after.replace('\n', " "))
}

/// Edits that clear the references to `target` in `anns` (claims' sources, dates' anchors).
fn drop_refs(anns: &[Annotation], target: &str) -> Vec<Edit> {
    anns.iter()
        .filter(|a| a.references().contains(&target))
        .map(|a| {
            let mut after = a.clone();
            match &mut after.attrs {
                Attrs::Claim(c) => c.source = None,
                Attrs::Date(d) => d.anchor = None,
                Attrs::Actor(_) => {}
            }
            if matches!(after.status, Status::Predicted | Status::Accepted) {
                after.status = Status::Edited;
            }
            Edit::Replace { before: a.clone(), after }
        })
        .collect()
}

/// Attributes of `model` for a mention elsewhere: a date's anchor is not carried over.
fn carried(model: &Annotation) -> Attrs {
    let mut attrs = model.attrs.clone();
    if let Attrs::Date(d) = &mut attrs {
        if d.anchor.as_deref() != Some("dct") {
            d.anchor = None;
        }
    }
    attrs
}

/// The change "fix everywhere" makes from the reviewed annotation `model` (in document
/// `model_doc`) to every identical mention of `docs` (id, title, document, annotations):
/// a rejected model rejects (or deletes, when manual) the live mentions of its label; a live
/// one gives its canonical name, kind or date value to mentions of its label, relabels
/// mentions of another label, and adds an ACTOR or DATE where the words have none. CLAIMs
/// are only rejected or deleted: a claim's source and cue belong to its sentence.
pub fn plan_fix(model_doc: &str, model: &Annotation, docs: &[Loaded], by: &str) -> Vec<FixChange> {
    let label = model.label();
    let mut out = Vec::new();
    for (id, title, doc, anns) in docs {
        let mut added: Vec<Annotation> = Vec::new();
        for (b, e) in occurrences(doc.text(), &model.quote) {
            let Some(span) = doc.span_of_bytes(b, e) else { continue };
            if *id == model_doc && span == model.span {
                continue;
            }
            let same: Vec<&Annotation> = anns.iter().filter(|a| a.span == span && a.status.is_live()).collect();
            let mine = same.iter().find(|a| a.label() == label);
            let mut push = |what: String, edit: Edit| {
                let (before, after) = context(doc, span);
                out.push(FixChange {
                    doc: id.clone(),
                    title: title.clone(),
                    before,
                    quote: model.quote.clone(),
                    after,
                    what,
                    edit,
                });
            };
            if !model.status.is_live() {
                let Some(a) = mine else { continue };
                if a.status == Status::Manual {
                    let mut edits = drop_refs(anns, &a.id);
                    edits.push(Edit::Remove((*a).clone()));
                    push(format!("delete {} {}", label.as_str(), a.id), Edit::Batch(edits));
                } else {
                    let mut after = (*a).clone();
                    after.status = Status::Rejected;
                    push(format!("reject {} {}", label.as_str(), a.id), Edit::Replace { before: (*a).clone(), after });
                }
                continue;
            }
            if label == Label::Claim {
                continue;
            }
            if let Some(a) = mine {
                let attrs = carried(model);
                let differs = match (&a.attrs, &attrs) {
                    (Attrs::Actor(x), Attrs::Actor(y)) => x.canonical != y.canonical || x.kind != y.kind,
                    (Attrs::Date(x), Attrs::Date(y)) => x.value != y.value || x.timex_type != y.timex_type,
                    _ => false,
                };
                if !differs {
                    continue;
                }
                let what = match (&a.attrs, &attrs) {
                    (Attrs::Actor(x), Attrs::Actor(y)) => {
                        format!(
                            "{}: \u{201c}{}\u{201d} ({}) → \u{201c}{}\u{201d} ({})",
                            a.id,
                            x.canonical,
                            x.kind.as_str(),
                            y.canonical,
                            y.kind.as_str()
                        )
                    }
                    (Attrs::Date(x), Attrs::Date(y)) => format!("{}: {} → {}", a.id, x.value, y.value),
                    _ => String::new(),
                };
                let mut after = (*a).clone();
                match (&mut after.attrs, attrs) {
                    (Attrs::Actor(x), Attrs::Actor(y)) => {
                        x.canonical = y.canonical;
                        x.kind = y.kind;
                    }
                    (Attrs::Date(x), Attrs::Date(y)) => {
                        x.value = y.value;
                        x.timex_type = y.timex_type;
                    }
                    _ => {}
                }
                if matches!(after.status, Status::Predicted | Status::Accepted) {
                    after.status = Status::Edited;
                }
                push(what, Edit::Replace { before: (*a).clone(), after });
                continue;
            }
            let clash = anns
                .iter()
                .chain(added.iter())
                .any(|a| a.label() == label && a.status.is_live() && a.span.overlaps(&span));
            if clash {
                continue;
            }
            if let Some(other) = same.iter().find(|a| a.label() != Label::Claim) {
                let mut after = (*other).clone();
                after.attrs = carried(model);
                if matches!(after.status, Status::Predicted | Status::Accepted) {
                    after.status = Status::Edited;
                }
                let mut edits = drop_refs(anns, &other.id);
                edits.push(Edit::Replace { before: (*other).clone(), after });
                push(
                    format!("relabel {} {} → {}", other.id, other.label().as_str(), label.as_str()),
                    Edit::Batch(edits),
                );
                continue;
            }
            let all: Vec<Annotation> = anns.iter().cloned().chain(added.iter().cloned()).collect();
            let new = Annotation {
                id: next_id(&all, label),
                span,
                quote: model.quote.clone(),
                status: Status::Manual,
                provenance: Provenance::by(by),
                note: None,
                unsure: false,
                attrs: carried(model),
            };
            added.push(new.clone());
            push(format!("add {} {}", label.as_str(), new.id), Edit::Add(new));
        }
    }
    out
}

/// The `provenance.by` for annotations added by fixing everywhere, when no annotator is named.
pub fn default_by(annotator: Option<&str>) -> String {
    annotator.unwrap_or(MANUAL_BY).to_string()
}

/// The corpus list as saved between visits: a JSON array of [`Listed`], each document's
/// state as the list shows it (`states` gives it for the one on screen, whose entry does not
/// hold its counts while it is there).
pub fn list_to_json(entries: &[Entry], on_screen: Option<(&str, (usize, usize), bool)>) -> String {
    let rows: Vec<Listed> = entries
        .iter()
        .map(|e| {
            let (counts, marked) = match on_screen {
                Some((id, c, m)) if id == e.id => (Some(c), m),
                _ => (e.counts, e.marked),
            };
            Listed {
                id: e.id.clone(),
                title: e.title.clone(),
                origin: e.origin.clone(),
                sha: e.sha.clone(),
                counts,
                marked,
            }
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

/// The saved corpus list read back, or why it cannot be. Lists an earlier version saved
/// (arrays of `[id, title, origin]`) read too.
pub fn list_from_json(json: &str) -> Result<Vec<Listed>, String> {
    if let Ok(rows) = serde_json::from_str::<Vec<Listed>>(json) {
        return Ok(rows);
    }
    serde_json::from_str::<Vec<[String; 3]>>(json)
        .map(|rows| {
            rows.into_iter().map(|[id, title, origin]| Listed::new(id, title, origin_from_tag(&origin))).collect()
        })
        .map_err(|e| format!("the saved corpus list is unreadable: {e}"))
}

fn origin_tag(o: &Origin) -> String {
    match o {
        Origin::Seed(id) => format!("seed:{id}"),
        Origin::Pasted => "pasted".into(),
        Origin::TextFile(n) => format!("text:{n}"),
        Origin::GoldFile(n) => format!("gold:{n}"),
        Origin::Restored => "restored".into(),
    }
}

fn origin_from_tag(t: &str) -> Origin {
    match t.split_once(':') {
        Some(("seed", id)) => Origin::Seed(id.into()),
        Some(("text", n)) => Origin::TextFile(n.into()),
        Some(("gold", n)) => Origin::GoldFile(n.into()),
        _ if t == "pasted" => Origin::Pasted,
        _ => Origin::Restored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_round_trips_and_states_read_well() {
        let e = |id: &str, origin: Origin| {
            let mut e = Entry::stub(id.into(), format!("T {id}"), origin);
            e.counts = Some((id.len(), 9));
            e.marked = id == "c";
            e.sha = Some(format!("sha-{id}"));
            e
        };
        let list = vec![
            e("a", Origin::Seed("a".into())),
            e("b", Origin::TextFile("b.txt".into())),
            e("c", Origin::GoldFile("c:1.json".into())),
            e("d", Origin::Pasted),
            e("e", Origin::Restored),
        ];
        let back = list_from_json(&list_to_json(&list, Some(("d", (0, 4), true)))).unwrap();
        assert_eq!(back.len(), 5);
        assert!(back.iter().zip(&list).all(|(b, e)| b.id == e.id && b.title == e.title && b.origin == e.origin));
        assert!(back.iter().zip(&list).all(|(b, e)| b.sha == e.sha));
        assert_eq!(back[2].counts, Some((1, 9)), "the counts are kept");
        assert!(back[2].marked && !back[1].marked, "and gold");
        assert_eq!((back[3].counts, back[3].marked), (Some((0, 4)), true), "the on-screen document's own state");
        assert!(list_from_json("not json").unwrap_err().contains("unreadable"));
        // A list an earlier version saved.
        let old = list_from_json(r#"[["a","T a","seed:a"],["b","T b","text:b.txt"]]"#).unwrap();
        assert_eq!(old[1], Listed::new("b", "T b", Origin::TextFile("b.txt".into())));
        assert_eq!(state_name(None, false).0, "new");
        assert_eq!(state_name(Some((3, 9)), false).1, "3 of 9 unreviewed");
        assert_eq!(state_name(Some((0, 9)), false).0, "ready");
        assert_eq!(state_name(Some((0, 9)), true).0, "gold");
        assert_eq!(title_of("\n\n  Headline here \nbody", "x"), "Headline here");
        assert_eq!(occurrences("Paris, Parisian Paris", "Paris"), [(0, 5), (16, 21)]);
    }
}
