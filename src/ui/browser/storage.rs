//! Autosave: each document's work as gold JSON (on one line, as in Gloss JSON Lines: a third
//! smaller and quicker to write than pretty JSON) in IndexedDB (database `gloss`, store `docs`,
//! read into memory once at startup so that reads are immediate), with the undo history
//! (store `meta`), the other versions of each document (store `versions`), an append-only
//! log of the edits made since the last full save (store `log`: one small record per edit,
//! written before the edit is painted, so a crash loses nothing) and saved work that could
//! not be read, kept apart until the user decides (store `kept`). A full save writes the
//! documents that changed, the history and the versions in one transaction and drops the
//! log records it covers. In `localStorage` the small things: which document is open, the
//! corpus list, the annotator's name. Where the browser has no IndexedDB, documents go to
//! `localStorage` as before (no log, no history); documents an earlier version left there
//! are moved into IndexedDB at startup.
//!
//! Owns: the storage keys, the database, the in-memory copy, and turning a refused write (a
//! full quota) into an error in words, reported at once or, for IndexedDB's asynchronous
//! failures, through the callback given to [`init`]. It must not: parse gold files, the
//! history or the log (the caller does) or decide when to save.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Key of the open document's id.
pub const OPEN_KEY: &str = "gloss.open";
/// Prefix of each document's saved gold JSON in `localStorage` (`gloss.doc.<id>`), used
/// only where there is no IndexedDB.
pub const DOC_PREFIX: &str = "gloss.doc.";
/// The IndexedDB database and object store of the documents.
pub const DB_NAME: &str = "gloss";
pub const STORE: &str = "docs";
/// The database's version: 2 added the stores below.
pub const DB_VERSION: u32 = 2;
/// Store of the edit log: key a number (increasing), value an op's JSON.
pub const LOG: &str = "log";
/// Store of the saved undo history (key [`HISTORY_KEY`], value `[log key, history JSON]`),
/// the corpus list ([`LIST_KEY`]) and the document open ([`OPEN_ID_KEY`]), both `[key, text]`:
/// written with the documents in one transaction (localStorage may lose its last seconds in a
/// crash).
pub const META: &str = "meta";
pub const HISTORY_KEY: &str = "history";
pub const LIST_KEY: &str = "corpus";
pub const OPEN_ID_KEY: &str = "open";
/// Store of each document's other versions: key the document id, value their JSON.
pub const VERSIONS: &str = "versions";
/// Store of saved work that could not be read: key the document id, value the raw record.
pub const KEPT: &str = "kept";
const STORES: [&str; 5] = [STORE, LOG, META, VERSIONS, KEPT];

/// Who hears of a write that failed after it was started.
type ErrorHook = Option<Rc<dyn Fn(String)>>;

thread_local! {
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    static DB: RefCell<Option<web_sys::IdbDatabase>> = const { RefCell::new(None) };
    static ON_ERROR: RefCell<ErrorHook> = RefCell::new(None);
    static SAVED: RefCell<Saved> = RefCell::new(Saved::default());
    static NEXT_KEY: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// What the last visit left besides the documents, read at [`init`].
#[derive(Clone, Debug, Default)]
pub struct Saved {
    /// The saved undo history: the key of the last log record it includes, and its JSON.
    pub history: Option<(u64, String)>,
    /// The log records written after it, in order: key and op JSON.
    pub log: Vec<(u64, String)>,
    /// Each document's versions (id, JSON).
    pub versions: Vec<(String, String)>,
    /// Saved work kept apart because it could not be read (id, raw record).
    pub kept: Vec<(String, String)>,
    /// The corpus list's JSON and the id of the document open, as the last full save wrote
    /// them.
    pub list: Option<String>,
    pub open: Option<String>,
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "this browser keeps no local storage here: work is not autosaved".to_string())
}

fn full_message(bytes: usize) -> String {
    format!(
        "autosave failed: the browser's storage is full or refused {:.1} MB; download your work to keep it",
        bytes as f64 / 1_048_576.0
    )
}

/// A request's outcome as a future: its result, or its error.
fn wait(req: &web_sys::IdbRequest) -> wasm_bindgen_futures::JsFuture {
    let req = req.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let err = Closure::once_into_js(move || {
            let e = r.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

async fn open_db() -> Result<web_sys::IdbDatabase, JsValue> {
    let factory = web_sys::window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
    let req = factory.open_with_u32(DB_NAME, DB_VERSION)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::IdbVersionChangeEvent| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            for store in STORES {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    wait(&req).await?.dyn_into::<web_sys::IdbDatabase>()
}

async fn read_all(db: &web_sys::IdbDatabase) -> Result<Vec<(String, String)>, JsValue> {
    read_pairs(db, STORE).await
}

/// Every record of a store whose values are `[key, text]` (docs, versions, kept).
async fn read_pairs(db: &web_sys::IdbDatabase, store: &str) -> Result<Vec<(String, String)>, JsValue> {
    let tx = db.transaction_with_str(store)?;
    let all = wait(&tx.object_store(store)?.get_all()?).await?;
    Ok(js_sys::Array::from(&all)
        .iter()
        .filter_map(|row| {
            let row = js_sys::Array::from(&row);
            Some((row.get(0).as_string()?, row.get(1).as_string()?))
        })
        .collect())
}

/// The saved history and the log records after it.
async fn read_saved(db: &web_sys::IdbDatabase) -> Result<Saved, JsValue> {
    let tx = db.transaction_with_str(META)?;
    let h = wait(&tx.object_store(META)?.get(&HISTORY_KEY.into())?).await?;
    let history = (!h.is_undefined())
        .then(|| js_sys::Array::from(&h))
        .and_then(|row| Some((row.get(0).as_f64()? as u64, row.get(1).as_string()?)));
    let upto = history.as_ref().map_or(0, |h| h.0);
    let text_of = |v: JsValue| (!v.is_undefined()).then(|| js_sys::Array::from(&v).get(1).as_string()).flatten();
    let list = text_of(wait(&tx.object_store(META)?.get(&LIST_KEY.into())?).await?);
    let open = text_of(wait(&tx.object_store(META)?.get(&OPEN_ID_KEY.into())?).await?);
    let tx = db.transaction_with_str(LOG)?;
    let store = tx.object_store(LOG)?;
    let keys = wait(&store.get_all_keys()?).await?;
    let values = wait(&store.get_all()?).await?;
    let keys = js_sys::Array::from(&keys);
    let values = js_sys::Array::from(&values);
    let mut log: Vec<(u64, String)> = (0..keys.length())
        .filter_map(|i| Some((keys.get(i).as_f64()? as u64, values.get(i).as_string()?)))
        .filter(|(k, _)| *k > upto)
        .collect();
    crate::sort::sort_by_key(&mut log, |(k, _)| *k);
    let last = log.last().map_or(upto, |(k, _)| *k);
    NEXT_KEY.with(|n| n.set(last + 1));
    Ok(Saved { history, log, versions: read_pairs(db, VERSIONS).await?, kept: read_pairs(db, KEPT).await?, list, open })
}

/// Opens the database and reads every saved document into memory; documents left in
/// `localStorage` by an earlier version move into it. `on_error` hears of writes that fail
/// later (a full quota). Where there is no IndexedDB, `localStorage` keeps the documents.
pub async fn init(on_error: impl Fn(String) + 'static) {
    ON_ERROR.with(|e| *e.borrow_mut() = Some(Rc::new(on_error)));
    let Ok(db) = open_db().await else { return };
    let Ok(rows) = read_all(&db).await else { return };
    CACHE.with(|c| c.borrow_mut().extend(rows));
    if let Ok(saved) = read_saved(&db).await {
        SAVED.with(|s| *s.borrow_mut() = saved);
    }
    DB.with(|d| *d.borrow_mut() = Some(db));
    // Move documents an earlier version saved in localStorage.
    if let Ok(s) = storage() {
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(DOC_PREFIX))
            .collect();
        for k in keys {
            let id = &k[DOC_PREFIX.len()..];
            if let Some(json) = s.get_item(&k).ok().flatten() {
                if load(id).is_none() && save_only(id, &json).is_err() {
                    continue;
                }
            }
            let _ = s.remove_item(&k);
        }
    }
}

fn report(message: String) {
    if let Some(f) = ON_ERROR.with(|e| e.borrow().clone()) {
        f(message);
    }
}

fn idb_put(db: &web_sys::IdbDatabase, id: &str, json: &str) -> Result<(), JsValue> {
    let tx = db.transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)?;
    watch_failure(&tx, json.len());
    let row = js_sys::Array::of2(&id.into(), &json.into());
    tx.object_store(STORE)?.put_with_key(&row, &id.into())?;
    Ok(())
}

/// Saves `gold_json` as the work on document `id` and marks it as the open one.
pub fn save(id: &str, gold_json: &str) -> Result<(), String> {
    save_only(id, gold_json)?;
    storage()?.set_item(OPEN_KEY, id).map_err(|_| "autosave failed: the browser refused to store".to_string())
}

/// Saves `gold_json` as the work on document `id` (not marking it open).
pub fn save_only(id: &str, gold_json: &str) -> Result<(), String> {
    // Test hook: `window.__glossQuotaFull = true` makes every save fail as a full quota does.
    let full = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__glossQuotaFull".into()).ok())
        .is_some_and(|v| v.is_truthy());
    if full {
        return Err(full_message(gold_json.len()));
    }
    match DB.with(|d| d.borrow().clone()) {
        Some(db) => {
            idb_put(&db, id, gold_json).map_err(|_| full_message(gold_json.len()))?;
            CACHE.with(|c| c.borrow_mut().insert(id.to_string(), gold_json.to_string()));
            Ok(())
        }
        None => storage()?.set_item(&format!("{DOC_PREFIX}{id}"), gold_json).map_err(|_| full_message(gold_json.len())),
    }
}

/// What the last visit left besides the documents (read by [`init`]).
pub fn saved() -> Saved {
    SAVED.with(|s| s.borrow().clone())
}

/// Appends one op (its JSON) to the edit log and asks the browser to commit it at once,
/// before the edit is painted. Its key, or `None` where there is no IndexedDB.
pub fn log_op(op_json: &str) -> Option<u64> {
    let db = DB.with(|d| d.borrow().clone())?;
    let key = NEXT_KEY.with(|n| {
        let k = n.get();
        n.set(k + 1);
        k
    });
    let put = || -> Result<(), JsValue> {
        let tx = db.transaction_with_str_and_mode(LOG, web_sys::IdbTransactionMode::Readwrite)?;
        watch_failure(&tx, op_json.len());
        tx.object_store(LOG)?.put_with_key(&op_json.into(), &(key as f64).into())?;
        commit(&tx)
    };
    if put().is_err() {
        report(full_message(op_json.len()));
    }
    Some(key)
}

/// One full save: what changed since the last one.
#[derive(Default)]
pub struct Snapshot {
    /// Documents' gold JSON (id, JSON).
    pub docs: Vec<(String, String)>,
    /// Documents' versions (id, JSON).
    pub versions: Vec<(String, String)>,
    /// The history's JSON, and the key of the last log record the snapshot includes.
    pub history: Option<(String, u64)>,
    /// The document on screen.
    pub open: Option<String>,
    /// The corpus list's JSON.
    pub list: Option<String>,
}

/// Writes a full save in one transaction and drops the log records it includes.
pub fn save_snapshot(snap: &Snapshot) -> Result<(), String> {
    let bytes: usize = snap.docs.iter().map(|(_, j)| j.len()).sum();
    if quota_hook() {
        return Err(full_message(bytes));
    }
    let Some(db) = DB.with(|d| d.borrow().clone()) else {
        if let Some(list) = &snap.list {
            save_corpus(list)?;
        }
        for (id, json) in &snap.docs {
            save_only(id, json)?;
        }
        return set_open(snap.open.as_deref());
    };
    let write = || -> Result<(), JsValue> {
        // The log is not in this transaction's scope, so that an edit logged meanwhile never
        // waits for a long full save; the records it covers go once it is committed.
        let tx = db.transaction_with_str_sequence_and_mode(
            &js_sys::Array::of3(&STORE.into(), &VERSIONS.into(), &META.into()),
            web_sys::IdbTransactionMode::Readwrite,
        )?;
        watch_failure(&tx, bytes);
        let docs = tx.object_store(STORE)?;
        for (id, json) in &snap.docs {
            docs.put_with_key(&js_sys::Array::of2(&id.into(), &json.into()), &id.into())?;
        }
        let meta = tx.object_store(META)?;
        for (key, text) in [(LIST_KEY, &snap.list), (OPEN_ID_KEY, &snap.open)] {
            if let Some(text) = text {
                meta.put_with_key(&js_sys::Array::of2(&key.into(), &text.as_str().into()), &key.into())?;
            }
        }
        let versions = tx.object_store(VERSIONS)?;
        for (id, json) in &snap.versions {
            versions.put_with_key(&js_sys::Array::of2(&id.into(), &json.into()), &id.into())?;
        }
        if let Some((json, upto)) = &snap.history {
            let row = js_sys::Array::of2(&(*upto as f64).into(), &json.into());
            tx.object_store(META)?.put_with_key(&row, &HISTORY_KEY.into())?;
            let (db, upto) = (db.clone(), *upto);
            let trim = Closure::once_into_js(move || {
                let _ = trim_log(&db, upto);
            });
            tx.set_oncomplete(Some(trim.unchecked_ref()));
        }
        commit(&tx)
    };
    write().map_err(|_| full_message(bytes))?;
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        for (id, json) in &snap.docs {
            c.insert(id.clone(), json.clone());
        }
    });
    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        if snap.list.is_some() {
            s.list.clone_from(&snap.list);
        }
        if snap.open.is_some() {
            s.open.clone_from(&snap.open);
        }
    });
    Ok(())
}

/// Asks the browser to commit `tx` now rather than when the current task ends (supported by
/// Chromium, Firefox and Safari; web-sys marks it deprecated after an old WebIDL), so that an
/// edit's log record is written even if the page is busy painting or is killed just after.
#[allow(deprecated)]
fn commit(tx: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    tx.commit()
}

/// Drops the log records up to `upto` (a full save includes them).
fn trim_log(db: &web_sys::IdbDatabase, upto: u64) -> Result<(), JsValue> {
    let tx = db.transaction_with_str_and_mode(LOG, web_sys::IdbTransactionMode::Readwrite)?;
    tx.object_store(LOG)?.delete(&web_sys::IdbKeyRange::upper_bound(&(upto as f64).into())?.into())?;
    commit(&tx)
}

fn set_open(open: Option<&str>) -> Result<(), String> {
    match open {
        Some(id) => {
            storage()?.set_item(OPEN_KEY, id).map_err(|_| "autosave failed: the browser refused to store".to_string())
        }
        None => Ok(()),
    }
}

/// Moves the saved work on document `id` (which could not be read) out of the documents into
/// the store of kept records, untouched, so that new work on `id` does not overwrite it.
pub fn set_aside(id: &str) {
    let Some(raw) = load(id) else { return };
    let Some(db) = DB.with(|d| d.borrow().clone()) else { return };
    let mv = || -> Result<(), JsValue> {
        let tx = db.transaction_with_str_sequence_and_mode(
            &js_sys::Array::of2(&STORE.into(), &KEPT.into()),
            web_sys::IdbTransactionMode::Readwrite,
        )?;
        tx.object_store(KEPT)?.put_with_key(&js_sys::Array::of2(&id.into(), &raw.as_str().into()), &id.into())?;
        tx.object_store(STORE)?.delete(&id.into())?;
        commit(&tx)
    };
    if mv().is_ok() {
        CACHE.with(|c| c.borrow_mut().remove(id));
        SAVED.with(|s| {
            let mut s = s.borrow_mut();
            s.kept.retain(|(k, _)| k != id);
            s.kept.push((id.to_string(), raw));
        });
    }
}

/// The raw record kept apart for document `id`.
pub fn kept(id: &str) -> Option<String> {
    SAVED.with(|s| s.borrow().kept.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone()))
}

/// Deletes the record kept apart for document `id` (the user decided).
pub fn discard_kept(id: &str) {
    SAVED.with(|s| s.borrow_mut().kept.retain(|(k, _)| k != id));
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        if let Ok(tx) = db.transaction_with_str_and_mode(KEPT, web_sys::IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(KEPT) {
                let _ = store.delete(&id.into());
            }
        }
    }
}

fn quota_hook() -> bool {
    // Test hook: `window.__glossQuotaFull = true` makes every save fail as a full quota does.
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__glossQuotaFull".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

fn watch_failure(tx: &web_sys::IdbTransaction, bytes: usize) {
    let failed = Closure::once_into_js(move |e: web_sys::Event| {
        let name = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbTransaction>().ok())
            .and_then(|t| t.error())
            .map(|x| x.name())
            .unwrap_or_default();
        report(if name.is_empty() || name == "QuotaExceededError" {
            full_message(bytes)
        } else {
            format!("autosave failed ({name}); download your work to keep it")
        });
    });
    tx.set_onabort(Some(failed.unchecked_ref()));
}

/// True when documents are kept in IndexedDB (not `localStorage`).
pub fn uses_indexed_db() -> bool {
    DB.with(|d| d.borrow().is_some())
}

/// Key of the corpus list: a JSON array of `[id, title, origin]`.
pub const CORPUS_KEY: &str = "gloss.corpus";

/// Saves the corpus list.
pub fn save_corpus(list_json: &str) -> Result<(), String> {
    storage()?
        .set_item(CORPUS_KEY, list_json)
        .map_err(|_| "autosave failed: the corpus list could not be stored; download your work to keep it".to_string())
}

/// Key under which an unreadable corpus list is kept, untouched, until the user decides.
pub const CORPUS_KEPT_KEY: &str = "gloss.corpus.unreadable";

/// Keeps an unreadable corpus list under [`CORPUS_KEPT_KEY`] (unless one is kept already).
pub fn keep_corpus_list(raw: &str) {
    if let Ok(s) = storage() {
        if s.get_item(CORPUS_KEPT_KEY).ok().flatten().is_none() {
            let _ = s.set_item(CORPUS_KEPT_KEY, raw);
        }
    }
}

/// The corpus list as last saved (IndexedDB, else `localStorage` as earlier versions kept it).
pub fn load_corpus() -> Option<String> {
    SAVED.with(|s| s.borrow().list.clone()).or_else(|| storage().ok()?.get_item(CORPUS_KEY).ok().flatten())
}

/// The id of the document open at the last visit.
pub fn open_id() -> Option<String> {
    SAVED.with(|s| s.borrow().open.clone()).or_else(|| storage().ok()?.get_item(OPEN_KEY).ok().flatten())
}

/// The saved gold JSON of document `id`.
pub fn load(id: &str) -> Option<String> {
    if uses_indexed_db() {
        return CACHE.with(|c| c.borrow().get(id).cloned());
    }
    storage().ok()?.get_item(&format!("{DOC_PREFIX}{id}")).ok().flatten()
}

/// Forgets the saved work on document `id`.
pub fn forget(id: &str) {
    CACHE.with(|c| c.borrow_mut().remove(id));
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        if let Ok(tx) = db.transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(STORE) {
                let _ = store.delete(&id.into());
            }
        }
    }
    if let Ok(s) = storage() {
        let _ = s.remove_item(&format!("{DOC_PREFIX}{id}"));
    }
}

/// Key of the annotator's name, kept across documents and visits.
pub const ANNOTATOR_KEY: &str = "gloss.annotator";

/// The annotator's name saved at an earlier visit.
pub fn annotator() -> Option<String> {
    storage().ok()?.get_item(ANNOTATOR_KEY).ok().flatten().filter(|n| !n.trim().is_empty())
}

/// Remembers the annotator's name (empty: forgets it).
pub fn set_annotator(name: &str) {
    if let Ok(s) = storage() {
        let _ =
            if name.trim().is_empty() { s.remove_item(ANNOTATOR_KEY) } else { s.set_item(ANNOTATOR_KEY, name.trim()) };
    }
}

/// Key of the documents whose predictions were asked for and had not come when last known
/// (a JSON array of document ids): a page closed before they came asks again when it shows
/// the document.
pub const AWAITING_KEY: &str = "gloss.awaiting";

/// The documents whose predictions had not come.
pub fn awaiting() -> Vec<String> {
    let raw = storage().ok().and_then(|s| s.get_item(AWAITING_KEY).ok().flatten());
    raw.and_then(|r| serde_json::from_str(&r).ok()).unwrap_or_default()
}

/// Notes that document `id`'s predictions are (`true`) or are no longer (`false`) awaited.
pub fn set_awaiting(id: &str, on: bool) {
    let mut ids = awaiting();
    ids.retain(|x| x != id);
    if on {
        ids.push(id.to_string());
    }
    if let Ok(s) = storage() {
        let _ = match ids.is_empty() {
            true => s.remove_item(AWAITING_KEY),
            false => s.set_item(AWAITING_KEY, &serde_json::to_string(&ids).unwrap_or_default()),
        };
    }
}
