//! Other tabs on the same corpus. One tab at a time holds the corpus, through the browser's
//! Web Locks (`navigator.locks`, lock [`LOCK`]): the first tab takes it, a tab opened later
//! finds it held and stays read-only until the user takes over, which steals the lock (the
//! other tab hears of it and becomes read-only in turn) and reloads the saved work. A
//! `BroadcastChannel` where each tab says hello when it starts and answers others' hellos
//! lets every tab say that another one is open.
//!
//! Owns: the lock, the channel, the tab's random id, the two messages (`hello`, `here`) and
//! the take-over flag kept in `sessionStorage` across the reload. It must not: decide what a
//! read-only tab may do (the reducer's guard does) or save anything.

use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The channel's name: one per origin, like the storage it guards.
pub const CHANNEL: &str = "gloss-corpus";
/// The Web Lock held by the tab that may change the corpus.
pub const LOCK: &str = "gloss-corpus-writer";
/// `sessionStorage` key set by [`take_over`] for the reloaded page.
const TAKE_OVER_KEY: &str = "gloss.take-over";

thread_local! {
    static WRITER: Cell<bool> = const { Cell::new(true) };
}

/// True while this tab may write to storage (it holds the lock, or the browser has none).
pub fn is_writer() -> bool {
    WRITER.with(Cell::get)
}

/// Asks for the corpus lock: `true` when this tab holds it (or the browser has no Web
/// Locks). With `steal`, takes it from the tab holding it. `on_lost` is called when another
/// tab takes it over later.
pub async fn acquire(steal: bool, on_lost: impl Fn() + 'static) -> bool {
    let got = request(steal, on_lost).await.unwrap_or(true);
    WRITER.with(|w| w.set(got));
    got
}

async fn request(steal: bool, on_lost: impl Fn() + 'static) -> Option<bool> {
    let window = web_sys::window()?;
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok().filter(|l| l.is_object())?;
    let req = js_sys::Reflect::get(&locks, &"request".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let options = js_sys::Object::new();
    let flag = if steal { "steal" } else { "ifAvailable" };
    js_sys::Reflect::set(&options, &flag.into(), &JsValue::TRUE).ok()?;
    let granted = std::rc::Rc::new(std::cell::RefCell::new(None::<js_sys::Function>));
    let answer = js_sys::Promise::new(&mut |resolve, _| *granted.borrow_mut() = Some(resolve));
    let tell = granted.clone();
    let callback = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |lock: JsValue| {
        let held = !lock.is_null() && !lock.is_undefined();
        if let Some(resolve) = tell.borrow_mut().take() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(held));
        }
        // Held for the page's lifetime: a promise that never settles.
        if held {
            js_sys::Promise::new(&mut |_, _| {}).into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let lost = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        WRITER.with(|w| w.set(false));
        on_lost();
    });
    let pending = req.call3(&locks, &LOCK.into(), &options, callback.as_ref().unchecked_ref()).ok()?;
    let pending: js_sys::Promise = pending.dyn_into().ok()?;
    let _ = pending.catch(&lost);
    callback.forget();
    lost.forget();
    wasm_bindgen_futures::JsFuture::from(answer).await.ok().and_then(|v| v.as_bool())
}

/// Takes the corpus over from the tab holding it: reloads this page, which then steals the
/// lock and reads the saved work afresh (the other tab's last edits included).
pub fn take_over() {
    let Some(window) = web_sys::window() else { return };
    if let Ok(Some(s)) = window.session_storage() {
        let _ = s.set_item(TAKE_OVER_KEY, "1");
    }
    let _ = window.location().reload();
}

/// True (once) when this page was reloaded by [`take_over`].
pub fn wants_take_over() -> bool {
    let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else { return false };
    let asked = s.get_item(TAKE_OVER_KEY).ok().flatten().is_some();
    let _ = s.remove_item(TAKE_OVER_KEY);
    asked
}

/// Starts listening; `on_other` is called once for each other tab found. The channel lives
/// as long as the page. Does nothing where the browser has no `BroadcastChannel`.
pub fn watch(on_other: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let me = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(std::collections::BTreeSet::<String>::new()));
    let reply = channel.clone();
    let me2 = me.clone();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Some(text) = e.data().as_string() else { return };
        let Some((kind, from)) = text.split_once(':') else { return };
        if from == me2 {
            return;
        }
        if kind == "hello" {
            let _ = reply.post_message(&format!("here:{me2}").into());
        }
        if seen.borrow_mut().insert(from.to_string()) {
            on_other();
        }
    });
    channel.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = channel.post_message(&format!("hello:{me}").into());
    // Keep the channel open for the page's lifetime.
    std::mem::forget(channel);
}
