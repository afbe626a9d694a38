//! Files of documents already in the corpus, and versions of a document.
//!
//! Owns: what opening a file of a document the corpus has (same id or same text) does, so
//! that no file ever replaces work silently: identical annotations change nothing; a
//! document whose work is still untouched predictions takes the file's annotations as one
//! undoable step; any other work stays as it is and the file is kept as a *version* of the
//! document (annotator, time, file name, annotations); a file with the same id but another
//! text is a separate document under a new id. Also: a version becoming the work, and a
//! fresh extraction replacing the work, each one undoable step; deleting a version (an
//! undoable [`Edit::Version`] step, replayed from the edit log like any edit) and viewing one
//! read-only (every change refused until Esc). It must not: read storage
//! (the page parks the saved work first), extract, or touch the browser.

use super::corpus::{Entry, Version};
use super::history::Step;
use super::state::{Action, Message, Origin, State};
use crate::formats::gold::GoldFile;
use crate::model::{sort_annotations, Annotation, Document, Edit, Status};
use std::rc::Rc;

/// The work on a loaded document: the document, its annotations, and whether it was changed
/// since it was opened.
type Work = (Rc<Document>, Rc<Vec<Annotation>>, bool);

impl State {
    /// The work on document `id` when it is loaded (on screen or parked).
    pub fn work_of(&self, id: &str) -> Option<Work> {
        if let Some(doc) = self.doc.as_ref().filter(|d| d.id == id) {
            return Some((doc.clone(), self.anns.clone(), self.touched));
        }
        let p = self.corpus.iter().find(|e| e.id == id)?.parked.as_ref()?;
        Some((p.doc.clone(), p.anns.clone(), p.touched))
    }

    /// True when a person worked on the annotations `anns` of document `id`: one of them is
    /// reviewed, noted or flagged, or a step of the undo history (done or undone) changed
    /// them or the DCT. Typing a name is not work on the annotations.
    pub fn worked_on(&self, id: &str, anns: &[Annotation]) -> bool {
        anns.iter().any(|a| a.status != Status::Predicted || a.note.is_some() || a.unsure)
            || self.history.steps().any(|s| s.iter().any(|(d, e)| d == id && e.touches_work()))
    }

    /// The annotator named in the work on loaded document `id`, when one is.
    pub fn annotator_of(&self, id: &str) -> Option<String> {
        self.meta_of(id)?.annotator.clone().filter(|a| !a.trim().is_empty())
    }

    /// The metadata of the work on loaded document `id` (on screen or parked).
    pub fn meta_of(&self, id: &str) -> Option<&crate::formats::gold::Meta> {
        if self.doc.as_ref().is_some_and(|d| d.id == id) {
            return Some(&self.meta);
        }
        self.corpus.iter().find(|e| e.id == id)?.parked.as_ref().map(|p| &p.meta)
    }

    /// The SHA-256 of corpus entry `i`'s text, when known.
    fn sha_at(&self, i: usize) -> Option<String> {
        let e = self.corpus.get(i)?;
        match self.work_of(&e.id) {
            Some((doc, _, _)) => Some(doc.sha256().to_string()),
            None => e.sha.clone(),
        }
    }

    /// An id like `id` that no document of the corpus has (`id~2`, `id~3`...).
    fn free_id(&self, id: &str) -> String {
        (2..).map(|n| format!("{id}~{n}")).find(|c| !self.corpus.iter().any(|e| &e.id == c)).unwrap_or_default()
    }

    /// Before a fresh extraction of `doc` opens: `Ok(None)` to open it as it is (a new
    /// document, or untouched predictions of the same text to refresh); `Ok(Some(why))` when
    /// it was renamed (the corpus has another text under its id); `Err(())` when the corpus
    /// has work on the same text, now on screen instead (nothing is replaced).
    pub(super) fn open_over(&mut self, doc: &mut Document) -> Result<Option<String>, ()> {
        let Some(i) = self.corpus.iter().position(|e| e.id == doc.id) else { return Ok(None) };
        match self.work_of(&doc.id) {
            Some((d, anns, _)) if d.sha256() == doc.sha256() => {
                if !self.worked_on(&doc.id, &anns) {
                    return Ok(None);
                }
                self.switch(i);
                self.message = Some(Message::Info(format!(
                    "{} is already in the corpus: your work on it is shown, nothing was replaced",
                    doc.id
                )));
                Err(())
            }
            None if self.sha_at(i).is_none_or(|s| s == doc.sha256()) => Ok(None),
            _ => {
                let new = self.free_id(&doc.id);
                let why =
                    format!("{} in the corpus has another text: this one opened as {new}, a separate document", doc.id);
                doc.id = new;
                Ok(Some(why))
            }
        }
    }

    /// Opens a document read from a file (see [`Action::Import`] and this module's doc).
    pub(super) fn import(&mut self, mut file: GoldFile, origin: Origin) {
        let name = match &origin {
            Origin::GoldFile(n) | Origin::TextFile(n) => n.clone(),
            _ => "the file".to_string(),
        };
        let sha = file.doc.sha256().to_string();
        let same_text = |s: &State, i: usize| s.sha_at(i).as_deref() == Some(sha.as_str());
        let target = (0..self.corpus.len())
            .find(|&i| self.corpus[i].id == file.doc.id && same_text(self, i))
            .or_else(|| (0..self.corpus.len()).find(|&i| same_text(self, i)));
        let Some(i) = target else {
            let mut note = None;
            let clash = self.corpus.iter().position(|e| e.id == file.doc.id);
            if clash.is_some_and(|i| self.sha_at(i).is_some()) {
                let new = self.free_id(&file.doc.id);
                note = Some(format!(
                    "{} in the corpus has another text: the one in {name} opened as {new}, a separate document",
                    file.doc.id
                ));
                file.doc.id = new;
            }
            self.apply(Action::OpenGold { file, origin });
            if let Some(m) = note {
                self.message = Some(Message::Info(m));
            }
            return;
        };
        let id = self.corpus[i].id.clone();
        let Some((doc, anns, _)) = self.work_of(&id) else {
            // Listed, but no work on it yet (a seed never opened): the file is its work.
            file.doc.id = id;
            return self.apply(Action::OpenGold { file, origin });
        };
        let mut incoming = file.annotations.clone();
        sort_annotations(&mut incoming);
        let same_dct = doc.dct() == file.doc.dct();
        if same_dct && *anns == incoming {
            self.switch(i);
            self.message = Some(Message::Info(format!("{id}: {name} is already in the corpus, nothing changed")));
            return;
        }
        if let Some(v) = self.corpus[i].versions.iter().find(|v| {
            let mut a = v.file.annotations.clone();
            sort_annotations(&mut a);
            a == incoming && v.file.doc.dct() == file.doc.dct()
        }) {
            let n = v.n;
            self.message = Some(Message::Info(format!("{id}: {name} is version {n} already, nothing changed")));
            return;
        }
        // Another annotator's file is that person's version, labelled with their name, even over
        // untouched predictions: the work's name would otherwise go to their annotations. Work
        // that names nobody (predictions parked before a name was typed) is the user's.
        let own = self.annotator_of(&id).or_else(|| self.user.clone());
        let theirs = file.meta.annotator.as_ref().is_some_and(|a| Some(a) != own.as_ref());
        if !theirs && !self.worked_on(&id, &anns) {
            // Untouched predictions: nothing a person did is replaced, and undo brings them back.
            if let Err(e) = self.replace_work(&id, incoming, file.doc.dct()) {
                return self.fail(&format!("could not open {name}: {e}. Your current work is unchanged."));
            }
            self.switch(i);
            self.message = Some(Message::Info(format!(
                "{id}: the annotations of {name} replace the unreviewed predictions (Ctrl+Z undoes)"
            )));
            return;
        }
        // A number no deleted version of the undo history holds either, so undo can bring it back.
        let n = self.history_versions(&id).into_iter().fold(self.corpus[i].next_version(), |n, m| n.max(m + 1));
        let version = Version {
            n,
            annotator: file.meta.annotator.clone(),
            time: file.meta.modified.clone().or_else(|| file.meta.created.clone()),
            origin: name.clone(),
            file: Rc::new(GoldFile { doc: (*doc).clone().with_dct(file.doc.dct()), ..file }),
        };
        let who = version.annotator.clone().unwrap_or_else(|| "no annotator named".into());
        self.add_version(i, version);
        self.message = Some(Message::Info(format!(
            "{id}: the annotations of {name} were kept as version {n} ({who}); your work is unchanged. Use or download it from the corpus list"
        )));
    }

    fn add_version(&mut self, i: usize, version: Version) {
        let corpus = Rc::make_mut(&mut self.corpus);
        let e: &mut Entry = &mut corpus[i];
        Rc::make_mut(&mut e.versions).push(version);
        e.rev += 1;
        self.revision += 1;
    }

    /// Replaces the annotations (and DCT) of loaded document `id` in one recorded step.
    fn replace_work(&mut self, id: &str, anns: Vec<Annotation>, dct: Option<jiff::civil::Date>) -> Result<(), String> {
        let (doc, old, _) = self.work_of(id).ok_or_else(|| format!("{id} is not loaded"))?;
        let mut edits: Vec<Edit> = old.iter().rev().cloned().map(Edit::Remove).collect();
        edits.extend(anns.into_iter().map(Edit::Add));
        if doc.dct() != dct {
            edits.push(Edit::Dct { before: doc.dct(), after: dct });
        }
        let step: Step = vec![(id.to_string(), Edit::Batch(edits))];
        self.run_step(&step, false).map_err(|e| e.message().to_string())?;
        self.record(step);
        Ok(())
    }

    /// Version `n` of document `id` becomes its work (see [`Action::UseVersion`]).
    pub(super) fn use_version(&mut self, id: &str, n: usize) {
        let Some(i) = self.corpus.iter().position(|e| e.id == id) else {
            return self.fail(&format!("there is no document {id} in the corpus"));
        };
        let Some(v) = self.corpus[i].versions.iter().find(|v| v.n == n).cloned() else {
            return self.fail(&format!("{id} has no version {n}"));
        };
        if let Err(e) = self.replace_work(id, v.file.annotations.clone(), v.file.doc.dct()) {
            return self.fail(&format!("version {n} of {id} cannot be used: {e}"));
        }
        self.switch(i);
        self.message =
            Some(Message::Info(format!("{id}: version {n} is now the work; Ctrl+Z gives back the work it replaced")));
    }

    /// The versions of document `id` saved at the last visit.
    pub(super) fn set_versions(&mut self, id: &str, versions: Vec<Version>) {
        if let Some(e) = Rc::make_mut(&mut self.corpus).iter_mut().find(|e| e.id == id) {
            e.versions = Rc::new(versions);
        }
    }

    /// A fresh extraction replaces the work on screen in one undoable step.
    pub(super) fn reextract(&mut self, mut predictions: Vec<Annotation>) {
        let Some(doc) = self.doc.clone() else { return self.fail("open a document first") };
        sort_annotations(&mut predictions);
        let n = predictions.len();
        match self.replace_work(&doc.id, predictions, doc.dct()) {
            Ok(()) => {
                self.message = Some(Message::Info(format!(
                    "extracted afresh: {n} predictions replace the work (Ctrl+Z gives it back)"
                )))
            }
            Err(e) => self.fail(&format!("could not extract afresh: {e}")),
        }
    }
}

/// The versions of each document after a step's version changes, checked all or nothing:
/// by document id, the new list.
type VersionLists = Vec<(String, Vec<Version>)>;

impl State {
    /// Version `n` of document `id` is deleted, as one undoable step (an [`Edit::Version`]
    /// holding its saved form, so undo gives it back exactly, after a reload too).
    pub(super) fn delete_version(&mut self, id: &str, n: usize) {
        let Some(e) = self.corpus.iter().find(|e| e.id == id) else {
            return self.fail(&format!("there is no document {id} in the corpus"));
        };
        let Some(v) = e.versions.iter().find(|v| v.n == n) else {
            return self.fail(&format!("{id} has no version {n}"));
        };
        let who = v.annotator.clone().unwrap_or_else(|| "no annotator named".into());
        let saved = super::corpus::versions_to_json(std::slice::from_ref(v));
        let step: Step = vec![(id.to_string(), Edit::Version { n, before: Some(saved), after: None })];
        if let Err(e) = self.run_step(&step, false) {
            return self.fail(&format!("version {n} of {id} cannot be deleted: {}", e.message()));
        }
        self.record(step);
        self.message = Some(Message::Info(format!("{id}: version {n} ({who}) deleted (Ctrl+Z brings it back)")));
    }

    /// The version lists a step's edits leave, or why the step does not apply (a version to
    /// delete that is not there as saved, one to add whose number is taken).
    pub(super) fn versions_after(&self, edits: &[(&String, Edit)]) -> Result<VersionLists, crate::model::Error> {
        let err = |m: String| crate::model::Error::edit(m);
        let mut out: VersionLists = Vec::new();
        for (doc, edit) in edits {
            for (n, before, after) in edit.versions() {
                let pos = match out.iter().position(|(d, _)| d == *doc) {
                    Some(p) => p,
                    None => {
                        let e = self.corpus.iter().find(|e| &e.id == *doc);
                        let e = e.ok_or_else(|| err(format!("document {doc} is not in the corpus")))?;
                        out.push((doc.to_string(), (*e.versions).clone()));
                        out.len() - 1
                    }
                };
                let list = &mut out[pos].1;
                let read = |json: &str| {
                    super::corpus::versions_from_json(json)
                        .ok()
                        .and_then(|mut v| v.pop())
                        .ok_or_else(|| err(format!("version {n} of {doc} is unreadable in the undo history")))
                };
                let at = list.iter().position(|v| v.n == n);
                match (before, at) {
                    (Some(b), Some(i)) if list[i] == read(b)? => {
                        list.remove(i);
                    }
                    (Some(_), _) => return Err(err(format!("version {n} of {doc} has changed or is gone"))),
                    (None, Some(_)) => return Err(err(format!("{doc} has a version {n} already"))),
                    (None, None) => {}
                }
                if let Some(a) = after {
                    list.push(read(a)?);
                    crate::sort::sort_by_key(list, |v| v.n);
                }
            }
        }
        Ok(out)
    }

    /// Keeps the version lists [`State::versions_after`] made (autosave sees them change).
    pub(super) fn keep_versions(&mut self, lists: VersionLists) {
        if lists.is_empty() {
            return;
        }
        let corpus = Rc::make_mut(&mut self.corpus);
        for (id, list) in lists {
            if let Some(e) = corpus.iter_mut().find(|e| e.id == id) {
                e.versions = Rc::new(list);
                e.rev += 1;
            }
        }
        if self.viewed().is_none() {
            self.viewing = None;
        }
        self.revision += 1;
    }

    /// The numbers of document `id`'s versions that steps of the undo history add or delete.
    pub(super) fn history_versions(&self, id: &str) -> Vec<usize> {
        self.history
            .steps()
            .flat_map(|s| s.iter())
            .filter(|(d, _)| d == id)
            .flat_map(|(_, e)| e.versions())
            .map(|(n, _, _)| n)
            .collect()
    }

    /// The version on screen read-only, when one is.
    pub fn viewed(&self) -> Option<&Version> {
        let (id, n) = self.viewing.as_ref()?;
        self.corpus.iter().find(|e| &e.id == id)?.versions.iter().find(|v| v.n == *n)
    }

    /// Shows version `n` of document `id` read-only (the document comes on screen; its work
    /// stays as it is).
    pub(super) fn view_version(&mut self, id: &str, n: usize) {
        let Some(i) = self.corpus.iter().position(|e| e.id == id) else {
            return self.fail(&format!("there is no document {id} in the corpus"));
        };
        if !self.corpus[i].versions.iter().any(|v| v.n == n) {
            return self.fail(&format!("{id} has no version {n}"));
        }
        if self.corpus[i].parked.is_some() {
            self.switch(i);
        }
        if self.doc.as_ref().is_none_or(|d| d.id != id) {
            return self.fail(&format!("{id} is not loaded yet: open it, then open its version"));
        }
        self.viewing = Some((id.to_string(), n));
        self.selected = None;
        self.pending = None;
        self.linking = None;
        self.revision += 1;
    }

    /// Back to the work.
    pub(super) fn leave_version(&mut self) {
        if self.viewing.take().is_some() {
            self.revision += 1;
            self.message = Some(Message::Info("back to the work".into()));
        }
    }

    /// While a version is viewed: true (with the reason shown) for an action that would
    /// change the work or the view, which is refused; opening another document or version
    /// leaves the view first; what the page does by itself goes on.
    pub(super) fn refused_while_viewing(&mut self, action: &Action) -> bool {
        match action {
            Action::LeaveVersion | Action::Dismiss | Action::Notify(_) | Action::Fail(_) => false,
            // A click beside the highlights selects nothing: harmless.
            Action::Select(None) | Action::SelectText(None) => false,
            Action::ViewVersion { .. }
            | Action::Open { .. }
            | Action::OpenGold { .. }
            | Action::Import { .. }
            | Action::UseVersion { .. }
            | Action::Switch(_)
            | Action::SetDct { .. }
            | Action::Reextract { .. } => {
                self.viewing = None;
                self.revision += 1;
                false
            }
            a if a.is_gesture() => {
                let what = self.viewed().map(|v| viewing_words(&v.annotator, v.n)).unwrap_or_default();
                self.fail(&format!("{what}: nothing can be changed here. Esc returns to the work"));
                true
            }
            _ => false,
        }
    }
}

/// "viewing version 2 (bob), read-only".
pub fn viewing_words(annotator: &Option<String>, n: usize) -> String {
    let who = annotator.as_deref().unwrap_or("no annotator named");
    format!("viewing version {n} ({who}), read-only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, Attrs, Mention, Provenance, Span};

    const TEXT: &str = "Paris said Bamako lied. Mali denied it.";

    fn actor(doc: &Document, id: &str, word: &str) -> Annotation {
        let b = doc.text().find(word).unwrap();
        Annotation {
            id: id.into(),
            span: doc.span_of_bytes(b, b + word.len()).unwrap(),
            quote: word.into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs: Attrs::Actor(ActorAttrs {
                kind: ActorKind::State,
                mention: Mention::Name,
                canonical: word.into(),
                role: None,
            }),
        }
    }

    fn doc(id: &str, text: &str) -> Document {
        Document::new(id, text, Some("2025-09-19".parse().unwrap())).unwrap()
    }

    fn predictions(d: &Document) -> Vec<Annotation> {
        vec![actor(d, "A1", "Paris"), actor(d, "A2", "Bamako"), actor(d, "A3", "Mali")]
    }

    /// The document `t` opened with three predictions.
    fn opened() -> State {
        let d = doc("t", TEXT);
        let mut s = State::default();
        s.apply(Action::Open { predictions: predictions(&d), doc: d, origin: Origin::Pasted });
        s
    }

    /// A file of `t` as its predictions were (an older export), named by annotator `who`.
    fn older_file(who: &str) -> GoldFile {
        let d = doc("t", TEXT);
        let mut f = GoldFile::new(d.clone(), predictions(&d));
        f.meta.annotator = Some(who.into());
        f.meta.modified = Some("2026-01-02T03:04:05Z".into());
        f
    }

    fn file_of(name: &str) -> Origin {
        Origin::GoldFile(name.into())
    }

    fn info(s: &State) -> String {
        match &s.message {
            Some(Message::Info(m)) | Some(Message::Error(m)) => m.clone(),
            None => String::new(),
        }
    }

    #[test]
    fn a_file_over_newer_work_is_kept_as_a_version_and_the_work_and_undo_stay() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        s.apply(Action::Accept("A2".into()));
        let work = s.anns.clone();
        s.apply(Action::Import { file: older_file("Ada"), origin: file_of("old.ann") });
        assert_eq!(s.anns, work, "the work on screen is unchanged");
        assert_eq!(s.history.len(), 2, "the history is untouched");
        let e = &s.corpus[0];
        assert_eq!(e.versions.len(), 1);
        let v = &e.versions[0];
        assert_eq!((v.n, v.annotator.as_deref(), v.origin.as_str()), (2, Some("Ada"), "old.ann"));
        assert_eq!(v.time.as_deref(), Some("2026-01-02T03:04:05Z"));
        assert_eq!(v.counts(), (3, 3));
        let m = info(&s);
        assert!(
            m.contains("version 2") && m.contains("Ada") && m.contains("old.ann") && m.contains("unchanged"),
            "{m}"
        );
        // Undo still reverts the accepts, one by one.
        s.apply(Action::Undo);
        assert_eq!(s.get("A2").unwrap().status, Status::Predicted);
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        s.apply(Action::Redo);
        // The same file again: nothing changes.
        s.apply(Action::Import { file: older_file("Ada"), origin: file_of("old.ann") });
        assert_eq!(s.corpus[0].versions.len(), 1);
        assert!(info(&s).contains("version 2 already"), "{}", info(&s));
        // Using the version is one undoable step.
        s.apply(Action::UseVersion { id: "t".into(), n: 2 });
        assert!(s.anns.iter().all(|a| a.status == Status::Predicted));
        assert!(info(&s).contains("version 2 is now the work"), "{}", info(&s));
        s.apply(Action::Undo);
        assert_eq!(s.anns, work, "undo gives back the work the version replaced");
        s.apply(Action::Redo);
        assert!(s.anns.iter().all(|a| a.status == Status::Predicted));
        s.apply(Action::UseVersion { id: "t".into(), n: 7 });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("no version 7")));
    }

    #[test]
    fn identical_annotations_change_nothing() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        let file = s.gold().unwrap();
        let before = (s.anns.clone(), s.history.clone(), s.revision);
        s.apply(Action::Import { file, origin: file_of("t.gold.json") });
        assert_eq!((s.anns.clone(), s.history.clone(), s.revision), before);
        assert!(s.corpus[0].versions.is_empty());
        assert!(info(&s).contains("already in the corpus, nothing changed"), "{}", info(&s));
    }

    #[test]
    fn untouched_predictions_take_the_files_annotations_in_one_undoable_step() {
        let mut s = opened();
        let predicted = s.anns.clone();
        let mut f = older_file("Ada");
        f.annotations[0].status = Status::Accepted;
        f.annotations.pop();
        // The work's own annotator's file (or one naming nobody) takes the predictions' place.
        // (Typing one's name is not work on the annotations.)
        s.apply(Action::SetAnnotator("Ada".into()));
        s.apply(Action::Import { file: f.clone(), origin: file_of("mine.gold.json") });
        assert_eq!(s.anns.len(), 2);
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        assert!(s.corpus[0].versions.is_empty());
        s.apply(Action::Undo);
        assert_eq!(s.anns, predicted);
        // Another annotator's file is their version, labelled with their name: the work's name
        // would otherwise go to their annotations.
        let mut mine = f.clone();
        mine.meta.annotator = None;
        f.meta.annotator = Some("Bo".into());
        s.apply(Action::Import { file: f, origin: file_of("bo.gold.json") });
        assert_eq!(s.anns, predicted);
        assert_eq!(s.corpus[0].versions.len(), 1);
        assert_eq!(s.corpus[0].versions[0].annotator.as_deref(), Some("Bo"));
        // A note on a prediction is a person's work: a file naming nobody no longer replaces it
        // (without the note it would).
        let mut s = opened();
        s.apply(Action::Import { file: mine.clone(), origin: file_of("mine.gold.json") });
        assert!(s.corpus[0].versions.is_empty());
        let mut s = opened();
        s.apply(Action::SetNote { id: "A1".into(), note: "check".into() });
        assert!(s.anns.iter().all(|a| a.status == Status::Predicted));
        s.apply(Action::Import { file: mine, origin: file_of("mine.gold.json") });
        assert_eq!(s.corpus[0].versions.len(), 1, "{:?}", s.message);
        assert_eq!(s.get("A1").unwrap().note.as_deref(), Some("check"));
    }

    #[test]
    fn parked_predictions_naming_nobody_take_the_users_own_file() {
        // `t` is parked with its predictions before the user typed a name: the user's file of
        // it replaces them (it is their own work), another person's is a version.
        let mut s = opened();
        let predicted = s.anns.clone();
        s.apply(Action::Open { doc: doc("u", "Another text."), predictions: vec![], origin: Origin::Pasted });
        s.apply(Action::SetAnnotator("Ada".into()));
        assert_eq!(s.annotator_of("t"), None, "the parked work names nobody");
        let mut bo = older_file("Bo");
        bo.annotations.pop();
        s.apply(Action::Import { file: bo, origin: file_of("bo.gold.json") });
        assert_eq!(s.corpus[0].versions.len(), 1, "Bo's file is Bo's version: {}", info(&s));
        let mut f = older_file("Ada");
        f.annotations[0].status = Status::Accepted;
        s.apply(Action::Import { file: f, origin: file_of("ada.gold.json") });
        assert!(info(&s).contains("replace the unreviewed predictions"), "{}", info(&s));
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        assert_eq!(s.corpus[0].versions.len(), 1, "no version for the user's own file");
        s.apply(Action::Undo);
        assert_eq!(*s.work_of("t").unwrap().1, *predicted);
    }

    #[test]
    fn the_same_id_with_another_text_is_another_document() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        let work = s.anns.clone();
        let other = doc("t", "Rebels in Kidal denied it.");
        s.apply(Action::Import { file: GoldFile::new(other, vec![]), origin: file_of("t.json") });
        assert_eq!(s.doc.as_ref().unwrap().id, "t~2");
        assert!(info(&s).contains("another text") && info(&s).contains("t~2"), "{}", info(&s));
        assert_eq!(s.corpus.len(), 2);
        assert_eq!(*s.corpus[0].parked.as_ref().unwrap().anns, *work, "the first one is untouched");
        // A fresh text file of the same id and another text: t~3.
        s.apply(Action::Open { doc: doc("t", "Yet another text."), predictions: vec![], origin: Origin::Pasted });
        assert_eq!(s.doc.as_ref().unwrap().id, "t~3");
    }

    #[test]
    fn the_same_text_under_another_id_is_a_version() {
        let mut s = opened();
        s.apply(Action::Reject("A3".into()));
        let mut f = older_file("Bo");
        f.doc.id = "renamed".into();
        s.apply(Action::Import { file: f, origin: file_of("renamed.json") });
        assert_eq!(s.corpus.len(), 1);
        assert_eq!(s.corpus[0].versions.len(), 1);
        assert_eq!(s.corpus[0].versions[0].file.doc.id, "t");
    }

    #[test]
    fn opening_the_text_of_reviewed_work_again_shows_the_work() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        let work = s.anns.clone();
        s.apply(Action::Open { doc: doc("u", "Another text."), predictions: vec![], origin: Origin::Pasted });
        let d = doc("t", TEXT);
        s.apply(Action::Open { predictions: predictions(&d), doc: d, origin: Origin::TextFile("t.txt".into()) });
        assert_eq!(s.doc.as_ref().unwrap().id, "t");
        assert_eq!(s.anns, work, "the reviewed work, not fresh predictions");
        assert!(s.history.can_undo(), "its history is kept");
        assert!(info(&s).contains("nothing was replaced"), "{}", info(&s));
    }

    #[test]
    fn a_stub_with_no_work_takes_the_file_and_parking_never_overwrites_loaded_work() {
        let mut s = State::default();
        let d = doc("t", TEXT);
        let mut l = crate::ui::corpus::Listed::new("t", "T", Origin::Seed("t".into()));
        l.sha = Some(d.sha256().to_string());
        s.apply(Action::AddStubs(vec![l]));
        s.apply(Action::Import { file: older_file("Ada"), origin: file_of("t.json") });
        assert_eq!(s.doc.as_ref().unwrap().id, "t");
        assert_eq!(s.anns.len(), 3);
        s.apply(Action::Accept("A1".into()));
        s.apply(Action::Open { doc: doc("u", "Another text."), predictions: vec![], origin: Origin::Pasted });
        s.apply(Action::Park { file: older_file("Ada"), origin: Origin::Restored });
        let p = s.corpus[0].parked.as_ref().unwrap();
        assert_eq!(p.anns.iter().find(|a| a.id == "A1").unwrap().status, Status::Accepted);
    }

    #[test]
    fn loading_saved_work_never_replaces_the_work_in_memory() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        let saved_before = older_file("Ada");
        s.apply(Action::Open { doc: doc("u", "Another text."), predictions: vec![], origin: Origin::Pasted });
        s.apply(Action::OpenGold { file: saved_before, origin: Origin::Restored });
        assert_eq!(s.doc.as_ref().unwrap().id, "t", "the document comes on screen");
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted, "with its work in memory");
    }

    #[test]
    fn reextracting_is_one_undoable_step() {
        let mut s = opened();
        s.apply(Action::Reject("A1".into()));
        let work = s.anns.clone();
        let d = doc("t", TEXT);
        s.apply(Action::Reextract { predictions: vec![actor(&d, "A9", "Mali")] });
        assert_eq!(s.anns.len(), 1);
        s.apply(Action::Undo);
        assert_eq!(s.anns, work);
    }

    /// `opened()` with accepted work and Ada's older file kept as version 2.
    fn with_version() -> State {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        s.apply(Action::Import { file: older_file("Ada"), origin: file_of("ada.json") });
        assert_eq!(s.corpus[0].versions.len(), 1);
        s
    }

    #[test]
    fn deleting_a_version_is_one_undoable_step_that_the_edit_log_replays() {
        let mut s = with_version();
        let kept = s.corpus[0].versions.clone();
        let (work, before) = (s.anns.clone(), s.clone());
        s.journal.clear();
        s.apply(Action::DeleteVersion { id: "t".into(), n: 2 });
        assert!(s.corpus[0].versions.is_empty());
        assert_eq!(s.anns, work, "the work is untouched");
        assert!(info(&s).contains("version 2 (Ada) deleted"), "{}", info(&s));
        // The edit log of this action, replayed on the state before it, deletes it too.
        let mut replayed = before.clone();
        replayed.apply(Action::Replay { ops: s.journal.clone(), upto: 1 });
        assert!(replayed.corpus[0].versions.is_empty());
        assert_eq!(replayed.history, s.history);
        // Undo brings back exactly the same version; redo deletes it again.
        s.apply(Action::Undo);
        assert_eq!(s.corpus[0].versions, kept);
        s.apply(Action::Redo);
        assert!(s.corpus[0].versions.is_empty());
        // The undo history survives its saved form (a reload) and still brings it back.
        let h = crate::ui::history::History::from_json(&s.history.to_json()).unwrap();
        s.apply(Action::RestoreHistory(h));
        s.apply(Action::Undo);
        assert_eq!(s.corpus[0].versions, kept);
        s.apply(Action::DeleteVersion { id: "t".into(), n: 5 });
        assert!(info(&s).contains("no version 5"), "{}", info(&s));
    }

    #[test]
    fn a_new_version_never_takes_the_number_of_a_deleted_one_undo_can_bring_back() {
        let mut s = with_version();
        s.apply(Action::DeleteVersion { id: "t".into(), n: 2 });
        s.apply(Action::Import { file: older_file("Bo"), origin: file_of("bo.json") });
        assert_eq!(s.corpus[0].versions[0].n, 3);
        s.apply(Action::Undo);
        let ns: Vec<usize> = s.corpus[0].versions.iter().map(|v| v.n).collect();
        assert_eq!(ns, [2, 3]);
        // A step whose version is not there as saved fails whole, in words.
        let mut changed = s.clone();
        Rc::make_mut(&mut Rc::make_mut(&mut changed.corpus)[0].versions)[0].origin = "other.json".into();
        changed.apply(Action::Redo);
        assert_eq!(changed.corpus[0].versions.len(), 2);
        assert!(matches!(&changed.message, Some(Message::Error(m)) if m.contains("version 2 of t has changed")));
    }

    #[test]
    fn a_version_viewed_read_only_refuses_every_change_until_esc() {
        let mut s = with_version();
        let (work, history) = (s.anns.clone(), s.history.clone());
        s.apply(Action::ViewVersion { id: "t".into(), n: 2 });
        assert_eq!(s.viewed().map(|v| v.n), Some(2));
        for a in [
            Action::Accept("A2".into()),
            Action::ToggleUnsure("A1".into()),
            Action::Undo,
            Action::MarkGold,
            Action::DeleteVersion { id: "t".into(), n: 2 },
        ] {
            s.apply(a);
            assert!(
                matches!(&s.message, Some(Message::Error(m)) if m.contains("viewing version 2 (Ada), read-only") && m.contains("Esc")),
                "{:?}",
                s.message
            );
        }
        assert_eq!((s.anns.clone(), s.history.clone()), (work.clone(), history));
        assert_eq!(s.corpus[0].versions.len(), 1);
        s.apply(Action::LeaveVersion);
        assert!(s.viewing.is_none());
        s.apply(Action::Accept("A2".into()));
        assert_ne!(s.anns, work, "editing works again");
        s.apply(Action::ViewVersion { id: "t".into(), n: 9 });
        assert!(s.viewing.is_none() && info(&s).contains("no version 9"));
    }

    #[test]
    fn versions_round_trip_through_their_saved_form() {
        let f = older_file("Ada");
        let v = Version { n: 2, annotator: Some("Ada".into()), time: None, origin: "a.json".into(), file: Rc::new(f) };
        let back =
            crate::ui::corpus::versions_from_json(&crate::ui::corpus::versions_to_json(std::slice::from_ref(&v)))
                .unwrap();
        assert_eq!(back, vec![v]);
        assert!(crate::ui::corpus::versions_from_json("[{\"n\": 2}]").is_err());
        let _ = Span::new(0, 1);
    }
}
