#!/usr/bin/env python3
"""Writes N outbox messages as the enqueue script would (hash, history, recent set, the
chat's lane, and a stream entry for each lane's first message), as Redis protocol on stdout
for `redis-cli --pipe`. Messages go round-robin to C chats: a broadcast to the staff's personal
chats, as the school sends one. Usage: prefill.py <school> <n> [chats (default 60)]"""
import json
import sys

school, n = sys.argv[1], int(sys.argv[2])
chats = int(sys.argv[3]) if len(sys.argv) > 3 else 60
prefix = "{%s}:notifications:" % school
out = sys.stdout.buffer


def cmd(*args):
    parts = [b"*%d\r\n" % len(args)]
    for a in args:
        b = a.encode() if isinstance(a, str) else a
        parts.append(b"$%d\r\n%s\r\n" % (len(b), b))
    out.write(b"".join(parts))


first_of_lane = set()
for i in range(n):
    mid = "%016x" % (i + 1)
    chat = "u%d" % (i % chats + 1)
    lane = chat + ":normal"  # domain/outbox.cpp delivery_lane
    fields = ["msg_id", mid, "attempt", "0", "lane", lane, "lane_item", mid]
    entry = json.dumps(fields, separators=(",", ":"))
    cmd("HSET", prefix + "msg:" + mid, "id", mid, "target", "staff " + chat, "chat_id", chat,
        "text", "tin nhắn số %d" % i, "urgent", "0", "state", "queued", "source", "bench",
        "created_at", "2026-11-25T00:00:00Z", "parts_sent", "0", "message_ids", "[]",
        "lane", lane)
    cmd("RPUSH", prefix + "msg:" + mid + ":history",
        json.dumps({"state": "queued", "at": "2026-11-25T00:00:00Z", "source": "bench"}))
    cmd("ZADD", prefix + "recent", str(1795000000000 + i), mid)
    cmd("RPUSH", prefix + "outbox-lane:" + lane, entry)
    if lane not in first_of_lane:
        first_of_lane.add(lane)
        cmd("XADD", prefix + "outbox", "*", *fields)
