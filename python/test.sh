#!/usr/bin/env bash
# Builds and tests the Python package: a virtual environment in target/pyenv (made once,
# reused; remade when its interpreter is gone) with the pinned tools of
# python/requirements-test.txt, the package built from this clone by `pip install ./python`
# (maturin, release), and pytest on python/tests against the release CLI ($GLOSS_CLI, default
# target/release/gloss: build it first). scripts/test.sh runs this after the release CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/pyenv
py="$venv/bin/python"
if ! [ -x "$py" ] || ! "$py" -c 'import sys' 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
fi
# The venv's tools first on PATH (maturin's build hook calls `maturin`).
export PATH="$PWD/$venv/bin:$PATH"
pip=("$py" -m pip install -q --disable-pip-version-check)
"${pip[@]}" -r python/requirements-test.txt
# No build isolation: the venv's pinned maturin builds it, nothing else is downloaded.
"${pip[@]}" --no-build-isolation --no-deps --force-reinstall ./python
export GLOSS_CLI="${GLOSS_CLI:-$PWD/target/release/gloss}"
# From the repository's root, so that `import gloss` is the installed package, not python/gloss.
"$py" -m pytest -q -p no:cacheprovider python/tests
