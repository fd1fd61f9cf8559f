#!/usr/bin/env bash
# Checks the operations files (CI runs it after the tests): shellcheck on every script, the
# C++ layout against .clang-format, YAML syntax of k8s/ and deploy/docker-compose.yml, and
# `nginx -t` on deploy/nginx.conf as run-local.sh renders it. Each check is skipped when its
# tool is missing (shellcheck, clang-format, python3-yaml: scripts/setup.sh installs them).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$THIDUA_ROOT"
rc=0

if command -v shellcheck >/dev/null; then
  shellcheck -x scripts/*.sh bench/*.sh deploy/*.sh tests/deploy/*.sh tests/fuzz/run.sh .ci/run &&
    echo "lint: shellcheck ok" || rc=1
else
  echo "lint: shellcheck not installed (apt-get install shellcheck), skipped"
fi

if python3 -c 'import yaml' 2>/dev/null; then
  python3 - k8s/*.yaml deploy/docker-compose.yml <<'PY' && echo "lint: YAML ok" || rc=1
import sys, yaml
for path in sys.argv[1:]:
    with open(path) as f:
        list(yaml.safe_load_all(f))
PY
else
  echo "lint: python3-yaml not installed, YAML check skipped"
fi

if command -v clang-format >/dev/null; then
  # shellcheck disable=SC2046
  clang-format --dry-run --Werror $(git ls-files '*.cpp' '*.hpp') && echo "lint: clang-format ok" || rc=1
else
  echo "lint: clang-format not installed (apt-get install clang-format), skipped"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tmp"
render_nginx_conf deploy/nginx.conf "$tmp/nginx.conf" "$tmp" "$tmp" 127.0.0.1:8080 \
  "$THIDUA_ROOT/web" 127.0.0.1:8081 127.0.0.1:8082 127.0.0.1:8083 "$(id -un)"
nginx -t -q -p "$tmp/" -c "$tmp/nginx.conf" -e "$tmp/error.log" && echo "lint: nginx.conf ok" || rc=1
exit "$rc"
