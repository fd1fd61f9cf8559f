#!/usr/bin/env bash
# HTTP benchmark: the nominations service's Redis-backed GET side by side with its peers in
# one run, each on core 0 in turn, wrk and Redis on core 1:
#   service  the build that ships (scripts/build.sh --ship), Bearer token, access log on
#   fastify  Fastify 5 + ioredis (bench/peers/fastify_nominations.mjs): the same record from
#            the same Redis key, the same token check and one log line per request
#   probe    Boost.Beast + hiredis async on one Asio loop (bench/probe/): the same record,
#            nothing else (no auth, log or metrics): the floor under the service
#   nginx    the same bytes as a static file (1 worker, access log on): the ceiling
# The runs are interleaved (service, fastify, probe, nginx, service, ...), so a disturbance
# of the machine spreads over all targets; medians are reported. Everything listens on
# 127.0.0.1 (free ports), data and raw output in bench/out/; the figures go into
# bench/README.md between the results markers.
#   THIDUA_BENCH_DURATION     seconds per measured run (default 8)
#   THIDUA_BENCH_RUNS         measured runs per target (default 5; the median is reported)
#   THIDUA_BENCH_CONNECTIONS  wrk connections (default 32)
#   THIDUA_BENCH_SKIP_BUILD=1 measure the binary already built (bench/lib.sh)
#   THIDUA_BENCH_BASELINE=<commit>  also measure the service as built from <commit> (its own
#            worktree and build under build-baseline/), interleaved right after the service,
#            on the same Redis and record: "service / baseline" then tells a regression
#            from a noisier hour
# Needs: Debian 12 packages of scripts/setup.sh (wrk, redis-server, nginx, Node.js, the
# compilers; run as root it installs what is missing) and npm for bench/peers.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"
cd "$root"

bench_settings bench/run.sh 5 THIDUA_BENCH_BASELINE
warmup=3 # s per target before the first round; Node's JIT needs the most
school=thcs-vinh-phong-1

bench_setup peers
bench_build
baseline="${THIDUA_BENCH_BASELINE:-}"
[[ -z $baseline ]] || bench_build_baseline "$baseline"
probe_dir="$root/build-probe"
cmake -S bench/probe -B "$probe_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$probe_dir" -j "${THIDUA_JOBS:-2}" >/dev/null

bench_out "$root/bench/out"
mkdir -p "$out/nginx/tmp" "$out/www"
redis_port="$(free_port)"
declare -A port=([service]="$(free_port)")
port[fastify]="$(free_port)"
port[probe]="$(free_port)"
port[nginx]="$(free_port)"
[[ -z $baseline ]] || port[baseline]="$(free_port)"
token="$(random_token)"

bench_start_redis "$out" "$redis_port"
bench_start_nominations "$out" "${port[service]}" "$redis_port" "$token"

path=/api/nominations/v1/nominations
auth="Authorization: Bearer $token"
bench_create_nomination "${port[service]}" "$token" "$out/nominations.log"
declare -A url=(
  [service]="http://127.0.0.1:${port[service]}$path/1"
  [fastify]="http://127.0.0.1:${port[fastify]}$path/1"
  [probe]="http://127.0.0.1:${port[probe]}$path/1"
  [nginx]="http://127.0.0.1:${port[nginx]}/nomination.json"
)
curl -fsS -o "$out/www/nomination.json" -H "$auth" "${url[service]}"
body_bytes="$(stat -c %s "$out/www/nomination.json")"

if [[ -n $baseline ]]; then
  url[baseline]="http://127.0.0.1:${port[baseline]}$path/1"
  bench_start_nominations "$out" "${port[baseline]}" "$redis_port" "$token" baseline \
    "$baseline_build_dir"
fi
bench_start_fastify "$out" "${port[fastify]}" "$redis_port" "$school" "$token"
bench_track "$out/probe.pid" probe TERM 10
start_bg "$out/probe.pid" "$out/probe.out" taskset -c 0 \
  "$probe_dir/probe" "${port[probe]}" "$redis_port" "$school"

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
    listen 127.0.0.1:${port[nginx]};
    root $out/www;
  }
}
EOF
bench_track "$out/nginx.pid" nginx QUIT 10
if ((EUID == 0)); then
  sed -i "1i user $(nginx_worker_user "$out/www" "$out/nginx/tmp");" "$out/nginx/nginx.conf"
fi
nginx -t -q -p "$out/nginx/" -c "$out/nginx/nginx.conf" -e "$out/nginx-error.log"
start_bg "$out/nginx.pid" "$out/nginx-error.log" taskset -c 0 \
  nginx -p "$out/nginx/" -c "$out/nginx/nginx.conf" -e "$out/nginx-error.log"

# Every target must answer the same bytes, or the comparison means nothing.
others_than_service=(fastify probe nginx)
[[ -z $baseline ]] || others_than_service+=(baseline)
for t in "${others_than_service[@]}"; do
  for ((i = 0; i < 50; i++)); do
    curl -fsS -o "$out/body-$t.json" -H "$auth" "${url[$t]}" 2>/dev/null && break
    sleep 0.2
  done
  [[ -s $out/body-$t.json ]] || die "$t did not answer; see $out/$t.out or $out/nginx-error.log"
  cmp -s "$out/www/nomination.json" "$out/body-$t.json" ||
    die "$t answers other bytes than the service (compare $out/www/nomination.json and $out/body-$t.json)"
done

core0_busy() { # busy clock ticks of core 0 (all but idle and iowait)
  awk '$1 == "cpu0" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
targets=(service fastify probe nginx)
[[ -z $baseline ]] || targets=(service baseline fastify probe nginx)
declare -A pids=(
  [service]="$(<"$out/nominations.pid")"
  [fastify]="$(<"$out/fastify.pid")"
  [probe]="$(<"$out/probe.pid")"
)
[[ -z $baseline ]] || pids[baseline]="$(<"$out/baseline.pid")"
nginx_pid="$(<"$out/nginx.pid")"
pids[nginx]="$nginx_pid $(cat "/proc/$nginx_pid/task/$nginx_pid/children")"
declare -A wrk_args=([service]="$auth" [baseline]="$auth" [fastify]="$auth" [probe]="" [nginx]="")
declare -A rps p50 p99 others cpu cpu_rps

wrk_on() { # <target> <seconds> [--latency]: wrk against the target, output on stdout
  local t="$1" seconds="$2"
  shift 2
  local h=()
  [[ -z ${wrk_args[$t]} ]] || h=(-H "${wrk_args[$t]}")
  taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "${h[@]}" "$@" "${url[$t]}"
}
# measure <target> <round>: one measured run; appends requests/s, p50, p99 (ms), the share
# of core 0 used by others than the target (other programs, interrupts: large values mean
# disturbed figures) and the target's own CPU (% of one core).
measure() {
  local t="$1" i="$2" log c0 s0 t0 c1 s1 t1
  log="$out/wrk-$t-$i.txt"
  # shellcheck disable=SC2086  # pids are single words
  c0="$(core0_busy)" s0="$(pids_ticks ${pids[$t]})" t0="$(date +%s%N)"
  wrk_on "$t" "$duration" --latency >"$log"
  # shellcheck disable=SC2086
  c1="$(core0_busy)" s1="$(pids_ticks ${pids[$t]})" t1="$(date +%s%N)"
  if grep -qE 'Non-2xx|Socket errors' "$log"; then
    cat "$log" >&2
    die "wrk saw errors against $t (see $log)"
  fi
  rps[$t]+=" $(wrk_rps "$log")"
  p50[$t]+=" $(wrk_latency_ms "$log" 50%)"
  p99[$t]+=" $(wrk_latency_ms "$log" 99%)"
  # core 0's busy ticks not charged to the target, as a CPU share (never below 0)
  others[$t]+=" $(cpu_pct $((c1 - c0 - (s1 - s0) > 0 ? c1 - c0 - (s1 - s0) : 0)) $((t1 - t0)))"
  cpu[$t]+=" $(cpu_pct $((s1 - s0)) $((t1 - t0)))"
  # requests served per second of the target's own CPU time (wrk's count over its ticks)
  cpu_rps[$t]+=" $(per_cpu_second "$(wrk_requests "$log")" $((s1 - s0)))"
}
rss_mib() { # <pid> <VmRSS|VmHWM>
  awk -v f="$2:" '$1 == f { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: $body_bytes-byte JSON, $connections connections, $runs rounds of ${duration} s" \
  "per target (load average: $load_before)"
for t in "${targets[@]}"; do wrk_on "$t" "$warmup" >/dev/null; done
for ((i = 1; i <= runs; i++)); do
  for t in "${targets[@]}"; do
    measure "$t" "$i"
    read -r -a last_rps <<<"${rps[$t]}"
    read -r -a last_p99 <<<"${p99[$t]}"
    read -r -a last_others <<<"${others[$t]}"
    printf '  round %d %-8s %6s req/s, p99 %s ms (core 0 used by others: %s %%)\n' "$i" "$t" \
      "${last_rps[-1]}" "${last_p99[-1]}" "${last_others[-1]}"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

declare -A m_rps m_p50 m_p99 m_cpu rss per_cpu per_cpu_ratio
for t in "${targets[@]}"; do
  per_cpu[$t]="$(med "${cpu_rps[$t]}")"
  m_rps[$t]="$(med "${rps[$t]}")"
  m_p50[$t]="$(med "${p50[$t]}")"
  m_p99[$t]="$(med "${p99[$t]}")"
  m_cpu[$t]="$(med "${cpu[$t]}")"
done
for t in "${targets[@]}"; do
  [[ $t != nginx ]] || continue
  rss[$t]="$(rss_mib "${pids[$t]}" VmRSS) MiB (peak $(rss_mib "${pids[$t]}" VmHWM))"
done
rss[nginx]="worker $(rss_mib "$(cut -d' ' -f2 <<<"${pids[nginx]}")" VmRSS) MiB"
service_rss_kib="$(awk '$1 == "VmRSS:" { print $2 }' "/proc/${pids[service]}/status")"
log_lines="$(wc -l <"$out/nominations.log")"
vs_fastify="$(ratio "${m_rps[service]}" "${m_rps[fastify]}")"
vs_probe="$(ratio "${m_rps[service]}" "${m_rps[probe]}")"
vs_nginx="$(ratio "${m_rps[service]}" "${m_rps[nginx]}")"
probe_vs_fastify="$(ratio "${m_rps[probe]}" "${m_rps[fastify]}")"
for t in fastify probe nginx; do per_cpu_ratio[$t]="$(ratio "${per_cpu[service]}" "${per_cpu[$t]}")"; done
peer_versions
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
commit="$(bench_commit)"
build_note="the build that ships (\`scripts/build.sh --ship\`: Release, -O3)"
[[ ${THIDUA_BENCH_SKIP_BUILD:-0} != 1 ]] || build_note="the binary found in \`$bench_build_dir\` (not rebuilt)"
declare -A label=(
  [service]="nominations \`GET $path/1\` (Bearer token, Redis, access log on)"
  [fastify]="Fastify $fastify_version + ioredis $ioredis_version (same record, token check, one log line)"
  [probe]="bare probe: Beast + hiredis async, one Asio loop (no auth, log, metrics)"
  [nginx]="nginx, the same bytes as a static file (1 worker, access log on)"
)
baseline_note=""
if [[ -n $baseline ]]; then
  label[baseline]="the same service built from \`$baseline_commit\` (baseline, same settings)"
  baseline_note="Against the baseline \`$baseline_commit\` measured in the same rounds: service / baseline
requests/s $(ratio "${m_rps[service]}" "${m_rps[baseline]}"), requests per CPU-second $(ratio "${per_cpu[service]}" "${per_cpu[baseline]}"),
p99 ${m_p99[service]} against ${m_p99[baseline]} ms."
fi

results="$out/results.md"
{
  echo "<!-- results:begin (written by bench/run.sh; edit outside the markers) -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, ${cpu_model:-unknown CPU},"
  echo "Linux $(uname -r); load average $load_before before the runs, $load_after after."
  echo "Commit \`$commit\`, $build_note."
  echo
  echo "Command: \`$command_line\` (wrk -t1 -c$connections, ${warmup} s warm-up per target,"
  echo "then $runs interleaved rounds of ${duration} s per target; medians; the same $body_bytes-byte"
  echo "JSON body from every target)."
  echo
  echo "| target | requests/s | p50 | p99 | CPU | requests per CPU-second | resident memory after |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for t in "${targets[@]}"; do
    echo "| ${label[$t]} | ${m_rps[$t]} | ${m_p50[$t]} ms | ${m_p99[$t]} ms | ${m_cpu[$t]} % | ${per_cpu[$t]} | ${rss[$t]} |"
  done
  echo
  echo "| goal (issue 15) | figure | |"
  echo "|---|---|---|"
  echo "| service / Fastify requests/s ≥ 2.5 | $vs_fastify | $(verdict "$vs_fastify >= 2.5") |"
  echo "| service / bare probe requests/s ≥ 0.8 | $vs_probe | $(verdict "$vs_probe >= 0.8") |"
  echo "| service p99 ≤ 1.5 ms at $connections connections | ${m_p99[service]} ms | $(verdict "${m_p99[service]} <= 1.5") |"
  echo "| service resident memory < 20 MiB (VmRSS after the runs) | ${rss[service]} | $(verdict "$service_rss_kib < 20 * 1024") |"
  [[ -z $baseline_note ]] || { echo; echo "$baseline_note"; }
  echo
  echo "Also: service / nginx $vs_nginx, probe / Fastify $probe_vs_fastify. CPU is the target's"
  echo "user + system time in % of one core during its runs (median); requests per CPU-second"
  echo "(the medians of each round's requests over the target's CPU time) is the figure least"
  echo "moved by other programs on core 0: by it, service / Fastify ${per_cpu_ratio[fastify]},"
  echo "service / probe ${per_cpu_ratio[probe]}, service / nginx ${per_cpu_ratio[nginx]}. Each round, per target:"
  echo
  echo "| target | requests/s | p99 (ms) | core 0 used by others (%) |"
  echo "|---|---|---|---|"
  for t in "${targets[@]}"; do
    echo "| $t | ${rps[$t]# } | ${p99[$t]# } | ${others[$t]# } |"
  done
  echo
  echo "\"Core 0 used by others\" is core 0's busy time not charged to the target (other"
  echo "programs, interrupts): near 0 on a quiet machine; large values mean disturbed figures."
  echo "$log_lines access-log lines written by the service."
  echo "<!-- results:end -->"
} >"$results"

bench_readme results "$results" "HTTP: the service's GET side by side with its peers"
echo
sed -e '/results:/d' "$results"
echo "bench: figures written to bench/README.md"
