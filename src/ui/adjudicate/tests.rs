//! Unit tests of adjudication's pure logic: candidates, agreement, clusters, settling, decisions.

use super::*;
use crate::model::{ActorAttrs, ActorKind, ClaimAttrs, DateAttrs, Mention, Provenance, Stance, TimexType};

const TEXT: &str = "Paris said on Friday that Bamako lied. Mali denied it on Sunday.";

fn span(word: &str) -> Span {
    let b = TEXT.find(word).unwrap();
    Span::new(b, b + word.len()).unwrap()
}

fn ann(id: &str, word: &str, attrs: Attrs) -> Annotation {
    Annotation {
        id: id.into(),
        span: span(word),
        quote: word.into(),
        status: Status::Manual,
        provenance: Provenance::by("someone"),
        attrs,
        note: None,
        unsure: false,
    }
}

fn actor(id: &str, word: &str, kind: ActorKind) -> Annotation {
    ann(id, word, Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: word.into(), role: None }))
}

fn date(id: &str, word: &str, value: &str) -> Annotation {
    ann(
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

fn claim(id: &str, word: &str, source: Option<&str>) -> Annotation {
    ann(
        id,
        word,
        Attrs::Claim(ClaimAttrs {
            source: source.map(str::to_string),
            cue: None,
            stance: Some(Stance::Assert),
            target: None,
            source_words: None,
        }),
    )
}

fn side(label: &str, anns: Vec<Annotation>) -> Side {
    Side { label: label.into(), anns }
}

/// Ann and Bob agree on Paris, Friday and the claim; they disagree on Bamako's kind, Bob marks
/// nothing on Sunday while Ann does, and Bob's Mali is a longer span.
fn two() -> Vec<Side> {
    vec![
        side(
            "ann",
            vec![
                actor("A1", "Paris", ActorKind::State),
                date("D1", "Friday", "2025-09-19"),
                claim("C1", "Bamako lied", Some("A1")),
                actor("A2", "Bamako", ActorKind::State),
                actor("A3", "Mali", ActorKind::State),
                date("D2", "Sunday", "2025-09-21"),
            ],
        ),
        side(
            "bob",
            vec![
                // Other ids, other order, another status and a note: still the same candidates.
                Annotation {
                    status: Status::Accepted,
                    note: Some("sure?".into()),
                    ..date("X7", "Friday", "2025-09-19")
                },
                actor("X1", "Paris", ActorKind::State),
                claim("X2", "Bamako lied", Some("X1")),
                actor("X3", "Bamako", ActorKind::Organization),
                actor("X4", "Mali denied", ActorKind::State),
                Annotation { status: Status::Rejected, ..date("X5", "Sunday", "2025-09-21") },
            ],
        ),
    ]
}

fn quotes(p: &Plan, cands: &[usize]) -> Vec<String> {
    cands.iter().map(|&c| p.cands[c].anns[0].quote.clone()).collect()
}

#[test]
fn ids_status_notes_and_order_do_not_make_a_disagreement() {
    let p = plan(&two());
    assert_eq!(quotes(&p, &p.agreed), ["Paris", "Friday", "Bamako lied"]);
    for &c in &p.agreed {
        assert_eq!(p.cands[c].held, [0, 1]);
    }
}

#[test]
fn disagreements_are_clusters_with_each_versions_part() {
    let p = plan(&two());
    assert_eq!(p.clusters.len(), 3, "{:#?}", p.clusters);
    // Bamako: same span, different kind.
    let bamako = &p.clusters[0];
    assert_eq!(quotes(&p, &bamako.cands), ["Bamako", "Bamako"]);
    assert_eq!(bamako.per_side.iter().map(Vec::len).collect::<Vec<_>>(), [1, 1]);
    // Mali / Mali denied: overlapping spans of one label.
    let mali = &p.clusters[1];
    assert_eq!(quotes(&p, &mali.cands), ["Mali denied", "Mali"]);
    assert_eq!(mali.extent, span("Mali denied"));
    // Sunday: Bob's is rejected, so he marked nothing there.
    let sunday = &p.clusters[2];
    assert_eq!(quotes(&p, &sunday.cands), ["Sunday"]);
    assert_eq!(sunday.per_side, [vec![sunday.cands[0]], vec![]]);
}

#[test]
fn identical_spans_with_other_labels_and_chains_of_overlaps_are_one_cluster() {
    let a = side("a", vec![actor("A1", "Paris", ActorKind::State), actor("A2", "Bamako lied", ActorKind::Group)]);
    let b = side(
        "b",
        vec![
            Annotation { span: span("Paris"), quote: "Paris".into(), ..date("D1", "Paris", "2025") },
            actor("A2", "lied", ActorKind::Group),
        ],
    );
    let c = side("c", vec![actor("A9", "that Bamako", ActorKind::Group)]);
    let p = plan(&[a, b, c]);
    assert!(p.agreed.is_empty());
    assert_eq!(p.clusters.len(), 2);
    assert_eq!(quotes(&p, &p.clusters[0].cands), ["Paris", "Paris"]);
    // "that Bamako" overlaps "Bamako lied", which overlaps "lied": one cluster.
    assert_eq!(quotes(&p, &p.clusters[1].cands), ["that Bamako", "Bamako lied", "lied"]);
    assert_eq!(p.clusters[1].per_side.iter().map(Vec::len).collect::<Vec<_>>(), [1, 1, 1]);
}

#[test]
fn a_claim_agreed_on_but_whose_source_is_not_is_a_disagreement() {
    let mut s = two();
    // Bob's Paris is an organization: the claim's source span agrees, the actor does not.
    s[1].anns[1] = actor("X1", "Paris", ActorKind::Organization);
    let p = plan(&s);
    assert_eq!(quotes(&p, &p.agreed), ["Friday"]);
    let claim = p.clusters.iter().find(|c| quotes(&p, &c.cands) == ["Bamako lied"]).unwrap();
    assert_eq!(p.cands[claim.cands[0]].held, [0, 1], "held by both, but not agreed");
}

#[test]
fn a_claims_source_counts_by_its_span_not_its_id() {
    let mut s = two();
    // Bob's claim names Bamako as its source: another candidate than Ann's.
    s[1].anns[2] = claim("X2", "Bamako lied", Some("X3"));
    let p = plan(&s);
    assert_eq!(quotes(&p, &p.agreed), ["Paris", "Friday"]);
    assert_ne!(key_of(&s[0].anns[2], &s[0].anns), key_of(&s[1].anns[2], &s[1].anns));
}

fn started(s: &[Side]) -> (Plan, Vec<Annotation>) {
    let p = plan(s);
    let work = p.agreed_annotations(s, "cy");
    (p, work)
}

#[test]
fn the_work_starts_with_the_agreed_annotations_and_their_provenance() {
    let s = two();
    let (p, work) = started(&s);
    assert_eq!(work.len(), 3);
    let claim = work.iter().find(|a| a.label() == Label::Claim).unwrap();
    let paris = work.iter().find(|a| a.quote == "Paris").unwrap();
    assert_eq!(claim.claim().unwrap().source.as_deref(), Some(paris.id.as_str()), "re-pointed");
    for a in &work {
        assert_eq!(a.provenance.agreed_by, ["ann", "bob"]);
        assert_eq!(a.provenance.adjudicated_by.as_deref(), Some("cy"));
        assert_eq!(a.provenance.by, "someone");
    }
    // Manual stays manual; the first holder's annotation is taken.
    assert!(work.iter().all(|a| a.status == Status::Manual));
    crate::model::check_structure(&crate::model::Document::new("t", TEXT, None).unwrap(), &work).unwrap();
    assert_eq!(p.counts(&work), (3, 0, 3));
}

fn decide(p: &Plan, c: usize, choice: Choice, s: &[Side], work: &mut Vec<Annotation>) {
    let e = p.decide(c, choice, s, work, "cy").unwrap();
    apply(work, &e);
}

fn apply(work: &mut Vec<Annotation>, e: &Edit) {
    e.apply(work).unwrap();
}

#[test]
fn taking_a_version_settles_its_cluster_and_undo_unsettles_it() {
    let s = two();
    let (p, mut work) = started(&s);
    let e = p.decide(0, Choice::Take(1), &s, &work, "cy").unwrap();
    let before = work.clone();
    apply(&mut work, &e);
    assert!(p.is_settled(0, &work) && !p.is_settled(1, &work));
    let taken = p.settling(0, &work);
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].actor().unwrap().kind, ActorKind::Organization, "Bob's");
    assert_eq!(taken[0].provenance.agreed_by, ["bob"]);
    assert_eq!(taken[0].provenance.adjudicated_by.as_deref(), Some("cy"));
    assert_eq!(p.counts(&work), (3, 1, 3));
    assert_eq!(p.next_unsettled(Some(0), true, &work), Some(1));
    apply(&mut work, &e.inverse());
    assert_eq!(work, before);
    assert!(!p.is_settled(0, &work));
}

#[test]
fn taking_a_version_that_marked_nothing_rejects_all_and_reject_all_keeps_the_record() {
    let s = two();
    let (p, work) = started(&s);
    let nothing = p.decide(2, Choice::Take(1), &s, &work, "cy").unwrap();
    let reject = p.decide(2, Choice::RejectAll, &s, &work, "cy").unwrap();
    assert_eq!(nothing, reject);
    let mut w = work.clone();
    apply(&mut w, &reject);
    let rec = p.settling(2, &w);
    assert_eq!(rec.len(), 1);
    assert_eq!((rec[0].status, rec[0].quote.as_str()), (Status::Rejected, "Sunday"));
    assert_eq!(rec[0].provenance.adjudicated_by.as_deref(), Some("cy"));
    assert!(p.is_settled(2, &w));
    // Rejecting both of Mali's candidates keeps two records.
    let e = p.decide(1, Choice::RejectAll, &s, &w, "cy").unwrap();
    apply(&mut w, &e);
    assert_eq!(p.settling(1, &w).len(), 2);
    assert!(p.settling(1, &w).iter().all(|a| a.status == Status::Rejected));
}

#[test]
fn deciding_again_replaces_the_earlier_decision() {
    let s = two();
    let (p, mut work) = started(&s);
    decide(&p, 1, Choice::Take(0), &s, &mut work);
    assert_eq!(p.settling(1, &work)[0].quote, "Mali");
    decide(&p, 1, Choice::Take(1), &s, &mut work);
    let now = p.settling(1, &work);
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].quote, "Mali denied");
}

#[test]
fn taking_a_claim_brings_its_source_actor_when_the_work_lacks_it() {
    let mut s = two();
    s[1].anns[1] = actor("X1", "Paris", ActorKind::Organization);
    let (p, mut work) = started(&s);
    assert_eq!(work.len(), 1, "only Friday is agreed");
    let claim = p.clusters.iter().position(|c| quotes(&p, &c.cands) == ["Bamako lied"]).unwrap();
    decide(&p, claim, Choice::Take(1), &s, &mut work);
    let c = work.iter().find(|a| a.label() == Label::Claim).unwrap();
    let src = work.iter().find(|a| Some(a.id.as_str()) == c.claim().unwrap().source.as_deref()).unwrap();
    assert_eq!((src.quote.as_str(), src.actor().unwrap().kind), ("Paris", ActorKind::Organization));
    crate::model::check_structure(&crate::model::Document::new("t", TEXT, None).unwrap(), &work).unwrap();
    // The Paris cluster is settled with Bob's actor, brought along.
    let paris = p.clusters.iter().position(|c| quotes(&p, &c.cands)[0] == "Paris").unwrap();
    assert!(p.is_settled(paris, &work));
    // Replacing the Paris decision now would leave the claim's source dangling: refused.
    let err = p.decide(paris, Choice::Take(0), &s, &work, "cy").unwrap_err();
    assert!(err.contains(&c.id), "{err}");
}

#[test]
fn a_version_number_out_of_range_is_refused_in_words() {
    let s = two();
    let (p, work) = started(&s);
    let err = p.decide(0, Choice::Take(4), &s, &work, "cy").unwrap_err();
    assert!(err.contains("version 5") && err.contains("2 version"), "{err}");
    assert!(p.decide(9, Choice::RejectAll, &s, &work, "cy").unwrap_err().contains("disagreement 10"));
}

#[test]
fn next_unsettled_wraps_and_ends_when_all_are_settled() {
    let s = two();
    let (p, mut work) = started(&s);
    assert_eq!(p.next_unsettled(None, true, &work), Some(0));
    assert_eq!(p.next_unsettled(None, false, &work), Some(2));
    assert_eq!(p.next_unsettled(Some(2), true, &work), Some(0));
    assert_eq!(p.next_unsettled(Some(0), false, &work), Some(2));
    for c in 0..3 {
        decide(&p, c, Choice::Take(0), &s, &mut work);
    }
    assert_eq!(p.next_unsettled(None, true, &work), None);
    assert_eq!(p.counts(&work), (3, 3, 3));
}

#[test]
fn identical_versions_agree_on_everything() {
    let s = two();
    let p = plan(&[s[0].clone(), side("again", s[0].anns.clone())]);
    assert_eq!(p.agreed.len(), 6);
    assert!(p.clusters.is_empty());
}

#[test]
fn side_labels_name_each_version_once() {
    let l = side_labels(&[(2, Some("ann".into())), (3, None), (4, Some("ann".into())), (5, Some("bob".into()))]);
    assert_eq!(l, ["ann (version 2)", "version 3", "ann (version 4)", "bob"]);
}

/// Two dates anchored to each other (a reader does not refuse it): taking them ends, and
/// the second keeps no anchor rather than looping.
#[test]
fn dates_anchored_to_each_other_are_taken_without_looping() {
    let anchored = |id: &str, word: &str, to: &str| {
        let mut d = date(id, word, "2025-09-19");
        if let Attrs::Date(x) = &mut d.attrs {
            x.anchor = Some(to.into());
        }
        d
    };
    let s = vec![side("a", vec![anchored("D1", "Friday", "D2"), anchored("D2", "Sunday", "D1")]), side("b", vec![])];
    let p = plan(&s);
    let mut work = Vec::new();
    while let Some(c) = p.next_unsettled(None, true, &work) {
        decide(&p, c, Choice::Take(0), &s, &mut work);
    }
    assert_eq!(work.len(), 2, "{work:#?}");
    assert_eq!(p.counts(&work), (0, 2, 2));
    let anchors: Vec<_> = work.iter().map(|a| a.date().unwrap().anchor.clone()).collect();
    assert_eq!(anchors.iter().filter(|a| a.is_none()).count(), 1, "{anchors:?}");
}
