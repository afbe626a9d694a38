//! The editor's state and the one pure reducer that changes it.
//!
//! Owns: what is open (document, annotations, file metadata), what is selected, the message
//! shown to the user, and the meaning of every user gesture as a [`model::Edit`] with its
//! inverse (create, relabel, delete, accept, reject, attribute edits, DCT change, undo,
//! redo). It must not: touch yew, web-sys or JS, see UTF-16 offsets, read a clock or do any
//! I/O. Extraction results come in as data in the actions, so tests can feed any predictions.
//!
//! [`model::Edit`]: crate::model::Edit

use super::history::History;
use crate::extract::Pipeline;
use crate::formats::gold::{GoldFile, Meta};
use crate::model::text::snap_to_words;
use crate::model::{
    next_id, sort_annotations, ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, DateAttrs, Document, Edit, Label,
    Mention, Provenance, Span, Stance, Status, TimexType,
};
use std::rc::Rc;

/// The `provenance.by` of annotations a person makes in the page.
pub const MANUAL_BY: &str = "gloss-web";

/// Where the open document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// One of the shipped seeds, by its document id.
    Seed(String),
    /// Pasted into the page.
    Pasted,
    /// A text file, by name.
    TextFile(String),
    /// A gold JSON file, by name.
    GoldFile(String),
    /// Restored from the autosave of an earlier visit.
    Restored,
}

/// A message for the banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Something failed; the work is untouched.
    Error(String),
    /// Something happened that the user should know.
    Info(String),
}

/// One user gesture or event. Extraction happens before an action is made (see
/// [`predict`]), so the reducer stays pure.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A new document with its fresh predictions: a new history.
    Open {
        doc: Document,
        predictions: Vec<Annotation>,
        origin: Origin,
    },
    /// A gold file, restored exactly: a new history.
    OpenGold {
        file: GoldFile,
        origin: Origin,
    },
    /// A new DCT with the predictions extracted under it: predicted DATEs take the new
    /// values, reviewed ones stay as they are, new DATEs are added. A fresh extraction, so a
    /// new history.
    SetDct {
        dct: Option<jiff::civil::Date>,
        predictions: Vec<Annotation>,
    },
    /// The user selected text (code points, before snapping); `None` clears it.
    SelectText(Option<Span>),
    /// The user selected an annotation; `None` clears it.
    Select(Option<String>),
    /// Creates a `manual` annotation of `label` on the selected text. `date` is the value
    /// guessed for a DATE (see [`guess_date`]).
    Create {
        label: Label,
        date: Option<DateAttrs>,
    },
    /// Gives the annotation another label (new attributes; `date` as for `Create`).
    Relabel {
        id: String,
        label: Label,
        date: Option<DateAttrs>,
    },
    /// Deletes the annotation (references to it are dropped).
    Delete(String),
    /// Marks a prediction `accepted`.
    Accept(String),
    /// Marks a prediction `rejected`.
    Reject(String),
    /// Sets a DATE's TIMEX3 value.
    SetDateValue {
        id: String,
        value: String,
    },
    /// Sets a DATE's TIMEX3 type.
    SetDateType {
        id: String,
        timex_type: TimexType,
    },
    /// Sets an ACTOR's canonical name.
    SetCanonical {
        id: String,
        canonical: String,
    },
    /// Sets an ACTOR's kind.
    SetActorKind {
        id: String,
        kind: ActorKind,
    },
    /// Sets a CLAIM's source (an ACTOR id, or none).
    SetSource {
        id: String,
        source: Option<String>,
    },
    /// Sets a CLAIM's stance.
    SetStance {
        id: String,
        stance: Option<Stance>,
    },
    Undo,
    Redo,
    /// Sets the annotator's name, written into files and into manual annotations' provenance
    /// (empty: none).
    SetAnnotator(String),
    /// Records the time of the latest save (RFC 3339): `modified`, and `created` when unset.
    /// Not an edit: no revision, no history.
    Stamp(String),
    /// Shows an error from outside the reducer (a file that did not open...).
    Fail(String),
    /// Shows a notice.
    Notify(String),
    /// Hides the banner.
    Dismiss,
}

/// Everything the page shows. Cheap to clone: the big parts are shared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub doc: Option<Rc<Document>>,
    pub anns: Rc<Vec<Annotation>>,
    pub meta: Meta,
    pub history: Rc<History>,
    pub origin: Option<Origin>,
    /// The selected annotation's id.
    pub selected: Option<String>,
    /// Text selected (snapped to words) and waiting for a label.
    pub pending: Option<Span>,
    pub message: Option<Message>,
    /// Bumped whenever the document or its annotations change: autosave watches it.
    pub revision: u64,
    /// True once the open document was changed (an edit, the annotator's name) since it was
    /// opened: only then does a save record a new `modified` time, so that opening a file and
    /// downloading it again gives the same bytes.
    pub touched: bool,
}

impl State {
    /// Applies one action. Never panics; a gesture that cannot be done leaves the
    /// annotations as they were and sets an error message.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Open { doc, predictions, origin } => {
                let mut anns = predictions;
                sort_annotations(&mut anns);
                let annotator = self.meta.annotator.clone();
                self.reset(
                    doc,
                    anns,
                    Meta { guidelines: crate::GUIDELINES_VERSION.to_string(), annotator, ..Meta::default() },
                );
                self.origin = Some(origin);
            }
            Action::OpenGold { file, origin } => {
                let mut meta = file.meta;
                if meta.annotator.is_none() {
                    meta.annotator = self.meta.annotator.clone();
                }
                self.reset(file.doc, file.annotations, meta);
                self.origin = Some(origin);
            }
            Action::SetDct { dct, predictions } => self.set_dct(dct, predictions),
            Action::SelectText(span) => {
                self.pending = match (span, &self.doc) {
                    (Some(span), Some(doc)) => snap_to_words(doc.text(), doc.index(), span),
                    _ => None,
                };
                if self.pending.is_some() {
                    self.selected = None;
                }
            }
            Action::Select(id) => {
                self.selected = id.filter(|id| self.get(id).is_some());
                if self.selected.is_some() {
                    self.pending = None;
                }
            }
            Action::Create { label, date } => self.create(label, date),
            Action::Relabel { id, label, date } => self.relabel(&id, label, date),
            Action::Delete(id) => self.delete(&id),
            Action::Accept(id) => self.review(&id, true),
            Action::Reject(id) => self.review(&id, false),
            Action::SetDateValue { id, value } => {
                let value = value.trim().to_string();
                if value.is_empty() {
                    return self.fail("a DATE needs a value (TIMEX3, e.g. 2025-09-14 or PAST_REF)");
                }
                self.change_attrs(&id, |attrs| {
                    if let Attrs::Date(d) = attrs {
                        d.value = value.clone();
                    }
                })
            }
            Action::SetDateType { id, timex_type } => self.change_attrs(&id, |attrs| {
                if let Attrs::Date(d) = attrs {
                    d.timex_type = timex_type;
                }
            }),
            Action::SetCanonical { id, canonical } => {
                let canonical = canonical.trim().to_string();
                if canonical.is_empty() {
                    return self.fail("an ACTOR needs a canonical name");
                }
                self.change_attrs(&id, |attrs| {
                    if let Attrs::Actor(a) = attrs {
                        a.canonical = canonical.clone();
                    }
                })
            }
            Action::SetActorKind { id, kind } => self.change_attrs(&id, |attrs| {
                if let Attrs::Actor(a) = attrs {
                    a.kind = kind;
                }
            }),
            Action::SetSource { id, source } => {
                if let Some(src) = &source {
                    if self.get(src).map(Annotation::label) != Some(Label::Actor) {
                        return self.fail(&format!("{src} is not an ACTOR of this document"));
                    }
                }
                self.change_attrs(&id, |attrs| {
                    if let Attrs::Claim(c) = attrs {
                        c.source = source.clone();
                    }
                })
            }
            Action::SetStance { id, stance } => self.change_attrs(&id, |attrs| {
                if let Attrs::Claim(c) = attrs {
                    c.stance = stance;
                }
            }),
            Action::Undo => {
                let mut anns = (*self.anns).clone();
                match Rc::make_mut(&mut self.history).undo(&mut anns) {
                    Ok(true) => self.set_anns(anns),
                    Ok(false) => self.message = Some(Message::Info("nothing to undo".into())),
                    Err(e) => self.fail(e.message()),
                }
            }
            Action::Redo => {
                let mut anns = (*self.anns).clone();
                match Rc::make_mut(&mut self.history).redo(&mut anns) {
                    Ok(true) => self.set_anns(anns),
                    Ok(false) => self.message = Some(Message::Info("nothing to redo".into())),
                    Err(e) => self.fail(e.message()),
                }
            }
            Action::SetAnnotator(name) => {
                let name = name.trim();
                let name = (!name.is_empty()).then(|| name.to_string());
                if name != self.meta.annotator {
                    self.meta.annotator = name;
                    self.revision += 1;
                    self.touched = true;
                }
            }
            Action::Stamp(now) => {
                self.meta.created.get_or_insert_with(|| now.clone());
                self.meta.modified = Some(now);
            }
            Action::Fail(m) => self.fail(&m),
            Action::Notify(m) => self.message = Some(Message::Info(m)),
            Action::Dismiss => self.message = None,
        }
    }

    /// The annotation with id `id`.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.anns.iter().find(|a| a.id == id)
    }

    /// The open document with its annotations, as a gold file.
    pub fn gold(&self) -> Option<GoldFile> {
        let doc = self.doc.as_deref()?.clone();
        let mut file = GoldFile::new(doc, (*self.anns).clone());
        file.meta = self.meta.clone();
        Some(file)
    }

    /// Live annotations (not rejected) of each label, in [`Label::ALL`] order.
    pub fn counts(&self) -> [usize; 3] {
        let mut n = [0; 3];
        for a in self.anns.iter().filter(|a| a.status.is_live()) {
            n[Label::ALL.iter().position(|l| *l == a.label()).unwrap_or(0)] += 1;
        }
        n
    }

    fn reset(&mut self, doc: Document, anns: Vec<Annotation>, meta: Meta) {
        self.doc = Some(Rc::new(doc));
        self.anns = Rc::new(anns);
        self.meta = meta;
        self.history = Rc::new(History::default());
        self.selected = None;
        self.pending = None;
        self.message = None;
        self.revision += 1;
        self.touched = false;
    }

    fn fail(&mut self, message: &str) {
        self.message = Some(Message::Error(message.to_string()));
    }

    fn set_anns(&mut self, mut anns: Vec<Annotation>) {
        sort_annotations(&mut anns);
        self.anns = Rc::new(anns);
        self.revision += 1;
        self.touched = true;
        if let Some(id) = &self.selected {
            if !self.anns.iter().any(|a| &a.id == id) {
                self.selected = None;
            }
        }
    }

    /// Applies a user edit and records it; on error nothing changes.
    fn commit(&mut self, edit: Edit) {
        if edit.is_noop() {
            return;
        }
        let mut anns = (*self.anns).clone();
        match edit.apply(&mut anns) {
            Ok(()) => {
                Rc::make_mut(&mut self.history).record(edit);
                self.set_anns(anns);
                if matches!(self.message, Some(Message::Error(_))) {
                    self.message = None;
                }
            }
            Err(e) => self.fail(e.message()),
        }
    }

    fn found(&mut self, id: &str) -> Option<Annotation> {
        let a = self.get(id).cloned();
        if a.is_none() {
            self.fail(&format!("there is no annotation {id}"));
        }
        a
    }

    fn create(&mut self, label: Label, date: Option<DateAttrs>) {
        let Some(doc) = self.doc.clone() else {
            return self.fail("open a document first");
        };
        let Some(span) = self.pending else {
            return self.fail("select some words in the text first, then choose a label");
        };
        let Some(quote) = doc.slice(span).map(str::to_string) else {
            return self.fail("the selection is outside the text");
        };
        if let Some(clash) = self.clash(label, span, None) {
            return self.fail(&clash);
        }
        let id = next_id(&self.anns, label);
        let ann = Annotation {
            id: id.clone(),
            span,
            attrs: new_attrs(label, &quote, date),
            quote,
            status: Status::Manual,
            provenance: Provenance {
                by: self.meta.annotator.clone().unwrap_or_else(|| MANUAL_BY.to_string()),
                rule: None,
            },
        };
        self.commit(Edit::Add(ann));
        if self.get(&id).is_some() {
            self.pending = None;
            self.selected = Some(id);
        }
    }

    /// Why an annotation of `label` on `span` would break the guidelines' nesting rules:
    /// ACTORs and DATEs do not overlap their own label, CLAIMs nest but do not cross.
    fn clash(&self, label: Label, span: Span, except: Option<&str>) -> Option<String> {
        self.anns
            .iter()
            .filter(|a| a.label() == label && a.status.is_live() && Some(a.id.as_str()) != except)
            .find(|a| {
                if label == Label::Claim {
                    a.span == span || (a.span.overlaps(&span) && !a.span.contains(&span) && !span.contains(&a.span))
                } else {
                    a.span.overlaps(&span)
                }
            })
            .map(|a| {
                format!(
                    "this overlaps {} {} \u{201c}{}\u{201d}: change or delete that one first",
                    a.label(),
                    a.id,
                    a.quote
                )
            })
    }

    fn relabel(&mut self, id: &str, label: Label, date: Option<DateAttrs>) {
        let Some(before) = self.found(id) else { return };
        if before.label() == label {
            return;
        }
        if let Some(clash) = self.clash(label, before.span, Some(id)) {
            return self.fail(&clash);
        }
        let mut after = before.clone();
        after.attrs = new_attrs(label, &before.quote, date);
        mark_edited(&mut after);
        let mut edits = self.drop_references(&before);
        edits.push(Edit::Replace { before, after });
        self.commit(Edit::Batch(edits));
    }

    fn delete(&mut self, id: &str) {
        let Some(a) = self.found(id) else { return };
        let mut edits = self.drop_references(&a);
        edits.push(Edit::Remove(a));
        self.commit(Edit::Batch(edits));
        self.selected = None;
    }

    /// Edits that clear references to `target` (claims' sources, dates' anchors).
    fn drop_references(&self, target: &Annotation) -> Vec<Edit> {
        let mut edits = Vec::new();
        for a in self.anns.iter().filter(|a| a.references().contains(&target.id.as_str())) {
            let mut after = a.clone();
            match &mut after.attrs {
                Attrs::Claim(c) => c.source = None,
                Attrs::Date(d) => d.anchor = None,
                Attrs::Actor(_) => {}
            }
            mark_edited(&mut after);
            edits.push(Edit::Replace { before: a.clone(), after });
        }
        edits
    }

    fn review(&mut self, id: &str, accept: bool) {
        let Some(before) = self.found(id) else { return };
        let status = match (before.status, accept) {
            (Status::Manual, false) => {
                return self.fail("a manual annotation cannot be rejected: delete it (Delete key) instead")
            }
            (Status::Manual | Status::Edited | Status::Accepted, true) => {
                self.message = Some(Message::Info(format!("{id} is already reviewed ({})", before.status.as_str())));
                return;
            }
            (_, true) => Status::Accepted,
            (_, false) => Status::Rejected,
        };
        let mut after = before.clone();
        after.status = status;
        self.commit(Edit::Replace { before, after });
    }

    fn change_attrs(&mut self, id: &str, change: impl Fn(&mut Attrs)) {
        let Some(before) = self.found(id) else { return };
        let mut after = before.clone();
        change(&mut after.attrs);
        if after.attrs == before.attrs {
            return;
        }
        mark_edited(&mut after);
        self.commit(Edit::Replace { before, after });
    }

    fn set_dct(&mut self, dct: Option<jiff::civil::Date>, predictions: Vec<Annotation>) {
        let Some(doc) = self.doc.clone() else {
            return self.fail("open a document first");
        };
        let fresh: Vec<&Annotation> = predictions.iter().filter(|a| a.label() == Label::Date).collect();
        let mut anns = (*self.anns).clone();
        // Fresh DATE ids -> the ids they have here (same span).
        let mut ids: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
        for f in &fresh {
            if let Some(a) = anns.iter().find(|a| a.label() == Label::Date && a.span == f.span) {
                ids.insert(f.id.as_str(), a.id.clone());
            }
        }
        let mut added = Vec::new();
        for f in &fresh {
            if !ids.contains_key(f.id.as_str())
                && !anns.iter().any(|a| a.label() == Label::Date && a.span.overlaps(&f.span))
            {
                let id = next_id(&[anns.as_slice(), added.as_slice()].concat(), Label::Date);
                ids.insert(f.id.as_str(), id.clone());
                let mut a = (*f).clone();
                a.id = id;
                added.push(a);
            }
        }
        let remap = |d: &DateAttrs| {
            let mut d = d.clone();
            d.anchor = d.anchor.and_then(|x| if x == "dct" { Some(x) } else { ids.get(x.as_str()).cloned() });
            d
        };
        let (mut updated, mut kept) = (0, 0);
        for a in anns.iter_mut().filter(|a| a.label() == Label::Date) {
            if a.status != Status::Predicted {
                kept += 1;
                continue;
            }
            if let Some(f) = fresh.iter().find(|f| f.span == a.span).and_then(|f| f.date()) {
                let new = remap(f);
                if a.date() != Some(&new) {
                    updated += 1;
                }
                a.attrs = Attrs::Date(new);
            }
        }
        for a in &mut added {
            if let Some(d) = a.date() {
                a.attrs = Attrs::Date(remap(d));
            }
        }
        let n_added = added.len();
        anns.extend(added);
        let meta = self.meta.clone();
        let (selected, origin) = (self.selected.take(), self.origin.clone());
        self.reset((*doc).clone().with_dct(dct), anns, meta);
        self.origin = origin;
        self.selected = selected.filter(|id| self.get(id).is_some());
        let dct_text = dct.map(|d| d.to_string()).unwrap_or_else(|| "none".into());
        self.message = Some(Message::Info(format!(
            "DCT {dct_text}: {updated} predicted date(s) re-resolved, {kept} reviewed kept, {n_added} added"
        )));
    }
}

fn mark_edited(a: &mut Annotation) {
    if matches!(a.status, Status::Predicted | Status::Accepted | Status::Rejected) {
        a.status = Status::Edited;
    }
}

/// Attributes of a new annotation of `label` over `quote`: an ACTOR is named by its quote,
/// a DATE takes `date` (or an unknown value to fill in), a CLAIM starts without a source.
pub fn new_attrs(label: Label, quote: &str, date: Option<DateAttrs>) -> Attrs {
    match label {
        Label::Actor => Attrs::Actor(ActorAttrs {
            kind: ActorKind::Person,
            mention: if quote.chars().next().is_some_and(char::is_uppercase) {
                Mention::Name
            } else {
                Mention::Nominal
            },
            canonical: quote.split_whitespace().collect::<Vec<_>>().join(" "),
            role: None,
        }),
        Label::Date => Attrs::Date(date.unwrap_or_else(|| DateAttrs {
            timex_type: TimexType::Date,
            value: "XXXX-XX-XX".into(),
            modifier: None,
            anchor: None,
        })),
        Label::Claim => Attrs::Claim(ClaimAttrs::default()),
    }
}

/// Runs the pipeline on `doc`: the predictions for [`Action::Open`] and [`Action::SetDct`].
pub fn predict(pipeline: &Pipeline, doc: &Document) -> Vec<Annotation> {
    pipeline.run(doc)
}

/// The DATE attributes the extractor gives the words under `span` on their own, resolved
/// against the document's DCT; `None` when it does not read them as one date.
pub fn guess_date(pipeline: &Pipeline, doc: &Document, span: Span) -> Option<DateAttrs> {
    let quote = doc.slice(span)?;
    let small = Document::new("selection", quote, doc.dct()).ok()?;
    let found = pipeline.run_label(&small, Label::Date);
    let whole = found.iter().find(|a| a.span.start() == 0 && a.span.len() == small.len())?;
    let mut d = whole.date()?.clone();
    if d.anchor.as_deref() != Some("dct") {
        d.anchor = None;
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_annotations, Cue};

    const TEXT: &str = "Paris said on Friday that Bamako lied. 👍 Mali denied it last Sunday.";

    fn span_of(word: &str) -> Span {
        let b = TEXT.find(word).unwrap();
        let doc = Document::new("t", TEXT, None).unwrap();
        doc.span_of_bytes(b, b + word.len()).unwrap()
    }

    fn pred(id: &str, word: &str, attrs: Attrs) -> Annotation {
        Annotation {
            id: id.into(),
            span: span_of(word),
            quote: word.into(),
            status: Status::Predicted,
            provenance: Provenance::extractor("test"),
            attrs,
        }
    }

    fn actor(id: &str, word: &str) -> Annotation {
        pred(
            id,
            word,
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::State,
                mention: Mention::Name,
                canonical: word.into(),
                role: None,
            }),
        )
    }

    fn date(id: &str, word: &str, value: &str) -> Annotation {
        pred(
            id,
            word,
            Attrs::Date(DateAttrs {
                timex_type: TimexType::Date,
                value: value.into(),
                modifier: None,
                anchor: Some("dct".into()),
            }),
        )
    }

    fn opened() -> State {
        let doc = Document::new("t", TEXT, Some("2025-09-19".parse().unwrap())).unwrap();
        let claim = pred(
            "C1",
            "that Bamako lied",
            Attrs::Claim(ClaimAttrs {
                source: Some("A1".into()),
                cue: Some(Cue { span: span_of("said"), text: "said".into() }),
                stance: Some(Stance::Assert),
                target: None,
                source_words: None,
            }),
        );
        let predictions = vec![
            actor("A1", "Paris"),
            actor("A2", "Bamako"),
            date("D1", "Friday", "2025-09-19"),
            date("D2", "last Sunday", "2025-09-14"),
            claim,
        ];
        let mut s = State::default();
        s.apply(Action::Open { doc, predictions, origin: Origin::Pasted });
        s
    }

    fn check(s: &State) {
        check_annotations(s.doc.as_ref().unwrap(), &s.anns).unwrap();
        assert!(s.gold().is_some());
    }

    #[test]
    fn create_snaps_to_words_and_is_manual() {
        let mut s = opened();
        // "ali den" inside "Mali denied" after the emoji: snapped to "Mali denied".
        let sp = span_of("Mali denied");
        s.apply(Action::SelectText(Some(Span::new(sp.start() + 1, sp.end() - 3).unwrap())));
        assert_eq!(s.pending, Some(sp));
        s.apply(Action::Create { label: Label::Actor, date: None });
        let a = s.get("A3").expect("created");
        assert_eq!((a.quote.as_str(), a.status, a.label()), ("Mali denied", Status::Manual, Label::Actor));
        assert_eq!(s.selected.as_deref(), Some("A3"));
        assert_eq!(s.pending, None);
        check(&s);
        assert!(s.history.can_undo());
    }

    #[test]
    fn annotator_and_times_go_into_the_file_and_survive_opening_another_document() {
        let mut s = opened();
        assert!(!s.touched);
        s.apply(Action::SetAnnotator("  Ada  ".into()));
        assert!(s.touched);
        s.apply(Action::SelectText(Some(span_of("Mali"))));
        s.apply(Action::Create { label: Label::Actor, date: None });
        assert_eq!(s.get("A3").unwrap().provenance.by, "Ada");
        s.apply(Action::Stamp("2026-11-23T10:00:00Z".into()));
        s.apply(Action::Stamp("2026-11-23T11:00:00Z".into()));
        let file = s.gold().unwrap();
        assert_eq!(file.meta.annotator.as_deref(), Some("Ada"));
        assert_eq!(file.meta.created.as_deref(), Some("2026-11-23T10:00:00Z"));
        assert_eq!(file.meta.modified.as_deref(), Some("2026-11-23T11:00:00Z"));
        let back = GoldFile::from_json(&file.to_json()).unwrap();
        assert_eq!(back.meta, file.meta);
        let doc = Document::new("u", "Another text.", None).unwrap();
        s.apply(Action::Open { doc, predictions: Vec::new(), origin: Origin::Pasted });
        assert_eq!(s.meta.annotator.as_deref(), Some("Ada"));
        assert_eq!(s.meta.created, None);
        assert!(!s.touched);
        s.apply(Action::SetAnnotator("".into()));
        assert_eq!(s.meta.annotator, None);
    }

    #[test]
    fn overlapping_same_label_is_refused_in_words() {
        let mut s = opened();
        s.apply(Action::SelectText(Some(span_of("Paris said"))));
        s.apply(Action::Create { label: Label::Actor, date: None });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("A1")), "{:?}", s.message);
        assert_eq!(s.anns.len(), 5);
        assert!(!s.history.can_undo());
    }

    #[test]
    fn relabel_delete_and_their_undo() {
        let mut s = opened();
        let before = s.anns.clone();
        // Relabel the claim's source: the claim loses its source, in the same step.
        s.apply(Action::Relabel { id: "A1".into(), label: Label::Date, date: None });
        assert_eq!(s.get("A1").unwrap().label(), Label::Date);
        assert_eq!(s.get("A1").unwrap().status, Status::Edited);
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source, None);
        check(&s);
        s.apply(Action::Undo);
        assert_eq!(s.anns, before);
        s.apply(Action::Redo);
        assert_eq!(s.get("A1").unwrap().label(), Label::Date);
        s.apply(Action::Undo);
        s.apply(Action::Delete("A2".into()));
        assert!(s.get("A2").is_none());
        check(&s);
        s.apply(Action::Undo);
        assert_eq!(s.anns, before);
        s.apply(Action::Redo);
        assert!(s.get("A2").is_none());
        // A new edit clears the redo stack.
        s.apply(Action::Undo);
        s.apply(Action::Accept("D1".into()));
        assert!(!s.history.can_redo());
    }

    #[test]
    fn accept_reject_and_attribute_edits() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        s.apply(Action::Reject("A2".into()));
        assert_eq!(s.get("A2").unwrap().status, Status::Rejected);
        s.apply(Action::SetCanonical { id: "A1".into(), canonical: " France ".into() });
        let a = s.get("A1").unwrap();
        assert_eq!((a.actor().unwrap().canonical.as_str(), a.status), ("France", Status::Edited));
        s.apply(Action::SetCanonical { id: "A1".into(), canonical: "  ".into() });
        assert!(matches!(s.message, Some(Message::Error(_))));
        assert_eq!(s.get("A1").unwrap().actor().unwrap().canonical, "France");
        s.apply(Action::SetDateValue { id: "D2".into(), value: "2025-09-13".into() });
        assert_eq!(s.get("D2").unwrap().date().unwrap().value, "2025-09-13");
        s.apply(Action::SetSource { id: "C1".into(), source: Some("A2".into()) });
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source.as_deref(), Some("A2"));
        s.apply(Action::SetSource { id: "C1".into(), source: Some("D1".into()) });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("D1")));
        check(&s);
        // Undo walks back every step, to the predictions.
        for _ in 0..5 {
            s.apply(Action::Undo);
        }
        assert!(s.anns.iter().all(|a| a.status == Status::Predicted), "{:?}", s.anns);
        s.apply(Action::Undo);
        assert_eq!(s.message, Some(Message::Info("nothing to undo".into())));
    }

    #[test]
    fn manual_annotations_are_deleted_not_rejected() {
        let mut s = opened();
        s.apply(Action::SelectText(Some(span_of("lied"))));
        s.apply(Action::Create { label: Label::Date, date: None });
        let id = s.selected.clone().unwrap();
        assert_eq!(s.get(&id).unwrap().date().unwrap().value, "XXXX-XX-XX");
        s.apply(Action::Reject(id.clone()));
        assert!(matches!(s.message, Some(Message::Error(_))));
        assert_eq!(s.get(&id).unwrap().status, Status::Manual);
    }

    #[test]
    fn dct_change_keeps_reviewed_dates() {
        let mut s = opened();
        s.apply(Action::SetDateValue { id: "D1".into(), value: "2025-09-12".into() });
        s.apply(Action::Accept("D2".into()));
        s.apply(Action::Undo); // D2 back to predicted
        let doc = (**s.doc.as_ref().unwrap()).clone();
        let dct: jiff::civil::Date = "2025-09-26".parse().unwrap();
        let mut later = date("D7", "last Sunday", "2025-09-21");
        if let Attrs::Date(d) = &mut later.attrs {
            d.anchor = Some("D8".into()); // anchored on a new date, added below
        }
        let predictions = vec![
            date("D8", "Friday", "2025-09-26"),
            later,
            date("D9", "Mali", "2025-09-30"), // a new date the old run did not have
        ];
        let _ = doc;
        s.apply(Action::SetDct { dct: Some(dct), predictions });
        assert_eq!(s.doc.as_ref().unwrap().dct(), Some(dct));
        let d1 = s.get("D1").unwrap();
        assert_eq!((d1.date().unwrap().value.as_str(), d1.status), ("2025-09-12", Status::Edited));
        let d2 = s.get("D2").unwrap().date().unwrap();
        assert_eq!(d2.value, "2025-09-21");
        assert_eq!(d2.anchor.as_deref(), Some("D1"), "anchor remapped to the id used here");
        assert_eq!(s.get("D3").unwrap().quote, "Mali");
        assert!(!s.history.can_undo(), "a fresh extraction starts a new history");
        check(&s);
        // Clearing the DCT with no predictions keeps everything.
        s.apply(Action::SetDct { dct: None, predictions: vec![] });
        assert_eq!(s.doc.as_ref().unwrap().dct(), None);
        assert_eq!(s.get("D2").unwrap().date().unwrap().value, "2025-09-21");
    }

    #[test]
    fn gold_round_trip_restores_everything() {
        let mut s = opened();
        s.apply(Action::Reject("A2".into()));
        let json = s.gold().unwrap().to_json();
        let file = GoldFile::from_json(&json).unwrap();
        let mut t = State::default();
        t.apply(Action::OpenGold { file, origin: Origin::GoldFile("t.gold.json".into()) });
        assert_eq!(t.anns, s.anns);
        assert_eq!(t.doc, s.doc);
        assert_eq!(t.gold().unwrap().to_json(), json);
    }

    #[test]
    fn actions_without_a_document_do_not_panic() {
        let mut s = State::default();
        for a in [
            Action::SelectText(Some(Span::new(0, 3).unwrap())),
            Action::Create { label: Label::Claim, date: None },
            Action::Delete("A1".into()),
            Action::Accept("x".into()),
            Action::Undo,
            Action::Redo,
            Action::SetDct { dct: None, predictions: vec![] },
        ] {
            s.apply(a);
        }
        assert!(s.gold().is_none());
        // Offsets past the end are ignored, not a panic.
        let mut s = opened();
        s.apply(Action::SelectText(Some(Span::new(5, 10_000).unwrap())));
        assert_eq!(s.pending, None);
    }
}
