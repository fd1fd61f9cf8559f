# shellcheck shell=bash
# What bench/run.sh and bench/nominations.sh share: the build that ships, Redis and the
# nominations service started as in production, and the arithmetic on wrk's output.
# Source after scripts/lib.sh.

# The build that ships (scripts/build.sh --ship: Release with -g, tests off), in the same
# directory as scripts/run-local.sh uses (build-release/, or THIDUA_BUILD_DIR), so what is
# measured is what runs and what the Dockerfile builds. ninja does nothing when up to date.
bench_build_dir="${THIDUA_BUILD_DIR:-build-release}"
[[ $bench_build_dir == /* ]] || bench_build_dir="$THIDUA_ROOT/$bench_build_dir"
# THIDUA_BENCH_SKIP_BUILD=1 measures the binary already there (e.g. while profiling).
bench_build() {
  [[ ${THIDUA_BENCH_SKIP_BUILD:-0} != 1 ]] || return 0
  THIDUA_BUILD_DIR="$bench_build_dir" THIDUA_TARGETS="${THIDUA_TARGETS:-nominations}" \
    bash "$THIDUA_ROOT/scripts/build.sh" --ship
}

# bench_start_redis <out dir> <port>: Redis as in production (deploy/redis.conf: AOF, fsync
# always) on core 1, data in <out dir>/redis.
bench_start_redis() {
  local out="$1" port="$2" i
  mkdir -p "$out/redis"
  start_bg "$out/redis-server.pid" "$out/redis.log" taskset -c 1 \
    redis-server "$THIDUA_ROOT/deploy/redis.conf" --port "$port" --dir "$out/redis" --logfile ""
  for ((i = 0; i < 50; i++)); do
    [[ "$(redis-cli -p "$port" ping 2>/dev/null)" == PONG ]] && return 0
    sleep 0.1
  done
  die "redis-server did not start; see $out/redis.log"
}

# bench_start_nominations <out dir> <port> <redis port> <admin token>: the service on core 0,
# one event-loop thread, the repository's seed catalogue, access log on as in production;
# returns once /readyz answers, which is after the start-up seed (catalogue, rounds) is in.
# Its pid is in <out dir>/nominations.pid.
bench_start_nominations() {
  local out="$1" port="$2" redis_port="$3" token="$4"
  start_bg "$out/nominations.pid" "$out/nominations.log" taskset -c 0 \
    env THIDUA_HTTP_HOST=127.0.0.1 THIDUA_HTTP_PORT="$port" THIDUA_HTTP_THREADS=1 \
    THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" THIDUA_ADMIN_TOKEN="$token" \
    THIDUA_CATALOGUE_FILE="$THIDUA_ROOT/config/catalogue.json" THIDUA_ACCESS_LOG=true \
    "$bench_build_dir/services/nominations/nominations"
  wait_http "http://127.0.0.1:$port/readyz" 30 "$out/nominations.pid" nominations ||
    die "nominations did not start; see $out/nominations.log"
}

# to_ms <wrk latency such as 512.00us, 1.23ms, 1.01s>
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}
median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
cpu_ticks() {  # user and system clock ticks of a pid
  awk '{ print $14, $15 }' "/proc/$1/stat"
}
pids_ticks() {  # user + system clock ticks of the given pids
  local pid total=0 u s
  for pid in "$@"; do
    read -r u s < <(cpu_ticks "$pid")
    total=$((total + u + s))
  done
  echo "$total"
}
