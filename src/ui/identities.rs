//! What the identity registry's actions do to the state: planning a rename, a merge or a
//! split across the loaded corpus as a fix-everywhere preview, and keeping the declared
//! entries.
//!
//! Owns: [`Action::PlanRename`], [`Action::PlanMerge`], [`Action::PlanSplit`] and
//! [`Action::SetIdentities`] (each plan is the preview `state.fix`; the user ticks and
//! applies it with [`Action::ApplyFix`], one step of the history that one undo reverts in
//! every document); the declared entries (`state.identities`), changed beside the
//! annotations by an [`Edit::Aside`] of the same step so that undo, redo and the edit log's
//! replay restore them; the registry of the loaded corpus; the canonical name an ACTOR had
//! before its last correction (for fixing everywhere); the entries a gold file carries.
//! It must not: decide what the registry holds or what a plan changes (that is
//! [`super::registry`]), touch yew or the browser.

use super::corpus::FixChange;
use super::registry::{self, NameCheck, Registry};
use super::state::{Message, State};
use crate::formats::gold::{GoldFile, Identity};
use crate::model::{ActorKind, Annotation, Edit};
use std::rc::Rc;

/// The `what` of the aside that changes the declared entries.
pub const ASIDE: &str = "registry";

/// A name in quotes.
fn q(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

fn mentions(anns: &[Annotation], name: &str) -> bool {
    anns.iter().any(|a| a.status.is_live() && a.actor().is_some_and(|x| x.canonical == name))
}

impl State {
    /// The declared entries: the user's, then those the loaded files bring for identities
    /// they mention.
    pub fn declared(&self) -> Vec<Identity> {
        let mut out: Vec<Identity> = self.identities.to_vec();
        let on_screen = self.doc.as_ref().map(|_| (&self.meta, &self.anns));
        let parked = self.corpus.iter().filter_map(|e| e.parked.as_ref()).map(|p| (&p.meta, &p.anns));
        for (meta, anns) in on_screen.into_iter().chain(parked) {
            for i in meta.identities.iter().flatten() {
                if !out.iter().any(|o| o.name == i.name) && mentions(anns, &i.name) {
                    out.push(Identity { name: i.name.clone(), kind: i.kind, aliases: Vec::new() });
                }
            }
        }
        out
    }

    /// The registry of the loaded corpus.
    pub fn registry(&self) -> Registry {
        registry::build(&self.loaded(), &self.declared())
    }

    /// How many documents of the corpus are listed but not loaded.
    pub fn not_loaded(&self) -> usize {
        let here = self.doc.as_ref().map(|d| d.id.as_str());
        self.corpus.iter().filter(|e| e.parked.is_none() && Some(e.id.as_str()) != here).count()
    }

    /// The canonical name ACTOR `id` of document `doc` had before the last step of the
    /// history that changed it, when one did.
    pub fn canonical_before(&self, doc: &str, id: &str) -> Option<String> {
        fn find(edit: &Edit, id: &str) -> Option<String> {
            match edit {
                Edit::Replace { before, after } if after.id == id => {
                    let (b, a) = (before.actor()?, after.actor()?);
                    (b.canonical != a.canonical).then(|| b.canonical.clone())
                }
                Edit::Batch(edits) => edits.iter().rev().find_map(|e| find(e, id)),
                _ => None,
            }
        }
        let done: Vec<_> = self.history.steps().take(self.history.len()).collect();
        done.iter().rev().flat_map(|s| s.iter().rev()).filter(|(d, _)| d == doc).find_map(|(_, e)| find(e, id))
    }

    /// Writes into `file`'s metadata the declared entries of the identities it mentions
    /// (none: the field is absent), as every gold file the page writes carries them.
    pub fn stamp_identities(&self, file: &mut GoldFile) {
        file.meta.identities = self.identities_of(&file.annotations);
    }

    /// The declared entries of the identities `anns` mention (what [`State::stamp_identities`]
    /// writes), for writing a file without making one.
    pub fn identities_of(&self, anns: &[Annotation]) -> Option<Vec<Identity>> {
        registry::entries_for(&self.declared(), anns)
    }

    /// `PlanRename`: every mention of identity `from` in the loaded corpus takes the name `to`.
    /// Into an existing identity it is a merge, planned as one.
    pub(super) fn plan_rename(&mut self, from: &str, to: &str) {
        let reg = self.registry();
        let Some(entry) = reg.get(from).cloned() else {
            return self.fail(&format!("there is no identity {} in the loaded corpus", q(from)));
        };
        let to = registry::clean(to);
        let mut note = String::new();
        match reg.check(&to, from) {
            NameCheck::Empty => {
                return self.fail(&format!("the new name of {} is empty: an identity needs a name", q(from)))
            }
            NameCheck::Taken(other) => {
                let merge = format!(
                    "{} is already an identity ({}): renaming into it merges the two. ",
                    q(&to),
                    other.describe()
                );
                return self.plan_merge_noted(from, &to, None, merge);
            }
            NameCheck::Near(other) => {
                note = format!(
                    "careful: {} differs from the identity {} only by case or accents (merge into it if they are one). ",
                    q(&to),
                    q(&other.name)
                );
            }
            NameCheck::Fresh => {}
        }
        if to == from {
            return self.fail(&format!("{} is already its name", q(from)));
        }
        let plan = registry::plan_rename(&self.loaded(), from, &to, entry.kind);
        let mut declared: Vec<Identity> =
            self.identities.iter().filter(|i| i.name != from && i.name != to).cloned().collect();
        declared.push(Identity { name: to.clone(), kind: entry.kind, aliases: Vec::new() });
        note.push_str(&format!("rename {} to {}", q(from), q(&to)));
        self.offer(plan, declared, note);
    }

    /// `PlanMerge`: every mention of identity `from` takes `into`'s name; `kind` is the kind
    /// kept, which must be chosen when the two differ.
    pub(super) fn plan_merge(&mut self, from: &str, into: &str, kind: Option<ActorKind>) {
        self.plan_merge_noted(from, into, kind, String::new());
    }

    fn plan_merge_noted(&mut self, from: &str, into: &str, kind: Option<ActorKind>, mut note: String) {
        let reg = self.registry();
        if from == into {
            return self.fail(&format!("{} is already that identity", q(from)));
        }
        let (Some(a), Some(b)) = (reg.get(from).cloned(), reg.get(into).cloned()) else {
            let missing = if reg.get(from).is_none() { from } else { into };
            return self.fail(&format!("there is no identity {} in the loaded corpus", q(missing)));
        };
        let kind = match kind {
            Some(k) => k,
            None if a.kind == b.kind => a.kind,
            None => {
                return self.fail(&format!(
                    "{note}{} is a {} and {} a {}: choose the kind to keep (the kind list beside Merge), then merge",
                    q(from),
                    a.kind.as_str(),
                    q(into),
                    b.kind.as_str()
                ))
            }
        };
        if a.kind != b.kind {
            note.push_str(&format!(
                "kinds differ ({} a {}, {} a {}): keeping {}. ",
                q(from),
                a.kind.as_str(),
                q(into),
                b.kind.as_str(),
                kind.as_str()
            ));
        }
        let plan = registry::plan_merge(&self.loaded(), from, into, kind);
        let mut declared: Vec<Identity> =
            self.identities.iter().filter(|i| i.name != from && i.name != into).cloned().collect();
        declared.push(Identity { name: into.to_string(), kind, aliases: Vec::new() });
        note.push_str(&format!("merge {} into {} ({})", q(from), q(into), kind.as_str()));
        self.offer(plan, declared, note);
    }

    /// `PlanSplit`: the mentions `ids` of the document on screen leave their identity for a
    /// new one named `name` (empty: made from the first one's words, unique in the corpus).
    pub(super) fn plan_split(&mut self, ids: &[String], name: &str) {
        let Some(doc) = self.doc.clone() else { return self.fail("open a document first") };
        let chosen: Vec<&Annotation> =
            self.anns.iter().filter(|a| ids.contains(&a.id) && a.actor().is_some()).collect();
        let Some(first) = chosen.first() else { return self.fail("choose the actor mentions to split off first") };
        if chosen.len() != ids.len() {
            return self.fail("only ACTOR mentions of this document can be split off");
        }
        let reg = self.registry();
        let kind = first.actor().map(|x| x.kind).unwrap_or_default();
        let name = match registry::clean(name) {
            n if n.is_empty() => reg.fresh(&first.quote),
            n => match reg.check(&n, "") {
                NameCheck::Taken(e) => {
                    return self.fail(&format!(
                        "{} is already an identity ({}): choose another name, or merge into it",
                        q(&n),
                        e.describe()
                    ))
                }
                _ => n,
            },
        };
        let me = self.loaded().into_iter().find(|l| l.0 == doc.id);
        let Some(me) = me else { return };
        let plan = registry::plan_split(&me, ids, &name, kind);
        let mut declared: Vec<Identity> = self.identities.iter().filter(|i| i.name != name).cloned().collect();
        declared.push(Identity { name: name.clone(), kind, aliases: Vec::new() });
        self.offer(plan, declared, format!("split {} mention(s) off as {}", chosen.len(), q(&name)));
    }

    /// Shows `plan` (with the change of the declared entries to `declared` first) as the
    /// fix-everywhere preview, saying what it does and what it leaves (documents not loaded).
    fn offer(&mut self, mut plan: Vec<FixChange>, declared: Vec<Identity>, what: String) {
        let Some(doc) = self.doc.clone() else { return self.fail("open a document first") };
        if plan.is_empty() {
            return self.fail(&format!("{what}: no loaded mention changes"));
        }
        let docs: std::collections::BTreeSet<&str> = plan.iter().map(|c| c.doc.as_str()).collect();
        let mut note = format!("{what}: {} mention(s) change in {} document(s)", plan.len(), docs.len());
        let left = self.not_loaded();
        if left > 0 {
            note.push_str(&format!(
                "; {left} document(s) of the corpus are listed but not loaded: they are not changed until loaded (load them, then plan again)"
            ));
        }
        let before = serde_json::to_string(&*self.identities).ok();
        let after = serde_json::to_string(&declared).ok();
        if before != after {
            let last = declared.last().map(|i| format!("{} ({})", q(&i.name), i.kind.as_str())).unwrap_or_default();
            let title = super::corpus::title_of(doc.text(), &doc.id);
            let row = FixChange {
                doc: doc.id.clone(),
                title,
                before: String::new(),
                quote: last.clone(),
                after: String::new(),
                what: format!("registry: {last} recorded with its kind"),
                edit: Edit::Aside { what: ASIDE.into(), before, after },
            };
            plan.insert(0, row);
        }
        self.fix = Some(Rc::new(plan));
        self.message = Some(Message::Info(note));
    }

    /// Applies the declared entries an aside sets (`None`: none).
    pub(super) fn set_declared(&mut self, after: Option<&str>) {
        let list: Vec<Identity> = after.and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default();
        self.identities = Rc::new(list);
        self.revision += 1;
    }

    /// `SetIdentities`: the declared entries saved at the last visit (not a change of the
    /// work: no history).
    pub(super) fn restore_identities(&mut self, list: Vec<Identity>) {
        self.identities = Rc::new(list);
    }
}

#[cfg(test)]
mod tests;
