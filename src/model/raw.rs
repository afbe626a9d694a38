//! A file's raw bytes as text: the caps on how much is read, and the refusals of binary data,
//! UTF-16 and invalid UTF-8, each naming the line and column where it shows.
//!
//! Owns: the sentences of those refusals, shared by the CLI (which streams a file through
//! [`check_chunk`] and [`finish`], never reading more than [`Limit::bytes`]) and the Python
//! package (which hands over bytes whole: [`text_of_bytes`]). It must not: open or read files
//! (the callers do), or name the file (callers put the name in front with `Error::context`).

use super::{Error, MAX_TEXT_BYTES};

/// The most `gloss` reads from one file of annotations (gold JSON, JSON Lines and every
/// other format that carries markup besides the text). The text of one document is limited
/// to 8 MB ([`MAX_TEXT_BYTES`]); what annotates it takes room too: the seed gold files are
/// 5.7 to 12.2 times their text (pretty-printed), and `gloss extract`'s output of a 1 MB
/// article of the seeds' paragraphs 9.3 times (9.7 MB). 128 MB holds an 8 MB article
/// annotated as densely as the densest seed (98 MB), and bounds what a runaway stream (`yes`)
/// costs before it is refused. Binary streams (`/dev/zero`, random bytes) are refused at
/// their first NUL or invalid byte.
pub const MAX_ANNOTATED_BYTES: u64 = 128 * 1024 * 1024;

/// What a file is expected to hold, which sets how much of it is read at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// A plain-text article: the library's own text limit (and room for a byte-order mark).
    Article,
    /// A file of annotations, or of several documents: [`MAX_ANNOTATED_BYTES`].
    Annotated,
}

impl Limit {
    /// The most bytes read.
    pub fn bytes(self) -> u64 {
        match self {
            Limit::Article => MAX_TEXT_BYTES as u64 + 3,
            Limit::Annotated => MAX_ANNOTATED_BYTES,
        }
    }

    /// The refusal of a file over [`Limit::bytes`].
    pub fn refusal(self) -> Error {
        let mb = |n: u64| n / 1_048_576;
        Error::input(match self {
            Limit::Article => format!(
                "more than {} MB of text, the most one article may hold: split it into several documents",
                mb(MAX_TEXT_BYTES as u64)
            ),
            Limit::Annotated => format!(
                "more than {} MB, the most gloss reads from one file of annotations \
                 (an article of {} MB with its annotations fits): split it into smaller files",
                mb(MAX_ANNOTATED_BYTES),
                mb(MAX_TEXT_BYTES as u64)
            ),
        })
    }
}

/// Checks the bytes after `checked` (the length known to be good UTF-8 text): a NUL byte or
/// a UTF-16 byte-order mark refuses the file, an invalid byte too; an incomplete character
/// at the end waits for the next chunk. Returns the new good length.
pub fn check_chunk(buf: &[u8], checked: usize) -> Result<usize, Error> {
    if checked == 0 && (buf.starts_with(b"\xFF\xFE") || buf.starts_with(b"\xFE\xFF") || looks_utf16(buf)) {
        return Err(Error::input("this file is UTF-16 text, not UTF-8: save it as UTF-8"));
    }
    if let Some(pos) = buf[checked..].iter().position(|b| *b == 0) {
        let (line, col) = line_col(&buf[..checked + pos]);
        return Err(Error::input(format!(
            "line {line}, column {col}: this file looks binary (it contains NUL bytes), not text"
        )));
    }
    match std::str::from_utf8(&buf[checked..]) {
        Ok(_) => Ok(buf.len()),
        Err(e) if e.error_len().is_none() => Ok(checked + e.valid_up_to()),
        Err(e) => Err(not_utf8(&buf[..checked + e.valid_up_to()])),
    }
}

/// The text of a whole file whose first `checked` bytes [`check_chunk`] passed: a character
/// cut off by the end is refused, a leading byte-order mark dropped.
pub fn finish(mut buf: Vec<u8>, checked: usize) -> Result<String, Error> {
    if checked < buf.len() {
        return Err(not_utf8(&buf[..checked]));
    }
    let start = if buf.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    buf.drain(..start);
    String::from_utf8(buf).map_err(|e| not_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()]))
}

/// The text of a file read whole, with the refusals a stream of the same bytes gets.
pub fn text_of_bytes(buf: Vec<u8>, limit: Limit) -> Result<String, Error> {
    if buf.len() as u64 > limit.bytes() {
        return Err(limit.refusal());
    }
    let checked = check_chunk(&buf, 0)?;
    finish(buf, checked)
}

/// UTF-16 without a byte-order mark: in its first 64 bytes, every other byte NUL and the
/// others ASCII (English text in UTF-16LE or BE).
fn looks_utf16(buf: &[u8]) -> bool {
    let head = &buf[..buf.len().min(64) & !1];
    if head.len() < 8 {
        return false;
    }
    let pairs = head.chunks(2);
    pairs.clone().all(|p| p[1] == 0 && p[0] != 0 && p[0].is_ascii())
        || pairs.clone().all(|p| p[0] == 0 && p[1] != 0 && p[1].is_ascii())
}

fn not_utf8(good: &[u8]) -> Error {
    let (line, col) = line_col(good);
    Error::input(format!("line {line}, column {col}: not UTF-8 text (invalid byte); save it as UTF-8"))
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let start = prefix.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&prefix[start..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_refused_where_they_show() {
        let e = text_of_bytes(b"ab\ncd\0".to_vec(), Limit::Article).unwrap_err();
        assert_eq!(e.message(), "line 2, column 3: this file looks binary (it contains NUL bytes), not text");
        let e = text_of_bytes(b"caf\xe9 ok".to_vec(), Limit::Article).unwrap_err();
        assert_eq!(e.message(), "line 1, column 4: not UTF-8 text (invalid byte); save it as UTF-8");
        let e = text_of_bytes(b"cut \xc3".to_vec(), Limit::Article).unwrap_err();
        assert!(e.message().starts_with("line 1, column 5: not UTF-8"), "{e}");
        let utf16: Vec<u8> = "Paris said so.".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(text_of_bytes(utf16, Limit::Article).unwrap_err().message().contains("UTF-16"));
        let big = vec![b'a'; MAX_TEXT_BYTES + 4];
        assert!(text_of_bytes(big, Limit::Article).unwrap_err().message().starts_with("more than 8 MB of text"));
        assert_eq!(text_of_bytes(b"\xEF\xBB\xBFcaf\xc3\xa9".to_vec(), Limit::Article).unwrap(), "café");
    }
}
