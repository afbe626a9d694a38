// End to end (issue 14, item 2: opening a file never replaces newer work silently). Two
// predictions of seed 000 accepted, then an older brat export of the same document opened:
// the work on screen is unchanged, the file is kept as version 2 of the document (listed with
// its state), undo still works; a reload keeps the history and the version; the version
// becomes the work only when asked, undoably, and downloads as gold JSON; the same file again
// changes nothing; a text file with the same id and another text is a separate document.
//
// Usage: scripts/build-web.sh && node tests/e2e/data-versions.spec.mjs
import fs from 'node:fs';
import { run, step, assert, eq, waitText, download, keyUntil, frame, details, corpusRows, rowWords } from './flow-lib.mjs';

const SEED = '000_c000a84573ae1d4c';
const unreviewed = (words) => Number((words || '').match(/^(\d+) of/)?.[1]);

await run(async ({ page, base, downloads, errors }) => {
  let older = null;
  let before = null;
  const accepted = [];
  await step('an export of seed 000 as brat (the older file), then two predictions accepted', async () => {
    await page.goto(base);
    await waitText(page);
    await page.keyboard.press('E');
    await page.waitForSelector('#export-dialog');
    await page.selectOption('#export-format', 'brat');
    await page.selectOption('#export-scope', 'document');
    await frame(page);
    older = await download(page, downloads, () => page.click('#export-download'));
    assert(older.name.endsWith('.zip'), older.name);
    await page.waitForSelector('#export-dialog', { state: 'detached' });
    const start = unreviewed(await rowWords(page, '000'));
    for (let i = 0; i < 2; i++) {
      const d = await keyUntil(page, 'n', (d) => d.status === 'predicted');
      await page.keyboard.press('a');
      await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'accepted');
      accepted.push(d.id);
    }
    before = await rowWords(page, '000');
    eq(unreviewed(before), start - 2, `the list counts the accepts (${before})`);
  });

  await step('opening the older file: the work on screen is unchanged and the file is version 2', async () => {
    await page.setInputFiles('#file-input', older.file);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
    const rows = await corpusRows(page);
    eq(rows.find((r) => r.active)?.id, SEED, 'the same document on screen');
    eq(await rowWords(page, '000'), before, 'the same review state');
    const banner = await page.textContent('#banner');
    assert(/version 2/.test(banner) && /unchanged/.test(banner) && /\.zip|\.ann/.test(banner), `the page says so: ${banner}`);
    for (const id of accepted) {
      await page.keyboard.press('Escape');
      await keyUntil(page, 'j', (d) => d.id === id);
      eq((await details(page)).status, 'accepted', `${id} is still accepted`);
    }
    const v = await page.$eval(`#corpus .version[data-id="${SEED}"]`, (li) => ({ n: li.dataset.n, text: li.textContent }));
    eq(v.n, '2', 'version number');
    assert(/unreviewed/.test(v.text), `the version shows its state: ${v.text}`);
  });

  await step('undo is enabled and reverts the last accept; redo redoes it', async () => {
    assert(!(await page.$eval('#undo', (b) => b.disabled)), 'Undo is enabled');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((w) => document.querySelector('#corpus .doc.active .doc-state')?.textContent !== w, before);
    eq(unreviewed(await rowWords(page, '000')), unreviewed(before) + 1, 'one accept undone');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((w) => document.querySelector('#corpus .doc.active .doc-state')?.textContent === w, before);
  });

  await step('the same file again changes nothing', async () => {
    await page.setInputFiles('#file-input', older.file);
    await page.waitForFunction(() => /version 2 already/.test(document.getElementById('banner')?.textContent || ''));
    eq((await corpusRows(page)).find((r) => r.id === SEED).versions, 1, 'still one version');
  });

  await step('after a reload: the version, the history and the work are all there', async () => {
    await page.waitForTimeout(1200);
    await page.reload();
    await waitText(page);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
    eq(await rowWords(page, '000'), before, 'the work');
    await page.waitForFunction(() => !document.getElementById('undo').disabled);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((w) => document.querySelector('#corpus .doc.active .doc-state')?.textContent !== w, before);
    eq(unreviewed(await rowWords(page, '000')), unreviewed(before) + 1, 'undo after the reload reverts the last accept');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((w) => document.querySelector('#corpus .doc.active .doc-state')?.textContent === w, before);
  });

  await step('the version downloads as gold JSON, becomes the work when asked, and undo gives the work back', async () => {
    const got = await download(page, downloads, () => page.click(`#corpus .version[data-id="${SEED}"] .version-download`));
    eq(got.name, `${SEED}.v2.gold.json`, 'file name');
    assert(got.json && got.json.annotations.length > 0 && got.json.id === SEED, 'a gold file of the document');
    assert(accepted.every((id) => got.json.annotations.find((a) => a.id === id)?.status !== 'accepted'), 'the version is the older work');
    await page.click(`#corpus .version[data-id="${SEED}"] .version-use`);
    await page.waitForFunction(() => /version 2 is now the work/.test(document.getElementById('banner')?.textContent || ''));
    const used = await rowWords(page, '000');
    assert(used !== before, `the work changed: ${used}`);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((w) => document.querySelector('#corpus .doc.active .doc-state')?.textContent === w, before);
    for (const id of accepted) {
      await page.keyboard.press('Escape');
      await keyUntil(page, 'j', (d) => d.id === id);
      eq((await details(page)).status, 'accepted', `${id} is accepted again`);
    }
  });

  await step('a text file with the same id and another text opens as a separate document', async () => {
    const other = `${downloads}/${SEED}.txt`;
    fs.writeFileSync(other, 'A different article: officials in Niamey said on Monday that the border had reopened.\n');
    await page.setInputFiles('#file-input', other);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc.active`)?.dataset.id === `${id}~2`, SEED);
    const banner = await page.textContent('#banner');
    assert(/another text/.test(banner), `the page says so: ${banner}`);
    eq(await rowWords(page, SEED), before, 'the seed keeps its work');
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
