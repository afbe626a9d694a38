//! Gloss JSON Lines: one compact gold JSON object per line, and the plain input lines
//! `{"id", "text", "dct"}` that `gloss extract` reads.
//!
//! Owns: splitting a JSON Lines text into lines, telling what kind of object a line holds,
//! and the line number in every error. It must not: do I/O, extract or score; each gold line
//! is read and checked by [`GoldFile::from_json`], so a line is trusted exactly as a gold
//! file is.

use super::gold::{GoldFile, FORMAT};
use crate::model::{parse_dct, Document, Error};

/// What one JSON Lines object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A Gloss gold object (`"format": "gloss-gold"`).
    Gold,
    /// A line of the development corpora (`"dataset"` and `"spans"`), see `formats::corpus`.
    Corpus,
    /// A plain input line: an object with a `"text"` string.
    Input,
}

/// The non-blank lines of `input` with their 1-based line numbers. A byte-order mark at the
/// start and a CR before each LF are dropped.
pub fn lines(input: &str) -> impl Iterator<Item = (usize, &str)> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    input
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// Parses one line as a JSON object, with the line and column of a syntax error.
pub fn parse_object(line_no: usize, line: &str) -> Result<serde_json::Map<String, serde_json::Value>, Error> {
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(m)) => Ok(m),
        Ok(_) => Err(Error::format(format!("line {line_no}: not a JSON object"))),
        Err(e) => Err(Error::format(format!("line {line_no}, column {}: not valid JSON: {e}", e.column()))),
    }
}

/// The kind of a parsed line object; `None` when it is none of the three.
pub fn kind_of(obj: &serde_json::Map<String, serde_json::Value>) -> Option<LineKind> {
    if obj.get("format").and_then(|f| f.as_str()) == Some(FORMAT) {
        return Some(LineKind::Gold);
    }
    if obj.get("spans").is_some_and(|s| s.is_array()) && obj.get("text").is_some_and(|t| t.is_string()) {
        return Some(LineKind::Corpus);
    }
    if obj.get("text").is_some_and(|t| t.is_string()) {
        return Some(LineKind::Input);
    }
    None
}

/// The kind of the first non-blank line of `input`; `None` for an empty text or a first line
/// that is none of the kinds. Errors only when the first line is not a JSON object.
pub fn sniff(input: &str) -> Result<Option<LineKind>, Error> {
    match lines(input).next() {
        None => Ok(None),
        Some((n, l)) => Ok(kind_of(&parse_object(n, l)?)),
    }
}

/// True when `input` looks like JSON Lines rather than one (pretty-printed) JSON object:
/// its first non-blank line is a whole JSON object.
pub fn looks_like_jsonl(input: &str) -> bool {
    lines(input).next().is_some_and(|(_, l)| matches!(serde_json::from_str(l), Ok(serde_json::Value::Object(_))))
}

/// Writes gold files as Gloss JSON Lines, one per line, each line ending with a newline.
pub fn write(files: &[GoldFile]) -> String {
    let mut out = String::new();
    for f in files {
        out.push_str(&f.to_json_line());
        out.push('\n');
    }
    out
}

/// Reads Gloss JSON Lines: every non-blank line must be a gold object, checked as a gold
/// file is, and no two lines may hold documents with the same id. The first problem is the
/// error, prefixed with its line number (and the column where the JSON itself is broken).
pub fn read(input: &str) -> Result<Vec<(usize, GoldFile)>, Error> {
    let mut out = Vec::new();
    for (n, line) in lines(input) {
        out.push((n, read_line(n, line)?));
    }
    check_unique_ids(&out)?;
    Ok(out)
}

/// Refuses two documents with the same id among the lines read (`(line number, file)`):
/// one would overwrite the other wherever documents are kept by id.
pub fn check_unique_ids(docs: &[(usize, GoldFile)]) -> Result<(), Error> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::with_capacity(docs.len());
    for (n, f) in docs {
        if let Some(first) = seen.insert(f.doc.id.as_str(), *n) {
            return Err(Error::format(format!(
                "line {n}: the document id {:?} is already used on line {first}: two documents cannot share an id",
                f.doc.id
            )));
        }
    }
    Ok(())
}

/// Reads one gold line; `n` is its line number, for messages.
pub fn read_line(n: usize, line: &str) -> Result<GoldFile, Error> {
    let obj = parse_object(n, line)?;
    if kind_of(&obj) != Some(LineKind::Gold) {
        return Err(Error::format(format!("line {n}: not a Gloss gold object (its \"format\" is not {FORMAT:?})")));
    }
    GoldFile::from_json(line).map_err(|e| e.context(format_args!("line {n}")))
}

/// Reads input lines for extraction: objects with a `"text"` string, an optional `"id"`
/// (default `<default_id>-<line>`) and an optional `"dct"` (`YYYY-MM-DD` or null; `dct`
/// is used when the line has none). Every other field (a gold object's annotations, a
/// corpus line's spans) is ignored.
pub fn read_inputs(
    input: &str,
    default_id: &str,
    dct: Option<jiff::civil::Date>,
) -> Result<Vec<(usize, Document)>, Error> {
    let mut out = Vec::new();
    for (n, line) in lines(input) {
        out.push((n, read_input_line(n, line, default_id, dct)?));
    }
    Ok(out)
}

/// Reads one input line; see [`read_inputs`].
pub fn read_input_line(
    n: usize,
    line: &str,
    default_id: &str,
    dct: Option<jiff::civil::Date>,
) -> Result<Document, Error> {
    let obj = parse_object(n, line)?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(t)) => t,
        Some(_) => return Err(Error::format(format!("line {n}: \"text\" is not a string"))),
        None => return Err(Error::format(format!("line {n}: the object has no \"text\""))),
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(x)) => x.to_string(),
        None | Some(serde_json::Value::Null) => format!("{default_id}-{n}"),
        Some(_) => return Err(Error::format(format!("line {n}: \"id\" is neither a string nor a number"))),
    };
    let line_dct = match obj.get("dct") {
        Some(serde_json::Value::String(s)) => {
            Some(parse_dct(s).map_err(|e| e.context(format_args!("line {n} ({id}), dct")))?)
        }
        None | Some(serde_json::Value::Null) => None,
        Some(_) => return Err(Error::format(format!("line {n} ({id}): \"dct\" is not a string"))),
    };
    Document::new(id.clone(), text, line_dct.or(dct)).map_err(|e| e.context(format_args!("line {n} ({id})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_keep_ids_order_and_dct() {
        let src =
            "{\"id\":\"b\",\"text\":\"x\",\"dct\":\"2025-09-19\"}\r\n\n{\"text\":\"y\",\"dct\":null,\"spans\":[]}\n";
        let docs = read_inputs(src, "in", Some("2020-01-01".parse().unwrap())).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!((docs[0].0, docs[0].1.id.as_str()), (1, "b"));
        assert_eq!(docs[0].1.dct().unwrap().to_string(), "2025-09-19");
        assert_eq!((docs[1].0, docs[1].1.id.as_str()), (3, "in-3"));
        assert_eq!(docs[1].1.dct().unwrap().to_string(), "2020-01-01");
    }

    #[test]
    fn errors_name_the_line() {
        let e = read_inputs("{\"text\":\"a\"}\n{\"text\": 3}\n", "x", None).unwrap_err();
        assert!(e.message().starts_with("line 2"), "{e}");
        let e = read_inputs("{\"text\":\"a\"}\n{\"text\": \n", "x", None).unwrap_err();
        assert!(e.message().starts_with("line 2, column"), "{e}");
        let e = read("{\"text\":\"a\"}\n").unwrap_err();
        assert!(e.message().contains("line 1") && e.message().contains("gold"), "{e}");
    }

    #[test]
    fn gold_lines_round_trip() {
        let doc = Document::new("d", "Paris said so.", None).unwrap();
        let f = GoldFile::new(doc.clone(), Vec::new());
        let g = GoldFile::new(Document::new("e", doc.text(), None).unwrap(), Vec::new());
        let text = write(&[f.clone(), g.clone()]);
        assert!(looks_like_jsonl(&text));
        assert_eq!(sniff(&text).unwrap(), Some(LineKind::Gold));
        let back = read(&text).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1], (2, g));
        assert!(!looks_like_jsonl(&back[0].1.to_json()));
        // Two documents with one id: refused, naming both lines.
        let one = write(std::slice::from_ref(&f));
        let twice = format!("{one}\n{one}");
        let e = read(&twice).unwrap_err().to_string();
        assert!(e.starts_with("line 3: the document id \"d\" is already used on line 1"), "{e}");
    }
}
