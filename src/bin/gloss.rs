//! The `gloss` command line: argument parsing, reading and writing files, exit codes.
//!
//! Owns: turning paths and flags into calls of the library (extract, formats, eval) and
//! their results into output, and the exit codes: 0 ok, 1 bad input (one line naming the
//! file and the position), 2 misuse (clap's own). It must not: extract, parse or score by
//! itself, panic on any input (binary, bad UTF-8, huge files get a message in words), read
//! more of an input than its cap ([`Limit`]), or write two files whose names differ only in
//! case into one directory.

use clap::{Args, Parser, Subcommand};
use gloss::eval::agree::{self, Coded};
use gloss::eval::{self, Coverage, EvalDoc};
use gloss::extract::Pipeline;
use gloss::formats::gold::GoldFile;
use gloss::formats::jsonl::{self, LineKind};
use gloss::formats::{self as fmt, corpus, Format, OffsetUnit};
use gloss::model::raw::{self, Limit};
use gloss::model::{parse_dct, warnings, ActorKind, Document, Label, Mention, Status};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "gloss/learn.rs"]
mod learn;

/// mimalloc serves the extractors' many small allocations faster than the system's malloc
/// (Cargo.toml says by how much); the criterion benchmark times the pipeline with it too.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A file's refusal over its cap, naming the file.
fn refusal(limit: Limit, name: &str) -> Fail {
    Fail::input(limit.refusal().context(name).message())
}

#[derive(Parser)]
#[command(name = "gloss", version, about = "Extract, validate, score and convert ACTOR / DATE / CLAIM annotations")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract annotations from plain-text articles or JSON Lines {"id","text","dct"}.
    Extract(ExtractArgs),
    /// Check annotation files in any format Gloss reads and print guideline warnings.
    Validate(ValidateArgs),
    /// Score predictions against gold: per label strict and overlap P/R/F1, and more.
    Score(ScoreArgs),
    /// Convert annotation files between formats (gloss, jsonl, labelstudio, doccano, brat,
    /// w3c, conll, spacy, timeml); what the output format cannot hold is named on stderr.
    Convert(ConvertArgs),
    /// Agreement between annotators: span F1, Cohen's kappa, Krippendorff's alpha and
    /// alpha_U per label, attributes, confusion and disagreements.
    Agree(AgreeArgs),
    /// Learn a project lexicon (names with their identity and kind, rejected surfaces,
    /// dates) from reviewed documents; `extract --lexicon` applies it.
    Learn(learn::LearnArgs),
    /// Simulate learning over a corpus in order: after 5, 20, 50 documents, score the next
    /// ones with and without the lexicon learned so far.
    SimulateLearning(learn::SimulateArgs),
}

#[derive(Args)]
struct ExtractArgs {
    /// Plain-text files, or JSON Lines files (*.jsonl); `-` or nothing reads standard input.
    files: Vec<String>,
    /// The documents' creation date (YYYY-MM-DD), for lines and files that have none.
    #[arg(long, value_parser = dct_arg)]
    dct: Option<jiff::civil::Date>,
    /// Read every input as JSON Lines, whatever its extension.
    #[arg(long)]
    jsonl: bool,
    /// Write DIR/<id>.gold.json files instead of printing.
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Do not read the DCT from a dateline ("PARIS, Sept. 19, 2025 (Reuters) - ...") when a
    /// text has none.
    #[arg(long)]
    no_dateline: bool,
    /// Apply a project lexicon (written by `gloss learn`): learned names, rejected surfaces,
    /// renamed identities, dates and cue words; what it adds or changes has the rule `lexicon`.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<String>,
}

#[derive(Args)]
struct ValidateArgs {
    /// Annotation files in any format Gloss reads (gold JSON, JSON Lines, Label Studio,
    /// doccano, W3C, CoNLL, spaCy, TimeML), or directories (of *.gold.json, or a brat collection).
    #[arg(required = true)]
    files: Vec<String>,
    /// The files' format, when it cannot be told from their names and contents.
    #[arg(long = "from", value_name = "FORMAT", value_parser = format_arg)]
    from: Option<Format>,
    /// Offsets of doccano files that do not state their unit: codepoint (default) or utf16.
    #[arg(long, value_parser = offsets_arg)]
    offsets: Option<OffsetUnit>,
}

#[derive(Args)]
struct ScoreArgs {
    /// Gold: a gold JSON file, Gloss JSON Lines, a directory of *.gold.json, or a
    /// development-corpus JSON Lines file (shared/data/dev).
    gold: String,
    /// Predictions, in any of the same forms (`-` reads standard input).
    pred: String,
    /// Labels to score, comma-separated (default: all that the gold annotates).
    #[arg(long, value_delimiter = ',', value_parser = label_arg)]
    labels: Vec<Label>,
    /// Actor kinds to score on both sides, comma-separated: person, organization, state, group.
    #[arg(long, value_delimiter = ',', value_parser = kind_arg)]
    kinds: Vec<ActorKind>,
    /// Score only actor mentions of this type, on both sides.
    #[arg(long, value_parser = mention_arg)]
    mention: Option<Mention>,
    /// Also score claims as attributions: cues, and the sources and contents of found cues.
    #[arg(long)]
    attributions: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct AgreeArgs {
    /// Each annotator's work (two or more): a gold JSON file, Gloss JSON Lines, or a
    /// directory of *.gold.json. The annotator is the files' `annotator` when they all name
    /// the same one, else the file or directory name.
    #[arg(required = true, num_args = 2..)]
    work: Vec<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// List every disagreement (document, code points, labels, who marked what).
    #[arg(long)]
    disagreements: bool,
}

#[derive(Args)]
struct ConvertArgs {
    /// Input format: gloss, jsonl, labelstudio, doccano, brat, w3c, conll, spacy, timeml
    /// (guessed from the file's extension and contents when absent).
    #[arg(long = "from", value_name = "FORMAT", value_parser = format_arg)]
    from: Option<Format>,
    /// Output format: gloss, jsonl, labelstudio, doccano, brat, w3c, conll, spacy, timeml.
    #[arg(long = "to", value_name = "FORMAT", value_parser = format_arg)]
    to: Format,
    /// Input: a file, a directory (a brat collection, *.gold.json or *.tml files), or `-`
    /// for standard input.
    input: String,
    /// Output: a file for one-text formats (standard output when absent), a directory for
    /// brat and for gold JSON (one <id>.gold.json per document) and TimeML of several documents.
    #[arg(short = 'o', long = "out", alias = "out-dir", value_name = "OUT")]
    out: Option<PathBuf>,
    /// doccano offsets: codepoint (default, Python str indexes) or utf16 (what doccano's front
    /// end counts); for reading, used when a file does not state its unit.
    #[arg(long, value_parser = offsets_arg)]
    offsets: Option<OffsetUnit>,
}

fn format_arg(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("'{s}' is not a format: use one of {}", names.join(", "))
    })
}

fn offsets_arg(s: &str) -> Result<OffsetUnit, String> {
    OffsetUnit::parse(s).ok_or_else(|| format!("'{s}' is not an offset unit: use codepoint or utf16"))
}

fn label_arg(s: &str) -> Result<Label, String> {
    Label::parse(s.trim()).ok_or_else(|| format!("'{s}' is not a label: use ACTOR, DATE or CLAIM"))
}

fn kind_arg(s: &str) -> Result<ActorKind, String> {
    ActorKind::parse(&s.trim().to_ascii_lowercase())
        .ok_or_else(|| format!("'{s}' is not an actor kind: use person, organization, state or group"))
}

fn mention_arg(s: &str) -> Result<Mention, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "name" => Ok(Mention::Name),
        "nominal" => Ok(Mention::Nominal),
        _ => Err(format!("'{s}' is not a mention type: use name or nominal")),
    }
}

fn dct_arg(s: &str) -> Result<jiff::civil::Date, String> {
    parse_dct(s).map_err(|e| e.to_string())
}

/// A failure to report: a one-line message and the exit code.
struct Fail {
    message: String,
    code: u8,
}

impl Fail {
    fn input(message: impl Into<String>) -> Fail {
        Fail { message: message.into(), code: 1 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Out::new();
    let result = match cli.cmd {
        Cmd::Extract(a) => extract(a, &mut out),
        Cmd::Validate(a) => validate(a, &mut out),
        Cmd::Score(a) => score(a, &mut out),
        Cmd::Convert(a) => convert(a, &mut out),
        Cmd::Agree(a) => agree(a, &mut out),
        Cmd::Learn(a) => learn::learn(a, &mut out),
        Cmd::SimulateLearning(a) => learn::simulate_learning(a, &mut out),
    };
    let flushed = out.flush();
    match result.and(flushed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.code == 0 => ExitCode::SUCCESS,
        Err(f) => {
            let one_line = f.message.replace('\n', " ");
            eprintln!("gloss: {one_line}");
            ExitCode::from(f.code)
        }
    }
}

/// Buffered standard output; a closed pipe (`gloss ... | head`) ends the program quietly.
struct Out {
    w: std::io::BufWriter<std::io::Stdout>,
}

impl Out {
    fn new() -> Out {
        Out { w: std::io::BufWriter::new(std::io::stdout()) }
    }
    fn put(&mut self, s: &str) -> Result<(), Fail> {
        self.w.write_all(s.as_bytes()).map_err(io_fail)
    }
    fn line(&mut self, s: &str) -> Result<(), Fail> {
        self.put(s)?;
        self.put("\n")
    }
    fn flush(&mut self) -> Result<(), Fail> {
        self.w.flush().map_err(io_fail)
    }
}

fn io_fail(e: std::io::Error) -> Fail {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Fail { message: String::new(), code: 0 }
    } else {
        Fail::input(format!("cannot write the output: {e}"))
    }
}

// ---------------------------------------------------------------- reading inputs

/// A file's text (`-` is standard input), read in chunks through `Read::take` so that no
/// more than `limit` allows is ever read: a stream that turns out binary (a NUL byte), not
/// UTF-8 or UTF-16 is refused at the chunk that shows it, one over the limit as soon as it
/// passes it. A leading byte-order mark is dropped.
fn read_text(path: &str, limit: Limit) -> Result<String, Fail> {
    let name = display_name(path);
    // The whole allowance is reserved for a stream (address space only: pages are touched as
    // bytes arrive), a file's own size for a file, so that the buffer never doubles (and
    // briefly holds twice) what was read.
    let mut expected = limit.bytes() as usize + 64 * 1024;
    let source: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(|e| Fail::input(format!("{path}: cannot open: {}", io_words(&e))))?;
        if meta.is_dir() {
            return Err(Fail::input(format!("{path}: is a directory, not a file")));
        }
        if meta.len() > limit.bytes() {
            return Err(refusal(limit, name));
        }
        if meta.is_file() {
            expected = meta.len() as usize + 1;
        }
        Box::new(std::fs::File::open(p).map_err(|e| Fail::input(format!("{path}: cannot open: {}", io_words(&e))))?)
    };
    let mut source = source.take(limit.bytes() + 1);
    let mut buf = Vec::with_capacity(expected);
    let mut chunk = vec![0u8; 64 * 1024];
    let mut checked = 0;
    loop {
        let n = match source.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Fail::input(format!("{name}: cannot read: {}", io_words(&e)))),
        };
        if buf.capacity() - buf.len() < n {
            // Doubling, but never past the limit and one chunk: a stream refused at 128 MB
            // must not have reserved 256.
            let room = (limit.bytes() as usize + chunk.len()).saturating_sub(buf.len());
            buf.reserve_exact(buf.len().max(chunk.len()).min(room).max(n));
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() as u64 > limit.bytes() {
            return Err(refusal(limit, name));
        }
        checked = raw::check_chunk(&buf, checked).map_err(|e| Fail::input(e.context(name).message()))?;
    }
    // A multi-byte character cut off by the end of the file is refused here.
    raw::finish(buf, checked).map_err(|e| Fail::input(e.context(name).message()))
}

fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// The text, unless it holds nothing but white space (a gold or JSON Lines file must hold
/// a document).
fn non_empty<'t>(path: &str, text: &'t str) -> Result<&'t str, Fail> {
    if text.trim().is_empty() {
        return Err(Fail::input(format!("{}: the file is empty", display_name(path))));
    }
    Ok(text)
}

fn has_jsonl_ext(path: &str) -> bool {
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    ext == "jsonl" || ext == "ndjson"
}

/// The file's stem, for a document id (`articles/mali.txt` -> `mali`).
fn stem(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let s = Path::new(path).file_name().and_then(|s| s.to_str()).unwrap_or("doc");
    let s = s.strip_suffix(".gold.json").unwrap_or(s);
    match s.rfind('.') {
        Some(i) if i > 0 => s[..i].to_string(),
        _ => s.to_string(),
    }
}

/// Expands directories to their `*.gold.json` files (sorted); other paths stay.
fn expand_dirs(paths: &[String]) -> Result<Vec<String>, Fail> {
    let mut out = Vec::new();
    for p in paths {
        if p != "-" && Path::new(p).is_dir() {
            let mut found = gold_files_in(p)?;
            if found.is_empty() {
                return Err(Fail::input(format!("{p}: the directory holds no *.gold.json file")));
            }
            out.append(&mut found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn gold_files_in(dir: &str) -> Result<Vec<String>, Fail> {
    let entries = std::fs::read_dir(dir).map_err(|e| Fail::input(format!("{dir}: cannot list: {}", io_words(&e))))?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".gold.json")))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    found.sort();
    Ok(found)
}

/// True when a file should be read as JSON Lines: by its extension, or when its first line
/// is a whole JSON object and another line follows.
fn is_jsonl(path: &str, text: &str) -> bool {
    has_jsonl_ext(path) || (jsonl::looks_like_jsonl(text) && jsonl::lines(text).nth(1).is_some())
}

// ---------------------------------------------------------------- extract

/// The time written as `created`: now, or `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention) when it is set and valid, so two runs can be compared byte
/// for byte (scripts/same-output.sh).
fn now_rfc3339() -> String {
    let fixed = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok());
    fixed.unwrap_or_else(jiff::Timestamp::now).strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn extract(a: ExtractArgs, out: &mut Out) -> Result<(), Fail> {
    let files = if a.files.is_empty() { vec!["-".to_string()] } else { a.files.clone() };
    let pipeline = Pipeline::default();
    let lexicon = a.lexicon.as_deref().map(learn::read_lexicon).transpose()?;
    let compiled = lexicon.as_ref().map(gloss::extract::learned::Compiled::new);
    let created = now_rfc3339();
    let annotate = |doc: Document| -> GoldFile {
        let doc = match (doc.dct(), a.no_dateline) {
            (None, false) => match pipeline.dateline(&doc) {
                Some(d) => {
                    eprintln!(
                        "gloss: {}: DCT {} read from the dateline {:?} (--no-dateline to leave it unset)",
                        doc.id, d.date, d.words
                    );
                    doc.with_dct(Some(d.date))
                }
                None => doc,
            },
            _ => doc,
        };
        let anns = match (&lexicon, &compiled) {
            (Some(lex), Some(c)) => pipeline.run_learned(&doc, lex, c),
            _ => pipeline.run(&doc),
        };
        let mut f = GoldFile::new(doc, anns);
        f.meta.created = Some(created.clone());
        f
    };
    if let Some(dir) = &a.out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail::input(format!("{}: cannot create the directory: {}", dir.display(), io_words(&e))))?;
    }
    let single_text = files.len() == 1 && !a.jsonl && !has_jsonl_ext(&files[0]);
    let mut names = DirNames::default();
    let mut skips = Skips::default();
    let mut emit = |f: GoldFile, origin: String, out: &mut Out| -> Result<(), Fail> {
        match &a.out_dir {
            Some(dir) => {
                let stem = names.claim(&fmt::safe_file_name(&f.doc.id), &f.doc.id, &origin)?;
                let path = dir.join(format!("{stem}.gold.json"));
                std::fs::write(&path, f.to_json())
                    .map_err(|e| Fail::input(format!("{}: cannot write: {}", path.display(), io_words(&e))))
            }
            None if single_text => out.put(&f.to_json()),
            None => out.line(&f.to_json_line()),
        }
    };
    for path in &files {
        let name = display_name(path);
        if a.jsonl || has_jsonl_ext(path) {
            let text = read_text(path, Limit::Annotated)?;
            let default_id = stem(path);
            let mut lines = 0;
            for (n, line) in jsonl::lines(&text) {
                lines += 1;
                let doc = match jsonl::read_input_line(n, line, &default_id, a.dct) {
                    Ok(doc) => doc,
                    Err(e) if e.kind_name() == "input" => {
                        skips.skip(name, &e);
                        continue;
                    }
                    Err(e) => return Err(Fail::input(format!("{name}: {e}"))),
                };
                skips.keep();
                emit(annotate(doc), format!("{name}:{n}"), out)?;
            }
            if lines == 0 {
                return Err(Fail::input(format!("{name}: the file holds no line to extract from")));
            }
        } else {
            let text = read_text(path, Limit::Article)?;
            let doc = Document::new(stem(path), &text, a.dct).map_err(|e| Fail::input(format!("{name}: {e}")))?;
            skips.keep();
            emit(annotate(doc), name.to_string(), out)?;
        }
    }
    skips.finish("nothing extracted")
}

/// The documents of JSON Lines inputs that the library refuses (a bad date, a binary-looking
/// or oversized text) are skipped, so that one bad line of a corpus does not stop the
/// others; `extract` and the readers of `score` skip the same lines. The notes wait until a
/// document is kept: when none is, the run fails with one line instead of notes.
#[derive(Default)]
struct Skips {
    pending: Vec<String>,
    first: Option<String>,
    skipped: usize,
    kept: usize,
}

impl Skips {
    fn skip(&mut self, name: &str, e: &gloss::model::Error) {
        let what = format!("{name}: {e}");
        let note = format!("gloss: note: {what}: document skipped");
        if self.kept > 0 {
            eprintln!("{note}");
        } else {
            self.pending.push(note);
        }
        self.first.get_or_insert(what);
        self.skipped += 1;
    }

    fn keep(&mut self) {
        if self.kept == 0 {
            for note in self.pending.drain(..) {
                eprintln!("{note}");
            }
        }
        self.kept += 1;
    }

    /// An error when every document was skipped (`outcome` says what that means), else a
    /// count of the skipped ones on standard error.
    fn finish(self, outcome: &str) -> Result<(), Fail> {
        match (self.first, self.kept) {
            (Some(first), 0) if self.skipped == 1 => Err(Fail::input(format!("{first}: {outcome}"))),
            (Some(first), 0) => Err(Fail::input(format!(
                "{first}; and {} more documents skipped: {outcome}, every document was skipped",
                self.skipped - 1
            ))),
            (Some(_), kept) => {
                eprintln!(
                    "gloss: note: {} of {} document{} skipped (reasons above)",
                    self.skipped,
                    self.skipped + kept,
                    plural(self.skipped + kept)
                );
                Ok(())
            }
            (None, _) => Ok(()),
        }
    }
}

/// The file names written into one output directory (their stems), so that no two collide,
/// even on a disk that ignores case (Windows, macOS): a stem equal to one already written
/// but for case gets `_2` (or the next free number) after it, in the order written, with a
/// note; the same stem twice (two documents with one id, or ids that differ only in
/// characters a file name cannot hold) is an error naming both.
#[derive(Default)]
struct DirNames {
    /// The stems asked for, and where each came from.
    given: std::collections::HashMap<String, String>,
    /// The stems written, lowercased, and where each came from.
    used: std::collections::HashMap<String, String>,
}

impl DirNames {
    fn claim(&mut self, stem: &str, id: &str, origin: &str) -> Result<String, Fail> {
        if let Some(prev) = self.given.get(stem) {
            return Err(Fail::input(format!(
                "{origin}: the id {id:?} gives the file name {stem}, already written for {prev}"
            )));
        }
        self.given.insert(stem.to_string(), origin.to_string());
        let mut name = stem.to_string();
        if let Some(prev) = self.used.get(&stem.to_lowercase()) {
            let free = (2..).map(|n| format!("{stem}_{n}")).find(|c| !self.used.contains_key(&c.to_lowercase()));
            name = free.unwrap_or_default();
            eprintln!(
                "gloss: note: {origin}: the file name {stem} differs only in case from the one written for {prev}: \
                 written as {name}, so that the two do not collide on disks that ignore case"
            );
        }
        self.used.insert(name.to_lowercase(), origin.to_string());
        Ok(name)
    }
}

// ---------------------------------------------------------------- validate

fn validate(a: ValidateArgs, out: &mut Out) -> Result<(), Fail> {
    let opts = fmt::Options { offsets: a.offsets.unwrap_or_default(), default_id: None };
    for path in &a.files {
        let format = match a.from {
            Some(f) => f,
            None => guess_format(path)?,
        };
        if !matches!(format, Format::Gloss | Format::Jsonl) {
            let name = display_name(path).to_string();
            let files = read_in(format, path, &opts, a.offsets.is_some())?;
            if files.is_empty() {
                return Err(Fail::input(format!("{name}: the file holds no document")));
            }
            for f in &files {
                report_valid(out, &format!("{name} ({})", f.doc.id), f)?;
            }
            continue;
        }
        validate_gold(path, out)?;
    }
    Ok(())
}

/// Gold JSON, Gloss JSON Lines, or a directory of *.gold.json.
fn validate_gold(path: &str, out: &mut Out) -> Result<(), Fail> {
    for path in expand_dirs(std::slice::from_ref(&path.to_string()))? {
        let name = display_name(&path).to_string();
        let text = read_text(&path, Limit::Annotated)?;
        let text = non_empty(&path, &text)?;
        if is_jsonl(&path, text) {
            // Every line is read before any is reported: a file is valid as a whole or not.
            let mut docs = Vec::new();
            for (n, line) in jsonl::lines(text) {
                docs.push((n, jsonl::read_line(n, line).map_err(|e| Fail::input(format!("{name}: {e}")))?));
            }
            if docs.is_empty() {
                return Err(Fail::input(format!("{name}: the file holds no document")));
            }
            jsonl::check_unique_ids(&docs).map_err(|e| Fail::input(format!("{name}: {e}")))?;
            for (n, f) in &docs {
                report_valid(out, &format!("{name}:{n} ({})", f.doc.id), f)?;
            }
        } else {
            if let Ok(Some(LineKind::Corpus)) = jsonl::sniff(text) {
                return Err(Fail::input(format!(
                    "{name}: this is a development-corpus line, not a gold file: `gloss convert --to jsonl` makes one"
                )));
            }
            let f = GoldFile::from_json(text).map_err(|e| Fail::input(format!("{name}: {e}")))?;
            report_valid(out, &name, &f)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- formats

/// The format of a file or directory, from its name and contents.
fn guess_format(path: &str) -> Result<Format, Fail> {
    let name = display_name(path);
    if path != "-" && Path::new(path).is_dir() {
        let entries = dir_entries(path)?;
        let has = |ext: &str| entries.iter().any(|p| p.ends_with(ext));
        // A brat collection is known by its .ann files: a folder of plain .txt articles is not one.
        return if has(".ann") {
            Ok(Format::Brat)
        } else if has(".gold.json") {
            Ok(Format::Gloss)
        } else if has(".tml") {
            Ok(Format::Timeml)
        } else {
            Err(Fail::input(format!(
                "{name}: the directory holds no annotation files: expected *.gold.json files, \
                 a brat collection (a .ann file beside each .txt) or *.tml files{}",
                if has(".txt") { "; plain .txt articles are annotated with `gloss extract`" } else { "" }
            )))
        };
    }
    if path == "-" {
        // Standard input can be read only once: it is Gloss's own (gold JSON or JSON Lines)
        // unless --from says otherwise.
        return Ok(Format::Gloss);
    }
    let text = read_text(path, Limit::Annotated)?;
    let text = non_empty(path, &text)?;
    Format::guess(path, text).ok_or_else(|| {
        Fail::input(format!("{name}: cannot tell this file's format from its name or contents: give --from FORMAT"))
    })
}

/// The regular files of a directory, sorted.
fn dir_entries(dir: &str) -> Result<Vec<String>, Fail> {
    let entries = std::fs::read_dir(dir).map_err(|e| Fail::input(format!("{dir}: cannot list: {}", io_words(&e))))?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    found.sort();
    Ok(found)
}

/// Reads documents of any format other than Gloss's own from a file, a directory or stdin.
/// `unit_given`: the user chose the doccano offset unit (no note is needed).
fn read_in(format: Format, path: &str, opts: &fmt::Options, unit_given: bool) -> Result<Vec<GoldFile>, Fail> {
    let name = display_name(path).to_string();
    let in_words = |e: gloss::model::Error| Fail::input(format!("{name}: {e}"));
    if path != "-" && Path::new(path).is_dir() {
        let wanted: &[&str] = match format {
            Format::Brat => &[".txt", ".ann", fmt::brat::CONF],
            Format::Timeml => &[".tml", ".xml"],
            Format::Gloss => &[".gold.json"],
            _ => &[".json", ".jsonl", ".jsonld", ".conll"],
        };
        let mut files = Vec::new();
        for p in dir_entries(path)? {
            if !wanted.iter().any(|w| p.ends_with(w)) {
                continue;
            }
            let limit = if p.ends_with(".txt") { Limit::Article } else { Limit::Annotated };
            let text = read_text(&p, limit)?;
            let base = Path::new(&p).file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            files.push((base, text));
        }
        if files.is_empty() {
            return Err(Fail::input(format!("{name}: the directory holds no {format} file")));
        }
        if format == Format::Brat && !files.iter().any(|(n, _)| n.ends_with(".ann")) {
            return Err(Fail::input(format!(
                "{name}: the directory holds no .ann file: a brat collection has a .ann file beside each .txt"
            )));
        }
        return fmt::read(format, fmt::Input::Files(&files), opts).map_err(in_words);
    }
    let text = read_text(path, Limit::Annotated)?;
    let text = non_empty(path, &text)?;
    // doccano's own exports do not say what their offsets count, and doccano counts UTF-16
    // units: where the two units differ (a character beyond U+FFFF), say which one is used.
    if format == Format::Doccano
        && !unit_given
        && !text.contains("\"offset_unit\"")
        && text.chars().any(|c| c.len_utf16() == 2)
    {
        eprintln!(
            "gloss: note: {name}: the file does not state its offset unit and its text has characters beyond U+FFFF \
             (emoji...): offsets read as code points (--offsets utf16 for doccano's own exports)"
        );
    }
    let o = fmt::Options { default_id: Some(stem(path)), ..opts.clone() };
    fmt::read(format, fmt::Input::Text(text), &o).map_err(in_words)
}

fn report_valid(out: &mut Out, what: &str, f: &GoldFile) -> Result<(), Fail> {
    let warns = warnings(&f.doc, &f.annotations);
    let predicted = f.annotations.iter().filter(|a| a.status == Status::Predicted).count();
    let state = if predicted == 0 { "gold".to_string() } else { format!("in review: {predicted} predicted") };
    out.line(&format!(
        "{what}: ok, {} annotation{} ({state}), {} warning{}",
        f.annotations.len(),
        plural(f.annotations.len()),
        warns.len(),
        plural(warns.len())
    ))?;
    for w in warns {
        out.line(&format!("{what}: warning: {w}"))?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

// ---------------------------------------------------------------- loading annotated files

/// One annotated document and what its source annotates.
struct Loaded {
    file: GoldFile,
    coverage: Coverage,
    places: Vec<gloss::model::Span>,
}

/// Reads annotated documents from a gold JSON file, Gloss JSON Lines, a directory of
/// `*.gold.json` or a development-corpus file.
fn load_annotated(path: &str) -> Result<Vec<Loaded>, Fail> {
    let name = display_name(path).to_string();
    let full = |file: GoldFile| Loaded { file, coverage: Coverage::full(), places: Vec::new() };
    if path != "-" && Path::new(path).is_dir() {
        let files = gold_files_in(path)?;
        if files.is_empty() {
            return Err(Fail::input(format!("{name}: the directory holds no *.gold.json file")));
        }
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            let text = read_text(&f, Limit::Annotated)?;
            out.push(full(GoldFile::from_json(&text).map_err(|e| Fail::input(format!("{f}: {e}")))?));
        }
        return Ok(out);
    }
    let text = read_text(path, Limit::Annotated)?;
    let text = non_empty(path, &text)?;
    let in_words = |e: gloss::model::Error| Fail::input(format!("{name}: {e}"));
    let kind = if is_jsonl(path, text) {
        match jsonl::sniff(text).map_err(in_words)? {
            Some(k) => k,
            None if jsonl::lines(text).next().is_none() => {
                return Err(Fail::input(format!("{name}: the file holds no document")))
            }
            None => {
                return Err(Fail::input(format!(
                    "{name}: line 1: neither a Gloss gold object nor a development-corpus line"
                )))
            }
        }
    } else if let Ok(Some(LineKind::Corpus)) = jsonl::sniff(text) {
        LineKind::Corpus
    } else {
        return Ok(vec![full(GoldFile::from_json(text).map_err(in_words)?)]);
    };
    match kind {
        LineKind::Gold => Ok(jsonl::read(text).map_err(in_words)?.into_iter().map(|(_, f)| full(f)).collect()),
        LineKind::Corpus => {
            let mut out = Vec::new();
            let mut skips = Skips::default();
            for (n, line) in jsonl::lines(text) {
                let d = match corpus::read_line(n, line) {
                    Ok(d) => d,
                    Err(e) if e.kind_name() == "input" => {
                        skips.skip(&name, &e);
                        continue;
                    }
                    Err(e) => return Err(in_words(e)),
                };
                skips.keep();
                let a = d.annotated;
                let coverage = Coverage { labels: a.labels, actor_kinds: a.actor_kinds, canonical: a.canonical };
                out.push(Loaded { file: d.file, coverage, places: d.places });
            }
            skips.finish("nothing to score")?;
            Ok(out)
        }
        LineKind::Input => {
            Err(Fail::input(format!("{name}: line 1: a text without annotations: run `gloss extract` on it first")))
        }
    }
}

fn to_eval(docs: Vec<Loaded>) -> Vec<EvalDoc> {
    docs.into_iter()
        .map(|Loaded { file, coverage, places }| EvalDoc::new(&file.doc, file.annotations, coverage, places))
        .collect()
}

// ---------------------------------------------------------------- score

fn score(a: ScoreArgs, out: &mut Out) -> Result<(), Fail> {
    let gold = to_eval(load_annotated(&a.gold)?);
    let pred = to_eval(load_annotated(&a.pred)?);
    let opts = eval::Options { labels: a.labels, kinds: a.kinds, mention: a.mention, attributions: a.attributions };
    let report = eval::score(&gold, &pred, &opts).map_err(|e| Fail::input(format!("{} vs {}: {e}", a.gold, a.pred)))?;
    let missing = report.documents.missing_in_pred.len();
    if missing > 0 {
        eprintln!(
            "gloss: note: {missing} gold document{} not in {}: scored as all missed",
            plural(missing),
            display_name(&a.pred)
        );
    }
    if a.json {
        let mut v = serde_json::to_value(&report).map_err(|e| Fail::input(format!("cannot write JSON: {e}")))?;
        if let Some(m) = v.as_object_mut() {
            m.insert("gold_file".into(), a.gold.clone().into());
            m.insert("pred_file".into(), a.pred.clone().into());
        }
        let text = serde_json::to_string_pretty(&v).map_err(|e| Fail::input(format!("cannot write JSON: {e}")))?;
        out.line(&text)
    } else {
        out.line(&format!("gold: {}\npredictions: {}", display_name(&a.gold), display_name(&a.pred)))?;
        out.put(&report.to_text())
    }
}

// ---------------------------------------------------------------- agree

fn agree(a: AgreeArgs, out: &mut Out) -> Result<(), Fail> {
    let mut works = Vec::with_capacity(a.work.len());
    for path in &a.work {
        works.push(load_annotated(path)?.into_iter().map(|l| l.file).collect::<Vec<_>>());
    }
    let names = annotator_names(&a.work, &works);
    let coded: Vec<Coded> = works
        .iter()
        .zip(&names)
        .flat_map(|(files, name)| {
            files.iter().map(move |f| Coded { annotator: name, doc: &f.doc, annotations: &f.annotations })
        })
        .collect();
    let report = agree::report(&coded).map_err(|e| Fail::input(e.to_string()))?;
    for c in &report.different_texts {
        eprintln!("gloss: note: {}: the versions hold different texts: different documents, not compared", c.id);
    }
    if report.documents.is_empty() {
        return Err(Fail::input(format!(
            "nothing to compare: no document (same text) is in the work of two of {}",
            names.join(", ")
        )));
    }
    if a.json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| Fail::input(format!("cannot write JSON: {e}")))?;
        out.line(&text)
    } else {
        out.put(&report.to_text(a.disagreements))
    }
}

/// Each work's annotator: the `annotator` all its files name, else the file or directory
/// name; names two works share are made distinct by the file names, then by a number.
fn annotator_names(paths: &[String], works: &[Vec<GoldFile>]) -> Vec<String> {
    let by_meta = |files: &[GoldFile]| {
        let first = files.first()?.meta.annotator.clone()?;
        files.iter().all(|f| f.meta.annotator.as_deref() == Some(first.as_str())).then_some(first)
    };
    let mut names: Vec<String> = works.iter().zip(paths).map(|(w, p)| by_meta(w).unwrap_or_else(|| stem(p))).collect();
    for i in 0..names.len() {
        if names.iter().filter(|n| **n == names[i]).count() > 1 {
            let twins: Vec<usize> = (0..names.len()).filter(|&j| names[j] == names[i]).collect();
            for j in twins {
                names[j] = format!("{} ({})", names[j], stem(&paths[j]));
            }
        }
    }
    for i in 0..names.len() {
        let mut n = 2;
        while names[..i].contains(&names[i]) {
            names[i] = format!("{} #{n}", names[i]);
            n += 1;
        }
    }
    names
}

// ---------------------------------------------------------------- convert

fn convert(a: ConvertArgs, out: &mut Out) -> Result<(), Fail> {
    if a.offsets.is_some() && a.to != Format::Doccano && a.from != Some(Format::Doccano) {
        return Err(Fail { message: "--offsets goes with doccano (--to doccano or --from doccano)".into(), code: 2 });
    }
    let opts = fmt::Options { offsets: a.offsets.unwrap_or_default(), default_id: None };
    let from = match a.from {
        Some(f) => f,
        None => guess_format(&a.input)?,
    };
    let files: Vec<GoldFile> = match from {
        Format::Gloss | Format::Jsonl => load_annotated(&a.input)?.into_iter().map(|l| l.file).collect(),
        other => read_in(other, &a.input, &opts, a.offsets.is_some())?,
    };
    for loss in fmt::losses(a.to, &files) {
        eprintln!("gloss: note: {} does not keep {loss}", a.to);
    }
    let input = display_name(&a.input);
    // Gold JSON with -o: one <id>.gold.json per document in the directory (as before).
    let output = match (a.to, &a.out) {
        (Format::Gloss, Some(_)) => fmt::Output::Files(
            fmt::unique_names(&files, "gold.json")
                .map_err(|e| Fail::input(format!("{input}: {e}")))?
                .into_iter()
                .zip(&files)
                .map(|(n, f)| (n, f.to_json()))
                .collect(),
        ),
        _ => fmt::write(a.to, &files, &opts).map_err(|e| Fail::input(format!("{input}: {e}")))?,
    };
    match (output, &a.out) {
        (fmt::Output::Text(t), None) => out.put(&t),
        (fmt::Output::Text(t), Some(path)) if !path.is_dir() => write_file(path, &t),
        (fmt::Output::Text(t), Some(dir)) => {
            let name = format!("{}.{}", safe_stem(&a.input), a.to.extension());
            write_file(&dir.join(name), &t)
        }
        (fmt::Output::Files(files), Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                Fail::input(format!("{}: cannot create the directory: {}", dir.display(), io_words(&e)))
            })?;
            for (name, text) in apart_in_any_case(files)? {
                write_file(&dir.join(name), &text)?;
            }
            Ok(())
        }
        (fmt::Output::Files(_), None) if a.to == Format::Brat => {
            Err(Fail { message: "brat is a directory of .txt and .ann files: give -o DIR".into(), code: 2 })
        }
        (fmt::Output::Files(files), None) => Err(Fail::input(format!(
            "{input}: {} documents: a {} file holds one; give -o DIR to write one file each{}",
            files.len(),
            a.to,
            if a.to == Format::Gloss { ", or use --to jsonl" } else { "" }
        ))),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), Fail> {
    std::fs::write(path, text).map_err(|e| Fail::input(format!("{}: cannot write: {}", path.display(), io_words(&e))))
}

/// The input's stem as a file name.
fn safe_stem(path: &str) -> String {
    fmt::safe_file_name(&stem(path))
}

/// Output files of one directory, renamed where two documents' names differ only in case
/// (the rule of [`DirNames`]): a brat pair `.txt` + `.ann` keeps one stem, and brat's
/// `annotation.conf`, which names each document's files, follows the new names.
fn apart_in_any_case(files: Vec<(String, String)>) -> Result<Vec<(String, String)>, Fail> {
    let split = |n: &str| -> (String, &'static str) {
        for ext in [".gold.json", ".txt", ".ann", ".tml"] {
            if let Some(stem) = n.strip_suffix(ext) {
                return (stem.to_string(), ext);
            }
        }
        (n.to_string(), "")
    };
    let mut names = DirNames::default();
    let mut renamed: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(files.len());
    for (name, text) in files {
        let (stem, ext) = split(&name);
        let new = match renamed.get(&stem) {
            Some(new) => new.clone(),
            None => {
                let new = names.claim(&stem, &stem, &format!("document {stem}"))?;
                renamed.insert(stem, new.clone());
                new
            }
        };
        out.push((format!("{new}{ext}"), text));
    }
    renamed.retain(|old, new| old != new);
    if !renamed.is_empty() {
        for (name, text) in out.iter_mut() {
            if name == fmt::brat::CONF {
                *text = brat_conf_renamed(text, &renamed);
            }
        }
    }
    Ok(out)
}

/// brat's `annotation.conf` with each `# gloss-document` header's `file` renamed.
fn brat_conf_renamed(conf: &str, renamed: &std::collections::HashMap<String, String>) -> String {
    let mut out = String::with_capacity(conf.len());
    for line in conf.split_inclusive('\n') {
        let header = line.strip_prefix("# gloss-document ").map(str::trim_end);
        let parsed = header.and_then(|j| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(j).ok());
        match parsed {
            Some(mut h) => {
                let file = h.get("file").and_then(|f| f.as_str()).and_then(|f| renamed.get(f)).cloned();
                if let Some(new) = file {
                    h.insert("file".into(), new.into());
                }
                out.push_str(&format!("# gloss-document {}\n", serde_json::Value::Object(h)));
            }
            None => out.push_str(line),
        }
    }
    out
}
