//! The project lexicon through the reducer: learned from each decision, gone with its undo,
//! parked documents counted, imports and forgotten entries undone and replayed.

use super::*;
use crate::formats::gold::GoldFile;
use crate::learn::ProjectLexicon;
use crate::model::{ActorAttrs, ActorKind, Annotation, Attrs, Document, Label, Mention, Provenance, Span, Status};
use crate::ui::state::{Action, Origin};

/// An emoji and a combining mark before the names: offsets are code points.
const T1: &str = "🙂 Café\u{301} talks: zorblax said Paris lied.";
const T2: &str = "Zorblax and Paris met.";

fn predicted(text: &str, id: &str, word: &str, kind: ActorKind, canonical: &str) -> Annotation {
    let b = text.find(word).unwrap();
    let s = text[..b].chars().count();
    Annotation {
        id: id.into(),
        span: Span::new(s, s + word.chars().count()).unwrap(),
        quote: word.into(),
        status: Status::Predicted,
        note: None,
        unsure: false,
        provenance: Provenance::extractor("test"),
        attrs: Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: canonical.into(), role: None }),
    }
}

fn opened() -> State {
    let mut s = State::default();
    let doc = Document::new("d1", T1, None).unwrap();
    let anns = vec![
        predicted(T1, "A1", "zorblax", ActorKind::Group, "Zorblax Front"),
        predicted(T1, "A2", "Paris", ActorKind::Person, "Paris Hilton"),
    ];
    s.apply(Action::Open { doc, predictions: anns, origin: Origin::Pasted });
    s
}

#[test]
fn each_decision_teaches_the_lexicon_and_its_undo_takes_it_back() {
    let mut s = opened();
    assert!(s.lexicon().is_empty(), "predictions nobody reviewed teach nothing");
    s.apply(Action::Accept("A1".into()));
    let lex = s.lexicon();
    let a = lex.actor("zorblax").expect("accepted: learned");
    assert_eq!((a.kind, a.canonical.as_str()), (ActorKind::Group, "Zorblax Front"));
    s.apply(Action::Reject("A2".into()));
    assert!(s.lexicon().is_rejected(Label::Actor, "Paris"));
    s.apply(Action::Undo);
    assert!(!s.lexicon().is_rejected(Label::Actor, "Paris"), "the rejection is undone");
    assert!(s.lexicon().actor("zorblax").is_some(), "the acceptance stays");
    s.apply(Action::Undo);
    assert!(s.lexicon().is_empty());
    s.apply(Action::Redo);
    assert!(s.lexicon().actor("zorblax").is_some(), "redo teaches it again");
}

#[test]
fn decisions_in_parked_documents_count_too() {
    let mut s = opened();
    s.apply(Action::Accept("A1".into()));
    let mut other = GoldFile::new(Document::new("d2", T2, None).unwrap(), Vec::new());
    other.annotations = vec![Annotation {
        status: Status::Rejected,
        ..predicted(T2, "A1", "Paris", ActorKind::Person, "Paris Hilton")
    }];
    s.apply(Action::OpenGold { file: other, origin: Origin::GoldFile("d2.json".into()) });
    assert_eq!(s.doc.as_ref().map(|d| d.id.as_str()), Some("d2"));
    let lex = s.lexicon();
    assert!(lex.actor("zorblax").is_some(), "learned in the parked d1: {lex:?}");
    assert!(lex.is_rejected(Label::Actor, "Paris"));
}

#[test]
fn forgetting_and_importing_are_undoable_steps_that_replay() {
    let mut s = opened();
    s.apply(Action::Accept("A1".into()));
    let entry = crate::learn::Entry::Actor("zorblax".into());
    s.apply(Action::ForgetLexicon { entry: entry.clone(), forget: true });
    assert!(s.lexicon().actor("zorblax").is_none(), "forgotten");
    assert!(s.learned_lexicon().actor("zorblax").is_some(), "the decision itself stays");
    let mut file = ProjectLexicon::new();
    file.reject(Label::Date, "the day");
    file.rename("Junta", "Transitional government");
    s.apply(Action::ImportLexicon(file));
    assert_eq!(s.lexicon().rejections(Label::Date, "the day"), 1);
    assert!(matches!(&s.message, Some(Message::Info(m)) if m.contains("2 lexicon entries imported")));
    // The same steps replayed on the state before them (the edit log after a crash).
    let mut replayed = opened();
    replayed.apply(Action::Accept("A1".into()));
    let ops = s.journal.clone();
    let before_ops = {
        let mut t = opened();
        t.apply(Action::Accept("A1".into()));
        t.apply(Action::ForgetLexicon { entry: entry.clone(), forget: true });
        t.journal.clone()
    };
    replayed.apply(Action::Replay { ops: before_ops, upto: 1 });
    replayed.apply(Action::Replay { ops, upto: 2 });
    assert_eq!(replayed.lexicon(), s.lexicon(), "the edit log gives the same lexicon");
    s.apply(Action::Undo);
    assert_eq!(s.lexicon().rejections(Label::Date, "the day"), 0, "the import is undone");
    s.apply(Action::Undo);
    assert!(s.lexicon().actor("zorblax").is_some(), "forgetting is undone");
    s.apply(Action::ForgetLexicon { entry: entry.clone(), forget: true });
    s.apply(Action::ForgetLexicon { entry, forget: false });
    assert!(s.lexicon().actor("zorblax").is_some(), "taken back");
}

#[test]
fn an_empty_file_or_no_document_changes_nothing_and_says_why() {
    let mut s = State::default();
    let mut file = ProjectLexicon::new();
    file.reject(Label::Actor, "Mr");
    s.apply(Action::ImportLexicon(file));
    assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("open a document first")));
    assert!(s.lexicon().is_empty());
    let mut s = opened();
    s.apply(Action::ImportLexicon(ProjectLexicon::new()));
    assert!(matches!(&s.message, Some(Message::Error(m)) if m.contains("empty")));
    assert!(!s.history.can_undo());
}

#[test]
fn a_claim_made_by_hand_teaches_its_cue_word_until_undone() {
    // An emoji and a CRLF before the cue: the cue's words are read by code points.
    let doc = Document::new("d1", "🙂 Talks.\r\nThe minister harrumphed that the talks had failed.", None).unwrap();
    let text = doc.text().to_string();
    let at = |w: &str| {
        let s = text[..text.find(w).unwrap()].chars().count();
        Span::new(s, s + w.chars().count()).unwrap()
    };
    let mut s = State::default();
    s.apply(Action::Open { doc, predictions: Vec::new(), origin: Origin::Pasted });
    s.apply(Action::SelectText(Some(at("the talks had failed"))));
    s.apply(Action::Create { label: Label::Claim, date: None });
    let id = s.anns.iter().find(|a| a.label() == Label::Claim).map(|a| a.id.clone()).expect("a claim made");
    assert!(s.lexicon().cues.is_empty(), "no cue yet: nothing to learn");
    s.apply(Action::SetCue { id, span: Some(at("harrumphed")) });
    assert_eq!(s.lexicon().cues.get("harrumphed").map(|c| c.accepted), Some(1), "{:?}", s.anns);
    assert_eq!(s.lexicon().entries(), vec![crate::learn::Entry::Cue("harrumphed".into())]);
    s.apply(Action::Undo);
    assert!(s.lexicon().cues.is_empty(), "the cue's undo takes the word back");
}
