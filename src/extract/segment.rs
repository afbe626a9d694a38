//! Sentence segmentation without a model.
//!
//! Owns: splitting a document into sentences (byte ranges and code-point spans) at
//! line breaks and at sentence-final punctuation followed by a capital, a quote or a digit,
//! except after known abbreviations and initials. It must not: tag anything.

use crate::model::{Document, Span};

/// One sentence: its byte range in the document's text and its code-point span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start_byte: usize,
    pub end_byte: usize,
    pub span: Span,
}

/// Abbreviations followed by a name: a capital after them does not start a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "sen", "rep", "gov", "pres",
    "rev", "st", "jr", "sr", "vs", "mt", "ft", "adm", "brig", "cmdr", "gens", "u.s", "u.n", "u.k", "e.u", "messrs",
    "hon", "atty", "supt", "cdr",
];
/// Abbreviations followed by a number ("Sept. 19", "No. 5").
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "art",
    "vol", "p", "pp",
];

/// The sentences of `doc`, in order, trimmed of surrounding white space, never empty.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let text = doc.text();
    let bytes = text.as_bytes();
    // News sentences run to some 150 bytes: reserve for that many.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let mut start = 0usize;
    let mut i = 0usize;
    let push = |out: &mut Vec<Sentence>, a: usize, b: usize| {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        let (a, b) = (a + lead, b - trail);
        if a < b {
            if let Some(span) = doc.span_of_bytes(a, b) {
                out.push(Sentence { start_byte: a, end_byte: b, span });
            }
        }
    };
    while i < bytes.len() {
        // Jump to the next byte that can end a sentence: a tight scan, most bytes are letters.
        match bytes[i..].iter().position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?')) {
            Some(k) => i += k,
            None => break,
        }
        let c = bytes[i];
        if c == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(c, b'.' | b'!' | b'?') {
            // Take closing quotes and brackets after the punctuation.
            let mut j = i + 1;
            loop {
                let rest = &text[j..];
                let Some(ch) = rest.chars().next() else { break };
                if matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']' | '»') || (ch == '.' && c == b'.') {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &text[j..];
            let ws = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let next = rest[ws..].chars().next();
            let starts_sentence = ws > 0
                && next.is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '«')
                });
            if starts_sentence && !(c == b'.' && is_abbreviation(&text[start..i], next)) {
                push(&mut out, start, j);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(&mut out, start, bytes.len());
    out
}

/// True when the word before a full stop is an abbreviation or an initial, so that the
/// stop does not end the sentence.
fn is_abbreviation(before: &str, next: Option<char>) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    // A single capital letter: an initial ("J. Smith").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if TITLES.contains(&lower.as_str()) {
        return next.is_some_and(|n| n.is_uppercase());
    }
    BEFORE_NUMBERS.contains(&lower.as_str()) && next.is_some_and(|n| n.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<String> {
        let doc = Document::new("t", t, None).unwrap();
        sentences(&doc).iter().map(|s| doc.slice(s.span).unwrap().to_string()).collect()
    }

    #[test]
    fn splits_at_stops_and_lines_not_abbreviations() {
        let s = split("Mr. Smith left on Sept. 19. He said “no.” Then\nA new line. U.S. officials spoke.");
        assert_eq!(
            s,
            vec!["Mr. Smith left on Sept. 19.", "He said “no.”", "Then", "A new line.", "U.S. officials spoke."]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let doc = Document::new("t", "Goïta spoke. Paris 👍 replied.", None).unwrap();
        let s = sentences(&doc);
        assert_eq!(s.len(), 2);
        assert_eq!(doc.slice(s[1].span), Some("Paris 👍 replied."));
        assert_eq!(s[1].span.start(), 13);
    }
}
