#!/usr/bin/env bash
# Configures and builds thidua with CMake and Ninja.
#   bash scripts/build.sh [--ship] [cmake configure arguments...]
# --ship: the build that ships and is measured, the same for deploy/Dockerfile,
#   scripts/run-local.sh and bench/: Release (-O3, the faster in bench/README.md's history),
#   compiled with -g so perf and gdb see names and lines (the code is the same with or
#   without -g; the Dockerfile moves the debug info into files of its own), tests off, in
#   build-release/ unless THIDUA_BUILD_DIR says otherwise.
# Without --ship: the test build (what scripts/test.sh and CI use).
#   THIDUA_BUILD_DIR   build directory, relative to the repository or absolute (default:
#                      build, or build-release with --ship)
#   THIDUA_BUILD_TYPE  CMake build type without --ship (default: RelWithDebInfo = optimised,
#                      with debug info)
#   THIDUA_TARGETS     Ninja targets to build, separated by spaces (default: all)
#   THIDUA_JOBS        parallel compile jobs (default: 2)
# Extra arguments go to the CMake configure step, e.g. -DTHIDUA_SANITIZE=ON.
# ccache is used when installed (CMakeLists.txt picks it up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

ship=0
if [[ ${1:-} == --ship ]]; then
  ship=1
  shift
fi
if ((ship)); then
  build_dir="${THIDUA_BUILD_DIR:-build-release}"
  build_type=Release
  # CMake's Release flags plus -g; tests are built and run in the test build only.
  set -- -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -g" -DTHIDUA_TESTS=OFF "$@"
else
  build_dir="${THIDUA_BUILD_DIR:-build}"
  build_type="${THIDUA_BUILD_TYPE:-RelWithDebInfo}"
fi
[[ $build_dir == /* ]] || build_dir="$root/$build_dir"
jobs="${THIDUA_JOBS:-2}"
read -r -a targets <<<"${THIDUA_TARGETS:-}"

if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
  echo "build: cmake or ninja is missing; run scripts/setup.sh first" >&2
  exit 1
fi

started=$SECONDS
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
ninja -C "$build_dir" -j "$jobs" "${targets[@]}"
echo "build: $build_type${targets[*]:+ (${targets[*]})} in $build_dir ($((SECONDS - started)) s)"
