//! Tests of the search and of "apply to all results", on the five seed gold files and on
//! small texts made for one rule each.

use super::plan::{plan, Bulk};
use super::*;
use crate::formats::gold::GoldFile;
use crate::model::{check_annotations, ActorAttrs, Edit, Provenance};
use crate::ui::state::{Action, Message, Origin, State};
use std::rc::Rc;

const SEEDS: [&str; 5] = [
    include_str!("../../../seeds/000_c000a84573ae1d4c.gold.json"),
    include_str!("../../../seeds/001_45faedf3a959a4bf.gold.json"),
    include_str!("../../../seeds/002_529ec33e3dc1b67b.gold.json"),
    include_str!("../../../seeds/003_5e4fbdc3dc7a9a1e.gold.json"),
    include_str!("../../../seeds/004_913e2693d2b18d77.gold.json"),
];

fn seeds() -> Vec<Loaded> {
    SEEDS
        .iter()
        .map(|j| {
            let f = GoldFile::from_json(j).unwrap();
            (f.doc.id.clone(), "t".into(), Rc::new(f.doc), Rc::new(f.annotations))
        })
        .collect()
}

fn words(text: &str) -> Query {
    Query { text: text.into(), ..Query::default() }
}

/// Whole-word occurrences of `w` counted another way: split on what is not a letter or digit.
fn count_words(text: &str, w: &str, case: bool) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| if case { *t == w } else { t.to_lowercase() == w.to_lowercase() })
        .count()
}

fn doc(text: &str, anns: Vec<Annotation>) -> Loaded {
    let d = Document::new("d", text, None).unwrap();
    ("d".into(), "T".into(), Rc::new(d), Rc::new(anns))
}

fn actor(id: &str, text: &str, quote: &str, canonical: &str, status: Status) -> Annotation {
    let start = text.find(quote).map(|b| text[..b].chars().count()).unwrap();
    Annotation {
        id: id.into(),
        span: Span::new(start, start + quote.chars().count()).unwrap(),
        quote: quote.into(),
        status,
        provenance: Provenance::by("t"),
        note: None,
        unsure: false,
        attrs: Attrs::Actor(ActorAttrs {
            kind: ActorKind::State,
            mention: crate::model::Mention::Name,
            canonical: canonical.into(),
            role: None,
        }),
    }
}

#[test]
fn words_are_counted_as_the_texts_hold_them_in_every_seed() {
    let docs = seeds();
    for w in ["Mali", "France", "the", "expelled"] {
        let r = search(&words(w), &docs).unwrap();
        let expected: usize = docs.iter().map(|(_, _, d, _)| count_words(d.text(), w, false)).sum();
        assert!(expected > 0, "{w} is in the seeds");
        assert_eq!(r.hits.len(), expected, "{w}");
        assert_eq!(r.docs, 5);
        for h in &r.hits {
            let d = &docs[h.doc].2;
            assert!(d.slice(h.span).unwrap().eq_ignore_ascii_case(w), "each hit is the word itself");
            assert_eq!(h.doc_id, docs[h.doc].0);
        }
    }
    // Case kept when asked: "Mali" never matches "mali" inside "Malian" nor lower case.
    let q = Query { match_case: true, ..words("mali") };
    assert_eq!(search(&q, &docs).unwrap().hits.len(), 0);
    // Two words: any of them.
    let both = search(&words("Mali France"), &docs).unwrap().hits.len();
    let each = search(&words("Mali"), &docs).unwrap().hits.len() + search(&words("France"), &docs).unwrap().hits.len();
    assert_eq!(both, each);
}

#[test]
fn a_phrase_crosses_line_breaks_and_accents_fold_by_choice() {
    let text = "Assimi Goïta spoke.\nThe junta of Assimi\nGoi\u{0308}ta and GOITA agreed; Mali’s case.";
    let docs = [doc(text, vec![])];
    let q = Query { mode: Mode::Phrase, ..words("assimi goita") };
    let r = search(&q, &docs).unwrap();
    let got: Vec<&str> = r.hits.iter().map(|h| docs[0].2.slice(h.span).unwrap()).collect();
    assert_eq!(got, ["Assimi Goïta", "Assimi\nGoi\u{0308}ta"], "the combining mark stays inside the hit");
    let r = search(&Query { match_accents: true, ..q.clone() }, &docs).unwrap();
    assert!(r.hits.is_empty(), "with accents kept, goita is not Goïta");
    let r = search(&words("Goita"), &docs).unwrap();
    assert_eq!(r.hits.len(), 3);
    let r = search(&Query { match_case: true, ..words("Goita") }, &docs).unwrap();
    assert_eq!(r.hits.len(), 2, "GOITA differs in case");
    // A straight apostrophe finds a curly one.
    let r = search(&Query { mode: Mode::Phrase, ..words("Mali's") }, &docs).unwrap();
    assert_eq!(docs[0].2.slice(r.hits[0].span), Some("Mali’s"));
    assert_eq!(snippet(&docs[0].2, r.hits[0].span).1, "Mali’s");
    // Not inside a longer word.
    assert!(search(&words("Goï"), &docs).unwrap().hits.is_empty());
}

#[test]
fn regular_expressions_run_and_a_bad_one_says_why() {
    let docs = seeds();
    let q = Query { mode: Mode::Regex, ..words(r"Septemb\w+ \d+") };
    let r = search(&q, &docs).unwrap();
    assert!(!r.hits.is_empty());
    assert!(r.hits.iter().all(|h| docs[h.doc].2.slice(h.span).unwrap().starts_with("September ")));
    let err = search(&Query { mode: Mode::Regex, ..words("(unclosed") }, &docs).unwrap_err();
    assert_eq!(err, "invalid pattern \u{201c}(unclosed\u{201d}: found open group without closing ')'");
    let err = search(&Query { mode: Mode::Regex, ..words("a{99999999}") }, &docs).unwrap_err();
    assert!(err.starts_with("invalid pattern"), "{err}");
    // A pattern matching everything stops at MAX_HITS and says so; apply to all refuses it.
    let every = Query { mode: Mode::Regex, ..words(".") };
    let r = search(&every, &docs).unwrap();
    assert!(r.capped && r.hits.len() == MAX_HITS, "{} capped {}", r.hits.len(), r.capped);
    let named = Bulk::Identity { canonical: "X".into(), kind: ActorKind::State };
    assert!(plan(&every, &named, &docs, "me").unwrap_err().contains("stopped at 10000 results"));
    assert!(!search(&words("Mali"), &docs).unwrap().capped);
    // Empty matches are not hits; an empty query finds nothing in the text.
    assert!(search(&Query { mode: Mode::Regex, ..words("x*") }, &[doc("abc", vec![])]).unwrap().hits.is_empty());
    assert!(search(&words("  "), &docs).unwrap().hits.is_empty());
}

#[test]
fn filters_by_label_identity_kind_stance_dates_status_and_document() {
    let docs = seeds();
    let live = |l: Label| -> usize {
        docs.iter().map(|(_, _, _, a)| a.iter().filter(|a| a.label() == l && a.status.is_live()).count()).sum()
    };
    let by = |f: Filter| search(&Query { filter: f, ..words("") }, &docs).unwrap();
    // A label with no words: every annotation of it.
    let r = by(Filter { label: Some(Label::Date), ..Filter::default() });
    assert!(r.annotations);
    assert_eq!(r.hits.len(), live(Label::Date));
    // Identity, case and accents ignored: every mention of Mali, and claims with Mali as source.
    let mali: usize = docs
        .iter()
        .map(|(_, _, _, a)| a.iter().filter(|a| a.actor().is_some_and(|x| x.canonical == "Mali")).count())
        .sum();
    let r = by(Filter { label: Some(Label::Actor), identity: "mali".into(), ..Filter::default() });
    assert_eq!(r.hits.len(), mali);
    assert_eq!(mali, 39);
    let r = by(Filter { label: Some(Label::Actor), identity: "assimi goita".into(), ..Filter::default() });
    assert!(r.hits.iter().all(|h| docs[h.doc].2.slice(h.span).unwrap().contains("Go")), "{r:?}");
    assert!(!r.hits.is_empty());
    let claims = by(Filter { label: Some(Label::Claim), identity: "Mali".into(), ..Filter::default() });
    assert!(!claims.hits.is_empty());
    for h in &claims.hits {
        let anns = &docs[h.doc].3;
        let c = anns.iter().find(|a| a.id == h.anns[0]).unwrap().claim().unwrap();
        let src = anns.iter().find(|a| Some(&a.id) == c.source.as_ref()).unwrap();
        assert_eq!(src.actor().unwrap().canonical, "Mali");
    }
    let denials = by(Filter { label: Some(Label::Claim), stance: Some(Stance::Deny), ..Filter::default() });
    assert!(denials
        .hits
        .iter()
        .all(|h| docs[h.doc].3.iter().any(|a| a.id == h.anns[0] && a.claim().unwrap().stance == Some(Stance::Deny))));
    let people = by(Filter { label: Some(Label::Actor), kind: Some(ActorKind::Person), ..Filter::default() });
    assert!(people
        .hits
        .iter()
        .all(|h| docs[h.doc].3.iter().any(|a| a.id == h.anns[0] && a.actor().unwrap().kind == ActorKind::Person)));
    assert!(!people.hits.is_empty());
    // Dates: the prefix and the range agree on September 2025; a year overlaps the range too.
    let sept = by(Filter { label: Some(Label::Date), date_prefix: "2025-09".into(), ..Filter::default() });
    let range = by(Filter { date_from: "2025-09-01".into(), date_to: "2025-09-30".into(), ..Filter::default() });
    let not_weeks = sept
        .hits
        .iter()
        .filter(|h| !docs[h.doc].3.iter().any(|a| a.id == h.anns[0] && a.date().unwrap().value.contains('W')));
    // A range over the text (no label): only hits an annotation in range overlaps; none as words are empty.
    assert!(range.hits.is_empty());
    let range = by(Filter {
        label: Some(Label::Date),
        date_from: "2025-09".into(),
        date_to: "2025-09".into(),
        ..Filter::default()
    });
    assert_eq!(range.hits.len(), not_weeks.count());
    let years = by(Filter {
        label: Some(Label::Date),
        date_from: "2021-06".into(),
        date_to: "2021-07".into(),
        ..Filter::default()
    });
    assert!(years.hits.iter().all(|h| docs[h.doc].2.slice(h.span).unwrap().contains("2021")
        || docs[h.doc].2.slice(h.span).unwrap().contains("four years")));
    assert!(!years.hits.is_empty());
    let q = Query { filter: Filter { date_from: "2025-13".into(), ..Filter::default() }, ..words("Mali") };
    assert!(search(&q, &docs).unwrap_err().contains("\u{201c}2025-13\u{201d} is not a date"));
    let q = Query {
        filter: Filter { date_from: "2026".into(), date_to: "2025".into(), ..Filter::default() },
        ..words("Mali")
    };
    assert!(search(&q, &docs).unwrap_err().contains("comes after"));
    // Status: the seeds are all manual; rejected ones none.
    assert_eq!(
        by(Filter { label: Some(Label::Actor), status: Some(Status::Rejected), ..Filter::default() }).hits.len(),
        0
    );
    // One document only.
    let one =
        search(&Query { filter: Filter { doc: Some(docs[2].0.clone()), ..Filter::default() }, ..words("Mali") }, &docs)
            .unwrap();
    assert_eq!(one.docs, 1);
    assert_eq!(one.hits.len(), count_words(docs[2].2.text(), "Mali", false));
    assert!(one.hits.iter().all(|h| h.doc == 2));
}

#[test]
fn text_hits_list_the_annotations_over_them_and_attribute_filters_keep_the_covered_ones() {
    let text = "Paris said Paris and paris.";
    let a1 = actor("A1", text, "Paris", "France", Status::Manual);
    let mut a2 = actor("A2", text, "and paris", "x", Status::Rejected);
    a2.span = Span::new(17, 26).unwrap();
    a2.quote = "and paris".into();
    let docs = [doc(text, vec![a1, a2])];
    let r = search(&words("paris"), &docs).unwrap();
    assert_eq!(r.hits.iter().map(|h| h.anns.clone()).collect::<Vec<_>>(), [vec!["A1".to_string()], vec![], vec![]]);
    let q = Query { filter: Filter { identity: "france".into(), ..Filter::default() }, ..words("paris") };
    assert_eq!(search(&q, &docs).unwrap().hits.len(), 1);
    let q = Query { filter: Filter { status: Some(Status::Rejected), ..Filter::default() }, ..words("paris") };
    let r = search(&q, &docs).unwrap();
    assert_eq!((r.hits.len(), r.hits[0].anns.as_slice()), (1, ["A2".to_string()].as_slice()));
    // Annotation search: the quote must match, on word edges.
    let q = Query { filter: Filter { label: Some(Label::Actor), ..Filter::default() }, ..words("Par") };
    assert!(search(&q, &docs).unwrap().hits.is_empty());
}

#[test]
fn apply_to_all_results_adds_or_renames_actors_in_one_undoable_step() {
    let mut s = State::default();
    for j in SEEDS {
        s.apply(Action::OpenGold { file: GoldFile::from_json(j).unwrap(), origin: Origin::GoldFile("g".into()) });
    }
    let before = s.corpus_gold();
    // Every "Yann Vezilier" (an identity in several seeds) renamed; text not yet an ACTOR gets one.
    let q = Query { mode: Mode::Phrase, ..words("Yann Vezilier") };
    let change = Bulk::Identity { canonical: "Yann Vézilier".into(), kind: ActorKind::Person };
    s.apply(Action::SearchApply { query: Box::new(q.clone()), change: change.clone() });
    let fix = s.fix.clone().expect("a preview");
    let hits = search(&q, &s.loaded()).unwrap().hits;
    assert_eq!(fix.len(), hits.len(), "one change a hit here: none is partly covered");
    assert!(fix.iter().map(|c| c.doc.as_str()).collect::<std::collections::BTreeSet<_>>().len() >= 3);
    s.apply(Action::ApplyFix((0..fix.len()).collect()));
    assert!(s.fix.is_none());
    for f in s.corpus_gold() {
        check_annotations(&f.doc, &f.annotations).unwrap();
        for h in
            search(&q, &[(f.doc.id.clone(), String::new(), Rc::new(f.doc.clone()), Rc::new(f.annotations.clone()))])
                .unwrap()
                .hits
        {
            let a = f
                .annotations
                .iter()
                .find(|a| a.span == h.span && a.label() == Label::Actor)
                .expect("an ACTOR on each hit");
            assert_eq!(a.actor().unwrap().canonical, "Yann Vézilier");
        }
    }
    // Planned again, nothing is left to change.
    s.apply(Action::SearchApply { query: Box::new(q), change });
    assert!(s.fix.is_none());
    assert!(matches!(&s.message, Some(Message::Info(m)) if m.starts_with("no result needs this change")));
    // One undo restores every document.
    s.apply(Action::Undo);
    assert_eq!(
        s.corpus_gold().iter().map(|f| &f.annotations).collect::<Vec<_>>(),
        before.iter().map(|f| &f.annotations).collect::<Vec<_>>()
    );
    s.apply(Action::Redo);
    assert_ne!(
        s.corpus_gold().iter().map(|f| &f.annotations).collect::<Vec<_>>(),
        before.iter().map(|f| &f.annotations).collect::<Vec<_>>()
    );
}

#[test]
fn apply_to_all_results_rejects_matched_annotations_and_refuses_bad_input() {
    let text = "Paris said Paris and Bamako.";
    let mut a1 = actor("A1", text, "Paris", "France", Status::Predicted);
    let a2 = actor("A2", "Paris said Paris", "Paris", "France", Status::Manual);
    let mut a2 = Annotation { span: Span::new(11, 16).unwrap(), ..a2 };
    a2.id = "A2".into();
    a1.status = Status::Accepted;
    let docs = [doc(text, vec![a1.clone(), a2.clone()])];
    let q = Query { filter: Filter { label: Some(Label::Actor), ..Filter::default() }, ..words("Paris") };
    let (changes, skipped) = plan(&q, &Bulk::Reject, &docs, "me").unwrap();
    assert_eq!(skipped, 0);
    assert_eq!(changes.iter().map(|c| c.what.as_str()).collect::<Vec<_>>(), ["reject ACTOR A1", "delete ACTOR A2"]);
    // Rejecting needs a label; an identity needs a name; a bad pattern says so.
    assert!(plan(&words("Paris"), &Bulk::Reject, &docs, "me").unwrap_err().contains("choose a label"));
    let unnamed = Bulk::Identity { canonical: " ".into(), kind: ActorKind::State };
    assert!(plan(&words("Paris"), &unnamed, &docs, "me").unwrap_err().contains("type the identity's name"));
    let bad = Query { mode: Mode::Regex, ..words("[") };
    let named = Bulk::Identity { canonical: "X".into(), kind: ActorKind::State };
    assert!(plan(&bad, &named, &docs, "me").unwrap_err().starts_with("invalid pattern"));
    // A hit an ACTOR only partly covers is left alone.
    let (changes, skipped) = plan(&Query { mode: Mode::Phrase, ..words("said Paris") }, &named, &docs, "me").unwrap();
    assert_eq!((changes.len(), skipped), (0, 1));
    // New ACTORs in one document get distinct ids and their own quotes.
    let (changes, _) = plan(&words("Bamako said"), &named, &docs, "me").unwrap();
    let added: Vec<&Annotation> =
        changes.iter().filter_map(|c| if let Edit::Add(a) = &c.edit { Some(a) } else { None }).collect();
    assert_eq!(
        added.iter().map(|a| (a.id.as_str(), a.quote.as_str())).collect::<Vec<_>>(),
        [("A3", "said"), ("A4", "Bamako")]
    );
    // In the state: an error is shown and the work untouched.
    let mut s = State::default();
    s.apply(Action::SearchApply { query: Box::new(bad), change: named });
    assert!(matches!(&s.message, Some(Message::Error(m)) if m.starts_with("invalid pattern")));
    assert!(s.fix.is_none());
}

#[test]
fn folding_tables_map_letters_to_their_base() {
    assert_eq!(fold_str("ÀÉÎÕÜÇÑÝàéîõüçñýÿ"), "AEIOUCNYaeioucnyy");
    assert_eq!(fold_str("ĀăĆčĐěĞħĪıĴķĹłŃňŌőŘśŠţŤũŰŵŷŸźž"), "AaCcDeGhIiJkLlNnOoRsStTuUwyYzz");
    assert_eq!(fold_str("Æ×ßœ ș Ț e\u{0301} “q” ‘a’"), "Æ×ßœ s T e \"q\" 'a'");
}

#[test]
fn a_jump_brings_the_hit_on_screen_and_selects_it() {
    let mut s = State::default();
    for j in SEEDS {
        s.apply(Action::OpenGold { file: GoldFile::from_json(j).unwrap(), origin: Origin::GoldFile("g".into()) });
    }
    let on_screen = s.doc.as_ref().unwrap().id.clone();
    let r = search(&words("expelled"), &s.loaded()).unwrap();
    let elsewhere = r.hits.iter().find(|h| h.doc_id != on_screen).expect("a hit in a parked document").clone();
    for a in s.jump_actions(&elsewhere.doc_id, elsewhere.span) {
        s.apply(a);
    }
    assert_eq!(s.doc.as_ref().unwrap().id, elsewhere.doc_id);
    let selected = s.selected.as_deref().and_then(|id| s.get(id)).map(|a| a.span);
    assert_eq!(s.pending.or(selected), Some(elsewhere.span), "the hit is selected");
    // A hit that is an annotation selects it.
    let q = Query { filter: Filter { label: Some(Label::Actor), ..Filter::default() }, ..words("Mali") };
    let h = search(&q, &s.loaded()).unwrap().hits.into_iter().find(|h| h.doc_id == on_screen).unwrap();
    for a in s.jump_actions(&h.doc_id, h.span) {
        s.apply(a);
    }
    assert_eq!(
        (s.doc.as_ref().unwrap().id.as_str(), s.selected.as_deref()),
        (on_screen.as_str(), Some(h.anns[0].as_str()))
    );
    assert!(s.jump_actions("nowhere", h.span).is_empty());
    assert_eq!(describe(s.get(&h.anns[0]).unwrap(), &s.anns), format!("ACTOR {} Mali (state)", h.anns[0]));
    let claim = s.anns.iter().find(|a| a.claim().is_some_and(|c| c.source.is_some())).unwrap();
    let c = claim.claim().unwrap();
    let src = s.get(c.source.as_deref().unwrap()).unwrap();
    let stance = c.stance.map_or("no stance", |x| x.as_str());
    let want = format!("CLAIM {} {stance}, source {} {}", claim.id, src.id, src.actor().unwrap().canonical);
    assert_eq!(describe(claim, &s.anns), want);
}

#[test]
fn case_is_ignored_beyond_ascii_and_phrases_cross_unicode_spaces() {
    let doc = Document::new("u", "ÉLYSÉE said so.\nThe Élysée\u{a0}Palace denied it. Ömer spoke.", None).unwrap();
    let docs = vec![("u".to_string(), "u".to_string(), std::rc::Rc::new(doc), std::rc::Rc::new(Vec::new()))];
    let accents = |q: Query| Query { match_accents: true, ..q };
    // Accents kept, case ignored: "élysée" finds both spellings, offsets in code points.
    let r = search(&accents(words("élysée")), &docs).unwrap();
    assert_eq!(r.hits.iter().map(|h| (h.span.start(), h.span.end())).collect::<Vec<_>>(), [(0, 6), (20, 26)]);
    // Case kept: only the capitalised one.
    assert_eq!(search(&Query { match_case: true, ..accents(words("Élysée")) }, &docs).unwrap().hits.len(), 1);
    // A phrase across a no-break space; a regex with a non-ASCII capital.
    assert_eq!(search(&Query { mode: Mode::Phrase, ..words("élysée palace") }, &docs).unwrap().hits.len(), 1);
    assert_eq!(search(&Query { mode: Mode::Regex, ..accents(words(r"ÖMER\s+\w+")) }, &docs).unwrap().hits.len(), 1);
}
