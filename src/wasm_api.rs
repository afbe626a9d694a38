//! The extractor for JavaScript, as the `extractor` wasm exports it (run by the page's Web
//! Worker, www/extract-worker.js, and by other pages): `extract(text, dct)` returns a gold
//! JSON document, `predict(id, text, dct)` the annotations alone, `guess_date(text, dct,
//! start, end)` the DATE attributes of a few words.
//!
//! Owns: those functions and their plain-Rust cores ([`extract_json`], [`predict_json`],
//! [`guess_date_json`], tested natively). It must not: render, store or keep state between
//! calls (the pipeline is built once per thread).

use crate::extract::learned::Compiled;
use crate::extract::Pipeline;
use crate::formats::gold::GoldFile;
use crate::learn::ProjectLexicon;
use crate::model::{parse_dct, Document, Error, Label, Span};
use std::cell::RefCell;

thread_local! {
    /// Built once per thread (its patterns compile once); the page has one thread.
    static PIPELINE: Pipeline = Pipeline::default();
    /// The last project lexicon applied: its JSON, itself and its matcher.
    static LEXICON: RefCell<Option<(String, ProjectLexicon, Compiled)>> = const { RefCell::new(None) };
}

/// Extracts ACTOR, DATE and CLAIM annotations from `text` (any newlines; at most 8 MB),
/// resolving dates against `dct` (`YYYY-MM-DD`, or none), and returns the gold JSON of the
/// result (document id `extracted`). An error in words when the text or the date is unusable.
pub fn extract_json(text: &str, dct: Option<&str>) -> Result<String, Error> {
    let (doc, anns) = run("extracted", text, dct)?;
    Ok(GoldFile::new(doc, anns).to_json())
}

/// Document `id` of `text` with DCT `dct` (`YYYY-MM-DD`; blank or none: no DCT), and what
/// the pipeline finds in it.
fn run(id: &str, text: &str, dct: Option<&str>) -> Result<(Document, Vec<crate::model::Annotation>), Error> {
    run_with(id, text, dct, None)
}

/// [`run`] with the project lexicon `lexicon` (a `gloss-lexicon` JSON file) applied, when
/// there is one. The last lexicon read is kept (with its compiled matcher), so that a page
/// asking again with the same lexicon does not build it again.
fn run_with(
    id: &str,
    text: &str,
    dct: Option<&str>,
    lexicon: Option<&str>,
) -> Result<(Document, Vec<crate::model::Annotation>), Error> {
    let dct = dct.map(str::trim).filter(|d| !d.is_empty()).map(parse_dct).transpose()?;
    let doc = Document::new(id, text, dct)?;
    let Some(json) = lexicon.filter(|j| !j.trim().is_empty()) else {
        let anns = PIPELINE.with(|p| p.run(&doc));
        return Ok((doc, anns));
    };
    LEXICON
        .with(|cell| {
            let mut kept = cell.borrow_mut();
            let (_, lex, compiled) = match kept.take() {
                Some(same) if same.0 == json => kept.insert(same),
                _ => {
                    let lex = ProjectLexicon::from_json(json)
                        .map_err(|e| Error::input(format!("the project lexicon: {e}")))?;
                    let compiled = Compiled::new(&lex);
                    kept.insert((json.to_string(), lex, compiled))
                }
            };
            let anns = PIPELINE.with(|p| p.run_learned(&doc, lex, compiled));
            Ok::<_, Error>(anns)
        })
        .map(|anns| (doc, anns))
}

/// The predictions for document `id` (its text and DCT as the page holds them: `\n` line
/// ends) as a JSON array of annotations, the form gold files use: what the page opens with.
pub fn predict_json(id: &str, text: &str, dct: Option<&str>) -> Result<String, Error> {
    let (_, anns) = run(id, text, dct)?;
    serde_json::to_string(&anns).map_err(|e| Error::input(format!("predictions not written: {e}")))
}

/// [`predict_json`] in parts of at most `per` annotations each (a JSON array each), so that
/// the page can read a long text's predictions a part at a time, never blocking for long.
/// With `lexicon` (a `gloss-lexicon` JSON file), the project lexicon is applied (see
/// `extract::learned`); a lexicon that cannot be read is an error in words.
pub fn predict_parts_json(
    id: &str,
    text: &str,
    dct: Option<&str>,
    per: usize,
    lexicon: Option<&str>,
) -> Result<Vec<String>, Error> {
    let (_, anns) = run_with(id, text, dct, lexicon)?;
    let parts = anns.chunks(per.max(1)).map(serde_json::to_string).collect::<Result<Vec<_>, _>>();
    parts.map_err(|e| Error::input(format!("predictions not written: {e}")))
}

/// The DATE attributes the extractor gives the words from code point `start` to `end` of
/// `text` on their own, resolved against `dct`, as JSON (`null` when it does not read them
/// as one date). A date resolved from another date loses that anchor (the words stand alone).
pub fn guess_date_json(text: &str, dct: Option<&str>, start: usize, end: usize) -> Result<String, Error> {
    let dct = dct.map(str::trim).filter(|d| !d.is_empty()).map(parse_dct).transpose()?;
    let doc = Document::new("selection", text, dct)?;
    let span = Span::new(start, end)?;
    let quote = doc.slice(span).ok_or_else(|| Error::span(format!("{start}..{end} is outside the text")))?;
    let small = Document::new("selection", quote, dct)?;
    let found = PIPELINE.with(|p| p.run_label(&small, Label::Date));
    let whole = found.iter().find(|a| a.span.start() == 0 && a.span.len() == small.len());
    let date = whole.and_then(|a| a.date()).map(|d| {
        let mut d = d.clone();
        if d.anchor.as_deref() != Some("dct") {
            d.anchor = None;
        }
        d
    });
    serde_json::to_string(&date).map_err(|e| Error::input(format!("date not written: {e}")))
}

/// The dateline's date of `text` (read on its first two non-empty lines, see
/// `extract::dateline`) as JSON `{"date","start","end","words"}` (code points), or `null`.
pub fn dateline_json(text: &str) -> Result<String, Error> {
    let doc = Document::new("dateline", text, None)?;
    let found = PIPELINE.with(|p| p.dateline(&doc)).map(|d| {
        serde_json::json!({"date": d.date.to_string(), "start": d.span.start(), "end": d.span.end(), "words": d.words})
    });
    serde_json::to_string(&found).map_err(|e| Error::input(format!("dateline not written: {e}")))
}

#[cfg(feature = "worker")]
pub mod js {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsError;

    /// JavaScript: `extract(text, dct?) -> string` (gold JSON); throws an `Error` with a
    /// message in words on bad input.
    #[wasm_bindgen]
    pub fn extract(text: &str, dct: Option<String>) -> Result<String, JsError> {
        super::extract_json(text, dct.as_deref()).map_err(|e| JsError::new(e.message()))
    }

    /// JavaScript: `predict(id, text, dct?) -> string` (a JSON array of annotations).
    #[wasm_bindgen]
    pub fn predict(id: &str, text: &str, dct: Option<String>) -> Result<String, JsError> {
        super::predict_json(id, text, dct.as_deref()).map_err(|e| JsError::new(e.message()))
    }

    /// JavaScript: `predict_parts(id, text, dct?, per, lexicon?) -> string[]` (JSON arrays of
    /// at most `per` annotations each, in order; `lexicon`: a project lexicon's JSON to apply).
    #[wasm_bindgen]
    pub fn predict_parts(
        id: &str,
        text: &str,
        dct: Option<String>,
        per: usize,
        lexicon: Option<String>,
    ) -> Result<Vec<String>, JsError> {
        super::predict_parts_json(id, text, dct.as_deref(), per, lexicon.as_deref())
            .map_err(|e| JsError::new(e.message()))
    }

    /// JavaScript: `dateline(text) -> string` (`{"date","start","end","words"}` as JSON, or
    /// `null`).
    #[wasm_bindgen]
    pub fn dateline(text: &str) -> Result<String, JsError> {
        super::dateline_json(text).map_err(|e| JsError::new(e.message()))
    }

    /// JavaScript: `guess_date(text, dct?, start, end) -> string` (DATE attributes as JSON,
    /// or `null`).
    #[wasm_bindgen]
    pub fn guess_date(text: &str, dct: Option<String>, start: usize, end: usize) -> Result<String, JsError> {
        super::guess_date_json(text, dct.as_deref(), start, end).map_err(|e| JsError::new(e.message()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_is_read_with_its_place() {
        let json = dateline_json("🙂 Talks\r\nPARIS, Sept. 19, 2025 (Reuters) - France said ...").unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["date"], "2025-09-19");
        assert_eq!((v["start"].as_u64(), v["end"].as_u64()), (Some(15), Some(29)), "code points, CRLF read as one");
        assert_eq!(v["words"], "Sept. 19, 2025");
        assert_eq!(dateline_json("On Sept. 19, 2025 France said ...").unwrap(), "null");
    }

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

    #[test]
    fn predictions_are_the_gold_files_annotations() {
        let text = "France expelled two diplomats on Friday. 👍 Mali denied it.";
        let json = predict_json("x", text, Some("2025-09-19")).unwrap();
        let anns: Vec<crate::model::Annotation> = serde_json::from_str(&json).unwrap();
        let gold = GoldFile::from_json(&extract_json(text, Some("2025-09-19")).unwrap()).unwrap();
        assert_eq!(anns, gold.annotations);
        assert!(anns.iter().any(|a| a.quote == "Friday"));
        assert!(predict_json("x", "a\0b", None).is_err());
        let parts = predict_parts_json("x", text, Some("2025-09-19"), 2, None).unwrap();
        assert_eq!(parts.len(), anns.len().div_ceil(2));
        let joined: Vec<crate::model::Annotation> =
            parts.iter().flat_map(|p| serde_json::from_str::<Vec<crate::model::Annotation>>(p).unwrap()).collect();
        assert_eq!(joined, anns);
    }

    #[test]
    fn a_project_lexicon_is_applied_and_a_bad_one_refused_in_words() {
        let text = "Talks with zorblax went on. 👍\r\nzorblax left.";
        let mut lex = ProjectLexicon::new();
        lex.accept_actor("zorblax", crate::model::ActorKind::Group, "Zorblax Front");
        let read = |json: Option<&str>| -> Vec<crate::model::Annotation> {
            let parts = predict_parts_json("x", text, None, 100, json).unwrap();
            parts.iter().flat_map(|p| serde_json::from_str::<Vec<crate::model::Annotation>>(p).unwrap()).collect()
        };
        assert!(read(None).iter().all(|a| a.quote != "zorblax"));
        let json = lex.to_json();
        for _ in 0..2 {
            // Twice: the second call uses the kept lexicon.
            let with = read(Some(&json));
            let found: Vec<_> = with.iter().filter(|a| a.quote == "zorblax").map(|a| a.span.start()).collect();
            assert_eq!(found, vec![11, 30], "code points, CRLF read as one line end, after an emoji");
            assert!(with.iter().all(|a| a.quote != "zorblax" || a.provenance.rule.as_deref() == Some("lexicon")));
        }
        let e = predict_parts_json("x", text, None, 100, Some("{\"format\":\"other\"}")).unwrap_err();
        assert!(e.message().contains("project lexicon"), "{}", e.message());
    }

    #[test]
    fn a_date_is_guessed_from_its_words_alone() {
        let text = "Talks resumed 👍 last Sunday in Bamako.";
        let start = text[..text.find("last").unwrap()].chars().count();
        let json = guess_date_json(text, Some("2025-09-19"), start, start + 11).unwrap();
        let d: Option<crate::model::DateAttrs> = serde_json::from_str(&json).unwrap();
        assert_eq!(d.unwrap().value, "2025-09-14");
        assert_eq!(guess_date_json(text, None, 0, 5).unwrap(), "null");
        assert!(guess_date_json(text, None, 5, 500).unwrap_err().message().contains("outside"));
        assert!(guess_date_json(text, None, 5, 2).is_err());
    }
}
