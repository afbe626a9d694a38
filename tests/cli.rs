//! Runs the built `gloss` binary on the files in tests/fixtures: extraction from text and
//! JSON Lines (ids and order kept), validation (ok and bad, with exit code 1 and a message
//! naming the file and position), scoring (figures printed and as JSON), conversion, and
//! misuse (exit code 2). It must not: depend on what the extractor finds, which changes as
//! rules improve; extraction tests check the envelope, ids, order and that output validates.

use gloss::formats::{gold::GoldFile, jsonl};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

fn gloss(args: &[&str]) -> Output {
    gloss_stdin(args, None)
}

fn gloss_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(fixtures())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gloss binary runs");
    {
        use std::io::Write;
        let mut input = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            input.write_all(bytes).expect("stdin takes the input");
        }
    }
    child.wait_with_output().expect("gloss finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A fresh, empty directory for one test's output files.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

#[test]
fn extract_one_text_file_gives_pretty_gold_json() {
    let o = gloss(&["extract", "article.txt", "--dct", "2025-09-19"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("{\n"), "pretty JSON expected: {out}");
    let f = GoldFile::from_json(&out).expect("the output is a valid gold file");
    assert_eq!(f.doc.id, "article");
    assert_eq!(f.doc.dct().map(|d| d.to_string()).as_deref(), Some("2025-09-19"));
    assert!(!f.doc.text().contains('\r'), "CRLF is normalised");
    assert_eq!(f.meta.guidelines, gloss::GUIDELINES_VERSION);
    let created = f.meta.created.expect("meta.created is set");
    assert!(created.parse::<jiff::Timestamp>().is_ok(), "RFC 3339: {created}");
    assert!(f.annotations.iter().all(|a| a.status == gloss::model::Status::Predicted));
}

#[test]
fn extract_with_source_date_epoch_is_reproducible() {
    let run = |epoch: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(["extract", "article.txt", "--dct", "2025-09-19"])
            .current_dir(fixtures())
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .expect("the gloss binary runs");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let a = run("1758240000");
    let f = GoldFile::from_json(&a).expect("a valid gold file");
    assert_eq!(f.meta.created.as_deref(), Some("2025-09-19T00:00:00Z"));
    assert_eq!(a, run("1758240000"), "two runs with one SOURCE_DATE_EPOCH are byte-identical");
    let bad = GoldFile::from_json(&run("not a number")).expect("a valid gold file");
    let created = bad.meta.created.expect("an invalid SOURCE_DATE_EPOCH falls back to now");
    assert_ne!(created, "2025-09-19T00:00:00Z");
}

#[test]
fn extract_jsonl_keeps_ids_and_order() {
    let o = gloss(&["extract", "docs.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let files = jsonl::read(&out).expect("the output is Gloss JSON Lines");
    let ids: Vec<&str> = files.iter().map(|(_, f)| f.doc.id.as_str()).collect();
    assert_eq!(ids, ["zeta", "alpha", "mid"]);
    assert_eq!(out.lines().count(), 3, "one compact object per line");
    let dcts: Vec<Option<String>> = files.iter().map(|(_, f)| f.doc.dct().map(|d| d.to_string())).collect();
    assert_eq!(dcts, [Some("2025-09-19".to_string()), None, Some("2016-09-12".to_string())]);
    // The corpus line's spans are ignored: what comes out are predictions.
    assert!(files[2].1.annotations.iter().all(|a| a.provenance.by.starts_with("gloss-extract")));
    // --dct fills in for lines without one; --jsonl reads standard input as JSON Lines.
    let input = std::fs::read(fixtures().join("docs.jsonl")).unwrap();
    let o = gloss_stdin(&["extract", "--jsonl", "--dct", "2020-02-29"], Some(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files = jsonl::read(&stdout(&o)).unwrap();
    assert_eq!(files[1].1.doc.dct().unwrap().to_string(), "2020-02-29");
    assert_eq!(files[0].1.doc.dct().unwrap().to_string(), "2025-09-19");
}

#[test]
fn extract_several_files_stdin_and_out_dir() {
    let o = gloss(&["extract", "article.txt", "second.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files = jsonl::read(&stdout(&o)).unwrap();
    let ids: Vec<&str> = files.iter().map(|(_, f)| f.doc.id.as_str()).collect();
    assert_eq!(ids, ["article", "second"]);

    let o = gloss_stdin(&["extract"], Some("Goïta 👍 spoke.\r\n".as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let f = GoldFile::from_json(&stdout(&o)).unwrap();
    assert_eq!((f.doc.id.as_str(), f.doc.text()), ("stdin", "Goïta 👍 spoke.\n"));

    let dir = scratch("extract-out");
    let d = dir.to_str().unwrap();
    let o = gloss(&["extract", "docs.jsonl", "-o", d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    for id in ["zeta", "alpha", "mid"] {
        let text = std::fs::read_to_string(dir.join(format!("{id}.gold.json"))).expect("one file per document");
        assert_eq!(GoldFile::from_json(&text).unwrap().doc.id, id);
    }
    // The directory validates as a whole.
    let o = gloss(&["validate", d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().filter(|l| l.contains(": ok, ")).count(), 3);
}

#[test]
fn extract_refuses_binary_and_non_utf8_in_words() {
    let o = gloss(&["extract", "binary.png"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("binary.png") && e.contains("binary"), "{e}");
    assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    let o = gloss(&["extract", "latin1.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("latin1.txt: line 1, column") && e.contains("not UTF-8"), "{e}");
    let o = gloss(&["extract", "no-such-file.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-file.txt"));
    let o = gloss(&["extract", "--jsonl", "gold.json"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("gold.json: line 1, column"), "{e}");
}

#[test]
fn validate_ok_reports_counts_status_and_warnings() {
    let o = gloss(&["validate", "gold.json", "pred.json", "warning.gold.json", "pred.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("gold.json: ok, 7 annotations (gold), 0 warnings"), "{out}");
    assert!(out.contains("pred.json: ok, 5 annotations (in review: 5 predicted), 0 warnings"), "{out}");
    assert!(out.contains("warning.gold.json: ok, 1 annotation (gold), 1 warning"), "{out}");
    assert!(out.contains("warning.gold.json: warning: annotation A1: cuts a word in two"), "{out}");
    assert!(out.contains("pred.jsonl:2 (other): ok, 0 annotations"), "{out}");
}

#[test]
fn validate_bad_files_exit_1_naming_file_and_position() {
    let cases = [
        ("bad_quote.gold.json", "annotation A4"),
        ("broken.gold.json", "line 62, column 1"),
        ("changed_text.gold.json", "SHA-256"),
        ("binary.png", "binary"),
        ("corpus.jsonl", "line 1: not a Gloss gold object"),
    ];
    for (file, what) in cases {
        let o = gloss(&["validate", "gold.json", file, "pred.json"]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let e = stderr(&o);
        assert!(e.starts_with(&format!("gloss: {file}: ")) && e.contains(what), "{file}: {e}");
        assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
        // It stops at the first bad file: the one after it is not reported.
        assert!(!stdout(&o).contains("pred.json"), "{file}");
    }
}

#[test]
fn score_prints_the_figures() {
    let o = gloss(&["score", "gold.json", "pred.json", "--attributions"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let row = |label: &str, m: &str| -> Vec<String> {
        let line = out.lines().find(|l| l.starts_with(label) && l.split_whitespace().nth(1) == Some(m)).unwrap();
        line.split_whitespace().skip(2).map(String::from).collect()
    };
    // ACTOR: the rejected gold span is ignored; one exact, one overlapping, one missed, one spurious.
    assert_eq!(row("ACTOR", "strict"), ["3", "3", "1", "0.333", "0.333", "0.333"]);
    assert_eq!(row("ACTOR", "overlap"), ["3", "3", "2", "0.667", "0.667", "0.667"]);
    assert_eq!(row("DATE", "strict"), ["1", "1", "0", "0.000", "0.000", "0.000"]);
    assert_eq!(row("DATE", "overlap"), ["1", "1", "1", "1.000", "1.000", "1.000"]);
    assert_eq!(row("CLAIM", "overlap"), ["2", "1", "1", "1.000", "0.500", "0.667"]);
    assert!(out.contains("value accuracy 1.000 (1/1)"), "{out}");
    assert!(out.contains("canonical 1.000 (1/1)"), "{out}");
    assert!(out.contains("source 1.000 (1/1)"), "{out}");
    assert!(out.contains("attributions: cue P 1.000 R 0.500 F1 0.667"), "{out}");
}

#[test]
fn score_json_kinds_and_missing_documents() {
    let o = gloss(&["score", "gold.json", "pred.jsonl", "--json", "--labels", "ACTOR", "--kinds", "organization"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("--json prints JSON");
    assert_eq!(v["labels"].as_array().unwrap().len(), 1);
    let strict = &v["labels"][0]["strict"];
    assert_eq!(
        (strict["gold"].as_u64(), strict["pred"].as_u64(), strict["correct"].as_u64()),
        (Some(3), Some(2), Some(1))
    );
    assert_eq!(v["documents"]["extra_in_pred"][0], "other");
    // A gold document the predictions lack is scored as all missed, and said so.
    let o = gloss(&["score", "pred.jsonl", "gold.json", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["documents"]["missing_in_pred"][0], "other");
    assert!(stderr(&o).contains("1 gold document not in gold.json"), "{}", stderr(&o));
}

#[test]
fn score_against_a_development_corpus() {
    let o = gloss(&["score", "corpus.jsonl", "corpus.pred.jsonl", "--json", "--attributions"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The corpora annotate DATE (TimeBank) and CLAIM (PolNeAR), not ACTOR: predicted actors
    // are not counted as false.
    assert_eq!(v["not_annotated"], serde_json::json!(["ACTOR"]));
    let date = &v["labels"][0];
    assert_eq!(date["label"], "DATE");
    assert_eq!(date["tempeval"]["value_accuracy"]["correct"], 1);
    assert_eq!(date["tempeval"]["relaxed"]["correct"], 2);
    let claim = &v["labels"][1];
    assert_eq!(claim["overlap"]["correct"], 1);
    assert_eq!(claim["claim"]["source"]["correct"], 1);
    assert_eq!(v["attributions"]["cue"]["recall"], 0.5);
}

#[test]
fn score_refuses_different_texts() {
    let dir = scratch("score-text");
    let path = dir.join("x.gold.json");
    let other = gloss::model::Document::new("article", "Something else.", None).unwrap();
    std::fs::write(&path, GoldFile::new(other, Vec::new()).to_json()).unwrap();
    let o = gloss(&["score", "gold.json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("document article") && stderr(&o).contains("differs"), "{}", stderr(&o));
}

#[test]
fn convert_between_gold_json_and_jsonl() {
    let o = gloss(&["convert", "--to", "jsonl", "gold.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line = stdout(&o);
    let back = jsonl::read(&line).unwrap();
    let orig = GoldFile::from_json(&std::fs::read_to_string(fixtures().join("gold.json")).unwrap()).unwrap();
    assert_eq!(back[0].1, orig);
    let o = gloss_stdin(&["convert", "--to", "gloss", "-"], Some(line.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(GoldFile::from_json(&stdout(&o)).unwrap(), orig);
    // Several documents make one gold file each in a directory.
    let o = gloss(&["convert", "--to", "gloss", "corpus.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("-o DIR"), "{}", stderr(&o));
    let dir = scratch("convert");
    let o = gloss(&["convert", "--to", "gloss", "corpus.jsonl", "-o", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p1 = GoldFile::from_json(&std::fs::read_to_string(dir.join("p1.gold.json")).unwrap()).unwrap();
    assert_eq!(p1.annotations.iter().filter(|a| a.label() == gloss::model::Label::Claim).count(), 2);
}

#[test]
fn misuse_exits_2() {
    for args in [
        &["score", "gold.json"][..],
        &["frobnicate"],
        &["score", "--labels", "PERSON", "gold.json", "pred.json"],
        &["score", "--kinds", "planet", "gold.json", "pred.json"],
        &["extract", "--dct", "19/09/2025", "article.txt"],
        &["validate"],
        &[],
    ] {
        let o = gloss(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    let o = gloss(&["convert", "--to", "brat", "gold.json"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("brat") && e.contains("-o DIR"), "{e}");
    let o = gloss(&["convert", "--to", "frob", "gold.json"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("frob") && e.contains("labelstudio") && e.contains("timeml"), "{e}");
    let o = gloss(&["convert", "--to", "conll", "--offsets", "utf16", "gold.json"]);
    assert_eq!(o.status.code(), Some(2), "--offsets without doccano");
    let o = gloss(&["convert", "--to", "doccano", "--offsets", "bytes", "gold.json"]);
    assert_eq!(o.status.code(), Some(2), "unknown offset unit");
}

#[test]
fn odd_files_get_one_line_reasons() {
    let dir = scratch("odd");
    let gold_line = {
        let text = std::fs::read_to_string(fixtures().join("gold.json")).unwrap();
        GoldFile::from_json(&text).unwrap().to_json_line()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty.json", String::new(), "the file is empty"),
        ("deep.json", "[".repeat(100_000), "line 1, column"),
        ("two.jsonl", format!("{gold_line}\n{{\"format\": \"gloss-gold\", \n"), "line 2, column"),
        ("numbers.json", "[1, 2, 3]".to_string(), "not a Gloss gold file"),
        (
            "span.jsonl",
            r#"{"id":"c","dataset":"x","text":"abc","spans":[{"start":2,"end":9,"label":"DATE","type":"DATE","value":"x"}]}"#
                .to_string(),
            "line 1 (c): span 1",
        ),
    ];
    for (name, content, what) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let p = path.to_str().unwrap();
        let command: &[&str] = if name == "span.jsonl" { &["score", p, "gold.json"] } else { &["validate", p] };
        let o = gloss(command);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains(name) && e.contains(what), "{name}: {e}");
        assert_eq!(e.trim_end().lines().count(), 1, "{name}: one line: {e}");
    }
}

/// The gold fixture, as the library reads it.
fn gold_fixture() -> GoldFile {
    GoldFile::from_json(&std::fs::read_to_string(fixtures().join("gold.json")).unwrap()).unwrap()
}

#[test]
fn convert_through_every_lossless_format_and_back() {
    let orig = gold_fixture();
    let dir = scratch("formats");
    for (format, ext) in
        [("jsonl", "jsonl"), ("labelstudio", "json"), ("doccano", "jsonl"), ("w3c", "jsonld"), ("spacy", "jsonl")]
    {
        let o = gloss(&["convert", "--to", format, "gold.json"]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{format} keeps everything: {}", stderr(&o));
        let path = dir.join(format!("{format}.{ext}"));
        std::fs::write(&path, o.stdout).unwrap();
        // Back to gold JSON, the input format guessed from the file.
        let o = gloss(&["convert", "--to", "gloss", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{format} back: {}", stderr(&o));
        assert_eq!(GoldFile::from_json(&stdout(&o)).unwrap(), orig, "{format}");
        // And validated as it is.
        let o = gloss(&["validate", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains("(article): ok, 7 annotations (gold)"), "{format}: {}", stdout(&o));
    }
    // -o writes a file; doccano in UTF-16 states its unit, so it reads back without --offsets.
    let path = dir.join("utf16.jsonl");
    let o = gloss(&["convert", "--to", "doccano", "--offsets", "utf16", "gold.json", "-o", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\"offset_unit\":\"utf16\""), "{written}");
    let o = gloss(&["convert", "--from", "doccano", "--to", "gloss", path.to_str().unwrap()]);
    assert_eq!(GoldFile::from_json(&stdout(&o)).unwrap(), orig);
}

#[test]
fn convert_to_and_from_a_brat_directory() {
    let orig = gold_fixture();
    let dir = scratch("brat");
    let out = dir.join("collection");
    let o = gloss(&["convert", "--to", "brat", "gold.json", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for name in ["article.txt", "article.ann", "annotation.conf"] {
        assert!(out.join(name).is_file(), "{name}");
    }
    for args in [&["convert", "--to", "gloss"][..], &["convert", "--from", "brat", "--to", "gloss"]] {
        let mut args = args.to_vec();
        args.push(out.to_str().unwrap());
        let o = gloss(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(GoldFile::from_json(&stdout(&o)).unwrap(), orig);
    }
    let o = gloss(&["validate", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("(article): ok, 7 annotations"), "{}", stdout(&o));
}

#[test]
fn convert_names_what_the_output_cannot_hold() {
    let dir = scratch("lossy");
    let o = gloss(&["convert", "--to", "conll", "gold.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("gloss: note: conll does not keep 2 claim sources and 2 claim cues"), "{e}");
    assert!(e.contains("1 rejected annotation"), "{e}");
    let conll = dir.join("gold.conll");
    std::fs::write(&conll, &o.stdout).unwrap();
    let o = gloss(&["convert", "--to", "gloss", conll.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = GoldFile::from_json(&stdout(&o)).unwrap();
    assert_eq!(back.doc.text(), gold_fixture().doc.text());
    assert_eq!(back.annotations.len(), 6, "the live spans come back");

    let o = gloss(&["convert", "--to", "timeml", "gold.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("TimeML holds dates only"), "{}", stderr(&o));
    let tml = dir.join("gold.tml");
    std::fs::write(&tml, &o.stdout).unwrap();
    let o = gloss(&["convert", "--to", "jsonl", tml.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = jsonl::read(&stdout(&o)).unwrap();
    let dates: Vec<&str> = back[0].1.annotations.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(dates, ["Friday, September 19"]);
}

#[test]
fn validate_reads_every_format() {
    let cases = [
        (
            "formats/labelstudio/export.json",
            "formats/labelstudio/export.json (17): ok, 4 annotations (in review: 1 predicted)",
        ),
        ("formats/doccano/sequence.jsonl", "formats/doccano/sequence.jsonl (3): ok, 3 annotations (gold)"),
        ("formats/brat", "formats/brat (mali): ok, 4 annotations (gold)"),
        ("formats/w3c/collection.jsonld", "(mali-2025-09-19): ok, 3 annotations"),
        ("formats/conll/conll2003.txt", "(conll2003-2): ok, 1 annotation (gold)"),
        ("formats/spacy/docs.jsonl", "(docs-2): ok, 2 annotations"),
        ("formats/timeml/mali.tml", "(mali_0919): ok, 3 annotations"),
    ];
    for (file, what) in cases {
        let from: &[&str] = if file.ends_with(".txt") { &["--from", "conll"] } else { &[] };
        let mut args = vec!["validate"];
        args.extend_from_slice(from);
        args.push(file);
        let o = gloss(&args);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        assert!(stdout(&o).contains(what), "{file}: {}", stdout(&o));
    }
    // doccano in UTF-16 with --offsets; without it, a note says which unit was used.
    let o = gloss(&["validate", "--offsets", "utf16", "formats/doccano/relations_utf16.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("(8): ok, 4 annotations"), "{}", stdout(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let o = gloss(&["validate", "formats/doccano/relations_utf16.jsonl"]);
    assert!(stderr(&o).contains("offsets read as code points (--offsets utf16"), "{}", stderr(&o));
}

#[test]
fn validate_bad_files_of_every_format_name_the_position() {
    let cases: [(&[&str], &str); 7] = [
        (&["formats/labelstudio/utf16_offsets.bad.json"], "task 1: annotation 1, result \"Pa9rT\""),
        (&["--offsets", "utf16", "formats/doccano/missing_relation_end.bad.jsonl"], "line 2: relation 7"),
        (&["formats/brat_bad"], "doc.ann: line 2 (T2): unknown type"),
        (&["formats/w3c/wrong_exact.bad.jsonld"], "annotation https://example.org/anno/3"),
        (&["--from", "conll", "formats/conll/unknown_label.bad.txt"], "line 9: unknown label \"CITY\""),
        (&["formats/spacy/past_the_end.bad.jsonl"], "line 2: ents[1]"),
        (&["formats/timeml/nested.bad.tml"], "line 11, column"),
    ];
    for (args, what) in cases {
        let mut a = vec!["validate"];
        a.extend_from_slice(args);
        let o = gloss(&a);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains(args[args.len() - 1]) && e.contains(what), "{args:?}: {e}");
        assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    }
    // A file whose format cannot be told asks for --from.
    let o = gloss(&["validate", "article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--from"), "{}", stderr(&o));
}

/// Runs gloss with an endless standard input (`unit` repeated) and returns its output and
/// how many bytes it took before it stopped reading (the writer sees a closed pipe).
fn gloss_endless(args: &[&str], unit: &'static [u8]) -> (Output, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(fixtures())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gloss binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let block: Vec<u8> = unit.iter().copied().cycle().take(64 * 1024).collect();
        let mut sent = 0u64;
        while input.write_all(&block).is_ok() {
            sent += block.len() as u64;
        }
        sent
    });
    let out = child.wait_with_output().expect("gloss finishes");
    (out, writer.join().expect("the writer ends when gloss closes the pipe"))
}

#[test]
fn endless_and_binary_streams_are_refused_after_a_bounded_read() {
    const MB: u64 = 1024 * 1024;
    // Zeros and random-looking bytes: refused at the first chunk that shows them.
    for (unit, what) in [(&b"\0"[..], "binary"), (&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff"[..], "binary")] {
        let (o, sent) = gloss_endless(&["validate", "-"], unit);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("<stdin>: line ") && stderr(&o).contains(what), "{}", stderr(&o));
        assert!(sent < MB, "{sent} bytes written before gloss stopped reading");
    }
    let (o, sent) = gloss_endless(&["validate", "-"], b"\xe9t\xe9 ");
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
    assert!(sent < MB, "{sent} bytes written before gloss stopped reading");
    // Valid text without end: refused once past the limit, having read no more.
    let (o, sent) = gloss_endless(&["validate", "-"], b"{\"a\": 1}\n");
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("<stdin>: more than 128 MB") && e.contains("split it"), "{e}");
    assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    assert!((128 * MB..130 * MB).contains(&sent), "{sent} bytes written for a limit of 128 MB");
    let (o, sent) = gloss_endless(&["extract", "-"], b"Paris said so. ");
    assert!(stderr(&o).contains("<stdin>: more than 8 MB of text"), "{}", stderr(&o));
    assert!((8 * MB..10 * MB).contains(&sent), "{sent} bytes written for a limit of 8 MB");
    assert!(o.stdout.is_empty());
    // UTF-16, with or without a byte-order mark, is named as such.
    for bytes in [&b"\xff\xfeP\0a\0r\0i\0s\0 \0s\0a\0i\0d\0"[..], b"P\0a\0r\0i\0s\0 \0s\0a\0i\0d\0"] {
        let o = gloss_stdin(&["extract"], Some(bytes));
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("<stdin>: this file is UTF-16 text, not UTF-8"), "{}", stderr(&o));
    }
}

#[test]
fn extract_that_skips_every_document_fails_in_one_line() {
    let dir = scratch("skips");
    let all_bad = dir.join("bad.jsonl");
    std::fs::write(
        &all_bad,
        "{\"id\": \"a\", \"text\": \"Paris said so.\", \"dct\": \"2025-02-30\"}\n\
         {\"id\": \"b\", \"text\": \"Mali said so.\", \"dct\": \"19/09/2025\"}\n",
    )
    .unwrap();
    let o = gloss(&["extract", all_bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let e = stderr(&o);
    assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    assert!(e.contains("bad.jsonl: line 1 (a), dct: '2025-02-30' is not a real calendar date"), "{e}");
    assert!(e.contains("1 more documents skipped: nothing extracted"), "{e}");
    // One good line among bad ones: extracted, and the skipped ones said on stderr.
    let some_bad = dir.join("some.jsonl");
    std::fs::write(
        &some_bad,
        "{\"id\": \"a\", \"text\": \"Paris said so.\", \"dct\": \"2025-02-30\"}\n\
         {\"id\": \"b\", \"text\": \"Mali said so.\", \"dct\": \"2025-09-19\"}\n",
    )
    .unwrap();
    let o = gloss(&["extract", some_bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ids: Vec<String> = jsonl::read(&stdout(&o)).unwrap().into_iter().map(|(_, f)| f.doc.id).collect();
    assert_eq!(ids, ["b"]);
    let e = stderr(&o);
    assert!(
        e.contains("some.jsonl: line 1 (a), dct: '2025-02-30' is not a real calendar date: document skipped"),
        "{e}"
    );
    assert!(e.contains("gloss: note: 1 of 2 documents skipped"), "{e}");
    // A file with no line at all is not a silent success either.
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "\n\n").unwrap();
    let o = gloss(&["extract", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("empty.jsonl: the file holds no line to extract from"), "{}", stderr(&o));
}

#[test]
fn validate_takes_a_folder_for_brat_only_when_it_holds_ann_files() {
    let dir = scratch("txt-folder");
    std::fs::copy(fixtures().join("article.txt"), dir.join("article.txt")).unwrap();
    let d = dir.to_str().unwrap();
    let o = gloss(&["validate", d]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(o.stdout.is_empty(), "no \"ok, 0 annotations\": {}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains(d) && e.contains("expected *.gold.json files, a brat collection (a .ann file"), "{e}");
    assert!(e.contains("`gloss extract`"), "{e}");
    let o = gloss(&["validate", "--from", "brat", d]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("holds no .ann file: a brat collection has a .ann file beside each .txt"),
        "{}",
        stderr(&o)
    );
    // With its .ann, the same folder is a brat collection.
    std::fs::write(dir.join("article.ann"), "").unwrap();
    let o = gloss(&["validate", d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("(article): ok, 0 annotations"), "{}", stdout(&o));
}

/// Gold JSON Lines of two documents per id given, extracted from one-line texts.
fn gold_lines(ids: &[&str]) -> String {
    let input: String =
        ids.iter().map(|id| format!("{{\"id\": \"{id}\", \"text\": \"Paris said so on Friday.\"}}\n")).collect();
    let o = gloss_stdin(&["extract", "--jsonl", "--dct", "2025-09-19"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut n: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    n.sort();
    n
}

#[test]
fn out_dir_names_stay_apart_in_any_case_and_avoid_reserved_names() {
    let ids = ["A", "a", "CON", "a_2", "lpt1.v2"];
    let dir = scratch("case-names");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, gold_lines(&ids)).unwrap();
    // extract -o: one file per document, none equal to another but for case.
    let out = dir.join("extract");
    let o = gloss(&["extract", "--jsonl", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let want = ["A.gold.json", "CON_.gold.json", "a_2.gold.json", "a_2_2.gold.json", "lpt1_.v2.gold.json"];
    assert_eq!(names_in(&out), want);
    let e = stderr(&o);
    assert!(
        e.contains("the file name a differs only in case from the one written for") && e.contains("written as a_2"),
        "{e}"
    );
    assert!(e.contains("written as a_2_2"), "{e}");
    // Each file keeps its document's own id inside.
    for (file, id) in
        [("A.gold.json", "A"), ("a_2.gold.json", "a"), ("a_2_2.gold.json", "a_2"), ("CON_.gold.json", "CON")]
    {
        let f = GoldFile::from_json(&std::fs::read_to_string(out.join(file)).unwrap()).unwrap();
        assert_eq!(f.doc.id, id, "{file}");
    }
    // convert -o, gold JSON and brat: the same names; brat reads back with its ids.
    let gold_dir = dir.join("gold");
    let o = gloss(&["convert", "--to", "gloss", input.to_str().unwrap(), "-o", gold_dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(names_in(&gold_dir), want);
    let brat = dir.join("brat");
    let o = gloss(&["convert", "--to", "brat", input.to_str().unwrap(), "-o", brat.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lower: std::collections::HashSet<String> = names_in(&brat).iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(lower.len(), names_in(&brat).len(), "{:?}", names_in(&brat));
    assert!(names_in(&brat).contains(&"a_2.ann".to_string()), "{:?}", names_in(&brat));
    let o = gloss(&["convert", "--from", "brat", "--to", "jsonl", brat.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = jsonl::read(&stdout(&o)).unwrap();
    let orig = jsonl::read(&std::fs::read_to_string(&input).unwrap()).unwrap();
    let mut back_ids: Vec<&str> = back.iter().map(|(_, f)| f.doc.id.as_str()).collect();
    back_ids.sort();
    let mut want_ids = ids.to_vec();
    want_ids.sort();
    assert_eq!(back_ids, want_ids, "the ids come back through annotation.conf");
    for (_, f) in &back {
        let o = orig.iter().find(|(_, g)| g.doc.id == f.doc.id).unwrap();
        assert_eq!(f.annotations, o.1.annotations, "{}", f.doc.id);
    }
    // The same id twice is still an error, naming both places.
    std::fs::write(&input, gold_lines(&["x", "x"])).unwrap();
    let o = gloss(&["extract", "--jsonl", input.to_str().unwrap(), "-o", dir.join("twice").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already written for"), "{}", stderr(&o));
}

#[test]
fn score_of_a_corpus_whose_every_document_is_skipped_fails_in_one_line() {
    let dir = scratch("score-skips");
    let corpus = std::fs::read_to_string(fixtures().join("corpus.jsonl")).unwrap();
    let first = corpus.lines().next().unwrap();
    assert!(first.contains("\"dct\": \"2016-09-12\""), "the fixture's first line has its dct");
    let bad = dir.join("bad-corpus.jsonl");
    std::fs::write(&bad, first.replace("\"dct\": \"2016-09-12\"", "\"dct\": \"2016-02-30\"")).unwrap();
    let o = gloss(&["score", bad.to_str().unwrap(), "corpus.pred.jsonl"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let e = stderr(&o);
    assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    assert!(
        e.contains("bad-corpus.jsonl: line 1 (p1): dct: '2016-02-30' is not a real calendar date: nothing to score"),
        "{e}"
    );
}

/// `gloss learn` writes a lexicon from reviewed seeds; `extract --lexicon` applies it (a name
/// the person renamed comes back under its new identity, with the rule `lexicon`); a broken
/// lexicon is refused in words; `simulate-learning` prints a point per checkpoint.
#[test]
fn learn_reads_the_decisions_a_file_the_page_saved_records_in_its_statuses() {
    use gloss::model::{ActorKind, Attrs, Status};
    let dir = scratch("learn-statuses");
    let text = "Talks with Zorblax went on. \u{1F642} AFP said so.\r\nParis agreed.\n";
    let o = gloss_stdin(&["extract", "--dct", "2025-09-19"], Some(text.as_bytes()));
    let mut f = GoldFile::from_json(&stdout(&o)).unwrap();
    let quotes: Vec<&str> = f.annotations.iter().filter(|a| a.actor().is_some()).map(|a| a.quote.as_str()).collect();
    assert!(["Zorblax", "AFP", "Paris"].iter().all(|q| quotes.contains(q)), "the three are predicted: {quotes:?}");
    for a in f.annotations.iter_mut() {
        match (a.quote.as_str(), &mut a.attrs) {
            ("Zorblax", Attrs::Actor(x)) => {
                (x.kind, x.canonical) = (ActorKind::Group, "Zorblax Front".into());
                a.status = Status::Edited;
            }
            ("AFP", Attrs::Actor(_)) => a.status = Status::Rejected,
            _ => {}
        }
    }
    let path = dir.join("reviewed.gold.json");
    std::fs::write(&path, f.to_json()).unwrap();
    let o = gloss(&["learn", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 by their review statuses"), "{}", stderr(&o));
    let lex = gloss::learn::ProjectLexicon::from_json(&stdout(&o)).unwrap();
    let z = lex.actor("Zorblax").expect("the corrected name");
    assert_eq!((z.kind, z.canonical.as_str()), (ActorKind::Group, "Zorblax Front"));
    assert!(lex.is_rejected(gloss::model::Label::Actor, "AFP"));
    assert!(
        lex.actor("Paris").is_none() && lex.rejections(gloss::model::Label::Actor, "Paris") == 0,
        "unreviewed: nothing"
    );
}

#[test]
fn learn_then_extract_with_the_lexicon_and_simulate() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = scratch("learn");
    let o = gloss(&["learn", seeds.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut lex: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("a lexicon file");
    assert_eq!(lex["format"], "gloss-lexicon");
    assert!(lex["actors"].as_object().is_some_and(|m| m.contains_key("Yann Vezilier")), "{lex}");
    let canonical = lex["actors"]["Yann Vezilier"]["canonical"].as_str().unwrap().to_string();
    lex["renamed"][canonical.as_str()] = "Yann V.".into();
    let path = dir.join("lexicon.json");
    std::fs::write(&path, serde_json::to_string(&lex).unwrap()).unwrap();
    let seed = seeds.join("000_c000a84573ae1d4c.txt");
    let o = gloss(&["extract", seed.to_str().unwrap(), "--dct", "2025-09-19", "--lexicon", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let f = GoldFile::from_json(&stdout(&o)).unwrap();
    let mentions: Vec<_> = f.annotations.iter().filter(|a| a.quote == "Yann Vezilier").collect();
    assert!(!mentions.is_empty(), "the name is found");
    for a in mentions {
        let gloss::model::Attrs::Actor(x) = &a.attrs else { panic!("an ACTOR: {a:?}") };
        assert_eq!((x.canonical.as_str(), a.provenance.rule.as_deref()), ("Yann V.", Some("lexicon")));
    }
    std::fs::write(&path, "{\"format\":\"gloss-lexicon\",\"version\":1}").unwrap();
    let o = gloss(&["extract", "article.txt", "--lexicon", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("not a Gloss lexicon file"), "{}", stderr(&o));
    let o = gloss(&["simulate-learning", seeds.to_str().unwrap(), "--at", "2,3", "--next", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.trim_start().starts_with("2 ") && l.contains("ACTOR")), "{out}");
    assert!(out.lines().any(|l| l.trim_start().starts_with("3 ") && l.contains("DATE")), "{out}");
    // Claim cues scored as attributions: a CUE row beside the CLAIM row.
    let o = gloss(&[
        "simulate-learning",
        seeds.to_str().unwrap(),
        "--at",
        "2",
        "--next",
        "2",
        "--labels",
        "CLAIM",
        "--attributions",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.trim_start().starts_with("2 ") && l.contains("CUE")), "{out}");
    assert!(out.lines().any(|l| l.trim_start().starts_with("2 ") && l.contains("CLAIM")), "{out}");
    // Scored on some actor kinds and mentions only, as `gloss score` does.
    let gold_actors = |extra: &[&str]| {
        let mut args = vec!["simulate-learning", seeds.to_str().unwrap(), "--at", "2", "--next", "2", "--json"];
        args.extend_from_slice(extra);
        let o = gloss(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let points: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let labels = points[0]["labels"].as_array().unwrap().clone();
        let actor = labels.iter().find(|l| l["label"] == "ACTOR").expect("an ACTOR row").clone();
        actor["without"]["gold"].as_u64().unwrap()
    };
    let all = gold_actors(&[]);
    let states = gold_actors(&["--kinds", "state", "--mention", "name"]);
    assert!(states > 0 && states < all, "named states {states} of {all} actors");
    let o = gloss(&["simulate-learning", seeds.to_str().unwrap(), "--kinds", "planet"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not an actor kind"), "{}", stderr(&o));
    let o = gloss(&["simulate-learning", seeds.to_str().unwrap(), "--at", "9"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("too few"), "{}", stderr(&o));
}
