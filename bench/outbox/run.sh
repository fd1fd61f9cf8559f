#!/usr/bin/env bash
# Outbox throughput: N messages through the real notifications worker against the fake
# Zalo API (rate limit and quiet hours off), then the same work with BullMQ on the same
# Redis. Usage: bench/outbox/run.sh [n] [workers]   (needs a build and `npm install` in
# bench/peers). Figures: messages per second between the first and the last sendMessage.
# Free ports of 127.0.0.1; logs and Redis's data in bench/out/outbox/ (not committed).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
here="$THIDUA_ROOT/bench/outbox"
build="${THIDUA_BUILD_DIR:-$THIDUA_ROOT/build}"
[[ $build == /* ]] || build="$THIDUA_ROOT/$build"
n="${1:-10000}"
workers="${2:-1}"
school=bench
redis_port="$(free_port)"
zalo_port="$(free_port)"
http_port="$(free_port)"
token=bench-token
bench_out "$THIDUA_ROOT/bench/out/outbox"

bench_track "$out/redis-server.pid" redis-server TERM 10
start_bg "$out/redis-server.pid" "$out/redis.log" redis-server --port "$redis_port" \
  --dir "$out" --appendonly yes --appendfsync everysec --save '' --daemonize no
bench_track "$out/fake_zalo.pid" fake_zalo TERM 10
start_bg "$out/fake_zalo.pid" "$out/fake.log" env FAKE_ZALO_PORT="$zalo_port" \
  FAKE_ZALO_TOKEN="$token" "$build/tests/fakes/fake_zalo"
for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.05; done
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$zalo_port/__fake/calls" >/dev/null && break; sleep 0.05; done

python3 "$here/prefill.py" "$school" "$n" | redis-cli -p "$redis_port" --pipe >/dev/null
bench_track "$out/notifications.pid" notifications TERM 30
start_bg "$out/notifications.pid" "$out/notifications.log" env THIDUA_HTTP_HOST=127.0.0.1 \
  THIDUA_HTTP_PORT="$http_port" THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" THIDUA_SCHOOL_ID=$school \
  THIDUA_MESSENGER=zalo ZALO_BOT_API_BASE="http://127.0.0.1:$zalo_port" ZALO_BOT_TOKEN=$token \
  ZALO_GROUP_ID=g1 THIDUA_BOT_MODE=off THIDUA_QUIET_HOURS=off THIDUA_RATE_LIMIT_PER_MINUTE=0 \
  THIDUA_DELIVERY_WORKERS="$workers" THIDUA_ACCESS_LOG=false THIDUA_LOG_LEVEL=warn \
  THIDUA_NOMINATIONS_URL=http://127.0.0.1:1 \
  "$build/services/notifications/notifications"
sent() { curl -s "http://127.0.0.1:$zalo_port/__fake/calls" | python3 -c \
  'import json,sys; print(sum(1 for c in json.load(sys.stdin) if c.get("outcome")=="ok"))'; }
while [ "$(sent)" -lt "$n" ]; do
  pid_alive "$out/notifications.pid" notifications || die "notifications stopped; see $out/notifications.log"
  sleep 0.5
done
curl -s "http://127.0.0.1:$zalo_port/__fake/calls" | python3 -c "
import json, sys
calls = [c for c in json.load(sys.stdin) if c.get('outcome') == 'ok']
s = (calls[-1]['at'] - calls[0]['at']) / 1000
print(json.dumps({'peer': 'thidua', 'n': len(calls), 'workers': $workers, 'seconds': s,
                  'per_second': round(len(calls) / s)}))"
echo "redis memory after thidua: $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | tr -d '\r')"
stop_pid "$out/notifications.pid" notifications TERM 30 >/dev/null
curl -s -X DELETE "http://127.0.0.1:$zalo_port/__fake/calls" >/dev/null
redis-cli -p "$redis_port" flushall >/dev/null
node "$here/../peers/bullmq_outbox.mjs" "$redis_port" "http://127.0.0.1:$zalo_port" "$token" "$n" "$workers"
echo "redis memory after bullmq: $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | tr -d '\r')"
