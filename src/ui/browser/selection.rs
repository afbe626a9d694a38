//! DOM selections and clicks to code-point offsets.
//!
//! Owns: reading `window.getSelection()` over the rendered text and turning its DOM points
//! (a node and a UTF-16 offset) into code points of the document. Each rendered run carries
//! `data-s`, its first code point; a point inside a run's text node is the run's start in
//! UTF-16 plus the offset, converted back with `TextIndex::utf16_to_cp_clamped`. It must
//! not: snap to words or change state (the reducer does).

use crate::model::{Span, TextIndex};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The attribute holding a run's first code point.
pub const RUN_START: &str = "data-s";

fn run_start(el: &Element) -> Option<usize> {
    el.get_attribute(RUN_START)?.parse().ok()
}

/// The run element at or above `node`, stopping at `root`.
fn enclosing_run(node: &Node, root: &Element) -> Option<Element> {
    let mut cur = Some(node.clone());
    while let Some(n) = cur {
        if let Some(el) = n.dyn_ref::<Element>() {
            if el.has_attribute(RUN_START) {
                return Some(el.clone());
            }
            if el == root {
                return None;
            }
        }
        cur = n.parent_node();
    }
    None
}

/// Code point just after the run `el` (its start plus its text's length).
fn run_end(el: &Element, index: &TextIndex) -> Option<usize> {
    let start = run_start(el)?;
    let units = el.text_content().map_or(0, |t| t.encode_utf16().count());
    Some(index.utf16_to_cp_clamped(index.cp_to_utf16(start)? + units))
}

/// The code point of the DOM point (`node`, `offset`) inside `root`, where `offset` is
/// UTF-16 units in a text node or a child index in an element (as in a DOM `Range`).
pub fn point_to_cp(node: &Node, offset: u32, root: &Element, index: &TextIndex) -> Option<usize> {
    if !root.contains(Some(node)) {
        return None;
    }
    if node.node_type() == Node::TEXT_NODE {
        let run = enclosing_run(node, root)?;
        let start = run_start(&run)?;
        // A run holds one text node; be safe if the browser split it.
        let mut before = 0usize;
        let mut sib = node.previous_sibling();
        while let Some(s) = sib {
            before += s.text_content().map_or(0, |t| t.encode_utf16().count());
            sib = s.previous_sibling();
        }
        let unit = index.cp_to_utf16(start)? + before + offset as usize;
        return Some(index.utf16_to_cp_clamped(unit));
    }
    let el = node.dyn_ref::<Element>()?;
    if let Some(run) = enclosing_run(node, root) {
        // Inside a run element: offset 0 is its start, anything else its end.
        return if offset == 0 { run_start(&run) } else { run_end(&run, index) };
    }
    let children = el.child_nodes();
    let n = children.length();
    // Before the child at `offset`: that child's first run; past the last child: the end of
    // the last run before it.
    if offset < n {
        let child = children.get(offset)?;
        if let Some(c) = child.dyn_ref::<Element>() {
            let first = if c.has_attribute(RUN_START) {
                Some(c.clone())
            } else {
                c.query_selector(&format!("[{RUN_START}]")).ok().flatten()
            };
            if let Some(first) = first {
                return run_start(&first);
            }
        }
    }
    // The last run in the children before `offset`, searched backwards.
    let mut k = offset.min(n);
    while k > 0 {
        k -= 1;
        let Some(child) = children.get(k) else {
            continue;
        };
        let Some(c) = child.dyn_ref::<Element>() else {
            continue;
        };
        if c.has_attribute(RUN_START) {
            return run_end(c, index);
        }
        let runs = c.query_selector_all(&format!("[{RUN_START}]")).ok()?;
        if runs.length() > 0 {
            let last: Element = runs.get(runs.length() - 1)?.dyn_into().ok()?;
            return run_end(&last, index);
        }
    }
    None
}

/// The current non-empty DOM selection inside `root`, in code points (not yet snapped).
pub fn selected_span(root: &Element, index: &TextIndex) -> Option<Span> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let (sn, so) = (range.start_container().ok()?, range.start_offset().ok()?);
    let (en, eo) = (range.end_container().ok()?, range.end_offset().ok()?);
    // A selection that does not touch the text at all (in the panel, the header) is not ours.
    if !root.contains(Some(&sn)) && !root.contains(Some(&en)) {
        return None;
    }
    let a = clipped_point(&sn, so, root, index)?;
    let b = clipped_point(&en, eo, root, index)?;
    Span::new(a.min(b), a.max(b)).ok().filter(|s| !s.is_empty())
}

/// True when the page has a non-empty text selection anywhere.
pub fn has_selection() -> bool {
    matches!(web_sys::window().map(|w| w.get_selection()), Some(Ok(Some(sel))) if !sel.is_collapsed())
}

/// Calls `f` on every mouse button release anywhere in the page (a drag over the text may
/// end outside it). Dropping the listener removes it.
pub fn on_document_mouseup(mut f: impl FnMut() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::document(), "mouseup", move |_| f())
}

/// A DOM point as a code point of the text, where a point before the text (in the header,
/// the margin) is its start and a point after it its end: a drag may start off the text.
fn clipped_point(node: &Node, offset: u32, root: &Element, index: &TextIndex) -> Option<usize> {
    let whole = web_sys::window()?.document()?.create_range().ok()?;
    whole.select_node_contents(root).ok()?;
    match whole.compare_point(node, offset).ok()? {
        n if n < 0 => Some(0),
        n if n > 0 => Some(index.cp_len()),
        _ => point_to_cp(node, offset, root, index),
    }
}

/// Clears the DOM selection (after it became a pending span or an annotation).
pub fn clear_selection() {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = sel.remove_all_ranges();
    }
}

/// The first code point of the run under an event target, for clicks and hovers.
pub fn cp_at_target(target: Option<web_sys::EventTarget>, root: &Element) -> Option<usize> {
    let node: Node = target?.dyn_into().ok()?;
    run_start(&enclosing_run(&node, root)?)
}

/// Selects the code points `span` of the rendered text as a DOM selection, as a user's
/// drag would (for tests and for showing an annotation's extent).
pub fn select_span(root: &Element, index: &TextIndex, span: Span) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let (sn, so) = dom_point(root, index, span.start())?;
    let (en, eo) = dom_point(root, index, span.end())?;
    let range = doc.create_range().ok()?;
    range.set_start(&sn, so).ok()?;
    range.set_end(&en, eo).ok()?;
    let sel = web_sys::window()?.get_selection().ok()??;
    sel.remove_all_ranges().ok()?;
    sel.add_range(&range).ok()
}

/// The text node and UTF-16 offset of code point `cp` in the rendered text.
pub fn dom_point(root: &Element, index: &TextIndex, cp: usize) -> Option<(Node, u32)> {
    let runs = root.query_selector_all(&format!("[{RUN_START}]")).ok()?;
    for i in 0..runs.length() {
        let el: Element = runs.get(i)?.dyn_into().ok()?;
        let start = run_start(&el)?;
        let end = run_end(&el, index)?;
        if start <= cp && cp <= end {
            let text = el.first_child()?;
            let units = index.cp_to_utf16(cp)? - index.cp_to_utf16(start)?;
            return Some((text, units as u32));
        }
    }
    None
}

/// Scrolls the first run of annotation `id` into view if it is off screen.
pub fn reveal(root: &Element, id: &str) {
    let sel = format!("[data-ids~=\"{}\"]", id.replace(['"', '\\'], ""));
    if let Ok(Some(el)) = root.query_selector(&sel) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}
