//! One test per fixture under tests/fixtures/formats: files written by hand in the shapes
//! the tools themselves export (Label Studio's JSON export, doccano's relation and
//! sequence-labelling JSONL with UTF-16 offsets, a brat collection with fragments, notes and
//! a CRLF text, W3C annotations with position and quote selectors, CoNLL-2003 with IOB1
//! tags, spaCy's `Doc.to_json` and training tuples, TimeBank-style TimeML), each read with
//! its annotations checked one by one (notes and unsure flags too, where the tool has them:
//! brat's AnnotatorNotes and binary attributes, Label Studio's region meta text, W3C
//! commenting and assessing bodies, TimeML's comment attribute), and a bad file of each format refused with one
//! message naming where. Also: each fixture's format is guessed from its name and contents.
//!
//! It must not: compare with files Gloss itself wrote (the round trips do that).

use gloss::formats::{self, gold::GoldFile, Format, Input, OffsetUnit, Options};
use gloss::model::{Annotation, Label, Status};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn text(rel: &str) -> String {
    std::fs::read_to_string(dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn read(format: Format, rel: &str, opts: &Options) -> Result<Vec<GoldFile>, gloss::model::Error> {
    formats::read(format, Input::Text(&text(rel)), opts)
}

fn files_of(rel: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir().join(rel))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    v
}

/// (label, quote) of every annotation, in file order.
fn quotes(f: &GoldFile) -> Vec<(Label, &str)> {
    f.annotations.iter().map(|a| (a.label(), a.quote.as_str())).collect()
}

fn find<'a>(f: &'a GoldFile, quote: &str) -> &'a Annotation {
    f.annotations.iter().find(|a| a.quote == quote).unwrap_or_else(|| panic!("no annotation {quote:?}"))
}

fn kind(a: &Annotation) -> &'static str {
    a.actor().unwrap().kind.as_str()
}

fn guessed(rel: &str) -> Option<Format> {
    Format::guess(rel, &text(rel))
}

#[test]
fn labelstudio_export() {
    let docs = read(Format::LabelStudio, "labelstudio/export.json", &Options::default()).unwrap();
    assert_eq!(guessed("labelstudio/export.json"), Some(Format::LabelStudio));
    let [f] = docs.as_slice() else { panic!("one task") };
    assert_eq!(f.doc.id, "17");
    assert_eq!(
        quotes(f),
        [
            (Label::Actor, "Mali's junta"),
            (Label::Date, "Friday"),
            (Label::Actor, "Paris"),
            (Label::Claim, "the decision was \"unfounded\"")
        ]
    );
    let claim = find(f, "the decision was \"unfounded\"");
    let c = claim.claim().unwrap();
    assert_eq!(c.source.as_deref(), Some("Pa9rT"));
    assert_eq!(c.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    assert_eq!(claim.status, Status::Manual);
    let date = find(f, "Friday");
    assert_eq!((date.status, &*date.provenance.by), (Status::Predicted, "ner-v2"));
    assert_eq!(date.date().unwrap().value, formats::common::UNKNOWN_DATE);
    assert_eq!(find(f, "Paris").actor().unwrap().canonical, "Paris");
    // A region's meta text is its note; a note on a CUE region goes to the claim of that cue.
    assert_eq!(find(f, "Mali's junta").note.as_deref(), Some("the junta or the state? 🤔"));
    assert_eq!(claim.note.as_deref(), Some("(on its cue cu3e0) reported speech"));
    assert_eq!(find(f, "Paris").note, None);
}

#[test]
fn labelstudio_utf16_offsets_are_refused_with_a_hint() {
    let e = read(Format::LabelStudio, "labelstudio/utf16_offsets.bad.json", &Options::default()).unwrap_err();
    let m = e.message();
    assert!(m.starts_with("task 1: annotation 1, result \"Pa9rT\""), "{m}");
    assert!(m.contains("UTF-16") && m.contains("\"Paris\""), "{m}");
    assert_eq!(e.kind_name(), "mismatch");
}

#[test]
fn doccano_relations_in_utf16() {
    let opts = Options { offsets: OffsetUnit::Utf16, ..Options::default() };
    let docs = read(Format::Doccano, "doccano/relations_utf16.jsonl", &opts).unwrap();
    assert_eq!(guessed("doccano/relations_utf16.jsonl"), Some(Format::Doccano));
    assert_eq!(docs.len(), 2);
    let f = &docs[0];
    assert_eq!(f.doc.id, "8");
    assert_eq!(
        quotes(f),
        [
            (Label::Actor, "Mali's junta"),
            (Label::Date, "Friday"),
            (Label::Actor, "Paris"),
            (Label::Claim, "the decision was \"unfounded\"")
        ]
    );
    let c = find(f, "the decision was \"unfounded\"").claim().unwrap();
    assert_eq!(c.source.as_deref(), Some("A102"));
    assert_eq!(c.cue.as_ref().map(|c| (c.span.start(), c.text.as_str())), Some((63, "said")));
    assert_eq!(quotes(&docs[1]), [(Label::Actor, "Goïta"), (Label::Actor, "ECOWAS envoys"), (Label::Date, "Monday")]);
    // Read as code points, the same file lands one character off after the emoji: doccano
    // files that do not state their unit must be read with the unit they were written in.
    let wrong = read(Format::Doccano, "doccano/relations_utf16.jsonl", &Options::default()).unwrap();
    assert_eq!(wrong[0].annotations[0].quote, "ali's junta ");
}

#[test]
fn doccano_sequence_labels() {
    let docs = read(Format::Doccano, "doccano/sequence.jsonl", &Options::default()).unwrap();
    assert_eq!(guessed("doccano/sequence.jsonl"), Some(Format::Doccano));
    let f = &docs[0];
    assert_eq!(quotes(f), [(Label::Actor, "Goïta"), (Label::Actor, "ECOWAS"), (Label::Date, "Monday")]);
    assert_eq!(kind(find(f, "Goïta")), "person");
    assert_eq!(kind(find(f, "ECOWAS")), "organization");
    assert_eq!(f.annotations[0].provenance.by, "doccano");
}

#[test]
fn doccano_missing_relation_end_is_refused() {
    let e = read(Format::Doccano, "doccano/missing_relation_end.bad.jsonl", &Options::default()).unwrap_err();
    assert_eq!(e.message(), "line 2: relation 7: the source relation ends at 999, which is not in the file");
}

#[test]
fn brat_collection() {
    let docs = formats::read(Format::Brat, Input::Files(&files_of("brat")), &Options::default()).unwrap();
    assert_eq!(guessed("brat/mali.ann"), Some(Format::Brat));
    let ids: Vec<&str> = docs.iter().map(|f| f.doc.id.as_str()).collect();
    assert_eq!(ids, ["crlf", "mali"]);
    // CRLF: brat counts the CR; offsets land on the LF-normalised text.
    let crlf = &docs[0];
    assert_eq!(crlf.doc.text(), "Mr. Goïta met ECOWAS envoys\non Monday, officials said.\n");
    assert_eq!(quotes(crlf), [(Label::Actor, "Goïta"), (Label::Date, "Monday"), (Label::Actor, "officials")]);
    let f = &docs[1];
    assert_eq!(
        quotes(f),
        [
            (Label::Actor, "Mali's junta"),
            (Label::Date, "Friday"),
            (Label::Actor, "Paris"),
            (Label::Claim, "the decision was\n\"unfounded\"")
        ]
    );
    let junta = find(f, "Mali's junta").actor().unwrap();
    assert_eq!((junta.kind.as_str(), junta.mention), ("organization", gloss::model::Mention::Nominal));
    let paris = find(f, "Paris");
    assert_eq!((kind(paris), paris.status), ("state", Status::Accepted));
    assert_eq!(find(f, "Friday").date().unwrap().value, "2025-09-19");
    let c = find(f, "the decision was\n\"unfounded\"").claim().unwrap();
    assert_eq!(c.source.as_deref(), Some("T2"));
    assert_eq!(c.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    assert_eq!(c.stance, Some(gloss::model::Stance::Deny));
    // People's notes, read as brat wrote them (no Gloss escaping in this collection): on a
    // span; on the claim's source relation and on its cue span, both given to the claim.
    assert_eq!(paris.note.as_deref(), Some("metonymy: Paris stands for the French government"));
    let claim = find(f, "the decision was\n\"unfounded\"");
    assert_eq!(
        claim.note.as_deref(),
        Some("(on its source relation R1) Paris for the ministry? C:\\notes\\n1 stays as typed\n(on its cue T5) reporting verb")
    );
    // The binary attribute Unsure flags a span; other comment types are not notes.
    assert!(find(f, "Mali's junta").unsure);
    assert!(!paris.unsure);
    assert_eq!(find(f, "Friday").note, None);
    // Written by Gloss and read back, the collection is the same, notes and flags included.
    let out = formats::write(Format::Brat, &docs, &Options::default()).unwrap();
    let again = formats::read(Format::Brat, Input::Files(&out.into_files("x", Format::Brat)), &Options::default());
    assert_eq!(again.unwrap(), docs);
}

/// brat's binary attribute takes no value, and a note's target must be in the file.
#[test]
fn brat_unsure_with_a_value_and_notes_on_nothing_are_refused() {
    let files = |ann: &str| vec![("d.txt".to_string(), "Paris".to_string()), ("d.ann".to_string(), ann.to_string())];
    let read = |ann: &str| formats::read(Format::Brat, Input::Files(&files(ann)), &Options::default());
    let ok = read("T1\tACTOR 0 5\tParis\nA1\tUnsure T1\n#1\tAnnotatorNotes T1\tsure?\n").unwrap();
    assert!(ok[0].annotations[0].unsure);
    assert_eq!(ok[0].annotations[0].note.as_deref(), Some("sure?"));
    let e = read("T1\tACTOR 0 5\tParis\nA1\tUnsure T1 yes\n").unwrap_err();
    assert_eq!(e.message(), "d.ann: line 2 (A1): Unsure is a flag without a value, not \"yes\"");
    let e = read("T1\tACTOR 0 5\tParis\n#1\tAnnotatorNotes T7\tlost?\n").unwrap_err();
    assert!(e.message().starts_with("d.ann: line 2 (#1): it refers to T7"), "{e}");
}

#[test]
fn brat_unknown_type_is_refused() {
    let e = formats::read(Format::Brat, Input::Files(&files_of("brat_bad")), &Options::default()).unwrap_err();
    assert!(e.message().starts_with("doc.ann: line 2 (T2): unknown type \"PLACE\""), "{e}");
    let e = formats::read(Format::Brat, Input::Text("T1\tACTOR 0 5\tParis"), &Options::default()).unwrap_err();
    assert!(e.message().contains("directory"), "{e}");
}

#[test]
fn w3c_collection() {
    let docs = read(Format::W3c, "w3c/collection.jsonld", &Options::default()).unwrap();
    assert_eq!(guessed("w3c/collection.jsonld"), Some(Format::W3c));
    let f = &docs[0];
    assert_eq!((f.doc.id.as_str(), f.doc.dct().map(|d| d.to_string())), ("mali-2025-09-19", Some("2025-09-19".into())));
    assert_eq!(quotes(f), [(Label::Actor, "Mali's junta"), (Label::Date, "Friday"), (Label::Actor, "Paris")]);
    // The date had only a quote selector: placed where prefix + exact + suffix occur.
    assert_eq!(find(f, "Friday").span.start(), 49);
    assert_eq!(find(f, "Mali's junta").provenance.by, "ana");
    assert_eq!(find(f, "Paris").id, "3");
    // A commenting body is a note (never the label, even when its text names one); an
    // assessing body "unsure" flags the annotation.
    assert_eq!(find(f, "Mali's junta").note.as_deref(), Some("the junta, not the country"));
    let friday = find(f, "Friday");
    assert_eq!((friday.label(), friday.note.as_deref(), friday.unsure), (Label::Date, Some("ACTOR"), true));
    assert!(!find(f, "Paris").unsure);
}

#[test]
fn w3c_wrong_exact_is_refused() {
    let e = read(Format::W3c, "w3c/wrong_exact.bad.jsonld", &Options::default()).unwrap_err();
    let m = e.message();
    assert!(m.starts_with("annotation https://example.org/anno/3: the quote \"Pariss\""), "{m}");
}

#[test]
fn conll_2003() {
    let docs = read(Format::Conll, "conll/conll2003.txt", &Options::default()).unwrap();
    assert_eq!(guessed("conll/conll2003.txt"), Some(Format::Conll));
    assert_eq!(docs.len(), 2);
    let f = &docs[0];
    assert_eq!(f.doc.text(), "Assimi Goïta met ECOWAS envoys in Bamako .\nThe African Union said nothing .");
    // IOB1 (I- opens a span); LOC and MISC are not actors by themselves.
    assert_eq!(quotes(f), [(Label::Actor, "Assimi Goïta"), (Label::Actor, "ECOWAS"), (Label::Actor, "African Union")]);
    assert_eq!(kind(find(f, "Assimi Goïta")), "person");
    assert_eq!(kind(find(f, "African Union")), "organization");
    assert_eq!(quotes(&docs[1]), [(Label::Actor, "Reuters")]);
}

#[test]
fn conll_unknown_label_is_refused() {
    let e = read(Format::Conll, "conll/unknown_label.bad.txt", &Options::default()).unwrap_err();
    assert!(e.message().starts_with("document at line 1: line 9: unknown label \"CITY\""), "{e}");
}

#[test]
fn spacy_doc_json_and_tuples() {
    let docs = read(Format::Spacy, "spacy/docs.jsonl", &Options::default()).unwrap();
    assert_eq!(guessed("spacy/docs.jsonl"), Some(Format::Spacy));
    // Doc.to_json: the span group is read (nested spans), not the flat ents.
    assert_eq!(quotes(&docs[0]), [(Label::Actor, "Goïta"), (Label::Actor, "ECOWAS envoys"), (Label::Actor, "ECOWAS")]);
    assert_eq!(kind(find(&docs[0], "ECOWAS")), "organization");
    // [start, end, label] tuples, in code points after an emoji.
    assert_eq!(quotes(&docs[1]), [(Label::Actor, "Paris"), (Label::Date, "Friday")]);
}

#[test]
fn spacy_past_the_end_is_refused() {
    let e = read(Format::Spacy, "spacy/past_the_end.bad.jsonl", &Options::default()).unwrap_err();
    assert!(e.message().starts_with("line 2: ents[1]: offset 60 is past the end"), "{e}");
}

#[test]
fn timeml_timebank_style() {
    let docs = read(Format::Timeml, "timeml/mali.tml", &Options::default()).unwrap();
    assert_eq!(guessed("timeml/mali.tml"), Some(Format::Timeml));
    let f = &docs[0];
    assert_eq!(f.doc.id, "mali_0919");
    assert_eq!(f.doc.dct().unwrap().to_string(), "2025-09-19");
    assert!(f.doc.text().starts_with("\nMali's junta expelled five French diplomats on Friday, \"for the next"));
    assert!(f.doc.text().contains(" & ended in Bamako."));
    assert_eq!(quotes(f), [(Label::Date, "Friday"), (Label::Date, "two weeks"), (Label::Date, "earlier this month")]);
    let d = |q: &str| find(f, q).date().unwrap().clone();
    assert_eq!((d("Friday").value, d("Friday").anchor), ("2025-09-19".to_string(), Some("dct".to_string())));
    assert_eq!((d("two weeks").timex_type.as_str(), d("two weeks").value), ("DURATION", "P2W".to_string()));
    let m = d("earlier this month");
    assert_eq!((m.modifier.as_deref(), m.anchor.as_deref()), (Some("START"), Some("D1")));
    // TIMEX3's comment attribute is the date's note, character references decoded.
    assert_eq!(find(f, "two weeks").note.as_deref(), Some("\"at least\" is outside\nthe span"));
    assert_eq!(find(f, "Friday").note, None);
}

#[test]
fn timeml_nested_and_bad_anchor_are_refused() {
    let e = read(Format::Timeml, "timeml/nested.bad.tml", &Options::default()).unwrap_err();
    assert!(e.message().starts_with("line 11, column") && e.message().contains("inside another"), "{e}");
    let e = read(Format::Timeml, "timeml/bad_anchor.bad.tml", &Options::default()).unwrap_err();
    assert!(e.message().contains("TIMEX3 t3") && e.message().contains("anchorTimeID \"t9\""), "{e}");
}

/// The zip of a brat collection passes `unzip -t` (CRC checked) and lists every file, when
/// `unzip` is installed; the property test in formats_roundtrip.rs reads zips without it.
#[test]
fn zip_passes_unzip_test() {
    let Ok(probe) = std::process::Command::new("unzip").arg("-v").output() else {
        eprintln!("unzip is not installed: skipped");
        return;
    };
    assert!(probe.status.success());
    let docs = formats::read(Format::Brat, Input::Files(&files_of("brat")), &Options::default()).unwrap();
    let out = formats::write(Format::Brat, &docs, &Options::default()).unwrap();
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("brat-{}.zip", std::process::id()));
    std::fs::write(&path, out.to_zip("brat", Format::Brat)).unwrap();
    let t = std::process::Command::new("unzip").arg("-t").arg(&path).output().unwrap();
    let said = String::from_utf8_lossy(&t.stdout);
    assert!(t.status.success() && said.contains("No errors detected"), "{said}");
    let l = std::process::Command::new("unzip").arg("-l").arg(&path).output().unwrap();
    let listed = String::from_utf8_lossy(&l.stdout);
    for name in ["crlf.txt", "crlf.ann", "mali.txt", "mali.ann", "annotation.conf"] {
        assert!(listed.contains(name), "{name}: {listed}");
    }
}

/// The Python lines of docs/FORMATS.md build a spaCy DocBin from Gloss's spaCy output, with
/// the entities and spans it holds, when Python has spaCy (`pip install spacy`; skipped
/// otherwise).
#[test]
fn spacy_docbin_builds_from_the_output() {
    let has_spacy =
        std::process::Command::new("python3").args(["-c", "import spacy"]).output().is_ok_and(|o| o.status.success());
    if !has_spacy {
        eprintln!("python3 with spaCy is not installed: skipped");
        return;
    }
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/FORMATS.md")).unwrap();
    let start = doc.find("```python\n").unwrap() + 10;
    let script = &doc[start..start + doc[start..].find("```").unwrap()];
    let gold = GoldFile::from_json(&std::fs::read_to_string(dir().join("../gold.json")).unwrap()).unwrap();
    let out = formats::write(Format::Spacy, std::slice::from_ref(&gold), &Options::default()).unwrap();
    let formats::Output::Text(jsonl) = out else { panic!("one text") };
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("spacy-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(work.join("gold.spacy.jsonl"), jsonl).unwrap();
    let check = format!(
        "{script}\nfrom spacy.tokens import DocBin\nd = list(DocBin().from_disk('gold.spacy').get_docs(nlp.vocab))[0]\n\
         print(json.dumps({{'ents': [[e.text, e.label_] for e in d.ents], 'sc': len(d.spans['sc'])}}))\n"
    );
    let o = std::process::Command::new("python3").arg("-c").arg(&check).current_dir(&work).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let live: Vec<&Annotation> = gold.annotations.iter().filter(|a| a.status.is_live()).collect();
    assert_eq!(v["sc"], live.len());
    let ents: Vec<(String, String)> = serde_json::from_value(v["ents"].clone()).unwrap();
    assert_eq!(
        ents,
        [
            ("Mali's junta".to_string(), "ACTOR".to_string()),
            ("Friday, September 19".into(), "DATE".into()),
            ("The French foreign ministry said the decision was \"unfounded\"".into(), "CLAIM".into()),
            ("AFP".into(), "ACTOR".into())
        ]
    );
}

/// Odd brat and CoNLL lines get a message, not a panic: a type after spaces and a
/// multi-byte character, a short `# columns`, a tag column more than the header names.
#[test]
fn odd_lines_are_refused_in_words() {
    let files =
        vec![("d.txt".to_string(), "Goïta".to_string()), ("d.ann".to_string(), "T1\t é 0 5\tGoïta\n".to_string())];
    let e = formats::read(Format::Brat, Input::Files(&files), &Options::default()).unwrap_err();
    assert!(e.message().starts_with("d.ann: line 1 (T1)"), "{e}");
    let e = read_text_conll("# columns = TOKEN START\nGoïta\t0\n").unwrap_err();
    assert!(e.message().contains("line 1: # columns"), "{e}");
    let e = read_text_conll("# text = \"Go\"\n# columns = TOKEN START END ACTOR\nGo\t0\t2\tB-ACTOR\tO\n").unwrap_err();
    assert!(e.message().contains("line 3: 5 columns"), "{e}");
}

fn read_text_conll(text: &str) -> Result<Vec<GoldFile>, gloss::model::Error> {
    formats::read(Format::Conll, Input::Text(text), &Options::default())
}

fn read_text(format: Format, text: &str) -> Result<Vec<GoldFile>, gloss::model::Error> {
    formats::read(format, Input::Text(text), &Options::default())
}

/// Two doccano entities with one id: a relation to that id could mean either (it bound to
/// the first before), so the line is refused.
#[test]
fn doccano_repeated_entity_ids_are_refused() {
    let line = |ids: [u32; 3]| {
        format!(
            r#"{{"text": "Paris said it on Monday.", "entities": [
              {{"id": {}, "label": "ACTOR", "start_offset": 0, "end_offset": 5}},
              {{"id": {}, "label": "DATE", "start_offset": 17, "end_offset": 23}},
              {{"id": {}, "label": "CLAIM", "start_offset": 11, "end_offset": 13}}],
              "relations": [{{"id": 1, "from_id": 3, "to_id": 1, "type": "source"}}]}}"#,
            ids[0], ids[1], ids[2]
        )
        .replace('\n', " ")
    };
    let ok = read_text(Format::Doccano, &line([1, 2, 3])).unwrap();
    assert_eq!(ok[0].annotations.len(), 3);
    let e = read_text(Format::Doccano, &line([1, 1, 3])).unwrap_err().to_string();
    assert_eq!(e, "line 1: entity 1: two entities have the id 1, so a relation to it could mean either");
}

/// The TimeML reader takes the SHA-256 only from the header comment the writer puts before
/// the root element, not from a `sha256=` anywhere (in the text, say).
#[test]
fn timeml_sha256_is_read_from_the_header_only() {
    let doc = gloss::model::Document::new("d", "The hash sha256=x was quoted.", None).unwrap();
    let tml = formats::timeml::write(&GoldFile::new(doc, Vec::new()));
    assert!(tml.starts_with("<?xml") && tml.contains(" sha256="));
    assert_eq!(read_text(Format::Timeml, &tml).unwrap()[0].doc.text(), "The hash sha256=x was quoted.");
    // The text changed after writing: the header's hash no longer fits.
    let changed = tml.replace("was quoted", "was hidden");
    assert_eq!(read_text(Format::Timeml, &changed).unwrap_err().kind_name(), "mismatch");
    // A hash in the text (of some other text) is text, not a header: without the header the
    // file reads; before, the first sha256=<hex> anywhere was taken and the file refused.
    let fake = "0".repeat(64);
    let no_header: String = tml
        .lines()
        .filter(|l| !l.starts_with("<!-- gloss:"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("sha256=x", &format!("sha256={fake}"));
    assert!(!no_header.contains("<!--"));
    let f = read_text(Format::Timeml, &no_header).unwrap();
    assert!(f[0].doc.text().contains(&fake));
    // With the header, a hash in the text does not replace it.
    let both = tml.replace("sha256=x", &format!("sha256={fake}"));
    let header_first = both.find("<!-- gloss:").unwrap() < both.find(&fake).unwrap();
    assert!(header_first);
    assert_eq!(
        read_text(Format::Timeml, &both).unwrap_err().kind_name(),
        "mismatch",
        "the header's hash is of the old text"
    );
}
