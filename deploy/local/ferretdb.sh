#!/usr/bin/env bash
# Local MongoDB-wire server for tests and benchmarks: FerretDB v1.24 embedded in our small Go program
# deploy/local/ferretdb, on 127.0.0.1:${CEM_MONGO_PORT:-27017}. Backend: PostgreSQL (default since issue 17:
# database ${CEM_FERRETDB_PG_DB:-ferretdb} on the local PostgreSQL, which must be up; deploy/local/up.sh starts it
# first) or SQLite (CEM_FERRETDB_HANDLER=sqlite, files under .cache/ferretdb/data).
# Usage: ferretdb.sh {install|start|stop|status|selftest}
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
HANDLER=${CEM_FERRETDB_HANDLER:-postgresql}
PG_PORT=${CEM_PG_PORT:-5432}
PG_DB=${CEM_FERRETDB_PG_DB:-ferretdb}
# At most 20 of PostgreSQL's 200 connections (FerretDB's default is 50); rows are read at once, so a command
# holds one only while its SQL runs.
PG_URL="postgres://cem:cem@127.0.0.1:$PG_PORT/$PG_DB?pool_max_conns=20"
LOGFILE="$F_STATE/ferretdb.log"

# FerretDB v1.24's SQLite backend finds a document by `_ferretdb_sjson->'$._id'`, while the unique _id index
# it creates is on `_ferretdb_sjson->"_id"`. SQLite matches index expressions as written, so every get,
# update and delete by _id scanned the whole table (120 ms per missing id at 10 000 documents; the same
# class of bug as FerretDB#4646 on its PostgreSQL backend, fixed only in v2). We build against a copy of
# the module with the lookup written the way the index is: same results, index search instead of a scan.
FERRETDB_MODULE=github.com/FerretDB/FerretDB
ID_LOOKUP_AS_SHIPPED="IDColumn = DefaultColumn + \"->'\$._id'\""
ID_LOOKUP_AS_INDEXED='IDColumn = DefaultColumn + `->"_id"`'
# v1.24's PostgreSQL backend pushes down only top-level equalities (none inside $and/$or), no sort, and a limit
# only without filter and sort: every list query decoded the whole collection in Go (~1 ms a document). Our
# patch translates the queries the read models make into SQL exactly (docs/benchmarks.md, section 3).
PUSHDOWN_PATCH="$SRC/pushdown.patch"

patched_module() {
  local shipped patched="${1:-$F_HOME/ferretdb-module}"
  shipped=$(cd "$SRC" && go mod download "$FERRETDB_MODULE" && go list -m -f '{{.Dir}}' "$FERRETDB_MODULE")
  [[ -d "$shipped" ]] || die "could not download $FERRETDB_MODULE"
  rm -rf "$patched" && cp -R "$shipped" "$patched" && chmod -R u+w "$patched"
  local file="$patched/internal/backends/sqlite/metadata/metadata.go"
  grep -qF "$ID_LOOKUP_AS_SHIPPED" "$file" || die "FerretDB's _id lookup is not as expected in $file; review the patch"
  sed -i 's|^\([[:space:]]*\)IDColumn = DefaultColumn + .*$|\1'"$ID_LOOKUP_AS_INDEXED"'|' "$file"
  grep -qF "$ID_LOOKUP_AS_INDEXED" "$file" || die "patching $file failed"
  # The PostgreSQL backend: exact filter, sort, skip, limit and count pushdown, GIN indexes for single
  # fields, _id lookups through the unique _id index (see the header of pushdown.go in the patch).
  (cd "$patched" && patch -p1 --dry-run --quiet <"$PUSHDOWN_PATCH" >/dev/null && patch -p1 --quiet <"$PUSHDOWN_PATCH") >&2 \
    || die "$PUSHDOWN_PATCH does not apply to $FERRETDB_MODULE; review the patch"
  echo "$patched"
}

install() {
  # Rebuild only when the binary is missing or older than our sources (this script holds the patch).
  if [[ -x "$BIN" && "$BIN" -nt "$SRC/main.go" && "$BIN" -nt "$SRC/go.mod" && "$BIN" -nt "$SRC/go.sum" \
        && "$BIN" -nt "$PUSHDOWN_PATCH" && "$BIN" -nt "${BASH_SOURCE[0]}" ]]; then
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
    local backend=(-handler "$HANDLER" -data-dir "$DATA")
    if [[ "$HANDLER" == postgresql ]]; then
      ensure_pg_database
      backend=(-handler postgresql -postgresql-url "$PG_URL")
    fi
    log "starting on 127.0.0.1:$PORT (backend: $HANDLER)"
    # setsid + nohup: the server outlives this script and its terminal; the log is appended.
    setsid nohup "$BIN" -listen "127.0.0.1:$PORT" "${backend[@]}" >>"$LOGFILE" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
  fi
  wait_until 30 server_ready || { tail -n 30 "$LOGFILE" >&2; die "not listening after 30 s"; }
  log "ready: mongodb://127.0.0.1:$PORT"
}

# FerretDB's own database on our PostgreSQL, collation C: jsonb compares strings with the database's collation,
# and MongoDB's order is by bytes.
ensure_pg_database() {
  local psql=(psql -h 127.0.0.1 -p "$PG_PORT" -U cem -d cem -v ON_ERROR_STOP=1 -tAq)
  PGPASSWORD=cem "${psql[@]}" -c "select 1" >/dev/null 2>&1 || die "PostgreSQL on 127.0.0.1:$PG_PORT is not up (deploy/local/postgres.sh start)"
  if [[ -z "$(PGPASSWORD=cem "${psql[@]}" -c "select 1 from pg_database where datname = '$PG_DB'")" ]]; then
    log "creating PostgreSQL database $PG_DB"
    PGPASSWORD=cem "${psql[@]}" -c "create database \"$PG_DB\" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'"
  fi
}

server_ready() {
  still_starting "$PIDFILE" "$PATTERN" || { tail -n 30 "$LOGFILE" >&2; die "cem-ferretdb exited during start"; }
  port_open "$PORT"
}

stop() { stop_pid "$PIDFILE" ferretdb "$PATTERN"; }

status() { pid_port_status "$PIDFILE" "$PATTERN" "$PORT"; }

# The patch's own Go tests (how filters and sorts become SQL, how collections are stored), on a separate copy of
# the patched module.
# FerretDB's test helpers want a .git directory and a generated version file, which the module lacks.
selftest() {
  local module
  module=$(patched_module "$F_HOME/ferretdb-module-test")
  mkdir -p "$module/.git" && echo "v1.24.2" >"$module/build/version/version.txt"
  # TestExactStorage creates (and drops) a database on the local PostgreSQL to read back how tables and
  # indexes are stored.
  (cd "$module" && CEM_FERRETDB_TEST_PG_URL="postgres://cem:cem@127.0.0.1:$PG_PORT/cem?search_path=" \
    go test -count=1 -run 'TestExact' ./internal/backends/postgresql/ ./internal/backends/postgresql/metadata/)
}

if [[ "${1:-}" == selftest ]]; then selftest; exit; fi
dispatch "$@"
