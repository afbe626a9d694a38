// Writes dist/gloss.html: the whole page in one self-contained file that works opened from
// disk (file://) with no server and no network. Run by scripts/build-web.sh after trunk.
//
// What goes in: the stylesheet (inline <style>), the favicon (a data: URL), the wasm-bindgen
// glue web.js (inline module script, its `export`s turned into plain declarations, since a
// file:// page may not import modules), and web_bg.wasm as base64, handed to the glue's init
// as bytes so nothing is fetched. The seeds are compiled into the wasm, as in the app.
// The extractor's worker goes in the same way: extract-worker.js with the extractor's glue
// (extractor.js) and wasm (base64) inlined, started from a blob: URL the page names in
// `window.glossWorker` (src/ui/browser/extractor.rs); the policy allows `worker-src blob:`.
// Refuses (exit 1) anything it does not recognise rather than writing a broken file.
// Its Content-Security-Policy allows exactly its inline script and style, by their SHA-256
// (scripts/csp.mjs); and first, Trunk's inline loader leaves dist/index.html for dist/boot.js
// so that the page's strict policy holds there too.
//
// Usage: node scripts/single-file.mjs [DIST]   (default dist/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { moveInlineLoader, singleFilePolicy } from './csp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const read = (f) => fs.readFileSync(path.join(DIST, f));
const fail = (why) => { console.error(`single-file: ${why}`); process.exit(1); };

try {
  const m = moveInlineLoader(DIST);
  if (m.moved) console.log(`moved Trunk's inline loader (${m.bytes} bytes) from index.html to boot.js`);
} catch (e) {
  fail(e.message);
}
const index = read('index.html').toString('utf8');
const css = read('style.css').toString('utf8');
const js = read('web.js').toString('utf8');
const wasm = read('web_bg.wasm');
const icon = read('favicon.svg');
const workerJs = read('extract-worker.js').toString('utf8');
const extractorJs = read('extractor.js').toString('utf8');
const extractorWasm = read('extractor_bg.wasm');

if (/<\/style/i.test(css)) fail('style.css contains "</style"');
if (/<\/script/i.test(js)) fail('web.js contains "</script"');

// A wasm-bindgen glue as a classic block of declarations (inside one module script).
const inlineGlue = (text, name) => {
  const out = text.split('\n').map((line) => {
    if (/^export \{[^}]*\};?\s*$/.test(line)) return '';
    const m = line.match(/^export ((?:async )?function\*? |class |const |let |var )/);
    return m ? line.slice('export '.length) : line;
  }).join('\n');
  if (/^export\b/m.test(out)) fail(`${name} has an export this script does not know how to inline`);
  if (!/\basync function __wbg_init\b/.test(out)) fail(`${name} has no __wbg_init`);
  return out;
};
const glue = inlineGlue(js, 'web.js');
const base64Bytes = (name) => `(typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(${name})
  : Uint8Array.from(atob(${name}), (c) => c.charCodeAt(0)))`;

// The worker: its import of the extractor replaced by the glue, its init by one with bytes.
// A classic script (a page opened from disk may not start a module worker from a blob:
// URL), so the glue's one `import.meta.url` (the default wasm path, unused here) goes too.
const IMPORT = /^import init, \{[^}]*\} from '\.\/extractor\.js';$/m;
const INIT = /^const ready = init\(\);$/m;
if (!IMPORT.test(workerJs) || !INIT.test(workerJs)) fail('extract-worker.js lacks its import or init line');
const workerSource = workerJs
  .replace(IMPORT, () => inlineGlue(extractorJs, 'extractor.js').replaceAll('import.meta.url', 'self.location.href'))
  .replace(INIT, () => `const EXTRACTOR_BASE64 = "${extractorWasm.toString('base64')}";
const ready = __wbg_init({ module_or_path: ${base64Bytes('EXTRACTOR_BASE64')} });`);
if (/^\s*import\s|import\.meta|^export\b/m.test(workerSource)) fail('the worker still imports or exports: it would not run as a classic script');

const head = (re, what) => {
  const m = index.match(re);
  if (!m) fail(`index.html has no ${what}`);
  return m[0];
};
const title = head(/<title>[^<]*<\/title>/, '<title>');
const description = head(/<meta name="description"[^>]*>/, 'description');
const noscript = head(/<noscript>[\s\S]*?<\/noscript>/, '<noscript>');

const style = `
${css}
`;
const script = `
${glue}
const WORKER_SOURCE = ${JSON.stringify(workerSource).replace(/<\//g, '<\\/')};
window.glossWorker = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
const WASM_BASE64 = "${wasm.toString('base64')}";
await __wbg_init({ module_or_path: ${base64Bytes('WASM_BASE64')} });
`;
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${singleFilePolicy(script, style)}">
${title}
${description}
<meta name="generator" content="scripts/single-file.mjs: one self-contained file (wasm, JS and CSS inlined)">
<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">
<style>${style}</style>
</head>
<body data-gloss-app>
${noscript}
<script type="module">${script}</script>
</body>
</html>
`;
const out = path.join(DIST, 'gloss.html');
fs.writeFileSync(out, html);
console.log(`wrote ${path.relative(ROOT, out)} (${html.length} bytes; wasm ${wasm.length} + extractor ${extractorWasm.length} bytes as base64)`);
