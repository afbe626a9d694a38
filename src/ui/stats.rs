//! Statistics per annotator over the corpus: documents done and in progress, annotations by
//! label, the time span of the work, review states and flags.
//!
//! Owns: [`per_annotator`], a pure function over what the corpus holds (each loaded
//! document's work, named by its file's annotator or else the page's, and every version, named
//! by its own), and [`of_state`] which gathers that from the editor state. It must not:
//! touch yew, web-sys or storage, or count a document that is only listed (its annotations
//! are not loaded; the table says how many were left out).

use super::review;
use super::state::State;
use crate::model::{Annotation, Label, Status};

/// The name shown for work whose file names no annotator.
pub const NO_ANNOTATOR: &str = "(no annotator named)";

/// One annotator's work, as the statistics table shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnnotatorStats {
    pub annotator: String,
    /// Documents whose work (or version) is gold: marked, or (a version) nothing left predicted.
    pub gold: usize,
    /// Documents reviewed (nothing left predicted) but not marked gold.
    pub reviewed: usize,
    /// Documents with predictions still to review.
    pub in_progress: usize,
    /// Live annotations (not rejected) by label, in [`Label::ALL`] order.
    pub by_label: [usize; 3],
    /// Annotations by review status.
    pub predicted: usize,
    pub accepted: usize,
    pub edited: usize,
    pub manual: usize,
    pub rejected: usize,
    /// Annotations flagged unsure, and with a note.
    pub unsure: usize,
    pub notes: usize,
    /// The earliest and latest times known of the work (RFC 3339, as written).
    pub first: Option<String>,
    pub last: Option<String>,
}

impl AnnotatorStats {
    /// Documents counted in all.
    pub fn documents(&self) -> usize {
        self.gold + self.reviewed + self.in_progress
    }
}

/// One annotator's work on one document: the work itself or a version of it.
#[derive(Clone, Debug)]
pub struct Work<'a> {
    pub annotator: Option<&'a str>,
    pub anns: &'a [Annotation],
    /// Marked as gold.
    pub gold: bool,
    /// The times known of it (created, modified, the version's time); unreadable ones are skipped.
    pub times: Vec<&'a str>,
}

/// The statistics of each annotator over `works`, sorted by name (work with no annotator
/// named last).
pub fn per_annotator<'a>(works: impl IntoIterator<Item = Work<'a>>) -> Vec<AnnotatorStats> {
    let mut out: Vec<(AnnotatorStats, Option<(i128, i128)>)> = Vec::new();
    for w in works {
        let name = w.annotator.map(str::trim).filter(|n| !n.is_empty()).unwrap_or(NO_ANNOTATOR);
        let i = match out.iter().position(|(s, _)| s.annotator == name) {
            Some(i) => i,
            None => {
                out.push((AnnotatorStats { annotator: name.to_string(), ..Default::default() }, None));
                out.len() - 1
            }
        };
        let (s, span) = &mut out[i];
        let left = review::unreviewed(w.anns);
        match (w.gold, left) {
            (true, _) => s.gold += 1,
            (false, 0) => s.reviewed += 1,
            _ => s.in_progress += 1,
        }
        for a in w.anns {
            if a.status.is_live() {
                s.by_label[Label::ALL.iter().position(|l| *l == a.label()).unwrap_or(0)] += 1;
            }
            *match a.status {
                Status::Predicted => &mut s.predicted,
                Status::Accepted => &mut s.accepted,
                Status::Edited => &mut s.edited,
                Status::Manual => &mut s.manual,
                Status::Rejected => &mut s.rejected,
            } += 1;
        }
        let f = review::flags(w.anns);
        (s.unsure, s.notes) = (s.unsure + f.unsure, s.notes + f.notes);
        for t in w.times {
            let Some(ts) = crate::model::civil::parse_timestamp(t) else { continue };
            let (lo, hi) = span.get_or_insert((ts, ts));
            if ts < *lo {
                *lo = ts;
                s.first = Some(t.to_string());
            }
            if ts > *hi {
                *hi = ts;
                s.last = Some(t.to_string());
            }
            s.first.get_or_insert_with(|| t.to_string());
            s.last.get_or_insert_with(|| t.to_string());
        }
    }
    let mut rows: Vec<AnnotatorStats> = out.into_iter().map(|(s, _)| s).collect();
    crate::sort::sort_by(&mut rows, |a, b| {
        (a.annotator == NO_ANNOTATOR, &a.annotator).cmp(&(b.annotator == NO_ANNOTATOR, &b.annotator))
    });
    rows
}

/// The statistics of the corpus in `state` (see [`per_annotator`]), and how many listed
/// documents were left out because they are not loaded.
pub fn of_state(state: &State) -> (Vec<AnnotatorStats>, usize) {
    let mut works = Vec::new();
    let page = state.editor();
    let mut unloaded = 0;
    for e in state.corpus.iter() {
        let on_screen = state.doc.as_ref().is_some_and(|d| d.id == e.id);
        let work = if on_screen {
            Some((&state.meta, state.anns.as_slice(), state.marked))
        } else {
            e.parked.as_ref().map(|p| (&p.meta, p.anns.as_slice(), p.marked))
        };
        match work {
            Some((meta, anns, gold)) => works.push(Work {
                annotator: meta.annotator.as_deref().or(page),
                anns,
                gold,
                times: meta.created.iter().chain(&meta.modified).map(String::as_str).collect(),
            }),
            None => unloaded += 1,
        }
        for v in e.versions.iter() {
            let m = &v.file.meta;
            works.push(Work {
                annotator: v.annotator.as_deref(),
                anns: &v.file.annotations,
                gold: v.file.is_gold(),
                times: v.time.iter().chain(&m.created).chain(&m.modified).map(String::as_str).collect(),
            });
        }
    }
    (per_annotator(works), unloaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::gold::GoldFile;
    use crate::model::{ActorAttrs, Attrs, DateAttrs, Document, Provenance, Span};
    use crate::ui::state::{Action, Origin};

    fn ann(id: &str, status: Status, date: bool) -> Annotation {
        Annotation {
            id: id.into(),
            span: Span::new(0, 5).unwrap(),
            quote: "Paris".into(),
            status,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs: if date { Attrs::Date(DateAttrs::default()) } else { Attrs::Actor(ActorAttrs::default()) },
        }
    }

    #[test]
    fn counts_each_annotators_documents_labels_states_flags_and_time_span() {
        let mut flagged = ann("A2", Status::Accepted, false);
        flagged.unsure = true;
        flagged.note = Some("army?".into());
        let ada1 = vec![ann("A1", Status::Predicted, false), flagged, ann("D1", Status::Rejected, true)];
        let ada2 = vec![ann("A1", Status::Edited, false), ann("D1", Status::Manual, true)];
        let bob = vec![ann("A1", Status::Accepted, false)];
        let rows = per_annotator([
            Work { annotator: Some("Ada"), anns: &ada1, gold: false, times: vec!["2026-01-02T10:00:00Z", "bad"] },
            Work { annotator: Some(" Ada "), anns: &ada2, gold: true, times: vec!["2026-01-01T09:00:00+02:00"] },
            Work { annotator: Some("Bob"), anns: &bob, gold: false, times: vec![] },
            Work { annotator: None, anns: &[], gold: false, times: vec!["2026-03-01T00:00:00Z"] },
        ]);
        let names: Vec<&str> = rows.iter().map(|r| r.annotator.as_str()).collect();
        assert_eq!(names, ["Ada", "Bob", NO_ANNOTATOR]);
        let ada = &rows[0];
        assert_eq!((ada.gold, ada.reviewed, ada.in_progress, ada.documents()), (1, 0, 1, 2));
        assert_eq!(ada.by_label, [3, 1, 0], "the rejected DATE is not counted as live");
        assert_eq!((ada.predicted, ada.accepted, ada.edited, ada.manual, ada.rejected), (1, 1, 1, 1, 1));
        assert_eq!((ada.unsure, ada.notes), (1, 1));
        assert_eq!(ada.first.as_deref(), Some("2026-01-01T09:00:00+02:00"));
        assert_eq!(ada.last.as_deref(), Some("2026-01-02T10:00:00Z"));
        let bob = &rows[1];
        assert_eq!((bob.gold, bob.reviewed, bob.in_progress), (0, 1, 0));
        assert_eq!((bob.first.clone(), bob.last.clone()), (None, None));
        assert_eq!(rows[2].reviewed, 1, "an empty document has nothing left to review");
    }

    #[test]
    fn the_state_counts_the_work_and_each_version_by_its_own_annotator() {
        let doc = Document::new("t", "Paris said so.", None).unwrap();
        let mut s = State::default();
        s.apply(Action::SetAnnotator("Ada".into()));
        s.apply(Action::Open {
            doc: doc.clone(),
            predictions: vec![ann("A1", Status::Predicted, false)],
            origin: Origin::Pasted,
        });
        s.apply(Action::Accept("A1".into()));
        let mut f = GoldFile::new(doc, vec![ann("A1", Status::Rejected, false)]);
        f.meta.annotator = Some("Bob".into());
        f.meta.modified = Some("2026-02-03T04:05:06Z".into());
        s.apply(Action::Import { file: f, origin: Origin::GoldFile("bob.json".into()) });
        s.apply(Action::AddStubs(vec![crate::ui::corpus::Listed::new("u", "U", Origin::Seed("u".into()))]));
        let (rows, unloaded) = of_state(&s);
        assert_eq!(unloaded, 1);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].annotator.as_str(), rows[0].accepted, rows[0].reviewed), ("Ada", 1, 1));
        assert_eq!((rows[1].annotator.as_str(), rows[1].rejected, rows[1].gold), ("Bob", 1, 1));
        assert_eq!(rows[1].first.as_deref(), Some("2026-02-03T04:05:06Z"));
    }
}
