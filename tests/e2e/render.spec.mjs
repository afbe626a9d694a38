// End-to-end test of how the built page draws the text (dist/), in headless Chromium with
// playwright-core: the selected annotation is always scrolled into view, long documents are
// drawn chunk by chunk without losing text or offsets, highlights carry ARIA descriptions,
// label styles differ by more than colour and text on every highlight meets WCAG AA contrast
// (computed from the page's computed styles), and dist/gloss.html works opened from disk with
// the network blocked. Plain node script: exit code 1 on any failure; the last line is
// `N passed, N failed`.
//
// Usage: scripts/build-web.sh && node tests/e2e/render.spec.mjs
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, DIST, CHROMIUM, FLAGS, serve, step, assert, notes, setupFailed, finish } from './flow-lib.mjs';
import { bigArticle } from '../../scripts/bench-web.mjs';

function eq(a, b, msg) { if (a !== b) throw new Error(`${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`); }

async function launch(extra = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-render-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, acceptDownloads: true,
    viewport: { width: 1280, height: 900 }, ...extra,
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

async function paste(page, text, dct = '2025-09-19') {
  await page.click('#paste');
  await page.waitForSelector('#paste-dialog');
  await page.$eval('#paste-text', (el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await page.fill('#paste-dct', dct);
  await page.click('#paste-open');
  const head = text.slice(0, 40);
  await page.waitForFunction((head) => !document.getElementById('paste-dialog')
    && document.getElementById('text')?.textContent.startsWith(head) && document.querySelector('#text .r[data-ids]'), head, { timeout: 60000 });
}

/** Where annotation `id`'s first run is, relative to the reader's visible box. */
async function place(page, id) {
  return page.evaluate((id) => {
    const r = document.querySelector(`#text .r[data-ids~="${id}"]`);
    if (!r) return { drawn: false };
    const b = r.getBoundingClientRect();
    const v = document.getElementById('reader').getBoundingClientRect();
    return { drawn: true, visible: b.top >= v.top - 1 && b.bottom <= v.bottom + 1 && b.height > 0, top: Math.round(b.top) };
  }, id);
}
const selectedId = (page) => page.evaluate(() => document.getElementById('details')?.dataset.id || null);

// WCAG 2.x relative luminance and contrast ratio, in the page.
const CONTRAST = () => {
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  /** The background actually under `el`: its own and its ancestors' colours composited. */
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const c of layers.reverse()) bg = over(c, bg);
    return bg;
  };
  window.__contrast = (el) => {
    const cs = getComputedStyle(el);
    const bg = backdrop(el);
    const fg = over(parse(cs.color), bg);
    return { text: ratio(fg, bg), bg, fg };
  };
  window.__ratio = (a, b) => ratio(parse(a), parse(b));
};

async function main() {
  assert(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run scripts/build-web.sh first`);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { page, errors, close } = await launch();
  await page.addInitScript(CONTRAST);
  try {
    await page.goto(base);
    await page.waitForSelector('#text .r[data-ids]', { timeout: 20000 });

    await step('highlights carry role=mark and an ARIA description with the label and an actor\'s canonical name', async () => {
      const got = await page.evaluate(() => [...document.querySelectorAll('#text .r[data-ids]')].map((r) => ({
        ids: r.dataset.ids, role: r.getAttribute('role'), desc: r.getAttribute('aria-description') || '',
        actor: r.classList.contains('actor'), date: r.classList.contains('date'), claim: r.classList.contains('claim') })));
      assert(got.length > 20, `only ${got.length} highlighted runs`);
      const bad = got.filter((r) => r.role !== 'mark' || !r.desc
        || (r.actor && !/\bactor \S/.test(r.desc)) || (r.date && !/\bdate \S/.test(r.desc)) || (r.claim && !/\bclaim\b/.test(r.desc)));
      assert(bad.length === 0, `runs without a fitting description: ${JSON.stringify(bad.slice(0, 3))}`);
      assert(await page.$$eval('#text .r:not([data-ids])[role], #text .r:not([data-ids])[aria-description]', (x) => x.length) === 0, 'plain text carries no ARIA');
      // The canonical name is the one the panel shows for that actor.
      const r = await page.evaluate(() => { const r = document.querySelector('#text .r.actor[data-ids]:not(.claim)'); r.scrollIntoView({ block: 'center' }); const b = r.getBoundingClientRect(); return { id: r.dataset.ids.split(' ')[0], x: b.left + b.width / 2, y: b.top + b.height / 2, desc: r.getAttribute('aria-description') }; });
      await page.mouse.click(r.x, r.y);
      await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, r.id);
      const canonical = await page.$eval('#edit-canonical', (i) => i.value);
      assert(r.desc.includes(`actor ${canonical}`), `description "${r.desc}" names "${canonical}"`);
      await page.keyboard.press('Escape');
    });

    await step('label styles differ by more than colour (background, box, band; rejected dotted)', async () => {
      const st = await page.evaluate(() => {
        const cs = (sel) => { const e = document.querySelector(sel); return e ? getComputedStyle(e) : null; };
        const a = cs('#text .r.actor:not(.date):not(.claim)'), d = cs('#text .r.date:not(.actor):not(.claim)'), c = cs('#text .r.claim:not(.actor):not(.date)');
        return { a: a && [a.backgroundColor, a.borderBottomStyle, a.backgroundImage], d: d && [d.borderTopStyle, d.borderBottomStyle], c: c && [c.backgroundImage, c.borderBottomStyle] };
      });
      assert(st.a && st.d && st.c, 'seed 0 has a run of each label alone');
      assert(st.a[0] !== 'rgba(0, 0, 0, 0)' && st.a[2] === 'none', `actor: ${st.a}`);
      assert(st.d[0] === 'solid' && st.d[1] === 'solid', `date: ${st.d}`);
      assert(/gradient/.test(st.c[0]) && st.c[1] === 'none', `claim: ${st.c}`);
    });

    await step('text on every kind of highlight meets WCAG AA (4.5:1), lines and bands 3:1', async () => {
      const res = await page.evaluate(() => {
        const out = [];
        const seen = new Set();
        for (const r of document.querySelectorAll('#text .r')) {
          const key = [...r.classList].filter((c) => !/-[se]$/.test(c)).sort().join('.');
          if (seen.has(key)) continue;
          seen.add(key);
          const c = window.__contrast(r);
          out.push({ key, text: Math.round(c.text * 100) / 100 });
        }
        // Non-text: the date box and the claim band against the paper behind them.
        const root = getComputedStyle(document.documentElement);
        const paper = getComputedStyle(document.getElementById('reader')).backgroundColor;
        const v = (n) => { const d = document.createElement('div'); d.style.color = root.getPropertyValue(n); document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; };
        const lines = {
          'date box on date background': window.__ratio(v('--date'), v('--date-bg')),
          'claim band on paper': window.__ratio(v('--claim'), paper === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : paper),
          'claim band on actor background': window.__ratio(v('--claim'), v('--actor')),
          'date box on actor background': window.__ratio(v('--date'), v('--actor')),
          'nested claim band on paper': window.__ratio(v('--claim2'), getComputedStyle(document.body).backgroundColor),
          'selection outline on paper': window.__ratio(v('--sel'), getComputedStyle(document.body).backgroundColor),
          'unreviewed overline on paper': window.__ratio(v('--pred'), getComputedStyle(document.body).backgroundColor),
          'unreviewed overline on actor background': window.__ratio(v('--pred'), v('--actor')),
          'unreviewed overline on date background': window.__ratio(v('--pred'), v('--date-bg')),
          'unreviewed overline on pending words': window.__ratio(v('--pred'), v('--pending')),
        };
        return { out, lines };
      });
      // Also the pending words and a rejected annotation, made now.
      const low = res.out.filter((r) => r.text < 4.5);
      notes.push(`text contrast: ${res.out.map((r) => `${r.key} ${r.text}`).join(', ')}`);
      notes.push(`non-text contrast: ${Object.entries(res.lines).map(([k, x]) => `${k} ${x.toFixed(2)}`).join(', ')}`);
      assert(res.out.some((r) => r.key.includes('actor')) && res.out.some((r) => r.key.includes('date')), 'actor and date runs measured');
      assert(low.length === 0, `below 4.5:1: ${JSON.stringify(low)}`);
      const lowLines = Object.entries(res.lines).filter(([, x]) => x < 3);
      assert(lowLines.length === 0, `below 3:1: ${JSON.stringify(lowLines)}`);
    });

    await step('pending words and a rejected prediction also meet 4.5:1', async () => {
      // A rejected prediction.
      const r = await page.evaluate(() => { const r = document.querySelector('#text .r.actor[data-ids]:not(.claim)'); r.scrollIntoView({ block: 'center' }); const b = r.getBoundingClientRect(); return { id: r.dataset.ids.split(' ')[0], x: b.left + b.width / 2, y: b.top + b.height / 2 }; });
      await page.mouse.click(r.x, r.y);
      await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, r.id);
      await page.keyboard.press('r');
      await page.waitForFunction((id) => !!document.querySelector(`#text .r.rejected[data-ids~="${id}"]`), r.id);
      const rej = await page.evaluate((id) => window.__contrast(document.querySelector(`#text .r.rejected[data-ids~="${id}"]`)).text, r.id);
      await page.keyboard.press('Control+z');
      await page.waitForFunction((id) => !!document.querySelector(`#text .r.actor[data-ids~="${id}"]`), r.id);
      await page.keyboard.press('Escape');
      // Pending words: select a plain word with the DOM API and release the mouse.
      await page.evaluate(() => {
        const run = [...document.querySelectorAll('#text .r:not([data-ids])')].find((x) => /[A-Za-z]{5,} /.test(x.textContent));
        const t = run.firstChild, i = t.data.search(/[A-Za-z]{5,} /);
        const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + 5);
        getSelection().removeAllRanges(); getSelection().addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      });
      await page.waitForSelector('#text .r.pending');
      const pend = await page.evaluate(() => window.__contrast(document.querySelector('#text .r.pending')).text);
      await page.keyboard.press('Escape');
      notes.push(`rejected ${rej.toFixed(2)}, pending ${pend.toFixed(2)}`);
      assert(rej >= 4.5 && pend >= 4.5, `rejected ${rej}, pending ${pend}`);
    });

    await step('the focus ring is at least 3:1 against what it is drawn on (panel, details, header)', async () => {
      // Tab to each kind of control, so :focus-visible applies as it does for a keyboard user.
      const seen = {};
      await page.keyboard.press('j');
      await page.waitForSelector('#details');
      await page.focus('#annotator');
      for (let i = 0; i < 60 && Object.keys(seen).length < 3; i++) {
        await page.keyboard.press(i === 0 ? 'Shift+Tab' : 'Tab');
        const r = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const cs = getComputedStyle(el);
          if (cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 1) return { where: 'none', id: el.id || el.tagName };
          // The ring is drawn outside the element (outline-offset): against the parent's backdrop.
          const where = el.closest('.topbar') ? 'header' : el.closest('.details') ? 'details' : el.closest('.panel') ? 'panel' : 'other';
          const bg = window.__contrast(el.parentElement).bg;
          const ratio = window.__ratio(cs.outlineColor, `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`);
          return { where, id: el.id || el.tagName, ratio, width: parseFloat(cs.outlineWidth) };
        });
        if (!r) continue;
        assert(r.where !== 'none', `${r.id} shows no focus ring`);
        if (r.where !== 'other' && !seen[r.where]) seen[r.where] = r;
        if (r.where !== 'other') assert(r.ratio >= 3 && r.width >= 2, `focus ring of ${r.id} (${r.where}): ${r.ratio.toFixed(2)}:1, ${r.width}px`);
      }
      // The header's controls come first in the tab order: from the top.
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Tab');
      const head = await page.evaluate(() => {
        const el = document.activeElement; const cs = getComputedStyle(el);
        const bg = window.__contrast(el.parentElement).bg;
        return { id: el.id, inHeader: !!el.closest('.topbar'), ratio: window.__ratio(cs.outlineColor, `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`) };
      });
      assert(head.inHeader && head.ratio >= 3, `header focus ring ${JSON.stringify(head)}`);
      seen.header = seen.header || head;
      notes.push(`focus ring: ${Object.entries(seen).map(([k, r]) => `${k} ${r.id} ${r.ratio.toFixed(2)}`).join(', ')}`);
      assert(seen.panel && seen.details, `measured in the panel and the details: ${JSON.stringify(seen)}`);
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Escape');
    });

    const long = bigArticle(200_000);
    await step('a long article is drawn near the viewport first; scrolling draws the rest, text intact, and far chunks go back to placeholders', async () => {
      await paste(page, long);
      const first = await page.evaluate(() => ({ chunks: document.querySelectorAll('#text .chunk').length, drawn: document.querySelectorAll('#text .chunk:not(.ph)').length }));
      assert(first.chunks > 10 && first.drawn < first.chunks, `chunks ${JSON.stringify(first)}`);
      // Scroll to the end in steps, as a reader would, noting every paragraph drawn on the way
      // and checking that runs tile the text: every run starts where the previous one ended
      // (code points).
      const seen = new Map();
      let bad = 0, maxDrawn = 0;
      for (let i = 0; i < 400; i++) {
        const done = await page.evaluate(() => { const r = document.getElementById('reader'); r.scrollTop += r.clientHeight * 0.9; return r.scrollTop + r.clientHeight >= r.scrollHeight - 2; });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
        const now = await page.evaluate(() => {
          let n = 0;
          const paras = [];
          for (const p of document.querySelectorAll('#text p')) {
            paras.push([Number(p.dataset.p), p.textContent]);
            let at = Number(p.dataset.p);
            for (const r of p.querySelectorAll('[data-s]')) { if (Number(r.dataset.s) !== at) n++; at = Number(r.dataset.s) + [...r.textContent].length; }
          }
          return { paras, bad: n, drawn: document.querySelectorAll('#text .chunk:not(.ph)').length };
        });
        for (const [at, text] of now.paras) seen.set(at, text);
        bad += now.bad;
        maxDrawn = Math.max(maxDrawn, now.drawn);
        if (done) break;
      }
      const want = long.split('\n').map((l) => l.trim()).filter(Boolean);
      const paras = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
      eq(paras.length, want.length, 'paragraphs drawn on the way');
      assert(paras.every((p, i) => p === want[i]), 'paragraph texts equal the article');
      eq(bad, 0, 'runs whose data-s is not where the previous run ended');
      const end = await page.evaluate(() => ({ chunks: document.querySelectorAll('#text .chunk').length, drawn: document.querySelectorAll('#text .chunk:not(.ph)').length }));
      assert(end.drawn < end.chunks && maxDrawn <= 14, `the DOM stays a few screens: ${JSON.stringify(end)}, at most ${maxDrawn} chunks drawn`);
    });

    await step('the selected annotation is always scrolled into view (click far down, back to the top, k / j)', async () => {
      // The last highlight, selected by a click at the bottom.
      const last = await page.evaluate(() => { const rs = document.querySelectorAll('#text .r.actor[data-ids]:not(.claim)'); const r = rs[rs.length - 1]; r.scrollIntoView({ block: 'center' }); const b = r.getBoundingClientRect(); return { id: r.dataset.ids.split(' ')[0], x: b.left + b.width / 2, y: b.top + b.height / 2 }; });
      await page.mouse.click(last.x, last.y);
      await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, last.id);
      await page.evaluate(() => { document.getElementById('reader').scrollTop = 0; });
      await page.waitForFunction(() => document.getElementById('reader').scrollTop === 0);
      eq((await place(page, last.id)).visible, false, 'scrolled away from the selection');
      const moves = [];
      for (const key of ['k', 'k', 'j', 'j', 'j']) {
        const before = await selectedId(page);
        await page.keyboard.press(key);
        await page.waitForFunction((b) => (document.getElementById('details')?.dataset.id || null) !== b, before, { timeout: 5000 }).catch(() => {});
        const id = await selectedId(page);
        if (id === before) continue; // the end of the list
        await page.waitForFunction((id) => { const r = document.querySelector(`#text .r[data-ids~="${id}"]`); if (!r) return false; const b = r.getBoundingClientRect(); const v = document.getElementById('reader').getBoundingClientRect(); return b.top >= v.top - 1 && b.bottom <= v.bottom + 1; }, id, { timeout: 5000 });
        moves.push(id);
      }
      assert(moves.length >= 2, `the selection moved: ${moves}`);
      // From the top, j walks forward and each selection is in view.
      await page.keyboard.press('Escape');
      await page.evaluate(() => { document.getElementById('reader').scrollTop = 0; });
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('j');
        const id = await page.waitForFunction(() => document.getElementById('details')?.dataset.id, null, { timeout: 5000 }).then((h) => h.jsonValue());
        const p = await place(page, id);
        assert(p.drawn && p.visible, `after ${i + 1} j: ${id} ${JSON.stringify(p)}`);
      }
      await page.keyboard.press('Escape');
    });

    await step('no console errors or page errors', async () => {
      assert(errors.length === 0, errors.join(' | '));
    });
  } finally {
    await close();
    server.close();
  }

  // ---------------------------------------------------------------- offline, one file
  await step('dist/gloss.html works from file:// with the network blocked: seeds highlighted, an edit works', async () => {
    const file = path.join(DIST, 'gloss.html');
    assert(fs.existsSync(file), 'no dist/gloss.html: scripts/build-web.sh writes it');
    const { context, page: p, errors: errs, close: done } = await launch({ offline: true });
    const requests = [];
    try {
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
        requests.push(u);
        return route.abort();
      });
      p.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
      await p.goto(pathToFileURL(file).href);
      await p.waitForSelector('#text .r[data-ids]', { timeout: 20000 });
      const c = await p.evaluate(() => ['actor', 'date', 'claim'].map((l) => document.querySelectorAll(`#text .r.${l}`).length));
      assert(c.every((n) => n > 0), `highlights per label: ${c}`);
      const seeds = await p.$$eval('#corpus .doc', (o) => o.length);
      eq(seeds, 5, 'seeds in the corpus list');
      // An edit: select a plain word, key 1, a manual ACTOR appears; undo removes it.
      const w = await p.evaluate(() => {
        for (const run of document.querySelectorAll('#text .r:not([data-ids])')) {
          const t = run.firstChild; const m = t && /(?<= )[A-Za-z]{5,}(?= )/.exec(t.data);
          if (!m) continue;
          const range = document.createRange(); range.setStart(t, m.index); range.setEnd(t, m.index + m[0].length);
          run.scrollIntoView({ block: 'center' });
          const b = range.getClientRects(); if (b.length !== 1) continue;
          const r = b[0];
          return { word: m[0], x1: r.left + 2, x2: r.right - 2, y: r.top + r.height / 2 };
        }
        return null;
      });
      assert(w, 'a free word');
      await p.mouse.move(w.x1, w.y); await p.mouse.down(); await p.mouse.move(w.x2, w.y, { steps: 5 }); await p.mouse.up();
      await p.waitForSelector('#pending');
      await p.keyboard.press('1');
      await p.waitForFunction(() => document.getElementById('details')?.dataset.status === 'manual');
      const id = await p.$eval('#details', (d) => d.dataset.id);
      eq(await p.$$eval(`#text .r.actor[data-ids~="${id}"]`, (rs) => rs.map((r) => r.textContent).join('')), w.word, 'the new ACTOR');
      await p.keyboard.press('Control+z');
      await p.waitForFunction((id) => !document.querySelector(`#text .r[data-ids~="${id}"]`), id);
      // The extractor's worker runs from the file too: a pasted text gets its predictions.
      await paste(p, 'France expelled two Malian diplomats on Friday, officials said.\n');
      await p.waitForFunction(() => document.querySelector('#text .r.date[data-ids]') && !document.getElementById('extracting'), null, { timeout: 30000 });
      eq(requests.length, 0, `network requests: ${requests.join(' ')}`);
      assert(errs.length === 0, errs.join(' | '));
      notes.push(`gloss.html: ${fs.statSync(file).size} bytes`);
    } finally {
      await done();
    }
  });
}

main().catch(setupFailed).finally(finish);
