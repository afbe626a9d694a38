//! The browser boundary: DOM selections, local storage, files, downloads, keys, and the
//! effects that open, load and download documents ([`open`], [`documents`]).
//!
//! Owns: every call into web-sys, gloo and JS that the editor needs, and the only place
//! where UTF-16 offsets exist (converted at once with [`crate::model::TextIndex`]). It must
//! not: hold editor state or decide what a gesture means (that is `state.rs`).

pub mod clipboard;
pub mod documents;
pub mod extractor;
pub mod files;
pub mod keys;
pub mod open;
pub mod selection;
pub mod storage;
pub mod tabs;

/// Gives the browser a turn (a task of its own, after a zero timeout): it paints and handles
/// the events waiting (keys, clicks) before the caller goes on.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = window().and_then(|w| w.set_timeout_with_callback(&resolve).ok());
        if queued.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The page's `window`, when there is one.
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The element the app mounts on: the `<body>` of a page that asks for the app with a
/// `data-gloss-app` attribute. Other pages may load the same module only to call `extract`.
pub fn app_root() -> Option<web_sys::Element> {
    let body = window()?.document()?.body()?;
    body.has_attribute("data-gloss-app").then(|| body.into())
}

/// Milliseconds since the page started loading (for timings shown in the page).
pub fn now_ms() -> f64 {
    window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// True when keyboard focus is in a text field, where shortcuts must not fire.
pub fn typing_in_field() -> bool {
    let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.active_element()) else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        // Tick boxes and buttons take no text: the keys stay shortcuts there.
        "input" => !matches!(
            el.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file"
        ),
        "textarea" | "select" => true,
        _ => el.get_attribute("contenteditable").is_some_and(|v| v != "false"),
    }
}

/// The current time as RFC 3339 in UTC (`2026-11-23T14:05:09.123Z`), from the browser's clock.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Moves keyboard focus to the element with id `id` (selecting a text field's contents).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Takes keyboard focus out of the focused field.
pub fn blur_active() {
    use wasm_bindgen::JsCast;
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.active_element()) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.blur();
        }
    }
}

/// Scrolls the first element matching `selector` into view if it is off screen.
pub fn reveal_selector(selector: &str) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}
