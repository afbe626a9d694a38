//! Word tokens of one sentence for the claim extractor.
//!
//! Owns: cutting a sentence into words, possessive `'s`, punctuation and quotation marks
//! (with a guess of whether a mark opens or closes a quote), with byte offsets into the
//! document's text. It must not: decide anything about claims or convert offsets to code
//! points (the caller does that through the document's index).

use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, digits and word-internal `-`, `'`, `.` ("don't", "al-Qaeda", "U.S").
    Word,
    /// The possessive `'s` / `’s`, or a bare `'` / `’` after a plural ("countries'").
    Possessive,
    /// A quotation mark that opens a quote.
    Open,
    /// A quotation mark that closes a quote.
    Close,
    /// Any other punctuation character.
    Punct,
}

/// One token: byte range in the document, its text, and its lower-case form for words
/// (borrowed from the text when it is lower case already, as most words are).
#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub lower: Cow<'a, str>,
    pub kind: Kind,
}

impl Tok<'_> {
    /// The lower-case form.
    pub fn low(&self) -> &str {
        &self.lower
    }
    /// True for a word whose first character is upper case.
    pub fn is_cap(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// True for a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// True for a quotation mark of either direction.
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Open | Kind::Close)
    }
    /// True for a double quotation mark (`“ ” « » "`, or `''` typed for one), which a
    /// single mark, often an apostrophe, is not.
    pub fn is_double_quote(&self) -> bool {
        self.is_quote() && matches!(self.text, "“" | "”" | "«" | "»" | "\"" | "''")
    }
    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.text == c
    }
}

/// `t` in lower case, borrowed when it is already.
fn lowercase(t: &str) -> Cow<'_, str> {
    if t.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        Cow::Borrowed(t)
    } else if t.is_ascii() {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokens of `text[start..end]` (byte offsets into `text`, which must be char boundaries).
#[cfg(test)]
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, start, end, &mut out);
    out
}

/// [`tokenize`] into `out`, cleared first: one buffer serves every sentence of a document.
pub fn tokenize_into<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let Some(piece) = text.get(start..end) else {
        return;
    };
    // The character at byte `p` of the piece (byte offsets, no per-sentence buffer).
    let at = |p: usize| piece.get(p..).and_then(|r| r.chars().next());
    let bytes = piece.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        // ASCII white space, the commonest character between tokens, without decoding.
        if matches!(bytes[k], b' ' | b'\t'..=b'\r') {
            k += 1;
            continue;
        }
        let Some(c) = at(k) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            k += cl;
            continue;
        }
        if is_word_char(c) {
            let s = k;
            let mut prev = c;
            k += cl;
            loop {
                // ASCII letters and digits go on the word without decoding.
                if let Some(&b) = bytes.get(k).filter(|b| b.is_ascii_alphanumeric()) {
                    prev = char::from(b);
                    k += 1;
                    continue;
                }
                let Some(c) = at(k) else { break };
                let cl = c.len_utf8();
                let next = at(k + cl);
                if is_word_char(c) {
                    prev = c;
                    k += cl;
                } else if matches!(c, '-' | '.' | '&') && next.is_some_and(is_word_char) {
                    // "al-Qaeda", "U.S" (a full stop between letters), "AT&T".
                    if c == '.' && !(prev.is_uppercase() && next.is_some_and(char::is_uppercase)) {
                        break;
                    }
                    prev = c;
                    k += cl;
                } else if matches!(c, '\'' | '’') && next.is_some_and(is_word_char) {
                    // "'s" followed by a non-letter is a possessive token of its own.
                    let after = next.and_then(|x| at(k + cl + x.len_utf8()));
                    let poss = next.is_some_and(|c| c == 's' || c == 'S') && !after.is_some_and(is_word_char);
                    if poss {
                        break;
                    }
                    prev = c;
                    k += cl;
                } else {
                    break;
                }
            }
            let (a, b) = (start + s, start + k);
            let t = &text[a..b];
            out.push(Tok { start: a, end: b, text: t, lower: lowercase(t), kind: Kind::Word });
            continue;
        }
        let prev = piece[..k].chars().next_back();
        let next = at(k + cl);
        let next2 = next.and_then(|x| at(k + cl + x.len_utf8()));
        let (a, b) = (start + k, start + k + cl);
        let t = &text[a..b];
        // Two apostrophes, as some papers type a double quotation mark (''...''): one
        // mark, opening or closing as `"` does.
        if c == '\'' && next == Some('\'') {
            let after = next2;
            let opens = !prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'))
                && after.is_some_and(|c| !c.is_whitespace());
            let kind = if opens { Kind::Open } else { Kind::Close };
            let t = &text[a..b + 1];
            out.push(Tok { start: a, end: b + 1, text: t, lower: Cow::Borrowed(t), kind });
            k += 2;
            continue;
        }
        let kind = match c {
            // A “ right after a word or a comma and before a space closes the quote ("here,“
            // said ..."): an opening mark typed for a closing one.
            '“' if prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'))
                && next.is_none_or(char::is_whitespace) =>
            {
                Kind::Close
            }
            '“' | '«' => Kind::Open,
            '”' | '»' => Kind::Close,
            '‘' => Kind::Open,
            '\'' | '’' => {
                let after_word = prev.is_some_and(is_word_char);
                if after_word && next.is_some_and(|c| c == 's' || c == 'S') && !next2.is_some_and(is_word_char) {
                    // "Mali's": take the "s" too.
                    let b2 = b + 1;
                    let t2 = &text[a..b2];
                    out.push(Tok { start: a, end: b2, text: t2, lower: Cow::Borrowed("'s"), kind: Kind::Possessive });
                    k += cl + 1;
                    continue;
                }
                if after_word && prev.is_some_and(|p| p == 's') && !next.is_some_and(is_word_char) {
                    // A plural possessive ("countries'") or a closing single quote: a
                    // closing quote only when a single quote is open.
                    let open = out.iter().rev().find(|t| t.is_quote() && matches!(t.text, "'" | "‘" | "’"));
                    if open.is_some_and(|t| t.kind == Kind::Open) {
                        Kind::Close
                    } else {
                        Kind::Possessive
                    }
                } else if !prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'))
                    && next.is_some_and(|c| !c.is_whitespace())
                {
                    Kind::Open
                } else {
                    Kind::Close
                }
            }
            '"' => {
                let opens = !prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'))
                    && next.is_some_and(|c| !c.is_whitespace());
                if opens {
                    Kind::Open
                } else {
                    Kind::Close
                }
            }
            _ => Kind::Punct,
        };
        out.push(Tok { start: a, end: b, text: t, lower: Cow::Borrowed(t), kind });
        k += cl;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(String, Kind)> {
        tokenize(t, 0, t.len()).into_iter().map(|t| (t.text.to_string(), t.kind)).collect()
    }

    #[test]
    fn words_possessives_and_quotes() {
        let w = words("Mali’s junta said “foreign states” don't help the U.S. al-Qaeda 'no'");
        let texts: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Mali", "’s", "junta", "said", "“", "foreign", "states", "”", "don't", "help", "the", "U.S", ".",
                "al-Qaeda", "'", "no", "'"
            ]
        );
        assert_eq!(w[1].1, Kind::Possessive);
        assert_eq!(w[4].1, Kind::Open);
        assert_eq!(w[7].1, Kind::Close);
        assert_eq!(w[14].1, Kind::Open);
        assert_eq!(w[16].1, Kind::Close);
    }

    #[test]
    fn two_apostrophes_are_one_double_mark() {
        let w = words("''Wow, a great idea,'' she said of the ''crooked'' process.");
        assert_eq!(w[0], ("''".to_string(), Kind::Open));
        assert_eq!(w[7], ("''".to_string(), Kind::Close));
        assert_eq!(w[12], ("''".to_string(), Kind::Open));
        assert_eq!(w[14], ("''".to_string(), Kind::Close));
        let t = tokenize("''Wow,'' she said", 0, 17);
        assert!(t[0].is_double_quote() && t[3].is_double_quote());
        // A single mark is no double one.
        assert!(!tokenize("'no'", 0, 4)[0].is_double_quote());
    }

    #[test]
    fn straight_double_quotes() {
        let w = words("called it \"unjustified.\" Then");
        assert_eq!(w[2], ("\"".to_string(), Kind::Open));
        assert_eq!(w[5], ("\"".to_string(), Kind::Close));
    }
}
