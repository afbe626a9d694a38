//! The extractor for JavaScript: `extract(text, dct)` returns a gold JSON document.
//!
//! Owns: the one function another page calls to run the extractor without the UI, and its
//! plain-Rust core [`extract_json`] (tested natively). It must not: render, store or keep
//! state between calls.

use crate::extract::Pipeline;
use crate::formats::gold::GoldFile;
use crate::model::{parse_dct, Document, Error};

thread_local! {
    /// Built once per thread (its patterns compile once); the page has one thread.
    static PIPELINE: Pipeline = Pipeline::default();
}

/// Extracts ACTOR, DATE and CLAIM annotations from `text` (any newlines; at most 8 MB),
/// resolving dates against `dct` (`YYYY-MM-DD`, or none), and returns the gold JSON of the
/// result (document id `extracted`). An error in words when the text or the date is unusable.
pub fn extract_json(text: &str, dct: Option<&str>) -> Result<String, Error> {
    let dct = dct.map(str::trim).filter(|d| !d.is_empty()).map(parse_dct).transpose()?;
    let doc = Document::new("extracted", text, dct)?;
    let anns = PIPELINE.with(|p| p.run(&doc));
    Ok(GoldFile::new(doc, anns).to_json())
}

/// JavaScript: `extract(text, dct?) -> string` (gold JSON); throws an `Error` with a message
/// in words on bad input.
#[cfg(feature = "web")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn extract(text: &str, dct: Option<String>) -> Result<String, wasm_bindgen::JsError> {
    extract_json(text, dct.as_deref()).map_err(|e| wasm_bindgen::JsError::new(e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_to_a_valid_gold_file() {
        let json = extract_json("France expelled two diplomats on Friday.\r\n", Some("2025-09-19")).unwrap();
        let file = GoldFile::from_json(&json).unwrap();
        assert_eq!(file.doc.text(), "France expelled two diplomats on Friday.\n");
        assert_eq!(file.doc.dct().map(|d| d.to_string()).as_deref(), Some("2025-09-19"));
        assert!(extract_json("x", Some("19/09/2025")).unwrap_err().message().contains("YYYY-MM-DD"));
        assert!(extract_json("a\0b", None).is_err());
        assert!(extract_json("no date", Some(" ")).is_ok());
    }
}
