// End to end on the built dist/: the project lexicon learns from the annotator's decisions.
// A name added by hand in one pasted article is predicted in the next (rule "lexicon"), and so
// is a claim whose cue word a claim made by hand taught; words rejected are no longer predicted, the lexicon view (W) lists both, forgetting an entry is
// undone by Ctrl+Z, the lexicon downloads as a gloss-lexicon file, a lexicon file imports, and
// a seed opened afterwards is predicted with the lexicon, and what was imported is still
// there after a reload. Plain node script: exit code 1 on any
// failure; the last line is `N passed, N failed`.
//
// Usage: scripts/build-web.sh && node tests/e2e/lexicon.spec.mjs
import { run, step, assert, eq, download, pasteText } from './flow-lib.mjs';

const paste = (page, text) => pasteText(page, text);

/** The runs of the text showing `words` with `cls` (e.g. "actor"), as their ids. */
const runs = (page, words, cls) => page.evaluate(([w, c]) => [...document.querySelectorAll(`#text .r.${c}[data-ids]`)]
  .filter((r) => r.textContent === w).map((r) => r.dataset.ids), [words, cls]);

const listed = (page, id) => page.evaluate((i) => [...document.querySelectorAll(`#${i} li`)].map((li) => li.textContent), id);

/** Selects `words` in the first unannotated run of the text that holds them, as a drag would. */
const selectWords = (page, words) => page.evaluate((w) => {
  const run = [...document.querySelectorAll('#text .r')].find((x) => x.textContent.includes(w));
  const t = run.firstChild, i = t.data.indexOf(w);
  const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + w.length);
  getSelection().removeAllRanges(); getSelection().addRange(range);
  document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
}, words);

async function openView(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('W');
  await page.waitForSelector('#lexicon-view');
}

await run(async ({ page, base, downloads, errors }) => {
  await page.goto(base);
  await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });

  await step('a name added by hand and a prediction rejected are decisions the lexicon lists', async () => {
    await paste(page, 'Talks on the Zorblax plan went on 🙂.\nAFP said on Monday that the envoy had been arrested.\n');
    eq(await runs(page, 'Zorblax', 'actor'), [], 'the extractor alone does not find the made-up name');
    await page.evaluate(() => {
      const run = [...document.querySelectorAll('#text .r:not([data-ids])')].find((x) => x.textContent.includes('Zorblax'));
      const t = run.firstChild, i = t.data.indexOf('Zorblax');
      const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + 7);
      getSelection().removeAllRanges(); getSelection().addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await page.waitForSelector('#text .r.pending');
    await page.keyboard.press('1');
    await page.waitForFunction(() => [...document.querySelectorAll('#text .r.actor[data-ids]')].some((r) => r.textContent === 'Zorblax'));
    await page.keyboard.press('Escape');
    // A news agency: the project (say) does not annotate agencies. (A state would teach
    // nothing by its rejection: it is an actor only where it acts.)
    const afp = (await runs(page, 'AFP', 'actor'))[0];
    assert(afp, 'the agency is predicted');
    await page.click(`#text .r.actor[data-ids="${afp}"]`);
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, afp.split(' ')[0]);
    await page.keyboard.press('r');
    await page.waitForFunction(() => !!document.querySelector('#text .r.rejected[data-ids]'));
    await openView(page);
    const items = await listed(page, 'lexicon-list');
    assert(items.some((t) => t.includes('actor \u201cZorblax\u201d')), `the name: ${JSON.stringify(items)}`);
    assert(items.some((t) => t.includes('not an actor: \u201cAFP\u201d')), `the rejection: ${JSON.stringify(items)}`);
  });

  await step('a claim made by hand teaches its cue word', async () => {
    await page.keyboard.press('Escape');
    await paste(page, 'The minister harrumphed that the old plan had failed.\n');
    eq(await page.$$eval('#text .r.claim[data-ids]', (rs) => rs.length), 0, 'no claim: "harrumphed" is no cue of the extractor');
    await selectWords(page, 'the old plan had failed');
    await page.waitForSelector('#text .r.pending');
    await page.keyboard.press('3');
    await page.waitForFunction(() => [...document.querySelectorAll('#text .r.claim[data-ids]')].some((r) => r.textContent.includes('old plan')));
    await selectWords(page, 'harrumphed');
    await page.keyboard.press('c');
    await openView(page);
    await page.waitForFunction(() => [...document.querySelectorAll('#lexicon-list li')].some((li) => li.textContent.includes('cue word \u201charrumphed\u201d')));
  });

  await step('forgetting an entry is one step Ctrl+Z takes back', async () => {
    await page.evaluate(() => [...document.querySelectorAll('#lexicon-list li')].find((li) => li.textContent.includes('Zorblax')).querySelector('button').click());
    await page.waitForFunction(() => [...document.querySelectorAll('#lexicon-forgotten li')].some((li) => li.textContent.includes('Zorblax')));
    assert(!(await listed(page, 'lexicon-list')).some((t) => t.includes('Zorblax')), 'left out of the lexicon');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('lexicon-view'));
    await page.keyboard.press('Control+z');
    await openView(page);
    assert((await listed(page, 'lexicon-list')).some((t) => t.includes('Zorblax')), 'back after Ctrl+Z');
    assert(!(await page.$('#lexicon-forgotten')), 'nothing forgotten any more');
  });

  await step('the lexicon downloads as a gloss-lexicon file', async () => {
    const got = await download(page, downloads, () => page.click('#lexicon-download'));
    eq(got.name, 'project.gloss-lexicon.json', 'file name');
    const lex = JSON.parse(got.raw);
    eq([lex.format, lex.version], ['gloss-lexicon', 1], 'format');
    eq(lex.actors.Zorblax?.accepted, 1, 'the name learned once');
    eq(lex.rejected.ACTOR?.AFP, 1, 'the rejection');
    eq(lex.cues?.harrumphed?.accepted, 1, 'the cue word');
  });

  await step('a lexicon file imports, and a broken one is refused in words', async () => {
    const file = { format: 'gloss-lexicon', version: 1, actors: {}, rejected: { DATE: { monday: 2 } }, renamed: {}, dates: {} };
    await page.setInputFiles('#lexicon-file', { name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => [...document.querySelectorAll('#lexicon-list li')].some((li) => li.textContent.includes('not a date: \u201cmonday\u201d')));
    const bad = { ...file, version: 7 };
    await page.setInputFiles('#lexicon-file', { name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.waitForFunction(() => (document.querySelector('#banner .banner-text')?.textContent || '').includes('could not import old.json'));
    const said = await page.$eval('#banner .banner-text', (e) => e.textContent);
    assert(said.includes('version 7'), `the reason: ${said}`);
  });

  await step('the next article is predicted with what was learned (rule "lexicon")', async () => {
    await page.keyboard.press('Escape');
    await paste(page, 'Envoys discussed the Zorblax plan in Niamey.\nAFP said on Monday that talks would resume.\nThe minister harrumphed that the talks had stalled again.\n');
    const json = (await download(page, downloads)).json;
    const z = json.annotations.filter((a) => a.quote === 'Zorblax');
    eq(z.map((a) => [a.label, a.provenance.rule, a.attributes.canonical]), [['ACTOR', 'lexicon', 'Zorblax']], 'the learned name');
    eq(json.annotations.filter((a) => a.quote === 'AFP' && a.label === 'ACTOR'), [], 'the rejected surface');
    eq(json.annotations.filter((a) => a.quote === 'Monday' && a.label === 'DATE'), [], 'the imported DATE rejection');
    const harrumphed = json.annotations.filter((a) => a.label === 'CLAIM' && a.attributes.cue?.text === 'harrumphed');
    eq(harrumphed.map((a) => [a.quote, a.provenance.rule]), [['the talks had stalled again', 'lexicon']], 'the learned cue word');
  });

  await step('a seed opened afterwards takes the lexicon too (its shipped predictions are replaced)', async () => {
    await page.click('#corpus .doc[data-id^="003_"]');
    await page.waitForFunction(() => document.getElementById('text')?.textContent.includes('AFP') && !document.getElementById('extracting'), null, { timeout: 60000 });
    await page.waitForFunction(() => ![...document.querySelectorAll('#text .r.actor[data-ids]')].some((r) => r.textContent === 'AFP'), null, { timeout: 30000 });
    assert((await runs(page, 'Mali', 'actor')).length > 0, 'other actors stay');
  });

  await step('imported entries are still there after a reload', async () => {
    await page.reload();
    await page.waitForSelector('#text .r[data-ids]', { timeout: 30000 });
    await openView(page);
    assert((await listed(page, 'lexicon-list')).some((t) => t.includes('not a date: \u201cmonday\u201d')), 'kept with the corpus');
  });

  await step('no console errors', async () => eq(errors, [], 'errors'));
});
