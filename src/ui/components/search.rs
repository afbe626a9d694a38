//! The search panel (`/`): the query field, its toggles and filters, the results with their
//! context, and "apply to all results".
//!
//! Owns: the query being typed, the result shown as current, and the keys typed inside the
//! panel (arrows or `j` / `k` move through the results, Enter jumps to the current one, Esc
//! closes; no other key typed here reaches the page's shortcuts, Ctrl and Cmd combinations
//! do). It gets the loaded documents and its callbacks as props. It must not: search or plan
//! changes itself (that is [`crate::ui::search`]), change state, or import the app root.

use crate::model::{ActorKind, Label, Span, Stance, Status};
use crate::ui::corpus::Loaded;
use crate::ui::search::plan::Bulk;
use crate::ui::search::{describe, search, snippet, Filter, Mode, Query, Results};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Results drawn at most (all of them count, are moved through and are applied to).
const SHOWN: usize = 300;

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    /// The loaded documents, the one on screen first.
    pub docs: Rc<Vec<Loaded>>,
    /// Listed documents not loaded (not searched).
    pub unloaded: usize,
    pub on_load_all: Callback<()>,
    /// Brings a hit on screen: document id and span.
    pub on_jump: Callback<(String, Span)>,
    /// Plans a change for every result (shown in the fix-everywhere preview).
    pub on_apply: Callback<(Query, Bulk)>,
    pub on_close: Callback<()>,
}

fn value_of(e: &Event) -> String {
    let t = e.target();
    if let Some(i) = t.clone().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        return if i.type_() == "checkbox" { i.checked().to_string() } else { i.value() };
    }
    t.and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

/// A callback changing the query with the value of the field it is on.
fn edit(query: &UseStateHandle<Query>, f: fn(&mut Query, String)) -> Callback<Event> {
    let query = query.clone();
    Callback::from(move |e: Event| {
        let mut q = (*query).clone();
        f(&mut q, value_of(&e));
        query.set(q);
    })
}

fn options<T: Copy + PartialEq>(all: &[T], name: fn(T) -> &'static str, current: Option<T>, any: &str) -> Html {
    html! {
        <>
            <option value="" selected={current.is_none()}>{ any.to_string() }</option>
            { for all.iter().map(|v| html! { <option value={name(*v)} selected={current == Some(*v)}>{ name(*v) }</option> }) }
        </>
    }
}

fn filters(query: &UseStateHandle<Query>, docs: &[Loaded], names: &[String]) -> Html {
    let f = &query.filter;
    html! {
        <details class="search-filters" open={f != &Filter::default()}>
            <summary>{ "Filters" }</summary>
            <div class="search-grid">
                <label>{ "Label" }<select id="search-label" onchange={edit(query, |q, v| q.filter.label = Label::parse(&v))}>
                    { options(&Label::ALL, Label::as_str, f.label, "any (search the text)") }</select></label>
                <label>{ "Identity" }<input id="search-identity" list="search-names" value={f.identity.clone()}
                    onchange={edit(query, |q, v| q.filter.identity = v)} /></label>
                <label>{ "Kind" }<select id="search-kind" onchange={edit(query, |q, v| q.filter.kind = ActorKind::parse(&v))}>
                    { options(&ActorKind::ALL, ActorKind::as_str, f.kind, "any") }</select></label>
                <label>{ "Stance" }<select id="search-stance" onchange={edit(query, |q, v| q.filter.stance = Stance::parse(&v))}>
                    { options(&Stance::ALL, Stance::as_str, f.stance, "any") }</select></label>
                <label>{ "Status" }<select id="search-status" onchange={edit(query, |q, v| q.filter.status = Status::ALL.into_iter().find(|s| s.as_str() == v))}>
                    { options(&Status::ALL, Status::as_str, f.status, "any live") }</select></label>
                <label>{ "Date value starts" }<input id="search-date" placeholder="2025-09" value={f.date_prefix.clone()}
                    onchange={edit(query, |q, v| q.filter.date_prefix = v)} /></label>
                <label>{ "Dates from" }<input id="search-from" placeholder="YYYY-MM-DD" value={f.date_from.clone()}
                    onchange={edit(query, |q, v| q.filter.date_from = v)} /></label>
                <label>{ "to" }<input id="search-to" placeholder="YYYY-MM-DD" value={f.date_to.clone()}
                    onchange={edit(query, |q, v| q.filter.date_to = v)} /></label>
                <label class="wide">{ "Document" }<select id="search-doc" onchange={edit(query, |q, v| q.filter.doc = (!v.is_empty()).then_some(v))}>
                    <option value="" selected={f.doc.is_none()}>{ "every loaded document" }</option>
                    { for docs.iter().map(|(id, title, _, _)| html! {
                        <option value={id.clone()} selected={f.doc.as_ref() == Some(id)}>{ title.clone() }</option>
                    }) }
                </select></label>
            </div>
            <datalist id="search-names">{ for names.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
        </details>
    }
}

fn result_list(results: &Results, docs: &[Loaded], current: usize, on_pick: &Callback<usize>) -> Html {
    html! {
        <ol class="search-results" id="search-results" role="listbox" tabindex="0" aria-label="results">
            { for results.hits.iter().take(SHOWN).enumerate().map(|(i, h)| {
                let (_, title, doc, anns) = &docs[h.doc];
                let (before, matched, after) = snippet(doc, h.span);
                let tags: Vec<String> = h.anns.iter().filter_map(|id| anns.iter().find(|a| &a.id == id)).map(|a| describe(a, anns)).collect();
                let pick = on_pick.reform(move |_: MouseEvent| i);
                let class = classes!("search-hit", (i == current).then_some("current"));
                html! {
                    <li {class} role="option" aria-selected={(i == current).to_string()} data-doc={h.doc_id.clone()}
                        data-start={h.span.start().to_string()} data-end={h.span.end().to_string()} onclick={pick}>
                        <span class="search-where small muted">{ title.clone() }</span>
                        <span class="search-context">{ "…" }{ before }<mark>{ matched }</mark>{ after }{ "…" }</span>
                        if !tags.is_empty() { <span class="search-anns small">{ tags.join(" · ") }</span> }
                    </li>
                }
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct ApplyProps {
    query: Query,
    /// Results in all, and whether they are annotations.
    count: usize,
    annotations: bool,
    on_apply: Callback<(Query, Bulk)>,
}

/// "Apply to all results": an identity for every hit, or every matched annotation rejected.
#[component]
fn ApplyAll(props: &ApplyProps) -> Html {
    let name = use_state(String::new);
    let kind = use_state(|| ActorKind::Person);
    let to_identity = {
        let (q, n, k, cb) = (props.query.clone(), name.clone(), kind.clone(), props.on_apply.clone());
        Callback::from(move |_: MouseEvent| cb.emit((q.clone(), Bulk::Identity { canonical: (*n).clone(), kind: *k })))
    };
    let reject = {
        let (q, cb) = (props.query.clone(), props.on_apply.clone());
        Callback::from(move |_: MouseEvent| cb.emit((q.clone(), Bulk::Reject)))
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(value_of(&e)))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| kind.set(ActorKind::parse(&value_of(&e)).unwrap_or(ActorKind::Person)))
    };
    html! {
        <fieldset class="search-apply" id="search-apply" disabled={props.count == 0}>
            <legend>{ format!("Apply to all {} result(s)", props.count) }</legend>
            <div class="search-row">
                <input id="search-apply-name" list="search-names" placeholder="identity (canonical name)" aria-label="identity"
                    value={(*name).clone()} oninput={on_name} />
                <select id="search-apply-kind" aria-label="kind" onchange={on_kind}>
                    { for ActorKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={*k == *kind}>{ k.as_str() }</option> }) }
                </select>
                <button id="search-apply-identity" onclick={to_identity} disabled={name.trim().is_empty()}
                    title="every result becomes a mention of this identity (a preview first)">{ "Make each an ACTOR…" }</button>
            </div>
            <button id="search-apply-reject" onclick={reject} disabled={!props.annotations}
                title="choose a label in the filters: the matched annotations are rejected">{ "Reject every matched annotation…" }</button>
            <span class="small muted">{ " Each opens a preview first; one undo reverts it." }</span>
        </fieldset>
    }
}

/// What the keys typed in the panel do: move (by `step`), jump, close or nothing.
enum Key {
    Move(isize),
    Jump,
    Close,
}

fn key_of(e: &KeyboardEvent) -> Option<Key> {
    let tag = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|t| t.tag_name().to_ascii_lowercase());
    let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let query_field = input.as_ref().is_some_and(|i| i.id() == "search-query");
    let typing = input.is_some_and(|i| i.type_() != "checkbox") || tag.as_deref() == Some("select");
    match e.key().as_str() {
        "Escape" => Some(Key::Close),
        "ArrowDown" if !typing || query_field => Some(Key::Move(1)),
        "ArrowUp" if !typing || query_field => Some(Key::Move(-1)),
        "j" if !typing => Some(Key::Move(1)),
        "k" if !typing => Some(Key::Move(-1)),
        "Enter" if query_field || tag.as_deref() == Some("ol") || tag.as_deref() == Some("li") => Some(Key::Jump),
        _ => None,
    }
}

#[component]
pub fn SearchPanel(props: &SearchProps) -> Html {
    let query = use_state(Query::default);
    let current = use_state(|| 0usize);
    let results = use_memo(((*query).clone(), props.docs.clone()), |(q, docs)| search(q, docs));
    let names = use_memo(props.docs.clone(), |docs| {
        let set: BTreeSet<String> =
            docs.iter().flat_map(|l| l.3.iter().filter_map(|a| a.actor().map(|x| x.canonical.clone()))).collect();
        set.into_iter().collect::<Vec<_>>()
    });
    {
        let current = current.clone();
        use_effect_with((*query).clone(), move |_| current.set(0));
    }
    use_effect_with((), |_| crate::ui::browser::focus("search-query"));
    use_effect_with(*current, |_| crate::ui::browser::reveal_selector("#search-results .current"));
    let empty = Results::default();
    let (found, error) = match &*results {
        Ok(r) => (r, None),
        Err(e) => (&empty, Some(e.clone())),
    };
    let jump_to = {
        let (results, cb) = (results.clone(), props.on_jump.clone());
        move |i: usize| {
            if let Some(h) = results.as_ref().as_ref().ok().and_then(|r| r.hits.get(i)) {
                cb.emit((h.doc_id.clone(), h.span));
            }
        }
    };
    let on_pick = {
        let (current, jump_to) = (current.clone(), jump_to.clone());
        Callback::from(move |i: usize| {
            current.set(i);
            jump_to(i);
        })
    };
    let onkeydown = {
        let (current, n, close) = (current.clone(), found.hits.len(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed in the panel are the panel's, never the page's shortcuts (Ctrl and
            // Cmd combinations, such as undo, still reach the page).
            if e.ctrl_key() || e.meta_key() {
                return;
            }
            e.stop_propagation();
            match key_of(&e) {
                Some(Key::Close) => close.emit(()),
                Some(Key::Move(step)) if n > 0 => {
                    let max = n.min(SHOWN) - 1;
                    current.set((*current as isize + step).clamp(0, max as isize) as usize);
                }
                Some(Key::Jump) => jump_to(*current),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let on_text = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let mut q = (*query).clone();
            q.text = value_of(&e);
            query.set(q);
        })
    };
    let docs_with: BTreeSet<usize> = found.hits.iter().map(|h| h.doc).collect();
    let summary = if query.text.trim().is_empty() && !found.annotations {
        "Type words to search the text, or choose a label in the filters.".to_string()
    } else {
        let what = if found.annotations { "annotation(s)" } else { "result(s)" };
        let more = if found.capped { " (the search stopped there: narrow it)" } else { "" };
        format!("{} {what} in {} of {} document(s) searched{more}", found.hits.len(), docs_with.len(), found.docs)
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let load_all = props.on_load_all.reform(|_: MouseEvent| ());
    html! {
        <aside class="search-panel" id="search" role="dialog" aria-labelledby="search-title" {onkeydown}>
            <h2 id="search-title">{ "Search the corpus" }</h2>
            <div class="search-row">
                <input id="search-query" type="search" placeholder="words, a phrase or a pattern" aria-label="search"
                    value={query.text.clone()} oninput={on_text} />
                <select id="search-mode" aria-label="how to read the query" onchange={edit(&query, |q, v| q.mode = Mode::parse(&v).unwrap_or_default())}>
                    { for Mode::ALL.iter().map(|m| html! { <option value={m.as_str()} selected={*m == query.mode}>{ m.as_str() }</option> }) }
                </select>
            </div>
            <div class="search-row small">
                <label><input type="checkbox" id="search-case" checked={query.match_case} onchange={edit(&query, |q, v| q.match_case = v == "true")} />{ " Match case" }</label>
                <label><input type="checkbox" id="search-accents" checked={query.match_accents} onchange={edit(&query, |q, v| q.match_accents = v == "true")} />{ " Match accents" }</label>
            </div>
            { filters(&query, &props.docs, &names) }
            if let Some(e) = error {
                <p class="search-error" id="search-error" role="alert">{ e }</p>
            } else {
                <p class="small" id="search-summary" aria-live="polite">{ summary }</p>
            }
            if props.unloaded > 0 {
                <p class="small muted" id="search-unloaded">{ format!("{} listed document(s) not loaded are not searched. ", props.unloaded) }
                    <button id="search-load-all" onclick={load_all}>{ "Load them" }</button></p>
            }
            { result_list(found, &props.docs, *current, &on_pick) }
            if found.hits.len() > SHOWN {
                <p class="small muted">{ format!("The first {SHOWN} are listed; apply to all acts on all {}.", found.hits.len()) }</p>
            }
            <p class="small muted">{ "↑ ↓ or j k move, Enter opens the result in its document." }</p>
            <ApplyAll query={(*query).clone()} count={found.hits.len()} annotations={found.annotations} on_apply={props.on_apply.clone()} />
            <div class="modal-actions"><button id="search-close" onclick={close}>{ "Close (Esc)" }</button></div>
        </aside>
    }
}
