use super::*;
use crate::extract::learned::{Compiled, RULE};
use crate::extract::Pipeline;

fn doc(text: &str) -> Document {
    Document::new("t", text, Some("2025-09-19".parse().unwrap())).unwrap()
}

fn run(lex: &ProjectLexicon, text: &str) -> Vec<Annotation> {
    Pipeline::default().run_learned(&doc(text), lex, &Compiled::new(lex))
}

fn actor<'a>(anns: &'a [Annotation], quote: &str) -> Option<&'a Annotation> {
    anns.iter().find(|a| a.label() == Label::Actor && a.quote == quote)
}

/// A made-up name the extractor cannot know, in lowercase so no capitalised-run rule finds it.
const TEXT: &str = "The talks stalled on Monday. Talks with zorblax went on.";

#[test]
fn a_name_added_in_one_document_is_predicted_in_the_next_with_its_identity() {
    let plain = Pipeline::default().run(&doc(TEXT));
    assert!(actor(&plain, "zorblax").is_none(), "the extractor alone does not find it: {plain:?}");
    let mut lex = ProjectLexicon::new();
    assert!(lex.accept_actor("zorblax", ActorKind::Group, "Zorblax Front"));
    let anns = run(&lex, TEXT);
    let a = actor(&anns, "zorblax").expect("the learned name is predicted");
    let Attrs::Actor(attrs) = &a.attrs else { unreachable!() };
    assert_eq!((attrs.kind, attrs.canonical.as_str()), (ActorKind::Group, "Zorblax Front"));
    assert_eq!(a.provenance.rule.as_deref(), Some(RULE));
    assert!(a.id.starts_with('A'), "numbered like every actor: {}", a.id);
    // Not inside another word.
    assert!(actor(&run(&lex, "The zorblaxes left."), "zorblax").is_none());
}

#[test]
fn a_rejected_surface_is_not_predicted_again_unless_accepted_more_often() {
    let text = "Bamako said on Monday that the envoy had been arrested.";
    let plain = Pipeline::default().run(&doc(text));
    assert!(actor(&plain, "Bamako").is_some(), "the capital acting is found: {plain:?}");
    let mut lex = ProjectLexicon::new();
    lex.reject(Label::Actor, "Bamako");
    let anns = run(&lex, text);
    assert!(actor(&anns, "Bamako").is_none(), "{anns:?}");
    for c in anns.iter().filter(|a| a.label() == Label::Claim) {
        let Attrs::Claim(c) = &c.attrs else { unreachable!() };
        assert!(c.source.as_deref().is_none_or(|s| anns.iter().any(|a| a.id == s)), "no dangling source: {anns:?}");
    }
    assert!(lex.is_rejected(Label::Actor, "Bamako"));
    lex.accept_actor("Bamako", ActorKind::State, "Mali");
    lex.accept_actor("Bamako", ActorKind::State, "Mali");
    assert!(!lex.is_rejected(Label::Actor, "Bamako"), "accepted twice, rejected once");
    assert!(actor(&run(&lex, text), "Bamako").is_some());
}

#[test]
fn a_rejected_date_goes_and_a_learned_absolute_date_comes() {
    let text = "They met on Monday and again at the Zorb Summit.";
    let mut lex = ProjectLexicon::new();
    lex.reject(Label::Date, "monday");
    let anns = run(&lex, text);
    assert!(!anns.iter().any(|a| a.label() == Label::Date && a.quote == "Monday"), "{anns:?}");
    assert!(
        !lex.accept_date("the Zorb Summit", TimexType::Date, "XXXX-09"),
        "a value that needs the DCT is not learned"
    );
    assert!(lex.accept_date("the Zorb Summit", TimexType::Date, "2024-05-02"));
    let d = run(&lex, text).into_iter().find(|a| a.quote == "the Zorb Summit").expect("learned date predicted");
    let Attrs::Date(attrs) = &d.attrs else { panic!("a DATE: {d:?}") };
    assert_eq!(attrs.value, "2024-05-02");
}

#[test]
fn a_renamed_identity_is_applied_to_predictions_and_learned_names() {
    let mut lex = ProjectLexicon::new();
    lex.accept_actor("zorblax", ActorKind::Group, "Zorblax");
    assert!(lex.rename("Zorblax", "Zorblax Front"));
    assert_eq!(lex.actors["zorblax"].canonical, "Zorblax Front");
    let text = "France and Mali talked. zorblax fighters came.";
    let plain = Pipeline::default().run(&doc(text));
    let Attrs::Actor(mali) = &actor(&plain, "Mali").expect("Mali is found").attrs else { unreachable!() };
    lex.rename(&mali.canonical.clone(), "Republic of Mali");
    let anns = run(&lex, text);
    let Attrs::Actor(a) = &actor(&anns, "Mali").unwrap().attrs else { unreachable!() };
    assert_eq!(a.canonical, "Republic of Mali");
    assert_eq!(actor(&anns, "Mali").unwrap().provenance.rule.as_deref(), Some(RULE));
}

#[test]
fn learning_a_reviewed_document_accepts_gold_names_and_rejects_what_was_dropped() {
    let text = "Bamako said talks with zorblax and Emmanuel Macron would go on.";
    let d = doc(text);
    let predicted = Pipeline::default().run(&d);
    assert!(actor(&predicted, "Bamako").is_some() && actor(&predicted, "Emmanuel Macron").is_some(), "{predicted:?}");
    // The person kept Macron, dropped Bamako and added zorblax.
    let mut gold: Vec<Annotation> =
        predicted.iter().filter(|a| a.quote != "Bamako" && a.label() != Label::Claim).cloned().collect();
    let start = text.find("zorblax").unwrap();
    gold.push(Annotation {
        id: "A99".into(),
        span: d.span(start, start + 7).unwrap(),
        quote: "zorblax".into(),
        status: Status::Manual,
        note: None,
        unsure: false,
        provenance: crate::model::Provenance::extractor("manual"),
        attrs: Attrs::Actor(crate::model::ActorAttrs {
            kind: ActorKind::Group,
            mention: Mention::Name,
            canonical: "Zorblax Front".into(),
            role: None,
        }),
    });
    let mut lex = ProjectLexicon::new();
    let n = lex.learn_document(&d, &gold, &predicted, &Coverage::full(), &[]);
    assert!(n >= 3, "{n} decisions: {lex:?}");
    assert!(lex.is_rejected(Label::Actor, "Bamako"));
    assert_eq!(lex.actor("zorblax").map(|a| a.canonical.as_str()), Some("Zorblax Front"));
    assert!(lex.actor("Emmanuel Macron").is_some());
}

#[test]
fn the_lexicon_file_round_trips_and_bad_files_are_refused_in_words() {
    let mut lex = ProjectLexicon::new();
    lex.accept_actor("Assimi Goïta 🙂", ActorKind::Person, "Assimi Goïta");
    lex.reject(Label::Actor, "Stealth Over Health");
    lex.reject(Label::Date, "The Day");
    lex.accept_date("Sept. 19, 2025", TimexType::Date, "2025-09-19");
    lex.rename("Goita", "Assimi Goïta");
    let json = lex.to_json();
    assert_eq!(ProjectLexicon::from_json(&json).unwrap(), lex);
    assert!(json.contains("\"the day\": 1"), "{json}");
    for (bad, says) in [
        ("{", "not a Gloss lexicon file"),
        (
            r#"{"format":"gloss-gold","version":1,"actors":{},"rejected":{},"renamed":{},"dates":{}}"#,
            "expected \"gloss-lexicon\"",
        ),
        (r#"{"format":"gloss-lexicon","version":2,"actors":{},"rejected":{},"renamed":{},"dates":{}}"#, "version 2"),
        (
            r#"{"format":"gloss-lexicon","version":1,"actors":{" x":{"kind":"person","canonical":"x","accepted":1}},"rejected":{},"renamed":{},"dates":{}}"#,
            "cannot be learned",
        ),
        (
            r#"{"format":"gloss-lexicon","version":1,"actors":{},"rejected":{"CLAIM":{"x":1}},"renamed":{},"dates":{}}"#,
            "CLAIM",
        ),
        (
            r#"{"format":"gloss-lexicon","version":1,"actors":{},"rejected":{},"renamed":{},"dates":{"monday":{"type":"DATE","value":"XXXX-WXX-1","accepted":1}}}"#,
            "only a year",
        ),
        (
            r#"{"format":"gloss-lexicon","version":1,"actors":{"x":{"kind":"robot","canonical":"x","accepted":1}},"rejected":{},"renamed":{},"dates":{}}"#,
            "robot",
        ),
    ] {
        let e = ProjectLexicon::from_json(bad).unwrap_err();
        assert!(e.contains(says), "{bad}: {e}");
    }
}

#[test]
fn surfaces_that_cannot_be_names_are_not_learned() {
    let mut lex = ProjectLexicon::new();
    assert!(!lex.accept_actor("", ActorKind::Person, "x"));
    assert!(!lex.accept_actor(" Mali", ActorKind::State, "Mali"));
    assert!(!lex.accept_actor("two\nlines", ActorKind::State, "Mali"));
    assert!(!lex.accept_actor(&"x".repeat(MAX_SURFACE + 1), ActorKind::State, "Mali"));
    assert!(!lex.reject(Label::Claim, "said"));
    assert!(lex.is_empty());
}

/// `quote` in `d` as an annotation of `attrs` with `status`.
fn decided(d: &Document, quote: &str, status: Status, attrs: Attrs) -> Annotation {
    let at = d.text().find(quote).expect("quote in the text");
    let start = d.text()[..at].chars().count();
    let span = Span::new(start, start + quote.chars().count()).unwrap();
    Annotation {
        id: "X".into(),
        span,
        quote: quote.into(),
        status,
        provenance: crate::model::Provenance::default(),
        attrs,
        note: None,
        unsure: false,
    }
}

fn name(kind: ActorKind, canonical: &str) -> Attrs {
    Attrs::Actor(crate::model::ActorAttrs {
        kind,
        canonical: canonical.into(),
        mention: Mention::Name,
        ..Default::default()
    })
}

#[test]
fn decisions_recorded_in_statuses_are_learned_and_unreviewed_predictions_teach_nothing() {
    let d = doc("Talks with zorblax went on. Bamako said so on 19 Sept 2025. Bamako left.");
    let date = |v: &str| Attrs::Date(crate::model::DateAttrs { value: v.into(), ..Default::default() });
    let anns = vec![
        decided(&d, "zorblax", Status::Manual, name(ActorKind::Group, "Zorblax Front")),
        decided(&d, "19 Sept 2025", Status::Edited, date("2025-09-19")),
        decided(&d, "Talks", Status::Rejected, name(ActorKind::Person, "Talks")),
        decided(&d, "Bamako", Status::Predicted, name(ActorKind::State, "Mali")),
    ];
    let mut lex = ProjectLexicon::new();
    assert_eq!(lex.learn_decisions(&d, &anns), 3);
    assert_eq!(lex.actor("zorblax").map(|a| (a.kind, a.canonical.as_str())), Some((ActorKind::Group, "Zorblax Front")));
    assert_eq!(lex.date("19 sept 2025").map(|x| x.value.as_str()), Some("2025-09-19"));
    assert!(lex.is_rejected(Label::Actor, "Talks"));
    assert!(lex.actor("Bamako").is_none(), "a prediction nobody reviewed is not a decision");
    // The same decisions undone (back to predicted) teach nothing.
    let undone: Vec<Annotation> = anns.into_iter().map(|a| Annotation { status: Status::Predicted, ..a }).collect();
    let mut fresh = ProjectLexicon::new();
    assert_eq!(fresh.learn_decisions(&d, &undone), 0);
    assert!(fresh.is_empty());
}

#[test]
fn a_rejection_of_words_kept_elsewhere_in_the_document_is_not_learned() {
    let d = doc("Bamako said so. Bamako is hot.");
    let mut second = decided(&d, "Bamako is", Status::Rejected, name(ActorKind::State, "Mali"));
    second.span = Span::new(16, 22).unwrap();
    second.quote = "Bamako".into();
    let anns = vec![decided(&d, "Bamako", Status::Accepted, name(ActorKind::State, "Mali")), second];
    let mut lex = ProjectLexicon::new();
    assert_eq!(lex.learn_decisions(&d, &anns), 1);
    assert_eq!(lex.rejections(Label::Actor, "Bamako"), 0);
}

#[test]
fn merging_adds_counts_and_forgetting_removes_one_entry() {
    let mut a = ProjectLexicon::new();
    a.accept_actor("Bamako", ActorKind::State, "Mali");
    a.reject(Label::Date, "the day");
    let mut b = ProjectLexicon::new();
    b.accept_actor("Bamako", ActorKind::State, "Republic of Mali");
    b.rename("Junta", "Transitional government");
    a.merge(&b);
    let bamako = a.actors.get("Bamako").unwrap();
    assert_eq!((bamako.accepted, bamako.canonical.as_str()), (2, "Republic of Mali"));
    let entries = a.entries();
    assert_eq!(
        entries,
        vec![Entry::Actor("Bamako".into()), Entry::RejectedDate("the day".into()), Entry::Renamed("Junta".into())]
    );
    assert!(entries.iter().all(|e| e.describe(&a).is_some()));
    assert!(a.forget(&Entry::RejectedDate("the day".into())));
    assert!(!a.forget(&Entry::RejectedDate("the day".into())), "gone already");
    assert_eq!(a.rejections(Label::Date, "the day"), 0);
    // An entry's key survives JSON (the page keeps forgotten entries).
    let j = serde_json::to_string(&Entry::Actor("Bamako".into())).unwrap();
    assert_eq!(serde_json::from_str::<Entry>(&j).unwrap(), Entry::Actor("Bamako".into()));
}
