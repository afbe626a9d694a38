// End to end (issue 14, audit: unreadable saved work was deleted). A saved record that no
// longer parses (here: one a "newer version" wrote, and one cut short) is kept, byte for byte,
// after a reload: the page says so, lists it with a download of the very record, the rest of
// the corpus works (the seed opens fresh and edits are saved), and it goes only when the user
// discards it.
//
// Usage: scripts/build-web.sh && node tests/e2e/data-broken.spec.mjs
import fs from 'node:fs';
import { run, step, assert, eq, waitText, keyUntil, idbRecords, idbPut } from './flow-lib.mjs';

/** Clicks `selector` and returns the download's name and raw text (not parsed). */
async function download(page, dir, how) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), how()]);
  const file = `${dir}/${Date.now()}-${dl.suggestedFilename()}`;
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), raw: fs.readFileSync(file, 'utf8') };
}

const SEED = '000_c000a84573ae1d4c';
const OTHER = '001_45faedf3a959a4bf';
const NEWER = JSON.stringify({ format: 'gloss-gold', version: 99, id: SEED, text: 'from a newer Gloss' });
const CUT = '{"format": "gloss-gold", "version": 1, "id": "001_45faedf3a959a4bf", "text": "cut sh';

const put = (page, id, raw) => idbPut(page, 'docs', id, raw);

await run(async ({ page, base, downloads, errors }) => {
  await step('broken records are put in IndexedDB (the open seed and another one)', async () => {
    await page.goto(base);
    await waitText(page);
    await page.waitForTimeout(500);
    // The page must not write over them before the reload: stop it first.
    await page.goto('about:blank');
    await page.goto(`${base}extract.html`);
    await put(page, SEED, NEWER);
    await put(page, OTHER, CUT);
  });

  await step('after a reload the page says so, keeps the records and the corpus works', async () => {
    await page.goto(base);
    await waitText(page);
    await page.waitForSelector(`#corpus .unreadable[data-id="${SEED}"]`);
    const banner = await page.textContent('#banner');
    assert(/could not be read/.test(banner) && /kept apart/.test(banner), `banner: ${banner}`);
    const kept = Object.fromEntries(await idbRecords(page, 'kept'));
    eq(kept[SEED]?.[1], NEWER, 'the record is kept byte for byte');
    const d = await keyUntil(page, 'n', (d) => d.status === 'predicted');
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'rejected');
    await page.waitForTimeout(1200);
    const docs = Object.fromEntries(await idbRecords(page, 'docs'));
    assert(JSON.parse(docs[SEED][1]).annotations.find((a) => a.id === d.id)?.status === 'rejected', 'new work is saved');
    eq(Object.fromEntries(await idbRecords(page, 'kept'))[SEED]?.[1], NEWER, 'and the kept record is untouched');
  });

  await step('a download of the kept record is offered and gives it byte for byte', async () => {
    const got = await download(page, downloads, () => page.click(`#corpus .unreadable[data-id="${SEED}"] .kept-download`));
    eq(got.raw, NEWER, 'the downloaded record');
    eq(got.name, `${SEED}.unreadable.json`, 'name');
  });

  await step('the other broken record is kept when its document is opened; the seed opens fresh', async () => {
    await page.click(`#corpus .doc[data-id="${OTHER}"]`);
    await page.waitForSelector(`#corpus .unreadable[data-id="${OTHER}"]`);
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, OTHER);
    await waitText(page);
    eq(Object.fromEntries(await idbRecords(page, 'kept'))[OTHER]?.[1], CUT, 'kept byte for byte');
    const got = await download(page, downloads, () => page.click(`#corpus .unreadable[data-id="${OTHER}"] .kept-download`));
    eq(got.raw, CUT, 'downloaded');
  });

  await step('after another reload the kept records are still offered; a discard (confirmed) removes one', async () => {
    await page.reload();
    await waitText(page);
    await page.waitForSelector(`#corpus .unreadable[data-id="${SEED}"]`);
    page.once('dialog', (d) => d.accept());
    await page.click(`#corpus .unreadable[data-id="${SEED}"] .kept-discard`);
    await page.waitForSelector(`#corpus .unreadable[data-id="${SEED}"]`, { state: 'detached' });
    const kept = Object.fromEntries(await idbRecords(page, 'kept'));
    assert(!kept[SEED] && kept[OTHER], `kept: ${Object.keys(kept)}`);
    await page.keyboard.press('Escape');
    const d = await keyUntil(page, 'j', (d) => !!d.id, 5);
    assert(d.id && d.status, 'the page still works: an annotation is selected with j');
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
