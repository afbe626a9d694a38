// End to end (issues 4 and 5, the page's part): an actor's identity shows on hover and in the
// panel; merging two identities (previewed) renames every mention in one undoable step; splitting one
// mention, or a ticked set, gives them a new identity; a selected claim shows its source and
// cue; its source is relinked with the keyboard (l, then a number; s cycles) and with a click
// in link mode, checked in the downloaded gold JSON, and undone.
//
// Usage: scripts/build-web.sh && node tests/e2e/flow-identity.spec.mjs
import { run, step, assert, eq, notes, waitText, details, download, keyUntil, frame, byId, canon } from './flow-lib.mjs';

await run(async ({ page, base, downloads, errors }) => {
  await step('the first seed opens; actor highlights carry their identity as a title', async () => {
    await page.goto(base);
    await waitText(page);
    const t = await page.$eval('#text .r.actor[data-ids]', (r) => r.getAttribute('title'));
    assert(/^.+ \((person|organization|state|group|media|other|[a-z_]+)\)/.test(t || ''), `title: ${t}`);
  });

  let ids = null; // { from, into, fromIds, intoIds }
  await step('merge two identities: every mention takes the other canonical; one undo restores all', async () => {
    const g0 = (await download(page, downloads)).json;
    const live = g0.annotations.filter((a) => a.label === 'ACTOR' && a.status !== 'rejected');
    const groups = new Map();
    for (const a of live) groups.set(a.attributes.canonical, [...(groups.get(a.attributes.canonical) || []), a.id]);
    // Merge the identity with most mentions into another one with several.
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
    assert(sorted.length >= 2, 'two identities in the seed');
    const [from, fromIds] = sorted[0];
    const [into, intoIds] = sorted[1];
    ids = { from, into, fromIds, intoIds };
    // Select a mention of `from` by keys, then merge by keys: m, choose, Enter.
    await page.keyboard.press('Escape');
    await keyUntil(page, 'j', (d) => d.id === fromIds[0]);
    eq(await page.$eval('#identity', (e) => e.dataset.canonical), from, 'identity in the panel');
    assert((await page.$$('#text .r.related')).length >= 1 || fromIds.length === 1, 'the other mentions are outlined');
    await page.keyboard.press('m');
    assert(await page.evaluate(() => document.activeElement?.id === 'merge-into'), 'm focuses the merge list');
    const label = await page.$$eval('#merge-into option', (os, into) => os.map((o) => o.textContent).find((t) => t.startsWith(`${into} (`)), into);
    await page.selectOption('#merge-into', { label });
    await page.press('#merge-into', 'Enter');
    // The merge is planned across the loaded corpus and previewed first.
    await page.waitForSelector('#fix-preview');
    await page.click('#fix-apply');
    await page.waitForFunction((into) => document.getElementById('identity')?.dataset.canonical === into, into);
    const g1 = (await download(page, downloads)).json;
    for (const id of [...fromIds, ...intoIds]) eq(canon(g1, id), into, `canonical of ${id} after the merge`);
    for (const id of fromIds) assert(byId(g1, id).status === 'edited' || byId(g1, id).status === 'manual', `${id} is marked edited`);
    const kind = byId(g1, intoIds[0]).attributes.kind;
    for (const id of fromIds) eq(byId(g1, id).attributes.kind, kind, `kind of ${id}`);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((from) => document.getElementById('identity')?.dataset.canonical === from, from);
    const g2 = (await download(page, downloads)).json;
    eq(g2.annotations, g0.annotations, 'annotations after one undo');
    notes.push(`merged ${fromIds.length} mention(s) of "${from}" into "${into}" (${intoIds.length})`);
  });

  await step('split one mention off with x, and a ticked set with the button; undo each', async () => {
    const { into, intoIds } = ids;
    assert(intoIds.length >= 2, 'an identity with two mentions');
    await page.keyboard.press('Escape');
    await keyUntil(page, 'j', (d) => d.id === intoIds[0]);
    await page.keyboard.press('x');
    await page.waitForFunction((into) => { const c = document.getElementById('identity')?.dataset.canonical; return c && c !== into; }, into);
    const g = (await download(page, downloads)).json;
    const fresh = canon(g, intoIds[0]);
    assert(fresh !== into && fresh.startsWith(byId(g, intoIds[0]).quote.split(/\s+/)[0].replace(/[’']s$/, '').slice(0, 1)), `new canonical ${fresh}`);
    for (const id of intoIds.slice(1)) eq(canon(g, id), into, `${id} keeps its identity`);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((into) => document.getElementById('identity')?.dataset.canonical === into, into);
    // Tick two mentions and split them off together.
    const ticks = intoIds.slice(0, 2);
    for (const id of ticks) await page.check(`#mentions .mention-tick[data-id="${id}"]`);
    await page.click('#split-ticked');
    await page.waitForFunction((into) => document.getElementById('identity')?.dataset.canonical !== into, into);
    const h = (await download(page, downloads)).json;
    eq(canon(h, ticks[0]), canon(h, ticks[1]), 'the ticked mentions share one new identity');
    assert(canon(h, ticks[0]) !== into, 'a new identity');
    await page.keyboard.press('Control+z');
    const back = (await download(page, downloads)).json;
    for (const id of intoIds) eq(canon(back, id), into, `${id} after undo`);
    await page.keyboard.press('Escape');
  });

  await step('a selected claim shows its source outlined and its cue highlighted', async () => {
    const d = await keyUntil(page, 'j', (d) => d.label === 'CLAIM');
    const g = (await download(page, downloads)).json;
    const c = byId(g, d.id);
    if (c.attributes.cue) assert(await page.$('#text .r.cue'), 'cue highlighted');
    if (c.attributes.source) assert(await page.$(`#text .r.related[data-ids~="${c.attributes.source}"]`), 'source outlined');
  });

  await step('relink a claim source by keys (l, then its number; s cycles) and by a click; download shows it; undo', async () => {
    await page.keyboard.press('Escape');
    // A claim with at least two candidate sources.
    let claim = null, cands = null;
    for (let i = 0; i < 200 && !claim; i++) {
      const d = await keyUntil(page, 'j', (d) => d.label === 'CLAIM');
      await page.keyboard.press('l');
      await page.waitForSelector('#candidates');
      const cs = await page.$$eval('#candidates .candidate', (b) => b.map((x) => x.dataset.id));
      if (cs.length >= 2) { claim = d.id; cands = cs; } else await page.keyboard.press('Escape');
    }
    assert(claim, 'a claim with two candidate sources');
    const g0 = (await download(page, downloads)).json;
    const before = byId(g0, claim).attributes.source;
    const n = cands.findIndex((c) => c !== before);
    await page.keyboard.press(String(n + 1));
    await page.waitForFunction(() => !document.getElementById('candidates'));
    const g1 = (await download(page, downloads)).json;
    eq(byId(g1, claim).attributes.source, cands[n], 'source after l + number');
    assert(await page.$(`#text .r.related[data-ids~="${cands[n]}"]`), 'the new source is outlined');
    eq((await details(page)).id, claim, 'the claim stays selected');
    await page.keyboard.press('Control+z');
    await frame(page);
    const g2 = (await download(page, downloads)).json;
    eq(byId(g2, claim).attributes.source, before, 'source after undo');
    // s: the next candidate.
    await page.keyboard.press('s');
    await frame(page);
    const g3 = (await download(page, downloads)).json;
    assert(byId(g3, claim).attributes.source !== before && cands.includes(byId(g3, claim).attributes.source), 's picks another candidate');
    await page.keyboard.press('Control+z');
    // Link mode and a click on an actor.
    await page.keyboard.press('l');
    const other = cands.find((c) => c !== before);
    await page.evaluate((id) => document.querySelector(`#text .r[data-ids~="${id}"]`).scrollIntoView({ block: 'center' }), other);
    const box = await page.evaluate((id) => {
      const r = [...document.querySelectorAll(`#text .r[data-ids~="${id}"]`)].find((e) => e.dataset.ids.split(' ').length === 1) || document.querySelector(`#text .r[data-ids~="${id}"]`);
      const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }, other);
    await page.mouse.click(box.x, box.y);
    await page.waitForFunction(() => !document.getElementById('candidates'));
    const g4 = (await download(page, downloads)).json;
    eq(byId(g4, claim).attributes.source, other, 'source after a click in link mode');
    await page.keyboard.press('Control+z');
    await frame(page);
    const g5 = (await download(page, downloads)).json;
    eq(byId(g5, claim).attributes.source, before, 'source after undo');
    await page.keyboard.press('Escape');
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
