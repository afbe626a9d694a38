// In-page half of the side-by-side extraction benchmark (scripts/bench-page.mjs drives it).
// Owns: loading chrono-node and the Gloss extractor module on request, and timing them in
// this page with performance.now(). Each call is short (a second or two at most) so the driver
// never waits on a long-pending evaluate. It must not decide what is reported: it returns raw
// times and counts, the driver takes medians and ratios.

const libs = {};
/** The annotations of what `predict` (a JSON array) or `extract` (a gold file) returned. */
const annotations = (json) => { const v = JSON.parse(json); return Array.isArray(v) ? v : v.annotations; };
const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };

window.bench = {
  /** Texts to extract from: `pieces` (~2 KB articles) and `big` (the 1 MB article). */
  setTexts(pieces, big, dct) {
    this.pieces = pieces;
    this.pieceChars = pieces.map(cpLen);
    this.bigText = big;
    this.bigChars = cpLen(big);
    this.dct = dct;
    this.ref = new Date(`${dct}T12:00:00Z`);
  },

  /** Loads the Gloss extractor (a wasm-bindgen `web` module exporting `predict(id, text, dct)`,
   *  the call the page's worker makes, and `extract(text, dct)`, which writes a whole gold file):
   *  script = import of the JS glue, init = fetch + compile + instantiate the wasm,
   *  first = the first `predict` on the first piece. `gloss` times `predict` (the annotations as
   *  a JSON array, what the page reads); `glossFile` times `extract` (the same annotations in a
   *  gold file with the text and its SHA-256). A module without `predict` is timed with `extract`. */
  async loadGloss(url) {
    const t0 = performance.now();
    const m = await import(url);
    const t1 = performance.now();
    await m.default();
    const t2 = performance.now();
    const dct = this.dct;
    libs.glossFile = (text) => m.extract(text, dct);
    libs.gloss = m.predict ? (text) => m.predict('bench', text, dct) : libs.glossFile;
    const out = libs.gloss(this.pieces[0]);
    const t3 = performance.now();
    return { script: t1 - t0, init: t2 - t1, first: t3 - t2, total: t3 - t0, firstCount: annotations(out).length };
  },

  /** Loads chrono-node's English entry (its ES modules, as published): script = import of
   *  every module (evaluating them builds the parsers), first = the first `parse`. */
  async loadChrono(url) {
    const t0 = performance.now();
    const chrono = await import(url);
    const t1 = performance.now();
    const out = chrono.parse(this.pieces[0], this.ref);
    const t2 = performance.now();
    libs.chrono = (text) => chrono.parse(text, this.ref);
    return { script: t1 - t0, init: 0, first: t2 - t1, total: t2 - t0, firstCount: out.length };
  },

  /** Characters (code points) per second looping over the pieces for at least `minMs`
   *  (whole passes only), after untimed passes for `minMs / 2` (so that the engine's optimizing
   *  tiers, which compile in the background, have caught up: the order of the two libraries
   *  must not decide who is measured half-compiled). */
  throughput(lib, minMs) {
    const f = libs[lib];
    const w0 = performance.now();
    do { for (const p of this.pieces) f(p); } while (performance.now() - w0 < minMs / 2);
    let chars = 0, calls = 0;
    const t0 = performance.now();
    let t = t0;
    do {
      for (let i = 0; i < this.pieces.length; i++) { f(this.pieces[i]); chars += this.pieceChars[i]; calls++; }
      t = performance.now();
    } while (t - t0 < minMs);
    return { charsPerSec: chars / ((t - t0) / 1000), calls, ms: t - t0 };
  },

  /** One extraction of the 1 MB article: ms, characters per second and what was found. */
  big(lib) {
    const t0 = performance.now();
    const out = libs[lib](this.bigText);
    const ms = performance.now() - t0;
    let found;
    if (lib.startsWith('gloss')) {
      found = {};
      for (const a of annotations(out)) found[a.label] = (found[a.label] || 0) + 1;
    } else {
      found = { DATE: out.length };
    }
    return { ms, charsPerSec: this.bigChars / (ms / 1000), found };
  },

  /** Which chrono-node files the page fetched (for their transfer size). */
  fetched(prefix) {
    return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith(prefix));
  },
};
window.benchReady = true;
