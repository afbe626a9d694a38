//! The actors view (key `P`): the corpus's identities by document, sortable by any column; a
//! click on an identity lists its mentions in their sentences, each one click from the text. Exports the table as CSV
//! and a bar chart of the most mentioned identities as SVG.
//!
//! Owns: drawing an [`ActorsTable`] (built by [`crate::ui::views::actors`]) as a table, the
//! sort and the identity shown (local state of the view), and the export buttons. It gets
//! everything as props: the table, how many listed documents are not loaded, and callbacks to
//! load them, jump to a mention, download a file and close. It must not: compute the figures,
//! touch the browser or import the app root.

use crate::ui::views::actors::{self, ActorRow, ActorsTable, SortKey};
use std::rc::Rc;
use yew::prelude::*;

/// A file to download: (file name, content, MIME type).
pub type Download = (String, String, String);

/// Per-document columns are drawn up to this many documents (the CSV has them all).
pub const DOC_COLUMNS: usize = 8;
/// Rows drawn at most (the CSV has them all).
const ROWS_SHOWN: usize = 300;
/// Mentions listed at most for one identity.
const MENTIONS_SHOWN: usize = 200;

#[derive(Properties)]
pub struct ActorsViewProps {
    pub table: Rc<ActorsTable>,
    /// Listed documents not loaded yet (not counted).
    pub not_loaded: usize,
    pub on_load_all: Callback<()>,
    /// Go to `(document id, start, end)` in code points.
    pub on_jump: Callback<(String, usize, usize)>,
    pub on_download: Callback<Download>,
    pub on_close: Callback<()>,
}

impl PartialEq for ActorsViewProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.table, &o.table)
            && self.not_loaded == o.not_loaded
            && self.on_load_all == o.on_load_all
            && self.on_jump == o.on_jump
            && self.on_download == o.on_download
            && self.on_close == o.on_close
    }
}

/// A document's short name for a column head: the start of its title.
pub fn short_title(title: &str) -> String {
    let t: String = title.chars().take(24).collect();
    if title.chars().count() > 24 {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

/// A sortable column head: a button; `aria-sort` says the order in force.
fn head(label: &str, title: &str, key: SortKey, sort: &UseStateHandle<(SortKey, bool)>) -> Html {
    let (now, desc) = **sort;
    let aria = if now == key { Some(if desc { "descending" } else { "ascending" }) } else { None };
    let arrow = match aria {
        Some("descending") => " ▼",
        Some(_) => " ▲",
        None => "",
    };
    let sort = sort.clone();
    // A first click sorts names A-Z and figures most first; a second click reverses.
    let onclick = Callback::from(move |_: MouseEvent| {
        let (now, desc) = *sort;
        let first = !matches!(key, SortKey::Identity | SortKey::Kind);
        sort.set((key, if now == key { !desc } else { first }));
    });
    html! {
        <th scope="col" aria-sort={aria} title={title.to_string()}>
            <button class="sort" {onclick}>{ label }{ arrow }</button>
        </th>
    }
}

fn mentions_list(table: &ActorsTable, row: &ActorRow, on_jump: &Callback<(String, usize, usize)>) -> Html {
    let hits = actors::mentions_of(table, row);
    let per_doc = row.cells.iter().map(|(d, c)| {
        html! {
            <li>
                <strong>{ table.docs[*d].title.clone() }</strong>
                { format!(": {} mention(s), {} claim(s) made, {} about", c.mentions, c.as_source, c.about) }
            </li>
        }
    });
    html! {
        <section class="view-detail" id="actors-detail" data-identity={row.identity.clone()}>
            <h3>{ format!("{} — {} mention(s) in {} document(s)", row.identity, row.total.mentions, row.documents()) }</h3>
            <ul class="view-docs">{ for per_doc }</ul>
            <ol class="view-mentions" id="actors-mentions">
                { for hits.into_iter().take(MENTIONS_SHOWN).map(|h| {
                    let on_jump = on_jump.clone();
                    let target = (h.doc.clone(), h.span.start(), h.span.end());
                    let onclick = Callback::from(move |_: MouseEvent| on_jump.emit(target.clone()));
                    html! {
                        <li>
                            <button class="link" {onclick} data-doc={h.doc.clone()} data-start={h.span.start().to_string()}
                                title={format!("open {} at code point {}", h.title, h.span.start())}>
                                <span class="view-doc-name">{ short_title(&h.title) }</span>
                            </button>
                            { " " }{ h.before }<mark class="actor">{ h.quote }</mark>{ h.after }
                        </li>
                    }
                }) }
            </ol>
            if row.mentions.len() > MENTIONS_SHOWN {
                <p class="small muted">{ format!("The first {MENTIONS_SHOWN} of {} mentions.", row.mentions.len()) }</p>
            }
        </section>
    }
}

/// The "N documents not loaded" line with its button; nothing when all are loaded.
pub fn not_loaded_note(n: usize, on_load_all: &Callback<()>, id: &str) -> Html {
    if n == 0 {
        return html! {};
    }
    let on_load_all = on_load_all.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_load_all.emit(()));
    html! {
        <p class="view-unloaded" id={id.to_string()}>
            { format!("{n} listed document(s) not loaded yet are not counted. ") }
            <button {onclick}>{ "Load them" }</button>
        </p>
    }
}

/// The actors view.
#[component]
pub fn ActorsPanel(p: &ActorsViewProps) -> Html {
    let sort = use_state(|| (SortKey::Mentions, true));
    let shown = use_state(|| None::<String>);
    let table = &p.table;
    let rows = {
        let mut rows: Vec<&ActorRow> = table.rows.iter().collect();
        let (key, desc) = *sort;
        crate::sort::sort_by(&mut rows, |a, b| actors::order(a, b, key, desc));
        rows
    };
    let cols = if table.docs.len() <= DOC_COLUMNS { table.docs.len() } else { 0 };
    let close = p.on_close.reform(|_: MouseEvent| ());
    let dl = {
        let (t, on) = (table.clone(), p.on_download.clone());
        Callback::from(move |_: MouseEvent| on.emit(("actors.csv".into(), actors::to_csv(&t), "text/csv".into())))
    };
    let svg = {
        let (t, on) = (table.clone(), p.on_download.clone());
        Callback::from(move |_: MouseEvent| {
            on.emit(("actors.svg".into(), actors::chart_svg(&t), "image/svg+xml".into()))
        })
    };
    let row_html = |r: &ActorRow| {
        let id = r.identity.clone();
        let is_shown = shown.as_deref() == Some(id.as_str());
        let onclick = {
            let shown = shown.clone();
            Callback::from(move |_: MouseEvent| shown.set(if is_shown { None } else { Some(id.clone()) }))
        };
        html! {
            <tr data-identity={r.identity.clone()} class={classes!(is_shown.then_some("shown"))}>
                <th scope="row"><button class="link" {onclick} aria-expanded={is_shown.to_string()}>{ r.identity.clone() }</button></th>
                <td class="words">{ r.kinds_text() }</td>
                <td>{ r.documents() }</td>
                <td>{ r.total.mentions }</td>
                <td>{ r.total.as_source }</td>
                <td>{ r.total.about }</td>
                { for (0..cols).map(|d| {
                    let c = r.cell(d);
                    let words = format!("{}: {} mention(s), {} claim(s) made, {} about", table.docs[d].title, c.mentions, c.as_source, c.about);
                    html! { <td class="doc" title={words}>{ if c == Default::default() { String::new() } else { c.mentions.to_string() } }</td> }
                }) }
            </tr>
        }
    };
    let detail = shown.as_ref().and_then(|id| table.rows.iter().find(|r| &r.identity == id));
    html! {
        <div class="corpus-view" id="actors-view" role="dialog" aria-modal="true" aria-labelledby="actors-title">
            <header>
                <h2 id="actors-title">{ format!("Actors: {} identities in {} document(s)", table.rows.len(), table.docs.len()) }</h2>
                <div class="view-actions">
                    <button id="actors-csv" onclick={dl}>{ "Export CSV" }</button>
                    <button id="actors-svg" onclick={svg} title="a bar chart of the 20 most mentioned identities">{ "Chart SVG" }</button>
                    <button id="actors-close" onclick={close}>{ "Close (P or Esc)" }</button>
                </div>
            </header>
            { not_loaded_note(p.not_loaded, &p.on_load_all, "actors-unloaded") }
            <p class="small muted">{ "Made: claims whose source is the identity. About: claims whose target names it (its name or one of its names in the corpus) or that hold a mention of it, never its own. Click a name for its mentions; a column head sorts." }</p>
            if table.rows.is_empty() {
                <p id="actors-empty">{ "No actor in the loaded documents." }</p>
            } else {
                <div class="view-scroll">
                <table class="view-table" id="actors-table">
                    <thead><tr>
                        { head("Identity", "canonical name", SortKey::Identity, &sort) }
                        { head("Kind", "kind of its mentions (counts when they differ)", SortKey::Kind, &sort) }
                        { head("Docs", "documents where it appears", SortKey::Documents, &sort) }
                        { head("Mentions", "mentions in the corpus", SortKey::Mentions, &sort) }
                        { head("Made", "claims it is the source of", SortKey::AsSource, &sort) }
                        { head("About", "claims about it", SortKey::About, &sort) }
                        { for (0..cols).map(|d| head(&short_title(&table.docs[d].title), &format!("mentions in {}", table.docs[d].title), SortKey::DocMentions(d), &sort)) }
                    </tr></thead>
                    <tbody>{ for rows.iter().take(ROWS_SHOWN).map(|r| row_html(r)) }</tbody>
                </table>
                </div>
                if rows.len() > ROWS_SHOWN {
                    <p class="small muted">{ format!("The first {ROWS_SHOWN} of {} identities in this order; the CSV has them all.", rows.len()) }</p>
                }
                if cols == 0 {
                    <p class="small muted">{ format!("{} documents: per-document columns are left out (click a name for its documents; the CSV has every figure).", table.docs.len()) }</p>
                }
            }
            { for detail.map(|r| mentions_list(table, r, &p.on_jump)) }
        </div>
    }
}
