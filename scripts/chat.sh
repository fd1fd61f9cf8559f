#!/usr/bin/env bash
# Plays a colleague in the staff's Zalo group (or in a private chat with the bot) against
# `bash scripts/run-local.sh --chat`: the text goes to the fake Zalo Bot API as an incoming
# message, the bot reads it by long polling like the real Zalo's, and what the bot sends
# (to the group, or privately) is printed.
#   bash scripts/chat.sh '/trogiup'                          # in the group, as zu-demo
#   bash scripts/chat.sh --private '/lienket 3fa9c2'         # in a private chat with the bot
#   bash scripts/chat.sh --from zu-hoa --name 'Cô Hoa' 'Chào cả nhà'   # chatter: no answer
#   bash scripts/chat.sh --log                               # every message the bot has sent
# Options: --from <Zalo user id> (default zu-demo), --name <display name>, --private,
# --wait <seconds to wait for answers> (default 6). THIDUA_VAR_DIR: as given to run-local.sh.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# The stack run-local.sh started with the same THIDUA_VAR_DIR (a second stack has its own).
env_file="${THIDUA_VAR_DIR:-$THIDUA_ROOT/var}/run/fake_zalo.env"
[[ -s $env_file ]] || die "the fake Zalo is not running; start: bash scripts/run-local.sh --chat"
port="$(sed -n 's/^port=//p' "$env_file")"
group="$(sed -n 's/^group=//p' "$env_file")"
fake="http://127.0.0.1:$port"

from=zu-demo name="Thầy cô dùng thử" private=0 wait_s=6 text="" show_log=0
while (($#)); do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --private) private=1; shift ;;
    --wait) wait_s="$2"; shift 2 ;;
    --log) show_log=1; shift ;;
    -h | --help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) text="$1"; shift ;;
  esac
done

# Prints the bot's messages sent after call number $1 of the fake's log.
print_sent() {
  curl -fsS "$fake/__fake/calls" | python3 -c '
import json, sys
skip, group = int(sys.argv[1]), sys.argv[2]
for call in json.load(sys.stdin)[skip:]:
    if call.get("method") != "sendMessage" or call.get("outcome") != "ok":
        continue
    where = "nhóm" if call.get("chat_id") == group else "riêng " + str(call.get("chat_id"))
    print("→ [" + where + "] " + call.get("text", "").replace("\n", "\n    "))
' "$1" "$group"
}

if ((show_log)); then
  print_sent 0
  exit 0
fi
[[ -n $text ]] || die "what to say? e.g. bash scripts/chat.sh '/trogiup'"

before="$(curl -fsS "$fake/__fake/calls" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
chat_id="$group" chat_type=GROUP
if ((private)); then chat_id="$from" chat_type=PRIVATE; fi
update="$(python3 -c '
import json, sys, time
text, sender, name, chat, kind = sys.argv[1:6]
now = int(time.time() * 1000)
print(json.dumps({"event_name": "message.text.received", "message": {
    "message_id": "local-%d" % now, "date": now, "text": text,
    "from": {"id": sender, "display_name": name, "is_bot": False},
    "chat": {"id": chat, "chat_type": kind}}}, ensure_ascii=False))
' "$text" "$from" "$name" "$chat_id" "$chat_type")"
curl -fsS -o /dev/null -X POST "$fake/__fake/updates" -H 'Content-Type: application/json' \
  --data-binary "$update"
echo "[$( ((private)) && echo "riêng" || echo "nhóm")] $name: $text"
sleep "$wait_s"
answers="$(print_sent "$before")"
if [[ -n $answers ]]; then echo "$answers"; else echo "(bot không trả lời)"; fi
