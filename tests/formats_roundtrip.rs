//! Round trips through every format as properties (proptest), over random documents with
//! emoji, combining marks, CRLF, lone CR, tabs and nested, overlapping and empty spans of every
//! label and status (the generators are those of tests/roundtrip.rs):
//! - the formats that keep everything (Gloss JSON and JSON Lines, Label Studio, doccano in
//!   code points and in UTF-16, brat, W3C, spaCy) give back the same documents, annotations,
//!   ids, statuses, provenance (adjudication records too), attributes, notes (with emoji,
//!   combining marks, CRLF, tabs, backslashes) and unsure flags, and meta, and name no loss;
//! - CoNLL gives back exactly the spans and labels it can hold (non-empty, no white space at
//!   either edge), the text, id and DCT; TimeML the dates it can hold (no overlap), with their
//!   type, value, mod, anchors and notes; and both name what they lose whenever something is
//!   lost, notes, unsure flags and adjudication records with their counts;
//! - every reader refuses or reads, never panics, a mangled file of its format;
//! - a zip of the brat output lists every file with its exact bytes.
//!
//! It must not: depend on a fixed seed's output.

use gloss::formats::{self, gold::GoldFile, Format, Input, OffsetUnit, Options, Output};
use gloss::model::{Annotation, Document, Label, Span};
use proptest::prelude::*;

mod common;
use common::{annotations, raw_text};

fn docs(raw: &str, raw2: &str, seeds: &[[u32; 6]], seeds2: &[[u32; 6]], dct: Option<u32>) -> Vec<GoldFile> {
    let dct = dct.map(|d| jiff::civil::date(1990, 1, 1).checked_add(jiff::Span::new().days(i64::from(d))).unwrap());
    let a = Document::new("doc/ü 1", raw, dct).unwrap();
    let b = Document::new("second", raw2, None).unwrap();
    let fa = {
        let anns = annotations(&a, seeds);
        let mut f = GoldFile::new(a, anns);
        f.meta.annotator = seeds.first().map(|s| format!("annotator {}", s[0] % 7));
        f.meta.created = Some("2025-09-19T10:00:00Z".to_string());
        f
    };
    let fb = {
        let anns = annotations(&b, seeds2);
        GoldFile::new(b, anns)
    };
    vec![fa, fb]
}

fn input_of(out: &Output) -> (Option<String>, Vec<(String, String)>) {
    match out {
        Output::Text(t) => (Some(t.clone()), Vec::new()),
        Output::Files(f) => (None, f.clone()),
    }
}

fn read_back(format: Format, out: &Output, opts: &Options) -> Result<Vec<GoldFile>, gloss::model::Error> {
    match input_of(out) {
        (Some(t), _) => formats::read(format, Input::Text(&t), opts),
        (None, files) => formats::read(format, Input::Files(&files), opts),
    }
}

/// Label, span of every annotation, sorted.
fn spans(anns: &[&Annotation]) -> Vec<(Label, usize, usize)> {
    let mut v: Vec<_> = anns.iter().map(|a| (a.label(), a.span.start(), a.span.end())).collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn lossless_formats_round_trip(
        raw in raw_text(), raw2 in raw_text(),
        seeds in prop::collection::vec(any::<[u32; 6]>(), 0..20),
        seeds2 in prop::collection::vec(any::<[u32; 6]>(), 0..6),
        dct in prop::option::of(0u32..20_000),
    ) {
        let files = docs(&raw, &raw2, &seeds, &seeds2, dct);
        let cases = [
            (Format::Jsonl, OffsetUnit::CodePoint),
            (Format::LabelStudio, OffsetUnit::CodePoint),
            (Format::Doccano, OffsetUnit::CodePoint),
            (Format::Doccano, OffsetUnit::Utf16),
            (Format::Brat, OffsetUnit::CodePoint),
            (Format::W3c, OffsetUnit::CodePoint),
            (Format::Spacy, OffsetUnit::CodePoint),
            (Format::Gloss, OffsetUnit::CodePoint),
        ];
        for (format, unit) in cases {
            let opts = Options { offsets: unit, ..Options::default() };
            prop_assert!(formats::losses(format, &files).is_empty());
            let out = formats::write(format, &files, &opts).unwrap();
            let back = read_back(format, &out, &opts);
            prop_assert!(back.is_ok(), "{} ({:?}): {}", format, unit, back.unwrap_err());
            prop_assert_eq!(&back.unwrap(), &files, "{} ({:?})", format, unit);
            // One document alone too (Gloss and TimeML write a single text then).
            let one = formats::write(format, &files[..1], &opts).unwrap();
            prop_assert_eq!(&read_back(format, &one, &opts).unwrap(), &files[..1].to_vec(), "{} alone", format);
        }
    }

    #[test]
    fn conll_keeps_the_spans_it_can_hold(
        raw in raw_text(), raw2 in raw_text(),
        seeds in prop::collection::vec(any::<[u32; 6]>(), 0..20),
        seeds2 in prop::collection::vec(any::<[u32; 6]>(), 0..6),
        dct in prop::option::of(0u32..20_000),
    ) {
        let files = docs(&raw, &raw2, &seeds, &seeds2, dct);
        let out = formats::write(Format::Conll, &files, &Options::default()).unwrap();
        let back = read_back(Format::Conll, &out, &Options::default());
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        let back = back.unwrap();
        prop_assert_eq!(back.len(), files.len());
        let mut lost = false;
        for (f, g) in files.iter().zip(&back) {
            prop_assert_eq!(f.doc.text(), g.doc.text());
            prop_assert_eq!(&f.doc.id, &g.doc.id);
            prop_assert_eq!(f.doc.dct(), g.doc.dct());
            let held: Vec<&Annotation> =
                f.annotations.iter().filter(|a| a.status.is_live() && formats::conll::holds(&f.doc, a.span)).collect();
            lost |= held.len() != f.annotations.len() || !f.annotations.is_empty();
            prop_assert_eq!(spans(&held), spans(&g.annotations.iter().collect::<Vec<_>>()));
        }
        let losses = formats::losses(Format::Conll, &files);
        prop_assert_eq!(lost, !losses.is_empty());
        // Notes, doubts and adjudication records are named with their counts, never dropped unsaid.
        let remarks = losses.iter().find(|l| l.ends_with("CoNLL holds no comments, doubts or provenance"));
        let all: Vec<&Annotation> = files.iter().flat_map(|f| &f.annotations).collect();
        let (notes, unsure, adjudicated) = remark_counts(&all);
        prop_assert_eq!(remarks.is_some(), notes + unsure + adjudicated > 0, "{:?}", losses);
        if let Some(r) = remarks {
            prop_assert_eq!(r.clone(), expected_remarks(notes, unsure, adjudicated));
        }
        prop_assert!(back.iter().flat_map(|f| &f.annotations).all(|a| a.note.is_none() && !a.unsure));
    }

    #[test]
    fn timeml_keeps_the_dates_it_can_hold(
        raw in raw_text(),
        seeds in prop::collection::vec(any::<[u32; 6]>(), 0..20),
        dct in prop::option::of(0u32..20_000),
    ) {
        let files = docs(&raw, "", &seeds, &[], dct);
        let f = &files[0];
        let out = formats::write(Format::Timeml, &files[..1], &Options::default()).unwrap();
        let back = read_back(Format::Timeml, &out, &Options::default());
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        let g = &back.unwrap()[0];
        prop_assert_eq!(f.doc.text(), g.doc.text());
        prop_assert_eq!(f.doc.dct(), g.doc.dct());
        prop_assert_eq!(&f.doc.id, &g.doc.id);
        // Every date read back is a date of the original with the same span and attributes
        // (anchors compared by the span they point at); the dates lost are the overlapping ones.
        let key = |file: &GoldFile, a: &Annotation| {
            let d = a.date().unwrap();
            let anchor = d.anchor.as_deref().map(|x| {
                if x == "dct" { "dct".to_string() } else {
                    file.annotations.iter().find(|b| b.id == x).map(|b| b.span.to_string()).unwrap_or_default()
                }
            });
            (a.span, d.timex_type, d.value.clone(), d.modifier.clone(), anchor)
        };
        let orig: Vec<_> = f.annotations.iter().filter(|a| a.label() == Label::Date).map(|a| key(f, a)).collect();
        let mut seen = Vec::new();
        for a in &g.annotations {
            // A written date keeps its note exactly (as the TIMEX3's comment); no flag comes back.
            let same = |b: &&Annotation| {
                let (x, y) = (a.date().unwrap(), b.date());
                b.status.is_live() && b.span == a.span && y.is_some_and(|y| {
                    (y.timex_type, &y.value, &y.modifier) == (x.timex_type, &x.value, &x.modifier)
                })
            };
            prop_assert!(f.annotations.iter().filter(same).any(|b| b.note == a.note), "{:?}", a);
            prop_assert!(!a.unsure);
            let (span, ty, value, m, anchor) = key(g, a);
            let found = orig.iter().any(|o| o.0 == span && o.1 == ty && o.2 == value && o.3 == m && (anchor.is_none() || o.4 == anchor));
            prop_assert!(found, "{:?} not in the original", a);
            for s in &seen {
                let s: &Span = s;
                prop_assert!(!s.overlaps(&span), "overlapping dates written");
            }
            seen.push(span);
        }
        let all_kept = g.annotations.len() == f.annotations.len();
        let losses = formats::losses(Format::Timeml, &files[..1]);
        prop_assert_eq!(all_kept && f.annotations.is_empty(), losses.is_empty());
        // The notes lost are those of the annotations not written; every flag and record is lost.
        let all: Vec<&Annotation> = f.annotations.iter().collect();
        let (_, unsure, adjudicated) = remark_counts(&all);
        let notes_lost = f.annotations.iter().filter(|a| a.note.is_some()).count()
            - g.annotations.iter().filter(|a| a.note.is_some()).count();
        let remarks = losses.iter().find(|l| l.ends_with("TimeML keeps only the notes of the dates it writes (as comments)"));
        prop_assert_eq!(remarks.is_some(), notes_lost + unsure + adjudicated > 0, "{:?}", losses);
        if let Some(r) = remarks {
            prop_assert!(r.starts_with(&expected_remarks(notes_lost, unsure, adjudicated).replace(": CoNLL holds no comments, doubts or provenance", "")));
        }
    }

    #[test]
    fn readers_never_panic_on_mangled_files(
        raw in raw_text(),
        seeds in prop::collection::vec(any::<[u32; 6]>(), 0..8),
        cuts in prop::collection::vec((any::<u16>(), any::<u16>(), 0u8..6), 1..6),
    ) {
        let files = docs(&raw, "x", &seeds, &[], None);
        for format in Format::ALL {
            let out = formats::write(format, &files, &Options::default()).unwrap();
            let mut named = out.into_files("x", format);
            let k = cuts[0].0 as usize % named.len();
            let mut chars: Vec<char> = named[k].1.chars().collect();
            for (a, b, op) in &cuts {
                if chars.is_empty() {
                    break;
                }
                let i = *a as usize % chars.len();
                let j = (i + *b as usize % 16).min(chars.len());
                match op {
                    0 => { chars.drain(i..j); }
                    1 => chars[i] = ['9', '-', '"', '{', ']', '\t', '<', ';'][*b as usize % 8],
                    2 => chars.insert(i, ['\u{0}', '\r', '👍', ',', '1', '\n', '&'][*b as usize % 7]),
                    3 => chars.swap(i, j.saturating_sub(1)),
                    4 => chars.truncate(i),
                    _ => chars[i..j].reverse(),
                }
            }
            named[k].1 = chars.into_iter().collect();
            let _ = formats::read(format, Input::Files(&named), &Options::default());
            let _ = formats::read(format, Input::Text(&named[k].1), &Options::default());
            let _ = Format::guess(&named[k].0, &named[k].1);
        }
    }

    /// Any note, however odd (tabs, CR, LF, backslashes, "gloss {" at the start, any
    /// character), goes through a brat line and back exactly, and the line stays one line
    /// that brat cannot mistake for Gloss's extension.
    #[test]
    fn brat_notes_of_any_text_come_back(
        note in prop_oneof![".*", "(gloss )?[\\\\tnrsu0-9 \t\r\n\u{b}\u{85}\u{2028}{}a-z👍]{0,12}"],
    ) {
        let line = formats::brat::escape_note(&note);
        let breaks = ['\t', '\n', '\r', '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}'];
        prop_assert!(!line.contains(breaks), "{:?}", line);
        prop_assert!(!line.starts_with("gloss "), "{:?}", line);
        prop_assert_eq!(formats::brat::unescape_note(&line), note.clone());
        let doc = Document::new("d", "Paris", None).unwrap();
        let mut f = GoldFile::new(doc, annotations(&Document::new("d", "Paris", None).unwrap(), &[[0, 5, 0, 1, 2, 3]]));
        f.annotations[0].note = Some(note.clone());
        f.annotations[0].unsure = true;
        let out = formats::write(Format::Brat, std::slice::from_ref(&f), &Options::default()).unwrap();
        let back = read_back(Format::Brat, &out, &Options::default()).unwrap();
        let want = (!note.trim().is_empty()).then_some(note);
        prop_assert_eq!(&back[0].annotations[0].note, &want);
        prop_assert!(back[0].annotations[0].unsure);
    }

    #[test]
    fn zip_holds_every_file(raw in raw_text(), seeds in prop::collection::vec(any::<[u32; 6]>(), 0..8)) {
        let files = docs(&raw, "x", &seeds, &[], None);
        let out = formats::write(Format::Brat, &files, &Options::default()).unwrap();
        let named = out.clone().into_files("x", Format::Brat);
        let z = out.to_zip("x", Format::Brat);
        let read = unzip(&z);
        prop_assert_eq!(read.len(), named.len());
        for ((n1, t1), (n2, t2)) in named.iter().zip(&read) {
            prop_assert_eq!(n1, n2);
            prop_assert_eq!(t1.as_bytes(), t2.as_slice());
        }
    }
}

/// Notes, unsure flags and adjudication records (agreed_by or adjudicated_by) among `anns`.
fn remark_counts(anns: &[&Annotation]) -> (usize, usize, usize) {
    let notes = anns.iter().filter(|a| a.note.is_some()).count();
    let unsure = anns.iter().filter(|a| a.unsure).count();
    let adjudicated =
        anns.iter().filter(|a| !a.provenance.agreed_by.is_empty() || a.provenance.adjudicated_by.is_some()).count();
    (notes, unsure, adjudicated)
}

/// The CoNLL loss sentence for these counts, written out independently of the library.
fn expected_remarks(notes: usize, unsure: usize, adjudicated: usize) -> String {
    let plural = |n: usize, w: &str| if n == 1 { format!("1 {w}") } else { format!("{n} {w}s") };
    let mut parts = Vec::new();
    if notes > 0 {
        parts.push(plural(notes, "note"));
    }
    if unsure > 0 {
        parts.push(plural(unsure, "unsure flag"));
    }
    if adjudicated > 0 {
        parts.push(format!("the adjudication record of {}", plural(adjudicated, "annotation")));
    }
    let list = match parts.len() {
        1 => parts[0].clone(),
        _ => format!("{} and {}", parts[..parts.len() - 1].join(", "), parts[parts.len() - 1]),
    };
    format!("{list}: CoNLL holds no comments, doubts or provenance")
}

/// A reader of stored zips, independent of the writer: walks the central directory from
/// the end record and checks each local header and CRC.
fn unzip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16at = |i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
    let u32at = |i: usize| u32::from_le_bytes([z[i], z[i + 1], z[i + 2], z[i + 3]]) as usize;
    let end = z.len() - 22;
    assert_eq!(u32at(end), 0x0605_4b50, "end record");
    let n = u16at(end + 10);
    let mut p = u32at(end + 16);
    let mut out = Vec::new();
    for _ in 0..n {
        assert_eq!(u32at(p), 0x0201_4b50, "central directory entry");
        let (crc, size, name_len, local) = (u32at(p + 16), u32at(p + 20), u16at(p + 28), u32at(p + 42));
        let extra = u16at(p + 30) + u16at(p + 32);
        let name = String::from_utf8(z[p + 46..p + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32at(local), 0x0403_4b50, "local header");
        assert_eq!(u16at(local + 8), 0, "stored");
        let data_at = local + 30 + u16at(local + 26) + u16at(local + 28);
        let data = z[data_at..data_at + size].to_vec();
        assert_eq!(gloss::formats::zip::crc32(&data) as usize, crc);
        out.push((name, data));
        p += 46 + name_len + extra;
    }
    out
}
