//! Readers and writers of annotation files, with no I/O: each takes text (or named texts)
//! and gives model values, or the reverse. Compiled for the browser too.
//!
//! Owns: the registry of formats ([`Format`]) and its three calls, [`read`], [`write`] and
//! [`losses`], on top of one module per format: the gold JSON envelope ([`gold`]), Gloss JSON
//! Lines and plain input lines ([`jsonl`]), the development corpora ([`corpus`]), Label Studio
//! tasks ([`labelstudio`]), doccano JSONL ([`doccano`]), brat standoff ([`brat`]), W3C Web
//! Annotation JSON-LD ([`w3c`]), CoNLL-style BIO columns ([`conll`]), spaCy-ready JSON Lines
//! ([`spacy`]) and TimeML ([`timeml`]); and a stored zip writer ([`zip`]) for downloading
//! several files at once. It must not: read or write files (the CLI does; the page hands
//! over what the browser read), extract or score. docs/FORMATS.md describes each mapping.
//!
//! ```
//! use gloss::formats::{self, Format, Input, Options, Output};
//! use gloss::formats::gold::GoldFile;
//! use gloss::model::Document;
//! let f = GoldFile::new(Document::new("d", "Paris said so.", None).unwrap(), Vec::new());
//! let out = formats::write(Format::Doccano, &[f.clone()], &Options::default()).unwrap();
//! let Output::Text(text) = out else { panic!() };
//! let back = formats::read(Format::Doccano, Input::Text(&text), &Options::default()).unwrap();
//! assert_eq!(back, vec![f]);
//! assert!(formats::losses(Format::Conll, &back).is_empty());
//! ```
pub mod brat;
pub mod common;
pub mod conll;
pub mod corpus;
pub mod doccano;
pub mod gold;
pub mod jsonl;
pub mod labelstudio;
pub mod spacy;
pub mod timeml;
pub mod w3c;
pub mod zip;

pub use common::OffsetUnit;

use crate::model::Error;
use gold::GoldFile;

/// Every format Gloss reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Gloss gold JSON, one document per file (the reference).
    Gloss,
    /// Gloss JSON Lines, one gold object per line (also reads development-corpus lines).
    Jsonl,
    /// Label Studio tasks (a JSON array).
    LabelStudio,
    /// doccano sequence-labelling JSONL with relations.
    Doccano,
    /// brat standoff: a directory of `.txt` + `.ann` and `annotation.conf`.
    Brat,
    /// W3C Web Annotation JSON-LD (an AnnotationCollection).
    W3c,
    /// CoNLL-2003-style BIO columns, one per label layer.
    Conll,
    /// spaCy-ready JSON Lines (`text`, `ents`, `spans`).
    Spacy,
    /// TimeML `.tml` (TIMEX3 and the DCT): dates only.
    Timeml,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 9] = [
        Format::Gloss,
        Format::Jsonl,
        Format::LabelStudio,
        Format::Doccano,
        Format::Brat,
        Format::W3c,
        Format::Conll,
        Format::Spacy,
        Format::Timeml,
    ];

    /// The name used on the command line and in the page: `gloss`, `jsonl`, `labelstudio`...
    pub fn name(self) -> &'static str {
        match self {
            Format::Gloss => "gloss",
            Format::Jsonl => "jsonl",
            Format::LabelStudio => "labelstudio",
            Format::Doccano => "doccano",
            Format::Brat => "brat",
            Format::W3c => "w3c",
            Format::Conll => "conll",
            Format::Spacy => "spacy",
            Format::Timeml => "timeml",
        }
    }

    /// The format named `s` (case-insensitive; `label-studio` and `ls` too); `None` otherwise.
    pub fn parse(s: &str) -> Option<Format> {
        let s = s.trim().to_ascii_lowercase().replace(['-', '_'], "");
        match s.as_str() {
            "ls" | "labelstudio" => Some(Format::LabelStudio),
            "gold" | "json" => Some(Format::Gloss),
            "webannotation" | "jsonld" => Some(Format::W3c),
            "tml" => Some(Format::Timeml),
            "bio" | "conll2003" => Some(Format::Conll),
            _ => Format::ALL.into_iter().find(|f| f.name() == s),
        }
    }

    /// A title for menus.
    pub fn title(self) -> &'static str {
        match self {
            Format::Gloss => "Gloss gold JSON",
            Format::Jsonl => "Gloss JSON Lines",
            Format::LabelStudio => "Label Studio tasks (JSON)",
            Format::Doccano => "doccano JSONL",
            Format::Brat => "brat standoff (.txt + .ann)",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Conll => "CoNLL BIO columns",
            Format::Spacy => "spaCy JSON Lines",
            Format::Timeml => "TimeML (.tml, dates only)",
        }
    }

    /// The file extension written (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Gloss => "gold.json",
            Format::Jsonl | Format::Doccano | Format::Spacy => "jsonl",
            Format::LabelStudio => "json",
            Format::Brat => "ann",
            Format::W3c => "jsonld",
            Format::Conll => "conll",
            Format::Timeml => "tml",
        }
    }

    /// The media type of one written file.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Gloss | Format::LabelStudio => "application/json",
            Format::Jsonl | Format::Doccano | Format::Spacy => "application/jsonl",
            Format::W3c => "application/ld+json",
            Format::Brat | Format::Conll => "text/plain",
            Format::Timeml => "application/xml",
        }
    }

    /// True when the format is always several files (brat): the CLI reads and writes a
    /// directory, the page a zip.
    pub fn is_directory(self) -> bool {
        self == Format::Brat
    }

    /// The format of a file from its name and its first bytes; `None` when nothing fits.
    /// A directory is brat's; `.ann` and `.txt` beside it too.
    pub fn guess(file_name: &str, text: &str) -> Option<Format> {
        let name = file_name.to_ascii_lowercase();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let head = text.trim_start();
        if name.ends_with(".ann") {
            return Some(Format::Brat);
        }
        if name.ends_with(".tml") || (name.ends_with(".xml") && head.contains("<TimeML")) || head.starts_with("<?xml") {
            return Some(Format::Timeml);
        }
        if name.ends_with(".conll") || name.ends_with(".bio") || name.ends_with(".iob") {
            return Some(Format::Conll);
        }
        if name.ends_with(".jsonld") {
            return Some(Format::W3c);
        }
        if head.starts_with("# gloss-conll") || head.starts_with("-DOCSTART-") {
            return Some(Format::Conll);
        }
        if head.starts_with('[') {
            // A list: of Label Studio tasks, or of web annotations.
            if let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(text) {
                match items.first() {
                    Some(first) if first.get("data").is_some() => return Some(Format::LabelStudio),
                    Some(first) if first.get("target").is_some() => return Some(Format::W3c),
                    _ => {}
                }
            }
        }
        if head.starts_with('{') {
            let first_line = head.lines().next().unwrap_or("");
            if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(first_line) {
                // JSON Lines: tell the kinds apart by their keys.
                if o.get("format").and_then(|f| f.as_str()) == Some(gold::FORMAT) || o.contains_key("dataset") {
                    let several = head.lines().filter(|l| !l.trim().is_empty()).nth(1).is_some();
                    let jsonl_name = name.ends_with(".jsonl") || name.ends_with(".ndjson");
                    return Some(if several || jsonl_name { Format::Jsonl } else { Format::Gloss });
                }
                if o.contains_key("entities") || o.contains_key("label") || o.contains_key("relations") {
                    return Some(Format::Doccano);
                }
                if o.contains_key("ents") || o.get("spans").is_some_and(|s| s.is_object()) {
                    return Some(Format::Spacy);
                }
                if o.contains_key("data") {
                    return Some(Format::LabelStudio);
                }
                if o.contains_key("@context") || o.get("type").is_some() {
                    return Some(Format::W3c);
                }
                if o.contains_key("spans") {
                    return Some(Format::Jsonl);
                }
            }
            // A pretty-printed object.
            if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(text) {
                if o.get("format").and_then(|f| f.as_str()) == Some(gold::FORMAT) {
                    return Some(Format::Gloss);
                }
                if o.contains_key("@context") || o.contains_key("type") {
                    return Some(Format::W3c);
                }
                if o.contains_key("data") {
                    return Some(Format::LabelStudio);
                }
            }
        }
        if name.ends_with(".json") {
            return Some(Format::Gloss);
        }
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            return Some(Format::Jsonl);
        }
        None
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a reader is given: one text (a file's contents), or several named texts (brat's
/// `.txt`, `.ann` and `annotation.conf`; several `.gold.json` or `.tml` files).
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Text(&'a str),
    Files(&'a [(String, String)]),
}

/// What a writer gives: one text, or several named files (brat always; Gloss gold JSON and
/// TimeML for more than one document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Text(String),
    Files(Vec<(String, String)>),
}

impl Output {
    /// The output as named files: a single text is named `<stem>.<extension>`.
    pub fn into_files(self, stem: &str, format: Format) -> Vec<(String, String)> {
        match self {
            Output::Text(t) => vec![(format!("{stem}.{}", format.extension()), t)],
            Output::Files(f) => f,
        }
    }

    /// The output as one zip archive (stored, no compression), for a download.
    pub fn to_zip(&self, stem: &str, format: Format) -> Vec<u8> {
        let files: Vec<(String, Vec<u8>)> =
            self.clone().into_files(stem, format).into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
        zip::zip(&files)
    }
}

/// Options of readers and writers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The offset unit doccano files are written in, and read in when a file does not say
    /// (code points by default; UTF-16 is what doccano's own front end counts). Every other
    /// format has one unit, stated in docs/FORMATS.md and in its files.
    pub offsets: OffsetUnit,
    /// The id of a document whose file gives none (a file's stem); `doc` when absent.
    pub default_id: Option<String>,
}

impl Options {
    fn default_id(&self) -> &str {
        self.default_id.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or("doc")
    }
}

/// Reads annotated documents in `format`. Every reader checks bounds, quotes against the
/// text, labels, relation ends and the text's SHA-256 where the file gives one; the first
/// problem is the error, naming the line or position. Nothing is half-read: on an error no
/// document is returned.
pub fn read(format: Format, input: Input<'_>, opts: &Options) -> Result<Vec<GoldFile>, Error> {
    match (format, input) {
        (Format::Brat, Input::Files(files)) => brat::read(files),
        (Format::Brat, Input::Text(_)) => Err(Error::format(
            "brat annotations are a directory of .txt and .ann files (with annotation.conf): open them together",
        )),
        (_, Input::Text(text)) => match read_text(format, text, opts)? {
            // Blank lines or an empty list: said, not opened as nothing.
            docs if docs.is_empty() => Err(Error::format("the file holds no document")),
            docs => Ok(docs),
        },
        (_, Input::Files(files)) => {
            let mut out = Vec::new();
            for (name, text) in files {
                let stem = stem_of(name);
                let o = Options { default_id: Some(stem), ..opts.clone() };
                out.extend(read_text(format, text, &o).map_err(|e| e.context(name))?);
            }
            Ok(out)
        }
    }
}

fn stem_of(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.strip_suffix(".gold.json").unwrap_or(base);
    match base.rfind('.') {
        Some(i) if i > 0 => base[..i].to_string(),
        _ => base.to_string(),
    }
}

fn read_text(format: Format, text: &str, opts: &Options) -> Result<Vec<GoldFile>, Error> {
    match format {
        Format::Gloss => Ok(vec![GoldFile::from_json(text)?]),
        Format::Jsonl => read_jsonl(text),
        Format::LabelStudio => labelstudio::read(text, opts),
        Format::Doccano => doccano::read(text, opts),
        Format::Brat => unreachable_brat(),
        Format::W3c => w3c::read(text),
        Format::Conll => conll::read(text, opts),
        Format::Spacy => spacy::read(text, opts),
        Format::Timeml => Ok(vec![timeml::read(text, opts)?]),
    }
}

fn unreachable_brat() -> Result<Vec<GoldFile>, Error> {
    Err(Error::format("brat annotations are a directory of .txt and .ann files: open them together"))
}

/// Opens a file the page was given: its format guessed from its name and contents
/// ([`Format::guess`]), then read ([`read`]). Brat collections come as several files
/// (use [`read`] with [`Input::Files`]).
pub fn open(file_name: &str, text: &str, opts: &Options) -> Result<(Format, Vec<GoldFile>), Error> {
    let format = Format::guess(file_name, text).ok_or_else(|| {
        Error::format(format!("{file_name}: cannot tell which format this file is in from its name or contents"))
    })?;
    let opts = Options { default_id: opts.default_id.clone().or_else(|| Some(stem_of(file_name))), ..opts.clone() };
    let docs = read(format, Input::Text(text), &opts).map_err(|e| e.context(file_name))?;
    Ok((format, docs))
}

/// Gloss JSON Lines: gold objects, or development-corpus lines.
fn read_jsonl(text: &str) -> Result<Vec<GoldFile>, Error> {
    match jsonl::sniff(text)? {
        Some(jsonl::LineKind::Corpus) => Ok(corpus::read(text)?.into_iter().map(|(_, d)| d.file).collect()),
        _ => Ok(jsonl::read(text)?.into_iter().map(|(_, f)| f).collect()),
    }
}

/// Writes documents in `format`. What the format cannot hold is left out; [`losses`] names
/// it beforehand, so that the caller can say so (the CLI on standard error, the page in the
/// export dialog).
pub fn write(format: Format, files: &[GoldFile], opts: &Options) -> Result<Output, Error> {
    Ok(match format {
        Format::Gloss if files.len() == 1 => Output::Text(files[0].to_json()),
        Format::Gloss => Output::Files(
            unique_names(files, "gold.json")?.into_iter().zip(files).map(|(n, f)| (n, f.to_json())).collect(),
        ),
        Format::Jsonl => Output::Text(jsonl::write(files)),
        Format::LabelStudio => Output::Text(labelstudio::write(files)),
        Format::Doccano => Output::Text(doccano::write(files, opts.offsets)),
        Format::Brat => Output::Files(brat::write(files)?),
        Format::W3c => Output::Text(w3c::write(files)),
        Format::Conll => Output::Text(conll::write(files)),
        Format::Spacy => Output::Text(spacy::write(files)),
        Format::Timeml if files.len() == 1 => Output::Text(timeml::write(&files[0])),
        Format::Timeml => Output::Files(
            unique_names(files, "tml")?.into_iter().zip(files).map(|(n, f)| (n, timeml::write(f))).collect(),
        ),
    })
}

/// One file name per document, `<safe id>.<ext>`; an error when two ids give the same name.
pub fn unique_names(files: &[GoldFile], ext: &str) -> Result<Vec<String>, Error> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let name = format!("{}.{ext}", safe_file_name(&f.doc.id));
        if !seen.insert(name.clone()) {
            return Err(Error::format(format!("two documents give the file name {name}: give them distinct ids")));
        }
        out.push(name);
    }
    Ok(out)
}

/// An id as a file name that every common file system accepts: every character but ASCII
/// letters, digits, `.`, `_` and `-` becomes `_`; leading and trailing dots are dropped
/// (Windows drops trailing ones itself); a Windows reserved device name (CON, PRN, AUX, NUL,
/// COM0-9, LPT0-9, in any case, before any extension: `con.v2` too) gets a `_` after it
/// (`CON_`, `con_.v2`); nothing left gives `doc`. Names that differ only in case still
/// collide on case-insensitive disks: a caller writing several names into one directory
/// disambiguates them (the CLI does).
pub fn safe_file_name(id: &str) -> String {
    let s: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' }).collect();
    let s = s.trim_matches('.');
    if s.is_empty() {
        return "doc".to_string();
    }
    let (head, rest) = s.split_at(s.find('.').unwrap_or(s.len()));
    let upper = head.to_ascii_uppercase();
    let numbered = |p: &str| upper.strip_prefix(p).is_some_and(|d| d.len() == 1 && d.as_bytes()[0].is_ascii_digit());
    if matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL") || numbered("COM") || numbered("LPT") {
        format!("{head}_{rest}")
    } else {
        s.to_string()
    }
}

/// What `format` cannot hold of these documents, one sentence each with counts
/// ("3 ACTOR annotations: TimeML holds dates only"); empty when nothing is lost.
pub fn losses(format: Format, files: &[GoldFile]) -> Vec<String> {
    match format {
        Format::Gloss
        | Format::Jsonl
        | Format::LabelStudio
        | Format::Doccano
        | Format::Brat
        | Format::W3c
        | Format::Spacy => Vec::new(),
        Format::Conll => conll::losses(files),
        Format::Timeml => timeml::losses(files),
    }
}

/// What a format without room for them loses of these annotations' remarks: `notes` notes
/// (counted by the caller: some formats keep some), their unsure flags and adjudication
/// records (`agreed_by`, `adjudicated_by`), as "2 notes, 1 unsure flag and the adjudication
/// record of 3 annotations"; `None` when there is none.
pub(crate) fn remarks<'a>(anns: impl Iterator<Item = &'a crate::model::Annotation>, notes: usize) -> Option<String> {
    let (mut unsure, mut adjudicated) = (0, 0);
    for a in anns {
        unsure += usize::from(a.unsure);
        adjudicated += usize::from(!a.provenance.agreed_by.is_empty() || a.provenance.adjudicated_by.is_some());
    }
    let mut parts = Vec::new();
    if notes > 0 {
        parts.push(count(notes, "note"));
    }
    if unsure > 0 {
        parts.push(count(unsure, "unsure flag"));
    }
    if adjudicated > 0 {
        parts.push(format!("the adjudication record of {}", count(adjudicated, "annotation")));
    }
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        n => {
            let last = parts.pop().unwrap_or_default();
            Some(format!("{} and {last}", parts[..n - 1].join(", ")))
        }
    }
}

/// "1 annotation" / "3 annotations".
pub(crate) fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn sample() -> Vec<GoldFile> {
        let doc = Document::new("d1", "Paris said on Friday it would act.", None).unwrap();
        vec![GoldFile::new(doc, Vec::new())]
    }

    #[test]
    fn names_parse_back() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
            assert_eq!(Format::parse(&f.name().to_ascii_uppercase()), Some(f));
        }
        assert_eq!(Format::parse("label-studio"), Some(Format::LabelStudio));
        assert_eq!(Format::parse("pdf"), None);
    }

    /// Every format's own output is recognised as that format by its file name and text.
    #[test]
    fn each_output_is_guessed_as_its_format() {
        for f in Format::ALL {
            if f.is_directory() {
                continue;
            }
            let out = write(f, &sample(), &Options::default()).unwrap();
            for (name, text) in out.into_files("x", f) {
                assert_eq!(Format::guess(&name, &text), Some(f), "{name}");
                let (g, docs) = open(&name, &text, &Options::default()).unwrap();
                assert_eq!((g, docs.len()), (f, 1), "{name}");
            }
        }
        let e = open("notes.txt", "hello", &Options::default()).unwrap_err();
        assert!(e.message().contains("notes.txt"), "{e}");
    }

    #[test]
    fn safe_file_names_avoid_reserved_and_odd_names() {
        let cases = [
            ("000_c000a84573ae1d4c", "000_c000a84573ae1d4c"),
            ("Mali 2025/09", "Mali_2025_09"),
            ("CON", "CON_"),
            ("con", "con_"),
            ("Nul.v2", "Nul_.v2"),
            ("aux.", "aux_"),
            ("COM1", "COM1_"),
            ("lpt9.txt", "lpt9_.txt"),
            ("COM10", "COM10"),
            ("CONSOLE", "CONSOLE"),
            ("prn-1", "prn-1"),
            ("report. ", "report._"),
            ("notes..", "notes"),
            ("..hidden", "hidden"),
            ("...", "doc"),
            ("", "doc"),
            ("é", "_"),
        ];
        for (id, want) in cases {
            assert_eq!(safe_file_name(id), want, "{id:?}");
        }
    }
}
