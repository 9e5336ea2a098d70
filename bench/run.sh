#!/usr/bin/env bash
# npm run bench: starts the local servers, runs each section in its own process (Emmett's driver changes
# node-postgres' global type parsers, and a failing section must not take the others down), prints the table.
# Knobs (env): BENCH_EVENTS (log size for catch-up and rebuild, default 200000), BENCH_RELAY_EVENTS,
# BENCH_EMBEDDED_EVENTS, BENCH_NAIVE_EVENTS, BENCH_REPS (default 3), BENCH_WRITERS (default 32),
# BENCH_APPENDS_PER_WRITER, BENCH_BATCHES_PER_WRITER, BENCH_SECTIONS (default "append emmett append-breakdown log relay embedded lists audit e2e"),
# BENCH_E2E_RATES (default "50 100 200 500" commands/s), BENCH_E2E_SECONDS (default 5 per rate), BENCH_E2E_PATHS
# (default "unbatched batched": the e2e section once per command path, before and after in one run), BENCH_SERVICE_NODE_ARGS
# (extra node flags for the e2e service processes, e.g. --cpu-prof), BENCH_LIST_DOSSIERS (section lists, default 100000),
# BENCH_AUDIT_EVENTS (section audit, default 1000000).
# BENCH_QUICK=1: a sanity run of every section in a few minutes (small sizes, one repetition; figures not comparable).
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_QUICK:-}" == 1 ]]; then
  export BENCH_EVENTS="${BENCH_EVENTS:-20000}" BENCH_REPS="${BENCH_REPS:-1}" BENCH_APPENDS_PER_WRITER="${BENCH_APPENDS_PER_WRITER:-10}"
  export BENCH_BATCHES_PER_WRITER="${BENCH_BATCHES_PER_WRITER:-2}" BENCH_E2E_RATES="${BENCH_E2E_RATES:-50}" BENCH_E2E_SECONDS="${BENCH_E2E_SECONDS:-2}"
  export BENCH_LIST_DOSSIERS="${BENCH_LIST_DOSSIERS:-5000}" BENCH_AUDIT_EVENTS="${BENCH_AUDIT_EVENTS:-50000}"
fi

# BENCH_SKIP_UP=1: use servers that already run (e.g. from a git worktree, whose deploy/local would look for its
# own .cache); up.sh never stops running servers either way.
if [[ "${BENCH_SKIP_UP:-}" != 1 ]]; then
  bash deploy/local/up.sh >&2 || { echo "bench: servers failed to start" >&2; exit 1; }
fi
# shellcheck source=/dev/null
source deploy/local/env.sh

export BENCH_RUN_ID="${BENCH_RUN_ID:-r$(date +%s)}"
export BENCH_RESULTS="${BENCH_RESULTS:-$PWD/bench/results/$BENCH_RUN_ID.jsonl}"
mkdir -p "$(dirname "$BENCH_RESULTS")"
: > "$BENCH_RESULTS"
SECTIONS="${BENCH_SECTIONS:-append emmett append-breakdown log relay embedded lists audit e2e}"
SECTION_TIMEOUT="${BENCH_SECTION_TIMEOUT:-1200}"

echo "bench: run $BENCH_RUN_ID on $(nproc) cores; results in $BENCH_RESULTS" >&2
status=0
for section in $SECTIONS; do
  echo "bench: section $section" >&2
  if ! timeout "$SECTION_TIMEOUT" node -r ./tools/register.js "bench/src/$section.ts"; then
    echo "bench: section $section failed or timed out" >&2
    echo "{\"figure\":\"$section\",\"error\":\"section failed or timed out (see stderr)\"}" >> "$BENCH_RESULTS"
    status=1
  fi
done
node -r ./tools/register.js bench/src/report.ts
cp "${BENCH_RESULTS%.jsonl}.md" bench/results/latest.md 2>/dev/null || true
exit $status
