# shellcheck shell=bash
# Helpers shared by run-local.sh, stop-local.sh and bench/run.sh. Sourced, not run.

# shellcheck disable=SC2034  # used by the scripts that source this file
THIDUA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A random token of 48 hex characters.
random_token() {
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

# start_bg <pidfile> <logfile> <command> [args...]
# Starts a command in its own session (so a Ctrl-C in the terminal reaches only the script,
# which then stops everything in order), stdin from /dev/null, stdout and stderr appended to
# <logfile>, and writes its pid to <pidfile>.
start_bg() {
  local pidfile="$1" logfile="$2"
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" \
    </dev/null >>"$logfile" 2>&1 &
  local i comm
  for ((i = 0; i < 100; i++)); do
    if [[ -s $pidfile ]]; then
      # Wait for the exec, so pid_alive sees the program rather than a wrapper.
      comm="$(cat "/proc/$(<"$pidfile")/comm" 2>/dev/null)" || return 0
      [[ $comm == bash || $comm == env || $comm == taskset ]] || return 0
    fi
    sleep 0.05
  done
  die "could not start $1 (see $logfile)"
}

# pid_alive <pidfile> <name>: true when the pid in <pidfile> runs a program named <name>
# (its /proc/<pid>/comm, so a recycled pid is never signalled).
pid_alive() {
  local pidfile="$1" name="$2" pid comm
  [[ -s $pidfile ]] || return 1
  pid="$(<"$pidfile")"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  comm="$(cat "/proc/$pid/comm" 2>/dev/null)" || return 1
  [[ $comm == "${name:0:15}" ]]
}

# stop_pid <pidfile> <name> <signal> <timeout seconds>: signals the process, waits for it to
# exit, kills it after the timeout; removes the pidfile. Quiet when it is not running.
stop_pid() {
  local pidfile="$1" name="$2" signal="$3" timeout="$4" pid i
  if ! pid_alive "$pidfile" "$name"; then
    rm -f "$pidfile"
    return 0
  fi
  pid="$(<"$pidfile")"
  kill "-$signal" "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "  $name (pid $pid) still running after ${timeout} s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  echo "  stopped $name (pid $pid)"
}

# wait_http <url> <timeout seconds> [<pidfile> <name>]: waits for a 2xx answer; gives up early
# when the process behind <pidfile> has exited.
wait_http() {
  local url="$1" timeout="$2" pidfile="${3:-}" name="${4:-}" i insecure=()
  # Our own edge on 127.0.0.1: its certificate names the school's host, not this address.
  [[ $url != https://* ]] || insecure=(--insecure)
  for ((i = 0; i < timeout * 5; i++)); do
    curl -fsS "${insecure[@]}" -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    if [[ -n $pidfile ]] && ! pid_alive "$pidfile" "$name"; then
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# The user nginx's workers run as: www-data when www-data can reach every path they read or
# write (false when the checkout is under /root, mode 700), else the current user.
nginx_worker_user() {
  local path
  if ((EUID != 0)); then
    id -un
    return
  fi
  for path in "$@"; do
    if ! runuser -u www-data -- test -r "$path" -a -x "$path" 2>/dev/null; then
      echo root
      return
    fi
  done
  echo www-data
}

# render_nginx_conf <template> <output> <prefix dir> <log dir> <listen> <web root>
#                   <nominations> <reports> <notifications> <worker user> [<TLS listen>]
# The edge's settings (THIDUA_EDGE_TLS_CERT, _TLS_KEY, _HTTPS_PORT, _TRUSTED_PROXIES) pass
# through the environment to deploy/render-nginx-conf.sh; <TLS listen> is used with TLS on.
render_nginx_conf() {
  local template="$1" out="$2" prefix="$3" logdir="$4" listen="$5" webroot="$6"
  local nominations="$7" reports="$8" notifications="$9" user="${10}" tls_listen="${11:-}"
  local args=(PREFIX="$prefix" LOG_DIR="$logdir" LISTEN="$listen" WEB_ROOT="$webroot"
    NOMINATIONS="$nominations" REPORTS="$reports" NOTIFICATIONS="$notifications")
  [[ -z $tls_listen ]] || args+=(TLS_LISTEN="$tls_listen")
  # Only root's nginx switches to the worker user; otherwise the user line goes.
  ((EUID != 0)) || args+=(USER="$user")
  sh "$(dirname "${BASH_SOURCE[0]}")/../deploy/render-nginx-conf.sh" "$template" "$out" "${args[@]}" ||
    die "cannot render $template"
}

# A free TCP port on 127.0.0.1 in 20000–29999 (chosen at random, checked by connecting).
free_port() {
  local port i
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 10000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  die "no free port found"
}
