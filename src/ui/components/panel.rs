//! The fixed side panel: the selected (or hovered) annotation's details and controls, the
//! words waiting for a label, the legend with counts, and the keys.
//!
//! Owns: showing an annotation's label, quote, status and attributes, and the controls
//! that edit them. It must not: change anything but by dispatching actions.

use super::{label_class, label_key, label_name, status_name};
use crate::model::{
    ActorAttrs, ActorKind, Annotation, Attrs, ClaimAttrs, Cue, DateAttrs, Label, Mention, Stance, Status, TimexType,
};
use crate::ui::browser::selection;
use crate::ui::keymap::label_action;
use crate::ui::registry;
use crate::ui::review;
use crate::ui::state::{Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    /// The annotation under the pointer, shown when nothing is selected.
    pub hovered: Option<String>,
    /// Fix everywhere from annotation `id`: loads every corpus document not loaded yet,
    /// then plans the fix.
    pub on_fix_everywhere: Callback<String>,
    /// Loads every corpus document not loaded yet (the identity box's "Load them").
    pub on_load_corpus: Callback<()>,
    /// Puts corpus document `i` on screen (the corpus list).
    pub on_open_entry: Callback<usize>,
    /// Downloads the whole corpus (the corpus list).
    pub on_download_corpus: Callback<()>,
}

fn label_buttons(state: &UseReducerHandle<State>, d: &Callback<Action>, current: Option<Label>) -> Html {
    html! {
        <div class="label-buttons" role="group" aria-label="Label">
            { for Label::ALL.iter().map(|&l| {
                let (d, h) = (d.clone(), state.clone());
                let onclick = Callback::from(move |_| {
                    let ready = h.pending.is_some() || h.selected.is_some();
                    if let Some(a) = label_action(&h, l, &d) {
                        d.emit(a);
                    }
                    if ready {
                        selection::clear_selection();
                    }
                });
                // In the adjudication view the digits take versions: no key is shown for a label.
                let keyed = !state.adjudicate_view;
                let title = if keyed { format!("{} (key {})", label_name(l), label_key(l)) } else { label_name(l).to_string() };
                html! {
                    <button class={classes!("label-btn", label_class(l), (current == Some(l)).then_some("current"))}
                        data-label={l.as_str()} {onclick} {title}>
                        if keyed { <kbd>{ label_key(l) }</kbd> }{ label_name(l) }
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
    let onchange = Callback::from(move |i: usize| {
        if let Some((val, _)) = opts.get(i) {
            d.emit(make(*val));
        }
    });
    let chosen = options.iter().position(|(v, _)| *v == current);
    let labels: Vec<String> = options.into_iter().map(|(_, t)| t).collect();
    html! { <SelectField id={format!("edit-{name}")} {labels} {chosen} {onchange} /> }
}

#[derive(Properties, PartialEq)]
struct SelectProps {
    id: String,
    labels: Vec<String>,
    /// The option shown (none: no option matches).
    chosen: Option<usize>,
    /// The option the user chose, by index.
    onchange: Callback<usize>,
}

/// A `<select>` that stays the same element when its value changes (by a key, an undo), so
/// keyboard focus stays on it; the shown option is set on the element after each change.
#[component]
fn SelectField(props: &SelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.chosen, props.labels.clone()), move |(chosen, _)| {
            if let Some(el) = node.cast::<HtmlSelectElement>() {
                el.set_selected_index(chosen.map_or(-1, |c| c as i32));
            }
        });
    }
    let cb = props.onchange.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
        if let Ok(i) = usize::try_from(v) {
            cb.emit(i);
        }
    });
    html! {
        <select ref={node} id={props.id.clone()} {onchange}>
            { for props.labels.iter().enumerate().map(|(i, text)| html! { <option selected={Some(i) == props.chosen}>{ text.clone() }</option> }) }
        </select>
    }
}

#[derive(Properties, PartialEq)]
struct IdentityProps {
    state: UseReducerHandle<State>,
    dispatch: Callback<Action>,
    /// The selected ACTOR's id.
    id: String,
    /// Loads every corpus document not loaded yet (the registry covers loaded ones only).
    on_load_corpus: Callback<()>,
    /// The registry, kept by the panel.
    registry: RegistryCache,
}

/// The id of the `<datalist>` of the registry's names that the canonical field completes from.
const REGISTRY_NAMES: &str = "registry-names";

/// The canonical field: the attribute field, completing from the registry's names.
fn canonical_field(id: &str, value: &str, d: &Callback<Action>) -> Html {
    let mut field = text_input(id, "canonical", value, d, |id, canonical| Action::SetCanonical { id, canonical });
    if let Html::VTag(tag) = &mut field {
        let tag = Rc::make_mut(tag);
        tag.add_attribute("list", REGISTRY_NAMES);
        tag.add_attribute("autocomplete", "off");
    }
    field
}

/// What the registry is built from: the work's revision, the corpus's documents (listed and
/// loaded) and the declared identities.
type RegistryKey = (u64, usize, usize, Rc<Vec<crate::formats::gold::Identity>>);

/// The registry of the loaded corpus, built when an identity box first asks for it or when the
/// work has been still for a moment, and again only when the work or the corpus changes. The panel keeps it: the identity box is mounted
/// anew for each selected actor (its section is keyed by the annotation), and building the
/// registry of a long document at each selection cost more than the rest of the selection.
#[derive(Clone, Default)]
struct RegistryCache(Rc<RefCell<Option<Built>>>);

/// How long the work must be still before the panel builds the registry ahead.
const REGISTRY_AHEAD_MS: u32 = 400;

/// A registry and what it was built from.
type Built = (RegistryKey, Rc<registry::Registry>);

impl PartialEq for RegistryCache {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl RegistryCache {
    fn get(&self, state: &State) -> Rc<registry::Registry> {
        let parked = state.corpus.iter().filter(|e| e.parked.is_some()).count();
        let key = (state.revision, state.corpus.len(), parked, state.identities.clone());
        if let Some((k, reg)) = self.0.borrow().as_ref() {
            if *k == key {
                return reg.clone();
            }
        }
        let reg = Rc::new(state.registry());
        *self.0.borrow_mut() = Some((key, reg.clone()));
        reg
    }
}

/// The rename-everywhere row: a name field and its button (Enter in the field plans it too).
fn rename_row(from: &str, d: &Callback<Action>) -> Html {
    let node = NodeRef::default();
    let plan = {
        let (d, from, node) = (d.clone(), from.to_string(), node.clone());
        move || {
            if let Some(el) = node.cast::<HtmlInputElement>() {
                d.emit(Action::PlanRename { from: from.clone(), to: el.value() });
            }
        }
    };
    let onkeydown = {
        let plan = plan.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                plan();
            }
        })
    };
    let onclick = Callback::from(move |_| plan());
    html! {
        <div class="rename-row">
            <input ref={node} id="rename-to" key={format!("rename-{from}")} type="text" value={from.to_string()} list={REGISTRY_NAMES}
                aria-label="New name of this identity in every document" spellcheck="false" autocomplete="off" {onkeydown} />
            <button id="rename" {onclick} title="Every mention of this identity in every loaded document takes the new name (a preview first)">{ "Rename everywhere" }</button>
        </div>
    }
}

/// The merge row: the identities of the corpus to merge into, the kind to keep when the two
/// differ, and the button. Each plans the merge for the preview.
fn merge_row(
    me: &registry::Entry,
    others: &[&registry::Entry],
    choice: &UseStateHandle<Option<String>>,
    kind: &UseStateHandle<Option<ActorKind>>,
    d: &Callback<Action>,
) -> Html {
    let names: Rc<Vec<String>> = Rc::new(others.iter().map(|e| e.name.clone()).collect());
    let target = choice.as_deref().and_then(|c| others.iter().find(|e| e.name == c)).copied();
    // Kinds differ: the target's is proposed, the list beside Merge changes it.
    let kept = target.map(|t| if t.kind == me.kind { t.kind } else { kind.unwrap_or(t.kind) });
    let plan = {
        let (d, from) = (d.clone(), me.name.clone());
        move |into: Option<String>, kind: Option<ActorKind>| match into {
            Some(into) => d.emit(Action::PlanMerge { from: from.clone(), into, kind }),
            None => d.emit(Action::Fail("choose the identity to merge into first".into())),
        }
    };
    let on_choose = {
        let (choice, kind, names) = (choice.clone(), kind.clone(), names.clone());
        Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
            choice.set(usize::try_from(i - 1).ok().and_then(|i| names.get(i).cloned()));
            kind.set(None);
        })
    };
    let on_select_key = {
        // Enter takes the kind chosen beside Merge, else the target's (as that list proposes).
        let (plan, names, others_kinds) =
            (plan.clone(), names.clone(), others.iter().map(|e| e.kind).collect::<Vec<_>>());
        let chosen = **kind;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let el = e.target_unchecked_into::<HtmlSelectElement>();
                let i = usize::try_from(el.selected_index() - 1).ok();
                let into = i.and_then(|i| names.get(i).cloned());
                let k = chosen.or_else(|| i.and_then(|i| others_kinds.get(i).copied()));
                if into.is_some() {
                    let _ = el.blur();
                }
                plan(into, k);
            }
        })
    };
    let on_merge = {
        let (plan, into) = (plan.clone(), (**choice).clone());
        Callback::from(move |_| plan(into.clone(), kept))
    };
    let kind_choice = target.filter(|t| t.kind != me.kind).map(|t| {
        let kind = kind.clone();
        let pair = [t.kind, me.kind];
        let onchange = Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
            kind.set(usize::try_from(i).ok().and_then(|i| pair.get(i).copied()));
        });
        html! {
            <label class="small">{ "kinds differ; keep " }
                <select id="merge-kind" aria-label="The kind the merged identity keeps" {onchange}>
                    { for pair.iter().map(|k| html! { <option selected={kept == Some(*k)}>{ k.as_str() }</option> }) }
                </select>
            </label>
        }
    });
    html! {
        <div class="merge-row">
            <select id="merge-into" aria-label="Merge this identity into (the whole corpus)" onchange={on_choose} onkeydown={on_select_key} disabled={others.is_empty()}>
                <option selected={choice.is_none()} disabled=true>{ "merge into…" }</option>
                { for others.iter().map(|e| html! {
                    <option selected={choice.as_deref() == Some(e.name.as_str())}>{ e.describe() }</option>
                }) }
            </select>
            { for kind_choice }
            <button id="merge" onclick={on_merge} disabled={choice.is_none()} title="Every mention of this identity in every loaded document takes the chosen name (m; a preview first)">{ "Merge" }</button>
        </div>
    }
}

/// Mentions of an identity listed with a tick box (a long document can hold thousands).
const MENTIONS_LISTED: usize = 200;

/// The selected actor's identity in the corpus registry: its mentions here (tick some to
/// split them off), renaming it everywhere, merging it into another identity of the corpus,
/// splitting this mention or this document's mentions off, and the registry as a table.
#[component]
fn IdentityBox(props: &IdentityProps) -> Html {
    let state: &State = &props.state;
    let ticked = use_state(Vec::<String>::new);
    let choice = use_state(|| None::<String>);
    let kind = use_state(|| None::<ActorKind>);
    {
        let (ticked, choice, kind) = (ticked.clone(), choice.clone(), kind.clone());
        use_effect_with(props.id.clone(), move |_| {
            ticked.set(Vec::new());
            choice.set(None);
            kind.set(None);
        });
    }
    let reg = props.registry.get(state);
    let Some(me) = state.get(&props.id).and_then(|a| a.actor().map(|x| (a, x))) else { return html! {} };
    let (a, x) = me;
    // This identity's live mentions here, in text order: one pass over the annotations.
    let mine: Vec<&Annotation> = (state.anns.iter())
        .filter(|m| m.status.is_live() && m.actor().is_some_and(|y| y.canonical == x.canonical))
        .collect();
    let blank = registry::Entry::blank(&x.canonical, x.kind);
    let entry = reg.get(&x.canonical).unwrap_or(&blank);
    let others: Vec<&registry::Entry> =
        reg.entries.iter().filter(|e| e.name != x.canonical && e.mentions() > 0).collect();
    let d = &props.dispatch;
    let mentions: Vec<String> = mine.iter().map(|m| m.id.clone()).collect();
    // Split names unique in the whole corpus, not only in this document.
    let fresh = reg.fresh(&a.quote);
    let on_split = {
        let (d, id, fresh) = (d.clone(), a.id.clone(), fresh.clone());
        Callback::from(move |_| d.emit(Action::SplitIdentity { ids: vec![id.clone()], canonical: fresh.clone() }))
    };
    let on_split_ticked = {
        let (d, t) = (d.clone(), (*ticked).clone());
        let first = t.first().and_then(|id| state.get(id)).map_or_else(String::new, |m| reg.fresh(&m.quote));
        Callback::from(move |_| d.emit(Action::SplitIdentity { ids: t.clone(), canonical: first.clone() }))
    };
    let on_split_doc = {
        let (d, m) = (d.clone(), mentions.clone());
        Callback::from(move |_| d.emit(Action::PlanSplit { ids: m.clone(), name: String::new() }))
    };
    let on_csv = {
        // The table is written on the click, not at every render of the panel.
        let (d, reg) = (d.clone(), reg.clone());
        Callback::from(move |_| {
            if let Err(e) = crate::ui::browser::files::download("identities.csv", &reg.to_csv(), "text/csv") {
                d.emit(Action::Fail(e));
            }
        })
    };
    let list = (mentions.len() > 1).then(|| {
        html! {
            <>
            <ul class="mentions" id="mentions">
                { for mine.iter().take(MENTIONS_LISTED).map(|m| {
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
            if mine.len() > MENTIONS_LISTED {
                <p class="small" id="mentions-more">{ format!("and {} more (select one in the text to split it off, or split the document's mentions)", mine.len() - MENTIONS_LISTED) }</p>
            }
            <button id="split-ticked" onclick={on_split_ticked} disabled={ticked.is_empty()}>{ format!("Split {} ticked off", ticked.len()) }</button>
            </>
        }
    });
    let elsewhere = entry.docs.len() > 1;
    let ties = entry.ties();
    let left = state.not_loaded();
    html! {
        <div class="identity-box" id="identity" data-canonical={x.canonical.clone()} data-mentions={entry.mentions().to_string()} data-documents={entry.docs.len().to_string()}>
            <datalist id={REGISTRY_NAMES}>
                { for reg.entries.iter().map(|e| html! {
                    <option value={e.name.clone()} label={format!("{} · {} mention(s) in {} document(s)", e.kind.as_str(), e.mentions(), e.docs.len())} />
                }) }
            </datalist>
            <p class="small"><strong>{ x.canonical.clone() }</strong>
                { format!(" ({}) · {} mention(s) here, {} in {} loaded document(s)", entry.kind.as_str(), mentions.len(), entry.mentions(), entry.docs.len()) }</p>
            if !ties.is_empty() {
                <p class="small warn" id="identity-ties">{ format!("its mentions' kinds are tied: {}", ties.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")) }</p>
            }
            if left > 0 {
                <p class="small muted" id="identity-unloaded">{ format!("{left} document(s) of the corpus are not loaded: the registry and its changes leave them out until they are. ") }
                    <button id="identity-load" class="link" onclick={props.on_load_corpus.reform(|_| ())}>{ "Load them" }</button></p>
            }
            { for list }
            { rename_row(&x.canonical, d) }
            { merge_row(entry, &others, &choice, &kind, d) }
            <button id="split" onclick={on_split} title="This mention gets a canonical name of its own (x)"><kbd>{ "x" }</kbd>{ "Split this mention off" }</button>
            if elsewhere && mentions.len() > 1 {
                <button id="split-doc" onclick={on_split_doc} title="This document's mentions get a name of their own, unique in the corpus (a preview first)">{ format!("Split this document's {} mentions off", mentions.len()) }</button>
            }
            <button id="identities-csv" class="link" onclick={on_csv} title="The registry as a table: name, kind, aliases, documents, mentions">{ "identities.csv" }</button>
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

/// One row of the attribute list.
fn row(k: &str, v: Html) -> Html {
    html! { <><dt>{ k.to_string() }</dt><dd>{ v }</dd></> }
}

/// A read-only value, or "none".
fn shown(v: Option<&str>) -> Html {
    html! { { v.unwrap_or("none").to_string() } }
}

fn actor_rows(
    state: &UseReducerHandle<State>,
    id: &str,
    x: &ActorAttrs,
    d: &Callback<Action>,
    editable: bool,
    (on_load, registry): (&Callback<()>, &RegistryCache),
) -> Html {
    if !editable {
        let mention = if x.mention == Mention::Name { "name" } else { "nominal" };
        return html! { <>{ row("Canonical", html! { x.canonical.clone() }) }{ row("Kind", html! { x.kind.as_str() }) }
        { row("Mention", html! { mention }) }{ row("Role", shown(x.role.as_deref())) }</> };
    }
    let canonical = canonical_field(id, &x.canonical, d);
    let (i2, i3) = (id.to_string(), id.to_string());
    let kind = select(
        "kind",
        Some(x.kind),
        ActorKind::ALL.iter().map(|k| (Some(*k), k.as_str().to_string())).collect(),
        d,
        move |k| Action::SetActorKind { id: i2.clone(), kind: k.unwrap_or_default() },
    );
    let mention = select(
        "mention",
        Some(x.mention),
        vec![(Some(Mention::Name), "name".to_string()), (Some(Mention::Nominal), "nominal".to_string())],
        d,
        move |m| Action::SetMention { id: i3.clone(), mention: m.unwrap_or_default() },
    );
    let role = text_input(id, "role", x.role.as_deref().unwrap_or(""), d, |id, role| Action::SetRole { id, role });
    html! { <>{ row("Canonical", canonical) }{ row("Kind", html! { <>{ kind }<kbd class="hint" title="t / T cycle the kind">{ "t" }</kbd></> }) }
    { row("Mention", mention) }{ row("Role", role) }
    <dt>{ "Identity" }</dt><dd><IdentityBox state={state.clone()} dispatch={d.clone()} id={id.to_string()} on_load_corpus={on_load.clone()} registry={registry.clone()} /></dd></> }
}

fn date_rows(state: &State, id: &str, x: &DateAttrs, d: &Callback<Action>, editable: bool) -> Html {
    let anchor_name = |a: &str| match a {
        "dct" => "the DCT".to_string(),
        other => match state.get(other) {
            Some(b) => format!("{other} \u{201c}{}\u{201d}", b.quote),
            None => other.to_string(),
        },
    };
    if !editable {
        return html! { <>{ row("Value", html! { <code>{ x.value.clone() }</code> }) }{ row("Type", html! { x.timex_type.as_str() }) }
        { row("Mod", shown(x.modifier.as_deref())) }{ row("Anchor", shown(x.anchor.as_deref().map(anchor_name).as_deref())) }</> };
    }
    let value = text_input(id, "value", &x.value, d, |id, value| Action::SetDateValue { id, value });
    let (i2, i3, i4) = (id.to_string(), id.to_string(), id.to_string());
    let ty = select(
        "type",
        Some(x.timex_type),
        TimexType::ALL.iter().map(|k| (Some(*k), k.as_str().to_string())).collect(),
        d,
        move |t| Action::SetDateType { id: i2.clone(), timex_type: t.unwrap_or_default() },
    );
    // Every TIMEX3 mod, and the one the date has when a file brought another.
    let mut mods: Vec<String> = crate::model::timex::MODS.iter().map(|m| m.to_string()).collect();
    if let Some(m) = x.modifier.as_ref().filter(|m| !mods.contains(m)) {
        mods.push(m.clone());
    }
    let current = x.modifier.as_ref().and_then(|m| mods.iter().position(|x| x == m));
    let mut options = vec![(None, "none".to_string())];
    options.extend(mods.iter().enumerate().map(|(i, m)| (Some(i), m.clone())));
    let modifier = select("mod", current, options, d, move |i| Action::SetDateMod {
        id: i3.clone(),
        modifier: i.and_then(|i| mods.get(i).cloned()).unwrap_or_default(),
    });
    let mut anchors = vec!["dct".to_string()];
    anchors.extend(state.anns.iter().filter(|b| b.label() == Label::Date && b.id != id).map(|b| b.id.clone()));
    if let Some(a) = x.anchor.as_ref().filter(|a| !anchors.contains(a)) {
        anchors.push(a.clone());
    }
    let current = x.anchor.as_ref().and_then(|a| anchors.iter().position(|x| x == a));
    let mut options = vec![(None, "none".to_string())];
    options.extend(anchors.iter().enumerate().map(|(i, a)| (Some(i), anchor_name(a))));
    let anchor = select("anchor", current, options, d, move |i| Action::SetAnchor {
        id: i4.clone(),
        anchor: i.and_then(|i| anchors.get(i).cloned()),
    });
    html! { <>{ row("Value", value) }{ row("Type", html! { <>{ ty }<kbd class="hint" title="t / T cycle the type">{ "t" }</kbd></> }) }
    { row("Mod", modifier) }{ row("Anchor", anchor) }</> }
}

/// A claim's words (cue or source words): the quote, and the buttons that clear it.
fn claim_words(id: &str, words: Option<&Cue>, source_words: bool, d: &Callback<Action>, editable: bool) -> Html {
    let (name, key) = if source_words { ("source-words", "w") } else { ("cue", "c") };
    let text = words.map_or_else(|| "none".to_string(), |c| format!("\u{201c}{}\u{201d}", c.text));
    let clear = editable.then(|| {
        let id = id.to_string();
        let onclick = d.reform(move |_| {
            if source_words {
                Action::SetSourceWords { id: id.clone(), span: None }
            } else {
                Action::SetCue { id: id.clone(), span: None }
            }
        });
        html! { <>
            <button id={format!("clear-{name}")} class="small-btn" {onclick} disabled={words.is_none()} title="Remove them">{ "clear" }</button>
            <span class="small muted">{ format!(" select words, then {key}") }</span>
        </> }
    });
    html! { <><span class="cue-text" id={name}>{ text }</span>{ for clear }</> }
}

fn claim_rows(state: &UseReducerHandle<State>, id: &str, x: &ClaimAttrs, d: &Callback<Action>, editable: bool) -> Html {
    let actors: Vec<&Annotation> = state.anns.iter().filter(|b| b.label() == Label::Actor).collect();
    let name = |b: &Annotation| {
        let canon = b.actor().map(|c| c.canonical.as_str()).unwrap_or("");
        if canon == b.quote {
            format!("{} \u{201c}{}\u{201d}", b.id, b.quote)
        } else {
            format!("{} \u{201c}{}\u{201d} ({canon})", b.id, b.quote)
        }
    };
    let cue = claim_words(id, x.cue.as_ref(), false, d, editable);
    let words = claim_words(id, x.source_words.as_ref(), true, d, editable);
    if !editable {
        let source =
            x.source.as_deref().and_then(|s| state.get(s)).map(name).unwrap_or_else(|| "no named source".into());
        return html! { <>{ row("Source", html! { source }) }{ row("Cue", cue) }{ row("Source words", words) }
        { row("Stance", shown(x.stance.map(|s| s.as_str()))) }{ row("Target", shown(x.target.as_deref())) }</> };
    }
    let ids: Vec<String> = actors.iter().map(|b| b.id.clone()).collect();
    let current = x.source.as_ref().and_then(|s| ids.iter().position(|i| i == s));
    let mut options = vec![(None, "no named source".to_string())];
    options.extend(actors.iter().enumerate().map(|(i, b)| (Some(i), name(b))));
    let (i2, i3) = (id.to_string(), id.to_string());
    let source = select("source", current, options, d, move |i| Action::SetSource {
        id: i2.clone(),
        source: i.and_then(|i| ids.get(i).cloned()),
    });
    let mut options = vec![(None, "none".to_string())];
    options.extend(Stance::ALL.iter().map(|s| (Some(*s), s.as_str().to_string())));
    let stance = select("stance", x.stance, options, d, move |s| Action::SetStance { id: i3.clone(), stance: s });
    let target =
        text_input(id, "target", x.target.as_deref().unwrap_or(""), d, |id, target| Action::SetTarget { id, target });
    let links = link_controls(state, id, d);
    html! { <>{ row("Source", html! { <>{ source }{ links }</> }) }{ row("Cue", cue) }{ row("Source words", words) }
    { row("Stance", html! { <>{ stance }<kbd class="hint" title="t / T cycle the stance">{ "t" }</kbd></> }) }
    { row("Target", target) }</> }
}

/// The annotation's note and "unsure" flag: a field (Enter applies, Esc cancels, leaving it
/// applies) and a checkbox (`#` focuses the field, `u` toggles the flag); read-only on hover.
fn flag_rows(a: &Annotation, d: &Callback<Action>, editable: bool) -> Html {
    if !editable {
        return html! { <>
            { row("Unsure", html! { { if a.unsure { "yes" } else { "no" } } }) }
            { row("Note", shown(a.note.as_deref())) }
        </> };
    }
    let note = a.note.clone().unwrap_or_default();
    let (dn, id) = (d.clone(), a.id.clone());
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        dn.emit(Action::SetNote { id: id.clone(), note: v });
    });
    let stored = note.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some(el) = e.target_dyn_into::<HtmlInputElement>() else { return };
        match e.key().as_str() {
            "Enter" => {
                let _ = el.blur();
            }
            // Esc cancels: the stored note comes back before the field is left.
            "Escape" => {
                el.set_value(&stored);
                let _ = el.blur();
            }
            _ => {}
        }
    });
    // As for the other fields: a re-render while typing keeps what is typed.
    let typing = gloo::utils::document()
        .active_element()
        .filter(|e| e.id() == "edit-note")
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value());
    let shown_note = typing.unwrap_or(note);
    let toggle = d.reform({
        let id = a.id.clone();
        move |_| Action::ToggleUnsure(id.clone())
    });
    html! { <>
        <dt><label for="edit-unsure">{ "Unsure" }</label></dt>
        <dd><label class="small"><input id="edit-unsure" type="checkbox" checked={a.unsure} onchange={toggle} />
            { " flag for a second look (u)" }</label></dd>
        <dt><label for="edit-note">{ "Note" }</label></dt>
        <dd><input key={format!("note-{}", a.id)} id="edit-note" type="text" value={shown_note} {onchange} {onkeydown}
            placeholder="a comment for the reviewer (#)" title="A comment kept with the annotation: Enter applies, Esc cancels" /></dd>
    </> }
}

/// The flagged annotations of the document (unsure, or with a note), counted and listed, each
/// a link to it: seen before marking gold.
fn flag_list(state: &State, d: &Callback<Action>) -> Html {
    let flags = review::flags(&state.anns);
    let Some(words) = flags.words() else {
        return html! { <span id="flags" class="flags none small muted" data-unsure="0" data-notes="0">{ "no flags" }</span> };
    };
    html! {
        <details class="flags" id="flags" data-unsure={flags.unsure.to_string()} data-notes={flags.notes.to_string()}>
            <summary title="Annotations flagged unsure or with a note (U goes to the next)">{ format!("⚑ {words}") }</summary>
            <ul class="flag-list" id="flag-list">
                { for state.anns.iter().filter(|a| review::is_flagged(a)).map(|a| {
                    let id = a.id.clone();
                    let onclick = d.reform(move |_| Action::Select(Some(id.clone())));
                    let what = review::flag_words(a);
                    html! {
                        <li data-id={a.id.clone()}><button class="link" {onclick}>{ format!("{} \u{201c}{}\u{201d}", a.id, a.quote) }</button>
                            <span class="small muted">{ format!(" {what}") }</span></li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// The review buttons of the selected annotation (accept, reject, delete, fix everywhere,
/// relabel), or a hint when it is only hovered.
fn review_actions(
    state: &UseReducerHandle<State>,
    a: &Annotation,
    d: &Callback<Action>,
    editable: bool,
    on_fix: &Callback<String>,
) -> Html {
    let id = a.id.clone();
    if editable {
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
            let (fix, id) = (on_fix.clone(), id.clone());
            Callback::from(move |_| {
                fix.emit(id.clone());
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
    }
}

/// Who made the annotation (and by which rule), and who last edited it.
fn made_by(a: &Annotation) -> String {
    let mut by = match &a.provenance.rule {
        Some(rule) => format!("{} · rule {rule}", a.provenance.by),
        None => a.provenance.by.to_string(),
    };
    if let Some(editor) = &a.provenance.edited_by {
        by.push_str(&format!(" · edited by {editor}"));
    }
    by
}

fn details(
    state: &UseReducerHandle<State>,
    a: &Annotation,
    d: &Callback<Action>,
    editable: bool,
    on_fix: &Callback<String>,
    identity: (&Callback<()>, &RegistryCache),
) -> Html {
    let id = a.id.clone();
    let attrs = match &a.attrs {
        Attrs::Actor(x) => actor_rows(state, &id, x, d, editable, identity),
        Attrs::Date(x) => date_rows(state, &id, x, d, editable),
        Attrs::Claim(x) => claim_rows(state, &id, x, d, editable),
    };
    let review = review_actions(state, a, d, editable, on_fix);
    html! {
        <section key={a.id.clone()} class="details" id="details" data-id={a.id.clone()} data-label={a.label().as_str()} data-status={a.status.as_str()}>
            <div class="details-head">
                <span class={classes!("chip", label_class(a.label()))}>{ a.label().as_str() }</span>
                <span class="ann-id">{ a.id.clone() }</span>
                <span class={classes!("status", a.status.as_str())} id="status">{ status_name(a.status) }</span>
            </div>
            <blockquote class="quote" id="quote">{ a.quote.clone() }</blockquote>
            <dl class="attrs">{ attrs }{ flag_rows(a, d, editable) }{ row("By", html! { <span class="small">{ made_by(a) }</span> }) }</dl>
            { review }
        </section>
    }
}

#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let state: &State = &props.state;
    let d = &props.dispatch;
    let registry = use_memo((), |_| RegistryCache::default());
    {
        // Built ahead once the work has been still for a moment (an edit in the meantime
        // cancels the timer), so that selecting an actor does not wait for it.
        let (registry, handle) = (registry.clone(), props.state.clone());
        use_effect_with(state.revision, move |_| {
            let ahead = gloo::timers::callback::Timeout::new(REGISTRY_AHEAD_MS, move || {
                registry.get(&handle);
            });
            move || drop(ahead)
        });
    }
    let identity = (&props.on_load_corpus, &*registry);
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
            { flag_list(state, d) }
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
        details(&props.state, a, d, true, &props.on_fix_everywhere, identity)
    } else if let (Some(span), Some(doc)) = (state.pending, state.doc.as_deref()) {
        html! {
            <section class="details pending-box" id="pending">
                <div class="details-head"><span class="chip">{ "New annotation" }</span></div>
                <blockquote class="quote" id="pending-quote">{ doc.slice(span).unwrap_or_default().to_string() }</blockquote>
                if state.adjudicate_view {
                    // In the adjudication view the digit keys take versions: the words are the
                    // disagreement at hand, labelled with the mouse only.
                    <p class="small muted" id="pending-adjudicating">{ "The disagreement at hand: 1-9 take a version, 0 rejects all. To label these words yourself, use the buttons:" }</p>
                } else {
                    <p class="small muted">{ "Choose a label for these words:" }</p>
                }
                { label_buttons(&props.state, d, None) }
                { for state.words_for.as_deref().map(|claim| html! {
                    <div class="actions words-for">
                        <p class="small muted">{ format!("or make them a part of claim {claim}:") }</p>
                        <button id="set-cue" onclick={d.reform(|_| Action::WordsToClaim { source_words: false })}
                            title="These words become the claim's cue (c)"><kbd>{ "c" }</kbd>{ "Set as cue" }</button>
                        <button id="set-source-words" onclick={d.reform(|_| Action::WordsToClaim { source_words: true })}
                            title="These words become the claim's source words, e.g. a pronoun (w)"><kbd>{ "w" }</kbd>{ "Set as source words" }</button>
                    </div>
                }) }
            </section>
        }
    } else if let Some(a) = props.hovered.as_deref().and_then(|id| state.get(id)) {
        details(&props.state, a, d, false, &props.on_fix_everywhere, identity)
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
            <super::corpus_list::CorpusList state={props.state.clone()} dispatch={d.clone()}
                on_open_entry={props.on_open_entry.clone()} on_download_corpus={props.on_download_corpus.clone()} />
            <section class="keys small">
                <h3>{ "Keys" }</h3>
                <dl>
                    <dt><kbd>{ "1" }</kbd><kbd>{ "2" }</kbd><kbd>{ "3" }</kbd></dt><dd>{ "label as Actor, Date, Claim" }</dd>
                    <dt><kbd>{ "a" }</kbd>{ " / " }<kbd>{ "r" }</kbd></dt><dd>{ "accept / reject a prediction" }</dd>
                    <dt><kbd>{ "Del" }</kbd></dt><dd>{ "delete" }</dd>
                    <dt><kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd></dt><dd>{ "next / previous annotation" }</dd>
                    <dt><kbd>{ "Ctrl+Z" }</kbd></dt><dd>{ "undo (Ctrl+Shift+Z, Ctrl+Y: redo)" }</dd>
                    <dt><kbd>{ "n" }</kbd></dt><dd>{ "next unreviewed prediction" }</dd>
                    <dt><kbd>{ "e" }</kbd>{ " / " }<kbd>{ "t" }</kbd></dt><dd>{ "edit the attributes / next kind, type or stance" }</dd>
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
                value={state.editor().unwrap_or_default().to_string()} {onchange} spellcheck="false" autocomplete="name" />
        </section>
    }
}
