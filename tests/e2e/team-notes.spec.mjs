// End to end (issue 15, part "notes, versions, statistics"): on seed 000, annotator Ada flags
// an annotation unsure (u) and writes a note on it (#); both survive a reload, are in the
// downloaded gold JSON (Ctrl+S) and undo like any edit. A second annotator's file of the same
// seed (bob, with other review decisions and flags) opens as version 2: opened read-only
// (every change refused, Esc returns to the untouched work), deleted, brought back with
// Ctrl+Z, kept after a reload. The statistics table (%) counts each annotator's work.
//
// Usage: scripts/build-web.sh && node tests/e2e/team-notes.spec.mjs
import fs from 'node:fs';
import { run, step, assert, eq, waitText, download, keyUntil, frame, details, corpusRows } from './flow-lib.mjs';

const SEED = '000_c000a84573ae1d4c';
const NOTE = 'state or army? check the source';
const banner = (page) => page.evaluate(() => document.getElementById('banner')?.textContent || '');
const flags = (page) => page.$eval('#flags', (f) => ({ unsure: f.dataset.unsure, notes: f.dataset.notes, text: f.textContent }));
// The ids of the annotations covering the runs that carry the flag marker.
const flaggedIds = (page) => page.$$eval('#text .r.flag-e', (rs) => [...new Set(rs.flatMap((r) => (r.dataset.ids || '').split(' ')))]);

await run(async ({ page, base, downloads, errors }) => {
  let flagged = null;
  let gold = null;
  await step('Ada flags an annotation unsure with u and writes a note with #', async () => {
    await page.goto(base);
    await waitText(page);
    await page.fill('#annotator', 'Ada');
    await page.$eval('#annotator', (i) => i.blur());
    await page.waitForFunction(() => document.getElementById('annotator')?.value === 'Ada');
    flagged = (await keyUntil(page, 'j', (d) => !!d.id)).id;
    eq(await page.$eval('#edit-unsure', (c) => c.checked), false, 'not unsure at first');
    await page.keyboard.press('u');
    await page.waitForFunction(() => document.getElementById('edit-unsure')?.checked === true);
    eq((await details(page)).status, 'predicted', 'a doubt is not a review');
    await page.keyboard.press('#');
    await page.waitForFunction(() => document.activeElement?.id === 'edit-note');
    await page.keyboard.type('a note cancelled');
    await page.keyboard.press('Escape');
    await frame(page);
    eq(await page.$eval('#edit-note', (i) => i.value), '', 'Esc cancels the note');
    await page.keyboard.press('#');
    await page.waitForFunction(() => document.activeElement?.id === 'edit-note');
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('flags')?.dataset.notes === '1');
    eq(await flags(page).then((f) => [f.unsure, f.notes]), ['1', '1'], 'the review panel counts the flags');
    assert(/1 unsure, 1 note/.test((await flags(page)).text), `counted in words: ${(await flags(page)).text}`);
    assert((await page.$$('#text .r.flag-e')).length >= 1, 'the text marks the flagged annotation');
  });

  await step('after a reload the flag and the note are kept; U goes to the flagged annotation', async () => {
    await page.waitForTimeout(1200);
    await page.reload();
    await waitText(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('U');
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, flagged);
    eq(await page.$eval('#edit-unsure', (c) => c.checked), true, 'still unsure');
    eq(await page.$eval('#edit-note', (i) => i.value), NOTE, 'the note');
  });

  await step('the gold JSON (Ctrl+S) holds "note" and "unsure"; undo removes the note, redo puts it back', async () => {
    gold = await download(page, downloads, () => page.keyboard.press('Control+s'));
    const a = gold.json.annotations.find((x) => x.id === flagged);
    eq([a.note, a.unsure], [NOTE, true], `annotation ${flagged} in the file`);
    eq(gold.json.annotations.filter((x) => x.note || x.unsure).length, 1, 'no other annotation flagged');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('flags')?.dataset.notes === '0');
    eq(await page.$eval('#edit-note', (i) => i.value), '', 'the note is undone');
    eq(await page.$eval('#edit-unsure', (c) => c.checked), true, 'the flag stays');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.getElementById('flags')?.dataset.notes === '1');
  });

  let bobFlagged = [];
  await step("bob's file of the same seed opens as version 2 with its annotator, state and flags", async () => {
    const bob = JSON.parse(gold.raw);
    bob.annotator = 'bob';
    bob.modified = '2026-11-30T10:00:00Z';
    for (const x of bob.annotations) { delete x.note; delete x.unsure; }
    const [r, u, n] = bob.annotations.filter((x) => x.status === 'predicted');
    r.status = 'rejected';
    u.status = 'accepted';
    u.unsure = true;
    n.status = 'accepted';
    n.note = 'bob: sure about this one';
    bobFlagged = [u.id, n.id];
    const file = `${downloads}/bob.gold.json`;
    fs.writeFileSync(file, JSON.stringify(bob, null, 2));
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
    const v = await page.$eval(`#corpus .version[data-id="${SEED}"]`, (li) => ({ ...li.dataset, text: li.textContent }));
    eq([v.n, v.annotator, v.unsure, v.notes], ['2', 'bob', '1', '1'], 'the version row');
    assert(/2026-11-30/.test(v.text) && /unreviewed/.test(v.text) && /1 unsure, 1 note/.test(v.text), `row: ${v.text}`);
  });

  await step('Open shows version 2 read-only: nothing can be changed, Esc returns to the untouched work', async () => {
    assert((await flaggedIds(page)).includes(flagged), 'the work marks its flagged annotation');
    await page.click(`#corpus .version[data-id="${SEED}"] .version-open`);
    await page.waitForSelector('#viewing');
    const bar = await page.textContent('#viewing');
    assert(/viewing version 2 \(bob\), read-only/.test(bar) && /Esc to return to the work/.test(bar), bar);
    await page.waitForFunction(() => document.querySelectorAll('#text .r.flag-e').length >= 2);
    const shown = await flaggedIds(page);
    assert(bobFlagged.every((id) => shown.includes(id)), `bob's flags are on screen: ${bobFlagged} in ${shown}`);
    const listed = await page.$eval('#viewing-flags', (d) => d.textContent);
    assert(/1 unsure, 1 note/.test(listed) && /bob: sure about this one/.test(listed), `bob's flags are listed with his note: ${listed}`);
    await page.keyboard.press('j');
    await page.keyboard.press('u');
    await page.waitForFunction(() => /read-only/.test(document.getElementById('banner')?.textContent || ''));
    await page.keyboard.press('Control+z');
    await frame(page);
    assert(/read-only/.test(await banner(page)), 'undo is refused too');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#viewing', { state: 'detached' });
    assert((await flaggedIds(page)).includes(flagged), 'the work is on screen again');
    eq(await flags(page).then((f) => [f.unsure, f.notes]), ['1', '1'], 'and unchanged');
  });

  await step('Delete removes version 2, Ctrl+Z brings it back, a reload keeps it', async () => {
    await page.click(`#corpus .version[data-id="${SEED}"] .version-delete`);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '0', SEED);
    assert(/version 2 \(bob\) deleted/.test(await banner(page)), await banner(page));
    await page.keyboard.press('Control+z');
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
    await page.waitForTimeout(1200);
    await page.reload();
    await waitText(page);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
    eq(await page.$eval(`#corpus .version[data-id="${SEED}"]`, (li) => li.dataset.annotator), 'bob', 'bob is back');
    eq(await flags(page).then((f) => [f.unsure, f.notes]), ['1', '1'], 'the work kept its flags');
  });

  await step('% shows the statistics per annotator', async () => {
    await page.keyboard.press('%');
    await page.waitForSelector('#stats-table');
    const rows = await page.$$eval('#stats-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.annotator, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
    const heads = await page.$$eval('#stats-table thead th', (ths) => ths.map((t) => t.textContent));
    const col = (row, name) => row[heads.indexOf(name)];
    const ada = rows.find((r) => r[0] === 'Ada');
    const bob = rows.find((r) => r[0] === 'bob');
    assert(ada && bob, `a row each: ${JSON.stringify(rows)}`);
    eq([col(ada, 'Unsure'), col(ada, 'Notes'), col(ada, 'In progress')], ['1', '1', '1'], 'Ada');
    eq([col(bob, 'Documents'), col(bob, 'Unsure'), col(bob, 'Notes'), col(bob, 'Rejected'), col(bob, 'Accepted')], ['1', '1', '1', '1', '2'], 'bob');
    assert(/2026-11-30/.test(col(bob, 'First')), `bob's time: ${col(bob, 'First')}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#stats', { state: 'detached' });
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
