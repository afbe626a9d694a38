//! The web app's entry point: mounts [`gloss::ui::app::App`] on the page's body.
//!
//! Owns: nothing but mounting. It must not: hold any logic (the app lives in `gloss::ui`).

/// The JS export for other pages, re-exported so the app's bundle carries it.
pub use gloss::wasm_api::extract;

fn main() {
    yew::Renderer::<gloss::ui::app::App>::new().render();
}
