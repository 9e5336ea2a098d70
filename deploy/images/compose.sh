#!/usr/bin/env bash
# Makes sure `docker compose` (v2) works. Docker Desktop ships it; on a bare Debian engine it is built from
# the Go module proxy (github.com/docker/compose/v2, ~2 minutes the first time; `go install` refuses the
# module because of its exclude directives, so it is downloaded and built in a copy) and kept in
# .cache/compose, then installed as a CLI plugin (/usr/local/lib/docker/cli-plugins, or ~/.docker/cli-plugins
# when not root). Usage: compose.sh
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION=${CEM_COMPOSE_VERSION:-v2.40.3}
MODULE=github.com/docker/compose/v2
BIN="$REPO_ROOT/.cache/compose/docker-compose-$VERSION"
log() { echo "[compose] $*"; }
die() { echo "[compose] ERROR: $*" >&2; exit 1; }

if docker compose version >/dev/null 2>&1; then
  log "$(docker compose version)"
  exit 0
fi
if [[ ! -x "$BIN" ]]; then
  command -v go >/dev/null || die "docker compose v2 is missing and Go is needed to build it"
  log "building docker compose $VERSION from the Go module proxy"
  work=$(mktemp -d)
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
  dir=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$MODULE@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -d "$dir" ]] || die "could not download $MODULE@$VERSION"
  cp -R "$dir" "$work/src" && chmod -R u+w "$work/src"
  mkdir -p "$(dirname "$BIN")"
  (cd "$work/src" && CGO_ENABLED=0 go build -trimpath -buildvcs=false \
    -ldflags "-s -w -X $MODULE/internal.Version=$VERSION" -o "$BIN.tmp" ./cmd)
  mv "$BIN.tmp" "$BIN"
fi
if [[ $(id -u) == 0 ]]; then plugins=/usr/local/lib/docker/cli-plugins; else plugins="$HOME/.docker/cli-plugins"; fi
mkdir -p "$plugins" && install -m 755 "$BIN" "$plugins/docker-compose"
docker compose version >/dev/null 2>&1 || die "docker compose does not answer after installing $plugins/docker-compose"
log "$(docker compose version) in $plugins"
