// End to end (issue 14, item 6: state that looks lost). After a reload the corpus list shows
// each document's saved state (review counts, gold) from storage, without opening each one:
// a seed partly reviewed, a seed reviewed to the end and marked gold, a seed opened and left,
// and the two never opened ("not opened yet").
//
// Usage: scripts/build-web.sh && node tests/e2e/data-states.spec.mjs
import { run, step, assert, eq, waitText, keyUntil, frame, corpusRows } from './flow-lib.mjs';

const open = async (page, prefix) => {
  await page.click(`#corpus .doc[data-id^="${prefix}"]`);
  await page.waitForFunction((p) => document.querySelector('#corpus .doc.active')?.dataset.id.startsWith(p), prefix);
  await waitText(page);
};

await run(async ({ page, base, errors }) => {
  let before = null;
  await step('seed 000 partly reviewed, seed 001 reviewed and marked gold, seed 002 opened', async () => {
    await page.goto(base);
    await waitText(page);
    for (let i = 0; i < 3; i++) {
      await keyUntil(page, 'n', (d) => d.status === 'predicted');
      await page.keyboard.press('a');
      await frame(page);
    }
    await open(page, '001');
    await keyUntil(page, 'n', (d) => d.status === 'predicted');
    for (let i = 0; i < 200; i++) {
      const s = await page.$eval('#corpus .doc.active', (b) => b.dataset.state);
      if (s !== 'review') break;
      await page.keyboard.press('A');
      await frame(page);
    }
    await page.keyboard.press('g');
    await page.waitForFunction(() => document.querySelector('#corpus .doc.active')?.dataset.state === 'gold');
    await open(page, '002');
    before = await corpusRows(page);
    eq(before.map((r) => r.state), ['review', 'gold', 'review', 'new', 'new'], 'states before the reload');
  });

  await step('after a reload every document shows its saved state, without being opened', async () => {
    await page.waitForTimeout(1200);
    await page.reload();
    await waitText(page);
    const after = await corpusRows(page);
    eq(after.map((r) => [r.id, r.state, r.words]), before.map((r) => [r.id, r.state, r.words]), 'the same states and counts');
    eq(after.find((r) => r.active)?.id.slice(0, 3), '002', 'the last document is on screen');
    const notOpened = after.filter((r) => r.words === 'not opened yet').map((r) => r.id.slice(0, 3));
    eq(notOpened, ['003', '004'], 'only the documents never opened read "not opened yet"');
    assert(/of \d+ unreviewed/.test(after[0].words), `000: ${after[0].words}`);
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
