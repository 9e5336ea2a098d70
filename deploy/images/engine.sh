#!/usr/bin/env bash
# Makes sure a Docker engine answers: on a machine with Docker (Desktop or a running daemon) it does
# nothing; on a fresh Debian machine (root) it installs Debian's docker.io and starts dockerd in the
# background (log in .cache/docker/dockerd.log). Usage: engine.sh
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log() { echo "[engine] $*"; }
die() { echo "[engine] ERROR: $*" >&2; exit 1; }

if docker info >/dev/null 2>&1; then
  log "docker engine answers ($(docker version -f '{{.Server.Version}}' 2>/dev/null))"
  exit 0
fi
[[ $(id -u) == 0 ]] || die "no Docker engine answers and we are not root: start Docker (Desktop) first"

if ! command -v dockerd >/dev/null; then
  log "installing docker.io with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi

if [[ ! -S /var/run/docker.sock ]] || ! docker info >/dev/null 2>&1; then
  mkdir -p "$REPO_ROOT/.cache/docker"
  log "starting dockerd"
  # setsid + nohup: the daemon outlives this script (and later runs reuse it).
  setsid nohup dockerd >>"$REPO_ROOT/.cache/docker/dockerd.log" 2>&1 </dev/null &
fi
for _ in $(seq 1 60); do
  docker info >/dev/null 2>&1 && { log "docker engine ready"; exit 0; }
  sleep 1
done
tail -n 30 "$REPO_ROOT/.cache/docker/dockerd.log" >&2 || true
die "dockerd did not answer within 60 s"
