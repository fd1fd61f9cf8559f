#!/usr/bin/env python3
"""Chat reply latency (bench/chat/run.sh): CHATS private chats each send one command a
second to the notifications webhook for SECONDS seconds; the replies are read back from the
fake Zalo's record of sendMessage calls (/__fake/calls, with the time each arrived).
Each chat's replies leave in the order its commands came (FIFO per chat), so the k-th reply
to a chat answers its k-th command.
  drive.py <webhook url> <secret> <fake zalo base> <chats> <seconds> <command>
Prints one line: "chat: sent=… replied=… p50_ms=… p99_ms=… max_ms=…"."""
import json
import sys
import threading
import time
import urllib.request

webhook, secret, fake, chats, seconds, command = sys.argv[1:7]
chats, seconds = int(chats), int(seconds)
sent = {}  # chat id -> [send instants, unix ms]
lock = threading.Lock()


def post(url, body, headers):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=10) as r:
        r.read()


def chat(i, start):
    chat_id = f"bench-{i}"
    for k in range(seconds):
        # Spread the chats over the second, as people would be.
        at = start + k + i / chats
        time.sleep(max(0.0, at - time.time()))
        update = {"event_name": "message.text.received",
                  "message": {"message_id": f"{chat_id}-{k}", "date": int(time.time() * 1000),
                              "text": command,
                              "from": {"id": chat_id, "display_name": f"Thầy {i}",
                                       "is_bot": False},
                              "chat": {"id": chat_id, "chat_type": "PRIVATE"}}}
        t = time.time() * 1000
        post(webhook, update, {"X-Bot-Api-Secret-Token": secret})
        with lock:
            sent.setdefault(chat_id, []).append(t)


urllib.request.urlopen(urllib.request.Request(f"{fake}/__fake/calls", method="DELETE")).read()
start = time.time() + 0.5
threads = [threading.Thread(target=chat, args=(i, start)) for i in range(chats)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = sum(len(v) for v in sent.values())
latencies = []
deadline = time.time() + 30
while time.time() < deadline:
    with urllib.request.urlopen(f"{fake}/__fake/calls") as r:
        calls = [c for c in json.load(r) if c.get("method") == "sendMessage"]
    if len(calls) >= total:
        break
    time.sleep(0.5)
by_chat = {}
for c in calls:
    by_chat.setdefault(str(c.get("chat_id")), []).append(c["at"])
for chat_id, times in sent.items():
    for t_sent, t_reply in zip(times, sorted(by_chat.get(chat_id, []))):
        latencies.append(t_reply - t_sent)
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else -1


print(f"chat: sent={total} replied={len(latencies)} p50_ms={pct(0.5):.1f} "
      f"p99_ms={pct(0.99):.1f} max_ms={latencies[-1] if latencies else -1:.1f}")
