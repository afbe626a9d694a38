//! The timeline of the corpus: every live DATE of every loaded document with a normalised
//! value, placed on one axis of days, with its sentence, its document and the identities named
//! in that sentence; what cannot be placed kept apart with the reason; the groups of dates that
//! different documents give for the same event ([`events`] says the rule); a CSV of it all.
//!
//! Owns: turning `&[Loaded]` and a [`Filter`] into a [`Timeline`] of plain data, and the CSV.
//! Placing a value is [`when`], drawing is [`layout`]. It must not: touch yew or the browser,
//! change annotations, or guess what a value leaves open (a year missing from `XXXX-08`, the
//! direction of a duration: a duration is drawn forward from its anchor, and only when it has
//! one).
//!
//! What counts: live DATE annotations (`status.is_live()`) of every loaded document. DATE and
//! TIME values are placed by their days (a TIME by its date); a DURATION with a whole length
//! and an anchor that is placed (`dct`, or a DATE of the same document) becomes a bar from the
//! anchor's first day; other durations, SETs, `*_REF` values and values without a year go to
//! the list apart. A value's `mod` (`APPROX`, `BEFORE`...) is kept and shown, not applied.

pub mod events;
pub mod layout;
pub mod when;

use crate::model::{Annotation, Span, TimexType};
use crate::ui::corpus::Loaded;
use events::{event_of, verdict, Verdict};
use std::collections::{BTreeMap, BTreeSet};
use when::{days_of, length_of, over, Days};

/// Which dates to show: one document (by id) and/or dates whose sentence names one identity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub doc: Option<String>,
    pub identity: Option<String>,
}

/// A document row of the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRow {
    pub id: String,
    pub title: String,
}

/// A DATE annotation as the timeline reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated {
    /// Index into [`Timeline::docs`].
    pub doc: usize,
    pub ann: String,
    pub span: Span,
    pub quote: String,
    pub value: String,
    pub timex_type: TimexType,
    pub modifier: Option<String>,
    /// The sentence the date comes from.
    pub sentence: String,
    /// The canonical names of the live ACTORs inside that sentence, sorted.
    pub identities: Vec<String>,
    /// The event of the sentence ([`events::event_of`]).
    pub event: Option<&'static str>,
}

/// A date placed on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub date: Dated,
    pub days: Days,
}

/// A date kept off the axis, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Apart {
    pub date: Dated,
    pub why: &'static str,
}

/// Dates that at least two documents give for one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub event: &'static str,
    pub verdict: Verdict,
    /// Indices into [`Timeline::points`], by document then day.
    pub members: Vec<usize>,
    /// How many documents the members come from.
    pub documents: usize,
}

/// The timeline of the loaded corpus under a filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub docs: Vec<DocRow>,
    /// Sorted by document, then first day.
    pub points: Vec<Point>,
    pub apart: Vec<Apart>,
    /// Groups whose dates differ first, then by event.
    pub groups: Vec<Group>,
    /// Every identity named in a dated sentence of the shown documents (for the filter), sorted.
    pub identities: Vec<String>,
}

/// Why a duration or a set has no place.
pub const NO_ANCHOR: &str = "a duration without a placed anchor";
pub const NO_LENGTH: &str = "a duration of unknown length";
pub const REPEATS: &str = "a set (it repeats)";

/// The sentence around `span`: from after the last `.`, `!`, `?` or line break before it to the
/// first one after it (at most 200 code points each way), as code-point bounds.
pub fn sentence_bounds(chars: &[char], span: Span) -> (usize, usize) {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let (s, e) = (span.start().min(chars.len()), span.end().min(chars.len()));
    let lo = s.saturating_sub(200);
    let mut from = (lo..s).rev().find(|&i| ends(chars[i])).map_or(lo, |i| i + 1);
    while from < s && chars[from].is_whitespace() {
        from += 1;
    }
    let hi = (e + 200).min(chars.len());
    let to = (e..hi).find(|&i| ends(chars[i])).map_or(hi, |i| i + 1);
    (from, to)
}

/// The dates of one document, each read with its sentence, identities and event.
fn dated_of(doc: usize, chars: &[char], anns: &[Annotation]) -> Vec<Dated> {
    let actors: Vec<(Span, &str)> = anns
        .iter()
        .filter(|a| a.status.is_live())
        .filter_map(|a| a.actor().map(|x| (a.span, x.canonical.trim())))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let mut out = Vec::new();
    for a in anns.iter().filter(|a| a.status.is_live()) {
        let Some(d) = a.date() else { continue };
        let (from, to) = sentence_bounds(chars, a.span);
        let names: BTreeSet<&str> =
            actors.iter().filter(|(s, _)| s.start() >= from && s.end() <= to).map(|(_, c)| *c).collect();
        out.push(Dated {
            doc,
            ann: a.id.clone(),
            span: a.span,
            quote: a.quote.clone(),
            value: d.value.clone(),
            timex_type: d.timex_type,
            modifier: d.modifier.clone(),
            sentence: chars[from..to].iter().collect::<String>().trim_end().to_string(),
            identities: names.into_iter().map(str::to_string).collect(),
            event: event_of(chars, (from, to), (a.span.start(), a.span.end())),
        });
    }
    out
}

/// Where one date goes: on the axis, or apart with the reason. `anchors` holds the placed
/// days of the document's DATE annotations by id, and `dct` under "dct".
fn place(d: &Dated, anchors: &BTreeMap<String, Days>, anchor: Option<&str>) -> Result<Days, &'static str> {
    match d.timex_type {
        TimexType::Date | TimexType::Time => days_of(&d.value),
        TimexType::Set => Err(REPEATS),
        TimexType::Duration => match (length_of(&d.value), anchor.and_then(|a| anchors.get(a))) {
            (None, _) => Err(NO_LENGTH),
            (Some(_), None) => Err(NO_ANCHOR),
            (Some(len), Some(at)) => over(at.first, len).ok_or(when::UNREADABLE),
        },
    }
}

/// The timeline of `docs` under `filter`.
pub fn build(docs: &[Loaded], filter: &Filter) -> Timeline {
    let mut t = Timeline::default();
    let mut identities = BTreeSet::new();
    for (id, title, doc, anns) in docs {
        if filter.doc.as_ref().is_some_and(|f| f != id) {
            continue;
        }
        let row = t.docs.len();
        t.docs.push(DocRow { id: id.clone(), title: title.clone() });
        let chars: Vec<char> = doc.text().chars().collect();
        let mut anchors = BTreeMap::new();
        if let Some(dct) = doc.dct() {
            anchors.insert("dct".to_string(), Days { first: dct, last: dct, grain: when::Grain::Day });
        }
        for a in anns.iter().filter(|a| a.status.is_live()) {
            if let Some(Ok(days)) = a.date().filter(|d| d.timex_type == TimexType::Date).map(|d| days_of(&d.value)) {
                anchors.insert(a.id.clone(), days);
            }
        }
        let anchor_of: BTreeMap<&str, Option<&str>> =
            anns.iter().filter_map(|a| Some((a.id.as_str(), a.date()?.anchor.as_deref()))).collect();
        for d in dated_of(row, &chars, anns) {
            identities.extend(d.identities.iter().cloned());
            if filter.identity.as_ref().is_some_and(|i| !d.identities.contains(i)) {
                continue;
            }
            let anchor = anchor_of.get(d.ann.as_str()).copied().flatten();
            match place(&d, &anchors, anchor) {
                Ok(days) => t.points.push(Point { date: d, days }),
                Err(why) => t.apart.push(Apart { date: d, why }),
            }
        }
    }
    crate::sort::sort_by_key(&mut t.points, |p| (p.date.doc, p.days.first, p.date.span));
    t.identities = identities.into_iter().collect();
    t.groups = groups(&t.points);
    t
}

/// The groups of [`events`]' rule over placed points (durations left out).
fn groups(points: &[Point]) -> Vec<Group> {
    let mut by_event: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        if let (Some(e), false) = (p.date.event, p.days.grain == when::Grain::Duration) {
            by_event.entry(e).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (event, members) in by_event {
        let mut per_doc: BTreeMap<usize, Vec<Days>> = BTreeMap::new();
        for &i in &members {
            per_doc.entry(points[i].date.doc).or_default().push(points[i].days);
        }
        if per_doc.len() < 2 {
            continue;
        }
        let days: Vec<Vec<Days>> = per_doc.into_values().collect();
        out.push(Group { event, verdict: verdict(&days), members, documents: days.len() });
    }
    crate::sort::sort_by_key(&mut out, |g| (g.verdict, g.event));
    out
}

/// The timeline as CSV: one row per date, placed or apart, with its group's verdict.
pub fn to_csv(t: &Timeline) -> String {
    let mut verdict_of = BTreeMap::new();
    for g in &t.groups {
        for &m in &g.members {
            verdict_of.insert(m, g.verdict.as_str());
        }
    }
    let mut out = String::from(
        "document,title,annotation,start,end,words,type,value,mod,first_day,last_day,grain,placed,event,group,identities,sentence\n",
    );
    let mut row = |d: &Dated, days: Option<&Days>, placed: &str, group: &str| {
        let doc = &t.docs[d.doc];
        let cells = [
            doc.id.clone(),
            doc.title.clone(),
            d.ann.clone(),
            d.span.start().to_string(),
            d.span.end().to_string(),
            d.quote.clone(),
            d.timex_type.as_str().to_string(),
            d.value.clone(),
            d.modifier.clone().unwrap_or_default(),
            days.map(|x| x.first.to_string()).unwrap_or_default(),
            days.map(|x| x.last.to_string()).unwrap_or_default(),
            days.map(|x| x.grain.as_str().to_string()).unwrap_or_default(),
            placed.to_string(),
            d.event.unwrap_or("").to_string(),
            group.to_string(),
            d.identities.join("; "),
            d.sentence.clone(),
        ];
        super::csv::push_record(&mut out, &cells, "\n");
    };
    for (i, p) in t.points.iter().enumerate() {
        row(&p.date, Some(&p.days), "yes", verdict_of.get(&i).copied().unwrap_or(""));
    }
    for a in &t.apart {
        row(&a.date, None, a.why, "");
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_support;
