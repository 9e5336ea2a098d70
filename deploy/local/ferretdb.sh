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
F_STATE="$STATE_DIR/ferretdb"
DATA="$F_STATE/data"
PATTERN=cem-ferretdb # how our process is recognised by its command line
PIDFILE="$F_STATE/ferretdb.pid"
LOGFILE="$F_STATE/ferretdb.log"

# FerretDB v1.24's SQLite backend finds a document by `_ferretdb_sjson->'$._id'`, while the unique _id index
# it creates is on `_ferretdb_sjson->"_id"`. SQLite matches index expressions as written, so every get,
# update and delete by _id scanned the whole table (120 ms per missing id at 10 000 documents; the same
# class of bug as FerretDB#4646 on its PostgreSQL backend, fixed only in v2). We build against a copy of
# the module with the lookup written the way the index is: same results, index search instead of a scan.
FERRETDB_MODULE=github.com/FerretDB/FerretDB
ID_LOOKUP_AS_SHIPPED="IDColumn = DefaultColumn + \"->'\$._id'\""
ID_LOOKUP_AS_INDEXED='IDColumn = DefaultColumn + `->"_id"`'

patched_module() {
  local shipped patched="$F_HOME/ferretdb-module"
  shipped=$(cd "$SRC" && go mod download "$FERRETDB_MODULE" && go list -m -f '{{.Dir}}' "$FERRETDB_MODULE")
  [[ -d "$shipped" ]] || die "could not download $FERRETDB_MODULE"
  rm -rf "$patched" && cp -R "$shipped" "$patched" && chmod -R u+w "$patched"
  local file="$patched/internal/backends/sqlite/metadata/metadata.go"
  grep -qF "$ID_LOOKUP_AS_SHIPPED" "$file" || die "FerretDB's _id lookup is not as expected in $file; review the patch"
  sed -i 's|^\([[:space:]]*\)IDColumn = DefaultColumn + .*$|\1'"$ID_LOOKUP_AS_INDEXED"'|' "$file"
  grep -qF "$ID_LOOKUP_AS_INDEXED" "$file" || die "patching $file failed"
  echo "$patched"
}

install() {
  # Rebuild only when the binary is missing or older than our sources (this script holds the patch).
  if [[ -x "$BIN" && "$BIN" -nt "$SRC/main.go" && "$BIN" -nt "$SRC/go.mod" && "$BIN" -nt "$SRC/go.sum" \
        && "$BIN" -nt "${BASH_SOURCE[0]}" ]]; then
    log "binary up to date: $BIN"
    return
  fi
  command -v go >/dev/null || die "go is needed to build FerretDB"
  log "building $BIN (first build takes a few minutes)"
  mkdir -p "$(dirname "$BIN")"
  local module modfile="$F_HOME/build.mod"
  module=$(patched_module)
  # A separate modfile: our go.mod stays the plain dependency on the released module.
  cp "$SRC/go.mod" "$modfile" && cp "$SRC/go.sum" "${modfile%.mod}.sum"
  (cd "$SRC" && go mod edit -modfile="$modfile" -replace "$FERRETDB_MODULE=$module")
  # Pure Go (modernc SQLite), so no C toolchain; no VCS stamping since the repo may be dirty.
  (cd "$SRC" && CGO_ENABLED=0 go build -modfile="$modfile" -trimpath -buildvcs=false -o "$BIN.tmp" .)
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
  still_starting "$PIDFILE" "$PATTERN" || { tail -n 30 "$LOGFILE" >&2; die "cem-ferretdb exited during start"; }
  port_open "$PORT"
}

stop() { stop_pid "$PIDFILE" ferretdb "$PATTERN"; }

status() { pid_port_status "$PIDFILE" "$PATTERN" "$PORT"; }

dispatch "$@"
