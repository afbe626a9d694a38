// End to end (issue 6, never lose work): documents are autosaved in IndexedDB (not
// localStorage) after every edit and come back after a reload; a second tab on the same
// corpus is detected and both tabs warn.
//
// Usage: scripts/build-web.sh && node tests/e2e/flow-tabs.spec.mjs
import { run, step, assert, eq, waitText, details, keyUntil, frame } from './flow-lib.mjs';

const idbKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const r = indexedDB.open('gloss');
  r.onerror = () => reject(r.error);
  r.onsuccess = () => {
    const q = r.result.transaction('docs').objectStore('docs').getAllKeys();
    q.onsuccess = () => { resolve(q.result); r.result.close(); };
    q.onerror = () => reject(q.error);
  };
}));

await run(async ({ page, context, base, errors }) => {
  let edited = null;
  await step('an edit is saved in IndexedDB, not in localStorage, and a reload restores it', async () => {
    await page.goto(base);
    await waitText(page);
    const d = await keyUntil(page, 'j', (d) => d.status === 'predicted');
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'rejected');
    edited = d.id;
    await page.waitForFunction(() => true);
    const keys = await idbKeys(page);
    assert(keys.some((k) => k.startsWith('000_')), `IndexedDB keys: ${keys}`);
    const ls = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gloss.doc.')));
    eq(ls, [], 'no document in localStorage');
    await page.reload();
    await waitText(page);
    await page.waitForFunction((id) => document.querySelector(`#text .r[data-ids~="${id}"]`), edited);
    await keyUntil(page, 'j', (d) => d.id === edited);
    eq((await details(page)).status, 'rejected', 'the edit after a reload');
  });

  await step('files opened together are all saved: after a reload each one opens with its work', async () => {
    await page.setInputFiles('#file-input', [
      { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('The ministry said on Monday that talks had failed.\n') },
      { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from('Rebels in Kidal denied the report on Tuesday.\n') },
    ]);
    await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('Rebels'));
    await frame(page);
    await page.reload();
    await waitText(page);
    await page.waitForFunction(() => document.querySelector('#corpus .doc[data-id="one"]'));
    await page.click('#corpus .doc[data-id="one"]');
    await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('The ministry'));
    const keys = await idbKeys(page);
    assert(keys.includes('one') && keys.includes('two'), `IndexedDB keys: ${keys}`);
  });

  await step('a second tab on the same corpus: both warn', async () => {
    const p2 = await context.newPage();
    await p2.goto(base);
    await waitText(p2);
    for (const p of [page, p2]) {
      await p.waitForFunction(() => /another tab/.test(document.getElementById('tab-warning')?.textContent || ''), null, { timeout: 5000 });
    }
    await p2.close();
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
