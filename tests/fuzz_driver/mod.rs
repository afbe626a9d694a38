//! The mutation fuzzer of the file readers, shared by the CI test (`tests/fuzz.rs`, a small
//! budget) and the long run (`examples/fuzz_readers.rs`, a million inputs per reader).
//! Included by path (`#[path = ...] mod fuzz_driver;`); a folder is not a test of its own.
//!
//! Owns: the seed inputs (every seed gold file and the test fixtures, written in every format
//! by the crate's own writers, and the fixtures of other tools' files), the mutations (byte
//! flips, insertions of tokens that break parsers and offsets, deletions, duplications,
//! splices between files of one format, truncations, numbers swapped for extreme ones), a
//! deterministic RNG (proptest's XorShift, seeded), running each mutant through its reader
//! and through the format guesser with `catch_unwind`, and writing any input that panics to
//! tests/fixtures/fuzz-regressions/. It must not: time anything in a test, or decide what a
//! reader should accept (only that it answers without panicking; what a reader accepts, it
//! must also write back without panicking).

use gloss::formats::gold::GoldFile;
use gloss::formats::{self, jsonl, Format, Input, OffsetUnit, Options};
use gloss::model::Document;
use proptest::prelude::{Rng, RngExt};
use proptest::test_runner::{RngAlgorithm, TestRng};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// What one fuzz target reads: one text, or several named files (brat).
#[derive(Clone, Debug)]
pub enum Sample {
    Text(String),
    Files(Vec<(String, String)>),
}

/// A reader under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One format's reader, given the format.
    Reader(Format),
    /// The page's and CLI's way in: the format guessed from a file name and the text, then read.
    Guess,
    /// `gloss extract`'s reader of input lines ({"id","text","dct"}).
    InputLines,
}

impl Target {
    pub fn all() -> Vec<Target> {
        let mut t: Vec<Target> = Format::ALL.iter().map(|f| Target::Reader(*f)).collect();
        t.push(Target::Guess);
        t.push(Target::InputLines);
        t
    }

    pub fn name(self) -> String {
        match self {
            Target::Reader(f) => f.name().to_string(),
            Target::Guess => "guess".to_string(),
            Target::InputLines => "input-lines".to_string(),
        }
    }

    /// The target named by a regression file's prefix (`doccano-...`).
    pub fn parse(name: &str) -> Option<Target> {
        match name {
            "guess" => Some(Target::Guess),
            "input-lines" => Some(Target::InputLines),
            other => Format::parse(other).map(Target::Reader),
        }
    }
}

/// Tokens that break parsers, offsets and text handling, inserted at random places.
const TOKENS: &[&str] = &[
    "\u{feff}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\u{0}",
    "\u{2028}",
    "👍",
    "👨\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "e\u{301}",
    "\u{301}",
    "\u{fffd}",
    "é",
    "99999999999999999999",
    "18446744073709551616",
    "4294967296",
    "-1",
    "-0",
    "1e400",
    "0",
    "1.5",
    "NaN",
    "[[[[[[[[",
    "]]]]",
    "{{{{",
    "}}}}",
    "[]",
    "{}",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\udc4d",
    "null",
    "true",
    ",",
    ":",
    "\":\"",
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\">",
    "</TIMEX3>",
    "<TEXT>",
    "</TEXT>",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "&#x1F44D;",
    "&bogus;",
    "<!--",
    "-->",
    "<![CDATA[",
    "B-ACTOR",
    "I-DATE",
    "I-CLAIM",
    "O",
    "-DOCSTART-",
    "# text = ",
    "T1",
    "T1\tACTOR 0 5\tParis\n",
    "R1",
    "A1",
    "D1",
    "C1",
    "#1\tAnnotatorNotes T1\t",
    ";",
    " 0 1;2 3",
    "ACTOR",
    "DATE",
    "CLAIM",
    "\"start\":",
    "\"end\":",
    "\"label\":",
    "\"id\":\"A1\"",
    "\"source\":\"D1\"",
    "\"anchor\":\"A1\"",
    "\"sha256\":\"\"",
    "\"format\":\"gloss-gold\"",
    "\"version\":2",
    "\"offset_unit\":\"utf16\"",
    "PRESENT_REF",
    "2025-13-45",
    "0000-00-00",
    "sha256=",
    "#",
    "%",
    "/",
    "..",
    "CON",
    "\u{202e}",
];

/// The inputs every run starts from, per target: every gold file of `roots` (seeds/*.gold.json,
/// tests/fixtures/*.json that read) written in every format by the crate's writers, and the
/// other tools' files of tests/fixtures/formats.
pub fn seeds(repo: &Path) -> Vec<(Target, Vec<Sample>)> {
    let mut golds: Vec<GoldFile> = Vec::new();
    for dir in [repo.join("seeds"), repo.join("tests/fixtures")] {
        let mut paths: Vec<PathBuf> =
            std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
        paths.sort();
        for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
            if let Some(f) = std::fs::read_to_string(p).ok().and_then(|t| GoldFile::from_json(&t).ok()) {
                golds.push(f);
            }
        }
    }
    assert!(golds.len() >= 5, "the seed gold files read ({} found)", golds.len());
    let mut out: Vec<(Target, Vec<Sample>)> = Target::all().into_iter().map(|t| (t, Vec::new())).collect();
    let mut add = |t: Target, s: Sample| {
        out.iter_mut().find(|(x, _)| *x == t).expect("a known target").1.push(s);
    };
    for f in Format::ALL {
        for unit in [OffsetUnit::CodePoint, OffsetUnit::Utf16] {
            if unit == OffsetUnit::Utf16 && f != Format::Doccano {
                continue;
            }
            let opts = Options { offsets: unit, default_id: None };
            // Each gold file alone, and all of them in one file (several documents).
            let mut sets: Vec<Vec<GoldFile>> = golds.iter().map(|g| vec![g.clone()]).collect();
            sets.push(golds[..5].to_vec());
            for set in sets {
                let written = formats::write(f, &set, &opts).expect("the writers write the seeds");
                match written {
                    formats::Output::Text(t) => {
                        add(Target::Guess, Sample::Files(vec![(format!("x.{}", f.extension()), t.clone())]));
                        add(Target::Reader(f), Sample::Text(t));
                    }
                    formats::Output::Files(files) if f == Format::Brat => add(Target::Reader(f), Sample::Files(files)),
                    formats::Output::Files(files) => {
                        for (name, t) in files {
                            add(Target::Guess, Sample::Files(vec![(name, t.clone())]));
                            add(Target::Reader(f), Sample::Text(t));
                        }
                    }
                }
            }
        }
    }
    for g in &golds {
        let line = serde_json::json!({"id": g.doc.id, "text": g.doc.text(), "dct": g.doc.dct().map(|d| d.to_string())});
        add(Target::InputLines, Sample::Text(format!("{line}\n{line}\n")));
    }
    // Other tools' files, as the fixtures hold them.
    let fixtures = repo.join("tests/fixtures");
    for (file, format) in [
        ("formats/labelstudio/export.json", Format::LabelStudio),
        ("formats/doccano/sequence.jsonl", Format::Doccano),
        ("formats/doccano/relations_utf16.jsonl", Format::Doccano),
        ("formats/w3c/collection.jsonld", Format::W3c),
        ("formats/conll/conll2003.txt", Format::Conll),
        ("formats/spacy/docs.jsonl", Format::Spacy),
        ("formats/timeml/mali.tml", Format::Timeml),
        ("corpus.jsonl", Format::Jsonl),
        ("docs.jsonl", Format::Jsonl),
    ] {
        if let Ok(t) = std::fs::read_to_string(fixtures.join(file)) {
            add(Target::Guess, Sample::Files(vec![(file.to_string(), t.clone())]));
            if file == "docs.jsonl" {
                add(Target::InputLines, Sample::Text(t.clone()));
            }
            add(Target::Reader(format), Sample::Text(t));
        }
    }
    let brat_dir = fixtures.join("formats/brat");
    if let Ok(d) = std::fs::read_dir(&brat_dir) {
        let mut files: Vec<(String, String)> = d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|p| Some((p.file_name()?.to_str()?.to_string(), std::fs::read_to_string(&p).ok()?)))
            .collect();
        files.sort();
        add(Target::Reader(Format::Brat), Sample::Files(files));
    }
    out
}

/// A seeded RNG: the same seed gives the same mutants on every machine.
pub fn rng(seed: u64) -> TestRng {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..].copy_from_slice(&(!seed).to_le_bytes());
    TestRng::from_seed(RngAlgorithm::XorShift, &bytes)
}

/// One to four mutations of `text` (as bytes; the result is made UTF-8 again with U+FFFD,
/// as every caller reads UTF-8 only). `other` is a text of the same target to splice with.
pub fn mutate(rng: &mut TestRng, text: &str, other: &str) -> String {
    let mut b = text.as_bytes().to_vec();
    let n = 1 + rng.random_range(0..4);
    for _ in 0..n {
        let len = b.len();
        let at = if len == 0 { 0 } else { rng.random_range(0..=len) };
        match rng.random_range(0..10) {
            0 if len > 0 => {
                let i = at.min(len - 1);
                b[i] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => {
                let i = at.min(len - 1);
                b[i] = (rng.next_u32() & 0xff) as u8;
            }
            2 | 3 => {
                let tok = TOKENS[rng.random_range(0..TOKENS.len())];
                b.splice(at..at, tok.bytes());
            }
            4 if len > 0 => {
                let end = (at + 1 + rng.random_range(0..64)).min(len);
                b.drain(at.min(end)..end);
            }
            5 if len > 0 => {
                let end = (at + 1 + rng.random_range(0..64)).min(len);
                let piece = b[at.min(end)..end].to_vec();
                let to = rng.random_range(0..=len);
                b.splice(to..to, piece);
            }
            6 => {
                // A splice: this file's head and the other's tail.
                let o = other.as_bytes();
                let from = if o.is_empty() { 0 } else { rng.random_range(0..=o.len()) };
                b.truncate(at);
                b.extend_from_slice(&o[from..]);
            }
            7 => b.truncate(at),
            8 => {
                // A number swapped for an extreme one.
                if let Some(start) = (at..len).find(|i| b[*i].is_ascii_digit()) {
                    let end = (start..len).find(|i| !b[*i].is_ascii_digit()).unwrap_or(len);
                    let nums = ["-1", "0", "1", "4294967296", "99999999999999999999", "1e400", "1.5", "-0"];
                    let pick = nums[rng.random_range(0..nums.len())];
                    b.splice(start..end, pick.bytes());
                }
            }
            _ => {
                // A line dropped or doubled (CoNLL, brat, JSON Lines are line-based).
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(b.iter().enumerate().filter(|(_, c)| **c == b'\n').map(|(i, _)| i + 1))
                    .collect();
                let k = starts[rng.random_range(0..starts.len())];
                let end = b[k..].iter().position(|c| *c == b'\n').map_or(len, |p| k + p + 1);
                if rng.random_range(0..2) == 0 {
                    b.drain(k..end);
                } else {
                    let line = b[k..end].to_vec();
                    b.splice(k..k, line);
                }
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// A mutant of one sample: a text mutated, or one of several files.
pub fn mutate_sample(rng: &mut TestRng, s: &Sample, other: &Sample) -> Sample {
    let other_text = |i: usize| match other {
        Sample::Text(t) => t.as_str(),
        Sample::Files(f) => f.get(i % f.len().max(1)).map_or("", |(_, t)| t.as_str()),
    };
    match s {
        Sample::Text(t) => Sample::Text(mutate(rng, t, other_text(0))),
        Sample::Files(files) if files.is_empty() => Sample::Files(Vec::new()),
        Sample::Files(files) => {
            let mut files = files.clone();
            let i = rng.random_range(0..files.len());
            files[i].1 = mutate(rng, &files[i].1, other_text(i));
            if rng.random_range(0..16) == 0 {
                files.remove(rng.random_range(0..files.len()));
            }
            Sample::Files(files)
        }
    }
}

/// Feeds one input to a target; `Err` carries the panic's message. What a reader accepts is
/// written back in its format (the writers must not panic on what the readers accept).
pub fn feed(target: Target, sample: &Sample, utf16: bool) -> Result<(), String> {
    let opts = Options { offsets: if utf16 { OffsetUnit::Utf16 } else { OffsetUnit::CodePoint }, default_id: None };
    let run = || match (target, sample) {
        (Target::Reader(f), Sample::Text(t)) => {
            if let Ok(docs) = formats::read(f, Input::Text(t), &opts) {
                let _ = formats::write(f, &docs, &opts);
            }
        }
        (Target::Reader(f), Sample::Files(files)) => {
            if let Ok(docs) = formats::read(f, Input::Files(files), &opts) {
                let _ = formats::write(f, &docs, &opts);
            }
        }
        (Target::Guess, Sample::Files(files)) => {
            for (name, t) in files {
                let _ = Format::guess(name, t);
                if let Ok((f, docs)) = formats::open(name, t, &opts) {
                    let _ = formats::write(f, &docs, &opts);
                }
            }
        }
        (Target::Guess, Sample::Text(t)) => {
            let _ = formats::open("input.json", t, &opts);
        }
        (Target::InputLines, s) => {
            let text = match s {
                Sample::Text(t) => t.clone(),
                Sample::Files(f) => f.iter().map(|(_, t)| t.as_str()).collect(),
            };
            for (n, line) in jsonl::lines(&text) {
                let _ = jsonl::read_input_line(n, line, "doc", None);
            }
            let _ = Document::from_bytes("doc", text.as_bytes(), None);
        }
    };
    catch_unwind(AssertUnwindSafe(run)).map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// Silences the default panic report (the driver reports panics itself), keeping the place.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PLACE.with(|p| *p.borrow_mut() = place);
    }));
}

thread_local! {
    static LAST_PLACE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Where the last panic happened (file:line), once `quiet_panics` is set.
pub fn last_place() -> String {
    LAST_PLACE.with(|p| p.borrow().clone())
}

/// Figures of one target's run.
pub struct Report {
    pub target: Target,
    pub inputs: u64,
    pub panics: Vec<(String, PathBuf)>,
    pub seconds: f64,
}

/// Runs `per_target` mutants through `target`, from its seeds, with the RNG seeded by `seed`;
/// every panicking input is written to `regressions` (one file, or a folder for brat) and listed.
pub fn run_target(target: Target, seeds: &[Sample], per_target: u64, seed: u64, regressions: &Path) -> Report {
    let t0 = std::time::Instant::now();
    let mut rng = rng(seed ^ target.name().bytes().fold(0u64, |h, c| h.wrapping_mul(31).wrapping_add(c as u64)));
    let mut panics = Vec::new();
    let mut corpus: Vec<Sample> = seeds.to_vec();
    for i in 0..per_target {
        let a = &corpus[rng.random_range(0..corpus.len())];
        let b = &corpus[rng.random_range(0..corpus.len())];
        let mutant = mutate_sample(&mut rng, a, b);
        let utf16 = rng.random_range(0..4) == 0;
        if let Err(msg) = feed(target, &mutant, utf16) {
            let path = save(regressions, target, &mutant, utf16);
            panics.push((format!("{msg} at {}", last_place()), path));
        }
        // Mutants of mutants, now and then: errors deeper than one change away.
        if i % 8 == 0 && corpus.len() < seeds.len() + 256 {
            corpus.push(mutant);
        } else if i % 8 == 0 {
            let k = seeds.len() + rng.random_range(0..256);
            corpus[k] = mutant;
        }
    }
    Report { target, inputs: per_target, panics, seconds: t0.elapsed().as_secs_f64() }
}

/// Writes a panicking input as `<target>-<hash>[.utf16].txt` (a folder of files for brat).
pub fn save(dir: &Path, target: Target, s: &Sample, utf16: bool) -> PathBuf {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    match s {
        Sample::Text(t) => h.update(t.as_bytes()),
        Sample::Files(f) => f.iter().for_each(|(n, t)| {
            h.update(n.as_bytes());
            h.update(t.as_bytes())
        }),
    }
    let hex: String = h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    let unit = if utf16 { ".utf16" } else { "" };
    let _ = std::fs::create_dir_all(dir);
    match s {
        Sample::Text(t) => {
            let p = dir.join(format!("{}-{hex}{unit}.txt", target.name()));
            let _ = std::fs::write(&p, t);
            p
        }
        Sample::Files(files) => {
            let p = dir.join(format!("{}-{hex}{unit}", target.name()));
            let _ = std::fs::create_dir_all(&p);
            for (name, t) in files {
                let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
                let _ = std::fs::write(p.join(base), t);
            }
            p
        }
    }
}

/// A saved regression input read back: its target, sample and offset unit.
pub fn load(path: &Path) -> Option<(Target, Sample, bool)> {
    let name = path.file_name()?.to_str()?;
    let target = Target::parse(&name[..name.rfind('-')?])?;
    let utf16 = name.contains(".utf16");
    let sample = if path.is_dir() {
        let mut files: Vec<(String, String)> = std::fs::read_dir(path)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|p| Some((p.file_name()?.to_str()?.to_string(), std::fs::read_to_string(&p).ok()?)))
            .collect();
        files.sort();
        Sample::Files(files)
    } else {
        let text = std::fs::read_to_string(path).ok()?;
        if target == Target::Guess {
            Sample::Files(vec![("input.json".to_string(), text)])
        } else {
            Sample::Text(text)
        }
    };
    Some((target, sample, utf16))
}

/// For a lossless format, what its reader accepts must come back the same once written and
/// read again; `Some` says what differs (the first document or count that does).
pub fn roundtrip_difference(target: Target, sample: &Sample, utf16: bool) -> Option<String> {
    let Target::Reader(f) = target else { return None };
    if matches!(f, Format::Conll | Format::Timeml) {
        return None;
    }
    let opts = Options { offsets: if utf16 { OffsetUnit::Utf16 } else { OffsetUnit::CodePoint }, default_id: None };
    let first = match sample {
        Sample::Text(t) => formats::read(f, Input::Text(t), &opts),
        Sample::Files(files) => formats::read(f, Input::Files(files), &opts),
    }
    .ok()?;
    let written = match formats::write(f, &first, &opts) {
        Ok(w) => w,
        Err(e) => return Some(format!("read, but not written back: {e}")),
    };
    let again = match &written {
        formats::Output::Text(t) => formats::read(f, Input::Text(t), &opts),
        formats::Output::Files(files) if f == Format::Brat => formats::read(f, Input::Files(files), &opts),
        formats::Output::Files(files) => {
            let mut all = Vec::new();
            for (_, t) in files {
                match formats::read(f, Input::Text(t), &opts) {
                    Ok(mut d) => all.append(&mut d),
                    Err(e) => return Some(format!("written back, not read again: {e}")),
                }
            }
            Ok(all)
        }
    };
    match again {
        Err(e) => Some(format!("written back, not read again: {e}")),
        Ok(docs) if docs.len() != first.len() => {
            Some(format!("{} documents, {} after a round trip", first.len(), docs.len()))
        }
        Ok(mut docs) => {
            // The order of documents and annotations is not data: compare them sorted by id
            // (a brat collection is read in the order of its file names, which are the ids).
            let sorted = |v: &mut Vec<GoldFile>| {
                v.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
                v.iter_mut().for_each(|f| f.annotations.sort_by(|x, y| x.id.cmp(&y.id)))
            };
            let mut first = first;
            sorted(&mut first);
            sorted(&mut docs);
            same_or_difference(&first, &docs)
        }
    }
}

fn same_or_difference(first: &[GoldFile], docs: &[GoldFile]) -> Option<String> {
    let (a, b) = first.iter().zip(docs).find(|(a, b)| a != b)?;
    Some(match a.annotations.iter().zip(&b.annotations).find(|(x, y)| x != y) {
        Some((x, y)) => format!("{}: annotation {x:?} became {y:?}", a.doc.id),
        None if a.annotations.len() != b.annotations.len() => {
            format!("{}: {} annotations, then {}", a.doc.id, a.annotations.len(), b.annotations.len())
        }
        None => {
            format!("{}: the document differs (id {:?}, dct {:?} / {:?})", a.doc.id, b.doc.id, a.doc.dct(), b.doc.dct())
        }
    })
}
