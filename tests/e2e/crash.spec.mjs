// End to end (issue 14, goal: a crash loses nothing). Chromium runs with a persistent profile
// in a process group of its own; five predictions are accepted with the keyboard and the
// whole browser is killed (SIGKILL to the group) 50 ms after the fifth key, within the 100 ms
// of the goal; relaunched with the same profile, the page shows all five edits (the corpus
// list's count) and has saved them. Five times on a seed and five times on a 1 MB document
// (the seeds' paragraphs repeated, as scripts/bench-web.mjs builds it).
//
// Usage: scripts/build-web.sh && node tests/e2e/crash.spec.mjs [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve, step, assert, eq, notes, finish, setupFailed, DIST, ROOT, CHROMIUM, FLAGS } from './flow-lib.mjs';
import { bigArticle } from '../../scripts/bench-web.mjs';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 5;
const KILL_AFTER_MS = 50;

/** Chromium in its own process group with `profile`, driven over CDP. */
async function launch(profile) {
  const child = spawn(CHROMIUM, ['--headless', ...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0',
    '--window-size=1280,900', 'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise((resolve, reject) => {
    let err = '';
    const t = setTimeout(() => reject(new Error(`no DevTools endpoint: ${err.slice(-300)}`)), 30000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    child.on('exit', (c) => reject(new Error(`chromium exited (${c}): ${err.slice(-300)}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { child, browser, page, errors };
}

function kill(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try { process.kill(-child.pid, 'SIGKILL'); } catch { resolve(); }
  });
}

const unreviewed = (page) => page.evaluate(() => {
  const w = document.querySelector('#corpus .doc.active .doc-state')?.textContent || '';
  const m = w.match(/^(\d+) of/);
  return m ? Number(m[1]) : null;
});

/** Statuses of `ids` in the saved record of document `doc` (IndexedDB). */
const savedStatuses = (page, doc, ids) => page.evaluate(({ doc, ids }) => new Promise((resolve, reject) => {
  const r = indexedDB.open('gloss');
  r.onerror = () => reject(r.error);
  r.onsuccess = () => {
    const q = r.result.transaction('docs').objectStore('docs').get(doc);
    q.onsuccess = () => {
      r.result.close();
      if (!q.result) return resolve(null);
      const anns = JSON.parse(q.result[1]).annotations;
      resolve(ids.map((id) => anns.find((a) => a.id === id)?.status));
    };
    q.onerror = () => reject(q.error);
  };
}), { doc, ids });

/** Waits until the document on screen is `head` and its count is shown. */
async function ready(page, head) {
  const shown = (h) => {
    const t = document.getElementById('text');
    return !!t && t.firstElementChild?.textContent.startsWith(h.slice(0, 20))
      && !!document.querySelector('#text .r[data-ids]') && /unreviewed/.test(document.querySelector('#corpus .doc.active .doc-state')?.textContent || '')
      && !document.getElementById('extracting');
  };
  await page.waitForFunction(shown, head, { timeout: 120000, polling: 250 }).catch(async (e) => {
    const s = await page.evaluate(() => ({ head: document.getElementById('text')?.textContent.slice(0, 60), banner: document.getElementById('banner')?.textContent, state: document.querySelector('#corpus .doc.active .doc-state')?.textContent })).catch((x) => x.message);
    throw new Error(`${e.message.split('\n')[0]}; the page shows ${JSON.stringify(s)}`);
  });
}

/** One crash: five accepts, SIGKILL 50 ms after the fifth key, relaunch, check. */
async function crashOnce(base, profile, head, docId, run) {
  let b = await launch(profile);
  const ids = [];
  let left;
  try {
    await b.page.goto(base);
    await ready(b.page, head);
    // The document itself is saved (the first run opens the seed afresh).
    for (let t = 0; t < 120 && !(await savedStatuses(b.page, docId, [])); t++) await new Promise((r) => setTimeout(r, 250));
    left = await unreviewed(b.page);
    for (let k = 0; k < 5; k++) {
      await b.page.keyboard.press('n');
      const d = await b.page.waitForFunction((seen) => {
        const el = document.getElementById('details');
        return el && el.dataset.status === 'predicted' && !seen.includes(el.dataset.id) ? el.dataset.id : null;
      }, ids, { timeout: 60000 });
      ids.push(await d.jsonValue());
      await b.page.keyboard.press('a');
      if (k < 4) await b.page.waitForFunction((id) => document.getElementById('details')?.dataset.status === 'accepted' && document.getElementById('details')?.dataset.id === id, ids[k], { timeout: 60000 });
    }
    await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
  } finally {
    await kill(b.child);
  }
  b = await launch(profile);
  try {
    await b.page.goto(base);
    await ready(b.page, head);
    await b.page.waitForFunction((n) => {
      const w = document.querySelector('#corpus .doc.active .doc-state')?.textContent || '';
      return Number(w.match(/^(\d+) of/)?.[1]) === n;
    }, left - 5, { timeout: 30000 }).catch(() => {});
    eq(await unreviewed(b.page), left - 5, `run ${run}: the five accepts after the crash (${ids.join(' ')})`);
    let saved = null;
    for (let t = 0; t < 40; t++) {
      saved = await savedStatuses(b.page, docId, ids);
      if (saved && saved.every((s) => s === 'accepted')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    eq(saved, ids.map(() => 'accepted'), `run ${run}: saved again after the relaunch`);
    assert(b.errors.length === 0, b.errors.join(' | '));
  } finally {
    await b.browser.close().catch(() => {});
    await kill(b.child);
  }
}

try {
  assert(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run scripts/build-web.sh first`);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    // A seed: the page opens seed 000 by itself.
    const seedProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-crash-seed-'));
    const seedHead = fs.readFileSync(path.join(ROOT, 'seeds', '000_c000a84573ae1d4c.txt'), 'utf8').slice(0, 40);
    for (let r = 1; r <= RUNS && !process.env.CRASH_ONLY_BIG; r++) {
      await step(`seed 000: killed ${KILL_AFTER_MS} ms after the fifth edit, run ${r}: all five edits are there`, () => crashOnce(base, seedProfile, seedHead, '000_c000a84573ae1d4c', r));
    }
    fs.rmSync(seedProfile, { recursive: true, force: true });

    // A 1 MB document, pasted once and saved before the runs.
    const bigProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-crash-1mb-'));
    const text = bigArticle(1 << 20);
    const head = text.slice(0, 40);
    let bigId = null;
    await step('the 1 MB document is opened and saved', async () => {
      const b = await launch(bigProfile);
      try {
        await b.page.goto(base);
        await b.page.waitForSelector('#text .r[data-ids]');
        await b.page.click('#paste');
        await b.page.waitForSelector('#paste-dialog');
        await b.page.$eval('#paste-text', (el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
        await b.page.fill('#paste-dct', '2025-09-19');
        await b.page.click('#paste-open');
        await ready(b.page, head);
        bigId = await b.page.$eval('#corpus .doc.active', (e) => e.dataset.id);
        await b.page.waitForFunction(async (id) => {
          const db = await new Promise((res, rej) => { const r = indexedDB.open('gloss'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
          const got = await new Promise((res) => { const q = db.transaction('docs').objectStore('docs').get(id); q.onsuccess = () => res(q.result); });
          db.close();
          return !!got && JSON.parse(got[1]).text.length > 1000000;
        }, bigId, { timeout: 60000, polling: 500 });
      } finally {
        await b.browser.close().catch(() => {});
        await kill(b.child);
      }
    });
    for (let r = 1; r <= RUNS && bigId; r++) {
      await step(`1 MB: killed ${KILL_AFTER_MS} ms after the fifth edit, run ${r}: all five edits are there`, () => crashOnce(base, bigProfile, head, bigId, r));
    }
    fs.rmSync(bigProfile, { recursive: true, force: true });
    notes.push(`${RUNS} crash(es) per document, SIGKILL to the browser's process group ${KILL_AFTER_MS} ms after the fifth key`);
  } finally {
    server.close();
  }
} catch (e) {
  setupFailed(e);
}
finish();
