#!/usr/bin/env bash
# Measures the extractor on the development corpora (../shared/data/dev) and the seed gold
# with the release CLI, printing the figures the README reports. Usage: scripts/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=${GLOSS_DEV_DATA:-../shared/data/dev}
OUT=${OUT:-target/measure}
mkdir -p "$OUT"
cargo build --locked --release --quiet --bin gloss
G=target/release/gloss
run() { printf '\n### %s\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

"$G" extract seeds/*.txt > /dev/null   # smoke
# The seeds: extract each with its gold's DCT (taken from the gold file), score against the gold.
rm -f "$OUT/seeds.pred.jsonl"
for gold in seeds/*.gold.json; do
  stem=$(basename "$gold" .gold.json)
  dct=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["dct"] or "")' "$gold" 2>/dev/null || true)
  if [ -n "$dct" ]; then "$G" extract --jsonl <(printf '{"id":"%s","text":%s,"dct":"%s"}\n' "$stem" "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1],encoding="utf-8").read()))' "seeds/$stem.txt")" "$dct") >> "$OUT/seeds.pred.jsonl"
  else "$G" extract --jsonl <(printf '{"id":"%s","text":%s,"dct":null}\n' "$stem" "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1],encoding="utf-8").read()))' "seeds/$stem.txt")") >> "$OUT/seeds.pred.jsonl"; fi
done
run "seed gold" "$G" score seeds/ "$OUT/seeds.pred.jsonl"

if [ -d "$DEV" ]; then
  for f in tbaq-timebank tbaq-aquaint polnear-dev wikigold meantime-airbus-apple; do
    "$G" extract "$DEV/$f.jsonl" > "$OUT/$f.pred.jsonl"
  done
  cat "$DEV/tbaq-timebank.jsonl" "$DEV/tbaq-aquaint.jsonl" > "$OUT/tbaq.gold.jsonl"
  cat "$OUT/tbaq-timebank.pred.jsonl" "$OUT/tbaq-aquaint.pred.jsonl" > "$OUT/tbaq.pred.jsonl"
  run "TempEval-3 training data (TimeBank + AQUAINT), dates" "$G" score "$OUT/tbaq.gold.jsonl" "$OUT/tbaq.pred.jsonl" --labels DATE
  run "PolNeAR dev, attributions" "$G" score "$DEV/polnear-dev.jsonl" "$OUT/polnear-dev.pred.jsonl" --attributions
  run "WikiGold, named person/organization actors" "$G" score "$DEV/wikigold.jsonl" "$OUT/wikigold.pred.jsonl" --labels ACTOR --kinds person,organization,group --mention name
  run "MEANTIME airbus+apple, named actors" "$G" score "$DEV/meantime-airbus-apple.jsonl" "$OUT/meantime-airbus-apple.pred.jsonl" --labels ACTOR --kinds person,organization,group --mention name
else
  echo "no development data at $DEV: only the seeds were scored"
fi
