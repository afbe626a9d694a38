//! Jumping to a search result: the gestures that bring a hit on screen.
//!
//! Owns: [`State::jump_actions`], the actions that put a hit's document on screen and select
//! the hit there. It must not: scroll or touch the browser (the page reveals the selection
//! it is given), or change any annotation.

use crate::model::Span;
use crate::ui::state::{Action, State};

impl State {
    /// The actions bringing the hit `span` of document `doc` on screen: the document (when
    /// another one is shown), then the live annotation exactly on the span selected, else the
    /// words selected, waiting for a label. Empty when the document is not loaded.
    pub fn jump_actions(&self, doc: &str, span: Span) -> Vec<Action> {
        let mut out = Vec::new();
        let on_screen = self.doc.as_ref().is_some_and(|d| d.id == doc);
        if !on_screen {
            let Some(i) = self.corpus.iter().position(|e| e.id == doc && e.parked.is_some()) else { return out };
            out.push(Action::Switch(i));
        }
        let loaded = self.loaded();
        let Some((_, _, _, anns)) = loaded.iter().find(|l| l.0 == doc) else { return Vec::new() };
        match anns.iter().find(|a| a.span == span && a.status.is_live()) {
            Some(a) => out.push(Action::Select(Some(a.id.clone()))),
            None => out.push(Action::SelectText(Some(span))),
        }
        out
    }
}
