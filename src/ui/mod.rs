//! The annotation editor.
//!
//! Owns: the editor's state and its pure reducer ([`state`]), undo/redo ([`history`]), files
//! of documents already in the corpus ([`versions`]), restoring saved work ([`restore`]) and
//! the seed articles the page ships ([`seeds`]); these compile and are tested natively. With
//! the `web` feature it also owns the Yew page ([`app`], [`components`]) and the browser
//! boundary ([`browser`]: DOM selections, storage, files, downloads). It must not: extract
//! or read files itself (it calls `extract` and `formats`), and only `browser` may touch
//! web-sys, gloo or JS or see UTF-16 offsets.

pub mod adjudicate;
pub mod corpus;
pub mod curation;
pub mod history;
pub mod identities;
pub mod keys;
pub mod layout;
pub mod lexicon;
pub mod loading;
pub mod notes;
pub mod origin;
pub mod overlay;
pub mod predictions;
pub mod readonly;
pub mod registry;
pub mod restore;
pub mod review;
pub mod search;
pub mod seeds;
pub mod state;
pub mod stats;
pub mod versions;
pub mod views;

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod browser;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod keymap;
#[cfg(feature = "web")]
pub mod session;
