//! Runs `gloss agree` on tests/fixtures/agree (made from the seeds, see its README.md): two
//! annotators (table, JSON, disagreements), three annotators of whom one lacks a document,
//! a version with another text (reported, not compared), a broken file and misuse (exit
//! codes 1 and 2, a message naming the file). It must not: re-test the coefficients (the
//! library's unit and property tests do); it checks the figures the fixtures' known
//! differences fix.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gloss(args: &[&str]) -> Output {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agree");
    Command::new(env!("CARGO_BIN_EXE_gloss")).arg("agree").args(args).current_dir(dir).output().expect("gloss runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = gloss(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn two_annotators_table_json_and_disagreements() {
    let o = gloss(&["alice", "bob"]);
    assert!(o.status.success());
    let t = text(&o);
    assert!(t.contains("annotators: alice, bob"), "{t}");
    assert!(t.contains("confusion: rows alice, columns bob"), "{t}");
    assert!(t.contains("disagreements: 12"), "{t}");
    let v = json(&["alice", "bob", "--json"]);
    let corpus = &v["corpus"];
    assert_eq!(corpus["documents"], 3);
    // Bob dropped one DATE per document and widened one ACTOR per document.
    let date = &corpus["labels"][1];
    assert_eq!(date["label"], "DATE");
    let p = &date["pairs"][0];
    assert_eq!(p["strict"]["a"].as_u64().unwrap(), p["strict"]["b"].as_u64().unwrap() + 3);
    assert_eq!(p["strict"]["matched"], p["strict"]["b"]);
    let actor = &corpus["labels"][0]["pairs"][0];
    assert_eq!(actor["overlap"]["matched"].as_u64().unwrap(), actor["strict"]["matched"].as_u64().unwrap() + 3);
    // Attributes: three kinds and three stances differ; canonical names all agree.
    let attr =
        |name: &str| corpus["attributes"].as_array().unwrap().iter().find(|a| a["attribute"] == name).unwrap().clone();
    assert_eq!(attr("kind")["total"].as_u64().unwrap() - attr("kind")["agree"].as_u64().unwrap(), 3);
    assert_eq!(attr("stance")["total"].as_u64().unwrap() - attr("stance")["agree"].as_u64().unwrap(), 3);
    assert_eq!(attr("canonical")["agree"], attr("canonical")["total"]);
    // Confusion: the dropped DATEs are in the NONE column.
    assert_eq!(corpus["confusion"][0]["counts"][1][3], 3);
    // Every figure is a number in [-1, 1] or null ("n/a"), never NaN.
    for l in corpus["labels"].as_array().unwrap() {
        for k in ["strict_f1", "overlap_f1", "kappa", "alpha", "alpha_u"] {
            let x = &l[k];
            assert!(x.is_null() || x.as_f64().is_some_and(|x| (-1.0..=1.0).contains(&x)), "{k}: {x}");
        }
    }
    let d = gloss(&["alice", "bob", "--disagreements"]);
    let lines: Vec<String> =
        text(&d).lines().skip_while(|l| *l != "disagreements:").skip(1).map(String::from).collect();
    assert_eq!(lines.len(), 12, "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("DATE [missing] alice: DATE") && l.contains("bob: nothing")), "{lines:?}");
    assert_eq!(lines.iter().filter(|l| l.contains("[boundary]")).count(), 3);
}

#[test]
fn three_annotators_one_missing_a_document() {
    let v = json(&["alice", "bob", "carol.jsonl", "--json"]);
    assert_eq!(v["annotators"], serde_json::json!(["alice", "bob", "carol"]));
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[2]["missing"], serde_json::json!(["carol"]));
    assert_eq!(v["alpha_u_documents"], 2);
    let claim = &v["corpus"]["labels"][2];
    assert_eq!(claim["pairs"].as_array().unwrap().len(), 3);
    // Carol dropped one CLAIM in each of her two documents.
    let ac = &claim["pairs"][1];
    assert_eq!((ac["a"].as_str(), ac["b"].as_str()), (Some("alice"), Some("carol")));
    assert_eq!(ac["strict"]["a"].as_u64().unwrap(), ac["strict"]["b"].as_u64().unwrap() + 2);
    assert!(claim["alpha"].as_f64().unwrap() < 1.0);
    // Carol's changed DATE values show in the value attribute of alice ~ carol.
    let value =
        v["corpus"]["attributes"].as_array().unwrap().iter().find(|a| a["attribute"] == "value").unwrap().clone();
    let pair = &value["pairs"][1];
    assert_eq!(pair["total"].as_u64().unwrap() - pair["agree"].as_u64().unwrap(), 2);
    let o = gloss(&["alice", "bob", "carol.jsonl"]);
    assert!(text(&o).contains("002_529ec33e3dc1b67b: not coded by carol"), "{}", text(&o));
}

#[test]
fn another_text_under_the_same_id_is_not_compared() {
    let o = gloss(&["alice", "bob", "dave"]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("000_c000a84573ae1d4c: the versions hold different texts"), "{err}");
    assert!(text(&o).contains("different texts, not compared"));
    let v = json(&["alice", "bob", "dave", "--json"]);
    assert_eq!(v["different_texts"][0]["id"], "000_c000a84573ae1d4c");
    assert_eq!(v["alone"][0]["annotator"], "dave");
    // Only alice and bob are compared on that document.
    assert_eq!(v["documents"][0]["annotators"], serde_json::json!(["alice", "bob"]));
    // With only the other text, there is nothing to compare: exit code 1, in words.
    let o = gloss(&["alice", "dave"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing to compare"));
}

#[test]
fn broken_file_and_misuse() {
    let o = gloss(&["alice", "broken"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken/broken.gold.json") && err.contains("quote"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(o.stdout.is_empty());
    assert_eq!(gloss(&["alice"]).status.code(), Some(2));
    let o = gloss(&["alice", "no-such-dir"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-dir"));
}

#[test]
fn same_annotator_named_twice_gets_distinct_names() {
    // alice/ and a copy of the seeds: the seeds say "gloss-team", alice/ says "alice".
    let v = json(&["alice", "../../../seeds", "--json"]);
    assert_eq!(v["annotators"], serde_json::json!(["alice", "gloss-team"]));
    let v = json(&["alice", "alice", "--json"]);
    let names = v["annotators"].as_array().unwrap();
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1]);
    // Identical work agrees perfectly.
    assert_eq!(v["corpus"]["labels"][3]["alpha"], 1.0);
    assert_eq!(v["corpus"]["disagreements"], 0);
}
