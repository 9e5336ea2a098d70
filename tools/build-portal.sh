#!/usr/bin/env bash
# Builds the portal (vite build -> portal/dist, git-ignored) when the build is missing or any of its
# sources is newer than it. `--force` builds anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=portal/dist/index.html
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && \
   [ -z "$(find portal/src portal/index.html portal/vite.config.mts portal/package.json libs/contracts/src -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "== Building the portal (vite build)"
(cd portal && npx vite build --logLevel warn)
