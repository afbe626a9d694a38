//! Predictions that arrive after their document opened: the extractor runs in a Web Worker,
//! so a text is on screen (and can be worked on) before its predictions come, and a long
//! text gets its first screen's predictions first, then the whole text's.
//!
//! Owns: merging predictions into the work on a document ([`merge`], pure) and the
//! reducer's step for [`Action::Predicted`]. It must not: run the extractor, or drop or
//! change anything a person made or reviewed: only annotations still `predicted` are updated
//! or (for the whole text's predictions) removed when the extractor no longer finds them.

use super::state::{Message, State};
use crate::model::{sort_annotations, Annotation, Attrs, Edit, Label, Status};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// The work's annotations once `preds` (ids as the extractor gave them) arrive, and the
/// edits that lead there from `work`.
///
/// - A prediction with the label and span of an annotation of the work is that annotation:
///   when it is still `predicted` it takes the prediction's attributes (and, with `whole`,
///   provenance), otherwise it stays as it is.
/// - Another prediction is added; its id is kept when free, else the next free one of its
///   label. A claim's source and a date's anchor follow the ids.
/// - With `whole` (the predictions of the whole text), an annotation still `predicted` that
///   no prediction matches is removed, unless another annotation refers to it.
pub fn merge(work: &[Annotation], preds: Vec<Annotation>, whole: bool) -> (Vec<Annotation>, Vec<Edit>) {
    let by_place: HashMap<(Label, usize, usize), usize> =
        work.iter().enumerate().map(|(i, a)| ((a.label(), a.span.start(), a.span.end()), i)).collect();
    let mut taken: HashSet<String> = work.iter().map(|a| a.id.clone()).collect();
    let mut counters: HashMap<char, u64> = HashMap::new();
    for id in &taken {
        bump(&mut counters, id);
    }
    // Prediction id -> final id; which work annotation each matched prediction is.
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut matched: HashMap<usize, usize> = HashMap::new();
    for (p, pred) in preds.iter().enumerate() {
        if let Some(&i) = by_place.get(&(pred.label(), pred.span.start(), pred.span.end())) {
            ids.insert(pred.id.clone(), work[i].id.clone());
            matched.insert(i, p);
            continue;
        }
        let id = if taken.contains(&pred.id) { fresh(&mut counters, pred.label()) } else { pred.id.clone() };
        bump(&mut counters, &id);
        taken.insert(id.clone());
        ids.insert(pred.id.clone(), id);
    }
    let preds: Vec<Annotation> = preds.into_iter().map(|p| relinked(p, &ids)).collect();
    let mut out = Vec::with_capacity(work.len() + preds.len());
    let mut edits = Vec::new();
    let referenced: HashSet<&str> = work.iter().flat_map(|a| a.references()).collect();
    for (i, a) in work.iter().enumerate() {
        let untouched = a.status == Status::Predicted && a.note.is_none() && !a.unsure;
        match matched.get(&i) {
            Some(&p) if untouched && (a.attrs != preds[p].attrs || (whole && a.provenance != preds[p].provenance)) => {
                let mut after = a.clone();
                after.attrs = preds[p].attrs.clone();
                if whole {
                    after.provenance = preds[p].provenance.clone();
                }
                edits.push(Edit::Replace { before: a.clone(), after: after.clone() });
                out.push(after);
            }
            None if whole && untouched && !referenced.contains(a.id.as_str()) => edits.push(Edit::Remove(a.clone())),
            _ => out.push(a.clone()),
        }
    }
    let matched_preds: HashSet<usize> = matched.values().copied().collect();
    for (p, pred) in preds.into_iter().enumerate() {
        if !matched_preds.contains(&p) {
            edits.push(Edit::Add(pred.clone()));
            out.push(pred);
        }
    }
    sort_annotations(&mut out);
    (out, edits)
}

fn bump(counters: &mut HashMap<char, u64>, id: &str) {
    let mut chars = id.chars();
    if let (Some(c), Ok(n)) = (chars.next(), chars.as_str().parse::<u64>()) {
        let top = counters.entry(c).or_insert(0);
        *top = (*top).max(n);
    }
}

fn fresh(counters: &mut HashMap<char, u64>, label: Label) -> String {
    let prefix = label.as_str().chars().next().unwrap_or('X');
    let n = counters.get(&prefix).copied().unwrap_or(0) + 1;
    format!("{prefix}{n}")
}

/// `a` with its id and the ids it refers to taken from `ids`.
fn relinked(mut a: Annotation, ids: &HashMap<String, String>) -> Annotation {
    let map = |id: &mut String| {
        if let Some(new) = ids.get(id.as_str()) {
            *id = new.clone();
        }
    };
    map(&mut a.id);
    match &mut a.attrs {
        Attrs::Claim(c) => c.source.iter_mut().for_each(map),
        Attrs::Date(d) => d.anchor.iter_mut().filter(|x| x.as_str() != "dct").for_each(map),
        Attrs::Actor(_) => {}
    }
    a
}

impl State {
    /// Predictions for document `id` whose text has SHA-256 `sha` arrived ([`Action::Predicted`]):
    /// merged into its work, on screen or parked. Work nobody changed since it opened takes
    /// them as part of opening (no step of the history); work a person changed meanwhile
    /// takes them as one undoable step, and the message says so. Predictions for a text
    /// that is no longer loaded are dropped.
    ///
    /// [`Action::Predicted`]: super::state::Action::Predicted
    pub(super) fn predicted(&mut self, id: &str, sha: &str, preds: Vec<Annotation>, whole: bool) {
        if whole && self.extracting.as_deref() == Some(sha) {
            self.extracting = None;
            self.revision += 1;
        }
        let Some((doc, anns, touched)) = self.work_of(id) else { return };
        if doc.sha256() != sha {
            return;
        }
        let worked = touched || self.worked_on(id, &anns);
        if whole && !worked {
            // Nothing there but earlier predictions: the whole text's replace them as they are.
            let mut preds = preds;
            sort_annotations(&mut preds);
            return self.take_predictions(id, preds);
        }
        let (merged, edits) = merge(&anns, preds, whole);
        if edits.is_empty() {
            return;
        }
        if worked {
            let n = edits.iter().filter(|e| matches!(e, Edit::Add(_))).count();
            let step = vec![(id.to_string(), Edit::Batch(edits))];
            if let Err(e) = self.run_step(&step, false) {
                return self.fail(&format!("the predictions for {id} could not be added: {}", e.message()));
            }
            self.record(step);
            self.message = Some(Message::Info(format!(
                "{id}: the extractor's predictions arrived: {n} added beside your work (Ctrl+Z removes them)"
            )));
        } else {
            self.take_predictions(id, merged);
        }
    }

    /// The annotations of document `id`, on screen or parked, become `anns` outside the
    /// history (as when a document opens).
    fn take_predictions(&mut self, id: &str, anns: Vec<Annotation>) {
        if self.doc.as_ref().is_some_and(|d| d.id == id) {
            if self.selected.as_ref().is_some_and(|s| !anns.iter().any(|a| &a.id == s)) {
                self.selected = None;
            }
            self.anns = Rc::new(anns);
            self.revision += 1;
            self.enlist();
        } else {
            self.set_parked_anns(id, anns);
        }
    }

    /// The text with SHA-256 `sha` awaits its predictions (`None`: none are awaited).
    pub(super) fn awaiting(&mut self, sha: Option<String>) {
        self.extracting = sha;
        self.revision += 1;
    }

    /// `action`, made for the text `sha` once the extractor answered ([`Action::Guarded`]).
    /// Words still waiting (or cleared meanwhile, as a click on a label button clears the
    /// page's selection) take it; another text or other words drop it.
    ///
    /// [`Action::Guarded`]: super::state::Action::Guarded
    pub(super) fn guarded(&mut self, sha: &str, pending: Option<crate::model::Span>, action: super::state::Action) {
        let here = self.doc.as_ref().is_some_and(|d| d.sha256() == sha);
        if here && (pending.is_none() || self.pending.is_none() || pending == self.pending) {
            if pending.is_some() {
                self.pending = pending;
            }
            self.apply(action);
        }
    }

    fn set_parked_anns(&mut self, id: &str, anns: Vec<Annotation>) {
        let unreviewed = super::review::unreviewed(&anns);
        let n = anns.len();
        if let Some(e) = Rc::make_mut(&mut self.corpus).iter_mut().find(|e| e.id == id) {
            if let Some(p) = e.parked.as_mut() {
                p.anns = Rc::new(anns);
                e.counts = Some((unreviewed, n));
                e.rev += 1;
                self.revision += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ClaimAttrs, Document, Provenance};

    const TEXT: &str = "Paris said 👍 Bamako lied. Mali denied it.";

    fn ann(id: &str, word: &str, status: Status, attrs: Attrs) -> Annotation {
        let doc = Document::new("t", TEXT, None).unwrap();
        let b = TEXT.find(word).unwrap();
        Annotation {
            id: id.into(),
            span: doc.span_of_bytes(b, b + word.len()).unwrap(),
            quote: word.into(),
            status,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs,
        }
    }
    fn actor(id: &str, word: &str, status: Status) -> Annotation {
        ann(id, word, status, Attrs::Actor(ActorAttrs { canonical: word.into(), ..ActorAttrs::default() }))
    }
    fn claim(id: &str, words: &str, source: &str) -> Annotation {
        let c = ClaimAttrs { source: Some(source.into()), ..ClaimAttrs::default() };
        ann(id, words, Status::Predicted, Attrs::Claim(c))
    }

    #[test]
    fn predictions_join_work_made_while_they_were_coming() {
        // The user made A1 on "Bamako" before the predictions came; the extractor's A1 is
        // "Paris", the source of its claim C1.
        let work = vec![actor("A1", "Bamako", Status::Manual)];
        let preds = vec![
            actor("A1", "Paris", Status::Predicted),
            actor("A2", "Bamako", Status::Predicted),
            claim("C1", "Paris said", "A1"),
        ];
        let (out, edits) = merge(&work, preds, true);
        let paris = out.iter().find(|a| a.quote == "Paris").unwrap();
        assert_eq!(paris.id, "A2", "the user's A1 is not reused: the next free id");
        assert_eq!(out.iter().find(|a| a.id == "C1").unwrap().claim().unwrap().source.as_deref(), Some("A2"));
        // The user's Bamako stays theirs; the extractor's Bamako is the same annotation.
        let bamako: Vec<_> = out.iter().filter(|a| a.quote == "Bamako").collect();
        assert_eq!(bamako.len(), 1);
        assert_eq!(bamako[0].status, Status::Manual);
        assert_eq!(edits.len(), 2);
    }

    #[test]
    fn the_whole_texts_predictions_replace_only_what_nobody_touched() {
        let work = vec![
            actor("A1", "Paris", Status::Predicted),
            actor("A2", "Bamako", Status::Accepted),
            actor("A3", "Mali", Status::Predicted),
            actor("A4", "lied", Status::Rejected),
        ];
        let mut paris = actor("A9", "Paris", Status::Predicted);
        if let Attrs::Actor(a) = &mut paris.attrs {
            a.canonical = "Paris (France)".into();
        }
        let (out, _) = merge(&work, vec![paris], true);
        let ids: Vec<&str> = out.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["A1", "A2", "A4"], "Mali, predicted and no longer found, goes; reviewed work stays");
        assert_eq!(out[0].actor().unwrap().canonical, "Paris (France)");
        // The first screen's predictions (not `whole`) remove nothing.
        let (out, edits) = merge(&work, vec![], false);
        assert_eq!(out.len(), 4);
        assert!(edits.is_empty());
    }

    #[test]
    fn the_reducer_takes_predictions_for_the_text_on_screen_only() {
        use crate::ui::state::{Action, Origin};
        let doc = Document::new("t", TEXT, None).unwrap();
        let sha = doc.sha256().to_string();
        let mut s = State::default();
        s.apply(Action::Open { doc: doc.clone(), predictions: vec![], origin: Origin::Pasted });
        s.apply(Action::Awaiting(Some(sha.clone())));
        assert!(s.extracting.is_some());
        // First screen, then the whole text: untouched work takes them, outside the history.
        let head = vec![actor("A1", "Paris", Status::Predicted)];
        s.apply(Action::Predicted { id: "t".into(), sha: sha.clone(), predictions: head, whole: false });
        assert_eq!(s.anns.len(), 1);
        let whole = vec![actor("A1", "Paris", Status::Predicted), actor("A2", "Mali", Status::Predicted)];
        s.apply(Action::Predicted { id: "t".into(), sha: sha.clone(), predictions: whole.clone(), whole: true });
        assert_eq!(s.anns.len(), 2);
        assert!(s.extracting.is_none());
        assert_eq!(s.history.steps().count(), 0);
        // Predictions for another text (same id, other words) are dropped.
        s.apply(Action::Predicted { id: "t".into(), sha: "other".into(), predictions: vec![], whole: true });
        assert_eq!(s.anns.len(), 2);
        // Work changed before they came: one undoable step, and the work stays after undo.
        s.apply(Action::Reject("A2".into()));
        let more = vec![actor("A5", "Bamako", Status::Predicted)];
        s.apply(Action::Predicted { id: "t".into(), sha, predictions: more, whole: false });
        assert_eq!(s.anns.len(), 3);
        assert!(matches!(&s.message, Some(Message::Info(m)) if m.contains("Ctrl+Z removes them")));
        s.apply(Action::Undo);
        assert_eq!(s.anns.len(), 2);
        assert_eq!(s.get("A2").unwrap().status, Status::Rejected);
    }

    #[test]
    fn a_prediction_referred_to_by_kept_work_stays() {
        let mut mine = claim("C1", "Mali denied it", "A1");
        mine.status = Status::Manual;
        let work = vec![actor("A1", "Mali", Status::Predicted), mine];
        let (out, _) = merge(&work, vec![], true);
        assert!(out.iter().any(|a| a.id == "A1"));
    }
}
