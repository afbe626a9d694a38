//! A key press as the page's key handler needs it, read from the browser's event.
//!
//! Owns: decoding a `KeyboardEvent` (the key, its modifiers, whether it was typed in a text
//! field). It must not: decide what a key means (that is `ui/keymap.rs`).

use wasm_bindgen::JsCast;

/// One key press, with Shift already in `key`'s case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPress {
    pub key: String,
    /// Ctrl, or Cmd on a Mac.
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// Typed in a text field (whichever element has the focus by now): the field's key.
    pub in_field: bool,
}

impl KeyPress {
    /// The press `e` describes.
    pub fn of(e: &web_sys::KeyboardEvent) -> KeyPress {
        let in_field = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| {
            matches!(t.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
                && t.get_attribute("type").is_none_or(|ty| !matches!(ty.as_str(), "checkbox" | "radio" | "button"))
        }) || super::typing_in_field();
        KeyPress { key: e.key(), ctrl: e.ctrl_key() || e.meta_key(), shift: e.shift_key(), alt: e.alt_key(), in_field }
    }
}
