//! The corpus's identity registry: every ACTOR identity (canonical name) of the loaded
//! documents, and the changes that rename, merge or split identities across them.
//!
//! Owns: building the registry from the loaded corpus and the declared entries (an identity's
//! kind as the user chose it when renaming, merging or splitting; see
//! [`crate::formats::gold::Identity`]); checking a new name (empty, taken, or differing from
//! another only by case or diacritics); planning a rename, a merge or a split as the
//! [`FixChange`]s of the fix-everywhere preview; the registry as a table (`identities.csv`);
//! and the entries a gold file carries in its metadata. It must not: apply edits or keep
//! history (the reducer in [`super::identities`] does), or touch yew or the browser.

use super::corpus::{self, FixChange, Loaded};
use crate::extract::actor::fold;
use crate::formats::gold::Identity;
use crate::model::{ActorKind, Annotation, Attrs, Document};
use std::collections::BTreeMap;

/// One identity of the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The canonical name.
    pub name: String,
    /// Its kind: the declared one, else the kind most of its mentions have (the first of
    /// [`ActorKind::ALL`] among ties).
    pub kind: ActorKind,
    /// The kinds its live mentions have, with how many have each, most first. More than one
    /// means the mentions disagree.
    pub kinds: Vec<(ActorKind, usize)>,
    /// True when the user declared its kind (renamed, merged or split it).
    pub declared: bool,
    /// The distinct words of its mentions, in order of first appearance.
    pub aliases: Vec<String>,
    /// Each loaded document that mentions it (id) with its number of live mentions there.
    pub docs: Vec<(String, usize)>,
    /// The live CLAIMs whose source is one of its mentions.
    pub claims: usize,
}

impl Entry {
    /// An identity with no live mention (a rejected actor's, say).
    pub fn blank(name: &str, kind: ActorKind) -> Entry {
        Entry {
            name: name.to_string(),
            kind,
            kinds: Vec::new(),
            declared: false,
            aliases: Vec::new(),
            docs: Vec::new(),
            claims: 0,
        }
    }

    /// Its live mentions in all.
    pub fn mentions(&self) -> usize {
        self.docs.iter().map(|(_, n)| n).sum()
    }

    /// The kinds tied for the majority when no kind is declared and the mentions disagree
    /// evenly (empty otherwise).
    pub fn ties(&self) -> Vec<ActorKind> {
        let top = self.kinds.first().map_or(0, |k| k.1);
        let tied: Vec<ActorKind> = self.kinds.iter().filter(|k| k.1 == top).map(|k| k.0).collect();
        if self.declared || tied.len() < 2 {
            Vec::new()
        } else {
            tied
        }
    }

    /// "France (state) · 12 mention(s) in 3 document(s)".
    pub fn describe(&self) -> String {
        format!(
            "{} ({}) · {} mention(s) in {} document(s)",
            self.name,
            self.kind.as_str(),
            self.mentions(),
            self.docs.len()
        )
    }
}

/// The registry: its entries sorted by name (case and diacritics folded).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Registry {
    pub entries: Vec<Entry>,
}

/// What checking a new identity name found.
#[derive(Clone, Debug, PartialEq)]
pub enum NameCheck {
    /// A new name, unlike any other.
    Fresh,
    /// Nothing but spaces.
    Empty,
    /// Another identity has exactly this name.
    Taken(Entry),
    /// Another identity's name differs from it only by case or diacritics.
    Near(Entry),
}

/// A name with its runs of white space made one space, trimmed.
pub fn clean(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The registry of the loaded documents `docs`, with the `declared` entries (each kept even
/// without a mention; its kind wins over the mentions' majority).
pub fn build(docs: &[Loaded], declared: &[Identity]) -> Registry {
    let mut map: BTreeMap<String, Entry> = BTreeMap::new();
    let blank = |name: &str| Entry::blank(name, ActorKind::default());
    for (id, _, _, anns) in docs {
        for a in anns.iter().filter(|a| a.status.is_live()) {
            let Some(x) = a.actor() else { continue };
            // Looked up before inserting: no name is copied for a mention of a known identity.
            if !map.contains_key(&x.canonical) {
                map.insert(x.canonical.clone(), blank(&x.canonical));
            }
            let Some(e) = map.get_mut(&x.canonical) else { continue };
            match e.kinds.iter_mut().find(|k| k.0 == x.kind) {
                Some(k) => k.1 += 1,
                None => e.kinds.push((x.kind, 1)),
            }
            if !e.aliases.contains(&a.quote) {
                e.aliases.push(a.quote.clone());
            }
            match e.docs.last_mut() {
                Some((d, n)) if d == id => *n += 1,
                _ => e.docs.push((id.clone(), 1)),
            }
        }
        // Sources by id: one lookup per claim (a long document holds thousands of each).
        let live: std::collections::HashMap<&str, &Annotation> =
            anns.iter().filter(|a| a.status.is_live() && a.actor().is_some()).map(|a| (a.id.as_str(), a)).collect();
        for a in anns.iter().filter(|a| a.status.is_live()) {
            let Attrs::Claim(c) = &a.attrs else { continue };
            let source = c.source.as_deref().and_then(|s| live.get(s).copied());
            if let Some(x) = source.and_then(Annotation::actor) {
                if let Some(e) = map.get_mut(&x.canonical) {
                    e.claims += 1;
                }
            }
        }
    }
    for e in map.values_mut() {
        crate::sort::sort_by_key(&mut e.kinds, |k| {
            (std::cmp::Reverse(k.1), ActorKind::ALL.iter().position(|x| *x == k.0))
        });
        e.kind = e.kinds.first().map_or_else(ActorKind::default, |k| k.0);
    }
    for d in declared {
        let e = map.entry(d.name.clone()).or_insert_with(|| blank(&d.name));
        e.kind = d.kind;
        e.declared = true;
    }
    let mut entries: Vec<Entry> = map.into_values().collect();
    entries.sort_by_cached_key(|e| (fold(&e.name), e.name.clone()));
    Registry { entries }
}

impl Registry {
    /// The identity named exactly `name`.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// What `name` would be as the new name of identity `except` (empty: a new identity).
    pub fn check(&self, name: &str, except: &str) -> NameCheck {
        let name = clean(name);
        if name.is_empty() {
            return NameCheck::Empty;
        }
        if let Some(e) = self.get(&name).filter(|e| e.name != except) {
            return NameCheck::Taken(e.clone());
        }
        let folded = fold(&name);
        match self.entries.iter().find(|e| e.name != except && e.name != name && fold(&e.name) == folded) {
            Some(e) => NameCheck::Near(e.clone()),
            None => NameCheck::Fresh,
        }
    }

    /// A name based on `base` that no identity has yet: `base`, else `base (2)`, `base (3)`...
    pub fn fresh(&self, base: &str) -> String {
        let base = clean(base);
        if self.get(&base).is_none() {
            return base;
        }
        (2..).map(|n| format!("{base} ({n})")).find(|c| self.get(c).is_none()).unwrap_or(base)
    }

    /// The registry as a table: `name,kind,aliases,documents,mentions`, one identity a line
    /// (aliases and documents each joined by "; ", a document as `id (mentions)`), quoted
    /// as RFC 4180 says.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("name,kind,aliases,documents,mentions\n");
        for e in &self.entries {
            let docs: Vec<String> = e.docs.iter().map(|(d, n)| format!("{d} ({n})")).collect();
            let cells = [
                e.name.clone(),
                e.kind.as_str().to_string(),
                e.aliases.join("; "),
                docs.join("; "),
                e.mentions().to_string(),
            ];
            crate::ui::views::csv::push_record(&mut out, &cells, "\n");
        }
        out
    }
}

/// The entries of `declared` for the identities `anns` mentions, with the words of those
/// mentions as aliases, by name: what a gold file's `identities` holds (`None` when the
/// registry declares none of them).
pub fn entries_for(declared: &[Identity], anns: &[Annotation]) -> Option<Vec<Identity>> {
    let mut out: Vec<Identity> = Vec::new();
    for a in anns.iter().filter(|a| a.status.is_live()) {
        let Some(x) = a.actor() else { continue };
        let Some(d) = declared.iter().find(|d| d.name == x.canonical) else { continue };
        match out.iter_mut().find(|i| i.name == d.name) {
            Some(i) if !i.aliases.contains(&a.quote) => i.aliases.push(a.quote.clone()),
            Some(_) => {}
            None => out.push(Identity { name: d.name.clone(), kind: d.kind, aliases: vec![a.quote.clone()] }),
        }
    }
    crate::sort::sort_by(&mut out, |a, b| a.name.cmp(&b.name));
    (!out.is_empty()).then_some(out)
}

/// The change giving ACTOR `a` of document `(id, title, doc)` the name `name` and kind `kind`,
/// when that changes it.
fn retag(id: &str, title: &str, doc: &Document, a: &Annotation, name: &str, kind: ActorKind) -> Option<FixChange> {
    let x = a.actor()?;
    let edit = super::review::renamed(a, name, Some(kind))?;
    let (before, rest) = corpus::context(doc, a.span);
    Some(FixChange {
        doc: id.to_string(),
        title: title.to_string(),
        before,
        quote: a.quote.clone(),
        after: rest,
        what: format!(
            "{}: \u{201c}{}\u{201d} ({}) → \u{201c}{name}\u{201d} ({})",
            a.id,
            x.canonical,
            x.kind.as_str(),
            kind.as_str()
        ),
        edit,
    })
}

/// Renaming identity `from` to `to` with kind `kind`: every live mention of `from` in every
/// loaded document.
pub fn plan_rename(docs: &[Loaded], from: &str, to: &str, kind: ActorKind) -> Vec<FixChange> {
    let mut out = Vec::new();
    for (id, title, doc, anns) in docs {
        for a in anns.iter().filter(|a| a.status.is_live() && a.actor().is_some_and(|x| x.canonical == from)) {
            out.extend(retag(id, title, doc, a, to, kind));
        }
    }
    out
}

/// Merging identity `from` into `into`, keeping kind `kind`: every live mention of `from`
/// takes `into`'s name and the kind, and `into`'s mentions of another kind take it too.
pub fn plan_merge(docs: &[Loaded], from: &str, into: &str, kind: ActorKind) -> Vec<FixChange> {
    let mut out = Vec::new();
    for (id, title, doc, anns) in docs {
        for a in anns.iter().filter(|a| a.status.is_live()) {
            match a.actor() {
                Some(x) if x.canonical == from || x.canonical == into => {
                    out.extend(retag(id, title, doc, a, into, kind));
                }
                _ => {}
            }
        }
    }
    out
}

/// Splitting the mentions `ids` of document `doc` off their identity: they take the name
/// `name` and kind `kind`.
pub fn plan_split(doc: &Loaded, ids: &[String], name: &str, kind: ActorKind) -> Vec<FixChange> {
    let (id, title, d, anns) = doc;
    anns.iter().filter(|a| ids.contains(&a.id)).filter_map(|a| retag(id, title, d, a, name, kind)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ClaimAttrs, Edit, Mention, Provenance, Span, Status};
    use std::rc::Rc;

    pub(crate) fn actor(text: &str, id: &str, word: &str, nth: usize, canonical: &str, kind: ActorKind) -> Annotation {
        let b = text.match_indices(word).nth(nth).unwrap().0;
        let s = text[..b].chars().count();
        Annotation {
            id: id.into(),
            span: Span::new(s, s + word.chars().count()).unwrap(),
            quote: word.into(),
            status: Status::Accepted,
            note: None,
            unsure: false,
            provenance: Provenance::extractor("test"),
            attrs: Attrs::Actor(ActorAttrs { kind, mention: Mention::Name, canonical: canonical.into(), role: None }),
        }
    }

    fn loaded(id: &str, text: &str, anns: Vec<Annotation>) -> Loaded {
        let doc = Document::new(id, text, None).unwrap();
        (id.into(), format!("T {id}"), Rc::new(doc), Rc::new(anns))
    }

    fn corpus() -> Vec<Loaded> {
        let t1 = "Paris said Mali lied. Bamako denied.";
        let t2 = "Mali and France met. Mali left.";
        let mut claim = actor(t1, "C1", "Mali lied", 0, "", ActorKind::State);
        claim.attrs = Attrs::Claim(ClaimAttrs { source: Some("A1".into()), ..ClaimAttrs::default() });
        let mut rejected = actor(t2, "A9", "Mali", 1, "Mali", ActorKind::Person);
        rejected.status = Status::Rejected;
        vec![
            loaded(
                "d1",
                t1,
                vec![
                    actor(t1, "A1", "Paris", 0, "France", ActorKind::State),
                    actor(t1, "A2", "Mali", 0, "Mali", ActorKind::State),
                    actor(t1, "A3", "Bamako", 0, "Mali", ActorKind::Organization),
                    claim,
                ],
            ),
            loaded(
                "d2",
                t2,
                vec![
                    actor(t2, "A1", "Mali", 0, "Mali", ActorKind::State),
                    actor(t2, "A2", "France", 0, "France", ActorKind::State),
                    rejected,
                ],
            ),
        ]
    }

    #[test]
    fn the_registry_counts_mentions_aliases_kinds_and_claims() {
        let r = build(&corpus(), &[]);
        assert_eq!(r.entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["France", "Mali"]);
        let mali = r.get("Mali").unwrap();
        assert_eq!(mali.docs, [("d1".to_string(), 2), ("d2".to_string(), 1)], "the rejected mention does not count");
        assert_eq!(mali.aliases, ["Mali", "Bamako"]);
        assert_eq!(mali.kinds, [(ActorKind::State, 2), (ActorKind::Organization, 1)]);
        assert_eq!((mali.kind, mali.ties()), (ActorKind::State, vec![]));
        assert_eq!(r.get("France").unwrap().claims, 1, "France (A1, Paris) is the source of C1");
        assert_eq!(mali.claims, 0);
        assert_eq!(mali.describe(), "Mali (state) · 3 mention(s) in 2 document(s)");
        // A declared kind wins, and a declared entry stays without mentions.
        let d = [
            Identity { name: "Mali".into(), kind: ActorKind::Group, aliases: vec![] },
            Identity { name: "ECOWAS".into(), kind: ActorKind::Organization, aliases: vec![] },
        ];
        let r = build(&corpus(), &d);
        assert_eq!(r.get("Mali").unwrap().kind, ActorKind::Group);
        assert_eq!(r.get("ECOWAS").unwrap().mentions(), 0);
    }

    #[test]
    fn ties_are_listed() {
        let t = "Mali, Bamako.";
        let docs = vec![loaded(
            "d",
            t,
            vec![
                actor(t, "A1", "Mali", 0, "Mali", ActorKind::State),
                actor(t, "A2", "Bamako", 0, "Mali", ActorKind::Person),
            ],
        )];
        let r = build(&docs, &[]);
        assert_eq!(r.get("Mali").unwrap().ties(), [ActorKind::Person, ActorKind::State]);
        assert_eq!(r.get("Mali").unwrap().kind, ActorKind::Person, "the first of ALL among ties");
    }

    #[test]
    fn names_are_checked() {
        let r = build(&corpus(), &[]);
        assert_eq!(r.check("   ", "Mali"), NameCheck::Empty);
        assert!(matches!(r.check("France", "Mali"), NameCheck::Taken(e) if e.name == "France"));
        assert!(matches!(r.check("  FRANCÉ ", "Mali"), NameCheck::Near(e) if e.name == "France"));
        assert_eq!(r.check("Republic of Mali", "Mali"), NameCheck::Fresh);
        assert_eq!(r.check("MALI", "Mali"), NameCheck::Fresh, "its own name in another case is no clash");
        assert_eq!(r.fresh("Mali"), "Mali (2)");
        assert_eq!(r.fresh(" Niger "), "Niger");
    }

    #[test]
    fn rename_merge_and_split_plan_every_loaded_mention() {
        let docs = corpus();
        let plan = plan_rename(&docs, "Mali", "Republic of Mali", ActorKind::State);
        assert_eq!(plan.len(), 3, "two in d1, one in d2 (the rejected one left)");
        assert!(plan.iter().all(|c| match &c.edit {
            Edit::Replace { after, .. } =>
                after.actor().unwrap().canonical == "Republic of Mali"
                    && after.actor().unwrap().kind == ActorKind::State
                    && after.status == Status::Edited,
            _ => false,
        }));
        assert_eq!(plan[1].what, "A3: \u{201c}Mali\u{201d} (organization) → \u{201c}Republic of Mali\u{201d} (state)");
        assert_eq!((plan[1].before.as_str(), plan[1].quote.as_str()), ("Paris said Mali lied. ", "Bamako"));
        let merge = plan_merge(&docs, "France", "Mali", ActorKind::Organization);
        // France's two mentions, and Mali's three that are not organizations.
        assert_eq!(merge.len(), 4);
        let split = plan_split(&docs[0], &["A3".into()], "Bamako", ActorKind::Organization);
        assert_eq!(split.len(), 1);
        assert_eq!(split[0].doc, "d1");
    }

    #[test]
    fn the_table_and_the_file_entries() {
        let d = [Identity { name: "Mali".into(), kind: ActorKind::State, aliases: vec![] }];
        let r = build(&corpus(), &d);
        let csv = r.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "name,kind,aliases,documents,mentions");
        assert_eq!(lines[2], "Mali,state,Mali; Bamako,d1 (2); d2 (1),3");
        assert_eq!(crate::ui::views::csv::field("a, \"b\""), "\"a, \"\"b\"\"\"");
        let e = entries_for(&d, &corpus()[0].3).unwrap();
        assert_eq!(
            e,
            [Identity { name: "Mali".into(), kind: ActorKind::State, aliases: vec!["Mali".into(), "Bamako".into()] }]
        );
        assert_eq!(entries_for(&[], &corpus()[0].3), None, "nothing declared: no entries");
    }
}
