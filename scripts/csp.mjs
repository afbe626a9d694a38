// The pages' Content-Security-Policy, shared by the build steps (imported by
// scripts/single-file.mjs, which scripts/build-web.sh runs after trunk).
//
// - moveInlineLoader(dist): Trunk writes its wasm loader into dist/index.html as an inline
//   module script, which the strict policy of www/index.html (script-src 'self') forbids. This
//   moves it, byte for byte, into dist/boot.js and loads that file instead. Refuses (throws) an
//   index.html with a policy that allows inline scripts, or with any other inline script.
// - singleFilePolicy(script, style): the policy of the one-file page dist/gloss.html, which
//   must inline its script and style: each is allowed by its SHA-256 hash, nothing else is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function moveInlineLoader(dist) {
  const file = path.join(dist, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  if (!policy) throw new Error('index.html has no Content-Security-Policy meta');
  if (/unsafe-inline[^;]*;?/.test(policy[1].split(';').find((d) => d.trim().startsWith('script-src')) || '')) {
    throw new Error('the policy of index.html allows inline scripts');
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
  if (inline.length === 0) return { moved: false };
  if (inline.length > 1) throw new Error(`index.html has ${inline.length} inline scripts; only Trunk's loader is expected`);
  const [whole, attrs, body] = inline[0];
  if (!/type="module"/.test(attrs) || !/__wbg_init|init\(/.test(body)) throw new Error(`an inline script that is not Trunk's loader: ${whole.slice(0, 120)}`);
  fs.writeFileSync(path.join(dist, 'boot.js'), `${body.trim()}\n`);
  html = html.replace(whole, '<script type="module" src="./boot.js"></script>');
  fs.writeFileSync(file, html);
  return { moved: true, bytes: body.length };
}

export function singleFilePolicy(script, style) {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    "style-src-attr 'unsafe-inline'",
    // The extractor's worker, made from the page's own inline source (scripts/single-file.mjs).
    'worker-src blob:',
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
