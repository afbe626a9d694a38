//! Adjudicating the document on screen: starting, moving between disagreements, deciding.
//!
//! Owns: what the adjudication actions ([`Action::Adjudicate`], [`Action::AdjudicateNext`],
//! [`Action::AdjudicateTake`], [`Action::AdjudicateAt`]) do to the state, each change one
//! undoable step of the history, and the changes kept beside the annotations that such a step
//! makes (the work kept as a version, an [`crate::model::Edit::Version`]; the adjudication
//! record in the document's metadata, an [`crate::model::Edit::Aside`] that undo, redo and
//! the edit log's replay apply through [`State::apply_aside`]); the keys the view takes, and
//! a span's sentence for the view. It must not: decide what agrees or settles (that is
//! [`super::adjudicate`]), touch yew or the browser, or keep a decision outside the work.

use super::adjudicate::{self, Choice, Plan, Side};
use super::corpus::{versions_to_json, Version};
use super::history::Step;
use super::state::{Action, Message, State};
use crate::formats::gold::Adjudication;
use crate::model::{Edit, Span, Status};
use std::rc::Rc;

/// The `what` of an aside that records the adjudication in the document's metadata.
const RECORD: &str = "adjudication";
/// The `what` of an aside that changes the work's author (`meta.annotator`): the adjudicated
/// gold is the adjudicator's file.
const AUTHOR: &str = "annotator";

/// The adjudication of the document on screen, as the view needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Adjudicating {
    pub sides: Vec<Side>,
    pub plan: Plan,
    /// The disagreement shown.
    pub at: usize,
    /// The adjudicator.
    pub by: String,
}

/// The sentence around `span` (up to 120 code points each side), split as before / words / after.
pub fn context(chars: &[char], span: Span) -> (String, String, String) {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let (s, e) = (span.start().min(chars.len()), span.end().min(chars.len()));
    let lo = s.saturating_sub(120);
    let from = (lo..s).rev().find(|&i| ends(chars[i])).map_or(lo, |i| i + 1);
    let hi = (e + 120).min(chars.len());
    let to = (e..hi).find(|&i| ends(chars[i])).map_or(hi, |i| i + 1);
    let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    (text(from, s).trim_start().to_string(), text(s, e), text(e, to))
}

fn labelled(versions: &[Version]) -> Vec<(String, &Version)> {
    let names: Vec<(usize, Option<String>)> = versions.iter().map(|v| (v.n, v.annotator.clone())).collect();
    adjudicate::side_labels(&names).into_iter().zip(versions).collect()
}

impl State {
    /// The adjudication of the document on screen, when it is being adjudicated.
    pub fn adjudicating(&self) -> Option<Adjudicating> {
        let record = self.meta.adjudication.as_ref()?;
        let entry = self.corpus.get(self.active()?)?;
        let all = labelled(&entry.versions);
        let sides: Vec<Side> = record
            .of
            .iter()
            .filter_map(|l| all.iter().find(|(m, _)| m == l))
            .map(|(l, v)| Side { label: l.clone(), anns: v.file.annotations.clone() })
            .collect();
        let plan = adjudicate::plan(&sides);
        let at = self.adjudicate_at.unwrap_or(0).min(plan.clusters.len().saturating_sub(1));
        Some(Adjudicating { sides, plan, at, by: record.by.clone() })
    }

    /// The action of `key` in the adjudication view, when the view is shown and takes it
    /// (`n`/`N`, `0`..`9`); other keys keep their meaning there.
    pub fn view_key(&self, key: &str) -> Option<Action> {
        if !self.adjudicate_view || self.meta.adjudication.is_none() {
            return None;
        }
        match key {
            "n" | "N" => Some(Action::AdjudicateNext { forward: key == "n" }),
            _ => key.parse::<usize>().ok().filter(|d| *d <= 9).map(Action::AdjudicateTake),
        }
    }

    /// `D`: starts adjudicating the document on screen, or shows / hides the view.
    pub(super) fn adjudicate(&mut self) {
        if self.meta.adjudication.is_some() {
            self.adjudicate_view = !self.adjudicate_view;
            if self.adjudicate_view {
                self.show_disagreement(self.adjudicate_at);
            }
            return;
        }
        if let Err(e) = self.start_adjudication() {
            self.fail(&e);
        }
    }

    /// In one step: the work, when it holds a person's work, kept as a version; then the work
    /// becomes what every version agrees on, with the adjudication recorded.
    fn start_adjudication(&mut self) -> Result<(), String> {
        let doc = self.doc.clone().ok_or("open a document first")?;
        let i = self.active().ok_or("open a document first")?;
        let by = self.user.clone().or_else(|| self.meta.annotator.clone()).ok_or(
            "type your name in the annotator field first (top right): the adjudicated gold names its adjudicator",
        )?;
        let mut versions: Vec<Version> = self.corpus[i].versions.to_vec();
        let mut edits = Vec::new();
        let person = self.anns.iter().any(|a| a.status != Status::Predicted);
        let keys = |anns: &[crate::model::Annotation]| {
            let mut k: Vec<_> =
                anns.iter().filter(|a| a.status.is_live()).map(|a| adjudicate::key_of(a, anns)).collect();
            crate::sort::sort(&mut k);
            k
        };
        if person && !versions.iter().any(|v| keys(&v.file.annotations) == keys(&self.anns)) {
            // A number no deleted version of the undo history holds, as for an imported file.
            let n = self.history_versions(&doc.id).into_iter().fold(self.corpus[i].next_version(), |n, m| n.max(m + 1));
            let file = self.gold().ok_or("open a document first")?;
            let v = Version {
                n,
                // The work's own author when it names one (a colleague's file opened as the work).
                annotator: self.meta.annotator.clone().or_else(|| Some(by.clone())),
                time: self.meta.modified.clone(),
                origin: "the work before adjudication".into(),
                file: Rc::new(file),
            };
            edits.push(Edit::Version { n, before: None, after: Some(versions_to_json(std::slice::from_ref(&v))) });
            versions.push(v);
        }
        if versions.len() < 2 {
            return Err(format!(
                "{}: adjudication needs at least two people's versions of this document; open another annotator's file of it first",
                doc.id
            ));
        }
        let sides: Vec<Side> = labelled(&versions)
            .into_iter()
            .map(|(label, v)| Side { label, anns: v.file.annotations.clone() })
            .collect();
        let plan = adjudicate::plan(&sides);
        let agreed = plan.agreed_annotations(&sides, &by);
        edits.extend(self.anns.iter().rev().cloned().map(Edit::Remove));
        let n_agreed = agreed.len();
        edits.extend(agreed.into_iter().map(Edit::Add));
        let record = Adjudication { of: sides.iter().map(|s| s.label.clone()).collect(), by: by.clone() };
        if self.meta.annotator.as_deref() != Some(by.as_str()) {
            edits.push(Edit::Aside {
                what: AUTHOR.into(),
                before: self.meta.annotator.clone(),
                after: Some(by.clone()),
            });
        }
        edits.push(Edit::Aside {
            what: RECORD.into(),
            before: self.meta.adjudication.as_ref().and_then(|a| serde_json::to_string(a).ok()),
            after: serde_json::to_string(&record).ok(),
        });
        let step: Step = vec![(doc.id.clone(), Edit::Batch(edits))];
        self.run_step(&step, false).map_err(|e| e.context("could not start adjudicating").message().to_string())?;
        self.record(step);
        self.adjudicate_view = true;
        let first = plan.next_unsettled(None, true, &self.anns);
        self.show_disagreement(first);
        self.message = Some(Message::Info(format!(
            "adjudicating {} ({}): {n_agreed} agreed annotation(s) taken, {} disagreement(s) to settle. n next, 1-{} take a version, 0 reject all, D leaves; Ctrl+Z undoes",
            doc.id,
            record.of.join(", "),
            plan.clusters.len(),
            sides.len().min(9)
        )));
        Ok(())
    }

    /// Shows disagreement `at`: its words wait as the selected text (so the page scrolls to
    /// them), or the annotation that settled it is selected.
    fn show_disagreement(&mut self, at: Option<usize>) {
        let Some(a) = self.adjudicating() else { return };
        let Some(c) = at.filter(|&c| c < a.plan.clusters.len()) else { return };
        self.adjudicate_at = Some(c);
        self.linking = None;
        self.words_for = None;
        match a.plan.settling(c, &self.anns).first() {
            Some(x) => {
                self.selected = Some(x.id.clone());
                self.pending = None;
            }
            None => {
                self.selected = None;
                self.pending = Some(a.plan.clusters[c].extent);
            }
        }
    }

    /// `n` / `N` in the view: the next (previous) unsettled disagreement.
    pub(super) fn adjudicate_next(&mut self, forward: bool) {
        let Some(a) = self.adjudicating() else { return self.fail("press D to adjudicate this document first") };
        match a.plan.next_unsettled(self.adjudicate_at, forward, &self.anns) {
            Some(c) => self.show_disagreement(Some(c)),
            None => {
                self.message = Some(Message::Info(
                    "every disagreement is settled: Ctrl+S downloads the adjudicated gold (E exports it in any format)"
                        .into(),
                ))
            }
        }
    }

    /// Shows disagreement `c` (a click in the view).
    pub(super) fn adjudicate_show(&mut self, c: usize) {
        self.show_disagreement(Some(c));
    }

    /// `1`..`9` in the view: takes that version's annotations of the disagreement shown; `0`
    /// rejects them all. One undoable step.
    pub(super) fn adjudicate_take(&mut self, k: usize) {
        let Some(a) = self.adjudicating() else { return self.fail("press D to adjudicate this document first") };
        let Some(doc) = self.doc.clone() else { return };
        if a.plan.clusters.is_empty() {
            return self.fail("the versions agree on everything: nothing to settle");
        }
        let choice = if k == 0 { Choice::RejectAll } else { Choice::Take(k - 1) };
        let edit = match a.plan.decide(a.at, choice, &a.sides, &self.anns, &a.by) {
            Ok(e) => e,
            Err(e) => return self.fail(&e),
        };
        let step: Step = vec![(doc.id.clone(), edit)];
        if let Err(e) = self.run_step(&step, false) {
            return self.fail(e.context("could not settle this disagreement").message());
        }
        self.record(step);
        self.show_disagreement(Some(a.at));
        let (_, settled, total) = a.plan.counts(&self.anns);
        let what = match choice {
            Choice::Take(k) if !a.plan.clusters[a.at].per_side[k].is_empty() => format!("{}'s taken", a.sides[k].label),
            _ => "all rejected".into(),
        };
        let left = if settled == total {
            "every disagreement is settled: Ctrl+S downloads the adjudicated gold".to_string()
        } else {
            format!("{settled} of {total} settled; n goes to the next")
        };
        self.message = Some(Message::Info(format!("{what}: {left}")));
    }

    /// Applies a change kept beside the annotations of document `doc` (see this module's doc).
    pub(super) fn apply_aside(&mut self, doc: &str, what: &str, after: Option<&str>) {
        if what == super::identities::ASIDE {
            return self.set_declared(after);
        }
        if what == super::lexicon::ASIDE {
            return self.set_lexicon_settings(after);
        }
        let on_screen = self.doc.as_ref().is_some_and(|d| d.id == doc);
        let meta = if on_screen {
            &mut self.meta
        } else {
            match Rc::make_mut(&mut self.corpus).iter_mut().find(|e| e.id == doc).and_then(|e| e.parked.as_mut()) {
                Some(p) => &mut p.meta,
                None => return,
            }
        };
        match what {
            RECORD => {
                let record: Option<Adjudication> = after.and_then(|j| serde_json::from_str(j).ok());
                let gone = record.is_none();
                meta.adjudication = record;
                if on_screen && gone {
                    self.adjudicate_view = false;
                    self.adjudicate_at = None;
                }
            }
            AUTHOR => meta.annotator = after.map(str::to_string),
            _ => return,
        }
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests;
