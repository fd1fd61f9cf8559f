#!/usr/bin/env bash
# Outbox throughput: N messages through the real notifications worker against the fake
# Zalo API (rate limit and quiet hours off), then the same work with BullMQ on the same
# Redis. Usage: bench/outbox/run.sh [n] [workers]   (needs a build and `npm install` in
# bench/peers). Figures: messages per second between the first and the last sendMessage.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${THIDUA_BUILD_DIR:-$root/build}"
n="${1:-10000}"
workers="${2:-1}"
school=bench
redis_port=$((20000 + RANDOM % 10000))
zalo_port=$((redis_port + 1))
http_port=$((redis_port + 2))
token=bench-token
dir="$(mktemp -d /tmp/thidua-bench-outbox.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

redis-server --port "$redis_port" --dir "$dir" --appendonly yes --appendfsync everysec \
  --save '' --daemonize no >"$dir/redis.log" 2>&1 &
pids+=($!)
FAKE_ZALO_PORT=$zalo_port FAKE_ZALO_TOKEN=$token "$build/tests/fakes/fake_zalo" >"$dir/fake.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.05; done
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$zalo_port/__fake/calls" >/dev/null && break; sleep 0.05; done

python3 "$here/prefill.py" "$school" "$n" | redis-cli -p "$redis_port" --pipe >/dev/null
THIDUA_HTTP_PORT=$http_port THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" THIDUA_SCHOOL_ID=$school \
  THIDUA_MESSENGER=zalo ZALO_BOT_API_BASE="http://127.0.0.1:$zalo_port" ZALO_BOT_TOKEN=$token \
  ZALO_GROUP_ID=g1 THIDUA_BOT_MODE=off THIDUA_QUIET_HOURS=off THIDUA_RATE_LIMIT_PER_MINUTE=0 \
  THIDUA_DELIVERY_WORKERS="$workers" THIDUA_ACCESS_LOG=false THIDUA_LOG_LEVEL=warn \
  THIDUA_NOMINATIONS_URL=http://127.0.0.1:1 \
  "$build/services/notifications/notifications" >"$dir/notifications.log" 2>&1 &
pids+=($!)
sent() { curl -s "http://127.0.0.1:$zalo_port/__fake/calls" | python3 -c \
  'import json,sys; print(sum(1 for c in json.load(sys.stdin) if c.get("outcome")=="ok"))'; }
while [ "$(sent)" -lt "$n" ]; do sleep 0.5; done
curl -s "http://127.0.0.1:$zalo_port/__fake/calls" | python3 -c "
import json, sys
calls = [c for c in json.load(sys.stdin) if c.get('outcome') == 'ok']
s = (calls[-1]['at'] - calls[0]['at']) / 1000
print(json.dumps({'peer': 'thidua', 'n': len(calls), 'workers': $workers, 'seconds': s,
                  'per_second': round(len(calls) / s)}))"
echo "redis memory after thidua: $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | tr -d '\r')"
kill "${pids[2]}"; wait "${pids[2]}" 2>/dev/null || true
curl -s -X DELETE "http://127.0.0.1:$zalo_port/__fake/calls" >/dev/null
redis-cli -p "$redis_port" flushall >/dev/null
node "$here/../peers/bullmq_outbox.mjs" "$redis_port" "http://127.0.0.1:$zalo_port" "$token" "$n" "$workers"
echo "redis memory after bullmq: $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | tr -d '\r')"
