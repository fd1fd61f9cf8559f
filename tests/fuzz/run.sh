#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for a bounded time,
# starting from its seed corpus (tests/fuzz/corpus/<target>/). Exit code non-zero when a
# target crashes (a sanitizer report, a broken check, a timeout or running out of memory)
# or the build fails; the input that did it is in build-fuzz/artifacts/. See README.md.
#   THIDUA_FUZZ_SECONDS  seconds per target (default: 20)
#   THIDUA_FUZZ_TARGETS  the targets to run, space-separated (default: all)
#   THIDUA_FUZZ_DIR      build directory (default: build-fuzz)
#   THIDUA_JOBS          compile jobs (default: 2)
# Further arguments go to every target, e.g. `run.sh -jobs=2 -workers=2`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

dir="${THIDUA_FUZZ_DIR:-build-fuzz}"
[[ $dir == /* ]] || dir="$root/$dir"
seconds="${THIDUA_FUZZ_SECONDS:-20}"
all=(fuzz_commands fuzz_bot_update fuzz_split fuzz_json_body fuzz_outbox_message
  fuzz_nomination_body fuzz_reports_body fuzz_router)
read -r -a targets <<<"${THIDUA_FUZZ_TARGETS:-${all[*]}}"

cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DTHIDUA_FUZZ=ON -DTHIDUA_TESTS=OFF >/dev/null
ninja -C "$dir" -j "${THIDUA_JOBS:-2}" "${targets[@]}"

mkdir -p "$dir/artifacts" "$dir/logs"
rc=0
for t in "${targets[@]}"; do
  # New inputs go to build-fuzz/corpus/<target>; the seeds in the repository are only read.
  mkdir -p "$dir/corpus/$t"
  log="$dir/logs/$t.log"
  case $t in
    fuzz_commands) dict=commands.dict ;;
    fuzz_router) dict=router.dict ;;
    fuzz_split) dict="" ;;
    *) dict=json.dict ;;
  esac
  dict_arg=()
  [[ -z $dict ]] || dict_arg=(-dict="$root/tests/fuzz/$dict")
  t_rc=0
  # -jobs writes fuzz-<n>.log into the working directory: keep those with the logs.
  (cd "$dir/logs" && "$dir/tests/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t-" \
    "${dict_arg[@]}" "$@" "$dir/corpus/$t" "$root/tests/fuzz/corpus/$t") >"$log" 2>&1 || t_rc=$?
  execs="$(grep -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)"
  if ((t_rc == 0)); then
    echo "fuzz: PASS $t (${execs:-?} runs in ${seconds} s)"
  else
    echo "fuzz: FAIL $t (exit $t_rc; log: $log; inputs: $dir/artifacts/$t-*)"
    grep -E '^(SUMMARY|fuzz: broken promise|==[0-9]+==ERROR)' "$log" | head -5 || true
    rc=1
  fi
done
echo "fuzz: finished, exit code $rc"
exit "$rc"
