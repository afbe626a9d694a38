//! The annotation guidelines (docs/GUIDELINES.md, compiled in), readable in the side panel.
//!
//! Owns: turning the guidelines' few Markdown forms (headings, bullets, paragraphs, `code`)
//! into HTML elements. It must not: interpret anything else; text goes in as text, never HTML.

use yew::prelude::*;

/// The guidelines the extractor and the gold files follow.
pub const GUIDELINES: &str = include_str!("../../../docs/GUIDELINES.md");

/// A line's inline `code` spans as <code> elements, the rest as text.
fn inline(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

/// The guidelines as HTML: `#`/`##` headings, `- ` bullets (with indented continuation
/// lines), and paragraphs.
pub fn render(markdown: &str) -> Html {
    let mut blocks: Vec<Html> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Html>| {
        if !para.is_empty() {
            blocks.push(html! { <p>{ inline(&para.join(" ")) }</p> });
            para.clear();
        }
    };
    let flush_items = |items: &mut Vec<String>, blocks: &mut Vec<Html>| {
        if !items.is_empty() {
            blocks.push(html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> });
            items.clear();
        }
    };
    for line in markdown.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("## ") {
            flush_para(&mut para, &mut blocks);
            flush_items(&mut items, &mut blocks);
            blocks.push(html! { <h4>{ h }</h4> });
        } else if let Some(h) = t.strip_prefix("# ") {
            flush_para(&mut para, &mut blocks);
            flush_items(&mut items, &mut blocks);
            blocks.push(html! { <h3>{ h }</h3> });
        } else if let Some(item) = t.strip_prefix("- ") {
            flush_para(&mut para, &mut blocks);
            items.push(item.to_string());
        } else if t.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_items(&mut items, &mut blocks);
        } else if line.starts_with(' ') && !items.is_empty() {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        } else {
            flush_items(&mut items, &mut blocks);
            para.push(t);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_items(&mut items, &mut blocks);
    blocks.into_iter().collect()
}

/// A disclosure in the side panel with the guidelines.
#[component]
pub fn Guidelines() -> Html {
    html! {
        <details class="guidelines small" id="guidelines">
            <summary>{ "Annotation guidelines" }</summary>
            <div class="guidelines-text">{ render(GUIDELINES) }</div>
        </details>
    }
}
