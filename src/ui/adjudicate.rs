//! Adjudication of annotators' versions of one document: what they agree on, where they
//! disagree, and each decision as an edit of the work.
//!
//! Owns: *candidates* (a version's live annotations, keyed by label, span and attributes with
//! ids normalised away: a claim's source is its source actor's span, a date's anchor the
//! anchor's span or `dct`; notes, doubts, status and provenance do not count), the agreed ones
//! (held by every version), the *clusters* of the others (same label and overlapping spans, or
//! the same span under different labels, transitively), whether the work settles a cluster,
//! and the edits that start an adjudication and that take a version's annotations or reject
//! them all. It must not: touch yew, the browser or storage, keep a decision anywhere but in
//! the work's annotations (settling is read from the work, so undo unsettles by itself), or
//! apply edits (the reducer does, as one undoable step per decision).

use crate::model::{next_id, Annotation, Attrs, Edit, Label, Span, Status};
use std::collections::{BTreeMap, HashMap};

/// One version being adjudicated: who made it, and its annotations.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub label: String,
    pub anns: Vec<Annotation>,
}

/// What makes two annotations of different versions the same: ids do not matter.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The attributes as JSON, references given as spans (`"12-17"`) instead of ids.
    pub attrs: String,
}

/// One candidate: a key and the versions holding it (indexes into the sides, ascending), with
/// each holder's own annotation in the same order.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub key: Key,
    pub held: Vec<usize>,
    pub anns: Vec<Annotation>,
}

impl Candidate {
    /// The annotation of side `k`, when it holds this candidate.
    pub fn of(&self, k: usize) -> Option<&Annotation> {
        self.held.iter().position(|&h| h == k).map(|i| &self.anns[i])
    }
}

/// A disagreement: candidates connected by overlap, and each version's part in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// From the first candidate's start to the last one's end.
    pub extent: Span,
    /// Indexes into [`Plan::cands`], in text order.
    pub cands: Vec<usize>,
    /// Per side, the candidates of this cluster it holds (empty: it marked nothing here).
    pub per_side: Vec<Vec<usize>>,
}

/// Everything adjudication knows about a set of versions.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plan {
    /// The sides' labels, in order.
    pub sides: Vec<String>,
    pub cands: Vec<Candidate>,
    /// Candidates held by every version (and whose references are agreed too).
    pub agreed: Vec<usize>,
    pub clusters: Vec<Cluster>,
}

/// A decision on one disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Take the annotations of side `k` (0-based); a side that marked nothing here rejects all.
    Take(usize),
    /// Keep every candidate as rejected (the record of the rejection, ignored by scoring).
    RejectAll,
}

fn span_text(s: Span) -> String {
    format!("{}-{}", s.start(), s.end())
}

/// The span of the annotation `id` of `anns`, as a key reference (`"?"` when it is missing).
fn ref_span(id: &str, anns: &[Annotation]) -> String {
    anns.iter().find(|a| a.id == id).map_or_else(|| "?".to_string(), |a| span_text(a.span))
}

/// The key of annotation `a` of the list `anns` (which holds what it refers to).
pub fn key_of(a: &Annotation, anns: &[Annotation]) -> Key {
    let mut v = match &a.attrs {
        Attrs::Actor(x) => serde_json::to_value(x),
        Attrs::Date(x) => serde_json::to_value(x),
        Attrs::Claim(x) => serde_json::to_value(x),
    }
    .unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        match &a.attrs {
            Attrs::Claim(c) => {
                let src = c.source.as_deref().map(|id| ref_span(id, anns));
                o.insert("source".into(), src.into());
            }
            Attrs::Date(d) => {
                let anchor = d.anchor.as_deref().map(|x| if x == "dct" { x.to_string() } else { ref_span(x, anns) });
                o.insert("anchor".into(), anchor.into());
            }
            Attrs::Actor(_) => {}
        }
    }
    Key { start: a.span.start(), end: a.span.end(), label: a.label(), attrs: v.to_string() }
}

/// The referenced span and label a candidate needs (a claim's source actor, a date's anchor).
fn needs(key: &Key) -> Option<(Label, String)> {
    let v: serde_json::Value = serde_json::from_str(&key.attrs).ok()?;
    let (label, field) = match key.label {
        Label::Claim => (Label::Actor, "source"),
        Label::Date => (Label::Date, "anchor"),
        Label::Actor => return None,
    };
    v.get(field).and_then(|s| s.as_str()).filter(|s| *s != "dct").map(|s| (label, s.to_string()))
}

/// The labels of the versions: the annotator's name, else `version n`; a name two versions
/// share gets the version's number too.
pub fn side_labels(versions: &[(usize, Option<String>)]) -> Vec<String> {
    let base = |n: usize, a: &Option<String>| a.clone().unwrap_or_else(|| format!("version {n}"));
    versions
        .iter()
        .map(|(n, a)| {
            let name = base(*n, a);
            let shared = versions.iter().filter(|(m, b)| base(*m, b) == name).count() > 1;
            if shared {
                format!("{name} (version {n})")
            } else {
                name
            }
        })
        .collect()
}

/// Agreement and disagreements among `sides`.
pub fn plan(sides: &[Side]) -> Plan {
    let mut by_key: BTreeMap<Key, Candidate> = BTreeMap::new();
    for (k, side) in sides.iter().enumerate() {
        for a in side.anns.iter().filter(|a| a.status.is_live()) {
            let key = key_of(a, &side.anns);
            let c = by_key.entry(key.clone()).or_insert_with(|| Candidate { key, held: Vec::new(), anns: Vec::new() });
            // A version holding the same annotation twice counts once.
            if !c.held.contains(&k) {
                c.held.push(k);
                c.anns.push(a.clone());
            }
        }
    }
    let cands: Vec<Candidate> = by_key.into_values().collect();
    let n = sides.len();
    let mut agreed: Vec<bool> = cands.iter().map(|c| n > 0 && c.held.len() == n).collect();
    // An agreed claim whose source actor (or date whose anchor) is not agreed is a disagreement:
    // the work could not refer to it.
    loop {
        let mut changed = false;
        for i in 0..cands.len() {
            if !agreed[i] {
                continue;
            }
            if let Some((label, span)) = needs(&cands[i].key) {
                let ok = cands
                    .iter()
                    .zip(&agreed)
                    .any(|(c, &ag)| ag && c.key.label == label && format!("{}-{}", c.key.start, c.key.end) == span);
                if !ok {
                    agreed[i] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let rest: Vec<usize> = (0..cands.len()).filter(|&i| !agreed[i]).collect();
    let clusters = cluster(&cands, &rest, n);
    Plan {
        sides: sides.iter().map(|s| s.label.clone()).collect(),
        agreed: (0..cands.len()).filter(|&i| agreed[i]).collect(),
        cands,
        clusters,
    }
}

fn overlap(a: &Key, b: &Key) -> bool {
    a.start < b.end && b.start < a.end
}

/// Connected groups of `rest`: same label and overlapping spans, or the same span.
fn cluster(cands: &[Candidate], rest: &[usize], n_sides: usize) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..rest.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..rest.len() {
        for j in i + 1..rest.len() {
            let (a, b) = (&cands[rest[i]].key, &cands[rest[j]].key);
            let same_span = a.start == b.start && a.end == b.end;
            if (a.label == b.label && overlap(a, b)) || same_span {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in rest.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(c);
    }
    let mut out: Vec<Cluster> = groups
        .into_values()
        .map(|mut members| {
            crate::sort::sort_by_key(&mut members, |&c| (cands[c].key.start, std::cmp::Reverse(cands[c].key.end)));
            let start = members.iter().map(|&c| cands[c].key.start).min().unwrap_or(0);
            let end = members.iter().map(|&c| cands[c].key.end).max().unwrap_or(0);
            let per_side = (0..n_sides)
                .map(|k| members.iter().copied().filter(|&c| cands[c].held.contains(&k)).collect())
                .collect();
            let extent = Span::new(start, end).unwrap_or(cands[members[0]].anns[0].span);
            Cluster { extent, cands: members, per_side }
        })
        .collect();
    crate::sort::sort_by_key(&mut out, |c| (c.extent.start(), std::cmp::Reverse(c.extent.end())));
    out
}

impl Plan {
    /// The work's annotations that settle cluster `c`: any status, a label of the cluster's,
    /// a span overlapping its extent, and not an agreed annotation.
    pub fn settling<'a>(&self, c: usize, work: &'a [Annotation]) -> Vec<&'a Annotation> {
        let Some(cl) = self.clusters.get(c) else { return Vec::new() };
        let labels: Vec<Label> = cl.cands.iter().map(|&i| self.cands[i].key.label).collect();
        let agreed: Vec<&Key> = self.agreed.iter().map(|&i| &self.cands[i].key).collect();
        work.iter()
            .filter(|a| labels.contains(&a.label()) && a.span.overlaps(&cl.extent))
            .filter(|a| !agreed.contains(&&key_of(a, work)))
            .collect()
    }

    /// True when the work settles cluster `c`.
    pub fn is_settled(&self, c: usize, work: &[Annotation]) -> bool {
        !self.settling(c, work).is_empty()
    }

    /// Agreed candidates, settled clusters, clusters.
    pub fn counts(&self, work: &[Annotation]) -> (usize, usize, usize) {
        let settled = (0..self.clusters.len()).filter(|&c| self.is_settled(c, work)).count();
        (self.agreed.len(), settled, self.clusters.len())
    }

    /// The next (or previous) unsettled cluster after `from` (from the start when `None`),
    /// wrapping around; `None` when every one is settled.
    pub fn next_unsettled(&self, from: Option<usize>, forward: bool, work: &[Annotation]) -> Option<usize> {
        let n = self.clusters.len();
        if n == 0 {
            return None;
        }
        let order: Vec<usize> = match (from, forward) {
            (None, true) => (0..n).collect(),
            (None, false) => (0..n).rev().collect(),
            (Some(f), true) => (1..=n).map(|d| (f + d) % n).collect(),
            (Some(f), false) => (1..=n).map(|d| (f + n - d % n) % n).collect(),
        };
        order.into_iter().find(|&c| !self.is_settled(c, work))
    }

    /// The annotations the work starts with: every agreed candidate, with fresh ids, its
    /// references re-pointed, `agreed_by` every version and `adjudicated_by` the adjudicator.
    pub fn agreed_annotations(&self, sides: &[Side], by: &str) -> Vec<Annotation> {
        let mut m = Materialiser {
            plan: self,
            sides,
            by,
            now: Vec::new(),
            edits: Vec::new(),
            made: HashMap::new(),
            visiting: Vec::new(),
        };
        for &c in &self.agreed {
            let k = self.cands[c].held[0];
            m.add(c, k, None);
        }
        m.now
    }

    /// The edit of a decision on cluster `c` of the work `work` (one batch): what settled it
    /// before goes, the chosen annotations come (see [`Choice`]). Refused in words when a
    /// remaining annotation refers to one that would go.
    pub fn decide(
        &self,
        c: usize,
        choice: Choice,
        sides: &[Side],
        work: &[Annotation],
        by: &str,
    ) -> Result<Edit, String> {
        let cl = self.clusters.get(c).ok_or_else(|| format!("there is no disagreement {}", c + 1))?;
        let old: Vec<Annotation> = self.settling(c, work).into_iter().cloned().collect();
        let remaining: Vec<&Annotation> = work.iter().filter(|a| !old.iter().any(|o| o.id == a.id)).collect();
        for a in &remaining {
            if let Some(r) = a.references().into_iter().find(|r| old.iter().any(|o| o.id == *r)) {
                return Err(format!(
                    "{} refers to {r}, which this decision would replace: change {} first, or undo",
                    a.id, a.id
                ));
            }
        }
        let mut m = Materialiser {
            plan: self,
            sides,
            by,
            now: remaining.into_iter().cloned().collect(),
            edits: old.iter().rev().cloned().map(Edit::Remove).collect(),
            made: HashMap::new(),
            visiting: Vec::new(),
        };
        let take = match choice {
            Choice::Take(k) if k >= sides.len() => {
                return Err(format!("there is no version {} here: {} version(s)", k + 1, sides.len()))
            }
            Choice::Take(k) if !cl.per_side[k].is_empty() => Some(k),
            _ => None,
        };
        match take {
            Some(k) => cl.per_side[k].iter().for_each(|&i| {
                m.add(i, k, None);
            }),
            None => cl.cands.iter().for_each(|&i| {
                m.add(i, self.cands[i].held[0], Some(Status::Rejected));
            }),
        }
        Ok(Edit::Batch(m.edits))
    }
}

/// Adds candidates to a list of annotations with fresh ids and references re-pointed.
struct Materialiser<'a> {
    plan: &'a Plan,
    sides: &'a [Side],
    by: &'a str,
    /// The list as it is after the edits so far.
    now: Vec<Annotation>,
    edits: Vec<Edit>,
    /// Candidate (and status override) already added here, with its new id.
    made: HashMap<(usize, bool), String>,
    /// Candidates being added (a date anchored to a date anchored back to it ends there).
    visiting: Vec<usize>,
}

impl<'a> Materialiser<'a> {
    /// Adds candidate `c` as side `k` holds it; its new id. `status` overrides the status
    /// (rejected records refer only to what the list has, and add nothing else).
    fn add(&mut self, c: usize, k: usize, status: Option<Status>) -> Option<String> {
        let rejected = status == Some(Status::Rejected);
        if let Some(id) = self.made.get(&(c, rejected)) {
            return Some(id.clone());
        }
        if self.visiting.contains(&c) {
            return None;
        }
        self.visiting.push(c);
        let (plan, sides): (&'a Plan, &'a [Side]) = (self.plan, self.sides);
        let cand = &plan.cands[c];
        let holder = if cand.held.contains(&k) { k } else { *cand.held.first()? };
        let orig = cand.of(holder)?.clone();
        let side: &'a [Annotation] = &sides[holder].anns;
        let mut a = orig.clone();
        a.status = status.unwrap_or(match orig.status {
            Status::Manual | Status::Edited => orig.status,
            _ => Status::Accepted,
        });
        a.provenance.agreed_by = cand.held.iter().map(|&h| plan.sides[h].clone()).collect();
        a.provenance.adjudicated_by = Some(self.by.to_string());
        let target = |label: Label, id: &str| side.iter().find(|x| x.id == id && x.label() == label).cloned();
        match &mut a.attrs {
            Attrs::Claim(cl) => {
                if let Some(src) = cl.source.clone() {
                    cl.source = target(Label::Actor, &src).and_then(|t| self.refer(&t, side, holder, rejected));
                }
            }
            Attrs::Date(d) => {
                if let Some(anchor) = d.anchor.clone().filter(|x| x != "dct") {
                    d.anchor = target(Label::Date, &anchor).and_then(|t| self.refer(&t, side, holder, rejected));
                }
            }
            Attrs::Actor(_) => {}
        }
        self.visiting.retain(|&v| v != c);
        a.id = next_id(&self.now, a.label());
        self.made.insert((c, rejected), a.id.clone());
        self.now.push(a.clone());
        self.edits.push(Edit::Add(a));
        self.made.get(&(c, rejected)).cloned()
    }

    /// The id in the list of what `t` (an annotation of side `k`) stands for: an annotation of
    /// the list with its label and span (a live one first), else `t` added (not for a record).
    fn refer(&mut self, t: &Annotation, side: &[Annotation], k: usize, rejected: bool) -> Option<String> {
        let same = |x: &&Annotation| x.label() == t.label() && x.span == t.span;
        let found = self.now.iter().filter(same).find(|x| x.status.is_live()).or_else(|| self.now.iter().find(same));
        if let Some(x) = found {
            return Some(x.id.clone());
        }
        if rejected || !t.status.is_live() {
            return None;
        }
        let key = key_of(t, side);
        let c = self.plan.cands.iter().position(|c| c.key == key)?;
        self.add(c, k, None)
    }
}

#[cfg(test)]
mod tests;
