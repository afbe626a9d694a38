// End to end (issue 14, goal: a strict Content-Security-Policy). index.html and the one-file
// gloss.html carry a policy that forbids inline script (gloss.html allows its own inlined
// script and style by hash only) and connections elsewhere; using the page (review keys,
// undo, the export dialog and a download, the paste dialog, the help, opening a file) fires
// no `securitypolicyviolation` event, and no request leaves 127.0.0.1.
//
// Usage: scripts/build-web.sh && node tests/e2e/data-csp.spec.mjs
import fs from 'node:fs';
import path from 'node:path';
import { run, step, assert, eq, notes, waitText, download, keyUntil, frame, DIST } from './flow-lib.mjs';

const policyOf = (page) => page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || '');
const violations = (page) => page.evaluate(() => window.__csp || []);
const directive = (policy, name) => policy.split(';').map((d) => d.trim()).find((d) => d.split(/\s+/)[0] === name) || '';

await run(async ({ page, context, base, downloads, errors }) => {
  const outside = [];
  let requests = 0;
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'file:') return;
    requests++;
    if (u.hostname !== '127.0.0.1') outside.push(r.url());
  });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await step('index.html has a strict policy and no inline script', async () => {
    await page.goto(base);
    await waitText(page);
    const p = await policyOf(page);
    const scripts = directive(p, 'script-src');
    assert(scripts && !/unsafe-inline|unsafe-eval'|\*/.test(scripts.replace("'wasm-unsafe-eval'", '')), `script-src: ${scripts}`);
    assert(/default-src 'self'/.test(p) && /connect-src 'self'/.test(p) && /object-src 'none'/.test(p), `policy: ${p}`);
    const inline = await page.$$eval('script:not([src])', (s) => s.length);
    eq(inline, 0, 'inline scripts in index.html');
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    assert(/http-equiv="Content-Security-Policy"/.test(html), 'the policy is in the served file');
  });

  await step('using the page fires no policy violation', async () => {
    await keyUntil(page, 'j', (d) => d.status === 'predicted');
    await page.keyboard.press('a');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('?');
    await frame(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('E');
    await page.waitForSelector('#export-dialog');
    await page.selectOption('#export-format', 'brat');
    await frame(page);
    await download(page, downloads, () => page.click('#export-download'));
    await page.click('#paste');
    await page.waitForSelector('#paste-dialog');
    await page.keyboard.press('Escape');
    await page.setInputFiles('#file-input', { name: 'csp.txt', mimeType: 'text/plain', buffer: Buffer.from('Officials in Paris said on Friday that talks had failed.\n') });
    await page.waitForFunction(() => document.getElementById('text')?.textContent.startsWith('Officials in Paris'));
    await page.reload();
    await waitText(page);
    eq(await violations(page), [], 'securitypolicyviolation events');
  });

  await step('gloss.html (one file, opened from disk) has a hash-only policy and works without a violation', async () => {
    const file = path.join(DIST, 'gloss.html');
    const html = fs.readFileSync(file, 'utf8');
    const p = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] || '';
    const scripts = directive(p, 'script-src');
    assert(/'sha256-[A-Za-z0-9+/=]+'/.test(scripts) && !/unsafe-inline/.test(scripts), `script-src: ${scripts}`);
    assert(/default-src 'none'/.test(p) && /connect-src 'none'/.test(p), `policy: ${p}`);
    const one = await context.newPage();
    try {
      await one.goto(`file://${file}`);
      await waitText(one);
      await keyUntil(one, 'j', (d) => d.status === 'predicted');
      await one.keyboard.press('r');
      await frame(one);
      eq(await violations(one), [], 'securitypolicyviolation events in gloss.html');
    } finally {
      await one.close();
    }
  });

  await step('no request left 127.0.0.1', async () => {
    eq(outside, [], 'requests elsewhere');
    assert(requests > 3, `requests seen: ${requests}`);
    notes.push(`${requests} requests, all to 127.0.0.1`);
  });

  await step('no console errors', async () => {
    assert(errors.length === 0, errors.join(' | '));
  });
});
