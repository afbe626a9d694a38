//! A small made-up corpus for the layout tests.

use super::*;
use crate::model::{Attrs, DateAttrs, Document, Provenance, Status};
use std::rc::Rc;

fn doc(id: &str, text: &str, dates: &[(&str, &str)]) -> Loaded {
    let d = Document::new(id, text, None).unwrap();
    let anns = dates
        .iter()
        .enumerate()
        .map(|(i, (words, value))| {
            let byte = text.find(words).unwrap();
            let s = text[..byte].chars().count();
            let span = d.span(s, s + words.chars().count()).unwrap();
            Annotation {
                id: format!("D{}", i + 1),
                span,
                quote: words.to_string(),
                status: Status::Manual,
                provenance: Provenance::by("t"),
                attrs: Attrs::Date(DateAttrs {
                    timex_type: TimexType::Date,
                    value: value.to_string(),
                    modifier: None,
                    anchor: None,
                }),
                note: None,
                unsure: false,
            }
        })
        .collect();
    (id.to_string(), format!("{id} title"), Rc::new(d), Rc::new(anns))
}

/// Two documents: one with a month and a day inside it, one with 2021 and two September days.
pub fn sample() -> Timeline {
    let mut docs = vec![
        doc(
            "a",
            "He was arrested in August. On 15 August he was detained.",
            &[("August", "2025-08"), ("15 August", "2025-08-15")],
        ),
        doc(
            "b",
            "The coup of 2021. They left on 14 September and must leave by 20 September.",
            &[("2021", "2021"), ("14 September", "2025-09-14"), ("20 September", "2025-09-20")],
        ),
    ];
    docs[0].1 = "A & B".into();
    build(&docs, &Filter::default())
}
