// Shared harness of the end-to-end tests (*.spec.mjs; not a test itself): a static server
// for dist/, a fresh Chromium profile driven by playwright-core, a step runner that prints
// `ok`/`FAIL` lines and `N passed, N failed`, and page helpers (download the gold JSON, paced to stay
// under Chromium's burst limit on downloads; select an annotation by keys, read the details panel).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export { serve };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.resolve(process.env.GLOSS_DIST || path.join(ROOT, 'dist'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let passed = 0, failed = 0;
export const notes = [];
export async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
  }
}
export function assert(cond, msg) { if (!cond) throw new Error(msg); }
export function eq(a, b, msg) { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`); }

/** Runs `story(ctx)` with a served dist/ and a fresh browser; exits 1 on any failure. */
export async function run(story) {
  try {
    assert(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run scripts/build-web.sh first`);
    const server = await serve(DIST);
    const base = `http://127.0.0.1:${server.address().port}/`;
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-flow-profile-'));
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-flow-dl-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: FLAGS, acceptDownloads: true, viewport: { width: 1280, height: 900 },
    });
    const page = context.pages()[0] || await context.newPage();
    for (const p of context.pages()) noteDownloads(p);
    context.on('page', noteDownloads);
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    try {
      await story({ page, context, base, downloads, errors });
    } finally {
      await context.close();
      server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  } catch (e) {
    setupFailed(e);
  }
  finish();
}

/** Counts an error outside any step (the server, the browser) as a failure. */
export function setupFailed(e) {
  failed++;
  console.log(`FAIL setup: ${e && e.stack ? e.stack : e}`);
}

/** Prints the notes and `N passed, N failed`, and exits 1 on any failure. */
export function finish() {
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

export async function waitText(page) {
  await page.waitForSelector('#text .r[data-ids]', { timeout: 15000 });
}
export async function details(page) {
  return page.evaluate(() => {
    const d = document.getElementById('details');
    return d ? { id: d.dataset.id, label: d.dataset.label, status: d.dataset.status, quote: document.getElementById('quote')?.textContent } : null;
  });
}
// Chromium drops a frame's download without a word when it is the 11th within one second of
// the first of a burst (Blink's LocalFrame::ShouldThrottleDownload: 10 downloads, then the count
// restarts only once more than 1 s has passed since the burst began). The page's click handler
// and its link's click() still run, but no download starts. A person cannot click Download 11
// times in a second; a spec can (flow-identity's 11th download came 0.99-1.7 s after its first
// here, and under 1 s on a less loaded machine). So each page's downloads are noted when the
// browser reports them (after Blink counted them), and `download` triggers another only once
// the 10th-last is over a second old: then no 11 downloads of a page fall within one second,
// whatever Blink's burst began with. The 20 ms over cover clock granularity.
const BURST_DOWNLOADS = 10;
const BURST_MS = 1000 + 20;
const downloadTimes = new WeakMap(); // page -> times (Date.now()) its downloads were reported
/** Notes every download of `page` from now on (`run` does it for each page of its browser). */
export function noteDownloads(page) {
  if (downloadTimes.has(page)) return;
  const times = [];
  downloadTimes.set(page, times);
  page.on('download', () => times.push(Date.now()));
}
/** Waits until one more download of `page` cannot be its 11th within a second (see above). */
export async function paceDownload(page) {
  noteDownloads(page);
  const times = downloadTimes.get(page);
  if (times.length < BURST_DOWNLOADS) return;
  const wait = times[times.length - BURST_DOWNLOADS] + BURST_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
/** Downloads the open document's gold JSON with the toolbar button (or `how`: a function that triggers it). */
export async function download(page, dir, how) {
  const trigger = how || (() => page.click('#download'));
  await paceDownload(page);
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), trigger()]);
  const file = path.join(dir, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  const raw = fs.readFileSync(file, 'utf8');
  return { file, name: dl.suggestedFilename(), raw, json: raw.trimStart().startsWith('{') && !raw.trim().includes('\n{') ? JSON.parse(raw) : null };
}
/** Presses `key` until the details panel shows an annotation that `want(details)` accepts. */
export async function keyUntil(page, key, want, max = 300) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    await frame(page);
    const d = await details(page);
    if (d && want(d)) return d;
  }
  throw new Error(`no annotation found with ${key}`);
}
/** Waits for the page to paint once more. */
export async function frame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}
export async function waitDetails(page, pred, arg) {
  await page.waitForFunction(pred, arg, { timeout: 5000 });
  return details(page);
}
export const byId = (json, id) => json.annotations.find((a) => a.id === id);
export const canon = (json, id) => byId(json, id)?.attributes.canonical;

// Additions for the data-* specs (saved work, versions, tabs, crash).

/** The corpus list: id, state, state words, versions, active. */
export async function corpusRows(page) {
  return page.$$eval('#corpus .doc', (bs) => bs.map((b) => ({
    id: b.dataset.id, state: b.dataset.state, words: b.querySelector('.doc-state')?.textContent,
    versions: Number(b.dataset.versions || 0), active: b.classList.contains('active'),
  })));
}
/** The state words of the corpus entry whose id starts with `prefix`. */
export async function rowWords(page, prefix) {
  return (await corpusRows(page)).find((r) => r.id.startsWith(prefix))?.words;
}
/** Every record of an IndexedDB store of the page's database: [key, value] pairs. */
/** Puts the record `[key, raw]` under `key` in the page's IndexedDB store `store` (as the
 *  page saves documents), e.g. to plant saved work an earlier or newer Gloss left. */
export async function idbPut(page, store, key, raw) {
  return page.evaluate(({ store, key, raw }) => new Promise((resolve, reject) => {
    const r = indexedDB.open('gloss');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const tx = r.result.transaction(store, 'readwrite');
      tx.objectStore(store).put([key, raw], key);
      tx.oncomplete = () => { r.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { store, key, raw });
}
export async function idbRecords(page, store) {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const r = indexedDB.open('gloss');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(store)) { db.close(); resolve([]); return; }
      const s = db.transaction(store).objectStore(store);
      const k = s.getAllKeys();
      const v = s.getAll();
      v.onsuccess = () => { resolve(k.result.map((key, i) => [key, v.result[i]])); db.close(); };
      v.onerror = () => reject(v.error);
    };
  }), store);
}

/** Opens `text` through the paste dialog with DCT `dct` ('' for none). Unless `wait` is false,
 *  waits until the text is on screen with its highlights and no extraction is running. */
export async function pasteText(page, text, dct = '2025-09-19', { wait = true } = {}) {
  await page.click('#paste');
  await page.waitForSelector('#paste-dialog');
  await page.$eval('#paste-text', (el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await page.fill('#paste-dct', dct);
  await page.click('#paste-open');
  if (!wait) return;
  await page.waitForFunction((head) => !document.getElementById('paste-dialog')
    && document.getElementById('text')?.textContent.startsWith(head)
    && !document.getElementById('extracting') && document.querySelector('#text .r[data-ids]'), text.slice(0, 12), { timeout: 60000 });
}
