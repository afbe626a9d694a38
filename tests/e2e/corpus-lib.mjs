// Generates a large corpus for end-to-end tests and benchmarks (not a test itself): the five
// seed articles with their hand-checked gold annotations, repeated under new ids
// (corpus-0001, corpus-0002...). Each copy's text gets one closing line naming the copy, so
// that every document has a text of its own (Gloss takes a file whose text it already has as
// another version of that document, not a new one); the annotations keep their offsets, as
// the line comes after them, and each copy's sha256 is that of its own text.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The seeds' gold files, parsed, in file name order. */
export function seedGolds() {
  const dir = path.join(ROOT, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** The id of copy `k` (0-based) of a corpus of `n` documents: corpus-0001... */
export function copyId(k, n = 1000) {
  return `corpus-${String(k + 1).padStart(Math.max(4, String(n).length), '0')}`;
}

/** `n` gold objects: copy k is seed k mod 5 (seedGolds order) under copyId(k, n). */
export function corpusDocs(n = 1000) {
  const seeds = seedGolds();
  const out = [];
  for (let k = 0; k < n; k++) {
    const seed = seeds[k % seeds.length];
    const id = copyId(k, n);
    const text = `${seed.text}${seed.text.endsWith('\n') ? '' : '\n'}\n(${id}: copy of ${seed.id})\n`;
    const sha256 = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
    out.push({ ...seed, id, text, sha256 });
  }
  return out;
}

/** Gloss JSON Lines of `n` documents: one compact gold object a line. */
export function corpusJsonl(n = 1000) {
  return corpusDocs(n).map((d) => JSON.stringify(d)).join('\n') + '\n';
}

/** Writes corpusJsonl(n) to `file`; returns the file's path. */
export function writeCorpus(file, n = 1000) {
  fs.writeFileSync(file, corpusJsonl(n));
  return file;
}
