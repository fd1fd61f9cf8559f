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
# shellcheck source=tests/deploy/edge_system.sh
source "$root/tests/deploy/edge_system.sh"
# shellcheck source=tests/deploy/edge_helpers.sh
source "$root/tests/deploy/edge_helpers.sh"

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
s="$(get "$r-400" "$e/api/reports/v1/documents/..%00.pdf")"
check "the edge's own 400 (an escaped NUL in the path): bad_request problem+json with the headers" \
  eval '[[ $s == 400 ]] && problem "$r-400.h" 400 bad_request && security_headers "$r-400.h" "$api_csp"'
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
