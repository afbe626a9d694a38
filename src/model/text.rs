//! The only converter between UTF-8 bytes, Unicode code points and UTF-16 code units.
//!
//! Owns: newline normalisation, the [`TextIndex`] offset tables, slicing by code points and
//! snapping a selection to whole words. It must not: know about labels or files. Everything
//! outside this module speaks code points; UTF-16 appears only at the browser boundary,
//! which calls [`TextIndex::utf16_to_cp`] and [`TextIndex::cp_to_utf16`].

use super::Span;
use std::borrow::Cow;

/// The text with every CRLF and lone CR turned into LF, the one normalisation the
/// guidelines allow. Borrowed when there was nothing to change.
pub fn normalize_newlines(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Offset tables for one text: code point <-> byte and code point <-> UTF-16 unit.
///
/// Pure-ASCII texts (most news wires) keep no tables at all: every unit is the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextIndex {
    byte_len: usize,
    cp_len: usize,
    utf16_len: usize,
    /// Byte offset of each code point, plus one entry for the end. Empty when ASCII.
    byte_of_cp: Vec<u32>,
    /// UTF-16 offset of each code point, plus one entry for the end. Empty when the
    /// text has no code point outside the Basic Multilingual Plane.
    utf16_of_cp: Vec<u32>,
}

impl TextIndex {
    /// Builds the tables for `text` in one pass.
    pub fn new(text: &str) -> TextIndex {
        let byte_len = text.len();
        if text.is_ascii() {
            return TextIndex {
                byte_len,
                cp_len: byte_len,
                utf16_len: byte_len,
                byte_of_cp: Vec::new(),
                utf16_of_cp: Vec::new(),
            };
        }
        let mut byte_of_cp = Vec::with_capacity(byte_len + 1);
        let mut utf16_of_cp = Vec::with_capacity(byte_len + 1);
        let mut u16s = 0u32;
        let mut astral = false;
        for (b, c) in text.char_indices() {
            byte_of_cp.push(b as u32);
            utf16_of_cp.push(u16s);
            let w = c.len_utf16() as u32;
            astral |= w == 2;
            u16s += w;
        }
        byte_of_cp.push(byte_len as u32);
        utf16_of_cp.push(u16s);
        let cp_len = byte_of_cp.len() - 1;
        if !astral {
            utf16_of_cp = Vec::new();
        }
        TextIndex { byte_len, cp_len, utf16_len: u16s as usize, byte_of_cp, utf16_of_cp }
    }

    /// Length of the text in code points.
    pub fn cp_len(&self) -> usize {
        self.cp_len
    }
    /// Length of the text in UTF-8 bytes.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }
    /// Length of the text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of code point `cp` (`cp == cp_len` gives the end); `None` past the end.
    pub fn cp_to_byte(&self, cp: usize) -> Option<usize> {
        if cp > self.cp_len {
            return None;
        }
        if self.byte_of_cp.is_empty() {
            return Some(cp);
        }
        Some(self.byte_of_cp[cp] as usize)
    }

    /// Code point at byte offset `byte`; `None` when `byte` is past the end or inside a
    /// multi-byte character.
    pub fn byte_to_cp(&self, byte: usize) -> Option<usize> {
        if byte > self.byte_len {
            return None;
        }
        if self.byte_of_cp.is_empty() {
            return Some(byte);
        }
        self.byte_of_cp.binary_search(&(byte as u32)).ok()
    }

    /// UTF-16 offset of code point `cp`; `None` past the end.
    pub fn cp_to_utf16(&self, cp: usize) -> Option<usize> {
        if cp > self.cp_len {
            return None;
        }
        if self.utf16_of_cp.is_empty() {
            return Some(cp);
        }
        Some(self.utf16_of_cp[cp] as usize)
    }

    /// Code point at UTF-16 offset `unit`; `None` past the end or between the two halves
    /// of a surrogate pair.
    pub fn utf16_to_cp(&self, unit: usize) -> Option<usize> {
        if unit > self.utf16_len {
            return None;
        }
        if self.utf16_of_cp.is_empty() {
            return Some(unit);
        }
        self.utf16_of_cp.binary_search(&(unit as u32)).ok()
    }

    /// Like [`TextIndex::utf16_to_cp`], but an offset inside a surrogate pair moves to the
    /// start of its character, and one past the end to the end: for DOM selections,
    /// which can land anywhere.
    pub fn utf16_to_cp_clamped(&self, unit: usize) -> usize {
        let unit = unit.min(self.utf16_len);
        if self.utf16_of_cp.is_empty() {
            return unit;
        }
        match self.utf16_of_cp.binary_search(&(unit as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The code-point span of the byte range `[start, end)`; `None` when either end is not
    /// on a character boundary.
    pub fn span_of_bytes(&self, start: usize, end: usize) -> Option<Span> {
        Span::new(self.byte_to_cp(start)?, self.byte_to_cp(end)?).ok()
    }

    /// The byte range of a code-point span; `None` when it ends past the text.
    pub fn bytes_of_span(&self, span: Span) -> Option<(usize, usize)> {
        Some((self.cp_to_byte(span.start())?, self.cp_to_byte(span.end())?))
    }

    /// `text[span]` by code points; `None` when the span ends past the text. `text` must be
    /// the text this index was built from.
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> Option<&'t str> {
        let (a, b) = self.bytes_of_span(span)?;
        text.get(a..b)
    }
}

/// Number of code points in `s`.
pub fn cp_len(s: &str) -> usize {
    s.chars().count()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_') || is_mark(c)
}

/// Combining marks (the general categories M*), approximated by the blocks news text uses,
/// so that "e" + U+0301 stays one word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Snaps a selection to whole words, as the guidelines require: leading and trailing white
/// space and punctuation that only touches the selection are dropped, and an end that
/// falls inside a word moves outward to the word's edge. `None` when nothing but white space
/// is left. Offsets are code points of `text`.
pub fn snap_to_words(text: &str, index: &TextIndex, span: Span) -> Option<Span> {
    let s = index.slice(text, span)?;
    let chars: Vec<char> = s.chars().collect();
    // Trim white space at both ends.
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return None;
    }
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let mut start = span.start() + lead;
    let mut end = span.end() - trail;
    // Extend outward while the neighbour and the edge character are both word characters.
    let (bs, be) = index.bytes_of_span(Span::new(start, end).ok()?)?;
    let before = &text[..bs];
    let after = &text[be..];
    let first = text[bs..].chars().next()?;
    let last = text[..be].chars().next_back()?;
    if is_word_char(first) {
        start -= before.chars().rev().take_while(|c| is_word_char(*c)).count();
    }
    if is_word_char(last) {
        end += after.chars().take_while(|c| is_word_char(*c)).count();
    }
    // Drop a trailing apostrophe or hyphen that the extension may have taken at a word's edge.
    let mut span = Span::new(start, end).ok()?;
    loop {
        let s = index.slice(text, span)?;
        let last = s.chars().next_back()?;
        if span.len() > 1 && matches!(last, '\'' | '’' | '-' | '_') {
            span = Span::new(span.start(), span.end() - 1).ok()?;
        } else {
            break;
        }
    }
    Some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(normalize_newlines("abc"), Cow::Borrowed(_)));
    }

    #[test]
    fn offsets_with_emoji_and_combining_marks() {
        // "Goïta 👍 e\u{301}" : ï is 2 bytes, 👍 is 4 bytes and 2 UTF-16 units.
        let t = "Goïta 👍 e\u{301}!";
        let ix = TextIndex::new(t);
        assert_eq!(ix.cp_len(), t.chars().count());
        assert_eq!(ix.cp_to_byte(3), Some(4)); // after "Goï"
        assert_eq!(ix.cp_to_utf16(7), Some(8)); // after the emoji
        assert_eq!(ix.utf16_to_cp(7), None); // inside the surrogate pair
        assert_eq!(ix.utf16_to_cp_clamped(7), 6);
        assert_eq!(ix.byte_to_cp(3), None); // inside ï
        let sp = Span::new(0, 5).unwrap();
        assert_eq!(ix.slice(t, sp), Some("Goïta"));
    }

    #[test]
    fn snapping_to_words() {
        let t = "France has  suspended Goïta’s cooperation.";
        let ix = TextIndex::new(t);
        // "ance has " -> "France has"
        let s = snap_to_words(t, &ix, Span::new(2, 11).unwrap()).unwrap();
        assert_eq!(ix.slice(t, s), Some("France has"));
        // "oï" inside Goïta’s -> the whole word with its possessive
        let s = snap_to_words(t, &ix, Span::new(23, 25).unwrap()).unwrap();
        assert_eq!(ix.slice(t, s), Some("Goïta’s"));
        assert!(snap_to_words(t, &ix, Span::new(10, 12).unwrap()).is_none());
        // A selection of "cooperation." keeps the full stop out only if selected; selecting the
        // word alone gives the word.
        let s = snap_to_words(t, &ix, Span::new(31, 35).unwrap()).unwrap();
        assert_eq!(ix.slice(t, s), Some("cooperation"));
    }
}
