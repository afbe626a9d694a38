#!/usr/bin/env bash
# Builds the web app into dist/ with trunk (release, offline, locked; the crates are fetched first): wasm-bindgen 0.2.130
# and binaryen 132's wasm-opt must be on PATH (scripts/install.sh puts them there; npm's
# node_modules/.bin comes first so its wasm-opt wins over an older system one).
# Then writes dist/gloss.html, the whole page in one self-contained file for use from disk
# with no server and no network (scripts/single-file.mjs).
# Prints the transfer size (gzip -9) of what the editor page downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ ! -x node_modules/.bin/wasm-opt ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# trunk builds offline (no tool download may happen here): fetch the crates of every target
# first, or a fresh machine fails with "failed to download ... --offline was specified".
cargo fetch --locked
trunk build --release --locked --offline --skip-version-check "$@"
node scripts/single-file.mjs dist
total=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html dist/favicon.svg; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
  printf '%-40s %9d bytes  %8d gzip -9\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-40s %9s        %8d gzip -9\n' "total transfer" "" "$total"
raw=$(wc -c <dist/gloss.html); gz=$(gzip -9 -c dist/gloss.html | wc -c)
printf '%-40s %9d bytes  %8d gzip -9\n' "gloss.html (offline, one file)" "$raw" "$gz"
