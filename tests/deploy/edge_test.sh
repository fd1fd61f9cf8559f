#!/usr/bin/env bash
# The edge (deploy/nginx.conf) driven for real: a redis-server, the three service binaries
# and nginx with the config rendered by deploy/render-nginx-conf.sh, all on free 127.0.0.1
# ports, as a client would see them:
#   1. the security headers on every kind of answer: a dashboard file, a service's answer and
#      its own error, the edge's 404, 413, 301 and 503 (a service stopped), the report page;
#   2. each rate limit (public routes, the bot webhook, the sign-in routes) serves its burst,
#      then answers 429 application/problem+json with Retry-After and a Vietnamese detail,
#      and serves again after Retry-After; reads of the sign-in routes and routes that are
#      not limited are never refused; X-Forwarded-For is ignored without a trusted proxy;
#   3. with THIDUA_EDGE_TRUSTED_PROXIES the client address comes from X-Forwarded-For (one
#      bucket per client behind the proxy);
#   4. with TLS on: plain HTTP redirects to HTTPS (308) and HTTPS answers carry
#      Strict-Transport-Security, which plain HTTP never does; TLS 1.2 and 1.3 are served,
#      TLS 1.1 is not.
# The limits are counted by nginx's monotonic clock; a burst sent at once is refused past
# its size however slow the machine (a slower pace only lets more through, which the test
# allows for by the burst's elapsed time on a monotonic clock, and it sends several times
# the burst). Nothing depends on the time of day.
#
#   bash tests/deploy/edge_test.sh <build dir>
# Needs nginx, redis-server, curl, openssl and the built services. The last line is
# "edge: N passed, M failed".
# The checks are strings run by eval (each reads as the assertion it makes), so shellcheck
# sees neither the variables nor the functions they use.
# shellcheck disable=SC2016,SC2034,SC2317
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build}"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"
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

# ------------------------------------------------------------------ helpers

# get <dir/name> <curl args...>: one request; headers in <name>.h, body in <name>.b, the
# status on stdout.
get() {
  local out="$1"
  shift
  curl -sS --max-time 10 -D "$out.h" -o "$out.b" -w '%{http_code}' "$@" || echo 000
}
# header <dump> <name>: the values of a header (one line each, no CR).
header() { grep -i "^$2:" "$1" | sed -e 's/^[^:]*: *//' -e 's/\r$//' || true; }
has_header() {  # <dump> <name> <exact value>
  [[ "$(header "$1" "$2")" == "$3" ]] ||
    { echo "       $2 is '$(header "$1" "$2" | tr '\n' '|')', expected '$3'"; return 1; }
}

dashboard_csp="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
api_csp="default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
report_csp="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
# security_headers <dump> <csp> [hsts]: every header the edge sets on every answer.
security_headers() {
  local dump="$1" csp="$2" hsts="${3:-}" ok=0
  has_header "$dump" Content-Security-Policy "$csp" || ok=1
  has_header "$dump" X-Content-Type-Options nosniff || ok=1
  has_header "$dump" X-Frame-Options DENY || ok=1
  has_header "$dump" Referrer-Policy same-origin || ok=1
  has_header "$dump" Permissions-Policy \
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()" || ok=1
  has_header "$dump" Strict-Transport-Security "$hsts" || ok=1
  [[ "$(header "$dump" X-Request-Id | wc -l)" == 1 ]] ||
    { echo "       X-Request-Id is not there exactly once"; ok=1; }
  return "$ok"
}
# problem <dump> <status> <code>: an application/problem+json answer of that status and code
# whose detail is Vietnamese (a letter only Vietnamese uses), with the request id.
problem() {
  local dump="$1" status="$2" code="$3" body
  body="$(cat "${dump%.h}.b")"
  has_header "$dump" Content-Type application/problem+json || return 1
  python3 - "$body" "$status" "$code" "$(header "$dump" X-Request-Id)" <<'PY'
import json, sys
body, status, code, rid = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
p = json.loads(body)
bad = []
if p.get("status") != status: bad.append(f"status {p.get('status')}")
if p.get("code") != code: bad.append(f"code {p.get('code')}")
if not any(c in p.get("detail", "") for c in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"):
    bad.append(f"detail not Vietnamese: {p.get('detail')!r}")
if p.get("request_id") != rid: bad.append(f"request_id {p.get('request_id')} != {rid}")
if bad:
    print("       problem: " + "; ".join(bad))
    sys.exit(1)
PY
}

# uptime: seconds since boot (/proc/uptime: a monotonic clock, not the time of day).
uptime() { local up _; read -r up _ </proc/uptime; echo "$up"; }
# burst <n> <curl args...> <url>: n requests at once on one connection; their statuses, one
# a line, in order. Sets burst_elapsed: the seconds the whole burst took, from before curl
# started to after it ended.
burst() {
  local n="$1" i cfg="$tmp/burst.cfg" start
  shift
  local url="${*: -1}"
  local args=("${@:1:$#-1}")
  : >"$cfg"
  for ((i = 0; i < n; i++)); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$cfg"; done
  start="$(uptime)"
  curl -sS --max-time 60 -K "$cfg" -w '%{http_code}\n' "${args[@]}"
  burst_elapsed="$(echo "$start $(uptime)" | awk '{ printf "%.2f", $2 - $1 }')"
}
# served_then_refused <name> <statuses file> <burst> <rate per second>: the first burst+1
# answers are served (not 429, not 5xx), and the first 429 comes no later than the rate
# allows for the time the burst took (so a larger burst or rate than documented fails).
served_then_refused() {
  local name="$1" file="$2" burst="$3" rate="$4" first_429 allowed
  first_429="$(grep -n '^429$' "$file" | head -n 1 | cut -d: -f1)"
  if [[ -z $first_429 ]]; then
    fail "$name: $(wc -l <"$file") requests at once, none refused ($(sort "$file" | uniq -c | tr -s ' \n' ' '))"
    return
  fi
  # The burst, the first request, what leaked out at the rate meanwhile (20 ms more for the
  # clock's 10 ms steps), then the first refused.
  allowed="$(awk -v b="$burst" -v r="$rate" -v t="$burst_elapsed" 'BEGIN { printf "%d", b + 1 + r * (t + 0.02) + 1 }')"
  if ((first_429 <= burst + 1)); then
    fail "$name: refused at request $first_429, inside the burst of $burst"
  elif ((first_429 > allowed)); then
    fail "$name: first refused at request $first_429; a burst of $burst at $rate/s in $burst_elapsed s allows $allowed"
  elif head -n "$((burst + 1))" "$file" | grep -qE '^(000|5..)$'; then
    fail "$name: the burst was not served: $(head -n "$((burst + 1))" "$file" | sort | uniq -c | tr -s ' \n' ' ')"
  else
    ok "$name: the first $((burst + 1)) served ($(head -n "$((burst + 1))" "$file" | sort -u | tr '\n' ' ')), then 429 from request $first_429 (at most $allowed in $burst_elapsed s)"
  fi
}
# curl_op <out> <curl args...>: the args (-X, -H, -d and the URL) as one operation of a
# curl config file, writing <out>.h and <out>.b.
curl_op() {
  local out="$1"
  shift
  printf 'output = "%s"\ndump-header = "%s"\nmax-time = 10\n' "$out.b" "$out.h"
  while (($#)); do
    case $1 in
      -X) printf 'request = "%s"\n' "$2" && shift 2 ;;
      -H) printf 'header = "%s"\n' "$2" && shift 2 ;;
      -d) printf 'data = "%s"\n' "$2" && shift 2 ;;
      *) printf 'url = "%s"\n' "$1" && shift ;;
    esac
  done
}
# refused_429 <dir/name> <retry-after> <curl args...>: right after a burst, 20 requests at
# once from one curl (one after another, on a busy machine each takes longer than the bucket
# needs to refill, and a sequence may never meet the limit); checks one 429 whole.
refused_429() {
  local out="$1" wait="$2" i found=""
  shift 2
  for ((i = 0; i < 20; i++)); do
    ((i == 0)) || echo next
    curl_op "$out-$i" "$@"
  done >"$out.cfg"
  curl -sS --parallel --parallel-max 20 -K "$out.cfg" || true
  for ((i = 0; i < 20; i++)); do
    if head -n 1 "$out-$i.h" 2>/dev/null | grep -qE '^HTTP/[0-9.]+ 429'; then
      found="$out-$i"
      break
    fi
  done
  [[ -n $found ]] || { echo "       no 429 in 20 requests at once: $(head -qn 1 "$out"-*.h | tr -d '\r' | sort | uniq -c | tr -s ' \n' ' ')"; return 1; }
  has_header "$found.h" Retry-After "$wait" && problem "$found.h" 429 too_many_requests &&
    security_headers "$found.h" "$api_csp" &&
    grep -q "thử lại sau $wait giây" "$found.b"
}

# ------------------------------------------------------------------ 1. headers (TLS off)

start_edge plain
e="http://127.0.0.1:$edge_port"
r="$tmp/r"

s="$(get "$r-dash" "$e/admin/")"
check "a dashboard file: 200 text/html, the dashboard's CSP (no unsafe-inline), revalidated" \
  eval '[[ $s == 200 ]] && has_header "$r-dash.h" Content-Type text/html &&
    has_header "$r-dash.h" Cache-Control no-cache && security_headers "$r-dash.h" "$dashboard_csp"'
s="$(get "$r-js" "$e/admin/app.mjs")"
check "a dashboard script: 200 text/javascript with the same headers" \
  eval '[[ $s == 200 ]] && has_header "$r-js.h" Content-Type text/javascript &&
    security_headers "$r-js.h" "$dashboard_csp"'
check "the dashboard has no inline script, style or style attribute (what its CSP forbids)" \
  eval '! grep -qiE "<script>|<script [^>]*>[^<]|<style|style=|javascript:| on[a-z]+=" \
    "$root/web/admin/index.html" && ! grep -qE "\.style\b|setAttribute\(.style|innerHTML" \
    "$root"/web/admin/*.mjs'

s="$(get "$r-api" -H 'X-Request-Id: edge-test-0001' "$e/api/reports/v1/deadlines/next")"
check "a service's answer: 200 JSON from reports, its own Cache-Control, one X-Request-Id (ours)" \
  eval '[[ $s == 200 ]] && grep -q due_date "$r-api.b" &&
    has_header "$r-api.h" X-Request-Id edge-test-0001 &&
    [[ -z "$(header "$r-api.h" Retry-After)" ]] && security_headers "$r-api.h" "$api_csp"'
s="$(get "$r-401" "$e/api/nominations/v1/quotas?period=2026")"
check "a service's error: 401 problem+json from nominations, with the headers" \
  eval '[[ $s == 401 ]] && problem "$r-401.h" 401 unauthenticated && security_headers "$r-401.h" "$api_csp"'
s="$(get "$r-html" -H "Authorization: Bearer $admin_token" "$e/api/reports/v1/school-reports/2026/html")"
check "the report's printable page: its inline style allowed, no script (CSP)" \
  eval '[[ $s == 200 ]] && grep -q "<style>" "$r-html.b" && security_headers "$r-html.h" "$report_csp"'
s="$(get "$r-404" "$e/no/such/path")"
check "the edge's 404: route_not_found problem+json with the headers" \
  eval '[[ $s == 404 ]] && problem "$r-404.h" 404 route_not_found && security_headers "$r-404.h" "$api_csp"'
head -c 1100000 /dev/zero | tr '\0' 'a' >"$tmp/big.json"
s="$(get "$r-413" -X POST -H 'Content-Type: application/json' --data-binary "@$tmp/big.json" \
  "$e/api/nominations/v1/nominations")"
check "the edge's 413: payload_too_large problem+json with the headers" \
  eval '[[ $s == 413 ]] && problem "$r-413.h" 413 payload_too_large && security_headers "$r-413.h" "$api_csp"'
s="$(get "$r-301" "$e/admin")"
check "the edge's redirect /admin -> /admin/ with the headers" \
  eval '[[ $s == 301 ]] && security_headers "$r-301.h" "$api_csp"'

# ------------------------------------------------------------------ 2. limits (no proxy)

burst 120 "$e/api/nominations/v1/public/honours" >"$tmp/public.statuses"
served_then_refused "public routes (5/s, burst 50)" "$tmp/public.statuses" 50 5
check "public routes: 429 problem+json, Retry-After 1, Vietnamese detail, the headers" \
  refused_429 "$r-public" 1 "$e/api/reports/v1/public/figures"
check "public routes: X-Forwarded-For changes nothing without a trusted proxy" \
  refused_429 "$r-public-xff" 1 -H 'X-Forwarded-For: 203.0.113.9' "$e/api/reports/v1/deadlines/next"
sleep 1.2
s="$(get "$r-public-again" "$e/api/nominations/v1/public/honours")"
check "public routes: served again after Retry-After" eval '[[ $s == 200 ]]'

burst 220 -X POST -H 'Content-Type: application/json' -H 'X-Bot-Api-Secret-Token: wrong' \
  -d '{}' "$e/api/notifications/v1/bot/zalo/webhook" >"$tmp/webhook.statuses"
served_then_refused "the bot webhook (10/s, burst 100)" "$tmp/webhook.statuses" 100 10
check "the bot webhook: 429 with Retry-After 1" \
  refused_429 "$r-webhook" 1 -X POST -H 'Content-Type: application/json' -d '{}' \
  "$e/api/notifications/v1/bot/zalo/webhook"

burst 90 -X POST "$e/api/nominations/v1/staff/gv-khong-co/link-codes" >"$tmp/signin.statuses"
served_then_refused "sign-in routes (30/min, burst 60)" "$tmp/signin.statuses" 60 0.5
check "sign-in routes: 429 with Retry-After 2, shared by every route that issues a credential" \
  eval 'refused_429 "$r-signin" 2 -X POST -H "Content-Type: application/json" -d "{}" \
    "$e/api/nominations/v1/tokens" &&
  refused_429 "$r-signin-zalo" 2 -X POST -H "Content-Type: application/json" -d "{}" \
    "$e/api/nominations/v1/zalo-links" &&
  refused_429 "$r-signin-sessions" 2 -X POST "$e/api/nominations/v1/sessions" &&
  refused_429 "$r-signin-codes" 2 -X POST "$e/api/nominations/v1/sign-in-codes"'
burst 80 "$e/api/nominations/v1/staff/gv-khong-co/tokens" >"$tmp/signin-reads.statuses"
check "sign-in routes: reads are not counted (80 GETs at once with the bucket full: none 429)" \
  eval '! grep -q "^429$" "$tmp/signin-reads.statuses" && grep -q "^401$" "$tmp/signin-reads.statuses"'
burst 150 -X POST -H 'Content-Type: application/json' -d '{}' \
  "$e/api/nominations/v1/nominations" >"$tmp/unlimited.statuses"
check "a route without a limit: 150 POSTs at once, none 429" \
  eval '! grep -q "^429$" "$tmp/unlimited.statuses" && grep -q "^401$" "$tmp/unlimited.statuses"'
sleep 2.2
s="$(get "$r-signin-again" -X POST "$e/api/nominations/v1/staff/gv-khong-co/link-codes")"
check "sign-in routes: served again after Retry-After (401: no token)" eval '[[ $s == 401 ]]'

# The edge's 503 when a service is down, with its Retry-After.
stop_pid "$tmp/notifications.pid" notifications TERM 30 >/dev/null
s="$(get "$r-503" "$e/api/notifications/v1/messages")"
check "the edge's 503 (a service down): service_unavailable, Retry-After 5, the headers" \
  eval '[[ $s == 503 ]] && problem "$r-503.h" 503 service_unavailable &&
    has_header "$r-503.h" Retry-After 5 && security_headers "$r-503.h" "$api_csp"'

# ------------------------------------------------------------------ 3. behind a trusted proxy

start_edge proxied THIDUA_EDGE_TRUSTED_PROXIES="127.0.0.1"
e="http://127.0.0.1:$edge_port"
burst 120 -H 'X-Forwarded-For: 203.0.113.7' "$e/api/reports/v1/deadlines/next" >"$tmp/proxied.statuses"
served_then_refused "behind a trusted proxy: one client's burst" "$tmp/proxied.statuses" 50 5
s="$(get "$r-other" -H 'X-Forwarded-For: 203.0.113.8' "$e/api/reports/v1/deadlines/next")"
check "behind a trusted proxy: another client behind it is served (its own bucket)" \
  eval '[[ $s == 200 ]]'
check "behind a trusted proxy: the access log names the client, not the proxy" \
  grep -q '"remote":"203.0.113.8"' "$tmp/proxied-access.log"

# ------------------------------------------------------------------ 4. TLS on

mkdir -p "$tmp/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$tmp/tls/key.pem" -out "$tmp/tls/cert.pem" \
  2>/dev/null || fatal "openssl could not make a certificate"
chmod -R a+rX "$tmp/tls"
start_edge tls THIDUA_EDGE_TLS_CERT="$tmp/tls/cert.pem" THIDUA_EDGE_TLS_KEY="$tmp/tls/key.pem"
s="$(get "$r-redirect" -X POST "http://127.0.0.1:$edge_port/api/reports/v1/deadlines/next?x=1")"
check "TLS on: plain HTTP redirects (308) to the same path over HTTPS, no HSTS on HTTP" \
  eval '[[ $s == 308 ]] &&
    has_header "$r-redirect.h" Location "https://127.0.0.1:$tls_port/api/reports/v1/deadlines/next?x=1" &&
    security_headers "$r-redirect.h" "$api_csp"'
s="$(get "$r-health" "http://127.0.0.1:$edge_port/healthz")"
check "TLS on: the edge's /healthz still answers on plain HTTP" eval '[[ $s == 200 ]]'
https="https://127.0.0.1:$tls_port"
s="$(get "$r-https-api" --cacert "$tmp/tls/cert.pem" "$https/api/reports/v1/deadlines/next")"
check "TLS on: a service's answer over HTTPS carries Strict-Transport-Security" \
  eval '[[ $s == 200 ]] && security_headers "$r-https-api.h" "$api_csp" "max-age=31536000"'
s="$(get "$r-https-dash" --cacert "$tmp/tls/cert.pem" "$https/admin/")"
check "TLS on: the dashboard over HTTPS, with the dashboard's CSP and HSTS" \
  eval '[[ $s == 200 ]] && security_headers "$r-https-dash.h" "$dashboard_csp" "max-age=31536000"'
s12="$(get "$r-tls12" --cacert "$tmp/tls/cert.pem" --tlsv1.2 --tls-max 1.2 "$https/healthz")"
s13="$(get "$r-tls13" --cacert "$tmp/tls/cert.pem" --tlsv1.3 "$https/healthz")"
check "TLS on: TLS 1.2 and TLS 1.3 are both served" eval '[[ $s12 == 200 && $s13 == 200 ]]'
# The client offers TLS 1.1 with its own floor lowered (SECLEVEL=0), so a refusal is the
# edge's ssl_protocols (its "protocol version" alert), not the client's defaults.
check "TLS on: TLS 1.1 is refused (ssl_protocols TLSv1.2 TLSv1.3)" \
  eval '! openssl s_client -connect "127.0.0.1:$tls_port" -tls1_1 -cipher "DEFAULT:@SECLEVEL=0" \
    </dev/null >"$tmp/tls11.log" 2>&1 && grep -q "alert protocol version" "$tmp/tls11.log"'
s="$(get "$r-https-404" --cacert "$tmp/tls/cert.pem" "$https/nothing-here")"
check "TLS on: the edge's own error over HTTPS, with HSTS" \
  eval '[[ $s == 404 ]] && security_headers "$r-https-404.h" "$api_csp" "max-age=31536000"'

summary_and_exit
