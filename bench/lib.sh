# shellcheck shell=bash
# What the benchmarks share: their settings, the build that ships, the processes they start
# (Redis, the nominations service, the Fastify peer, each pinned with taskset) and stop on
# exit, the seed data, the arithmetic on wrk's output and the figures written into
# bench/README.md. Source after scripts/lib.sh.
# shellcheck disable=SC2034  # the variables set here are used by the scripts that source it

# bench_settings <script> <default rounds> [THIDUA_BENCH_… to show in the command line]:
# sets duration, runs, connections and seed from THIDUA_BENCH_DURATION (8), _RUNS,
# _CONNECTIONS (32) and _SEED (200), and command_line: the command as run, with the settings
# among THIDUA_BENCH_DURATION, _RUNS, _CONNECTIONS and the extra ones that were set.
bench_settings() {
  local script="$1" default_runs="$2" v
  shift 2
  duration="${THIDUA_BENCH_DURATION:-8}"
  runs="${THIDUA_BENCH_RUNS:-$default_runs}"
  connections="${THIDUA_BENCH_CONNECTIONS:-32}"
  seed="${THIDUA_BENCH_SEED:-200}"
  command_line="bash $script"
  for v in THIDUA_BENCH_DURATION THIDUA_BENCH_RUNS THIDUA_BENCH_CONNECTIONS "$@"; do
    [[ -z ${!v:-} ]] || command_line="$v=${!v} $command_line"
  done
}

# bench_setup <peers|no-peers>: at least 2 cores (servers on core 0, wrk and Redis on core
# 1), the packages of scripts/setup.sh, and with "peers" the npm packages of bench/peers.
bench_setup() {
  (($(nproc) >= 2)) || die "needs at least 2 cores (servers on core 0, wrk and Redis on core 1)"
  bash "$THIDUA_ROOT/scripts/setup.sh"
  [[ ${1:-} != peers ]] ||
    npm install --prefix "$THIDUA_ROOT/bench/peers" --no-audit --no-fund --loglevel=error >/dev/null ||
    die "npm install in bench/peers failed"
}

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

# bench_build_baseline <commit>: the build that ships of an earlier commit, to measure it in
# the same run as the current one (THIDUA_BENCH_BASELINE in bench/run.sh): a run alone cannot
# tell a regression from a noisier hour, two builds interleaved in one run can. The commit is
# checked out in a worktree of its own (build-baseline/src, detached) and built with its own
# scripts/build.sh into build-baseline/build. Sets baseline_commit (short) and
# baseline_build_dir.
bench_build_baseline() {
  local base="$THIDUA_ROOT/build-baseline"
  baseline_commit="$(git -C "$THIDUA_ROOT" rev-parse --short "$1^{commit}" 2>/dev/null)" ||
    die "THIDUA_BENCH_BASELINE=$1 is not a commit of this repository"
  if [[ -d $base/src/.git || -f $base/src/.git ]]; then
    git -C "$base/src" checkout -q --detach "$baseline_commit"
  else
    mkdir -p "$base"
    git -C "$THIDUA_ROOT" worktree add -q --detach "$base/src" "$baseline_commit"
  fi
  baseline_build_dir="$base/build"
  [[ ${THIDUA_BENCH_SKIP_BUILD:-0} == 1 && -x $baseline_build_dir/services/nominations/nominations ]] ||
    THIDUA_BUILD_DIR="$baseline_build_dir" THIDUA_TARGETS=nominations \
      bash "$base/src/scripts/build.sh" --ship
}

# Every process a bench starts is stopped when it exits, the last started first (so Redis,
# started first, stops last). bench_track <pidfile> <name> <signal> <timeout seconds>.
bench_tracked=()
bench_track() { bench_tracked+=("$*"); }
bench_cleanup() {
  local i p
  for ((i = ${#bench_tracked[@]} - 1; i >= 0; i--)); do
    read -r -a p <<<"${bench_tracked[i]}"
    stop_pid "${p[@]}" >/dev/null
  done
}
# bench_out <dir>: a fresh output directory (sets out), and bench_cleanup on exit.
bench_out() {
  out="$1"
  rm -rf "$out"
  mkdir -p "$out"
  trap bench_cleanup EXIT
}

# bench_redis_fsync <always|everysec|off>: Redis's persistence for a bench. Sets
# redis_persistence (redis-server arguments over deploy/redis.conf) and redis_persistence_label;
# stops on any other word. everysec, or off (no AOF), measures what the disk costs a path
# (bench/write.sh); a school's Redis keeps "always": nothing acknowledged is lost, even to a
# power cut.
bench_redis_fsync() {
  case "$1" in
    always) redis_persistence=() redis_persistence_label="AOF with appendfsync always, as deployed" ;;
    everysec)
      redis_persistence=(--appendfsync everysec)
      redis_persistence_label="AOF with appendfsync everysec, not as deployed"
      ;;
    off) redis_persistence=(--appendonly no) redis_persistence_label="no AOF, not as deployed" ;;
    *) die "Redis's fsync setting is always, everysec or off, not '$1'" ;;
  esac
}

# bench_start_redis <out dir> <port> [fsync]: Redis as in production (deploy/redis.conf: AOF,
# appendfsync always; or as bench_redis_fsync says) on core 1, data in <out dir>/redis.
bench_start_redis() {
  local out="$1" port="$2" i
  bench_redis_fsync "${3:-always}"
  mkdir -p "$out/redis"
  bench_track "$out/redis-server.pid" redis-server TERM 10
  start_bg "$out/redis-server.pid" "$out/redis.log" taskset -c 1 \
    redis-server "$THIDUA_ROOT/deploy/redis.conf" --port "$port" --dir "$out/redis" --logfile "" \
    "${redis_persistence[@]}"
  for ((i = 0; i < 50; i++)); do
    [[ "$(redis-cli -p "$port" ping 2>/dev/null)" == PONG ]] && return 0
    sleep 0.1
  done
  die "redis-server did not start; see $out/redis.log"
}

# bench_start_nominations <out dir> <port> <redis port> <admin token> [name] [build dir]: the
# service on core 0, one event-loop thread, the repository's seed catalogue, access log on as
# in production; returns once /readyz answers, which is after the start-up seed (catalogue,
# rounds) is in. Its pid is in <out dir>/<name>.pid (name: nominations), its log in
# <out dir>/<name>.log; the binary from <build dir> (the build that ships). The rounds are the tests' always-open ones: the
# benches nominate for 2026, and config/rounds.json opens that round only from 1/11 to
# 31/12/2026, so any other day every create and submit would be refused.
bench_start_nominations() {
  local out="$1" port="$2" redis_port="$3" token="$4" name="${5:-nominations}"
  local dir="${6:-$bench_build_dir}"
  bench_track "$out/$name.pid" nominations TERM 30
  start_bg "$out/$name.pid" "$out/$name.log" taskset -c 0 \
    env THIDUA_HTTP_HOST=127.0.0.1 THIDUA_HTTP_PORT="$port" THIDUA_HTTP_THREADS=1 \
    THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" THIDUA_ADMIN_TOKEN="$token" \
    THIDUA_CATALOGUE_FILE="$THIDUA_ROOT/config/catalogue.json" THIDUA_ACCESS_LOG=true \
    THIDUA_ROUNDS_FILE="$THIDUA_ROOT/tests/support/rounds-always-open.json" \
    "$dir/services/nominations/nominations"
  wait_http "http://127.0.0.1:$port/readyz" 30 "$out/$name.pid" nominations ||
    die "$name did not start; see $out/$name.log"
}

# bench_create_nomination <port> <admin token> <log>: the one nomination the GET benches read
# (id 1 on a fresh Redis), created through the service at <port>; stops, naming <log>, when
# it cannot be.
bench_create_nomination() {
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$1/api/nominations/v1/nominations" \
    -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d '{"period":"2026","award":"gk_xa","subject_kind":"collective","subject_id":"to-toan-tin","reason":"Bài giảng điện tử và kho học liệu số dùng chung cho cả tổ."}' ||
    die "could not create the nomination; see $3"
}

# bench_start_fastify <out dir> <port> <redis port> <school> <admin token>: the Fastify +
# ioredis peer (bench/peers/fastify_nominations.mjs) on core 0, its access log in <out
# dir>/fastify-access.log; returns once it listens. Its pid is in <out dir>/fastify.pid.
bench_start_fastify() {
  local out="$1" port="$2" redis_port="$3" school="$4" token="$5" i
  bench_track "$out/fastify.pid" node TERM 10
  start_bg "$out/fastify.pid" "$out/fastify.out" taskset -c 0 \
    node "$THIDUA_ROOT/bench/peers/fastify_nominations.mjs" "$port" "$redis_port" "$school" \
    "$token" "$out/fastify-access.log"
  for ((i = 0; i < 100; i++)); do
    port_in_use "$port" && return 0
    sleep 0.1
  done
  die "the Fastify peer did not start; see $out/fastify.out"
}

# bench_call <method> <url> [json body]: curl with the Bearer token in $auth; fails on a
# non-2xx answer.
bench_call() {
  local args=(-fsS -o /dev/null -X "$1" "$2" -H "$auth")
  [[ $# -lt 3 ]] || args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" || die "$1 $2 failed; see the logs in $out"
}
# bench_seed <api base> <staff>: an award form "bench" with unlimited quotas and the staff
# members s1…s<staff> in Tổ Toán – Tin, through the service.
bench_seed() {
  local api="$1" staff="$2" i unlimited='{"collective":-1,"individual":-1}'
  bench_call PUT "$api/catalogue/award-forms/bench" "{\"code\":\"bench\",\"label\":\"Bench award\",\"level\":\"school\",\"dossier_copies\":1,\"quotas\":{\"annual\":$unlimited,\"interim\":$unlimited,\"final\":$unlimited}}"
  for ((i = 1; i <= staff; i++)); do
    bench_call PUT "$api/catalogue/staff/s$i" "{\"name\":\"Giáo viên $i\",\"unit_id\":\"to-toan-tin\"}"
  done
}

# ---- wrk's output and the arithmetic on it
# to_ms <wrk latency such as 512.00us, 1.23ms, 1.01s>
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}
wrk_rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }     # <log>: requests/s
wrk_requests() { awk '/requests in/ { print $1 }' "$1"; }             # <log>: requests made
wrk_latency_ms() { to_ms "$(awk -v p="$2" '$1 == p { print $2 }' "$1")"; } # <log> <50%|99%>
median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
med() { # median of the words of a string
  # shellcheck disable=SC2086
  median $1
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { # <awk condition>
  if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**"; fi
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
clk_tck="$(getconf CLK_TCK)"
cpu_pct() { # <ticks> <nanoseconds>: CPU in % of one core
  awk -v s="$1" -v ns="$2" -v hz="$clk_tck" 'BEGIN { printf "%.0f", 100 * s / (ns / 1e9 * hz) }'
}
per_cpu_second() { # <requests> <ticks>: requests per second of CPU time
  awk -v n="$1" -v s="$2" -v hz="$clk_tck" 'BEGIN { if (s == 0) s = 1; printf "%.0f", n / (s / hz) }'
}

# ---- what the figures are reported with
peer_versions() { # sets fastify_version and ioredis_version (bench/peers/node_modules)
  local m="$THIDUA_ROOT/bench/peers/node_modules"
  fastify_version="$(node -p "require('$m/fastify/package.json').version")"
  ioredis_version="$(node -p "require('$m/ioredis/package.json').version")"
}
bench_commit() { # the commit measured, and whether libs/ or services/ had changes on top
  local c
  c="$(git -C "$THIDUA_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git -C "$THIDUA_ROOT" diff --quiet HEAD -- libs services 2>/dev/null ||
    c="$c (with uncommitted changes in libs/ or services/)"
  echo "$c"
}
# bench_readme <marker> <results file> <section title>: the results (with their marker lines)
# replace what stands between "<!-- <marker>:begin" and "<!-- <marker>:end" in bench/README.md;
# without these markers they are appended under "## <section title>".
bench_readme() {
  local marker="$1" results="$2" title="$3" readme="$THIDUA_ROOT/bench/README.md"
  [[ -f $readme ]] || echo "# Benchmarks" >"$readme"
  if grep -q "<!-- $marker:begin" "$readme"; then
    awk -v f="$results" -v b="<!-- $marker:begin" -v e="<!-- $marker:end" '
      index($0, b) == 1 { while ((getline line < f) > 0) print line; skip = 1; next }
      index($0, e) == 1 { skip = 0; next }
      !skip' "$readme" >"$readme.new"
    mv "$readme.new" "$readme"
  else
    { echo; echo "## $title"; echo; cat "$results"; } >>"$readme"
  fi
}
