//! The corpus list in the side panel: every document with its review state, a click (or
//! J/K) to switch, and the corpus download.
//!
//! Owns: drawing the list. It must not: load or switch documents itself (it calls the app's
//! `open_entry` and `download_corpus`).

use crate::ui::app::{download_corpus, open_entry};
use crate::ui::corpus::state_name;
use crate::ui::state::{Action, State};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CorpusProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn CorpusList(props: &CorpusProps) -> Html {
    let state: &State = &props.state;
    let active = state.active();
    let download = {
        let (h, d) = (props.state.clone(), props.dispatch.clone());
        Callback::from(move |_| download_corpus(&h, &d))
    };
    html! {
        <section class="corpus" id="corpus" aria-label="Corpus">
            <h2>{ format!("Corpus · {} document(s)", state.corpus.len()) }</h2>
            <ol class="corpus-list">
                { for state.corpus.iter().enumerate().map(|(i, e)| {
                    let here = active == Some(i);
                    let (counts, marked) = if here { (Some((state.unreviewed(), state.anns.len())), state.marked) } else { (e.counts, e.marked) };
                    let (kind, words) = state_name(counts, marked);
                    let (h, d) = (props.state.clone(), props.dispatch.clone());
                    let onclick = Callback::from(move |_| open_entry(&h, i, &d));
                    html! {
                        <li>
                            <button class={classes!("doc", here.then_some("active"))} data-id={e.id.clone()} data-state={kind}
                                aria-current={here.then_some("true")} {onclick} title={e.id.clone()}>
                                <span class="doc-title">{ e.title.clone() }</span>
                                <span class={classes!("doc-state", kind)}>{ words }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <div class="actions">
                <button id="download-corpus" onclick={download} title="Every document's gold JSON, one a line (Gloss JSON Lines)">{ "Download corpus (.jsonl)" }</button>
            </div>
        </section>
    }
}
