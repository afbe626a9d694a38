// Long-document benchmark of the built page (dist/) in headless Chromium (playwright-core).
//
// Builds a 1 MB article reproducibly from the seeds (as benches/extract.rs does: every seed
// paragraph longer than 40 bytes, seeds in file-name order, repeated until the text reaches
// 1 MiB, under a headline of its own), opens it in the page through the paste dialog with DCT 2025-09-19, and times in the
// page itself (performance.now(), no round trips to node):
//   open        click on "Open" -> first frame with highlights on screen (and painted);
//   complete    click on "Open" -> every highlight drawn (a long text opens in two steps:
//               its first screen extracted alone, then the whole text after that paint;
//               the status bar's "extracting…" goes when the whole text's predictions are drawn);
//   settled     click on "Open" -> the first frame after the autosave of the whole
//               document (which runs after the paint): when the page answers input again;
//   select      a click on a highlight -> the details panel and the outline painted;
//   reject/undo/delete  a key press -> the edited run redrawn (each edit after the
//               autosave of the previous one, which runs after the paint, is done).
// Each time ends in the animation-frame callback of the first frame that shows the change,
// after forcing that frame's style and layout (its paint follows in the same frame), so it
// covers Yew's render, the DOM, style and layout; a long task queued after the frame (the
// second extraction step, the autosave) cannot hide it.
// It also prints the page's own `gloss:*` performance measures (extraction, layout, views,
// DOM) for the last open and edits, so the report can say where the time goes.
// "seed after reload" is NOT a cold load: it is timed after a reload in a profile that has
// already loaded the page (HTTP and code caches warm), and the page restores its saved work
// instead of extracting the seed. scripts/bench-page.mjs times a true cold load (fresh profile)
// and runs the same 1 MB measures plus scrolling, memory and chrono-node side by side.
//
// Usage: scripts/build-web.sh && node scripts/bench-web.mjs [--runs N] [--bytes N]
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
// Prints one line per measure (median and each run) and a JSON summary as the last line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

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
const BYTES = arg('--bytes', 1 << 20);

/** The benchmark article: the seeds' paragraphs repeated up to `bytes` UTF-8 bytes. */
export function bigArticle(bytes = 1 << 20) {
  const dir = path.join(ROOT, 'seeds');
  const seeds = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  // A headline of its own, so the page's switch from the open seed is unambiguous.
  let text = 'Gloss long-document benchmark: the seed paragraphs, repeated\n';
  let n = Buffer.byteLength(text);
  for (;;) {
    for (const s of seeds) {
      for (const para of s.split('\n').filter((p) => Buffer.byteLength(p) > 40)) {
        text += `${para}\n`;
        n += Buffer.byteLength(para) + 1;
        if (n >= bytes) return text;
      }
    }
  }
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// In-page helpers: time from a start stamp to the first painted frame where `cond` holds.
export const PAGE_HELPERS = () => {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  }));
  window.__bench = {
    /** Resolves to ms from `t0` to the first frame where `cond()` holds, taken in that
     *  frame's animation callback after forcing its style and layout (the paint follows in
     *  the same frame: a long task queued after it cannot hide it). */
    async until(t0, cond, timeoutMs = 20000) {
      for (;;) {
        const hit = await new Promise((resolve) => requestAnimationFrame(() => {
          if (!cond()) return resolve(null);
          document.body.getBoundingClientRect();
          resolve(performance.now());
        }));
        if (hit !== null) {
          await afterPaint();
          return hit - t0;
        }
        if (performance.now() - t0 > timeoutMs) throw new Error('timed out');
      }
    },
    key(key, opts = {}) {
      document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...opts }));
    },
    measures() {
      const out = {};
      for (const m of performance.getEntriesByType('measure')) {
        if (!m.name.startsWith('gloss:')) continue;
        const v = Math.round(m.duration * 10) / 10;
        out[m.name] = out[m.name] === undefined ? v : `${out[m.name]} + ${v}`;
      }
      return out;
    },
    clearMeasures() { performance.clearMeasures(); performance.clearMarks(); },
  };
};

export async function openBig(page, text) {
  await page.click('#paste');
  await page.waitForSelector('#paste-dialog');
  // Filling 1 MB through the keyboard API is slow and not what is measured: set the value.
  await page.$eval('#paste-text', (el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.fill('#paste-dct', '2025-09-19');
  const head = text.slice(0, 60);
  return page.evaluate(async (head) => {
    __bench.clearMeasures();
    const btn = document.getElementById('paste-open');
    // Every main-thread task over 50 ms from the click to the settled page (the Long Tasks
    // API): how long input could have waited, and when.
    const long = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(e);
    });
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    btn.click();
    const shown = () => document.getElementById('text')?.textContent.startsWith(head)
      && !!document.querySelector('#text .r[data-ids]');
    const open = await __bench.until(t0, shown);
    const extracting = () => !!document.getElementById('extracting');
    const complete = await __bench.until(t0, () => shown() && !extracting());
    // The autosave runs after the paint; the next frame comes when it is done.
    const settled = await __bench.until(t0, () => !extracting() && performance.getEntriesByName('gloss:save', 'measure').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const e of observer.takeRecords()) long.push(e);
    observer.disconnect();
    // Each long task with the page's own measures that ran inside it (what blocked).
    const inside = (t) => performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('gloss:') && m.startTime >= t.startTime - 1 && m.startTime < t.startTime + t.duration)
      .map((m) => `${m.name.slice(6)} ${Math.round(m.duration)}`);
    const longTasks = long.filter((t) => t.startTime >= t0)
      .map((t) => ({ at: Math.round(t.startTime - t0), ms: Math.round(t.duration), what: inside(t) }));
    const longest = longTasks.reduce((m, t) => Math.max(m, t.ms), 0);
    return { open, complete, settled, longest, longTasks, measures: __bench.measures(),
      runs: document.querySelectorAll('#text .r').length,
      paras: document.querySelectorAll('#text p').length };
  }, head);
}

/** The first highlighted run on screen that is a predicted ACTOR alone. */
async function visibleTarget(page) {
  return page.evaluate(() => {
    for (const r of document.querySelectorAll('#text .r.actor[data-ids]')) {
      const b = r.getBoundingClientRect();
      if (b.top > 80 && b.bottom < innerHeight - 20 && !r.dataset.ids.includes(' ')) {
        return { id: r.dataset.ids, x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  });
}

export async function edits(page) {
  const t = await visibleTarget(page);
  if (!t) throw new Error('no ACTOR highlight on screen');
  const out = {};
  // select: a real click (its mouseup starts the clock in the page)
  await page.evaluate(() => {
    window.__t0 = null;
    document.addEventListener('mousedown', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  });
  await page.mouse.click(t.x, t.y);
  out.select = await page.evaluate(async (id) => {
    while (window.__t0 === null) await new Promise((r) => setTimeout(r, 1));
    return __bench.until(window.__t0, () => document.getElementById('details')?.dataset.id === id
      && !!document.querySelector(`#text .r.sel[data-ids~="${id}"]`));
  }, t.id);
  const keyTimed = (key, opts, cond) => page.evaluate(async ({ key, opts, cond, id }) => {
    __bench.clearMeasures();
    const t0 = performance.now();
    __bench.key(key, opts);
    const f = new Function('id', `return (${cond})(id)`);
    const ms = await __bench.until(t0, () => f(id));
    // Let the autosave that follows the paint finish before the next edit, so each edit is
    // timed on its own (its cost is reported as gloss:save).
    const s0 = performance.now();
    while (!performance.getEntriesByName('gloss:save', 'measure').length && performance.now() - s0 < 5000) {
      await new Promise((r) => setTimeout(r, 10));
    }
    return { ms, measures: __bench.measures() };
  }, { key, opts, cond, id: t.id });
  const rejected = `(id) => !!document.querySelector('#text .r.rejected[data-ids~="' + id + '"]')`;
  const live = `(id) => !!document.querySelector('#text .r.actor[data-ids~="' + id + '"]')`;
  const gone = `(id) => !document.querySelector('#text .r[data-ids~="' + id + '"]')`;
  out.reject = await keyTimed('r', {}, rejected);
  out.undo = await keyTimed('z', { ctrlKey: true }, live);
  out.delete = await keyTimed('Delete', {}, gone);
  out.undo2 = await keyTimed('z', { ctrlKey: true }, live);
  return out;
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: run scripts/build-web.sh first`);
  const text = bigArticle(BYTES);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  const results = { bytes: Buffer.byteLength(text), chars: [...text].length, runs: [] };
  try {
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(PAGE_HELPERS);
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each run: nothing cached in the wasm module's memory.
      // A fresh page with empty storage each run (the last run's 1 MB autosave would be
      // restored otherwise).
      await page.goto(base);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });
      const seedReady = await page.evaluate(() => Math.round(performance.now()));
      // Opening is measured on a page at rest: the seed's own start-up (extraction, first
      // autosave) done, as when a person opens an article.
      await page.waitForFunction(() => performance.getEntriesByName('gloss:save', 'measure').length > 0, null, { timeout: 30000 });
      await page.waitForTimeout(500);
      const open = await openBig(page, text);
      const ed = await edits(page);
      results.runs.push({ seedReady, ...open, ...ed });
      const m = (x) => (typeof x === 'number' ? x : x.ms).toFixed(1);
      console.log(`run ${i + 1}: seed after reload (warm, saved work restored; not a cold load) ${seedReady} ms; 1 MB open ${m(open.open)} ms, all highlights ${m(open.complete)} ms, settled ${m(open.settled)} ms `
        + `(${open.paras} paragraphs, ${open.runs} runs in the DOM); select ${m(ed.select)}, reject ${m(ed.reject)}, undo ${m(ed.undo)}, delete ${m(ed.delete)}, undo ${m(ed.undo2)} ms`);
      console.log(`       open measures: ${JSON.stringify(open.measures)}`);
      for (const k of ['reject', 'undo', 'delete', 'undo2']) console.log(`       ${k} measures: ${JSON.stringify(ed[k].measures)}`);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pick = (f) => results.runs.map(f);
  const summary = {
    bytes: results.bytes,
    seed_after_reload_ms: median(pick((r) => r.seedReady)),
    open_ms: median(pick((r) => r.open)),
    complete_ms: median(pick((r) => r.complete)),
    settled_ms: median(pick((r) => r.settled)),
    select_ms: median(pick((r) => r.select)),
    edit_ms: median(pick((r) => r.reject.ms).concat(pick((r) => r.undo.ms), pick((r) => r.delete.ms), pick((r) => r.undo2.ms))),
    edit_max_ms: Math.max(...pick((r) => Math.max(r.reject.ms, r.undo.ms, r.delete.ms, r.undo2.ms))),
  };
  for (const k of Object.keys(summary)) if (typeof summary[k] === 'number') summary[k] = Math.round(summary[k] * 10) / 10;
  console.log(`median of ${RUNS}: 1 MB opens with highlights in ${summary.open_ms} ms (all highlights ${summary.complete_ms} ms; page settled after the autosave ${summary.settled_ms} ms); `
    + `an edit re-renders in ${summary.edit_ms} ms (max ${summary.edit_max_ms}); a selection in ${summary.select_ms} ms; a seed is highlighted ${summary.seed_after_reload_ms} ms after a reload that restores saved work (warm caches, no extraction: not a cold load; see scripts/bench-page.mjs)`);
  console.log(JSON.stringify(summary));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
}
