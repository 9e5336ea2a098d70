# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the scripts
# Shared helpers for deploy/local/*.sh (sourced, not run).
# Paths are derived from this file's location so the repo can live anywhere.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
# Everything downloaded, built or stored at run time lives here (git-ignored).
CACHE_DIR="$REPO_ROOT/.cache"
# Data, pid and log files of the servers; binaries stay in CACHE_DIR. CEM_STATE_DIR gives a second set of
# servers (other CEM_*_PORT values) its own data, e.g. the fault-injection suite that stops and restarts them.
STATE_DIR="${CEM_STATE_DIR:-$CACHE_DIR}"

log() { echo "[$(basename "$0" .sh)] $*"; }
die() { echo "[$(basename "$0" .sh)] ERROR: $*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no extra tools).
port_open() { timeout 1 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# pid_alive PIDFILE PATTERN: true when the pid on the file's first line is a live process whose
# command line contains PATTERN. Checking the command line (not just `kill -0`) means neither a
# reused pid nor a killed, not yet reaped (zombie, empty command line) server counts as running.
pid_alive() {
  local pid
  pid=$(head -n 1 "$1" 2>/dev/null) && [[ -n "$pid" ]] &&
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

pid_gone() { ! pid_alive "$@"; }

# still_starting PIDFILE PATTERN: true while a server we just launched in the background is alive.
# Right after `cmd &` the child may not have exec'd yet: its command line is still this script's, so
# pid_alive (which matches the command line) says no although nothing died. That race made a start
# report "exited during start" while the server came up. Only a pid that no longer exists (or a
# reaped zombie with an empty command line) counts as an exit here.
still_starting() {
  local pid cmdline
  pid_alive "$@" && return 0
  pid=$(head -n 1 "$1" 2>/dev/null) && [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ -n "$cmdline" ]]
}

# wait_until SECONDS CMD...: retry CMD every 0.5 s until it succeeds; fail after SECONDS.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# stop_pid PIDFILE NAME PATTERN: SIGTERM for a clean shutdown, SIGKILL only if it hangs past 60 s.
stop_pid() {
  local pidfile=$1 name=$2 pattern=$3
  if ! pid_alive "$pidfile" "$pattern"; then
    log "$name is not running"
    rm -f "$pidfile"
    return 0
  fi
  local pid; pid=$(cat "$pidfile")
  log "stopping $name (pid $pid)"
  kill "$pid"
  if ! wait_until 60 pid_gone "$pidfile" "$pattern"; then
    log "$name did not exit within 60 s, killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Status of a server we started ourselves: its process is alive and its port answers.
pid_port_status() {
  local pidfile=$1 pattern=$2 port=$3
  if pid_alive "$pidfile" "$pattern" && port_open "$port"; then
    log "running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
  else
    log "stopped"
    return 1
  fi
}

# Servers shared between runs. A test run (tools/test.sh) sets CEM_SERVER_USER to its pid before `start` and
# calls `release` at exit. `start` records the run as a user of NAME on PORT, machine-wide (any clone: they share
# the port), and, when it launched the server itself, that a run started it (the server's pid and command-line
# pattern). `release` drops the run's record and stops the server only when a run started it and no live run
# still uses it: the last run out stops what the runs started, and a server started otherwise (up.sh, by hand)
# or still used by a parallel run is left alone. All of it under one lock per NAME-PORT.
LEASES_DIR="${CEM_LEASES_DIR:-${TMPDIR:-/tmp}/cem-server-leases}"

# lease_lock NAME PORT / lease_unlock: the lock of NAME on PORT (fd 9; a process launched while holding it must
# close it: `9>&-`); LEASE is its folder. A script that dies holding it releases it with its fd.
lease_lock() {
  LEASE="$LEASES_DIR/$1-$2"
  mkdir -p "$LEASE"
  exec 9>"$LEASE/lock"
  flock 9
}
lease_unlock() { exec 9>&-; }

# lease_use PIDFILE PATTERN (under the lock): the run CEM_SERVER_USER uses the server; LAUNCHED=true when the
# caller has just started it (then the run owns it: its pid and pattern are kept for whichever run is last).
lease_use() {
  [[ -n "${CEM_SERVER_USER:-}" ]] || {
    # Started outside a test run: no run owns it (a stale owner record from an earlier server must not stop it).
    [[ "${LAUNCHED:-false}" == true ]] && rm -f "$LEASE/owner.pid" "$LEASE/owner.pattern"
    return 0
  }
  : >"$LEASE/user-$CEM_SERVER_USER"
  if [[ "${LAUNCHED:-false}" == true ]]; then
    cp "$1" "$LEASE/owner.pid"
    printf '%s' "$2" >"$LEASE/owner.pattern"
  fi
}

# lease_release NAME (under the lock): drops CEM_SERVER_USER's record (and those of runs that died); stops
# the server when a run started it and no live run uses it any more.
lease_release() {
  local f pid others=()
  rm -f "$LEASE/user-${CEM_SERVER_USER:-none}"
  for f in "$LEASE"/user-*; do
    [[ -e "$f" ]] || continue
    pid=${f##*/user-}
    if [[ -d "/proc/$pid" ]]; then others+=("$pid"); else rm -f "$f"; fi
  done
  if [[ ! -f "$LEASE/owner.pid" ]]; then
    log "$1 was not started by a test run: left running"
  elif ((${#others[@]} > 0)); then
    log "$1 is still used by run(s) ${others[*]}: left running (the last one stops it)"
  else
    stop_pid "$LEASE/owner.pid" "$1" "$(cat "$LEASE/owner.pattern")"
    rm -f "$LEASE/owner.pattern"
  fi
}

# Every server script takes the same four subcommands (keycloak.sh also `release`).
dispatch() {
  case "${1:-}" in
    install | start | stop | status) "$1" ;;
    release) [[ $(type -t release) == function ]] && release || { echo "$0: no release" >&2; exit 2; } ;;
    *) echo "usage: $0 {install|start|stop|status}" >&2; exit 2 ;;
  esac
}
