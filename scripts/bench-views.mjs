// Corpus views benchmark of the built page (dist/) in headless Chromium (playwright-core): the
// time to open each view of the corpus (actors P, claims across outlets C, timeline L, search /)
// and to search a word,
// on a corpus of 1,000 documents (the seed gold files under 1,000 ids, tests/e2e/corpus-lib.mjs;
// 13.7 MB of JSON Lines, about 50,000 annotations).
//
// Each run starts from a fresh browser profile (empty storage), opens the corpus file through
// the page's file input and waits until all of it is loaded. Then, for each view, on a page at
// rest: the key press to the first frame that shows the view's table or picture, after forcing
// that frame's style and layout (timed from node: each figure includes a few ms of the
// browser protocol's round trips). A view is closed (Esc) before the next one. Also prints the load time (file chosen to
// the last document loaded).
//
// Usage: scripts/build-web.sh && node scripts/bench-views.mjs [--runs N] [--docs N] [--bound MS]
// Exits 1 when a view's median is over the bound (default 1000 ms).
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
// Prints one line per measure (median and each run) and a JSON summary as the last line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { corpusJsonl } from '../tests/e2e/corpus-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.env.GLOSS_DIST || path.join(ROOT, 'dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 3);
const DOCS = arg('--docs', 1000);
// The bound each view (and a search) must open within, median of the runs; over it, exit 1.
const BOUND = arg('--bound', 1000);

/** Each view: its key and the element that shows it drawn. */
export const VIEWS = [
  { name: 'actors (P)', key: 'P', ready: '#actors-table' },
  { name: 'claims (C)', key: 'C', ready: '#claims-matrix' },
  { name: 'timeline (L)', key: 'L', ready: '#timeline-svg-drawn' },
  { name: 'search (/)', key: '/', ready: '#search-query' },
];

/** Milliseconds from now until `sel` is in the page and a frame with it has been laid out. */
async function until(page, sel, act) {
  const t0 = Date.now();
  await act();
  await page.waitForSelector(sel, { timeout: 120000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => { document.body.getBoundingClientRect(); r(); })));
  return Date.now() - t0;
}

async function oneRun(base, jsonl) {
  // A new browser and a new context each run: empty storage and caches (a fresh profile).
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => console.error('the page crashed'));
    await page.goto(base);
    await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });
    const t0 = Date.now();
    await page.setInputFiles('#file-input', { name: 'corpus.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(jsonl) });
    await page.waitForSelector('#loading', { timeout: 60000 });
    await page.waitForSelector('#loading', { state: 'detached', timeout: 600000 });
    const load = Date.now() - t0;
    console.error(`loaded in ${load} ms`);
    const listed = await page.$$eval('#corpus .doc', (bs) => bs.length);
    if (listed < DOCS) throw new Error(`only ${listed} documents listed`);
    await page.waitForTimeout(1000);
    const out = { load };
    for (const v of VIEWS) {
      out[v.name] = await until(page, v.ready, () => page.keyboard.press(v.key));
      console.error(`${v.name}: ${out[v.name]} ms`);
      await page.waitForTimeout(300);
      if (v.key === '/') {
        out['search "Mali"'] = await until(page, '#search-results li', () => page.fill('#search-query', 'Mali'));
        await page.waitForTimeout(300);
        await page.locator('#search-query').blur();
      }
      await page.keyboard.press('Escape');
      await page.waitForSelector(v.ready, { state: 'detached', timeout: 30000 });
      await page.waitForTimeout(300);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await browser.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: run scripts/build-web.sh first`);
  const jsonl = corpusJsonl(DOCS);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const runs = [];
  let failed = false;
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(base, jsonl));
  } finally {
    server.close();
  }
  console.log(`${DOCS} documents, ${(Buffer.byteLength(jsonl) / 1e6).toFixed(1)} MB of JSON Lines, ${RUNS} run(s), fresh profile each`);
  for (const k of Object.keys(runs[0])) {
    const xs = runs.map((r) => r[k]);
    const label = k === 'load' ? 'load (file chosen -> all loaded)' : `open ${k}`;
    const over = k !== 'load' && median(xs) > BOUND;
    if (over) failed = true;
    console.log(`${label.padEnd(34)} median ${String(median(xs)).padStart(6)} ms   runs ${xs.join(', ')}${over ? `   OVER the ${BOUND} ms bound` : ''}`);
  }
  console.log(failed ? `some view took over ${BOUND} ms` : `every view within ${BOUND} ms`);
  console.log(JSON.stringify({ docs: DOCS, bound: BOUND, runs }));
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
