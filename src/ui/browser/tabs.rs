//! Other tabs on the same corpus: a `BroadcastChannel` where each tab says hello when it
//! starts and answers others' hellos, so that two tabs editing the same browser storage find
//! each other and can warn before one overwrites the other's autosave.
//!
//! Owns: the channel, the tab's random id and the two messages (`hello`, `here`). It must
//! not: decide what to do about another tab (the app shows the warning).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The channel's name: one per origin, like the storage it guards.
pub const CHANNEL: &str = "gloss-corpus";

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
