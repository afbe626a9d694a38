//! The timeline on the five seed gold files and on small made-up documents.

use super::*;
use crate::formats::gold::GoldFile;
use crate::model::{Attrs, DateAttrs, Document, Provenance, Status};
use std::rc::Rc;

const SEED_GOLD: [&str; 5] = [
    include_str!("../../../../seeds/000_c000a84573ae1d4c.gold.json"),
    include_str!("../../../../seeds/001_45faedf3a959a4bf.gold.json"),
    include_str!("../../../../seeds/002_529ec33e3dc1b67b.gold.json"),
    include_str!("../../../../seeds/003_5e4fbdc3dc7a9a1e.gold.json"),
    include_str!("../../../../seeds/004_913e2693d2b18d77.gold.json"),
];

fn seeds() -> Vec<Loaded> {
    SEED_GOLD
        .iter()
        .map(|json| {
            let f = GoldFile::from_json(json).unwrap();
            let title = crate::ui::corpus::title_of(f.doc.text(), &f.doc.id);
            (f.doc.id.clone(), title, Rc::new(f.doc), Rc::new(f.annotations))
        })
        .collect()
}

fn docs_with(t: &Timeline, value: &str) -> Vec<String> {
    let mut out: Vec<String> =
        t.points.iter().filter(|p| p.date.value == value).map(|p| t.docs[p.date.doc].id[..3].to_string()).collect();
    out.dedup();
    out
}

#[test]
fn the_seeds_dates_are_placed_with_their_documents() {
    let t = build(&seeds(), &Filter::default());
    assert_eq!(t.docs.len(), 5);
    // The departure deadline of the expelled Malian diplomats.
    assert_eq!(docs_with(&t, "2025-09-20"), ["000", "001", "002", "003"]);
    // The French staff left Mali on Sunday 14 September.
    assert_eq!(docs_with(&t, "2025-09-14"), ["000", "001", "003"]);
    // The arrest: 15 August in 003 only; "last month" / "August" (2025-08) in 002 and 003.
    assert_eq!(docs_with(&t, "2025-08-15"), ["003"]);
    assert_eq!(docs_with(&t, "2025-08"), ["002", "003"]);
    let aug15 = t.points.iter().find(|p| p.date.value == "2025-08-15").unwrap();
    assert!(aug15.date.sentence.contains("detained a French national"), "{}", aug15.date.sentence);
    assert_eq!(aug15.date.event, Some("arrest"));
    assert_eq!(aug15.days.grain, when::Grain::Day);
    // 004 has no publication date: its "August" keeps XXXX-08 and stays apart, with the reason.
    let no_year: Vec<&Apart> = t.apart.iter().filter(|a| a.date.value == "XXXX-08").collect();
    assert_eq!(no_year.len(), 2);
    assert!(no_year.iter().all(|a| a.why == when::NO_YEAR && t.docs[a.date.doc].id.starts_with("004")));
    // Every live DATE of the seeds is either placed or apart, none lost.
    let dates: usize =
        seeds().iter().map(|(_, _, _, a)| a.iter().filter(|x| x.date().is_some() && x.status.is_live()).count()).sum();
    assert_eq!(t.points.len() + t.apart.len(), dates);
    // Vague references are apart, never on the axis.
    assert!(t.points.iter().all(|p| !p.date.value.ends_with("_REF")));
    assert!(t.apart.iter().any(|a| a.date.value == "PAST_REF" && a.why == when::VAGUE_REF));
    // Durations without anchors are apart too.
    assert!(t.apart.iter().any(|a| a.date.value == "P5Y" && a.why == NO_ANCHOR));
    assert!(t.apart.iter().any(|a| a.date.value == "PXW" && a.why == NO_LENGTH));
}

#[test]
fn the_seeds_groups_show_where_outlets_agree_and_differ() {
    let t = build(&seeds(), &Filter::default());
    let group =
        |e: &str| t.groups.iter().find(|g| g.event == e).unwrap_or_else(|| panic!("no group {e}: {:?}", t.groups));
    let deadline = group("deadline to leave");
    assert_eq!(deadline.verdict, Verdict::Agree);
    assert!(deadline.members.iter().all(|&m| t.points[m].date.value == "2025-09-20"));
    assert_eq!(group("departure").verdict, Verdict::Agree);
    assert_eq!(group("departure").documents, 3);
    // The arrest: "last month" (2025-08) against "15 August": the same time, finer in 003.
    let arrest = group("arrest");
    assert_eq!(arrest.verdict, Verdict::Precision);
    assert_eq!(arrest.documents, 2);
    // The coups: 2020 and 2021 in 000 and 003, only 2021 in 004.
    assert_eq!(group("coup").verdict, Verdict::Differ);
    // Differing groups come first.
    assert_eq!(t.groups[0].verdict, Verdict::Differ);
}

#[test]
fn filters_keep_one_document_or_one_identity() {
    let all = build(&seeds(), &Filter::default());
    assert!(all.identities.iter().any(|i| i == "Yann Vezilier"), "{:?}", all.identities);
    let one = build(&seeds(), &Filter { doc: Some("003_5e4fbdc3dc7a9a1e".into()), identity: None });
    assert_eq!(one.docs.len(), 1);
    assert!(one.points.iter().all(|p| p.date.doc == 0));
    assert!(one.groups.is_empty(), "one document makes no group across documents");
    let who = build(&seeds(), &Filter { doc: None, identity: Some("Yann Vezilier".into()) });
    assert!(!who.points.is_empty());
    assert!(who.points.len() < all.points.len());
    assert!(who.points.iter().all(|p| p.date.identities.iter().any(|i| i == "Yann Vezilier")));
}

fn date_ann(
    id: &str,
    doc: &Document,
    at: (usize, usize),
    t: TimexType,
    value: &str,
    anchor: Option<&str>,
) -> Annotation {
    let span = doc.span(at.0, at.1).unwrap();
    Annotation {
        id: id.into(),
        span,
        quote: doc.slice(span).unwrap().into(),
        status: Status::Manual,
        provenance: Provenance::by("t"),
        attrs: Attrs::Date(DateAttrs {
            timex_type: t,
            value: value.into(),
            modifier: None,
            anchor: anchor.map(Into::into),
        }),
        note: None,
        unsure: false,
    }
}

#[test]
fn anchored_durations_are_bars_and_rejected_dates_do_not_count() {
    let doc = Document::new("d", "Since June he ruled for five years. Weekly talks.", None).unwrap();
    let mut rejected = date_ann("D4", &doc, (0, 5), TimexType::Date, "2020", None);
    rejected.status = Status::Rejected;
    let anns = vec![
        date_ann("D1", &doc, (6, 10), TimexType::Date, "2025-06", None),
        date_ann("D2", &doc, (24, 34), TimexType::Duration, "P5Y", Some("D1")),
        date_ann("D3", &doc, (36, 42), TimexType::Set, "P1W", None),
        rejected,
    ];
    let loaded = vec![("d".to_string(), "D".to_string(), Rc::new(doc), Rc::new(anns))];
    let t = build(&loaded, &Filter::default());
    assert_eq!(t.points.len(), 2);
    let bar = t.points.iter().find(|p| p.date.ann == "D2").unwrap();
    assert_eq!(bar.days.grain, when::Grain::Duration);
    assert_eq!((bar.days.first.to_string(), bar.days.last.to_string()), ("2025-06-01".into(), "2030-05-31".into()));
    assert_eq!(t.apart.len(), 1);
    assert_eq!(t.apart[0].why, REPEATS);
    assert!(t.points.iter().all(|p| p.date.ann != "D4"));
}

#[test]
fn the_csv_has_a_row_per_date_and_quotes_its_fields() {
    let t = build(&seeds(), &Filter::default());
    let csv = to_csv(&t);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("document,title,annotation,"));
    // Sentences hold commas: quoted fields keep each record on one line here (no line breaks
    // inside a sentence).
    assert_eq!(lines.len(), 1 + t.points.len() + t.apart.len());
    assert!(csv.contains("\"On 15 August, Mali’s junta announced it had detained"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("004_913e2693d2b18d77,") && l.contains(",XXXX-08,") && l.contains(when::NO_YEAR)));
    assert_eq!(crate::ui::views::csv::field("a \"b\", c"), "\"a \"\"b\"\", c\"");
}
