//! `schema/gold.schema.json` and the readers agree on TIMEX3 values and mods.
//!
//! Owns: checking the schema's `timex_*_value` patterns (with the regex crate, as a JSON
//! Schema validator would apply them: the value must match `pattern` and not match
//! `not.pattern`) against the same verdicts as `model::timex::check_value`, on worked
//! examples and on random strings; the schema's mod enum against `model::timex::MODS`; and
//! every seed gold file's enumerated attributes and DATE values against the schema. It must
//! not: check what the schema cannot express (leap years and 52-week ISO years, which only
//! the readers refuse; the examples name those).

use gloss::formats::gold::GoldFile;
use gloss::model::timex::{check_value, MODS};
use gloss::model::{Label, TimexType};
use proptest::prelude::*;
use regex::Regex;
use serde_json::Value;
use std::path::Path;

fn schema() -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/gold.schema.json"))
        .expect("schema/gold.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The schema's value check of one TIMEX3 type, compiled.
struct ValueRule {
    pattern: Regex,
    not: Regex,
}

impl ValueRule {
    fn accepts(&self, v: &str) -> bool {
        self.pattern.is_match(v) && !self.not.is_match(v)
    }
}

/// The rule the schema applies to a DATE annotation's value of type `t`: found through
/// `date_attributes.allOf` (if type is t then value is $ref), as a validator would.
fn rule(schema: &Value, t: TimexType) -> ValueRule {
    let all = schema["$defs"]["date_attributes"]["allOf"].as_array().expect("date_attributes.allOf");
    let branch = all
        .iter()
        .find(|b| b["if"]["properties"]["type"]["const"] == t.as_str())
        .unwrap_or_else(|| panic!("no if/then for type {}", t.as_str()));
    let r = branch["then"]["properties"]["value"]["$ref"].as_str().expect("$ref");
    let name = r.strip_prefix("#/$defs/").expect("a local $ref");
    let def = &schema["$defs"][name];
    let re = |v: &Value| Regex::new(v.as_str().expect("a pattern")).expect("the pattern compiles");
    ValueRule { pattern: re(&def["pattern"]), not: re(&def["not"]["pattern"]) }
}

/// The four rules, compiled once.
fn rules() -> &'static [(TimexType, ValueRule)] {
    static RULES: std::sync::OnceLock<Vec<(TimexType, ValueRule)>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let s = schema();
        TimexType::ALL.into_iter().map(|t| (t, rule(&s, t))).collect()
    })
}

/// Reader-only refusals: what a pattern cannot see (the calendar of one given year).
fn reader_only(reason: &str) -> bool {
    reason.contains("is not a leap year") || reason.contains("52 ISO weeks")
}

/// (type, value, valid) examples, the among them.
const EXAMPLES: &[(TimexType, &str, bool)] = &[
    (TimexType::Date, "2025-09-19", true),
    (TimexType::Date, "2024-02-29", true),
    (TimexType::Date, "XXXX-02-29", true),
    (TimexType::Date, "XXXX-09", true),
    (TimexType::Date, "19XX", true),
    (TimexType::Date, "199", true),
    (TimexType::Date, "2025-W38-WE", true),
    (TimexType::Date, "2025-SU", true),
    (TimexType::Date, "2025-Q3", true),
    (TimexType::Date, "2025-H1", true),
    (TimexType::Date, "PRESENT_REF", true),
    (TimexType::Date, "2021-13-45", false),
    (TimexType::Date, "2021-02-30", false),
    (TimexType::Date, "2025-04-31", false),
    (TimexType::Date, "banana", false),
    (TimexType::Date, "P3D", false),
    (TimexType::Date, "2025-09-19T10:00", false),
    (TimexType::Date, "2025-W54", false),
    (TimexType::Date, "2025-Q5", false),
    (TimexType::Date, "", false),
    (TimexType::Time, "2025-09-19T15:30", true),
    (TimexType::Time, "XXXX-XX-XXTNI", true),
    (TimexType::Time, "T24:00", true),
    (TimexType::Time, "2025-09-19T15:00+01:00", true),
    (TimexType::Time, "2025-09-19T25:00", false),
    (TimexType::Time, "2025-09-19T24:30", false),
    (TimexType::Time, "2025-09-19", false),
    (TimexType::Time, "banana", false),
    (TimexType::Duration, "P3D", true),
    (TimexType::Duration, "PT2H30M", true),
    (TimexType::Duration, "P1DT12H", true),
    (TimexType::Duration, "PXY", true),
    (TimexType::Duration, "PXX", true),
    (TimexType::Duration, "P2.5Y", true),
    (TimexType::Duration, "2025-09-19", false),
    (TimexType::Duration, "P", false),
    (TimexType::Duration, "PT", false),
    (TimexType::Duration, "P3DT", false),
    (TimexType::Duration, "P1D1Y", false),
    (TimexType::Duration, "banana", false),
    (TimexType::Set, "P1W", true),
    (TimexType::Set, "XXXX-WXX-1", true),
    (TimexType::Set, "TNI", true),
    (TimexType::Set, "PRESENT_REF", false),
    (TimexType::Set, "banana", false),
];

#[test]
fn schema_and_reader_agree_on_the_examples() {
    let rules = rules();
    for &(t, v, valid) in EXAMPLES {
        let rule = &rules.iter().find(|(x, _)| *x == t).unwrap().1;
        assert_eq!(check_value(t, v).is_ok(), valid, "reader, {} {v:?}: {:?}", t.as_str(), check_value(t, v));
        assert_eq!(rule.accepts(v), valid, "schema, {} {v:?}", t.as_str());
    }
    // What only the reader can refuse: the calendar of a given year.
    let date = &rules[0].1;
    for v in ["2021-02-29", "2025-W53"] {
        let why = check_value(TimexType::Date, v).unwrap_err();
        assert!(reader_only(&why), "{v}: {why}");
        assert!(date.accepts(v), "{v}: the schema's pattern cannot know the year");
    }
}

#[test]
fn schema_mod_enum_is_timex3s() {
    let s = schema();
    let m: Vec<&str> = s["$defs"]["date_attributes"]["properties"]["mod"]["enum"]
        .as_array()
        .expect("mod is an enum")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(m, MODS);
    assert!(!m.contains(&"ABOUT"));
}

/// Every seed gold file passes the schema's enums and value patterns (a reader-side load
/// already passed `check_value`).
#[test]
fn seed_gold_files_pass_the_schemas_enums_and_patterns() {
    let s = schema();
    let rules = rules();
    let enum_of = |v: &Value| -> Vec<String> {
        v["enum"].as_array().expect("an enum").iter().map(|x| x.as_str().unwrap().to_string()).collect()
    };
    let d = &s["$defs"];
    let enums = [
        ("label", enum_of(&d["annotation"]["properties"]["label"])),
        ("status", enum_of(&d["annotation"]["properties"]["status"])),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if !p.to_string_lossy().ends_with(".gold.json") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        GoldFile::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let json: Value = serde_json::from_str(&text).unwrap();
        for a in json["annotations"].as_array().unwrap() {
            n += 1;
            for (k, list) in &enums {
                assert!(list.contains(&a[*k].as_str().unwrap().to_string()), "{}: {k} {}", p.display(), a[*k]);
            }
            let attrs = &a["attributes"];
            let check = |def: &str, key: &str| {
                if let Some(v) = attrs.get(key).and_then(Value::as_str) {
                    assert!(enum_of(&d[def]["properties"][key]).contains(&v.to_string()), "{}: {key} {v}", p.display());
                }
            };
            match Label::parse(a["label"].as_str().unwrap()) {
                Some(Label::Actor) => {
                    check("actor_attributes", "kind");
                    check("actor_attributes", "mention");
                }
                Some(Label::Claim) => check("claim_attributes", "stance"),
                Some(Label::Date) => {
                    check("date_attributes", "type");
                    check("date_attributes", "mod");
                    let t = TimexType::parse(attrs["type"].as_str().unwrap()).unwrap();
                    let v = attrs["value"].as_str().unwrap();
                    let rule = &rules.iter().find(|(x, _)| *x == t).unwrap().1;
                    assert!(rule.accepts(v), "{}: {} {v}", p.display(), t.as_str());
                }
                None => panic!("{}: label {}", p.display(), a["label"]),
            }
        }
    }
    assert!(n > 100, "{n} annotations in the seed gold files");
}

/// Characters TIMEX3 values are made of, so that random strings are often near-valid.
fn near_value() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("0"),
        Just("1"),
        Just("2"),
        Just("3"),
        Just("5"),
        Just("9"),
        Just("X"),
        Just("-"),
        Just("T"),
        Just("P"),
        Just("W"),
        Just("Q"),
        Just("H"),
        Just("S"),
        Just("SU"),
        Just("WE"),
        Just("M"),
        Just("D"),
        Just("Y"),
        Just("NI"),
        Just(":"),
        Just("."),
        Just("Z"),
        Just("+"),
        Just("DE"),
        Just("BC"),
        Just("_REF"),
        Just("2025"),
        Just("XXXX"),
        Just("-02-"),
        Just("-W"),
        Just("00"),
        Just("24"),
        Just("31"),
        Just("29"),
    ];
    prop::collection::vec(pieces, 1..8).prop_map(|v| v.concat())
}

/// Values built the way TIMEX3 builds them, from fields that are often out of range.
fn shaped_value() -> impl Strategy<Value = String> {
    let pick = |xs: &'static [&'static str]| prop::sample::select(xs);
    let year = pick(&["2025", "2024", "2021", "2020", "19XX", "199X", "XXXX", "199", "19", "BC0044", "20250"]);
    let mid = pick(&[
        "", "-02", "-04", "-09", "-12", "-13", "-00", "-1X", "-2X", "-0X", "-X2", "-XX", "-W01", "-W53", "-W54",
        "-W5X", "-WXX", "-W7", "-SP", "-WI", "-AU", "-Q1", "-Q5", "-QX", "-H2", "-H3",
    ]);
    let day =
        pick(&["", "-01", "-28", "-29", "-30", "-31", "-32", "-3X", "-X1", "-XX", "-00", "-WE", "-7", "-8", "-X"]);
    let time = pick(&[
        "",
        "",
        "T",
        "T00",
        "T23",
        "T24",
        "T25",
        "T2X",
        "TX5",
        "T15:30",
        "T15:60",
        "T24:00",
        "T24:XX",
        "T24:30",
        "T15:30:60",
        "T15:30:61",
        "T15:30:00.5",
        "T15:30.5",
        "T1530",
        "T153",
        "TMO",
        "TNI",
        "TXY",
        "T15Z",
        "T15+01",
        "T15-05:00",
        "T15+15",
        "TMOZ",
    ]);
    let date = (year, mid, day, time).prop_map(|(y, m, d, t)| format!("{y}{m}{d}{t}"));
    let amount = pick(&["1", "3", "10", "2.5", "X", "XX", ".5", "1.", ""]);
    let unit = pick(&["Y", "M", "W", "D", "Q", "DE", "CE", "ML", "H", "S", "T", "E", "L"]);
    let duration = prop::collection::vec((amount, unit), 0..4)
        .prop_map(|v| format!("P{}", v.into_iter().map(|(a, u)| format!("{a}{u}")).collect::<String>()));
    prop_oneof![date, duration, pick(&["PRESENT_REF", "PAST_REF", "FUTURE_REF", "NOW"]).prop_map(String::from)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
    /// On random near-values of every type, the schema accepts exactly what the reader
    /// accepts, but for the reader-only calendar refusals.
    #[test]
    fn schema_and_reader_agree_on_random_values(v in prop_oneof![near_value(), shaped_value()], t in 0usize..4) {
        let rules = rules();
        let (t, rule) = &rules[t];
        let reader = check_value(*t, &v);
        let schema = rule.accepts(&v);
        match reader {
            Ok(()) => prop_assert!(schema, "{} {:?}: the reader accepts, the schema refuses", t.as_str(), v),
            // The calendar of a given year is the reader's alone; the value may break the
            // pattern for another reason too, so the schema's verdict is not asserted.
            Err(why) if reader_only(&why) => {}
            Err(why) => prop_assert!(!schema, "{} {:?}: the reader refuses ({}), the schema accepts", t.as_str(), v, why),
        }
    }
}
