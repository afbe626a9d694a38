// End to end (issue 14, items 3, 4 and 5): the DCT field applies a date only when it is
// confirmed (Enter, or leaving it with a whole YYYY-MM-DD date), digits typed there never
// reach the shortcuts, Esc or leaving it with an unfinished date keeps the old DCT; invalid
// TIMEX3 values are refused in the editor with the reason and the old value kept; every
// attribute of an actor, a date and a claim is edited with the keyboard only, downloaded
// with Ctrl+S, and found in the gold JSON with the annotator as `provenance.edited_by`.
//
// Usage: scripts/build-web.sh && node tests/e2e/edit-attributes.spec.mjs
import { run, step, assert, eq, notes, waitText, details, download, keyUntil, frame, byId } from './flow-lib.mjs';

const active = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const dctValue = (page) => page.$eval('#dct', (i) => i.value);
/** The DCT as the page holds it: the downloaded gold JSON's. */
async function goldDct(page, downloads) {
  const { json } = await download(page, downloads, () => page.keyboard.press('Control+s'));
  return json.dct ?? null;
}
/** Leaves a field with Escape (the page's way back to the shortcuts), when one has the focus
 * (Escape outside a field clears the selection). */
async function leave(page) {
  if (await page.evaluate(() => /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement?.tagName || ''))) await page.keyboard.press('Escape');
  await frame(page);
}
/** Presses Tab until the element with id `id` has the focus. */
async function tabTo(page, id, max = 25) {
  for (let i = 0; i < max; i++) {
    if ((await active(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id} (at ${await active(page)})`);
}
const selectedText = (page, id) => page.$eval(`#${id}`, (s) => s.options[s.selectedIndex]?.textContent ?? null);

await run(async ({ page, base, downloads, errors }) => {
  let claim;
  await step('the DCT typed digit by digit (02271998) is not applied, and no digit relabels the selected claim', async () => {
    await page.goto(base);
    await waitText(page);
    eq(await dctValue(page), '2025-09-19', 'seed 0 DCT shown');
    claim = await keyUntil(page, 'j', (d) => d.label === 'CLAIM');
    const undoBefore = await page.$eval('#undo', (b) => b.disabled);
    await page.click('#dct');
    await page.keyboard.press('Control+a');
    for (const k of '02271998') {
      await page.keyboard.press(k);
      await frame(page);
      eq(await active(page), 'dct', `focus stays in the DCT field after ${k}`);
    }
    const d = await details(page);
    eq([d.id, d.label], [claim.id, 'CLAIM'], 'the claim is neither relabelled nor deselected');
    eq(await page.$eval('#undo', (b) => b.disabled), undoBefore, 'nothing was applied while typing');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /02271998/.test(document.querySelector('#banner.error')?.textContent || ''));
    const msg = await page.textContent('#banner .banner-text');
    assert(/YYYY-MM-DD/.test(msg), `the error says the form: ${msg}`);
    eq(await active(page), 'dct', 'focus stays in the field after a refused Enter');
    await leave(page);
    eq(await dctValue(page), '2025-09-19', 'the field shows the old DCT again after leaving it');
    eq(await goldDct(page, downloads), '2025-09-19', 'the DCT is unchanged');
    eq((await details(page)).label, 'CLAIM', 'still a claim');
    await page.click('#banner .banner-close');
  });

  await step('"1998-02-27" typed then Enter applies it (one undoable step); digits typed after stay in the field', async () => {
    await page.click('#dct');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1998-02-27');
    await frame(page);
    eq(await page.$eval('#undo', (b) => b.disabled), true, 'not applied before Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /DCT 1998-02-27/.test(document.querySelector('#banner')?.textContent || ''));
    eq(await active(page), 'dct', 'focus stays in the field');
    await page.keyboard.type('2');
    await frame(page);
    eq((await details(page)).label, 'CLAIM', 'a 2 typed in the field after Enter relabels nothing');
    await leave(page);
    eq(await dctValue(page), '1998-02-27', 'the field shows the applied DCT after leaving it');
    eq(await goldDct(page, downloads), '1998-02-27', 'the gold file has the new DCT');
  });

  await step('Esc, or leaving the field with an unfinished date, keeps the DCT; a pasted ISO date applies on leaving', async () => {
    await page.click('#dct');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2001-0');
    await page.keyboard.press('Escape');
    await frame(page);
    eq(await dctValue(page), '1998-02-27', 'Esc restores the field');
    await page.click('#dct');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2001-05');
    await page.keyboard.press('Tab');
    await frame(page);
    eq(await dctValue(page), '1998-02-27', 'Tab away with an unfinished date restores the field');
    eq(await goldDct(page, downloads), '1998-02-27', 'DCT kept');
    // A pasted date (inserted at once), confirmed by leaving the field.
    await page.click('#dct');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(' 2025-09-19 ');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /DCT 2025-09-19/.test(document.querySelector('#banner')?.textContent || ''));
    eq(await goldDct(page, downloads), '2025-09-19', 'the pasted date applied on leaving the field');
    // Both changes undo, one step each.
    await leave(page);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('dct').value === '1998-02-27');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('dct').value === '2025-09-19');
    eq((await details(page))?.label ?? 'CLAIM', 'CLAIM', 'no digit ever relabelled the claim');
  });

  const edited = {};
  await step('the annotator is named (Tab leaves the field and sets it)', async () => {
    await page.click('#annotator');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Edith Keys');
    await page.keyboard.press('Tab');
    await leave(page);
  });

  await step('an actor: canonical (e), kind (t), mention and role (Tab) edited with the keyboard', async () => {
    await page.keyboard.press('Escape');
    const a = await keyUntil(page, 'j', (d) => d.label === 'ACTOR' && d.status === 'predicted');
    const kind0 = await selectedText(page, 'edit-kind');
    await page.keyboard.press('t');
    await page.waitForFunction((k) => { const s = document.getElementById('edit-kind'); return s.options[s.selectedIndex].textContent !== k; }, kind0);
    await page.keyboard.press('e');
    eq(await active(page), 'edit-canonical', 'e focuses the canonical name');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Edited Canon');
    await page.keyboard.press('Enter');
    await frame(page);
    await page.keyboard.press('e');
    await tabTo(page, 'edit-mention');
    const mention0 = await selectedText(page, 'edit-mention');
    await page.keyboard.press(mention0 === 'name' ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction((m) => { const s = document.getElementById('edit-mention'); return s.options[s.selectedIndex].textContent !== m; }, mention0);
    eq(await active(page), 'edit-mention', 'the select keeps the focus after its change');
    await page.keyboard.press('Tab');
    eq(await active(page), 'edit-role', 'Tab reaches the role');
    await page.keyboard.type('spokesman');
    await page.keyboard.press('Enter');
    await frame(page);
    await leave(page);
    edited.actor = { id: a.id, canonical: 'Edited Canon', kind: await selectedText(page, 'edit-kind'), mention: await selectedText(page, 'edit-mention'), role: 'spokesman' };
    assert(edited.actor.kind !== kind0 && edited.actor.mention !== mention0, `kind ${kind0} -> ${edited.actor.kind}, mention ${mention0} -> ${edited.actor.mention}`);
  });

  await step('a date: invalid values (2021-13-45, banana) refused with the reason, old value kept; value, mod and anchor edited', async () => {
    const d = await keyUntil(page, 'j', (d) => d.label === 'DATE' && d.status === 'predicted');
    const old = await page.$eval('#edit-value', (i) => i.value);
    for (const bad of ['2021-13-45', 'banana']) {
      await page.keyboard.press('e');
      eq(await active(page), 'edit-value', 'e focuses the value');
      await page.keyboard.press('Control+a');
      await page.keyboard.type(bad);
      await page.keyboard.press('Enter');
      await page.waitForFunction((bad) => (document.querySelector('#banner.error')?.textContent || '').includes(bad), bad);
      const msg = await page.textContent('#banner .banner-text');
      assert(msg.includes(d.id) && msg.includes(old), `the message names the date and the kept value: ${msg}`);
      await frame(page);
      eq(await page.$eval('#edit-value', (i) => i.value), old, `after ${bad} the field shows the old value`);
      eq((await details(page)).status, 'predicted', 'nothing changed');
      await page.click('#banner .banner-close');
    }
    await page.keyboard.press('e');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2025-09-12');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'edited');
    await page.keyboard.press('e');
    await tabTo(page, 'edit-mod');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => { const s = document.getElementById('edit-mod'); return s.options[s.selectedIndex].textContent !== 'none'; });
    await page.keyboard.press('Tab');
    eq(await active(page), 'edit-anchor', 'Tab reaches the anchor');
    const anchor0 = await selectedText(page, 'edit-anchor');
    await page.keyboard.press(anchor0 === 'none' ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction((a) => { const s = document.getElementById('edit-anchor'); return s.options[s.selectedIndex].textContent !== a; }, anchor0);
    await leave(page);
    const anchorText = await selectedText(page, 'edit-anchor');
    edited.date = { id: d.id, value: '2025-09-12', mod: await selectedText(page, 'edit-mod'), anchor: anchorText === 'none' ? null : anchorText === 'the DCT' ? 'dct' : anchorText.split(' ')[0] };
  });

  await step('another date: a DURATION value (P3Y) takes its type along; t on it changes the type or says why not', async () => {
    const d = await keyUntil(page, 'j', (x) => x.label === 'DATE' && x.status === 'predicted' && x.id !== edited.date.id);
    await page.keyboard.press('e');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('P3Y');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => { const s = document.getElementById('edit-type'); return s && s.options[s.selectedIndex].textContent === 'DURATION'; });
    await leave(page);
    const before = await selectedText(page, 'edit-type');
    await page.keyboard.press('t');
    await frame(page);
    const after = await selectedText(page, 'edit-type');
    const err = await page.evaluate(() => document.querySelector('#banner.error')?.textContent || '');
    assert(after !== before || /no other TIMEX3 type/.test(err), `t: ${before} -> ${after}, ${err}`);
    if (err) await page.click('#banner .banner-close');
    edited.duration = { id: d.id, value: 'P3Y', type: after };
  });

  await step('a claim: source (e), stance (t), target (Tab), cue (V c) and source words (V V w) edited with the keyboard', async () => {
    const c = await keyUntil(page, 'j', (d) => d.label === 'CLAIM' && d.status === 'predicted');
    const stance0 = await selectedText(page, 'edit-stance');
    await page.keyboard.press('t');
    await page.waitForFunction((s) => { const x = document.getElementById('edit-stance'); return x.options[x.selectedIndex].textContent !== s; }, stance0);
    await page.keyboard.press('e');
    eq(await active(page), 'edit-source', 'e focuses the claim source');
    const source0 = await selectedText(page, 'edit-source');
    await page.keyboard.press(source0 === 'no named source' ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction((s) => { const x = document.getElementById('edit-source'); return x.options[x.selectedIndex].textContent !== s; }, source0);
    await tabTo(page, 'edit-target');
    await page.keyboard.type('the junta');
    await page.keyboard.press('Enter');
    await frame(page);
    await leave(page);
    // Cue: the word before the claim; source words: the two words before it.
    await page.keyboard.press('V');
    await page.waitForSelector('#pending #set-cue');
    const cue = await page.textContent('#pending-quote');
    await page.keyboard.press('c');
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, c.id);
    eq(await page.textContent('#cue'), `\u201c${cue}\u201d`, 'the cue shown');
    await page.keyboard.press('V');
    await page.keyboard.press('V');
    await page.waitForSelector('#pending #set-source-words');
    const words = await page.textContent('#pending-quote');
    await page.keyboard.press('w');
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, c.id);
    eq(await page.textContent('#source-words'), `\u201c${words}\u201d`, 'the source words shown');
    const src = await selectedText(page, 'edit-source');
    edited.claim = { id: c.id, stance: await selectedText(page, 'edit-stance'), source: src === 'no named source' ? null : src.split(' ')[0], target: 'the junta', cue, words };
    assert(edited.claim.stance !== stance0, `stance ${stance0} -> ${edited.claim.stance}`);
  });

  await step('Ctrl+S downloads the gold JSON with every edited attribute and the editor in the provenance', async () => {
    const { name, json } = await download(page, downloads, () => page.keyboard.press('Control+s'));
    eq(name, `${json.id}.gold.json`, 'file name');
    const a = byId(json, edited.actor.id), d = byId(json, edited.date.id), p = byId(json, edited.duration.id), c = byId(json, edited.claim.id);
    eq([a.attributes.canonical, a.attributes.kind, a.attributes.mention, a.attributes.role],
      [edited.actor.canonical, edited.actor.kind, edited.actor.mention, edited.actor.role], 'actor attributes');
    eq([d.attributes.value, d.attributes.type, d.attributes.mod, d.attributes.anchor ?? null],
      ['2025-09-12', 'DATE', edited.date.mod, edited.date.anchor], 'date attributes');
    eq([p.attributes.value, p.attributes.type], ['P3Y', edited.duration.type], 'duration attributes');
    eq([c.attributes.stance, c.attributes.source, c.attributes.target, c.attributes.cue?.text, c.attributes.source_words?.text],
      [edited.claim.stance, edited.claim.source, 'the junta', edited.claim.cue, edited.claim.words], 'claim attributes');
    // Cue and source words quote the text at their offsets (code points).
    const cps = [...json.text];
    for (const w of [c.attributes.cue, c.attributes.source_words]) eq(cps.slice(w.start, w.end).join(''), w.text, 'offsets of the claim words');
    for (const x of [a, d, p, c]) {
      eq([x.status, x.provenance.edited_by], ['edited', 'Edith Keys'], `${x.id} status and editor`);
      assert(/^gloss-extract/.test(x.provenance.by), `${x.id} keeps who made it: ${x.provenance.by}`);
    }
    notes.push(`edited ${[a, d, p, c].map((x) => x.id).join(', ')}`);
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
