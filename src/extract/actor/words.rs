//! Closed word classes and word shapes that several rule families read: determiners, name
//! connectors, compass words, capitalised words, acronyms, roman numerals, model codes,
//! compounds ("EADS-led"), plural heads, lowercase forms.
//!
//! Owns: these small fixed lists and predicates on one word. It must not: look at a sentence
//! or hold a list that only one family reads (that list sits beside its rule).

use std::borrow::Cow;

/// Plural heads take base verb forms ("officials say", "police say").
pub(super) fn head_is_plural(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || w == "police"
}

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "some", "several", "many", "other", "those", "these",
    "this", "both", "all", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "of",
    "senior", "top",
];

/// A word of a name and a lowercase part: "Paris-based", "EADS-led".
pub(super) fn is_compound(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(x, y)| {
        x.chars().next().is_some_and(char::is_uppercase) && !y.is_empty() && y.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// Words for a broadcast medium that open a broadcaster's name ("Radio Free Europe", "Radio
/// France", "Television New Zealand", "TV Globo"): GUIDELINES ACTOR, media are organisations.
/// At a sentence's start such a word before a capitalised word stays in the name.
pub(super) const MEDIUM_OPENERS: &[&str] = &["radio", "television", "tv"];

pub(super) const COMPASS: &[&str] =
    &["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"];

pub(super) fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

pub(super) const CONNECTORS: &[&str] = &[
    "de", "la", "arap", "ould", "ag", "du", "des", "del", "della", "di", "da", "do", "dos", "das", "von", "van", "der",
    "den", "ter", "bin", "ibn", "al", "el", "y", "le", "les", "et", "d'", "of", "for", "on", "the", "and", "&",
];

pub(super) fn lower(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    } else if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

pub(super) fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        // "6PR", "3COM": a digit, then capitals only.
        Some(c) if c.is_ascii_digit() => {
            w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
        }
        // "al-Qaeda", "el-Sisi", "bin Laden" are capitalised names.
        Some('a') | Some('e') => {
            (w.starts_with("al-") || w.starts_with("el-")) && w[3..].chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

pub(super) fn is_acronym(w: &str) -> bool {
    let n = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&n)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&' || c == '-')
        && !w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

/// A model designation: one to three capitals, a hyphen, digits ("F-16", "EF-111", "CH-53").
pub(super) fn is_model_code(w: &str) -> bool {
    w.split_once('-').is_some_and(|(l, d)| {
        (1..=3).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_uppercase())
            && !d.is_empty()
            && d.bytes().all(|b| b.is_ascii_digit())
    })
}

/// A generational suffix after a surname, in any case: "Jr.", "Sr.", "III" ("Martin Luther
/// King Jr.", "Harry F. Byrd Sr.", "Vann R. Newkirk II").
pub(super) fn is_generation(w: &str) -> bool {
    ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"].iter().any(|g| w.eq_ignore_ascii_case(g))
}

/// A middle initial: one capital letter and its stop ("R.", "J.").
pub(super) fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// Particles that open a surname ("van Gogh", "de Blasio", "von der Leyen", "da Silva").
pub(super) const NAME_PARTICLES: &[&str] =
    &["van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "dos", "das", "ter", "ten"];

/// Particles written inside a person's name between its words, beyond those opening a
/// surname: French "le", "la", "les", "des" ("Adenet le Roi", "Jean de La Fontaine"), Arabic
/// "bin", "ibn", "al", "el" ("Osama bin Laden"), Spanish "y" ("Ortega y Gasset"). A text
/// that writes such a word in lowercase elsewhere does not make the name one of common nouns.
pub(super) fn is_inner_particle(lw: &str) -> bool {
    NAME_PARTICLES.contains(&lw) || ["le", "la", "les", "des", "bin", "ibn", "al", "el", "y"].contains(&lw)
}

/// Acronyms that are ordinary nouns of English, not names: a role ("CEO", "DJ", "VIP",
/// "MVP"), a degree ("PhD"), a thing or a measure ("TV", "SUV", "DVD", "GDP", "ERA"), a
/// result ("KO"), a police unit's kind ("SWAT"). Alone (or in the plural) they name no
/// organisation (GUIDELINES ACTOR: named organisations, people).
pub(super) fn is_common_acronym(w: &str) -> bool {
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix('s')).filter(|b| b.len() >= 2).unwrap_or(w);
    [
        "VIP", "DJ", "MC", "KO", "TKO", "MVP", "ERA", "RBI", "CEO", "CFO", "COO", "CTO", "PhD", "MBA", "TV", "HDTV",
        "SUV", "BMX", "CAD", "DVD", "CD", "PC", "GPS", "ATM", "GDP", "GNP", "IQ", "DNA", "RNA", "HIV", "IPO", "UFO",
        "CPU", "RPG", "FAQ", "URL", "SMS", "LCD", "LED", "VAT", "ICU", "SWAT", "POS", "OST", "LP", "EP",
    ]
    .contains(&w)
}
