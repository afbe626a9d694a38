//! The adversarial shapes: a short unit repeated to any length, each stressing one rule of
//! the extractors (the three of the reliability audit first). Shared by the `adversarial`
//! benchmark group (`benches/extract.rs`) and the linearity test (`tests/bounded.rs`), so
//! that the figures the README gives are of the texts the test checks. Data only.

/// (name, unit) pairs.
pub const SHAPES: &[(&str, &str)] = &[
    // An unterminated quote opened before every cue: one sentence, a claim per cue.
    ("quote_paris_said", "\"Paris said "),
    // Reports nested without end.
    ("said_that_chain", "Mali said that France said that "),
    // A title before a title: no sentence ends, one capitalised run.
    ("mr_titles", "Mr. "),
    ("titles_mixed", "Gen. Col. Capt. "),
    // One sentence without punctuation, one word without a space, one token repeated.
    ("no_punctuation", "the minister of the state and the people of the region "),
    ("one_word", "a"),
    ("one_token", "said "),
    // Quotes: thousands of them, straight ones, unbalanced ones, one opened by each cue.
    ("many_quotes", "“no,” "),
    ("straight_quotes", "\"yes\" "),
    ("unbalanced_quote", "\" "),
    ("said_open_quote", "he said “we "),
    ("colon_cues", "He said: "),
    ("accused_of", "France accused him of "),
    ("according_to", "according to the ministry "),
    ("all_caps", "THE MINISTER SAID THAT FRANCE WILL ACT "),
    ("capitalised_words", "Paris Hilton Bamako Company Minister Ahmed "),
    ("plural_possessives", "the countries' "),
    // A junta named again and again, with a military ruler after each.
    ("juntas", "Mali's junta said the military leadership "),
    // Date triggers everywhere, and long digit runs.
    ("digits", "1234567890"),
    ("years", "2025 "),
    ("coordinated_days", "March 3 and 4, "),
    ("abbreviated_months", "Sept. 19 "),
    ("initials", "U.S. "),
    ("parentheses", "(Mali) "),
];

/// `unit` repeated to exactly `n` code points.
pub fn text_of(unit: &str, n: usize) -> String {
    unit.chars().cycle().take(n).collect()
}
