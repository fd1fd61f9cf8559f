#!/usr/bin/env bash
# Outbox throughput: N messages, round-robin to C chats (each chat's lane keeps its order),
# through the real notifications worker against the fake Zalo API (rate limit and quiet hours
# off), then the same sends with BullMQ on the same Redis, with as many in flight (16 per
# thidua worker: a batch's lanes go side by side). Usage:
#   bench/outbox/run.sh [n (10000)] [workers (1)] [chats (60)]
# (needs a build and `npm install` in bench/peers). Figures: messages per second between the
# first and the last sendMessage, the CPU each process used, the machine's load. Free ports
# of 127.0.0.1; logs and Redis's data in bench/out/outbox/ (not committed).
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
chats="${3:-60}"
in_flight=$((workers * 16))  # Delivery::options: concurrency = batch = 16
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
  FAKE_ZALO_TOKEN="$token" FAKE_ZALO_THREADS="${THIDUA_BENCH_FAKE_THREADS:-2}" \
  "$build/tests/fakes/fake_zalo"
for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.05; done
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$zalo_port/__fake/calls" >/dev/null && break; sleep 0.05; done

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/prefill.py" "$school" "$n" "$chats" | redis-cli -p "$redis_port" --pipe >/dev/null
ticks() { pids_ticks "$(<"$out/$1.pid")"; }
seconds() { awk -v t="$1" -v hz="$clk_tck" 'BEGIN { printf "%.2f s", t / hz }'; }
redis0="$(ticks redis-server)" fake0="$(ticks fake_zalo)"
bench_track "$out/notifications.pid" notifications TERM 30
start_bg "$out/notifications.pid" "$out/notifications.log" env THIDUA_HTTP_HOST=127.0.0.1 \
  THIDUA_HTTP_PORT="$http_port" THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" THIDUA_SCHOOL_ID=$school \
  THIDUA_MESSENGER=zalo ZALO_BOT_API_BASE="http://127.0.0.1:$zalo_port" ZALO_BOT_TOKEN=$token \
  ZALO_GROUP_ID=g1 THIDUA_BOT_MODE=off THIDUA_QUIET_HOURS=off THIDUA_RATE_LIMIT_PER_MINUTE=0 \
  THIDUA_BOT_RATE_PER_SECOND=0 \
  THIDUA_DELIVERY_WORKERS="$workers" THIDUA_ACCESS_LOG=false THIDUA_LOG_LEVEL=warn \
  THIDUA_NOMINATIONS_URL=http://127.0.0.1:1 \
  "$build/services/notifications/notifications"
stats() { curl -s "http://127.0.0.1:$zalo_port/__fake/stats"; }
sent() { stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["sent"])'; }
while [ "$(sent)" -lt "$n" ]; do
  pid_alive "$out/notifications.pid" notifications || die "notifications stopped; see $out/notifications.log"
  sleep 0.2
done
echo "cpu from the service's start: notifications $(seconds "$(ticks notifications)")," \
  "redis $(seconds $(($(ticks redis-server) - redis0))), fake $(seconds $(($(ticks fake_zalo) - fake0)))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
stats | python3 -c "
import json, sys
s = json.load(sys.stdin)
sec = (s['last_sent_at'] - s['first_sent_at']) / 1000
print(json.dumps({'peer': 'thidua', 'n': s['sent'], 'workers': $workers, 'in_flight': $in_flight,
                  'chats': $chats, 'seconds': sec, 'per_second': round(s['sent'] / sec)}))"
echo "redis memory after thidua: $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | tr -d '\r')"
stop_pid "$out/notifications.pid" notifications TERM 30 >/dev/null
curl -s -X DELETE "http://127.0.0.1:$zalo_port/__fake/calls" >/dev/null
redis-cli -p "$redis_port" flushall >/dev/null
redis0="$(ticks redis-server)" fake0="$(ticks fake_zalo)"
node "$here/../peers/bullmq_outbox.mjs" "$redis_port" "http://127.0.0.1:$zalo_port" "$token" "$n" \
  "$in_flight" "$chats"
echo "cpu during BullMQ: redis $(seconds $(($(ticks redis-server) - redis0))), fake $(seconds $(($(ticks fake_zalo) - fake0)))"
echo "redis memory after bullmq: $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | tr -d '\r')"
