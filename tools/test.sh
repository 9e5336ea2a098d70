#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs dependencies; prepares a Docker engine (on a bare Debian
# machine as root: installs docker.io and starts dockerd; with Docker Desktop: nothing), builds the images once
# (deploy/images/build.sh: later runs reuse them) and docker compose v2; builds every project with Nx (cached),
# type-checks, lints (ESLint, zero warnings) and checks formatting (Prettier); runs the unit and integration
# tests (the integration suites share one set of PostgreSQL/Kafka/FerretDB containers started through
# Testcontainers, see tools/jest/test-servers.ts), then the docker-compose test; prints jest's summary followed by
# a plain "Tests: N passed, N failed" line.
# With CEM_PG_URL, CEM_KAFKA_BROKERS and CEM_MONGO_URL all set (e.g. `source deploy/local/env.sh` on a machine
# without Docker), the integration tests use those servers and the compose test is left out.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: this npm (11, os/cpu unset) writes a lock with only this platform's
  # optional binaries and then refuses it in `npm ci`. The lock still pins every version.
  npm install --no-audit --no-fund
fi
export NX_DAEMON=false NX_NO_CLOUD=true TESTCONTAINERS_RYUK_DISABLED=true
mkdir -p .cache

with_docker=true
if [[ -n "${CEM_PG_URL:-}" && -n "${CEM_KAFKA_BROKERS:-}" && -n "${CEM_MONGO_URL:-}" ]]; then
  with_docker=false
  echo "== Servers given: $CEM_PG_URL $CEM_KAFKA_BROKERS $CEM_MONGO_URL (no containers, no compose test)"
else
  echo "== Docker engine, images (built once, then cached by content) and docker compose"
  bash deploy/images/engine.sh
  bash deploy/images/build.sh
  bash deploy/images/compose.sh
fi

# Every container of this run carries this label; the trap removes them even if jest itself dies.
export CEM_TEST_RUN_ID="test-$$-$RANDOM"
# Keycloak (the distributed mode's OIDC issuer) for the identity tests, as a process from Maven Central (the compose
# test runs its image, deploy/images/keycloak); started in the background now, waited for before the tests.
# One already serving realm cem on the port (up.sh's, another clone's run) is reused. CEM_SERVER_USER marks this run
# as its user: at exit `keycloak.sh release` stops it if a test run started it and no other live run still uses it,
# so a run leaves no Keycloak behind and never stops one it did not start (deploy/local/lib.sh, leases).
export CEM_SERVER_USER=$$
bash deploy/local/keycloak.sh start >.cache/keycloak-start.log 2>&1 &
keycloak_start=$!
export CEM_KEYCLOAK_URL="http://127.0.0.1:${CEM_KEYCLOAK_PORT:-8180}"
# Mailpit (SMTP test server, built from the Go module proxy) for the notification digests' test, which reads the
# mails back through its HTTP API; leased like Keycloak (a running one is reused, the last run out stops what runs started).
bash deploy/local/mailpit.sh start >.cache/mailpit-start.log 2>&1 &
mailpit_start=$!
export CEM_SMTP_URL="smtp://127.0.0.1:${CEM_SMTP_PORT:-1025}"
export CEM_MAILPIT_URL="http://127.0.0.1:${CEM_MAILPIT_PORT:-8025}"
# What this run started goes at exit, whatever ends it (a failed build as well as the tests): its containers, its
# Keycloak and its Mailpit. The Docker engine (deploy/images/engine.sh) stays: it is the machine's, shared and reused.
cleanup() {
  # A start still under way is cut short (the server it launched is already leased, so release finds it).
  [[ -n "$keycloak_start" ]] && { kill "$keycloak_start" 2>/dev/null; wait "$keycloak_start" 2>/dev/null || true; }
  bash deploy/local/keycloak.sh release >>.cache/keycloak-start.log 2>&1 || echo "keycloak release failed, see .cache/keycloak-start.log" >&2
  [[ -n "$mailpit_start" ]] && { kill "$mailpit_start" 2>/dev/null; wait "$mailpit_start" 2>/dev/null || true; }
  bash deploy/local/mailpit.sh release >>.cache/mailpit-start.log 2>&1 || echo "mailpit release failed, see .cache/mailpit-start.log" >&2
  if $with_docker; then
    docker ps -aq --filter "label=org.cem.test-run=$CEM_TEST_RUN_ID" | xargs -r docker rm -f -v >/dev/null
    # The compose test's project (deploy/compose: cem-compose-<run id>), if jest did not get to `compose down`.
    docker ps -aq --filter "label=com.docker.compose.project=cem-compose-$CEM_TEST_RUN_ID" | xargs -r docker rm -f -v >/dev/null
    docker volume ls -q --filter "label=com.docker.compose.project=cem-compose-$CEM_TEST_RUN_ID" | xargs -r docker volume rm >/dev/null
  fi
  return 0
}
trap cleanup EXIT

# The portal's browser tests drive Debian's Chromium (Playwright cannot download its own browsers here).
if [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Debian's Chromium for the portal's browser tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y chromium || { $SUDO apt-get update && $SUDO apt-get install -y chromium; }
fi
# The official documents' tests read the PDFs back with poppler's pdftotext and pdffonts (Debian poppler-utils).
if ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null; then
  echo "== Installing Debian's poppler-utils (pdftotext) for the PDF tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y poppler-utils || { $SUDO apt-get update && $SUDO apt-get install -y poppler-utils; }
fi
bash tools/build-portal.sh

echo "== Build (nx run-many -t build: every lib and service to dist/, cached)"
npx nx run-many -t build --output-style=static
echo "== Type check (strict)"
npx tsc -p tsconfig.json --noEmit
echo "== Lint (ESLint, type-checked rules, zero warnings) and formatting (Prettier)"
# A lint failure fails the run, but after the tests (their result is worth having either way).
lint_status=0
npm run --silent lint || lint_status=$?

echo "== Tests (unit + integration on containers + the portal in Chromium)"
wait "$keycloak_start" || { keycloak_start=""; cat .cache/keycloak-start.log; echo "Keycloak did not start" >&2; exit 1; }
keycloak_start=""
wait "$mailpit_start" || { mailpit_start=""; cat .cache/mailpit-start.log; echo "Mailpit did not start" >&2; exit 1; }
mailpit_start=""
projects=(unit integration e2e-in-process browser)
status=0
NODE_ENV=test npx jest --ci --maxWorkers=2 --selectProjects "${projects[@]}" --json --outputFile=.cache/jest-results.json "$@" || status=$?
if $with_docker && [[ $# -eq 0 ]]; then
  echo "== docker compose test (the distributed topology from the images)"
  NODE_ENV=test npx jest --ci --forceExit --selectProjects compose --json --outputFile=.cache/jest-compose.json || status=$?
fi
node tools/print-test-summary.js .cache/jest-results.json $($with_docker && [[ $# -eq 0 ]] && echo .cache/jest-compose.json) || true
if [[ $lint_status != 0 ]]; then echo "Lint or formatting failed (above): npm run format fixes what it can"; status=1; fi
exit $status
