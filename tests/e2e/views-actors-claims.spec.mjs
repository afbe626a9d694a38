// End to end (issue 16, views): the five seed gold files opened in the page; key P shows the
// actors view, key C claims across outlets, and both agree with the gold files, counted here
// independently from the JSON: Mali's and France's mentions and claims made, the claims about
// every identity (the README's rule written again here), Mali as the source
// of accusations in four outlets and of no denial, France denying in all five; sorting by a
// column, a click on an identity listing its mentions, a mention and a claim each opening its
// document with the annotation selected; the CSV and SVG exports hold the same figures; Esc
// closes a view; after a reload (documents listed, not loaded) a view says how many are not
// loaded and its Load button brings the same figures back.
//
// Usage: scripts/build-web.sh && node tests/e2e/views-actors-claims.spec.mjs
import fs from 'node:fs';
import path from 'node:path';
import { run, step, assert, eq, waitText, details, download, frame, ROOT } from './flow-lib.mjs';

const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.gold.json')).sort()
  .map((f) => path.join(ROOT, 'seeds', f));
const GOLD = SEEDS.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const IDS = GOLD.map((g) => g.id);
const live = (a) => a.status !== 'rejected';

/** From the gold files: per document, the live ACTOR mentions of `name`. */
function mentions(name) {
  return GOLD.map((g) => g.annotations.filter((a) => live(a) && a.label === 'ACTOR' && a.attributes.canonical === name).length);
}
/** From the gold files: per document, the live claims whose source is `name` (and of `stance`). */
function claimsBy(name, stance) {
  return GOLD.map((g) => g.annotations.filter((a) => {
    if (!live(a) || a.label !== 'CLAIM') return false;
    const src = g.annotations.find((s) => s.id === a.attributes.source);
    return src?.attributes.canonical === name && (!stance || a.attributes.stance === stance);
  }).length);
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** From the gold files, by the rule the README states: per identity, the live claims about it
 *  (its target names it, by its canonical name or the words of one of its name mentions, words
 *  two identities use naming neither; or a mention of it lies inside the claim), never its source. */
function aboutCounts() {
  const words = (t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.toLowerCase());
  const names = new Map(), alias = new Map();
  for (const g of GOLD) for (const a of g.annotations) {
    if (!live(a) || a.label !== 'ACTOR') continue;
    const id = a.attributes.canonical;
    const c = words(id).join(' ');
    if (!names.has(c)) names.set(c, id);
    if (a.attributes.mention === 'name') {
      const w = words(a.quote).join(' ');
      alias.set(w, alias.has(w) && alias.get(w) !== id ? null : id);
    }
  }
  for (const [w, id] of alias) if (id && !names.has(w)) names.set(w, id);
  const out = new Map();
  for (const g of GOLD) {
    const actors = g.annotations.filter((a) => live(a) && a.label === 'ACTOR');
    for (const c of g.annotations.filter((a) => live(a) && a.label === 'CLAIM')) {
      const source = g.annotations.find((s) => s.id === c.attributes.source)?.attributes.canonical;
      const about = new Set();
      const w = words(c.attributes.target || '');
      for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) {
        const id = names.get(w.slice(i, j).join(' '));
        if (id) about.add(id);
      }
      for (const a of actors) if (a.start >= c.start && a.end <= c.end) about.add(a.attributes.canonical);
      about.delete(source);
      for (const id of about) out.set(id, (out.get(id) || 0) + 1);
    }
  }
  return out;
}

/** The rows of a table as cell texts (header first). */
async function table(page, sel) {
  return page.$$eval(`${sel} tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}
function parseCsv(raw) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (q) {
      if (c === '"' && raw[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && raw[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

await run(async ({ page, base, downloads, errors }) => {
  await step('the five seed gold files open as the work of each document, all loaded', async () => {
    await page.goto(base);
    await waitText(page);
    // As the files' annotator, so that seed 000's file (on screen with predictions) becomes
    // the work rather than another annotator's version.
    await page.fill('#annotator', 'gloss-team');
    await page.press('#annotator', 'Enter');
    await page.keyboard.press('Escape');
    await page.setInputFiles('#file-input', SEEDS);
    // Each file is the work (reviewed or gold), none kept as a version.
    await page.waitForFunction(() => [...document.querySelectorAll('#corpus .doc')]
      .filter((b) => ['gold', 'ready'].includes(b.dataset.state) && !Number(b.dataset.versions || 0)).length === 5, null, { timeout: 20000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('P');
    await page.waitForSelector('#actors-view');
    if (await page.$('#actors-unloaded button')) {
      await page.click('#actors-unloaded button');
    }
    await page.waitForFunction(() => !document.getElementById('actors-unloaded') && /in 5 document/.test(document.getElementById('actors-title')?.textContent || ''), null, { timeout: 20000 });
  });

  let rows = null;
  await step('P: the actors table counts each identity as the gold files do', async () => {
    rows = await table(page, '#actors-table');
    const head = rows[0];
    eq(head.slice(0, 6).map((h) => h.replace(/[▲▼]/g, '').trim()), ['Identity', 'Kind', 'Docs', 'Mentions', 'Made', 'About'], 'header');
    const names = new Set(GOLD.flatMap((g) => g.annotations.filter((a) => live(a) && a.label === 'ACTOR').map((a) => a.attributes.canonical)));
    eq(rows.length - 1, names.size, 'one row per identity');
    for (const name of ['Mali', 'France', 'Yann Vezilier', 'Al Jazeera']) {
      const r = rows.find((x) => x[0] === name);
      assert(r, `a row for ${name}`);
      const m = mentions(name);
      eq([r[2], r[3], r[4]].map(Number), [m.filter((n) => n > 0).length, sum(m), sum(claimsBy(name))], `${name}: documents, mentions, made`);
      eq(r.slice(6, 11).map((c) => Number(c || 0)), m, `${name}: mentions per document`);
    }
    eq(rows[1][0], 'Mali', 'most mentioned first');
    const about = aboutCounts();
    const byName = (a, b) => (a[0] < b[0] ? -1 : 1);
    eq(rows.slice(1).map((r) => [r[0], Number(r[5])]).filter((x) => x[1] > 0).sort(byName),
      [...about].filter((x) => x[1] > 0).sort(byName), 'claims about each identity, by the stated rule');
    assert(about.get('Yann Vezilier') === 9 && about.get('Mali') === 8, `Vezilier 9, Mali 8: ${JSON.stringify([...about])}`);
  });

  await step('a column head sorts (Made: France first), a second click reverses', async () => {
    await page.click('#actors-table thead th:nth-child(5) button');
    await frame(page);
    let r = await table(page, '#actors-table');
    eq(r[1][0], 'France', 'most claims made first');
    const made = r.slice(1).map((x) => Number(x[4]));
    assert(made.every((n, i) => i === 0 || made[i - 1] >= n), `descending: ${made}`);
    eq(await page.getAttribute('#actors-table thead th:nth-child(5)', 'aria-sort'), 'descending', 'aria-sort');
    await page.click('#actors-table thead th:nth-child(5) button');
    await frame(page);
    r = await table(page, '#actors-table');
    const up = r.slice(1).map((x) => Number(x[4]));
    assert(up.every((n, i) => i === 0 || up[i - 1] <= n), `ascending: ${up}`);
  });

  await step('a click on Yann Vezilier lists his mentions; one opens its document with the mention selected', async () => {
    await page.click('#actors-table tr[data-identity="Yann Vezilier"] th button');
    await page.waitForSelector('#actors-detail');
    const items = await page.$$eval('#actors-mentions li', (li) => li.map((l) => ({ doc: l.querySelector('button').dataset.doc, start: Number(l.querySelector('button').dataset.start), mark: l.querySelector('mark').textContent })));
    const want = GOLD.flatMap((g) => g.annotations.filter((a) => live(a) && a.label === 'ACTOR' && a.attributes.canonical === 'Yann Vezilier').map((a) => ({ doc: g.id, start: a.start, mark: a.quote })));
    eq(items, want, 'every mention, in document then text order, with its words');
    const pick = items.find((i) => i.doc === IDS[2]);
    await page.click(`#actors-mentions button[data-doc="${pick.doc}"][data-start="${pick.start}"]`);
    await page.waitForSelector('#actors-view', { state: 'detached' });
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, pick.doc);
    const d = await page.waitForFunction((q) => document.getElementById('details')?.dataset.label === 'ACTOR' && document.getElementById('quote')?.textContent.includes(q), pick.mark);
    assert(d, 'the mention is selected');
    const got = await details(page);
    eq(got.label, 'ACTOR', 'an actor is selected');
  });

  await step('the actors CSV holds every identity and document with the same figures; the chart SVG the most mentioned', async () => {
    await page.keyboard.press('P');
    await page.waitForSelector('#actors-view');
    const got = await download(page, downloads, () => page.click('#actors-csv'));
    eq(got.name, 'actors.csv', 'file name');
    const csv = parseCsv(got.raw);
    eq(csv[0], ['identity', 'kinds', 'document', 'title', 'mentions', 'claims_as_source', 'claims_about'], 'header');
    for (const name of ['Mali', 'France']) {
      const m = mentions(name), c = claimsBy(name);
      const lines = csv.filter((r) => r[0] === name);
      for (let i = 0; i < IDS.length; i++) {
        const line = lines.find((r) => r[2] === IDS[i]);
        eq(line ? [Number(line[4]), Number(line[5])] : [0, 0], [m[i], c[i]], `${name} in ${IDS[i]}`);
      }
    }
    const svg = await download(page, downloads, () => page.click('#actors-svg'));
    eq(svg.name, 'actors.svg', 'file name');
    assert(svg.raw.startsWith('<svg'), 'an SVG picture');
    eq((svg.raw.match(/<rect class="bar"/g) || []).length, 3 * 20, 'three bars for each of the 20 most mentioned');
    assert(svg.raw.indexOf('>Mali</text>') < svg.raw.indexOf('>France</text>'), 'Mali first');
    assert(svg.raw.includes(`>${sum(mentions('Mali'))}</text>`), 'with its mentions written');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#actors-view', { state: 'detached' });
  });

  await step('C: the matrix counts each source\'s claims per outlet as the gold files do', async () => {
    await page.keyboard.press('C');
    await page.waitForSelector('#claims-matrix');
    const m = await table(page, '#claims-matrix');
    const docCols = await page.$$eval('#claims-matrix thead th[data-doc]', (ths) => ths.map((t) => t.dataset.doc));
    eq(docCols, IDS, 'a column per document, by id');
    for (const name of ['France', 'Mali', 'Al Jazeera', 'French Ministry for Europe and Foreign Affairs']) {
      const r = m.find((x) => x[0] === name);
      assert(r, `a row for ${name}`);
      eq(r.slice(1, 6).map((c) => Number(c || 0)), claimsBy(name), `${name} per outlet`);
    }
    eq(m[1][0], 'France', 'the most quoted source first');
    eq(m[m.length - 1][0], '(unnamed source)', 'unnamed sources last');
  });

  await step('who claims what: Mali accuses in four outlets and denies nowhere; France denies in all five', async () => {
    const accuse = claimsBy('Mali', 'accuse');
    const cells = await page.$$eval('.claims-source[data-source="Mali"] tr[data-stance="accuse"] td', (tds) => tds.map((td) => td.querySelectorAll('li').length));
    const heads = await page.$$eval('.claims-source[data-source="Mali"] thead th[data-doc]', (ths) => ths.map((t) => t.dataset.doc));
    eq(heads, IDS.filter((_, i) => claimsBy('Mali')[i] > 0), 'Mali\'s outlets side by side');
    eq(cells, accuse.filter((_, i) => claimsBy('Mali')[i] > 0), 'accusations per outlet');
    eq(accuse.map((n) => n > 0), [true, true, false, true, true], 'Mali accuses in 000, 001, 003, 004 (per the gold files)');
    eq(sum(claimsBy('Mali', 'deny')), 0, 'the gold files have no denial by Mali');
    assert(!(await page.$('.claims-source[data-source="Mali"] tr[data-stance="deny"]')), 'no denial row for Mali');
    const deny = await page.$$eval('.claims-source[data-source="France"] tr[data-stance="deny"] td', (tds) => tds.map((td) => td.querySelectorAll('li').length));
    eq(deny, claimsBy('France', 'deny'), 'France denies in each outlet');
    assert(deny.every((n) => n > 0), 'in all five');
    const words = await page.textContent('.claims-source[data-source="France"] tr[data-stance="deny"] td');
    assert(words.includes('“unfounded”') && words.includes('about “a charge”'), `the claim with its target: ${words}`);
  });

  await step('a click on a source in the matrix shows only its claims; a claim opens its document with the claim selected', async () => {
    await page.click('#claims-matrix tr[data-source="Al Jazeera"] th button');
    await page.waitForFunction(() => document.querySelectorAll('.claims-source').length === 1);
    eq(await page.getAttribute('.claims-source', 'data-source'), 'Al Jazeera', 'the source in focus');
    const first = await page.$eval('.claims-source .claim-quote', (b) => ({ doc: b.dataset.doc, start: Number(b.dataset.start) }));
    const want = GOLD[2].annotations.find((a) => a.label === 'CLAIM' && a.start === first.start);
    assert(want && first.doc === IDS[2], `the claim is 002's: ${JSON.stringify(first)}`);
    await page.click('.claims-source .claim-quote');
    await page.waitForSelector('#claims-view', { state: 'detached' });
    await page.waitForFunction((id) => document.querySelector('#corpus .doc.active')?.dataset.id === id, IDS[2]);
    await page.waitForFunction(() => document.getElementById('details')?.dataset.label === 'CLAIM');
    eq((await details(page)).quote, want.quote, 'the claim is selected');
  });

  await step('exports: claims CSV a line per claim, the matrix CSV and SVG', async () => {
    await page.keyboard.press('C');
    await page.waitForSelector('#claims-view');
    const claims = await download(page, downloads, () => page.click('#claims-csv'));
    eq(claims.name, 'claims.csv', 'file name');
    const rows = parseCsv(claims.raw);
    eq(rows.length - 1, sum(GOLD.map((g) => g.annotations.filter((a) => live(a) && a.label === 'CLAIM').length)), 'one line per live claim');
    const unfounded = rows.find((r) => r[6] === 'unfounded');
    eq([unfounded[0], unfounded[1], unfounded[2], unfounded[8]], ['France', 'deny', IDS[0], 'a charge'], 'a claim\'s line');
    const matrix = await download(page, downloads, () => page.click('#claims-matrix-csv'));
    const mrows = parseCsv(matrix.raw);
    eq(mrows[0], ['source', ...IDS, 'total'], 'matrix header');
    eq(mrows.find((r) => r[0] === 'Mali').slice(1).map(Number), [...claimsBy('Mali'), sum(claimsBy('Mali'))], 'Mali\'s line');
    const svg = await download(page, downloads, () => page.click('#claims-matrix-svg'));
    eq(svg.name, 'sources-by-outlet.svg', 'file name');
    assert(svg.raw.startsWith('<svg') && svg.raw.includes('>Al Jazeera</text>'), 'an SVG picture with the sources');
    eq((svg.raw.match(/<rect class="cell"/g) || []).length, (mrows.length - 1) * IDS.length, 'a cell per source and document');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#claims-view', { state: 'detached' });
  });

  await step('after a reload documents are listed but not loaded: the view says so, and Load them brings back the same figures', async () => {
    await new Promise((r) => setTimeout(r, 1500)); // the autosave's pause
    await page.reload();
    await waitText(page);
    await page.keyboard.press('P');
    await page.waitForSelector('#actors-view');
    const words = await page.textContent('#actors-unloaded');
    const n = Number((/^(\d+) listed document\(s\) not loaded yet are not counted/.exec(words) || [])[1]);
    assert(n >= 1 && n <= 4, `in words: ${words}`);
    const title = await page.textContent('#actors-title');
    assert(title.includes(`in ${5 - n} document(s)`), `the others are counted: ${title}`);
    await page.click('#actors-unloaded button');
    await page.waitForFunction(() => !document.getElementById('actors-unloaded') && /in 5 document/.test(document.getElementById('actors-title')?.textContent || ''), null, { timeout: 20000 });
    const r = (await table(page, '#actors-table')).find((x) => x[0] === 'Mali');
    eq([r[2], r[3], r[4]].map(Number), [5, sum(mentions('Mali')), sum(claimsBy('Mali'))], 'Mali as before the reload');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#actors-view', { state: 'detached' });
  });

  await step('no error in the console', async () => {
    eq(errors, [], 'console errors');
  });
});
