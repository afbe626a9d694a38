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
    // A closed-class word marked as a name by mistake is not predicted everywhere.
    assert!(lex.accept_actor("The", ActorKind::Person, "The") && lex.accept_actor("he", ActorKind::Person, "he"));
    let anns = run(&lex, TEXT);
    assert!(actor(&anns, "The").is_none() && actor(&anns, "zorblax").is_some(), "{anns:?}");
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
    let text = "Bamako said talks with zorblax, Acme Holdings and Emmanuel Macron would go on.";
    let d = doc(text);
    let predicted = Pipeline::default().run(&d);
    for name in ["Bamako", "Acme Holdings", "Emmanuel Macron"] {
        assert!(actor(&predicted, name).is_some(), "{name}: {predicted:?}");
    }
    // The person kept Macron, dropped Bamako (a state: not acting there) and Acme Holdings,
    // and added zorblax.
    let dropped = ["Bamako", "Acme Holdings"];
    let mut gold: Vec<Annotation> = (predicted.iter())
        .filter(|a| !dropped.contains(&a.quote.as_str()) && a.label() != Label::Claim)
        .cloned()
        .collect();
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
    assert!(lex.is_rejected(Label::Actor, "Acme Holdings"));
    // A state left out was not acting in that sentence: its name may act in the next one.
    assert_eq!(lex.rejections(Label::Actor, "Bamako"), 0);
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

fn claim_cued(cue: &str, stance: Option<crate::model::Stance>) -> Attrs {
    Attrs::Claim(crate::model::ClaimAttrs {
        cue: Some(crate::model::Cue { span: Span::new(0, cue.chars().count()).unwrap(), text: cue.into() }),
        stance,
        ..Default::default()
    })
}

fn claims_cued<'a>(anns: &'a [Annotation], cue: &str) -> Vec<&'a Annotation> {
    anns.iter().filter(|a| a.claim().and_then(|c| c.cue.as_ref()).is_some_and(|c| c.text == cue)).collect()
}

/// "harrumphed" is no cue of data/claims/verbs.txt.
const HARRUMPHED: &str = "The minister harrumphed that the talks had failed. Officials said the envoy left.";

#[test]
fn a_cue_word_learned_is_read_as_a_reporting_verb_and_says_so() {
    assert!(
        claims_cued(&Pipeline::default().run(&doc(HARRUMPHED)), "harrumphed").is_empty(),
        "not a cue of the extractor"
    );
    let mut lex = ProjectLexicon::new();
    assert!(lex.accept_cue("Harrumphed", crate::model::Stance::Assert), "learned in lowercase");
    assert!(lex.accept_cue("said", crate::model::Stance::Assert));
    let anns = run(&lex, HARRUMPHED);
    let harrumphed = claims_cued(&anns, "harrumphed");
    assert_eq!(harrumphed.len(), 1, "{anns:?}");
    assert_eq!(harrumphed[0].quote, "the talks had failed");
    assert_eq!(harrumphed[0].provenance.rule.as_deref(), Some(RULE));
    let source = harrumphed[0].claim().and_then(|c| c.source.as_deref()).expect("a source");
    assert_eq!(anns.iter().find(|a| a.id == source).map(|a| a.quote.as_str()), Some("The minister"));
    // A word the extractor knows already changes nothing, and says nothing.
    let said = claims_cued(&anns, "said");
    assert!(said.len() == 1 && said[0].provenance.rule.as_deref() != Some(RULE), "{said:?}");
    // A function word set as a cue by mistake is not read as a verb.
    let mut slip = ProjectLexicon::new();
    slip.accept_cue("the", crate::model::Stance::Assert);
    slip.accept_cue("because", crate::model::Stance::Assert);
    assert!(Compiled::new(&slip).claims().is_none(), "\"the\" and \"because\" are no reporting verbs");
    // Rejected as often as accepted: no longer read.
    assert!(lex.reject_cue("harrumphed"));
    assert!(!lex.reject_cue("whispered"), "not a learned word");
    assert!(claims_cued(&run(&lex, HARRUMPHED), "harrumphed").is_empty());
    // Only one lowercase word of letters is a cue word.
    for bad in ["", "said that", "3am", "-ed", &"a".repeat(MAX_CUE + 1)] {
        assert!(!lex.accept_cue(bad, crate::model::Stance::Assert), "{bad:?}");
    }
    assert!(cue_word_ok("fact-checked") && cue_word_ok("o'clock"));
}

#[test]
fn a_claim_added_teaches_its_cue_and_reviews_of_its_predictions_count() {
    let d = doc("The minister harrumphed that talks failed. The envoy harrumphed again. He spoke of peace.");
    let mut lex = ProjectLexicon::new();
    let added = decided(&d, "harrumphed", Status::Manual, claim_cued("harrumphed", Some(crate::model::Stance::Warn)));
    let spoke = decided(&d, "spoke", Status::Predicted, claim_cued("spoke", None));
    assert_eq!(lex.learn_decisions(&d, &[added.clone(), spoke]), 1, "an unreviewed claim teaches nothing");
    let c = lex.cues.get("harrumphed").unwrap();
    assert_eq!((c.stance, c.accepted, c.rejected), (crate::model::Stance::Warn, 1, 0));
    // Its predictions then accepted or rejected count for and against the word.
    let mut second = added.clone();
    second.span = Span::new(50, 55).unwrap();
    let rejected = Annotation { status: Status::Rejected, ..second.clone() };
    let mut lex = ProjectLexicon::new();
    assert_eq!(lex.learn_decisions(&d, &[added.clone(), rejected]), 2);
    assert_eq!(lex.cues.get("harrumphed").map(|c| (c.accepted, c.rejected)), Some((1, 1)));
    assert_eq!(lex.live_cues().count(), 0, "accepted no more often than rejected");
    let accepted = Annotation { status: Status::Accepted, ..second };
    let mut lex = ProjectLexicon::new();
    lex.learn_decisions(&d, &[added, accepted]);
    assert_eq!(lex.cues.get("harrumphed").map(|c| (c.accepted, c.rejected)), Some((2, 0)));
    // A rejected claim whose cue was never learned teaches nothing.
    let mut lex = ProjectLexicon::new();
    let said = decided(&d, "spoke", Status::Rejected, claim_cued("spoke", None));
    assert_eq!(lex.learn_decisions(&d, &[said]), 0);
    assert!(lex.is_empty());
}

#[test]
fn a_reviewed_document_teaches_the_cues_the_extractor_missed() {
    let d = doc(HARRUMPHED);
    let predicted = Pipeline::default().run(&d);
    let gold: Vec<Annotation> = ["harrumphed", "said"]
        .iter()
        .map(|w| {
            let mut a = decided(&d, w, Status::Manual, claim_cued(w, None));
            let Attrs::Claim(c) = &mut a.attrs else { unreachable!() };
            c.cue.as_mut().unwrap().span = a.span;
            a
        })
        .collect();
    let mut lex = ProjectLexicon::new();
    lex.learn_document(&d, &gold, &predicted, &crate::eval::Coverage::full(), &[]);
    assert_eq!(lex.cues.keys().collect::<Vec<_>>(), ["harrumphed"], "\"said\" was predicted there");
    // Predicted again where the gold has no such cue: counted against the word.
    let d2 = doc("The minister harrumphed that the economy had slowed.");
    let again = run(&lex, d2.text());
    assert_eq!(claims_cued(&again, "harrumphed").len(), 1);
    lex.learn_document(&d2, &gold[1..], &again, &crate::eval::Coverage::full(), &[]);
    assert_eq!(lex.cues.get("harrumphed").map(|c| (c.accepted, c.rejected)), Some((1, 1)));
}

#[test]
fn cue_words_round_trip_merge_and_forget_and_older_files_still_read() {
    let older = r#"{"format":"gloss-lexicon","version":1,"actors":{},"rejected":{},"renamed":{},"dates":{}}"#;
    let lex = ProjectLexicon::from_json(older).unwrap();
    assert!(lex.cues.is_empty());
    assert!(!lex.to_json().contains("cues"), "no cue words: the file is written as before");
    let mut a = ProjectLexicon::new();
    a.accept_cue("harrumphed", crate::model::Stance::Assert);
    let mut b = ProjectLexicon::new();
    b.accept_cue("harrumphed", crate::model::Stance::Warn);
    b.reject_cue("harrumphed");
    a.merge(&b);
    assert_eq!(
        a.cues.get("harrumphed"),
        Some(&LearnedCue { stance: crate::model::Stance::Warn, accepted: 2, rejected: 1 })
    );
    let json = a.to_json();
    assert_eq!(ProjectLexicon::from_json(&json).unwrap(), a);
    assert_eq!(a.entries(), vec![Entry::Cue("harrumphed".into())]);
    assert_eq!(
        Entry::Cue("harrumphed".into()).describe(&a).as_deref(),
        Some("cue word \u{201c}harrumphed\u{201d}: warn (2\u{d7}, rejected 1\u{d7})")
    );
    assert!(a.forget(&Entry::Cue("harrumphed".into())) && a.is_empty());
    let bad = r#"{"format":"gloss-lexicon","version":1,"actors":{},"rejected":{},"renamed":{},"dates":{},"cues":{"said that":{"stance":"assert","accepted":1}}}"#;
    let e = ProjectLexicon::from_json(bad).unwrap_err();
    assert!(e.contains("the cue word \"said that\" cannot be learned"), "{e}");
}

#[test]
fn a_state_teaches_its_identity_but_is_not_predicted_wherever_its_name_occurs() {
    // GUIDELINES.md: a state (or its capital) is an ACTOR where it acts, a place elsewhere.
    let mut lex = ProjectLexicon::new();
    assert!(lex.accept_actor("Mali", ActorKind::State, "Mali"));
    assert!(lex.accept_actor("Bamako", ActorKind::State, "Republic of Mali"));
    let place = "The envoy flew to Mali and then to Bamako on Monday.";
    let plain = Pipeline::default().run(&doc(place));
    assert!(actor(&plain, "Mali").is_none() && actor(&plain, "Bamako").is_none(), "places: {plain:?}");
    let anns = run(&lex, place);
    assert!(actor(&anns, "Mali").is_none() && actor(&anns, "Bamako").is_none(), "still places: {anns:?}");
    // Where the extractor finds the state acting, the learned identity is applied.
    let acting = "Bamako said on Monday that the envoy had been arrested.";
    let a = actor(&run(&lex, acting), "Bamako").cloned().expect("the capital acting is found");
    let Attrs::Actor(x) = &a.attrs else { unreachable!() };
    assert_eq!(
        (x.kind, x.canonical.as_str(), a.provenance.rule.as_deref()),
        (ActorKind::State, "Republic of Mali", Some(RULE))
    );
    // A state rejected in the page teaches nothing about its words either.
    let d = doc("Bamako said so. Talks went on.");
    let anns = vec![
        decided(&d, "Bamako", Status::Rejected, name(ActorKind::State, "Mali")),
        decided(&d, "Talks", Status::Rejected, name(ActorKind::Person, "Talks")),
    ];
    let mut lex = ProjectLexicon::new();
    assert_eq!(lex.learn_decisions(&d, &anns), 1);
    assert_eq!((lex.rejections(Label::Actor, "Bamako"), lex.rejections(Label::Actor, "Talks")), (0, 1));
    // The page's list says so.
    lex.accept_actor("Bamako", ActorKind::State, "Mali");
    lex.accept_actor("zorblax", ActorKind::Group, "Zorblax Front");
    let said = |k: &str| Entry::Actor(k.into()).describe(&lex).unwrap();
    assert_eq!(said("Bamako"), "actor \u{201c}Bamako\u{201d}: state Mali (1\u{d7}; predicted where it acts)");
    assert_eq!(said("zorblax"), "actor \u{201c}zorblax\u{201d}: group Zorblax Front (1\u{d7})");
}

mod files {
    use super::*;
    use proptest::prelude::*;

    /// A valid lexicon file with one entry of each kind, to cut and splice.
    fn sample() -> String {
        let mut lex = ProjectLexicon::new();
        lex.accept_actor("Zorblax 🙂", ActorKind::Group, "Zorblax Front");
        lex.reject(Label::Actor, "Talks");
        lex.reject(Label::Date, "Monday");
        lex.accept_date("19 Sept 2025", crate::model::TimexType::Date, "2025-09-19");
        lex.accept_cue("harrumphed", crate::model::Stance::Warn);
        lex.rename("Zorblax Front", "Front of Zorblax");
        lex.to_json()
    }

    #[test]
    fn the_sample_reads() {
        assert!(ProjectLexicon::from_json(&sample()).is_ok_and(|l| l.entries().len() == 6));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Whatever file a person imports, reading it never panics: it is a lexicon that
        /// writes and reads back the same, or refused with a reason in words.
        #[test]
        fn any_cut_or_splice_of_a_file_is_read_or_refused_in_words(
            cut in 0usize..2000, len in 0usize..40, insert in "[\\PC]{0,12}"
        ) {
            let s = sample();
            let chars: Vec<char> = s.chars().collect();
            let at = cut.min(chars.len());
            let end = (at + len).min(chars.len());
            let edited: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
            match ProjectLexicon::from_json(&edited) {
                Ok(lex) => prop_assert_eq!(ProjectLexicon::from_json(&lex.to_json()), Ok(lex)),
                // One line in words (the page shows it in its banner).
                Err(e) => prop_assert!(e.len() > 10 && !e.contains('\n'), "{}", e),
            }
        }
    }
}
