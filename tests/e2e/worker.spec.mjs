// End-to-end test of the extractor's Web Worker on the built page (dist/), in headless
// Chromium with playwright-core:
//   1. the worker (extract-worker.js and the `extractor` wasm) predicts exactly what the
//      native pipeline (the CLI's `gloss extract`) does, on the seeds and on a 1 MB article;
//   2. the page stays usable while a 5 MB article is still being extracted: an edit made
//      then is applied, the whole text's predictions join it when they come (one undoable
//      step, said in words), and undoing that step leaves the edit;
//   3. a page reloaded while a text's predictions are coming asks for them again: the text
//      is saved at once, and after the reload it gets every prediction.
// No timing is asserted. Plain node script: exit code 1 on any failure; the last line is
// `N passed, N failed`.
//
// Usage: scripts/build-web.sh && node tests/e2e/worker.spec.mjs
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, run, step, assert, eq, notes, pasteText } from './flow-lib.mjs';
import { bigArticle } from '../../scripts/bench-web.mjs';

/** The seeds with their DCTs (seeds/README.md; src/ui/seeds.rs). */
const DCTS = {
  '000_c000a84573ae1d4c': '2025-09-19', '001_45faedf3a959a4bf': '2025-09-19', '002_529ec33e3dc1b67b': '2025-09-20',
  '003_5e4fbdc3dc7a9a1e': '2025-09-19', '004_913e2693d2b18d77': null,
};

/** The native pipeline's annotations for each {id, text, dct}, through the release CLI. */
function native(docs) {
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(target, 'release', 'gloss');
  if (!fs.existsSync(bin)) {
    const b = spawnSync('cargo', ['build', '--release', '--bin', 'gloss'], { cwd: ROOT, encoding: 'utf8', timeout: 1200000 });
    if (b.status !== 0) throw new Error(`cargo build --release --bin gloss failed: ${(b.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-worker-'));
  const input = path.join(dir, 'in.jsonl');
  fs.writeFileSync(input, docs.map((d) => JSON.stringify(d.dct ? d : { id: d.id, text: d.text })).join('\n') + '\n');
  const out = path.join(dir, 'out');
  const r = spawnSync(bin, ['extract', input, '-o', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gloss extract exited ${r.status}: ${r.stderr}`);
  const byId = {};
  for (const d of docs) byId[d.id] = JSON.parse(fs.readFileSync(path.join(out, `${d.id}.gold.json`), 'utf8')).annotations;
  fs.rmSync(dir, { recursive: true, force: true });
  return byId;
}

/** The worker's predictions for each doc, through a worker the page starts as the editor does. */
async function viaWorker(page, docs) {
  return page.evaluate(async (docs) => {
    const w = new Worker('./extract-worker.js', { type: 'module' });
    const out = {};
    try {
      for (const [i, d] of docs.entries()) {
        const answer = await new Promise((resolve) => {
          w.onmessage = (e) => resolve(e.data);
          w.postMessage({ id: i, kind: 'predict', docId: d.id, text: d.text, dct: d.dct });
        });
        if (answer.error) throw new Error(`${d.id}: ${answer.error}`);
        out[d.id] = answer.ok.flatMap((part) => JSON.parse(part));
      }
    } finally {
      w.terminate();
    }
    return out;
  }, docs);
}

/** The live annotations of the document on screen (the legend's counts). */
const count = (page) => page.evaluate(() => ['actor', 'date', 'claim']
  .reduce((sum, l) => sum + Number(document.getElementById(`count-${l}`)?.textContent || 0), 0));

const paste = (page, text) => pasteText(page, text, '2025-09-19', { wait: false });

await run(async ({ page, base, errors }) => {
  await page.goto(base);
  await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });

  await step('the worker predicts what the native pipeline does, on the seeds and a 1 MB article', async () => {
    const docs = Object.entries(DCTS).map(([id, dct]) => ({ id, dct, text: fs.readFileSync(path.join(ROOT, 'seeds', `${id}.txt`), 'utf8') }));
    docs.push({ id: 'big', dct: '2025-09-19', text: bigArticle(1 << 20) });
    const want = native(docs);
    const have = await viaWorker(page, docs);
    for (const d of docs) {
      assert(want[d.id].length > 0, `${d.id}: the pipeline found nothing`);
      eq(have[d.id].length, want[d.id].length, `${d.id}: number of annotations`);
      const diff = want[d.id].findIndex((a, i) => JSON.stringify(a) !== JSON.stringify(have[d.id][i]));
      assert(diff < 0, `${d.id}: annotation ${diff} differs: ${JSON.stringify(have[d.id][diff])} vs ${JSON.stringify(want[d.id][diff])}`);
    }
    notes.push(`worker = native on ${docs.length} texts (${want.big.length} annotations in the 1 MB one)`);
  });

  await step('a page reloaded before a text\'s predictions came asks for them again', async () => {
    const text = `A second long article\n${bigArticle(5 << 20)}`;
    await paste(page, text);
    await page.waitForFunction((head) => document.getElementById('text')?.textContent.startsWith(head), 'A second long article', { timeout: 60000 });
    const id = await page.$eval('#corpus .doc.active', (d) => d.dataset.id);
    // The text is saved before its predictions come (keys of the page's IndexedDB store).
    await page.waitForFunction((id) => new Promise((resolve) => {
      const r = indexedDB.open('gloss');
      r.onsuccess = () => {
        const q = r.result.transaction('docs').objectStore('docs').getAllKeys();
        q.onsuccess = () => { resolve(q.result.includes(id)); r.result.close(); };
        q.onerror = () => resolve(false);
      };
      r.onerror = () => resolve(false);
    }), id, { timeout: 60000, polling: 100 }).catch((e) => { throw new Error(`the text was not saved: ${e.message}`); });
    assert(await page.$('#extracting'), 'the reload comes while the predictions are still coming');
    await page.reload();
    await page.waitForFunction((head) => document.getElementById('text')?.textContent.startsWith(head), 'A second long article', { timeout: 60000 });
    // The restored text holds its first screen's predictions; the rest are asked for again
    // (the 5 MB article holds more than 20,000).
    await page.waitForFunction(() => ['actor', 'date', 'claim']
      .reduce((sum, l) => sum + Number(document.getElementById(`count-${l}`)?.textContent || 0), 0) > 20000, null, { timeout: 120000 })
      .catch(async (e) => { throw new Error(`after the reload the text has ${await count(page)} predictions: ${e.message}`); });
    await page.waitForFunction(() => !document.getElementById('extracting'), null, { timeout: 60000 });
    // Once they are saved, the text is awaited no longer: the next visit does not ask again.
    await page.waitForFunction(() => !localStorage.getItem('gloss.awaiting'), null, { timeout: 30000 });
  });

  await step('an edit made while a 5 MB article is being extracted is applied and kept', async () => {
    const text = bigArticle(5 << 20);
    await paste(page, text);
    // The text is on screen with its first screen's predictions; the whole text's are coming.
    await page.waitForFunction((head) => document.getElementById('text')?.textContent.startsWith(head)
      && document.querySelector('#text .r[data-ids]'), text.slice(0, 40), { timeout: 60000 });
    // Reject the first prediction (j selects it, r rejects it).
    await page.keyboard.press('j');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.id);
    const id = await page.$eval('#details', (d) => d.dataset.id);
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'rejected');
    // The predictions come after the edit: they are added beside it, as a step of their own.
    await page.waitForFunction(() => !document.getElementById('extracting'), null, { timeout: 120000 });
    const banner = await page.textContent('#banner');
    assert(/predictions arrived: \d+ added beside your work/.test(banner || ''), `the arrival is said: ${banner}`);
    const all = await count(page);
    eq(await page.$eval(`#text .r[data-ids~="${id}"]`, (r) => r.classList.contains('rejected')), true, `${id} still rejected`);
    // Ctrl+Z takes back the arrival, not the user's rejection.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => ['actor', 'date', 'claim']
      .reduce((sum, l) => sum + Number(document.getElementById(`count-${l}`)?.textContent || 0), 0) < n, all, { timeout: 30000 });
    const head = await count(page);
    assert(head > 0 && head < all, `after undo: ${head} of ${all} annotations (the first screen's)`);
    await page.click(`#text .r[data-ids~="${id}"]`);
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, id);
    eq(await page.$eval('#details', (d) => d.dataset.status), 'rejected', `${id} after undoing the arrival`);
    notes.push(`5 MB: ${head} annotations on the first screen, ${all} once the whole text's came`);
  });

  await step('no console errors or page errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
