//! The claims-across-outlets view (key `C`): who claims what in which outlet. Each source's
//! claims by stance with the documents side by side, and the matrix of which outlets quote
//! which sources.
//!
//! Owns: drawing a [`ClaimsView`] (built by [`crate::ui::views::claims`]) as tables, the
//! source in focus (local state of the view) and the export buttons (claims CSV, matrix CSV
//! and SVG). It gets everything as props: the view, how many listed documents are not
//! loaded, and callbacks to load them, jump to a claim, download a file and close. It must
//! not: compute the groups, touch the browser or import the app root.

use super::actors_view::{not_loaded_note, short_title, Download};
use crate::ui::views::claims::{self, ClaimItem, ClaimsView, SourceGroup};
use std::rc::Rc;
use yew::prelude::*;

/// Documents drawn as matrix columns at most (the CSV and SVG have them all).
const MATRIX_COLUMNS: usize = 40;
/// Documents side by side in one source's table at most.
const SIDE_BY_SIDE: usize = 12;
/// Sources listed at most when none is in focus.
const SOURCES_SHOWN: usize = 60;

#[derive(Properties)]
pub struct ClaimsViewProps {
    pub view: Rc<ClaimsView>,
    /// Listed documents not loaded yet (not counted).
    pub not_loaded: usize,
    pub on_load_all: Callback<()>,
    /// Go to `(document id, start, end)` in code points.
    pub on_jump: Callback<(String, usize, usize)>,
    pub on_download: Callback<Download>,
    pub on_close: Callback<()>,
}

impl PartialEq for ClaimsViewProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.view, &o.view)
            && self.not_loaded == o.not_loaded
            && self.on_load_all == o.on_load_all
            && self.on_jump == o.on_jump
            && self.on_download == o.on_download
            && self.on_close == o.on_close
    }
}

/// A claim as a link into its document, with its target and cue.
fn claim_item(view: &ClaimsView, c: &ClaimItem, on_jump: &Callback<(String, usize, usize)>) -> Html {
    let doc = &view.docs[c.doc];
    let target = (doc.id.clone(), c.span.start(), c.span.end());
    let on_jump = on_jump.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_jump.emit(target.clone()));
    let mut notes = Vec::new();
    if let Some(cue) = &c.cue {
        notes.push(format!("cue “{cue}”"));
    }
    if let Some(t) = &c.target {
        notes.push(format!("about “{t}”"));
    }
    html! {
        <li class="claim-item">
            <button class="link claim-quote" {onclick} data-doc={doc.id.clone()} data-start={c.span.start().to_string()}
                title={format!("open {} at code point {}", doc.title, c.span.start())}>{ format!("“{}”", c.quote) }</button>
            if !notes.is_empty() {
                <span class="small muted">{ format!(" ({})", notes.join("; ")) }</span>
            }
        </li>
    }
}

/// One source's claims: a row per stance, a column per document that reports them.
fn source_table(view: &ClaimsView, g: &SourceGroup, on_jump: &Callback<(String, usize, usize)>) -> Html {
    let docs: Vec<usize> = g.per_doc.iter().map(|p| p.0).take(SIDE_BY_SIDE).collect();
    html! {
        <section class="claims-source" data-source={g.source.clone()}>
            <h4>{ format!("{}: {} claim(s) in {} document(s)", g.source, g.total, g.per_doc.len()) }</h4>
            <div class="view-scroll">
            <table class="view-table side-by-side">
                <thead><tr>
                    <th scope="col">{ "Stance" }</th>
                    { for docs.iter().map(|&d| html! { <th scope="col" title={view.docs[d].title.clone()} data-doc={view.docs[d].id.clone()}>{ short_title(&view.docs[d].title) }</th> }) }
                </tr></thead>
                <tbody>
                    { for g.stances.iter().map(|r| html! {
                        <tr data-stance={r.stance.map_or("none", |s| s.as_str())}>
                            <th scope="row">{ r.stance.map_or("(no stance)", |s| s.as_str()) }</th>
                            { for docs.iter().map(|&d| html! {
                                <td class="words"><ul>{ for r.in_doc(d).map(|c| claim_item(view, c, on_jump)) }</ul></td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            if g.per_doc.len() > SIDE_BY_SIDE {
                <p class="small muted">{ format!("The first {SIDE_BY_SIDE} of {} documents side by side; the claims CSV has them all.", g.per_doc.len()) }</p>
            }
        </section>
    }
}

/// The matrix: sources by outlets, each count a button putting that source in focus.
fn matrix(view: &ClaimsView, focus: &UseStateHandle<Option<String>>) -> Html {
    let cols = view.docs.len().min(MATRIX_COLUMNS);
    let max = view.sources.iter().flat_map(|g| g.per_doc.iter().map(|p| p.1)).max().unwrap_or(1).max(1);
    html! {
        <div class="view-scroll">
        <table class="view-table claims-matrix" id="claims-matrix">
            <thead><tr>
                <th scope="col">{ "Source" }</th>
                { for view.docs.iter().take(cols).map(|d| html! { <th scope="col" title={d.title.clone()} data-doc={d.id.clone()}>{ short_title(&d.title) }</th> }) }
                <th scope="col">{ "All" }</th>
            </tr></thead>
            <tbody>
                { for view.sources.iter().map(|g| {
                    let focus = focus.clone();
                    let name = g.source.clone();
                    let onclick = Callback::from(move |_: MouseEvent| focus.set(Some(name.clone())));
                    html! {
                        <tr data-source={g.source.clone()}>
                            <th scope="row"><button class="link" {onclick}>{ g.source.clone() }</button></th>
                            { for (0..cols).map(|d| {
                                let n = g.count_in(d);
                                // Five steps of shade, darker for more; the number is always written.
                                let step = if n == 0 { 0 } else { 1 + 4 * (n - 1) / max };
                                html! { <td class={format!("heat{step}")} title={format!("{}: {n} claim(s) in {}", g.source, view.docs[d].title)}>{ if n == 0 { String::new() } else { n.to_string() } }</td> }
                            }) }
                            <td>{ g.total }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// The claims-across-outlets view (named Panel: `ClaimsView` is the data it draws).
#[component]
pub fn ClaimsPanel(p: &ClaimsViewProps) -> Html {
    let focus = use_state(|| None::<String>);
    let view = &p.view;
    let close = p.on_close.reform(|_: MouseEvent| ());
    let download = |name: &'static str, make: fn(&ClaimsView) -> String, mime: &'static str| {
        let (v, on) = (view.clone(), p.on_download.clone());
        Callback::from(move |_: MouseEvent| on.emit((name.into(), make(&v), mime.into())))
    };
    let total: usize = view.sources.iter().map(|g| g.total).sum();
    let groups: Vec<&SourceGroup> = match focus.as_deref() {
        Some(s) => view.sources.iter().filter(|g| g.source == s).collect(),
        None => view.sources.iter().take(SOURCES_SHOWN).collect(),
    };
    let show_all = {
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| focus.set(None))
    };
    html! {
        <div class="corpus-view" id="claims-view" role="dialog" aria-modal="true" aria-labelledby="claims-title">
            <header>
                <h2 id="claims-title">{ format!("Claims across outlets: {total} claim(s) by {} source(s) in {} document(s)", view.sources.len(), view.docs.len()) }</h2>
                <div class="view-actions">
                    <button id="claims-csv" onclick={download("claims.csv", claims::claims_csv, "text/csv")}>{ "Claims CSV" }</button>
                    <button id="claims-matrix-csv" onclick={download("sources-by-outlet.csv", claims::matrix_csv, "text/csv")}>{ "Matrix CSV" }</button>
                    <button id="claims-matrix-svg" onclick={download("sources-by-outlet.svg", claims::matrix_svg, "image/svg+xml")}>{ "Matrix SVG" }</button>
                    <button id="claims-close" onclick={close}>{ "Close (C or Esc)" }</button>
                </div>
            </header>
            { not_loaded_note(p.not_loaded, &p.on_load_all, "claims-unloaded") }
            if view.sources.is_empty() {
                <p id="claims-empty">{ "No claim in the loaded documents." }</p>
            } else {
                <h3>{ "Which outlets quote which sources" }</h3>
                <p class="small muted">{ "Claims per source (rows) and document (columns); click a source for its claims side by side." }</p>
                { matrix(view, &focus) }
                if view.docs.len() > MATRIX_COLUMNS {
                    <p class="small muted">{ format!("The first {MATRIX_COLUMNS} of {} documents as columns; the matrix CSV and SVG have them all.", view.docs.len()) }</p>
                }
                <h3 id="claims-who">{ "Who claims what" }
                    if focus.is_some() { { " " }<button id="claims-all" onclick={show_all}>{ "Show every source" }</button> }
                </h3>
                { for groups.into_iter().map(|g| source_table(view, g, &p.on_jump)) }
                if focus.is_none() && view.sources.len() > SOURCES_SHOWN {
                    <p class="small muted">{ format!("The first {SOURCES_SHOWN} of {} sources; click one in the matrix, or see the claims CSV.", view.sources.len()) }</p>
                }
            }
        </div>
    }
}
