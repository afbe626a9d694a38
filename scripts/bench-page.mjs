// The page's speed in one run, in headless Chromium (playwright-core) on the built dist/, side by
// side with chrono-node (a dev dependency: dates only) where the two compare. Each run uses
// fresh browser profiles (no HTTP cache, no compiled-code cache, no storage). Measures:
//  1. Extraction, in one page (benches/web/extract.html): the Gloss extractor module
//     (dist/extractor.js when it exists, else dist/web.js; timed through `predict(id, text,
//     dct)`, the call the page's worker makes, which returns the annotations as JSON, and
//     through `extract(text, dct)`, which writes them in a whole gold file with the text and
//     its SHA-256) and chrono-node's English entry (`parse(text, ref)`, served as its published ES modules
//     from node_modules: they import nothing outside the package, so no import map and no
//     bundler are needed). (a) characters/s looping over ~2 KB articles (the seeds'
//     paragraphs grouped into ~2 KB pieces), (b) one 1 MB article (bench-web.mjs's
//     bigArticle), (c) load: script fetch + init + first call. Ratios are Gloss / chrono.
//  2. Cold load of the editor: a fresh profile navigates to index.html; times (from navigation
//     start, in the page) to the first frame where the first seed's text is on screen and to
//     the first frame with one of its highlights drawn.
//  3. The 1 MB article in that page (bench-web.mjs's open and edit measures): open, all
//     highlights, settled, memory after load (CDP Performance.getMetrics JSHeapUsedSize, also
//     after a forced GC, and the wasm memory), scrolling (before any selection): frame
//     intervals (p95, max) while scrollBy runs in each animation frame, once at 100 px a frame
//     (a wheel flick) and once through the whole document; then, back at the top, select and
//     reject/undo/delete/undo; then scrolling at 100 px a frame again with that actor selected.
//  4. Transfer sizes of dist/ files, gzip -9: what the first paint needs and everything.
// Times are taken in the page (performance.now()) and read by short evaluates: long-pending
// evaluates have closed pages here.
//
// Usage: scripts/build-web.sh && node scripts/bench-page.mjs [--runs N] [--bytes N]
//          [--min-ms N] [--scroll-frames N]
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
// Prints one line per measure (median, then each run), the ratios, and a JSON summary last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { bigArticle, median, PAGE_HELPERS, openBig, edits } from './bench-web.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.env.GLOSS_DIST || path.join(ROOT, 'dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHRONO = path.join(ROOT, 'node_modules', 'chrono-node');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 5);
const BYTES = arg('--bytes', 1 << 20);
const MIN_MS = arg('--min-ms', 1000);
const SCROLL_FRAMES = arg('--scroll-frames', 200);
const DCT = '2025-09-19';
const PIECE_BYTES = 2048;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seedTexts = () => {
  const dir = path.join(ROOT, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
};

/** The seeds' paragraphs (as bigArticle takes them: longer than 40 bytes), in file order,
 *  grouped into pieces of at least 2 KB (the last piece takes what is left). */
export function pieces() {
  const out = [];
  let cur = '';
  for (const s of seedTexts()) {
    for (const para of s.split('\n').filter((p) => Buffer.byteLength(p) > 40)) {
      cur += `${para}\n`;
      if (Buffer.byteLength(cur) >= PIECE_BYTES) { out.push(cur); cur = ''; }
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** A directory to serve: dist/'s entries at its root (the editor as it ships), the benchmark
 *  page under /_bench/ and chrono-node's ES modules under /_chrono/ (symbolic links). */
function siteRoot() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-site-'));
  for (const e of fs.readdirSync(DIST)) fs.symlinkSync(path.join(DIST, e), path.join(dir, e));
  fs.symlinkSync(path.join(ROOT, 'benches', 'web'), path.join(dir, '_bench'));
  fs.symlinkSync(path.join(CHRONO, 'dist', 'esm'), path.join(dir, '_chrono'));
  return dir;
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Transfer sizes (gzip -9) of dist/: the files the first paint needs, and everything the
 *  served app can download (the offline one-file gloss.html and the demo extract.html apart). */
function transfer(extractorFile) {
  const first = ['index.html', 'boot.js', 'web.js', 'web_bg.wasm', 'style.css'];
  const files = {};
  for (const f of fs.readdirSync(DIST).sort()) {
    const p = path.join(DIST, f);
    if (!fs.statSync(p).isFile()) continue;
    files[f] = { raw: fs.statSync(p).size, gzip: gz(p), first: first.includes(f) };
  }
  const apart = new Set(['gloss.html', 'extract.html']);
  const sum = (pred) => Object.entries(files).filter(([f, v]) => pred(f, v)).reduce((a, [, v]) => a + v.gzip, 0);
  const ext = extractorFile.replace(/\.js$/, '');
  return {
    files,
    first_paint: sum((f, v) => v.first),
    everything: sum((f) => !apart.has(f)),
    extractor: sum((f) => f === `${ext}.js` || f === `${ext}_bg.wasm`),
  };
}

async function freshBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const close = async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); };
  return { context, page, errors, close };
}

/** Polls `fn` in the page with short evaluates until it returns something truthy. */
async function poll(page, fn, arg, timeoutMs = 30000, what = 'the page') {
  const t0 = Date.now();
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

// --- 1. extraction side by side -------------------------------------------------------------

async function extractionRun(base, texts, extractorFile, glossFirst) {
  const b = await freshBrowser();
  try {
    await b.page.goto(`${base}_bench/extract.html`);
    await poll(b.page, () => window.benchReady === true, null, 10000, 'the benchmark page');
    await b.page.evaluate(({ p, big, dct }) => window.bench.setTexts(p, big, dct), { p: texts.pieces, big: texts.big, dct: DCT });
    const load = {};
    const order = glossFirst ? ['gloss', 'chrono'] : ['chrono', 'gloss'];
    for (const lib of order) {
      load[lib] = lib === 'gloss'
        ? await b.page.evaluate((u) => window.bench.loadGloss(u), `/${extractorFile}`)
        : await b.page.evaluate((u) => window.bench.loadChrono(u), '/_chrono/locales/en/index.js');
    }
    const chronoFiles = await b.page.evaluate(() => window.bench.fetched('/_chrono/'));
    const tp = {}, big = {};
    // `gloss` is the worker's call (predict); `glossFile` writes a whole gold file (extract).
    const timed = [...order, 'glossFile'];
    for (const lib of timed) tp[lib] = await b.page.evaluate(({ lib, ms }) => window.bench.throughput(lib, ms), { lib, ms: MIN_MS });
    for (const lib of timed) big[lib] = await b.page.evaluate((lib) => window.bench.big(lib), lib);
    if (b.errors.length) throw new Error(`page errors: ${b.errors.join(' | ')}`);
    return { load, tp, big, chronoFiles, order };
  } finally {
    await b.close();
  }
}

// --- 2. cold load, 3. the 1 MB article --------------------------------------------------------

/** Init script: from the document's start, checks each animation frame (after forcing style
 *  and layout, as bench-web's `until` does) for the first seed's headline on screen in #text and
 *  for a highlight in it; keeps the wasm exports for the memory figure. */
const COLD_PROBE = (head) => {
  window.__cold = { text: null, mark: null };
  addEventListener('TrunkApplicationStarted', (e) => { window.__glossWasm = e.detail && e.detail.wasm; });
  const tick = () => {
    const el = document.getElementById('text');
    if (el && el.textContent.includes(head)) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.width > 0 && r.top < innerHeight) {
        const now = performance.now();
        if (window.__cold.text === null) window.__cold.text = now;
        if (window.__cold.mark === null && el.querySelector('.r[data-ids]')) window.__cold.mark = now;
      }
    }
    if (window.__cold.mark === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** What the page did during the cold load: navigation and resource timing, first paint, and
 *  the page's own gloss:* measures. */
const coldDetails = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = (name) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name));
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const measures = {};
  for (const m of performance.getEntriesByType('measure')) {
    if (!m.name.startsWith('gloss:')) continue;
    const v = Math.round(m.duration * 10) / 10;
    measures[m.name] = measures[m.name] === undefined ? v : `${measures[m.name]} + ${v}`;
  }
  const r1 = (x) => (x === undefined ? null : Math.round(x * 10) / 10);
  return {
    dom_content_loaded: r1(nav && nav.domContentLoadedEventEnd),
    wasm_fetched: r1(res('/web_bg.wasm')?.responseEnd),
    first_contentful_paint: r1(fcp && fcp.startTime),
    measures,
  };
};

async function memory(cdp, page) {
  const get = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await get();
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await get();
  const wasm = await page.evaluate(() => window.__glossWasm?.memory?.buffer?.byteLength ?? null);
  return { js_heap_used: before.JSHeapUsedSize, js_heap_used_after_gc: after.JSHeapUsedSize, wasm_memory: wasm, dom_nodes: after.Nodes };
}

/** Starts scrolling the document's scroller by `step` px (or through the whole document when
 *  `step` is 0) in each of `frames` animation frames, from the top, recording frame intervals. */
const startScroll = ({ frames, step }) => {
  let sc = document.getElementById('text');
  while (sc && !(sc.scrollHeight > sc.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(sc).overflowY))) sc = sc.parentElement;
  if (!sc) sc = document.scrollingElement;
  sc.scrollTop = 0;
  const max = sc.scrollHeight - sc.clientHeight;
  const px = step || Math.max(1, Math.ceil(max / frames));
  const s = { intervals: [], done: false, px, height: sc.scrollHeight, scroller: sc.id || sc.tagName.toLowerCase() };
  window.__scroll = s;
  window.__scroller = sc;
  let last = null, n = 0;
  const tick = (ts) => {
    if (last !== null) s.intervals.push(ts - last);
    last = ts;
    if (n++ >= frames || sc.scrollTop >= max) { s.done = true; s.end = sc.scrollTop; return; }
    sc.scrollBy(0, px);
    requestAnimationFrame(tick);
  };
  // Two frames at the top first, so the jump there is not counted.
  requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(tick)));
};

async function scroll(page, step) {
  await page.evaluate(startScroll, { frames: SCROLL_FRAMES, step });
  const s = await poll(page, () => (window.__scroll.done ? window.__scroll : null), null, 120000, 'the scroll');
  const xs = [...s.intervals].sort((a, b) => a - b);
  const q = (p) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
  return { frames: xs.length, px: s.px, height: s.height, scroller: s.scroller, p50: q(0.5), p95: q(0.95), max: xs[xs.length - 1] };
}

async function editorRun(base, head, text) {
  const b = await freshBrowser();
  try {
    await b.page.addInitScript(COLD_PROBE, head);
    await b.page.addInitScript(PAGE_HELPERS);
    await b.page.goto(base, { waitUntil: 'commit' });
    const cold = await poll(b.page, () => (window.__cold && window.__cold.mark !== null ? window.__cold : null), null, 30000, 'the seed highlighted');
    Object.assign(cold, await b.page.evaluate(coldDetails));
    // The 1 MB article is opened on a page at rest (the seed's autosave done), as bench-web does.
    await poll(b.page, () => performance.getEntriesByName('gloss:save', 'measure').length > 0, null, 30000, 'the first autosave');
    await sleep(500);
    const open = await openBig(b.page, text);
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Performance.enable');
    const mem = await memory(cdp, b.page);
    // Scrolling before any selection (a selected actor marks its related mentions too).
    const wheel = await scroll(b.page, 100);
    const through = await scroll(b.page, 0);
    await b.page.evaluate(() => { window.__scroller.scrollTop = 0; });
    await sleep(300);
    const ed = await edits(b.page);
    // Scrolling again with the edited actor still selected (its related mentions marked).
    await sleep(300);
    const selected = await b.page.evaluate(() => document.getElementById('details')?.dataset.id || null);
    const wheelSel = selected ? await scroll(b.page, 100) : null;
    if (wheelSel) wheelSel.runs = await b.page.evaluate(() => document.querySelectorAll('#text .r').length);
    if (b.errors.length) throw new Error(`page errors: ${b.errors.join(' | ')}`);
    return { cold, open, mem, ed, wheel, through, wheelSel };
  } finally {
    await b.close();
  }
}

// --- report ----------------------------------------------------------------------------------

const fmtRate = (x) => `${(x / 1e6).toFixed(2)}M`;
const fmtMs = (x) => `${x.toFixed(1)}`;
const fmtMB = (x) => `${(x / (1 << 20)).toFixed(1)}`;
const line = (name, xs, fmt, unit) => {
  console.log(`${name.padEnd(44)} ${fmt(median(xs)).padStart(9)} ${unit}  (runs: ${xs.map(fmt).join(', ')})`);
  return median(xs);
};

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: run scripts/build-web.sh first`);
  if (!fs.existsSync(path.join(CHRONO, 'dist', 'esm', 'locales', 'en', 'index.js'))) throw new Error('chrono-node is not installed: run npm ci');
  const extractorFile = fs.existsSync(path.join(DIST, 'extractor.js')) ? 'extractor.js' : 'web.js';
  const texts = { pieces: pieces(), big: bigArticle(BYTES) };
  const chronoVersion = JSON.parse(fs.readFileSync(path.join(CHRONO, 'package.json'), 'utf8')).version;
  const head = seedTexts()[0].split('\n').find((l) => l.trim()).slice(0, 60);
  const site = siteRoot();
  const server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  console.log(`Gloss extractor module: dist/${extractorFile}; chrono-node ${chronoVersion} (English entry, its ES modules served from node_modules); `
    + `${texts.pieces.length} pieces of ~2 KB (${texts.pieces.map((p) => Buffer.byteLength(p)).join(', ')} bytes); 1 MB article ${Buffer.byteLength(texts.big)} bytes; ${RUNS} runs, fresh profile each`);
  const ex = [], ed = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      ex.push(await extractionRun(base, texts, extractorFile, i % 2 === 0));
      ed.push(await editorRun(base, head, texts.big));
      const e = ex[i], d = ed[i];
      console.log(`run ${i + 1}: extraction (${e.order.join(' loaded first, then ')}) 2 KB gloss ${fmtRate(e.tp.gloss.charsPerSec)}/s (as a file ${fmtRate(e.tp.glossFile.charsPerSec)}/s) chrono ${fmtRate(e.tp.chrono.charsPerSec)}/s; `
        + `1 MB gloss ${fmtMs(e.big.gloss.ms)} ms ${JSON.stringify(e.big.gloss.found)} chrono ${fmtMs(e.big.chrono.ms)} ms ${JSON.stringify(e.big.chrono.found)}; `
        + `load gloss ${fmtMs(e.load.gloss.script)}+${fmtMs(e.load.gloss.init)}+${fmtMs(e.load.gloss.first)} ms chrono ${fmtMs(e.load.chrono.script)}+${fmtMs(e.load.chrono.first)} ms (${e.chronoFiles.length} modules)`);
      console.log(`       cold load: text ${fmtMs(d.cold.text)} ms, highlight ${fmtMs(d.cold.mark)} ms; DOMContentLoaded ${d.cold.dom_content_loaded}, wasm fetched ${d.cold.wasm_fetched}, first contentful paint ${d.cold.first_contentful_paint}; measures ${JSON.stringify(d.cold.measures)}`);
      console.log(`       1 MB: open ${fmtMs(d.open.open)}, complete ${fmtMs(d.open.complete)}, settled ${fmtMs(d.open.settled)} ms (${d.open.paras} paragraphs, ${d.open.runs} runs); `
        + `select ${fmtMs(d.ed.select)}, reject ${fmtMs(d.ed.reject.ms)}, undo ${fmtMs(d.ed.undo.ms)}, delete ${fmtMs(d.ed.delete.ms)}, undo ${fmtMs(d.ed.undo2.ms)} ms; `
        + `memory JS ${fmtMB(d.mem.js_heap_used)} MB (${fmtMB(d.mem.js_heap_used_after_gc)} after GC), wasm ${d.mem.wasm_memory === null ? '?' : fmtMB(d.mem.wasm_memory)} MB, ${d.mem.dom_nodes} DOM nodes; `
        + `scroll ${d.wheel.px} px/frame p95 ${fmtMs(d.wheel.p95)} max ${fmtMs(d.wheel.max)} ms; through ${d.through.height} px in ${d.through.px} px/frame p95 ${fmtMs(d.through.p95)} max ${fmtMs(d.through.max)} ms (scroller: ${d.through.scroller}); `
        + (d.wheelSel ? `scroll with an actor selected p95 ${fmtMs(d.wheelSel.p95)} max ${fmtMs(d.wheelSel.max)} ms (${d.wheelSel.runs} runs in the DOM)` : 'no selection left to scroll with'));
      console.log(`       1 MB long tasks (over 50 ms, from the click to settled): ${JSON.stringify(d.open.longTasks)}`);
      console.log(`       1 MB page measures: open ${JSON.stringify(d.open.measures)}; `
        + ['reject', 'undo', 'delete', 'undo2'].map((k) => `${k} ${JSON.stringify(d.ed[k].measures)}`).join('; '));
    }
  } finally {
    server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
  const tr = transfer(extractorFile);
  const chronoGz = ex[0].chronoFiles.reduce((a, p) => a + gz(path.join(CHRONO, 'dist', 'esm', p.replace(/^\/_chrono\//, ''))), 0);

  console.log(`\nmedian of ${RUNS} (each run in fresh profiles):`);
  const S = {};
  const pick = (arr, f) => arr.map(f);
  S.extract_2kb_gloss_cps = line('extraction 2 KB pieces, Gloss (3 labels; predict, the worker\'s call)', pick(ex, (e) => e.tp.gloss.charsPerSec), fmtRate, 'chars/s');
  S.extract_2kb_gloss_file_cps = line('  the same written as a gold file (extract)', pick(ex, (e) => e.tp.glossFile.charsPerSec), fmtRate, 'chars/s');
  S.extract_2kb_chrono_cps = line('extraction 2 KB pieces, chrono-node (dates)', pick(ex, (e) => e.tp.chrono.charsPerSec), fmtRate, 'chars/s');
  S.extract_1mb_gloss_cps = line('extraction 1 MB, Gloss (predict)', pick(ex, (e) => e.big.gloss.charsPerSec), fmtRate, 'chars/s');
  S.extract_1mb_gloss_file_cps = line('  the same written as a gold file (extract)', pick(ex, (e) => e.big.glossFile.charsPerSec), fmtRate, 'chars/s');
  S.extract_1mb_chrono_cps = line('extraction 1 MB, chrono-node', pick(ex, (e) => e.big.chrono.charsPerSec), fmtRate, 'chars/s');
  S.load_gloss_ms = line('load Gloss (script + init + first call)', pick(ex, (e) => e.load.gloss.total), fmtMs, 'ms');
  line('  of which script', pick(ex, (e) => e.load.gloss.script), fmtMs, 'ms');
  line('  of which init (wasm fetch, compile)', pick(ex, (e) => e.load.gloss.init), fmtMs, 'ms');
  line('  of which first call', pick(ex, (e) => e.load.gloss.first), fmtMs, 'ms');
  S.load_chrono_ms = line('load chrono-node (modules + first call)', pick(ex, (e) => e.load.chrono.total), fmtMs, 'ms');
  line('  of which modules (fetch, evaluate)', pick(ex, (e) => e.load.chrono.script), fmtMs, 'ms');
  line('  of which first call', pick(ex, (e) => e.load.chrono.first), fmtMs, 'ms');
  S.cold_text_ms = line('cold load: first seed text on screen', pick(ed, (d) => d.cold.text), fmtMs, 'ms');
  S.cold_highlight_ms = line('cold load: first seed highlight drawn', pick(ed, (d) => d.cold.mark), fmtMs, 'ms');
  S.open_1mb_ms = line('1 MB open (first highlights)', pick(ed, (d) => d.open.open), fmtMs, 'ms');
  S.complete_1mb_ms = line('1 MB all highlights', pick(ed, (d) => d.open.complete), fmtMs, 'ms');
  S.settled_1mb_ms = line('1 MB settled (after autosave)', pick(ed, (d) => d.open.settled), fmtMs, 'ms');
  S.longest_task_1mb_ms = line('1 MB longest main-thread task while opening', pick(ed, (d) => d.open.longest), fmtMs, 'ms');
  S.js_heap_mb = line('1 MB memory: JS heap used', pick(ed, (d) => d.mem.js_heap_used), fmtMB, 'MB');
  S.js_heap_gc_mb = line('1 MB memory: JS heap used after GC', pick(ed, (d) => d.mem.js_heap_used_after_gc), fmtMB, 'MB');
  if (ed.every((d) => d.mem.wasm_memory !== null)) S.wasm_memory_mb = line('1 MB memory: editor wasm memory', pick(ed, (d) => d.mem.wasm_memory), fmtMB, 'MB');
  S.dom_nodes = line('1 MB DOM nodes', pick(ed, (d) => d.mem.dom_nodes), (x) => String(x), '');
  S.select_ms = line('1 MB select', pick(ed, (d) => d.ed.select), fmtMs, 'ms');
  S.edit_ms = line('1 MB edit (reject, undo, delete, undo)', ed.flatMap((d) => ['reject', 'undo', 'delete', 'undo2'].map((k) => d.ed[k].ms)), fmtMs, 'ms');
  S.edit_max_ms = Math.max(...ed.flatMap((d) => ['reject', 'undo', 'delete', 'undo2'].map((k) => d.ed[k].ms)));
  S.scroll_p95_ms = line(`1 MB scroll ${ed[0].wheel.px} px/frame: p95 frame`, pick(ed, (d) => d.wheel.p95), fmtMs, 'ms');
  S.scroll_max_ms = line(`1 MB scroll ${ed[0].wheel.px} px/frame: max frame`, pick(ed, (d) => d.wheel.max), fmtMs, 'ms');
  if (ed.every((d) => d.wheelSel)) {
    S.scroll_selected_p95_ms = line(`1 MB scroll ${ed[0].wheel.px} px/frame, actor selected: p95`, pick(ed, (d) => d.wheelSel.p95), fmtMs, 'ms');
  }
  S.scroll_through_p95_ms = line(`1 MB scroll through (${SCROLL_FRAMES} frames): p95 frame`, pick(ed, (d) => d.through.p95), fmtMs, 'ms');
  S.scroll_through_max_ms = line(`1 MB scroll through (${SCROLL_FRAMES} frames): max frame`, pick(ed, (d) => d.through.max), fmtMs, 'ms');
  const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
  console.log('transfer, gzip -9: ' + Object.entries(tr.files).map(([f, v]) => `${f} ${kb(v.gzip)}${v.first ? ' (first paint)' : ''}`).join(', '));
  console.log(`transfer: first paint ${kb(tr.first_paint)}; everything ${kb(tr.everything)} (gloss.html and extract.html apart); `
    + `Gloss extractor module ${kb(tr.extractor)}; chrono-node English modules ${kb(chronoGz)} (${ex[0].chronoFiles.length} files, each gzipped)`);
  S.transfer_first_paint_kb = tr.first_paint / 1024;
  S.transfer_everything_kb = tr.everything / 1024;
  S.transfer_extractor_kb = tr.extractor / 1024;
  S.transfer_chrono_kb = chronoGz / 1024;
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  S.ratio_2kb = ratio(S.extract_2kb_gloss_cps, S.extract_2kb_chrono_cps);
  S.ratio_1mb = ratio(S.extract_1mb_gloss_cps, S.extract_1mb_chrono_cps);
  S.ratio_load = ratio(S.load_gloss_ms, S.load_chrono_ms);
  S.ratio_transfer = ratio(tr.extractor, chronoGz);
  console.log(`ratios Gloss/chrono-node (medians): 2 KB chars/s ${S.ratio_2kb}, 1 MB chars/s ${S.ratio_1mb}, load time ${S.ratio_load}, transfer ${S.ratio_transfer}`
    + ' (chars/s: above 1 means Gloss is faster; load and transfer: below 1 means Gloss is cheaper)');
  for (const k of ['js_heap_mb', 'js_heap_gc_mb', 'wasm_memory_mb']) if (S[k] !== undefined) S[k] /= 1 << 20;
  for (const k of Object.keys(S)) if (!k.startsWith('ratio_')) S[k] = Math.round(S[k] * 10) / 10;
  console.log(JSON.stringify({ runs: RUNS, extractor: `dist/${extractorFile}`, chrono_node: chronoVersion, bytes: Buffer.byteLength(texts.big), ...S }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
}
