#!/usr/bin/env bash
# Runs every test of Gloss: formatting, clippy, native unit/property/golden/CLI tests, the release CLI,
# the Python package (python/test.sh: PyO3, pytest, Dask), the web build, component tests in
# headless Chromium (wasm-bindgen-test) and the end-to-end test on the built dist/
# (playwright-core + Chromium). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n=== %s\n' "$*"; }

step "install (skips what is present)"
scripts/install.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native and wasm32, every target, warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --features web --all-targets -- -D warnings

step "native tests (unit, properties, golden, dev-set floors, CLI)"
cargo test --locked

step "release CLI"
cargo build --locked --release --bin gloss

step "Python package (venv target/pyenv, pip install ./python, pytest python/tests against the release CLI)"
GLOSS_CLI="$PWD/target/release/gloss" python/test.sh

step "web build (trunk, release) from an empty cargo registry and target, as on a fresh machine"
# What scripts/serve.sh does first on a fresh machine: it must fetch what it needs itself and not
# lean on crates an earlier step (cargo test, clippy) happened to download. The tools stay on PATH.
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
CARGO_HOME="$fresh/cargo" CARGO_TARGET_DIR="$fresh/target" scripts/build-web.sh

step "component tests in headless Chromium (wasm-bindgen-test)"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"
cargo test --locked --target wasm32-unknown-unknown --no-default-features --features web --test web

step "end to end on dist/ (playwright-core + Chromium)"
for spec in tests/e2e/*.spec.mjs; do
  printf -- "--- %s\n" "$spec"
  node "$spec"
done
