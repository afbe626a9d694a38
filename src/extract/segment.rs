//! Sentence segmentation without a model.
//!
//! Owns: splitting a document into sentences (byte ranges and code-point spans) at
//! line breaks and at sentence-final punctuation followed by a capital, a quote or a digit,
//! except after known abbreviations and initials; and cutting a sentence longer than
//! [`MAX_SENTENCE_CPS`] into pieces, so that no rule downstream ever sees more than that at
//! once. It must not: tag anything.

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

/// The longest sentence, in code points, that the extractors see whole; a longer one is cut
/// into pieces of at most this length. The extractors' per-sentence rules look back and
/// forward within their sentence (a claim's content runs to its end, a capitalised run is
/// analysed whole, a date's tense is read from the words around it), so the length of a
/// sentence bounds what one rule may cost, and a text without sentence ends (`Mr. Mr. ...`,
/// one unterminated quote, a list without full stops) would otherwise make that cost
/// quadratic. The longest sentence of the development corpora (TimeBank, AQUAINT, PolNeAR
/// dev and train, WikiGold, MEANTIME: some 48,000 sentences) is 979 code points (a list of
/// names), the seeds' some 400: twice the longest leaves every real sentence whole.
pub const MAX_SENTENCE_CPS: usize = 2000;

/// The sentences of `doc`, in order, trimmed of surrounding white space, never empty, none
/// longer than [`MAX_SENTENCE_CPS`] code points.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    sentences_counted(doc, &mut 0)
}

/// [`sentences`], adding the bytes looked at to `steps`.
pub(crate) fn sentences_counted(doc: &Document, steps: &mut u64) -> Vec<Sentence> {
    let text = doc.text();
    let bytes = text.as_bytes();
    // News sentences run to some 150 bytes: reserve for that many.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        // Jump to the next byte that can end a sentence: a tight scan, most bytes are letters.
        match bytes[i..].iter().position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?')) {
            Some(k) => {
                *steps += k as u64 + 1;
                i += k
            }
            None => {
                *steps += (bytes.len() - i) as u64;
                break;
            }
        }
        let c = bytes[i];
        if c == b'\n' {
            push(doc, &mut out, start, i, steps);
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
            *steps += (j - i + ws) as u64;
            let next = rest[ws..].chars().next();
            let starts_sentence = ws > 0
                && next.is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '«')
                });
            if starts_sentence && !(c == b'.' && is_abbreviation(&text[start..i], next, steps)) {
                push(doc, &mut out, start, j, steps);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(doc, &mut out, start, bytes.len(), steps);
    out
}

/// Pushes `text[a..b]` trimmed, when anything is left, cut into pieces of at most
/// [`MAX_SENTENCE_CPS`] code points.
fn push(doc: &Document, out: &mut Vec<Sentence>, a: usize, b: usize, steps: &mut u64) {
    let text = doc.text();
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    *steps += (lead + trail) as u64;
    if a + lead >= b - trail {
        return;
    }
    let (mut a, b) = (a + lead, b - trail);
    let Some(span) = doc.span_of_bytes(a, b) else {
        return;
    };
    if span.len() <= MAX_SENTENCE_CPS {
        out.push(Sentence { start_byte: a, end_byte: b, span });
        return;
    }
    // Too long to be read whole: cut after the last clause mark (comma, semicolon, colon) in
    // the second half of each piece, else at its last white space, else (one word of
    // thousands of letters) at the limit itself.
    let index = doc.index();
    let Some(end_cp) = index.byte_to_cp(b) else {
        return;
    };
    while a < b {
        let Some(cp) = index.byte_to_cp(a) else {
            return;
        };
        let cut = if end_cp - cp <= MAX_SENTENCE_CPS {
            b
        } else {
            let Some(q) = index.cp_to_byte(cp + MAX_SENTENCE_CPS) else {
                return;
            };
            let mut half = a + (q - a) / 2;
            while !text.is_char_boundary(half) {
                half += 1;
            }
            let second = &text[half..q];
            *steps += second.len() as u64;
            second
                .rfind([',', ';', ':'])
                .map(|k| half + k + 1)
                .or_else(|| second.rfind(char::is_whitespace).map(|k| half + k))
                .unwrap_or(q)
        };
        let piece = &text[a..cut];
        let (lead, trail) = (piece.len() - piece.trim_start().len(), piece.len() - piece.trim_end().len());
        *steps += (lead + trail) as u64;
        if a + lead < cut - trail {
            if let Some(span) = doc.span_of_bytes(a + lead, cut - trail) {
                out.push(Sentence { start_byte: a + lead, end_byte: cut - trail, span });
            }
        }
        a = cut;
    }
}

/// True when the word before a full stop is an abbreviation or an initial, so that the
/// stop does not end the sentence.
fn is_abbreviation(before: &str, next: Option<char>, steps: &mut u64) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    *steps += word.len() as u64 + 1;
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

    #[test]
    fn long_sentences_are_cut_into_pieces() {
        // A list without full stops, one word of thousands of letters (with a multi-byte
        // letter, so that bytes and code points differ), and a normal sentence after them.
        let list = "Ahmed Traoré, ".repeat(500);
        let word = "é".repeat(MAX_SENTENCE_CPS * 2 + 10);
        let t = format!("{list}\n{word}\nShort one.");
        let doc = Document::new("t", &t, None).unwrap();
        let s = sentences(&doc);
        assert!(s.iter().all(|x| x.span.len() <= MAX_SENTENCE_CPS && !x.span.is_empty()));
        // The list is cut after its commas, and nothing but white space falls between pieces.
        let pieces: Vec<&str> = s.iter().map(|x| doc.slice(x.span).unwrap()).collect();
        let list_pieces: Vec<&str> = pieces.iter().copied().take_while(|p| p.starts_with("Ahmed")).collect();
        assert!(list_pieces.len() >= 3);
        assert!(list_pieces.iter().all(|p| p.ends_with(',')));
        assert_eq!(list_pieces.join(" "), list.trim_end());
        // The word is cut at the limit itself: two whole pieces and the rest.
        let word_pieces: Vec<usize> = pieces.iter().filter(|p| p.starts_with('é')).map(|p| p.chars().count()).collect();
        assert_eq!(word_pieces, vec![MAX_SENTENCE_CPS, MAX_SENTENCE_CPS, 10]);
        assert_eq!(pieces.last(), Some(&"Short one."));
    }
}
