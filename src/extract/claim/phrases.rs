//! Word-order grammar the claim rules share: noun phrases read left or right of a cue,
//! the sentence's initial subject, auxiliaries and adverbs skipped left of a cue, adjuncts
//! and objects skipped right of it.
//!
//! Owns: finding phrase boundaries in one sentence's tokens. It must not: decide whether
//! a cue reports a claim (that is the rules' work) or build candidates.

use super::engine::{Cand, Np, Sentence};
use super::lexicon::Form;
use super::tokens::Kind;
use super::words::*;

/// Seasons and other time nouns a time modifier may come before ("this spring", "last weekend").
const SEASONS: &[&str] =
    &["spring", "summer", "fall", "autumn", "winter", "weekend", "time", "season", "quarter", "decade"];

impl Sentence<'_, '_> {
    /// Skips time and place adjuncts ("on Friday", "in a statement") when a boundary
    /// (punctuation, "that", a quote, the end) follows them.
    pub fn skip_adjuncts(&self, r: usize) -> usize {
        let n = self.n();
        let mut k = r;
        loop {
            let season_after_modifier = k > r
                && SEASONS.contains(&self.low(k))
                && matches!(self.low(k - 1), "this" | "last" | "early" | "late");
            if k < n
                && (is_time_word(self.low(k)) || season_after_modifier || ends_ly(self.low(k)) && !self.t[k].is_cap())
            {
                k += 1;
                continue;
            }
            // "this week", "last month", "early Tuesday": a time modifier is an adjunct only
            // before a time word ("said this was ..." has its content there).
            let time_modifier = matches!(self.low(k), "this" | "last" | "early" | "late");
            if time_modifier && !is_time_word(self.low(k + 1)) && !SEASONS.contains(&self.low(k + 1)) {
                return k;
            }
            if let Some(j) = self.name_adjunct_before_subject(k) {
                k = j;
                continue;
            }
            if k < n && ADJUNCT_PREPS.contains(&self.low(k)) {
                let mut m = k + 1;
                // "on Nov. 9": the stop of a month's abbreviation is inside the adjunct.
                let abbrev = |m: usize| {
                    self.punct(m, ".")
                        && self.t[m - 1].is_cap()
                        && self.t[m - 1].text.len() <= 4
                        && self.t[m - 1].end == self.t[m].start
                        && self.t.get(m + 1).is_some_and(|t| t.is_word())
                };
                while m < n
                    && m < k + 10
                    && (self.t[m].is_word() || self.t[m].kind == Kind::Possessive || abbrev(m))
                    && self.low(m) != "that"
                {
                    m += 1;
                }
                if m > k + 1 && (m >= n || !self.t[m].is_word() || self.low(m) == "that") {
                    k = m;
                    continue;
                }
            }
            return k;
        }
    }

    /// "said in Iowa the plan would fail", "said on Friday he met ...": a preposition whose
    /// object is a name, a date or a number (capitalised, time or digit words) ends before a
    /// subject that cannot be inside it (a nominative pronoun or "the"). Returns the subject's
    /// token. Not for "of" ("thought of Obama the ..." is rare and ambiguous).
    fn name_adjunct_before_subject(&self, k: usize) -> Option<usize> {
        let prep = self.low(k);
        if prep == "of" || !ADJUNCT_PREPS.contains(&prep) || self.t.get(k).is_some_and(|t| t.is_cap()) {
            return None;
        }
        let subject = |j: usize| matches!(self.low(j), "he" | "she" | "they" | "we" | "i" | "the");
        let mut j = k + 1;
        while j < self.n() && j < k + 5 && !subject(j) {
            let t = &self.t[j];
            let w = t.low();
            if !(t.is_cap() || is_time_word(w) || w.chars().all(|c| c.is_ascii_digit())) || !t.is_word() {
                return None;
            }
            j += 1;
        }
        (j > k + 1 && j < self.n() && subject(j) && self.t[j].is_word()).then_some(j)
    }

    /// "wrote to Sanders' Senate office that ...", "complained to police that ...": the
    /// "that" after an addressee introduced by "to" (a name, a pronoun, a determiner's
    /// phrase or a nominal head; not an infinitive, "promised to ensure that").
    pub fn that_after_addressee(&self, r: usize) -> Option<usize> {
        if self.low(r) != "to" {
            return None;
        }
        let first = self.t.get(r + 1)?;
        let w = first.low();
        let addressee = first.is_cap()
            || DETERMINERS.contains(&w)
            || POSSESSIVE_PRONOUNS.contains(&w)
            || OBJECT_PRONOUNS.contains(&w)
            || self.lex.heads.contains_key(w);
        if !addressee {
            return None;
        }
        // Not a relative "that" ("adds to the drama that has surrounded"), nor a title-case
        // headline ("Responded To Trump's Demand In A Way That Could ...").
        const FINITE: &[&str] = &["has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can"];
        (r + 2..(r + 10).min(self.n()))
            .take_while(|&k| self.t[k].is_word() || self.t[k].kind == Kind::Possessive || self.punct(k, "."))
            .find(|&k| self.low(k) == "that")
            .filter(|&k| !FINITE.contains(&self.low(k + 1)) && !self.headline())
    }

    /// "says at a campaign stop in Toledo, Ohio, that ...": the "that" after an adjunct
    /// with commas, when one comes within a few words.
    pub fn that_after_adjunct(&self, r: usize) -> Option<usize> {
        let n = self.n();
        let mut k = r;
        while k < n && k < r + 14 {
            let t = &self.t[k];
            if t.lower == "that" {
                return (k > r && self.t[k - 1].is_punct(",")).then_some(k);
            }
            if !(t.is_word() || t.is_punct(",") || t.kind == Kind::Possessive || t.is_punct(".")) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Skips the object of "told"/"asked" ("told AFP", "told reporters", "told him").
    pub fn skip_object(&self, r: usize) -> usize {
        let n = self.n();
        if r >= n {
            return r;
        }
        // A "that" close by marks the content's start.
        for m in r..(r + 7).min(n) {
            if !self.t[m].is_word() {
                break;
            }
            if self.low(m) == "that" {
                return m;
            }
        }
        if OBJECT_PRONOUNS.contains(&self.low(r)) {
            return r + 1;
        }
        let mut k = r;
        if self.low(k) == "the" {
            k += 1;
        }
        if k < n && self.t[k].is_cap() {
            while k < n && (self.t[k].is_cap() || self.t[k].kind == Kind::Possessive) {
                k += 1;
            }
            // "told The Star-Ledger of Newark", "the Bank of England": "of" and a
            // capitalised name belong to the addressee.
            if self.low(k) == "of" && self.t.get(k + 1).is_some_and(|x| x.is_cap()) {
                k += 1;
                while k < n && (self.t[k].is_cap() || self.t[k].kind == Kind::Possessive) {
                    k += 1;
                }
            }
            // "told the RT America audience", "told USA TODAY's weekly video newsmaker series"
            let mut m = k;
            while m < n && m < k + 4 && self.t[m].is_word() && !self.is_fn(m) && !self.t[m].is_cap() {
                m += 1;
            }
            if m > k && (self.at_end(m) || self.punct(m, ",") || self.punct(m, ":") || self.low(m) == "that") {
                return m;
            }
            return k;
        }
        if DETERMINERS.contains(&self.low(r)) {
            let mut k = r + 1;
            while k < n && k < r + 4 && self.t[k].is_word() && !self.is_fn(k) {
                k += 1;
            }
            return k;
        }
        // "telling supporters the fight would go on", "told local officials he would stay":
        // a bare plural addressee (at most three words), then the clause's subject.
        let mut k = r;
        while k < n
            && k < r + 3
            && self.t[k].is_word()
            && !self.t[k].is_cap()
            && !self.is_fn(k)
            && !DETERMINERS.contains(&self.low(k))
        {
            k += 1;
        }
        let subject_next = self
            .t
            .get(k)
            .is_some_and(|t| DETERMINERS.contains(&t.low()) || pronoun_base(t.low()).is_some() || t.is_cap());
        if k > r && self.low(k - 1).ends_with('s') && self.verb_form(k - 1).is_none() && subject_next {
            return k;
        }
        r
    }

    /// The noun phrase ending at token `b`, scanning left; `None` when `b` cannot end one.
    pub fn np_back(&self, b: usize) -> Option<Np> {
        let tk = self.t.get(b)?;
        if pronoun_base(&tk.lower).is_some() {
            return Some(Np { a: b, b, pronoun: true });
        }
        if is_time_word(tk.low()) || matches!(tk.low(), "soon" | "now" | "almost" | "already" | "today") {
            // "the board on Monday rejected": the subject is before the time phrase.
            let mut k = b;
            while k > 0
                && (is_time_word(self.low(k))
                    || matches!(
                        self.low(k),
                        "on" | "in"
                            | "at"
                            | "last"
                            | "this"
                            | "early"
                            | "late"
                            | "soon"
                            | "now"
                            | "almost"
                            | "already"
                            | "today"
                    )
                    || self.t[k].text.chars().all(|c| c.is_ascii_digit()))
            {
                k -= 1;
            }
            return if k < b && self.t[k].is_word() { self.np_back(k) } else { None };
        }
        if tk.is_punct(".") && b >= 1 && self.t[b - 1].is_cap() && self.t[b - 1].end == tk.start {
            // "The S.E.C. said", "U.S. officials": the stop belongs to the abbreviation.
            let inner = self.np_back(b - 1)?;
            return Some(Np { a: inner.a, b, pronoun: false });
        }
        if tk.is_punct(")") {
            let o = (b.saturating_sub(8)..b).rev().find(|&k| self.t[k].is_punct("("))?;
            let inner = self.np_back(o.checked_sub(1)?)?;
            return (!inner.pronoun).then_some(Np { a: inner.a, b, pronoun: false });
        }
        if PRONOUNS.contains(&tk.low()) {
            return Some(Np { a: b, b, pronoun: true });
        }
        let number = |k: usize| {
            self.t.get(k).is_some_and(|x| {
                x.is_word() && x.text.chars().all(|c| c.is_ascii_digit())
                    || NUMBER_HEADS.contains(&x.low())
                    || matches!(x.low(), "six" | "seven" | "eight" | "nine" | "ten")
            })
        };
        if tk.is_punct("%") && b >= 1 && number(b - 1) {
            // "47% say": a share of those polled.
            return Some(Np { a: b - 1, b, pronoun: false });
        }
        if number(b) && b >= 2 && self.low(b - 1) == "in" && number(b - 2) {
            // "Six in 10 say", "one in three said".
            return Some(Np { a: b - 2, b, pronoun: false });
        }
        if matches!(tk.low(), "others" | "another" | "many" | "some" | "both" | "few" | "several" | "most" | "all") {
            // "Others say", "while another says", "Many say": a quantifier standing for people
            // opens a clause and agrees with the cue right after it (not "Another challenge:",
            // nor a floating "X and Y both denounced", "a strategy some believe").
            let agrees = match self.verb_form(b + 1) {
                Some((_, f)) if tk.low() == "another" => matches!(f, Form::Third | Form::Past),
                Some((_, f)) => matches!(f, Form::Base | Form::Past),
                None => false,
            };
            let opens = b == 0 || !self.t[b - 1].is_word() || self.is_fn(b - 1) && self.low(b - 1) != "of";
            if agrees && opens {
                return Some(Np { a: b, b, pronoun: false });
            }
        }
        if !self.can_head_np(b) {
            return None;
        }
        let mut a = b;
        let mut count = 1;
        while a > 0 && count < 8 {
            let p = &self.t[a - 1];
            if p.kind == Kind::Possessive {
                if a >= 2 && self.t[a - 2].is_word() && !self.is_fn(a - 2) {
                    a -= 2;
                    count += 1;
                    continue;
                }
                break;
            }
            if p.is_punct(".") && a >= 2 && self.t[a - 2].is_cap() && self.t[a - 2].text.chars().count() <= 4 {
                // "Mr. Obama", "Sen. Perdue".
                a -= 2;
                count += 1;
                continue;
            }
            if !p.is_word() {
                // "Goïta-led", "al-Qaeda" are one word; a dash between words ends the phrase.
                break;
            }
            if DETERMINERS.contains(&p.low()) {
                a -= 1;
                if self.pp_head(a).is_some() {
                    continue;
                }
                break;
            }
            if matches!(p.low(), "of" | "for" | "and" | "de" | "on")
                && self.t[a].is_cap()
                && a >= 2
                && self.t[a - 2].is_cap()
            {
                // "Ministry for Europe and Foreign Affairs", "Department of State".
                a -= 1;
                count += 1;
                continue;
            }
            if let Some(k) = self.pp_head(a) {
                // "a narrator in the Clinton ad", "a spokesman for the ministry".
                count += a - k;
                a = k;
                continue;
            }
            if self.lex.function_words.contains(p.low()) {
                break;
            }
            if self.verb_form(a - 1).is_some_and(|(_, f)| f != Form::Base) && !p.is_cap() {
                break;
            }
            if ends_ly(&p.lower) && !p.is_cap() {
                break;
            }
            a -= 1;
            count += 1;
        }
        Some(Np { a, b, pronoun: false })
    }

    /// "new fundraising reports show", "leaked emails showed": an "-s" form that is also the
    /// plural of a noun of message or a noun cue, right before a cue verb's base or past form,
    /// is a plural noun, the subject of that verb (two finite verbs do not follow each other;
    /// "says praise", "he claims praise ..." keep their verb).
    pub fn plural_before_verb(&self, b: usize) -> bool {
        let w = self.low(b);
        self.verb_form(b).is_some_and(|(_, f)| f == Form::Third)
            && (self.lex.messages.contains(w) || self.lex.nouns.contains_key(w))
            && self.verb_form(b + 1).is_some_and(|(_, f)| matches!(f, Form::Base | Form::Past))
            && !self.t[b + 1].is_cap()
            && !(b > 0
                && (pronoun_base(self.low(b - 1)).is_some() || matches!(self.low(b - 1), "who" | "which" | "that")))
    }

    /// Token `b` can be the last word (the head) of a noun phrase: a word with a letter (or a
    /// number), no function word or determiner, and no verb unless it reads as a noun here.
    fn can_head_np(&self, b: usize) -> bool {
        let tk = &self.t[b];
        let determiner = DETERMINERS.contains(&tk.low()) && !NUMBER_HEADS.contains(&tk.low());
        if !tk.is_word() || self.is_fn(b) || determiner {
            return false;
        }
        let verb = self.verb_form(b).is_some()
            && !tk.is_cap()
            && !self.noun_after_determiner(b)
            && !self.plural_before_verb(b);
        !verb && (tk.text.chars().any(char::is_alphabetic) || tk.text.chars().all(|c| c.is_ascii_digit()))
    }

    /// True when the cue-verb form at `b` is a noun: a determiner or possessive before it,
    /// right before or across up to three modifiers ("the report", "the congressional
    /// report", "the Justice Department's annual report").
    fn noun_after_determiner(&self, b: usize) -> bool {
        let mut k = b;
        while k > 0 && k + 4 > b {
            let p = &self.t[k - 1];
            if DETERMINERS.contains(&p.low()) || p.kind == Kind::Possessive {
                return true;
            }
            if !p.is_word() || self.is_fn(k - 1) || self.verb_form(k - 1).is_some() {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// True when the "to" at `k` follows a verb that hands its subject to the cue after it
    /// ("continues to insist", "went on to say", "seemed to think", "took to Twitter to say").
    pub fn to_chain(&self, k: usize) -> bool {
        self.chain_verb(k).is_some()
    }

    /// The finite verb of the chain ending at the "to" at `k` ([`Sentence::to_chain`]): the
    /// word before it, the verb before "on", or "took" in "took to Twitter to say" (a medium
    /// of at most four words between the two "to").
    pub fn chain_verb(&self, k: usize) -> Option<usize> {
        if self.chain_word(k) {
            return Some(if self.low(k - 1) == "on" { k - 2 } else { k - 1 });
        }
        let m = (k.saturating_sub(5)..k.saturating_sub(1)).rev().find(|&m| self.low(m) == "to")?;
        let medium = (m + 1..k).all(|j| self.t[j].is_word() && self.verb_form(j).is_none());
        (m >= 1 && medium && matches!(self.low(m - 1), "took" | "take" | "takes" | "taking")).then(|| m - 1)
    }

    /// [`Sentence::to_chain`] for a chain verb right before the "to" (or before "on").
    fn chain_word(&self, k: usize) -> bool {
        const CHAIN: &[&str] = &[
            "continue",
            "continues",
            "continued",
            "continuing",
            "seem",
            "seems",
            "seemed",
            "appear",
            "appears",
            "appeared",
            "went",
            "go",
            "goes",
            "going",
            "proceeded",
            "rushed",
            "hastened",
            "moved",
        ];
        k >= 1
            && (CHAIN.contains(&self.low(k - 1))
                || self.low(k - 1) == "on" && k >= 2 && CHAIN.contains(&self.low(k - 2)))
    }

    /// The phrase starting at token `a` opens its clause: the sentence's start, after a quote
    /// mark, a clause opener or a colon, or after an opening time or place adjunct.
    pub fn opens_clause(&self, a: usize) -> bool {
        a == 0
            || self.t[a - 1].kind == Kind::Close
            || self.t[a - 1].kind == Kind::Open
            || CLAUSE_START.contains(&self.low(a - 1))
            || self.t[a - 1].is_punct(":")
            || self.t[a - 1].is_punct(",") && self.intro_adjunct(a - 1)
    }

    /// "Richard Revesz, director of the Institute ..., said": the name before a long
    /// apposition closed by the separator at `l` (a comma or a dash): the farthest comma or
    /// dash (within 45 tokens) right after a capitalised word whose phrase opens the clause.
    pub fn name_before_apposition(&self, l: usize) -> Option<Np> {
        let lo = l.saturating_sub(45);
        let sep = |k: usize| self.t[k].is_punct(",") || self.is_dash(k);
        for c in (lo.max(1)..l).filter(|&k| sep(k)) {
            let end = &self.t[c - 1];
            // "Many speakers at the service — including Muslims and Jews — said": between a
            // pair of dashes the interruption may follow a common noun too.
            let dashes = self.is_dash(c) && self.is_dash(l) && end.is_word();
            if !(end.is_cap() || end.is_punct(")") || dashes) || sep(c - 1) {
                continue;
            }
            let Some(np) = self.np_back(c - 1) else {
                continue;
            };
            if np.pronoun {
                continue;
            }
            let opens = self.opens_clause(np.a);
            // The apposition must not hold a verb of its own ("X, who said Y, ...").
            let has_cue = (c + 1..l).any(|k| {
                (self.verb_form(k).is_some_and(|(_, f)| f == Form::Past) || self.low(k) == "says")
                    && !self.t[k].is_cap()
                    && !DETERMINERS.contains(&self.low(k - 1))
            });
            if opens && !has_cue {
                return Some(np);
            }
        }
        None
    }

    /// True when the words before the comma at `c` open the sentence as a time or place
    /// adjunct ("On Tuesday, Kevin Brady, chairman of ..., said"): a preposition or time word
    /// first (after "and" / "but"), at most ten words, no cue verb.
    pub fn intro_adjunct(&self, c: usize) -> bool {
        let mut a = 0;
        while a < c && matches!(self.low(a), "and" | "but" | "so") {
            a += 1;
        }
        let first = self.low(a);
        a < c
            && c - a <= 10
            && (matches!(first, "on" | "in" | "at" | "after" | "before" | "during" | "since" | "earlier" | "later")
                || is_time_word(first))
            && (a..c).all(|k| {
                (self.t[k].is_word() || self.t[k].kind == Kind::Possessive || self.t[k].is_punct("."))
                    && self.verb_form(k).is_none()
            })
    }

    /// When the phrase starting at `a` is the object of "of/for/in/at/from" after a noun
    /// ("a spokesman [for the ministry]"), the index of that noun.
    pub fn pp_head(&self, a: usize) -> Option<usize> {
        if a < 3 || !(DETERMINERS.contains(&self.low(a)) || self.t[a].is_cap()) {
            return None;
        }
        let p = self.low(a - 1);
        let noun = a - 2;
        let ok = matches!(p, "of" | "for" | "in" | "at" | "from")
            && self.t[noun].is_word()
            && !self.is_fn(noun)
            && self.verb_form(noun).is_none()
            && (DETERMINERS.contains(&self.low(noun - 1))
                || self.t[noun].is_cap()
                || self.lex.heads.contains_key(self.low(noun)));
        ok.then_some(noun)
    }

    /// The noun phrase starting at `a` running right to a comma, the end or a clause word
    /// (for inverted cues and "according to X").
    pub fn np_fwd(&self, a: usize, max: usize) -> Option<Np> {
        let n = self.n();
        let mut b = a;
        while b < n && b < a + max {
            let t = &self.t[b];
            // "C. Stewart", "Verdery Jr., a senior official": the stop of a short capitalised
            // abbreviation before a name or an apposition's comma.
            let abbrev = t.is_punct(".")
                && b > a
                && self.t[b - 1].is_cap()
                && self.t[b - 1].text.len() <= 3
                && self.t[b - 1].end == t.start
                && self.t.get(b + 1).is_some_and(|x| x.is_cap() || x.is_punct(","));
            if t.is_punct("(") && b > a && self.t[b - 1].is_cap() {
                // "Rep. Joseph Crowley (D-N.Y.)"
                if let Some(c) = (b + 1..(b + 8).min(n)).find(|&k| self.t[k].is_punct(")")) {
                    b = c + 1;
                    continue;
                }
            }
            if !(t.is_word() || t.kind == Kind::Possessive || abbrev) {
                break;
            }
            if t.is_word() && matches!(t.low(), "that" | "who" | "which" | "and" | "but" | "on" | "in" | "at" | "as") {
                break;
            }
            if t.is_word() && b > a && self.verb_form(b).is_some() && !t.is_cap() {
                break;
            }
            b += 1;
        }
        if b == a {
            return None;
        }
        let b = b - 1;
        if PRONOUNS.contains(&self.low(a)) && a == b {
            return Some(Np { a, b, pronoun: true });
        }
        // Not a bare function word.
        if a == b && (self.is_fn(a) || DETERMINERS.contains(&self.low(a))) {
            return None;
        }
        Some(Np { a, b, pronoun: false })
    }

    /// The subject noun phrase at the start of the sentence (for participle cues whose
    /// subject is the main clause's).
    pub fn np_initial(&self, limit: usize) -> Option<Np> {
        let n = self.n().min(limit);
        let mut a = 0;
        while a < n && !self.t[a].is_word() {
            a += 1;
        }
        while a < n && matches!(self.low(a), "and" | "but" | "so" | "yet") {
            a += 1;
        }
        // A dateline ("WASHINGTON, Dec. 8 (UPI) — ...", "DECATUR, Ill. — ...") is no subject:
        // the sentence starts after its dash.
        let caps = |k: usize| {
            let w = self.t[k].text;
            w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
        };
        if a < n && caps(a) && (self.punct(a + 1, ",") || self.is_dash(a + 1)) {
            match (a + 1..n.min(a + 16)).find(|&k| self.is_dash(k)) {
                Some(d) => a = d + 1,
                None => return None,
            }
        }
        // Skip leading adverbials ending in a comma ("In retaliation, France ...", "Having
        // lost, Sanders ...", "At an event in Ames, Iowa, on Sunday, Mrs. Clinton ..."); without
        // the comma there is no subject to find. A place's state after its city ("in Salem,
        // New Hampshire,") belongs to the adverbial.
        let adverbial = |k: usize| {
            let w = self.low(k);
            self.is_fn(k) || ends_ly(w) || w.ends_with("ing") || is_time_word(w) || w == "having"
        };
        let mut rounds = 0;
        while a < n && adverbial(a) && pronoun_base(self.low(a)).is_none() && rounds < 3 {
            rounds += 1;
            match (a..n).find(|&k| self.punct(k, ",")) {
                Some(c) if c - a <= 14 => a = c + 1,
                _ => return None,
            }
            if let Some(c) = (a..(a + 3).min(n)).find(|&k| self.punct(k, ",")) {
                if c > a && (a..c).all(|k| self.t[k].is_cap()) && self.t.get(c + 1).is_some_and(|t| t.is_word()) {
                    a = c + 1;
                }
            }
        }
        if a >= n || self.is_fn(a) && pronoun_base(self.low(a)).is_none() {
            return None;
        }
        if pronoun_base(self.low(a)).is_some() {
            return Some(Np { a, b: a, pronoun: true });
        }
        let mut b = a;
        while b < n {
            let t = &self.t[b];
            // "Mr. Obama", "Sen. Perdue": the stop of a title's abbreviation before a name.
            let abbrev = t.is_punct(".")
                && b > a
                && self.t[b - 1].is_cap()
                && self.t[b - 1].text.chars().count() <= 4
                && self.t[b - 1].end == t.start
                && self.t.get(b + 1).is_some_and(|x| x.is_cap());
            let ok = if t.kind == Kind::Possessive || abbrev {
                true
            } else if !t.is_word() {
                false
            } else if DETERMINERS.contains(&t.low()) {
                b == a
            } else if t.is_cap() {
                !(b > a && self.verb_form(b).is_some() && b == a)
            } else if self.is_fn(b) || self.verb_form(b).is_some() || ends_ly(t.low()) {
                // An adverb ends the phrase ("Mr. Schultz generally supported ...").
                false
            } else {
                let h = |k: usize| self.lex.heads.contains_key(self.low(k));
                h(b) || h(b + 1) && self.t.get(b + 1).is_some_and(|t| t.is_word()) || h(b + 2)
            };
            if !ok {
                break;
            }
            b += 1;
        }
        if b == a || b == a + 1 && DETERMINERS.contains(&self.low(a)) {
            return None;
        }
        Some(Np { a, b: b - 1, pronoun: false })
    }

    /// Index left of the cue after skipping auxiliaries and adverbs; and whether a form of
    /// "be" was skipped right before the cue (a passive or progressive).
    pub fn skip_aux_left(&self, i: usize) -> (Option<usize>, bool) {
        const VERB_AUX: &[&str] = &[
            "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "can",
            "may", "might", "must", "shall", "should", "did", "does", "do", "stand", "stands", "stood",
        ];
        let mut j = i;
        let mut be = None;
        while j > 0 {
            let w = self.low(j - 1);
            if w == "to" {
                // "continues to insist", "went on to say", "took to Twitter to say": the verb
                // of the chain is the finite one.
                if let Some(v) = self.chain_verb(j - 1) {
                    j = v;
                    continue;
                }
            }
            if self.t[j - 1].kind == Kind::Possessive && j >= 2 && PRONOUNS.contains(&self.low(j - 2)) {
                // "He’s claiming": the contracted "is".
                if be.is_none() {
                    be = Some(true);
                }
                j -= 1;
                continue;
            }
            // "Carter however said", "Trump himself said": a sentence adverb or an emphatic
            // reflexive between the subject and its verb.
            const BETWEEN: &[&str] = &[
                "however",
                "meanwhile",
                "nevertheless",
                "nonetheless",
                "instead",
                "too",
                "himself",
                "herself",
                "themselves",
                "itself",
            ];
            if AUX.contains(&w) || BETWEEN.contains(&w) || ends_ly(w) && !self.t[j - 1].is_cap() {
                if be.is_none() && VERB_AUX.contains(&w) {
                    be = Some(BE.contains(&w));
                }
                j -= 1;
                continue;
            }
            break;
        }
        (j.checked_sub(1), be.unwrap_or(false))
    }

    /// The relative pronoun that is the subject of a cue whose source is its antecedent
    /// ("Mr. Kamin, who emphasized", "Democrats, who have argued"): the source words of the
    /// clause.
    pub fn relative_subject(&self, c: &Cand) -> Option<usize> {
        let np = c.source?;
        if c.before || np.pronoun || np.b >= c.cue.0 {
            return None;
        }
        let (left, _) = self.skip_aux_left(c.cue.0);
        let l = left?;
        let w = self.low(l);
        let ok = l > np.b
            && (matches!(w, "who" | "which") && (l == np.b + 1 || l == np.b + 2 && self.punct(np.b + 1, ","))
                || w == "that" && l == np.b + 1);
        ok.then_some(l)
    }
}
