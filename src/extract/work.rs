//! A count of the work one pipeline run does, for tests that check the extractors stay
//! linear in the text without timing anything.
//!
//! Owns: the [`Work`] counters and how they add up. It must not: decide anything about
//! annotations; counting is plain integer adds in the loops that can grow with the text
//! (each extractor counts its own steps and adds them once per run).

use std::cell::Cell;

/// Steps of each pipeline stage for one document. Every field counts units of work whose
/// cost is bounded by a constant (a byte looked at, a token visited, a regex window byte
/// searched), so that the total is proportional to the time a run takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Bytes the segmenter looked at (stops, the words before them, the cuts of long
    /// sentences).
    pub segment_steps: u64,
    /// Sentences handed to the extractors (a long sentence counts once per piece).
    pub sentences: u64,
    /// Tokens the actor extractor made and visited in its per-sentence passes.
    pub actor_steps: u64,
    /// Actor candidates proposed before the document-level pass.
    pub actor_candidates: u64,
    /// Trigger matches of the date extractor.
    pub date_triggers: u64,
    /// Bytes searched by the date rules (every window of every rule).
    pub date_window_bytes: u64,
    /// Date candidates (rule matches that passed their guard).
    pub date_candidates: u64,
    /// Tokens the claim extractor made, and tokens its frames and content steps visited.
    pub claim_steps: u64,
    /// Attributions the claim frames found (before the merge).
    pub claim_cues: u64,
    /// Candidates the merge step sorted and checked.
    pub merge_candidates: u64,
    /// Annotations returned.
    pub annotations: u64,
    /// Bytes of all returned annotations' quotes (what the output holds in memory).
    pub quote_bytes: u64,
}

impl Work {
    /// The sum of every step counter: a single figure of the time a run takes (the
    /// annotation counts are left out; they measure the output, not the work).
    pub fn total(&self) -> u64 {
        self.segment_steps
            + self.actor_steps
            + self.actor_candidates
            + self.date_triggers
            + self.date_window_bytes
            + self.date_candidates
            + self.claim_steps
            + self.claim_cues
            + self.merge_candidates
    }

    /// Each counter with its name, for messages.
    pub fn fields(&self) -> [(&'static str, u64); 12] {
        [
            ("segment_steps", self.segment_steps),
            ("sentences", self.sentences),
            ("actor_steps", self.actor_steps),
            ("actor_candidates", self.actor_candidates),
            ("date_triggers", self.date_triggers),
            ("date_window_bytes", self.date_window_bytes),
            ("date_candidates", self.date_candidates),
            ("claim_steps", self.claim_steps),
            ("claim_cues", self.claim_cues),
            ("merge_candidates", self.merge_candidates),
            ("annotations", self.annotations),
            ("quote_bytes", self.quote_bytes),
        ]
    }
}

/// A [`Work`] that extractors holding only a shared reference can add to.
#[derive(Debug, Default)]
pub struct Tally(Cell<Work>);

impl Tally {
    /// Adds to the counters.
    pub fn add(&self, f: impl FnOnce(&mut Work)) {
        let mut w = self.0.get();
        f(&mut w);
        self.0.set(w);
    }
    /// The counters so far.
    pub fn get(&self) -> Work {
        self.0.get()
    }
}

/// A step counter for the inner loops of one extractor: a `Cell` so that `&self` methods
/// can count.
#[derive(Debug, Default)]
pub struct Steps(Cell<u64>);

impl Steps {
    /// Counts `n` steps.
    #[inline]
    pub fn add(&self, n: usize) {
        self.0.set(self.0.get() + n as u64);
    }
    /// The steps counted.
    pub fn get(&self) -> u64 {
        self.0.get()
    }
}
