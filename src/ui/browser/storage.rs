//! Autosave in `localStorage`: the open document as gold JSON, and which document is open.
//!
//! Owns: the storage keys and reading/writing them. It must not: parse gold files (the
//! caller does, with `GoldFile::from_json`) or decide when to save.

/// Key of the open document's id.
pub const OPEN_KEY: &str = "gloss.open";
/// Prefix of each document's saved gold JSON (`gloss.doc.<id>`).
pub const DOC_PREFIX: &str = "gloss.doc.";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "this browser keeps no local storage here: work is not autosaved".to_string())
}

/// Saves `gold_json` as the work on document `id` and marks it as the open one.
pub fn save(id: &str, gold_json: &str) -> Result<(), String> {
    save_only(id, gold_json)?;
    storage()?.set_item(OPEN_KEY, id).map_err(|_| "autosave failed: the browser refused to store".to_string())
}

/// Key of the corpus list: a JSON array of `[id, title, origin]`.
pub const CORPUS_KEY: &str = "gloss.corpus";

/// Saves the corpus list.
pub fn save_corpus(list_json: &str) -> Result<(), String> {
    storage()?
        .set_item(CORPUS_KEY, list_json)
        .map_err(|_| "autosave of the corpus list failed: storage is full".to_string())
}

/// The corpus list saved at the last visit.
pub fn load_corpus() -> Option<String> {
    storage().ok()?.get_item(CORPUS_KEY).ok().flatten()
}

/// Saves `gold_json` as the work on document `id` (not on screen).
pub fn save_only(id: &str, gold_json: &str) -> Result<(), String> {
    let s = storage()?;
    // Test hook: `window.__glossQuotaFull = true` makes every save fail as a full quota does.
    let full = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__glossQuotaFull".into()).ok())
        .is_some_and(|v| v.is_truthy());
    let stored =
        if full { Err(wasm_bindgen::JsValue::NULL) } else { s.set_item(&format!("{DOC_PREFIX}{id}"), gold_json) };
    stored.map_err(|_| {
        format!(
            "autosave failed: the browser's storage is full or refused {:.1} MB; download the gold JSON to keep your work",
            gold_json.len() as f64 / 1_048_576.0
        )
    })
}

/// The id of the document open at the last visit.
pub fn open_id() -> Option<String> {
    storage().ok()?.get_item(OPEN_KEY).ok().flatten()
}

/// The saved gold JSON of document `id`.
pub fn load(id: &str) -> Option<String> {
    storage().ok()?.get_item(&format!("{DOC_PREFIX}{id}")).ok().flatten()
}

/// Forgets the saved work on document `id`.
pub fn forget(id: &str) {
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
