//! Adjudication through the reducer: starting, deciding, undo and redo, replay of the edit log.

use super::*;
use crate::formats::gold::GoldFile;
use crate::model::{ActorAttrs, ActorKind, Annotation, Attrs, Document, Mention, Provenance};
use crate::ui::state::{Action, Origin};

const TEXT: &str = "Paris said Bamako lied. Mali denied it.";

fn doc() -> Document {
    Document::new("t", TEXT, Some("2025-09-19".parse().unwrap())).unwrap()
}

fn actor(id: &str, word: &str, kind: ActorKind, status: Status) -> Annotation {
    let b = TEXT.find(word).unwrap();
    Annotation {
        id: id.into(),
        span: Span::new(b, b + word.len()).unwrap(),
        quote: word.into(),
        status,
        note: None,
        unsure: false,
        provenance: Provenance::extractor("test"),
        attrs: Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: word.into(), role: None }),
    }
}

fn file(who: &str, anns: Vec<Annotation>) -> GoldFile {
    let mut f = GoldFile::new(doc(), anns);
    f.meta.annotator = Some(who.into());
    f
}

/// Ann and Bob agree on Paris; Bamako's kind differs; only Ann marks Mali.
fn ann_file() -> GoldFile {
    file(
        "ann",
        vec![
            actor("A1", "Paris", ActorKind::State, Status::Accepted),
            actor("A2", "Bamako", ActorKind::State, Status::Accepted),
            actor("A3", "Mali", ActorKind::State, Status::Manual),
        ],
    )
}

fn bob_file() -> GoldFile {
    file(
        "bob",
        vec![
            actor("B1", "Paris", ActorKind::State, Status::Accepted),
            actor("B2", "Bamako", ActorKind::Group, Status::Edited),
        ],
    )
}

/// Ann's file opened as the work (its author is Ann), then Bob's (kept as version 2).
fn two_files() -> State {
    let mut s = State::default();
    s.apply(Action::OpenGold { file: ann_file(), origin: Origin::GoldFile("ann.json".into()) });
    assert_eq!(s.meta.annotator.as_deref(), Some("ann"));
    s.apply(Action::Import { file: bob_file(), origin: Origin::GoldFile("bob.json".into()) });
    assert_eq!(s.corpus[0].versions.len(), 1);
    s
}

fn error(s: &State) -> String {
    match &s.message {
        Some(Message::Error(m)) => m.clone(),
        other => panic!("no error: {other:?}"),
    }
}

#[test]
fn starting_needs_a_name_and_two_versions_and_changes_nothing_when_refused() {
    let mut s = State::default();
    s.apply(Action::Open { doc: doc(), predictions: vec![], origin: Origin::Pasted });
    s.apply(Action::Import { file: ann_file(), origin: Origin::GoldFile("ann.json".into()) });
    let before = (s.anns.clone(), s.history.clone(), s.corpus[0].versions.clone());
    s.apply(Action::Adjudicate);
    assert!(error(&s).contains("annotator field"), "{}", error(&s));
    s.apply(Action::SetAnnotator("ann".into()));
    s.apply(Action::Adjudicate);
    assert!(error(&s).contains("at least two"), "{}", error(&s));
    assert_eq!((s.anns.clone(), s.history.clone(), s.corpus[0].versions.clone()), before);
    assert!(s.meta.adjudication.is_none() && !s.adjudicate_view);
}

#[test]
fn starting_keeps_the_work_as_a_version_takes_the_agreed_and_undo_restores_all() {
    let mut s = two_files();
    s.apply(Action::SetAnnotator("ann".into()));
    let (work, steps) = (s.anns.clone(), s.history.len());
    s.apply(Action::Adjudicate);
    assert!(s.message.as_ref().is_some_and(|m| matches!(m, Message::Info(t) if t.contains("2 disagreement"))));
    let versions = &s.corpus[0].versions;
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[1].n, versions[1].annotator.as_deref()), (3, Some("ann")));
    assert_eq!(versions[1].file.annotations, *work, "the work, kept");
    assert_eq!(s.anns.len(), 1);
    assert_eq!(s.anns[0].quote, "Paris");
    assert_eq!(s.anns[0].provenance.agreed_by, ["bob", "ann"]);
    assert_eq!(s.anns[0].provenance.adjudicated_by.as_deref(), Some("ann"));
    let record = Adjudication { of: vec!["bob".into(), "ann".into()], by: "ann".into() };
    assert_eq!(s.meta.adjudication.as_ref(), Some(&record));
    assert!(s.adjudicate_view);
    assert_eq!(s.history.len(), steps + 1, "one step");
    let a = s.adjudicating().unwrap();
    assert_eq!(a.plan.counts(&s.anns), (1, 0, 2));
    // The first disagreement waits as selected words.
    assert_eq!(s.pending, Some(a.plan.clusters[0].extent));
    let json = s.gold().unwrap().to_json();
    assert!(json.contains(r#""adjudication": {"#) && json.contains(r#""agreed_by": ["#), "{json}");

    s.apply(Action::Undo);
    assert_eq!(s.anns, work);
    assert_eq!(s.corpus[0].versions.len(), 1, "the version it added is gone");
    assert!(s.meta.adjudication.is_none() && !s.adjudicate_view && s.adjudicating().is_none());
    s.apply(Action::Redo);
    assert_eq!(s.corpus[0].versions.len(), 2);
    assert_eq!(s.meta.adjudication.as_ref(), Some(&record));
    assert_eq!(s.anns.len(), 1);
}

#[test]
fn a_work_identical_to_a_version_is_not_kept_twice() {
    let mut s = State::default();
    let predictions = vec![actor("A1", "Paris", ActorKind::State, Status::Predicted)];
    s.apply(Action::Open { doc: doc(), predictions, origin: Origin::Pasted });
    s.apply(Action::Accept("A1".into()));
    s.apply(Action::Import { file: ann_file(), origin: Origin::GoldFile("ann.json".into()) });
    s.apply(Action::Import { file: bob_file(), origin: Origin::GoldFile("bob.json".into()) });
    assert_eq!(s.corpus[0].versions.len(), 2);
    s.apply(Action::UseVersion { id: "t".into(), n: 2 });
    s.apply(Action::SetAnnotator("cy".into()));
    s.apply(Action::Adjudicate);
    assert_eq!(s.corpus[0].versions.len(), 2, "{:?}", s.message);
    let a = s.adjudicating().unwrap();
    assert_eq!(a.sides.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(), ["ann", "bob"]);
    assert_eq!(a.by, "cy");
}

#[test]
fn a_full_adjudication_by_the_reducer() {
    let mut s = two_files();
    s.apply(Action::SetAnnotator("cy".into()));
    assert_eq!(s.meta.annotator.as_deref(), Some("ann"), "a colleague's work keeps its author");
    s.apply(Action::Adjudicate);
    let a = s.adjudicating().unwrap();
    // Ann's work, kept as a version, is labelled Ann's; Cy adjudicates.
    assert_eq!(a.sides.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(), ["bob", "ann"]);
    assert_eq!(a.by, "cy");
    assert_eq!(s.adjudicate_at, Some(0));
    // Bamako: take Bob's (version 1).
    s.apply(Action::AdjudicateTake(1));
    let a = s.adjudicating().unwrap();
    assert!(a.plan.is_settled(0, &s.anns));
    let taken = s.get(s.selected.as_deref().unwrap()).unwrap();
    assert_eq!(taken.actor().unwrap().kind, ActorKind::Group, "what was taken is selected");
    assert_eq!(taken.provenance.adjudicated_by.as_deref(), Some("cy"));
    // Mali: Bob marked nothing, so 1 rejects it; then 2 takes it after all.
    s.apply(Action::AdjudicateNext { forward: true });
    assert_eq!(s.adjudicate_at, Some(1));
    s.apply(Action::AdjudicateTake(1));
    let mali = s.anns.iter().find(|x| x.quote == "Mali").unwrap();
    assert_eq!(mali.status, Status::Rejected);
    s.apply(Action::AdjudicateTake(2));
    let mali: Vec<_> = s.anns.iter().filter(|x| x.quote == "Mali").collect();
    assert_eq!(mali.len(), 1);
    assert_eq!(mali[0].status, Status::Manual);
    assert_eq!(s.adjudicating().unwrap().plan.counts(&s.anns), (1, 2, 2));
    s.apply(Action::AdjudicateNext { forward: true });
    assert!(matches!(&s.message, Some(Message::Info(m)) if m.contains("every disagreement is settled")));
    s.apply(Action::AdjudicateTake(7));
    assert!(error(&s).contains("no version 7"), "{}", error(&s));
    // Undo unsettles one decision at a time.
    s.apply(Action::Undo);
    assert_eq!(s.anns.iter().find(|x| x.quote == "Mali").unwrap().status, Status::Rejected);
    s.apply(Action::Undo);
    s.apply(Action::Undo);
    assert_eq!(s.adjudicating().unwrap().plan.counts(&s.anns), (1, 0, 2));
    s.apply(Action::Redo);
    assert_eq!(s.adjudicating().unwrap().plan.counts(&s.anns), (1, 1, 2));
    // D leaves the view and comes back; the work stays.
    let work = s.anns.clone();
    s.apply(Action::Adjudicate);
    assert!(!s.adjudicate_view);
    s.apply(Action::Adjudicate);
    assert!(s.adjudicate_view);
    assert_eq!(s.anns, work);
}

#[test]
fn the_edit_log_replays_the_start_with_its_version_and_record() {
    let mut s = two_files();
    s.apply(Action::SetAnnotator("cy".into()));
    let mut saved = s.clone();
    s.journal.clear();
    s.apply(Action::Adjudicate);
    s.apply(Action::AdjudicateTake(0));
    let ops = s.journal.clone();
    assert_eq!(ops.len(), 2);
    saved.apply(Action::Replay { ops, upto: 9 });
    assert_eq!(saved.anns, s.anns);
    assert_eq!(saved.corpus[0].versions, s.corpus[0].versions);
    assert_eq!(saved.meta.adjudication, s.meta.adjudication);
    // The adjudicated gold is the adjudicator's file; undoing the start gives Ann's back.
    assert_eq!((s.meta.annotator.as_deref(), saved.meta.annotator.as_deref()), (Some("cy"), Some("cy")));
    s.apply(Action::Undo);
    s.apply(Action::Undo);
    assert_eq!(s.meta.annotator.as_deref(), Some("ann"));
    assert!(s.meta.adjudication.is_none());
    // And the history's saved form keeps the step, so undo after a reload still works.
    let h = crate::ui::history::History::from_json(&s.history.to_json()).unwrap();
    assert_eq!(h, *s.history);
}

#[test]
fn the_context_of_a_disagreement_is_its_sentence() {
    let chars: Vec<char> = "One. Paris said so! Then more.".chars().collect();
    let (b, w, a) = context(&chars, Span::new(5, 10).unwrap());
    assert_eq!((b.as_str(), w.as_str(), a.as_str()), ("", "Paris", " said so!"));
    let (b, _, a) = context(&chars, Span::new(25, 29).unwrap());
    assert_eq!((b.as_str(), a.as_str()), ("Then ", "."));
    // Past the end of the text: cut, never a panic.
    let (_, w, a) = context(&chars, Span::new(28, 99).unwrap());
    assert_eq!((w.as_str(), a.as_str()), ("e.", ""));
}
