//! TimeML (`.tml`): the document's text in `<TEXT>` with its DATE annotations as inline
//! `<TIMEX3>` elements, and the DCT as `<DCT><TIMEX3 tid="t0" functionInDocument=
//! "CREATION_TIME">`. Dates only.
//!
//! Owns: the mapping (docs/FORMATS.md): a DATE's TIMEX3 type, value and mod become the
//! element's `type`, `value` and `mod`; its anchor `anchorTimeID` (`t0` for the DCT); its id
//! `D<n>` the `tid` `t<n>`; its note the `comment` (TimeML 1.2.1's free-text attribute). Inline tags cannot overlap, so among overlapping dates the first
//! (earliest, longest) is written and the others are lost, as are rejected dates, ACTORs, CLAIMs, statuses,
//! provenance, unsure flags and the notes of what is not written ([`losses`]). A comment states the text's SHA-256 and newline handling
//! (offsets are implicit: positions in the text between `<TEXT>` and `</TEXT>`, unescaped, in
//! code points). The reader takes TimeML as TimeBank and TempEval distribute it: other
//! elements in `<TEXT>` (EVENT, SIGNAL...) are markup around the text and are skipped; a
//! TIMEX3 needs a known type and a value. It must not: do I/O, or read XML beyond what
//! TimeML files use (no DTD, no external entities).

use super::common::{check_sha, line_col, xml_escape, OffsetUnit, RawOffsets};
use super::gold::GoldFile;
use super::{count, Options};
use crate::model::{
    parse_dct, Annotation, Attrs, DateAttrs, Document, Error, Label, Provenance, Span, Status, TimexType,
};
use std::collections::HashMap;

/// The tool name recorded as provenance of annotations read from TimeML.
pub const TOOL: &str = "timeml";

/// The dates TimeML holds: DATE annotations that neither overlap nor nest in one taken
/// before them (in text order, longer first).
fn kept(f: &GoldFile) -> Vec<&Annotation> {
    let mut out: Vec<&Annotation> = Vec::new();
    for a in f.annotations.iter().filter(|a| a.label() == Label::Date && a.status.is_live()) {
        let clash = out.iter().any(|b| {
            a.span.overlaps(&b.span)
                || (a.span.is_empty() && b.span.start() < a.span.start() && a.span.start() < b.span.end())
                || (b.span.is_empty() && a.span.start() < b.span.start() && b.span.start() < a.span.end())
        });
        if !clash {
            out.push(a);
        }
    }
    crate::sort::sort_by_key(&mut out, |a| (a.span.start(), a.span.end()));
    out
}

/// `t<n>` for ids `D<n>`, and fresh numbers for the others.
fn tids(dates: &[&Annotation]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut used = std::collections::HashSet::new();
    for a in dates {
        if let Some(n) = a.id.strip_prefix('D').and_then(|n| n.parse::<u64>().ok()).filter(|n| *n > 0) {
            if used.insert(n) {
                out.insert(a.id.clone(), format!("t{n}"));
            }
        }
    }
    let mut next = used.iter().max().copied().unwrap_or(0);
    for a in dates {
        if !out.contains_key(&a.id) {
            next += 1;
            out.insert(a.id.clone(), format!("t{next}"));
        }
    }
    out
}

/// Writes one `.tml` document.
pub fn write(f: &GoldFile) -> String {
    let dates = kept(f);
    let tid = tids(&dates);
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(&format!(
        "<!-- gloss: TimeML written by {}. The TEXT element holds the document's text with LF newlines \
         (offsets are its code points); sha256={} newlines=lf offset_unit=codepoint -->\n",
        crate::EXTRACTOR_NAME,
        f.doc.sha256()
    ));
    s.push_str("<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n");
    s.push_str(&format!("<DOCID>{}</DOCID>\n", xml_escape(&f.doc.id)));
    if let Some(d) = f.doc.dct() {
        s.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n"
        ));
    }
    s.push_str("<TEXT>");
    let chars: Vec<char> = f.doc.text().chars().collect();
    let piece = |a: usize, b: usize| xml_escape(&chars[a..b].iter().collect::<String>());
    let mut cursor = 0;
    for a in &dates {
        let Some(d) = a.date() else { continue };
        s.push_str(&piece(cursor, a.span.start()));
        let mut attrs =
            format!("tid=\"{}\" type=\"{}\" value=\"{}\"", tid[&a.id], d.timex_type.as_str(), xml_escape(&d.value));
        if let Some(m) = &d.modifier {
            attrs.push_str(&format!(" mod=\"{}\"", xml_escape(m)));
        }
        let anchor = match d.anchor.as_deref() {
            Some("dct") => Some("t0".to_string()),
            Some(x) => tid.get(x).cloned(),
            None => None,
        };
        match &anchor {
            Some(t) => attrs.push_str(&format!(" temporalFunction=\"true\" anchorTimeID=\"{t}\"")),
            None => attrs.push_str(" temporalFunction=\"false\""),
        }
        attrs.push_str(" functionInDocument=\"NONE\"");
        if let Some(n) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
            attrs.push_str(&format!(" comment=\"{}\"", attribute_escape(n)));
        }
        if a.span.is_empty() {
            s.push_str(&format!("<TIMEX3 {attrs}/>"));
        } else {
            s.push_str(&format!("<TIMEX3 {attrs}>{}</TIMEX3>", piece(a.span.start(), a.span.end())));
        }
        cursor = a.span.end();
    }
    s.push_str(&piece(cursor, chars.len()));
    s.push_str("</TEXT>\n</TimeML>\n");
    s
}

/// An attribute value that any XML reader gives back exactly: escaped as text, and tabs,
/// newlines and carriage returns as character references (XML turns them into spaces in
/// attribute values otherwise).
fn attribute_escape(s: &str) -> String {
    xml_escape(s).replace('\t', "&#9;").replace('\n', "&#10;").replace('\r', "&#13;")
}

/// What TimeML cannot hold of these documents.
pub fn losses(files: &[GoldFile]) -> Vec<String> {
    let mut out = Vec::new();
    let n = |l: Label| files.iter().flat_map(|f| &f.annotations).filter(|a| a.label() == l).count();
    let (actors, claims) = (n(Label::Actor), n(Label::Claim));
    if actors + claims > 0 {
        out.push(format!(
            "{} and {}: TimeML holds dates only",
            count(actors, "ACTOR annotation"),
            count(claims, "CLAIM annotation")
        ));
    }
    let mut overlapping = 0;
    let mut anchors = 0;
    let mut kept_n = 0;
    for f in files {
        let k = kept(f);
        kept_n += k.len();
        overlapping += n_dates(f) - k.len();
        let ids: Vec<&str> = k.iter().map(|a| a.id.as_str()).collect();
        anchors += k
            .iter()
            .filter_map(|a| a.date().and_then(|d| d.anchor.as_deref()))
            .filter(|x| *x != "dct" && !ids.contains(x))
            .count();
    }
    let rejected =
        files.iter().flat_map(|f| &f.annotations).filter(|a| a.label() == Label::Date && !a.status.is_live()).count();
    overlapping -= rejected;
    if rejected > 0 {
        out.push(format!(
            "{}: not written, since TimeML cannot mark a date rejected",
            count(rejected, "rejected DATE")
        ));
    }
    if overlapping > 0 {
        out.push(format!(
            "{} overlapping or nested in another: TIMEX3 tags cannot overlap",
            count(overlapping, "DATE")
        ));
    }
    if anchors > 0 {
        out.push(format!("{} pointing at a date not written", count(anchors, "anchor")));
    }
    if kept_n > 0 {
        out.push(format!("the review status, provenance and ids (beyond D<n> -> t<n>) of {}", count(kept_n, "DATE")));
    }
    // A written date keeps its note as the TIMEX3's comment; the notes of the others go
    // with them, and no doubt flag or adjudication record has a place.
    let kept_ids: Vec<Vec<&str>> = files.iter().map(|f| kept(f).iter().map(|a| a.id.as_str()).collect()).collect();
    let notes = files
        .iter()
        .zip(&kept_ids)
        .flat_map(|(f, k)| f.annotations.iter().filter(move |a| !k.contains(&a.id.as_str())))
        .filter(|a| a.note.is_some())
        .count();
    let all = files.iter().flat_map(|f| &f.annotations);
    if let Some(r) = super::remarks(all, notes) {
        out.push(format!("{r}: TimeML keeps only the notes of the dates it writes (as comments)"));
    }
    out
}

fn n_dates(f: &GoldFile) -> usize {
    f.annotations.iter().filter(|a| a.label() == Label::Date).count()
}

/// A TIMEX3 of the text: tid, attributes, start and end (code points of the raw text), and
/// the byte position of its tag.
type Timex<'a> = (String, Vec<(&'a str, String)>, usize, usize, usize);

/// One XML tag or a run of text, with its byte position in the input.
enum Item<'a> {
    Text(String),
    Open { name: &'a str, attrs: Vec<(&'a str, String)>, empty: bool },
    Close(&'a str),
}

fn unescape(s: &str, pos: usize, input: &str) -> Result<String, Error> {
    if !s.contains('&') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|e| *e <= 10).ok_or_else(|| bad(input, pos, "an & that starts no entity"))?;
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let num = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(h, 16).ok()
                } else {
                    name.strip_prefix('#').and_then(|d| d.parse::<u32>().ok())
                };
                num.and_then(char::from_u32).ok_or_else(|| bad(input, pos, &format!("unknown entity &{name};")))?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn bad(input: &str, pos: usize, what: &str) -> Error {
    let (l, c) = line_col(input, pos);
    Error::format(format!("line {l}, column {c}: {what}"))
}

/// Splits XML into tags and text runs (comments, processing instructions and DOCTYPE
/// skipped; CDATA as text).
fn items(input: &str) -> Result<Vec<(usize, Item<'_>)>, Error> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = input.as_bytes();
    while i < input.len() {
        if b[i] != b'<' {
            let end = input[i..].find('<').map_or(input.len(), |e| i + e);
            out.push((i, Item::Text(unescape(&input[i..end], i, input)?)));
            i = end;
            continue;
        }
        let rest = &input[i..];
        let skip_to = |pat: &str, what: &str| -> Result<usize, Error> {
            rest.find(pat).map(|e| i + e + pat.len()).ok_or_else(|| bad(input, i, &format!("an unclosed {what}")))
        };
        if rest.starts_with("<!--") {
            i = skip_to("-->", "comment")?;
        } else if rest.starts_with("<![CDATA[") {
            let end = skip_to("]]>", "CDATA section")?;
            out.push((i, Item::Text(input[i + 9..end - 3].to_string())));
            i = end;
        } else if rest.starts_with("<?") {
            i = skip_to("?>", "processing instruction")?;
        } else if rest.starts_with("<!") {
            i = skip_to(">", "declaration")?;
        } else {
            let end = skip_to(">", "tag")?;
            let inner = &input[i + 1..end - 1];
            if let Some(name) = inner.strip_prefix('/') {
                out.push((i, Item::Close(name.trim())));
            } else {
                let empty = inner.ends_with('/');
                let inner = inner.strip_suffix('/').unwrap_or(inner);
                let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
                let name = &inner[..name_end];
                if name.is_empty() {
                    return Err(bad(input, i, "a tag without a name"));
                }
                let mut attrs = Vec::new();
                let mut r = inner[name_end..].trim_start();
                while !r.is_empty() {
                    let eq = r
                        .find('=')
                        .ok_or_else(|| bad(input, i, &format!("an attribute without a value in <{name}>")))?;
                    let key = r[..eq].trim();
                    let v = r[eq + 1..].trim_start();
                    let q = v
                        .chars()
                        .next()
                        .filter(|c| *c == '"' || *c == '\'')
                        .ok_or_else(|| bad(input, i, &format!("the value of {key} in <{name}> is not quoted")))?;
                    let close = v[1..].find(q).ok_or_else(|| bad(input, i, &format!("an unclosed value of {key}")))?;
                    attrs.push((key, unescape(&v[1..1 + close], i, input)?));
                    r = v[close + 2..].trim_start();
                }
                out.push((i, Item::Open { name, attrs, empty }));
            }
            i = end;
        }
    }
    Ok(out)
}

/// The SHA-256 of the `<!-- gloss: ... sha256=<hex> ... -->` comment that [`write`] puts
/// before the root element; `None` when the prolog holds no such comment. A `sha256=` in
/// the text, in another comment or after the root element starts is not the header's.
fn header_sha(input: &str) -> Option<&str> {
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->")?;
            let body = &after[..end];
            if let Some(words) = body.trim_start().strip_prefix("gloss:") {
                return words.split_whitespace().find_map(|w| {
                    w.strip_prefix("sha256=").filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
                });
            }
            rest = &after[end + 3..];
        } else if rest.starts_with("<!") && !rest.starts_with("<![CDATA[") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            return None;
        }
    }
}

/// Reads one TimeML document; errors name the line and column.
pub fn read(input: &str, opts: &Options) -> Result<GoldFile, Error> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let sha = header_sha(input);
    let items = items(input)?;
    let mut id = None;
    let mut dct = None;
    let mut dct_tid = None;
    let mut stack: Vec<&str> = Vec::new();
    // Text of <TEXT>, and the TIMEX3s in it: (tid, attrs, start, end, position).
    let mut text = String::new();
    let mut text_cp = 0usize;
    let mut in_text = false;
    let mut seen_text = false;
    let mut timexes: Vec<Timex> = Vec::new();
    let mut open_timex: Option<Timex> = None;
    for (pos, item) in &items {
        let pos = *pos;
        match item {
            Item::Text(t) => {
                let parent = stack.last().copied().unwrap_or("");
                if in_text {
                    text.push_str(t);
                    text_cp += t.chars().count();
                } else if parent == "DOCID" {
                    id = Some(t.trim().to_string());
                }
            }
            Item::Open { name, attrs, empty } => {
                let get = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.clone());
                if *name == "TEXT" {
                    if seen_text {
                        return Err(bad(input, pos, "a second <TEXT>"));
                    }
                    in_text = !empty;
                    seen_text = true;
                } else if *name == "TIMEX3" && stack.contains(&"DCT") {
                    let v = get("value").unwrap_or_default();
                    let day = v.get(..10).unwrap_or(&v);
                    dct = Some(parse_dct(day).map_err(|e| bad(input, pos, &format!("the DCT: {e}")))?);
                    dct_tid = get("tid");
                } else if *name == "TIMEX3" && in_text {
                    if open_timex.is_some() {
                        return Err(bad(input, pos, "a TIMEX3 inside another: TimeML does not nest them"));
                    }
                    let tid = get("tid").unwrap_or_default();
                    if *empty {
                        timexes.push((tid, attrs.clone(), text_cp, text_cp, pos));
                    } else {
                        open_timex = Some((tid, attrs.clone(), text_cp, text_cp, pos));
                    }
                }
                if !empty {
                    stack.push(name);
                }
            }
            Item::Close(name) => {
                match stack.pop() {
                    Some(top) if top == *name => {}
                    Some(top) => return Err(bad(input, pos, &format!("</{name}> closes <{top}>"))),
                    None => return Err(bad(input, pos, &format!("</{name}> closes nothing"))),
                }
                if *name == "TEXT" {
                    in_text = false;
                } else if *name == "TIMEX3" && in_text {
                    if let Some((tid, attrs, s, _, p)) = open_timex.take() {
                        timexes.push((tid, attrs, s, text_cp, p));
                    }
                }
            }
        }
    }
    if let Some(top) = stack.last() {
        return Err(Error::format(format!("<{top}> is never closed")));
    }
    if !seen_text {
        return Err(Error::format("no <TEXT> element: not a TimeML document"));
    }
    let id = id.filter(|s| !s.is_empty()).unwrap_or_else(|| opts.default_id().to_string());
    let doc = Document::new(id, &text, dct)?;
    if let Some(h) = sha {
        check_sha(&doc, h)?;
    }
    let offsets = RawOffsets::new(&text, OffsetUnit::CodePoint);
    // Gloss ids from tids: t<n> -> D<n>.
    let mut ids: HashMap<String, String> = HashMap::new();
    for (k, (tid, ..)) in timexes.iter().enumerate() {
        let gid = match tid.strip_prefix('t').filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
            Some(n) => format!("D{n}"),
            None => format!("D{}", k + 1),
        };
        ids.insert(tid.clone(), gid);
    }
    let mut anns = Vec::with_capacity(timexes.len());
    for (tid, attrs, s, e, pos) in &timexes {
        let get = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.clone());
        let (l, c) = line_col(input, *pos);
        let at = format!("line {l}, column {c} (TIMEX3 {tid})");
        let ty = get("type").unwrap_or_default();
        let timex_type = TimexType::parse(&ty)
            .ok_or_else(|| Error::format(format!("{at}: type {ty:?} is not DATE, TIME, DURATION or SET")))?;
        let value =
            get("value").filter(|v| !v.trim().is_empty()).ok_or_else(|| Error::format(format!("{at}: no value")))?;
        let anchor = match get("anchorTimeID") {
            None => None,
            Some(t) if Some(&t) == dct_tid.as_ref() || t == "t0" => Some("dct".to_string()),
            Some(t) => Some(
                ids.get(&t)
                    .cloned()
                    .ok_or_else(|| Error::format(format!("{at}: anchorTimeID {t:?} is no TIMEX3 of the file")))?,
            ),
        };
        let span = Span::new(offsets.to_cp(*s)?, offsets.to_cp(*e)?).map_err(|x| x.context(&at))?;
        anns.push(Annotation {
            id: ids.get(tid).cloned().unwrap_or_default(),
            span,
            quote: doc.slice(span).unwrap_or_default().to_string(),
            status: Status::Manual,
            provenance: Provenance::by(TOOL),
            note: get("comment").filter(|n| !n.trim().is_empty()),
            unsure: false,
            attrs: Attrs::Date(DateAttrs { timex_type, value, modifier: get("mod"), anchor }),
        });
    }
    crate::model::check_annotations(&doc, &anns).map_err(|e| e.context(format_args!("document {}", doc.id)))?;
    Ok(GoldFile::new(doc, anns))
}
