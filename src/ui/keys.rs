//! The page's keyboard shortcuts, as one table: the help overlay (`?`) shows it and the key
//! handler in `app.rs` follows it.
//!
//! Owns: which key does what, in words, grouped for the overlay. It must not: handle events
//! (that is `app.rs`) or decide what a gesture does to the annotations (that is `state.rs`).

/// One shortcut: the keys as shown, and what they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub keys: &'static [&'static str],
    pub does: &'static str,
}

/// The shortcut table by group, in the order the overlay shows it.
pub const SHORTCUTS: &[(&str, &[Shortcut])] = &[
    (
        "Move",
        &[
            Shortcut { keys: &["j", "k"], does: "next / previous annotation" },
            Shortcut { keys: &["n", "N"], does: "next / previous unreviewed prediction" },
            Shortcut { keys: &["J", "K"], does: "next / previous document of the corpus" },
            Shortcut { keys: &["/"], does: "search the corpus (words, a phrase, a pattern; filters); Enter opens a result" },
            Shortcut { keys: &["Esc"], does: "cancel: close this help, leave link mode, clear the selection" },
        ],
    ),
    (
        "Review",
        &[
            Shortcut { keys: &["a", "r"], does: "accept / reject the prediction" },
            Shortcut { keys: &["A", "R"], does: "accept / reject, then go to the next unreviewed" },
            Shortcut { keys: &["Del"], does: "delete the annotation" },
            Shortcut { keys: &["1", "2", "3"], does: "label the selected words (or relabel) as Actor, Date, Claim" },
            Shortcut { keys: &["g"], does: "mark the document as gold (when nothing is left to review)" },
        ],
    ),
    (
        "Edit",
        &[
            Shortcut {
                keys: &["v", "V"],
                does: "select the next / previous word, without the mouse (then 1 2 3 to label it)",
            },
            Shortcut { keys: &["[", "]"], does: "grow the span (or the selected words) by a word at the start / end" },
            Shortcut {
                keys: &["{", "}"],
                does: "shrink the span (or the selected words) by a word at the start / end",
            },
            Shortcut {
                keys: &["e"],
                does: "edit the attributes: the first field (date value, canonical name, claim source); Tab to the next, Enter applies",
            },
            Shortcut { keys: &["t", "T"], does: "next / previous kind (actor), TIMEX3 type (date) or stance (claim)" },
            Shortcut { keys: &["c"], does: "the selected words become the cue of the claim selected before them" },
            Shortcut { keys: &["w"], does: "the selected words become the source words of that claim (a pronoun...)" },
            Shortcut { keys: &["m"], does: "merge this actor's identity into another (choose, then Enter)" },
            Shortcut { keys: &["x"], does: "split this actor mention off as a new identity" },
            Shortcut { keys: &["l"], does: "link the claim to its source: then click an actor or press its number" },
            Shortcut { keys: &["s", "S"], does: "claim source: next / previous actor of the sentence and before" },
            Shortcut {
                keys: &["f"],
                does: "fix everywhere: apply this annotation's correction to every identical mention",
            },
        ],
    ),
    (
        "Doubts and versions",
        &[
            Shortcut { keys: &["u"], does: "flag the annotation unsure, or clear the flag" },
            Shortcut { keys: &["#"], does: "write a note on the annotation: Enter applies, Esc cancels" },
            Shortcut { keys: &["U"], does: "next flagged annotation (unsure, or with a note)" },
            Shortcut { keys: &["%"], does: "statistics per annotator: documents, labels, review states, flags, time" },
        ],
    ),
    (
        "Adjudicate",
        &[
            Shortcut {
                keys: &["D"],
                does: "adjudicate the annotators' versions: start (what all agree on becomes the work), or show / hide the view",
            },
            Shortcut {
                keys: &["0"],
                does: "in the adjudication view: reject all; there n / N go to the next / previous disagreement and 1-9 take that version",
            },
        ],
    ),
    (
        "File",
        &[
            Shortcut { keys: &["Ctrl+Z"], does: "undo" },
            Shortcut { keys: &["Ctrl+Shift+Z", "Ctrl+Y"], does: "redo" },
            Shortcut { keys: &["Ctrl+S"], does: "download this document's gold JSON" },
            Shortcut {
                keys: &["E"],
                does: "export: this document or the corpus, in any format (shows what it cannot hold)",
            },
            Shortcut { keys: &["?"], does: "show or hide this help" },
            Shortcut {
                keys: &["I"],
                does: "agreement: how far the versions of this document and of the corpus agree (I again closes it)",
            },
            Shortcut { keys: &["P"], does: "actors across the corpus: mentions, claims made and about, per document" },
            Shortcut { keys: &["C"], does: "claims across outlets: who claims what, in which document" },
            Shortcut {
                keys: &["L"],
                does: "timeline: every date of the corpus on one axis, one row per document (L or Esc closes it)",
            },
            Shortcut {
                keys: &["W"],
                does: "project lexicon: what your decisions taught the pre-annotation; forget entries, export, import",
            },
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_does_two_things() {
        let mut seen = std::collections::BTreeSet::new();
        for (_, group) in SHORTCUTS {
            for s in *group {
                for k in s.keys {
                    assert!(seen.insert(*k), "{k} is listed twice");
                }
            }
        }
        assert!(seen.len() > 20);
    }
}
