// End to end (issue 15, adjudication): two annotators' gold files of seed 000 (made here from
// seeds/000_*.gold.json: "ann" is the seed's gold as it is; "bob" removes one actor, moves the
// end of another, changes a date's value and relabels an actor as a date), opened in the page
// by the adjudicator "cy" (named first, so both files are kept as versions 2 and 3 beside the
// untouched predictions); I shows their agreement, equal to `gloss agree --json` on the two
// files; D starts adjudicating (what both agree on becomes the work), every
// disagreement is settled by keyboard (n, then 1 = ann, 2 = bob, 0 = reject all), Ctrl+Z / Ctrl+Y once, the gold is
// downloaded with Ctrl+S and checked by the CLI (gloss validate; built when absent), with the
// provenance (agreed_by, adjudicated_by) and the adjudication record in it; after a reload the
// versions and the adjudication (its counts) are there.
//
// Usage: scripts/build-web.sh && node tests/e2e/team-adjudicate.spec.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, step, assert, eq, waitText, download, frame, ROOT } from './flow-lib.mjs';

const SEED = '000_c000a84573ae1d4c';
const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', `${SEED}.gold.json`), 'utf8'));
const chars = Array.from(gold.text);
const quote = (s, e) => chars.slice(s, e).join('');

// Actors no claim names as its source: changing them leaves the claims agreed.
const sources = new Set(gold.annotations.filter((a) => a.label === 'CLAIM').map((a) => a.attributes.source));
const free = gold.annotations.filter((a) => a.label === 'ACTOR' && !sources.has(a.id));
const anchors = new Set(gold.annotations.map((a) => a.attributes.anchor));
const date = gold.annotations.find((a) => a.label === 'DATE' && !anchors.has(a.id));
// No other actor or date over [s, e): a change there makes a disagreement of its own.
const clear = (s, e, self) => gold.annotations.every((b) => b.id === self || b.label === 'CLAIM' || b.end <= s || b.start >= e);
// An actor whose end can move one word on (to the next space) without meeting another one.
const grow = (a) => {
  let e = a.end + 1;
  while (e < chars.length && /\w/.test(chars[e])) e++;
  return chars[a.end] === ' ' && e > a.end + 1 && clear(a.start, e, a.id) ? e : null;
};
const moved = free.find((a) => grow(a) !== null);
const others = free.filter((a) => a !== moved && clear(a.start, a.end, a.id));
const removed = others[0];
const relabelled = others[others.length - 1];

const ann = { ...structuredClone(gold), annotator: 'ann' };
const bob = { ...structuredClone(gold), annotator: 'bob' };
bob.annotations = bob.annotations.filter((a) => a.id !== removed.id).map((a) => {
  if (a.id === moved.id) {
    const end = grow(a);
    return { ...a, end, quote: quote(a.start, end), status: 'edited' };
  }
  if (a.id === date.id) return { ...a, attributes: { ...a.attributes, value: '1999-01-01' }, status: 'edited' };
  if (a.id === relabelled.id) {
    return { ...a, label: 'DATE', attributes: { type: 'DATE', value: '2025' }, status: 'edited' };
  }
  return a;
});
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-adjudicate-'));
const annFile = path.join(tmp, 'ann.gold.json');
const bobFile = path.join(tmp, 'bob.gold.json');
fs.writeFileSync(annFile, JSON.stringify(ann));
fs.writeFileSync(bobFile, JSON.stringify(bob));

/** The CLI, built when absent. */
function gloss() {
  for (const p of ['target/release/gloss', 'target/debug/gloss']) {
    if (fs.existsSync(path.join(ROOT, p))) return path.join(ROOT, p);
  }
  execFileSync('cargo', ['build', '--bin', 'gloss'], { cwd: ROOT, stdio: 'inherit' });
  return path.join(ROOT, 'target/debug/gloss');
}

const counts = (page) => page.$eval('#adjudication-counts', (p) => ({
  agreed: Number(p.dataset.agreed), settled: Number(p.dataset.settled), total: Number(p.dataset.total),
}));

await run(async ({ page, base, downloads, errors }) => {
  const agreed = gold.annotations.length - 4;
  await step(`two annotators' files of ${SEED} open as versions 2 (ann's) and 3 (bob's)`, async () => {
    assert(moved && removed && relabelled && date && removed !== relabelled, 'the seed has annotations to change');
    await page.goto(base);
    await waitText(page);
    await page.fill('#annotator', 'cy');
    await page.press('#annotator', 'Enter');
    await page.keyboard.press('Escape');
    await page.setInputFiles('#file-input', annFile);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
    await page.setInputFiles('#file-input', bobFile);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '2', SEED);
    assert(await page.$('#corpus button.adjudicate'), 'the corpus list offers Adjudicate');
  });

  await step('I: the agreement table of the two versions equals gloss agree --json on the files', async () => {
    const cli = JSON.parse(execFileSync(gloss(), ['agree', '--json', annFile, bobFile], { encoding: 'utf8' }));
    await page.keyboard.press('I');
    await page.waitForSelector('#agree-doc-table');
    const rows = await page.$$eval('#agree-doc-table tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    const fmt = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
    const figures = cli.documents[0].figures;
    for (const l of figures.labels) {
      const mean = rows.find((r) => r[0] === l.label && r[1] === 'mean / all');
      eq(mean?.slice(2), [fmt(l.strict_f1), fmt(l.overlap_f1), fmt(l.kappa), fmt(l.alpha), fmt(l.alpha_u)], `${l.label} figures`);
    }
    assert(figures.labels.some((l) => l.strict_f1 < 1), 'the versions differ');
    // The page compares the two versions only: the untouched predictions are nobody's work.
    const pairs = rows.filter((r) => r[1] && r[1] !== 'mean / all' && r[1] !== 'pair').map((r) => r[1]);
    assert(pairs.length > 0 && pairs.every((p) => /ann/.test(p) && /bob/.test(p)), `pairs: ${pairs}`);
    await page.keyboard.press('I');
    await page.waitForSelector('#agreement', { state: 'detached' });
  });

  await step('D: the agreed annotations become the work, four disagreements to settle', async () => {
    await page.keyboard.press('D');
    await page.waitForSelector('#adjudication');
    eq(await counts(page), { agreed, settled: 0, total: 4 }, 'counts');
    const title = await page.textContent('#adjudication h2');
    assert(/by cy of ann, bob/.test(title), title);
    // The work was untouched predictions, not a person's: no version is added for it.
    eq((await page.$eval(`#corpus .doc[data-id="${SEED}"]`, (b) => b.dataset.versions)), '2', 'versions');
    assert((await page.$$('#text .r.agreed')).length > 0, 'the text marks agreed annotations');
    // The disagreement's words wait in the panel, which does not offer the digit keys for labels
    // there (in the view they take versions).
    await page.waitForSelector('#pending-adjudicating');
    eq(await page.$$eval('#pending .label-btn kbd', (k) => k.length), 0, 'no label key shown');
  });

  const chosen = [];
  await step('every disagreement settled by keyboard: n, then 1 (ann), 2 (bob) or 0 (reject all)', async () => {
    for (let i = 0; i < 4; i++) {
      const view = await page.$eval('#adjudication-current', (c) => ({
        settled: c.dataset.settled,
        sides: [...c.querySelectorAll('.adj-side')].map((s) => ({
          nothing: !!s.querySelector('.adj-nothing'),
          labels: [...s.querySelectorAll('.adj-ann')].map((a) => a.dataset.label),
          extents: [...s.querySelectorAll('.adj-extent')].map((e) => e.textContent.trim()),
          text: s.textContent,
        })),
      }));
      eq(view.settled, 'false', `disagreement ${i + 1} is not settled yet`);
      const [a, b] = view.sides;
      // Bob marked nothing (the removed actor) or changed the date's value: take Ann's; the
      // labels differ: reject all; else (the moved boundary) Bob's.
      const key = b.nothing || /1999-01-01/.test(b.text) ? '1' : (b.labels[0] !== a.labels[0] ? '0' : '2');
      chosen.push({ key, bob: b.text, ann: a.text });
      // A moved boundary is seen in the cards: each names its code points and quote.
      if (key === '2') assert(a.extents[0] !== b.extents[0] && /^\d+–\d+ “/.test(a.extents[0]), `extents ${a.extents} / ${b.extents}`);
      if (process.env.GLOSS_SHOTS) await page.screenshot({ path: path.join(process.env.GLOSS_SHOTS, `adjudicate-${i + 1}.png`) });
      await page.keyboard.press(key);
      await page.waitForFunction((n) => Number(document.getElementById('adjudication-counts').dataset.settled) === n, i + 1);
      await page.waitForSelector('#adjudication-taken');
      if (i < 3) {
        await page.keyboard.press('n');
        await page.waitForSelector('#adjudication-current[data-settled="false"]');
      }
    }
    eq(chosen.map((c) => c.key).sort(), ['0', '1', '1', '2'], `the choices (${JSON.stringify(chosen)})`);
    eq(await counts(page), { agreed, settled: 4, total: 4 }, 'all settled');
    assert(await page.$('#adjudication-done'), 'the view says every disagreement is settled');
  });

  await step('Ctrl+Z unsettles the last decision, Ctrl+Y settles it again', async () => {
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('adjudication-counts').dataset.settled === '3');
    assert(!(await page.$('#adjudication-done')), 'no longer done');
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => document.getElementById('adjudication-counts').dataset.settled === '4');
  });

  let json = null;
  await step('Ctrl+S downloads the adjudicated gold; the CLI validates it', async () => {
    await frame(page);
    const dl = await download(page, downloads, () => page.keyboard.press('Control+s'));
    json = dl.json;
    assert(json, `a gold JSON file: ${dl.name}`);
    const out = execFileSync(gloss(), ['validate', dl.file], { encoding: 'utf8' });
    // A refused file exits non-zero (execFileSync throws); an accepted one says so and counts.
    const n = json.annotations.length;
    assert(new RegExp(`: ok, ${n} annotations \\(gold\\)`).test(out), `gloss validate: ${out}`);
  });

  await step('the gold names the versions, the adjudicator, and who agreed on each annotation', async () => {
    eq(json.adjudication, { of: ['ann', 'bob'], by: 'cy' }, 'meta adjudication');
    const live = json.annotations.filter((a) => a.status !== 'rejected');
    const both = live.filter((a) => JSON.stringify(a.provenance.agreed_by) === '["ann","bob"]');
    eq(both.length, agreed, 'agreed annotations');
    assert(json.annotations.every((a) => a.provenance.adjudicated_by === 'cy'), 'adjudicated_by on every annotation');
    const rec = json.annotations.filter((a) => a.status === 'rejected');
    eq(rec.map((a) => a.start).sort(), [relabelled.start, relabelled.start], 'reject all keeps both candidates as the record');
    const d = json.annotations.find((a) => a.start === date.start && a.label === 'DATE' && a.status !== 'rejected');
    eq([d.attributes.value, d.provenance.agreed_by], [date.attributes.value, ['ann']], "the date value: ann's, taken");
    const m = json.annotations.find((a) => a.start === moved.start && a.label === 'ACTOR');
    eq([m.end, m.provenance.agreed_by], [grow(moved), ['bob']], "the moved boundary: bob's, taken");
    assert(json.annotations.some((a) => a.start === removed.start && a.end === removed.end && a.status !== 'rejected'), 'the actor bob removed: ann kept');
  });

  await step('after a reload: the versions and the adjudication are kept', async () => {
    await page.waitForTimeout(1500);
    await page.reload();
    await waitText(page);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '2', SEED);
    await page.keyboard.press('D');
    await page.waitForSelector('#adjudication');
    eq(await counts(page), { agreed, settled: 4, total: 4 }, 'counts after reload');
    await page.keyboard.press('D');
    await page.waitForSelector('#adjudication', { state: 'detached' });
    eq(errors.filter((e) => !/favicon/.test(e)), [], 'no console errors');
  });
});
