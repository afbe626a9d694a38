// End to end (issue 17, the text view's part): selecting an actor outlines every other mention
// of its identity ("related") without drawing the whole document. On a long article, the
// selection redraws only the chunks near the viewport: no chunk that was a placeholder is
// drawn because it holds a related mention, so the number of highlights in the DOM stays what
// it was. The mentions still show as related wherever the reader looks: in a chunk drawn
// before the selection and scrolled back to, and in one drawn for the first time after it;
// and once the selection is cleared, no chunk scrolled to shows them any more.
//
// Usage: scripts/build-web.sh && node tests/e2e/render-related.spec.mjs
import { run, step, assert, eq, notes, waitText, frame } from './flow-lib.mjs';
import { bigArticle } from '../../scripts/bench-web.mjs';

/** Chunk indexes (children of #text) drawn with their text, not placeholders. */
const drawn = (page) => page.$$eval('#text > .chunk', (cs) => cs.flatMap((c, i) => (c.classList.contains('ph') ? [] : [i])));

/** Scrolls the reader so chunk `i` is at the top of the view, and waits until it is drawn. */
async function scrollToChunk(page, i) {
  await page.evaluate((i) => {
    const c = document.querySelectorAll('#text > .chunk')[i];
    const reader = document.getElementById('reader');
    reader.scrollTop += c.getBoundingClientRect().top - reader.getBoundingClientRect().top;
  }, i);
  await page.waitForFunction((i) => !document.querySelectorAll('#text > .chunk')[i].classList.contains('ph'), i, { timeout: 10000 });
  await frame(page);
}

/** In chunk `i`: the runs of a live mention of `canonical` outside the selection, and how
 *  many of them carry `related`. */
const mentionsIn = (page, i, canonical) => page.evaluate(({ i, canonical }) => {
  const c = document.querySelectorAll('#text > .chunk')[i];
  const runs = [...c.querySelectorAll('.r[title]')].filter((r) => !r.classList.contains('sel') && r.title.split('\n').includes(canonical));
  return { runs: runs.length, related: runs.filter((r) => r.classList.contains('related')).length, anyRelated: c.querySelectorAll('.r.related').length };
}, { i, canonical });

/** Waits until every mention of `canonical` in chunk `i` is related (or, with `want` false,
 *  until no run of the chunk is), then returns what the chunk shows. */
async function settled(page, i, canonical, want) {
  await page.waitForFunction(({ i, canonical, want }) => {
    const c = document.querySelectorAll('#text > .chunk')[i];
    const runs = [...c.querySelectorAll('.r[title]')].filter((r) => !r.classList.contains('sel') && r.title.split('\n').includes(canonical));
    return want ? runs.every((r) => r.classList.contains('related')) : !c.querySelector('.r.related');
  }, { i, canonical, want }, { timeout: 5000 }).catch(() => {});
  return mentionsIn(page, i, canonical);
}

await run(async ({ page, base, errors }) => {
  const text = bigArticle(300_000);
  let chunks = 0;
  let middle = 0;
  let before = [];
  let target = null;
  await step('a 300 KB article opens; a chunk in the middle is drawn by scrolling there and back', async () => {
    await page.goto(base);
    await waitText(page);
    await page.click('#paste');
    await page.waitForSelector('#paste-dialog');
    await page.$eval('#paste-text', (el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
    await page.fill('#paste-dct', '2025-09-19');
    await page.click('#paste-open');
    const head = text.slice(0, 40);
    await page.waitForFunction((head) => document.getElementById('text')?.textContent.startsWith(head)
      && document.querySelector('#text .r[data-ids]')
      && !/extracting/.test(document.getElementById('banner')?.textContent || ''), head, { timeout: 60000 });
    chunks = await page.$$eval('#text > .chunk', (cs) => cs.length);
    assert(chunks >= 12, `chunks: ${chunks}`);
    // Within a few chunks of the top's (text.rs KEEP_CHUNKS), so that it stays drawn when the
    // reader scrolls back up; a chunk further away goes back to a placeholder.
    middle = 5;
    await scrollToChunk(page, middle);
    await page.evaluate(() => { document.getElementById('reader').scrollTop = 0; });
    await frame(page);
    before = await drawn(page);
    assert(before.includes(0) && before.includes(middle), `drawn: ${before}`);
    assert(!before.includes(chunks - 1) && before.length < chunks / 2, `drawn: ${before} of ${chunks}`);
  });

  await step('selecting an actor outlines its other mentions on screen and draws no other chunk', async () => {
    // The first actor on screen with mentions in the middle chunk too.
    const cands = await page.$$eval('#text .r.actor[title]', (rs) => rs.map((r) => {
      const b = r.getBoundingClientRect();
      return { id: r.dataset.ids, canonical: r.title.split('\n')[0], x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom };
    }).filter((r) => r.top > 80 && r.bottom < innerHeight - 20 && !r.id.includes(' ')));
    for (const c of cands) {
      if ((await mentionsIn(page, middle, c.canonical)).runs > 0) { target = c; break; }
    }
    assert(target, 'an actor on screen with mentions in the middle chunk');
    const runsBefore = await page.$$eval('#text .r[data-ids]', (rs) => rs.length);
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id
      && document.querySelector(`#text .r.sel[data-ids~="${id}"]`), target.id);
    await frame(page);
    const top = await settled(page, 0, target.canonical, true);
    assert(top.runs >= 1 && top.related === top.runs, `first chunk: ${JSON.stringify(top)}`);
    eq(await drawn(page), before, 'chunks drawn after the selection');
    eq(await page.$$eval('#text .r[data-ids]', (rs) => rs.length), runsBefore, 'highlights in the DOM');
    notes.push(`"${target.canonical}": ${top.runs} other mention(s) on the first screen, ${runsBefore} highlights drawn of ${chunks} chunks`);
  });

  await step('a chunk drawn before the selection, scrolled back to, shows the related mentions', async () => {
    await scrollToChunk(page, middle);
    const m = await settled(page, middle, target.canonical, true);
    assert(m.runs >= 1 && m.related === m.runs, `middle chunk: ${JSON.stringify(m)}`);
  });

  await step('a chunk drawn for the first time after the selection shows them too', async () => {
    // The first chunk from the end with a mention of the identity (a placeholder until now).
    let found = null;
    for (let i = chunks - 1; i > middle + 2 && !found; i--) {
      if ((await drawn(page)).includes(i)) continue;
      await scrollToChunk(page, i);
      const m = await settled(page, i, target.canonical, true);
      if (m.runs > 0) found = { i, ...m };
    }
    assert(found && found.related === found.runs, `a late chunk: ${JSON.stringify(found)}`);
  });

  await step('after the selection is cleared, no chunk scrolled to shows a related mention', async () => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#text .r.sel'));
    for (const i of [middle, 0]) {
      await scrollToChunk(page, i);
      const m = await settled(page, i, target.canonical, false);
      eq(m.anyRelated, 0, `related runs left in chunk ${i}`);
    }
  });

  await step('no console errors or page errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
