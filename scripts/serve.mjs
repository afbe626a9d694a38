// A static file server for dist/, bound to 127.0.0.1 only, with the MIME types the app
// needs (application/wasm above all). Usage: node scripts/serve.mjs [DIR] [PORT]
// Also imported by the end-to-end tests: serve(dir, port) resolves to the http.Server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export function serve(dir, port = 0, host = '127.0.0.1') {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    let file = path.resolve(root, `.${path.sep}${rel}`);
    // Whole path components: `dist-secret` is not inside `dist` although its name starts so.
    const inside = path.relative(root, file);
    if (inside !== '' && (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))) { res.writeHead(403).end(); return; }
    if (rel.includes('\0')) { res.writeHead(400).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  serve(dir, port).then((s) => console.log(`Gloss is served at http://127.0.0.1:${s.address().port}/ (Ctrl+C stops)`));
}
