// End to end (issue 6, keyboard-first review): the help overlay lists the shortcuts; n goes
// to the next unreviewed prediction; ] [ } { grow and shrink a span by a word and undo; e
// edits a date's value; v chooses words and 1 labels them; a whole document is reviewed with the keyboard only (A accepts and
// moves on, R rejects and moves on) while the panel counts what is left; "mark as gold" is
// refused until nothing is left, then g marks it and the corpus list says so; the
// downloaded file has no prediction left. No mouse anywhere in this file.
//
// Usage: scripts/build-web.sh && node tests/e2e/flow-review.spec.mjs
import { run, step, assert, eq, notes, waitText, details, download, keyUntil, frame } from './flow-lib.mjs';

const left = (page) => page.$eval('#unreviewed', (e) => Number(e.dataset.left));

await run(async ({ page, base, downloads, errors }) => {
  await step('? opens the shortcut table, Esc closes it', async () => {
    await page.goto(base);
    await waitText(page);
    await page.keyboard.press('?');
    await page.waitForSelector('#help-overlay');
    const t = await page.textContent('#help-overlay');
    for (const w of ['next unreviewed', 'grow the span', 'undo', 'link the claim', 'merge', 'fix everywhere']) assert(t.includes(w), `help mentions ${w}`);
    const rows = await page.$$eval('#help-overlay tr', (r) => r.length);
    assert(rows >= 20, `${rows} shortcuts listed`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help-overlay', { state: 'detached' });
  });

  await step('counts: unreviewed shown, mark as gold refused while some are left', async () => {
    const n = await left(page);
    assert(n > 0, `unreviewed ${n}`);
    assert(await page.$eval('#mark-gold', (b) => b.disabled), 'mark as gold disabled');
    await page.keyboard.press('g');
    await page.waitForFunction(() => /unreviewed/.test(document.querySelector('#banner.error')?.textContent || ''));
    await page.keyboard.press('n');
    await frame(page);
    eq((await details(page)).status, 'predicted', 'n selects a prediction');
  });

  await step('] [ } { grow and shrink a span by a word; Ctrl+Z undoes each step', async () => {
    const d = await keyUntil(page, 'j', (d) => d.label === 'DATE' && d.status === 'predicted');
    const q0 = d.quote;
    let grown = null;
    for (const [grow, shrink] of [[']', '}'], ['[', '{']]) {
      await page.keyboard.press(grow);
      await frame(page);
      const g = await details(page);
      if (g.quote === q0) continue; // nothing to take on that side (or a clash): try the other
      grown = g.quote;
      assert(g.quote.length > q0.length && g.quote.includes(q0), `grown: ${g.quote}`);
      eq(g.status, 'edited', 'status after a resize');
      await page.keyboard.press(shrink);
      await frame(page);
      eq((await details(page)).quote, q0, 'shrunk back');
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await frame(page);
      const back = await details(page);
      eq([back.quote, back.status], [q0, 'predicted'], 'after two undos');
      break;
    }
    assert(grown, 'a date that can grow');
    notes.push(`resized "${q0}" to "${grown}" and back`);
  });

  await step('e edits the date value from the keyboard', async () => {
    await page.keyboard.press('e');
    assert(await page.evaluate(() => document.activeElement?.id === 'edit-value'), 'e focuses the value');
    await page.keyboard.type('2025-09');
    // A re-render caused elsewhere while typing (hovering the text) must not put the stored
    // value back into the field.
    const box = await page.locator('#text .r.actor').first().boundingBox();
    await page.mouse.move(box.x + 2, box.y + 2);
    await frame(page);
    await page.mouse.move(box.x + 4, box.y + 3);
    await frame(page);
    await page.keyboard.type('-01');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id !== 'edit-value');
    await frame(page);
    eq(await page.$eval('#edit-value', (e) => e.value), '2025-09-01', 'value');
    eq((await details(page)).status, 'edited', 'status');
  });

  await step('v chooses words without the mouse, ] } resize them, 1 labels them; Ctrl+Z undoes', async () => {
    const pendingQuote = () => page.evaluate(() => document.getElementById('pending-quote')?.textContent ?? null);
    let free = false;
    for (let i = 0; i < 300 && !free; i++) {
      await page.keyboard.press('v');
      await frame(page);
      free = await page.evaluate(() => { const r = [...document.querySelectorAll('#text .r.pending')]; return r.length > 0 && r.every((x) => !x.dataset.ids) && /^[A-Za-z]{4,}$/.test(document.getElementById('pending-quote')?.textContent || ''); });
    }
    assert(free, 'a free word reached with v');
    const w = await pendingQuote();
    await page.keyboard.press(']');
    await frame(page);
    const grown = await pendingQuote();
    assert(grown.startsWith(w) && grown.length > w.length, `grown: ${grown}`);
    await page.keyboard.press('}');
    await frame(page);
    eq(await pendingQuote(), w, 'shrunk back');
    await page.keyboard.press('1');
    await page.waitForFunction(() => document.getElementById('details')?.dataset.status === 'manual');
    const d = await details(page);
    eq([d.label, d.quote], ['ACTOR', w], 'the new annotation');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((id) => !document.querySelector(`#text .r[data-ids~="${id}"]`), d.id);
    notes.push(`made an ACTOR on "${w}" with v and 1`);
  });

  await step('a whole review with the keyboard: A / R move on; g marks gold; the file has no prediction', async () => {
    await page.keyboard.press('n');
    let k = 0;
    while ((await left(page)) > 0 && k < 600) {
      await page.keyboard.press(k % 7 === 3 ? 'R' : 'A');
      await frame(page);
      k++;
    }
    eq(await left(page), 0, 'nothing left');
    assert(!(await page.$eval('#mark-gold', (b) => b.disabled)), 'mark as gold enabled');
    await page.keyboard.press('g');
    await page.waitForSelector('#gold-mark');
    eq(await page.$eval('#corpus .doc.active', (b) => b.dataset.state), 'gold', 'the corpus list says gold');
    const got = (await download(page, downloads, () => page.keyboard.press('Control+s'))).json;
    eq(got.gold, true, 'gold flag in the file');
    assert(got.annotations.every((a) => a.status !== 'predicted'), 'no prediction left');
    notes.push(`reviewed ${k} predictions with the keyboard`);
    // Undo the last review: a prediction is back, gold is gone.
    await page.keyboard.press('Control+z');
    await page.waitForSelector('#mark-gold');
    eq(await left(page), 1, 'one left after undo');
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
