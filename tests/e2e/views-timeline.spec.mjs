// End to end (issue 16, the timeline view, key L): the five seeds' gold files as saved work,
// the timeline opened with L loads the documents not loaded yet (its "Load them" button), and
// shows the dates the gold files give, with their documents: the departure deadline of the
// expelled Malian diplomats (2025-09-20 in 000, 001, 003, and 002's dateline), the day the
// French staff left Mali (2025-09-14 in 000, 001, 003), the arrest (15 August in 003, "last
// month" = 2025-08 in 002 and 003, "August" without a year in 004, kept apart). Then a
// mark's details and "Open in the document", the identity filter, the CSV and SVG downloads.
//
// Usage: scripts/build-web.sh && node tests/e2e/views-timeline.spec.mjs
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, run, step, assert, eq, waitText, idbPut, download, details } from './flow-lib.mjs';

const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.gold.json')).sort();
const gold = SEEDS.map((n) => JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', n), 'utf8')));
const short = (id) => id.slice(0, 3);

// What the gold files say: for each value, the documents whose live DATEs have it.
function docsWith(value) {
  return gold.filter((g) => g.annotations.some((a) => a.label === 'DATE' && a.status !== 'rejected' && a.attributes.value === value)).map((g) => short(g.id));
}
const marks = (page) => page.$$eval('#timeline-svg-drawn .mark', (ms) => ms.map((m) => ({ doc: m.dataset.doc.slice(0, 3), value: m.dataset.value, ann: m.dataset.ann })));
const docsOf = (ms, value) => [...new Set(ms.filter((m) => m.value === value).map((m) => m.doc))].sort();

await run(async ({ page, base, downloads, errors }) => {
  await step('the seed gold files are saved work', async () => {
    await page.goto(base);
    await waitText(page);
    await page.waitForTimeout(500);
    await page.goto('about:blank');
    await page.goto(`${base}extract.html`);
    for (const g of gold) await idbPut(page, 'docs', g.id, JSON.stringify(g));
    await page.goto(base);
    await waitText(page);
  });

  await step('L opens the timeline; documents not loaded are named and loaded with one button', async () => {
    await page.keyboard.press('L');
    await page.waitForSelector('#timeline');
    // Only the document on screen is loaded after a reload: the other four are named.
    const note = await page.textContent('#timeline-unloaded');
    assert(/^4 listed document\(s\) are not loaded/.test(note), `note: ${note}`);
    await page.click('#timeline-load-all');
    await page.waitForFunction(() => document.querySelectorAll('#timeline-svg-drawn .timeline-row').length === 5 && !document.getElementById('timeline-unloaded'), null, { timeout: 20000 });
  });

  await step('the departure deadline, the departure from Mali and the arrest are on the axis with their documents', async () => {
    const ms = await marks(page);
    eq(docsWith('2025-09-20'), ['000', '001', '002', '003'], 'gold: the deadline');
    eq(docsOf(ms, '2025-09-20'), docsWith('2025-09-20'), 'marks of 2025-09-20');
    eq(docsOf(ms, '2025-09-14'), docsWith('2025-09-14'), 'marks of 2025-09-14');
    eq(docsOf(ms, '2025-09-14'), ['000', '001', '003'], 'the staff left Mali on 14 September');
    eq(docsOf(ms, '2025-08-15'), ['003'], 'the arrest on 15 August');
    eq(docsOf(ms, '2025-08'), ['002', '003'], 'the arrest "last month"');
    const placed = gold.flatMap((g) => g.annotations.filter((a) => a.label === 'DATE' && a.attributes.type === 'DATE' && /^\d{4}/.test(a.attributes.value)));
    eq(ms.length, placed.length, 'every dated DATE with a year is a mark');
  });

  await step('vague and year-less dates are listed apart with the reason', async () => {
    const rows = await page.$$eval('#timeline-apart tbody tr', (rs) => rs.map((r) => ({ doc: r.dataset.doc.slice(0, 3), value: r.dataset.value, why: r.cells[3].textContent })));
    const august = rows.filter((r) => r.value === 'XXXX-08');
    eq(august.map((r) => r.doc), ['004', '004'], '004 says "August" twice without a year');
    assert(august.every((r) => r.why === 'no year given'), JSON.stringify(august));
    assert(rows.some((r) => r.value === 'PAST_REF' && /vague/.test(r.why)), 'PAST_REF is apart');
  });

  await step('the groups: the deadline is the same in three outlets; the arrest only finer in one', async () => {
    const groups = await page.$$eval('#timeline-groups .timeline-group', (gs) => gs.map((g) => ({ event: g.dataset.event, head: g.querySelector('h4').textContent, docs: [...g.querySelectorAll('li')].map((l) => l.dataset.doc.slice(0, 3)) })));
    const g = (e) => groups.find((x) => x.event === e) || assert(false, `no group ${e}: ${JSON.stringify(groups)}`);
    assert(/same dates \(3 documents\)/.test(g('deadline to leave').head), g('deadline to leave').head);
    eq([...new Set(g('deadline to leave').docs)], ['000', '001', '003'], 'deadline documents');
    assert(/different precision/.test(g('arrest').head), g('arrest').head);
    assert(/dates differ/.test(groups[0].head), `differing groups first: ${groups[0].head}`);
  });

  await step('a click on a mark shows its sentence; Open in the document brings it on screen', async () => {
    await page.click('#timeline-svg-drawn .mark[data-value="2025-08-15"]');
    await page.waitForSelector('#timeline-details');
    const text = await page.textContent('#timeline-details');
    assert(/detained a French national/.test(text) && text.includes('15 August'), text);
    await page.click('#timeline-open');
    await page.waitForFunction(() => document.querySelector('#corpus .doc.active')?.dataset.id.startsWith('003'));
    await page.waitForFunction(() => !document.getElementById('timeline'));
    await page.waitForFunction(() => document.getElementById('quote')?.textContent === '15 August');
    const d = await details(page);
    eq([d.label, d.quote], ['DATE', '15 August'], 'the date is selected in its document');
  });

  await step('the identity filter keeps the dates of sentences naming Yann Vezilier', async () => {
    await page.keyboard.press('L');
    await page.waitForSelector('#timeline-identity');
    await page.selectOption('#timeline-identity', 'Yann Vezilier');
    await page.waitForFunction(() => document.querySelectorAll('#timeline-svg-drawn .mark').length > 0 && document.querySelectorAll('#timeline-svg-drawn .mark').length < 10);
    const ms = await marks(page);
    // The same sentence rule as the view: from after the last . ! ? or line break before the
    // date to the first one after it (at most 200 code points each way); the identity is an
    // ACTOR (not rejected) inside it.
    const ends = /[.!?\n]/;
    const named = gold.flatMap((g) => {
      const t = [...g.text];
      return g.annotations.filter((d) => d.label === 'DATE' && d.status !== 'rejected' && /^\d{4}/.test(d.attributes.value)).filter((d) => {
        let s = d.start; while (s > Math.max(0, d.start - 200) && !ends.test(t[s - 1])) s--;
        const hi = Math.min(t.length, d.end + 200);
        let e = d.end; while (e < hi && !ends.test(t[e])) e++;
        const to = e < hi ? e + 1 : hi;
        return g.annotations.some((a) => a.label === 'ACTOR' && a.status !== 'rejected' && a.attributes.canonical === 'Yann Vezilier' && a.start >= s && a.end <= to);
      }).map((d) => `${short(g.id)} ${d.id}`);
    });
    eq(ms.map((m) => `${m.doc} ${m.ann}`).sort(), named.sort(), 'the marks are the dates of sentences naming him');
    await page.selectOption('#timeline-identity', '');
  });

  await step('CSV and SVG downloads hold every date', async () => {
    const ms = await marks(page);
    const csv = await download(page, downloads, () => page.click('#timeline-csv'));
    eq(csv.name, 'timeline.csv', 'CSV name');
    const lines = csv.raw.trim().split('\n');
    assert(lines[0].startsWith('document,title,annotation,'), lines[0]);
    const apart = await page.$$eval('#timeline-apart tbody tr', (rs) => rs.length);
    eq(lines.length - 1, ms.length + apart, 'one CSV row per date');
    assert(lines.some((l) => l.startsWith('003_5e4fbdc3dc7a9a1e,') && l.includes(',2025-08-15,')), 'the arrest row');
    const svg = await download(page, downloads, () => page.click('#timeline-svg'));
    eq(svg.name, 'timeline.svg', 'SVG name');
    assert(svg.raw.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.raw.slice(0, 60));
    eq((svg.raw.match(/<title>/g) || []).length, ms.length, 'one mark per date in the file');
  });

  await step('Esc closes the timeline; no error on the console', async () => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('timeline'));
    eq(errors, [], 'console errors');
  });
});
