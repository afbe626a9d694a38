// A corpus of 1,000 documents (tests/e2e/corpus-lib.mjs: the seeds with their gold under 1,000
// ids) opened as one corpus.jsonl: its lines are read and checked, then the documents join, a
// chunk at a time each, with the progress shown ("reading 340 / 1000", then "loading 340 / 1000");
// a key pressed meanwhile is handled while the load still runs, and in the end all 1,000 are
// listed and loaded, the last one on screen.
import { run, step, assert, eq, waitText, notes } from './flow-lib.mjs';
import { corpusJsonl, copyId } from './corpus-lib.mjs';

const N = 1000;

await run(async ({ page, base, errors }) => {
  await page.goto(base);
  await waitText(page);
  const seeds = await page.$$eval('#corpus .doc', (bs) => bs.length);

  await step('a broken line 700 of 1,000 is refused with its line number, and nothing opens', async () => {
    const lines = corpusJsonl(N).split('\n');
    lines[699] = lines[699].replace('"sha256":"', '"sha256":"0');
    await page.setInputFiles('#file-input', { name: 'broken-corpus.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
    await page.waitForSelector('#banner.error', { timeout: 60000 });
    const msg = await page.$eval('#banner .banner-text', (e) => e.textContent);
    assert(/could not open broken-corpus\.jsonl/.test(msg) && /line 700/.test(msg) && /unchanged/.test(msg), `the message says: ${msg}`);
    await page.waitForSelector('#loading', { state: 'detached' });
    eq(await page.$$eval('#corpus .doc', (bs) => bs.length), seeds, 'documents listed');
    notes.push(`broken line: ${msg}`);
    await page.click('#banner .banner-close');
  });

  await step(`opening corpus.jsonl of ${N} documents shows the progress in words`, async () => {
    // Watch the page from inside: what the loading line said, and whether the help overlay
    // opened while a load was still under way (and how far it was).
    await page.evaluate(() => {
      window.__seen = { texts: [], helpAt: null };
      new MutationObserver(() => {
        const l = document.getElementById('loading');
        if (l && window.__seen.texts[window.__seen.texts.length - 1] !== l.textContent) window.__seen.texts.push(l.textContent);
        if (document.getElementById('help-overlay') && window.__seen.helpAt === null) {
          window.__seen.helpAt = l ? Number(l.dataset.done) : -1;
          window.__seen.helpWhile = l ? l.textContent : 'after the load';
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.setInputFiles('#file-input', { name: 'corpus.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(corpusJsonl(N)) });
    await page.waitForSelector('#loading', { timeout: 60000 });
    const l = await page.$eval('#loading', (e) => ({ done: Number(e.dataset.done), total: Number(e.dataset.total), text: e.textContent.trim() }));
    eq(l.total, N, 'documents in all');
    assert(l.done > 0 && l.done < N, `loaded so far: ${l.done}`);
    assert(new RegExp(`^(reading|loading) \\d+ / ${N}$`).test(l.text), `the progress says: ${l.text}`);
  });

  await step('a key pressed while it loads is handled before the load is over', async () => {
    await page.keyboard.press('?');
    await page.waitForSelector('#help-overlay', { timeout: 30000 });
    const at = await page.evaluate(() => window.__seen.helpAt);
    assert(at !== null && at >= 0 && at < N, `the help opened while ${at} of ${N} documents were loaded (-1: after the load)`);
    notes.push(`help opened at: ${await page.evaluate(() => window.__seen.helpWhile)}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help-overlay', { state: 'detached' });
  });

  await step(`all ${N} end up listed and loaded, the last one on screen`, async () => {
    await page.waitForSelector('#loading', { state: 'detached', timeout: 300000 });
    const texts = await page.evaluate(() => window.__seen.texts);
    for (const what of ['reading', 'loading']) {
      const nums = texts.filter((t) => t.startsWith(what)).map((t) => Number(t.split(' ')[1]));
      assert(nums.length >= 3, `the ${what} progress moved: ${texts.join(' | ')}`);
      assert(nums.every((n, i) => i === 0 || n > nums[i - 1]), `the ${what} progress only grows: ${nums.join(', ')}`);
    }
    const firstLoading = texts.findIndex((t) => t.startsWith('loading'));
    assert(texts.slice(firstLoading).every((t) => t.startsWith('loading')), `reading comes first, then loading: ${texts.join(' | ')}`);
    const docs = await page.$$eval('#corpus .doc', (bs) => bs.map((b) => ({ id: b.dataset.id, loaded: b.dataset.loaded, state: b.dataset.state })));
    eq(docs.length, seeds + N, 'documents listed (the seeds and the corpus)');
    const mine = docs.filter((d) => d.id.startsWith('corpus-'));
    eq(mine.map((d) => d.id), Array.from({ length: N }, (_, k) => copyId(k, N)), 'the corpus ids, in file order');
    eq(mine.filter((d) => d.loaded !== 'true').map((d) => d.id), [], 'documents not loaded');
    eq(mine.filter((d) => d.state !== 'gold').map((d) => d.id), [], 'documents not shown as gold');
    eq(await page.$eval('#corpus .doc.active', (b) => b.dataset.id), copyId(N - 1, N), 'the last one on screen');
    const banner = await page.$eval('#banner', (b) => b.textContent).catch(() => '');
    assert(new RegExp(`${N} document\\(s\\) opened from corpus\\.jsonl`).test(banner), `the notice says: ${banner}`);
    notes.push(`progress seen: ${texts.slice(0, 3).join(' | ')} ... ${texts[texts.length - 1]}`);
  });

  await step('the page logged no error', async () => {
    eq(errors, [], 'console errors');
  });
});
