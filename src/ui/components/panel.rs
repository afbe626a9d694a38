//! The fixed side panel: the selected (or hovered) annotation's details and controls, the
//! words waiting for a label, the legend with counts, and the keys.
//!
//! Owns: showing an annotation's label, quote, status and attributes, and the controls
//! that edit them. It must not: change anything but by dispatching actions.

use super::{label_class, label_key, label_name, status_name};
use crate::model::{ActorKind, Annotation, Attrs, Label, Stance, Status, TimexType};
use crate::ui::app::label_action;
use crate::ui::browser::selection;
use crate::ui::review;
use crate::ui::state::{Action, State};
use wasm_bindgen::JsCast;
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
    // While the user types in this field, a re-render caused elsewhere (an autosave's time stamp)
    // must not put the stored value back: Yew refreshes a controlled input from the DOM.
    let field = format!("edit-{name}");
    let typing = gloo::utils::document()
        .active_element()
        .filter(|e| e.id() == field)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value());
    let shown = typing.unwrap_or_else(|| value.to_string());
    html! {
        <input key={format!("{name}-{id}")} id={field} type="text" value={shown} {onchange} {onkeydown} spellcheck="false" />
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

#[derive(Properties, PartialEq)]
struct IdentityProps {
    state: UseReducerHandle<State>,
    dispatch: Callback<Action>,
    /// The selected ACTOR's id.
    id: String,
}

/// The selected actor's identity: its other mentions (tick some to split them off), merging
/// it into another identity of the document, splitting this mention off.
#[component]
fn IdentityBox(props: &IdentityProps) -> Html {
    let state: &State = &props.state;
    let ticked = use_state(Vec::<String>::new);
    let choice = use_state(|| None::<String>);
    {
        let (ticked, choice) = (ticked.clone(), choice.clone());
        use_effect_with(props.id.clone(), move |_| {
            ticked.set(Vec::new());
            choice.set(None);
        });
    }
    let Some(me) = state.get(&props.id).and_then(|a| a.actor().map(|x| (a, x))) else { return html! {} };
    let (a, x) = me;
    let ids = review::identities(&state.anns);
    let mine = ids.iter().find(|i| i.canonical == x.canonical);
    let others: Vec<&review::Identity> = ids.iter().filter(|i| i.canonical != x.canonical).collect();
    let d = &props.dispatch;
    let from = x.canonical.clone();
    let merge_to = |into: Option<String>| {
        into.map(|into| Action::MergeIdentity { from: from.clone(), into })
            .unwrap_or_else(|| Action::Fail("choose the identity to merge into first".into()))
    };
    let on_choose = {
        let choice = choice.clone();
        let names: Vec<String> = others.iter().map(|i| i.canonical.clone()).collect();
        Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
            choice.set(usize::try_from(i - 1).ok().and_then(|i| names.get(i).cloned()));
        })
    };
    let on_select_key = {
        let (d, names, from) =
            (d.clone(), others.iter().map(|i| i.canonical.clone()).collect::<Vec<_>>(), from.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let el = e.target_unchecked_into::<HtmlSelectElement>();
                match usize::try_from(el.selected_index() - 1).ok().and_then(|i| names.get(i).cloned()) {
                    Some(into) => {
                        let _ = el.blur();
                        d.emit(Action::MergeIdentity { from: from.clone(), into });
                    }
                    None => d.emit(Action::Fail("choose the identity to merge into first".into())),
                }
            }
        })
    };
    let on_merge = {
        let (d, choice) = (d.clone(), (*choice).clone());
        let action = merge_to(choice);
        Callback::from(move |_| d.emit(action.clone()))
    };
    let on_split = {
        let (d, id) = (d.clone(), a.id.clone());
        Callback::from(move |_| d.emit(Action::SplitIdentity { ids: vec![id.clone()], canonical: String::new() }))
    };
    let on_split_ticked = {
        let (d, t) = (d.clone(), (*ticked).clone());
        Callback::from(move |_| d.emit(Action::SplitIdentity { ids: t.clone(), canonical: String::new() }))
    };
    let mentions = mine.map(|i| i.mentions.clone()).unwrap_or_default();
    let list = (mentions.len() > 1).then(|| {
        html! {
            <>
            <ul class="mentions" id="mentions">
                { for mentions.iter().filter_map(|m| state.get(m)).map(|m| {
                    let (ticked, mid) = (ticked.clone(), m.id.clone());
                    let on = ticked.contains(&m.id);
                    let onchange = Callback::from(move |_| {
                        let mut t = (*ticked).clone();
                        if let Some(p) = t.iter().position(|x| *x == mid) { t.remove(p); } else { t.push(mid.clone()); }
                        ticked.set(t);
                    });
                    html! {
                        <li class={classes!((m.id == props.id).then_some("me"))}>
                            <label><input type="checkbox" class="mention-tick" data-id={m.id.clone()} checked={on} {onchange} />
                            { format!(" {} \u{201c}{}\u{201d}", m.id, m.quote) }</label>
                        </li>
                    }
                }) }
            </ul>
            <button id="split-ticked" onclick={on_split_ticked} disabled={ticked.is_empty()}>{ format!("Split {} ticked off", ticked.len()) }</button>
            </>
        }
    });
    html! {
        <div class="identity-box" id="identity" data-canonical={x.canonical.clone()}>
            <p class="small"><strong>{ x.canonical.clone() }</strong>{ format!(" ({}) · {} mention(s)", x.kind.as_str(), mentions.len()) }</p>
            { for list }
            <div class="merge-row">
                <select id="merge-into" aria-label="Merge this identity into" onchange={on_choose} onkeydown={on_select_key} disabled={others.is_empty()}>
                    <option selected={choice.is_none()} disabled=true>{ "merge into…" }</option>
                    { for others.iter().map(|i| html! {
                        <option selected={choice.as_deref() == Some(i.canonical.as_str())}>{ format!("{} ({}) · {}", i.canonical, i.kind.as_str(), i.mentions.len()) }</option>
                    }) }
                </select>
                <button id="merge" onclick={on_merge} disabled={choice.is_none()} title="Every mention of this identity takes the chosen canonical name (m)">{ "Merge" }</button>
            </div>
            <button id="split" onclick={on_split} title="This mention gets a canonical name of its own (x)"><kbd>{ "x" }</kbd>{ "Split this mention off" }</button>
        </div>
    }
}

/// The selected claim's source controls: link mode, cycling, the numbered candidates.
fn link_controls(state: &State, id: &str, d: &Callback<Action>) -> Html {
    let linking = state.linking.as_deref() == Some(id);
    let cands = if linking { state.source_candidates(id) } else { Vec::new() };
    let start = d.reform(|_| Action::StartLink);
    let cancel = d.reform(|_| Action::CancelLink);
    let (i1, i2) = (id.to_string(), id.to_string());
    let next = d.reform(move |_| Action::CycleSource { id: i1.clone(), forward: true });
    let prev = d.reform(move |_| Action::CycleSource { id: i2.clone(), forward: false });
    html! {
        <div class="link-box">
            <div class="actions">
                if linking {
                    <button id="link" class="active" onclick={cancel}><kbd>{ "Esc" }</kbd>{ "Cancel linking" }</button>
                } else {
                    <button id="link" onclick={start} title="Then click the source actor, or press its number"><kbd>{ "l" }</kbd>{ "Link source" }</button>
                }
                <button id="source-prev" onclick={prev} title="Previous candidate source (S)"><kbd>{ "S" }</kbd>{ "◂" }</button>
                <button id="source-next" onclick={next} title="Next candidate source (s)"><kbd>{ "s" }</kbd>{ "▸" }</button>
            </div>
            if linking {
                <ol class="candidates" id="candidates">
                    { for cands.iter().take(9).enumerate().filter_map(|(i, c)| state.get(c).map(|b| (i, b))).map(|(i, b)| {
                        let (d, bid) = (d.clone(), b.id.clone());
                        let canon = b.actor().map(|x| x.canonical.clone()).unwrap_or_default();
                        html! {
                            <li><button class="candidate" data-id={b.id.clone()} onclick={move |_| d.emit(Action::LinkSource(bid.clone()))}>
                                <kbd>{ i + 1 }</kbd>{ format!("{} \u{201c}{}\u{201d} ({canon})", b.id, b.quote) }
                            </button></li>
                        }
                    }) }
                </ol>
            }
        </div>
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
            let identity = if editable {
                html! { <IdentityBox state={state.clone()} dispatch={d.clone()} id={id.clone()} /> }
            } else {
                html! {}
            };
            html! { <>{ row("Canonical", canonical) }{ row("Kind", kind) }{ row("Mention", html! { mention }) }
            { for x.role.as_ref().map(|r| row("Role", html! { r.clone() })) }
            <dt>{ "Identity" }</dt><dd>{ identity }</dd></> }
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
            let links = if editable {
                link_controls(state, &id, d)
            } else {
                html! {}
            };
            html! { <>{ row("Source", html! { <>{ source }{ links }</> }) }{ row("Cue", html! { <span class="cue-text" id="cue">{ cue }</span> }) }{ row("Stance", stance) }
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
        let fix = {
            let (h, d, id) = (state.clone(), d.clone(), id.clone());
            Callback::from(move |_| {
                crate::ui::app::load_corpus(&h, &d);
                d.emit(Action::PlanFix(id.clone()));
            })
        };
        html! {
            <>
                <div class="actions">
                    if is_pred {
                        <button id="accept" onclick={acc} disabled={!matches!(a.status, Status::Predicted | Status::Rejected)}><kbd>{ "a" }</kbd>{ "Accept" }</button>
                        <button id="reject" onclick={rej} disabled={a.status == Status::Rejected}><kbd>{ "r" }</kbd>{ "Reject" }</button>
                    }
                    <button id="delete" class="danger" onclick={del}><kbd>{ "Del" }</kbd>{ "Delete" }</button>
                    <button id="fix-everywhere" onclick={fix} disabled={a.status == Status::Predicted}
                        title="Apply this annotation's correction to every identical mention in the corpus, after a preview (f)"><kbd>{ "f" }</kbd>{ "Fix everywhere" }</button>
                </div>
                <div class="relabel"><span class="muted">{ "Label as" }</span>{ label_buttons(state, d, Some(a.label())) }</div>
            </>
        }
    } else {
        html! { <p class="muted small">{ "Click it to select and edit." }</p> }
    };
    let by = match &a.provenance.rule {
        Some(rule) => format!("{} · rule {rule}", a.provenance.by),
        None => a.provenance.by.to_string(),
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
    let left = state.unreviewed();
    let mark = d.reform(|_| Action::MarkGold);
    let legend = html! {
        <section class="legend" aria-label="Labels">
            <ul>
                { for Label::ALL.iter().zip(counts).map(|(&l, n)| html! {
                    <li><span class={classes!("swatch", label_class(l))}>{ label_name(l) }</span>
                        <span class="count" data-label={l.as_str()} id={format!("count-{}", label_class(l))}>{ n }</span></li>
                }) }
            </ul>
            <p class="small muted">{ format!("{reviewed} of {} reviewed", state.anns.len()) }</p>
            <div class="review-state">
                <span id="unreviewed" data-left={left.to_string()} class={classes!("left", (left == 0).then_some("done"))}>
                    { if left == 0 { "nothing left to review".to_string() } else { format!("{left} unreviewed") } }
                </span>
                if state.marked {
                    <span id="gold-mark" class="gold-mark">{ "✓ gold" }</span>
                } else {
                    <button id="mark-gold" onclick={mark} disabled={left > 0 || state.doc.is_none()}
                        title="Mark the document as gold: possible once every prediction is reviewed (g)"><kbd>{ "g" }</kbd>{ "Mark as gold" }</button>
                }
            </div>
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
            <super::corpus_list::CorpusList state={props.state.clone()} dispatch={d.clone()} />
            <section class="keys small">
                <h3>{ "Keys" }</h3>
                <dl>
                    <dt><kbd>{ "1" }</kbd><kbd>{ "2" }</kbd><kbd>{ "3" }</kbd></dt><dd>{ "label as Actor, Date, Claim" }</dd>
                    <dt><kbd>{ "a" }</kbd>{ " / " }<kbd>{ "r" }</kbd></dt><dd>{ "accept / reject a prediction" }</dd>
                    <dt><kbd>{ "Del" }</kbd></dt><dd>{ "delete" }</dd>
                    <dt><kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd></dt><dd>{ "next / previous annotation" }</dd>
                    <dt><kbd>{ "Ctrl+Z" }</kbd></dt><dd>{ "undo (Ctrl+Shift+Z, Ctrl+Y: redo)" }</dd>
                    <dt><kbd>{ "n" }</kbd></dt><dd>{ "next unreviewed prediction" }</dd>
                    <dt><kbd>{ "Esc" }</kbd></dt><dd>{ "clear the selection" }</dd>
                    <dt><kbd>{ "?" }</kbd></dt><dd>{ "all shortcuts" }</dd>
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
