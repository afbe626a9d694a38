//! Autosave: each document's work as gold JSON in IndexedDB (database `gloss`, store `docs`,
//! read into memory once at startup so that reads are immediate), and in `localStorage` the
//! small things: which document is open, the corpus list, the annotator's name. Where the
//! browser has no IndexedDB, documents go to `localStorage` as before; documents an earlier
//! version left there are moved into IndexedDB at startup.
//!
//! Owns: the storage keys, the database, the in-memory copy, and turning a refused write (a
//! full quota) into an error in words, reported at once or, for IndexedDB's asynchronous
//! failures, through the callback given to [`init`]. It must not: parse gold files (the
//! caller does, with `GoldFile::from_json`) or decide when to save.

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

/// Who hears of a write that failed after it was started.
type ErrorHook = Option<Rc<dyn Fn(String)>>;

thread_local! {
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    static DB: RefCell<Option<web_sys::IdbDatabase>> = const { RefCell::new(None) };
    static ON_ERROR: RefCell<ErrorHook> = RefCell::new(None);
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
    let req = factory.open_with_u32(DB_NAME, 1)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::IdbVersionChangeEvent| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    wait(&req).await?.dyn_into::<web_sys::IdbDatabase>()
}

async fn read_all(db: &web_sys::IdbDatabase) -> Result<Vec<(String, String)>, JsValue> {
    let tx = db.transaction_with_str(STORE)?;
    let all = wait(&tx.object_store(STORE)?.get_all()?).await?;
    Ok(js_sys::Array::from(&all)
        .iter()
        .filter_map(|row| {
            let row = js_sys::Array::from(&row);
            Some((row.get(0).as_string()?, row.get(1).as_string()?))
        })
        .collect())
}

/// Opens the database and reads every saved document into memory; documents left in
/// `localStorage` by an earlier version move into it. `on_error` hears of writes that fail
/// later (a full quota). Where there is no IndexedDB, `localStorage` keeps the documents.
pub async fn init(on_error: impl Fn(String) + 'static) {
    ON_ERROR.with(|e| *e.borrow_mut() = Some(Rc::new(on_error)));
    let Ok(db) = open_db().await else { return };
    let Ok(rows) = read_all(&db).await else { return };
    CACHE.with(|c| c.borrow_mut().extend(rows));
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
    let bytes = json.len();
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

/// The corpus list saved at the last visit.
pub fn load_corpus() -> Option<String> {
    storage().ok()?.get_item(CORPUS_KEY).ok().flatten()
}

/// The id of the document open at the last visit.
pub fn open_id() -> Option<String> {
    storage().ok()?.get_item(OPEN_KEY).ok().flatten()
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
