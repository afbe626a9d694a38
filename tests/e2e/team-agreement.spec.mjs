// End to end (issue 15, agreement): two annotators' gold files of seed 000 (the fixtures
// tests/fixtures/agree/alice and bob, made from the seed) opened in the page by alice: her
// own file becomes the work, bob's a version; key I opens the agreement panel, whose figures
// for the document equal `gloss agree --json` on the same two files; a disagreement link
// moves the selection to its span; with a second seed's versions the corpus table lists both
// documents, least agreed first, and its Open button brings one on screen; I closes the panel. Before the second file, the panel
// says in words that there is nothing to compare.
//
// Usage: scripts/build-web.sh && node tests/e2e/team-agreement.spec.mjs
// (builds target/debug/gloss first when neither target/debug nor target/release has it)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, step, assert, eq, waitText, details, ROOT } from './flow-lib.mjs';

const SEED = '000_c000a84573ae1d4c';
const FIX = path.join(ROOT, 'tests', 'fixtures', 'agree');
const ALICE = path.join(FIX, 'alice', `${SEED}.gold.json`);
const BOB = path.join(FIX, 'bob', `${SEED}.gold.json`);

function gloss() {
  for (const p of ['target/debug/gloss', 'target/release/gloss']) {
    if (fs.existsSync(path.join(ROOT, p))) return path.join(ROOT, p);
  }
  execFileSync('cargo', ['build', '--bin', 'gloss'], { cwd: ROOT, stdio: 'inherit' });
  return path.join(ROOT, 'target/debug/gloss');
}

/** Rows of a panel table as arrays of cell texts (header first). */
async function table(page, id) {
  return page.$$eval(`#${id} tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

const fmt = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));

await run(async ({ page, base, errors }) => {
  await step('alice, at the keyboard, opens her file of seed 000: it becomes the work; the panel says there is nothing to compare', async () => {
    await page.goto(base);
    await waitText(page);
    await page.fill('#annotator', 'alice');
    await page.press('#annotator', 'Enter');
    await page.keyboard.press('Escape');
    await page.setInputFiles('#file-input', ALICE);
    await page.waitForFunction(() => /replace the unreviewed predictions/.test(document.getElementById('banner')?.textContent || ''));
    await page.keyboard.press('I');
    await page.waitForSelector('#agreement');
    const words = await page.textContent('#agree-nothing');
    assert(/one version only/.test(words), `in words: ${words}`);
    await page.keyboard.press('I');
    await page.waitForSelector('#agreement', { state: 'detached' });
  });

  await step('bob\'s file of the same text is kept as a version', async () => {
    await page.setInputFiles('#file-input', BOB);
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED);
  });

  let cli = null;
  await step('key I: the figures of the document equal gloss agree --json on the same files', async () => {
    cli = JSON.parse(execFileSync(gloss(), ['agree', '--json', ALICE, BOB], { encoding: 'utf8' }));
    await page.keyboard.press('I');
    await page.waitForSelector('#agree-doc-table');
    const rows = await table(page, 'agree-doc-table');
    eq(rows[0], ['label', 'pair', 'strict F1', 'overlap F1', 'kappa', 'alpha', 'alpha_U'], 'header');
    const doc = cli.documents[0].figures;
    for (const l of doc.labels) {
      const mean = rows.find((r) => r[0] === l.label && r[1] === 'mean / all');
      assert(mean, `a mean row for ${l.label}`);
      eq(mean.slice(2), [fmt(l.strict_f1), fmt(l.overlap_f1), fmt(l.kappa), fmt(l.alpha), fmt(l.alpha_u)], `${l.label} figures`);
      const pair = rows.find((r) => r[0] === l.label && r[1] !== 'mean / all');
      const p = l.pairs[0];
      eq(pair.slice(2, 5), [fmt(p.strict.f1), fmt(p.overlap.f1), fmt(p.kappa)], `${l.label} pair figures`);
    }
    // The figures are not all perfect: bob's file differs.
    assert(doc.labels.some((l) => l.strict_f1 < 1), 'the versions differ');
    const conf = await table(page, 'agree-doc-confusion-0');
    eq(conf.slice(1).map((r) => r.slice(1).map(Number)), doc.confusion[0].counts, 'confusion table');
    const n = await page.$$eval('#disagreements a.disagreement', (as) => as.length);
    eq(n, cli.documents[0].disagreements.length, 'as many disagreement links as the CLI lists');
    assert(await page.$('.agree-chart rect.bar-f1'), 'the chart is drawn');
  });

  await step('a disagreement link moves the selection to its span', async () => {
    const before = (await details(page))?.id ?? null;
    const missing = cli.documents[0].disagreements.find((d) => d.what.includes('missing'));
    assert(missing, 'the CLI lists a missing DATE');
    const link = `#disagreements a.disagreement[data-start="${missing.start}"][data-end="${missing.end}"]`;
    await page.click(link);
    await page.waitForFunction((b) => {
      const d = document.getElementById('details');
      return d && d.dataset.id && d.dataset.id !== b;
    }, before, { timeout: 5000 });
    const d = await details(page);
    eq(d.label, 'DATE', 'the missing DATE is selected');
    const text = JSON.parse(fs.readFileSync(ALICE, 'utf8')).text;
    eq(d.quote, [...text].slice(missing.start, missing.end).join(''), 'its words');
  });

  await step('two versions of a second seed: the corpus lists both documents, least agreed first, each one click away', async () => {
    await page.keyboard.press('I');
    await page.waitForSelector('#agreement', { state: 'detached' });
    const SEED2 = '001_45faedf3a959a4bf';
    await page.setInputFiles('#file-input', path.join(FIX, 'alice', `${SEED2}.gold.json`));
    await page.waitForSelector(`#corpus .doc.active[data-id="${SEED2}"]`);
    await page.setInputFiles('#file-input', path.join(FIX, 'bob', `${SEED2}.gold.json`));
    await page.waitForFunction((id) => document.querySelector(`#corpus .doc[data-id="${id}"]`)?.dataset.versions === '1', SEED2);
    await page.keyboard.press('I');
    await page.waitForSelector('#agree-corpus-documents');
    const rows = await table(page, 'agree-corpus-documents');
    eq(rows.slice(1).map((r) => r[0]).sort(), [SEED, SEED2].sort(), 'both documents listed');
    const alphas = rows.slice(1).map((r) => (r[3] === 'n/a' ? Infinity : Number(r[3])));
    assert(alphas[0] <= alphas[1], `least agreed first: ${alphas}`);
    const row = rows.slice(1).find((r) => r[0] === SEED);
    const docFigures = cli.documents[0].figures.labels.find((l) => l.label === 'all');
    eq([row[2], row[3], row[5]], [fmt(docFigures.overlap_f1), fmt(docFigures.alpha), String(cli.documents[0].disagreements.length)], `${SEED}'s row`);
    await page.click(`#agree-corpus-documents tr[data-id="${SEED}"] button.open-doc`);
    await page.waitForSelector(`#corpus .doc.active[data-id="${SEED}"]`);
    await page.waitForSelector(`#agree-corpus-documents tr[data-id="${SEED2}"] button.open-doc`);
  });

  await step('I closes the panel; no console errors', async () => {
    await page.keyboard.press('I');
    await page.waitForSelector('#agreement', { state: 'detached' });
    assert(errors.length === 0, errors.join(' | '));
  });
});
