// End to end (issues 6 and 7, export and import): the export dialog (E, or the header's
// Export… button) writes the open seed in every format, each download parsed here and its
// spans compared with the page's own gold JSON; CoNLL and TimeML show what they cannot hold
// before the download; brat downloads as a zip (.txt + .ann + annotation.conf), the corpus as a
// zip of per-document gold JSON (and of per-document JSON Lines on request); doccano's
// UTF-16 option moves offsets after an emoji by one; Label Studio, doccano and brat files
// written by the export open again with the same annotations (brat as .txt + .ann, and as
// the exported zip); broken files of other formats
// are refused with one message naming the position, and the work on screen is untouched.
// When a release `gloss` binary is found (GLOSS_BIN, target/release, $CARGO_TARGET_DIR), every
// download is also checked with `gloss validate`.
//
// Usage: scripts/build-web.sh && node tests/e2e/flow-export.spec.mjs
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, step, assert, eq, notes, waitText, download, frame, ROOT } from './flow-lib.mjs';

const FORMATS = ['gloss', 'jsonl', 'labelstudio', 'doccano', 'brat', 'w3c', 'conll', 'spacy', 'timeml'];

/** The entries of a stored (uncompressed) zip: name -> Buffer. */
function unzip(buf) {
  const out = {};
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    assert(method === 0, `${name} is stored`);
    const start = at + 30 + nameLen + extraLen;
    out[name] = buf.subarray(start, start + size);
    at = start + size;
  }
  return out;
}

function glossBin() {
  const cands = [process.env.GLOSS_BIN, path.join(ROOT, 'target/release/gloss'),
    process.env.CARGO_TARGET_DIR && path.join(process.env.CARGO_TARGET_DIR, 'release/gloss')].filter(Boolean);
  // Only a binary that reads every format (its `validate` takes --from).
  return cands.find((c) => {
    if (!fs.existsSync(c)) return false;
    try { return execFileSync(c, ['validate', '--help'], { encoding: 'utf8' }).includes('--from'); } catch { return false; }
  }) || null;
}
const BIN = glossBin();
const validated = [];
/** `gloss validate` on a downloaded file (or a directory), when the binary is there. */
function validate(file) {
  if (!BIN) return;
  try {
    execFileSync(BIN, ['validate', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    validated.push(path.basename(file));
  } catch (e) {
    throw new Error(`gloss validate ${path.basename(file)}: ${(e.stderr || e.stdout || e.message).trim().split('\n')[0]}`);
  }
}

const key = (label, start, end) => `${label}:${start}:${end}`;
const keysOf = (anns) => anns.map((a) => key(a.label, a.start, a.end)).sort();
const live = (anns) => anns.filter((a) => a.status !== 'rejected');

async function openExport(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('E');
  await page.waitForSelector('#export-dialog');
}
async function choose(page, format, scope = 'document') {
  await page.selectOption('#export-format', format);
  await page.selectOption('#export-scope', scope);
  await frame(page);
}
async function exportNow(page, downloads) {
  const got = await download(page, downloads, () => page.click('#export-download'));
  await page.waitForSelector('#export-dialog', { state: 'detached' });
  got.buf = fs.readFileSync(got.file);
  return got;
}
async function losses(page) {
  return page.$eval('#export-losses', (el) => ({ lossy: el.classList.contains('lossy'), text: el.textContent, items: el.querySelectorAll('li').length }));
}
async function activeId(page) {
  return page.evaluate(() => document.querySelector('#corpus .doc.active')?.dataset.id);
}
async function corpusIds(page) {
  return page.$$eval('#corpus .doc', (bs) => bs.map((b) => b.dataset.id));
}
/** Opens files through the header's file input. */
async function openFiles(page, files) {
  await page.setInputFiles('#file-input', files.map(([name, body]) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) })));
}

await run(async ({ page, base, downloads, errors }) => {
  let gold = null;
  const got = {};
  await step('the page opens the first seed; its gold JSON is the reference', async () => {
    await page.goto(base);
    await waitText(page);
    gold = (await download(page, downloads)).json;
    assert(gold && gold.annotations.length > 5, 'annotations in the seed');
  });

  await step('E opens the export dialog (every format listed), Esc closes it, the header button opens it', async () => {
    await openExport(page);
    const opts = await page.$$eval('#export-format option', (o) => o.map((x) => x.value));
    eq(opts, FORMATS, 'formats offered');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#export-dialog', { state: 'detached' });
    await page.click('#export');
    await page.waitForSelector('#export-dialog');
    await page.click('#export-dialog button[type=button]');
    await page.waitForSelector('#export-dialog', { state: 'detached' });
  });

  const predicted = () => gold.annotations.filter((a) => a.status === 'predicted').length;
  for (const fmt of FORMATS.filter((f) => f !== 'brat')) {
    await step(`${fmt}: the dialog says what is lost and what happens to predictions, then the download holds the spans`, async () => {
      await openExport(page);
      await choose(page, fmt);
      const l = await losses(page);
      const note = await page.$eval('#export-review-note', (e) => e.textContent);
      assert(note.includes(`${predicted()} predictions not yet reviewed`), `review note: ${note}`);
      if (fmt === 'conll' || fmt === 'timeml') {
        assert(l.lossy && l.items > 0, `${fmt} shows its losses: ${l.text}`);
        if (fmt === 'timeml') assert(/ACTOR/.test(l.text) && /CLAIM/.test(l.text), `TimeML loses actors and claims: ${l.text}`);
        if (fmt === 'conll') assert(/attribute|relation|source/i.test(l.text), `CoNLL loses attributes/relations: ${l.text}`);
        notes.push(`${fmt} losses shown: ${l.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      } else {
        assert(!l.lossy && l.text.includes('holds everything'), `${fmt} loses nothing: ${l.text}`);
      }
      const target = await page.$eval('#export-target', (e) => e.textContent);
      const dl = await exportNow(page, downloads);
      eq(dl.name, target, 'the file name the dialog announced');
      got[fmt] = dl;
      const text = dl.buf.toString('utf8');
      const all = keysOf(gold.annotations);
      const alive = keysOf(live(gold.annotations));
      if (fmt === 'gloss') {
        eq(keysOf(JSON.parse(text).annotations), all, 'gold spans');
      } else if (fmt === 'jsonl') {
        const lines = text.split('\n').filter((x) => x.trim());
        eq(lines.length, 1, 'one line');
        eq(keysOf(JSON.parse(lines[0]).annotations), all, 'jsonl spans');
      } else if (fmt === 'labelstudio') {
        const tasks = JSON.parse(text);
        eq(tasks.length, 1, 'one task');
        const results = [...(tasks[0].annotations || []), ...(tasks[0].predictions || [])].flatMap((x) => x.result)
          .filter((r) => r.type === 'labels' && r.value.labels[0] !== 'CUE').map((r) => ({ label: r.value.labels[0], start: r.value.start, end: r.value.end }));
        eq(keysOf(results), all, 'Label Studio regions');
        eq((tasks[0].predictions || []).flatMap((x) => x.result).filter((r) => r.type === 'labels' && r.value.labels[0] !== 'CUE').length, predicted(), 'predictions hold the unreviewed spans');
      } else if (fmt === 'doccano') {
        const line = JSON.parse(text.trim().split('\n')[0]);
        const ents = line.entities.filter((e) => e.label !== 'CUE').map((e) => ({ label: e.label, start: e.start_offset, end: e.end_offset }));
        eq(keysOf(ents), all, 'doccano entities');
        eq(line.gloss.offset_unit, 'codepoint', 'unit stated');
      } else if (fmt === 'w3c') {
        const j = JSON.parse(text);
        const items = j.first?.items || j.items || (Array.isArray(j) ? j : []);
        const spans = items.map((it) => {
          const sel = [].concat(it.target.selector).find((s) => s.type === 'TextPositionSelector');
          const quote = [].concat(it.target.selector).find((s) => s.type === 'TextQuoteSelector');
          const a = gold.annotations.find((g) => g.start === sel.start && g.end === sel.end);
          assert(a && a.quote === quote.exact, `quote at ${sel.start}`);
          return { label: a.label, start: sel.start, end: sel.end };
        });
        assert(spans.length === all.length, `W3C annotations: ${spans.length} of ${all.length}`);
      } else if (fmt === 'spacy') {
        const line = JSON.parse(text.trim().split('\n')[0]);
        eq(keysOf(line.spans.sc), alive, 'spaCy span group');
      } else if (fmt === 'conll') {
        const bTags = (text.match(/\bB-(ACTOR|DATE|CLAIM)\b/g) || []).length;
        eq(bTags, alive.length, 'one B- tag per live span');
      } else if (fmt === 'timeml') {
        const body = text.slice(text.indexOf('<TEXT>'));
        assert(text.includes(`<DCT><TIMEX3`) || !gold.dct, 'the DCT');
        const timex = [...body.matchAll(/<TIMEX3[^>]*>([^<]*)<\/TIMEX3>/g)].map((m) => m[1]);
        const dates = live(gold.annotations).filter((a) => a.label === 'DATE').map((a) => a.quote);
        assert(timex.length > 0 && timex.every((t) => dates.includes(t.replace(/&amp;/g, '&'))), `TIMEX3 ${JSON.stringify(timex)} are dates ${JSON.stringify(dates)}`);
      }
      validate(dl.file);
    });
  }

  await step('brat: a zip of .txt, .ann and annotation.conf; the .ann holds every span', async () => {
    await openExport(page);
    await choose(page, 'brat');
    const dl = await exportNow(page, downloads);
    got.brat = dl;
    assert(dl.name.endsWith('-brat.zip'), dl.name);
    const listing = execFileSync('unzip', ['-l', dl.file], { encoding: 'utf8' });
    const z = unzip(dl.buf);
    const names = Object.keys(z).sort();
    eq(names, [`${gold.id}.ann`, `${gold.id}.txt`, 'annotation.conf'].sort(), 'entries');
    assert(names.every((n) => listing.includes(n)), 'unzip -l lists them');
    eq(z[`${gold.id}.txt`].toString('utf8'), gold.text, 'the text');
    const t = z[`${gold.id}.ann`].toString('utf8').split('\n').filter((x) => /^T\d+\t(ACTOR|DATE|CLAIM) /.test(x));
    eq(t.length, gold.annotations.length, 'T lines');
    const dir = path.join(downloads, 'brat-doc');
    execFileSync('unzip', ['-q', '-o', dl.file, '-d', dir]);
    validate(dir);
  });

  await step('the corpus: a zip of per-document gold JSON; JSON Lines one per document on request; brat one collection', async () => {
    const ids = await corpusIds(page);
    await openExport(page);
    await choose(page, 'gloss', 'corpus');
    assert(await page.$eval('#export-per-doc', (e) => e.checked && e.disabled), 'per-document is forced for gold JSON');
    let dl = await exportNow(page, downloads);
    eq(dl.name, 'corpus-gloss.zip', 'name');
    let z = unzip(dl.buf);
    eq(Object.keys(z).sort(), ids.map((i) => `${i}.gold.json`).sort(), 'one gold JSON per document');
    for (const [n, b] of Object.entries(z)) {
      const j = JSON.parse(b.toString('utf8'));
      eq(`${j.id}.gold.json`, n, 'id matches the name');
      assert(j.annotations.length > 0, `${n} has annotations`);
    }
    eq(keysOf(JSON.parse(z[`${gold.id}.gold.json`].toString('utf8')).annotations), keysOf(gold.annotations), 'the open one is the work on screen');
    assert(execFileSync('unzip', ['-l', dl.file], { encoding: 'utf8' }).includes(`${ids.length} files`), 'unzip -l agrees');

    await openExport(page);
    await choose(page, 'jsonl', 'corpus');
    dl = await exportNow(page, downloads);
    eq(dl.name, 'corpus.jsonl', 'one JSON Lines file by default');
    eq(dl.buf.toString('utf8').split('\n').filter((x) => x.trim()).length, ids.length, 'one line per document');
    validate(dl.file);
    await openExport(page);
    await choose(page, 'jsonl', 'corpus');
    await page.check('#export-per-doc');
    eq(await page.$eval('#export-target', (e) => e.textContent), 'corpus-jsonl.zip', 'announced zip');
    dl = await exportNow(page, downloads);
    z = unzip(dl.buf);
    eq(Object.keys(z).sort(), ids.map((i) => `${i}.jsonl`).sort(), 'one .jsonl per document');

    await openExport(page);
    await choose(page, 'brat', 'corpus');
    dl = await exportNow(page, downloads);
    z = unzip(dl.buf);
    eq(Object.keys(z).length, ids.length * 2 + 1, 'a .txt and an .ann per document, one annotation.conf');
  });

  const PASTED = '🎉 Party time: Barack Obama said on Monday that the plan would fail, officials said.';
  let pastedId = null;
  let cp = null;
  await step('doccano: code points by default, UTF-16 on request (stated in the dialog): offsets after an emoji differ by one', async () => {
    await page.keyboard.press('Escape');
    await page.click('#paste');
    await page.fill('#paste-text', PASTED);
    await page.fill('#paste-dct', '2025-09-19');
    await page.click('#paste-open');
    await page.waitForFunction((t) => document.getElementById('text')?.textContent.startsWith(t.slice(0, 10)), PASTED);
    await waitText(page);
    pastedId = await activeId(page);
    await openExport(page);
    await choose(page, 'doccano');
    const unit0 = await page.$eval('#export-offsets', (e) => e.textContent);
    assert(/code points/.test(unit0) && /emoji counts 1/.test(unit0), `stated: ${unit0}`);
    const a = await exportNow(page, downloads);
    cp = a;
    await openExport(page);
    await choose(page, 'doccano');
    await page.check('#export-utf16');
    const unit1 = await page.$eval('#export-offsets', (e) => e.textContent);
    assert(/UTF-16 code units: an emoji counts 2/.test(unit1), `stated: ${unit1}`);
    const b = await exportNow(page, downloads);
    got.doccano16 = b;
    const la = JSON.parse(a.buf.toString('utf8').trim());
    const lb = JSON.parse(b.buf.toString('utf8').trim());
    eq(lb.gloss.offset_unit, 'utf16', 'the file states its unit');
    assert(la.entities.length > 0, 'entities in the pasted text');
    eq(lb.entities.map((e) => [e.start_offset - 1, e.end_offset - 1]), la.entities.map((e) => [e.start_offset, e.end_offset]), 'every offset one more in UTF-16');
    const obama = la.entities.find((e) => [...PASTED].slice(e.start_offset, e.end_offset).join('').includes('Obama'));
    assert(obama, 'Barack Obama is an entity (code points index the text as Python does)');
    eq(PASTED.slice(lb.entities[la.entities.indexOf(obama)].start_offset, lb.entities[la.entities.indexOf(obama)].end_offset), [...PASTED].slice(obama.start_offset, obama.end_offset).join(''), 'UTF-16 offsets index the text as JavaScript does');
    validate(b.file);
  });

  // A file of a text the corpus has (same SHA-256) is that document, whatever its id: it opens
  // on it and never replaces reviewed work (see data-versions.spec.mjs); here the work is the
  // untouched predictions, so the download shows what the file brought.
  await step('a Label Studio file written by the export (another id, the same text) opens as that document with the same annotations', async () => {
    const tasks = JSON.parse(got.labelstudio.buf.toString('utf8'));
    tasks[0].data.gloss.id = 'imported-ls';
    const before = (await corpusIds(page)).length;
    await openFiles(page, [['imported.json', JSON.stringify(tasks)]]);
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, gold.id);
    await waitText(page);
    eq((await corpusIds(page)).length, before, 'no second copy of the document');
    const back = (await download(page, downloads)).json;
    eq(back.text, gold.text, 'text');
    eq(keysOf(back.annotations), keysOf(gold.annotations), 'annotations');
    eq(back.annotations.map((a) => a.status).sort(), gold.annotations.map((a) => a.status).sort(), 'statuses');
  });

  await step('a doccano UTF-16 file and a brat .txt + .ann opened together come back too', async () => {
    const line = JSON.parse(got.doccano16.buf.toString('utf8').trim());
    line.gloss.id = 'imported-doccano';
    await openFiles(page, [['emoji.jsonl', JSON.stringify(line) + '\n']]);
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, pastedId);
    await waitText(page);
    const back = (await download(page, downloads)).json;
    const orig = JSON.parse(cp.buf.toString('utf8').trim());
    eq(back.annotations.map((a) => [a.start, a.end]).sort(), orig.entities.filter((e) => e.label !== 'CUE').map((e) => [e.start_offset, e.end_offset]).sort(), 'code-point spans back from UTF-16');
    const z = unzip(got.brat.buf);
    // The seed's work was touched by the Label Studio file: a brat file that differs from it
    // is kept as a version (identical: nothing changes); either way it holds the spans.
    const versions = async () => page.$eval(`#corpus .doc[data-id="${gold.id}"]`, (b) => Number(b.dataset.versions));
    const v0 = await versions();
    await page.click('#banner .banner-close').catch(() => {});
    await openFiles(page, [['brat-copy.txt', z[`${gold.id}.txt`]], ['brat-copy.ann', z[`${gold.id}.ann`]]]);
    await page.waitForFunction(() => /nothing changed|kept as version|replace/.test(document.getElementById('banner')?.textContent || ''));
    const kept = (await versions()) > v0;
    const b = kept
      ? (await download(page, downloads, () => page.click(`#corpus .version[data-id="${gold.id}"]:last-child .version-download`))).json
      : (await download(page, downloads)).json;
    notes.push(`brat .txt + .ann of the seed: ${kept ? 'kept as a version' : 'the same as the work'}`);
    eq(keysOf(b.annotations), keysOf(gold.annotations), 'brat annotations');
  });

  await step('broken files of other formats are refused with one message naming the position; the work is untouched', async () => {
    const id = await activeId(page);
    const ids = await corpusIds(page);
    const before = (await download(page, downloads)).raw;
    const tasks = JSON.parse(got.labelstudio.buf.toString('utf8'));
    tasks[0].data.gloss.id = 'broken-ls';
    const r = [...(tasks[0].annotations || []), ...(tasks[0].predictions || [])].flatMap((x) => x.result).find((x) => x.type === 'labels');
    r.value.end = 999999;
    const cases = [
      ['broken.json', JSON.stringify(tasks), /Label Studio/],
      ['broken.tml', '<?xml version="1.0"?>\n<TimeML>\n<DOCID>b</DOCID>\n<TEXT>On <TIMEX3 tid="t1" type="DATE" value="2025-09">Monday <TIMEX3 tid="t2" type="DATE" value="2025-09-15">15</TIMEX3></TIMEX3> it rained.</TEXT>\n</TimeML>\n', /TimeML/],
      ['broken.conll', got.conll.buf.toString('utf8').replace(/B-ACTOR/, 'B-PLACE'), /CoNLL/],
    ];
    for (const [name, body, fmt] of cases) {
      await openFiles(page, [[name, body]]);
      await page.waitForSelector('#banner.error');
      const msg = await page.$eval('#banner .banner-text', (e) => e.textContent);
      assert(msg.includes(`could not open ${name}`) && fmt.test(msg), `message: ${msg}`);
      assert(/line \d+|task \d+|position|offset|character|result|\d+/i.test(msg), `names the position: ${msg}`);
      assert(msg.includes('unchanged'), `says the work is unchanged: ${msg}`);
      notes.push(`${name}: ${msg}`);
      await page.click('#banner .banner-close');
      eq(await activeId(page), id, 'the same document on screen');
      eq(await corpusIds(page), ids, 'the corpus unchanged');
    }
    const after = (await download(page, downloads)).raw;
    eq(after, before, 'the work on screen, byte for byte');
  });

  await step('the brat zip the export wrote opens as its collection; a compressed zip is refused in words', async () => {
    const versions = async () => page.$eval(`#corpus .doc[data-id="${gold.id}"]`, (b) => Number(b.dataset.versions));
    const v0 = await versions();
    await page.click('#banner .banner-close').catch(() => {});
    await openFiles(page, [[got.brat.name, got.brat.buf]]);
    await page.waitForFunction(() => /nothing changed|version \d|replace/.test(document.getElementById('banner')?.textContent || ''));
    // The seed's document: the same as its work (now on screen), or kept as a version of it.
    const kept = (await versions()) > v0 || /version \d+ already/.test(await page.textContent('#banner'));
    const b = kept
      ? (await download(page, downloads, () => page.click(`#corpus .version[data-id="${gold.id}"]:last-child .version-download`))).json
      : (await download(page, downloads)).json;
    if (!kept) eq(await activeId(page), gold.id, 'the seed on screen');
    eq(keysOf(b.annotations), keysOf(gold.annotations), 'brat annotations from the zip');
    const ids = await corpusIds(page);
    const deflated = Buffer.from(got.brat.buf);
    deflated.writeUInt16LE(8, 8);
    await openFiles(page, [['packed.zip', deflated]]);
    await page.waitForSelector('#banner.error');
    const msg = await page.$eval('#banner .banner-text', (e) => e.textContent);
    assert(msg.includes('could not open packed.zip') && /compressed/.test(msg), `message: ${msg}`);
    await page.click('#banner .banner-close');
    eq(await corpusIds(page), ids, 'the corpus unchanged');
  });

  await step('no console errors', async () => {
    eq(errors.filter((e) => !/favicon/.test(e)), [], 'console errors');
  });
  if (BIN) notes.push(`gloss validate (${BIN}) accepted: ${validated.join(', ')}`);
  else notes.push('no release gloss binary reading every format found: downloads not validated with the CLI');
});
