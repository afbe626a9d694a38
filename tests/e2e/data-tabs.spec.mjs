// End to end (issue 14, audit: two tabs overwrote each other). One tab at a time holds the
// corpus: a second page of the same browser opens read-only (it says so, and an edit there is
// refused with a message and changes nothing); it takes over, sees the first tab's edit, and
// the first tab becomes read-only in turn (its edits refused too); after a reload both tabs'
// edits are there: no edit is lost.
//
// Usage: scripts/build-web.sh && node tests/e2e/data-tabs.spec.mjs
import { run, step, assert, eq, waitText, details, keyUntil, frame } from './flow-lib.mjs';

const readOnly = (p) => p.waitForFunction(() => document.getElementById('tab-warning')?.dataset.readOnly === 'true', null, { timeout: 10000 });
const statusOf = async (p, id) => {
  await keyUntil(p, 'j', (d) => d.id === id);
  return (await details(p)).status;
};

await run(async ({ page, context, base, errors }) => {
  let first = null;
  let second = null;
  let p2 = null;
  await step('the first tab edits', async () => {
    await page.goto(base);
    await waitText(page);
    first = (await keyUntil(page, 'n', (d) => d.status === 'predicted')).id;
    await page.keyboard.press('a');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'accepted');
    assert(!(await page.$('#tab-warning[data-read-only]')), 'the first tab is not read-only');
  });

  await step('a second tab opens read-only and refuses an edit with a message', async () => {
    p2 = await context.newPage();
    p2.on('console', (m) => { if (m.type() === 'error') errors.push(`tab 2: ${m.text()}`); });
    await p2.goto(base);
    await waitText(p2);
    await readOnly(p2);
    const text = await p2.textContent('#tab-warning');
    assert(/another tab/.test(text) && /read-only/.test(text), `it says so: ${text}`);
    eq(await statusOf(p2, first), 'accepted', 'it shows the first tab\'s edit');
    second = (await keyUntil(p2, 'n', (d) => d.status === 'predicted')).id;
    await p2.keyboard.press('a');
    await p2.waitForFunction(() => /read-only/.test(document.querySelector('#banner.error')?.textContent || ''));
    eq((await details(p2)).status, 'predicted', 'the edit was refused');
    await page.waitForFunction(() => /another tab/.test(document.getElementById('tab-warning')?.textContent || ''));
  });

  await step('the second tab takes over: it edits, and the first one becomes read-only', async () => {
    await Promise.all([p2.waitForNavigation(), p2.click('#take-over')]);
    await waitText(p2);
    await p2.waitForFunction(() => !document.getElementById('tab-warning')?.dataset.readOnly);
    eq(await statusOf(p2, first), 'accepted', 'the first tab\'s edit is there');
    await keyUntil(p2, 'j', (d) => d.id === second);
    await p2.keyboard.press('r');
    await p2.waitForFunction(() => document.getElementById('details')?.dataset.status === 'rejected');
    await readOnly(page);
    await page.keyboard.press('Escape');
    await keyUntil(page, 'j', (d) => d.id === second);
    await page.keyboard.press('a');
    await page.waitForFunction(() => /read-only/.test(document.querySelector('#banner.error')?.textContent || ''));
    eq((await details(page)).status, 'predicted', 'the first tab\'s edit was refused');
  });

  await step('no edit is lost: after a reload both edits are there', async () => {
    await p2.waitForTimeout(1200);
    await p2.reload();
    await waitText(p2);
    eq(await statusOf(p2, first), 'accepted', 'the first tab\'s edit');
    eq(await statusOf(p2, second), 'rejected', 'the second tab\'s edit');
    await p2.close();
    await frame(page);
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
