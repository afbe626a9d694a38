//! The claims-across-outlets view (`C`): who claims what, in which outlet. Claims grouped by
//! source identity, then stance, with each document's claims side by side; and the matrix of
//! which documents (outlets) quote which sources.
//!
//! Owns: building those groups and the matrix from the loaded documents, their CSV files and
//! the matrix's SVG. It must not: touch yew or the browser, or change an annotation.
//!
//! Only live claims count. A claim's source is the identity of its `source` actor; a claim
//! without one (or whose source names no ACTOR) is listed under [`UNNAMED`], last.

use super::{by_id, docs_of, source_of, DocRef, UNNAMED};
use crate::model::{Span, Stance};
use crate::ui::corpus::Loaded;
use rustc_hash::FxHashMap as HashMap;

/// One claim, as the view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimItem {
    /// Index into the view's `docs`.
    pub doc: usize,
    pub span: Span,
    /// What is claimed (the claim's quote).
    pub quote: String,
    pub cue: Option<String>,
    pub target: Option<String>,
}

/// A source's claims of one stance (`None`: no stance recorded), by document.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceRow {
    pub stance: Option<Stance>,
    /// Its claims in document then text order.
    pub claims: Vec<ClaimItem>,
}

impl StanceRow {
    /// Its claims in document `doc`.
    pub fn in_doc(&self, doc: usize) -> impl Iterator<Item = &ClaimItem> {
        self.claims.iter().filter(move |c| c.doc == doc)
    }
}

/// Everything one source identity claims across the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceGroup {
    pub source: String,
    /// By stance, in the stances' order (assert, accuse, deny, warn, announce, demand), then
    /// claims without a stance.
    pub stances: Vec<StanceRow>,
    /// (document, number of its claims there), by document.
    pub per_doc: Vec<(usize, usize)>,
    pub total: usize,
}

impl SourceGroup {
    /// How many of its claims document `doc` reports.
    pub fn count_in(&self, doc: usize) -> usize {
        self.per_doc.binary_search_by_key(&doc, |p| p.0).map_or(0, |i| self.per_doc[i].1)
    }
    /// Its claims of `stance`, when it has some.
    pub fn stance(&self, stance: Option<Stance>) -> Option<&StanceRow> {
        self.stances.iter().find(|r| r.stance == stance)
    }
}

/// The view: the documents and every source's group, most claims first, unnamed last.
#[derive(Clone, Debug)]
pub struct ClaimsView {
    pub docs: Vec<DocRef>,
    pub sources: Vec<SourceGroup>,
}

fn stance_rank(s: Option<Stance>) -> usize {
    s.and_then(|s| Stance::ALL.iter().position(|x| *x == s)).unwrap_or(Stance::ALL.len())
}

/// Builds the view of the loaded documents.
pub fn build(loaded: &[Loaded]) -> ClaimsView {
    let (docs, order) = docs_of(loaded);
    let mut groups: HashMap<String, HashMap<Option<Stance>, Vec<ClaimItem>>> = HashMap::default();
    for (d, &li) in order.iter().enumerate() {
        let anns = &loaded[li].3;
        let ids = by_id(anns);
        for c in anns.iter().filter(|a| a.status.is_live()) {
            let Some(attrs) = c.claim() else { continue };
            let item = ClaimItem {
                doc: d,
                span: c.span,
                quote: c.quote.clone(),
                cue: attrs.cue.as_ref().map(|q| q.text.clone()),
                target: attrs.target.clone(),
            };
            groups.entry(source_of(c, &ids).to_string()).or_default().entry(attrs.stance).or_default().push(item);
        }
    }
    let mut sources: Vec<SourceGroup> = groups
        .into_iter()
        .map(|(source, by_stance)| {
            let mut stances: Vec<StanceRow> = by_stance
                .into_iter()
                .map(|(stance, mut claims)| {
                    crate::sort::sort_by_key(&mut claims, |c| (c.doc, c.span));
                    StanceRow { stance, claims }
                })
                .collect();
            crate::sort::sort_by_key(&mut stances, |r| stance_rank(r.stance));
            let mut counts: HashMap<usize, usize> = HashMap::default();
            stances.iter().flat_map(|r| &r.claims).for_each(|c| *counts.entry(c.doc).or_default() += 1);
            let mut per_doc: Vec<(usize, usize)> = counts.into_iter().collect();
            crate::sort::sort(&mut per_doc);
            let total = per_doc.iter().map(|p| p.1).sum();
            SourceGroup { source, stances, per_doc, total }
        })
        .collect();
    crate::sort::sort_by(&mut sources, |a, b| {
        (a.source == UNNAMED)
            .cmp(&(b.source == UNNAMED))
            .then(b.total.cmp(&a.total))
            .then_with(|| a.source.cmp(&b.source))
    });
    ClaimsView { docs, sources }
}

/// Every claim as CSV: source, stance, document, title, offsets, claim, cue, target.
pub fn claims_csv(view: &ClaimsView) -> String {
    let mut out = String::new();
    let head = ["source", "stance", "document", "title", "start", "end", "claim", "cue", "target"];
    super::csv::push_row(&mut out, &head);
    for g in &view.sources {
        for r in &g.stances {
            let stance = r.stance.map_or("", |s| s.as_str());
            for c in &r.claims {
                let doc = &view.docs[c.doc];
                let (s, e) = (c.span.start().to_string(), c.span.end().to_string());
                let row = [&g.source, stance, &doc.id, &doc.title, &s, &e, &c.quote];
                let mut row: Vec<&str> = row.to_vec();
                row.push(c.cue.as_deref().unwrap_or(""));
                row.push(c.target.as_deref().unwrap_or(""));
                super::csv::push_row(&mut out, &row);
            }
        }
    }
    out
}

/// The matrix as CSV: one line per source, one column per document (by id), claims counted.
pub fn matrix_csv(view: &ClaimsView) -> String {
    let mut out = String::new();
    let mut head = vec!["source".to_string()];
    head.extend(view.docs.iter().map(|d| d.id.clone()));
    head.push("total".into());
    super::csv::push_row(&mut out, &head);
    for g in &view.sources {
        let mut row = vec![g.source.clone()];
        row.extend((0..view.docs.len()).map(|d| g.count_in(d).to_string()));
        row.push(g.total.to_string());
        super::csv::push_row(&mut out, &row);
    }
    out
}

/// The matrix as a standalone SVG picture (rows: sources; columns: documents by title).
pub fn matrix_svg(view: &ClaimsView) -> String {
    let rows: Vec<&str> = view.sources.iter().map(|g| g.source.as_str()).collect();
    let cols: Vec<&str> = view.docs.iter().map(|d| d.title.as_str()).collect();
    super::svg::matrix("Claims by source (rows) and outlet (columns)", &rows, &cols, |r, c| view.sources[r].count_in(c))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::seeds;
    use super::*;

    fn group<'a>(v: &'a ClaimsView, s: &str) -> &'a SourceGroup {
        v.sources.iter().find(|g| g.source == s).unwrap_or_else(|| panic!("no source {s}"))
    }

    fn doc(v: &ClaimsView, prefix: &str) -> usize {
        v.docs.iter().position(|d| d.id.starts_with(prefix)).unwrap()
    }

    #[test]
    fn seeds_every_live_claim_is_listed_once() {
        let v = build(&seeds());
        let n: usize = v.sources.iter().map(|g| g.total).sum();
        assert_eq!(n, 11 + 5 + 14 + 13 + 8);
        let listed: usize = v.sources.iter().flat_map(|g| &g.stances).map(|r| r.claims.len()).sum();
        assert_eq!(listed, n);
        assert_eq!(v.sources.last().unwrap().source, UNNAMED);
        assert_eq!(group(&v, UNNAMED).total, 5);
        assert_eq!(v.sources[0].source, "France");
    }

    #[test]
    fn seeds_mali_accuses_in_four_outlets_and_france_denies_in_all_five() {
        let v = build(&seeds());
        let mali = group(&v, "Mali");
        let accuse = mali.stance(Some(Stance::Accuse)).unwrap();
        let docs: Vec<usize> = (0..5).filter(|&d| accuse.in_doc(d).next().is_some()).collect();
        assert_eq!(docs, vec![doc(&v, "000"), doc(&v, "001"), doc(&v, "003"), doc(&v, "004")]);
        assert_eq!(accuse.in_doc(doc(&v, "004")).count(), 3);
        assert!(mali.stance(Some(Stance::Deny)).is_none());
        let deny = group(&v, "France").stance(Some(Stance::Deny)).unwrap();
        assert_eq!(deny.claims.len(), 6);
        assert!((0..5).all(|d| deny.in_doc(d).count() >= 1));
        assert_eq!(deny.in_doc(doc(&v, "004")).count(), 2);
        let unfounded = deny.in_doc(doc(&v, "000")).next().unwrap();
        assert_eq!(unfounded.quote, "unfounded");
        assert_eq!(unfounded.target.as_deref(), Some("a charge"));
    }

    #[test]
    fn seeds_matrix_counts_who_each_outlet_quotes() {
        let v = build(&seeds());
        let aj = group(&v, "Al Jazeera");
        assert_eq!(aj.per_doc, vec![(doc(&v, "002"), 4)]);
        assert_eq!(group(&v, "European Union").count_in(doc(&v, "004")), 1);
        assert_eq!(group(&v, "European Union").count_in(doc(&v, "000")), 0);
        let csv = matrix_csv(&v);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + v.sources.len());
        assert!(lines.contains(&"Al Jazeera,0,0,4,0,0,4"));
    }

    #[test]
    fn claims_csv_has_a_line_per_claim_with_its_offsets() {
        let v = build(&seeds());
        let csv = claims_csv(&v);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + 51);
        assert!(lines.iter().any(|l| l.starts_with("France,deny,000_c000a84573ae1d4c,") && l.contains(",unfounded,")));
    }

    #[test]
    fn matrix_svg_draws_a_cell_per_source_and_document() {
        let v = build(&seeds());
        let svg = matrix_svg(&v);
        assert!(svg.starts_with("<svg"));
        assert_eq!(svg.matches("<rect class=\"cell\"").count(), v.sources.len() * v.docs.len());
        assert!(svg.contains(">Al Jazeera</text>"));
    }
}
