//! The timeline view (key `L`): every dated sentence of the loaded corpus on one axis, one row
//! per document, with the dates kept apart listed below and the groups where documents date one
//! event.
//!
//! Owns: drawing a [`Timeline`] as inline SVG (dots for days, bars for longer spans and
//! durations, the sentence as each mark's tooltip; a click or Enter shows the date's details
//! with a button to open it in its document), the filters (document, identity), the window of
//! the axis (all, or one year), and the export buttons (CSV, and the SVG as drawn). It gets the
//! loaded documents and callbacks as props. It must not: compute the timeline (that is
//! [`crate::ui::views::timeline`]), touch the browser (downloads go through `on_download`),
//! or import the app root.

use crate::ui::corpus::Loaded;
use crate::ui::views::timeline::layout::{layout, tip, to_svg, windows, Layout, LEFT, TOP};
use crate::ui::views::timeline::{build, to_csv, Filter, Timeline};
use std::rc::Rc;
use yew::prelude::*;

/// The width of the drawing, in SVG units (it scales to the dialog's width).
const WIDTH: f64 = 960.0;
/// The most members a group lists, and the most rows of the list apart: on a large corpus the
/// rest are counted (every date is in the CSV), so that the view opens quickly.
const LISTED: usize = 100;

/// "… and N more" under a list cut at [`LISTED`].
fn more(total: usize) -> Html {
    if total <= LISTED {
        return html! {};
    }
    html! { <p class="small muted timeline-more">{ format!("… and {} more (all are in the CSV).", total - LISTED) }</p> }
}

/// The loaded documents, compared by identity (same id, same text and annotations objects), so
/// that the timeline is rebuilt only when a document changed.
#[derive(Clone)]
pub struct Corpus(pub Rc<Vec<Loaded>>);

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.len() == other.0.len()
                && self
                    .0
                    .iter()
                    .zip(other.0.iter())
                    .all(|(a, b)| a.0 == b.0 && a.1 == b.1 && Rc::ptr_eq(&a.2, &b.2) && Rc::ptr_eq(&a.3, &b.3)))
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Every loaded document (`State::loaded()`).
    pub docs: Corpus,
    /// Listed documents not loaded (their dates are not shown).
    pub unloaded: usize,
    /// Load every listed document.
    pub on_load_all: Callback<()>,
    /// Go to `(document id, start, end)` in code points.
    pub on_jump: Callback<(String, usize, usize)>,
    /// Save `(file name, text, MIME type)` as a download.
    pub on_download: Callback<(String, String, String)>,
    pub on_close: Callback<()>,
}

#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let filter = use_state(Filter::default);
    let window = use_state(|| 0usize);
    let selected = use_state(|| None::<usize>);
    let timeline = {
        let deps = (props.docs.clone(), (*filter).clone());
        use_memo(deps, |(docs, filter)| build(&docs.0, filter))
    };
    {
        // A new timeline (a document loaded or changed) has other indices: drop the selection.
        let selected = selected.clone();
        use_effect_with(Rc::as_ptr(&timeline) as usize, move |_| selected.set(None));
    }
    let ws = windows(&timeline);
    let win = ws.get(*window).or(ws.first());
    let drawn = win.map(|w| layout(&timeline, w, WIDTH));
    let close = props.on_close.reform(|_: MouseEvent| ());
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let set_filter = {
        let (filter, window, selected) = (filter.clone(), window.clone(), selected.clone());
        Callback::from(move |f: Filter| {
            filter.set(f);
            window.set(0);
            selected.set(None);
        })
    };
    let select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    let downloads = {
        let none = drawn.is_none();
        let (on_download, t, drawn) = (props.on_download.clone(), timeline.clone(), drawn.clone());
        let csv = Callback::from({
            let (on_download, t) = (on_download.clone(), t.clone());
            move |_: MouseEvent| on_download.emit(("timeline.csv".into(), to_csv(&t), "text/csv".into()))
        });
        let svg = Callback::from(move |_: MouseEvent| {
            if let Some(l) = &drawn {
                on_download.emit(("timeline.svg".into(), to_svg(&t, l), "image/svg+xml".into()));
            }
        });
        html! {
            <>
                <button id="timeline-csv" onclick={csv}>{ "Download CSV" }</button>
                <button id="timeline-svg" onclick={svg} disabled={none}>{ "Download SVG" }</button>
            </>
        }
    };
    let pick_window = |i: usize| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(i))
    };
    html! {
        <div class="modal-backdrop" onclick={close.clone()}>
            <div class="modal timeline-dialog" id="timeline" role="dialog" aria-modal="true" aria-labelledby="timeline-title" onclick={stop}>
                <h2 id="timeline-title">{ "Timeline of the corpus" }</h2>
                <p class="small muted">{ "Every reviewed or predicted date with a value, one row per document. Dots are days, bars are longer spans (weeks, months, years) and durations from their anchor. Hover a mark for its sentence; click it (or Tab to it and press Enter) for details." }</p>
                { unloaded_note(props) }
                { filters(&timeline, &filter, &set_filter) }
                <div class="timeline-windows" role="group" aria-label="Window of the axis">
                    { for ws.iter().enumerate().map(|(i, w)| html! {
                        <button class={classes!("timeline-window", (i == *window).then_some("on"))} aria-pressed={(i == *window).to_string()} onclick={pick_window(i)}>{ &w.name }</button>
                    }) }
                </div>
                if let Some(l) = &drawn {
                    { axis(&timeline, l, *selected, &select) }
                    if l.outside > 0 {
                        <p class="small muted" id="timeline-outside">{ format!("{} date(s) lie outside this window.", l.outside) }</p>
                    }
                } else {
                    <p id="timeline-empty">{ "No date with a calendar value in the documents shown." }</p>
                }
                { details(&timeline, *selected, &props.on_jump) }
                { groups(&timeline, &select) }
                { apart(&timeline, &props.on_jump) }
                <div class="modal-actions">{ downloads }<button id="timeline-close" onclick={close}>{ "Close (L or Esc)" }</button></div>
            </div>
        </div>
    }
}

fn unloaded_note(props: &TimelineProps) -> Html {
    if props.unloaded == 0 {
        return html! {};
    }
    let load = props.on_load_all.reform(|_: MouseEvent| ());
    html! {
        <p class="small" id="timeline-unloaded">
            { format!("{} listed document(s) are not loaded: their dates are not shown. ", props.unloaded) }
            <button id="timeline-load-all" onclick={load}>{ "Load them" }</button>
        </p>
    }
}

fn filters(t: &Timeline, filter: &UseStateHandle<Filter>, set: &Callback<Filter>) -> Html {
    let doc_change = {
        let (filter, set) = (filter.clone(), set.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            set.emit(Filter { doc: (!v.is_empty()).then_some(v), ..(*filter).clone() });
        })
    };
    let who_change = {
        let (filter, set) = (filter.clone(), set.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            set.emit(Filter { identity: (!v.is_empty()).then_some(v), ..(*filter).clone() });
        })
    };
    let docs: Vec<(String, String)> = t.docs.iter().map(|d| (d.id.clone(), d.title.clone())).collect();
    html! {
        <div class="timeline-filters">
            <label>{ "Document " }
                <select id="timeline-doc" onchange={doc_change}>
                    <option value="" selected={filter.doc.is_none()}>{ "All documents" }</option>
                    { for docs.iter().map(|(id, title)| html! {
                        <option value={id.clone()} selected={filter.doc.as_ref() == Some(id)}>{ title }</option>
                    }) }
                </select>
            </label>
            { " " }
            <label>{ "Identity named in the sentence " }
                <select id="timeline-identity" onchange={who_change}>
                    <option value="" selected={filter.identity.is_none()}>{ "Anyone" }</option>
                    { for t.identities.iter().map(|i| html! {
                        <option value={i.clone()} selected={filter.identity.as_ref() == Some(i)}>{ i }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}

fn axis(t: &Timeline, l: &Layout, selected: Option<usize>, select: &Callback<usize>) -> Html {
    let view_box = format!("0 0 {} {}", l.width, l.height);
    html! {
        <svg class="timeline-svg" id="timeline-svg-drawn" viewBox={view_box} width={l.width.to_string()} height={l.height.to_string()} role="img" aria-label="Dates of the corpus on one axis, one row per document">
            { for l.rows.iter().enumerate().map(|(i, r)| html! {
                <g class="timeline-row" data-doc={t.docs[i].id.clone()}>
                    <rect class={if i % 2 == 0 { "band even" } else { "band" }} x="0" y={r.y.to_string()} width={l.width.to_string()} height={r.h.to_string()} />
                    <text class="row-label" x="4" y={format!("{:.1}", r.y + r.h / 2.0 + 4.0)}>{ &r.label }</text>
                </g>
            }) }
            { for l.ticks.iter().map(|(x, label)| html! {
                <g class="timeline-tick">
                    <line x1={format!("{x:.1}")} y1={(TOP - 4.0).to_string()} x2={format!("{x:.1}")} y2={l.height.to_string()} />
                    <text x={format!("{:.1}", x + 2.0)} y={(TOP - 8.0).to_string()}>{ label }</text>
                </g>
            }) }
            <line class="timeline-edge" x1={LEFT.to_string()} y1={TOP.to_string()} x2={LEFT.to_string()} y2={l.height.to_string()} />
            { for l.marks.iter().map(|m| {
                let p = &t.points[m.point];
                let i = m.point;
                let click = select.reform(move |_: MouseEvent| i);
                let key = {
                    let select = select.clone();
                    Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); select.emit(i) })
                };
                html! {
                    <rect class={classes!("mark", if m.bar { "bar" } else { "dot" }, (selected == Some(i)).then_some("on"))}
                        tabindex="0" role="button"
                        data-doc={t.docs[p.date.doc].id.clone()} data-value={p.date.value.clone()} data-ann={p.date.ann.clone()}
                        x={format!("{:.1}", m.x)} y={format!("{:.1}", m.y)} width={format!("{:.1}", m.w)} height="9" rx={if m.bar { "2" } else { "5" }}
                        onclick={click} onkeydown={key}>
                        <title>{ tip(t, i) }</title>
                    </rect>
                }
            }) }
        </svg>
    }
}

/// A sentence with the date's words in a `<mark>`, when they are found in it.
fn sentence_with(sentence: &str, words: &str) -> Html {
    match sentence.find(words) {
        Some(at) => html! { <>{ &sentence[..at] }<mark>{ words }</mark>{ &sentence[at + words.len()..] }</> },
        None => html! { { sentence } },
    }
}

fn details(t: &Timeline, selected: Option<usize>, on_jump: &Callback<(String, usize, usize)>) -> Html {
    let Some(p) = selected.and_then(|i| t.points.get(i)) else {
        return html! {};
    };
    let d = &p.date;
    let doc = &t.docs[d.doc];
    let jump = {
        let (id, s, e, on_jump) = (doc.id.clone(), d.span.start(), d.span.end(), on_jump.clone());
        Callback::from(move |_: MouseEvent| on_jump.emit((id.clone(), s, e)))
    };
    let when = if p.days.first == p.days.last {
        p.days.first.to_string()
    } else {
        format!("{} to {}", p.days.first, p.days.last)
    };
    html! {
        <section class="timeline-details" id="timeline-details" aria-live="polite">
            <h3>{ format!("{} ({}, {})", d.value, p.days.grain.as_str(), when) }
                if let Some(m) = &d.modifier { { format!(" · {m}") } }</h3>
            <p class="timeline-sentence">{ sentence_with(&d.sentence, &d.quote) }</p>
            <p class="small">{ format!("In “{}”", doc.title) }
                if let Some(e) = d.event { { format!(" · event: {e}") } }
                if !d.identities.is_empty() { { format!(" · names: {}", d.identities.join(", ")) } }
            </p>
            <button id="timeline-open" onclick={jump}>{ "Open in the document" }</button>
        </section>
    }
}

fn groups(t: &Timeline, select: &Callback<usize>) -> Html {
    if t.groups.is_empty() {
        return html! {};
    }
    html! {
        <section class="timeline-groups" id="timeline-groups">
            <h3>{ "One event, several documents" }</h3>
            <p class="small muted">{ "Dates whose sentences name the same event (the event word nearest the date), from two documents or more. A lead to read, not a verdict: check the sentences." }</p>
            { for t.groups.iter().map(|g| html! {
                <div class={classes!("timeline-group", format!("verdict-{:?}", g.verdict).to_lowercase())} data-event={g.event}>
                    <h4>{ format!("{}: {} ({} documents)", g.event, g.verdict.as_str(), g.documents) }</h4>
                    <ul>
                        { for g.members.iter().take(LISTED).map(|&m| {
                            let p = &t.points[m];
                            let click = select.reform(move |_: MouseEvent| m);
                            html! {
                                <li data-doc={t.docs[p.date.doc].id.clone()} data-value={p.date.value.clone()}>
                                    <button class="linklike" onclick={click}>{ format!("{} “{}”", p.date.value, p.date.quote) }</button>
                                    { format!(" in {}: ", t.docs[p.date.doc].title) }
                                    <span class="muted">{ &p.date.sentence }</span>
                                </li>
                            }
                        }) }
                    </ul>
                    { more(g.members.len()) }
                </div>
            }) }
        </section>
    }
}

fn apart(t: &Timeline, on_jump: &Callback<(String, usize, usize)>) -> Html {
    if t.apart.is_empty() {
        return html! {};
    }
    html! {
        <section class="timeline-apart" id="timeline-apart">
            <h3>{ format!("Not on the axis ({})", t.apart.len()) }</h3>
            <table>
                <thead><tr><th>{ "Document" }</th><th>{ "Words" }</th><th>{ "Value" }</th><th>{ "Why" }</th><th>{ "Sentence" }</th></tr></thead>
                <tbody>
                    { for t.apart.iter().take(LISTED).map(|a| {
                        let d = &a.date;
                        let doc = &t.docs[d.doc];
                        let jump = {
                            let (id, s, e, on_jump) = (doc.id.clone(), d.span.start(), d.span.end(), on_jump.clone());
                            Callback::from(move |_: MouseEvent| on_jump.emit((id.clone(), s, e)))
                        };
                        html! {
                            <tr data-doc={doc.id.clone()} data-value={d.value.clone()}>
                                <td>{ &doc.title }</td>
                                <td><button class="linklike" onclick={jump}>{ &d.quote }</button></td>
                                <td><code>{ &d.value }</code></td>
                                <td>{ a.why }</td>
                                <td class="muted">{ &d.sentence }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            { more(t.apart.len()) }
        </section>
    }
}
