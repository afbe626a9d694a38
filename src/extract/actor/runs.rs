//! Family: name runs, finding them. Gazetteer names (leftmost-longest over tokens), titles
//! ("Colonel", "spokesman"), and runs of capitalised words joined by connectors ("of", "for",
//! "de la", "and" inside an organisation's name), per GUIDELINES.md's ACTOR names.
//!
//! Owns: where a run starts and ends and which gazetteer names and titles it holds. It must
//! not: classify a run (`classify.rs`) or make candidates.

use super::lexicon::{Entry, Suffix};
use super::rule::Unit;
use super::sentence::Sentence;
use super::token::Kind;
use super::words::{is_generation, CONNECTORS, NAME_PARTICLES};

/// Words that head a whole organisation's name: two of them joined by "of"/"for" are two names.
pub(super) const STRONG_ORG: &[&str] = &[
    "Corps",
    "Army",
    "Navy",
    "League",
    "Club",
    "FC",
    "Society",
    "Association",
    "University",
    "College",
    "Party",
    "Council",
    "Group",
    "Company",
    "Corporation",
    "Inc.",
    "Ltd.",
    "Bank",
    "Church",
    "Team",
    "Brigade",
    "Regiment",
    "Division",
    "Federation",
    "Union",
    "Agency",
];

impl Sentence<'_> {
    /// Gazetteer matches, leftmost-longest: (i, j, entry).
    pub(super) fn gazetteer(&self) -> Vec<(usize, usize, Entry)> {
        let mut out = Vec::new();
        let n = self.t.len();
        let mut i = 0;
        while i < n {
            let most = if self.is_word(i) && self.lex.first_bytes[self.text.as_bytes()[self.t[i].s] as usize] {
                self.lex.first_words.get(self.w(i)).copied()
            } else {
                None
            };
            if let Some(most) = most {
                // Only as many tokens as the longest name starting with this word.
                let hi = (i + most).min(n);
                let mut found = None;
                for j in (i..hi).rev() {
                    if self.t[j].kind == Kind::Punct && self.w(j) != "." {
                        continue;
                    }
                    let s = &self.text[self.t[i].s..self.t[j].e];
                    if let Some(e) = self.lex.names.get(s) {
                        // A name must not end inside a longer word sequence joined by '.'.
                        found = Some((j, *e));
                        break;
                    }
                }
                if let Some((j, e)) = found {
                    out.push((i, j, e));
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Title (role) of `len` tokens starting at `k`, compared in lowercase.
    pub(super) fn title_at(&self, k: usize) -> Option<(usize, String)> {
        if !self.is_word(k) || !self.lex.title_first.contains(self.lw(k)) {
            return None;
        }
        // One key buffer for every length tried.
        let mut key = String::new();
        for len in (1..=self.lex.max_title_words).rev() {
            let end = k + len - 1;
            if end >= self.t.len() || !(k..=end).all(|x| self.t[x].kind == Kind::Word || self.w(x) == "-") {
                continue;
            }
            key.clear();
            for x in k..=end {
                if x > k && self.w(x) != "-" && self.w(x - 1) != "-" {
                    key.push(' ');
                }
                key.push_str(self.lw(x));
            }
            // "Gen." written with its stop.
            if let Some(r) = self.lex.titles.get(&key) {
                return Some((len, r.clone()));
            }
        }
        None
    }

    /// The first token of a title (any case) that ends just before token `i`: "[Colonel]
    /// Assimi Goïta".
    pub(super) fn title_start(&self, i: usize) -> Option<usize> {
        (1..=self.lex.max_title_words.min(i)).rev().find_map(|len| {
            let k = i - len;
            self.title_at(k).filter(|(l, _)| *l == len).map(|_| k)
        })
    }

    /// A lowercase title just before token `i` ("spokesman John Smith", "analyst David Strauss").
    pub(super) fn title_before(&self, i: usize) -> Option<String> {
        for len in (1..=self.lex.max_title_words).rev() {
            if i < len {
                continue;
            }
            let k = i - len;
            if let Some((l, r)) = self.title_at(k) {
                if l == len && !self.cap(k) {
                    return Some(r);
                }
            }
        }
        None
    }

    /// Names of the sentence: gazetteer matches and capitalised runs, classified.
    pub(super) fn units(&mut self) -> Vec<Unit> {
        let gaz = self.gazetteer();
        let n = self.t.len();
        let mut gaz_at: Vec<Option<(usize, Entry)>> = vec![None; n];
        for &(i, j, e) in &gaz {
            gaz_at[i] = Some((j, e));
        }
        let mut units = Vec::new();
        let mut k = 0;
        while k < n {
            // A run of capitalised words (and gazetteer names), joined by connectors.
            if !(self.cap(k) || gaz_at[k].is_some()) {
                k += 1;
                continue;
            }
            // "said van der Vaart", "Mr. van Gogh": lowercase particles before a surname open
            // the name (up to two; never before a name a list knows).
            let mut start = k;
            while start > 0
                && k - start < 2
                && gaz_at[k].is_none()
                && self.is_word(start - 1)
                && NAME_PARTICLES.contains(&self.w(start - 1))
            {
                start -= 1;
            }
            let mut end;
            let mut has_of = false;
            let mut x = k;
            loop {
                // Step over one name element.
                let elem_end = match gaz_at[x] {
                    Some((j, _)) => j,
                    None => x,
                };
                end = elem_end;
                let nx = elem_end + 1;
                if nx >= n {
                    break;
                }
                if self.cap(nx) || gaz_at[nx].is_some() {
                    // "Abidjan-based"? no: only words.
                    x = nx;
                    continue;
                }
                // Connectors between capitalised words.
                let c = self.w(nx);
                // "Channel 4 News", "BBC Radio 4", "TV 2": a channel's number after a medium's
                // word is part of the medium's name.
                if matches!(self.w(end), "Channel" | "Radio" | "TV" | "Television")
                    && c.len() <= 2
                    && c.bytes().all(|b| b.is_ascii_digit())
                {
                    x = nx;
                    continue;
                }
                if c == "-" && x == start && self.spaced_hyphen_name(x, nx, &gaz_at) {
                    x = nx + 1;
                    continue;
                }
                if let Some(q) = self.nickname_at(start, end, nx) {
                    x = q + 1;
                    continue;
                }
                // "Joseph R. Biden, Jr.": a generational suffix after a comma ends the name.
                if c == "," && end > start && nx + 1 < n && matches!(self.lw(nx + 1), "jr." | "sr.") {
                    x = nx + 1;
                    continue;
                }
                if self.t[nx].kind == Kind::Punct && c != "&" {
                    break;
                }
                let mut y = nx;
                let mut joined = false;
                // up to two connector words ("of the", "de la")
                for _ in 0..2 {
                    if y >= n || !CONNECTORS.contains(&self.w(y)) {
                        break;
                    }
                    y += 1;
                    if y < n && (self.cap(y) || gaz_at[y].is_some()) && !self.lex.common.contains(self.lw(y)) {
                        let conn = self.w(nx);
                        let ok = match conn {
                            "of" | "for" | "on" => {
                                let last = self.w(end);
                                let head_ok = self.lex.suffixes.contains_key(last)
                                    || matches!(last, "Republic" | "Kingdom" | "Emirates" | "States" | "Ministry");
                                // "IV Corps of the Army of the Potomac", "Super League for FC
                                // Basel": two organisations, not one name.
                                let two_orgs = STRONG_ORG.contains(&last) && self.strong_org_ahead(y);
                                if head_ok && !two_orgs {
                                    has_of = true;
                                }
                                head_ok && !two_orgs
                            }
                            "and" | "&" => {
                                // "and the City Hospital" starts another name.
                                y == nx + 1
                                    && (has_of || self.and_joins(y))
                                    && !matches!(self.lex.suffixes.get(self.w(end)), Some(Suffix::Org))
                            }
                            "the" => false,
                            _ => true,
                        };
                        if ok {
                            x = y;
                            joined = true;
                        }
                        break;
                    }
                }
                if !joined {
                    break;
                }
            }
            self.analyse_run(start, end, &gaz_at, &mut units);
            k = end + 1;
        }
        units
    }

    /// "Wal - Mart": one hyphenated word that text rebuilt from tokens writes with spaces around
    /// the hyphen (token `h`). Two capitalised words that no list knows and no lowercase form
    /// of which appears in the document; not a dash between two names ("Boeing - Airbus").
    pub(super) fn spaced_hyphen_name(&self, x: usize, h: usize, gaz_at: &[Option<(usize, Entry)>]) -> bool {
        let y = h + 1;
        let plain = |k: usize| {
            self.cap(k)
                && gaz_at[k].is_none()
                && self.w(k).bytes().skip(1).all(|b| b.is_ascii_lowercase())
                && !self.lex.common.contains(self.lw(k))
                && !self.lex.given.contains(self.w(k))
                && !self.lex.titles.contains_key(self.lw(k))
                && !self.lower_words.contains(self.lw(k))
        };
        y < self.t.len()
            && self.t[h].s > self.t[x].e
            && self.t[y].s > self.t[h].e
            && !self.headline
            && plain(x)
            && plain(y)
            && !self.cap(y + 1)
            && !(x > 0 && self.w(x - 1) == "-")
            && !(y + 1 < self.t.len() && self.w(y + 1) == "-")
    }

    /// `William "Buckshot" May`, `Harold "Junior" Theriault`: a nickname in quotes (one or two
    /// capitalised words, opening quote at `nx`) after a given name that opens the run
    /// `start..=end` and before a capitalised surname is part of the name. The closing quote's
    /// token, when the surname follows it on the same line.
    pub(super) fn nickname_at(&self, start: usize, end: usize, nx: usize) -> Option<usize> {
        let open = |k: usize| matches!(self.w(k), "\"" | "“");
        let close = |k: usize| matches!(self.w(k), "\"" | "”");
        if self.headline || !open(nx) || !self.lex.given.contains(self.w(start)) || end > start + 2 {
            return None;
        }
        let n = self.t.len();
        let q = (nx + 2..=nx + 3).find(|&q| q < n && close(q))?;
        let words_ok = (nx + 1..q).all(|k| self.cap(k) && self.t[k].kind == Kind::Word);
        // The surname: a capitalised word right after the closing quote, with a space before it.
        let surname = q + 1 < n && self.cap(q + 1) && self.t[q + 1].s > self.t[q].e && self.t[q + 1].kind == Kind::Word;
        (words_ok && surname && !self.text[self.t[start].s..self.t[q + 1].e].contains('\n')).then_some(q)
    }

    /// Do the capitalised words from `y` (with their connectors) hold a strong organisation word?
    pub(super) fn strong_org_ahead(&self, y: usize) -> bool {
        let mut k = y;
        while k < self.t.len() && (self.cap(k) || CONNECTORS.contains(&self.w(k))) {
            if STRONG_ORG.contains(&self.w(k)) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// After "and" at `y`: do the capitalised words from `y` end in an organisation suffix
    /// ("European Aeronautic Defence and Space Company")?
    pub(super) fn and_joins(&self, y: usize) -> bool {
        let mut k = y;
        while k + 1 < self.t.len() && self.cap(k + 1) {
            k += 1;
        }
        matches!(self.lex.suffixes.get(self.w(k)), Some(Suffix::Org) | Some(Suffix::Group)) && k > y
    }

    pub(super) fn is_org_suffix(&self, x: usize) -> bool {
        matches!(self.lex.suffixes.get(self.w(x)), Some(Suffix::Org) | Some(Suffix::Group))
    }

    /// The tokens of a generational suffix that ends the run `i..=j` after a capitalised word:
    /// 1 for "Martin Luther King [Jr.]", 2 for "Joseph R. Biden[, Jr.]", else 0.
    pub(super) fn generation_tail(&self, i: usize, j: usize) -> usize {
        if j < i + 1 || !is_generation(self.w(j)) {
            return 0;
        }
        let tail = if self.w(j - 1) == "," { 2 } else { 1 };
        if j < i + tail || !self.cap(j - tail) {
            return 0;
        }
        tail
    }

    pub(super) fn gaz_ends_at(&self, gaz_at: &[Option<(usize, Entry)>], j: usize) -> bool {
        (0..=j).rev().take(self.lex.max_tokens).any(|x| gaz_at[x].is_some_and(|(gj, _)| gj == j))
    }
}

pub(super) fn gaz_inside(gaz_at: &[Option<(usize, Entry)>], i: usize, k: usize) -> bool {
    (i..k).any(|x| gaz_at[x].is_some_and(|(j, _)| j >= k))
}
