#!/usr/bin/env bash
# Every shared library a service links comes into the runtime image: for each library the
# built binaries name (readelf's NEEDED), the Debian package that ships it here (dpkg -S) must
# be installed by deploy/Dockerfile's runtime stage, or be one debian:12-slim already has.
# Otherwise the image builds and every container dies at start ("error while loading shared
# libraries"), which no other test would see: the tests run the binaries on this machine.
#   image_libraries_test.sh <build dir>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:?usage: image_libraries_test.sh <build dir>}"
# In debian:12-slim already (essential, or needed by apt): no line in the Dockerfile for them.
in_base=(libc6 libgcc-s1 libstdc++6)

# The words of the runtime stage's apt-get install command (its package names among them),
# one per line, up to the line that does not continue.
runtime_packages="$(awk '
  /^FROM .* AS runtime/ { stage = 1; next }
  /^FROM / { stage = 0 }
  stage && /apt-get install/ { inside = 1 }
  inside {
    for (i = 1; i <= NF; i++) if ($i ~ /^[a-z0-9][a-z0-9.+-]+$/) print $i
    if ($0 !~ /\\$/) inside = 0
  }
' "$root/deploy/Dockerfile")"
[[ -n $runtime_packages ]] || { echo "FAIL: no apt-get install found in the runtime stage"; exit 1; }

failed=0 checked=0
declare -A owners
for service in nominations reports notifications; do
  bin="$build/services/$service/$service"
  [[ -x $bin ]] || { echo "FAIL: $bin is not built"; failed=1; continue; }
  resolved="$(ldd "$bin")"
  while read -r lib; do
    path="$(awk -v l="$lib" '$1 == l { print $3 }' <<<"$resolved")"
    [[ -n $path && $path != "not" ]] || { echo "FAIL: $service: $lib is not found here"; failed=1; continue; }
    # dpkg -S answers "package:arch: path"; the library may be known by its real path only.
    # Asked once per library (dpkg -S reads its whole database each time).
    if [[ -z ${owners[$path]+set} ]]; then
      owner="$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || true)"
      owners[$path]="${owner%%:*}"
    fi
    package="${owners[$path]}"
    [[ -n $package ]] || { echo "FAIL: $service: no Debian package ships $path"; failed=1; continue; }
    checked=$((checked + 1))
    if printf '%s\n' "${in_base[@]}" "$runtime_packages" | grep -qxF "$package"; then
      echo "ok: $service: $lib ($package)"
    else
      echo "FAIL: $service links $lib, from $package, which deploy/Dockerfile's runtime stage does not install"
      failed=1
    fi
  done < <(readelf -d "$bin" | awk '/\(NEEDED\)/ { gsub(/[][]/, "", $NF); print $NF }')
done
((checked > 0)) || { echo "FAIL: no library checked"; failed=1; }
echo "image libraries: $checked checked, failed=$failed"
exit "$failed"
