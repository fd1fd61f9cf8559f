#!/usr/bin/env bash
# The write path side by side: create + submit of a nomination through the service and
# through the Fastify + ioredis peer (bench/peers/fastify_nominations.mjs), which runs the
# service's own Lua scripts (read from services/nominations/store/nomination_store.cpp: the
# create script, and the transition script that takes and releases quota places and writes
# the event). Each pair is followed by a withdraw, so a seeded staff member can be nominated
# again (bench/lua/create_submit.lua). Set up as bench/run.sh: the build that ships, Redis
# (AOF, appendfsync always) and wrk on core 1, each target on core 0, interleaved rounds,
# medians; everything on 127.0.0.1, output in bench/out/write/, figures into bench/README.md
# between the write markers.
#   THIDUA_BENCH_DURATION, THIDUA_BENCH_RUNS, THIDUA_BENCH_CONNECTIONS,
#   THIDUA_BENCH_SKIP_BUILD  as in bench/run.sh (8 s, 5 rounds, 32 connections)
#   THIDUA_BENCH_SEED        staff members seeded (default 200)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"
cd "$root"

duration="${THIDUA_BENCH_DURATION:-8}"
runs="${THIDUA_BENCH_RUNS:-5}"
connections="${THIDUA_BENCH_CONNECTIONS:-32}"
seed="${THIDUA_BENCH_SEED:-200}"
warmup=3
school=thcs-vinh-phong-1
command_line="bash bench/write.sh"
for v in THIDUA_BENCH_DURATION THIDUA_BENCH_RUNS THIDUA_BENCH_CONNECTIONS THIDUA_BENCH_SEED; do
  [[ -z ${!v:-} ]] || command_line="$v=${!v} $command_line"
done

(($(nproc) >= 2)) || die "needs at least 2 cores (servers on core 0, wrk and Redis on core 1)"
bash scripts/setup.sh
npm install --prefix bench/peers --no-audit --no-fund --loglevel=error >/dev/null ||
  die "npm install in bench/peers failed"
bench_build

out="$root/bench/out/write"
rm -rf "$out"
mkdir -p "$out"
redis_port="$(free_port)"
declare -A port=([service]="$(free_port)")
port[fastify]="$(free_port)"
token="$(random_token)"

cleanup() {
  stop_pid "$out/nominations.pid" nominations TERM 30 >/dev/null
  stop_pid "$out/fastify.pid" node TERM 10 >/dev/null
  stop_pid "$out/redis-server.pid" redis-server TERM 10 >/dev/null
}
trap cleanup EXIT

bench_start_redis "$out" "$redis_port"
bench_start_nominations "$out" "${port[service]}" "$redis_port" "$token"
start_bg "$out/fastify.pid" "$out/fastify.out" taskset -c 0 \
  node bench/peers/fastify_nominations.mjs "${port[fastify]}" "$redis_port" "$school" "$token" \
  "$out/fastify-access.log"

api="http://127.0.0.1:${port[service]}/api/nominations/v1"
auth="Authorization: Bearer $token"
call() { # call <method> <url> [json body]: fails on a non-2xx answer
  local args=(-fsS -o /dev/null -X "$1" "$2" -H "$auth")
  [[ $# -lt 3 ]] || args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" || die "$1 $2 failed; see $out/nominations.log or $out/fastify.out"
}
unlimited='{"collective":-1,"individual":-1}'
call PUT "$api/catalogue/award-forms/bench" "{\"code\":\"bench\",\"label\":\"Bench award\",\"level\":\"school\",\"dossier_copies\":1,\"quotas\":{\"annual\":$unlimited,\"interim\":$unlimited,\"final\":$unlimited}}"
for ((i = 1; i <= seed; i++)); do
  call PUT "$api/catalogue/staff/s$i" "{\"name\":\"Giáo viên $i\",\"unit_id\":\"to-toan-tin\"}"
done

declare -A url=(
  [service]="$api/nominations"
  [fastify]="http://127.0.0.1:${port[fastify]}/api/nominations/v1/nominations"
)
for ((i = 0; i < 100; i++)); do
  port_in_use "${port[fastify]}" && break
  sleep 0.1
done
# One chain through each target by hand: both must create, submit and withdraw.
for t in service fastify; do
  reply="$(curl -fsS -X POST "${url[$t]}" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"period":"2026","award":"bench","subject_kind":"individual","subject_id":"s1","reason":"Kiểm tra."}')" ||
    die "$t: create failed; see $out/nominations.log or $out/fastify.out"
  id="$(jq -r .id <<<"$reply")"
  call POST "${url[$t]}/$id/transitions" '{"action":"submit"}'
  call POST "${url[$t]}/$id/transitions" '{"action":"withdraw"}'
done

# Chains cut off when a run ends leave nominations in draft or submitted: withdrawn here
# (through the service, outside the measured time), so the next run finds every subject free.
release_leftovers() {
  local k id
  while read -r k; do
    [[ -n $k ]] || continue
    id="$(redis-cli -p "$redis_port" GET "$k")"
    [[ -z $id ]] || call POST "$api/nominations/$id/transitions" '{"action":"withdraw"}'
  done < <(redis-cli -p "$redis_port" --scan --pattern "{$school}:nominations:live:*")
}

clk_tck="$(getconf CLK_TCK)"
declare -A pids=([service]="$(<"$out/nominations.pid")" [fastify]="$(<"$out/fastify.pid")")
redis_pid="$(<"$out/redis-server.pid")"
declare -A rps pairs p50 p99 cpu bad redis_cpu cpu_rps
targets=(service fastify)
wrk_on() { # <target> <seconds> <start> [--latency]
  local t="$1" seconds="$2" start="$3"
  shift 3
  BENCH_STAFF="$seed" BENCH_START="$start" taskset -c 1 wrk -t1 -c"$connections" \
    -d"${seconds}s" -H "$auth" -s bench/lua/create_submit.lua "$@" "${url[$t]}"
}
measure() { # <target> <round>
  local t="$1" i="$2" log s0 t0 s1 t1 r0 r1 line
  log="$out/wrk-$t-$i.txt"
  s0="$(pids_ticks "${pids[$t]}")" r0="$(pids_ticks "$redis_pid")" t0="$(date +%s%N)"
  wrk_on "$t" "$duration" $((i * 37)) --latency >"$log"
  s1="$(pids_ticks "${pids[$t]}")" r1="$(pids_ticks "$redis_pid")" t1="$(date +%s%N)"
  release_leftovers
  line="$(grep '^write-path:' "$log")"
  bad[$t]=$((${bad[$t]:-0} + $(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")))
  if grep -q 'Socket errors' "$log"; then bad[$t]=$((${bad[$t]} + 1)); fi
  rps[$t]+=" $(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$log")"
  pairs[$t]+=" $(sed -E 's/.*pairs_per_s=([0-9.]+).*/\1/' <<<"$line" | xargs printf '%.0f')"
  p50[$t]+=" $(to_ms "$(awk '$1 == "50%" { print $2 }' "$log")")"
  p99[$t]+=" $(to_ms "$(awk '$1 == "99%" { print $2 }' "$log")")"
  cpu[$t]+=" $(awk -v s=$((s1 - s0)) -v ns=$((t1 - t0)) -v hz="$clk_tck" \
    'BEGIN { printf "%.0f", 100 * s / (ns / 1e9 * hz) }')"
  redis_cpu[$t]+=" $(awk -v s=$((r1 - r0)) -v ns=$((t1 - t0)) -v hz="$clk_tck" \
    'BEGIN { printf "%.0f", 100 * s / (ns / 1e9 * hz) }')"
  cpu_rps[$t]+=" $(awk -v n="$(awk '/requests in/ { print $1 }' "$log")" -v s=$((s1 - s0)) \
    -v hz="$clk_tck" 'BEGIN { if (s == 0) s = 1; printf "%.0f", n / (s / hz) }')"
  echo "  round $i $t: ${line#write-path: }"
}
med() {
  # shellcheck disable=SC2086
  median $1
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: write path, $seed staff seeded, $connections connections, $runs rounds of ${duration} s (load: $load_before)"
for t in "${targets[@]}"; do
  wrk_on "$t" "$warmup" 0 >"$out/wrk-$t-warmup.txt"
  release_leftovers
done
for ((i = 1; i <= runs; i++)); do
  for t in "${targets[@]}"; do measure "$t" "$i"; done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
for t in "${targets[@]}"; do
  ((${bad[$t]} == 0)) || die "$t: ${bad[$t]} non-2xx answers or socket errors (see $out/wrk-$t-*.txt)"
done

declare -A m_pairs m_rps m_p50 m_p99 m_cpu m_redis m_per_cpu
for t in "${targets[@]}"; do
  m_redis[$t]="$(med "${redis_cpu[$t]}")"
  m_per_cpu[$t]="$(med "${cpu_rps[$t]}")"
  m_pairs[$t]="$(med "${pairs[$t]}")"
  m_rps[$t]="$(med "${rps[$t]}")"
  m_p50[$t]="$(med "${p50[$t]}")"
  m_p99[$t]="$(med "${p99[$t]}")"
  m_cpu[$t]="$(med "${cpu[$t]}")"
done
ratio="$(awk -v a="${m_pairs[service]}" -v b="${m_pairs[fastify]}" 'BEGIN { printf "%.2f", a / b }')"
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**"; fi; }
fastify_version="$(node -p "require('$root/bench/peers/node_modules/fastify/package.json').version")"
ioredis_version="$(node -p "require('$root/bench/peers/node_modules/ioredis/package.json').version")"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
declare -A label=(
  [service]="nominations (the build that ships, access log on)"
  [fastify]="Fastify $fastify_version + ioredis $ioredis_version, the same Lua scripts"
)

results="$out/results.md"
{
  echo "<!-- write:begin (written by bench/write.sh; edit outside the markers) -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores; load average $load_before"
  echo "before the runs, $load_after after. Commit \`$commit\`. Command: \`$command_line\`"
  echo "(wrk -t1 -c$connections, $runs interleaved rounds of ${duration} s per target; medians;"
  echo "$seed staff members take turns as subjects)."
  echo
  echo "| target | create+submit pairs/s | requests/s | p50 | p99 | CPU | requests per CPU-second | Redis CPU |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for t in "${targets[@]}"; do
    echo "| ${label[$t]} | ${m_pairs[$t]} | ${m_rps[$t]} | ${m_p50[$t]} ms | ${m_p99[$t]} ms | ${m_cpu[$t]} % | ${m_per_cpu[$t]} | ${m_redis[$t]} % |"
  done
  echo
  echo "| goal (issue 15) | figure | |"
  echo "|---|---|---|"
  echo "| service / Fastify pairs/s ≥ 2 | $ratio | $(verdict "$ratio >= 2") |"
  echo "| service p99 ≤ 3 ms | ${m_p99[service]} ms | $(verdict "${m_p99[service]} <= 3") |"
  echo
  echo "Requests are creates, submits and withdrawals (1:1:1); latencies are over all three."
  echo "CPU: the target's user + system time, Redis's during the same runs, in % of one core"
  echo "(medians); requests per CPU-second: each round's requests over the target's CPU time."
  echo "Pairs/s of each round: service ${pairs[service]# }; fastify ${pairs[fastify]# }."
  echo "<!-- write:end -->"
} >"$results"

readme="$root/bench/README.md"
awk -v f="$results" '
  /<!-- write:begin/ { while ((getline line < f) > 0) print line; skip = 1; next }
  /<!-- write:end/ { skip = 0; next }
  !skip' "$readme" >"$readme.new"
mv "$readme.new" "$readme"
echo
sed -e '/write:/d' "$results"
echo "bench: figures written to bench/README.md"
