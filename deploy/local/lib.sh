# Shared helpers for deploy/local/*.sh (sourced, not run).
# Paths are derived from this file's location so the repo can live anywhere.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
# Everything downloaded, built or stored at run time lives here (git-ignored).
CACHE_DIR="$REPO_ROOT/.cache"

log() { echo "[$(basename "$0" .sh)] $*"; }
die() { echo "[$(basename "$0" .sh)] ERROR: $*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no extra tools).
port_open() { timeout 1 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# True when the pid stored in file $1 is a live process.
pid_alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# wait_until SECONDS CMD...: retry CMD every 0.5 s until it succeeds; fail after SECONDS.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# stop_pid PIDFILE NAME: SIGTERM for a clean shutdown, SIGKILL only if it hangs past 60 s.
stop_pid() {
  local pidfile=$1 name=$2
  if ! pid_alive "$pidfile"; then
    log "$name is not running"
    rm -f "$pidfile"
    return 0
  fi
  local pid; pid=$(cat "$pidfile")
  log "stopping $name (pid $pid)"
  kill "$pid"
  if ! wait_until 60 bash -c "! kill -0 $pid 2>/dev/null"; then
    log "$name did not exit within 60 s, killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
