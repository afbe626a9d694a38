//! Views of the corpus as a whole: who is mentioned where (actors), who claims what in which
//! outlet (claims), when (timeline), and the pieces they share (documents, identities, CSV, SVG).
//!
//! Owns: the pure computations behind the corpus views, over the loaded documents
//! ([`Loaded`]); each returns plain data and is tested natively. It must not: touch yew, the
//! browser or the state, nor change an annotation (the views only read).

pub mod actors;
pub mod claims;
pub mod csv;
pub mod svg;
pub mod timeline;

use crate::model::{Annotation, Document};
use crate::ui::corpus::Loaded;
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// The name a claim without a named source is listed under.
pub const UNNAMED: &str = "(unnamed source)";

/// A document of a view: its id, title and text (to show a mention in its sentence).
#[derive(Clone, Debug)]
pub struct DocRef {
    pub id: String,
    pub title: String,
    pub doc: Rc<Document>,
}

/// The loaded documents in the order every view lists them: by id, so that the columns do
/// not move when another document comes on screen (`State::loaded` puts that one first).
/// Returns the documents and, for each, its position in `loaded`.
pub fn docs_of(loaded: &[Loaded]) -> (Vec<DocRef>, Vec<usize>) {
    let mut order: Vec<usize> = (0..loaded.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| loaded[a].0.cmp(&loaded[b].0));
    let docs = order
        .iter()
        .map(|&i| DocRef { id: loaded[i].0.clone(), title: loaded[i].1.clone(), doc: loaded[i].2.clone() })
        .collect();
    (docs, order)
}

/// The identity of a live ACTOR: its canonical name, or its quote when the canonical name is
/// empty (a mention nobody named yet still counts, under its own words). `None` for anything
/// else, rejected actors included.
pub fn identity_of(a: &Annotation) -> Option<&str> {
    let attrs = a.actor().filter(|_| a.status.is_live())?;
    let name = attrs.canonical.trim();
    Some(if name.is_empty() { a.quote.trim() } else { name })
}

/// The identity a claim's `source` names in its document (`by_id`: the document's annotations
/// by id), or [`UNNAMED`] when it has none or names no ACTOR. A rejected source actor still
/// names whom the claim attributes the words to, so it counts too.
pub fn source_of<'a>(claim: &Annotation, by_id: &HashMap<&str, &'a Annotation>) -> &'a str {
    let source = claim.claim().and_then(|c| c.source.as_deref());
    source
        .and_then(|id| by_id.get(id))
        .and_then(|a| {
            let attrs = a.actor()?;
            let name = attrs.canonical.trim();
            Some(if name.is_empty() { a.quote.trim() } else { name })
        })
        .unwrap_or(UNNAMED)
}

/// A document's annotations by id.
pub fn by_id(anns: &[Annotation]) -> HashMap<&str, &Annotation> {
    anns.iter().map(|a| (a.id.as_str(), a)).collect()
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! The five seed articles with their gold annotations, as `State::loaded` gives them.
    use crate::formats::gold::GoldFile;
    use crate::ui::corpus::{title_of, Loaded};
    use std::rc::Rc;

    pub fn seeds() -> Vec<Loaded> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        crate::sort::sort(&mut names);
        names
            .iter()
            .map(|p| {
                let f = GoldFile::from_json(&std::fs::read_to_string(p).unwrap()).unwrap();
                let title = title_of(f.doc.text(), &f.doc.id);
                (f.doc.id.clone(), title, Rc::new(f.doc), Rc::new(f.annotations))
            })
            .collect()
    }
}
