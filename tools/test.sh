#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs dependencies, installs and starts the real servers
# (PostgreSQL, Kafka, FerretDB) on 127.0.0.1, type-checks, runs unit and integration tests, and prints
# jest's summary followed by a plain "Tests: N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: this npm (11, os/cpu unset) writes a lock with only this platform's
  # optional binaries and then refuses it in `npm ci`. The lock still pins every version.
  npm install --no-audit --no-fund
fi

bash deploy/local/up.sh
# shellcheck source=/dev/null
source deploy/local/env.sh

# The portal's browser tests drive Debian's Chromium (Playwright cannot download its own browsers here).
if [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Debian's Chromium for the portal's browser tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y chromium || { $SUDO apt-get update && $SUDO apt-get install -y chromium; }
fi
bash tools/build-portal.sh

echo "== Type check (strict)"
npx tsc -p tsconfig.json --noEmit

echo "== Tests (unit + integration on real servers + the portal in Chromium)"
mkdir -p .cache
status=0
NODE_ENV=test npx jest --ci --maxWorkers=2 --json --outputFile=.cache/jest-results.json "$@" || status=$?
node tools/print-test-summary.js .cache/jest-results.json || true
exit $status
