//! Word tokens for the actor extractor, in byte offsets of the text they come from.
//!
//! Owns: cutting a piece of text into words ("al-Qaeda", "U.S.", "N'Djamena", "AT&T" stay one
//! word), possessive endings ("'s", "’s", and a bare "'" after a plural in s) and single
//! punctuation marks. It must not: know any name or decide anything about actors.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner hyphens, apostrophes, dotted initials.
    Word,
    /// A possessive ending: "'s", "’s", or a lone apostrophe after "s".
    Poss,
    /// Any other single character that is not white space.
    Punct,
}

/// One token: byte range `s..e` in the text given to [`tokenize`] plus its base offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
}

/// Abbreviations written with a stop that belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "St", "Mt", "Ft", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Adm", "Sen",
    "Rep", "Gov", "Prof", "Rev", "Brig", "Inc", "Corp", "Ltd", "Co", "Bros", "Messrs", "Cpl", "Pvt", "Supt",
];

/// Is the text at `at` one space and a word of two or more capitals ("LAUDERDALE")?
fn caps_word_after(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let caps = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    caps >= 2 && !rest.as_bytes().get(caps).is_some_and(u8::is_ascii_alphanumeric)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of `text`, with offsets shifted by `base` (the byte offset of `text` in the document).
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, base, &mut out);
    out
}

/// The character at byte `i` of `text`: ASCII without decoding, another character decoded
/// from its first byte.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let c = *text.as_bytes().get(i)?;
    if c < 0x80 {
        Some(c as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Appends the tokens of `text` to `out` (see [`tokenize`]).
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let first = out.len();
    let b = text.as_bytes();
    let mut i = 0usize;
    while i < b.len() {
        if matches!(b[i], b' ' | b'\t' | b'\n') {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_apostrophe(c) {
            i = apostrophe(text, i, c, base, first, out);
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token { s: i + base, e: i + c.len_utf8() + base, kind: Kind::Punct });
            i += c.len_utf8();
            continue;
        }
        let j = word_end(text, i);
        out.push(Token { s: i + base, e: j + base, kind: Kind::Word });
        i = j;
    }
}

/// The apostrophe `c` at byte `i`: a possessive ending or a mark; pushes its token (the tokens
/// of this text start at `out[first]`) and returns where the next token may start.
#[inline]
fn apostrophe(text: &str, i: usize, c: char, base: usize, first: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    // Possessive: 's / ’s not followed by a letter, or a bare apostrophe after an s.
    let after = i + c.len_utf8();
    let prev_word = out.len() > first && out.last().is_some_and(|t: &Token| t.kind == Kind::Word && t.e == i + base);
    if prev_word {
        let next = char_at(text, after);
        if matches!(next, Some('s') | Some('S')) && !char_at(text, after + 1).is_some_and(char::is_alphanumeric) {
            out.push(Token { s: i + base, e: after + 1 + base, kind: Kind::Poss });
            return after + 1;
        }
        let prev_ends_s = text[..i].ends_with('s');
        if prev_ends_s && !next.is_some_and(char::is_alphanumeric) {
            out.push(Token { s: i + base, e: after + base, kind: Kind::Poss });
            return after;
        }
    }
    // "Beatles ' Apple Corps": a possessive apostrophe cut off by spaces (text rebuilt
    // from tokens). A quotation mark has a word on one side; this one has none, after a
    // word in s, and no earlier apostrophe before a space has opened a quotation.
    let spaced = i > 0
        && b[i - 1] == b' '
        && char_at(text, after) == Some(' ')
        && out.len() > first
        && out.last().is_some_and(|t: &Token| t.kind == Kind::Word && t.e + 1 == i + base)
        && text[..i - 1].ends_with('s')
        && !text[..i].contains("' ");
    let kind = if spaced { Kind::Poss } else { Kind::Punct };
    out.push(Token { s: i + base, e: after + base, kind });
    after
}

/// The end of the word starting at byte `start`: letters and digits, with inner hyphens and
/// ampersands, apostrophes, dotted initials, abbreviations with their stop, a web address.
#[inline]
fn word_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut j = start;
    loop {
        // Letters and digits (ASCII without decoding).
        while j < b.len() {
            let byte = b[j];
            if byte.is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            if byte < 0x80 {
                break;
            }
            match char_at(text, j) {
                Some(c) if c.is_alphanumeric() => j += c.len_utf8(),
                _ => break,
            }
        }
        let Some(c) = char_at(text, j) else { break };
        let after = j + c.len_utf8();
        let next = char_at(text, after);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        if (c == '-' || c == '&') && next_alnum {
            // "al-Qaeda", "A330-200", "AT&T" (an ampersand only between capitals).
            if c == '&' && !(next.is_some_and(char::is_uppercase) && text[start..j].chars().all(char::is_uppercase)) {
                break;
            }
            j = after;
            continue;
        }
        // "O' Leary", "D' Souza": an Irish or Indian surname written with a space after the
        // apostrophe (text rebuilt from tokens).
        if is_apostrophe(c)
            && matches!(&text[start..j], "O" | "D")
            && next == Some(' ')
            && char_at(text, after + 1).is_some_and(char::is_uppercase)
        {
            j = after + 1;
            continue;
        }
        if is_apostrophe(c) && next_alnum {
            // "O'Leary", "N'Djamena", "d'Ivoire", but not the possessive "Mali's".
            let poss =
                matches!(next, Some('s') | Some('S')) && !char_at(text, after + 1).is_some_and(char::is_alphanumeric);
            if poss {
                break;
            }
            j = after;
            continue;
        }
        if c == '.' {
            // "Detik.com": a web address as a name.
            let rest = &text[after..];
            let tld = ["com", "org", "net"]
                .into_iter()
                .find(|t| rest.starts_with(t) && !rest[t.len()..].chars().next().is_some_and(char::is_alphanumeric));
            if let Some(t) = tld {
                j = after + t.len();
                break;
            }
        }
        if c == '.' && matches!(&text[start..j], "FT" | "MT" | "ST") && caps_word_after(text, after) {
            // "FT. LAUDERDALE", "ST. PETERSBURG": a dateline's Fort, Mount, Saint in capitals
            // before a word in capitals (not the Financial Times).
            j = after;
            break;
        }
        if c == '.' && ABBREVIATIONS.contains(&&text[start..j]) {
            // "St. Louis", "Dr. Smith", "Apple Inc.".
            j = after;
            break;
        }
        if c == '.' {
            // Dotted initials and abbreviations: "U.S.", "N.V.", "H.".
            let word = &text[start..j];
            let last_seg = word.rsplit('.').next().unwrap_or(word);
            if last_seg.chars().count() == 1 && last_seg.chars().all(char::is_uppercase) {
                j = after;
                // Continue only with another single letter followed by a stop.
                let mut k = j;
                if let Some(n) = char_at(text, k) {
                    if n.is_alphabetic() {
                        k += n.len_utf8();
                        if char_at(text, k) == Some('.') {
                            j = k;
                            continue;
                        }
                    }
                }
                break;
            }
        }
        break;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(&str, Kind)> {
        tokenize(t, 0).into_iter().map(|k| (&t[k.s..k.e], k.kind)).collect()
    }

    #[test]
    fn words_possessives_and_initials() {
        let w = words("Mali’s junta met al-Qaeda, the U.S. and AT&T in N'Djamena; H. Collier's firms' staff.");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            vec![
                "Mali",
                "’s",
                "junta",
                "met",
                "al-Qaeda",
                ",",
                "the",
                "U.S.",
                "and",
                "AT&T",
                "in",
                "N'Djamena",
                ";",
                "H.",
                "Collier",
                "'s",
                "firms",
                "'",
                "staff",
                "."
            ]
        );
        assert_eq!(w[1].1, Kind::Poss);
        assert_eq!(w[17].1, Kind::Poss);
    }

    #[test]
    fn spaced_possessive_apostrophe() {
        // Text rebuilt from tokens: "Beatles ' Apple" is a possessive; a quotation written with
        // spaces ("' Greatest Hits '") is not, nor an apostrophe after a word not in s.
        let w = words("The Beatles ' Apple Corps");
        assert_eq!(w[2], ("'", Kind::Poss));
        let w = words("released ' Greatest Hits ' and");
        assert_eq!(w[1], ("'", Kind::Punct));
        assert_eq!(w[4], ("'", Kind::Punct));
        let w = words("Boeing ' Apple");
        assert_eq!(w[1], ("'", Kind::Punct));
    }

    #[test]
    fn base_offset_is_added() {
        let t = tokenize("ab cd", 10);
        assert_eq!((t[1].s, t[1].e), (13, 15));
    }
}
