//! The web app's entry point: mounts [`gloss::ui::app::App`] on a page whose `<body>` has
//! `data-gloss-app` (www/index.html). The extractor is not in this module: it is the
//! `extractor` module, run in a Web Worker (src/bin/extractor.rs).
//!
//! Owns: nothing but mounting. It must not: hold any logic (the app lives in `gloss::ui`).

fn main() {
    if let Some(root) = gloss::ui::browser::app_root() {
        yew::Renderer::<gloss::ui::app::App>::with_root(root).render();
    }
}
