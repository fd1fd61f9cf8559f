#!/usr/bin/env bash
# Configures and builds thidua with CMake and Ninja.
#   THIDUA_BUILD_DIR   build directory, relative to the repository or absolute (default: build)
#   THIDUA_BUILD_TYPE  CMake build type (default: RelWithDebInfo = optimised, with debug info)
#   THIDUA_JOBS        parallel compile jobs (default: 2)
# Extra arguments go to the CMake configure step, e.g. -DTHIDUA_SANITIZE=ON.
# ccache is used when installed (CMakeLists.txt picks it up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

build_dir="${THIDUA_BUILD_DIR:-build}"
[[ $build_dir == /* ]] || build_dir="$root/$build_dir"
build_type="${THIDUA_BUILD_TYPE:-RelWithDebInfo}"
jobs="${THIDUA_JOBS:-2}"

if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
  echo "build: cmake or ninja is missing; run scripts/setup.sh first" >&2
  exit 1
fi

started=$SECONDS
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
ninja -C "$build_dir" -j "$jobs"
echo "build: $build_type in $build_dir ($((SECONDS - started)) s)"
