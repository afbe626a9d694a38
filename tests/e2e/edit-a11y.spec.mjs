// End to end (issue 14, items 6 and 7): unreviewed predictions look different from reviewed
// ones by shape (classes and computed styles); messages sit in a status bar of their own and
// never cover the highlight n scrolled to (bounding boxes), notices leave at the next key,
// errors stay; one document navigator (the corpus list; J moves through it); the hidden file
// input takes no Tab stop; j moves aria-activedescendant and a polite live region says where
// the selection is; a claim's ARIA description names its source, cue and status; Ctrl+S
// names the download after a file-safe id. (The focus ring's contrast is measured in
// render.spec.mjs.)
//
// Usage: scripts/build-web.sh && node tests/e2e/edit-a11y.spec.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run, step, assert, eq, notes, waitText, details, download, keyUntil, frame } from './flow-lib.mjs';

const overlap = (a, b) => a && b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const box = (page, sel) => page.evaluate((sel) => { const e = document.querySelector(sel); if (!e) return null; const b = e.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; }, sel);

await run(async ({ page, base, downloads, errors }) => {
  await step('unreviewed predictions are drawn differently from reviewed ones (class and computed style)', async () => {
    await page.goto(base);
    await waitText(page);
    const a = await keyUntil(page, 'j', (d) => d.label === 'ACTOR' && d.status === 'predicted');
    const style = (id) => page.evaluate((id) => {
      const r = [...document.querySelectorAll(`#text .r[data-ids~="${id}"]`)].find((x) => x.dataset.ids.split(' ').length === 1) || document.querySelector(`#text .r[data-ids~="${id}"]`);
      const cs = getComputedStyle(r);
      return { pred: r.classList.contains('pred'), line: cs.textDecorationLine, style: cs.textDecorationStyle, alone: r.dataset.ids.split(' ').length === 1 };
    }, id);
    const before = await style(a.id);
    assert(before.pred && before.line.includes('overline') && before.style === 'dashed', `unreviewed: ${JSON.stringify(before)}`);
    await page.keyboard.press('a');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'accepted');
    const after = await style(a.id);
    if (after.alone) {
      assert(!after.pred && !after.line.includes('overline'), `accepted: ${JSON.stringify(after)}`);
    }
    // Over the whole text: every run of a prediction has the class, no run of only reviewed ones does.
    const bad = await page.evaluate(() => {
      const status = {};
      for (const r of document.querySelectorAll('#text .r[data-ids]')) {
        const ids = r.dataset.ids.split(' ');
        const desc = r.getAttribute('aria-description') || '';
        const unreviewed = desc.split('; ').some((p) => p.endsWith(', unreviewed'));
        if (unreviewed !== r.classList.contains('pred')) return { ids, desc, cls: r.className };
      }
      return null;
    });
    eq(bad, null, 'runs whose dashed line disagrees with their status');
    notes.push(`unreviewed ${JSON.stringify(before)}, accepted ${JSON.stringify(after)}`);
  });

  await step('messages never cover the highlight n scrolled to; notices leave at the next key, errors stay', async () => {
    await page.keyboard.press('g'); // refused: an error that stays
    await page.waitForSelector('#banner.error');
    const reader = await box(page, '#reader');
    let checked = 0;
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('n');
      const id = await page.waitForFunction(() => document.getElementById('details')?.dataset.id, null, { timeout: 5000 }).then((h) => h.jsonValue());
      await page.waitForFunction((id) => { const r = document.querySelector(`#text .r[data-ids~="${id}"]`); if (!r) return false; const b = r.getBoundingClientRect(); const v = document.getElementById('reader').getBoundingClientRect(); return b.top >= v.top - 1 && b.bottom <= v.bottom + 1; }, id, { timeout: 5000 });
      const hl = await box(page, `#text .r[data-ids~="${id}"]`);
      const banner = await box(page, '#banner');
      assert(banner, 'the error is still shown');
      assert(!overlap(banner, hl), `the message covers ${id}: ${JSON.stringify({ banner, hl })}`);
      checked++;
    }
    const banner = await box(page, '#banner');
    assert(!overlap(banner, reader), `the status bar lies outside the text column: ${JSON.stringify({ banner, reader })}`);
    await page.click('#banner .banner-close');
    await page.waitForSelector('#banner', { state: 'detached' });
    // A notice (nothing to redo) leaves with the next key.
    await page.keyboard.press('Control+y');
    await page.waitForSelector('#banner.info');
    await page.keyboard.press('j');
    await page.waitForSelector('#banner', { state: 'detached', timeout: 3000 });
    // ... or by itself, without a key.
    await page.keyboard.press('Control+y');
    await page.waitForSelector('#banner.info');
    await page.waitForSelector('#banner', { state: 'detached', timeout: 15000 });
    notes.push(`${checked} highlights checked against the message`);
  });

  await step('one document navigator: no menu in the header; the corpus list, and J / K move through it', async () => {
    eq(await page.$$eval('.topbar select', (s) => s.length), 0, 'selects in the header');
    eq(await page.$('#seed-picker'), null, 'the old article menu');
    const first = await page.$eval('#corpus .doc.active', (b) => b.dataset.id);
    await page.keyboard.press('Escape');
    await page.keyboard.press('J');
    await page.waitForFunction((f) => document.querySelector('#corpus .doc.active')?.dataset.id !== f, first);
    const second = await page.$eval('#corpus .doc.active', (b) => b.dataset.id);
    const order = await page.$$eval('#corpus .doc', (d) => d.map((x) => x.dataset.id));
    eq(order.indexOf(second), order.indexOf(first) + 1, 'J opens the next document of the list');
    await page.keyboard.press('K');
    await page.waitForFunction((f) => document.querySelector('#corpus .doc.active')?.dataset.id === f, first);
  });

  await step('the hidden file input takes no Tab stop', async () => {
    eq(await page.$eval('#file-input', (i) => i.tabIndex), -1, 'tabIndex');
    await page.evaluate(() => document.activeElement?.blur());
    const stops = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
    }
    assert(!stops.includes('file-input'), `Tab stops: ${stops}`);
    assert(stops.includes('open-file') && stops.includes('dct'), `the header's controls are reached: ${stops}`);
    await page.evaluate(() => document.activeElement?.blur());
  });

  await step('j moves aria-activedescendant and the live region says what is selected, its status and its place', async () => {
    await page.keyboard.press('Escape');
    const n = await page.evaluate(() => new Set([...document.querySelectorAll('#text .r[data-ids]')].flatMap((r) => r.dataset.ids.split(' '))).size);
    const seen = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('j');
      await frame(page);
      const d = await details(page);
      const r = await page.evaluate(() => {
        const t = document.getElementById('text');
        const ad = t.getAttribute('aria-activedescendant');
        const el = ad && document.getElementById(ad);
        return { ad, inside: !!el && t.contains(el), ids: el?.dataset.ids || '', live: document.getElementById('announce').textContent, polite: document.getElementById('announce').getAttribute('aria-live') };
      });
      assert(r.inside && r.ids.split(' ').includes(d.id), `aria-activedescendant ${r.ad} points at ${d.id}: ${JSON.stringify(r)}`);
      eq(r.polite, 'polite', 'aria-live');
      const status = d.status === 'predicted' ? 'unreviewed' : d.status;
      const m = r.live.match(/^(actor|date|claim)\b.*, (\w+), (\d+) of (\d+)$/);
      assert(m && m[1] === d.label.toLowerCase() && m[2] === status && Number(m[4]) >= n, `live region "${r.live}" for ${JSON.stringify(d)}`);
      seen.push(r.live);
    }
    eq(new Set(seen).size, seen.length, 'each move is announced anew');
    notes.push(`live region: ${seen[0]}`);
  });

  await step('a claim\'s ARIA description names its source, cue and status', async () => {
    const descs = await page.$$eval('#text .r.claim[data-ids]', (rs) => rs.map((r) => r.getAttribute('aria-description')));
    const claims = descs.flatMap((d) => d.split('; ')).filter((p) => p.startsWith('claim'));
    assert(claims.length > 3, `claim descriptions: ${claims.length}`);
    const bad = claims.filter((p) => !/^claim, source [^,]+, (cue \u201c[^\u201d]+\u201d|no cue), (unreviewed|accepted|edited|manual|rejected)$/.test(p));
    eq(bad.slice(0, 3), [], 'claim descriptions without source, cue or status');
    assert(claims.some((p) => !/source none named/.test(p)), 'some claims name their source');
  });

  await step('Ctrl+S names the download after a file-safe id', async () => {
    // A gold file of a new text whose id is no file name.
    const text = 'Officials in Lisbon said on Tuesday that the odd file opened.';
    const json = { format: 'gloss-gold', version: 1, id: '../odd id: A/b', offset_unit: 'codepoint', newlines: 'lf',
      sha256: crypto.createHash('sha256').update(text).digest('hex'), dct: '2025-09-19', guidelines: '1', text, annotations: [] };
    const file = path.join(downloads, 'odd.gold.json');
    fs.writeFileSync(file, JSON.stringify(json));
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => document.querySelector('#corpus .doc.active')?.dataset.id === '../odd id: A/b');
    const got = await download(page, downloads, () => page.keyboard.press('Control+s'));
    assert(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.gold\.json$/.test(got.name), `download name ${got.name}`);
    eq(got.json.id, '../odd id: A/b', 'the id inside the file is kept');
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
