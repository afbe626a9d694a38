// End to end (issue 16, search across the corpus): `/` opens the search panel; the listed
// seeds not loaded are counted and loaded from it; a word's results match its whole-word
// occurrences in the seed texts (counted here independently); the keyboard moves through the
// results and Enter opens one in its document with its words selected; "apply to all results"
// makes every hit an ACTOR of one identity through the fix-everywhere preview, and one undo
// reverts it in every document; an invalid regular expression says so.
//
// Usage: scripts/build-web.sh && node tests/e2e/search.spec.mjs
import fs from 'node:fs';
import path from 'node:path';
import { run, step, assert, eq, notes, waitText, frame, ROOT } from './flow-lib.mjs';

/** Whole-word occurrences of `word` (case ignored) in the seed texts, by splitting on non-letters. */
function countInSeeds(word) {
  const dir = path.join(ROOT, 'seeds');
  let n = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n');
    n += text.split(/[^\p{L}\p{N}_]+/u).filter((t) => t.toLowerCase() === word.toLowerCase()).length;
  }
  return n;
}
async function summary(page) {
  return page.$eval('#search-summary', (p) => p.textContent).catch(() => null);
}
async function typeQuery(page, text) {
  await page.fill('#search-query', text);
  await frame(page);
}
async function openSearch(page) {
  await page.click('#text');
  await page.keyboard.press('/');
  await page.waitForSelector('#search');
  await page.waitForFunction(() => document.activeElement?.id === 'search-query');
}
const current = (page) => page.$eval('#search-results .search-hit.current', (li) => ({ doc: li.dataset.doc, start: +li.dataset.start, end: +li.dataset.end, i: [...li.parentNode.children].indexOf(li) }));

await run(async ({ page, base, errors }) => {
  await step('/ opens the search panel with the query field focused; listed seeds not loaded are counted and load from it', async () => {
    await page.goto(base);
    await waitText(page);
    await openSearch(page);
    const unloaded = await page.$eval('#search-unloaded', (p) => p.textContent);
    assert(unloaded.startsWith('4 listed document(s) not loaded'), unloaded);
    await page.click('#search-load-all');
    await page.waitForSelector('#search-unloaded', { state: 'detached', timeout: 20000 });
  });

  const word = 'Mali';
  const expected = countInSeeds(word);
  await step(`a word's results match its whole-word occurrences in the five seed texts (${expected})`, async () => {
    assert(expected > 20, `the seeds name ${word} often: ${expected}`);
    await typeQuery(page, word);
    await page.waitForFunction((n) => document.getElementById('search-summary')?.textContent.startsWith(`${n} result(s) in 5 of 5`), expected);
    const shown = await page.$$eval('#search-results .search-hit mark', (m) => m.map((x) => x.textContent));
    eq(shown.length, expected, 'rows');
    assert(shown.every((m) => m.toLowerCase() === 'mali'), `each row marks the word: ${shown.filter((m) => m.toLowerCase() !== 'mali')}`);
    // Case kept: "mali" in lower case is nowhere.
    await typeQuery(page, 'mali');
    await page.check('#search-case');
    await page.waitForFunction(() => document.getElementById('search-summary')?.textContent.startsWith('0 result(s)'));
    await page.uncheck('#search-case');
    await page.waitForFunction((n) => document.getElementById('search-summary')?.textContent.startsWith(`${n} result(s)`), expected);
    notes.push(`search: ${await summary(page)}`);
  });

  await step('arrows and j / k move through the results; Enter opens the current one in its document, its words selected', async () => {
    await page.focus('#search-query');
    const first = await current(page);
    eq(first.i, 0, 'the first result is current');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    eq((await current(page)).i, 1, 'down, down, up');
    await page.focus('#search-results');
    // Move to a result in another document than the one on screen.
    const onScreen = await page.$eval('#corpus .doc.active', (b) => b.dataset.id);
    let cur = await current(page);
    for (let i = 0; i < 200 && cur.doc === onScreen; i++) {
      await page.keyboard.press('j');
      await frame(page);
      cur = await current(page);
    }
    assert(cur.doc !== onScreen, 'a result in another document');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    eq((await current(page)).i, cur.i, 'k then j comes back');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, cur.doc);
    // The hit is selected: the annotation exactly on it, or its words waiting for a label.
    await page.waitForFunction(() => {
      const d = document.getElementById('details');
      const pending = document.querySelector('#text .r.pending');
      return (d && document.getElementById('quote')?.textContent === 'Mali') || (pending && pending.textContent.includes('Mali'));
    });
    assert(await page.$('#search'), 'the panel stays open beside the text');
  });

  await step('apply to all results: every "Yann Vezilier" an ACTOR of one identity in one step, then one undo reverts it', async () => {
    await page.selectOption('#search-mode', 'phrase');
    await typeQuery(page, 'Yann Vezilier');
    await page.waitForFunction(() => /^\d+ result\(s\)/.test(document.getElementById('search-summary')?.textContent || ''));
    const hits = parseInt(await summary(page), 10);
    assert(hits >= 3, `the seeds name him several times: ${hits}`);
    await page.fill('#search-apply-name', 'Ambassador Vezilier');
    await page.selectOption('#search-apply-kind', 'person');
    await page.click('#search-apply-identity');
    await page.waitForSelector('#fix-preview');
    const plan = await page.$$eval('#fix-preview li', (li) => li.map((l) => ({ doc: l.querySelector('.fix-tick').dataset.doc, what: l.querySelector('.fix-what').textContent })));
    assert(plan.length > 0 && plan.length <= hits, `${plan.length} change(s) for ${hits} result(s)`);
    assert(new Set(plan.map((c) => c.doc)).size >= 3, `in three documents or more: ${JSON.stringify(plan)}`);
    await page.click('#fix-apply');
    await page.waitForSelector('#fix-preview', { state: 'detached' });
    // The identity now has one ACTOR a change: searched as annotations.
    await typeQuery(page, '');
    await page.click('.search-filters summary');
    await page.selectOption('#search-label', 'ACTOR');
    await page.fill('#search-identity', 'ambassador vezilier');
    await page.press('#search-identity', 'Tab');
    await page.waitForFunction((n) => document.getElementById('search-summary')?.textContent.startsWith(`${n} annotation(s)`), plan.length);
    notes.push(`apply to all: ${plan.length} change(s): ${plan.map((c) => `${c.doc}: ${c.what}`).slice(0, 3).join('; ')}…`);
    // One undo (Ctrl+Z reaches the page from the panel's list) reverts every document.
    await page.focus('#search-results');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('search-summary')?.textContent.startsWith('0 annotation(s)'));
    await page.keyboard.press('Control+y');
    await page.waitForFunction((n) => document.getElementById('search-summary')?.textContent.startsWith(`${n} annotation(s)`), plan.length);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('search-summary')?.textContent.startsWith('0 annotation(s)'));
  });

  await step('an invalid regular expression says so, in words; Esc closes the panel', async () => {
    await page.selectOption('#search-label', '');
    await page.fill('#search-identity', '');
    await page.press('#search-identity', 'Tab');
    await page.selectOption('#search-mode', 'regex');
    await typeQuery(page, '(Mali');
    const msg = await page.waitForSelector('#search-error').then((e) => e.textContent());
    eq(msg, 'invalid pattern \u201c(Mali\u201d: found open group without closing \')\'', 'message');
    await typeQuery(page, 'Mali(\u2019s)?');
    await page.waitForSelector('#search-summary');
    await page.focus('#search-query');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#search', { state: 'detached' });
    eq(errors, [], 'console errors');
  });
});
