//! The editor's state and the one pure reducer that changes it.
//!
//! Owns: what is open (document, annotations, file metadata), what is selected, the message
//! shown to the user, and the meaning of every user gesture as a [`model::Edit`] with its
//! inverse (create, relabel, delete, accept, reject, attribute edits, DCT change, undo,
//! redo). It must not: touch yew, web-sys or JS, see UTF-16 offsets, read a clock or do any
//! I/O. Extraction results come in as data in the actions, so tests can feed any predictions.
//!
//! [`model::Edit`]: crate::model::Edit

use super::corpus::{self, Entry, FixChange, Listed, Parked, Version};
use super::history::{History, Op, Step};
use super::review::{self, Edge};
use crate::formats::gold::{GoldFile, Meta};
use crate::model::text::snap_to_words;
use crate::model::{check_mod, check_value};
use crate::model::{
    next_id, sort_annotations, ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, DateAttrs, Document, Edit,
    Label, Mention, Provenance, Span, Stance, Status, TimexType,
};
use std::rc::Rc;

pub use super::origin::{Origin, MANUAL_BY};

/// A message for the banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Something failed; the work is untouched.
    Error(String),
    /// Something happened that the user should know.
    Info(String),
}

/// One user gesture or event. Extraction happens outside the reducer (in the extractor's
/// Web Worker, `browser::extractor`) and comes in as data in actions, so the reducer stays pure.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A new document with its fresh predictions: a new history.
    Open {
        doc: Document,
        predictions: Vec<Annotation>,
        origin: Origin,
    },
    /// A document's saved work (or a new document from a file), restored exactly. When the
    /// work on that document is loaded already, it comes on screen instead (it is never
    /// older than the saved one).
    OpenGold {
        file: GoldFile,
        origin: Origin,
    },
    /// A new DCT with the predictions extracted under it: predicted DATEs take the new
    /// values, reviewed ones stay as they are, new DATEs are added. A fresh extraction, so a
    /// new history.
    SetDct {
        dct: Option<jiff::civil::Date>,
        predictions: Vec<Annotation>,
    },
    /// The user selected text (code points, before snapping); `None` clears it.
    SelectText(Option<Span>),
    /// The user selected an annotation; `None` clears it.
    Select(Option<String>),
    /// Creates a `manual` annotation of `label` on the selected text. `date` is the value
    /// guessed for a DATE (by the extractor, `browser::extractor::guess_date`).
    Create {
        label: Label,
        date: Option<DateAttrs>,
    },
    /// Gives the annotation another label (new attributes; `date` as for `Create`).
    Relabel {
        id: String,
        label: Label,
        date: Option<DateAttrs>,
    },
    /// Deletes the annotation (references to it are dropped).
    Delete(String),
    /// Marks a prediction `accepted`.
    Accept(String),
    /// Marks a prediction `rejected`.
    Reject(String),
    /// Sets a DATE's TIMEX3 value.
    SetDateValue {
        id: String,
        value: String,
    },
    /// Sets a DATE's TIMEX3 type.
    SetDateType {
        id: String,
        timex_type: TimexType,
    },
    /// Sets an ACTOR's canonical name.
    SetCanonical {
        id: String,
        canonical: String,
    },
    /// Sets an ACTOR's kind.
    SetActorKind {
        id: String,
        kind: ActorKind,
    },
    /// Sets a CLAIM's source (an ACTOR id, or none).
    SetSource {
        id: String,
        source: Option<String>,
    },
    /// Every live mention of the identity `from` takes the canonical name (and kind) of
    /// `into`: one step.
    MergeIdentity {
        from: String,
        into: String,
    },
    /// The ACTOR mentions `ids` get the canonical name `canonical` (empty: a new name made
    /// from the first one's words): one step.
    SplitIdentity {
        ids: Vec<String>,
        canonical: String,
    },
    /// Moves one edge of an annotation's span outward (`grow`) or inward by a word.
    Resize {
        id: String,
        edge: Edge,
        grow: bool,
    },
    /// Selects the next (or previous) word as text waiting for a label: after the words
    /// waiting, else after the selected annotation, else from the start (or the end).
    StepWord {
        forward: bool,
    },
    /// Moves one edge of the words waiting for a label by a word.
    ResizePending {
        edge: Edge,
        grow: bool,
    },
    /// Gives the CLAIM the next (or previous) of its possible sources.
    CycleSource {
        id: String,
        forward: bool,
    },
    /// Link mode for the selected CLAIM: the next ACTOR chosen (clicked, or picked by its
    /// number) becomes its source.
    StartLink,
    /// Leaves link mode.
    CancelLink,
    /// In link mode: `actor` becomes the source of the claim being linked.
    LinkSource(String),
    /// Marks the document as gold; refused while predictions are left unreviewed.
    MarkGold,
    /// Adds documents to the corpus list without loading them (with the state saved at the
    /// last visit), unless the list has them already.
    AddStubs(Vec<Listed>),
    /// Loads a document into the corpus without putting it on screen (its saved work, or its
    /// fresh predictions as a file). Ignored for a document loaded already (on screen or
    /// parked): the work in memory is never older than the saved one.
    Park {
        file: GoldFile,
        origin: Origin,
    },
    /// A document read from a file the user opened. A document new to the corpus opens on
    /// screen; one already there (same id or same text) never replaces the work on it: see
    /// [`crate::ui::versions`]. The page parks the saved work on such a document first (the
    /// reducer reads no storage).
    Import {
        file: GoldFile,
        origin: Origin,
    },
    /// Version `n` of document `id` becomes its work (the work it replaces comes back with
    /// undo), and the document comes on screen.
    UseVersion {
        id: String,
        n: usize,
    },
    /// The versions of document `id` saved at the last visit.
    SetVersions {
        id: String,
        versions: Vec<Version>,
    },
    /// The undo history saved with the work at the last visit.
    RestoreHistory(History),
    /// The edit log written since the last full save, replayed on the saved work after a
    /// reload or a crash; `upto` is the key of its last record.
    Replay {
        ops: Vec<Op>,
        upto: u64,
    },
    /// The saved work on document `id` could not be read (`Some(why)`): it is kept apart and
    /// offered as a download; `None` once the user discarded it.
    Unreadable {
        id: String,
        reason: Option<String>,
    },
    /// Extracts the document on screen afresh: the predictions replace its annotations in
    /// one undoable step.
    Reextract {
        predictions: Vec<Annotation>,
    },
    /// The extractor's predictions for document `id` (text SHA-256 `sha`) arrived, for its
    /// first screen or (`whole`) for the whole text: merged into its work (see
    /// [`crate::ui::predictions`]).
    Predicted {
        id: String,
        sha: String,
        predictions: Vec<Annotation>,
        whole: bool,
    },
    /// The text with this SHA-256 was opened before its predictions: they are on their way
    /// (`None`: they will not come).
    Awaiting(Option<String>),
    /// `action`, made for the text with SHA-256 `sha` (and, when given, the words waiting for
    /// a label at `pending`) once the extractor answered: dropped when the page has moved on
    /// to another document or other words meanwhile.
    Guarded {
        sha: String,
        pending: Option<Span>,
        action: Box<Action>,
    },
    /// Another tab holds the corpus (`Some(why)`): this one refuses every change until the
    /// user takes over (see [`State::apply_guarded`]); `None`: this tab holds it.
    ReadOnly(Option<String>),
    /// Puts the loaded corpus document `i` on screen.
    Switch(usize),
    /// Plans fixing the reviewed annotation `id`'s correction everywhere in the loaded corpus,
    /// for a preview.
    PlanFix(String),
    /// Applies the planned changes with these indexes, in one step.
    ApplyFix(Vec<usize>),
    /// Drops the plan.
    CancelFix,
    /// Plans one change for every result of a search (see [`crate::ui::search::plan`]), for
    /// the fix-everywhere preview.
    SearchApply {
        query: Box<crate::ui::search::Query>,
        change: crate::ui::search::plan::Bulk,
    },
    /// Sets a CLAIM's stance.
    SetStance {
        id: String,
        stance: Option<Stance>,
    },
    /// Sets an ACTOR's mention (a name or a nominal).
    SetMention {
        id: String,
        mention: Mention,
    },
    /// Sets an ACTOR's role (empty: none).
    SetRole {
        id: String,
        role: String,
    },
    /// Sets a DATE's TIMEX3 `mod` (empty: none); refused unless TIMEX3 lists it.
    SetDateMod {
        id: String,
        modifier: String,
    },
    /// Sets a DATE's anchor: `dct`, another DATE of the document, or none.
    SetAnchor {
        id: String,
        anchor: Option<String>,
    },
    /// Sets a CLAIM's cue to the words of `span` (`None`: no cue).
    SetCue {
        id: String,
        span: Option<Span>,
    },
    /// Sets a CLAIM's source words to the words of `span` (`None`: none).
    SetSourceWords {
        id: String,
        span: Option<Span>,
    },
    /// Sets a CLAIM's target (empty: none).
    SetTarget {
        id: String,
        target: String,
    },
    /// Gives the annotation the next (or previous) value of its most edited attribute: an
    /// ACTOR's kind, a DATE's TIMEX3 type, a CLAIM's stance.
    CycleType {
        id: String,
        forward: bool,
    },
    /// The words waiting for a label become the cue (`source_words: false`) or the source
    /// words of the claim they were chosen for (see [`State::words_for`]).
    WordsToClaim {
        source_words: bool,
    },
    Undo,
    Redo,
    /// Sets the annotator's name, written into files and into manual annotations' provenance
    /// (empty: none).
    SetAnnotator(String),
    /// Records the time of the latest save (RFC 3339): `modified`, and `created` when unset.
    /// Not an edit: no revision, no history.
    Stamp(String),
    /// Shows an error from outside the reducer (a file that did not open...).
    Fail(String),
    /// Shows a notice.
    Notify(String),
    /// Hides the banner.
    Dismiss,
    /// Sets an annotation's note (a comment for whoever reviews it; empty: none), one undoable
    /// edit that leaves its review status alone (see [`crate::ui::review`]).
    SetNote {
        id: String,
        note: String,
    },
    /// Flags an annotation "unsure", or clears the flag: one undoable edit.
    ToggleUnsure(String),
    /// Deletes version `n` of document `id`: one undoable step (see [`crate::ui::versions`]).
    DeleteVersion {
        id: String,
        n: usize,
    },
    /// Shows version `n` of document `id` on screen, read-only, until [`Action::LeaveVersion`].
    ViewVersion {
        id: String,
        n: usize,
    },
    /// Back to the work from a version viewed read-only.
    LeaveVersion,
    /// `D`: starts adjudicating the document on screen (its versions' agreed annotations
    /// become the work, one undoable step), or shows / hides the adjudication view. See
    /// [`crate::ui::curation`].
    Adjudicate,
    /// In the adjudication view: the next (or previous) unsettled disagreement.
    AdjudicateNext {
        forward: bool,
    },
    /// In the adjudication view: takes version `k` (1-based) of the disagreement shown; `0`
    /// rejects all its candidates. One undoable step.
    AdjudicateTake(usize),
    /// In the adjudication view: shows disagreement `i` (0-based).
    AdjudicateAt(usize),
    /// One chunk of a long load (see [`crate::ui::loading`]): the documents join the corpus,
    /// then the progress shown becomes `progress` (`None`: the load is over).
    LoadChunk {
        files: Vec<GoldFile>,
        origin: Origin,
        join: super::loading::Join,
        progress: Option<super::loading::Progress>,
    },
    /// Plans renaming identity `from` to `to` in every loaded document, for the preview
    /// (`fix`); into an existing identity it plans a merge. See [`crate::ui::identities`].
    PlanRename {
        from: String,
        to: String,
    },
    /// Plans merging identity `from` into `into` across the loaded corpus, keeping `kind`
    /// (needed when their kinds differ), for the preview.
    PlanMerge {
        from: String,
        into: String,
        kind: Option<ActorKind>,
    },
    /// Plans splitting the ACTOR mentions `ids` of the document on screen off their identity,
    /// as `name` (empty: a new name from the first one's words), for the preview.
    PlanSplit {
        ids: Vec<String>,
        name: String,
    },
    /// The identity registry's declared entries saved at the last visit.
    SetIdentities(Vec<crate::formats::gold::Identity>),
    /// A project lexicon read from a file joins the imported ones (one undoable step; see
    /// [`crate::ui::lexicon`]).
    ImportLexicon(crate::learn::ProjectLexicon),
    /// Leaves an entry out of the project lexicon (`forget`), or takes it back (one undoable
    /// step).
    ForgetLexicon {
        entry: crate::learn::Entry,
        forget: bool,
    },
    /// The lexicon's settings saved at the last visit (no history).
    SetLexicon(super::lexicon::Settings),
}

impl Action {
    /// True for what a person does to the open document (moving, selecting, editing, undo),
    /// not for what the page does by itself (saving, loading, restoring, messages).
    pub fn is_gesture(&self) -> bool {
        use Action as A;
        matches!(
            self,
            A::SelectText(_)
                | A::Select(_)
                | A::Create { .. }
                | A::Relabel { .. }
                | A::Delete(_)
                | A::Accept(_)
                | A::Reject(_)
                | A::SetDateValue { .. }
                | A::SetDateType { .. }
                | A::SetCanonical { .. }
                | A::SetActorKind { .. }
                | A::SetSource { .. }
                | A::MergeIdentity { .. }
                | A::SplitIdentity { .. }
                | A::Resize { .. }
                | A::StepWord { .. }
                | A::ResizePending { .. }
                | A::CycleSource { .. }
                | A::StartLink
                | A::CancelLink
                | A::LinkSource(_)
                | A::MarkGold
                | A::Switch(_)
                | A::PlanFix(_)
                | A::ApplyFix(_)
                | A::CancelFix
                | A::SearchApply { .. }
                | A::SetStance { .. }
                | A::SetMention { .. }
                | A::SetRole { .. }
                | A::SetDateMod { .. }
                | A::SetAnchor { .. }
                | A::SetCue { .. }
                | A::SetSourceWords { .. }
                | A::SetTarget { .. }
                | A::CycleType { .. }
                | A::WordsToClaim { .. }
                | A::Undo
                | A::Redo
                | A::SetNote { .. }
                | A::ToggleUnsure(_)
                | A::DeleteVersion { .. }
                | A::ViewVersion { .. }
                | A::LeaveVersion
                | A::PlanRename { .. }
                | A::PlanMerge { .. }
                | A::PlanSplit { .. }
        )
    }
}

/// Everything the page shows. Cheap to clone: the big parts are shared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub doc: Option<Rc<Document>>,
    pub anns: Rc<Vec<Annotation>>,
    pub meta: Meta,
    pub history: Rc<History>,
    pub origin: Option<Origin>,
    /// The selected annotation's id.
    pub selected: Option<String>,
    /// Text selected (snapped to words) and waiting for a label.
    pub pending: Option<Span>,
    pub message: Option<Message>,
    /// Bumped whenever the document or its annotations change: autosave watches it.
    pub revision: u64,
    /// The CLAIM whose source the next chosen ACTOR becomes (link mode).
    pub linking: Option<String>,
    /// The CLAIM that was selected when the words waiting for a label were chosen: they can
    /// become its cue or its source words ([`Action::WordsToClaim`]).
    pub words_for: Option<String>,
    /// The user marked the document as gold (cleared when a prediction is unreviewed again).
    pub marked: bool,
    /// The corpus: every document opened or listed, the one on screen included.
    pub corpus: Rc<Vec<Entry>>,
    /// A fix-everywhere plan waiting for the user's review.
    pub fix: Option<Rc<Vec<FixChange>>>,
    /// True once the open document was changed (an edit, the annotator's name) since it was
    /// opened: only then does a save record a new `modified` time, so that opening a file and
    /// downloading it again gives the same bytes.
    pub touched: bool,
    /// The changes of the history made by the last action, in order: the page writes them to
    /// its edit log before painting (see [`Action::Replay`]).
    pub journal: Vec<Op>,
    /// The key of the last edit-log record this state includes (set by the page).
    pub logged: u64,
    /// Why this tab may not change the corpus (another tab holds it), when it may not.
    pub read_only: Option<String>,
    /// The version shown read-only instead of the work (document id, version number).
    pub viewing: Option<(String, usize)>,
    /// The person at the keyboard (the **Annotator** field, kept by the browser): whom new
    /// annotations and edits name, and who adjudicates. A work's own author is `meta.annotator`,
    /// which can be someone else (a colleague's file opened as the work).
    pub user: Option<String>,
    /// The adjudication view is shown (the document on screen is being adjudicated).
    pub adjudicate_view: bool,
    /// The disagreement the adjudication view shows.
    pub adjudicate_at: Option<usize>,
    /// A long load running: how far it got.
    pub loading: Option<super::loading::Progress>,
    /// The identity registry's declared entries (see [`crate::ui::identities`]).
    pub identities: Rc<Vec<crate::formats::gold::Identity>>,
    /// The SHA-256 of the text whose whole predictions are on their way from the extractor.
    pub extracting: Option<String>,
    /// The project lexicon's imported files and forgotten entries (see [`crate::ui::lexicon`]).
    pub lexicon_settings: Rc<super::lexicon::Settings>,
}

impl State {
    /// Applies one action. Never panics; a gesture that cannot be done leaves the
    /// annotations as they were and sets an error message.
    pub fn apply(&mut self, action: Action) {
        // A notice lasts until the next gesture (or its few seconds); errors stay until dismissed.
        if matches!(self.message, Some(Message::Info(_))) && action.is_gesture() {
            self.message = None;
        }
        if self.viewing.is_some() && self.refused_while_viewing(&action) {
            return;
        }
        match action {
            Action::Open { doc, predictions, origin } => self.open_doc(doc, predictions, origin),
            Action::OpenGold { file, origin } => self.open_gold(file, origin),
            Action::SetDct { dct, predictions } => self.set_dct(dct, predictions),
            Action::SelectText(span) => self.select_text(span),
            Action::Select(id) => self.select(id),
            Action::Create { label, date } => self.create(label, date),
            Action::Relabel { id, label, date } => self.relabel(&id, label, date),
            Action::Delete(id) => self.delete(&id),
            Action::Accept(id) => self.review(&id, true),
            Action::Reject(id) => self.review(&id, false),
            Action::SetDateValue { id, value } => self.set_date_value(&id, &value),
            Action::SetDateType { id, timex_type } => self.set_date_type(&id, timex_type),
            Action::SetCanonical { id, canonical } => self.set_canonical(&id, &canonical),
            Action::SetActorKind { id, kind } => self.set_actor_kind(&id, kind),
            Action::SetSource { id, source } => {
                if let Some(src) = &source {
                    if self.get(src).map(Annotation::label) != Some(Label::Actor) {
                        return self.fail(&format!("{src} is not an ACTOR of this document"));
                    }
                }
                self.change_attrs(&id, |attrs| {
                    if let Attrs::Claim(c) = attrs {
                        c.source = source.clone();
                    }
                });
            }
            Action::MergeIdentity { from, into } => match review::merge(&self.anns, &from, &into) {
                Ok(edits) => {
                    let n = edits.len();
                    if !self.commit(Edit::Batch(edits)) {
                        return;
                    }
                    self.message = Some(Message::Info(format!(
                        "{n} mention(s) of \u{201c}{from}\u{201d} merged into \u{201c}{into}\u{201d}"
                    )));
                }
                Err(e) => self.fail(&e),
            },
            Action::SplitIdentity { ids, canonical } => match review::split(&self.anns, &ids, &canonical) {
                Ok(edits) => {
                    let name = match edits.first() {
                        Some(Edit::Replace { after, .. }) => after.actor().map(|a| a.canonical.clone()),
                        _ => None,
                    };
                    let n = edits.len();
                    if !self.commit(Edit::Batch(edits)) {
                        return;
                    }
                    if let Some(name) = name {
                        self.message =
                            Some(Message::Info(format!("{n} mention(s) split off as \u{201c}{name}\u{201d}")));
                    }
                }
                Err(e) => self.fail(&e),
            },
            Action::Resize { id, edge, grow } => self.resize(&id, edge, grow),
            Action::StepWord { forward } => self.step_word(forward),
            Action::ResizePending { edge, grow } => self.resize_pending(edge, grow),
            Action::CycleSource { id, forward } => self.cycle_source(id, forward),
            Action::StartLink => match self.selected.clone() {
                Some(id) if self.get(&id).map(Annotation::label) == Some(Label::Claim) => {
                    self.linking = Some(id);
                    self.message = Some(Message::Info(
                        "link mode: click the source ACTOR, or press its number; Esc cancels".into(),
                    ));
                }
                _ => self.fail("select a CLAIM first, then link it to its source"),
            },
            Action::CancelLink => self.linking = None,
            Action::LinkSource(actor) => match self.linking.clone() {
                Some(claim) => self.link_source(&claim, actor),
                None => self.fail("select a CLAIM and press l first"),
            },
            Action::MarkGold => self.mark_gold(),
            Action::SetStance { id, stance } => self.set_stance(&id, stance),
            Action::SetMention { id, mention } => self.set_mention(&id, mention),
            Action::SetRole { id, role } => self.set_role(&id, role),
            Action::SetTarget { id, target } => self.set_target(&id, target),
            Action::SetDateMod { id, modifier } => self.set_date_mod(&id, &modifier),
            Action::SetAnchor { id, anchor } => self.set_anchor(&id, anchor),
            Action::SetCue { id, span } => {
                self.set_claim_words(&id, span, false);
            }
            Action::SetSourceWords { id, span } => {
                self.set_claim_words(&id, span, true);
            }
            Action::CycleType { id, forward } => self.cycle_type(&id, forward),
            Action::WordsToClaim { source_words } => self.words_to_claim(source_words),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::AddStubs(stubs) => self.add_stubs(stubs),
            Action::Park { file, origin } => self.park_file(file, origin),
            Action::Import { file, origin } => self.import(file, origin),
            Action::UseVersion { id, n } => self.use_version(&id, n),
            Action::SetVersions { id, versions } => self.set_versions(&id, versions),
            Action::RestoreHistory(h) => self.history = Rc::new(h),
            Action::Replay { ops, upto } => self.replay(ops, upto),
            Action::Unreadable { id, reason } => self.set_unreadable(&id, reason),
            Action::Reextract { predictions } => self.reextract(predictions),
            Action::Predicted { id, sha, predictions, whole } => self.predicted(&id, &sha, predictions, whole),
            Action::Awaiting(sha) => self.awaiting(sha),
            Action::Guarded { sha, pending, action } => self.guarded(&sha, pending, *action),
            Action::ReadOnly(why) => self.read_only = why,
            Action::Switch(i) => self.switch(i),
            Action::PlanFix(id) => self.plan_fix(&id),
            Action::ApplyFix(ticked) => self.apply_fix(&ticked),
            Action::CancelFix => self.fix = None,
            Action::SearchApply { query, change } => self.plan_search_fix(&query, &change),
            Action::SetAnnotator(name) => self.set_annotator(name),
            Action::Stamp(now) => self.stamp(now),
            Action::Fail(m) => self.fail(&m),
            Action::Notify(m) => self.message = Some(Message::Info(m)),
            Action::Dismiss => self.message = None,
            Action::SetNote { id, note } => self.set_note(&id, &note),
            Action::ToggleUnsure(id) => self.toggle_unsure(&id),
            Action::DeleteVersion { id, n } => self.delete_version(&id, n),
            Action::ViewVersion { id, n } => self.view_version(&id, n),
            Action::LeaveVersion => self.leave_version(),
            Action::LoadChunk { files, origin, join, progress } => self.load_chunk(files, origin, join, progress),
            Action::Adjudicate => self.adjudicate(),
            Action::AdjudicateNext { forward } => self.adjudicate_next(forward),
            Action::AdjudicateTake(k) => self.adjudicate_take(k),
            Action::AdjudicateAt(i) => self.adjudicate_show(i),
            Action::PlanRename { from, to } => self.plan_rename(&from, &to),
            Action::PlanMerge { from, into, kind } => self.plan_merge(&from, &into, kind),
            Action::PlanSplit { ids, name } => self.plan_split(&ids, &name),
            Action::SetIdentities(list) => self.restore_identities(list),
            Action::ImportLexicon(lex) => self.import_lexicon(lex),
            Action::ForgetLexicon { entry, forget } => self.forget_lexicon(entry, forget),
            Action::SetLexicon(settings) => self.restore_lexicon(settings),
        }
    }

    // The reducers of the arms of `apply` longer than a line, by family: opening, selecting,
    // claim attributes, history, the corpus list, the work's metadata.

    /// Opens a document with its fresh predictions: a new history ([`Action::Open`]).
    fn open_doc(&mut self, mut doc: Document, predictions: Vec<Annotation>, origin: Origin) {
        let mut anns = predictions;
        sort_annotations(&mut anns);
        let annotator = self.user.clone().or_else(|| self.meta.annotator.clone());
        let renamed = match self.open_over(&mut doc) {
            Ok(renamed) => renamed,
            Err(()) => return,
        };
        let id = doc.id.clone();
        Rc::make_mut(&mut self.history).forget(&id);
        self.journal.push(Op::Forget(id));
        self.park();
        self.reset(doc, anns, Meta { guidelines: crate::GUIDELINES_VERSION.to_string(), annotator, ..Meta::default() });
        self.origin = Some(origin);
        self.enlist();
        if let Some(m) = renamed {
            self.message = Some(Message::Info(m));
        }
    }

    /// Opens a gold file as the work ([`Action::OpenGold`]).
    fn open_gold(&mut self, file: GoldFile, origin: Origin) {
        // Work in memory is never older than the saved one: show it, replace nothing.
        if self.work_of(&file.doc.id).is_some_and(|(d, _, _)| d.sha256() == file.doc.sha256()) {
            if let Some(i) = self.corpus.iter().position(|e| e.id == file.doc.id) {
                self.switch(i);
            }
            return;
        }
        let gold = file.is_gold();
        let mut meta = file.meta;
        if meta.annotator.is_none() {
            meta.annotator = self.user.clone().or_else(|| self.meta.annotator.clone());
        }
        self.park();
        self.reset(file.doc, file.annotations, meta);
        self.marked = gold;
        self.origin = Some(origin);
        self.enlist();
    }

    /// Takes the words selected in the text as words waiting for a label ([`Action::SelectText`]).
    fn select_text(&mut self, span: Option<Span>) {
        self.pending = match (span, &self.doc) {
            (Some(span), Some(doc)) => snap_to_words(doc.text(), doc.index(), span),
            _ => None,
        };
        if self.pending.is_some() {
            self.choose_words_for();
            self.selected = None;
        }
    }

    /// Selects an annotation, or picks the source in link mode ([`Action::Select`]).
    fn select(&mut self, id: Option<String>) {
        if let Some(claim) = self.linking.clone() {
            match id.as_deref().and_then(|i| self.get(i)) {
                Some(a) if a.label() == Label::Actor => {
                    let actor = a.id.clone();
                    return self.link_source(&claim, actor);
                }
                _ => self.linking = None,
            }
        }
        self.selected = id.filter(|id| self.get(id).is_some());
        self.words_for = None;
        if self.selected.is_some() {
            self.pending = None;
        }
    }

    /// [`Action::StepWord`].
    fn step_word(&mut self, forward: bool) {
        let Some(doc) = self.doc.clone() else { return };
        let sel = self.selected.as_deref().and_then(|id| self.get(id)).map(|a| a.span);
        let at = match (self.pending.or(sel), forward) {
            (Some(s), true) => s.end(),
            (Some(s), false) => s.start(),
            (None, true) => 0,
            (None, false) => doc.len(),
        };
        match review::next_word(&doc, at, forward) {
            Some(word) => {
                self.pending = Some(word);
                self.choose_words_for();
                self.selected = None;
                self.linking = None;
            }
            None => self.message = Some(Message::Info("no more words that way".into())),
        };
    }

    /// [`Action::ResizePending`].
    fn resize_pending(&mut self, edge: Edge, grow: bool) {
        let (Some(doc), Some(p)) = (self.doc.clone(), self.pending) else { return };
        match review::resize(&doc, p, edge, grow) {
            Some(span) => self.pending = Some(span),
            None => self.message = Some(Message::Info("the selected words cannot change that way".into())),
        }
    }

    /// [`Action::CycleSource`].
    fn cycle_source(&mut self, id: String, forward: bool) {
        let Some(doc) = self.doc.clone() else { return };
        if self.get(&id).map(Annotation::label) != Some(Label::Claim) {
            return self.fail("select a CLAIM to change its source");
        }
        match review::cycle_source(&doc, &self.anns, &id, forward) {
            Some(src) => self.apply(Action::SetSource { id, source: Some(src) }),
            None => self.fail("no ACTOR in this sentence or before it can be the source"),
        }
    }

    /// [`Action::MarkGold`].
    fn mark_gold(&mut self) {
        let left = review::unreviewed(&self.anns);
        if self.doc.is_none() {
            return self.fail("open a document first");
        }
        if left > 0 {
            return self.fail(&format!("{left} prediction(s) are still unreviewed: accept or reject them first"));
        }
        if !self.marked {
            self.marked = true;
            self.revision += 1;
            self.message = Some(Message::Info(self.gold_message()));
        }
    }

    /// [`Action::SetStance`].
    fn set_stance(&mut self, id: &str, stance: Option<Stance>) {
        self.change_attrs(id, |attrs| {
            if let Attrs::Claim(c) = attrs {
                c.stance = stance;
            }
        });
    }

    /// [`Action::SetMention`].
    fn set_mention(&mut self, id: &str, mention: Mention) {
        self.change_attrs(id, |attrs| {
            if let Attrs::Actor(a) = attrs {
                a.mention = mention;
            }
        });
    }

    /// [`Action::SetRole`].
    fn set_role(&mut self, id: &str, role: String) {
        let role = Some(role.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|r| !r.is_empty());
        self.change_attrs(id, |attrs| {
            if let Attrs::Actor(a) = attrs {
                a.role = role.clone();
            }
        });
    }

    /// [`Action::SetTarget`].
    fn set_target(&mut self, id: &str, target: String) {
        let target = Some(target.trim().to_string()).filter(|t| !t.is_empty());
        self.change_attrs(id, |attrs| {
            if let Attrs::Claim(c) = attrs {
                c.target = target.clone();
            }
        });
    }

    /// [`Action::WordsToClaim`].
    fn words_to_claim(&mut self, source_words: bool) {
        let what = if source_words { "source words" } else { "cue" };
        let (Some(claim), Some(span)) = (self.words_for.clone(), self.pending) else {
            return self.fail(&format!(
                "select a CLAIM, then select its {what} in the text (mouse, or v / V), then press {}",
                if source_words { "w" } else { "c" }
            ));
        };
        if self.set_claim_words(&claim, Some(span), source_words) {
            self.pending = None;
            self.words_for = None;
            self.selected = Some(claim);
        };
    }

    /// [`Action::Undo`]: the last step of the history, undone.
    fn undo(&mut self) {
        match Rc::make_mut(&mut self.history).take_undo() {
            None => self.message = Some(Message::Info("nothing to undo".into())),
            Some(step) => match self.run_step(&step, true) {
                Ok(n) => {
                    Rc::make_mut(&mut self.history).undone(step);
                    self.journal.push(Op::Undo);
                    self.note_elsewhere(n, "undone");
                }
                Err(e) => {
                    Rc::make_mut(&mut self.history).clear();
                    self.fail(e.context("cannot undo").message());
                }
            },
        }
    }

    /// [`Action::Redo`]: the last step undone, done again.
    fn redo(&mut self) {
        match Rc::make_mut(&mut self.history).take_redo() {
            None => self.message = Some(Message::Info("nothing to redo".into())),
            Some(step) => match self.run_step(&step, false) {
                Ok(n) => {
                    Rc::make_mut(&mut self.history).redone(step);
                    self.journal.push(Op::Redo);
                    self.note_elsewhere(n, "redone");
                }
                Err(e) => {
                    Rc::make_mut(&mut self.history).clear();
                    self.fail(e.context("cannot redo").message());
                }
            },
        }
    }

    /// Lists documents not loaded yet ([`Action::AddStubs`]).
    fn add_stubs(&mut self, stubs: Vec<Listed>) {
        let corpus = Rc::make_mut(&mut self.corpus);
        for l in stubs {
            match corpus.iter_mut().find(|e| e.id == l.id) {
                // A seed listed again: what the last visit knew of it.
                Some(e) if e.parked.is_none() && e.counts.is_none() => {
                    e.counts = l.counts;
                    e.marked = l.marked;
                    e.sha = e.sha.take().or(l.sha);
                }
                Some(_) => {}
                None => {
                    let mut e = Entry::stub(l.id, l.title, l.origin);
                    (e.counts, e.marked, e.sha) = (l.counts, l.marked, l.sha);
                    corpus.push(e);
                }
            }
        }
    }

    /// Loads a document behind the one on screen ([`Action::Park`]).
    fn park_file(&mut self, file: GoldFile, origin: Origin) {
        if self.work_of(&file.doc.id).is_some() {
            return;
        }
        let id = file.doc.id.clone();
        let marked = file.is_gold();
        let title = corpus::title_of(file.doc.text(), &id);
        let counts = Some((review::unreviewed(&file.annotations), file.annotations.len()));
        let parked = Parked {
            doc: Rc::new(file.doc),
            anns: Rc::new(file.annotations),
            meta: file.meta,
            selected: None,
            marked,
            touched: false,
        };
        let sha = Some(parked.doc.sha256().to_string());
        let corpus = Rc::make_mut(&mut self.corpus);
        // A listed document keeps where it came from (a seed stays a seed).
        let origin = corpus.iter().find(|e| e.id == id).map_or(origin, |e| e.origin.clone());
        let mut entry = Entry::stub(id.clone(), title, origin);
        (entry.parked, entry.counts, entry.marked, entry.sha) = (Some(parked), counts, marked, sha);
        match corpus.iter_mut().find(|e| e.id == id) {
            Some(e) => {
                *e = Entry { rev: e.rev, versions: e.versions.clone(), unreadable: e.unreadable.take(), ..entry }
            }
            None => corpus.push(entry),
        }
    }

    /// [`Action::SetAnnotator`].
    fn set_annotator(&mut self, name: String) {
        let name = name.trim();
        let name = (!name.is_empty()).then(|| name.to_string());
        // The work on screen takes the name when it is the user's own (or nobody's):
        // a colleague's work keeps its author.
        let own = self.meta.annotator.is_none() || self.meta.annotator == self.user;
        self.user = name.clone();
        if own && name != self.meta.annotator {
            self.meta.annotator = name;
            self.revision += 1;
            self.touched = true;
        }
    }

    /// [`Action::Stamp`].
    fn stamp(&mut self, now: String) {
        self.meta.created.get_or_insert_with(|| now.clone());
        self.meta.modified = Some(now);
    }

    /// Gives ACTOR `id` the canonical name `canonical` (trimmed; an empty one is refused).
    fn set_canonical(&mut self, id: &str, canonical: &str) {
        let canonical = canonical.trim().to_string();
        if canonical.is_empty() {
            return self.fail("an ACTOR needs a canonical name");
        }
        self.change_attrs(id, |attrs| {
            if let Attrs::Actor(a) = attrs {
                a.canonical = canonical.clone();
            }
        });
    }

    /// Gives ACTOR `id` the kind `kind`.
    fn set_actor_kind(&mut self, id: &str, kind: ActorKind) {
        self.change_attrs(id, |attrs| {
            if let Attrs::Actor(a) = attrs {
                a.kind = kind;
            }
        });
    }

    /// The annotation with id `id`.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.anns.iter().find(|a| a.id == id)
    }

    /// The open document with its annotations, as a gold file.
    pub fn gold(&self) -> Option<GoldFile> {
        let doc = self.doc.as_deref()?.clone();
        let mut file = GoldFile::new(doc, (*self.anns).clone());
        file.meta = self.meta.clone();
        self.stamp_identities(&mut file);
        Some(file)
    }

    /// Live annotations (not rejected) of each label, in [`Label::ALL`] order.
    pub fn counts(&self) -> [usize; 3] {
        let mut n = [0; 3];
        for a in self.anns.iter().filter(|a| a.status.is_live()) {
            n[Label::ALL.iter().position(|l| *l == a.label()).unwrap_or(0)] += 1;
        }
        n
    }

    pub(super) fn reset(&mut self, doc: Document, anns: Vec<Annotation>, meta: Meta) {
        self.doc = Some(Rc::new(doc));
        self.anns = Rc::new(anns);
        self.meta = meta;
        self.fix = None;
        self.selected = None;
        self.pending = None;
        self.linking = None;
        self.words_for = None;
        self.marked = false;
        self.message = None;
        self.revision += 1;
        self.touched = false;
    }

    /// Whom a change made now names: the user, else the work's annotator.
    pub fn editor(&self) -> Option<&str> {
        self.user.as_deref().or(self.meta.annotator.as_deref())
    }

    /// The index in the corpus of the document on screen.
    pub fn active(&self) -> Option<usize> {
        let id = &self.doc.as_ref()?.id;
        self.corpus.iter().position(|e| &e.id == id)
    }

    /// Every loaded document of the corpus (id, title, document, annotations), the one on
    /// screen first.
    pub fn loaded(&self) -> Vec<corpus::Loaded> {
        let mut out = Vec::new();
        if let Some(doc) = &self.doc {
            let title = corpus::title_of(doc.text(), &doc.id);
            out.push((doc.id.clone(), title, doc.clone(), self.anns.clone()));
        }
        for e in self.corpus.iter() {
            if let Some(p) = &e.parked {
                out.push((e.id.clone(), e.title.clone(), p.doc.clone(), p.anns.clone()));
            }
        }
        out
    }

    /// The gold files of the loaded corpus documents, in list order.
    pub fn corpus_gold(&self) -> Vec<GoldFile> {
        let mut out = Vec::new();
        for e in self.corpus.iter() {
            if self.doc.as_ref().is_some_and(|d| d.id == e.id) {
                out.extend(self.gold());
            } else if let Some(p) = &e.parked {
                let mut f = GoldFile::new((*p.doc).clone(), (*p.anns).clone());
                f.meta = p.meta.clone();
                self.stamp_identities(&mut f);
                out.push(f);
            }
        }
        out
    }

    /// Moves the document on screen into its corpus entry.
    pub(super) fn park(&mut self) {
        let Some(doc) = self.doc.clone() else { return };
        let parked = Parked {
            doc: doc.clone(),
            anns: self.anns.clone(),
            meta: self.meta.clone(),
            selected: self.selected.clone(),
            marked: self.marked,
            touched: self.touched,
        };
        let counts = Some((self.unreviewed(), self.anns.len()));
        let (marked, origin) = (self.marked, self.origin.clone());
        let corpus = Rc::make_mut(&mut self.corpus);
        match corpus.iter_mut().find(|e| e.id == doc.id) {
            Some(e) => {
                e.parked = Some(parked);
                e.counts = counts;
                e.marked = marked;
            }
            None => {
                let title = corpus::title_of(doc.text(), &doc.id);
                let mut e = Entry::stub(doc.id.clone(), title, origin.unwrap_or(Origin::Restored));
                (e.parked, e.counts, e.marked) = (Some(parked), counts, marked);
                e.sha = Some(doc.sha256().to_string());
                corpus.push(e);
            }
        }
    }

    /// Lists the document on screen in the corpus (replacing an entry with its id).
    pub(super) fn enlist(&mut self) {
        let Some(doc) = self.doc.clone() else { return };
        let counts = Some((self.unreviewed(), self.anns.len()));
        let (marked, origin) = (self.marked, self.origin.clone().unwrap_or(Origin::Restored));
        let title = corpus::title_of(doc.text(), &doc.id);
        let corpus = Rc::make_mut(&mut self.corpus);
        match corpus.iter_mut().find(|e| e.id == doc.id) {
            Some(e) => {
                e.parked = None;
                e.counts = counts;
                e.marked = marked;
                e.origin = origin;
                e.title = title;
                e.sha = Some(doc.sha256().to_string());
            }
            None => {
                let mut e = Entry::stub(doc.id.clone(), title, origin);
                (e.counts, e.marked, e.sha) = (counts, marked, Some(doc.sha256().to_string()));
                corpus.push(e);
            }
        }
    }

    pub(super) fn switch(&mut self, i: usize) {
        let Some(entry) = self.corpus.get(i).cloned() else {
            return self.fail("there is no such document in the corpus");
        };
        if self.doc.as_ref().is_some_and(|d| d.id == entry.id) {
            return;
        }
        let Some(p) = entry.parked else {
            return self.fail(&format!("{} is not loaded yet", entry.id));
        };
        self.park();
        self.doc = Some(p.doc);
        self.anns = p.anns;
        self.meta = p.meta;
        self.selected = p.selected.filter(|id| self.anns.iter().any(|a| &a.id == id));
        self.pending = None;
        self.linking = None;
        self.words_for = None;
        self.fix = None;
        self.marked = p.marked;
        self.touched = p.touched;
        self.origin = Some(entry.origin);
        self.revision += 1;
        self.enlist();
    }

    /// The annotations of loaded document `doc` (on screen or parked).
    fn anns_of(&self, doc: &str) -> Option<Vec<Annotation>> {
        if self.doc.as_ref().is_some_and(|d| d.id == doc) {
            return Some((*self.anns).clone());
        }
        self.corpus.iter().find(|e| e.id == doc)?.parked.as_ref().map(|p| (*p.anns).clone())
    }

    /// Applies a step (or, with `undo`, its inverse) to every document it touches, all or
    /// nothing. The number of documents changed that are not on screen.
    pub(super) fn run_step(&mut self, step: &Step, undo: bool) -> Result<usize, crate::model::Error> {
        let edits: Vec<(&String, Edit)> = if undo {
            step.iter().rev().map(|(d, e)| (d, e.inverse())).collect()
        } else {
            step.iter().map(|(d, e)| (d, e.clone())).collect()
        };
        // Each document's annotations after the step, and its DCT when the step changes it.
        type After = (String, Vec<Annotation>, Option<Option<jiff::civil::Date>>);
        let mut lists: Vec<After> = Vec::new();
        // Versions change beside the work (see `versions.rs`): checked here, kept after.
        let versions = self.versions_after(&edits)?;
        let mut asides: Vec<(String, String, Option<String>)> = Vec::new();
        for (doc, edit) in edits {
            asides.extend(edit.asides().into_iter().map(|(w, a)| (doc.clone(), w.to_string(), a.map(str::to_string))));
            if !edit.touches_work() {
                continue;
            }
            let pos = match lists.iter().position(|(d, _, _)| d == doc) {
                Some(p) => p,
                None => {
                    let anns = self
                        .anns_of(doc)
                        .ok_or_else(|| crate::model::Error::edit(format!("document {doc} is not loaded")))?;
                    lists.push((doc.clone(), anns, None));
                    lists.len() - 1
                }
            };
            edit.apply(&mut lists[pos].1)?;
            if let Some(dct) = edit.dct() {
                lists[pos].2 = Some(dct);
            }
        }
        let mut elsewhere = 0;
        self.keep_versions(versions);
        for (doc, mut anns, dct) in lists {
            if let Some(d) = self.doc.as_mut().filter(|d| d.id == doc) {
                if let Some(dct) = dct {
                    *d = Rc::new((**d).clone().with_dct(dct));
                }
                self.set_anns(anns);
                continue;
            }
            elsewhere += 1;
            sort_annotations(&mut anns);
            let counts = Some((review::unreviewed(&anns), anns.len()));
            let corpus = Rc::make_mut(&mut self.corpus);
            if let Some(e) = corpus.iter_mut().find(|e| e.id == doc) {
                if let Some(p) = &mut e.parked {
                    if let Some(dct) = dct {
                        p.doc = Rc::new((*p.doc).clone().with_dct(dct));
                    }
                    p.anns = Rc::new(anns);
                    p.touched = true;
                    if counts.is_some_and(|c| c.0 > 0) {
                        p.marked = false;
                        e.marked = false;
                    }
                }
                e.counts = counts;
                e.rev += 1;
            }
            self.revision += 1;
        }
        for (doc, what, after) in asides {
            self.apply_aside(&doc, &what, after.as_deref());
        }
        Ok(elsewhere)
    }

    fn note_elsewhere(&mut self, n: usize, what: &str) {
        if n > 0 {
            self.message = Some(Message::Info(format!("{what} in {n} other document(s) too")));
        }
    }

    fn plan_fix(&mut self, id: &str) {
        let Some(doc) = self.doc.clone() else { return self.fail("open a document first") };
        let Some(model) = self.found(id) else { return };
        if model.status == Status::Predicted {
            return self
                .fail("review this annotation first (accept, reject or correct it), then fix the others like it");
        }
        let by = corpus::default_by(self.editor());
        let was = self.canonical_before(&doc.id, &model.id);
        let plan = corpus::plan_fix(&doc.id, &model, was.as_deref(), &self.loaded(), &by);
        if plan.is_empty() {
            self.message = Some(Message::Info(format!(
                "no other mention of \u{201c}{}\u{201d} in the corpus needs this change",
                model.quote
            )));
            return;
        }
        self.fix = Some(Rc::new(plan));
    }

    fn apply_fix(&mut self, ticked: &[usize]) {
        let Some(plan) = self.fix.take() else { return };
        let by = corpus::default_by(self.editor());
        let step: Step = ticked
            .iter()
            .filter_map(|&i| plan.get(i))
            .map(|c| {
                let mut edit = c.edit.clone();
                stamp_editor(&mut edit, &by);
                (c.doc.clone(), edit)
            })
            .collect();
        if step.is_empty() {
            self.message = Some(Message::Info("nothing ticked: nothing changed".into()));
            return;
        }
        let n = step.len();
        match self.run_step(&step, false) {
            Ok(_) => {
                self.record(step);
                self.message = Some(Message::Info(format!("{n} change(s) made everywhere: one undo reverts them all")));
            }
            Err(e) => self.fail(e.context("fix everywhere").message()),
        }
    }

    /// How many predictions are still waiting for review.
    pub fn unreviewed(&self) -> usize {
        review::unreviewed(&self.anns)
    }

    /// The ACTORs that can be claim `id`'s source, best first (see [`review::source_candidates`]).
    pub fn source_candidates(&self, id: &str) -> Vec<String> {
        self.doc.as_deref().map(|d| review::source_candidates(d, &self.anns, id)).unwrap_or_default()
    }

    fn link_source(&mut self, claim: &str, actor: String) {
        self.linking = None;
        self.selected = Some(claim.to_string());
        self.pending = None;
        self.apply(Action::SetSource { id: claim.to_string(), source: Some(actor) });
    }

    fn resize(&mut self, id: &str, edge: Edge, grow: bool) {
        let Some(doc) = self.doc.clone() else { return };
        let Some(before) = self.found(id) else { return };
        let Some(span) = review::resize(&doc, before.span, edge, grow) else {
            return self.fail(if grow {
                "there is no word to take on that side"
            } else {
                "one word is left: delete the annotation instead"
            });
        };
        if let Some(clash) = self.clash(before.label(), span, Some(id)) {
            return self.fail(&clash);
        }
        let Some(quote) = doc.slice(span).map(str::to_string) else { return };
        let mut after = before.clone();
        after.span = span;
        after.quote = quote;
        mark_edited(&mut after);
        let _ = self.commit(Edit::Replace { before, after });
    }

    pub(super) fn fail(&mut self, message: &str) {
        self.message = Some(Message::Error(message.to_string()));
    }

    fn set_anns(&mut self, mut anns: Vec<Annotation>) {
        sort_annotations(&mut anns);
        self.anns = Rc::new(anns);
        self.revision += 1;
        self.touched = true;
        if self.marked && review::unreviewed(&self.anns) > 0 {
            self.marked = false;
        }
        if let Some(id) = &self.selected {
            if !self.anns.iter().any(|a| &a.id == id) {
                self.selected = None;
            }
        }
    }

    /// Records a step just applied in the history and in the journal of this action.
    pub(super) fn record(&mut self, step: Step) {
        Rc::make_mut(&mut self.history).record_step(step.clone());
        self.journal.push(Op::Do(step));
    }

    /// Applies a user edit and records it; on error nothing changes.
    pub(super) fn commit(&mut self, mut edit: Edit) -> bool {
        if edit.is_noop() {
            return false;
        }
        stamp_editor(&mut edit, &corpus::default_by(self.editor()));
        let mut anns = (*self.anns).clone();
        let doc_id = self.doc.as_ref().map(|d| d.id.clone()).unwrap_or_default();
        match edit.apply(&mut anns) {
            Ok(()) => {
                self.record(vec![(doc_id, edit)]);
                self.set_anns(anns);
                true
            }
            Err(e) => {
                self.fail(e.message());
                false
            }
        }
    }

    pub(super) fn found(&mut self, id: &str) -> Option<Annotation> {
        let a = self.get(id).cloned();
        if a.is_none() {
            self.fail(&format!("there is no annotation {id}"));
        }
        a
    }

    fn create(&mut self, label: Label, date: Option<DateAttrs>) {
        let Some(doc) = self.doc.clone() else {
            return self.fail("open a document first");
        };
        let Some(span) = self.pending else {
            return self.fail("select some words in the text first, then choose a label");
        };
        let Some(quote) = doc.slice(span).map(str::to_string) else {
            return self.fail("the selection is outside the text");
        };
        if let Some(clash) = self.clash(label, span, None) {
            return self.fail(&clash);
        }
        let id = next_id(&self.anns, label);
        let ann = Annotation {
            id: id.clone(),
            span,
            attrs: new_attrs(label, &quote, date),
            quote,
            status: Status::Manual,
            provenance: Provenance::by(self.editor().unwrap_or(MANUAL_BY).to_string()),
            note: None,
            unsure: false,
        };
        let _ = self.commit(Edit::Add(ann));
        if self.get(&id).is_some() {
            self.pending = None;
            self.selected = Some(id);
        }
    }

    /// Why an annotation of `label` on `span` would break the guidelines' nesting rules:
    /// ACTORs and DATEs do not overlap their own label, CLAIMs nest but do not cross.
    fn clash(&self, label: Label, span: Span, except: Option<&str>) -> Option<String> {
        self.anns
            .iter()
            .filter(|a| a.label() == label && a.status.is_live() && Some(a.id.as_str()) != except)
            .find(|a| {
                if label == Label::Claim {
                    a.span == span || (a.span.overlaps(&span) && !a.span.contains(&span) && !span.contains(&a.span))
                } else {
                    a.span.overlaps(&span)
                }
            })
            .map(|a| {
                format!(
                    "this overlaps {} {} \u{201c}{}\u{201d}: change or delete that one first",
                    a.label(),
                    a.id,
                    a.quote
                )
            })
    }

    fn relabel(&mut self, id: &str, label: Label, date: Option<DateAttrs>) {
        let Some(before) = self.found(id) else { return };
        if before.label() == label {
            return;
        }
        if let Some(clash) = self.clash(label, before.span, Some(id)) {
            return self.fail(&clash);
        }
        let mut after = before.clone();
        after.attrs = new_attrs(label, &before.quote, date);
        mark_edited(&mut after);
        let mut edits = self.drop_references(&before);
        edits.push(Edit::Replace { before, after });
        let _ = self.commit(Edit::Batch(edits));
    }

    fn delete(&mut self, id: &str) {
        let Some(a) = self.found(id) else { return };
        let mut edits = self.drop_references(&a);
        edits.push(Edit::Remove(a));
        let _ = self.commit(Edit::Batch(edits));
        self.selected = None;
    }

    /// Edits that clear references to `target` (claims' sources, dates' anchors).
    fn drop_references(&self, target: &Annotation) -> Vec<Edit> {
        let mut edits = Vec::new();
        for a in self.anns.iter().filter(|a| a.references().contains(&target.id.as_str())) {
            let mut after = a.clone();
            match &mut after.attrs {
                Attrs::Claim(c) => c.source = None,
                Attrs::Date(d) => d.anchor = None,
                Attrs::Actor(_) => {}
            }
            mark_edited(&mut after);
            edits.push(Edit::Replace { before: a.clone(), after });
        }
        edits
    }

    fn review(&mut self, id: &str, accept: bool) {
        let Some(before) = self.found(id) else { return };
        let status = match (before.status, accept) {
            (Status::Manual, false) => {
                return self.fail("a manual annotation cannot be rejected: delete it (Delete key) instead")
            }
            (Status::Manual | Status::Edited | Status::Accepted, true) => {
                self.message = Some(Message::Info(format!("{id} is already reviewed ({})", before.status.as_str())));
                return;
            }
            (_, true) => Status::Accepted,
            (_, false) => Status::Rejected,
        };
        let mut after = before.clone();
        after.status = status;
        let _ = self.commit(Edit::Replace { before, after });
    }

    /// Changes one annotation's attributes as one undoable edit; false when nothing changed.
    fn change_attrs(&mut self, id: &str, change: impl Fn(&mut Attrs)) -> bool {
        let Some(before) = self.found(id) else { return false };
        let mut after = before.clone();
        change(&mut after.attrs);
        if after.attrs == before.attrs {
            return false;
        }
        mark_edited(&mut after);
        self.commit(Edit::Replace { before, after })
    }

    /// The DATE attributes of annotation `id`, or an error message in words.
    fn date_of(&mut self, id: &str) -> Option<DateAttrs> {
        let a = self.found(id)?;
        let d = a.date().cloned();
        if d.is_none() {
            self.fail(&format!("{id} is a {}, not a DATE", a.label()));
        }
        d
    }

    /// A DATE's value, refused with the reason (the old value kept) unless TIMEX3 allows it
    /// for the date's type, or for another type, which the date then takes.
    fn set_date_value(&mut self, id: &str, value: &str) {
        let value = value.trim();
        let Some(old) = self.date_of(id) else { return };
        if value.is_empty() {
            return self.fail(&format!(
                "{id}: a DATE needs a value (TIMEX3, e.g. 2025-09-14, P3Y or PAST_REF); it stays {}",
                old.value
            ));
        }
        let timex_type = match check_value(old.timex_type, value) {
            Ok(()) => old.timex_type,
            Err(reason) => {
                match TimexType::ALL.into_iter().find(|&t| t != old.timex_type && check_value(t, value).is_ok()) {
                    Some(t) => t,
                    None => {
                        return self.fail(&format!(
                            "{id}: \u{201c}{value}\u{201d} is not a TIMEX3 {} value ({reason}); it stays {}",
                            old.timex_type.as_str(),
                            old.value
                        ))
                    }
                }
            }
        };
        let changed = self.change_attrs(id, |attrs| {
            if let Attrs::Date(d) = attrs {
                d.value = value.to_string();
                d.timex_type = timex_type;
            }
        });
        if changed && timex_type != old.timex_type {
            self.message = Some(Message::Info(format!(
                "{id}: {value} is a {} value, so its type is now {} (Ctrl+Z undoes)",
                timex_type.as_str(),
                timex_type.as_str()
            )));
        }
    }

    /// A DATE's type, refused with the reason when its value does not fit the new type.
    fn set_date_type(&mut self, id: &str, timex_type: TimexType) {
        let Some(old) = self.date_of(id) else { return };
        if let Err(reason) = check_value(timex_type, &old.value) {
            return self.fail(&format!(
                "{id}: its value {} is not a TIMEX3 {} value ({reason}): change the value first; the type stays {}",
                old.value,
                timex_type.as_str(),
                old.timex_type.as_str()
            ));
        }
        self.change_attrs(id, |attrs| {
            if let Attrs::Date(d) = attrs {
                d.timex_type = timex_type;
            }
        });
    }

    /// A DATE's `mod` (empty: none), refused unless TIMEX3 lists it.
    fn set_date_mod(&mut self, id: &str, modifier: &str) {
        let modifier = modifier.trim();
        let Some(old) = self.date_of(id) else { return };
        if !modifier.is_empty() {
            if let Err(reason) = check_mod(modifier) {
                return self.fail(&format!(
                    "{id}: \u{201c}{modifier}\u{201d} is not a TIMEX3 mod ({reason}); it stays {}",
                    old.modifier.as_deref().unwrap_or("none")
                ));
            }
        }
        let modifier = (!modifier.is_empty()).then(|| modifier.to_string());
        self.change_attrs(id, |attrs| {
            if let Attrs::Date(d) = attrs {
                d.modifier = modifier.clone();
            }
        });
    }

    /// A DATE's anchor: `dct`, another DATE of the document, or none.
    fn set_anchor(&mut self, id: &str, anchor: Option<String>) {
        if self.date_of(id).is_none() {
            return;
        }
        if let Some(x) = anchor.as_deref().filter(|x| *x != "dct") {
            if x == id {
                return self.fail(&format!("{id} cannot be anchored on itself"));
            }
            if self.get(x).map(Annotation::label) != Some(Label::Date) {
                return self.fail(&format!("{x} is not a DATE of this document: {id} keeps its anchor"));
            }
        }
        self.change_attrs(id, |attrs| {
            if let Attrs::Date(d) = attrs {
                d.anchor = anchor.clone();
            }
        });
    }

    /// A CLAIM's cue (or, with `source_words`, its source words): the words of `span`,
    /// which must lie in the text and hold a word; `None` removes them. True when set.
    fn set_claim_words(&mut self, id: &str, span: Option<Span>, source_words: bool) -> bool {
        let what = if source_words { "source words" } else { "cue" };
        let Some(a) = self.found(id) else { return false };
        if a.label() != Label::Claim {
            self.fail(&format!("{id} is a {}: only a CLAIM has a {what}", a.label()));
            return false;
        }
        let words = match span {
            None => None,
            Some(span) => {
                let text = self.doc.as_deref().and_then(|d| d.slice(span)).map(str::to_string);
                match text {
                    Some(text) if !text.trim().is_empty() => Some(Cue { span, text }),
                    Some(_) => {
                        self.fail(&format!("the {what} of {id} must hold a word, not only spaces"));
                        return false;
                    }
                    None => {
                        self.fail(&format!("the {what} of {id} must lie in the text"));
                        return false;
                    }
                }
            }
        };
        self.change_attrs(id, |attrs| {
            if let Attrs::Claim(c) = attrs {
                if source_words {
                    c.source_words = words.clone();
                } else {
                    c.cue = words.clone();
                }
            }
        })
    }

    /// Moves an ACTOR's kind, a CLAIM's stance or a DATE's type one step along its list (a
    /// DATE skips the types its value does not fit).
    fn cycle_type(&mut self, id: &str, forward: bool) {
        let Some(a) = self.found(id) else { return };
        fn next<T: Copy + PartialEq>(all: &[T], now: T, forward: bool) -> T {
            let n = all.len();
            let i = all.iter().position(|x| *x == now).unwrap_or(0);
            all[if forward { (i + 1) % n } else { (i + n - 1) % n }]
        }
        match &a.attrs {
            Attrs::Actor(x) => {
                let kind = next(&ActorKind::ALL, x.kind, forward);
                self.change_attrs(id, |attrs| {
                    if let Attrs::Actor(x) = attrs {
                        x.kind = kind;
                    }
                });
            }
            Attrs::Claim(x) => {
                let all: Vec<Option<Stance>> = std::iter::once(None).chain(Stance::ALL.map(Some)).collect();
                let stance = next(&all, x.stance, forward);
                self.change_attrs(id, |attrs| {
                    if let Attrs::Claim(x) = attrs {
                        x.stance = stance;
                    }
                });
            }
            Attrs::Date(x) => {
                let n = TimexType::ALL.len();
                let mut t = x.timex_type;
                for _ in 1..n {
                    t = next(&TimexType::ALL, t, forward);
                    if check_value(t, &x.value).is_ok() {
                        return self.set_date_type(id, t);
                    }
                }
                let value = x.value.clone();
                self.fail(&format!("{id}: no other TIMEX3 type takes the value {value}: edit the value first (e)"));
            }
        }
    }

    /// The words being chosen now may become the cue or source words of the CLAIM selected
    /// before them (kept while they are resized or stepped).
    fn choose_words_for(&mut self) {
        if let Some(sel) = self.selected.as_deref() {
            self.words_for = (self.get(sel).map(Annotation::label) == Some(Label::Claim)).then(|| sel.to_string());
        }
    }

    fn set_dct(&mut self, dct: Option<jiff::civil::Date>, predictions: Vec<Annotation>) {
        let Some(doc) = self.doc.clone() else {
            return self.fail("open a document first");
        };
        let fresh: Vec<&Annotation> = predictions.iter().filter(|a| a.label() == Label::Date).collect();
        let anns = &*self.anns;
        // Fresh DATE ids -> the ids they have here (same span).
        let mut ids: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
        for f in &fresh {
            if let Some(a) = anns.iter().find(|a| a.label() == Label::Date && a.span == f.span) {
                ids.insert(f.id.as_str(), a.id.clone());
            }
        }
        let mut added = Vec::new();
        for f in &fresh {
            if !ids.contains_key(f.id.as_str())
                && !anns.iter().any(|a| a.label() == Label::Date && a.span.overlaps(&f.span))
            {
                let id = next_id(&[anns.as_slice(), added.as_slice()].concat(), Label::Date);
                ids.insert(f.id.as_str(), id.clone());
                let mut a = (*f).clone();
                a.id = id;
                added.push(a);
            }
        }
        let remap = |d: &DateAttrs| {
            let mut d = d.clone();
            d.anchor = d.anchor.and_then(|x| if x == "dct" { Some(x) } else { ids.get(x.as_str()).cloned() });
            d
        };
        let (mut updated, mut kept) = (0, 0);
        // One undoable step: the DCT itself, then each re-resolved and each new date.
        let before_dct = doc.dct();
        let mut edits = vec![Edit::Dct { before: before_dct, after: dct }];
        for a in anns.iter().filter(|a| a.label() == Label::Date) {
            if a.status != Status::Predicted {
                kept += 1;
                continue;
            }
            if let Some(f) = fresh.iter().find(|f| f.span == a.span).and_then(|f| f.date()) {
                let new = remap(f);
                if a.date() != Some(&new) {
                    updated += 1;
                    let mut after = a.clone();
                    after.attrs = Attrs::Date(new);
                    edits.push(Edit::Replace { before: a.clone(), after });
                }
            }
        }
        for a in &mut added {
            if let Some(d) = a.date() {
                a.attrs = Attrs::Date(remap(d));
            }
        }
        let n_added = added.len();
        edits.extend(added.into_iter().map(Edit::Add));
        // `commit` applies and records the step (or says in words why it cannot); the DCT
        // part is the document's, set here once the annotations took the change.
        if !self.commit(Edit::Batch(edits)) {
            return;
        }
        self.doc = Some(Rc::new((*doc).clone().with_dct(dct)));
        let dct_text = dct.map(|d| d.to_string()).unwrap_or_else(|| "none".into());
        self.message = Some(Message::Info(format!(
            "DCT {dct_text}: {updated} predicted date(s) re-resolved, {kept} reviewed kept, {n_added} added (Ctrl+Z undoes)"
        )));
    }
}

/// Records `by` as the last editor of every annotation an edit leaves `edited`.
fn stamp_editor(edit: &mut Edit, by: &str) {
    match edit {
        Edit::Replace { before, after } if after.status == Status::Edited && before != after => {
            after.provenance.edited_by = Some(by.to_string().into());
        }
        Edit::Batch(edits) => edits.iter_mut().for_each(|e| stamp_editor(e, by)),
        _ => {}
    }
}

fn mark_edited(a: &mut Annotation) {
    if matches!(a.status, Status::Predicted | Status::Accepted | Status::Rejected) {
        a.status = Status::Edited;
    }
}

/// Attributes of a new annotation of `label` over `quote`: an ACTOR is named by its quote,
/// a DATE takes `date` (or an unknown value to fill in), a CLAIM starts without a source.
pub fn new_attrs(label: Label, quote: &str, date: Option<DateAttrs>) -> Attrs {
    match label {
        Label::Actor => Attrs::Actor(ActorAttrs {
            kind: ActorKind::Person,
            mention: if quote.chars().next().is_some_and(char::is_uppercase) {
                Mention::Name
            } else {
                Mention::Nominal
            },
            canonical: quote.split_whitespace().collect::<Vec<_>>().join(" "),
            role: None,
        }),
        Label::Date => Attrs::Date(date.unwrap_or_else(|| DateAttrs {
            timex_type: TimexType::Date,
            value: "XXXX-XX-XX".into(),
            modifier: None,
            anchor: None,
        })),
        Label::Claim => Attrs::Claim(ClaimAttrs::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_annotations, Cue};

    const TEXT: &str = "Paris said on Friday that Bamako lied. 👍 Mali denied it last Sunday.";

    fn span_of(word: &str) -> Span {
        let b = TEXT.find(word).unwrap();
        let doc = Document::new("t", TEXT, None).unwrap();
        doc.span_of_bytes(b, b + word.len()).unwrap()
    }

    fn pred(id: &str, word: &str, attrs: Attrs) -> Annotation {
        Annotation {
            id: id.into(),
            span: span_of(word),
            quote: word.into(),
            status: Status::Predicted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs,
        }
    }

    fn actor(id: &str, word: &str) -> Annotation {
        pred(
            id,
            word,
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::State,
                mention: Mention::Name,
                canonical: word.into(),
                role: None,
            }),
        )
    }

    fn date(id: &str, word: &str, value: &str) -> Annotation {
        pred(
            id,
            word,
            Attrs::Date(DateAttrs {
                timex_type: TimexType::Date,
                value: value.into(),
                modifier: None,
                anchor: Some("dct".into()),
            }),
        )
    }

    fn opened() -> State {
        let doc = Document::new("t", TEXT, Some("2025-09-19".parse().unwrap())).unwrap();
        let claim = pred(
            "C1",
            "that Bamako lied",
            Attrs::Claim(ClaimAttrs {
                source: Some("A1".into()),
                cue: Some(Cue { span: span_of("said"), text: "said".into() }),
                stance: Some(Stance::Assert),
                target: None,
                source_words: None,
            }),
        );
        let predictions = vec![
            actor("A1", "Paris"),
            actor("A2", "Bamako"),
            date("D1", "Friday", "2025-09-19"),
            date("D2", "last Sunday", "2025-09-14"),
            claim,
        ];
        let mut s = State::default();
        s.apply(Action::Open { doc, predictions, origin: Origin::Pasted });
        s
    }

    fn check(s: &State) {
        check_annotations(s.doc.as_ref().unwrap(), &s.anns).unwrap();
        assert!(s.gold().is_some());
    }

    #[test]
    fn create_snaps_to_words_and_is_manual() {
        let mut s = opened();
        // "ali den" inside "Mali denied" after the emoji: snapped to "Mali denied".
        let sp = span_of("Mali denied");
        s.apply(Action::SelectText(Some(Span::new(sp.start() + 1, sp.end() - 3).unwrap())));
        assert_eq!(s.pending, Some(sp));
        s.apply(Action::Create { label: Label::Actor, date: None });
        let a = s.get("A3").expect("created");
        assert_eq!((a.quote.as_str(), a.status, a.label()), ("Mali denied", Status::Manual, Label::Actor));
        assert_eq!(s.selected.as_deref(), Some("A3"));
        assert_eq!(s.pending, None);
        check(&s);
        assert!(s.history.can_undo());
    }

    #[test]
    fn annotator_and_times_go_into_the_file_and_survive_opening_another_document() {
        let mut s = opened();
        assert!(!s.touched);
        s.apply(Action::SetAnnotator("  Ada  ".into()));
        assert!(s.touched);
        s.apply(Action::SelectText(Some(span_of("Mali"))));
        s.apply(Action::Create { label: Label::Actor, date: None });
        assert_eq!(s.get("A3").unwrap().provenance.by, "Ada");
        s.apply(Action::Stamp("2026-11-23T10:00:00Z".into()));
        s.apply(Action::Stamp("2026-11-23T11:00:00Z".into()));
        let file = s.gold().unwrap();
        assert_eq!(file.meta.annotator.as_deref(), Some("Ada"));
        assert_eq!(file.meta.created.as_deref(), Some("2026-11-23T10:00:00Z"));
        assert_eq!(file.meta.modified.as_deref(), Some("2026-11-23T11:00:00Z"));
        let back = GoldFile::from_json(&file.to_json()).unwrap();
        assert_eq!(back.meta, file.meta);
        let doc = Document::new("u", "Another text.", None).unwrap();
        s.apply(Action::Open { doc, predictions: Vec::new(), origin: Origin::Pasted });
        assert_eq!(s.meta.annotator.as_deref(), Some("Ada"));
        assert_eq!(s.meta.created, None);
        assert!(!s.touched);
        s.apply(Action::SetAnnotator("".into()));
        assert_eq!(s.meta.annotator, None);
    }

    #[test]
    fn overlapping_same_label_is_refused_in_words() {
        let mut s = opened();
        s.apply(Action::SelectText(Some(span_of("Paris said"))));
        s.apply(Action::Create { label: Label::Actor, date: None });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("A1")), "{:?}", s.message);
        assert_eq!(s.anns.len(), 5);
        assert!(!s.history.can_undo());
    }

    #[test]
    fn relabel_delete_and_their_undo() {
        let mut s = opened();
        let before = s.anns.clone();
        // Relabel the claim's source: the claim loses its source, in the same step.
        s.apply(Action::Relabel { id: "A1".into(), label: Label::Date, date: None });
        assert_eq!(s.get("A1").unwrap().label(), Label::Date);
        assert_eq!(s.get("A1").unwrap().status, Status::Edited);
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source, None);
        check(&s);
        s.apply(Action::Undo);
        assert_eq!(s.anns, before);
        s.apply(Action::Redo);
        assert_eq!(s.get("A1").unwrap().label(), Label::Date);
        s.apply(Action::Undo);
        s.apply(Action::Delete("A2".into()));
        assert!(s.get("A2").is_none());
        check(&s);
        s.apply(Action::Undo);
        assert_eq!(s.anns, before);
        s.apply(Action::Redo);
        assert!(s.get("A2").is_none());
        // A new edit clears the redo stack.
        s.apply(Action::Undo);
        s.apply(Action::Accept("D1".into()));
        assert!(!s.history.can_redo());
    }

    #[test]
    fn accept_reject_and_attribute_edits() {
        let mut s = opened();
        s.apply(Action::Accept("A1".into()));
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        s.apply(Action::Reject("A2".into()));
        assert_eq!(s.get("A2").unwrap().status, Status::Rejected);
        s.apply(Action::SetCanonical { id: "A1".into(), canonical: " France ".into() });
        let a = s.get("A1").unwrap();
        assert_eq!((a.actor().unwrap().canonical.as_str(), a.status), ("France", Status::Edited));
        s.apply(Action::SetCanonical { id: "A1".into(), canonical: "  ".into() });
        assert!(matches!(s.message, Some(Message::Error(_))));
        assert_eq!(s.get("A1").unwrap().actor().unwrap().canonical, "France");
        s.apply(Action::SetDateValue { id: "D2".into(), value: "2025-09-13".into() });
        assert_eq!(s.get("D2").unwrap().date().unwrap().value, "2025-09-13");
        s.apply(Action::SetSource { id: "C1".into(), source: Some("A2".into()) });
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source.as_deref(), Some("A2"));
        s.apply(Action::SetSource { id: "C1".into(), source: Some("D1".into()) });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("D1")));
        check(&s);
        // Undo walks back every step, to the predictions.
        for _ in 0..5 {
            s.apply(Action::Undo);
        }
        assert!(s.anns.iter().all(|a| a.status == Status::Predicted), "{:?}", s.anns);
        s.apply(Action::Undo);
        assert_eq!(s.message, Some(Message::Info("nothing to undo".into())));
    }

    #[test]
    fn invalid_date_values_and_mods_are_refused_with_the_reason_and_the_old_value_kept() {
        let mut s = opened();
        let before = s.anns.clone();
        for bad in ["2021-13-45", "banana", "2025-02-30"] {
            s.apply(Action::Dismiss);
            s.apply(Action::SetDateValue { id: "D1".into(), value: bad.into() });
            let Some(Message::Error(m)) = &s.message else { panic!("{bad} accepted: {:?}", s.message) };
            assert!(m.contains(bad) && m.contains("D1") && m.contains("2025-09-19"), "{m}");
            assert_eq!(s.anns, before, "{bad} left the annotations as they were");
        }
        assert!(!s.history.can_undo(), "a refused value is no step");
        // A value of another type takes that type along, in one step.
        s.apply(Action::SetDateValue { id: "D1".into(), value: "P3Y".into() });
        let d = s.get("D1").unwrap().date().unwrap().clone();
        assert_eq!((d.value.as_str(), d.timex_type), ("P3Y", TimexType::Duration));
        assert_eq!(s.history.len(), 1);
        // A type that does not fit the value is refused, the type kept.
        s.apply(Action::SetDateType { id: "D2".into(), timex_type: TimexType::Duration });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("2025-09-14")), "{:?}", s.message);
        assert_eq!(s.get("D2").unwrap().date().unwrap().timex_type, TimexType::Date);
        // t skips the types the value does not fit: a calendar date is no TIME or DURATION.
        s.apply(Action::CycleType { id: "D2".into(), forward: true });
        assert_eq!(s.get("D2").unwrap().date().unwrap().timex_type, TimexType::Set);
        s.apply(Action::CycleType { id: "D2".into(), forward: true });
        assert_eq!(s.get("D2").unwrap().date().unwrap().timex_type, TimexType::Date);
        s.apply(Action::Undo);
        s.apply(Action::Undo);
        // mod: TIMEX3's list only; empty removes it.
        s.apply(Action::SetDateMod { id: "D2".into(), modifier: "SOMETIMES".into() });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("SOMETIMES")));
        assert_eq!(s.get("D2").unwrap().date().unwrap().modifier, None);
        s.apply(Action::SetDateMod { id: "D2".into(), modifier: "MORE_THAN".into() });
        assert_eq!(s.get("D2").unwrap().date().unwrap().modifier.as_deref(), Some("MORE_THAN"));
        s.apply(Action::SetDateMod { id: "D2".into(), modifier: " ".into() });
        assert_eq!(s.get("D2").unwrap().date().unwrap().modifier, None);
        // A value on something that is not a DATE is refused in words.
        s.apply(Action::SetDateValue { id: "A1".into(), value: "2025".into() });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("not a DATE")));
        check(&s);
    }

    #[test]
    fn every_attribute_is_editable_one_undoable_step_each_and_records_the_editor() {
        let mut s = opened();
        s.apply(Action::SetAnnotator("Ada".into()));
        let before = s.anns.clone();
        let steps = [
            Action::SetActorKind { id: "A1".into(), kind: ActorKind::Organization },
            Action::SetMention { id: "A1".into(), mention: Mention::Nominal },
            Action::SetRole { id: "A1".into(), role: "  capital \n city ".into() },
            Action::SetCanonical { id: "A2".into(), canonical: "Mali".into() },
            Action::SetDateValue { id: "D2".into(), value: "2025-09-13".into() },
            Action::SetDateMod { id: "D2".into(), modifier: "START".into() },
            Action::SetAnchor { id: "D2".into(), anchor: Some("D1".into()) },
            Action::SetStance { id: "C1".into(), stance: Some(Stance::Accuse) },
            Action::SetTarget { id: "C1".into(), target: " Bamako ".into() },
            Action::SetCue { id: "C1".into(), span: Some(span_of("denied")) },
            Action::SetSourceWords { id: "C1".into(), span: Some(span_of("Paris")) },
            Action::CycleType { id: "A2".into(), forward: true },
            Action::CycleType { id: "C1".into(), forward: false },
        ];
        let n = steps.len();
        for (i, a) in steps.into_iter().enumerate() {
            s.apply(a.clone());
            assert!(!matches!(s.message, Some(Message::Error(_))), "{a:?}: {:?}", s.message);
            assert_eq!(s.history.len(), i + 1, "{a:?} is one step");
        }
        let a1 = s.get("A1").unwrap();
        let x = a1.actor().unwrap();
        assert_eq!(
            (x.kind, x.mention, x.role.as_deref()),
            (ActorKind::Organization, Mention::Nominal, Some("capital city"))
        );
        assert_eq!(s.get("A2").unwrap().actor().unwrap().kind, ActorKind::Group, "state, cycled once");
        let d2 = s.get("D2").unwrap().date().unwrap();
        assert_eq!(
            (d2.value.as_str(), d2.modifier.as_deref(), d2.anchor.as_deref()),
            ("2025-09-13", Some("START"), Some("D1"))
        );
        let c = s.get("C1").unwrap().claim().unwrap();
        assert_eq!(c.stance, Some(Stance::Assert), "accuse cycled back once");
        assert_eq!(c.target.as_deref(), Some("Bamako"));
        assert_eq!(c.cue.as_ref().map(|c| c.text.as_str()), Some("denied"));
        assert_eq!(c.source_words.as_ref().map(|c| (c.span, c.text.as_str())), Some((span_of("Paris"), "Paris")));
        for id in ["A1", "A2", "D2", "C1"] {
            let a = s.get(id).unwrap();
            assert_eq!(a.status, Status::Edited, "{id}");
            assert_eq!(a.provenance.edited_by.as_deref(), Some("Ada"), "{id} records its editor");
            assert_eq!(a.provenance.by, crate::EXTRACTOR_NAME, "{id} keeps who made it");
        }
        check(&s);
        // The file keeps the editor; reading it back gives the same annotations.
        let back = GoldFile::from_json(&s.gold().unwrap().to_json()).unwrap();
        assert_eq!(back.annotations, *s.anns);
        for _ in 0..n {
            s.apply(Action::Undo);
        }
        assert_eq!(s.anns, before, "every edit undone, provenance included");
        // Removing: empty role and target, no cue.
        s.apply(Action::SetRole { id: "A1".into(), role: "x".into() });
        s.apply(Action::SetRole { id: "A1".into(), role: " ".into() });
        assert_eq!(s.get("A1").unwrap().actor().unwrap().role, None);
        s.apply(Action::SetCue { id: "C1".into(), span: None });
        assert_eq!(s.get("C1").unwrap().claim().unwrap().cue, None);
        // Refusals: an anchor that is no DATE or the date itself, a cue off the text or on a
        // non-claim, a mention on a claim changes nothing.
        let now = s.anns.clone();
        s.apply(Action::SetAnchor { id: "D2".into(), anchor: Some("A1".into()) });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("A1")));
        s.apply(Action::SetAnchor { id: "D2".into(), anchor: Some("D2".into()) });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("itself")));
        s.apply(Action::SetCue { id: "C1".into(), span: Some(Span::new(60, 9_000).unwrap()) });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("lie in the text")));
        s.apply(Action::SetCue { id: "A1".into(), span: Some(span_of("said")) });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("only a CLAIM")));
        assert_eq!(s.anns, now);
    }

    #[test]
    fn words_chosen_after_a_claim_become_its_cue_or_source_words() {
        let mut s = opened();
        // No claim before the words: refused in words.
        s.apply(Action::SelectText(Some(span_of("denied"))));
        s.apply(Action::WordsToClaim { source_words: false });
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("select a CLAIM")));
        // The claim, then its words (stepped with V and grown), then c.
        s.apply(Action::Select(Some("C1".into())));
        s.apply(Action::StepWord { forward: false });
        assert_eq!(s.doc.as_ref().unwrap().slice(s.pending.unwrap()), Some("Friday"));
        assert_eq!(s.words_for.as_deref(), Some("C1"));
        s.apply(Action::ResizePending { edge: Edge::Start, grow: true });
        s.apply(Action::WordsToClaim { source_words: false });
        let c = s.get("C1").unwrap().claim().unwrap();
        assert_eq!(c.cue.as_ref().map(|c| c.text.as_str()), Some("on Friday"));
        assert_eq!((s.selected.as_deref(), s.pending, s.words_for.as_deref()), (Some("C1"), None, None));
        // With the mouse: the claim, then a selection, then w.
        s.apply(Action::SelectText(Some(span_of("Paris"))));
        s.apply(Action::WordsToClaim { source_words: true });
        let c = s.get("C1").unwrap().claim().unwrap();
        assert_eq!(c.source_words.as_ref().map(|c| c.text.as_str()), Some("Paris"));
        // Selecting an actor in between forgets the claim.
        s.apply(Action::Select(Some("A2".into())));
        s.apply(Action::SelectText(Some(span_of("Mali"))));
        assert_eq!(s.words_for, None);
        check(&s);
    }

    #[test]
    fn notices_end_with_the_next_gesture_and_errors_stay() {
        let mut s = opened();
        s.apply(Action::Notify("hello".into()));
        s.apply(Action::Stamp("2026-11-23T10:00:00Z".into()));
        s.apply(Action::AddStubs(Vec::new()));
        assert!(matches!(s.message, Some(Message::Info(_))), "a save or a listing is no gesture");
        s.apply(Action::Select(Some("A1".into())));
        assert_eq!(s.message, None);
        s.apply(Action::Fail("broken".into()));
        s.apply(Action::Select(Some("A2".into())));
        s.apply(Action::Accept("A2".into()));
        assert_eq!(s.message, Some(Message::Error("broken".into())), "an error stays until dismissed");
        s.apply(Action::Dismiss);
        assert_eq!(s.message, None);
    }

    #[test]
    fn manual_annotations_are_deleted_not_rejected() {
        let mut s = opened();
        s.apply(Action::SelectText(Some(span_of("lied"))));
        s.apply(Action::Create { label: Label::Date, date: None });
        let id = s.selected.clone().unwrap();
        assert_eq!(s.get(&id).unwrap().date().unwrap().value, "XXXX-XX-XX");
        s.apply(Action::Reject(id.clone()));
        assert!(matches!(s.message, Some(Message::Error(_))));
        assert_eq!(s.get(&id).unwrap().status, Status::Manual);
    }

    #[test]
    fn dct_change_keeps_reviewed_dates() {
        let mut s = opened();
        s.apply(Action::SetDateValue { id: "D1".into(), value: "2025-09-12".into() });
        s.apply(Action::Accept("D2".into()));
        s.apply(Action::Undo); // D2 back to predicted
        let doc = (**s.doc.as_ref().unwrap()).clone();
        let dct: jiff::civil::Date = "2025-09-26".parse().unwrap();
        let mut later = date("D7", "last Sunday", "2025-09-21");
        if let Attrs::Date(d) = &mut later.attrs {
            d.anchor = Some("D8".into()); // anchored on a new date, added below
        }
        let predictions = vec![
            date("D8", "Friday", "2025-09-26"),
            later,
            date("D9", "Mali", "2025-09-30"), // a new date the old run did not have
        ];
        let before_anns = s.anns.clone();
        s.apply(Action::SetDct { dct: Some(dct), predictions });
        assert_eq!(s.doc.as_ref().unwrap().dct(), Some(dct));
        let d1 = s.get("D1").unwrap();
        assert_eq!((d1.date().unwrap().value.as_str(), d1.status), ("2025-09-12", Status::Edited));
        let d2 = s.get("D2").unwrap().date().unwrap();
        assert_eq!(d2.value, "2025-09-21");
        assert_eq!(d2.anchor.as_deref(), Some("D1"), "anchor remapped to the id used here");
        assert_eq!(s.get("D3").unwrap().quote, "Mali");
        check(&s);
        // One undo gives back the old DCT, values and annotations; redo the new ones.
        let (after_doc, after_anns) = (s.doc.clone().unwrap(), s.anns.clone());
        s.apply(Action::Undo);
        assert_eq!(s.doc.as_ref().unwrap().dct(), doc.dct(), "undo restores the DCT");
        assert_eq!(*s.anns, *before_anns, "undo restores every annotation");
        s.apply(Action::Redo);
        assert_eq!(s.doc.as_ref().unwrap().dct(), after_doc.dct());
        assert_eq!(*s.anns, *after_anns);
        // The edits made before the DCT change stay undoable after it.
        s.apply(Action::Undo);
        assert_eq!(s.get("D1").unwrap().date().unwrap().value, "2025-09-12");
        s.apply(Action::Undo);
        assert_ne!(s.get("D1").unwrap().date().unwrap().value, "2025-09-12", "the value edit is undone");
        s.apply(Action::Redo);
        s.apply(Action::Redo);
        assert_eq!(*s.anns, *after_anns);
        check(&s);
        // Clearing the DCT with no predictions keeps everything.
        s.apply(Action::SetDct { dct: None, predictions: vec![] });
        assert_eq!(s.doc.as_ref().unwrap().dct(), None);
        assert_eq!(s.get("D2").unwrap().date().unwrap().value, "2025-09-21");
    }

    #[test]
    fn gold_round_trip_restores_everything() {
        let mut s = opened();
        s.apply(Action::Reject("A2".into()));
        let json = s.gold().unwrap().to_json();
        let file = GoldFile::from_json(&json).unwrap();
        let mut t = State::default();
        t.apply(Action::OpenGold { file, origin: Origin::GoldFile("t.gold.json".into()) });
        assert_eq!(t.anns, s.anns);
        assert_eq!(t.doc, s.doc);
        assert_eq!(t.gold().unwrap().to_json(), json);
    }

    #[test]
    fn merge_and_split_identities_are_one_step_each() {
        let mut s = opened();
        let before = s.anns.clone();
        s.apply(Action::MergeIdentity { from: "Bamako".into(), into: "Paris".into() });
        assert_eq!(s.get("A2").unwrap().actor().unwrap().canonical, "Paris");
        assert_eq!(s.get("A2").unwrap().status, Status::Edited);
        assert_eq!(s.history.len(), 1);
        s.apply(Action::Undo);
        assert_eq!(s.anns, before);
        s.apply(Action::MergeIdentity { from: "Bamako".into(), into: "Nowhere".into() });
        assert!(matches!(s.message, Some(Message::Error(_))));
        s.apply(Action::SplitIdentity { ids: vec!["A1".into()], canonical: "".into() });
        assert_eq!(s.get("A1").unwrap().actor().unwrap().canonical, "Paris (2)");
        s.apply(Action::SplitIdentity { ids: vec!["A1".into(), "A2".into()], canonical: "French state".into() });
        assert_eq!(s.get("A2").unwrap().actor().unwrap().canonical, "French state");
        check(&s);
        s.apply(Action::Undo);
        s.apply(Action::Undo);
        assert_eq!(s.anns, before);
    }

    #[test]
    fn link_mode_cycle_and_resize() {
        let mut s = opened();
        // Link mode needs a claim.
        s.apply(Action::Select(Some("A1".into())));
        s.apply(Action::StartLink);
        assert!(s.linking.is_none() && matches!(s.message, Some(Message::Error(_))));
        s.apply(Action::Select(Some("C1".into())));
        s.apply(Action::StartLink);
        assert_eq!(s.linking.as_deref(), Some("C1"));
        // Choosing a DATE leaves link mode and selects it.
        s.apply(Action::Select(Some("D1".into())));
        assert!(s.linking.is_none());
        assert_eq!(s.selected.as_deref(), Some("D1"));
        s.apply(Action::Select(Some("C1".into())));
        s.apply(Action::StartLink);
        s.apply(Action::Select(Some("A2".into())));
        assert!(s.linking.is_none());
        assert_eq!(s.selected.as_deref(), Some("C1"), "the claim stays selected");
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source.as_deref(), Some("A2"));
        s.apply(Action::Undo);
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source.as_deref(), Some("A1"));
        assert_eq!(s.source_candidates("C1"), ["A1", "A2"]);
        s.apply(Action::CycleSource { id: "C1".into(), forward: true });
        assert_eq!(s.get("C1").unwrap().claim().unwrap().source.as_deref(), Some("A2"));
        s.apply(Action::CycleSource { id: "A1".into(), forward: true });
        assert!(matches!(s.message, Some(Message::Error(_))));
        // Resize: "Friday" grows to "on Friday" and back; a clash is refused.
        s.apply(Action::Resize { id: "D1".into(), edge: Edge::Start, grow: true });
        assert_eq!(s.get("D1").unwrap().quote, "on Friday");
        assert_eq!(s.get("D1").unwrap().status, Status::Edited);
        s.apply(Action::Resize { id: "D1".into(), edge: Edge::Start, grow: false });
        assert_eq!(s.get("D1").unwrap().quote, "Friday");
        s.apply(Action::Resize { id: "A1".into(), edge: Edge::End, grow: false });
        assert!(matches!(s.message, Some(Message::Error(_))));
        check(&s);
    }

    #[test]
    fn words_are_chosen_and_labelled_without_a_mouse() {
        let mut s = opened();
        s.apply(Action::StepWord { forward: true });
        assert_eq!(s.pending, Some(span_of("Paris")));
        s.apply(Action::Select(Some("D2".into())));
        // Nothing after the last date but a full stop.
        s.apply(Action::StepWord { forward: true });
        assert_eq!(s.pending, None);
        assert!(matches!(s.message, Some(Message::Info(_))));
        s.apply(Action::StepWord { forward: false });
        assert_eq!(s.doc.as_ref().unwrap().slice(s.pending.unwrap()), Some("it"));
        s.apply(Action::ResizePending { edge: Edge::Start, grow: true });
        assert_eq!(s.doc.as_ref().unwrap().slice(s.pending.unwrap()), Some("denied it"));
        s.apply(Action::Create { label: Label::Claim, date: None });
        assert_eq!(s.get(s.selected.as_deref().unwrap()).unwrap().quote, "denied it");
        check(&s);
    }

    #[test]
    fn mark_gold_only_when_nothing_is_left() {
        let mut s = opened();
        assert_eq!(s.unreviewed(), 5);
        s.apply(Action::MarkGold);
        assert!(!s.marked && matches!(s.message, Some(Message::Error(_))));
        for id in ["A1", "A2", "D1", "D2", "C1"] {
            s.apply(Action::Accept(id.into()));
        }
        assert_eq!(s.unreviewed(), 0);
        s.apply(Action::MarkGold);
        assert!(s.marked);
        s.apply(Action::Undo);
        assert!(!s.marked, "a prediction is unreviewed again");
    }

    fn open_other(s: &mut State) {
        let text = "Bamako said Paris lied. Paris denied it.";
        let doc = Document::new("u", text, None).unwrap();
        let b = text.find("Bamako").unwrap();
        let mut a = actor("A1", "Bamako");
        a.span = doc.span_of_bytes(b, b + 6).unwrap();
        let b = text.rfind("Paris").unwrap();
        let mut p = actor("A2", "Paris");
        p.span = doc.span_of_bytes(b, b + 5).unwrap();
        s.apply(Action::Open { doc, predictions: vec![a, p], origin: Origin::TextFile("u.txt".into()) });
    }

    #[test]
    fn corpus_switch_keeps_each_documents_work_and_one_history() {
        let mut s = opened();
        s.apply(Action::AddStubs(vec![Listed::new("seed", "A seed", Origin::Seed("seed".into()))]));
        s.apply(Action::Accept("A1".into()));
        open_other(&mut s);
        assert_eq!(s.corpus.len(), 3);
        assert_eq!(s.active(), Some(2));
        assert_eq!(s.corpus[0].counts, Some((4, 5)), "the first document is parked with its counts");
        assert_eq!(s.corpus[1].counts, None, "the stub is not loaded");
        s.apply(Action::Reject("A1".into()));
        // Back to the first: its work is there; undo reverts the last edit, made in the other.
        s.apply(Action::Switch(0));
        assert_eq!(s.doc.as_ref().unwrap().id, "t");
        assert_eq!(s.get("A1").unwrap().status, Status::Accepted);
        s.apply(Action::Undo);
        assert_eq!(s.corpus[2].parked.as_ref().unwrap().anns[0].status, Status::Predicted);
        assert!(matches!(&s.message, Some(Message::Info(m)) if m.contains("1 other document")));
        s.apply(Action::Undo);
        assert_eq!(s.get("A1").unwrap().status, Status::Predicted);
        s.apply(Action::Switch(1));
        assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("not loaded")));
        // Two gold files, in list order.
        let files = s.corpus_gold();
        assert_eq!(files.iter().map(|f| f.doc.id.as_str()).collect::<Vec<_>>(), ["t", "u"]);
        // Parking a file loads it without leaving the document on screen.
        let other = files[1].clone();
        s.apply(Action::Park { file: other, origin: Origin::Restored });
        assert_eq!(s.doc.as_ref().unwrap().id, "t");
    }

    #[test]
    fn fix_everywhere_previews_applies_ticked_and_undoes_in_one_step() {
        let mut s = opened();
        open_other(&mut s);
        s.apply(Action::Switch(0));
        // Correct "Paris" here (canonical France), then fix everywhere.
        s.apply(Action::SetCanonical { id: "A1".into(), canonical: "France".into() });
        s.apply(Action::PlanFix("A1".into()));
        let plan = s.fix.clone().expect("a plan");
        // In "u": the second Paris is an actor to rename, the first one gets an actor added.
        let whats: Vec<_> = plan.iter().map(|c| (c.doc.as_str(), c.what.as_str())).collect();
        assert_eq!(plan.len(), 2, "{whats:?}");
        assert!(plan.iter().all(|c| c.doc == "u" && c.quote == "Paris"));
        assert!(plan.iter().any(|c| c.what.starts_with("add ACTOR")));
        assert!(plan.iter().any(|c| c.what.contains("France")));
        assert!(plan.iter().all(|c| !c.before.is_empty() || !c.after.is_empty()));
        // Untick the add.
        let keep: Vec<usize> = (0..plan.len()).filter(|&i| !plan[i].what.starts_with("add")).collect();
        s.apply(Action::ApplyFix(keep));
        assert!(s.fix.is_none());
        let u = s.corpus.iter().find(|e| e.id == "u").unwrap().parked.clone().unwrap();
        assert_eq!(u.anns.iter().filter(|a| a.actor().is_some_and(|x| x.canonical == "France")).count(), 1);
        assert_eq!(u.anns.len(), 2, "the unticked add was not made");
        s.apply(Action::Undo);
        let u = s.corpus.iter().find(|e| e.id == "u").unwrap().parked.clone().unwrap();
        assert!(u.anns.iter().all(|a| a.actor().unwrap().canonical != "France"));
        assert_eq!(
            s.get("A1").unwrap().actor().unwrap().canonical,
            "France",
            "the model's own edit is a step of its own"
        );
        // A rejected model rejects the others.
        s.apply(Action::Reject("A2".into()));
        s.apply(Action::PlanFix("A2".into()));
        let plan = s.fix.clone().expect("a plan");
        assert!(plan.iter().all(|c| c.what.starts_with("reject")), "{:?}", plan);
        s.apply(Action::CancelFix);
        assert!(s.fix.is_none());
        // A prediction is reviewed first.
        s.apply(Action::PlanFix("D1".into()));
        assert!(matches!(s.message, Some(Message::Error(_))));
    }

    #[test]
    fn actions_without_a_document_do_not_panic() {
        let mut s = State::default();
        for a in [
            Action::SelectText(Some(Span::new(0, 3).unwrap())),
            Action::Create { label: Label::Claim, date: None },
            Action::Delete("A1".into()),
            Action::Accept("x".into()),
            Action::Undo,
            Action::Redo,
            Action::SetDct { dct: None, predictions: vec![] },
            Action::MergeIdentity { from: "a".into(), into: "b".into() },
            Action::SplitIdentity { ids: vec!["A1".into()], canonical: "".into() },
            Action::Resize { id: "A1".into(), edge: Edge::End, grow: true },
            Action::CycleSource { id: "C1".into(), forward: true },
            Action::StartLink,
            Action::LinkSource("A1".into()),
            Action::MarkGold,
            Action::Switch(3),
            Action::StepWord { forward: false },
            Action::ResizePending { edge: Edge::End, grow: true },
            Action::PlanFix("A1".into()),
            Action::ApplyFix(vec![0]),
        ] {
            s.apply(a);
        }
        assert!(s.gold().is_none());
        // Offsets past the end are ignored, not a panic.
        let mut s = opened();
        s.apply(Action::SelectText(Some(Span::new(5, 10_000).unwrap())));
        assert_eq!(s.pending, None);
    }
}
