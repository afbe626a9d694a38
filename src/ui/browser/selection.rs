//! DOM selections and clicks to code-point offsets.
//!
//! Owns: reading `window.getSelection()` over the rendered text and turning its DOM points
//! (a node and a UTF-16 offset) into code points of the document. Each rendered run carries
//! `data-s`, its first code point; a point inside a run's text node is the run's start in
//! UTF-16 plus the offset, converted back with `TextIndex::utf16_to_cp_clamped`. Also the
//! text's geometry: which of its chunks are in the viewport, scroll and resize listeners,
//! scrolling an annotation into view, and the performance marks the benchmark reads. It
//! must not: snap to words or change state (the reducer does).

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

/// The first and last child of `root` (the text's chunks) that intersect the window's
/// viewport, found by binary search on their boxes: O(log n) layout reads.
pub fn visible_children(root: &Element) -> Option<(usize, usize)> {
    let vh = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let kids = root.children();
    let n = kids.length();
    if n == 0 {
        return None;
    }
    let rect = |i: u32| kids.item(i).map(|k| k.get_bounding_client_rect());
    // First child whose bottom is below the viewport's top.
    let (mut lo, mut hi) = (0u32, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if rect(mid).is_some_and(|r| r.bottom() <= 0.0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let first = lo.min(n - 1);
    let mut last = first;
    while last + 1 < n && rect(last + 1).is_some_and(|r| r.top() < vh) {
        last += 1;
    }
    Some((first as usize, last as usize))
}

/// Calls `f` whenever `root`'s scrolling ancestor (its parent element) or the window
/// scrolls, and when the window is resized. Dropping the listeners removes them.
pub fn on_scroll_or_resize(root: Option<Element>, f: impl Fn() + 'static) -> Vec<gloo::events::EventListener> {
    use gloo::events::{EventListener, EventListenerOptions};
    let f = std::rc::Rc::new(f);
    let mut out = Vec::new();
    let opts = EventListenerOptions::run_in_capture_phase();
    if let Some(parent) = root.and_then(|r| r.parent_element()) {
        let f = f.clone();
        out.push(EventListener::new_with_options(&parent, "scroll", opts, move |_| f()));
    }
    if let Some(w) = web_sys::window() {
        let g = f.clone();
        out.push(EventListener::new_with_options(&w, "scroll", opts, move |_| g()));
        out.push(EventListener::new(&w, "resize", move |_| f()));
    }
    out
}

/// Sets the performance mark `name` (read by scripts/bench-web.mjs).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Records the performance measure `name` from the mark `start` to now.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// A job run at most once, shared by the callbacks that may run it.
type Job = std::rc::Rc<std::cell::RefCell<Option<Box<dyn FnOnce()>>>>;

/// A job that runs once after the next frame is painted; dropping it first cancels it.
pub struct AfterPaint {
    done: std::rc::Rc<std::cell::Cell<bool>>,
}

impl AfterPaint {
    /// Lets the job run even though the handle is dropped.
    pub fn detach(self) {
        std::mem::forget(self);
    }
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        self.done.set(true);
    }
}

/// Runs `f` after the next paint, or after 1 s when no frame comes (a hidden tab),
/// whichever is first: for work that must not delay showing what was just dispatched, such
/// as extracting the rest of a long text or saving the whole document. Yew renders a
/// dispatched action in a task of its own, which may come after the next animation frame, so
/// this waits two frames (the second one shows the render) and then a task.
pub fn after_paint(f: impl FnOnce() + 'static) -> AfterPaint {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let done = Rc::new(Cell::new(false));
    let job: Job = Rc::new(RefCell::new(Some(Box::new(f))));
    let run = {
        let (done, job) = (done.clone(), job.clone());
        move || {
            if done.replace(true) {
                return;
            }
            let f = job.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    };
    let fallback = run.clone();
    gloo::timers::callback::Timeout::new(1_000, fallback).forget();
    let second = Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, run).forget());
    let first = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(second.unchecked_ref());
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(first.unchecked_ref());
    }
    AfterPaint { done }
}
