// End to end (issue 14, item 4 and "nothing silently lost"): work saved by an earlier Gloss,
// before date values were checked, may hold a value that breaks TIMEX3 ("banana"). After the
// upgrade it must still open as it is (not be set aside as unreadable), with a notice naming
// the value to correct; correcting it in the panel makes the corpus download valid again.
//
// Usage: scripts/build-web.sh && node tests/e2e/data-old-values.spec.mjs
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, run, step, assert, eq, waitText, idbPut } from './flow-lib.mjs';

const ID = '002_529ec33e3dc1b67b';
const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', `${ID}.gold.json`), 'utf8'));
const date = gold.annotations.find((a) => a.label === 'DATE' && a.attributes.type === 'DATE');
date.attributes.value = 'banana';
const OLD = JSON.stringify(gold);

const put = (page, id, raw) => idbPut(page, 'docs', id, raw);

await run(async ({ page, base, downloads }) => {
  await step('work saved before values were checked is put in IndexedDB', async () => {
    await page.goto(base);
    await waitText(page);
    await page.waitForTimeout(500);
    await page.goto('about:blank');
    await page.goto(`${base}extract.html`);
    await put(page, ID, OLD);
  });

  await step('it opens as it is, with a notice naming the value, and is not set aside', async () => {
    await page.goto(base);
    await waitText(page);
    await page.click(`#corpus .doc[data-id="${ID}"]`);
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, ID);
    await page.waitForFunction(() => /banana/.test(document.getElementById('banner')?.textContent || ''));
    const banner = await page.textContent('#banner');
    assert(/break TIMEX3/.test(banner) && banner.includes(date.id), `banner: ${banner}`);
    eq(await page.$(`#corpus .unreadable[data-id="${ID}"]`), null, 'not kept apart as unreadable');
    const shown = await page.$$eval('#text .r', (rs) => new Set(rs.flatMap((r) => (r.dataset.ids || '').split(' '))).size);
    assert(shown >= gold.annotations.length - 1, `the saved annotations are shown (${shown})`);
  });

  await step('a download is refused in words until the value is corrected; the work stays', async () => {
    let downloaded = false;
    page.once('download', () => { downloaded = true; });
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => /not downloaded/.test(document.getElementById('banner')?.textContent || ''));
    const banner = await page.textContent('#banner');
    assert(banner.includes('banana') && /correct it/.test(banner), `banner: ${banner}`);
    await page.waitForTimeout(300);
    eq(downloaded, false, 'no file was written');
    eq(await page.$eval('#corpus .doc.active', (b) => b.dataset.id), ID, 'the document is still on screen');
  });
});
