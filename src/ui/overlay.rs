//! The one overlay (dialog, panel or corpus view) open over the page, if any.
//!
//! Owns: the list of overlays the page can show, one at a time, and which of them Esc closes.
//! It must not: render them (the app root has one match arm per variant) or hold their data.

/// An overlay over the text and the panel. The page keeps one `Option<Overlay>`: opening one
/// closes the one before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keyboard shortcuts (`?`).
    Help,
    /// The export dialog (`E`).
    Export,
    /// The statistics table (`%`).
    Stats,
    /// The agreement panel (`I`).
    Agreement,
    /// The paste dialog (the Paste button).
    Paste,
    /// Search across the corpus (`/`).
    Search,
    /// Actors across the corpus (`P`).
    Actors,
    /// Claims across outlets (`C`).
    Claims,
    /// Every date of the corpus on one axis (`L`).
    Timeline,
    /// The project lexicon learned from the annotator's decisions (`W`).
    Lexicon,
}

impl Overlay {
    /// True when Esc (outside a field) closes it in the page's key handler. The export and
    /// paste dialogs close on their own Esc; the statistics table on `%` or Esc; the agreement
    /// panel on its Close button.
    pub fn closes_on_escape(self) -> bool {
        matches!(
            self,
            Overlay::Help | Overlay::Search | Overlay::Actors | Overlay::Claims | Overlay::Timeline | Overlay::Lexicon
        )
    }

    /// True for the corpus views, which cover the text: while one is open, the text's keys
    /// (j/k, a/r, Del...) do nothing, so that nothing changes out of sight.
    pub fn covers_text(self) -> bool {
        matches!(self, Overlay::Actors | Overlay::Claims | Overlay::Timeline | Overlay::Lexicon)
    }

    /// The overlay `key` toggles (outside text fields), if any. A new view adds its line here
    /// when its arm in the app root renders it (the keys are fixed: `/` Search, `P` Actors,
    /// `C` Claims, `L` Timeline, `W` Lexicon), and a row for it in `keys.rs`'s SHORTCUTS.
    pub fn of_key(key: &str) -> Option<Overlay> {
        Some(match key {
            "?" => Overlay::Help,
            "I" => Overlay::Agreement,
            "%" => Overlay::Stats,
            "/" => Overlay::Search,
            "P" => Overlay::Actors,
            "C" => Overlay::Claims,
            "L" => Overlay::Timeline,
            "W" => Overlay::Lexicon,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Overlay;

    #[test]
    fn keys_toggle_their_overlay_and_esc_closes_the_views() {
        assert_eq!(Overlay::of_key("?"), Some(Overlay::Help));
        assert_eq!(Overlay::of_key("I"), Some(Overlay::Agreement));
        assert_eq!(Overlay::of_key("%"), Some(Overlay::Stats));
        assert_eq!(Overlay::of_key("/"), Some(Overlay::Search));
        assert_eq!(Overlay::of_key("L"), Some(Overlay::Timeline));
        assert_eq!(Overlay::of_key("W"), Some(Overlay::Lexicon));
        assert!(Overlay::Lexicon.closes_on_escape() && Overlay::Lexicon.covers_text());
        assert_eq!(Overlay::of_key("i"), None, "lower-case i is no overlay");
        assert!(Overlay::Timeline.closes_on_escape() && Overlay::Help.closes_on_escape());
        assert!(Overlay::Actors.covers_text() && Overlay::Claims.covers_text() && Overlay::Timeline.covers_text());
        assert!(!Overlay::Search.covers_text(), "search sits beside the text, which stays in view");
        assert!(!Overlay::Export.closes_on_escape() && !Overlay::Agreement.closes_on_escape());
    }
}
