# shellcheck shell=bash
# Sourced by edge_test.sh: requests and what is checked of their answers (headers, problem
# details, a burst answered 429), over plain HTTP or TLS.
# shellcheck disable=SC2016,SC2034,SC2154,SC2317

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
