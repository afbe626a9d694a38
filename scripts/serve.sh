#!/usr/bin/env bash
# Builds the web app (release) and serves dist/ on http://127.0.0.1:${PORT:-8080}/ with the
# five seed articles built in. Installs what is missing first (scripts/install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
scripts/build-web.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
