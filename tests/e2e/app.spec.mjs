// End-to-end test of the built web app (dist/) in headless Chromium, driven by playwright-core.
//
// Serves dist/ on 127.0.0.1 with a tiny static server (below), launches /usr/bin/chromium with
// a fresh profile, and walks the whole story a user walks: open the seeds, see highlights of
// every label, create an annotation by a real mouse selection and a key, relabel, undo/redo,
// reload and find the work kept, download the gold JSON and validate it (in JS, and with the
// CLI when it has `validate`), open broken and mismatching JSON (clear error, work untouched),
// open an oversized text, paste text with emoji and CRLF and check code-point offsets, change
// the DCT. Plain node script: exit code 1 on any failure; the last line is `N passed, N failed`.
//
// Usage: scripts/build-web.sh && node tests/e2e/app.spec.mjs
//   GLOSS_DIST=dir (default dist/), CHROMIUM=path (default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ROOT, DIST, CHROMIUM, FLAGS, serve, step, assert, notes, setupFailed, finish } from './flow-lib.mjs';

function eq(a, b, msg) { if (a !== b) throw new Error(`${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`); }
const cpSlice = (s, a, b) => [...s].slice(a, b).join('');

// ---------------------------------------------------------------- page helpers
/** The index of the active document in the corpus list (the page's one navigator). */
const activeDoc = (page) => page.$$eval('#corpus .doc', (ds) => ds.findIndex((d) => d.classList.contains('active')));
/** Opens corpus document `i` with a click in the corpus list and waits for its text. */
async function openDoc(page, i) {
  await page.click(`#corpus li:nth-child(${i + 1}) .doc`);
  await page.waitForFunction((i) => document.querySelectorAll('#corpus .doc')[i]?.classList.contains('active') && document.querySelector('#text .r'), i);
}

async function waitText(page) {
  await page.waitForSelector('#text .r', { timeout: 15000 });
}
async function labelCounts(page) {
  return page.evaluate(() => ({
    actor: document.querySelectorAll('#text .r.actor').length,
    date: document.querySelectorAll('#text .r.date').length,
    claim: document.querySelectorAll('#text .r.claim').length,
    legend: ['actor', 'date', 'claim'].map((l) => Number(document.getElementById(`count-${l}`)?.textContent || -1)),
  }));
}
/** Every annotation id shown in the text, sorted: a fingerprint of the work on screen. */
async function shownIds(page) {
  return page.evaluate(() => {
    const ids = new Set();
    document.querySelectorAll('#text .r[data-ids]').forEach((r) => r.dataset.ids.split(' ').forEach((i) => ids.add(i)));
    return [...ids].sort().join(',');
  });
}
/** A word (>= 5 letters) in a run no annotation covers, visible, spaces on both sides,
 *  optionally only after code point `afterCp`. Returns its box and offsets. */
async function findFreeWord(page, afterCp = -1) {
  return page.evaluate((afterCp) => {
    const vh = window.innerHeight;
    for (const run of document.querySelectorAll('#text .r:not([data-ids]):not(.pending)')) {
      const node = run.firstChild;
      if (!node || node.nodeType !== 3) continue;
      const t = node.data;
      const re = /[A-Za-z]{5,}/g;
      let m;
      while ((m = re.exec(t))) {
        const i = m.index, j = i + m[0].length;
        if (i === 0 || t[i - 1] !== ' ' || j >= t.length || t[j] !== ' ') continue;
        const cpStart = Number(run.dataset.s) + [...t.slice(0, i)].length;
        if (cpStart <= afterCp) continue;
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, j);
        const rects = range.getClientRects();
        if (rects.length !== 1) continue;
        const r = rects[0];
        if (r.top < 70 || r.bottom > vh - 10) continue;
        return { word: m[0], cpStart, cpEnd: cpStart + m[0].length, utf16Start: null,
          x1: r.left + Math.min(4, r.width / 4), x2: r.right - Math.min(4, r.width / 4), y: r.top + r.height / 2 };
      }
    }
    return null;
  }, afterCp);
}
/** A real drag over the word with the mouse: press inside its first letter, release inside its last. */
async function dragOver(page, w) {
  await page.mouse.move(w.x1, w.y);
  await page.mouse.down();
  await page.mouse.move((w.x1 + w.x2) / 2, w.y, { steps: 4 });
  await page.mouse.move(w.x2, w.y, { steps: 4 });
  await page.mouse.up();
}
async function details(page) {
  return page.evaluate(() => {
    const d = document.getElementById('details');
    return d ? { id: d.dataset.id, label: d.dataset.label, status: d.dataset.status,
      quote: document.getElementById('quote')?.textContent } : null;
  });
}
async function download(page, dir) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#download')]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename(), json: JSON.parse(fs.readFileSync(file, 'utf8')), raw: fs.readFileSync(file, 'utf8') };
}
async function banner(page) {
  return page.evaluate(() => {
    const b = document.getElementById('banner');
    return b ? { kind: b.classList.contains('error') ? 'error' : 'info', text: b.textContent } : null;
  });
}
/** Checks a gold JSON as the CLI's `validate` would: hash, bounds, quotes, ids, sources. */
function checkGold(g) {
  eq(g.format, 'gloss-gold', 'format');
  eq(g.offset_unit, 'codepoint', 'offset unit');
  assert(!g.text.includes('\r'), 'text has a carriage return');
  eq(crypto.createHash('sha256').update(g.text, 'utf8').digest('hex'), g.sha256, 'sha256 of the text');
  const n = [...g.text].length;
  const ids = new Map(g.annotations.map((a) => [a.id, a.label]));
  eq(ids.size, g.annotations.length, 'unique ids');
  for (const a of g.annotations) {
    assert(0 <= a.start && a.start <= a.end && a.end <= n, `${a.id}: span ${a.start}..${a.end} out of bounds`);
    eq(cpSlice(g.text, a.start, a.end), a.quote, `${a.id}: quote`);
    if (a.label === 'CLAIM' && a.attributes.source) eq(ids.get(a.attributes.source), 'ACTOR', `${a.id}: source`);
  }
}
/** The CLI's validator, when the CLI has one: 'ok', 'skipped: why', or throws with its output. */
function cliValidate(file) {
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(target, 'release', 'gloss');
  if (!fs.existsSync(bin)) {
    // Same as `cargo run --release --bin gloss -- validate FILE`, with the build's errors kept.
    const b = spawnSync('cargo', ['build', '--release', '--bin', 'gloss'], { cwd: ROOT, encoding: 'utf8', timeout: 1200000 });
    if (b.status !== 0) throw new Error(`cargo build --release --bin gloss failed: ${(b.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  }
  const help = spawnSync(bin, ['--help'], { cwd: ROOT, encoding: 'utf8' });
  if (!/validate/.test(`${help.stdout}${help.stderr}`)) return 'skipped: this gloss CLI has no validate command yet';
  const r = spawnSync(bin, ['validate', file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gloss validate exited ${r.status}: ${(r.stdout + r.stderr).trim()}`);
  return `ok (${(r.stdout + r.stderr).trim().split('\n').length} line(s) of output)`;
}

// ---------------------------------------------------------------- the story
async function main() {
  assert(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run scripts/build-web.sh first`);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-profile-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-dl-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => consoleErrors.push(`request failed: ${r.url()}`));

  let created = null; // { id, word, cpStart, cpEnd }
  try {
    await step('page loads and opens the first seed', async () => {
      const t0 = Date.now();
      await page.goto(base);
      await waitText(page);
      const ready = await page.getAttribute('.app', 'data-ready-ms');
      let firstHighlight = null;
      try {
        await page.waitForSelector('#text .r[data-ids]', { timeout: 5000 });
        firstHighlight = await page.evaluate(() => Math.round(performance.now()));
      } catch { /* counted in the next step */ }
      notes.push(`first document painted at ${ready} ms after navigation start; first highlight seen by ${firstHighlight ?? 'never'} ms (wall ${Date.now() - t0} ms)`);
      eq(await activeDoc(page), 0, 'the first seed is the active document of the corpus list');
    });

    await step('the corpus list shows the five seeds; each shows highlights of every label; 004 says its DCT is missing', async () => {
      const n = await page.$$eval('#corpus .doc', (o) => o.length);
      eq(n, 5, 'seeds in the corpus list');
      const problems = [];
      for (let i = 0; i < 5; i++) {
        await openDoc(page, i);
        const c = await labelCounts(page);
        for (const [k, v] of Object.entries({ actor: c.actor, date: c.date, claim: c.claim })) if (!(v > 0)) problems.push(`seed ${i}: no ${k} highlight`);
        if (!c.legend.every((x, j) => x === 0 || x > 0)) problems.push(`seed ${i}: legend unreadable`);
        const dct = await page.$eval('#dct', (d) => d.value);
        const missing = await page.$('#dct-missing');
        if (i === 4) { if (dct !== '' || !missing) problems.push('seed 4: DCT should be missing and said so'); }
        else if (dct !== (i === 2 ? '2025-09-20' : '2025-09-19') || missing) problems.push(`seed ${i}: DCT ${dct}`);
        notes.push(`seed ${i}: runs actor ${c.actor}, date ${c.date}, claim ${c.claim}; legend ${c.legend.join('/')}`);
      }
      await openDoc(page, 0);
      assert(problems.length === 0, problems.join('; '));
    });

    await step('each label is drawn its own way: actor background, date box, claim band', async () => {
      const st = await page.evaluate(() => {
        const cs = (sel) => { const e = document.querySelector(sel); return e ? getComputedStyle(e) : null; };
        const a = cs('#text .r.actor:not(.date):not(.claim)');
        const d = cs('#text .r.date:not(.actor):not(.claim)');
        const c = cs('#text .r.claim:not(.actor):not(.date)');
        return a && d && c && { actorBg: a.backgroundColor, actorBorder: a.borderTopStyle, dateBorder: d.borderTopStyle,
          dateBorderW: parseFloat(d.borderTopWidth), claimImg: c.backgroundImage, claimBorder: c.borderTopStyle, textFont: getComputedStyle(document.getElementById('text')).fontFamily };
      });
      assert(st, 'seed 0 lacks a run of each label alone');
      assert(st.actorBg !== 'rgba(0, 0, 0, 0)' && st.actorBorder === 'none', `actor: ${st.actorBg} ${st.actorBorder}`);
      assert(st.dateBorder === 'solid' && st.dateBorderW > 0, `date border: ${st.dateBorder}`);
      assert(/gradient/.test(st.claimImg) && st.claimBorder === 'none', `claim: ${st.claimImg}`);
      assert(/serif/i.test(st.textFont), `text font: ${st.textFont}`);
    });

    await step('a real mouse selection snaps to the word and key 1 makes a manual ACTOR', async () => {
      const w = await findFreeWord(page);
      assert(w, 'no free word on screen');
      await dragOver(page, w);
      await page.waitForSelector('#pending');
      eq(await page.textContent('#pending-quote'), w.word, 'snapped pending words');
      await page.keyboard.press('1');
      await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'manual');
      const d = await details(page);
      eq(d.label, 'ACTOR', 'label'); eq(d.quote, w.word, 'quote');
      const runText = await page.$$eval(`#text .r[data-ids~="${d.id}"]`, (rs) => rs.map((r) => r.textContent).join(''));
      eq(runText, w.word, 'highlighted text');
      created = { id: d.id, ...w };
    });

    await step('relabel a prediction with a key, undo with Ctrl+Z, redo with Ctrl+Shift+Z', async () => {
      // Click the first predicted ACTOR if there is one, else the annotation just made.
      const target = await page.evaluate(() => {
        const r = document.querySelector('#text .r.actor[data-ids]');
        if (!r) return null;
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      assert(target, 'no ACTOR highlight to click');
      await page.evaluate(() => document.querySelector('#text .r.actor[data-ids]').scrollIntoView({ block: 'center' }));
      const box = await page.evaluate(() => { const b = document.querySelector('#text .r.actor[data-ids]').getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; });
      await page.mouse.click(box.x, box.y);
      await page.waitForSelector('#details');
      let d = await details(page);
      const before = { ...d };
      assert(before.label === 'ACTOR', `clicked an ACTOR, panel shows ${before.label}`);
      await page.keyboard.press('3');
      await page.waitForFunction((id) => document.getElementById('details')?.dataset.label === 'CLAIM' && document.getElementById('details')?.dataset.id === id, before.id);
      d = await details(page);
      eq(d.status, before.status === 'manual' ? 'manual' : 'edited', 'status after relabel');
      await page.keyboard.press('Control+z');
      await page.waitForFunction((b) => document.getElementById('details')?.dataset.label === b.label, before);
      eq((await details(page)).status, before.status, 'status after undo');
      await page.keyboard.press('Control+Shift+Z');
      await page.waitForFunction(() => document.getElementById('details')?.dataset.label === 'CLAIM');
      await page.keyboard.press('Control+z');
      await page.waitForFunction((b) => document.getElementById('details')?.dataset.label === b.label, before);
      await page.click('#undo'); // undoes the creation
      await page.waitForFunction((id) => !document.querySelector(`#text .r[data-ids~="${id}"]`), created.id);
      await page.click('#redo');
      await page.waitForFunction((id) => !!document.querySelector(`#text .r[data-ids~="${id}"]`), created.id);
      await page.keyboard.press('Escape');
    });

    await step('accept and reject with a and r', async () => {
      const id = await page.evaluate(() => {
        const r = document.querySelector('#text .r[data-ids]:not(.sel)');
        return r ? r.dataset.ids.split(' ')[0] : null;
      });
      assert(id, 'no annotation');
      await page.evaluate((id) => document.querySelector(`#text .r[data-ids~="${id}"]`).scrollIntoView({ block: 'center' }), id);
      const b = await page.evaluate((id) => { const r = document.querySelector(`#text .r[data-ids~="${id}"]`).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }, id);
      await page.mouse.click(b.x, b.y);
      await page.waitForSelector('#details');
      const d = await details(page);
      if (d.status === 'manual') { notes.push('accept/reject: clicked a manual annotation; skipped'); return; }
      await page.keyboard.press('r');
      await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'rejected');
      await page.keyboard.press('a');
      await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'accepted');
      await page.keyboard.press('Escape');
    });

    let attrEdits = null;
    await step('edit a date value, an actor canonical name and a claim source in the panel', async () => {
      const make = async (key) => {
        const w = await findFreeWord(page);
        assert(w, 'no free word on screen');
        await dragOver(page, w);
        await page.waitForSelector('#pending');
        await page.keyboard.press(key);
        await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'manual');
        return (await details(page)).id;
      };
      const selectById = async (id) => {
        await page.evaluate((id) => document.querySelector(`#text .r[data-ids~="${id}"]`).scrollIntoView({ block: 'center' }), id);
        const b = await page.evaluate((id) => { const r = document.querySelector(`#text .r[data-ids~="${id}"]`).getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }, id);
        await page.mouse.click(b.x, b.y);
        await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, id);
      };
      const dateId = await make('2');
      await page.fill('#edit-value', '2025-09-13');
      await page.press('#edit-value', 'Enter');
      await page.waitForFunction(() => document.getElementById('edit-value')?.value === '2025-09-13' && document.activeElement?.id !== 'edit-value');
      const claimId = await make('3');
      const label = await page.$$eval('#edit-source option', (os, id) => os.map((o) => o.textContent).find((t) => t.startsWith(`${id} `)), created.id);
      assert(label, `the source list offers ${created.id}`);
      await page.selectOption('#edit-source', { label });
      await page.waitForFunction((l) => { const s = document.getElementById('edit-source'); return s && s.options[s.selectedIndex].textContent === l; }, label);
      await selectById(created.id);
      await page.fill('#edit-canonical', 'Someone Else');
      await page.press('#edit-canonical', 'Enter');
      await page.waitForFunction(() => document.getElementById('edit-canonical')?.value === 'Someone Else');
      // The claim's source is outlined when the claim is selected.
      await selectById(claimId);
      assert(await page.$(`#text .r.related[data-ids~="${created.id}"]`), 'source outlined');
      await page.keyboard.press('Escape');
      attrEdits = { dateId, claimId };
    });

    let saved = null;
    await step('reload restores the work from autosave', async () => {
      const before = await shownIds(page);
      await page.reload();
      await waitText(page);
      await page.waitForFunction((id) => !!document.querySelector(`#text .r[data-ids~="${id}"]`), created.id, { timeout: 10000 });
      eq(await shownIds(page), before, 'annotations on screen after reload');
      eq(await activeDoc(page), 0, 'the same seed is open');
    });

    await step('the annotator name goes into the file, with created and modified times', async () => {
      await page.fill('#annotator', 'E2E Tester');
      await page.press('#annotator', 'Tab');
      const got = await download(page, downloads);
      eq(got.json.annotator, 'E2E Tester', 'annotator');
      assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(got.json.created || ''), `created: ${got.json.created}`);
      assert(got.json.modified >= got.json.created, `modified ${got.json.modified} >= created ${got.json.created}`);
    });

    await step('download the gold JSON; it validates (JS checks and the CLI)', async () => {
      saved = await download(page, downloads);
      eq(saved.name, `${saved.json.id}.gold.json`, 'file name');
      checkGold(saved.json);
      const mine = saved.json.annotations.find((a) => a.id === created.id);
      assert(mine, 'the manual annotation is in the file');
      if (attrEdits) {
        const byId = (id) => saved.json.annotations.find((a) => a.id === id);
        eq(byId(attrEdits.dateId)?.attributes.value, '2025-09-13', 'edited date value');
        eq(byId(attrEdits.claimId)?.attributes.source, created.id, 'edited claim source');
        eq(mine.attributes.canonical, 'Someone Else', 'edited canonical name');
      }
      eq(mine.status, 'manual', 'status'); eq(mine.label, 'ACTOR', 'label');
      eq(mine.start, created.cpStart, 'start'); eq(mine.end, created.cpEnd, 'end');
      const cli = cliValidate(saved.file);
      notes.push(`CLI validate: ${cli}`);
    });

    await step('a malformed JSON file shows a clear error and leaves the work untouched', async () => {
      const before = await shownIds(page);
      await page.setInputFiles('#file-input', { name: 'broken.gold.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "gloss-gold", "version": 1, "text": "unterminated') });
      await page.waitForFunction(() => document.querySelector('#banner.error'));
      const b = await banner(page);
      assert(/broken\.gold\.json/.test(b.text) && /not valid JSON/.test(b.text), `error says: ${b.text}`);
      eq(await shownIds(page), before, 'annotations after the error');
      await page.click('.banner-close');
    });

    await step('a gold file whose text was changed is refused (SHA-256), work untouched', async () => {
      const before = await shownIds(page);
      const bad = saved.raw.replace(/"text": "(.)/, '"text": "X');
      await page.setInputFiles('#file-input', { name: 'changed.gold.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await page.waitForFunction(() => document.querySelector('#banner.error'));
      const b = await banner(page);
      assert(/SHA-256/.test(b.text), `error says: ${b.text}`);
      eq(await shownIds(page), before, 'annotations after the error');
      await page.click('.banner-close');
    });

    await step('opening the downloaded gold JSON restores it exactly', async () => {
      await openDoc(page, 1);
      await page.setInputFiles('#file-input', saved.file);
      // The corpus has this work already: the file changes nothing and the work comes on screen.
      await page.waitForFunction((id) => !!document.querySelector(`#text .r[data-ids~="${id}"]`) && /nothing changed/.test(document.getElementById('banner')?.textContent || ''), created.id);
      eq(await page.$eval('#corpus .doc.active', (b) => b.dataset.id), saved.json.id, 'its document on screen');
      const again = await download(page, downloads);
      eq(again.raw, saved.raw, 'the file downloaded again');
    });

    await step('dropping a .txt file on the page opens and extracts it', async () => {
      const txt = 'Officials in Paris said on Friday that the talks would resume.\n';
      await page.evaluate((txt) => {
        const dt = new DataTransfer();
        dt.items.add(new File([txt], 'dropped-article.txt', { type: 'text/plain' }));
        document.querySelector('#reader').dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.querySelector('#reader').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, txt);
      await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('Officials in Paris'));
      assert(await page.$eval('#corpus .doc.active', (o) => o.dataset.id.includes('dropped-article')), 'the corpus list names the dropped file');
      // Back to the restored gold file for the next steps.
      await page.setInputFiles('#file-input', saved.file);
      await page.waitForFunction((id) => !!document.querySelector(`#text .r[data-ids~="${id}"]`), created.id);
    });

    await step('an oversized text file is refused in words', async () => {
      const before = await shownIds(page);
      await page.setInputFiles('#file-input', { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(9 * 1024 * 1024, 'a ') });
      await page.waitForFunction(() => document.querySelector('#banner.error'), null, { timeout: 20000 });
      const b = await banner(page);
      assert(/8 MB/.test(b.text), `error says: ${b.text}`);
      eq(await shownIds(page), before, 'annotations after the error');
      await page.click('.banner-close');
    });

    let pasted = null;
    await step('pasted text with emoji and CRLF: a mouse-made annotation after the emoji has code-point offsets', async () => {
      const text = 'Emoji 👍🏽 and 🇫🇷 flags before.\r\nThe foreign minister said on Monday that negotiations collapsed overnight.\r\nOfficials remained hopeful.\r\n';
      await page.click('#paste');
      await page.waitForSelector('#paste-dialog');
      await page.fill('#paste-text', text);
      await page.fill('#paste-dct', '2025-09-19');
      await page.click('#paste-open');
      await page.waitForFunction(() => !document.getElementById('paste-dialog') && document.querySelector('#text p:nth-of-type(2)'));
      const norm = text.replace(/\r\n/g, '\n');
      const emojiEnd = [...norm].indexOf('.');
      const w = await findFreeWord(page, emojiEnd);
      assert(w, 'no free word after the emoji');
      await dragOver(page, w);
      await page.waitForSelector('#pending');
      await page.keyboard.press('1');
      await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'manual');
      const d = await details(page);
      pasted = { id: d.id, word: w.word };
      const got = await download(page, downloads);
      checkGold(got.json);
      eq(got.json.text, norm, 'normalised text');
      eq(got.json.dct, '2025-09-19', 'dct');
      const a = got.json.annotations.find((x) => x.id === d.id);
      const expStart = [...norm].length - [...norm.slice(norm.indexOf(` ${w.word} `) + 1)].length;
      eq(a.start, expStart, 'start in code points');
      eq(a.end, expStart + [...w.word].length, 'end in code points');
      assert(norm.indexOf(` ${w.word} `) + 1 !== expStart, 'test text must make UTF-16 and code points differ');
      eq(a.quote, w.word, 'quote');
    });

    await step('changing the DCT re-resolves dates and keeps reviewed work', async () => {
      await page.fill('#dct', '2025-09-26');
      await page.press('#dct', 'Enter');
      await page.waitForFunction(() => /DCT 2025-09-26/.test(document.getElementById('banner')?.textContent || ''));
      const got = await download(page, downloads);
      checkGold(got.json);
      eq(got.json.dct, '2025-09-26', 'new dct');
      const a = got.json.annotations.find((x) => x.id === pasted.id);
      assert(a && a.quote === pasted.word && a.status === 'manual', 'the manual annotation is kept');
      const monday = got.json.annotations.find((x) => x.label === 'DATE' && x.quote.includes('Monday'));
      if (monday && monday.status === 'predicted') notes.push(`"Monday" under DCT 2025-09-26: ${monday.attributes.value}`);
    });

    await step('undo puts the old DCT and its values back, redo the new ones', async () => {
      const before = await download(page, downloads);
      await page.click('#undo');
      await page.waitForFunction(() => document.getElementById('dct')?.value === '2025-09-19');
      const undone = await download(page, downloads);
      checkGold(undone.json);
      eq(undone.json.dct, '2025-09-19', 'dct after undo');
      const a = undone.json.annotations.find((x) => x.id === pasted.id);
      assert(a && a.quote === pasted.word && a.status === 'manual', 'the manual annotation survives the undo');
      const changed = before.json.annotations.filter((x) => x.label === 'DATE' && x.status === 'predicted')
        .filter((x) => { const y = undone.json.annotations.find((z) => z.id === x.id); return !y || y.attributes.value !== x.attributes.value; });
      assert(changed.length > 0, 'some predicted date value moves back with the DCT');
      await page.click('#redo');
      await page.waitForFunction(() => document.getElementById('dct')?.value === '2025-09-26');
      const redone = await download(page, downloads);
      eq(JSON.stringify(redone.json.annotations), JSON.stringify(before.json.annotations), 'redo gives the same annotations');
    });

    await step('another page calls the extractor from JavaScript (extract.html)', async () => {
      const p2 = await context.newPage();
      const errs = [];
      p2.on('pageerror', (e) => errs.push(e.message));
      await p2.goto(`${base}extract.html`);
      await p2.waitForFunction(() => document.getElementById('out')?.textContent.startsWith('{'), null, { timeout: 15000 });
      const g = JSON.parse(await p2.textContent('#out'));
      checkGold(g);
      eq(g.dct, '2025-09-19', 'dct');
      assert(!(await p2.$('#text .r')) && !(await p2.$('.topbar')), 'the editor does not mount there');
      const err = await p2.evaluate(async () => { const m = await import('./extractor.js'); await m.default(); try { m.extract('x', '19/09/2025'); return null; } catch (e) { return e.message; } });
      assert(/YYYY-MM-DD/.test(err || ''), `bad DCT error: ${err}`);
      assert(errs.length === 0, errs.join(' | '));
      await p2.close();
    });

    await step('the guidelines are readable in the side panel', async () => {
      await page.click('#guidelines summary');
      const t = await page.textContent('#guidelines .guidelines-text');
      assert(/ACTOR/.test(t) && /TIMEX3/.test(t) && /CLAIM/.test(t), 'guidelines text shown');
      const codes = await page.$$eval('#guidelines code', (c) => c.length);
      assert(codes > 20, `inline code rendered as elements (${codes})`);
    });

    await step('no console errors, failed requests or page errors', async () => {
      assert(consoleErrors.length === 0, consoleErrors.join(' | '));
    });
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(setupFailed).finally(finish);
