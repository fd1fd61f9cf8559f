#!/usr/bin/env bash
# Stops what scripts/run-local.sh started (pids in var/run/, or in THIDUA_VAR_DIR/run/ as
# run-local had them): the services first with SIGTERM (they finish the requests in flight,
# up to THIDUA_SHUTDOWN_GRACE_S), then nginx (graceful SIGQUIT), then Redis (SIGTERM: it
# syncs the AOF and exits). Quiet when nothing runs.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
var="${THIDUA_VAR_DIR:-$THIDUA_ROOT/var}"
[[ $var == /* ]] || var="$THIDUA_ROOT/$var"
run="$var/run"
grace="${THIDUA_SHUTDOWN_GRACE_S:-20}"

# The three services stop in parallel; each is waited for.
pids=()
for name in nominations reports notifications; do
  stop_pid "$run/$name.pid" "$name" TERM "$((grace + 10))" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
stop_pid "$run/nginx.pid" nginx QUIT 15
stop_pid "$run/redis-server.pid" redis-server TERM 30
stop_pid "$run/fake_zalo.pid" fake_zalo TERM 10
rm -f "$run/fake_zalo.env"
