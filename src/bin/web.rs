//! The web app's entry point: mounts [`gloss::ui::app::App`] on a page whose `<body>` has
//! `data-gloss-app` (www/index.html). A page without it can load the same module just to call
//! the extractor from JavaScript (`extract(text, dct)`, see www/extract.html).
//!
//! Owns: nothing but mounting. It must not: hold any logic (the app lives in `gloss::ui`).

/// The JS export for other pages, re-exported so the app's bundle carries it.
pub use gloss::wasm_api::extract;

fn main() {
    if let Some(root) = gloss::ui::browser::app_root() {
        yew::Renderer::<gloss::ui::app::App>::with_root(root).render();
    }
}
