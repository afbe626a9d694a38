#!/usr/bin/env bash
# Installs what building and testing Gloss needs on a fresh Debian machine with rustup,
# skipping whatever is already there at the right version. Safe to run again.
#   - apt: chromium + chromium-driver (browser tests), nodejs + npm if node is missing,
#     python3-venv and python3-dev if missing (the Python package's tests)
#   - rustup: the wasm32-unknown-unknown target, rustfmt and clippy
#   - cargo: wasm-bindgen-cli 0.2.130 (must equal the wasm-bindgen crate) and trunk 0.21.14
#   - npm: playwright-core and binaryen 132 (wasm-opt), from package-lock.json
# Versions and why: see TOOLCHAIN notes in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
say() { printf '[install] %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

need_apt=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v chromedriver >/dev/null || [ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v cc >/dev/null || need_apt+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
# The Python package (python/test.sh): python3 with venv (Debian splits ensurepip into
# python3-venv) and its headers (python3-dev).
command -v python3 >/dev/null || need_apt+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
python3 -c 'import os, sysconfig; assert os.path.exists(os.path.join(sysconfig.get_path("include"), "Python.h"))' \
  2>/dev/null || need_apt+=(python3-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
else
  say "apt packages present"
fi

for comp in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    say "rustup component add $comp"
    rustup component add "$comp"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  say "wasm32 target present"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
else
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
else
  say "trunk $TRUNK_VERSION present"
fi

if [ -f package-lock.json ]; then
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || ! cmp -s package-lock.json node_modules/.package-lock.json.copy 2>/dev/null; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.package-lock.json.copy
  else
    say "npm packages present"
  fi
fi
