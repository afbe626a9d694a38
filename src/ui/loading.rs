//! Loading many documents in steps: a corpus of a thousand documents (its saved work, or a
//! file of many documents) joins the page a chunk at a time, so the page stays usable and
//! shows how far it got.
//!
//! Owns: the chunk size, the reducer of one chunk ([`State::load_chunk`]: each document
//! parked or imported exactly as one at a time would be) and the progress in words. It must
//! not: read storage or files, or wait for the browser (that is `browser/documents.rs`,
//! which cuts the work into chunks and yields between them).

use super::origin::Origin;
use super::state::{Action, State};
use crate::formats::gold::GoldFile;

/// Documents per chunk: small enough that a chunk takes a frame or a few, large enough that
/// a thousand documents need only forty renders.
pub const CHUNK: usize = 25;

/// How a chunk's documents join the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    /// Saved work of documents already listed, loaded behind the one on screen
    /// ([`Action::Park`]).
    Park,
    /// Documents read from a file: each joins as if opened alone ([`Action::Import`]; the
    /// last stays on screen, and a document the corpus has never loses its work).
    Import,
}

/// How far a long load got: documents read from the file (`reading`) or joined to the
/// corpus so far, of `total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Still reading and checking the file (nothing has joined the corpus yet).
    pub reading: bool,
}

impl Progress {
    /// `done` of `total` documents joined.
    pub fn loading(done: usize, total: usize) -> Progress {
        Progress { done, total, reading: false }
    }

    /// `done` of `total` lines read and checked.
    pub fn reading(done: usize, total: usize) -> Progress {
        Progress { done, total, reading: true }
    }

    /// The progress in words: `reading 340 / 1000`, `loading 340 / 1000`.
    pub fn words(&self) -> String {
        let what = if self.reading { "reading" } else { "loading" };
        format!("{what} {} / {}", self.done, self.total)
    }
}

impl State {
    /// Applies one chunk: every file joins as `join` says, then the progress becomes
    /// `progress` (`None`: the load is over). Each document goes through the read-only guard
    /// as it would alone.
    pub(super) fn load_chunk(&mut self, files: Vec<GoldFile>, origin: Origin, join: Join, progress: Option<Progress>) {
        for file in files {
            let origin = origin.clone();
            self.apply_guarded(match join {
                Join::Park => Action::Park { file, origin },
                Join::Import => Action::Import { file, origin },
            });
        }
        self.loading = progress;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::gold::GoldFile;
    use crate::model::Document;

    fn file(id: &str, text: &str) -> GoldFile {
        GoldFile::new(Document::new(id, text, None).unwrap(), Vec::new())
    }

    #[test]
    fn chunks_of_imports_list_every_document_and_keep_the_last_on_screen() {
        let mut s = State::default();
        let origin = Origin::GoldFile("corpus.jsonl".into());
        let files: Vec<GoldFile> = (0..60).map(|k| file(&format!("d{k:02}"), &format!("Text number {k}."))).collect();
        let mut rest = files.clone();
        let mut done = 0;
        while !rest.is_empty() {
            let chunk: Vec<GoldFile> = rest.drain(..CHUNK.min(rest.len())).collect();
            done += chunk.len();
            let progress = (!rest.is_empty()).then_some(Progress::loading(done, 60));
            s.apply(Action::LoadChunk { files: chunk, origin: origin.clone(), join: Join::Import, progress });
            if let Some(p) = progress {
                assert_eq!(s.loading, Some(p), "the progress after each chunk");
            }
        }
        assert_eq!(s.loading, None, "the load is over");
        assert_eq!(s.corpus.len(), 60);
        assert_eq!(s.doc.as_ref().map(|d| d.id.as_str()), Some("d59"), "the last one stays on screen");
        assert!(s.corpus.iter().all(|e| e.parked.is_some() || e.id == "d59"), "every other one is loaded");
        // The same file again changes nothing: no document is listed twice.
        s.apply(Action::LoadChunk { files: files[..CHUNK].to_vec(), origin, join: Join::Import, progress: None });
        assert_eq!(s.corpus.len(), 60);
    }

    #[test]
    fn a_parked_chunk_never_replaces_the_work_on_screen_and_a_read_only_tab_imports_nothing() {
        let mut s = State::default();
        s.apply(Action::OpenGold { file: file("a", "Alpha text."), origin: Origin::Pasted });
        let before = s.anns.clone();
        s.apply(Action::LoadChunk {
            files: vec![file("a", "Alpha text."), file("b", "Beta text.")],
            origin: Origin::Restored,
            join: Join::Park,
            progress: Some(Progress::loading(2, 4)),
        });
        assert_eq!(s.doc.as_ref().map(|d| d.id.as_str()), Some("a"), "the document on screen stays");
        assert_eq!(s.anns, before);
        assert!(s.corpus.iter().any(|e| e.id == "b" && e.parked.is_some()));
        assert_eq!(s.loading.map(|p| p.words()).as_deref(), Some("loading 2 / 4"));
        assert_eq!(Progress::reading(25, 1000).words(), "reading 25 / 1000");

        let mut r = State::default();
        r.apply(Action::ReadOnly(Some("another tab holds the corpus".into())));
        r.apply_guarded(Action::LoadChunk {
            files: vec![file("c", "Gamma text.")],
            origin: Origin::GoldFile("x.jsonl".into()),
            join: Join::Import,
            progress: None,
        });
        assert!(r.corpus.is_empty(), "a read-only tab opens no file");
    }
}
