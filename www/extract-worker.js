// The page's extractor, off the main thread: a module Web Worker around the `extractor`
// wasm (src/bin/extractor.rs, built at opt-level 3). The editor (src/ui/browser/extractor.rs)
// posts {id, kind, docId, text, dct, start, end}; the worker answers {id, ok} with the JSON
// the wasm returns, or {id, error} with its message in words. Jobs run in the order they come.
// scripts/single-file.mjs inlines this file (the import and the init call below are its marks).
import init, { predict, guess_date } from './extractor.js';

const ready = init();

const run = (m) => {
  const dct = m.dct || undefined;
  if (m.kind === 'predict') return predict(m.docId, m.text, dct);
  if (m.kind === 'guess_date') return guess_date(m.text, dct, m.start, m.end);
  throw new Error(`unknown job ${m.kind}`);
};

self.onmessage = async (e) => {
  const m = e.data;
  try {
    await ready;
    self.postMessage({ id: m.id, ok: run(m) });
  } catch (err) {
    self.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
};
