//! Round trips as properties (proptest) over random texts that mix ASCII, accented letters,
//! emoji (outside the Basic Multilingual Plane), combining marks, CRLF and lone CR:
//! - byte <-> code point <-> UTF-16 offsets through `model::TextIndex` at every boundary;
//! - random annotation sets (nested, overlapping, every label and status) written by
//!   `GoldFile::to_json` / `to_json_line` / Gloss JSON Lines and read back unchanged;
//! - an `Edit` followed by its inverse restores the list (exactly, for a list in text order);
//! - `Document::new` normalises CRLF and lone CR so that offsets after them are right;
//!
//! and two properties that guard the same readers and the scorer:
//! - the readers (gold JSON, JSON Lines, corpus lines, input lines) never panic on a mangled
//!   file: they return an error or a checked value;
//! - scoring a set against itself gives every span as found, and in any pair strict matches
//!   never outnumber overlap matches, which never outnumber either side.
//!
//! It must not: test extraction (the rules change) or depend on a fixed seed's output.

use gloss::eval::{self, Coverage, EvalDoc};
use gloss::formats::{corpus, gold::GoldFile, jsonl};
use gloss::model::{sha256_hex, sort_annotations, Annotation, Document, Edit, Span, Status, TextIndex};
use proptest::prelude::*;

mod common;
use common::{annotations, raw_text};

/// Offsets computed without the index, from the characters themselves.
fn boundaries(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let (mut cp, mut u16s) = (0, 0);
    for (b, c) in text.char_indices() {
        out.push((b, cp, u16s));
        cp += 1;
        u16s += c.len_utf16();
    }
    out.push((text.len(), cp, u16s));
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn offsets_round_trip_at_every_boundary(raw in raw_text()) {
        for text in [raw.as_str(), Document::new("t", &raw, None).unwrap().text()] {
            let ix = TextIndex::new(text);
            let bounds = boundaries(text);
            let (bl, cl, ul) = bounds[bounds.len() - 1];
            prop_assert_eq!((ix.byte_len(), ix.cp_len(), ix.utf16_len()), (bl, cl, ul));
            for &(b, cp, u) in &bounds {
                prop_assert_eq!(ix.byte_to_cp(b), Some(cp));
                prop_assert_eq!(ix.cp_to_byte(cp), Some(b));
                prop_assert_eq!(ix.cp_to_utf16(cp), Some(u));
                prop_assert_eq!(ix.utf16_to_cp(u), Some(cp));
                prop_assert_eq!(ix.utf16_to_cp_clamped(u), cp);
            }
            // Inside a character: bytes and UTF-16 units are refused, or clamped to its start.
            for w in bounds.windows(2) {
                let ((b0, cp0, u0), (b1, _, u1)) = (w[0], w[1]);
                for b in b0 + 1..b1 {
                    prop_assert_eq!(ix.byte_to_cp(b), None);
                }
                for u in u0 + 1..u1 {
                    prop_assert_eq!(ix.utf16_to_cp(u), None);
                    prop_assert_eq!(ix.utf16_to_cp_clamped(u), cp0);
                }
            }
            prop_assert_eq!(ix.cp_to_byte(cl + 1), None);
            prop_assert_eq!(ix.byte_to_cp(bl + 1), None);
            prop_assert_eq!(ix.utf16_to_cp(ul + 1), None);
            // Slicing by code points is slicing by the matching bytes.
            for &(b0, c0, _) in bounds.iter().step_by(3) {
                for &(b1, c1, _) in bounds.iter().filter(|x| x.1 >= c0).step_by(5) {
                    let span = Span::new(c0, c1).unwrap();
                    prop_assert_eq!(ix.slice(text, span), Some(&text[b0..b1]));
                    prop_assert_eq!(ix.span_of_bytes(b0, b1), Some(span));
                }
            }
        }
    }

    #[test]
    fn crlf_normalised_and_offsets_after_it_right(before in raw_text(), after in raw_text()) {
        let raw = format!("{before}MARK{after}");
        let doc = Document::new("t", &raw, None).unwrap();
        prop_assert!(!doc.text().contains('\r'));
        // Expected offset: code points before the marker, less one per CRLF (two become one).
        let crlf = before.matches("\r\n").count();
        let start = before.chars().count() - crlf;
        let span = doc.span(start, start + 4).unwrap();
        prop_assert_eq!(doc.slice(span), Some("MARK"));
        let expected_text = raw.replace("\r\n", "\n").replace('\r', "\n");
        prop_assert_eq!(doc.text(), expected_text.as_str());
        prop_assert_eq!(doc.sha256(), sha256_hex(&expected_text));
        prop_assert_eq!(doc.len(), expected_text.chars().count());
        let again = Document::new("t", doc.text(), None).unwrap();
        prop_assert_eq!(again.sha256(), doc.sha256());
    }

    #[test]
    fn gold_json_round_trips_any_annotation_set(raw in raw_text(), seeds in prop::collection::vec(any::<[u32; 6]>(), 0..25), dct in prop::option::of(0u32..20_000)) {
        let dct = dct.map(|d| jiff::civil::date(1990, 1, 1).checked_add(jiff::Span::new().days(i64::from(d))).unwrap());
        let doc = Document::new("doc/ü 1", &raw, dct).unwrap();
        let anns = annotations(&doc, &seeds);
        gloss::model::check_annotations(&doc, &anns).unwrap();
        let mut f = GoldFile::new(doc, anns);
        f.meta.annotator = seeds.first().map(|s| format!("annotator {}", s[0] % 7));
        f.meta.created = Some("2025-09-19T10:00:00Z".to_string());
        let json = f.to_json();
        let back = GoldFile::from_json(&json).unwrap();
        prop_assert_eq!(&back, &f);
        prop_assert_eq!(back.to_json(), json);
        let line = f.to_json_line();
        prop_assert!(!line.contains('\n'));
        prop_assert_eq!(&GoldFile::from_json(&line).unwrap(), &f);
        // A second document with its own id (two with one id are refused).
        let other = GoldFile { doc: Document::new("doc/ü 2", f.doc.text(), f.doc.dct()).unwrap(), ..f.clone() };
        let lines = jsonl::write(&[other.clone(), f.clone()]);
        let read = jsonl::read(&lines).unwrap();
        prop_assert_eq!(read.len(), 2);
        prop_assert_eq!(&read[0].1, &other);
        prop_assert_eq!(&read[1].1, &f);
    }

    #[test]
    fn edit_then_inverse_restores_the_list(raw in raw_text(), seeds in prop::collection::vec(any::<[u32; 6]>(), 1..15), ops in prop::collection::vec(any::<(u8, u32, u32)>(), 1..6)) {
        let doc = Document::new("t", &raw, None).unwrap();
        // In text order, as files, the pipeline and the page keep annotations.
        let mut original = annotations(&doc, &seeds);
        sort_annotations(&mut original);
        let unsorted = annotations(&doc, &seeds);
        let fresh = annotations(&doc, &[[7, 3, 1, 4, 1, 5]]).remove(0);
        let mut edits = Vec::new();
        for (k, (op, a, b)) in ops.iter().enumerate() {
            let target = &original[*a as usize % original.len()];
            let edit = match op % 3 {
                0 => Edit::Add(Annotation { id: format!("N{k}"), ..fresh.clone() }),
                1 => Edit::Remove(target.clone()),
                _ => {
                    let mut after = target.clone();
                    after.status = Status::ALL[*b as usize % Status::ALL.len()];
                    if b % 2 == 0 {
                        after.id = format!("R{k}");
                    }
                    Edit::Replace { before: target.clone(), after }
                }
            };
            edits.push(edit);
        }
        // Each edit alone, and all of them as one batch where they compose.
        let mut candidates: Vec<Edit> = edits.clone();
        candidates.push(Edit::Batch(edits));
        for edit in candidates {
            let mut list = original.clone();
            if edit.apply(&mut list).is_err() {
                // A failed edit leaves the list as it was.
                prop_assert_eq!(&list, &original);
                continue;
            }
            edit.inverse().apply(&mut list).unwrap();
            prop_assert_eq!(&list, &original, "edit {:?}", edit);
            // On a list in any order, the same annotations come back.
            let mut list = unsorted.clone();
            if edit.apply(&mut list).is_ok() {
                edit.inverse().apply(&mut list).unwrap();
                let (mut a, mut b) = (list, unsorted.clone());
                sort_annotations(&mut a);
                sort_annotations(&mut b);
                prop_assert_eq!(a, b);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic_on_mangled_files(
        raw in raw_text(),
        seeds in prop::collection::vec(any::<[u32; 6]>(), 0..8),
        cuts in prop::collection::vec((any::<u16>(), any::<u16>(), 0u8..6), 1..6),
    ) {
        let doc = Document::new("d", &raw, None).unwrap();
        let anns = annotations(&doc, &seeds);
        let pretty = GoldFile::new(doc, anns).to_json();
        let mut chars: Vec<char> = pretty.chars().collect();
        for (a, b, op) in cuts {
            if chars.is_empty() {
                break;
            }
            let i = a as usize % chars.len();
            let j = (i + b as usize % 16).min(chars.len());
            match op {
                0 => { chars.drain(i..j); }
                1 => chars[i] = ['9', '-', '"', '{', ']', '\\'][b as usize % 6],
                2 => chars.insert(i, ['\u{0}', '\r', '👍', ',', '1'][b as usize % 5]),
                3 => chars.swap(i, j.saturating_sub(1)),
                4 => chars.truncate(i),
                _ => chars[i..j].reverse(),
            }
        }
        let text: String = chars.into_iter().collect();
        let _ = GoldFile::from_json(&text);
        let one_line = text.replace('\n', " ");
        let _ = jsonl::read(&one_line);
        let _ = jsonl::read(&text);
        let _ = jsonl::read_inputs(&text, "x", None);
        let _ = corpus::read(&one_line);
        let as_corpus = one_line.replace("\"annotations\"", "\"spans\"");
        let _ = corpus::read(&as_corpus);
    }

    #[test]
    fn scores_are_consistent(
        raw in raw_text(),
        a in prop::collection::vec(any::<[u32; 6]>(), 0..20),
        b in prop::collection::vec(any::<[u32; 6]>(), 0..20),
    ) {
        let doc = Document::new("d", &raw, None).unwrap();
        let eval_doc = |anns: Vec<Annotation>| EvalDoc {
            id: "d".into(),
            sha256: doc.sha256().into(),
            annotations: anns,
            coverage: Coverage::full(),
            places: Vec::new(),
        };
        let (ga, gb) = (eval_doc(annotations(&doc, &a)), eval_doc(annotations(&doc, &b)));
        let opts = eval::Options { attributions: true, ..eval::Options::default() };
        let same = eval::score(std::slice::from_ref(&ga), std::slice::from_ref(&ga), &opts).unwrap();
        for r in &same.labels {
            prop_assert_eq!(r.strict.correct, r.strict.gold);
            prop_assert_eq!(r.overlap.correct, r.overlap.gold);
            prop_assert_eq!(r.strict.gold, r.strict.pred);
        }
        let pair = eval::score(&[ga], &[gb], &opts).unwrap();
        for r in &pair.labels {
            prop_assert!(r.strict.correct <= r.overlap.correct, "{:?}", r);
            prop_assert!(r.overlap.correct <= r.overlap.gold.min(r.overlap.pred), "{:?}", r);
            for x in [r.strict.precision(), r.strict.recall(), r.overlap.f1()].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&x));
            }
        }
    }
}
