#!/usr/bin/env bash
# Local Keycloak (the distributed deployment's OpenID Connect issuer) on
# 127.0.0.1:${CEM_KEYCLOAK_PORT:-8180}, from the keycloak-quarkus-dist zip on Maven Central (no other
# download is reachable here), in dev-file mode with the realms kept as code in deploy/keycloak/ imported
# at start. State in .cache/keycloak. Usage: keycloak.sh {install|start|stop|status}
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

# The realms are code: Keycloak imports a realm only when it does not exist yet, so when the committed
# JSON changed, the dev-file database is wiped and everything is imported again.
sync_realms() {
  local import="$KC_HOME/data/import" stamp="$KC_HOME/data/realms.sha256" sum
  sum=$(cat "$REALMS_DIR"/realm-*.json | sha256sum | cut -d' ' -f1)
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

start() {
  install
  if pid_alive "$PIDFILE" "$PATTERN"; then
    log "already running (pid $(cat "$PIDFILE"))"
  else
    port_open "$PORT" && die "127.0.0.1:$PORT is taken by another process; stop it or set CEM_KEYCLOAK_PORT"
    sync_realms
    log "starting on 127.0.0.1:$PORT (first start takes about 40 s)"
    # The issuer is fixed by --hostname, so tokens say the same iss whatever host name a client used.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=${CEM_KEYCLOAK_ADMIN_PASSWORD:-admin} \
      setsid nohup "$KC_HOME/bin/kc.sh" start-dev --db dev-file --http-host 127.0.0.1 --http-port "$PORT" \
      --hostname "http://127.0.0.1:$PORT" --import-realm --log-console-color=false \
      >>"$LOGFILE" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
  fi
  # The first start builds (Quarkus augmentation): about 40 s on an idle machine, minutes on a busy one.
  wait_until 600 ready || { tail -n 40 "$LOGFILE" >&2; die "not ready after 600 s"; }
  log "ready: issuer http://127.0.0.1:$PORT/realms/cem"
}

stop() { stop_pid "$PIDFILE" keycloak "$PATTERN"; }

status() { pid_port_status "$PIDFILE" "$PATTERN" "$PORT"; }

dispatch "$@"
