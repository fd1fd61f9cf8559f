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
#   THIDUA_BENCH_REDIS_FSYNC always (default, as deploy/redis.conf), everysec or off: with
#                            anything but always the figures are printed, not written into
#                            bench/README.md (they say what the disk costs, not what ships)
#   THIDUA_BENCH_AOF_REWRITE on (default, as deploy/redis.conf: Redis rewrites its AOF each
#                            time it has doubled past 64 MB) or off: off, the figures are
#                            printed only (they say what the rewrites cost)
# Every run records the AOF rewrites Redis started during each round: the bench writes a
# school's years of AOF a second, so rewrites come every few seconds and slow Redis's fsyncs.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"
cd "$root"

bench_settings bench/write.sh 5 THIDUA_BENCH_SEED THIDUA_BENCH_REDIS_FSYNC THIDUA_BENCH_AOF_REWRITE
fsync="${THIDUA_BENCH_REDIS_FSYNC:-always}"
bench_redis_fsync "$fsync" # stops on an unknown setting before anything starts
rewrite="${THIDUA_BENCH_AOF_REWRITE:-on}"
[[ $rewrite == on || $rewrite == off ]] || die "THIDUA_BENCH_AOF_REWRITE is on or off, not '$rewrite'"
deployed=0
[[ $fsync != always || $rewrite != on ]] || deployed=1
warmup=3
school=thcs-vinh-phong-1

bench_setup peers
bench_build

bench_out "$root/bench/out/write"
redis_port="$(free_port)"
declare -A port=([service]="$(free_port)")
port[fastify]="$(free_port)"
token="$(random_token)"

bench_start_redis "$out" "$redis_port" "$fsync"
if [[ $rewrite == off ]]; then
  redis-cli -p "$redis_port" CONFIG SET auto-aof-rewrite-percentage 0 >/dev/null
  redis_persistence_label="${redis_persistence_label%, *}, automatic rewrites off: not as deployed"
fi
bench_start_nominations "$out" "${port[service]}" "$redis_port" "$token"
bench_start_fastify "$out" "${port[fastify]}" "$redis_port" "$school" "$token"

api="http://127.0.0.1:${port[service]}/api/nominations/v1"
auth="Authorization: Bearer $token"
bench_seed "$api" "$seed"

declare -A url=(
  [service]="$api/nominations"
  [fastify]="http://127.0.0.1:${port[fastify]}/api/nominations/v1/nominations"
)
# One chain through each target by hand: both must create, submit and withdraw.
for t in service fastify; do
  reply="$(curl -fsS -X POST "${url[$t]}" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"period":"2026","award":"bench","subject_kind":"individual","subject_id":"s1","reason":"Kiểm tra."}')" ||
    die "$t: create failed; see $out/nominations.log or $out/fastify.out"
  id="$(jq -r .id <<<"$reply")"
  bench_call POST "${url[$t]}/$id/transitions" '{"action":"submit"}'
  bench_call POST "${url[$t]}/$id/transitions" '{"action":"withdraw"}'
done

# Chains cut off when a run ends leave nominations in draft or submitted: withdrawn here
# (through the service, outside the measured time), so the next run finds every subject free.
release_leftovers() {
  local k id
  while read -r k; do
    [[ -n $k ]] || continue
    id="$(redis-cli -p "$redis_port" GET "$k")"
    [[ -z $id ]] || bench_call POST "$api/nominations/$id/transitions" '{"action":"withdraw"}'
  done < <(redis-cli -p "$redis_port" --scan --pattern "{$school}:nominations:live:*")
}

declare -A pids=([service]="$(<"$out/nominations.pid")" [fastify]="$(<"$out/fastify.pid")")
redis_pid="$(<"$out/redis-server.pid")"
declare -A rps pairs p50 p99 cpu bad redis_cpu cpu_rps rewrites
aof_rewrites() { redis-cli -p "$redis_port" INFO persistence | tr -d '\r' | awk -F: '$1 == "aof_rewrites" { print $2 }'; }
targets=(service fastify)
wrk_on() { # <target> <seconds> <start> [--latency]
  local t="$1" seconds="$2" start="$3"
  shift 3
  BENCH_STAFF="$seed" BENCH_START="$start" taskset -c 1 wrk -t1 -c"$connections" \
    -d"${seconds}s" -H "$auth" -s bench/lua/create_submit.lua "$@" "${url[$t]}"
}
measure() { # <target> <round>
  local t="$1" i="$2" log s0 t0 s1 t1 r0 r1 a0 line
  log="$out/wrk-$t-$i.txt"
  a0="$(aof_rewrites)"
  s0="$(pids_ticks "${pids[$t]}")" r0="$(pids_ticks "$redis_pid")" t0="$(date +%s%N)"
  wrk_on "$t" "$duration" $((i * 37)) --latency >"$log"
  s1="$(pids_ticks "${pids[$t]}")" r1="$(pids_ticks "$redis_pid")" t1="$(date +%s%N)"
  rewrites[$t]+=" $(($(aof_rewrites) - a0))"
  release_leftovers
  line="$(grep '^write-path:' "$log")"
  bad[$t]=$((${bad[$t]:-0} + $(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")))
  if grep -q 'Socket errors' "$log"; then bad[$t]=$((${bad[$t]} + 1)); fi
  rps[$t]+=" $(wrk_rps "$log")"
  pairs[$t]+=" $(sed -E 's/.*pairs_per_s=([0-9.]+).*/\1/' <<<"$line" | xargs printf '%.0f')"
  p50[$t]+=" $(wrk_latency_ms "$log" 50%)"
  p99[$t]+=" $(wrk_latency_ms "$log" 99%)"
  cpu[$t]+=" $(cpu_pct $((s1 - s0)) $((t1 - t0)))"
  redis_cpu[$t]+=" $(cpu_pct $((r1 - r0)) $((t1 - t0)))"
  cpu_rps[$t]+=" $(per_cpu_second "$(wrk_requests "$log")" $((s1 - s0)))"
  echo "  round $i $t: ${line#write-path: }"
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
vs_fastify="$(ratio "${m_pairs[service]}" "${m_pairs[fastify]}")"
peer_versions
commit="$(bench_commit)"
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
  echo "$seed staff members take turns as subjects; Redis: $redis_persistence_label)."
  echo
  echo "| target | create+submit pairs/s | requests/s | p50 | p99 | CPU | requests per CPU-second | Redis CPU |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for t in "${targets[@]}"; do
    echo "| ${label[$t]} | ${m_pairs[$t]} | ${m_rps[$t]} | ${m_p50[$t]} ms | ${m_p99[$t]} ms | ${m_cpu[$t]} % | ${m_per_cpu[$t]} | ${m_redis[$t]} % |"
  done
  echo
  echo "| goal (issue 15) | figure | |"
  echo "|---|---|---|"
  echo "| service / Fastify pairs/s ≥ 2 | $vs_fastify | $(verdict "$vs_fastify >= 2") |"
  echo "| service p99 ≤ 3 ms | ${m_p99[service]} ms | $(verdict "${m_p99[service]} <= 3") |"
  echo
  echo "Requests are creates, submits and withdrawals (1:1:1); latencies are over all three."
  echo "CPU: the target's user + system time, Redis's during the same runs, in % of one core"
  echo "(medians); requests per CPU-second: each round's requests over the target's CPU time."
  echo "Pairs/s of each round: service ${pairs[service]# }; fastify ${pairs[fastify]# }."
  echo "AOF rewrites Redis started during each round: service ${rewrites[service]# }; fastify ${rewrites[fastify]# }."
  echo "<!-- write:end -->"
} >"$results"

((deployed == 0)) ||
  bench_readme write "$results" "Write path: create + submit side by side with Fastify"
echo
sed -e '/write:/d' "$results"
if ((deployed == 1)); then
  echo "bench: figures written to bench/README.md"
else
  echo "bench: Redis not as deployed (fsync $fsync, AOF rewrites $rewrite): figures printed only"
fi
