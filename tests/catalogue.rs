//! The malformed-input catalogue as one data-driven test: every case of
//! tests/fixtures/malformed is run through the built `gloss` binary.
//!
//! A case is an input `NAME.EXT` (any extension, binary allowed; or a directory `NAME/`, for
//! a brat collection or a folder) and `NAME.toml` beside it:
//!
//! ```toml
//! why = "what is wrong with the input, in a sentence"
//! args = ["validate"]          # the CLI arguments put before the input's path
//! exit = 1                     # the expected exit code
//! message = "sha256"           # a substring the one-line stderr message must contain
//! extra = ["--from", "brat"]   # optional: arguments put after the path
//! grow_to = 9437184            # optional: the input is repeated into a temporary file of at
//!                              # least this many bytes (a 9 MB text is not committed)
//! page = "why"                 # optional: the reason the page rightly opens this input
//!                              # (tests/e2e/catalogue.spec.mjs opens every other one)
//! ```
//!
//! Each case must: exit with `exit`, print nothing on standard output, print one line on
//! standard error (a trailing newline allowed) that contains `message` and the input's file
//! name, and no panic; and leave the input as it was. It must not: know any case by name
//! (the cases are data), or skip one it cannot read (a broken case fails the test).

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    why: String,
    args: Vec<String>,
    exit: i32,
    message: String,
    #[serde(default)]
    extra: Vec<String>,
    grow_to: Option<u64>,
    /// For the page's end-to-end spec: why the page opens this input (never empty).
    page: Option<String>,
}

fn catalogue() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures").join("malformed")
}

/// The input beside `NAME.toml`: the one other file named `NAME.EXT` (what follows the
/// first dot is the extension, so case names hold no dot) or directory named `NAME`.
fn input_of(toml: &Path) -> Result<PathBuf, String> {
    let stem = toml.file_stem().and_then(|s| s.to_str()).ok_or("a case file without a name")?;
    if stem.contains('.') {
        return Err("a case name holds no dot".to_string());
    }
    let dir = toml.parent().ok_or("no folder")?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p != toml && name.split('.').next() == Some(stem)
        })
        .collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err("no input beside it".to_string()),
        _ => Err(format!("several inputs beside it: {found:?}")),
    }
}

/// A digest of a file or of a directory's files, to tell that a run changed nothing.
fn fingerprint(p: &Path) -> Vec<(String, Vec<u8>)> {
    if p.is_dir() {
        let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(p)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|q| q.is_file())
            .map(|q| (q.display().to_string(), std::fs::read(&q).unwrap()))
            .collect();
        out.sort();
        out
    } else {
        vec![(p.display().to_string(), std::fs::read(p).unwrap())]
    }
}

/// The input repeated into a scratch file of at least `bytes` bytes.
fn grown(input: &Path, bytes: u64) -> PathBuf {
    let unit = std::fs::read(input).expect("the input to grow");
    assert!(!unit.is_empty(), "{}: an empty input cannot grow", input.display());
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("catalogue-{}", std::process::id()))
        .join(input.file_name().unwrap());
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let mut data = Vec::with_capacity(bytes as usize + unit.len());
    while (data.len() as u64) < bytes {
        data.extend_from_slice(&unit);
    }
    std::fs::write(&out, data).unwrap();
    out
}

/// Runs one case; the problems found, in words.
fn run(toml: &Path) -> Vec<String> {
    let case: Case = match std::fs::read_to_string(toml)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(c) => c,
        Err(e) => return vec![format!("the case file does not read: {e}")],
    };
    let mut problems = Vec::new();
    if case.why.trim().is_empty() || case.message.trim().is_empty() || case.args.is_empty() {
        problems.push("why, message and args must not be empty".to_string());
    }
    if case.page.as_deref().is_some_and(|p| p.trim().is_empty()) {
        problems.push("page, when given, says why the page opens the input".to_string());
    }
    let input = match input_of(toml) {
        Ok(p) => p,
        Err(e) => return vec![e],
    };
    let before = fingerprint(&input);
    let path = match case.grow_to {
        Some(bytes) => grown(&input, bytes),
        // Relative to the catalogue folder, so that the message names it as a person typed it.
        None => PathBuf::from(input.file_name().unwrap()),
    };
    let o = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(&case.args)
        .arg(&path)
        .args(&case.extra)
        .current_dir(catalogue())
        .output()
        .expect("the gloss binary runs");
    let err = String::from_utf8_lossy(&o.stderr);
    let name = path.file_name().unwrap().to_string_lossy();
    if o.status.code() != Some(case.exit) {
        problems.push(format!("exit {:?}, expected {}", o.status.code(), case.exit));
    }
    if !o.stdout.is_empty() {
        problems.push(format!("stdout is not empty: {}", String::from_utf8_lossy(&o.stdout)));
    }
    if err.trim_end_matches('\n').contains('\n') || err.trim().is_empty() {
        problems.push("stderr is not one line".to_string());
    }
    if !err.contains(&case.message) {
        problems.push(format!("the message lacks {:?}", case.message));
    }
    if !err.contains(name.as_ref()) {
        problems.push(format!("the message does not name {name}"));
    }
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
        problems.push("a panic".to_string());
    }
    if fingerprint(&input) != before {
        problems.push("the input changed".to_string());
    }
    if case.grow_to.is_some() {
        let _ = std::fs::remove_file(&path);
    }
    if !problems.is_empty() {
        problems.push(format!("stderr: {}", err.trim_end()));
    }
    problems
}

#[test]
fn every_malformed_input_gets_one_clear_line() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(catalogue())
        .expect("tests/fixtures/malformed")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "the catalogue holds {} cases, fewer than 40", cases.len());
    let mut failed = Vec::new();
    for toml in &cases {
        let problems = run(toml);
        let name = toml.file_name().unwrap().to_string_lossy().into_owned();
        if problems.is_empty() {
            println!("ok   {name}");
        } else {
            println!("FAIL {name}: {}", problems.join("; "));
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "{} of {} cases failed: {failed:?} (details above)", failed.len(), cases.len());
}
