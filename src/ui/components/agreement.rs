//! The agreement panel (key `I`): how far the versions of the document on screen, and of the
//! corpus, agree.
//!
//! Owns: showing an agreement [`Report`] as plain tables (each with a "Copy as TSV" button),
//! a small SVG bar chart (mean overlap F1 and alpha per label), the confusion table and the
//! disagreements of the document on screen as links into the text, and the corpus's documents
//! least agreed first, each one click from the screen. It gets everything as props: the
//! report, the SHA-256 of the text on screen, how many versions it has, and callbacks to jump
//! to a span, open a document, copy text and close. It must not: compute figures (the
//! report is made by [`crate::eval::agree`]) or import the app root.

use crate::eval::agree::text::fmt;
use crate::eval::agree::{DocReport, Figures, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgreementProps {
    /// The report over every loaded document with at least two versions (`None`: none has).
    pub report: Option<Rc<Report>>,
    /// The SHA-256 of the text on screen.
    pub sha256: Option<String>,
    /// The versions of the document on screen, the work included.
    pub versions_here: usize,
    /// Go to `(document id, start, end)` in code points.
    pub on_jump: Callback<(String, usize, usize)>,
    /// Bring document `id` on screen (from the corpus's per-document table).
    pub on_open: Callback<String>,
    /// Put text on the clipboard.
    pub on_copy: Callback<String>,
    pub on_close: Callback<()>,
}

/// A table as rows of cells (the first row is the header): shown and copied from the same rows.
struct Table {
    id: String,
    caption: String,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn tsv(&self) -> String {
        self.rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n") + "\n"
    }

    fn view(&self, on_copy: &Callback<String>) -> Html {
        self.view_with(on_copy, &[])
    }

    /// The table, each body row `i` with `rows[i]` (its `data-id`, and one more cell not
    /// copied: a button) when given.
    fn view_with(&self, on_copy: &Callback<String>, extra: &[(String, Html)]) -> Html {
        let tsv = self.tsv();
        let copy = {
            let on_copy = on_copy.clone();
            Callback::from(move |_| on_copy.emit(tsv.clone()))
        };
        let (head, body) = self.rows.split_first().map_or((&[][..], &[][..]), |(h, b)| (h.as_slice(), b));
        html! {
            <figure class="agree-table">
                <figcaption>
                    { &self.caption }{ " " }
                    <button class="copy-tsv" data-table={self.id.clone()} onclick={copy}>{ "Copy as TSV" }</button>
                </figcaption>
                <table id={self.id.clone()}>
                    <thead><tr>{ for head.iter().map(|h| html! { <th>{ h }</th> }) }if !extra.is_empty() { <th></th> }</tr></thead>
                    <tbody>
                        { for body.iter().enumerate().map(|(i, r)| {
                            let (id, cell) = extra.get(i).cloned().unzip();
                            html! {
                                <tr data-id={id}>
                                    { for r.iter().map(|c| html! { <td>{ c }</td> }) }
                                    if let Some(cell) = cell { <td>{ cell }</td> }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </figure>
        }
    }
}

/// One row per compared document, the least agreed first (by alpha over all labels; n/a
/// last), each with a button that brings it on screen: where an adjudicator starts.
fn documents_table(r: &Report, here: Option<&str>, on_copy: &Callback<String>, on_open: &Callback<String>) -> Html {
    let all = |d: &DocReport| d.figures.labels.iter().find(|l| l.label == "all").cloned();
    let mut docs: Vec<&DocReport> = r.documents.iter().collect();
    crate::sort::sort_by(&mut docs, |a, b| {
        let key = |d: &DocReport| all(d).and_then(|l| l.alpha).unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    let header = ["document", "annotators", "overlap F1", "alpha", "alpha_U", "disagreements"];
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            let l = all(d);
            vec![
                d.id.clone(),
                d.annotators.join(", "),
                fmt(l.as_ref().and_then(|l| l.overlap_f1)),
                fmt(l.as_ref().and_then(|l| l.alpha)),
                fmt(l.as_ref().and_then(|l| l.alpha_u)),
                d.disagreements.len().to_string(),
            ]
        })
        .collect();
    let table = Table {
        id: "agree-corpus-documents".into(),
        caption: "Documents, least agreed first".into(),
        rows: std::iter::once(header.map(String::from).to_vec()).chain(rows).collect(),
    };
    let extra: Vec<(String, Html)> = docs
        .iter()
        .map(|d| {
            let id = d.id.clone();
            let open = on_open.reform(move |_| id.clone());
            let cell = if here == Some(d.sha256.as_str()) {
                html! { { "on screen" } }
            } else {
                html! { <button class="open-doc" onclick={open}>{ "Open" }</button> }
            };
            (d.id.clone(), cell)
        })
        .collect();
    table.view_with(on_copy, &extra)
}

/// Per label: each pair, then the mean over pairs with alpha and alpha_U.
fn scope_table(id: &str, caption: &str, f: &Figures) -> Table {
    let mut rows =
        vec![["label", "pair", "strict F1", "overlap F1", "kappa", "alpha", "alpha_U"].map(String::from).to_vec()];
    for l in &f.labels {
        for p in &l.pairs {
            rows.push(vec![
                l.label.clone(),
                format!("{} ~ {}", p.a, p.b),
                fmt(p.strict.f1()),
                fmt(p.overlap.f1()),
                fmt(p.kappa),
                String::new(),
                String::new(),
            ]);
        }
        rows.push(vec![
            l.label.clone(),
            "mean / all".into(),
            fmt(l.strict_f1),
            fmt(l.overlap_f1),
            fmt(l.kappa),
            fmt(l.alpha),
            fmt(l.alpha_u),
        ]);
    }
    Table { id: id.into(), caption: caption.into(), rows }
}

fn attribute_table(id: &str, f: &Figures) -> Table {
    let mut rows =
        vec![["label", "attribute", "pair", "agree", "compared", "rate", "kappa"].map(String::from).to_vec()];
    for a in &f.attributes {
        for p in &a.pairs {
            rows.push(vec![
                a.label.as_str().into(),
                a.attribute.clone(),
                format!("{} ~ {}", p.a, p.b),
                p.agree.to_string(),
                p.total.to_string(),
                fmt(p.rate),
                fmt(p.kappa),
            ]);
        }
    }
    Table { id: id.into(), caption: "Attributes of overlapping spans".into(), rows }
}

fn confusion_tables(id: &str, f: &Figures) -> Vec<Table> {
    f.confusion
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut rows =
                vec![std::iter::once(format!("{} \\ {}", c.a, c.b)).chain(c.labels.iter().cloned()).collect()];
            for (l, r) in c.labels.iter().zip(&c.counts) {
                rows.push(std::iter::once(l.clone()).chain(r.iter().map(usize::to_string)).collect());
            }
            Table {
                id: format!("{id}-{i}"),
                caption: format!("Labels: {} (rows) against {} (columns)", c.a, c.b),
                rows,
            }
        })
        .collect()
}

/// Bars of the mean overlap F1 and of alpha per label (negative values drawn as empty).
fn chart(f: &Figures) -> Html {
    let (w, bar, gap) = (160.0, 8.0, 6.0);
    let width = |x: Option<f64>| x.map_or(0.0, |v| v.clamp(0.0, 1.0) * w);
    let rows = f.labels.iter().enumerate().map(|(i, l)| {
        let y = i as f64 * (2.0 * bar + gap);
        html! {
            <g>
                <text x="0" y={format!("{}", y + bar + 3.0)} class="chart-label">{ &l.label }</text>
                <rect x="60" y={format!("{y}")} width={format!("{:.1}", width(l.overlap_f1))} height={format!("{bar}")} class="bar-f1">
                    <title>{ format!("{} overlap F1 {}", l.label, fmt(l.overlap_f1)) }</title>
                </rect>
                <rect x="60" y={format!("{}", y + bar)} width={format!("{:.1}", width(l.alpha))} height={format!("{bar}")} class="bar-alpha">
                    <title>{ format!("{} alpha {}", l.label, fmt(l.alpha)) }</title>
                </rect>
            </g>
        }
    });
    let height = f.labels.len() as f64 * (2.0 * bar + gap);
    html! {
        <svg class="agree-chart" role="img" aria-label="Mean overlap F1 (upper bar) and alpha (lower bar) per label, from 0 to 1"
            width={format!("{}", 60.0 + w + 4.0)} height={format!("{height}")}>
            { for rows }
        </svg>
    }
}

fn disagreement_list(d: &DocReport, on_jump: &Callback<(String, usize, usize)>) -> Html {
    if d.disagreements.is_empty() {
        return html! { <p class="agree-none">{ "No disagreement: every version marks the same spans with the same attributes." }</p> };
    }
    html! {
        <ol class="disagreements" id="disagreements">
            { for d.disagreements.iter().map(|x| {
                let (doc, start, end) = (x.doc.clone(), x.start, x.end);
                let on_jump = on_jump.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    on_jump.emit((doc.clone(), start, end));
                });
                let labels: Vec<&str> = x.labels.iter().map(|l| l.as_str()).collect();
                let sides: Vec<String> = x.sides.iter().map(|s| match (s.label, s.start, s.end) {
                    (Some(l), Some(a), Some(b)) => format!("{}: {l} {a}–{b}{}", s.annotators.join(", "),
                        s.value.as_deref().filter(|v| !v.is_empty()).map(|v| format!(" ({v})")).unwrap_or_default()),
                    _ => format!("{}: nothing", s.annotators.join(", ")),
                }).collect();
                html! {
                    <li>
                        <a href="#" class="disagreement" data-start={start.to_string()} data-end={end.to_string()} onclick={onclick}>
                            { format!("{} {start}–{end}: {}", labels.join("/"), x.what.join(", ")) }
                        </a>
                        <span class="sides">{ format!(" — {}", sides.join("; ")) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

/// The agreement panel.
#[component]
pub fn AgreementPanel(p: &AgreementProps) -> Html {
    let here = p.report.as_ref().zip(p.sha256.as_deref()).and_then(|(r, sha)| r.document(sha));
    let close = {
        let on_close = p.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let doc_part = match here {
        Some(d) => html! {
            <section class="agree-doc" data-annotators={d.annotators.join(", ")}>
                <h3>{ format!("This document: {}", d.annotators.join(", ")) }</h3>
                { chart(&d.figures) }
                <p class="chart-legend"><span class="f1">{ "■ mean overlap F1" }</span>{ " · " }<span class="alpha">{ "■ alpha" }</span>{ " (0 to 1; below 0 drawn empty)" }</p>
                { scope_table("agree-doc-table", "Span agreement per label", &d.figures).view(&p.on_copy) }
                { attribute_table("agree-doc-attributes", &d.figures).view(&p.on_copy) }
                { for confusion_tables("agree-doc-confusion", &d.figures).iter().map(|t| t.view(&p.on_copy)) }
                <h4>{ format!("Disagreements ({})", d.disagreements.len()) }</h4>
                { disagreement_list(d, &p.on_jump) }
            </section>
        },
        None => html! {
            <p class="agree-nothing" id="agree-nothing">{
                if p.versions_here < 2 {
                    "Nothing to compare here: this document has one version only (the work on screen). Open another annotator's file of the same text: it is kept as a version, and the panel compares the versions."
                } else {
                    "The versions of this document cannot be compared (see the message in the status bar)."
                }
            }</p>
        },
    };
    let corpus_part = match p.report.as_deref().filter(|r| !r.documents.is_empty()) {
        Some(r) => html! {
            <section class="agree-corpus">
                <h3>{ format!("Corpus: {} document{} with several versions; annotators {}", r.documents.len(),
                    if r.documents.len() == 1 { "" } else { "s" }, r.annotators.join(", ")) }</h3>
                { scope_table("agree-corpus-table", "Span agreement per label, over the corpus", &r.corpus).view(&p.on_copy) }
                { attribute_table("agree-corpus-attributes", &r.corpus).view(&p.on_copy) }
                { documents_table(r, p.sha256.as_deref(), &p.on_copy, &p.on_open) }
                <p>{ format!("Disagreements in all: {}. alpha_U covers the {} document(s) every annotator coded.", r.corpus.disagreements, r.alpha_u_documents) }</p>
            </section>
        },
        None => html! { <p>{ "Over the corpus: no document has two versions yet." }</p> },
    };
    html! {
        <aside class="agreement" id="agreement" role="dialog" aria-label="Agreement between annotators">
            <header>
                <h2>{ "Agreement" }</h2>
                <button class="close" onclick={close} aria-label="Close the agreement panel (I)">{ "×" }</button>
            </header>
            <p class="agree-help">{ "Span F1 pairs spans one to one (strict: same offsets; overlap: shared characters). Kappa (pairs) and alpha (all annotators) code each word token in or out of each label; alpha_U compares the spans on the characters. n/a: not defined (no data, or nothing varies)." }</p>
            { doc_part }
            { corpus_part }
        </aside>
    }
}
