//! Extraction stays linear on adversarial texts: for each shape (a unit repeated), the
//! pipeline runs over 64 Ki and 1 Mi code points of it with its work counter
//! (`Pipeline::run_counted`), and the work at 1 Mi may be at most 16 times (the ratio of the
//! lengths) that at 64 Ki, with a slack of a quarter and a constant for the fixed costs
//! (a quadratic step would make it 256 times). The annotations are checked as valid, their
//! number is bounded the same way, and their quotes hold at most `MAX_CLAIM_DEPTH + 2`
//! times the text (claims nest at most that deep; actors and dates never overlap).
//! No timing: the benchmark `cargo bench --bench extract -- adversarial` times the same texts.

use gloss::extract::{Pipeline, Work, MAX_CLAIM_DEPTH};
use gloss::model::{check_annotations, Document};

#[path = "../benches/common/adversarial.rs"]
mod adversarial;
use adversarial::{text_of, SHAPES};

const SMALL: usize = 64 << 10;
const LARGE: usize = 1 << 20;

fn run(unit: &str, n: usize) -> Work {
    let doc = Document::new("adversarial", &text_of(unit, n), Some("2025-09-19".parse().unwrap())).unwrap();
    let (anns, work) = Pipeline::default().run_counted(&doc);
    if let Err(e) = check_annotations(&doc, &anns) {
        panic!("invalid annotations for {unit:?} x {n}: {e}");
    }
    assert_eq!(work.annotations, anns.len() as u64);
    let text_bytes = doc.text().len() as u64;
    assert!(
        work.quote_bytes <= (MAX_CLAIM_DEPTH as u64 + 2) * text_bytes,
        "{unit:?} x {n}: quotes of {} bytes for a text of {text_bytes}",
        work.quote_bytes
    );
    work
}

/// The bound: 16 times (the ratio of the lengths) with a quarter's slack, plus a constant.
fn linear(small: u64, large: u64) -> bool {
    let ratio = (LARGE / SMALL) as u64;
    large <= small * ratio * 5 / 4 + 10_000
}

fn check(name: &str, unit: &str) {
    let (small, large) = (run(unit, SMALL), run(unit, LARGE));
    let report = || {
        small.fields().iter().zip(large.fields()).map(|((k, a), (_, b))| format!("{k}: {a} -> {b}")).collect::<Vec<_>>()
    };
    eprintln!(
        "{name}: work {} -> {} ({:.1}x), annotations {} -> {}",
        small.total(),
        large.total(),
        large.total() as f64 / small.total().max(1) as f64,
        small.annotations,
        large.annotations
    );
    assert!(small.total() > 0, "{name}: no work counted");
    for ((field, a), (_, b)) in small.fields().iter().zip(large.fields()) {
        assert!(linear(*a, b), "{name}: {field} grows faster than the text: {:#?}", report());
    }
    assert!(linear(small.total(), large.total()), "{name}: the work grows faster than the text: {:#?}", report());
}

macro_rules! shapes {
    ($($test:ident => $k:expr),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                let (name, unit) = SHAPES[$k];
                check(name, unit);
            }
        )*
        #[test]
        fn every_shape_has_a_test() {
            assert_eq!([$($k),*].len(), SHAPES.len());
        }
    };
}

shapes! {
    quote_paris_said => 0,
    said_that_chain => 1,
    mr_titles => 2,
    titles_mixed => 3,
    no_punctuation => 4,
    one_word => 5,
    one_token => 6,
    many_quotes => 7,
    straight_quotes => 8,
    unbalanced_quote => 9,
    said_open_quote => 10,
    colon_cues => 11,
    accused_of => 12,
    according_to => 13,
    all_caps => 14,
    capitalised_words => 15,
    plural_possessives => 16,
    juntas => 17,
    digits => 18,
    years => 19,
    coordinated_days => 20,
    abbreviated_months => 21,
    initials => 22,
    parentheses => 23,
}

/// The counter counts what it says: on a real article every stage did some work, and the
/// output figures match the annotations.
#[test]
fn the_counter_counts_every_stage() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_c000a84573ae1d4c.txt")).unwrap();
    let doc = Document::new("seed", &text, Some("2025-09-19".parse().unwrap())).unwrap();
    let (anns, work) = Pipeline::default().run_counted(&doc);
    assert_eq!(anns, Pipeline::default().run(&doc));
    for (field, n) in work.fields() {
        assert!(n > 0, "{field} is 0 on a real article: {work:#?}");
    }
    assert_eq!(work.annotations, anns.len() as u64);
    assert_eq!(work.quote_bytes, anns.iter().map(|a| a.quote.len() as u64).sum::<u64>());
    assert!(work.segment_steps >= text.len() as u64 / 2);
}
