# shellcheck shell=bash
# Sourced by edge_test.sh: the pass/fail count and its summary, then the system started on
# free 127.0.0.1 ports (a redis-server and the three services from <build>), and start_edge,
# which renders deploy/nginx.conf with the edge's settings given and starts an nginx on it.
# Everything started here is stopped on exit, each by its own pid file.
# shellcheck disable=SC2016,SC2034,SC2154,SC2317

tmp="$(mktemp -d /tmp/thidua-edge-test.XXXXXX)"
chmod 755 "$tmp"
admin_token="edge-test-admin-token-0123456789"
service_token="edge-test-service-token-0123456789"
webhook_secret="edge-test-webhook-secret-0123456789"

passed=0 failed=0
ok() { echo "ok   - $1"; passed=$((passed + 1)); }
fail() { echo "FAIL - $1"; failed=$((failed + 1)); }
check() {  # <name> <command...>: ok when the command succeeds
  local name="$1"
  shift
  if "$@"; then ok "$name"; else fail "$name"; fi
}

# Started here, stopped here, each by its own pid file (never by name).
pidfiles=()
cleanup() {
  local rc=$? pidfile
  for pidfile in "${pidfiles[@]}"; do
    if [[ -s $pidfile ]]; then kill -TERM "$(<"$pidfile")" 2>/dev/null || true; fi
  done
  if ((failed == 0 && rc == 0)); then
    rm -rf "$tmp"
  else
    echo "logs: $tmp/*.log"
  fi
}
trap cleanup EXIT

summary_and_exit() {
  echo "edge: $passed passed, $failed failed"
  ((failed == 0 && passed > 0))
  exit
}
fatal() {
  fail "$1"
  local log
  for log in "$tmp"/*.log; do
    echo "--- $log"; tail -n 15 "$log" || true
  done
  summary_and_exit
}

for tool in nginx redis-server curl openssl; do
  command -v "$tool" >/dev/null || fatal "$tool is not installed (bash scripts/setup.sh)"
done
for name in nominations reports notifications; do
  [[ -x $build/services/$name/$name ]] || fatal "$build/services/$name/$name is missing: build first"
done

# ------------------------------------------------------------------ the system

redis_port="$(free_port)"
mkdir -p "$tmp/redis"
pidfiles+=("$tmp/redis.pid")
start_bg "$tmp/redis.pid" "$tmp/redis.log" redis-server --port "$redis_port" --bind 127.0.0.1 \
  --dir "$tmp/redis" --save "" --appendonly no
wait_until_redis() {
  local i
  for ((i = 0; i < 100; i++)); do
    [[ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" == PONG ]] && return 0
    sleep 0.1
  done
  return 1
}
wait_until_redis || fatal "redis-server did not answer"

declare -A port
for name in nominations reports notifications; do port[$name]="$(free_port)"; done
start_service() {  # <name>
  local name="$1"
  pidfiles+=("$tmp/$name.pid")
  (cd "$root" && start_bg "$tmp/$name.pid" "$tmp/$name.log" env \
    THIDUA_HTTP_HOST=127.0.0.1 THIDUA_HTTP_PORT="${port[$name]}" \
    THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" \
    THIDUA_ADMIN_TOKEN="$admin_token" THIDUA_SERVICE_TOKEN="$service_token" \
    THIDUA_CATALOGUE_FILE="$root/config/catalogue.json" \
    THIDUA_CONSOLE_OUTBOX="$tmp/console-messages.log" \
    THIDUA_BOT_MODE=webhook ZALO_WEBHOOK_SECRET="$webhook_secret" \
    THIDUA_NOMINATIONS_URL="http://127.0.0.1:${port[nominations]}" \
    THIDUA_REPORTS_URL="http://127.0.0.1:${port[reports]}" \
    THIDUA_NOTIFICATIONS_URL="http://127.0.0.1:${port[notifications]}" \
    "$build/services/$name/$name")
}
for name in nominations reports notifications; do start_service "$name"; done
for name in nominations reports notifications; do
  wait_http "http://127.0.0.1:${port[$name]}/readyz" 30 "$tmp/$name.pid" "$name" ||
    fatal "$name did not come up"
done

# start_edge <name> [VAR=value...]: renders deploy/nginx.conf as run-local.sh does, with the
# edge's settings given (none from the caller's environment), runs nginx -t and starts it.
# Sets edge_port and tls_port.
start_edge() {
  local name="$1" d="$tmp/$1"
  shift
  edge_port="$(free_port)" tls_port="$(free_port)"
  mkdir -p "$d/tmp"
  chmod 755 "$d"
  local user
  user="$(nginx_worker_user "$root/web/admin" "$d/tmp")"
  [[ $user == root ]] || chown -R "$user" "$d/tmp"
  env -u THIDUA_EDGE_TLS_CERT -u THIDUA_EDGE_TLS_KEY -u THIDUA_EDGE_HTTPS_PORT \
    -u THIDUA_EDGE_TRUSTED_PROXIES "$@" bash -c 'source "$1/scripts/lib.sh"; shift
      render_nginx_conf "$@"' _ "$root" "$root/deploy/nginx.conf" "$d/nginx.conf" "$d" "$tmp" \
    "127.0.0.1:$edge_port" "$root/web" "127.0.0.1:${port[nominations]}" \
    "127.0.0.1:${port[reports]}" "127.0.0.1:${port[notifications]}" "$user" \
    "127.0.0.1:$tls_port" 2>"$tmp/$name-render.log" || fatal "$name: the rendering failed"
  # Each nginx logs to its own files.
  sed -i -e "s|$tmp/nginx-error.log|$tmp/$name-error.log|" \
    -e "s|$tmp/nginx-access.log|$tmp/$name-access.log|" "$d/nginx.conf"
  local args=(-p "$d/" -c "$d/nginx.conf" -e "$tmp/$name-error.log")
  nginx -t -q "${args[@]}" 2>>"$tmp/$name-error.log" || fatal "$name: nginx -t refused the rendering"
  pidfiles+=("$tmp/$name.pid")
  start_bg "$tmp/$name.pid" "$tmp/$name-nginx.log" nginx "${args[@]}"
  wait_http "http://127.0.0.1:$edge_port/healthz" 10 "$tmp/$name.pid" nginx ||
    fatal "$name: nginx did not come up"
}
