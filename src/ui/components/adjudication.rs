//! The adjudication view: the counts (agreed, settled, disagreements), and the disagreement
//! shown with each version side by side, in the context of its sentence, or what settled it.
//!
//! Owns: drawing the view from its props and turning clicks into actions. It must not:
//! compute agreement or decide anything (the reducer and `ui::adjudicate` do), import the app
//! root, or handle keys (the page's key handler asks [`crate::ui::state::State::view_key`]).

use super::{label_class, label_name};
use crate::model::{Annotation, Attrs, Document, Status};
use crate::ui::curation::{context, Adjudicating};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AdjudicationProps {
    pub data: Rc<Adjudicating>,
    pub doc: Rc<Document>,
    /// The work (the adjudicated gold being made).
    pub work: Rc<Vec<Annotation>>,
    pub dispatch: Callback<Action>,
}

/// The attributes that tell annotations apart, in words.
fn attributes(a: &Annotation, side: &[Annotation]) -> String {
    match &a.attrs {
        Attrs::Actor(x) => {
            format!("{} · {:?} · {}", x.kind.as_str(), x.canonical, format!("{:?}", x.mention).to_lowercase())
        }
        Attrs::Date(x) => {
            let m = x.modifier.as_deref().map(|m| format!(" · mod {m}")).unwrap_or_default();
            let anchor = match x.anchor.as_deref() {
                Some("dct") | None => String::new(),
                Some(id) => {
                    format!(" · anchor {:?}", side.iter().find(|b| b.id == id).map_or(id, |b| b.quote.as_str()))
                }
            };
            format!("{} · {}{m}{anchor}", x.timex_type.as_str(), x.value)
        }
        Attrs::Claim(x) => {
            let src = x.source.as_deref().map_or("no source".to_string(), |id| {
                format!("source {:?}", side.iter().find(|b| b.id == id).map_or(id, |b| b.quote.as_str()))
            });
            let cue = x.cue.as_ref().map(|c| format!(" · cue {:?}", c.text)).unwrap_or_default();
            let stance = x.stance.map(|s| format!(" · {}", s.as_str())).unwrap_or_default();
            format!("{src}{cue}{stance}")
        }
    }
}

/// Where the annotation lies, so that a boundary differing by a space or a mark is seen:
/// `7–13 “France␣”` (code points; spaces shown as ␣, line breaks as ⏎).
fn extent(a: &Annotation) -> String {
    let q: String = a
        .quote
        .chars()
        .map(|c| match c {
            ' ' => '␣',
            '\n' => '⏎',
            c => c,
        })
        .collect();
    format!("{}–{} \u{201c}{q}\u{201d}", a.span.start(), a.span.end())
}

fn one(chars: &[char], a: &Annotation, side: &[Annotation]) -> Html {
    let (before, words, after) = context(chars, a.span);
    let rejected = a.status == Status::Rejected;
    html! {
        <li class={classes!("adj-ann", rejected.then_some("rejected"))} data-label={a.label().as_str()}>
            <span class={classes!("adj-label", label_class(a.label()))}>{ label_name(a.label()) }</span>
            if rejected { <span class="adj-rejected">{ " rejected" }</span> }
            <span class="adj-extent">{ " " }{ extent(a) }</span>
            <span class="adj-attrs">{ " · " }{ attributes(a, side) }</span>
            if a.unsure { <span class="adj-unsure" title="flagged unsure by its annotator">{ " · unsure" }</span> }
            if let Some(n) = &a.note { <span class="adj-note">{ format!(" · note: {n}") }</span> }
            <div class="adj-context">{ before }<mark class={label_class(a.label())}>{ words }</mark>{ after }</div>
        </li>
    }
}

#[component]
pub fn AdjudicationView(props: &AdjudicationProps) -> Html {
    let d = &props.data;
    let (agreed, settled, total) = d.plan.counts(&props.work);
    let chars: Vec<char> = props.doc.text().chars().collect();
    let done = settled == total;
    let counts = html! {
        <p class="adj-counts" id="adjudication-counts" data-agreed={agreed.to_string()}
            data-settled={settled.to_string()} data-total={total.to_string()}>
            { format!("agreed {agreed} · settled {settled} / {total} disagreements") }
        </p>
    };
    let chips = (0..total).map(|c| {
        let on = d.plan.is_settled(c, &props.work);
        let onclick = props.dispatch.reform(move |_| Action::AdjudicateAt(c));
        html! {
            <button class={classes!("adj-chip", on.then_some("settled"), (c == d.at).then_some("here"))}
                data-i={c.to_string()} {onclick} title={if on { "settled" } else { "not settled yet" }}>{ c + 1 }</button>
        }
    });
    let current = d.plan.clusters.get(d.at).map(|cl| {
        let sides = d.sides.iter().enumerate().map(|(k, side)| {
            let mine: Vec<Html> = cl.per_side[k]
                .iter()
                .filter_map(|&c| d.plan.cands[c].of(k))
                .map(|a| one(&chars, a, &side.anns))
                .collect();
            let take = props.dispatch.reform(move |_| Action::AdjudicateTake(k + 1));
            let nothing = mine.is_empty();
            html! {
                <div class="adj-side" data-side={(k + 1).to_string()}>
                    <h3><kbd>{ k + 1 }</kbd>{ " " }{ side.label.clone() }</h3>
                    if nothing {
                        <p class="adj-nothing">{ "nothing marked" }</p>
                    } else {
                        <ul>{ for mine }</ul>
                    }
                    <button class="adj-take" onclick={take}>{ if nothing { "Take (reject all)" } else { "Take" } }</button>
                </div>
            }
        });
        let taken: Vec<Html> = d.plan.settling(d.at, &props.work).into_iter().map(|a| one(&chars, a, &props.work)).collect();
        let reject = props.dispatch.reform(|_| Action::AdjudicateTake(0));
        html! {
            <div class="adj-current" id="adjudication-current" data-i={d.at.to_string()} data-settled={(!taken.is_empty()).to_string()}>
                <h3 class="adj-title">{ format!("Disagreement {} of {total}", d.at + 1) }</h3>
                <div class="adj-sides">{ for sides }</div>
                if taken.is_empty() {
                    <button class="adj-reject" onclick={reject}><kbd>{ "0" }</kbd>{ " reject all" }</button>
                } else {
                    <div class="adj-taken" id="adjudication-taken"><h3>{ "Settled: the work has" }</h3><ul>{ for taken }</ul></div>
                }
            </div>
        }
    });
    html! {
        <section class="adjudication" id="adjudication" aria-label="Adjudication">
            <h2>{ format!("Adjudication by {} of {}", d.by, d.sides.iter().map(|s| s.label.as_str()).collect::<Vec<_>>().join(", ")) }</h2>
            { counts }
            if done {
                <p class="adj-done" id="adjudication-done" role="status">
                    { "Every disagreement is settled. Download the adjudicated gold with Ctrl+S, or export it in any format (E): it is exported like any document." }
                </p>
            }
            <div class="adj-chips">{ for chips }</div>
            { for current }
            <p class="small muted adj-keys">{ "n / N next / previous unsettled · 1–9 take that version · 0 reject all · e edit the selected · D leaves (the work stays)" }</p>
        </section>
    }
}
