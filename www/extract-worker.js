// The page's extractor, off the main thread: a module Web Worker around the `extractor`
// wasm (src/bin/extractor.rs, built at opt-level 3). The editor (src/ui/browser/extractor.rs)
// posts {id, kind, docId, text, dct, start, end, lexicon}; the worker answers {id, ok} with what the
// wasm returns (for `predict`, JSON arrays of at most PER annotations each, which the page
// reads one per task; for `guess_date` and `dateline`, one JSON value), or {id, error} with its message in
// words. A `predict` job may carry the project lexicon (its JSON), applied to what is found.
// Jobs run in the order they come.
// scripts/single-file.mjs inlines this file (the import and the init call below are its marks).
import init, { predict, predict_parts, guess_date, dateline } from './extractor.js';

const PER = 2000;

const ready = init();
// A first call builds the pipeline (its patterns and tables) and lets the engine compile the
// hot functions before the first real job, which then runs at full speed.
const warm = ready.then(() => {
  try {
    predict('warm-up', 'Paris said on Friday that Mali had expelled two diplomats.', '2025-09-19');
  } catch (_) {
    // A failing warm-up changes nothing: the job that follows says what fails.
  }
});

const run = (m) => {
  const dct = m.dct || undefined;
  if (m.kind === 'predict') return predict_parts(m.docId, m.text, dct, PER, m.lexicon || undefined);
  if (m.kind === 'guess_date') return guess_date(m.text, dct, m.start, m.end);
  if (m.kind === 'dateline') return dateline(m.text);
  throw new Error(`unknown job ${m.kind}`);
};

self.onmessage = async (e) => {
  const m = e.data;
  try {
    await warm;
    self.postMessage({ id: m.id, ok: run(m) });
  } catch (err) {
    self.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
};
