#!/usr/bin/env bash
# THE RUN COMMAND: installs what is missing, builds, and runs thidua on this machine, every
# server on 127.0.0.1 with its state under var/ (THIDUA_VAR_DIR):
#   redis-server   127.0.0.1:6379 (THIDUA_REDIS_PORT)  AOF, appendfsync always, var/redis/
#   nominations    127.0.0.1:8081 (THIDUA_NOMINATIONS_PORT)
#   reports        127.0.0.1:8082 (THIDUA_REPORTS_PORT)
#   notifications  127.0.0.1:8083 (THIDUA_NOTIFICATIONS_PORT)  console messenger by default
#                  -> var/console-messages.log
#   nginx (edge)   127.0.0.1:8080 (THIDUA_EDGE_PORT)  /api/<service>/ and /admin/; with
#                  THIDUA_EDGE_TLS_CERT and _KEY also HTTPS on 127.0.0.1:8443
#                  (THIDUA_EDGE_TLS_PORT), and plain HTTP redirects there
#   fake_zalo      127.0.0.1:8090 (THIDUA_FAKE_ZALO_PORT), only with --chat: a stand-in for
#                  the Zalo Bot API, so the bot can be tried with scripts/chat.sh
# Stays in the foreground; Ctrl-C or SIGTERM stops everything (services first, then nginx,
# then Redis). With --detach it starts everything and returns; scripts/stop-local.sh stops.
# --no-build runs the binaries already built (bench/stack/run.sh, which built them itself).
# Other THIDUA_* and ZALO_* variables pass through to the services (see README.md).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"

usage() {
  sed -n '2,13s/^# \{0,1\}//p' "$0"
  echo "usage: bash scripts/run-local.sh [--detach] [--chat] [--no-build]"
}

detach=0
chat=0
build=1
for arg in "$@"; do
  case "$arg" in
    --detach) detach=1 ;;
    --chat) chat=1 ;;
    --no-build) build=0 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

cd "$root"
# The build that ships and is measured (scripts/build.sh --ship: Release; bench/ measures
# these very binaries), in build-release/ beside the tests' build/.
build_dir="${THIDUA_BUILD_DIR:-build-release}"
[[ $build_dir == /* ]] || build_dir="$root/$build_dir"
# Another state directory (and other ports) lets a second stack run beside the usual one,
# as bench/stack/run.sh does; scripts/stop-local.sh reads the same THIDUA_VAR_DIR.
var="${THIDUA_VAR_DIR:-$root/var}"
[[ $var == /* ]] || var="$root/$var"
run="$var/run"
logs="$var/log"
redis_port="${THIDUA_REDIS_PORT:-6379}"
edge_port="${THIDUA_EDGE_PORT:-8080}"
tls_port="${THIDUA_EDGE_TLS_PORT:-8443}"
tls=0
[[ -z ${THIDUA_EDGE_TLS_CERT:-}${THIDUA_EDGE_TLS_KEY:-} ]] || tls=1
services=(nominations reports notifications)
declare -A service_port=([nominations]="${THIDUA_NOMINATIONS_PORT:-8081}"
  [reports]="${THIDUA_REPORTS_PORT:-8082}" [notifications]="${THIDUA_NOTIFICATIONS_PORT:-8083}")
fake_zalo_port="${THIDUA_FAKE_ZALO_PORT:-8090}"

mkdir -p "$run" "$logs" "$var/redis" "$var/nginx/tmp" "$root/web/admin"

# Refuse to start twice, or next to another program on our ports.
for name in redis-server "${services[@]}" nginx fake_zalo; do
  if pid_alive "$run/$name.pid" "$name"; then
    die "$name is already running (pid $(<"$run/$name.pid")); stop it with: bash scripts/stop-local.sh"
  fi
done
ports=("$redis_port" "${service_port[@]}" "$edge_port")
((tls == 0)) || ports+=("$tls_port")
((chat == 0)) || ports+=("$fake_zalo_port")
for port in "${ports[@]}"; do
  if port_in_use "$port"; then
    die "port $port on 127.0.0.1 is taken by another program (see: ss -ltnp 'sport = :$port')." \
      "For Redis set THIDUA_REDIS_PORT, for the edge THIDUA_EDGE_PORT (THIDUA_EDGE_TLS_PORT" \
      "for its HTTPS); e.g. stop a system" \
      "Redis with: systemctl disable --now redis-server"
  fi
done

bash scripts/setup.sh
((build == 0)) || THIDUA_BUILD_DIR="$build_dir" bash scripts/build.sh --ship

# Tokens: THIDUA_ADMIN_TOKEN / THIDUA_SERVICE_TOKEN when set, else kept in var/ (mode 600)
# from run to run. A new admin token is printed once.
new_admin_token=""
token_from_file() {  # <variable> <file>
  local file="$2"
  if [[ -n ${!1:-} ]]; then return; fi
  if [[ ! -s $file ]]; then
    (umask 077 && random_token >"$file")
    [[ $1 == THIDUA_ADMIN_TOKEN ]] && new_admin_token="$(<"$file")"
  fi
  chmod 600 "$file"
  printf -v "$1" '%s' "$(<"$file")"
}
token_from_file THIDUA_ADMIN_TOKEN "$var/admin-token"
token_from_file THIDUA_SERVICE_TOKEN "$var/service-token"
export THIDUA_ADMIN_TOKEN THIDUA_SERVICE_TOKEN

export THIDUA_HTTP_HOST=127.0.0.1
export THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0"
export THIDUA_MESSENGER="${THIDUA_MESSENGER:-console}"
export THIDUA_CONSOLE_OUTBOX="${THIDUA_CONSOLE_OUTBOX:-$var/console-messages.log}"
export THIDUA_NOMINATIONS_URL="${THIDUA_NOMINATIONS_URL:-http://127.0.0.1:${service_port[nominations]}}"
export THIDUA_REPORTS_URL="${THIDUA_REPORTS_URL:-http://127.0.0.1:${service_port[reports]}}"
export THIDUA_NOTIFICATIONS_URL="${THIDUA_NOTIFICATIONS_URL:-http://127.0.0.1:${service_port[notifications]}}"
# /dangnhap's link opens this stack's dashboard, also on a second stack's edge port.
export THIDUA_DASHBOARD_URL="${THIDUA_DASHBOARD_URL:-http://127.0.0.1:$edge_port/admin/}"
if ((chat == 1)); then
  # The bot talks to the fake Zalo (tests/fakes/fake_zalo) by long polling, as it would to
  # Zalo's Bot API; scripts/chat.sh plays the staff's side.
  export THIDUA_MESSENGER=zalo
  export ZALO_BOT_API_BASE="http://127.0.0.1:$fake_zalo_port"
  export ZALO_BOT_TOKEN="${ZALO_BOT_TOKEN:-local-fake-zalo-token}"
  export ZALO_GROUP_ID="${ZALO_GROUP_ID:-nhom-giao-vien}"
  export THIDUA_BOT_MODE=polling
  export THIDUA_POLL_TIMEOUT_S="${THIDUA_POLL_TIMEOUT_S:-1}"
fi

stop_all() {
  trap - INT TERM
  echo "run-local: stopping"
  bash "$root/scripts/stop-local.sh"
}

startup_done=0
on_exit() {
  local rc=$?
  if ((startup_done == 0)); then
    echo "run-local: start-up failed; logs are in $logs/" >&2
    stop_all
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail_with_log() {  # <name> <log file>
  echo "run-local: $1 did not come up; last lines of $2:" >&2
  tail -n 20 "$2" >&2 || true
  exit 1
}

echo "run-local: starting redis-server on 127.0.0.1:$redis_port"
start_bg "$run/redis-server.pid" "$logs/redis.log" \
  redis-server "$root/deploy/redis.conf" --port "$redis_port" --dir "$var/redis" --logfile ""
for ((i = 0; i < 100; i++)); do
  [[ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" == PONG ]] && break
  pid_alive "$run/redis-server.pid" redis-server || break
  sleep 0.1
done
[[ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" == PONG ]] ||
  fail_with_log redis-server "$logs/redis.log"

if ((chat == 1)); then
  fake="$build_dir/tests/fakes/fake_zalo"
  [[ -x $fake ]] || die "$fake is missing; the build did not produce it"
  echo "run-local: starting the fake Zalo Bot API on 127.0.0.1:$fake_zalo_port"
  start_bg "$run/fake_zalo.pid" "$logs/fake_zalo.log" \
    env FAKE_ZALO_PORT="$fake_zalo_port" FAKE_ZALO_TOKEN="$ZALO_BOT_TOKEN" \
    FAKE_ZALO_POLL_WAIT_MS=1000 "$fake"
  printf "port=%s\ngroup=%s\n" "$fake_zalo_port" "$ZALO_GROUP_ID" >"$run/fake_zalo.env"
fi

for name in "${services[@]}"; do
  binary="$build_dir/services/$name/$name"
  [[ -x $binary ]] || die "$binary is missing; the build did not produce it"
  echo "run-local: starting $name on 127.0.0.1:${service_port[$name]}"
  start_bg "$run/$name.pid" "$logs/$name.log" \
    env THIDUA_HTTP_PORT="${service_port[$name]}" "$binary"
done

echo "run-local: starting nginx (edge) on 127.0.0.1:$edge_port"
worker_user="$(nginx_worker_user "$root/web/admin" "$var/nginx/tmp")"
render_nginx_conf "$root/deploy/nginx.conf" "$var/nginx/nginx.conf" "$var/nginx" "$logs" \
  "127.0.0.1:$edge_port" "$root/web" "127.0.0.1:${service_port[nominations]}" \
  "127.0.0.1:${service_port[reports]}" "127.0.0.1:${service_port[notifications]}" \
  "$worker_user" "127.0.0.1:$tls_port"
nginx_args=(-p "$var/nginx/" -c "$var/nginx/nginx.conf" -e "$logs/nginx-error.log")
nginx -t -q "${nginx_args[@]}" || die "nginx rejected $var/nginx/nginx.conf"
start_bg "$run/nginx.pid" "$logs/nginx.log" nginx "${nginx_args[@]}"

for name in "${services[@]}"; do
  wait_http "http://127.0.0.1:${service_port[$name]}/readyz" 30 "$run/$name.pid" "$name" ||
    fail_with_log "$name" "$logs/$name.log"
done
wait_http "http://127.0.0.1:$edge_port/healthz" 10 "$run/nginx.pid" nginx ||
  fail_with_log nginx "$logs/nginx-error.log"
edge="http://127.0.0.1:$edge_port"
((tls == 0)) || edge="https://127.0.0.1:$tls_port"
wait_http "$edge/api/reports/v1/deadlines/next" 10 ||
  fail_with_log "the edge route to reports" "$logs/nginx-error.log"
startup_done=1

token_file="${var#"$root"/}/admin-token"
[[ -s $var/admin-token && $THIDUA_ADMIN_TOKEN == "$(<"$var/admin-token")" ]] ||
  token_file="(from THIDUA_ADMIN_TOKEN)"
cat <<EOF

thidua is running (all on 127.0.0.1):
  edge (nginx)   $edge/           -> /api/nominations/ /api/reports/ /api/notifications/ /admin/
  admin UI       $edge/admin/
  nominations    http://127.0.0.1:${service_port[nominations]}   (/healthz /readyz /metrics)
  reports        http://127.0.0.1:${service_port[reports]}
  notifications  http://127.0.0.1:${service_port[notifications]}   messenger: $THIDUA_MESSENGER
  redis          127.0.0.1:$redis_port   data: ${var#"$root"/}/redis/ (AOF)
  admin token    $token_file
$( [[ $THIDUA_MESSENGER == console ]] && echo "  chat outbox    ${THIDUA_CONSOLE_OUTBOX#"$root"/}   (console messenger: what the Zalo group would get)")
  chat           $( ((chat == 1)) && echo "fake Zalo on 127.0.0.1:$fake_zalo_port: bash scripts/chat.sh '/trogiup'" || echo "with --chat: try the bot with scripts/chat.sh")
  logs           ${logs#"$root"/}/{nominations,reports,notifications,redis,nginx-access,nginx-error}.log
EOF
if [[ -n $new_admin_token ]]; then
  echo
  echo "  New admin token (shown this once; kept in $token_file, mode 600):"
  echo "    $new_admin_token"
fi
cat <<EOF

Try (more in README.md, "The main flow through the edge"):
  E=$edge; A="Authorization: Bearer \$(cat ${var#"$root"/}/admin-token)"; J='Content-Type: application/json'
  curl -s \$E/api/reports/v1/deadlines/next
  curl -s -X PUT \$E/api/nominations/v1/catalogue/staff/gv-an -H "\$A" -H "\$J" \\
    -d '{"name":"Nguyễn Văn An","position":"Giáo viên","unit_id":"to-toan-tin","role":"staff"}'
  curl -s -X POST \$E/api/nominations/v1/nominations -H "\$A" -H "\$J" \\
    -d '{"period":"2026","award":"gk_xa","subject_kind":"individual","subject_id":"gv-an","reason":"Bài giảng điện tử"}'
  curl -s -X POST \$E/api/nominations/v1/nominations/1/transitions -H "\$A" -H "\$J" -d '{"action":"submit"}'
  $( ((chat == 1)) && echo "bash scripts/chat.sh --log     # the staff group is told of the submission (after the digest's window)" || echo "cat ${THIDUA_CONSOLE_OUTBOX#"$root"/}     # the staff group is told of the submission")
EOF

if ((detach)); then
  echo
  echo "Detached. Stop with: bash scripts/stop-local.sh"
  exit 0
fi

echo
echo "Press Ctrl-C to stop."
trap 'stop_all; exit 0' INT TERM
trap - EXIT
while true; do
  for name in redis-server "${services[@]}" nginx; do
    if [[ ! -e $run/$name.pid ]]; then
      echo "run-local: stopped from elsewhere (scripts/stop-local.sh)"
      stop_all
      exit 0
    fi
    if ! pid_alive "$run/$name.pid" "$name"; then
      log="$logs/$name.log"
      [[ $name == redis-server ]] && log="$logs/redis.log"
      [[ $name == nginx ]] && log="$logs/nginx-error.log"
      echo "run-local: $name exited unexpectedly; last lines of $log:" >&2
      tail -n 20 "$log" >&2 || true
      stop_all
      exit 1
    fi
  done
  sleep 1 &
  wait $! || true
done
