//! The clipboard: copying text (the agreement panel's "Copy as TSV").
//!
//! Owns: the call to `navigator.clipboard.writeText`, made through `js_sys::Reflect` so that
//! no further web-sys feature is needed. It must not: build what is copied.

use wasm_bindgen::JsCast;

/// Puts `text` on the clipboard; false when the browser offers no clipboard here (the
/// promise's refusal, e.g. without permission, is ignored: the caller says what was copied).
pub fn copy(text: &str) -> bool {
    let Some(window) = super::window() else { return false };
    let Ok(nav) = js_sys::Reflect::get(&window, &"navigator".into()) else { return false };
    let Ok(clip) = js_sys::Reflect::get(&nav, &"clipboard".into()) else { return false };
    if clip.is_undefined() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clip, &"writeText".into()) else { return false };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else { return false };
    write.call1(&clip, &text.into()).is_ok()
}
