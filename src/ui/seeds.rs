//! The sample articles the page ships, with their publication dates (DCT) and the
//! extractor's predictions for each (`seeds/predicted/`, checked against the pipeline by
//! tests/seed_predictions.rs), so that a seed opens highlighted without waiting for the
//! extractor's worker.
//!
//! Owns: the list of seeds (file name, text, DCT, predictions) as compiled into the crate.
//! It must not: extract or render anything.

use crate::model::{Annotation, Document, Error};

/// One sample article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seed {
    /// The document id: the file's stem (`000_c000a84573ae1d4c`).
    pub id: &'static str,
    /// The raw text, byte for byte as in `seeds/`.
    pub text: &'static str,
    /// The publication date as `YYYY-MM-DD`, when the text tells it.
    pub dct: Option<&'static str>,
    /// The extractor's predictions for the seed: a JSON array of annotations.
    pub predicted: &'static str,
}

impl Seed {
    /// The article's first non-empty line: its headline, for the picker.
    pub fn title(&self) -> &'static str {
        self.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(self.id)
    }

    /// The seed as a document with its DCT.
    pub fn document(&self) -> Result<Document, Error> {
        let dct = self.dct.map(crate::model::parse_dct).transpose()?;
        Document::new(self.id, self.text, dct)
    }

    /// The extractor's predictions for the seed, read and checked against its text.
    pub fn predictions(&self) -> Result<Vec<Annotation>, Error> {
        let anns: Vec<Annotation> = serde_json::from_str(self.predicted)
            .map_err(|e| Error::format(format!("the predictions of seed {} are unreadable: {e}", self.id)))?;
        crate::model::check_annotations(&self.document()?, &anns)?;
        Ok(anns)
    }
}

/// The five seeds, in file order (DCTs from `seeds/README.md`).
pub const SEEDS: [Seed; 5] = [
    Seed {
        id: "000_c000a84573ae1d4c",
        text: include_str!("../../seeds/000_c000a84573ae1d4c.txt"),
        dct: Some("2025-09-19"),
        predicted: include_str!("../../seeds/predicted/000_c000a84573ae1d4c.json"),
    },
    Seed {
        id: "001_45faedf3a959a4bf",
        text: include_str!("../../seeds/001_45faedf3a959a4bf.txt"),
        dct: Some("2025-09-19"),
        predicted: include_str!("../../seeds/predicted/001_45faedf3a959a4bf.json"),
    },
    Seed {
        id: "002_529ec33e3dc1b67b",
        text: include_str!("../../seeds/002_529ec33e3dc1b67b.txt"),
        dct: Some("2025-09-20"),
        predicted: include_str!("../../seeds/predicted/002_529ec33e3dc1b67b.json"),
    },
    Seed {
        id: "003_5e4fbdc3dc7a9a1e",
        text: include_str!("../../seeds/003_5e4fbdc3dc7a9a1e.txt"),
        dct: Some("2025-09-19"),
        predicted: include_str!("../../seeds/predicted/003_5e4fbdc3dc7a9a1e.json"),
    },
    Seed {
        id: "004_913e2693d2b18d77",
        text: include_str!("../../seeds/004_913e2693d2b18d77.txt"),
        dct: None,
        predicted: include_str!("../../seeds/predicted/004_913e2693d2b18d77.json"),
    },
];

/// The seed with document id `id`.
pub fn find(id: &str) -> Option<usize> {
    SEEDS.iter().position(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_opens_with_its_dct() {
        for s in SEEDS {
            let d = s.document().unwrap();
            assert_eq!(d.dct().map(|d| d.to_string()).as_deref(), s.dct);
            assert!(!s.title().is_empty());
        }
        assert_eq!(find("004_913e2693d2b18d77"), Some(4));
    }
}
