//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
//!
//! Owns: checks that need a DOM: the app mounts and paints a seed with one highlight per
//! predicted annotation; the text view draws each label with its own style over nested
//! spans, marks unreviewed runs, describes runs with their status and makes the selected run
//! the text's active descendant, marks flagged annotations; the statistics table shows a row
//! per annotator; DOM selections over text with emoji convert between UTF-16 and code points both
//! ways. It must not: test the reducer (native unit tests do) or the built bundle (e2e does).
//!
//! Run: CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/webdriver.json
//! cargo test --target wasm32-unknown-unknown --no-default-features --features web --test web
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use gloss::extract::Pipeline;
use gloss::model::{Annotation, Cue, Document, Label, Provenance, Span, Status};
use gloss::ui::browser::selection;
use gloss::ui::components::text::{TextView, TextViewProps};
use gloss::ui::seeds::SEEDS;
use gloss::ui::state::new_attrs;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    gloo::utils::body().append_child(&div).unwrap();
    div
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits (up to 5 s) until `probe` holds.
async fn until(mut probe: impl FnMut() -> bool) {
    for _ in 0..250 {
        if probe() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for the page");
}

fn ann(doc: &Document, id: &str, label: Label, quote: &str, nth: usize) -> Annotation {
    let b = doc.text().match_indices(quote).nth(nth).expect("quote in text").0;
    let span = doc.span_of_bytes(b, b + quote.len()).unwrap();
    let mut attrs = new_attrs(label, quote, None);
    if let gloss::model::Attrs::Claim(c) = &mut attrs {
        c.cue = Some(Cue { span, text: quote.into() });
    }
    Annotation {
        id: id.into(),
        span,
        quote: quote.into(),
        status: Status::Predicted,
        note: None,
        unsure: false,
        provenance: Provenance::default(),
        attrs,
    }
}

fn mount_text(doc: Document, anns: Vec<Annotation>) -> Element {
    mount_text_selected(doc, anns, None)
}

fn mount_text_selected(doc: Document, anns: Vec<Annotation>, selected: Option<&str>) -> Element {
    let root = container();
    let props = TextViewProps {
        doc: Rc::new(doc),
        anns: Rc::new(anns),
        selected: selected.map(str::to_string),
        pending: None,
        related: Vec::new(),
        cue: None,
        agreed_by: 0,
        on_select_text: Callback::noop(),
        on_click: Callback::noop(),
        on_hover: Callback::noop(),
    };
    yew::Renderer::<TextView>::with_root_and_props(root.clone(), props).render();
    root
}

fn ids_shown(root: &Element) -> BTreeSet<String> {
    let runs = root.query_selector_all(".r[data-ids]").unwrap();
    let mut ids = BTreeSet::new();
    for i in 0..runs.length() {
        let el: Element = runs.get(i).unwrap().dyn_into().unwrap();
        ids.extend(el.get_attribute("data-ids").unwrap().split(' ').map(str::to_string));
    }
    ids
}

#[wasm_bindgen_test]
async fn app_mounts_and_paints_every_prediction_of_the_first_seed() {
    let _ = web_sys::window().unwrap().local_storage().unwrap().unwrap().clear();
    let root = container();
    yew::Renderer::<gloss::ui::app::App>::with_root(root.clone()).render();
    until(|| root.query_selector("#text .r").ok().flatten().is_some()).await;
    let doc = SEEDS[0].document().unwrap();
    let predicted: BTreeSet<String> = Pipeline::default().run(&doc).into_iter().map(|a| a.id).collect();
    until(|| ids_shown(&root) == predicted).await;
    // Every label present in the predictions has its highlight class, and the legend agrees.
    for (label, class) in [(Label::Actor, "actor"), (Label::Date, "date"), (Label::Claim, "claim")] {
        let n = Pipeline::default().run(&doc).iter().filter(|a| a.label() == label).count();
        let legend = root.query_selector(&format!("#count-{class}")).unwrap().unwrap().text_content().unwrap();
        assert_eq!(legend, n.to_string(), "legend count of {class}");
        assert_eq!(root.query_selector(&format!("#text .r.{class}")).unwrap().is_some(), n > 0, "{class} runs");
    }
    // The rendered text is the article's paragraphs, inserted as text.
    let shown = root.query_selector("#text").unwrap().unwrap().text_content().unwrap();
    let expected: String = doc.text().lines().map(str::trim).collect();
    assert_eq!(shown, expected);
    // The corpus list, the one navigator, marks the first seed as the one open.
    let active = root.query_selector("#corpus .doc.active").unwrap().expect("an active document in the corpus list");
    assert_eq!(active.get_attribute("data-id").as_deref(), Some(SEEDS[0].id));
    assert!(root.query_selector("#seed-picker").unwrap().is_none(), "no second navigator in the header");
}

#[wasm_bindgen_test]
async fn text_view_draws_each_label_its_own_way_over_nested_spans() {
    let doc = SEEDS[0].document().unwrap();
    let anns = vec![
        ann(&doc, "A1", Label::Actor, "France", 0),
        ann(&doc, "D1", Label::Date, "Friday, September 19", 0),
        ann(&doc, "C1", Label::Claim, "announced by a French diplomatic source on Friday, September 19", 0),
        ann(&doc, "C2", Label::Claim, "French diplomatic source", 0),
    ];
    let root = mount_text(doc.clone(), anns.clone());
    until(|| root.query_selector(".r.actor").ok().flatten().is_some()).await;
    let text_of = |sel: &str| {
        let els = root.query_selector_all(sel).unwrap();
        (0..els.length()).map(|i| els.get(i).unwrap().text_content().unwrap()).collect::<String>()
    };
    assert_eq!(text_of(".r[data-ids~=\"A1\"]"), "France");
    assert_eq!(text_of(".r[data-ids~=\"D1\"]"), "Friday, September 19");
    assert_eq!(text_of(".r.date"), "Friday, September 19");
    assert_eq!(text_of(".r.date.date-s"), "Friday, September 19", "one run, boxed at both ends");
    assert_eq!(text_of(".r.claim2"), "French diplomatic source", "nested claim: two bands");
    assert!(text_of(".r.claim").starts_with("announced by a French"));
    // Markup in an article is text, never HTML.
    let html_doc = Document::new("h", "A <b>bold</b> & <script>alert(1)</script> claim.", None).unwrap();
    let quote = "<b>bold</b>";
    let root2 = mount_text(html_doc.clone(), vec![ann(&html_doc, "A1", Label::Actor, quote, 0)]);
    until(|| root2.query_selector(".r.actor").ok().flatten().is_some()).await;
    assert!(root2.query_selector("#text b, #text script").unwrap().is_none());
    assert_eq!(root2.query_selector("#text").unwrap().unwrap().text_content().unwrap(), html_doc.text());
    // Every run starts where its data-s says, in code points.
    let runs = root.query_selector_all(".r").unwrap();
    for i in 0..runs.length() {
        let el: Element = runs.get(i).unwrap().dyn_into().unwrap();
        let s: usize = el.get_attribute("data-s").unwrap().parse().unwrap();
        let t = el.text_content().unwrap();
        let span = Span::new(s, s + t.chars().count()).unwrap();
        assert_eq!(doc.slice(span), Some(t.as_str()));
    }
}

#[wasm_bindgen_test]
async fn unreviewed_runs_look_different_and_the_selected_run_is_the_active_descendant() {
    let doc = SEEDS[0].document().unwrap();
    let mut accepted = ann(&doc, "A2", Label::Actor, "Bamako", 0);
    accepted.status = Status::Accepted;
    let mut claim = ann(&doc, "C1", Label::Claim, "working for French intelligence", 0);
    if let gloss::model::Attrs::Claim(c) = &mut claim.attrs {
        c.source = Some("A2".into());
    }
    let anns = vec![ann(&doc, "A1", Label::Actor, "France", 0), accepted, claim];
    let root = mount_text_selected(doc, anns, Some("A1"));
    until(|| root.query_selector(".r.actor").ok().flatten().is_some()).await;
    let run = |id: &str| root.query_selector(&format!(".r[data-ids=\"{id}\"]")).unwrap().expect(id);
    let (a1, a2, c1) = (run("A1"), run("A2"), run("C1"));
    assert!(a1.class_list().contains("pred"), "a prediction: {}", a1.class_name());
    assert!(!a2.class_list().contains("pred"), "an accepted actor: {}", a2.class_name());
    // (The style the class gives is checked on the built page by tests/e2e/edit-a11y.spec.mjs.)
    assert_eq!(a1.get_attribute("aria-description").as_deref(), Some("actor France, unreviewed"));
    assert_eq!(a2.get_attribute("aria-description").as_deref(), Some("actor Bamako, accepted"));
    let desc = c1.get_attribute("aria-description").unwrap();
    assert_eq!(desc, "claim, source Bamako, cue \u{201c}working for French intelligence\u{201d}, unreviewed");
    // The selected annotation's first run is the text's active descendant.
    let text = root.query_selector("#text").unwrap().unwrap();
    assert_eq!(text.get_attribute("aria-activedescendant").as_deref(), Some("hl-A1"));
    assert_eq!(a1.id(), "hl-A1");
    assert_eq!(root.query_selector_all("[id^=\"hl-\"]").unwrap().length(), 1, "one run carries the id");
}

#[wasm_bindgen_test]
async fn dom_selection_over_emoji_converts_between_utf16_and_code_points() {
    // 👍🏽 is two code points and four UTF-16 units; 🇫🇷 two and four; é one and one.
    let text = "Emoji 👍🏽 and 🇫🇷 before.\r\nThe minister said café talks failed 😀 today.\n";
    let doc = Document::new("emoji", text, None).unwrap();
    let anns = vec![
        ann(&doc, "A1", Label::Actor, "minister", 0),
        ann(&doc, "C1", Label::Claim, "café talks failed 😀 today", 0),
    ];
    let root = mount_text(doc.clone(), anns);
    until(|| root.query_selector(".r.claim").ok().flatten().is_some()).await;
    let index = doc.index();
    let cp_of = |needle: &str| {
        let b = doc.text().find(needle).unwrap();
        doc.text()[..b].chars().count()
    };
    // 1. A selection made with the DOM API from UTF-16 offsets, as a mouse makes it.
    let text_root: Element = root.query_selector("#text").unwrap().unwrap();
    let run = root.query_selector(".r[data-ids~=\"C1\"]").unwrap().unwrap();
    let node: Node = run.first_child().unwrap();
    let js_text = node.text_content().unwrap();
    let u16_of =
        |needle: &str| js_text.encode_utf16().count() - js_text[js_text.find(needle).unwrap()..].encode_utf16().count();
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(&node, u16_of("talks") as u32).unwrap();
    range.set_end(&node, u16_of(" today") as u32).unwrap();
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    let got = selection::selected_span(&text_root, index).expect("a selection");
    assert_eq!(got, Span::new(cp_of("talks"), cp_of(" today")).unwrap());
    assert_eq!(doc.slice(got), Some("talks failed 😀"));
    // 2. Code points -> a DOM selection -> code points, for every word boundary after the emoji.
    for needle in ["minister", "café", "failed", "😀", "today"] {
        let s = cp_of(needle);
        let span = Span::new(s, s + needle.chars().count()).unwrap();
        selection::select_span(&text_root, index, span).expect("selectable");
        let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
        assert_eq!(String::from(sel.to_string()), needle, "the DOM selection shows the words");
        assert_eq!(selection::selected_span(&text_root, index), Some(span), "{needle}");
    }
    // 3. A selection across paragraphs (element boundary points) still maps to code points.
    let span = Span::new(cp_of("before"), cp_of(" said")).unwrap();
    selection::select_span(&text_root, index, span).unwrap();
    assert_eq!(selection::selected_span(&text_root, index), Some(span));
    // 4. A drag that starts before the text (in its container) starts at code point 0; one
    // wholly outside the text is not a text selection.
    let (node, off) = selection::dom_point(&text_root, index, cp_of("minister")).unwrap();
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(&root, 0).unwrap();
    range.set_end(&node, off).unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    assert_eq!(selection::selected_span(&text_root, index), Some(Span::new(0, cp_of("minister")).unwrap()));
    let outside = container();
    outside.set_text_content(Some("elsewhere"));
    let range = gloo::utils::document().create_range().unwrap();
    range.select_node_contents(&outside).unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    assert_eq!(selection::selected_span(&text_root, index), None);
    // 5. An offset inside a surrogate pair clamps to the start of its character.
    assert_eq!(index.utf16_to_cp_clamped(index.cp_to_utf16(cp_of("👍🏽")).unwrap() + 1), cp_of("👍🏽"));
    sel.remove_all_ranges().unwrap();
}

#[wasm_bindgen_test]
async fn a_flagged_annotation_ends_with_a_marker_and_says_its_flags() {
    let doc = SEEDS[0].document().unwrap();
    let mut unsure = ann(&doc, "A1", Label::Actor, "France", 0);
    unsure.unsure = true;
    unsure.note = Some("state or army?".into());
    let anns = vec![unsure, ann(&doc, "A2", Label::Actor, "Bamako", 0)];
    let root = mount_text(doc, anns);
    until(|| root.query_selector(".r.actor").ok().flatten().is_some()).await;
    let run = |id: &str| root.query_selector(&format!(".r[data-ids=\"{id}\"]")).unwrap().expect(id);
    let (a1, a2) = (run("A1"), run("A2"));
    assert!(a1.class_list().contains("flag-e"), "a flagged actor: {}", a1.class_name());
    assert!(!a2.class_list().contains("flag-e"), "an unflagged one: {}", a2.class_name());
    assert_eq!(
        a1.get_attribute("aria-description").as_deref(),
        Some("actor France, unreviewed, flagged unsure, note: state or army?")
    );
}

#[wasm_bindgen_test]
async fn the_statistics_table_shows_a_row_per_annotator() {
    use gloss::ui::components::stats::{StatsProps, StatsTable};
    use gloss::ui::stats::AnnotatorStats;
    let ada = AnnotatorStats {
        annotator: "Ada".into(),
        gold: 2,
        in_progress: 1,
        by_label: [7, 3, 1],
        unsure: 2,
        first: Some("2026-01-02T10:00:00Z".into()),
        ..Default::default()
    };
    let bob = AnnotatorStats { annotator: "bob".into(), reviewed: 1, rejected: 4, ..Default::default() };
    let root = container();
    let props = StatsProps { rows: Rc::new(vec![ada, bob]), unloaded: 3, on_close: Callback::noop() };
    yew::Renderer::<StatsTable>::with_root_and_props(root.clone(), props).render();
    until(|| root.query_selector("#stats-table").ok().flatten().is_some()).await;
    let cells = |who: &str| -> Vec<String> {
        let tr = root.query_selector(&format!("tr[data-annotator=\"{who}\"]")).unwrap().expect(who);
        let tds = tr.query_selector_all("td").unwrap();
        (0..tds.length()).map(|i| tds.get(i).unwrap().text_content().unwrap_or_default()).collect()
    };
    let a = cells("Ada");
    assert_eq!(&a[..7], ["3", "2", "0", "1", "7", "3", "1"], "documents, gold, reviewed, in progress, labels");
    assert_eq!(a[12], "2", "unsure");
    assert_eq!(a[14], "2026-01-02 10:00", "first time, to the minute");
    assert_eq!(a[15], "–", "no last time known");
    assert_eq!(cells("bob")[11], "4", "rejected");
    let note = root.query_selector("#stats-unloaded").unwrap().unwrap().text_content().unwrap();
    assert!(note.contains("3 listed document(s)"), "{note}");
}
