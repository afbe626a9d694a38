// The static server (scripts/serve.mjs) serves dist/ and nothing beside it: a sibling folder
// whose name starts with `dist` (dist-secret/), a file next to dist/, encoded dots, slashes and
// backslashes are all refused (403 or 404, never the file). Needs no browser and no build.
//
// Usage: node tests/e2e/serve.spec.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { serve } from '../../scripts/serve.mjs';
import { step, assert, eq, finish, setupFailed } from './flow-lib.mjs';

const SECRET = 'top secret: must never be served';
function get(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

try {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-serve-'));
  const dist = path.join(top, 'dist');
  fs.mkdirSync(dist);
  fs.mkdirSync(path.join(dist, 'sub'));
  fs.mkdirSync(path.join(top, 'dist-secret'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dist, 'sub', 'a.txt'), 'inside');
  fs.writeFileSync(path.join(top, 'dist-secret', 'x.txt'), SECRET);
  fs.writeFileSync(path.join(top, 'secret.txt'), SECRET);
  const server = await serve(dist);
  const port = server.address().port;
  try {
    await step('files inside dist/ are served', async () => {
      const i = await get(port, '/');
      eq(i.status, 200, '/');
      const a = await get(port, '/sub/a.txt');
      eq([a.status, a.body], [200, 'inside'], '/sub/a.txt');
      const enc = await get(port, '/sub%2fa.txt');
      eq([enc.status, enc.body], [200, 'inside'], 'an encoded slash that stays inside');
      const up = await get(port, '/..');
      assert(up.status === 200 && up.body.includes('<title>t</title>'), 'a bare /.. is the root itself (the URL parser drops it)');
    });
    const outside = [
      '/..%2fdist-secret%2fx.txt', '/../dist-secret/x.txt', '/%2e%2e/dist-secret/x.txt',
      '/%2e%2e%2fdist-secret%2fx.txt', '/..%5cdist-secret%5cx.txt', '/sub/..%2f..%2fdist-secret%2fx.txt',
      '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%2f', `/..%2f..%2f..%2f..%2f..%2f..%2f${encodeURIComponent(path.join(top, 'secret.txt').slice(1))}`,
      '/%00', '/index.html%00.txt',
    ];
    for (const p of outside) {
      await step(`${p} is refused`, async () => {
        const r = await get(port, p);
        assert([400, 403, 404].includes(r.status), `status ${r.status}`);
        assert(!r.body.includes(SECRET), 'the secret was served');
      });
    }
  } finally {
    server.close();
    fs.rmSync(top, { recursive: true, force: true });
  }
} catch (e) {
  setupFailed(e);
}
finish();
