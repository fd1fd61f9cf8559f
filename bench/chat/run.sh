#!/usr/bin/env bash
# Chat reply latency (issue 15): CHATS private chats (default 20) each send one command a
# second (default /hanchot, which notifications answers by asking reports) to the
# notifications webhook, for SECONDS seconds (default 30); the time from the webhook POST to
# the reply reaching the fake Zalo Bot API (tests/fakes/fake_zalo), p50 and p99. All three
# services run as they ship (scripts/build.sh --ship, build-release/), with Redis (AOF,
# appendfsync always) and the fake, on free ports of 127.0.0.1; no rate limits or quiet hours
# (THIDUA_RATE_LIMIT_PER_MINUTE=0, THIDUA_BOT_RATE_PER_SECOND=0, THIDUA_QUIET_HOURS=off), so
# the figure is the services' own. Output in bench/out/chat/; prints the figures (not written into bench/README.md).
#   bash bench/chat/run.sh [chats] [seconds] [command]
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
root="$THIDUA_ROOT"
cd "$root"
chats="${1:-20}"
seconds="${2:-30}"
command="${3:-/hanchot}"

bash scripts/setup.sh
THIDUA_TARGETS="nominations reports notifications fake_zalo" bench_build

bench_out "$root/bench/out/chat"
redis_port="$(free_port)"
zalo_port="$(free_port)"
declare -A port=([nominations]="$(free_port)" [reports]="$(free_port)" [notifications]="$(free_port)")
admin="$(random_token)"
service="$(random_token)"
secret="$(random_token)"
bot_token="bench-bot-token"

bench_start_redis "$out" "$redis_port"
bench_track "$out/fake_zalo.pid" fake_zalo TERM 10
start_bg "$out/fake_zalo.pid" "$out/fake_zalo.log" env FAKE_ZALO_PORT="$zalo_port" \
  FAKE_ZALO_TOKEN="$bot_token" "$bench_build_dir/tests/fakes/fake_zalo"
for s in nominations reports notifications; do
  bench_track "$out/$s.pid" "$s" TERM 30
  start_bg "$out/$s.pid" "$out/$s.log" env THIDUA_HTTP_HOST=127.0.0.1 \
    THIDUA_HTTP_PORT="${port[$s]}" THIDUA_REDIS_URL="redis://127.0.0.1:$redis_port/0" \
    THIDUA_ADMIN_TOKEN="$admin" THIDUA_SERVICE_TOKEN="$service" \
    THIDUA_NOMINATIONS_URL="http://127.0.0.1:${port[nominations]}" \
    THIDUA_REPORTS_URL="http://127.0.0.1:${port[reports]}" \
    THIDUA_NOTIFICATIONS_URL="http://127.0.0.1:${port[notifications]}" \
    THIDUA_MESSENGER=zalo ZALO_BOT_API_BASE="http://127.0.0.1:$zalo_port" \
    ZALO_BOT_TOKEN="$bot_token" ZALO_GROUP_ID=nhom-giao-vien THIDUA_BOT_MODE=webhook \
    ZALO_WEBHOOK_SECRET="$secret" THIDUA_RATE_LIMIT_PER_MINUTE=0 THIDUA_BOT_RATE_PER_SECOND=0 \
    THIDUA_QUIET_HOURS=off \
    THIDUA_CATALOGUE_FILE="$root/config/catalogue.json" \
    "$bench_build_dir/services/$s/$s"
done
for s in nominations reports notifications; do
  wait_http "http://127.0.0.1:${port[$s]}/readyz" 30 "$out/$s.pid" "$s" ||
    die "$s did not start; see $out/$s.log"
done

# Each chat is a staff member's private chat with the bot, linked as in production (a link
# code from nominations, then /lienket <code> in the chat), so commands run with that
# colleague's rights.
nominations_api="http://127.0.0.1:${port[nominations]}/api/nominations/v1"
webhook="http://127.0.0.1:${port[notifications]}/api/notifications/v1/bot/zalo/webhook"
for ((i = 0; i < chats; i++)); do
  curl -fsS -o /dev/null -X PUT "$nominations_api/catalogue/staff/bench$i" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Giáo viên $i\",\"unit_id\":\"to-toan-tin\"}" ||
    die "could not add staff member bench$i; see $out/nominations.log"
  code="$(curl -fsS -X POST "$nominations_api/staff/bench$i/link-codes" \
    -H "Authorization: Bearer $admin" | jq -r .code)"
  curl -fsS -o /dev/null -X POST "$webhook" -H "X-Bot-Api-Secret-Token: $secret" \
    -H 'Content-Type: application/json' \
    -d "{\"event_name\":\"message.text.received\",\"message\":{\"message_id\":\"link-$i\",\"date\":0,\"text\":\"/lienket $code\",\"from\":{\"id\":\"bench-$i\",\"display_name\":\"Thầy $i\",\"is_bot\":false},\"chat\":{\"id\":\"bench-$i\",\"chat_type\":\"PRIVATE\"}}}" ||
    die "the webhook refused the link update; see $out/notifications.log"
done
# Every link confirmed (one reply per chat) before the measured commands.
for ((i = 0; i < 100; i++)); do
  linked="$(curl -fsS "http://127.0.0.1:$zalo_port/__fake/calls" | jq '[.[] | select(.method == "sendMessage")] | length')"
  ((linked >= chats)) && break
  sleep 0.1
done
((linked >= chats)) || die "only $linked of $chats chats were linked; see $out/notifications.log"

load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: $chats chats, one '$command' a second each, $seconds s (load average: $load)"
result="$(python3 bench/chat/drive.py "$webhook" "$secret" \
  "http://127.0.0.1:$zalo_port" "$chats" "$seconds" "$command")"
echo "$result"
curl -fsS "http://127.0.0.1:$zalo_port/__fake/calls" >"$out/calls.json"
echo "bench: replies recorded in $out/calls.json; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
