#!/usr/bin/env bash
# Starts the whole platform on its embedded default: one process, four services, PGlite stores and an
# in-process bus, data kept under ./data. Installs dependencies on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: this npm (11, os/cpu unset) writes a lock with only this platform's
  # optional binaries and then refuses it in `npm ci`. The lock still pins every version.
  npm install --no-audit --no-fund
fi
# The portal's build (portal/dist, git-ignored) is made when missing or older than its sources.
bash tools/build-portal.sh
exec node -r ./tools/register.js deploy/embedded/main.ts "$@"
