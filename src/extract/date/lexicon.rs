//! The DATE extractor's word lists, read from `data/dates/*.txt` at compile time.
//!
//! Owns: parsing those files into lookup tables and regex alternations. It must not:
//! match text or compute a date (the rules and `resolve.rs` do).

/// Fx-hashed (crate `rustc-hash`): the keys are the lexicon's own words.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A holiday's rule for finding its date in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed month and day.
    Fixed(i8, i8),
    /// The nth (negative: from the end) ISO weekday (1 = Monday) of a month.
    Nth(i8, i8, i8),
    /// The day after such an nth weekday (U.S. Election Day: the Tuesday after the first
    /// Monday of November).
    DayAfterNth(i8, i8, i8),
}

/// Every list the rules use.
pub struct Lexicon {
    /// Month forms (lowercase, no full stop) -> 1..=12.
    pub months: HashMap<String, i8>,
    /// Month forms as written in the file: (form, is_full_name).
    pub month_forms: Vec<(String, bool)>,
    /// Weekday forms (lowercase) -> ISO number.
    pub weekdays: HashMap<String, i8>,
    pub weekday_forms: Vec<(String, bool)>,
    /// Number words (lowercase, single spaces) -> value.
    pub numbers: HashMap<String, u32>,
    /// Ordinal words -> value.
    pub ordinals: HashMap<String, u32>,
    /// Unit forms (singular and plural, lowercase) -> unit code.
    pub units: HashMap<String, String>,
    /// Season word -> (code, may stand alone).
    pub seasons: HashMap<String, (String, bool)>,
    /// Part-of-day word -> code.
    pub parts_of_day: HashMap<String, String>,
    /// Holiday name (lowercase, straight apostrophe) -> rule.
    pub holidays: Vec<(String, Holiday)>,
    /// Vague references: phrase (lowercase) -> value.
    pub refs: Vec<(String, String)>,
    /// Frequency adverbs: word -> SET value.
    pub sets: Vec<(String, String)>,
    /// Frequency words that are SETs after a determiner too ("his weekly address").
    pub set_adjectives: Vec<String>,
    /// Nouns after "today's" that make it generic ("today's world").
    pub generic_today: Vec<String>,
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lines of the form `phrase | rest`.
fn piped(src: &str) -> Vec<(String, String)> {
    lines(src).filter_map(|l| l.split_once('|')).map(|(a, b)| (a.trim().to_string(), b.trim().to_string())).collect()
}

/// Lines of the form `number form form ...`.
fn numbered(src: &str) -> (HashMap<String, i8>, Vec<(String, bool)>) {
    let mut map = HashMap::default();
    let mut forms = Vec::new();
    for l in lines(src) {
        let mut it = l.split_whitespace();
        let Some(n) = it.next().and_then(|n| n.parse::<i8>().ok()) else {
            continue;
        };
        for (i, f) in it.enumerate() {
            map.insert(f.to_lowercase(), n);
            forms.push((f.to_string(), i == 0));
        }
    }
    (map, forms)
}

/// Lines of the form `words... value` (the value is the last field).
fn valued(src: &str) -> HashMap<String, u32> {
    lines(src)
        .filter_map(|l| l.rsplit_once(' '))
        .filter_map(|(w, v)| Some((w.trim().to_lowercase(), v.trim().parse().ok()?)))
        .collect()
}

impl Lexicon {
    /// Parses the files under `data/dates/`.
    pub fn load() -> Lexicon {
        let (months, month_forms) = numbered(include_str!("../../../data/dates/months.txt"));
        let (weekdays, weekday_forms) = numbered(include_str!("../../../data/dates/weekdays.txt"));
        let numbers = valued(include_str!("../../../data/dates/numbers.txt"));
        let ordinals = valued(include_str!("../../../data/dates/ordinals.txt"));
        let mut units = HashMap::default();
        for l in lines(include_str!("../../../data/dates/units.txt")) {
            let f: Vec<&str> = l.split_whitespace().collect();
            if let [sing, plur, code] = f[..] {
                units.insert(sing.to_string(), code.to_string());
                units.insert(plur.to_string(), code.to_string());
            }
        }
        let mut seasons = HashMap::default();
        for l in lines(include_str!("../../../data/dates/seasons.txt")) {
            let f: Vec<&str> = l.split_whitespace().collect();
            if let [w, code, bare] = f[..] {
                seasons.insert(w.to_string(), (code.to_string(), bare == "bare"));
            }
        }
        let mut parts_of_day = HashMap::default();
        for l in lines(include_str!("../../../data/dates/parts_of_day.txt")) {
            if let Some((w, c)) = l.split_once(' ') {
                parts_of_day.insert(w.trim().to_string(), c.trim().to_string());
            }
        }
        let mut holidays = Vec::new();
        for (name, rule) in piped(include_str!("../../../data/dates/holidays.txt")) {
            let f: Vec<&str> = rule.split_whitespace().collect();
            let h = match f[..] {
                ["fixed", md] => {
                    md.split_once('-').and_then(|(m, d)| Some(Holiday::Fixed(m.parse().ok()?, d.parse().ok()?)))
                }
                ["nth", n, wd, m] => {
                    Some(Holiday::Nth(n.parse().unwrap_or(1), wd.parse().unwrap_or(1), m.parse().unwrap_or(1)))
                }
                ["after-nth", n, wd, m] => {
                    Some(Holiday::DayAfterNth(n.parse().unwrap_or(1), wd.parse().unwrap_or(1), m.parse().unwrap_or(1)))
                }
                _ => None,
            };
            if let Some(h) = h {
                holidays.push((name.to_lowercase(), h));
            }
        }
        // Longest names first so that the alternation prefers "Christmas Day" to "Christmas".
        holidays.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let mut refs: Vec<(String, String)> = piped(include_str!("../../../data/dates/refs.txt"))
            .into_iter()
            .map(|(a, b)| (a.to_lowercase(), b))
            .collect();
        refs.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let mut sets = Vec::new();
        let mut set_adjectives = Vec::new();
        for (a, b) in piped(include_str!("../../../data/dates/sets.txt")) {
            let mut f = b.split_whitespace();
            let Some(v) = f.next() else { continue };
            if f.next() == Some("adj") {
                set_adjectives.push(a.to_lowercase());
            }
            sets.push((a.to_lowercase(), v.to_string()));
        }
        let generic_today =
            lines(include_str!("../../../data/dates/generic_today.txt")).map(str::to_ascii_lowercase).collect();
        Lexicon {
            generic_today,
            months,
            month_forms,
            weekdays,
            weekday_forms,
            numbers,
            ordinals,
            units,
            seasons,
            parts_of_day,
            holidays,
            refs,
            sets,
            set_adjectives,
        }
    }

    /// The month a form names ("Sept.", "SEPTEMBER", "september").
    pub fn month(&self, s: &str) -> Option<i8> {
        self.months.get(&s.trim_end_matches('.').to_lowercase()).copied()
    }

    /// The ISO weekday a form names.
    pub fn weekday(&self, s: &str) -> Option<i8> {
        self.weekdays.get(&s.trim_end_matches('.').to_lowercase()).copied()
    }

    /// The value of a number written in digits or words ("4", "four", "twenty-four",
    /// "a couple of", "1.5"). `None` for vague quantities ("several").
    pub fn number(&self, s: &str) -> Option<f64> {
        let s = s.trim().to_lowercase().replace(',', "");
        if let Ok(v) = s.parse::<f64>() {
            return Some(v);
        }
        // "2 1/2".
        if let Some(w) = s.strip_suffix("1/2").map(str::trim_end) {
            return w.parse::<f64>().ok().map(|v| v + 0.5);
        }
        let norm = s.split(|c: char| c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>();
        if let Some(v) = self.numbers.get(&norm.join(" ")) {
            return Some(*v as f64);
        }
        // "twenty four", "one hundred and twenty"...
        // Only a units word may follow a tens word: "two four" (as in "two four-year terms")
        // is two numbers, not six.
        let mut total = 0u32;
        let mut any = false;
        let mut last = 0u32;
        for w in &norm {
            if *w == "and" {
                continue;
            }
            match (*w, self.numbers.get(*w)) {
                ("hundred", _) => {
                    total = total.max(1) * 100;
                    last = 0;
                }
                (_, Some(&v)) => {
                    if last != 0 && !(last >= 20 && last % 10 == 0 && v < 10) {
                        return None;
                    }
                    total += v;
                    last = v;
                }
                (_, None) => return None,
            }
            any = true;
        }
        any.then_some(total as f64)
    }

    /// The value of an ordinal ("third", "3rd", "twenty-first").
    pub fn ordinal(&self, s: &str) -> Option<u32> {
        let s = s.trim().to_lowercase();
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            return digits.parse().ok();
        }
        self.ordinals.get(&s.replace('-', " ")).or_else(|| self.ordinals.get(&s)).copied()
    }

    /// The unit code of a unit word ("days" -> "D").
    pub fn unit(&self, s: &str) -> Option<&str> {
        self.units.get(&s.to_lowercase()).map(String::as_str)
    }

    /// Regex alternation of month forms: full names in Capitalised, UPPER or lower case only
    /// for unambiguous ones; abbreviations Capitalised or UPPER, with an optional stop.
    pub fn month_alt(&self, full_only: bool) -> String {
        let mut alts: Vec<String> = Vec::new();
        let mut forms = self.month_forms.clone();
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        for (f, full) in forms {
            if full_only && !full && f != "Sept" {
                continue;
            }
            let up = f.to_uppercase();
            if full {
                alts.push(format!("{f}|{up}"));
            } else {
                alts.push(format!("(?:{f}|{up})(?-u:\\b)\\.?"));
            }
        }
        format!("(?-i:{})", alts.join("|"))
    }

    /// Regex alternation of weekday forms.
    pub fn weekday_alt(&self) -> String {
        let mut forms = self.weekday_forms.clone();
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        let alts: Vec<String> = forms
            .iter()
            .map(
                |(f, full)| {
                    if *full {
                        format!("(?i:{f})")
                    } else {
                        format!("(?:{f}|{})(?-u:\\b)\\.?", f.to_uppercase())
                    }
                },
            )
            .collect();
        format!("(?-i:{})", alts.join("|"))
    }

    /// Regex alternation of number words (single words; compounds are built by the rules).
    pub fn number_word_alt(&self) -> String {
        let mut ws: Vec<&String> =
            self.numbers.keys().filter(|w| !w.contains(' ') && *w != "a" && *w != "an").collect();
        ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        ws.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
    }

    /// Regex alternation of ordinal words.
    pub fn ordinal_alt(&self) -> String {
        let mut ws: Vec<String> = self.ordinals.keys().map(|w| regex::escape(w).replace(' ', "[\\s-]")).collect();
        ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        ws.dedup();
        ws.join("|")
    }

    /// Regex alternation of unit words.
    pub fn unit_alt(&self) -> String {
        let mut ws: Vec<&String> = self.units.keys().collect();
        ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        ws.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
    }

    /// Regex alternation of the keys of a phrase list (spaces match any white space).
    pub fn phrase_alt<'a>(items: impl Iterator<Item = &'a String>) -> String {
        let mut ws: Vec<String> =
            items.map(|w| regex::escape(w).replace(' ', "\\s+").replace('\'', "(?:'|’)")).collect();
        ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        ws.join("|")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        let l = Lexicon::load();
        assert_eq!(l.month("Sept."), Some(9));
        assert_eq!(l.weekday("FRIDAY"), Some(5));
        assert_eq!(l.number("twenty-four"), Some(24.0));
        assert_eq!(l.number("a couple of"), Some(2.0));
        assert_eq!(l.number("several"), None);
        assert_eq!(l.ordinal("third"), Some(3));
        assert_eq!(l.ordinal("21st"), Some(21));
        assert_eq!(l.unit("decades"), Some("DE"));
        assert!(l.holidays.iter().any(|(n, _)| n == "christmas"));
        assert!(l.refs.iter().any(|(n, v)| n == "now" && v == "PRESENT_REF"));
    }
}
