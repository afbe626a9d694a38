// End to end on the built dist/: a text pasted without a DCT takes the date of its dateline
// ("PARIS, Sept. 19, 2025 (Reuters) - ..."), says so in the banner, resolves its relative
// dates against it, and Ctrl+Z takes the step back; a text without a dateline stays without a
// DCT. Plain node script: exit code 1 on any failure; the last line is `N passed, N failed`.
//
// Usage: scripts/build-web.sh && node tests/e2e/dateline.spec.mjs
import { run, step, assert, eq, pasteText } from './flow-lib.mjs';

const paste = (page, text) => pasteText(page, text, '');

const dct = (page) => page.$eval('#dct', (el) => el.value);
const banner = (page) => page.evaluate(() => document.querySelector('#banner .banner-text')?.textContent || '');

await run(async ({ page, base, errors }) => {
  await page.goto(base);
  await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });

  await step('a dateline gives a text without a DCT its date, said in the banner', async () => {
    await paste(page, 'Talks resume 🙂\nPARIS, Sept. 19, 2025 (Reuters) - France said last Sunday that its envoy was held in Bamako.\n');
    eq(await dct(page), '2025-09-19', 'the DCT field');
    const said = await banner(page);
    assert(said.includes('read from the dateline') && said.includes('Sept. 19, 2025'), `banner: ${said}`);
  });

  await step('relative dates are resolved against it', async () => {
    const run = await page.evaluateHandle(() => [...document.querySelectorAll('#text .r.date[data-ids]')].find((r) => r.textContent === 'last Sunday'));
    assert(await run.evaluate((r) => !!r), 'a DATE run "last Sunday"');
    await run.click();
    await page.waitForFunction(() => document.getElementById('details')?.dataset.label === 'DATE', null, { timeout: 10000 });
    const values = await page.evaluate(() => [...document.querySelectorAll('#details input, #details code')].map((e) => e.value || e.textContent));
    assert(values.includes('2025-09-14'), `last Sunday of Friday 2025-09-19 is 2025-09-14: ${JSON.stringify(values)}`);
  });

  await step('Ctrl+Z takes back the predictions, then the DCT', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('dct')?.value === '', null, { timeout: 10000 });
  });

  await step('a text without a dateline stays without a DCT', async () => {
    await paste(page, 'Mali said on Sunday that talks with France would resume.\n');
    eq(await dct(page), '', 'the DCT field');
  });

  await step('no console errors', async () => eq(errors, [], 'errors'));
});
