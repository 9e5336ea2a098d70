#!/usr/bin/env bash
# Local Keycloak (the distributed deployment's OpenID Connect issuer) on
# 127.0.0.1:${CEM_KEYCLOAK_PORT:-8180}, from the keycloak-quarkus-dist zip on Maven Central (no other
# download is reachable here), in dev-file mode with the realms kept as code in deploy/keycloak/ imported
# at start. State in .cache/keycloak. Usage: keycloak.sh {install|start|stop|status|release}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION=${CEM_KEYCLOAK_VERSION:-26.4.7}
PORT=${CEM_KEYCLOAK_PORT:-8180}
KC_CACHE="$CACHE_DIR/keycloak"
KC_HOME="$KC_CACHE/keycloak-$VERSION"
REALMS_DIR="$REPO_ROOT/deploy/keycloak"
PIDFILE="$KC_CACHE/keycloak.pid"
LOGFILE="$KC_CACHE/keycloak.log"
PATTERN="kc.home.dir=$KC_HOME/bin/.." # how our JVM is recognised by its command line (kc.sh passes it so)

install() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    log "Keycloak $VERSION present"
    return
  fi
  command -v mvn >/dev/null || die "mvn is needed to fetch Keycloak (apt-get install -y maven)"
  command -v unzip >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y unzip; }
  log "fetching keycloak-quarkus-dist $VERSION from Maven Central (about 150 MB)"
  mkdir -p "$KC_CACHE"
  mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
    -DoutputDirectory="$KC_CACHE" >"$KC_CACHE/mvn.log" 2>&1 || { tail -n 40 "$KC_CACHE/mvn.log" >&2; die "mvn failed"; }
  # Unpacked beside, then moved: an interrupted unzip never looks like an installation.
  rm -rf "$KC_CACHE/unpack" && mkdir -p "$KC_CACHE/unpack"
  unzip -q "$KC_CACHE/keycloak-quarkus-dist-$VERSION.zip" -d "$KC_CACHE/unpack"
  mv "$KC_CACHE/unpack/keycloak-$VERSION" "$KC_HOME"
  rm -rf "$KC_CACHE/unpack" "$KC_CACHE/keycloak-quarkus-dist-$VERSION.zip"
  log "installed in $KC_HOME"
}

realms_sum() { cat "$REALMS_DIR"/realm-*.json | sha256sum | cut -d' ' -f1; }

# The realms are code: Keycloak imports a realm only when it does not exist yet, so when the committed
# JSON changed, the dev-file database is wiped and everything is imported again.
sync_realms() {
  local import="$KC_HOME/data/import" stamp="$KC_HOME/data/realms.sha256" sum
  sum=$(realms_sum)
  if [[ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]]; then
    log "realms changed: fresh database, importing deploy/keycloak/realm-*.json"
    rm -rf "$KC_HOME/data/h2" "$import"
  fi
  mkdir -p "$import"
  cp "$REALMS_DIR"/realm-*.json "$import/"
  echo "$sum" >"$stamp"
}

ready() {
  still_starting "$PIDFILE" "$PATTERN" || { tail -n 40 "$LOGFILE" >&2; die "keycloak exited during start"; }
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/realms/cem/.well-known/openid-configuration" 2>/dev/null
}

# The home folder of the keycloak.sh-started Keycloak serving $PORT (any clone's), from its command line.
running_home() {
  local f args
  for f in /proc/[0-9]*/cmdline; do
    args=$(tr '\0' ' ' 2>/dev/null <"$f") || continue
    [[ "$args" == *" --http-port $PORT "* && "$args" == *-Dkc.home.dir=* ]] || continue
    args=${args#*-Dkc.home.dir=}
    echo "${args%% *}"
    return 0
  done
  return 1
}

# A Keycloak this script did not start here (another clone's, or one started by hand) answering on $PORT is
# reused when it serves realm cem under this port's issuer and, if it is a keycloak.sh one, imported the same
# realm JSON (deploy/keycloak) as this checkout's.
reusable() {
  local issuer home
  issuer=$(curl -fsS "http://127.0.0.1:$PORT/realms/cem/.well-known/openid-configuration" 2>/dev/null |
    grep -o '"issuer":"[^"]*"' | cut -d'"' -f4) || true
  if [[ "$issuer" != "http://127.0.0.1:$PORT/realms/cem" ]]; then
    log "127.0.0.1:$PORT does not serve realm cem as http://127.0.0.1:$PORT/realms/cem (issuer: '$issuer')"
    return 1
  fi
  if home=$(running_home); then
    if [[ "$(cat "$home/data/realms.sha256" 2>/dev/null)" != "$(realms_sum)" ]]; then
      log "the Keycloak of $home imported other realm JSON than this checkout's deploy/keycloak"
      return 1
    fi
    log "reusing the Keycloak of $home on 127.0.0.1:$PORT (same realms)"
  else
    log "reusing the Keycloak serving realm cem on 127.0.0.1:$PORT (not started by keycloak.sh: realms not compared)"
  fi
}

# Under the lock of Keycloak on $PORT (machine-wide, lib.sh), so two runs never launch two on one port: the second
# waits and then reuses the first's. CEM_SERVER_USER (tools/test.sh) records the run as a user, see `release`.
start() {
  install
  lease_lock keycloak "$PORT"
  LAUNCHED=false
  if pid_alive "$PIDFILE" "$PATTERN"; then
    log "already running (pid $(cat "$PIDFILE"))"
  elif port_open "$PORT"; then
    reusable || die "127.0.0.1:$PORT is taken by another process; stop it or set CEM_KEYCLOAK_PORT"
    lease_use "$PIDFILE" "$PATTERN"
    lease_unlock
    return 0
  else
    sync_realms
    log "starting on 127.0.0.1:$PORT (first start takes about 40 s)"
    # The issuer is fixed by --hostname, so tokens say the same iss whatever host name a client used.
    # 9>&-: the server must not hold the lease lock (lib.sh) for its whole life.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=${CEM_KEYCLOAK_ADMIN_PASSWORD:-admin} \
      setsid nohup "$KC_HOME/bin/kc.sh" start-dev --db dev-file --http-host 127.0.0.1 --http-port "$PORT" \
      --hostname "http://127.0.0.1:$PORT" --import-realm --log-console-color=false \
      >>"$LOGFILE" 2>&1 </dev/null 9>&- &
    echo $! >"$PIDFILE"
    LAUNCHED=true
  fi
  lease_use "$PIDFILE" "$PATTERN"
  # The first start builds (Quarkus augmentation): about 40 s on an idle machine, minutes on a busy one.
  wait_until 600 ready || { tail -n 40 "$LOGFILE" >&2; die "not ready after 600 s"; }
  lease_unlock
  log "ready: issuer http://127.0.0.1:$PORT/realms/cem"
}

# The end of a test run (CEM_SERVER_USER): stops the Keycloak a run started once no live run uses it any more.
release() {
  lease_lock keycloak "$PORT"
  lease_release keycloak
  lease_unlock
}

stop() { stop_pid "$PIDFILE" keycloak "$PATTERN"; }

status() { pid_port_status "$PIDFILE" "$PATTERN" "$PORT"; }

dispatch "$@"
