#!/usr/bin/env bash
# Paired A/B of the nominations GET that bench/run.sh measures: the build that ships against
# the same service built from an earlier commit, both started at once on core 0 against one
# Redis and one record, wrk (core 1) alternating between them in short rounds. Each round's
# ratio compares two runs seconds apart, so the drift of this machine (±15 % between rounds
# of one binary) falls on both alike; bench/run.sh's medians per target cannot tell a few per
# cent from it.
#   bash bench/pair.sh <commit> [rounds (24)] [seconds per round (3)]
#   THIDUA_BENCH_SKIP_BUILD=1  reuse build-release/ and build-baseline/ (bench/lib.sh)
#   THIDUA_BENCH_CONNECTIONS   wrk connections (default 32)
# Each build goes first in half the rounds. Prints each round, then for new/old: the median and geometric mean of the requests/s
# ratios and of the requests-per-CPU-second ratios, the rounds the new build was ahead, and
# each build's median p99. Output in bench/out/pair/; nothing is written to bench/README.md.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$THIDUA_ROOT"
cd "$root"

(($# >= 1)) || die "usage: bash bench/pair.sh <commit> [rounds] [seconds per round]"
rounds="${2:-24}"
seconds="${3:-3}"
[[ $rounds =~ ^[1-9][0-9]*$ && $seconds =~ ^[1-9][0-9]*$ ]] ||
  die "rounds and seconds are whole numbers from 1"
connections="${THIDUA_BENCH_CONNECTIONS:-32}"
bench_setup no-peers # the two builds only: no npm packages
bench_build
bench_build_baseline "$1"

bench_out "$root/bench/out/pair"
redis_port="$(free_port)"
token="$(random_token)"
bench_start_redis "$out" "$redis_port"
declare -A dir=([new]="$bench_build_dir" [old]="$baseline_build_dir") port pid
for side in new old; do
  port[$side]="$(free_port)"
  bench_start_nominations "$out" "${port[$side]}" "$redis_port" "$token" "$side" "${dir[$side]}"
  pid[$side]="$(<"$out/$side.pid")"
done

path=/api/nominations/v1/nominations
auth="Authorization: Bearer $token"
bench_create_nomination "${port[new]}" "$token" "$out/new.log"
wrk_side() { # <side> <seconds> [--latency]: wrk against that build's GET
  taskset -c 1 wrk -t1 -c"$connections" -d"$2s" -H "$auth" ${3:+"$3"} \
    "http://127.0.0.1:${port[$1]}$path/1"
}
for side in new old; do wrk_side "$side" 3 >/dev/null; done # warm-up

new_label="$(git rev-parse --short HEAD)"
[[ ${THIDUA_BENCH_SKIP_BUILD:-0} != 1 ]] || new_label="the build in $bench_build_dir (not rebuilt)"
echo "pair: $new_label (new) against $baseline_commit (old);" \
  "$rounds rounds of ${seconds} s each, $connections connections; load average $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A figures
for ((i = 1; i <= rounds; i++)); do
  order=(new old)
  ((i % 2)) || order=(old new) # each goes first in half the rounds
  for side in "${order[@]}"; do
    before="$(pids_ticks "${pid[$side]}")"
    wrk_side "$side" "$seconds" --latency >"$out/wrk-$side.txt"
    after="$(pids_ticks "${pid[$side]}")"
    ! grep -qE 'Non-2xx|Socket errors' "$out/wrk-$side.txt" ||
      die "round $i: the $side build's answers were not all 2xx; see $out/wrk-$side.txt and $out/$side.log"
    figures[$side]="$(wrk_rps "$out/wrk-$side.txt") $(wrk_latency_ms "$out/wrk-$side.txt" 99%)"
    figures[$side]+=" $(per_cpu_second "$(wrk_requests "$out/wrk-$side.txt")" $((after - before)))"
  done
  line="$i ${figures[new]} ${figures[old]}"
  echo "$line" >>"$out/rounds.txt"
  read -r _ nr np nc or op oc <<<"$line"
  echo "round $i: new $nr req/s (p99 $np ms, $nc per CPU-s), old $or req/s (p99 $op ms, $oc per CPU-s)"
done

# Columns of rounds.txt: round, then requests/s, p99 (ms), requests per CPU-second of new, of old.
column_median() {
  local values
  mapfile -t values < <(awk -v c="$1" '{ print $c }' "$out/rounds.txt")
  median "${values[@]}"
}
ratio_median() {
  local values
  mapfile -t values < <(awk -v a="$1" -v b="$2" '{ print $a / $b }' "$out/rounds.txt")
  median "${values[@]}"
}
geomean() { awk -v a="$1" -v b="$2" '{ s += log($a / $b) } END { printf "%.3f", exp(s / NR) }' "$out/rounds.txt"; }
ahead="$(awk '$2 > $5 { n++ } END { print n + 0 }' "$out/rounds.txt")"
printf 'pair: new/old requests/s median %.3f, geometric mean %s; per CPU-second median %.3f, geometric mean %s\n' \
  "$(ratio_median 2 5)" "$(geomean 2 5)" "$(ratio_median 4 7)" "$(geomean 4 7)"
echo "pair: new ahead in $ahead of $rounds rounds; p99 median new $(column_median 3) ms, old $(column_median 6) ms"
