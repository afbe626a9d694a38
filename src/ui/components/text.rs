//! The article with its annotations drawn inline.
//!
//! Owns: rendering paragraphs and runs (each run a `<span data-s="<first code point>">` with
//! its text as a text node and classes for the labels covering it: actor = background,
//! date = box, claim = underline band, nested claims a second band), and turning mouse
//! gestures on it into callbacks. It must not: compute offsets from the DOM itself (that is
//! `browser::selection`) or insert the article as HTML.

use super::label_class;
use crate::model::{Annotation, Document, Label, Span};
use crate::ui::browser::selection;
use crate::ui::layout::paragraphs_with_cuts;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub doc: Rc<Document>,
    pub anns: Rc<Vec<Annotation>>,
    pub selected: Option<String>,
    pub pending: Option<Span>,
    /// Annotations related to the selected one (a claim's source), outlined dashed.
    #[prop_or_default]
    pub related: Vec<String>,
    /// The selected claim's cue, marked `cue`.
    #[prop_or_default]
    pub cue: Option<Span>,
    /// A text selection (code points, not yet snapped).
    pub on_select_text: Callback<Option<Span>>,
    /// A click without a selection, at a run's first code point (`None`: off the text).
    pub on_click: Callback<Option<usize>>,
    /// The pointer entered a run (its first code point) or left the text.
    pub on_hover: Callback<Option<usize>>,
}

fn run_classes(
    anns: &[Annotation],
    run: &crate::ui::layout::Run,
    selected: Option<&str>,
    related: &[String],
    pending: Option<Span>,
    cue: Option<Span>,
) -> String {
    let mut c = Classes::new();
    c.push("r");
    let mut live_claims = 0;
    let mut any_live = false;
    let mut any_rejected = false;
    for &i in &run.covering {
        let Some(a) = anns.get(i) else { continue };
        if !a.status.is_live() {
            any_rejected = true;
            if selected == Some(a.id.as_str()) {
                c.push("sel");
            }
            continue;
        }
        any_live = true;
        if related.contains(&a.id) {
            c.push("related");
        }
        match a.label() {
            Label::Claim => live_claims += 1,
            l => c.push(label_class(l)),
        }
        if a.label() != Label::Claim {
            if a.span.start() == run.start {
                c.push(format!("{}-s", label_class(a.label())));
            }
            if a.span.end() == run.end {
                c.push(format!("{}-e", label_class(a.label())));
            }
        }
        if selected == Some(a.id.as_str()) {
            c.push("sel");
        }
    }
    if live_claims > 0 {
        c.push("claim");
    }
    if live_claims > 1 {
        c.push("claim2");
    }
    if any_rejected && !any_live {
        c.push("rejected");
    }
    if pending.is_some_and(|p| p.start() < run.end && run.start < p.end()) {
        c.push("pending");
    }
    if cue.is_some_and(|p| p.start() < run.end && run.start < p.end()) {
        c.push("cue");
    }
    c.to_string()
}

/// `canonical (kind)` of each live actor covering the run, one a line; `None` when none does.
fn identity_title(anns: &[Annotation], run: &crate::ui::layout::Run) -> Option<String> {
    let names: Vec<String> = run
        .covering
        .iter()
        .filter_map(|&i| anns.get(i))
        .filter(|a| a.status.is_live())
        .filter_map(|a| a.actor().map(|x| format!("{} ({})", x.canonical, x.kind.as_str())))
        .collect();
    (!names.is_empty()).then(|| names.join("\n"))
}

/// One run as drawn: what its `<span>` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunView {
    start: usize,
    text: String,
    class: String,
    ids: Option<String>,
    /// The identities of the actors covering the run (`canonical (kind)`), shown on hover.
    title: Option<String>,
}

/// One paragraph as drawn. Paragraphs are components, so an edit redraws only the
/// paragraphs whose runs changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParaView {
    start: usize,
    /// A short first line: the article's headline.
    headline: bool,
    runs: Vec<RunView>,
}

#[derive(Properties, PartialEq)]
struct ParaProps {
    view: Rc<ParaView>,
}

#[component]
fn Para(props: &ParaProps) -> Html {
    let runs = props.view.runs.iter().map(|r| {
        html! {
            <span class={r.class.clone()} data-s={r.start.to_string()} data-ids={r.ids.clone()} title={r.title.clone()}>{ r.text.clone() }</span>
        }
    });
    let class = props.view.headline.then_some("headline");
    html! { <p class={class} data-p={props.view.start.to_string()}>{ for runs }</p> }
}

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let root = use_node_ref();
    let paras = {
        let (doc, anns) = (props.doc.clone(), props.anns.clone());
        let mut cuts: Vec<usize> = props.pending.map(|p| vec![p.start(), p.end()]).unwrap_or_default();
        cuts.extend(props.cue.map(|c| [c.start(), c.end()]).into_iter().flatten());
        use_memo((props.doc.sha256().to_string(), anns.clone(), cuts), move |(_, _, cuts)| {
            paragraphs_with_cuts(&doc, &anns, cuts)
        })
    };
    // Selections end wherever the mouse is released; clicks land on the text.
    {
        let (root, doc, cb) = (root.clone(), props.doc.clone(), props.on_select_text.clone());
        use_effect_with((props.doc.sha256().to_string(), cb.clone()), move |_| {
            let listener = selection::on_document_mouseup(move || {
                if let Some(el) = root.cast::<Element>() {
                    if let Some(span) = selection::selected_span(&el, doc.index()) {
                        cb.emit(Some(span));
                    }
                }
            });
            move || drop(listener)
        });
    }
    let onmouseup = {
        let root = root.clone();
        let click_cb = props.on_click.clone();
        Callback::from(move |e: MouseEvent| {
            if selection::has_selection() {
                return;
            }
            if let Some(el) = root.cast::<Element>() {
                click_cb.emit(selection::cp_at_target(e.target(), &el));
            }
        })
    };
    let onmouseover = {
        let root = root.clone();
        let hover = props.on_hover.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(el) = root.cast::<Element>() {
                hover.emit(selection::cp_at_target(e.target(), &el));
            }
        })
    };
    let onmouseleave = props.on_hover.reform(|_: MouseEvent| None);
    let views = {
        let (doc, anns, paras) = (props.doc.clone(), props.anns.clone(), paras.clone());
        let deps = (paras.clone(), props.selected.clone(), props.related.clone(), props.pending, props.cue);
        use_memo(deps, move |(_, selected, related, pending, cue)| {
            let (text, index) = (doc.text(), doc.index());
            let first = paras.first().map_or(0, |f| f.start);
            paras
                .iter()
                .map(|p| {
                    Rc::new(ParaView {
                        start: p.start,
                        headline: p.start == first && p.end - p.start <= 160,
                        runs: p
                            .runs
                            .iter()
                            .filter_map(|r| {
                                let (a, b) = (index.cp_to_byte(r.start)?, index.cp_to_byte(r.end)?);
                                let ids: Vec<&str> =
                                    r.covering.iter().filter_map(|&i| anns.get(i).map(|a| a.id.as_str())).collect();
                                Some(RunView {
                                    start: r.start,
                                    text: text.get(a..b)?.to_string(),
                                    class: run_classes(&anns, r, selected.as_deref(), related, *pending, *cue),
                                    ids: (!ids.is_empty()).then(|| ids.join(" ")),
                                    title: identity_title(&anns, r),
                                })
                            })
                            .collect(),
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let body = views.iter().map(|v| html! { <Para key={v.start} view={v.clone()} /> });
    html! {
        <article class="text" id="text" ref={root} lang="en" {onmouseup} {onmouseover} {onmouseleave}>
            { for body }
        </article>
    }
}
