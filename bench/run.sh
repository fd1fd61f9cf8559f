#!/usr/bin/env bash
# HTTP benchmark: the nominations service's Redis-backed GET against nginx serving a static
# file of the same size, both on one core (core 0), wrk and Redis on the other (core 1).
# Builds Release in build-bench/, runs everything on free ports under bench/out/, and writes
# the figures into bench/README.md between the results markers.
#   THIDUA_BENCH_DURATION     seconds per measured run (default 8)
#   THIDUA_BENCH_RUNS         measured runs per target (default 3; the median is reported)
#   THIDUA_BENCH_CONNECTIONS  wrk connections (default 32)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"
cd "$root"

duration="${THIDUA_BENCH_DURATION:-8}"
runs="${THIDUA_BENCH_RUNS:-3}"
connections="${THIDUA_BENCH_CONNECTIONS:-32}"
warmup=2
command_line="bash bench/run.sh"
for v in THIDUA_BENCH_DURATION THIDUA_BENCH_RUNS THIDUA_BENCH_CONNECTIONS; do
  [[ -z ${!v:-} ]] || command_line="$v=${!v} $command_line"
done

(($(nproc) >= 2)) || die "needs at least 2 cores (server on core 0, wrk and Redis on core 1)"

bash scripts/setup.sh
bench_build

out="$root/bench/out"
rm -rf "$out"
mkdir -p "$out/nginx/tmp" "$out/www"
redis_port="$(free_port)"
service_port="$(free_port)"
nginx_port="$(free_port)"
token="$(random_token)"

cleanup() {
  stop_pid "$out/nominations.pid" nominations TERM 30 >/dev/null
  stop_pid "$out/nginx.pid" nginx QUIT 10 >/dev/null
  stop_pid "$out/redis-server.pid" redis-server TERM 10 >/dev/null
}
trap cleanup EXIT

bench_start_redis "$out" "$redis_port"
bench_start_nominations "$out" "$service_port" "$redis_port" "$token"
service_pid="$(<"$out/nominations.pid")"

base="http://127.0.0.1:$service_port/api/nominations/v1/nominations"
curl -fsS -o /dev/null -X POST "$base" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d '{"period":"2026","award":"gk_xa","subject_kind":"collective","subject_id":"to-toan-tin","reason":"Bài giảng điện tử và kho học liệu số dùng chung cho cả tổ."}' ||
  die "could not create the nomination; see $out/nominations.log"
service_url="$base/1"
curl -fsS -o "$out/www/nomination.json" -H "Authorization: Bearer $token" "$service_url"
body_bytes="$(stat -c %s "$out/www/nomination.json")"

# nginx serving the same bytes as a static file: one worker on core 0, access log on.
cat >"$out/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $out/nginx.pid.nginx;
error_log $out/nginx-error.log warn;
events { worker_connections 1024; }
http {
  types { application/json json; }
  access_log $out/nginx-access.log;
  sendfile on;
  client_body_temp_path $out/nginx/tmp/body;
  proxy_temp_path $out/nginx/tmp/proxy;
  fastcgi_temp_path $out/nginx/tmp/fastcgi;
  uwsgi_temp_path $out/nginx/tmp/uwsgi;
  scgi_temp_path $out/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $out/www;
  }
}
EOF
if ((EUID == 0)); then
  sed -i "1i user $(nginx_worker_user "$out/www" "$out/nginx/tmp");" "$out/nginx/nginx.conf"
fi
nginx -t -q -p "$out/nginx/" -c "$out/nginx/nginx.conf" -e "$out/nginx-error.log"
start_bg "$out/nginx.pid" "$out/nginx-error.log" taskset -c 0 \
  nginx -p "$out/nginx/" -c "$out/nginx/nginx.conf" -e "$out/nginx-error.log"
nginx_url="http://127.0.0.1:$nginx_port/nomination.json"
wait_http "$nginx_url" 10 "$out/nginx.pid" nginx || die "nginx did not start; see $out/nginx-error.log"

core0_busy() {  # busy clock ticks of core 0 (all but idle and iowait)
  awk '$1 == "cpu0" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
# bench_run <label> <url> [wrk args...]: one warm-up, then the measured runs; sets
# rps_<label>, p50_<label>, p99_<label> to the medians and others_<label> to the share of
# core 0 not charged to the server's processes (server_pids) in each run: other programs
# and interrupts, which disturb the figures when large.
bench_run() {
  local label="$1" url="$2" i log rps=() p50=() p99=() others=() c0 s0 t0 c1 s1 t1
  shift 2
  taskset -c 1 wrk -t1 -c"$connections" -d"${warmup}s" "$@" "$url" >/dev/null
  for ((i = 1; i <= runs; i++)); do
    log="$out/wrk-$label-$i.txt"
    c0="$(core0_busy)" s0="$(pids_ticks "${server_pids[@]}")" t0="$(date +%s%N)"
    taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --latency "$@" "$url" >"$log"
    c1="$(core0_busy)" s1="$(pids_ticks "${server_pids[@]}")" t1="$(date +%s%N)"
    others+=("$(awk -v c=$((c1 - c0)) -v s=$((s1 - s0)) -v ns=$((t1 - t0)) -v hz="$clk_tck" \
      'BEGIN { v = 100 * (c - s) / (ns / 1e9 * hz); if (v < 0) v = 0; printf "%.0f", v }')")
    if grep -qE 'Non-2xx|Socket errors' "$log"; then
      cat "$log" >&2
      die "wrk saw errors against $label (see $log)"
    fi
    rps+=("$(awk '/^Requests\/sec:/ { print $2 }' "$log")")
    p50+=("$(to_ms "$(awk '$1 == "50%" { print $2 }' "$log")")")
    p99+=("$(to_ms "$(awk '$1 == "99%" { print $2 }' "$log")")")
    echo "  $label run $i: ${rps[-1]} req/s, p50 ${p50[-1]} ms, p99 ${p99[-1]} ms" \
      "(core 0 used by others: ${others[-1]} %)"
  done
  printf -v "others_$label" '%s' "${others[*]}"
  printf -v "rps_$label" '%.0f' "$(median "${rps[@]}")"
  printf -v "p50_$label" '%s' "$(median "${p50[@]}")"
  printf -v "p99_$label" '%s' "$(median "${p99[@]}")"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: $body_bytes-byte JSON, $connections connections, $runs × ${duration} s (load: $load_before)"
clk_tck="$(getconf CLK_TCK)"
read -r user0 sys0 < <(cpu_ticks "$service_pid")
server_pids=("$service_pid")
bench_run service "$service_url" -H "Authorization: Bearer $token"
read -r user1 sys1 < <(cpu_ticks "$service_pid")
nginx_pid="$(<"$out/nginx.pid")"
# shellcheck disable=SC2207  # pids are single words
server_pids=("$nginx_pid" $(cat "/proc/$nginx_pid/task/$nginx_pid/children"))
bench_run nginx "$nginx_url"

rss_kib="$(awk '/^VmRSS:/ { print $2 }' "/proc/$service_pid/status")"
hwm_kib="$(awk '/^VmHWM:/ { print $2 }' "/proc/$service_pid/status")"
# shellcheck disable=SC2154  # set by bench_run through printf -v
ratio="$(awk -v a="$rps_service" -v b="$rps_nginx" 'BEGIN { printf "%.2f", a / b }')"
rss_mib="$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
hwm_mib="$(awk -v k="$hwm_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
user_ticks=$((user1 - user0))
sys_ticks=$((sys1 - sys0))
cpu_split="$(awk -v u="$user_ticks" -v s="$sys_ticks" 'BEGIN {
  t = u + s; if (t == 0) t = 1; printf "%.0f %% user, %.0f %% system", 100 * u / t, 100 * s / t }')"
wall_s=$((warmup + runs * duration))
cpu_busy="$(awk -v u="$user_ticks" -v s="$sys_ticks" -v hz="$clk_tck" -v w="$wall_s" \
  'BEGIN { printf "%.0f", 100 * (u + s) / hz / w }')"
log_lines="$(wc -l <"$out/nominations.log")"

verdict() {  # <ok 1|0>
  if (($1)); then echo "met"; else echo "**missed**"; fi
}
ratio_ok="$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? 1 : 0 }')"
# shellcheck disable=SC2154
p99_ok="$(awk -v p="$p99_service" 'BEGIN { print (p <= 2.0) ? 1 : 0 }')"
rss_ok="$(awk -v k="$rss_kib" 'BEGIN { print (k < 20 * 1024) ? 1 : 0 }')"

cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
results="$out/results.md"
# shellcheck disable=SC2154
cat >"$results" <<EOF
<!-- results:begin (written by bench/run.sh; edit outside the markers) -->
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, ${cpu_model:-unknown CPU},
Linux $(uname -r), load average before the runs $load_before. Commit
\`$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git -C "$root" diff --quiet HEAD -- libs services 2>/dev/null || echo " (with uncommitted changes in libs/ or services/)").

Command: \`$command_line\` (wrk -t1 -c$connections, ${warmup} s warm-up, then $runs × ${duration} s;
medians; $body_bytes-byte JSON body).

| target | requests/s | p50 | p99 |
|---|---:|---:|---:|
| nominations \`GET /api/nominations/v1/nominations/1\` (Bearer token, Redis, access log on) | $rps_service | $p50_service ms | $p99_service ms |
| nginx, the same bytes as a static file (1 worker, access log on) | $rps_nginx | $p50_nginx ms | $p99_nginx ms |

| goal | figure | |
|---|---|---|
| service / nginx requests/s ≥ 0.5 | $ratio | $(verdict "$ratio_ok") |
| service p99 ≤ 2 ms at $connections connections | $p99_service ms | $(verdict "$p99_ok") |
| service resident memory < 20 MiB (VmRSS after the runs) | $rss_mib MiB (peak $hwm_mib MiB) | $(verdict "$rss_ok") |

Service CPU during its runs (from /proc/<pid>/stat): $cpu_split, $cpu_busy % of one core over
$wall_s s; $log_lines access-log lines written. Core 0 time not charged to the server
(other programs, interrupts) in each measured run: service $others_service %, nginx
$others_nginx % (near 0 on an idle machine; large values mean disturbed figures).
<!-- results:end -->
EOF

readme="$root/bench/README.md"
if [[ -f $readme ]] && grep -q '<!-- results:begin' "$readme"; then
  awk -v f="$results" '
    /<!-- results:begin/ { while ((getline line < f) > 0) print line; skip = 1; next }
    /<!-- results:end/ { skip = 0; next }
    !skip' "$readme" >"$readme.new"
  mv "$readme.new" "$readme"
else
  { echo "# Benchmarks"; echo; cat "$results"; } >"$readme"
fi
echo
sed -e '/results:/d' "$results"
echo "bench: figures written to bench/README.md"
