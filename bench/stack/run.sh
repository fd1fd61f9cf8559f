#!/usr/bin/env bash
# Whole stack at rest (issue 15): the resident memory of the three services, Redis and nginx
# after a seeded school year, against the goal of 64 MiB in total (a school's smallest
# server). Builds what ships (nominations, reports, notifications; THIDUA_BENCH_SKIP_BUILD=1
# reuses build-release/), starts the stack with scripts/run-local.sh --detach on free ports of
# 127.0.0.1, its state in bench/out/stack/var/, seeds a school year through the edge
# (bench/stack/seed.py), waits until the outbox is empty and THIDUA_BENCH_REST seconds (10)
# more, reads every process's memory, stops the stack and writes the figures into
# bench/README.md between the stack markers.
#   bash bench/stack/run.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
root="$THIDUA_ROOT"
cd "$root"
rest="${THIDUA_BENCH_REST:-10}"
goal_mib=64
command_line="bash bench/stack/run.sh"
[[ -z ${THIDUA_BENCH_SKIP_BUILD:-} ]] || command_line="THIDUA_BENCH_SKIP_BUILD=$THIDUA_BENCH_SKIP_BUILD $command_line"
[[ -z ${MALLOC_ARENA_MAX:-} ]] || command_line="MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX $command_line"

bash scripts/setup.sh
THIDUA_TARGETS="nominations reports notifications" bench_build

bench_out "$root/bench/out/stack"
var="$out/var"
stop_stack() { THIDUA_VAR_DIR="$var" bash "$root/scripts/stop-local.sh" >/dev/null || true; }
trap stop_stack EXIT
admin="$(random_token)"
declare -A port
for p in redis edge nominations reports notifications; do
  while :; do
    port[$p]="$(free_port)"
    # free_port picks at random: no two of ours on the same port
    [[ $(printf '%s\n' "${port[@]}" | grep -cx "${port[$p]}") == 1 ]] && break
  done
done

# As production runs it (run-local: console messenger, one event-loop thread per service,
# deploy/redis.conf, deploy/nginx.conf), with the bench's own state and ports. Three
# settings differ so the seed always succeeds and the stack comes to rest soon, whatever the
# day and hour: the tests' always-open rounds (config/rounds.json opens 2026 only from 1/11
# to 31/12), no rate limit and no quiet hours (the outbox drains at once instead of 20 a
# minute, or not at all at night), and no digest window (the events' messages leave at once
# instead of 10 minutes later). The yearly report needs a signer.
echo "stack: starting the stack (state in ${var#"$root"/})"
env -u THIDUA_NOMINATIONS_URL -u THIDUA_REPORTS_URL -u THIDUA_NOTIFICATIONS_URL \
  -u THIDUA_EDGE_TLS_CERT -u THIDUA_EDGE_TLS_KEY -u THIDUA_MESSENGER -u THIDUA_CONSOLE_OUTBOX \
  THIDUA_VAR_DIR="$var" THIDUA_BUILD_DIR="$bench_build_dir" \
  THIDUA_REDIS_PORT="${port[redis]}" THIDUA_EDGE_PORT="${port[edge]}" \
  THIDUA_NOMINATIONS_PORT="${port[nominations]}" THIDUA_REPORTS_PORT="${port[reports]}" \
  THIDUA_NOTIFICATIONS_PORT="${port[notifications]}" \
  THIDUA_ADMIN_TOKEN="$admin" THIDUA_SERVICE_TOKEN="$(random_token)" \
  THIDUA_ROUNDS_FILE="$root/tests/support/rounds-always-open.json" \
  THIDUA_RATE_LIMIT_PER_MINUTE=0 THIDUA_BOT_RATE_PER_SECOND=0 THIDUA_QUIET_HOURS=off \
  THIDUA_DIGEST_WINDOW_MS=0 \
  THIDUA_SIGNER_NAME="Trần Thị Bình" THIDUA_PDF_WORK_DIR="$out" \
  bash scripts/run-local.sh --detach --no-build >"$out/run-local.log" 2>&1 ||
  die "run-local did not start the stack; see $out/run-local.log and $var/log/"

edge="http://127.0.0.1:${port[edge]}"
echo "stack: seeding a school year through the edge ($edge)"
started=$SECONDS
python3 bench/stack/seed.py "$edge" "$admin" >"$out/seed.json" ||
  die "the seed failed (above); the services' logs are in $var/log/"
seed_s=$((SECONDS - started))
echo "stack: seeded in ${seed_s} s: $(<"$out/seed.json")"

# At rest: nothing left in the outbox to send (among the newest 200 messages, where the
# seed's are), then THIDUA_BENCH_REST seconds of quiet.
messages() {
  curl -fsS "$edge/api/notifications/v1/messages?limit=200" -H "Authorization: Bearer $admin"
}
pending() {
  messages | jq '[.items[] | select(.state != "sent" and .state != "dead" and .state != "discarded")] | length'
}
for ((i = 0; i < 300; i++)); do
  [[ "$(pending)" == 0 ]] && break
  sleep 1
done
left="$(pending)"
[[ $left == 0 ]] || die "$left messages still in the outbox after 300 s; see $var/log/notifications.log"
sleep "$rest"

# ---- the figures
kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; } # <pid> <field>
pss() { awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
declare -a names pids
for s in nominations reports notifications redis-server nginx; do
  pid="$(<"$var/run/$s.pid")"
  pid_alive "$var/run/$s.pid" "$s" || die "$s is not running; see $var/log/"
  label="$s"
  [[ $s != nginx ]] || label="nginx master"
  names+=("$label")
  pids+=("$pid")
done
nginx_master="${pids[-1]}"
for w in $(ps --ppid "$nginx_master" -o pid=); do
  names+=("nginx $(ps -o args= -p "$w" | sed 's/^nginx: //')")
  pids+=("$w")
done
children="$(for p in "${pids[@]:0:3}"; do ps --ppid "$p" -o comm= || true; done | sort | uniq -c | xargs)"
total_rss=0 total_hwm=0 total_pss=0 total_anon=0 total_file=0
rows=""
for i in "${!pids[@]}"; do
  p="${pids[i]}"
  rss="$(kib "$p" VmRSS)" hwm="$(kib "$p" VmHWM)" ps_="$(pss "$p")"
  anon="$(kib "$p" RssAnon)" file="$(kib "$p" RssFile)" threads="$(kib "$p" Threads)"
  total_rss=$((total_rss + rss)) total_hwm=$((total_hwm + hwm)) total_pss=$((total_pss + ps_))
  total_anon=$((total_anon + anon)) total_file=$((total_file + file))
  rows+="| ${names[i]} | $threads | $(mib "$rss") | $(mib "$hwm") | $(mib "$anon") | $(mib "$file") | $(mib "$ps_") |"$'\n'
done
redis_cli=(redis-cli -p "${port[redis]}")
used_memory="$("${redis_cli[@]}" info memory | awk -F: '$1 == "used_memory" { print $2 }' | tr -d '\r')"
keys="$("${redis_cli[@]}" dbsize)"
aof_kib="$(du -sk "$var/redis/appendonlydir" | cut -f1)"
sent="$(messages | jq '[.items[] | select(.state == "sent")] | length')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
verdict_total="$(verdict "$total_rss <= $goal_mib * 1024")"
# The stack's own footprint: every private (anonymous) page, and each file's pages once, at
# the largest size any of the stack's processes has resident (PSS would also share them with
# other programs on the machine that map the same libraries).
footprint="$(for p in "${pids[@]}"; do awk -v pid="$p" '
  /^[0-9a-f]+-[0-9a-f]+ / { name = ($6 ~ /^\//) ? $6 : "" }
  $1 == "Rss:" { rss = $2 }
  $1 == "Anonymous:" { print "anon", $2; if (name != "") print name, pid, rss - $2 }' "/proc/$p/smaps"
done | awk '$1 == "anon" { a += $2; next } { f[$1 " " $2] += $3 }
  END { for (k in f) { split(k, x, " "); if (f[k] > m[x[1]]) m[x[1]] = f[k] }
        for (n in m) a += m[n]; print a }')"
verdict_footprint="$(verdict "$footprint <= $goal_mib * 1024")"

results="$out/results.md"
{
  echo "<!-- stack:begin (written by bench/stack/run.sh; edit outside the markers) -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, Linux $(uname -r); load"
  echo "average $load when the memory was read. Commit \`$(bench_commit)\`, the build in"
  echo "\`${bench_build_dir#"$root"/}\`$([[ ${THIDUA_BENCH_SKIP_BUILD:-0} == 1 ]] && echo " (not rebuilt)")."
  echo "Command: \`$command_line\`. Seeded through the edge in ${seed_s} s ($(jq -r .calls "$out/seed.json") calls):"
  echo "$(jq -r .staff "$out/seed.json") staff with personal tokens, $(jq -r .registrations "$out/seed.json") registrations, $(jq -r .nominations "$out/seed.json") nominations"
  echo "($(jq -r '.statuses | to_entries | map("\(.value) \(.key)") | join(", ")' "$out/seed.json")),"
  echo "$(jq -r .units_reported "$out/seed.json") units' parts of the yearly report submitted, 30 announcements, the yearly report"
  echo "issued (DOCX and PDF, number $(jq -r .document "$out/seed.json")); $sent messages sent to the console outbox (the last 200 at most counted)."
  echo "Read ${rest} s after the outbox emptied."
  echo
  echo "| process | threads | VmRSS (MiB) | VmHWM, peak (MiB) | anonymous | file-backed | PSS |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$rows"
  echo "| **total** | | **$(mib "$total_rss")** | $(mib "$total_hwm") | $(mib "$total_anon") | $(mib "$total_file") | **$(mib "$total_pss")** |"
  echo
  echo "| goal (issue 15) | figure | |"
  echo "|---|---|---|"
  echo "| the stack's resident memory at rest ≤ $goal_mib MiB, as the sum of VmRSS | $(mib "$total_rss") MiB | $verdict_total |"
  echo "| the same, each shared file counted once (the stack's footprint) | $(mib "$footprint") MiB | $verdict_footprint |"
  echo
  echo "Redis: used_memory $(mib $((used_memory / 1024))) MiB for $keys keys, AOF directory"
  echo "$(mib "$aof_kib") MiB. Children of the services at rest: ${children:-none} (LibreOffice ran"
  echo "for the PDF as a child of reports and had exited). VmRSS counts a shared library's"
  echo "pages in every process that maps it; the footprint counts every private page and"
  echo "each file's pages once (at the largest resident size among these processes). PSS"
  echo "divides a shared page among all processes mapping it, other programs on the machine"
  echo "too, so its sum (the table's last column) is lower on a busy machine."
  echo "<!-- stack:end -->"
} >"$results"

bench_readme stack "$results" "Whole stack at rest"
echo
sed -e '/stack:/d' "$results"
echo "stack: figures written to bench/README.md"
