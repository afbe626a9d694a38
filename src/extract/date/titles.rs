//! The guard every DATE rule shares against a work's title: "He wrote The Day After
//! Tomorrow", "the film Next Friday", "the song Yesterday Once More" name a film, a book or
//! a song, not a date (GUIDELINES, DATE: a date names a time; a title is a name).
//!
//! The construction: a match whose first word is capitalised mid-sentence although English
//! writes it in lowercase (`The`, `Next`, `Last`, `Yesterday`; not a month or weekday name),
//! right after a lowercase word that introduces a work: a noun of a work (`film`, `book`,
//! `song`, `titled`) or a verb of writing, reading or releasing one (`wrote`, `read`,
//! `directed`, `published`), possibly across capitalised words of the same title and an
//! opening quote. The lowercase introducer keeps title-case headlines out ("Vote Set Next
//! Friday"), and a sentence's first word never has one ("Next Friday, the council votes").
//!
//! Owns: [`in_title`]. It must not: match patterns or normalise (the rule families do).

use super::lexicon::Lexicon;

/// How many capitalised words of the same title may stand between the introducer and the
/// match ("the film The Last Week": one).
const TITLE_WORDS_BEFORE: usize = 4;

/// Lowercase words after which a capitalised run is the title of a work.
fn introduces_title(w: &str) -> bool {
    matches!(
        w,
        "film"
            | "films"
            | "movie"
            | "book"
            | "novel"
            | "memoir"
            | "song"
            | "single"
            | "album"
            | "play"
            | "musical"
            | "opera"
            | "poem"
            | "documentary"
            | "sitcom"
            | "series"
            | "episode"
            | "titled"
            | "entitled"
            | "dubbed"
            | "write"
            | "writes"
            | "wrote"
            | "written"
            | "read"
            | "reads"
            | "directed"
            | "directs"
            | "published"
            | "publishes"
            | "recorded"
            | "sang"
            | "sings"
            | "starring"
    )
}

/// True when the match `s..e` of `text` begins a work's title (see the module comment).
pub(super) fn in_title(lex: &Lexicon, text: &str, s: usize, e: usize) -> bool {
    let span = &text[s..e];
    if !span.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let first = span.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    // Month and weekday names are capitalised anyway: "wrote Friday" is a date.
    if first.len() < 2 || lex.month(first).is_some() || lex.weekday(first).is_some() {
        return false;
    }
    // The first word must be capitalised against English usage: "Yesterday", not "YESTERDAY".
    if first[1..].chars().any(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut rest = &text[..s];
    for _ in 0..=TITLE_WORDS_BEFORE {
        rest = rest.trim_end_matches(['"', '\u{201c}', '\u{2018}', '\'']);
        let trimmed = rest.trim_end_matches(' ');
        if trimmed.len() == rest.len() || trimmed.is_empty() {
            return false;
        }
        rest = trimmed;
        // After the last character that is no ASCII letter, however many bytes it takes ("“").
        let start =
            rest.char_indices().rev().find(|&(_, c)| !c.is_ascii_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[start..];
        if word.is_empty() {
            return false;
        }
        if word.starts_with(|c: char| c.is_ascii_uppercase()) {
            // A capitalised word of the same title; its first letter only.
            if word[1..].chars().any(|c| c.is_ascii_uppercase()) {
                return false;
            }
            rest = &rest[..start];
            continue;
        }
        return introduces_title(word);
    }
    false
}
