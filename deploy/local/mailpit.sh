#!/usr/bin/env bash
# Local SMTP test server: Mailpit (github.com/axllent/mailpit, built from the Go module proxy), SMTP on
# 127.0.0.1:${CEM_SMTP_PORT:-1025}, its REST API (/api/v1/messages, what the tests read the digests back
# through) on 127.0.0.1:${CEM_MAILPIT_PORT:-8025}. Messages are kept in memory (a restart empties the box).
# The module ships without its built web front end, so the web UI is blank; the API is all the tests need.
# A Mailpit already answering on the ports (another clone's, up.sh's) is reused. Under CEM_SERVER_USER (tools/test.sh)
# the run is recorded as a user and `release` stops at exit a Mailpit a run started once no live run uses it
# (deploy/local/lib.sh, leases). Usage: mailpit.sh {install|start|stop|status|release}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION=v1.33.1
SMTP_PORT=${CEM_SMTP_PORT:-1025}
HTTP_PORT=${CEM_MAILPIT_PORT:-8025}
M_HOME="$CACHE_DIR/mailpit"
BIN="$M_HOME/bin/mailpit-$VERSION"
M_STATE="$STATE_DIR/mailpit"
PATTERN="mailpit-$VERSION" # how our process is recognised by its command line
PIDFILE="$M_STATE/mailpit-$SMTP_PORT.pid"
LOGFILE="$M_STATE/mailpit-$SMTP_PORT.log"

install() {
  if [[ -x "$BIN" ]]; then
    log "binary present: $BIN"
    return
  fi
  command -v go >/dev/null || die "go is needed to build Mailpit"
  log "building $BIN from the Go module proxy (about 80 s the first time)"
  mkdir -p "$M_HOME/bin"
  # GOBIN is a private folder so the binary can carry its version in its name (and its command line).
  local gobin="$M_HOME/gobin"
  GOBIN="$gobin" CGO_ENABLED=0 go install -trimpath "github.com/axllent/mailpit@$VERSION"
  mv "$gobin/mailpit" "$BIN"
}

# Another Mailpit (not started from this clone) answering its API on the port.
reusable() { curl -fsS --max-time 2 "http://127.0.0.1:$HTTP_PORT/api/v1/info" >/dev/null 2>&1; }

start() {
  install
  lease_lock mailpit "$SMTP_PORT"
  LAUNCHED=false
  if pid_alive "$PIDFILE" "$PATTERN"; then
    log "already running (pid $(cat "$PIDFILE"))"
  elif port_open "$SMTP_PORT"; then
    reusable || die "127.0.0.1:$SMTP_PORT is taken by another process; stop it or set CEM_SMTP_PORT"
    log "reusing the Mailpit already on 127.0.0.1:$SMTP_PORT"
    lease_use "$PIDFILE" "$PATTERN"
    lease_unlock
    return 0
  else
    port_open "$HTTP_PORT" && die "127.0.0.1:$HTTP_PORT is taken by another process; stop it or set CEM_MAILPIT_PORT"
    mkdir -p "$M_STATE"
    log "starting: SMTP 127.0.0.1:$SMTP_PORT, API http://127.0.0.1:$HTTP_PORT"
    # setsid + nohup: the server outlives this script and its terminal; the log is appended. 9>&-: the server
    # must not hold the lease lock. --smtp-auth-accept-any/--smtp-auth-allow-insecure: any client may log in over
    # plain SMTP (a test box).
    setsid nohup "$BIN" --smtp "127.0.0.1:$SMTP_PORT" --listen "127.0.0.1:$HTTP_PORT" \
      --smtp-auth-accept-any --smtp-auth-allow-insecure --max 5000 >>"$LOGFILE" 2>&1 </dev/null 9>&- &
    echo $! >"$PIDFILE"
    LAUNCHED=true
  fi
  lease_use "$PIDFILE" "$PATTERN"
  wait_until 30 server_ready || { tail -n 30 "$LOGFILE" >&2; die "not listening after 30 s"; }
  lease_unlock
  log "ready: smtp://127.0.0.1:$SMTP_PORT, http://127.0.0.1:$HTTP_PORT/api/v1/messages"
}

# The end of a test run (CEM_SERVER_USER): stops the Mailpit a run started once no live run uses it any more.
release() {
  lease_lock mailpit "$SMTP_PORT"
  lease_release mailpit
  lease_unlock
}

server_ready() {
  still_starting "$PIDFILE" "$PATTERN" || { tail -n 30 "$LOGFILE" >&2; die "mailpit exited during start"; }
  port_open "$SMTP_PORT" && port_open "$HTTP_PORT"
}

stop() { stop_pid "$PIDFILE" mailpit "$PATTERN"; }

status() { pid_port_status "$PIDFILE" "$PATTERN" "$SMTP_PORT"; }

dispatch "$@"
