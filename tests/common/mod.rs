//! Test helpers shared by the round-trip property tests (`tests/roundtrip.rs`,
//! `tests/formats_roundtrip.rs`): texts that stress offsets and random but valid annotation sets.

use proptest::prelude::*;

use gloss::model::{
    ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, DateAttrs, Document, Label, Mention, Provenance, Span,
    Stance, Status, TimexType,
};

/// Pieces of text that stress offsets: multi-byte, astral, combining, newlines of all kinds.
pub fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z ,.]{1,6}",
        1 => Just("ï".to_string()),
        1 => Just("Goïta".to_string()),
        1 => Just("👍".to_string()),
        1 => Just("🇫🇷".to_string()),
        1 => Just("e\u{301}".to_string()),
        1 => Just("\u{5d0}\u{5b8}".to_string()),
        1 => Just("日本".to_string()),
        1 => Just("\r\n".to_string()),
        1 => Just("\r".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\t".to_string()),
    ]
}

pub fn raw_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// A deterministic, valid set of annotations over `doc` from random numbers: every label
/// and status, spans nested, overlapping, empty and at the ends, claims whose sources and
/// cues point at other spans, dates anchored to the DCT or to another date.
pub fn annotations(doc: &Document, seeds: &[[u32; 6]]) -> Vec<Annotation> {
    let len = doc.len();
    let span = |a: u32, b: u32| {
        let (a, b) = (a as usize % (len + 1), b as usize % (len + 1));
        Span::new(a.min(b), a.max(b)).unwrap()
    };
    let quote = |s: Span| doc.slice(s).unwrap().to_string();
    let mut out: Vec<Annotation> = Vec::new();
    for (i, s) in seeds.iter().enumerate() {
        let sp = span(s[0], s[1]);
        let label = Label::ALL[s[2] as usize % 3];
        let actors: Vec<String> = out.iter().filter(|a| a.label() == Label::Actor).map(|a| a.id.clone()).collect();
        let dates: Vec<String> = out.iter().filter(|a| a.label() == Label::Date).map(|a| a.id.clone()).collect();
        let attrs = match label {
            Label::Actor => Attrs::Actor(ActorAttrs {
                kind: ActorKind::ALL[s[3] as usize % 4],
                mention: if s[4] % 2 == 0 { Mention::Name } else { Mention::Nominal },
                canonical: ["France", "Assimi Goïta", "👍 group", "a\"quoted\\name"][s[5] as usize % 4].to_string(),
                role: (s[3] % 3 == 0).then(|| "President".to_string()),
            }),
            Label::Date => Attrs::Date(DateAttrs {
                // Values valid for their type, as every reader now checks (`model::timex`).
                timex_type: TimexType::ALL[s[3] as usize % 4],
                value: match TimexType::ALL[s[3] as usize % 4] {
                    TimexType::Date => {
                        ["2025-09-14", "2025-W38", "PAST_REF", "XXXX-09-19", "2024-Q3"][s[4] as usize % 5]
                    }
                    TimexType::Time => ["2025-09-14T15:00", "XXXX-XX-XXTNI", "2025-09-14TMO"][s[4] as usize % 3],
                    TimexType::Duration => ["P4Y", "PT2H30M", "PXW"][s[4] as usize % 3],
                    TimexType::Set => ["P1W", "XXXX-WXX-1", "TNI"][s[4] as usize % 3],
                }
                .to_string(),
                modifier: (s[5] % 4 == 0).then(|| "APPROX".to_string()),
                anchor: match s[5] % 3 {
                    0 => Some("dct".to_string()),
                    1 if !dates.is_empty() => Some(dates[s[3] as usize % dates.len()].clone()),
                    _ => None,
                },
            }),
            Label::Claim => {
                let cue_span = span(s[3], s[4]);
                Attrs::Claim(ClaimAttrs {
                    source: (!actors.is_empty() && s[5] % 3 != 0).then(|| actors[s[5] as usize % actors.len()].clone()),
                    cue: (s[4] % 4 != 0).then(|| Cue { span: cue_span, text: quote(cue_span) }),
                    stance: (s[5] % 2 == 0).then(|| Stance::ALL[s[3] as usize % Stance::ALL.len()]),
                    target: (s[3] % 5 == 0).then(|| "him".to_string()),
                    source_words: (s[2] % 3 == 0)
                        .then(|| Cue { span: span(s[2], s[1]), text: quote(span(s[2], s[1])) }),
                })
            }
        };
        let status = Status::ALL[(s[0] ^ s[5]) as usize % Status::ALL.len()];
        let provenance = if status == Status::Manual {
            Provenance::by("annotator")
        } else {
            Provenance::extractor(["gazetteer", "relative-date", "said-that"][s[1] as usize % 3])
        };
        let mut provenance = provenance;
        if (s[2] ^ s[5]) % 4 == 0 {
            provenance.agreed_by = vec!["ann".to_string(), "bob 🙂".to_string()];
            provenance.adjudicated_by = Some("chloé".to_string());
        }
        let id = format!("{}{}", &label.as_str()[..1], i + 1);
        let note = note(s[0] ^ s[3]);
        let unsure = (s[1] ^ s[4]) % 3 == 0;
        out.push(Annotation { id, span: sp, quote: quote(sp), status, provenance, attrs, note, unsure });
    }
    out
}

/// An annotator's note or none, from a random number: emoji, flags, combining marks, CRLF,
/// lone CR, tabs, U+2028, backslashes, quotes, padding, and a note that starts like brat's Gloss
/// extension line. Never blank (a blank note reads as none).
pub fn note(n: u32) -> Option<String> {
    let notes = [
        "cue or 🙂 source?",
        "e\u{301}té is ambiguous\r\nsecond line",
        "tab\there, a \\ backslash and \\n literally",
        "gloss {\"id\":\"X1\"} is not an extension",
        "  padded, ends with a newline\n",
        "lone\rCR and 🇫🇷 \"quoted\" <b>&amp;</b>",
        "日本\u{5d0}\u{5b8}\u{2028}paragraph \\u2028 as text",
    ];
    notes.get(n as usize % (notes.len() * 2)).map(|s| s.to_string())
}
