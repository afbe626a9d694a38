// End to end (issue 6, the corpus): the five seeds are the first corpus; several .txt files
// open at once and join it; the list shows each document's state and switches (click, J/K);
// the corpus downloads as JSON Lines; fix everywhere previews every identical mention in the
// corpus with context, applies the ticked ones (one unticked stays as it was) and one undo
// reverts them all; a reload restores the corpus and the work; a full storage quota
// (simulated by a test hook) warns and offers a download instead of losing work silently.
//
// Usage: scripts/build-web.sh && node tests/e2e/flow-corpus.spec.mjs
import { run, step, assert, eq, notes, waitText, details, download, keyUntil, frame } from './flow-lib.mjs';

const NAME = 'Wagner Group';
const A = `Mercenaries of the ${NAME} left Mali on Friday, officials said.\nThe ${NAME} denied that it had lost men.\n`;
const B = `Residents said the ${NAME} had arrived in Bamako on Monday.\n`;

async function corpus(page) {
  return page.$$eval('#corpus .doc', (bs) => bs.map((b) => ({ id: b.dataset.id, state: b.dataset.state, active: b.classList.contains('active') })));
}
async function downloadCorpus(page, downloads) {
  const got = await download(page, downloads, () => page.click('#download-corpus'));
  eq(got.name, 'corpus.jsonl', 'file name');
  return got.raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}
const canonicals = (lines, name) => lines.flatMap((g) => g.annotations.filter((a) => a.label === 'ACTOR' && a.status !== 'rejected' && a.attributes.canonical === name).map((a) => `${g.id}/${a.id}`));

await run(async ({ page, base, downloads, errors }) => {
  await step('the seeds are the first corpus, the first one on screen', async () => {
    await page.goto(base);
    await waitText(page);
    const c = await corpus(page);
    eq(c.length, 5, 'documents');
    assert(c[0].active && c[0].state === 'review', `first: ${JSON.stringify(c[0])}`);
    assert(c.slice(1).every((d) => d.state === 'new'), 'the others are not opened yet');
  });

  await step('two .txt files open at once and join the corpus; the list switches documents (click, J, K)', async () => {
    await page.setInputFiles('#file-input', [
      { name: 'wagner-a.txt', mimeType: 'text/plain', buffer: Buffer.from(A) },
      { name: 'wagner-b.txt', mimeType: 'text/plain', buffer: Buffer.from(B) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('#corpus .doc').length === 7 && document.getElementById('text')?.textContent.startsWith('Residents'));
    const c = await corpus(page);
    eq(c.map((d) => d.id).slice(5), ['wagner-a', 'wagner-b'], 'new entries');
    assert(c[6].active, 'the last file is on screen');
    await page.click('#corpus .doc[data-id="wagner-a"]');
    await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('Mercenaries'));
    await page.keyboard.press('K');
    await page.waitForFunction(() => document.querySelector('#corpus .doc.active')?.dataset.id.startsWith('004'));
    await waitText(page);
    await page.keyboard.press('J');
    await page.waitForFunction(() => document.querySelector('#corpus .doc.active')?.dataset.id === 'wagner-a');
    eq((await corpus(page))[4].state, 'review', 'a visited seed shows its count');
  });

  let plan = null;
  await step('fix everywhere: a canonical name changed in one file reaches the other; one change unticked; one undo reverts all', async () => {
    await page.click('#corpus .doc[data-id="wagner-b"]');
    await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('Residents'));
    // The actor over the name: the extractor's, or one made here with the keyboard.
    let d = await keyUntil(page, 'j', (d) => d.label === 'ACTOR' && d.quote.includes('Wagner'), 20).catch(() => null);
    assert(d, `the extractor finds an actor in "${B.trim()}"`);
    if (d.quote !== NAME) notes.push(`the actor found is "${d.quote}"`);
    await page.keyboard.press('e');
    await page.keyboard.type('Wagner (PMC)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id !== 'edit-canonical');
    await frame(page);
    await page.keyboard.press('f');
    await page.waitForSelector('#fix-preview');
    plan = await page.$$eval('#fix-preview li', (li) => li.map((l) => ({ doc: l.querySelector('.fix-tick').dataset.doc, what: l.querySelector('.fix-what').textContent, ctx: l.querySelector('.fix-context').textContent })));
    assert(plan.length >= 2, `changes planned: ${JSON.stringify(plan)}`);
    // Identical words, or another mention of the identity the actor had ("Wagner", "Wagner’s").
    assert(plan.every((c) => c.ctx.includes(d.quote) || c.what.includes('(same identity)')), `each change shows its context: ${JSON.stringify(plan)}`);
    assert(plan.some((c) => c.doc === 'wagner-a'), 'the other file is in the plan');
    // Untick the last change.
    const off = plan.length - 1;
    await page.uncheck(`#fix-preview .fix-tick[data-i="${off}"]`);
    await page.click('#fix-apply');
    await page.waitForSelector('#fix-preview', { state: 'detached' });
    const lines = await downloadCorpus(page, downloads);
    eq(lines.length, 7, 'documents in the JSON Lines');
    const renamed = canonicals(lines, 'Wagner (PMC)');
    eq(renamed.length, plan.length, `actors named Wagner (PMC): the model and ${plan.length - 1} ticked change(s) (${renamed.join(' ')})`);
    notes.push(`fix everywhere: ${plan.map((c) => `${c.doc}: ${c.what}`).join('; ')}`);
    await page.keyboard.press('Control+z');
    await frame(page);
    const back = await downloadCorpus(page, downloads);
    eq(canonicals(back, 'Wagner (PMC)').length, 1, 'after one undo only the model keeps the new name');
  });

  await step('a reload restores the corpus list and the work', async () => {
    const before = await corpus(page);
    await page.reload();
    await waitText(page);
    await page.waitForFunction((n) => document.querySelectorAll('#corpus .doc').length === n, before.length);
    const after = await corpus(page);
    eq(after.map((d) => d.id), before.map((d) => d.id), 'the same documents');
    eq(after.find((d) => d.active)?.id, 'wagner-b', 'the same document on screen');
    await page.click('#corpus .doc[data-id="wagner-a"]');
    await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('Mercenaries'));
  });

  await step('a full quota warns and offers a download; nothing is lost', async () => {
    await page.evaluate(() => { window.__glossQuotaFull = true; });
    const d = await keyUntil(page, 'j', (d) => d.status === 'predicted', 30);
    await page.keyboard.press('a');
    await page.waitForSelector('#banner.error #banner-download');
    const text = await page.textContent('#banner');
    assert(/storage is full/.test(text), `warning: ${text}`);
    const got = await download(page, downloads, () => page.click('#banner-download'));
    eq(got.json.annotations.find((a) => a.id === d.id)?.status, 'accepted', 'the edit is in the download');
    await page.evaluate(() => { window.__glossQuotaFull = false; });
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
