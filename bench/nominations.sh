#!/usr/bin/env bash
# Load run of the nominations service's read path (GET one nomination, GET a page of the list)
# and write path (PUT staff → POST nomination → POST submit, bench/lua/write_path.lua).
# The service runs on core 0 (one event-loop thread, access log on), wrk and a dedicated Redis
# (deploy/redis.conf: AOF, appendfsync always) on core 1, all on 127.0.0.1 and free ports,
# data and raw output under bench/out/nominations/. Writes the figures into bench/README.md
# between the nominations markers (nothing else in that file is touched).
#   THIDUA_BENCH_DURATION     seconds per measured run (default 8)
#   THIDUA_BENCH_RUNS         measured runs per target (default 3; the median is reported)
#   THIDUA_BENCH_CONNECTIONS  wrk connections (default 32)
#   THIDUA_BENCH_SEED         staff members and nominations seeded before the runs (default 200)
# Builds what ships first (bench_build in bench/lib.sh: scripts/build.sh --ship in
# build-release/; nothing to do when up to date).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"
cd "$root"

bench_settings bench/nominations.sh 3 THIDUA_BENCH_SEED
warmup=2

(($(nproc) >= 2)) || die "needs at least 2 cores (service on core 0, wrk and Redis on core 1)"
for c in wrk redis-server redis-cli curl jq taskset; do
  command -v "$c" >/dev/null || die "$c is missing; run scripts/setup.sh first"
done

bench_build

bench_out "$root/bench/out/nominations"
redis_port="$(free_port)"
service_port="$(free_port)"
# 32 characters, as the deployment's admin token.
token="$(random_token | cut -c1-32)"

bench_start_redis "$out" "$redis_port"
bench_start_nominations "$out" "$service_port" "$redis_port" "$token"
service_pid="$(<"$out/nominations.pid")"

api="http://127.0.0.1:$service_port/api/nominations/v1"
auth="Authorization: Bearer $token"
bench_seed "$api" "$seed"
for ((i = 1; i <= seed; i++)); do
  bench_call POST "$api/nominations" "{\"period\":\"2026\",\"award\":\"bench\",\"subject_kind\":\"individual\",\"subject_id\":\"s$i\",\"reason\":\"Hoàn thành xuất sắc nhiệm vụ năm học; giáo viên dạy giỏi cấp trường; có sáng kiến kinh nghiệm được công nhận.\"}"
done
one_bytes="$(curl -fsS "$api/nominations/1" -H "$auth" | wc -c)"
page_bytes="$(curl -fsS "$api/nominations?limit=50" -H "$auth" | tee "$out/page.json" | wc -c)"
page_items="$(jq '.items | length' "$out/page.json" 2>/dev/null || echo "?")"

non2xx_of() {  # <wrk log>: the "Non-2xx or 3xx responses" count, 0 when wrk printed none
  awk '/Non-2xx or 3xx responses:/ { n = $NF } END { print n + 0 }' "$1"
}
socket_errors_of() {
  awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10; f = 1 } END { if (!f) print 0 }' "$1"
}

# bench_run <label> <url> [wrk args...]: a warm-up, then the measured runs; sets rps_<label>,
# p50_<label>, p99_<label> (medians), bad_<label> (non-2xx + socket errors over all runs,
# warm-up included), cpu_<label> (service CPU, % of one core, over the measured runs), and for
# the write path pairs_<label> (median create+submit pairs/s).
bench_run() {
  local label="$1" url="$2" i log rps=() p50=() p99=() pairs=() bad=0 t0 t1 line
  shift 2
  log="$out/wrk-$label-warmup.txt"
  BENCH_RUN="${label}0" taskset -c 1 wrk -t1 -c"$connections" -d"${warmup}s" "$@" "$url" >"$log"
  bad=$((bad + $(non2xx_of "$log") + $(socket_errors_of "$log")))
  t0="$(pids_ticks "$service_pid")"
  for ((i = 1; i <= runs; i++)); do
    log="$out/wrk-$label-$i.txt"
    BENCH_RUN="$label$i" taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --latency "$@" "$url" >"$log"
    bad=$((bad + $(non2xx_of "$log") + $(socket_errors_of "$log")))
    rps+=("$(awk '/^Requests\/sec:/ { print $2 }' "$log")")
    p50+=("$(wrk_latency_ms "$log" 50%)")
    p99+=("$(wrk_latency_ms "$log" 99%)")
    line="$(grep '^write-path:' "$log" || true)"
    if [[ -n $line ]]; then
      pairs+=("$(sed -E 's/.*pairs_per_s=([0-9.]+).*/\1/' <<<"$line")")
      echo "  $label run $i: ${rps[-1]} req/s, p50 ${p50[-1]} ms, p99 ${p99[-1]} ms; ${line#write-path: }"
    else
      echo "  $label run $i: ${rps[-1]} req/s, p50 ${p50[-1]} ms, p99 ${p99[-1]} ms"
    fi
  done
  t1="$(pids_ticks "$service_pid")"
  printf -v "rps_$label" '%.0f' "$(median "${rps[@]}")"
  printf -v "p50_$label" '%s' "$(median "${p50[@]}")"
  printf -v "p99_$label" '%s' "$(median "${p99[@]}")"
  printf -v "bad_$label" '%d' "$bad"
  printf -v "cpu_$label" '%s' "$(cpu_pct $((t1 - t0)) $((runs * duration * 1000000000)))"
  if ((${#pairs[@]})); then
    printf -v "pairs_$label" '%.0f' "$(median "${pairs[@]}")"
    printf -v "pairs_runs_$label" '%s' "$(printf '%.0f, ' "${pairs[@]}" | sed 's/, $//')"
    printf -v "rps_runs_$label" '%s' "$(printf '%.0f, ' "${rps[@]}" | sed 's/, $//')"
  fi
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: nominations, $seed staff + $seed nominations seeded, $connections connections, $runs × ${duration} s (load: $load_before)"
bench_run one "$api/nominations/1" -H "$auth"
bench_run page "$api/nominations?limit=50" -H "$auth"
bench_run write "$api/nominations" -H "$auth" -s "$root/bench/lua/write_path.lua"

# shellcheck disable=SC2154  # bad_* are set by bench_run through printf -v
bad_total=$((bad_one + bad_page + bad_write))
rss_kib="$(awk '/^VmRSS:/ { print $2 }' "/proc/$service_pid/status")"
hwm_kib="$(awk '/^VmHWM:/ { print $2 }' "/proc/$service_pid/status")"
rss_mib="$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
hwm_mib="$(awk -v k="$hwm_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
redis_used="$(redis-cli -p "$redis_port" info memory | tr -d '\r' | awk -F: '$1 == "used_memory" { print $2 }')"
redis_mib="$(awk -v b="$redis_used" 'BEGIN { printf "%.1f", b / 1048576 }')"
aof_kib="$(du -sk "$out/redis" | cut -f1)"
staff_total="$(curl -fsS "$api/catalogue" -H "$auth" | jq '.staff | length')"
# The last id handed out: the service's id counter (the default school's key space).
last_id="$(redis-cli -p "$redis_port" GET '{thcs-vinh-phong-1}:nominations:seq')"
log_lines="$(wc -l <"$out/nominations.log")"

cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
results="$out/results.md"
# shellcheck disable=SC2154  # set by bench_run through printf -v
cat >"$results" <<EOF
<!-- nominations:begin (written by bench/nominations.sh; edit outside the markers) -->
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, ${cpu_model:-unknown CPU},
Linux $(uname -r), load average before the runs $load_before. Commit
\`$(bench_commit)\`.

Command: \`$command_line\` (wrk -t1 -c$connections, ${warmup} s warm-up, then $runs × ${duration} s
with \`--latency\` per target; medians). Seeded with $seed staff members and $seed nominations
(one GET is $one_bytes bytes; the page is $page_items items, $page_bytes bytes).

| target | requests/s | create+submit pairs/s | p50 | p99 | service CPU | non-2xx |
|---|---:|---:|---:|---:|---:|---:|
| \`GET /api/nominations/v1/nominations/1\` | $rps_one | – | $p50_one ms | $p99_one ms | $cpu_one % | $bad_one |
| \`GET /api/nominations/v1/nominations?limit=50\` | $rps_page | – | $p50_page ms | $p99_page ms | $cpu_page % | $bad_page |
| write path: PUT staff → POST nomination → POST submit | $rps_write | $pairs_write | $p50_write ms | $p99_write ms | $cpu_write % | $bad_write |

Latencies are per request (for the write path, over the three kinds of request together).
The write runs one by one: $pairs_runs_write pairs/s ($rps_runs_write requests/s); every pair
adds a staff member, so the catalogue grows from $seed to $staff_total staff members over the
warm-up and the runs.
Service CPU is its user + system time over the measured runs, in % of one core. The non-2xx
column counts non-2xx answers and socket errors over all runs of the target, warm-ups included.

After the runs: service VmRSS $rss_mib MiB (peak $hwm_mib MiB); Redis used_memory
$redis_used bytes ($redis_mib MiB), AOF directory $aof_kib KiB; the catalogue holds
$staff_total staff members and the last nomination id is $last_id (the write runs add to both);
$log_lines access-log lines.
<!-- nominations:end -->
EOF

bench_readme nominations "$results" "Nominations: read and write paths"
echo
sed -e '/nominations:/d' "$results"
((bad_total == 0)) || die "$bad_total non-2xx answers or socket errors (see $out/wrk-*.txt)"
echo "bench: figures written to bench/README.md"
