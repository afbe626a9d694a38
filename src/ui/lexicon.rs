//! The project lexicon in the page: what the annotator's decisions teach the pre-annotation.
//!
//! The lexicon is not a second copy of the work. It is learned afresh, whenever it is needed,
//! from the decisions the loaded documents record (a prediction accepted, corrected or
//! rejected, an annotation added: see [`ProjectLexicon::learn_decisions`]), so that undoing a
//! decision removes what it taught at once. Beside the decisions the page keeps
//! [`Settings`]: lexicons imported from files, and entries the person chose to forget. They
//! change by an [`Edit::Aside`] of the document on screen, so undo, redo and the edit log's
//! replay restore them like any edit, and the page saves them with the corpus.
//!
//! Owns: [`Settings`], [`State::lexicon`] (the lexicon the extractor applies), and the actions
//! [`Action::ImportLexicon`], [`Action::ForgetLexicon`] and [`Action::SetLexicon`]. It must
//! not: run the extractor, touch yew or the browser, or learn anything but decisions.
//!
//! [`Action::ImportLexicon`]: super::state::Action::ImportLexicon
//! [`Action::ForgetLexicon`]: super::state::Action::ForgetLexicon
//! [`Action::SetLexicon`]: super::state::Action::SetLexicon

use super::state::{Message, State};
use crate::learn::{Entry, ProjectLexicon};
use crate::model::Edit;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::rc::Rc;

/// The `what` of the aside that changes the [`Settings`].
pub const ASIDE: &str = "lexicon";

/// What the page keeps of the lexicon beside the decisions themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Lexicons imported from files, merged (counts add up).
    #[serde(default)]
    pub imported: ProjectLexicon,
    /// Entries the person forgot: left out of the lexicon, whatever teaches them again,
    /// until the person takes them back.
    #[serde(default)]
    pub forgotten: BTreeSet<Entry>,
}

impl Settings {
    /// True when nothing is imported or forgotten.
    pub fn is_empty(&self) -> bool {
        self.imported.is_empty() && self.forgotten.is_empty()
    }
}

impl State {
    /// What the decisions of the loaded documents teach, alone.
    pub fn learned_lexicon(&self) -> ProjectLexicon {
        let mut lex = ProjectLexicon::new();
        for (_, _, doc, anns) in self.loaded() {
            lex.learn_decisions(&doc, &anns);
        }
        lex
    }

    /// The imported lexicons, then what the decisions of the loaded documents teach, with
    /// nothing forgotten: what [`State::lexicon`] and the forgotten entries' words start from.
    pub fn taught_lexicon(&self) -> ProjectLexicon {
        let mut lex = ProjectLexicon::new();
        lex.merge(&self.lexicon_settings.imported);
        lex.merge(&self.learned_lexicon());
        lex
    }

    /// The project lexicon the extractor applies: [`State::taught_lexicon`] without the
    /// forgotten entries.
    pub fn lexicon(&self) -> ProjectLexicon {
        self.without_forgotten(self.taught_lexicon())
    }

    /// `taught` (see [`State::taught_lexicon`]) without the forgotten entries.
    pub fn without_forgotten(&self, mut taught: ProjectLexicon) -> ProjectLexicon {
        for e in &self.lexicon_settings.forgotten {
            taught.forget(e);
        }
        taught
    }

    /// The entries forgotten, each in words as `taught` has it (see
    /// [`State::taught_lexicon`]).
    pub fn forgotten_lexicon_entries(&self, taught: &ProjectLexicon) -> Vec<(Entry, String)> {
        let words =
            |e: &Entry| e.describe(taught).unwrap_or_else(|| format!("\u{201c}{}\u{201d} (no longer taught)", e.key()));
        self.lexicon_settings.forgotten.iter().map(|e| (e.clone(), words(e))).collect()
    }

    /// `ImportLexicon`: adds a lexicon read from a file (checked by its reader) to the
    /// imported ones, as one undoable step.
    pub(super) fn import_lexicon(&mut self, lex: ProjectLexicon) {
        if lex.is_empty() {
            return self.fail("the lexicon file is empty: nothing was imported");
        }
        let n = lex.entries().len();
        let mut after = (*self.lexicon_settings).clone();
        after.imported.merge(&lex);
        if self.change_lexicon(after) {
            self.message = Some(Message::Info(format!(
                "{n} lexicon entr{} imported: applied to documents opened or extracted from now on (Ctrl+Z undoes)",
                if n == 1 { "y" } else { "ies" }
            )));
        }
    }

    /// `ForgetLexicon`: leaves `entry` out of the lexicon (`forget`), or takes it back, as one
    /// undoable step.
    pub(super) fn forget_lexicon(&mut self, entry: Entry, forget: bool) {
        let mut after = (*self.lexicon_settings).clone();
        let changed = if forget { after.forgotten.insert(entry) } else { after.forgotten.remove(&entry) };
        if changed {
            self.change_lexicon(after);
        }
    }

    /// Records the settings' change as an aside of the document on screen, and applies it.
    fn change_lexicon(&mut self, after: Settings) -> bool {
        let Some(doc) = self.doc.as_ref().map(|d| d.id.clone()) else {
            self.fail("open a document first: a change of the lexicon is undone with the work's history");
            return false;
        };
        let json = |s: &Settings| (!s.is_empty()).then(|| serde_json::to_string(s).ok()).flatten();
        let edit = Edit::Aside { what: ASIDE.into(), before: json(&self.lexicon_settings), after: json(&after) };
        self.record(vec![(doc, edit)]);
        self.lexicon_settings = Rc::new(after);
        self.revision += 1;
        true
    }

    /// Applies the settings an aside sets (`None`: none).
    pub(super) fn set_lexicon_settings(&mut self, after: Option<&str>) {
        self.lexicon_settings = Rc::new(after.and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default());
        self.revision += 1;
    }

    /// `SetLexicon`: the settings saved at the last visit (not a change of the work: no
    /// history).
    pub(super) fn restore_lexicon(&mut self, settings: Settings) {
        self.lexicon_settings = Rc::new(settings);
    }
}

#[cfg(test)]
mod tests;
