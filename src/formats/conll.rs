//! CoNLL-2003-style BIO columns, with one tag column per label layer so that nested and
//! overlapping spans survive.
//!
//! Owns: the tokenisation and the column layout, both stated in every file's header
//! comment and in docs/FORMATS.md. Tokens are maximal runs of letters, digits and combining
//! marks; every other character that is not white space is a token by itself; and a token
//! is also cut at every annotation boundary, so that each span is a whole number of tokens.
//! White space is never a token. Per document: a `-DOCSTART-` line, comments `# id`,
//! `# sha256`, `# dct`, `# text` (the text as a JSON string, so that it comes back
//! exactly) and `# columns`, then one token per line, tab-separated: the token, its START
//! and END (code points of the LF-normalised text), and a tag per layer (`B-ACTOR`,
//! `I-ACTOR`, `O`). Layers: a column per label, and a further column of that label for each
//! level of nesting or overlap (`ACTOR`, `ACTOR.2`...). A blank line stands for line breaks
//! in the text that no span crosses. What it loses ([`losses`]): attributes, statuses,
//! provenance (adjudication records too), notes, unsure flags, ids, relations (claim sources, cues), empty spans and spans that begin or end
//! with white space. The reader also takes plain CoNLL-2003 (`token POS chunk NER`, IOB1 or
//! IOB2): PER and ORG become ACTORs, LOC and MISC are skipped, the text is the tokens joined
//! by spaces. It must not: do I/O.

use super::common::{check_sha, finish, foreign_label, Pending};
use super::gold::GoldFile;
use super::{count, Options};
use crate::model::{parse_dct, Annotation, Document, Error, Label, Span};

/// The tool name recorded as provenance of annotations read from CoNLL.
pub const TOOL: &str = "conll";

const HEADER: &str = "\
# gloss-conll 1: CoNLL-2003-style BIO tags, one column per label layer (ACTOR, ACTOR.2 for spans nested in or
# overlapping another ACTOR, ...). Columns: TOKEN START END then the tag columns, tab-separated.
# START and END count Unicode code points (Python str indexes) of the document's text, which has LF newlines
# and is given whole, as a JSON string, in the `# text` comment.
# Tokenisation: maximal runs of letters, digits and combining marks; any other character that is not white
# space is a token by itself; tokens are also cut at every annotation boundary. White space is not a token.
# A blank line stands for line breaks that no annotation crosses.
# Not kept: attributes, review status (rejected spans are left out), provenance, notes, unsure flags, ids,
# claim sources and cues, empty spans, spans that begin or end with white space.
";

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True when CoNLL can hold the span: not empty, and not beginning or ending with white space.
pub fn holds(doc: &Document, span: Span) -> bool {
    let Some(q) = doc.slice(span) else { return false };
    !q.is_empty() && !q.starts_with(char::is_whitespace) && !q.ends_with(char::is_whitespace)
}

/// The tokens of a text as code-point spans, cut at every offset of `cuts` too.
pub fn tokens(text: &str, cuts: &[usize]) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut cut = vec![false; chars.len() + 1];
    for c in cuts {
        if *c <= chars.len() {
            cut[*c] = true;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if is_word(chars[start]) {
            while i < chars.len() && is_word(chars[i]) && !cut[i] {
                i += 1;
            }
        }
        if let Ok(s) = Span::new(start, i) {
            out.push(s);
        }
    }
    out
}

/// Layers per label: the annotations CoNLL holds, each in the first column of its label
/// where it overlaps nothing already there.
fn layers(f: &GoldFile) -> Vec<(Label, Vec<&Annotation>)> {
    let mut out: Vec<(Label, Vec<&Annotation>)> = Vec::new();
    for label in Label::ALL {
        let mut mine: Vec<Vec<&Annotation>> = vec![Vec::new()];
        for a in f.annotations.iter().filter(|a| a.label() == label && a.status.is_live() && holds(&f.doc, a.span)) {
            match mine.iter_mut().find(|l| !l.iter().any(|b| b.span.overlaps(&a.span))) {
                Some(l) => l.push(a),
                None => mine.push(vec![a]),
            }
        }
        out.extend(mine.into_iter().map(|l| (label, l)));
    }
    out
}

/// Writes every document; the header comment states the tokenisation and offset unit.
pub fn write(files: &[GoldFile]) -> String {
    let mut out = String::from(HEADER);
    for f in files {
        let layers = layers(f);
        let mut cuts = Vec::new();
        for (_, l) in &layers {
            for a in l {
                cuts.push(a.span.start());
                cuts.push(a.span.end());
            }
        }
        let toks = tokens(f.doc.text(), &cuts);
        out.push_str("\n-DOCSTART- -X- -X- O\n");
        out.push_str(&format!("# id = {}\n", f.doc.id.replace(['\n', '\r', '\t'], " ")));
        out.push_str(&format!("# sha256 = {}\n", f.doc.sha256()));
        out.push_str(&format!("# dct = {}\n", f.doc.dct().map_or("none".to_string(), |d| d.to_string())));
        out.push_str(&format!("# text = {}\n", serde_json::Value::String(f.doc.text().to_string())));
        let mut names = Vec::new();
        for (i, (label, _)) in layers.iter().enumerate() {
            let n = layers[..i].iter().filter(|(l, _)| l == label).count();
            names.push(if n == 0 { label.to_string() } else { format!("{label}.{}", n + 1) });
        }
        out.push_str(&format!("# columns = TOKEN START END {}\n", names.join(" ")));
        let chars: Vec<char> = f.doc.text().chars().collect();
        let crosses =
            |pos: usize| layers.iter().any(|(_, l)| l.iter().any(|a| a.span.start() < pos && pos < a.span.end()));
        for (k, t) in toks.iter().enumerate() {
            if k > 0 {
                let gap = toks[k - 1].end()..t.start();
                if chars[gap.clone()].contains(&'\n') && !crosses(t.start()) {
                    out.push('\n');
                }
            }
            let word: String = chars[t.start()..t.end()].iter().collect();
            out.push_str(&format!("{word}\t{}\t{}", t.start(), t.end()));
            for (label, l) in &layers {
                let tag = match l.iter().find(|a| a.span.contains(t)) {
                    Some(a) if a.span.start() == t.start() => format!("B-{label}"),
                    Some(_) => format!("I-{label}"),
                    None => "O".to_string(),
                };
                out.push('\t');
                out.push_str(&tag);
            }
            out.push('\n');
        }
    }
    out
}

/// What CoNLL cannot hold of these documents.
pub fn losses(files: &[GoldFile]) -> Vec<String> {
    let mut out = Vec::new();
    let all: Vec<(&GoldFile, &Annotation)> =
        files.iter().flat_map(|f| f.annotations.iter().map(move |a| (f, a))).collect();
    let sources = all.iter().filter(|(_, a)| super::common::source_of(a).is_some()).count();
    let cues = all.iter().filter(|(_, a)| super::common::cue_of(a).is_some()).count();
    if sources + cues > 0 {
        out.push(format!(
            "{} and {}: CoNLL has no relations",
            count(sources, "claim source"),
            count(cues, "claim cue")
        ));
    }
    let rejected = all.iter().filter(|(_, a)| !a.status.is_live()).count();
    let live: Vec<&(&GoldFile, &Annotation)> = all.iter().filter(|(_, a)| a.status.is_live()).collect();
    let empty = live.iter().filter(|(_, a)| a.span.is_empty()).count();
    let edges = live.iter().filter(|(f, a)| !a.span.is_empty() && !holds(&f.doc, a.span)).count();
    if rejected > 0 {
        out.push(format!(
            "{}: not written, since CoNLL cannot mark a span rejected",
            count(rejected, "rejected annotation")
        ));
    }
    if empty > 0 {
        out.push(format!("{}: CoNLL tags tokens", count(empty, "empty span")));
    }
    if edges > 0 {
        out.push(format!("{} beginning or ending with white space: white space is not a token", count(edges, "span")));
    }
    let kept = live.len() - empty - edges;
    if kept > 0 {
        out.push(format!(
            "the attributes, review status, provenance and ids of {}: read back as defaults",
            count(kept, "annotation")
        ));
    }
    let notes = all.iter().filter(|(_, a)| a.note.is_some()).count();
    if let Some(r) = super::remarks(all.iter().map(|(_, a)| *a), notes) {
        out.push(format!("{r}: CoNLL holds no comments, doubts or provenance"));
    }
    out
}

/// A token line: the token, its START and END when given, its tags, its line number.
type Row = (String, Option<(usize, usize)>, Vec<String>, usize);
/// A token line with its offsets resolved.
type PlacedRow = (String, (usize, usize), Vec<String>, usize);
/// A span being read in one column: label, actor kind, start, end, line.
type Open = Option<(Label, Option<&'static str>, usize, usize, usize)>;

struct DocState {
    id: Option<String>,
    sha: Option<String>,
    dct: Option<String>,
    text: Option<String>,
    columns: Option<Vec<String>>,
    /// Token, START, END (when given), tags, line number; `None` marks a sentence break.
    rows: Vec<Option<Row>>,
    first_line: usize,
}

impl DocState {
    fn new(line: usize) -> DocState {
        DocState { id: None, sha: None, dct: None, text: None, columns: None, rows: Vec::new(), first_line: line }
    }
    fn is_empty(&self) -> bool {
        self.rows.iter().all(Option::is_none) && self.text.is_none()
    }
}

/// Reads every document; each error names the line.
pub fn read(input: &str, opts: &Options) -> Result<Vec<GoldFile>, Error> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut docs: Vec<DocState> = Vec::new();
    let mut cur = DocState::new(1);
    for (i, line) in input.split('\n').enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with("-DOCSTART-") {
            if !cur.is_empty() {
                docs.push(std::mem::replace(&mut cur, DocState::new(n)));
            } else {
                cur.first_line = n;
            }
            continue;
        }
        // Comments never hold a tab; a token line always does (a `#` token included).
        if let Some(c) = line.strip_prefix('#').filter(|_| !line.contains('\t')) {
            if let Some((k, v)) = c.split_once('=') {
                let v = v.trim().to_string();
                match k.trim() {
                    "id" => cur.id = Some(v),
                    "sha256" => cur.sha = Some(v),
                    "dct" => cur.dct = Some(v),
                    "text" => {
                        let t: String = serde_json::from_str(&v).map_err(|e| {
                            Error::format(format!("line {n}: the # text comment is not a JSON string: {e}"))
                        })?;
                        cur.text = Some(t);
                    }
                    "columns" => {
                        let names: Vec<String> = v.split_whitespace().map(str::to_string).collect();
                        if names.len() < 4 || names[..3] != ["TOKEN", "START", "END"] {
                            return Err(Error::format(format!(
                                "line {n}: # columns names TOKEN START END and then one column per label layer"
                            )));
                        }
                        cur.columns = Some(names);
                    }
                    _ => {}
                }
            }
            continue;
        }
        if line.trim().is_empty() {
            cur.rows.push(None);
            continue;
        }
        let cols: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        let row = match &cur.columns {
            Some(names) => {
                if cols.len() != names.len() {
                    return Err(Error::format(format!(
                        "line {n}: {} columns, but the # columns comment names {}",
                        cols.len(),
                        names.len()
                    )));
                }
                let num = |x: &str| {
                    x.parse::<usize>().map_err(|_| Error::format(format!("line {n}: {x:?} is not an offset")))
                };
                let (s, e) = (num(cols[1])?, num(cols[2])?);
                (cols[0].to_string(), Some((s, e)), cols[3..].iter().map(|s| s.to_string()).collect(), n)
            }
            None => {
                if cols.len() < 2 {
                    return Err(Error::format(format!("line {n}: a token line needs a token and a tag")));
                }
                (cols[0].to_string(), None, vec![cols[cols.len() - 1].to_string()], n)
            }
        };
        cur.rows.push(Some(row));
    }
    if !cur.is_empty() {
        docs.push(cur);
    }
    let mut out = Vec::with_capacity(docs.len());
    for (k, d) in docs.into_iter().enumerate() {
        let at = d.first_line;
        out.push(read_doc(d, k + 1, opts).map_err(|e| e.context(format_args!("document at line {at}")))?);
    }
    Ok(out)
}

fn read_doc(d: DocState, k: usize, opts: &Options) -> Result<GoldFile, Error> {
    // The text: given whole, or rebuilt from the tokens.
    let mut rows: Vec<Option<PlacedRow>> = Vec::new();
    let text = match &d.text {
        Some(t) => {
            for r in d.rows {
                rows.push(r.map(|(w, se, tags, n)| (w, se.unwrap_or((0, 0)), tags, n)));
            }
            t.clone()
        }
        None => {
            let mut t = String::new();
            let mut cp = 0;
            let mut line_break = false;
            for r in d.rows {
                match r {
                    None => {
                        line_break = true;
                        rows.push(None);
                    }
                    Some((w, _, tags, n)) => {
                        if !t.is_empty() {
                            t.push(if line_break { '\n' } else { ' ' });
                            cp += 1;
                        }
                        line_break = false;
                        let len = w.chars().count();
                        t.push_str(&w);
                        rows.push(Some((w, (cp, cp + len), tags, n)));
                        cp += len;
                    }
                }
            }
            t
        }
    };
    let dct = match d.dct.as_deref() {
        None | Some("none") | Some("") => None,
        Some(s) => Some(parse_dct(s).map_err(|e| e.context("# dct"))?),
    };
    let id = d.id.clone().unwrap_or_else(|| format!("{}-{k}", opts.default_id()));
    let doc = Document::new(id, &text, dct)?;
    if let Some(sha) = &d.sha {
        check_sha(&doc, sha)?;
    }
    let layer_labels: Vec<Option<Label>> = match &d.columns {
        Some(names) => names[3..]
            .iter()
            .map(|c| {
                let base = c.split('.').next().unwrap_or("");
                foreign_label(base)
                    .map(|x| x.0)
                    .ok_or_else(|| Error::format(format!("# columns: unknown label column {c:?}")))
            })
            .map(|r| r.map(Some))
            .collect::<Result<_, _>>()?,
        None => vec![None],
    };
    let mut open: Vec<Open> = vec![None; layer_labels.len()];
    let mut pending: Vec<Pending> = Vec::new();
    let mut counts = [0usize; 3];
    let mut close = |o: &mut Open, pending: &mut Vec<Pending>| {
        if let Some((label, kind, s, e, n)) = o.take() {
            let li = Label::ALL.iter().position(|l| *l == label).unwrap_or(0);
            counts[li] += 1;
            let mut p =
                Pending::new(format!("line {n}"), format!("{}{}", &label.as_str()[..1], counts[li]), label, s, e, TOOL);
            if let Some(kind) = kind {
                p.set_attribute("kind", serde_json::Value::String(kind.to_string()));
            }
            pending.push(p);
        }
    };
    for r in rows {
        let Some((word, (s, e), tags, n)) = r else {
            for o in open.iter_mut() {
                close(o, &mut pending);
            }
            continue;
        };
        if tags.len() != open.len() {
            return Err(Error::format(format!(
                "line {n}: {} tag columns, but the document's # columns names {}",
                tags.len(),
                open.len()
            )));
        }
        let span = doc.span(s, e).map_err(|x| x.context(format_args!("line {n}")))?;
        let actual = doc.slice(span).unwrap_or_default();
        if actual != word {
            return Err(Error::mismatch(format!(
                "line {n}: the token {word:?} differs from the text at {span}, which reads {actual:?}"
            )));
        }
        for (c, tag) in tags.iter().enumerate() {
            let o = &mut open[c];
            if tag == "O" {
                close(o, &mut pending);
                continue;
            }
            let (bio, name) = tag.split_once('-').ok_or_else(|| {
                Error::format(format!("line {n}: the tag {tag:?} is neither O nor B-LABEL / I-LABEL"))
            })?;
            let (label, kind) = match foreign_label(name) {
                Some(x) => x,
                None if layer_labels[c].is_none() && matches!(name, "LOC" | "MISC") => {
                    close(o, &mut pending);
                    continue;
                }
                None => {
                    return Err(Error::format(format!(
                        "line {n}: unknown label {name:?}: Gloss knows ACTOR, DATE and CLAIM (and PER, ORG)"
                    )))
                }
            };
            if let Some(col) = layer_labels[c] {
                if col != label {
                    return Err(Error::format(format!("line {n}: a {label} tag in the {col} column")));
                }
            }
            match (bio, o.as_mut()) {
                ("I", Some(cur)) if cur.0 == label && cur.1 == kind => cur.3 = span.end(),
                ("B", _) | ("I", _) => {
                    close(o, &mut pending);
                    *o = Some((label, kind, span.start(), span.end(), n));
                }
                _ => return Err(Error::format(format!("line {n}: the tag {tag:?} is neither B- nor I-"))),
            }
        }
    }
    for o in open.iter_mut() {
        close(o, &mut pending);
    }
    finish(doc, pending, None)
}
