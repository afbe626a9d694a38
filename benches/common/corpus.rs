//! A corpus of `n` documents for the corpus benchmarks (registry, search, views): the five
//! seed gold files repeated under new ids, each text made distinct by a last line naming its
//! copy (the annotations keep their offsets: the line comes after them), as `State::loaded`
//! hands documents to the page's corpus code. Included by path
//! (`#[path = "common/corpus.rs"] mod corpus;`), without `common/mod.rs`'s allocator, so that
//! each benchmark keeps the allocator it chose.

use gloss::formats::gold::GoldFile;
use gloss::model::Document;
use gloss::ui::corpus::{title_of, Loaded};
use std::path::Path;
use std::rc::Rc;

/// The seed gold files, in file name order.
pub fn seed_golds() -> Vec<GoldFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| GoldFile::from_json(&std::fs::read_to_string(p).expect("read")).expect("gold")).collect()
}

/// `n` documents: copy `i` is seed `i % 5` under the id `<seed id>-<i>` (four digits at least).
pub fn seed_corpus(n: usize) -> Vec<Loaded> {
    let seeds = seed_golds();
    (0..n)
        .map(|i| {
            let s = &seeds[i % seeds.len()];
            let text = format!("{}\ncopy {i}", s.doc.text());
            let id = format!("{}-{i:04}", s.doc.id);
            let doc = Document::new(id.clone(), &text, s.doc.dct()).expect("document");
            let title = title_of(doc.text(), &id);
            (id, title, Rc::new(doc), Rc::new(s.annotations.clone()))
        })
        .collect()
}
