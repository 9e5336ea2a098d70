#!/usr/bin/env bash
# Starts the whole platform on its embedded default: one process, four services, PGlite stores and an
# in-process bus, data kept under ./data. Installs dependencies on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec node -r ./tools/register.js deploy/embedded/main.ts "$@"
