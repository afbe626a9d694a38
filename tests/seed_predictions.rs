//! The seeds' predictions the page ships (`seeds/predicted/<stem>.json`, compiled into the
//! editor so that a seed opens highlighted at once, without waiting for the extractor's
//! worker) are exactly what the pipeline predicts for each seed today.
//!
//! After a change to the extractor, rewrite them with
//! `GLOSS_BLESS=1 cargo test --test seed_predictions` and review the diff.

use gloss::extract::Pipeline;
use gloss::ui::seeds::SEEDS;
use std::path::Path;

/// One annotation per line, so that a change to the extractor shows as a readable diff.
fn written(anns: &[gloss::model::Annotation]) -> String {
    let lines: Vec<String> = anns.iter().map(|a| serde_json::to_string(a).unwrap()).collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn the_shipped_seed_predictions_are_the_pipelines() {
    let pipeline = Pipeline::default();
    let bless = std::env::var_os("GLOSS_BLESS").is_some();
    let mut stale = Vec::new();
    for seed in SEEDS {
        let doc = seed.document().unwrap();
        let want = written(&pipeline.run(&doc));
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("seeds/predicted/{}.json", seed.id));
        if bless {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != want {
            stale.push(seed.id);
        }
        // What the page compiled in is the file (a build after the rewrite).
        if !bless {
            assert_eq!(seed.predicted, have, "{}: the compiled-in predictions are not the file's", seed.id);
            assert_eq!(seed.predictions().unwrap(), pipeline.run(&doc), "{}: predictions read back differ", seed.id);
        }
    }
    assert!(
        stale.is_empty(),
        "seeds/predicted/ is out of date for {stale:?}: run GLOSS_BLESS=1 cargo test --test seed_predictions"
    );
}
