// End to end (issue 16, the identity registry): three seeds loaded, the identity of Mali is
// renamed everywhere from the panel (previewed, every mention in the three loaded seeds, the
// two seeds not loaded named and left as they are), checked in the downloaded corpus (every
// mention renamed, the registry's entry in each file's meta, the table identities.csv);
// a name differing only by case is warned, an empty one refused; a reload keeps it all;
// France is merged into it
// across documents; one undo reverts the merge in every document and another the rename.
//
// Usage: scripts/build-web.sh && node tests/e2e/identity-registry.spec.mjs
import { run, step, assert, eq, notes, waitText, download, frame } from './flow-lib.mjs';

const NEW = 'Republic of Mali';

async function downloadCorpus(page, downloads) {
  const got = await download(page, downloads, () => page.click('#download-corpus'));
  eq(got.name, 'corpus.jsonl', 'file name');
  return got.raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}
/** The live ACTORs named `name`, as `doc/id`. */
const named = (lines, name) => lines.flatMap((g) => g.annotations.filter((a) => a.label === 'ACTOR' && a.status !== 'rejected' && a.attributes.canonical === name).map((a) => `${g.id}/${a.id}`));
const banner = (page) => page.$eval('#banner', (b) => b.textContent).catch(() => '');
/** Selects an ACTOR of identity `name` in the document on screen. */
async function selectIdentity(page, name) {
  await page.keyboard.press('Escape');
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('j');
    await frame(page);
    if ((await page.$eval('#identity', (e) => e.dataset.canonical).catch(() => null)) === name) return;
  }
  throw new Error(`no mention of ${name} on screen`);
}

await run(async ({ page, base, downloads, errors }) => {
  let seeds = [];
  let before = null;
  await step('three seeds are loaded (visited with J), two are left unloaded', async () => {
    await page.goto(base);
    await waitText(page);
    seeds = await page.$$eval('#corpus .doc', (bs) => bs.map((b) => b.dataset.id));
    eq(seeds.length, 5, 'the five seeds');
    for (const i of [1, 2]) {
      await page.keyboard.press('J');
      await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, seeds[i]);
      await waitText(page);
    }
    await page.keyboard.press('K');
    await page.keyboard.press('K');
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, seeds[0]);
    await waitText(page);
    before = await downloadCorpus(page, downloads);
    const loaded = seeds.slice(0, 3);
    for (const id of loaded) assert(named(before.filter((g) => g.id === id), 'Mali').length > 0, `${id} mentions Mali`);
  });

  await step('the panel shows the identity across the loaded corpus and the canonical field completes from the registry', async () => {
    await selectIdentity(page, 'Mali');
    const docs = await page.$eval('#identity', (e) => Number(e.dataset.documents));
    eq(docs, 3, 'documents of Mali in the registry (the loaded ones)');
    const mentions = await page.$eval('#identity', (e) => Number(e.dataset.mentions));
    eq(mentions, named(before.slice(0, 3), 'Mali').length, 'mentions of Mali in the loaded documents');
    const list = await page.$eval('#edit-canonical', (i) => i.getAttribute('list'));
    const options = await page.$$eval(`#${list} option`, (os) => os.map((o) => o.value));
    assert(options.includes('Mali') && options.includes('France'), `datalist: ${options.join(', ')}`);
    assert(await page.$('#identity-unloaded'), 'the box says documents are not loaded');
  });

  await step('bad names: empty is refused, a case variant of another identity is warned', async () => {
    await page.fill('#rename-to', '   ');
    await page.press('#rename-to', 'Enter');
    await page.waitForFunction(() => /empty/.test(document.getElementById('banner')?.textContent || ''));
    assert(!(await page.$('#fix-preview')), 'no preview for an empty name');
    await page.fill('#rename-to', 'FRANCE');
    await page.press('#rename-to', 'Enter');
    await page.waitForSelector('#fix-preview');
    const b = await banner(page);
    assert(/only by case or accents/.test(b) && b.includes('France'), `warning: ${b}`);
    await page.click('#fix-cancel');
    await page.waitForSelector('#fix-preview', { state: 'detached' });
  });

  let plan = [];
  await step('rename Mali everywhere: previewed in the three loaded seeds, the two others named as not loaded', async () => {
    await selectIdentity(page, 'Mali');
    await page.fill('#rename-to', NEW);
    await page.click('#rename');
    await page.waitForSelector('#fix-preview');
    plan = await page.$$eval('#fix-preview li', (li) => li.map((l) => ({ doc: l.querySelector('.fix-tick').dataset.doc, what: l.querySelector('.fix-what').textContent })));
    const b = await banner(page);
    assert(/2 document\(s\) of the corpus are listed but not loaded/.test(b), `banner: ${b}`);
    const docs = new Set(plan.map((c) => c.doc));
    eq([...docs].sort(), seeds.slice(0, 3).sort(), 'documents in the preview');
    eq(plan.filter((c) => c.what.includes(`→ \u201c${NEW}\u201d`)).length, named(before.slice(0, 3), 'Mali').length, 'a change per mention');
    await page.click('#fix-apply');
    await page.waitForSelector('#fix-preview', { state: 'detached' });
    await page.waitForFunction((n) => document.getElementById('identity')?.dataset.canonical === n, NEW);
  });

  let renamed = null;
  await step('the downloaded corpus has every loaded mention renamed, the entry in each file, the unloaded seeds unchanged', async () => {
    renamed = await downloadCorpus(page, downloads);
    for (const g of renamed.slice(0, 3)) {
      eq(named([g], 'Mali'), [], `${g.id}: no mention left named Mali`);
      const was = named(before.filter((x) => x.id === g.id), 'Mali').map((s) => s.split('/')[1]);
      eq(named([g], NEW).map((s) => s.split('/')[1]), was, `${g.id}: the same mentions renamed`);
      const entry = (g.identities || []).find((i) => i.name === NEW);
      assert(entry && entry.kind && entry.aliases.length > 0, `${g.id}: registry entry ${JSON.stringify(g.identities)}`);
    }
    for (const g of renamed.slice(3)) {
      eq(named([g], NEW), [], `${g.id} (not loaded) is not changed`);
      assert(named([g], 'Mali').length > 0, `${g.id} keeps Mali`);
    }
    const csv = await download(page, downloads, () => page.click('#identities-csv'));
    eq(csv.name, 'identities.csv', 'table name');
    const lines = csv.raw.trim().split('\n');
    eq(lines[0], 'name,kind,aliases,documents,mentions', 'header');
    const row = lines.find((l) => l.startsWith(`${NEW},`));
    assert(row && row.endsWith(`,${named(renamed, NEW).length}`), `row: ${row}`);
    notes.push(`renamed ${named(renamed, NEW).length} mention(s) in 3 seeds; table row: ${row}`);
  });

  await step('a reload keeps the renamed identity, its registry entry and the undo history', async () => {
    await page.waitForTimeout(1500); // the autosave's pause
    await page.reload();
    await waitText(page);
    await selectIdentity(page, NEW);
    eq(await page.$eval('#identity', (e) => Number(e.dataset.documents)), 3, 'the three documents the history touches are loaded again');
    const g = (await download(page, downloads)).json;
    assert((g.identities || []).some((i) => i.name === NEW), `the entry after a reload: ${JSON.stringify(g.identities)}`);
    // The full save after the restore writes the declared entries too.
    await page.waitForFunction((n) => (JSON.parse(localStorage.getItem('gloss.registry') || '[]')).some((i) => i.name === n), NEW, { timeout: 10000 });
  });

  await step('merge France into it across documents; one undo reverts the merge everywhere, another the rename', async () => {
    const france = named(renamed.slice(0, 3), 'France');
    assert(france.length > 0, 'France in the loaded seeds');
    await selectIdentity(page, 'France');
    const label = await page.$$eval('#merge-into option', (os, n) => os.map((o) => o.textContent).find((t) => t.startsWith(`${n} (`)), NEW);
    assert(label, 'the renamed identity is in the merge list');
    await page.selectOption('#merge-into', { label });
    await page.click('#merge');
    await page.waitForSelector('#fix-preview');
    await page.click('#fix-apply');
    await page.waitForSelector('#fix-preview', { state: 'detached' });
    const merged = await downloadCorpus(page, downloads);
    eq(named(merged.slice(0, 3), 'France'), [], 'no France left in the loaded seeds');
    eq(named(merged, NEW).length, named(renamed, NEW).length + france.length, 'mentions of the merged identity');
    await page.keyboard.press('Control+z');
    await frame(page);
    const undone = await downloadCorpus(page, downloads);
    eq(named(undone, 'France').length, named(renamed, 'France').length, 'France is back in every document');
    await page.keyboard.press('Control+z');
    await frame(page);
    const back = await downloadCorpus(page, downloads);
    for (const [i, g] of back.entries()) eq(g.annotations, before[i].annotations, `${g.id}: annotations after the two undos`);
    assert(back.every((g) => !g.identities), 'the registry entries went with the undo');
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
