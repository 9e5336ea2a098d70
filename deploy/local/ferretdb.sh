#!/usr/bin/env bash
# Local MongoDB-wire server for tests and benchmarks: FerretDB v1 (SQLite backend) embedded in our
# small Go program deploy/local/ferretdb, on 127.0.0.1:${CEM_MONGO_PORT:-27017}, data in
# .cache/ferretdb/data. Usage: ferretdb.sh {install|start|stop|status}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${CEM_MONGO_PORT:-27017}
SRC="$LOCAL_DIR/ferretdb"
F_HOME="$CACHE_DIR/ferretdb"
BIN="$F_HOME/bin/cem-ferretdb"
DATA="$F_HOME/data"
PATTERN=cem-ferretdb # how our process is recognised by its command line
PIDFILE="$F_HOME/ferretdb.pid"
LOGFILE="$F_HOME/ferretdb.log"

install() {
  # Rebuild only when the binary is missing or older than our sources.
  if [[ -x "$BIN" && "$BIN" -nt "$SRC/main.go" && "$BIN" -nt "$SRC/go.mod" && "$BIN" -nt "$SRC/go.sum" ]]; then
    log "binary up to date: $BIN"
    return
  fi
  command -v go >/dev/null || die "go is needed to build FerretDB"
  log "building $BIN (first build takes a few minutes)"
  mkdir -p "$(dirname "$BIN")"
  # Pure Go (modernc SQLite), so no C toolchain; no VCS stamping since the repo may be dirty.
  (cd "$SRC" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -o "$BIN.tmp" .)
  mv "$BIN.tmp" "$BIN"
}

start() {
  install
  if pid_alive "$PIDFILE" "$PATTERN"; then
    log "already running (pid $(cat "$PIDFILE"))"
  else
    port_open "$PORT" && die "127.0.0.1:$PORT is taken by another process; stop it or set CEM_MONGO_PORT"
    mkdir -p "$DATA"
    log "starting on 127.0.0.1:$PORT"
    # setsid + nohup: the server outlives this script and its terminal; the log is appended.
    setsid nohup "$BIN" -listen "127.0.0.1:$PORT" -data-dir "$DATA" >>"$LOGFILE" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
  fi
  wait_until 30 server_ready || { tail -n 30 "$LOGFILE" >&2; die "not listening after 30 s"; }
  log "ready: mongodb://127.0.0.1:$PORT"
}

server_ready() {
  pid_alive "$PIDFILE" "$PATTERN" || { tail -n 30 "$LOGFILE" >&2; die "cem-ferretdb exited during start"; }
  port_open "$PORT"
}

stop() { stop_pid "$PIDFILE" ferretdb "$PATTERN"; }

status() { pid_port_status "$PIDFILE" "$PATTERN" "$PORT"; }

dispatch "$@"
