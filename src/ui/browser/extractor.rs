//! The page's extractor, in Web Workers: the editor's wasm does not hold the pipeline; it
//! posts jobs to `extract-worker.js` (the `extractor` wasm, src/bin/extractor.rs) and gets
//! their answers in a callback, so that nothing the user does waits on an extraction.
//!
//! Owns: the workers (one at first; a second is started when a small job, such as guessing a
//! date's value, comes while the first is busy with a long text, so that it does not wait;
//! a long text waits for the warm worker rather than start a cold one), the jobs waiting for
//! an answer, and reading the answers (JSON) back into annotations. It must not: change
//! the state (the caller's callback dispatches what it gets) or decide what a job is for.

use crate::model::{Annotation, DateAttrs, Document, Span};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// At most this many workers (the extraction of one text is not split between them).
const MAX_WORKERS: usize = 2;

/// A job on a text shorter than this may start another worker when every worker is busy.
const SMALL_JOB_BYTES: usize = 100_000;

/// The worker script when the page does not name another one (`window.glossWorker`, set by
/// the one-file page to a `blob:` URL of the worker with the wasm inside).
const WORKER_URL: &str = "./extract-worker.js";

type Done = Box<dyn FnOnce(Result<JsValue, String>)>;

struct Slot {
    worker: web_sys::Worker,
    /// Jobs posted to this worker and not answered yet.
    busy: usize,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Slot>,
    next: u32,
    /// Job id -> (worker index, what to do with the answer).
    waiting: HashMap<u32, (usize, Done)>,
    /// Why no worker could start, once one failed to.
    broken: Option<String>,
}

/// Where the project lexicon comes from when predictions are asked for: the page's root
/// sets it (see [`set_lexicon`]); it answers the lexicon's JSON, or `None` when it is empty.
type LexiconSource = Box<dyn Fn() -> Option<String>>;

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
    static LEXICON: RefCell<Option<LexiconSource>> = const { RefCell::new(None) };
}

/// Sets where every prediction job takes the project lexicon from (asked when a job is
/// posted, so that it holds every decision made until then).
pub fn set_lexicon(source: impl Fn() -> Option<String> + 'static) {
    LEXICON.with(|l| *l.borrow_mut() = Some(Box::new(source)));
}

/// The project lexicon's JSON, when there is one and it is not empty.
pub fn lexicon() -> Option<String> {
    LEXICON.with(|l| l.borrow().as_ref().and_then(|f| f()))
}

/// Starts the first worker now (it compiles its wasm while the editor starts).
pub fn warm_up() {
    POOL.with(|p| {
        let mut pool = p.borrow_mut();
        if pool.slots.is_empty() && pool.broken.is_none() {
            if let Err(e) = spawn(&mut pool) {
                pool.broken = Some(e);
            }
        }
    });
}

/// The predictions for `doc`, given to `done` (or why there are none, in words), with the
/// project lexicon applied when there is one. They come in parts, each read in a task of its
/// own, so that reading 20,000 annotations never blocks the page for long.
pub fn predict(doc: &Document, done: impl FnOnce(Result<Vec<Annotation>, String>) + 'static) {
    let job = job("predict", doc);
    set(&job, "docId", &doc.id.as_str().into());
    if let Some(json) = lexicon() {
        set(&job, "lexicon", &json.into());
    }
    post(job, doc.text().len() < SMALL_JOB_BYTES, move |answer| match answer {
        Ok(parts) => wasm_bindgen_futures::spawn_local(async move { done(read_parts(parts).await) }),
        Err(why) => done(Err(why)),
    });
}

/// The annotations of an answer's parts (an array of JSON arrays), a part per task.
async fn read_parts(parts: JsValue) -> Result<Vec<Annotation>, String> {
    let parts = js_sys::Array::from(&parts);
    let mut anns = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            super::yield_now().await;
        }
        super::selection::mark("gloss:extract:read");
        let json = part.as_string().ok_or("the extractor's answer was not text")?;
        let read: Vec<Annotation> =
            serde_json::from_str(&json).map_err(|e| format!("the extractor's answer was not understood: {e}"))?;
        super::selection::measure("gloss:extract:read", "gloss:extract:read");
        anns.extend(read);
    }
    Ok(anns)
}

/// The DATE attributes the extractor gives the words under `span` of `doc` on their own
/// (`None` when it does not read them as one date, or cannot run).
pub fn guess_date(doc: &Document, span: Span, done: impl FnOnce(Option<DateAttrs>) + 'static) {
    let job = job("guess_date", doc);
    set(&job, "start", &JsValue::from(span.start() as f64));
    set(&job, "end", &JsValue::from(span.end() as f64));
    post(job, true, move |answer| {
        done(answer.ok().and_then(|v| v.as_string()).and_then(|json| serde_json::from_str(&json).ok().flatten()))
    });
}

/// The text's dateline, when its first lines have one (see `extract::dateline`): the date
/// and its words. `None` too when the extractor cannot run (the text then opens without a DCT,
/// as before).
pub fn dateline(doc: &Document, done: impl FnOnce(Option<(jiff::civil::Date, String)>) + 'static) {
    // The first two non-empty lines are all it reads: a few KB at most are sent.
    let text = doc.text();
    let mut cut = text.len().min(4096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let job = js_sys::Object::new();
    set(&job, "kind", &"dateline".into());
    set(&job, "text", &text[..cut].into());
    set(&job, "dct", &JsValue::NULL);
    post(job, true, move |answer| {
        let found = answer.ok().and_then(|v| v.as_string()).and_then(|json| {
            let v: serde_json::Value = serde_json::from_str(&json).ok()?;
            let date = crate::model::civil::parse_date(v.get("date")?.as_str()?)?;
            Some((date, v.get("words")?.as_str()?.to_string()))
        });
        done(found)
    });
}

fn job(kind: &str, doc: &Document) -> js_sys::Object {
    let job = js_sys::Object::new();
    set(&job, "kind", &kind.into());
    set(&job, "text", &doc.text().into());
    let dct = doc.dct().map(|d| d.to_string());
    set(&job, "dct", &dct.map(JsValue::from).unwrap_or(JsValue::NULL));
    job
}

fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), value);
}

/// Posts `job` to the least busy worker (a `small` one starts another worker when every
/// worker is busy and there is room); `done` gets the answer's JSON or the reason there is none.
fn post(job: js_sys::Object, small: bool, done: impl FnOnce(Result<JsValue, String>) + 'static) {
    let mut done = Some(Box::new(done) as Done);
    let sent = POOL.with(|p| {
        let mut pool = p.borrow_mut();
        let i = pick(&mut pool, small)?;
        let id = pool.next;
        pool.next = pool.next.wrapping_add(1);
        set(&job, "id", &JsValue::from(id));
        pool.slots[i].worker.post_message(&job).map_err(|e| format!("the extractor did not take the job: {e:?}"))?;
        pool.slots[i].busy += 1;
        if let Some(d) = done.take() {
            pool.waiting.insert(id, (i, d));
        }
        Ok::<(), String>(())
    });
    if let (Err(why), Some(d)) = (sent, done) {
        d(Err(why));
    }
}

fn pick(pool: &mut Pool, small: bool) -> Result<usize, String> {
    if let Some(why) = &pool.broken {
        return Err(why.clone());
    }
    let idle = pool.slots.iter().position(|s| s.busy == 0);
    match idle {
        Some(i) => Ok(i),
        None if pool.slots.is_empty() || (small && pool.slots.len() < MAX_WORKERS) => {
            spawn(pool).inspect_err(|e| pool.broken = Some(e.clone()))
        }
        None => Ok((0..pool.slots.len()).min_by_key(|&i| pool.slots[i].busy).unwrap_or(0)),
    }
}

/// Starts one more worker; its index.
fn spawn(pool: &mut Pool) -> Result<usize, String> {
    let url = super::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"glossWorker".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| WORKER_URL.to_string());
    // The one-file page's worker is a classic script (a page opened from disk may not start
    // a module worker from a blob: URL); the served page's is a module.
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(if url.starts_with("blob:") { web_sys::WorkerType::Classic } else { web_sys::WorkerType::Module });
    let worker =
        web_sys::Worker::new_with_options(&url, &opts).map_err(|e| format!("the extractor could not start ({e:?})"))?;
    let index = pool.slots.len();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| answer(&e.data()));
    // An error in the worker's code is an ErrorEvent with a message; a script that did not
    // load is a plain Event.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let message = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
        let why = message.unwrap_or_else(|| "its script or WebAssembly did not load".into());
        fail_worker(index, &format!("the extractor stopped: {why}"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    pool.slots.push(Slot { worker, busy: 0, _on_message: on_message, _on_error: on_error });
    Ok(index)
}

/// An answer `{id, ok}` or `{id, error}` from a worker: its job's callback runs (outside the
/// pool's borrow, so that it may post another job).
fn answer(data: &JsValue) {
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).ok();
    let Some(id) = get("id").and_then(|v| v.as_f64()).map(|v| v as u32) else { return };
    let done = POOL.with(|p| {
        let mut pool = p.borrow_mut();
        let (slot, done) = pool.waiting.remove(&id)?;
        if let Some(s) = pool.slots.get_mut(slot) {
            s.busy = s.busy.saturating_sub(1);
        }
        Some(done)
    });
    let Some(done) = done else { return };
    match get("ok").filter(|v| !v.is_undefined()) {
        Some(value) => done(Ok(value)),
        None => done(Err(get("error").and_then(|v| v.as_string()).unwrap_or_else(|| "no answer".into()))),
    }
}

/// Worker `index` failed (its script or wasm did not load, or it crashed): every job it had
/// gets the reason, and no new job goes to the pool.
fn fail_worker(index: usize, why: &str) {
    let lost: Vec<Done> = POOL.with(|p| {
        let mut pool = p.borrow_mut();
        pool.broken = Some(why.to_string());
        let ids: Vec<u32> = pool.waiting.iter().filter(|(_, (s, _))| *s == index).map(|(id, _)| *id).collect();
        ids.into_iter().filter_map(|id| pool.waiting.remove(&id).map(|(_, d)| d)).collect()
    });
    for done in lost {
        done(Err(why.to_string()));
    }
}
