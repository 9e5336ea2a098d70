#!/usr/bin/env bash
# npm run test:faults — the fault-injection suite (docs/reliability.md). It starts its OWN PostgreSQL, Kafka and
# FerretDB on other ports with their own data under .cache/faults (never the shared servers on the default
# ports, which it must not stop), runs deploy/faults/fault-suite.ts against them, and stops them again.
# Ports: CEM_FAULT_PG_PORT (15432), CEM_FAULT_KAFKA_PORT (19092, controller +1), CEM_FAULT_MONGO_PORT (37017).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export CEM_STATE_DIR="$ROOT/.cache/faults"
export CEM_PG_PORT="${CEM_FAULT_PG_PORT:-15432}"
export CEM_KAFKA_PORT="${CEM_FAULT_KAFKA_PORT:-19092}"
export CEM_KAFKA_CONTROLLER_PORT="$((CEM_KAFKA_PORT + 1))"
export CEM_MONGO_PORT="${CEM_FAULT_MONGO_PORT:-37017}"
source deploy/local/env.sh

servers() { for s in postgres kafka ferretdb; do bash "deploy/local/$s.sh" "$1"; done; }
stop_servers() { for s in ferretdb kafka postgres; do bash "deploy/local/$s.sh" stop || true; done; }
trap stop_servers EXIT

# A fresh state each run: the figures then describe this run only.
stop_servers >/dev/null 2>&1
rm -rf "$CEM_STATE_DIR"
servers start
NODE_ENV=production CEM_LOG_LEVEL=warn node -r ./tools/register.js deploy/faults/fault-suite.ts "$@"
