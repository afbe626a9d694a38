// Corpus views benchmark of the built page (dist/) in headless Chromium (playwright-core): the
// time to open each view of the corpus (actors P, claims across outlets C, timeline L, search /)
// and to search a word,
// on a corpus of 1,000 documents (the seed gold files under 1,000 ids, tests/e2e/corpus-lib.mjs;
// 13.7 MB of JSON Lines, about 50,000 annotations).
//
// Each run starts from a fresh browser profile (empty storage), opens the corpus file through
// the page's file input and waits until all of it is loaded. Then, for each view, on a page at
// rest: the key press (the page's own keydown, timed with performance.now() in the page) to the
// first frame that shows the view's table or picture, after forcing that frame's style and
// layout. A view is closed (Esc) before the next one. Also prints the load time (file chosen to
// the last document loaded).
//
// Usage: scripts/build-web.sh && node scripts/bench-views.mjs [--runs N] [--docs N]
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
// Prints one line per measure (median and each run) and a JSON summary as the last line.
import fs from 'node:fs';
import os from 'node:os';
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

/** Each view: its key and the element that shows it drawn. */
export const VIEWS = [
  { name: 'actors (P)', key: 'P', ready: '#actors-table' },
  { name: 'claims (C)', key: 'C', ready: '#claims-matrix' },
  { name: 'timeline (L)', key: 'L', ready: '#timeline-svg-drawn' },
  { name: 'search (/)', key: '/', ready: '#search-query' },
];

/** In the page: resolves with the ms from the next input event to the first frame with a result. */
function timeSearch() {
  return new Promise((resolve) => {
    let t0 = null;
    document.addEventListener('input', () => { t0 = performance.now(); }, { capture: true, once: true });
    const check = () => {
      if (t0 !== null && document.querySelector('#search-results li')) {
        requestAnimationFrame(() => {
          document.body.getBoundingClientRect();
          resolve(performance.now() - t0);
        });
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** In the page: resolves with the ms from the next keydown to the first frame showing `sel`. */
function timeView(sel) {
  return new Promise((resolve) => {
    let t0 = null;
    const down = () => {
      t0 = performance.now();
      window.removeEventListener('keydown', down, true);
    };
    window.addEventListener('keydown', down, true);
    const check = () => {
      if (t0 !== null && document.querySelector(sel)) {
        requestAnimationFrame(() => {
          document.body.getBoundingClientRect();
          resolve(performance.now() - t0);
        });
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

async function oneRun(base, jsonl) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-views-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });
    const t0 = Date.now();
    await page.setInputFiles('#file-input', { name: 'corpus.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(jsonl) });
    await page.waitForSelector('#loading', { timeout: 60000 });
    await page.waitForSelector('#loading', { state: 'detached', timeout: 600000 });
    const load = Date.now() - t0;
    const listed = await page.$$eval('#corpus .doc', (bs) => bs.length);
    if (listed < DOCS) throw new Error(`only ${listed} documents listed`);
    await page.waitForTimeout(1000);
    const out = { load };
    for (const v of VIEWS) {
      const timing = page.evaluate(timeView, v.ready);
      await page.keyboard.press(v.key);
      out[v.name] = Math.round(await timing);
      await page.waitForTimeout(300);
      if (v.key === '/') {
        const found = page.evaluate(timeSearch);
        await page.fill('#search-query', 'Mali');
        out['search "Mali"'] = Math.round(await found);
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
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: run scripts/build-web.sh first`);
  const jsonl = corpusJsonl(DOCS);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(base, jsonl));
  } finally {
    server.close();
  }
  console.log(`${DOCS} documents, ${(Buffer.byteLength(jsonl) / 1e6).toFixed(1)} MB of JSON Lines, ${RUNS} run(s), fresh profile each`);
  for (const k of Object.keys(runs[0])) {
    const xs = runs.map((r) => r[k]);
    const label = k === 'load' ? 'load (file chosen -> all loaded)' : `open ${k}`;
    console.log(`${label.padEnd(34)} median ${String(median(xs)).padStart(6)} ms   runs ${xs.join(', ')}`);
  }
  console.log(JSON.stringify({ docs: DOCS, runs }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
