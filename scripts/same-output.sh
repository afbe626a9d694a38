#!/usr/bin/env bash
# The pipeline's output on the seeds, a 1 MB article (the seeds' paragraphs of over 40 bytes
# repeated to 1 MiB, as benches/common builds it) and every development corpus, written with the
# release CLI to one file each in DIR. For changes that must not change what is extracted (moving
# rules between files, speed work):
#
#   scripts/same-output.sh /tmp/before        # on the old code
#   scripts/same-output.sh /tmp/after         # on the new code
#   diff -r /tmp/before /tmp/after && echo byte-identical
#
# The development corpora are read from ../shared/data/dev (or $GLOSS_DEV_DATA); absent ones
# are skipped with a word. GLOSS_BIN=target/debug/gloss uses that build instead of building the
# release CLI (quicker while iterating; the output does not depend on the profile).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/same-output.sh DIR}
mkdir -p "$out"
if [ -n "${GLOSS_BIN:-}" ]; then
  gloss=$GLOSS_BIN
else
  cargo build --locked --release --bin gloss -q
  gloss=target/release/gloss
fi
export SOURCE_DATE_EPOCH=0   # the gold files' "created", so two runs compare byte for byte
python3 - "$out" <<'PY'
import glob, json, sys
out = sys.argv[1]
seeds = []
for g in sorted(glob.glob("seeds/*.gold.json")):
    d = json.load(open(g, encoding="utf-8"))
    seeds.append({"id": d["id"], "text": d["text"], "dct": d.get("dct")})
with open(f"{out}/seeds.in.jsonl", "w", encoding="utf-8") as f:
    for s in seeds:
        f.write(json.dumps(s, ensure_ascii=False) + "\n")
text, full = [], 0
while full < 1 << 20:
    for s in seeds:
        for p in s["text"].split("\n"):
            if len(p.encode()) > 40 and full < 1 << 20:
                text.append(p + "\n")
                full += len(p.encode()) + 1
with open(f"{out}/1mb.in.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "1mb", "text": "".join(text), "dct": "2025-09-19"}, ensure_ascii=False) + "\n")
PY
"$gloss" extract "$out/seeds.in.jsonl" > "$out/seeds.jsonl"
"$gloss" extract "$out/1mb.in.jsonl" > "$out/1mb.jsonl"
rm "$out"/*.in.jsonl
dev=${GLOSS_DEV_DATA:-../shared/data/dev}
for corpus in "$dev"/*.jsonl; do
  [ -e "$corpus" ] || { echo "no development corpora in $dev: skipped"; break; }
  "$gloss" extract "$corpus" > "$out/$(basename "$corpus")"
done
ls -l "$out"
