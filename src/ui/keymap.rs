//! What each key means: the page's keyboard shortcuts, the label buttons' action and the
//! click target in the text.
//!
//! Owns: turning a key press (read by `browser::keys`) into an [`Action`] for the reducer, or
//! an effect (focus a field, open or close an overlay, download, switch document). It must
//! not: list the shortcuts for people (that table is `keys.rs`) or read browser events itself.

use super::browser::documents::{download, load_corpus_then, open_entry};
use super::browser::extractor;
use super::browser::keys::KeyPress;
use super::browser::{self, selection};
use super::overlay::Overlay;
use super::review::{self, Edge};
use super::state::{Action, State};
use crate::model::Label;
use yew::Callback;

/// The action for label key/button `label`: create on the pending words, or relabel the
/// selected annotation. A DATE's value is guessed by the extractor (in its worker): then the
/// action is dispatched when it answers (dropped if the page moved on to another text or
/// other words meanwhile), and `None` is returned.
pub fn label_action(state: &State, label: Label, dispatch: &Callback<Action>) -> Option<Action> {
    let doc = state.doc.as_deref()?;
    let (span, action) = match state.pending {
        Some(span) => (span, Action::Create { label, date: None }),
        None => {
            let a = state.get(state.selected.as_deref()?)?;
            (a.span, Action::Relabel { id: a.id.clone(), label, date: None })
        }
    };
    if label != Label::Date {
        return Some(action);
    }
    let (sha, pending, d) = (doc.sha256().to_string(), state.pending, dispatch.clone());
    extractor::guess_date(doc, span, move |date| {
        let action = match action {
            Action::Create { label, .. } => Action::Create { label, date },
            Action::Relabel { id, label, .. } => Action::Relabel { id, label, date },
            other => other,
        };
        d.emit(Action::Guarded { sha, pending, action: Box::new(action) });
    });
    None
}

/// The annotation to select on a click at code point `cp`: the shortest one there, or the
/// next one when the shortest is already selected (clicks cycle through nested ones).
pub fn click_target(state: &State, cp: usize) -> Option<String> {
    let mut here: Vec<_> = state.anns.iter().filter(|a| a.span.contains_offset(cp)).collect();
    crate::sort::sort_by_key(&mut here, |a| (a.span.len(), !a.status.is_live()));
    let pos = state.selected.as_deref().and_then(|s| here.iter().position(|a| a.id == s));
    let pick = match pos {
        Some(p) => here.get((p + 1) % here.len().max(1)),
        None => here.first(),
    };
    pick.map(|a| a.id.clone())
}

/// What the key handler needs besides the state: the overlay open and its switch.
#[derive(Clone)]
pub struct KeyContext {
    pub overlay: Option<Overlay>,
    pub set_overlay: Callback<Option<Overlay>>,
}

impl KeyContext {
    fn is(&self, o: Overlay) -> bool {
        self.overlay == Some(o)
    }
    fn open(&self, o: Overlay) {
        self.set_overlay.emit(Some(o));
    }
    fn close(&self) {
        self.set_overlay.emit(None);
    }
}

/// The action of key `key` (with Shift already in `key`'s case) on `state`, or a page-side
/// effect run at once (focus a field, open the help); `None` when the key means nothing here.
fn key_action(key: &str, state: &State, dispatch: &Callback<Action>, cx: &KeyContext) -> Option<Action> {
    if cx.is(Overlay::Export) {
        // The export dialog takes no shortcut; Esc closes it.
        if key == "Escape" {
            cx.close();
        }
        return None;
    }
    // A corpus view covers the text: the text's keys wait until it is closed.
    if cx.overlay.is_some_and(Overlay::covers_text) && key != "Escape" && Overlay::of_key(key).is_none() {
        return None;
    }
    // The adjudication view takes n / N and the digits.
    if let Some(a) = state.view_key(key) {
        return Some(a);
    }
    let sel = state.selected.clone();
    let selected = sel.as_deref().and_then(|id| state.get(id));
    let is = |l: Label| selected.is_some_and(|a| a.label() == l);
    // Link mode: digits pick a source candidate.
    if let (Some(claim), Some(d)) = (state.linking.as_deref(), key.parse::<usize>().ok()) {
        let cands = state.source_candidates(claim);
        return match d.checked_sub(1).and_then(|i| cands.get(i)) {
            Some(actor) => Some(Action::LinkSource(actor.clone())),
            None => Some(Action::Fail(format!("no source numbered {d}: {} candidate(s)", cands.len()))),
        };
    }
    if let Some(action) = notes_key(key, state, cx) {
        return action;
    }
    // A key of an overlay opens it, or closes it when it is the one open.
    if let Some(o) = Overlay::of_key(key) {
        cx.set_overlay.emit((!cx.is(o)).then_some(o));
        return None;
    }
    let resize = |edge, grow| match state.pending {
        Some(_) => Some(Action::ResizePending { edge, grow }),
        None => sel.clone().map(|id| Action::Resize { id, edge, grow }),
    };
    match key {
        "E" => {
            if state.doc.is_some() {
                cx.open(Overlay::Export);
            }
            None
        }
        "1" => label_action(state, Label::Actor, dispatch),
        "2" => label_action(state, Label::Date, dispatch),
        "3" => label_action(state, Label::Claim, dispatch),
        "Delete" | "Backspace" => sel.map(Action::Delete),
        "a" => sel.map(Action::Accept),
        "r" => sel.map(Action::Reject),
        "A" | "R" => {
            let id = sel?;
            dispatch.emit(if key == "A" { Action::Accept(id.clone()) } else { Action::Reject(id.clone()) });
            review::next_unreviewed(&state.anns, Some(&id), true)
                .filter(|n| *n != id)
                .map(|n| Action::Select(Some(n)))
                .or_else(|| Some(Action::Notify("every prediction of this document is reviewed".into())))
        }
        "j" | "k" => review::step(&state.anns, sel.as_deref(), key == "j").map(|id| Action::Select(Some(id))),
        "n" | "N" => match review::next_unreviewed(&state.anns, sel.as_deref(), key == "n") {
            Some(id) => Some(Action::Select(Some(id))),
            None => Some(Action::Notify("no prediction is left to review in this document".into())),
        },
        "[" => resize(Edge::Start, true),
        "{" => resize(Edge::Start, false),
        "]" => resize(Edge::End, true),
        "}" => resize(Edge::End, false),
        "e" => {
            let field = if is(Label::Date) {
                "edit-value"
            } else if is(Label::Actor) {
                "edit-canonical"
            } else if is(Label::Claim) {
                "edit-source"
            } else {
                return Some(Action::Fail("select an annotation first, then e edits its attributes".into()));
            };
            browser::focus(field);
            None
        }
        "m" if is(Label::Actor) => {
            browser::focus("merge-into");
            None
        }
        // A new name unique in the whole corpus (the registry), not only in this document.
        "x" if is(Label::Actor) => sel.map(|id| {
            let canonical = state.get(&id).map(|a| state.registry().fresh(&a.quote)).unwrap_or_default();
            Action::SplitIdentity { ids: vec![id], canonical }
        }),
        "l" => Some(Action::StartLink),
        "v" | "V" => {
            selection::clear_selection();
            Some(Action::StepWord { forward: key == "v" })
        }
        "s" | "S" => sel.map(|id| Action::CycleSource { id, forward: key == "s" }),
        "t" | "T" => sel.map(|id| Action::CycleType { id, forward: key == "t" }),
        "c" | "w" => Some(Action::WordsToClaim { source_words: key == "w" }),
        "g" => Some(Action::MarkGold),
        "D" => {
            if state.meta.adjudication.is_none() && state.editor().is_none() {
                browser::focus("annotator");
            }
            Some(Action::Adjudicate)
        }
        "J" | "K" => {
            let n = state.corpus.len();
            let here = state.active()?;
            let next = if key == "J" { (here + 1).min(n.saturating_sub(1)) } else { here.saturating_sub(1) };
            if next != here {
                open_entry(state, next, dispatch);
            }
            None
        }
        "f" => {
            let (id, d) = (sel?, dispatch.clone());
            load_corpus_then(state, dispatch, move || d.emit(Action::PlanFix(id)));
            None
        }
        "Escape" => {
            if state.fix.is_some() {
                return Some(Action::CancelFix);
            }
            if cx.overlay.is_some_and(Overlay::closes_on_escape) {
                cx.close();
                return None;
            }
            if state.linking.is_some() {
                return Some(Action::CancelLink);
            }
            selection::clear_selection();
            dispatch.emit(Action::SelectText(None));
            Some(Action::Select(None))
        }
        _ => None,
    }
}

/// The keys of notes and doubts, of a version viewed read-only and of the statistics table:
/// `Some` when the key is theirs here (with the action to dispatch, if any).
fn notes_key(key: &str, state: &State, cx: &KeyContext) -> Option<Option<Action>> {
    if cx.is(Overlay::Stats) && matches!(key, "%" | "Escape") {
        cx.close();
        return Some(None);
    }
    let sel = state.selected.clone();
    let viewed = state.viewed().map(|v| crate::ui::versions::viewing_words(&v.annotator, v.n));
    Some(match (key, viewed) {
        ("Escape", Some(_)) => Some(Action::LeaveVersion),
        ("u" | "#", Some(w)) => {
            Some(Action::Fail(format!("{w}: nothing can be changed here. Esc returns to the work")))
        }
        ("%", _) => {
            cx.open(Overlay::Stats);
            None
        }
        ("u", None) => Some(sel.map_or_else(
            || Action::Fail("select an annotation first, then u flags it unsure".into()),
            Action::ToggleUnsure,
        )),
        ("#", None) if sel.is_some() => {
            browser::focus("edit-note");
            None
        }
        ("#", None) => Some(Action::Fail("select an annotation first, then # writes a note on it".into())),
        ("U", _) => match review::next_flagged(&state.anns, sel.as_deref(), true) {
            Some(id) => Some(Action::Select(Some(id))),
            None => Some(Action::Notify("no annotation of this document is flagged unsure or has a note".into())),
        },
        _ => return None,
    })
}

/// Handles key press `e` on `state`: dispatches its action or runs its effect. True when the
/// browser's own handling of the key must be prevented.
pub fn on_key(e: &KeyPress, state: &State, dispatch: &Callback<Action>, cx: &KeyContext) -> bool {
    let key = e.key.as_str();
    if e.in_field {
        // Esc leaves a field, so the keys work again.
        if key == "Escape" {
            browser::blur_active();
            return true;
        }
        return false;
    }
    if e.alt {
        return false;
    }
    let mut prevent = false;
    let action = if e.ctrl {
        match key {
            "z" | "Z" if e.shift => Some(Action::Redo),
            "z" => Some(Action::Undo),
            "y" | "Y" => Some(Action::Redo),
            "s" => {
                prevent = true;
                download(state, dispatch);
                None
            }
            _ => None,
        }
    } else {
        prevent = crate::ui::keys::SHORTCUTS.iter().flat_map(|(_, g)| g.iter()).any(|s| {
            s.keys.contains(&key)
                || (key == "Backspace" && s.keys.contains(&"Del"))
                || (key == "Delete" && s.keys.contains(&"Del"))
                || (key == "Escape" && s.keys.contains(&"Esc"))
        }) || (state.linking.is_some() && key.len() == 1 && key.chars().all(|c| c.is_ascii_digit()));
        key_action(key, state, dispatch, cx)
    };
    if let Some(action) = action {
        prevent = true;
        if matches!(action, Action::Create { .. }) {
            selection::clear_selection();
        }
        dispatch.emit(action);
    }
    prevent
}
