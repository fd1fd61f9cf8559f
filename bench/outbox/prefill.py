#!/usr/bin/env python3
"""Writes N outbox messages as the enqueue script would (hash, history, stream entry), as
Redis protocol on stdout for `redis-cli --pipe`. Usage: prefill.py <school> <n>"""
import json
import sys

school, n = sys.argv[1], int(sys.argv[2])
prefix = "{%s}:notifications:" % school
out = sys.stdout.buffer


def cmd(*args):
    parts = [b"*%d\r\n" % len(args)]
    for a in args:
        b = a.encode() if isinstance(a, str) else a
        parts.append(b"$%d\r\n%s\r\n" % (len(b), b))
    out.write(b"".join(parts))


for i in range(n):
    mid = "%016x" % (i + 1)
    cmd("HSET", prefix + "msg:" + mid, "id", mid, "target", "group", "chat_id", "g1",
        "text", "tin nhắn số %d" % i, "urgent", "0", "state", "queued", "source", "bench",
        "created_at", "2026-11-25T00:00:00Z", "parts_sent", "0", "message_ids", "[]")
    cmd("RPUSH", prefix + "msg:" + mid + ":history",
        json.dumps({"state": "queued", "at": "2026-11-25T00:00:00Z", "source": "bench"}))
    cmd("XADD", prefix + "outbox", "*", "msg_id", mid, "attempt", "0")
