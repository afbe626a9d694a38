//! The fixed side panel: the selected (or hovered) annotation's details and controls, the
//! words waiting for a label, the legend with counts, and the keys.
//!
//! Owns: showing an annotation's label, quote, status and attributes, and the controls
//! that edit them. It must not: change anything but by dispatching actions.

use super::{label_class, label_key, label_name, status_name};
use crate::model::{ActorKind, Annotation, Attrs, Label, Stance, Status, TimexType};
use crate::ui::app::label_action;
use crate::ui::browser::selection;
use crate::ui::state::{Action, State};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    /// The annotation under the pointer, shown when nothing is selected.
    pub hovered: Option<String>,
}

fn label_buttons(state: &UseReducerHandle<State>, d: &Callback<Action>, current: Option<Label>) -> Html {
    html! {
        <div class="label-buttons" role="group" aria-label="Label">
            { for Label::ALL.iter().map(|&l| {
                let (d, h) = (d.clone(), state.clone());
                let onclick = Callback::from(move |_| {
                    if let Some(a) = label_action(&h, l) {
                        selection::clear_selection();
                        d.emit(a);
                    }
                });
                html! {
                    <button class={classes!("label-btn", label_class(l), (current == Some(l)).then_some("current"))}
                        data-label={l.as_str()} {onclick} title={format!("{} (key {})", label_name(l), label_key(l))}>
                        <kbd>{ label_key(l) }</kbd>{ label_name(l) }
                    </button>
                }
            }) }
        </div>
    }
}

fn text_input(id: &str, name: &str, value: &str, d: &Callback<Action>, make: fn(String, String) -> Action) -> Html {
    let (d, id2) = (d.clone(), id.to_string());
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        d.emit(make(id2.clone(), v));
    });
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                let _ = el.blur();
            }
        }
    });
    html! {
        <input key={format!("{name}-{id}")} id={format!("edit-{name}")} type="text" value={value.to_string()} {onchange} {onkeydown} spellcheck="false" />
    }
}

fn select<T: Copy + PartialEq + 'static>(
    name: &str,
    current: Option<T>,
    options: Vec<(Option<T>, String)>,
    d: &Callback<Action>,
    make: impl Fn(Option<T>) -> Action + 'static,
) -> Html {
    let opts = options.clone();
    let d = d.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
        if let Some((val, _)) = usize::try_from(v).ok().and_then(|i| opts.get(i)) {
            d.emit(make(*val));
        }
    });
    let pos = options.iter().position(|(v, _)| *v == current).map_or(-1, |p| p as i64);
    html! {
        <select key={format!("{name}-{pos}")} id={format!("edit-{name}")} {onchange}>
            { for options.iter().map(|(v, text)| html! { <option selected={*v == current}>{ text.clone() }</option> }) }
        </select>
    }
}

fn details(state: &UseReducerHandle<State>, a: &Annotation, d: &Callback<Action>, editable: bool) -> Html {
    let id = a.id.clone();
    let row = |k: &str, v: Html| html! { <><dt>{ k.to_string() }</dt><dd>{ v }</dd></> };
    let attrs = match &a.attrs {
        Attrs::Actor(x) => {
            let canonical = if editable {
                text_input(&id, "canonical", &x.canonical, d, |id, canonical| Action::SetCanonical { id, canonical })
            } else {
                html! { { x.canonical.clone() } }
            };
            let i2 = id.clone();
            let kind = if editable {
                select(
                    "kind",
                    Some(x.kind),
                    ActorKind::ALL.iter().map(|k| (Some(*k), k.as_str().to_string())).collect(),
                    d,
                    move |k| Action::SetActorKind { id: i2.clone(), kind: k.unwrap_or_default() },
                )
            } else {
                html! { { x.kind.as_str() } }
            };
            let mention = match x.mention {
                crate::model::Mention::Name => "name",
                crate::model::Mention::Nominal => "nominal",
            };
            html! { <>{ row("Canonical", canonical) }{ row("Kind", kind) }{ row("Mention", html! { mention }) }
            { for x.role.as_ref().map(|r| row("Role", html! { r.clone() })) }</> }
        }
        Attrs::Date(x) => {
            let value = if editable {
                text_input(&id, "value", &x.value, d, |id, value| Action::SetDateValue { id, value })
            } else {
                html! { <code>{ x.value.clone() }</code> }
            };
            let i2 = id.clone();
            let ty = if editable {
                select(
                    "type",
                    Some(x.timex_type),
                    TimexType::ALL.iter().map(|k| (Some(*k), k.as_str().to_string())).collect(),
                    d,
                    move |t| Action::SetDateType { id: i2.clone(), timex_type: t.unwrap_or_default() },
                )
            } else {
                html! { { x.timex_type.as_str() } }
            };
            let anchor = match x.anchor.as_deref() {
                None => "none".to_string(),
                Some("dct") => "the DCT".to_string(),
                Some(other) => match state.get(other) {
                    Some(b) => format!("{other} \u{201c}{}\u{201d}", b.quote),
                    None => other.to_string(),
                },
            };
            html! { <>{ row("Value", value) }{ row("Type", ty) }
            { row("Mod", html! { x.modifier.clone().unwrap_or_else(|| "none".into()) }) }
            { row("Anchor", html! { anchor }) }</> }
        }
        Attrs::Claim(x) => {
            let actors: Vec<&Annotation> = state.anns.iter().filter(|b| b.label() == Label::Actor).collect();
            let name = |b: &Annotation| {
                let canon = b.actor().map(|c| c.canonical.as_str()).unwrap_or("");
                if canon == b.quote {
                    format!("{} \u{201c}{}\u{201d}", b.id, b.quote)
                } else {
                    format!("{} \u{201c}{}\u{201d} ({canon})", b.id, b.quote)
                }
            };
            let source = if editable {
                let ids: Vec<String> = actors.iter().map(|b| b.id.clone()).collect();
                let current = x.source.as_ref().and_then(|s| ids.iter().position(|i| i == s));
                let mut options = vec![(None, "no named source".to_string())];
                options.extend(actors.iter().enumerate().map(|(i, b)| (Some(i), name(b))));
                let i2 = id.clone();
                select("source", current, options, d, move |i| Action::SetSource {
                    id: i2.clone(),
                    source: i.and_then(|i| ids.get(i).cloned()),
                })
            } else {
                html! { { x.source.as_deref().and_then(|s| state.get(s)).map(name).unwrap_or_else(|| "no named source".into()) } }
            };
            let i2 = id.clone();
            let stance = if editable {
                let mut options = vec![(None, "none".to_string())];
                options.extend(Stance::ALL.iter().map(|s| (Some(*s), s.as_str().to_string())));
                select("stance", x.stance, options, d, move |s| Action::SetStance { id: i2.clone(), stance: s })
            } else {
                html! { { x.stance.map_or("none", |s| s.as_str()) } }
            };
            let cue = x.cue.as_ref().map_or_else(|| "none".to_string(), |c| format!("\u{201c}{}\u{201d}", c.text));
            html! { <>{ row("Source", source) }{ row("Cue", html! { cue }) }{ row("Stance", stance) }
            { for x.target.as_ref().map(|t| row("Target", html! { t.clone() })) }</> }
        }
    };
    let review = if editable {
        let (acc, rej, del) = (
            d.reform({
                let id = id.clone();
                move |_| Action::Accept(id.clone())
            }),
            d.reform({
                let id = id.clone();
                move |_| Action::Reject(id.clone())
            }),
            d.reform({
                let id = id.clone();
                move |_| Action::Delete(id.clone())
            }),
        );
        let is_pred = !matches!(a.status, Status::Manual);
        html! {
            <>
                <div class="actions">
                    if is_pred {
                        <button id="accept" onclick={acc} disabled={!matches!(a.status, Status::Predicted | Status::Rejected)}><kbd>{ "a" }</kbd>{ "Accept" }</button>
                        <button id="reject" onclick={rej} disabled={a.status == Status::Rejected}><kbd>{ "r" }</kbd>{ "Reject" }</button>
                    }
                    <button id="delete" class="danger" onclick={del}><kbd>{ "Del" }</kbd>{ "Delete" }</button>
                </div>
                <div class="relabel"><span class="muted">{ "Label as" }</span>{ label_buttons(state, d, Some(a.label())) }</div>
            </>
        }
    } else {
        html! { <p class="muted small">{ "Click it to select and edit." }</p> }
    };
    let by = match &a.provenance.rule {
        Some(rule) => format!("{} · rule {rule}", a.provenance.by),
        None => a.provenance.by.clone(),
    };
    html! {
        <section key={a.id.clone()} class="details" id="details" data-id={a.id.clone()} data-label={a.label().as_str()} data-status={a.status.as_str()}>
            <div class="details-head">
                <span class={classes!("chip", label_class(a.label()))}>{ a.label().as_str() }</span>
                <span class="ann-id">{ a.id.clone() }</span>
                <span class={classes!("status", a.status.as_str())} id="status">{ status_name(a.status) }</span>
            </div>
            <blockquote class="quote" id="quote">{ a.quote.clone() }</blockquote>
            <dl class="attrs">{ attrs }{ row("By", html! { <span class="small">{ by }</span> }) }</dl>
            { review }
        </section>
    }
}

#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let state: &State = &props.state;
    let d = &props.dispatch;
    let counts = state.counts();
    let reviewed = state.anns.iter().filter(|a| a.status != Status::Predicted).count();
    let legend = html! {
        <section class="legend" aria-label="Labels">
            <ul>
                { for Label::ALL.iter().zip(counts).map(|(&l, n)| html! {
                    <li><span class={classes!("swatch", label_class(l))}>{ label_name(l) }</span>
                        <span class="count" data-label={l.as_str()} id={format!("count-{}", label_class(l))}>{ n }</span></li>
                }) }
            </ul>
            <p class="small muted">{ format!("{reviewed} of {} reviewed", state.anns.len()) }</p>
        </section>
    };
    let main = if let Some(a) = state.selected.as_deref().and_then(|id| state.get(id)) {
        details(&props.state, a, d, true)
    } else if let (Some(span), Some(doc)) = (state.pending, state.doc.as_deref()) {
        html! {
            <section class="details pending-box" id="pending">
                <div class="details-head"><span class="chip">{ "New annotation" }</span></div>
                <blockquote class="quote" id="pending-quote">{ doc.slice(span).unwrap_or_default().to_string() }</blockquote>
                <p class="small muted">{ "Choose a label for these words:" }</p>
                { label_buttons(&props.state, d, None) }
            </section>
        }
    } else if let Some(a) = props.hovered.as_deref().and_then(|id| state.get(id)) {
        details(&props.state, a, d, false)
    } else {
        html! {
            <section class="details help" id="help">
                <h2>{ "Review" }</h2>
                <p>{ "Click a highlight to see and correct it. Select words with the mouse to add an annotation; the selection snaps to whole words." }</p>
            </section>
        }
    };
    html! {
        <aside class="panel" aria-label="Annotation details">
            { legend }
            { main }
            { annotator(&props.state, d) }
            <section class="keys small">
                <h3>{ "Keys" }</h3>
                <dl>
                    <dt><kbd>{ "1" }</kbd><kbd>{ "2" }</kbd><kbd>{ "3" }</kbd></dt><dd>{ "label as Actor, Date, Claim" }</dd>
                    <dt><kbd>{ "a" }</kbd>{ " / " }<kbd>{ "r" }</kbd></dt><dd>{ "accept / reject a prediction" }</dd>
                    <dt><kbd>{ "Del" }</kbd></dt><dd>{ "delete" }</dd>
                    <dt><kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd></dt><dd>{ "next / previous annotation" }</dd>
                    <dt><kbd>{ "Ctrl+Z" }</kbd></dt><dd>{ "undo (Ctrl+Shift+Z, Ctrl+Y: redo)" }</dd>
                    <dt><kbd>{ "Esc" }</kbd></dt><dd>{ "clear the selection" }</dd>
                </dl>
            </section>
            <super::guidelines::Guidelines />
        </aside>
    }
}

/// The annotator's name: written into every file and into the provenance of manual annotations.
fn annotator(state: &State, d: &Callback<Action>) -> Html {
    let d = d.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        crate::ui::browser::storage::set_annotator(&v);
        d.emit(Action::SetAnnotator(v));
    });
    html! {
        <section class="annotator small">
            <label for="annotator">{ "Annotator" }</label>
            <input id="annotator" type="text" placeholder="your name, written into the files"
                value={state.meta.annotator.clone().unwrap_or_default()} {onchange} spellcheck="false" autocomplete="name" />
        </section>
    }
}
