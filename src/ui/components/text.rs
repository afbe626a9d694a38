//! The article with its annotations drawn inline, fast on long documents.
//!
//! Owns: rendering paragraphs and runs (each run a `<span data-s="<first code point>">` with
//! its text as a text node and classes for the labels covering it: actor = background,
//! date = box, claim = underline band, nested claims a second band; highlighted runs carry
//! `role="mark"` and an `aria-description` naming their labels, and for actors the canonical
//! name), keeping the selected annotation in view, and turning mouse gestures on it into
//! callbacks. It must not: compute offsets from the DOM itself (that is
//! `browser::selection`) or insert the article as HTML.
//!
//! How it stays fast: paragraphs are grouped in chunks of [`CHUNK`]. A chunk is drawn once
//! it comes near the viewport (or holds the selection, the pending words or the selected
//! claim's cue) and stays drawn while it is within [`KEEP_CHUNKS`] chunks of one drawn for
//! those reasons, so a scroll back or a drag never loses its nodes; further away it is an
//! empty placeholder of estimated height again, so the DOM stays the size of a few screens. A [`Cache`] keeps every paragraph's
//! view between renders and rebuilds only the paragraphs whose annotations, decoration
//! (selection, related, pending, cue) or chunk state changed; unchanged chunks keep the same
//! `Rc`, so Yew skips them without looking inside. Only the chunks near the viewport and
//! those under the selection, pending words or cue (old and new) are brought up to date at
//! once with a new decoration: a paragraph of a drawn chunk elsewhere whose decoration alone
//! changed is marked stale and rebuilt when its chunk comes near the viewport again (an
//! annotation's change is drawn at once wherever it is), and a related mention never draws a
//! placeholder chunk (it takes the decoration when it is first drawn). So selecting an actor with
//! thousands of mentions redraws the screen, not the article. Opening a 1 MB article draws
//! two chunks; an edit redraws the paragraphs it touches near the viewport.

use super::label_class;
use crate::model::{Annotation, Attrs, Document, Label, Span, Status};
use crate::ui::browser::selection;
use crate::ui::layout::{paragraph_bounds, paragraphs_over, runs, Bounds, Coverage, Run};
use rustc_hash::FxHashSet as HashSet;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// Paragraphs per chunk: the unit of drawing with or without highlights.
pub const CHUNK: usize = 32;
/// Chunks drawn with highlights before the first measure of the viewport.
const FIRST_CHUNKS: usize = 2;
/// A drawn chunk further than this many chunks from every chunk drawn now (near the
/// viewport or under the focus) goes back to a placeholder: the DOM of a long article stays
/// the size of a few screens wherever the reader has been (a selection or an edit in a DOM
/// of every paragraph cost style, layout and pre-paint over all of them).
const KEEP_CHUNKS: usize = 4;

#[derive(Properties)]
pub struct TextViewProps {
    pub doc: Rc<Document>,
    pub anns: Rc<Vec<Annotation>>,
    pub selected: Option<String>,
    pub pending: Option<Span>,
    /// Annotations related to the selected one (a claim's source), outlined dashed.
    #[prop_or_default]
    pub related: Vec<String>,
    /// The selected claim's cue, marked `cue`.
    #[prop_or_default]
    pub cue: Option<Span>,
    /// While the document is adjudicated: how many versions it settles; an annotation whose
    /// provenance says that many agreed on it is marked `agreed` (0: nothing is).
    #[prop_or_default]
    pub agreed_by: usize,
    /// A text selection (code points, not yet snapped).
    pub on_select_text: Callback<Option<Span>>,
    /// A click without a selection, at a run's first code point (`None`: off the text).
    pub on_click: Callback<Option<usize>>,
    /// The pointer entered a run (its first code point) or left the text.
    pub on_hover: Callback<Option<usize>>,
}

/// Same as comparing every field, but the text and the annotations are first compared by
/// pointer (`Rc`'s own `==` compares a 1 MB document's contents at every render of the app).
impl PartialEq for TextViewProps {
    fn eq(&self, o: &Self) -> bool {
        (Rc::ptr_eq(&self.doc, &o.doc) || self.doc == o.doc)
            && (Rc::ptr_eq(&self.anns, &o.anns) || self.anns == o.anns)
            && self.selected == o.selected
            && self.pending == o.pending
            && self.related == o.related
            && self.cue == o.cue
            && self.agreed_by == o.agreed_by
            && self.on_select_text == o.on_select_text
            && self.on_click == o.on_click
            && self.on_hover == o.on_hover
    }
}

/// What decorates the text beyond the annotations themselves, resolved to spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Deco {
    selected: Option<(String, Span)>,
    /// The related annotations by id (a selected actor's other mentions can be thousands).
    related: BTreeMap<String, Span>,
    pending: Option<Span>,
    cue: Option<Span>,
    agreed: usize,
}

impl Deco {
    /// Resolves the ids in one pass over `anns` (the first annotation of an id wins).
    fn new(
        anns: &[Annotation],
        selected: Option<&str>,
        related: &[String],
        pending: Option<Span>,
        cue: Option<Span>,
    ) -> Deco {
        let want: HashSet<&str> = related.iter().map(String::as_str).collect();
        let mut deco = Deco { pending, cue, ..Deco::default() };
        for a in anns {
            if deco.selected.is_none() && selected == Some(a.id.as_str()) {
                deco.selected = Some((a.id.clone(), a.span));
            }
            if want.contains(a.id.as_str()) {
                deco.related.entry(a.id.clone()).or_insert(a.span);
            }
        }
        deco
    }

    /// The spans whose chunks are drawn and kept up to date wherever they are: the
    /// selection, the pending words and the cue (not the related mentions: those are
    /// drawn as their chunks come near the viewport).
    fn focus(&self) -> impl Iterator<Item = Span> + '_ {
        self.selected.iter().map(|(_, s)| *s).chain(self.pending).chain(self.cue)
    }

    /// Every span this decoration touches.
    fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.focus().chain(self.related.values().copied())
    }

    /// Where runs must be cut besides annotation boundaries.
    fn cuts(&self) -> Vec<usize> {
        self.pending.iter().chain(self.cue.iter()).flat_map(|s| [s.start(), s.end()]).collect()
    }

    fn is_selected(&self, id: &str) -> bool {
        self.selected.as_ref().is_some_and(|(s, _)| s == id)
    }

    fn is_related(&self, id: &str) -> bool {
        self.related.contains_key(id)
    }
}

fn overlaps(s: Option<Span>, run: &Run) -> bool {
    s.is_some_and(|p| p.start() < run.end && run.start < p.end())
}

fn run_classes(anns: &[Annotation], run: &Run, deco: &Deco) -> String {
    let mut c = String::from("r");
    let mut push = |s: &str| {
        c.push(' ');
        c.push_str(s);
    };
    let mut live_claims = 0;
    let mut any_live = false;
    let mut any_rejected = false;
    for &i in &run.covering {
        let Some(a) = anns.get(i) else { continue };
        if !a.status.is_live() {
            any_rejected = true;
            if deco.is_selected(&a.id) {
                push("sel");
            }
            continue;
        }
        any_live = true;
        if deco.agreed > 0 && a.provenance.agreed_by.len() >= deco.agreed {
            push("agreed");
        }
        if deco.is_related(&a.id) {
            push("related");
        }
        match a.label() {
            Label::Claim => live_claims += 1,
            l => {
                push(label_class(l));
                if a.span.start() == run.start {
                    push(match l {
                        Label::Actor => "actor-s",
                        _ => "date-s",
                    });
                }
                if a.span.end() == run.end {
                    push(match l {
                        Label::Actor => "actor-e",
                        _ => "date-e",
                    });
                }
            }
        }
        if deco.is_selected(&a.id) {
            push("sel");
        }
    }
    if live_claims > 0 {
        push("claim");
    }
    if live_claims > 1 {
        push("claim2");
    }
    if any_rejected && !any_live {
        push("rejected");
    }
    // Predictions still waiting for review look unfinished: a dashed line over the words.
    if run.covering.iter().filter_map(|&i| anns.get(i)).any(|a| a.status == Status::Predicted) {
        push("pred");
    }
    // A flagged annotation (unsure, or with a note) ends with a small marker (style.css).
    if run
        .covering
        .iter()
        .filter_map(|&i| anns.get(i))
        .any(|a| a.span.end() == run.end && crate::ui::review::is_flagged(a))
    {
        push("flag-e");
    }
    if overlaps(deco.pending, run) {
        push("pending");
    }
    if overlaps(deco.cue, run) {
        push("cue");
    }
    c
}

/// What a screen reader says after the run's text: each covering annotation's label, an
/// actor's canonical name, a date's value, a claim's source and cue, and each one's review
/// status ("actor France, accepted; claim, source Mali, cue \u{201c}said\u{201d}, unreviewed").
fn run_description(anns: &[Annotation], run: &Run) -> Option<String> {
    let parts: Vec<String> = run.covering.iter().filter_map(|&i| anns.get(i).map(|a| describe(anns, i, a))).collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The review status in words.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::Predicted => "unreviewed",
        other => other.as_str(),
    }
}

/// Annotation `a` (at index `i` of `anns`) in words, for screen readers.
pub fn describe(anns: &[Annotation], i: usize, a: &Annotation) -> String {
    let what = match &a.attrs {
        Attrs::Actor(x) => format!("actor {}", x.canonical),
        Attrs::Date(d) => format!("date {}", d.value),
        Attrs::Claim(c) => {
            let source = match c.source.as_deref() {
                Some(src) => find_near(anns, i, src)
                    .and_then(|b| b.actor().map(|x| x.canonical.clone()))
                    .unwrap_or_else(|| src.to_string()),
                None => "none named".to_string(),
            };
            let cue =
                c.cue.as_ref().map_or_else(|| "no cue".to_string(), |c| format!("cue \u{201c}{}\u{201d}", c.text));
            format!("claim, source {source}, {cue}")
        }
    };
    let mut out = format!("{what}, {}", status_words(a.status));
    if a.unsure {
        out.push_str(", flagged unsure");
    }
    if let Some(n) = &a.note {
        out.push_str(&format!(", note: {n}"));
    }
    out
}

/// The annotation `id`, looked for outward from index `i` (a claim's source is near it).
fn find_near<'a>(anns: &'a [Annotation], i: usize, id: &str) -> Option<&'a Annotation> {
    let (before, after) = anns.split_at(i.min(anns.len()));
    let mut back = before.iter().rev();
    let mut fwd = after.iter();
    loop {
        let (b, f) = (back.next(), fwd.next());
        if b.is_none() && f.is_none() {
            return None;
        }
        if let Some(x) = b.into_iter().chain(f).find(|x| x.id == id) {
            return Some(x);
        }
    }
}

/// The DOM id of the run where annotation `id` starts (white space cannot be in an id).
pub fn run_dom_id(id: &str) -> String {
    let safe: String = id.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    format!("hl-{safe}")
}

/// `canonical (kind)` of each live actor covering the run, one a line, shown on hover.
fn identity_title(anns: &[Annotation], run: &Run) -> Option<String> {
    let names: Vec<String> = run
        .covering
        .iter()
        .filter_map(|&i| anns.get(i))
        .filter(|a| a.status.is_live())
        .filter_map(|a| a.actor().map(|x| format!("{} ({})", x.canonical, x.kind.as_str())))
        .collect();
    (!names.is_empty()).then(|| names.join("\n"))
}

/// One run as drawn: what its `<span>` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunView {
    start: usize,
    text: AttrValue,
    class: AttrValue,
    ids: Option<AttrValue>,
    desc: Option<AttrValue>,
    title: Option<AttrValue>,
    /// The selected annotation's first run: its id for `aria-activedescendant`.
    dom_id: Option<AttrValue>,
}

/// One paragraph as drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParaView {
    start: usize,
    /// A short first line: the article's headline.
    headline: bool,
    runs: Vec<RunView>,
}

/// One chunk of paragraphs as drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkView {
    /// The SHA-256 of the text it belongs to (`data-sha`: `browser::selection::after_shown`
    /// waits for every chunk to carry the new one).
    sha: AttrValue,
    /// Drawn (else an empty placeholder of `est_px`).
    full: bool,
    /// Estimated height in pixels before it is first laid out.
    est_px: u32,
    paras: Vec<Rc<ParaView>>,
}

fn build_para(text: &str, b: &Bounds, headline: bool, full: Option<(&[Annotation], &[u32], &Deco)>) -> ParaView {
    let ptext = text.get(b.byte_start..b.byte_end).unwrap_or("");
    let plain = || RunView {
        start: b.start,
        text: AttrValue::from(ptext.to_string()),
        class: AttrValue::Static("r"),
        ids: None,
        desc: None,
        title: None,
        dom_id: None,
    };
    let Some((anns, covering, deco)) = full else {
        return ParaView { start: b.start, headline, runs: vec![plain()] };
    };
    if covering.is_empty() && !deco.spans().any(|s| b.overlaps(s.start(), s.end())) {
        return ParaView { start: b.start, headline, runs: vec![plain()] };
    }
    let mut byte = 0usize;
    let views = runs(b, anns, covering, &deco.cuts())
        .iter()
        .map(|r| {
            let rest = &ptext[byte..];
            let len = rest.char_indices().nth(r.end - r.start).map_or(rest.len(), |(i, _)| i);
            let t = &rest[..len];
            byte += len;
            let ids: Vec<&str> = r.covering.iter().filter_map(|&i| anns.get(i).map(|a| a.id.as_str())).collect();
            RunView {
                start: r.start,
                text: AttrValue::from(t.to_string()),
                class: AttrValue::from(run_classes(anns, r, deco)),
                ids: (!ids.is_empty()).then(|| AttrValue::from(ids.join(" "))),
                desc: run_description(anns, r).map(AttrValue::from),
                title: identity_title(anns, r).map(AttrValue::from),
                dom_id: deco
                    .selected
                    .as_ref()
                    .filter(|(_, s)| s.start() == r.start)
                    .map(|(id, _)| AttrValue::from(run_dom_id(id))),
            }
        })
        .collect();
    ParaView { start: b.start, headline, runs: views }
}

/// Every paragraph's and chunk's view, kept between renders.
#[derive(Default)]
pub struct Cache {
    sha: String,
    bounds: Rc<Vec<Bounds>>,
    anns: Rc<Vec<Annotation>>,
    cov: Coverage,
    deco: Deco,
    full: Vec<bool>,
    /// Paragraphs of drawn chunks away from the viewport whose view is out of date: they
    /// are rebuilt when their chunk comes near it again.
    stale: Vec<bool>,
    paras: Vec<Rc<ParaView>>,
    chunks: Vec<Rc<ChunkView>>,
}

impl Cache {
    /// Brings the views up to date with the inputs, rebuilding only what changed near the
    /// viewport (`window`: the first and last chunk near it) or under the selection, pending
    /// words or cue; returns the chunks to draw and how many paragraphs were rebuilt.
    fn update(
        &mut self,
        doc: &Document,
        anns: &Rc<Vec<Annotation>>,
        deco: Deco,
        window: (usize, usize),
    ) -> (Vec<Rc<ChunkView>>, usize) {
        let text = doc.text();
        let all = self.sha != doc.sha256();
        if all {
            self.sha = doc.sha256().to_string();
            self.bounds = Rc::new(paragraph_bounds(text));
            self.cov = Coverage::new(&self.bounds, anns);
            self.anns = anns.clone();
        }
        let bounds = self.bounds.clone();
        let np = bounds.len();
        let nc = np.div_ceil(CHUNK);
        let mut dirty = vec![all; np];
        if !all && !Rc::ptr_eq(&self.anns, anns) {
            let cov = Coverage::new(&bounds, anns);
            for (p, d) in dirty.iter_mut().enumerate() {
                let (old, new) = (self.cov.of(p), cov.of(p));
                *d = old.len() != new.len()
                    || old.iter().zip(new).any(|(&i, &j)| self.anns.get(i as usize) != anns.get(j as usize));
            }
            self.cov = cov;
            self.anns = anns.clone();
        }
        // The chunks brought up to date now: near the viewport, or under the focus (the old
        // one too, so a selection's marks never linger anywhere).
        let mut now = vec![false; nc];
        for n in now.iter_mut().take(window.1.saturating_add(1)).skip(window.0) {
            *n = true;
        }
        let near = |s: Span, now: &mut [bool]| {
            for p in paragraphs_over(&bounds, s.start(), s.end()) {
                now[p / CHUNK] = true;
            }
        };
        // Paragraphs whose decoration alone changed (their text and annotations did not).
        let mut redecorate = vec![false; np];
        if all || deco != self.deco {
            for s in self.deco.spans().chain(deco.spans()) {
                for p in paragraphs_over(&bounds, s.start(), s.end()) {
                    redecorate[p] = true;
                }
            }
            self.deco.focus().for_each(|s| near(s, &mut now));
            self.deco = deco;
        }
        self.deco.focus().for_each(|s| near(s, &mut now));
        if all {
            self.full = vec![false; nc];
            self.stale = vec![false; np];
            self.paras = Vec::with_capacity(np);
            self.chunks = Vec::with_capacity(nc);
        }
        let evicted = self.settle(&mut dirty, &redecorate, &now, all);
        let rebuilt = self.rebuild_paras(text, &dirty);
        for (c, &gone) in evicted.iter().enumerate() {
            let range = c * CHUNK..((c + 1) * CHUNK).min(np);
            if !all && !gone && !dirty[range.clone()].iter().any(|d| *d) {
                continue;
            }
            let est_px = estimate_px(&bounds[range.clone()]);
            let paras = if self.full[c] { self.paras[range].to_vec() } else { Vec::new() };
            let view = Rc::new(ChunkView { sha: AttrValue::from(self.sha.clone()), full: self.full[c], est_px, paras });
            match self.chunks.get_mut(c) {
                Some(slot) => *slot = view,
                None => self.chunks.push(view),
            }
        }
        (self.chunks.clone(), rebuilt)
    }

    /// Decides what is rebuilt now (`dirty` on return): the chunks in `now` are drawn (and
    /// stay drawn), and a chunk drawn for the first time is built whole. A paragraph of a
    /// drawn chunk whose annotations changed (`dirty`) is rebuilt wherever it is, so labels,
    /// titles and descriptions are never out of date; one whose decoration alone changed
    /// (`redecorate`) is rebuilt if its chunk is in `now`, else marked stale and rebuilt
    /// when its chunk is in `now` again. A placeholder changes only with the text (`all`).
    fn settle(&mut self, dirty: &mut [bool], redecorate: &[bool], now: &[bool], all: bool) -> Vec<bool> {
        let mut evicted = vec![false; now.len()];
        for (c, &n) in now.iter().enumerate() {
            let was = self.full.get(c).copied().unwrap_or(false);
            if n && !was {
                for d in dirty.iter_mut().skip(c * CHUNK).take(CHUNK) {
                    *d = true;
                }
            }
            if let Some(f) = self.full.get_mut(c) {
                *f |= n;
            }
            // Far from every chunk drawn now (the viewport's and the focus's): back to a
            // placeholder, its views dropped (built whole again when it comes back).
            let near =
                now.iter().enumerate().skip(c.saturating_sub(KEEP_CHUNKS)).take(2 * KEEP_CHUNKS + 1).any(|(_, &x)| x);
            if was && !near {
                self.full[c] = false;
                evicted[c] = true;
                let range = c * CHUNK..((c + 1) * CHUNK).min(self.paras.len());
                for p in range {
                    let start = self.paras[p].start;
                    self.paras[p] = Rc::new(ParaView { start, headline: false, runs: Vec::new() });
                    self.stale[p] = false;
                }
            }
        }
        for (p, d) in dirty.iter_mut().enumerate() {
            let c = p / CHUNK;
            if !self.full[c] {
                *d &= all;
                continue;
            }
            if now[c] {
                *d |= redecorate[p] || self.stale[p];
            } else if redecorate[p] && !*d {
                self.stale[p] = true;
            }
            if *d {
                self.stale[p] = false;
            }
        }
        evicted
    }

    /// Rebuilds the dirty paragraphs (an empty view for those of a placeholder chunk);
    /// returns how many were built with their highlights.
    fn rebuild_paras(&mut self, text: &str, dirty: &[bool]) -> usize {
        let bounds = self.bounds.clone();
        let headline = |p: usize| p == 0 && bounds[0].end - bounds[0].start <= 160;
        let mut rebuilt = 0;
        for (p, b) in bounds.iter().enumerate() {
            if !dirty[p] {
                continue;
            }
            if !self.full[p / CHUNK] {
                // Not drawn: an empty view keeps the slot.
                if self.paras.len() <= p {
                    self.paras.push(Rc::new(ParaView { start: b.start, headline: false, runs: Vec::new() }));
                }
                continue;
            }
            rebuilt += 1;
            let spec = (self.anns.as_slice(), self.cov.of(p), &self.deco);
            let view = Rc::new(build_para(text, b, headline(p), Some(spec)));
            match self.paras.get_mut(p) {
                Some(slot) => *slot = view,
                None => self.paras.push(view),
            }
        }
        rebuilt
    }
}

/// A placeholder chunk's height: about 75 characters a line of 33 px, 20 px between
/// paragraphs (the text column's font and width in style.css). Only the scroll bar's guess
/// depends on it; a drawn chunk has its real height (scroll anchoring keeps the view still).
fn estimate_px(bounds: &[Bounds]) -> u32 {
    let px: usize = bounds.iter().map(|b| (b.end - b.start).div_ceil(75) * 33 + 20).sum();
    u32::try_from(px).unwrap_or(u32::MAX)
}

/// One paragraph's DOM. Drawn inside its chunk's render (not a component of its own), so a
/// chunk's paragraphs reach the DOM in the same task as the chunk.
fn para_html(view: &ParaView) -> Html {
    let runs = view.runs.iter().map(|r| {
        let role = r.ids.as_ref().map(|_| AttrValue::Static("mark"));
        html! {
            <span id={r.dom_id.clone()} class={r.class.clone()} data-s={r.start.to_string()} data-ids={r.ids.clone()} {role}
                aria-description={r.desc.clone()} title={r.title.clone()}>{ r.text.clone() }</span>
        }
    });
    let class = view.headline.then_some("headline");
    html! { <p key={view.start} class={class} data-p={view.start.to_string()}>{ for runs }</p> }
}

#[derive(Properties, PartialEq)]
struct ChunkProps {
    view: Rc<ChunkView>,
}

#[component]
fn Chunk(props: &ChunkProps) -> Html {
    let v = &props.view;
    if !v.full {
        let style = format!("height: {}px", v.est_px);
        return html! { <div class="chunk ph" style={style} data-sha={v.sha.clone()} aria-hidden="true"></div> };
    }
    html! {
        <div class="chunk" data-sha={v.sha.clone()}>
            { for v.paras.iter().map(|p| para_html(p)) }
        </div>
    }
}

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let root = use_node_ref();
    let cache = use_mut_ref(Cache::default);
    // Chunks [first, last] near the viewport, measured on scroll.
    let window: Rc<RefCell<(usize, usize)>> = use_mut_ref(|| (0, FIRST_CHUNKS - 1));
    let redraw = use_force_update();
    let sha = props.doc.sha256().to_string();

    selection::mark("gloss:text");
    let mut deco = Deco::new(&props.anns, props.selected.as_deref(), &props.related, props.pending, props.cue);
    deco.agreed = props.agreed_by;
    let win = *window.borrow();
    let (chunks, rebuilt) = cache.borrow_mut().update(&props.doc, &props.anns, deco, win);
    if rebuilt > 0 {
        selection::measure("gloss:text:views", "gloss:text");
    }

    // Selections end wherever the mouse is released; clicks land on the text.
    {
        let (root, doc, cb) = (root.clone(), props.doc.clone(), props.on_select_text.clone());
        use_effect_with((sha.clone(), cb.clone()), move |_| {
            let listener = selection::on_document_mouseup(move || {
                if let Some(el) = root.cast::<Element>() {
                    if let Some(span) = selection::selected_span(&el, doc.index()) {
                        cb.emit(Some(span));
                    }
                }
            });
            move || drop(listener)
        });
    }
    // The chunks near the viewport get their highlights: measured now and on every scroll
    // or resize of the scrolling container.
    {
        let (root, window, redraw) = (root.clone(), window.clone(), redraw.clone());
        use_effect_with(sha.clone(), move |_| {
            let node = root.clone();
            let check = Rc::new(move || {
                let Some(el) = node.cast::<Element>() else { return };
                let Some((first, last)) = selection::visible_children(&el) else { return };
                let want = (first.saturating_sub(1), last + 1);
                if *window.borrow() != want {
                    *window.borrow_mut() = want;
                    redraw.force_update();
                }
            });
            check();
            let listeners = selection::on_scroll_or_resize(root.cast::<Element>(), {
                let check = check.clone();
                move || check()
            });
            move || drop(listeners)
        });
    }
    // The selected annotation is always scrolled into view (after its chunk is drawn).
    {
        let root = root.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let (Some(root), Some(id)) = (root.cast::<Element>(), selected) {
                selection::reveal(&root, id);
            }
        });
    }
    // Time from an edit to its DOM, for the benchmark (the paint follows).
    use_effect(move || {
        if rebuilt > 0 {
            selection::measure("gloss:text:render", "gloss:text");
        }
    });

    let onmouseup = {
        let root = root.clone();
        let click_cb = props.on_click.clone();
        Callback::from(move |e: MouseEvent| {
            if selection::has_selection() {
                return;
            }
            if let Some(el) = root.cast::<Element>() {
                click_cb.emit(selection::cp_at_target(e.target(), &el));
            }
        })
    };
    let onmouseover = {
        let root = root.clone();
        let hover = props.on_hover.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(el) = root.cast::<Element>() {
                hover.emit(selection::cp_at_target(e.target(), &el));
            }
        })
    };
    let onmouseleave = props.on_hover.reform(|_: MouseEvent| None);
    let active = props.selected.as_deref().map(run_dom_id);
    let body = chunks.iter().enumerate().map(|(i, c)| html! { <Chunk key={i} view={c.clone()} /> });
    html! {
        <article class="text" id="text" ref={root} lang="en" data-sha={sha} data-chunks={chunks.len().to_string()}
            role="group" aria-label="Article text" tabindex="0" aria-activedescendant={active}
            {onmouseup} {onmouseover} {onmouseleave}>
            { for body }
        </article>
    }
}
