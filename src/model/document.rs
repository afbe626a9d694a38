//! A document: its normalised text, the text's SHA-256, its creation date and offset index.
//!
//! Owns: turning raw input into a text the guidelines accept (CRLF -> LF, no binary data,
//! a size limit) and the facts every other module reads from it. It must not: hold
//! annotations (the UI state and the gold file do).

use super::text::{normalize_newlines, TextIndex};
use super::{Error, Span};
use sha2::{Digest, Sha256};

/// The largest text Gloss opens, in UTF-8 bytes. Larger texts get a message in words.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// A document ready for annotation. The text is immutable once made.
#[derive(Clone, Debug)]
pub struct Document {
    /// A name for the document (the file's stem, a JSON Lines `id`, or `pasted-...`).
    pub id: String,
    text: String,
    /// The text's hash, computed when first asked for: extraction alone never needs it.
    sha256: std::sync::OnceLock<String>,
    dct: Option<jiff::civil::Date>,
    index: TextIndex,
}

impl Document {
    /// A document from raw text: newlines normalised, hash and index computed.
    ///
    /// Refuses a text over [`MAX_TEXT_BYTES`] or one that looks binary (NUL bytes or many
    /// control characters), with a message that says so.
    pub fn new(id: impl Into<String>, raw: &str, dct: Option<jiff::civil::Date>) -> Result<Document, Error> {
        check_plain_text(raw)?;
        let text = normalize_newlines(raw).into_owned();
        let index = TextIndex::new(&text);
        Ok(Document { id: id.into(), text, sha256: std::sync::OnceLock::new(), dct, index })
    }

    /// A document from raw bytes, which must be UTF-8 (a leading byte-order mark is dropped).
    pub fn from_bytes(id: impl Into<String>, bytes: &[u8], dct: Option<jiff::civil::Date>) -> Result<Document, Error> {
        if bytes.len() > MAX_TEXT_BYTES {
            return Err(too_large(bytes.len()));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.contains(&0) {
            return Err(Error::input("this file looks binary (it contains NUL bytes): open a plain-text article"));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::input(format!(
                "this file is not UTF-8 text (invalid byte at position {}): save it as UTF-8 and open it again",
                e.valid_up_to()
            ))
        })?;
        Document::new(id, text, dct)
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Lowercase hex SHA-256 of the normalised text's UTF-8 bytes.
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| sha256_hex(&self.text))
    }
    /// The document's creation (publication) date, when known.
    pub fn dct(&self) -> Option<jiff::civil::Date> {
        self.dct
    }
    /// The same document with another creation date.
    pub fn with_dct(mut self, dct: Option<jiff::civil::Date>) -> Document {
        self.dct = dct;
        self
    }
    /// The offset tables of the text.
    pub fn index(&self) -> &TextIndex {
        &self.index
    }
    /// Length of the text in code points.
    pub fn len(&self) -> usize {
        self.index.cp_len()
    }
    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
    /// The text under a code-point span; `None` when the span ends past the text.
    pub fn slice(&self, span: Span) -> Option<&str> {
        self.index.slice(&self.text, span)
    }
    /// A span of code points checked against this document's length.
    pub fn span(&self, start: usize, end: usize) -> Result<Span, Error> {
        Span::within(start, end, self.len())
    }
    /// The code-point span of a byte range of the text; `None` off a character boundary.
    pub fn span_of_bytes(&self, start: usize, end: usize) -> Option<Span> {
        self.index.span_of_bytes(start, end)
    }
}

/// Two documents are equal when their ids, texts and creation dates are (the hash and the
/// offset tables follow from the text).
impl PartialEq for Document {
    fn eq(&self, other: &Document) -> bool {
        self.id == other.id && self.text == other.text && self.dct == other.dct
    }
}

fn too_large(bytes: usize) -> Error {
    Error::input(format!(
        "this text is {:.1} MB; Gloss opens texts of up to {} MB: split it into several documents",
        bytes as f64 / 1_048_576.0,
        MAX_TEXT_BYTES / 1_048_576
    ))
}

fn check_plain_text(raw: &str) -> Result<(), Error> {
    if raw.len() > MAX_TEXT_BYTES {
        return Err(too_large(raw.len()));
    }
    if raw.contains('\0') {
        return Err(Error::input("this text looks binary (it contains NUL characters): open a plain-text article"));
    }
    let controls = raw
        .chars()
        .take(65_536)
        .filter(|c| (c.is_ascii_control()) && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 8 {
        return Err(Error::input(format!(
            "this text looks binary ({controls} control characters at its start): open a plain-text article"
        )));
    }
    Ok(())
}

/// Lowercase hex SHA-256 of a string's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// Parses a DCT written `YYYY-MM-DD`, with a message in words when it is not one.
pub fn parse_dct(s: &str) -> Result<jiff::civil::Date, Error> {
    let s = s.trim();
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    if !ok {
        return Err(Error::input(format!("'{s}' is not a date of the form YYYY-MM-DD")));
    }
    super::civil::parse_date(s).ok_or_else(|| Error::input(format!("'{s}' is not a real calendar date")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_normalised_before_hashing() {
        let a = Document::new("a", "x\r\ny", None).unwrap();
        let b = Document::new("b", "x\ny", None).unwrap();
        assert_eq!(a.text(), "x\ny");
        assert_eq!(a.sha256(), b.sha256());
        assert_eq!(a.sha256().len(), 64);
    }

    #[test]
    fn hash_is_sha256_in_lowercase_hex() {
        // FIPS 180-2's example: SHA-256 of "abc".
        let d = Document::new("a", "abc", None).unwrap();
        assert_eq!(d.sha256(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn binary_and_oversized_input_refused_in_words() {
        let e = Document::from_bytes("x", b"\x89PNG\r\n\x1a\n\0\0\0", None).unwrap_err();
        assert!(e.message().contains("binary"), "{e}");
        let e = Document::from_bytes("x", &[0xff, 0xfe, 0x41], None).unwrap_err();
        assert!(e.message().contains("UTF-8"), "{e}");
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        let e = Document::new("x", &big, None).unwrap_err();
        assert!(e.message().contains("MB"), "{e}");
    }

    #[test]
    fn dct_parsing() {
        assert_eq!(parse_dct("2025-09-19").unwrap().to_string(), "2025-09-19");
        assert!(parse_dct("2025-02-30").is_err());
        assert!(parse_dct("19/09/2025").is_err());
    }
}
