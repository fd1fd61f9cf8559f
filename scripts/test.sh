#!/usr/bin/env bash
# THE TEST COMMAND: installs what is missing, builds, runs every test under CTest.
# Exit code: CTest's (non-zero when any test fails or no test is found).
#   THIDUA_BUILD_DIR     build directory (default: build)
#   THIDUA_JOBS          compile jobs (default: 2)
#   THIDUA_TEST_JOBS     tests run in parallel (default: 2; each starts its own redis-server
#                        and services on free ports)
#   THIDUA_TEST_TIMEOUT  per-test timeout in seconds (default: 300)
#   THIDUA_TEST_LABEL    run only the tests with this CTest label (unit, integration,
#                        contract, e2e, browser, deploy; default: all)
#   THIDUA_TEST_FAKETIME "YYYY-MM-DD HH:MM:SS" in Asia/Ho_Chi_Minh: the services the tests
#                        start run under libfaketime from that instant (tests/support/process.hpp)
#   THIDUA_SANITIZE=1    also build with ASan + UBSan in build-asan and run the tests there
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

started=$SECONDS
bash scripts/setup.sh
bash scripts/build.sh

test_jobs="${THIDUA_TEST_JOBS:-2}"
timeout="${THIDUA_TEST_TIMEOUT:-300}"

# run_ctest <build dir> <label>: runs the suite, prints one summary line, returns CTest's code.
run_ctest() {
  local dir="$1" label="$2" log rc=0
  [[ $dir == /* ]] || dir="$root/$dir"
  local name="test${THIDUA_TEST_LABEL:+-$THIDUA_TEST_LABEL}${THIDUA_TEST_FAKETIME:+-faketime}"
  local select=()
  [[ -z ${THIDUA_TEST_LABEL:-} ]] || select=(-L "^${THIDUA_TEST_LABEL}\$")
  [[ -z ${THIDUA_TEST_FAKETIME:-} ]] || label="$label, services' clocks at $THIDUA_TEST_FAKETIME ICT"
  log="$dir/Testing/$name.log"
  mkdir -p "$dir/Testing"
  ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$test_jobs" "${select[@]}" \
    --timeout "$timeout" --output-junit "$dir/Testing/$name.xml" 2>&1 | tee "$log" || rc=$?
  local tally
  tally="$(grep -E '^[0-9]+% tests passed' "$log" | tail -1 || true)"
  if ((rc == 0)); then
    echo "test.sh: PASS [$label] ${tally:-no tally}"
  else
    echo "test.sh: FAIL [$label] ${tally:-ctest exited with $rc} (log: $log)"
  fi
  return "$rc"
}

rc=0
run_ctest "${THIDUA_BUILD_DIR:-build}" "$(basename "${THIDUA_BUILD_DIR:-build}")" || rc=$?

if [[ ${THIDUA_SANITIZE:-0} == 1 ]]; then
  # GCC 12 reports false -Wmaybe-uninitialized in libstdc++ (<regex>, <functional>) when the
  # sanitizers instrument optimised code; -Werror would stop the build on them.
  THIDUA_BUILD_DIR=build-asan bash scripts/build.sh -DTHIDUA_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS=-Wno-error=maybe-uninitialized
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/ubsan.supp}"
  asan_rc=0
  run_ctest build-asan "build-asan, ASan+UBSan" || asan_rc=$?
  ((rc != 0)) || rc=$asan_rc
fi

echo "test.sh: finished in $((SECONDS - started)) s, exit code $rc"
exit "$rc"
