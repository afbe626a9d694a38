//! The page's session with the browser's storage: what the last visit left comes back, and
//! every change is kept.
//!
//! Owns: writing each action's history ops to the edit log before the page paints it
//! ([`log_journal`]); the full save of what changed since the last one ([`save`]: documents,
//! versions, the history, the corpus list with each document's state); restoring at
//! startup ([`restore`]: versions, records kept apart, the document open last, the history
//! and the edit log replayed; the identity registry's declared entries, [`save_registry`]; the project
//! lexicon's settings, [`save_lexicon`]);
//! and keeping unreadable saved work apart ([`keep_apart`]). It
//! must not: change the state except through actions, or decide what an action means.

use super::browser::{self, files, selection, storage, tabs};
use super::corpus::{self, Listed, Version};
use super::history::{self, History, Op};
use super::lexicon::Settings;
use super::state::{Action, Origin, State};
use crate::formats::gold::{GoldFile, Identity, Meta};
use crate::model::{Annotation, Document};
use std::collections::HashMap;
use std::rc::Rc;
use yew::Callback;

/// A document as a full save wrote it: its text, annotations and file facts.
type Written = (Rc<Document>, Rc<Vec<Annotation>>, Meta);

/// What the last full save wrote, compared by pointer so that only what changed is written.
#[derive(Default)]
pub struct Marks {
    docs: HashMap<String, Written>,
    versions: HashMap<String, Rc<Vec<Version>>>,
    history: Option<(Rc<History>, u64)>,
    /// What the last save wrote of the registry and of the lexicon's settings, and whether
    /// it was empty.
    registry: Option<(Rc<Vec<Identity>>, bool)>,
    lexicon: Option<(Rc<Settings>, bool)>,
}

/// Key of the identity registry's declared entries (a JSON array of gold `identities`).
pub const REGISTRY_KEY: &str = "gloss.registry";

/// Saves the registry's declared entries when they changed since the last save.
fn save_registry(state: &State, marks: &mut Marks) {
    keep_aside(REGISTRY_KEY, &state.identities, state.identities.is_empty(), &mut marks.registry);
}

/// Key of the project lexicon's settings (imported lexicons, forgotten entries; JSON).
pub const LEXICON_KEY: &str = "gloss.lexicon";

/// Saves the project lexicon's settings when they changed since the last save.
fn save_lexicon(state: &State, marks: &mut Marks) {
    let now = &state.lexicon_settings;
    keep_aside(LEXICON_KEY, now, now.is_empty(), &mut marks.lexicon);
}

/// Writes `now` (JSON) under `key` of the browser's storage, or removes the key when it is
/// `empty`, unless `mark` (what the last save wrote) is the same value. Empty before
/// anything was saved this visit, nothing is written: the page may not have restored the last
/// visit's value yet, which must not be erased.
fn keep_aside<T: serde::Serialize>(key: &str, now: &Rc<T>, empty: bool, mark: &mut Option<(Rc<T>, bool)>) {
    if mark.as_ref().is_some_and(|(r, _)| Rc::ptr_eq(r, now)) {
        return;
    }
    if empty && mark.as_ref().is_none_or(|(_, was_empty)| *was_empty) {
        *mark = Some((now.clone(), empty));
        return;
    }
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return };
    let ok = if empty {
        s.remove_item(key).is_ok()
    } else {
        serde_json::to_string(&**now).is_ok_and(|j| s.set_item(key, &j).is_ok())
    };
    if ok {
        *mark = Some((now.clone(), empty));
    }
}

/// The value saved under `key` at the last visit (the default when there is none), or why it
/// cannot be read: `what` names it, `kept` says what stays meanwhile.
fn saved_aside<T: serde::de::DeserializeOwned + Default>(key: &str, what: &str, kept: &str) -> Result<T, String> {
    let raw =
        web_sys::window().and_then(|w| w.local_storage().ok().flatten()).and_then(|s| s.get_item(key).ok().flatten());
    match raw {
        None => Ok(T::default()),
        Some(j) => serde_json::from_str(&j).map_err(|e| format!("{what} unreadable ({e}): {kept}")),
    }
}

/// The project lexicon's settings saved at the last visit, or why they cannot be read.
fn saved_lexicon() -> Result<Settings, String> {
    saved_aside(
        LEXICON_KEY,
        "the saved project lexicon settings are",
        "imported lexicons and forgotten entries start empty; what your decisions teach is kept",
    )
}

/// The registry's declared entries saved at the last visit, or why they cannot be read.
fn saved_registry() -> Result<Vec<Identity>, String> {
    saved_aside(
        REGISTRY_KEY,
        "the saved identity registry is",
        "it starts empty; the identities in the documents are kept",
    )
}

/// Writes the history ops of the action just reduced to the edit log, and notes the key of
/// the last one in `next`. Nothing in a read-only tab.
pub fn log_journal(next: &mut State) {
    if next.journal.is_empty() || next.read_only.is_some() || !tabs::is_writer() {
        return;
    }
    for op in &next.journal {
        if let Some(k) = storage::log_op(&history::op_to_json(op)) {
            next.logged = k;
        }
    }
}

fn same(marks: &Marks, id: &str, doc: &Rc<Document>, anns: &Rc<Vec<Annotation>>, meta: &Meta) -> bool {
    marks.docs.get(id).is_some_and(|(d, a, m)| Rc::ptr_eq(d, doc) && Rc::ptr_eq(a, anns) && m == meta)
}

/// A full save made ready ([`prepare`]) and not yet written ([`Prepared::write`]).
pub struct Prepared {
    snap: storage::Snapshot,
    next: Vec<(String, Written)>,
    next_versions: Vec<(String, Rc<Vec<Version>>)>,
    stamped: Option<String>,
}

/// Makes ready the full save of what changed since the last one: the JSON of each document,
/// version list and history that changed. `None` where this tab does not save (read-only,
/// or another tab writes). The autosave writes it in the next task, so that no task holds
/// both the writing of a long document's JSON and its storing.
pub fn prepare(state: &State, marks: &mut Marks) -> Option<Prepared> {
    if state.read_only.is_some() || !tabs::is_writer() {
        return None;
    }
    let mut snap = storage::Snapshot::default();
    if !state.corpus.is_empty() {
        let here = state.doc.as_ref().map(|d| (d.id.as_str(), (state.unreviewed(), state.anns.len()), state.marked));
        snap.list = Some(corpus::list_to_json(&state.corpus, here));
    }
    let mut next = Vec::new();
    let mut stamped = None;
    for e in state.corpus.iter() {
        let Some(p) = &e.parked else { continue };
        if same(marks, &e.id, &p.doc, &p.anns, &p.meta) {
            continue;
        }
        let mark = (p.doc.clone(), p.anns.clone(), p.meta.clone());
        // Loaded as it was saved: nothing to write.
        if !marks.docs.contains_key(&e.id) && !p.touched && storage::load(&e.id).is_some() {
            marks.docs.insert(e.id.clone(), mark);
            continue;
        }
        // Written from the work as it is (no copy of its text or annotations).
        let mut meta = Meta { identities: state.identities_of(&p.anns), ..p.meta.clone() };
        if p.touched {
            meta.modified = Some(browser::now_iso());
        }
        snap.docs.push((e.id.clone(), GoldFile::json_line_of(&p.doc, &p.anns, &meta)));
        next.push((e.id.clone(), mark));
    }
    if let Some(doc) = &state.doc {
        if !same(marks, &doc.id, doc, &state.anns, &state.meta) {
            let mut meta = Meta { identities: state.identities_of(&state.anns), ..state.meta.clone() };
            // Opened as it was saved, it keeps its bytes and times; a change is stamped.
            if state.touched || meta.created.is_none() {
                let now = browser::now_iso();
                meta.created.get_or_insert_with(|| now.clone());
                meta.modified = Some(now.clone());
                stamped = Some(now);
            }
            snap.docs.push((doc.id.clone(), GoldFile::json_line_of(doc, &state.anns, &meta)));
            // The mark holds the work's own meta (the registry's entries are stamped on writing).
            let meta = Meta { identities: state.meta.identities.clone(), ..meta };
            next.push((doc.id.clone(), (doc.clone(), state.anns.clone(), meta)));
        }
        snap.open = Some(doc.id.clone());
    }
    let mut next_versions = Vec::new();
    for e in state.corpus.iter() {
        match marks.versions.get(&e.id) {
            Some(v) if Rc::ptr_eq(v, &e.versions) => continue,
            None if e.versions.is_empty() => continue,
            _ => {}
        }
        snap.versions.push((e.id.clone(), corpus::versions_to_json(&e.versions)));
        next_versions.push((e.id.clone(), e.versions.clone()));
    }
    let history_changed =
        marks.history.as_ref().is_none_or(|(h, k)| !Rc::ptr_eq(h, &state.history) || *k != state.logged);
    if history_changed {
        snap.history = Some((state.history.to_json(), state.logged));
    }
    Some(Prepared { snap, next, next_versions, stamped })
}

impl Prepared {
    /// The JSON it holds, in bytes.
    pub fn bytes(&self) -> usize {
        let docs: usize = self.snap.docs.iter().map(|(_, j)| j.len()).sum();
        let versions: usize = self.snap.versions.iter().map(|(_, j)| j.len()).sum();
        docs + versions + self.snap.history.as_ref().map_or(0, |(j, _)| j.len())
    }

    /// Writes the save in one transaction and notes what it holds. The time it stamped on the
    /// document on screen (for [`Action::Stamp`]), when it stamped one. `state` is the one
    /// the save was prepared from.
    pub fn write(self, state: &State, marks: &mut Marks) -> Result<Option<String>, String> {
        selection::mark("gloss:save:store");
        storage::save_snapshot(&self.snap)?;
        selection::measure("gloss:save:store", "gloss:save:store");
        save_registry(state, marks);
        save_lexicon(state, marks);
        marks.docs.extend(self.next);
        marks.versions.extend(self.next_versions);
        marks.history = Some((state.history.clone(), state.logged));
        Ok(self.stamped)
    }
}

/// Keeps the unreadable saved work on document `id` apart (untouched, offered as a download)
/// so that new work on `id` cannot overwrite it, and says so.
pub fn keep_apart(id: &str, why: String, dispatch: &Callback<Action>) {
    set_aside(id);
    dispatch.emit(Action::Unreadable { id: id.to_string(), reason: Some(why) });
}

/// Moves the saved work on `id` apart in storage (see [`keep_apart`]); a read-only tab
/// leaves storage as it is.
pub fn set_aside(id: &str) {
    if tabs::is_writer() {
        storage::set_aside(id);
    }
}

/// Downloads the record kept apart for document `id`, byte for byte.
pub fn download_kept(id: &str, dispatch: &Callback<Action>) {
    let Some(raw) = storage::kept(id).or_else(|| storage::load(id)) else {
        return dispatch.emit(Action::Fail(format!("nothing is kept for {id}")));
    };
    let name = format!("{}.unreadable.json", crate::formats::safe_file_name(id));
    if let Err(e) = files::download(&name, &raw, "application/json") {
        dispatch.emit(Action::Fail(e));
    }
}

/// Deletes the record kept apart for document `id`, after the user confirmed.
pub fn discard_kept(id: &str, dispatch: &Callback<Action>) {
    let ok = web_sys::window()
        .and_then(|w| {
            w.confirm_with_message(&format!(
                "Delete the unreadable saved work on {id} for good? Download it first to keep it."
            ))
            .ok()
        })
        .unwrap_or(false);
    if ok {
        storage::discard_kept(id);
        dispatch.emit(Action::Unreadable { id: id.to_string(), reason: None });
    }
}

/// Reads saved work. Work saved before date values were checked may hold values that break
/// TIMEX3: it is restored as it is (never refused or dropped), with the problems listed so that
/// the caller tells the user, after the document is in place, with [`notify_problems`].
pub fn read_saved(json: &str) -> Result<(GoldFile, Vec<String>), String> {
    GoldFile::restore_json(json).map_err(|e| e.to_string())
}

/// Tells the user that the saved work on `id` holds values to correct (see [`read_saved`]).
pub fn notify_problems(id: &str, problems: &[String], dispatch: &Callback<Action>) {
    if let Some(first) = problems.first() {
        dispatch.emit(Action::Notify(format!(
            "saved work on {id}: {} value(s) break TIMEX3 and need correcting (first: {first})",
            problems.len()
        )));
    }
}

/// Loads the saved work on document `id` into the corpus (not on screen) when it is stored
/// and not loaded: before a file of the same document opens, so that the reducer compares
/// the file with the work (and never replaces it). Unreadable work is kept apart.
pub fn park_saved(id: &str, origin: &Origin, dispatch: &Callback<Action>) {
    let Some(json) = storage::load(id) else { return };
    match read_saved(&json) {
        Ok((file, problems)) => {
            dispatch.emit(Action::Park { file, origin: origin.clone() });
            notify_problems(id, &problems, dispatch);
        }
        Err(e) => keep_apart(id, e, dispatch),
    }
}

/// Parks the saved work on every listed document with id `id` or text `sha` (see
/// [`park_saved`]).
pub fn park_same(id: &str, sha: &str, dispatch: &Callback<Action>) {
    let listed = storage::load_corpus().and_then(|l| corpus::list_from_json(&l).ok()).unwrap_or_default();
    let mut ids: Vec<String> =
        listed.iter().filter(|l| l.id == id || l.sha.as_deref() == Some(sha)).map(|l| l.id.clone()).collect();
    if !ids.iter().any(|i| i == id) {
        ids.push(id.to_string());
    }
    for i in ids {
        park_saved(&i, &Origin::Restored, dispatch);
    }
}

/// The saved corpus list, or the reason it is unreadable (its raw text is then kept under
/// another key).
pub fn saved_list() -> Result<Vec<Listed>, String> {
    let Some(raw) = storage::load_corpus() else { return Ok(Vec::new()) };
    corpus::list_from_json(&raw).inspect_err(|_| storage::keep_corpus_list(&raw))
}

/// Restores what the last visit left, after the storage is open: each document's versions,
/// the records kept apart, the document open last (`open_first` opens one when there is
/// none), then the undo history and the edit log replayed on the saved work.
pub fn restore(listed: &[Listed], dispatch: &Callback<Action>, open_first: impl FnOnce()) {
    match saved_registry() {
        Ok(list) if list.is_empty() => {}
        Ok(list) => dispatch.emit(Action::SetIdentities(list)),
        Err(e) => dispatch.emit(Action::Fail(e)),
    }
    match saved_lexicon() {
        Ok(settings) if settings.is_empty() => {}
        Ok(settings) => dispatch.emit(Action::SetLexicon(settings)),
        Err(e) => dispatch.emit(Action::Fail(e)),
    }
    let saved = storage::saved();
    for (id, json) in &saved.versions {
        match corpus::versions_from_json(json) {
            Ok(versions) => dispatch.emit(Action::SetVersions { id: id.clone(), versions }),
            Err(e) => dispatch.emit(Action::Fail(format!("{id}: {e}"))),
        }
    }
    for (id, raw) in &saved.kept {
        let why =
            GoldFile::from_json(raw).err().map_or_else(|| "kept apart at an earlier visit".into(), |e| e.to_string());
        dispatch.emit(Action::Unreadable { id: id.clone(), reason: Some(why) });
    }
    let restored = storage::open_id().and_then(|id| {
        let json = storage::load(&id)?;
        Some((id, read_saved(&json)))
    });
    match restored {
        Some((id, Ok((file, problems)))) => {
            let origin = match (super::seeds::find(&id), listed.iter().find(|l| l.id == id)) {
                (Some(_), _) => Origin::Seed(id.clone()),
                (None, Some(l)) => l.origin.clone(),
                (None, None) => Origin::Restored,
            };
            dispatch.emit(Action::OpenGold { file, origin });
            notify_problems(&id, &problems, dispatch);
        }
        Some((id, Err(e))) => {
            set_aside(&id);
            open_first();
            dispatch.emit(Action::Unreadable { id, reason: Some(e) });
        }
        None => open_first(),
    }
    let history = match saved.history.as_ref().map(|(_, json)| History::from_json(json)) {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            dispatch.emit(Action::Fail(format!("{e}: undo starts afresh; the work itself is kept")));
            History::default()
        }
        None => History::default(),
    };
    let (mut ops, mut bad, mut upto) = (Vec::new(), 0, saved.history.as_ref().map_or(0, |h| h.0));
    for (k, json) in &saved.log {
        match history::op_from_json(json) {
            Ok(op) => ops.push(op),
            Err(_) => bad += 1,
        }
        upto = *k;
    }
    // The documents the history and the log touch are loaded, so that undo and the replay
    // find them.
    let mut ids = history.documents();
    for op in &ops {
        if let Op::Do(step) = op {
            ids.extend(step.iter().map(|(d, _)| d.clone()));
        }
    }
    crate::sort::sort(&mut ids);
    ids.dedup();
    for id in ids {
        let origin = listed.iter().find(|l| l.id == id).map_or(Origin::Restored, |l| l.origin.clone());
        park_saved(&id, &origin, dispatch);
    }
    dispatch.emit(Action::RestoreHistory(history));
    if !ops.is_empty() || upto > 0 {
        dispatch.emit(Action::Replay { ops, upto });
    }
    if bad > 0 {
        dispatch.emit(Action::Fail(format!("{bad} record(s) of the edit log were unreadable and are skipped")));
    }
}
