// Timeline benchmark of the built page (dist/) in headless Chromium: the time to open the
// timeline view (key L) on a corpus of 1,000 loaded documents.
//
// The corpus is the five seed gold files repeated to 1,000 documents under new ids (each text
// made distinct by a first line "Copy N", every offset shifted past it, the SHA-256
// recomputed), as benches/timeline.rs builds natively; it is opened as one Gloss JSON Lines
// file through the page's file input. Timed in the page (performance.now()): the key press ->
// the first animation frame with the view's SVG drawn (Yew's render, style and layout
// included); then closed with Esc, and again. Not a test: it asserts no bound.
//
// Usage: scripts/build-web.sh && node benches/timeline-web.mjs [--runs N]
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, DIST, CHROMIUM, FLAGS, serve, waitText } from '../tests/e2e/flow-lib.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const N = 1000;

/** The seeds repeated to `n` gold objects, one JSON a line. */
export function corpusLines(n) {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.gold.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8')));
  const lines = [];
  for (let i = 0; i < n; i++) {
    const g = structuredClone(seeds[i % seeds.length]);
    const head = `Copy ${i}\n`;
    const by = [...head].length;
    g.id = `doc${String(i).padStart(4, '0')}`;
    g.text = head + g.text;
    g.sha256 = crypto.createHash('sha256').update(g.text, 'utf8').digest('hex');
    for (const a of g.annotations) {
      a.start += by; a.end += by;
      for (const k of ['cue', 'source_words']) if (a.attributes?.[k]) { a.attributes[k].start += by; a.attributes[k].end += by; }
    }
    lines.push(JSON.stringify(g));
  }
  return lines.join('\n') + '\n';
}

const server = await serve(DIST);
const base = `http://127.0.0.1:${server.address().port}/`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-tl-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
try {
  const page = context.pages()[0] || await context.newPage();
  await page.goto(base);
  await waitText(page);
  const t0 = Date.now();
  await page.setInputFiles('#file-input', { name: 'corpus.jsonl', mimeType: 'application/json', buffer: Buffer.from(corpusLines(N)) });
  await page.waitForFunction((n) => document.querySelectorAll('#corpus .doc').length >= n, N + 5, { timeout: 600000, polling: 500 });
  console.log(`opened ${N} documents in ${Date.now() - t0} ms (wall clock, from node)`);
  const times = [];
  for (let r = 0; r < runs; r++) {
    await page.waitForTimeout(500);
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const t = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'L', bubbles: true }));
      const wait = () => requestAnimationFrame(() => {
        const svg = document.getElementById('timeline-svg-drawn');
        if (svg) { svg.getBoundingClientRect(); resolve(performance.now() - t); } else wait();
      });
      wait();
    }));
    const rows = await page.$$eval('#timeline-svg-drawn .timeline-row', (rs) => rs.length);
    const unloaded = await page.$('#timeline-unloaded');
    times.push(ms);
    console.log(`run ${r + 1}: ${ms.toFixed(0)} ms to the drawn timeline (${rows} rows${unloaded ? ', some documents not loaded' : ''})`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('timeline'));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms over ${runs} runs`);
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
