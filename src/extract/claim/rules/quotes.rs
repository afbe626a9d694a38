//! Speakers and quotes: attributions whose cue is punctuation or whose content is a quote
//! in a neighbouring sentence.
//!
//! Covers (GUIDELINES.md, CLAIM: direct speech, transcripts): "Pence: C" (a speaker's name
//! and a colon opening a line), "“C” ― Name" (a quote signed after a dash), "The governor
//! added:" (the content is the next sentence) and "“C” Vitter demanded." (the content is the
//! quote just before); and the production these and every rule's content share: a quote
//! followed across sentences to its marks ([`content_bytes`], [`open_quote_before`],
//! [`close_quote_after`]) and the marks and final punctuation trimmed ([`trim_content`]). It
//! must not: take a colon after a date, a heading or a label ("Update:", "Question:") for a
//! speaker, or follow a quote past a line break or [`QUOTE_REACH`].

use crate::extract::claim::engine::{n_minus, Cand, Np, Rule, Sentence, SubjectAt, VerbAt, Verdict};
use crate::extract::claim::lexicon::{Form, Frame};
use crate::extract::claim::tokens::{Kind, Tok};
use crate::extract::segment::Sentence as Sent;
use crate::extract::Steps;
use crate::model::Stance;

/// "Pence: ...": one to five capitalised words opening the sentence (after an opening mark:
/// "“PENCE: Well, ...") and a colon, then at least three words; not a date, a heading, a
/// label or a descriptive phrase.
pub const SPEAKER_COLON: Rule<usize> = Rule { name: "speaker-colon", apply: speaker_colon };
fn speaker_colon(s: &Sentence<'_, '_>, &i: &usize) -> Verdict {
    let n = s.n();
    let t = &s.t[i];
    let s0 = usize::from(s.t.first().is_some_and(|x| x.kind == Kind::Open));
    if t.is_punct(":") && i > s0 && (1..=5).contains(&(i - s0)) && !s.at_end(i + 1) {
        let speaker = s.t[s0..i].iter().all(|x| x.is_cap() || x.kind == Kind::Possessive || x.is_punct("."));
        let dateish = s.t[s0..i].iter().any(|x| {
            x.text.chars().any(|c| c.is_ascii_digit())
                || matches!(
                    x.low(),
                    "january"
                        | "february"
                        | "march"
                        | "april"
                        | "may"
                        | "june"
                        | "july"
                        | "august"
                        | "september"
                        | "october"
                        | "november"
                        | "december"
                        | "update"
                        | "updated"
                        | "read"
                        | "more"
                        | "note"
                        | "editor"
                        | "photo"
                        | "source"
                        | "sources"
                        | "related"
                        | "watch"
                        | "see"
                        | "also"
                        | "the"
                        | "latest"
                        | "correction"
                        | "clarification"
                        | "editor's"
                        | "editors"
                        | "breaking"
                )
        });
        // A given name first makes the words a person's name ("Ted Cruz:", "Sidney
        // Blumenthal:"), whatever their endings.
        let descriptive = i - s0 > 1
            && !s.lex.given_names.contains(s.t[s0].text)
            && s.t[s0..i].iter().any(|x| {
                ["ic", "al", "ive", "ous", "ing", "ed", "ion", "ions", "ment", "ity", "cy", "out"]
                    .iter()
                    .any(|suf| x.lower.ends_with(suf))
            });
        let content_words =
            s.t[i + 1..].iter().filter(|x| x.is_word() && x.text.chars().any(char::is_alphabetic)).count();
        let generic = s.t[s0..i].iter().any(|x| {
            matches!(
                x.low(),
                "question"
                    | "answer"
                    | "q"
                    | "a"
                    | "remember"
                    | "warning"
                    | "pledged"
                    | "superdelegates"
                    | "age"
                    | "city"
                    | "job"
                    | "pay"
                    | "video"
                    | "audio"
                    | "email"
                    | "e-mail"
                    | "name"
                    | "notice"
                    | "photos"
                    | "transcript"
            )
        });
        // "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a list of names after a
        // heading is no statement.
        // The same for names joined by "and" or ";", and for credits ("Contributors: Jane
        // Doe and John Smith", "Contributors: Reporting by Jane Doe; Editing by John Smith"):
        // the label heads a list, it names no speaker (GUIDELINES.md, CLAIM: title-case `X: Y`).
        let list = {
            let rest = &s.t[i + 1..];
            let commas = rest.iter().filter(|x| x.is_punct(",")).count();
            let joints = rest.iter().filter(|x| x.is_punct(";") || x.is_punct("&") || x.low() == "and").count();
            let names = rest.iter().all(|x| !x.is_word() || x.is_cap() || matches!(x.low(), "and" | "of" | "by"));
            // Each item is short (a name, or "Reporting by" a name), and nothing is quoted.
            let longest = rest
                .split(|x| x.is_punct(",") || x.is_punct(";") || x.is_punct("&") || x.low() == "and")
                .map(|item| item.iter().filter(|x| x.is_word()).count())
                .max()
                .unwrap_or(0);
            let short = longest <= 4 && !rest.iter().any(|x| x.is_quote());
            names && (commas >= 2 || joints >= 1 && short && rest.iter().filter(|x| x.is_cap()).count() >= 4)
        };
        if speaker
            && !dateish
            && !descriptive
            && !generic
            && !list
            && !headline_label(s, s0, i)
            && content_words >= 3
            && s.t[s0].is_word()
        {
            let source = Some(Np { a: s0, b: i - 1, pronoun: false });
            let content = (i + 1, n_minus(n));
            return Verdict::Claim(Cand::after_cue((i, i), source, content, None, Stance::Assert, Frame::Speech));
        }
    }
    Verdict::Pass
}

/// In a title-case headline, "X: Y" attributes Y to X only when X is a name: a phrase with
/// a function word ("Stealth Over Health:", "Clinton Wades In:"; not "and", nor "on" of
/// "Obama on Trump:") is a title, and a kicker
/// ("Wow:", "Exclusive:", "Revealed:") is a label of the story, not a speaker.
fn headline_label(s: &Sentence<'_, '_>, s0: usize, colon: usize) -> bool {
    if !s.headline() {
        return false;
    }
    let words = &s.t[s0..colon];
    words.iter().any(|x| x.is_word() && !matches!(x.low(), "and" | "on") && s.lex.function_words.contains(x.low()))
        || words.len() == 1
            && matches!(
                words[0].low(),
                "wow"
                    | "look"
                    | "revealed"
                    | "bombshell"
                    | "boom"
                    | "busted"
                    | "exclusive"
                    | "breaking"
                    | "shocking"
                    | "confirmed"
                    | "just"
                    | "watch"
                    | "video"
                    | "analysis"
                    | "opinion"
                    | "editorial"
                    | "exposed"
                    | "huge"
                    | "finally"
            )
}

/// "“...” ― Name": a quote signed after a dash, the name ending the sentence.
pub const QUOTE_DASH_NAME: Rule<usize> = Rule { name: "quote-dash-name", apply: quote_dash_name };
fn quote_dash_name(s: &Sentence<'_, '_>, &i: &usize) -> Verdict {
    if !(s.is_dash(i) && i >= 2 && s.t[i - 1].kind == Kind::Close) {
        return Verdict::Pass;
    }
    match s.np_fwd(i + 1, 8) {
        Some(np) if s.at_end(np.b + 1) && s.t[np.a].is_cap() => {
            Verdict::Claim(Cand::before_cue((i, i), Some(np), (0, i - 1), Stance::Assert, Frame::Speech, Some(i)))
        }
        _ => Verdict::Pass,
    }
}

/// "The governor added:" closing its sentence: the content is the next sentence.
pub const COLON_NEXT: Rule<SubjectAt> = Rule { name: "colon-next", apply: colon_next };
fn colon_next(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let c = &at.v;
    let rc = s.skip_adjuncts(c.r0);
    if matches!(c.frame, Frame::Speech | Frame::Tell) && s.punct(rc, ":") && s.at_end(rc + 1) {
        let cand = Cand::after_cue(c.cue(), Some(at.np), (rc, rc), None, c.stance, c.frame);
        return Verdict::Claim(Cand { open_right: false, next: true, ..cand });
    }
    Verdict::Pass
}

/// "“...” Vitter demanded.": a sentence of its own after a quote, the subject opening it;
/// the content is the previous sentence. After the cue may come a participle of its own
/// ("“...?” Mr. Trump asked, repeating a broadside") or a short topic phrase ("“...?” Trump
/// asked of Apple"), or, when the previous sentence ends with a closing quote (a quote
/// ending in "?" or "!" is cut from its cue there), adjuncts of any length ("Clinton said to
/// People."), but no clause, quote or "that".
pub const AFTER_QUOTE: Rule<SubjectAt> = Rule { name: "after-quote", apply: after_quote };
fn after_quote(s: &Sentence<'_, '_>, at: &SubjectAt) -> Verdict {
    let c = &at.v;
    let rc = s.skip_adjuncts(c.r0);
    let n = s.n();
    // A participle of its own ("adding", "looking far from displeased"; not "according to").
    let participle = s.punct(rc, ",")
        && s.t.get(rc + 1).is_some_and(|t| t.is_word() && !t.is_cap() && t.low().ends_with("ing") && t.low().len() > 5)
        && !s.info.get(rc + 1).is_some_and(|f| f.according);
    let topic = matches!(s.low(rc), "of" | "about")
        && (rc + 1..(rc + 8).min(n + 1)).any(|k| s.at_end(k))
        && !(rc + 1..n).any(|k| s.low(k) == "that" || s.t[k].kind == Kind::Open);
    if at.np.a == 0 && (s.at_end(rc) || participle || topic || adjunct_to_end(s, c)) && !s.punct(rc, ":") {
        let cand = Cand::before_cue(c.cue(), Some(at.np), (0, 0), c.stance, c.frame, None);
        return Verdict::Claim(Cand { prev: true, ..cand });
    }
    Verdict::Pass
}

/// Prepositions opening an adjunct after a final cue ("said to People", "wrote in an email").
const ADJUNCT_OPENERS: &[&str] =
    &["to", "of", "about", "in", "on", "at", "during", "with", "from", "by", "after", "before", "over", "via", "for"];

/// Words after a comma that open a subordinate clause, which ends the adjunct.
const SUBORDINATORS: &[&str] = &["when", "while", "as", "after", "before", "because", "since", "where", "who"];

/// Words that make what follows a cue a clause of its own, not an adjunct.
const CLAUSE_WORDS: &[&str] = &[
    "that", "he", "she", "they", "it", "we", "i", "you", "will", "would", "could", "can", "may", "might", "must",
    "should", "has", "have", "had", "is", "are", "was", "were",
];

/// "“...!” Clinton said to People.", "“...” McDonough wrote in a September 16, 2012 email to
/// top officials.", "“...?” Trump said of Apple in February, when the company balked": after a
/// speech or tell verb (and its addressee), a prepositional adjunct of any length runs to the
/// end of the sentence, or to a comma before a subordinate clause or a participle, holding
/// no clause (no "that", pronoun, auxiliary, quote or finite cue verb).
fn adjunct_to_end(s: &Sentence<'_, '_>, c: &VerbAt) -> bool {
    if !s.after_quote || !matches!(c.frame, Frame::Speech | Frame::Tell) {
        return false;
    }
    // "told reporters in Iowa": the addressee first.
    let r = if c.frame == Frame::Tell { s.skip_object(c.r0) } else { c.r0 };
    let opens = s.at_end(r) || ADJUNCT_OPENERS.contains(&s.low(r)) || s.skip_adjuncts(r) > r;
    let n = s.n();
    let end = (r..n)
        .find(|&k| {
            s.punct(k, ",")
                && s.t.get(k + 1).is_some_and(|t| {
                    SUBORDINATORS.contains(&t.low()) || t.is_word() && t.low().ends_with("ing") && t.low().len() > 5
                })
        })
        .unwrap_or(n);
    opens
        && !(r..end).any(|k| {
            let t = &s.t[k];
            (!t.is_cap() && CLAUSE_WORDS.contains(&t.low()) || t.text == "I")
                || t.kind == Kind::Open
                || s.verb_form(k).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Third))
        })
}

/// The byte range of a candidate's content before trimming: its tokens, a direct quote
/// after the cue ended at its closing mark ("saying, “...,” when ..."), a quote running over
/// several sentences followed to its opening or closing mark, the next sentence for
/// [`COLON_NEXT`], the quote just before for [`AFTER_QUOTE`] (`None` when there is none).
pub fn content_bytes(
    text: &str,
    t: &[Tok<'_>],
    c: &Cand,
    s: &Sent,
    (prev, next): (Option<&Sent>, Option<&Sent>),
    steps: &Steps,
) -> Option<(usize, usize)> {
    let (c0, mut c1) = c.content;
    // A direct quote after the cue ends at its closing mark ("saying, “...,” when ...").
    if !c.before && t.get(c0).is_some_and(|x| x.kind == Kind::Open) {
        if let Some(k) = (c0 + 1..=c1.min(t.len().saturating_sub(1))).find(|&k| t[k].kind == Kind::Close) {
            // Quoted speech ends with its own punctuation ("smart,”"); scare quotes do not.
            let spoken = t[k - 1].kind == Kind::Punct && matches!(t[k - 1].text, "," | "." | "?" | "!");
            if spoken
                && k < c1
                && t[k + 1..=c1].iter().any(|x| x.is_word())
                && !t[k + 1..=c1].iter().any(|x| x.kind == Kind::Open)
            {
                c1 = k;
            }
        }
    }
    let (mut a, mut b) = (t.get(c0)?.start, t.get(c1)?.end);
    // Direct quotes running over several sentences.
    let starts_open = t[c0].kind == Kind::Open;
    let has_open = t[c0..=c1].iter().any(|x| x.kind == Kind::Open);
    let has_close = t[c0..=c1].iter().any(|x| x.kind == Kind::Close);
    if c.before && t[c1].kind == Kind::Close && !has_open && c0 == 0 {
        if let Some(q) = open_quote_before(text, s.start_byte, steps) {
            a = q;
        }
    }
    if !c.before && starts_open && !has_close && c1 + 1 >= t.len().saturating_sub(1) {
        if let Some(q) = close_quote_after(text, b, steps) {
            b = q;
        }
    }
    if c.next {
        // "The governor added:" - the content is the next sentence (a whole quote when
        // it opens one).
        let nx = next?;
        a = nx.start_byte;
        b = nx.end_byte;
        let first = text.get(a..b)?.chars().next()?;
        let rest = text.get(a + first.len_utf8()..b)?;
        if matches!(first, '“' | '"') && !rest.contains(['”', '"']) {
            if let Some(q) = close_quote_after(text, b, steps) {
                b = q;
            }
        }
    }
    if c.prev {
        // "“...” Vitter demanded.": the quote just before, when it ends right there.
        let pv = prev?;
        let piece = text.get(pv.start_byte..pv.end_byte)?;
        if !(piece.ends_with(['”', '"']) || piece.ends_with("''"))
            || text.get(pv.end_byte..s.start_byte)?.contains('\n')
        {
            return None;
        }
        b = pv.end_byte;
        a = pv.start_byte;
        if !(piece.starts_with(['“', '"']) || piece.starts_with("''")) {
            if let Some(q) = open_quote_before(text, pv.start_byte, steps) {
                a = q;
            }
        }
    }
    Some((a, b))
}

/// True when the token `k` of a sentence stands inside a direct quote: one left open before
/// the sentence on its line (`open_before`, from [`open_quote_before`]), or opened by a
/// double mark earlier in the sentence and not closed. Single marks are not counted (an
/// apostrophe and a single quote look alike).
pub fn inside_quote(text: &str, t: &[Tok<'_>], k: usize, open_before: bool) -> bool {
    let mut depth = i32::from(open_before);
    // A block quotation's opening mark does not count (see [`block_quote`]).
    let skip = usize::from(t.first().is_some_and(|x| x.kind == Kind::Open && block_quote(text, x.start)));
    for x in t.iter().take(k).skip(skip) {
        match (x.kind, x.text) {
            (Kind::Open, "“" | "«" | "\"" | "''") => depth += 1,
            (Kind::Close, "”" | "»" | "\"" | "“" | "''") => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// True when the quotation mark at byte `q` opens its line and no closing double mark
/// follows on that line: a block quotation (an excerpt, a transcript paragraph: `"WALLACE:
/// ...`) reproducing another text, whose own attributions are claims as in any text.
pub fn block_quote(text: &str, q: usize) -> bool {
    let line_start =
        text.get(..q).is_some_and(|b| b.trim_end_matches([' ', '\t']).ends_with('\n') || b.trim().is_empty());
    let Some(rest) = text.get(q..) else {
        return false;
    };
    let line = rest.split('\n').next().unwrap_or("");
    let first = line.chars().next().map_or(0, char::len_utf8);
    let closes = line.char_indices().skip(1).any(|(i, c)| {
        let after_word = || line[..i].chars().next_back().is_some_and(|p| !p.is_whitespace());
        matches!(c, '”' | '»') || (c == '"' || c == '\'' && line[i + 1..].starts_with('\'')) && after_word()
    });
    line_start && first > 0 && !closes
}

/// How far, in bytes, a direct quote is followed across sentences to its opening or closing
/// mark (some 25 sentences of news): the reach bounds what one claim may cost and cover.
pub const QUOTE_REACH: usize = 4000;

/// Start of the opening quotation mark that a quote closing after `pos` began with: the
/// nearest open mark before `pos` on the same line, when no close mark lies between.
pub fn open_quote_before(text: &str, pos: usize, steps: &Steps) -> Option<usize> {
    let before = text.get(..pos)?;
    // The line break is looked for within the reach only, in the same pass: a search of the
    // whole text before `pos` made every call cost the length of the document.
    let lo = pos.saturating_sub(QUOTE_REACH);
    for (k, ch) in before.char_indices().rev() {
        // The nearest line break ends the search.
        if k < lo || ch == '\n' {
            break;
        }
        steps.add(1);
        match ch {
            '”' | '»' => return None,
            '“' | '«' => return Some(k),
            '"' => {
                let prev = before[..k].chars().next_back();
                return if prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '—' | '–')) {
                    Some(k)
                } else {
                    None
                };
            }
            // Two apostrophes typed for a double mark (''...''); one alone is an apostrophe.
            '\'' if before[..k].ends_with('\'') => {
                let prev = before[..k - 1].chars().next_back();
                return if prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '—' | '–')) {
                    Some(k - 1)
                } else {
                    None
                };
            }
            _ => {}
        }
    }
    None
}

/// End of the closing quotation mark of a quote left open at `pos`, on the same line.
pub fn close_quote_after(text: &str, pos: usize, steps: &Steps) -> Option<usize> {
    let after = text.get(pos..)?;
    for (k, ch) in after.char_indices() {
        // The nearest line break ends the search.
        if k >= QUOTE_REACH || ch == '\n' {
            break;
        }
        steps.add(1);
        match ch {
            '“' | '«' => return None,
            '”' | '»' | '"' => return Some(pos + k + ch.len_utf8()),
            // Two apostrophes typed for a double mark: closing after a word or a stop,
            // opening (a new quote) after a space.
            '\'' if after[k + 1..].starts_with('\'') => {
                let prev = text[..pos + k].chars().next_back();
                return prev.is_some_and(|p| !p.is_whitespace()).then_some(pos + k + 2);
            }
            _ => {}
        }
    }
    None
}

const OPEN_Q: &[char] = &['“', '‘', '«', '"', '\''];
const CLOSE_Q: &[char] = &['”', '’', '»', '"', '\''];

/// Trims a content byte range: white space, final punctuation, and the
/// quotation marks of a direct quote. `None` when nothing is left.
pub fn trim_content(text: &str, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    for _ in 0..6 {
        let s = text.get(a..b)?;
        let before = (a, b);
        let t = s.trim_start();
        a += s.len() - t.len();
        let s = text.get(a..b)?;
        let t = s.trim_end();
        b -= s.len() - t.len();
        let s = text.get(a..b)?;
        if let Some(last) = s.chars().next_back() {
            let abbrev = last == '.' && s.len() >= 3 && s.as_bytes()[s.len() - 3] == b'.';
            if matches!(last, ',' | ';' | ':' | '.' | '—' | '–') && !abbrev {
                b -= last.len_utf8();
                continue;
            }
        }
        let first = s.chars().next();
        let last = s.chars().next_back();
        // Whether a stretch holds a double quotation mark: the search stops at the first, so
        // that a long content full of quotes costs no more than the distance to one.
        let has_quotes = |s: &str| s.contains(['“', '”', '"', '«', '»']);
        if let (Some(f), Some(l)) = (first, last) {
            if OPEN_Q.contains(&f) && CLOSE_Q.contains(&l) && s.len() > f.len_utf8() + l.len_utf8() {
                let inner = &s[f.len_utf8()..s.len() - l.len_utf8()];
                if !has_quotes(inner) {
                    a += f.len_utf8();
                    b -= l.len_utf8();
                    continue;
                }
            }
            if OPEN_Q.contains(&f) && !s[f.len_utf8()..].chars().any(|c| CLOSE_Q.contains(&c) && c != '’') {
                a += f.len_utf8();
                continue;
            }
            // A closing mark at the very end goes, with the stop before it ("law.”"); a scare
            // quote that ends the content without a stop ("“baseless”") goes only when unpaired.
            let before_last = s[..s.len() - l.len_utf8()].chars().next_back();
            if CLOSE_Q.contains(&l)
                && l != '’'
                && (!has_quotes(&s[..s.len() - l.len_utf8()])
                    || before_last.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':')))
            {
                b -= l.len_utf8();
                continue;
            }
            // "here,“": an opening mark typed for the closing one, after the quote's stop.
            if l == '“' && before_last.is_some_and(|c| matches!(c, '.' | ',' | '?' | '!')) {
                b -= l.len_utf8();
                continue;
            }
            if l == '’' && !s.contains('‘') && s.chars().rev().nth(1).is_some_and(|c| !c.is_alphanumeric()) {
                b -= l.len_utf8();
                continue;
            }
        }
        if (a, b) == before {
            break;
        }
    }
    (a < b).then_some((a, b))
}
