//! The publication date read from a news dateline, for a text opened without one.
//!
//! A wire story opens with a dateline: where and when it was filed, before the first
//! sentence (`PARIS, Sept. 19, 2025 (Reuters) - ...`, `Feb 3, 2009 -- ...`,
//! `Published: 19 September 2025`). When the text has no DCT, a full date (day, month and
//! year) standing as such a dateline on one of the first two non-empty lines is a good
//! reading of the creation date: relative dates ("last Sunday") can then be resolved. It is
//! only a proposal: the CLI says where it came from on stderr, and the caller decides.
//!
//! What counts as a dateline: before the date, nothing, an all-capitals place with its
//! punctuation (`WASHINGTON,`), or `Published`/`Updated`/`Posted`/`Dated`/`Date` and a colon;
//! after it, the end of the line, or a dash, colon or bar, optionally after a parenthesis
//! (`(AP)`). A date inside a sentence ("On Feb 3, 2009 the talks ...") is not a dateline.
//!
//! Owns: that reading. It must not: set the DCT itself or read anything but the text.

use super::Pipeline;
use crate::model::{Document, Label, Span};
use regex::Regex;
use std::sync::LazyLock;

/// A dateline found: the date, its words and where they are in the text (code points).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub date: jiff::civil::Date,
    pub span: Span,
    pub words: String,
}

/// The longest line read as a possible dateline, in code points.
const MAX_LINE: usize = 300;

/// Unicode's White_Space characters, written out: `\s` would link the regex crate's Unicode
/// tables into the page's extractor for this one pattern (the date rules are ASCII-only).
const WS: &str = r"[\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]";

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{WS}*(?:\([^)\n]{{1,40}}\){WS}*)?(?:[-–—:|]|$)")).expect("the dateline suffix compiles")
});

/// What may stand before a dateline's date: nothing, `Published:` and the like, or a place
/// in capitals with its punctuation and an agency in brackets (`WASHINGTON (AP) —`).
fn before_ok(prefix: &str) -> bool {
    let p = prefix.trim().trim_end_matches([',', '-', '–', '—', ':']).trim_end();
    if p.is_empty() {
        return true;
    }
    let word = p.to_ascii_lowercase();
    if ["published", "updated", "posted", "dated", "date"].contains(&word.as_str()) {
        return true;
    }
    let place = match p.strip_suffix(')').and_then(|q| q.rsplit_once('(')) {
        Some((place, agency)) if agency.chars().count() <= 40 => place.trim_end(),
        _ => p,
    };
    let place = place.trim_end_matches([',', '-', '–', '—']).trim_end();
    place.chars().any(char::is_uppercase)
        && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-' | ','))
}

impl Pipeline {
    /// The dateline's date of `doc` (see the module's documentation), looked for whether or
    /// not the document has a DCT.
    pub fn dateline(&self, doc: &Document) -> Option<Dateline> {
        let text = doc.text();
        let mut offset = 0;
        let mut seen = 0;
        for line in text.split('\n') {
            let cps = line.chars().count();
            if !line.trim().is_empty() {
                seen += 1;
                if cps <= MAX_LINE {
                    if let Some(found) = self.in_line(line, offset) {
                        return Some(found);
                    }
                }
                if seen == 2 {
                    return None;
                }
            }
            offset += cps + 1;
        }
        None
    }

    fn in_line(&self, line: &str, offset: usize) -> Option<Dateline> {
        let small = Document::new("dateline", line, None).ok()?;
        let first = self.run_label(&small, Label::Date).into_iter().next()?;
        let value = &first.date()?.value;
        let date: jiff::civil::Date = (value.len() == 10).then(|| value.parse().ok()).flatten()?;
        let (s, e) = small.index().bytes_of_span(first.span)?;
        if !before_ok(&line[..s]) || !AFTER.is_match(&line[e..]) {
            return None;
        }
        let span = Span::new(offset + first.span.start(), offset + first.span.end()).ok()?;
        Some(Dateline { date, span, words: first.quote })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        let doc = Document::new("t", text, None).unwrap();
        Pipeline::default().dateline(&doc).map(|d| {
            assert_eq!(doc.slice(d.span), Some(d.words.as_str()), "the span holds the words");
            format!("{} {}", d.date, d.words)
        })
    }

    #[test]
    fn datelines_are_read() {
        let cases = [
            ("Feb 3, 2009 - Stocks fell on Tuesday.", "2009-02-03 Feb 3, 2009"),
            ("Markets slide\nPARIS, Sept. 19, 2025 (Reuters) - France said on Friday ...", "2025-09-19 Sept. 19, 2025"),
            ("Published: 19 September 2025\nFrance has suspended ...", "2025-09-19 19 September 2025"),
            ("🙂 Headline with é\r\nWASHINGTON — March 4, 2024 — The talks ...", "2024-03-04 March 4, 2024"),
            ("February 3, 2009\n\nThe minister said ...", "2009-02-03 February 3, 2009"),
        ];
        for (text, want) in cases {
            assert_eq!(found(text).as_deref(), Some(want), "{text:?}");
        }
    }

    #[test]
    fn dates_that_are_not_datelines_are_left() {
        for text in [
            "On Feb 3, 2009 the talks stalled.",
            "The talks stalled on Feb 3, 2009, officials said.",
            "Feb 2009 - a month of talks",
            "Headline\nSecond line without a date\nFeb 3, 2009 - third line",
            "Friday - talks resume",
            "",
        ] {
            assert_eq!(found(text), None, "{text:?}");
        }
    }
}
