//! The identity registry's actions through the reducer: plans, applying them, undo and redo
//! across documents, bad names, kinds that differ, the declared entries and the files.

use super::*;
use crate::formats::gold::GoldFile;
use crate::model::{ActorAttrs, Attrs, Document, Mention, Provenance, Span, Status};
use crate::ui::corpus::Listed;
use crate::ui::state::{Action, Origin};

const T1: &str = "Paris said Mali lied. Bamako denied it.";
const T2: &str = "Mali and France met. Mali left.";
const T3: &str = "Bamako and Paris argued.";

fn actor(text: &str, id: &str, word: &str, nth: usize, canonical: &str, kind: ActorKind) -> Annotation {
    let b = text.match_indices(word).nth(nth).unwrap().0;
    let s = text[..b].chars().count();
    Annotation {
        id: id.into(),
        span: Span::new(s, s + word.chars().count()).unwrap(),
        quote: word.into(),
        status: Status::Accepted,
        note: None,
        unsure: false,
        provenance: Provenance::extractor("test"),
        attrs: Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: canonical.into(), role: None }),
    }
}

fn file(id: &str, text: &str, anns: Vec<Annotation>) -> GoldFile {
    GoldFile::new(Document::new(id, text, None).unwrap(), anns)
}

/// d1 on screen; d2 and d3 parked; a fourth document listed but not loaded.
fn corpus() -> State {
    use ActorKind::{Person, State as St};
    let mut s = State::default();
    let f1 = file(
        "d1",
        T1,
        vec![
            actor(T1, "A1", "Paris", 0, "France", St),
            actor(T1, "A2", "Mali", 0, "Mali", St),
            actor(T1, "A3", "Bamako", 0, "Mali", St),
        ],
    );
    let f2 = file(
        "d2",
        T2,
        vec![
            actor(T2, "A1", "Mali", 0, "Mali", St),
            actor(T2, "A2", "France", 0, "France", St),
            actor(T2, "A3", "Mali", 1, "Mali", St),
        ],
    );
    let f3 =
        file("d3", T3, vec![actor(T3, "A1", "Bamako", 0, "Mali", St), actor(T3, "A2", "Paris", 0, "Paris", Person)]);
    s.apply(Action::OpenGold { file: f1, origin: Origin::Pasted });
    s.apply(Action::Park { file: f2, origin: Origin::Restored });
    s.apply(Action::Park { file: f3, origin: Origin::Restored });
    s.apply(Action::AddStubs(vec![Listed::new("d4", "not loaded", Origin::Restored)]));
    s
}

fn names(s: &State, doc: &str) -> Vec<String> {
    let anns = s.loaded().into_iter().find(|l| l.0 == doc).unwrap().3;
    anns.iter().filter_map(|a| a.actor().map(|x| x.canonical.clone())).collect()
}

fn apply_all(s: &mut State) {
    let n = s.fix.as_ref().expect("a plan").len();
    s.apply(Action::ApplyFix((0..n).collect()));
}

fn info(s: &State) -> String {
    match &s.message {
        Some(Message::Info(m)) => m.clone(),
        other => panic!("expected a notice, got {other:?}"),
    }
}

fn error(s: &State) -> String {
    match &s.message {
        Some(Message::Error(m)) => m.clone(),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn rename_changes_every_loaded_document_in_one_step_and_one_undo_restores_all() {
    let mut s = corpus();
    s.apply(Action::PlanRename { from: "Mali".into(), to: "  Republic of   Mali ".into() });
    let plan = s.fix.clone().expect("a plan");
    // The registry row first, then the five mentions in three documents.
    assert_eq!(plan.len(), 6);
    assert!(matches!(plan[0].edit, Edit::Aside { .. }));
    let m = info(&s);
    assert!(
        m.starts_with(
            "rename \u{201c}Mali\u{201d} to \u{201c}Republic of Mali\u{201d}: 5 mention(s) change in 3 document(s)"
        ),
        "{m}"
    );
    assert!(m.contains("1 document(s) of the corpus are listed but not loaded"), "{m}");
    apply_all(&mut s);
    assert_eq!(names(&s, "d1"), ["France", "Republic of Mali", "Republic of Mali"]);
    assert_eq!(names(&s, "d2"), ["Republic of Mali", "France", "Republic of Mali"]);
    assert_eq!(names(&s, "d3"), ["Republic of Mali", "Paris"]);
    assert_eq!(s.identities.len(), 1);
    assert_eq!((s.identities[0].name.as_str(), s.identities[0].kind), ("Republic of Mali", ActorKind::State));
    let reg = s.registry();
    assert!(reg.get("Mali").is_none());
    assert_eq!(reg.get("Republic of Mali").unwrap().mentions(), 5);
    s.apply(Action::Undo);
    assert_eq!(names(&s, "d1"), ["France", "Mali", "Mali"]);
    assert_eq!(names(&s, "d2"), ["Mali", "France", "Mali"]);
    assert_eq!(names(&s, "d3"), ["Mali", "Paris"]);
    assert!(s.identities.is_empty(), "the declared entry goes with the undo");
    s.apply(Action::Redo);
    assert_eq!(names(&s, "d3"), ["Republic of Mali", "Paris"]);
    assert_eq!(s.identities.len(), 1);
}

#[test]
fn bad_names_are_refused_or_warned_in_words() {
    let mut s = corpus();
    s.apply(Action::PlanRename { from: "Mali".into(), to: "   ".into() });
    assert!(error(&s).contains("empty"), "{:?}", s.message);
    assert!(s.fix.is_none());
    s.apply(Action::PlanRename { from: "Niger".into(), to: "X".into() });
    assert!(error(&s).contains("no identity \u{201c}Niger\u{201d}"));
    s.apply(Action::PlanRename { from: "Mali".into(), to: "Mali".into() });
    assert!(error(&s).contains("already its name"));
    // Only case or accents apart from another identity: planned, with a warning naming it.
    s.apply(Action::PlanRename { from: "Paris".into(), to: "FRANCÉ".into() });
    let m = info(&s);
    assert!(m.contains("only by case or accents") && m.contains("\u{201c}France\u{201d}"), "{m}");
    assert!(s.fix.is_some());
    s.apply(Action::CancelFix);
    // Into an existing identity: a merge, said so; here the kinds differ, so it asks.
    s.apply(Action::PlanRename { from: "Paris".into(), to: "France".into() });
    let m = error(&s);
    assert!(m.contains("merges the two") && m.contains("choose the kind"), "{m}");
    assert!(s.fix.is_none());
    s.apply(Action::PlanRename { from: "Mali".into(), to: "France".into() });
    assert!(info(&s).contains("merges the two"));
    assert!(s.fix.is_some());
}

#[test]
fn merge_across_documents_keeps_the_chosen_kind_and_undoes_in_one_step() {
    let mut s = corpus();
    s.apply(Action::PlanMerge { from: "Paris".into(), into: "France".into(), kind: None });
    assert!(error(&s).contains("person") && error(&s).contains("state"));
    s.apply(Action::PlanMerge { from: "Paris".into(), into: "France".into(), kind: Some(ActorKind::State) });
    assert!(info(&s)
        .starts_with("kinds differ (\u{201c}Paris\u{201d} a person, \u{201c}France\u{201d} a state): keeping state"));
    apply_all(&mut s);
    assert_eq!(names(&s, "d3"), ["Mali", "France"]);
    let d3 = s.loaded().into_iter().find(|l| l.0 == "d3").unwrap().3;
    assert_eq!(d3[1].actor().unwrap().kind, ActorKind::State);
    assert_eq!(d3[1].status, Status::Edited);
    assert_eq!(s.registry().get("France").unwrap().docs.len(), 3);
    assert!(s.registry().get("France").unwrap().declared);
    s.apply(Action::Undo);
    assert_eq!(names(&s, "d3"), ["Mali", "Paris"]);
    assert!(s.registry().get("Paris").is_some());
    s.apply(Action::PlanMerge { from: "Mali".into(), into: "Mali".into(), kind: None });
    assert!(error(&s).contains("already that identity"));
}

#[test]
fn split_takes_a_name_unique_in_the_corpus_and_undoes() {
    let mut s = corpus();
    // Bamako split off here: "Bamako" is no identity yet, so it becomes one.
    s.apply(Action::PlanSplit { ids: vec!["A3".into()], name: String::new() });
    apply_all(&mut s);
    assert_eq!(names(&s, "d1"), ["France", "Mali", "Bamako"]);
    assert_eq!(names(&s, "d3"), ["Mali", "Paris"], "only this document's mention");
    // "Paris" is an identity in d3: splitting Paris (France) off here gets "Paris (2)".
    s.apply(Action::PlanSplit { ids: vec!["A1".into()], name: String::new() });
    apply_all(&mut s);
    assert_eq!(names(&s, "d1")[0], "Paris (2)");
    s.apply(Action::PlanSplit { ids: vec!["A2".into()], name: "France".into() });
    assert!(error(&s).contains("already an identity"));
    s.apply(Action::PlanSplit { ids: vec!["nope".into()], name: String::new() });
    assert!(error(&s).contains("choose the actor mentions"));
    s.apply(Action::Undo);
    s.apply(Action::Undo);
    assert_eq!(names(&s, "d1"), ["France", "Mali", "Mali"]);
}

#[test]
fn fix_everywhere_on_an_actor_follows_its_identity_not_only_its_words() {
    let mut s = corpus();
    // "Bamako" in d1 is corrected from Mali to "Mali junta"; fixing everywhere renames the
    // other mentions of the identity Mali (whatever their words) and Bamako in d3.
    s.apply(Action::SetCanonical { id: "A3".into(), canonical: "Mali junta".into() });
    assert_eq!(s.canonical_before("d1", "A3").as_deref(), Some("Mali"));
    s.apply(Action::PlanFix("A3".into()));
    let plan = s.fix.clone().expect("a plan");
    let hits: Vec<(&str, &str)> = plan.iter().map(|c| (c.doc.as_str(), c.quote.as_str())).collect();
    assert_eq!(hits, [("d1", "Mali"), ("d2", "Mali"), ("d2", "Mali"), ("d3", "Bamako")], "{plan:?}");
    assert!(plan.iter().any(|c| c.what.contains("same identity")));
}

#[test]
fn the_declared_entries_go_into_the_files_and_come_back_from_them() {
    let mut s = corpus();
    s.apply(Action::PlanMerge { from: "Paris".into(), into: "France".into(), kind: Some(ActorKind::Organization) });
    apply_all(&mut s);
    let files = s.corpus_gold();
    let d2 = files.iter().find(|f| f.doc.id == "d2").unwrap();
    let ids = d2.meta.identities.clone().expect("entries");
    assert_eq!(ids.len(), 1);
    assert_eq!((ids[0].name.as_str(), ids[0].kind), ("France", ActorKind::Organization));
    assert_eq!(ids[0].aliases, ["France"]);
    let back = GoldFile::from_json(&d2.to_json()).unwrap();
    assert_eq!(back.meta.identities, d2.meta.identities, "written and read back");
    // A new page reading the files: the declared kind comes back with them.
    let mut t = State::default();
    for f in &files {
        t.apply(Action::Park { file: GoldFile::from_json(&f.to_json()).unwrap(), origin: Origin::Restored });
    }
    let reg = t.registry();
    assert!(reg.get("France").unwrap().declared);
    assert_eq!(reg.get("France").unwrap().kind, ActorKind::Organization);
    // A file whose entry is not unique or has no name is refused in words.
    let mut bad = d2.clone();
    bad.meta.identities = Some(vec![ids[0].clone(), ids[0].clone()]);
    assert!(GoldFile::from_json(&bad.to_json()).unwrap_err().message().contains("declared twice"));
    // Nothing declared: files carry no entries (their bytes unchanged).
    let u = corpus();
    assert!(u.gold().unwrap().meta.identities.is_none());
    // The session's restore.
    let mut v = corpus();
    v.apply(Action::SetIdentities(vec![crate::formats::gold::Identity {
        name: "Mali".into(),
        kind: ActorKind::Group,
        aliases: vec![],
    }]));
    assert_eq!(v.registry().get("Mali").unwrap().kind, ActorKind::Group);
    assert!(v.history.is_empty(), "restoring is no step of the history");
}
