#!/usr/bin/env bash
# Puts a backup made by scripts/backup.sh back into the data directory of a Redis that is
# stopped: run-local's var/redis/ by default, or --data-dir (the /data volume of the Redis
# container or pod, mounted while Redis is stopped). Afterwards the directory holds what
# Redis itself writes with deploy/redis.conf (appendonlydir/, AOF with its RDB base), so
# Redis starts on it as usual and finds exactly the data of the backup.
#
#   bash scripts/restore.sh <archive.tar.gz> [--data-dir DIR]
#
# Steps: checks the archive (the snapshot's sha256 and redis-check-rdb); refuses when a
# redis-server runs on the directory (run-local's pid file, or any redis-server process
# working in it) and when the directory cannot be written; moves what the directory holds
# into DIR/before-restore-<UTC time>/ (nothing is deleted: remove it once the restored data
# is checked); loads the snapshot into a private redis-server (a Unix socket, no TCP port)
# that rewrites it as the append-only file, and stops it. Files are given the directory's
# owner (the redis user in the image). Prints the keys restored.
# Exit 1, saying why, with the directory as it was when a check fails.
# Self-contained (no lib.sh): the Redis image has it as `thidua-restore`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
  echo "restore: $*" >&2
  exit 1
}
usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; }

archive=""
data_dir=""
while (($# > 0)); do
  case "$1" in
    --data-dir) data_dir="${2:-}"; shift 2 || die "--data-dir needs a directory" ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) [[ -z $archive ]] || { usage >&2; exit 2; }; archive="$1"; shift ;;
  esac
done
[[ -n $archive ]] || { usage >&2; exit 2; }
[[ -f $archive ]] || die "no such archive: $archive"
run_local_pidfile=""
if [[ -z $data_dir ]]; then
  data_dir="$(dirname "$here")/var/redis"
  run_local_pidfile="$(dirname "$here")/var/run/redis-server.pid"
fi
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd -P)"
for tool in redis-server redis-cli redis-check-rdb tar sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install redis-server)"
done

# 1. The archive.
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill -TERM "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
tar -C "$work" -xzf "$archive" dump.rdb backup.txt 2>"$work/tar.log" ||
  die "$archive is not a thidua backup (no dump.rdb and backup.txt): $(head -n 2 "$work/tar.log")"
expected="$(sed -n 's/^dump.rdb sha256: //p' "$work/backup.txt")"
actual="$(sha256sum "$work/dump.rdb" | cut -d' ' -f1)"
[[ -n $expected && $expected == "$actual" ]] ||
  die "$archive is damaged: dump.rdb's sha256 is $actual, backup.txt says ${expected:-nothing}"
redis-check-rdb "$work/dump.rdb" >"$work/check.log" 2>&1 ||
  die "the snapshot in $archive does not check out: $(tail -n 3 "$work/check.log")"

# 2. Redis must be stopped: it would write over the restored files, or lose them on exit.
running=""
if [[ -n $run_local_pidfile && -s $run_local_pidfile ]]; then
  pid="$(<"$run_local_pidfile")"
  if [[ $pid =~ ^[0-9]+$ && "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server ]]; then
    running="$pid"
  fi
fi
for proc in /proc/[0-9]*; do
  [[ -z $running ]] || break
  [[ "$(cat "$proc/comm" 2>/dev/null)" == redis-server ]] || continue
  [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$data_dir" ]] && running="${proc#/proc/}"
done
if [[ -n $running ]]; then
  die "Redis is still running on $data_dir (pid $running); nothing was changed. Stop it first:" \
    "bash scripts/stop-local.sh (run-local), docker compose stop redis (compose), or" \
    "kubectl -n thidua scale statefulset redis --replicas=0 (Kubernetes)"
fi
[[ -w $data_dir ]] || die "cannot write to $data_dir (run as its owner or root)"

# 3. What the directory holds goes aside, never away.
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
aside="$data_dir/before-restore-$stamp"
mapfile -t current < <(find "$data_dir" -mindepth 1 -maxdepth 1 ! -name 'before-restore-*')
if ((${#current[@]} > 0)); then
  mkdir "$aside"
  mv "${current[@]}" "$aside/"
fi

# 4. The snapshot, loaded by a private redis-server and rewritten as the append-only file.
cp "$work/dump.rdb" "$data_dir/dump.rdb"
socket="$work/redis.sock"
redis-server --port 0 --unixsocket "$socket" --unixsocketperm 700 --dir "$data_dir" \
  --dbfilename dump.rdb --appendonly no --save "" --appenddirname appendonlydir \
  --daemonize no --logfile "$work/redis.log" &
server_pid=$!
cli=(redis-cli -s "$socket")
for ((i = 0; i < 600; i++)); do
  [[ "$("${cli[@]}" ping 2>/dev/null)" == PONG ]] && break
  kill -0 "$server_pid" 2>/dev/null || die "redis-server could not load the snapshot: $(tail -n 5 "$work/redis.log")"
  sleep 0.1
done
[[ "$("${cli[@]}" ping 2>/dev/null)" == PONG ]] || die "redis-server did not load the snapshot in 60 s"
restored="$("${cli[@]}" info keyspace | tr -d '\r' |
  awk -F'keys=' 'NF > 1 { split($2, a, ","); n += a[1] } END { print n + 0 }')"
[[ "$("${cli[@]}" config set appendonly yes)" == OK ]] || die "could not turn the append-only file on"
info() { "${cli[@]}" info persistence | tr -d '\r' | sed -n "s/^$1://p"; }
for ((i = 0; i < 600; i++)); do
  [[ "$(info aof_rewrite_in_progress)$(info aof_rewrite_scheduled)" == 00 ]] &&
    [[ "$(info aof_enabled)" == 1 ]] && break
  sleep 0.1
done
[[ "$(info aof_last_bgrewrite_status)" == ok && "$(info aof_rewrite_in_progress)" == 0 ]] ||
  die "the append-only file was not written: $(tail -n 5 "$work/redis.log")"
"${cli[@]}" shutdown nosave >/dev/null 2>&1 || true
for ((i = 0; i < 100; i++)); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
wait "$server_pid" 2>/dev/null || true
server_pid=""
ls "$data_dir"/appendonlydir/*.manifest >/dev/null 2>&1 || die "no append-only file in $data_dir"
# The append-only file is the record from now on (deploy/redis.conf: no RDB snapshots).
rm -f "$data_dir/dump.rdb"
chown -R --reference="$data_dir" "$data_dir/appendonlydir" 2>/dev/null || true

in_backup="$(sed -n 's/^keys: //p' "$work/backup.txt")"
echo "restore: $restored keys restored into $data_dir from $archive" \
  "($in_backup in the backup; keys whose time limit has passed are not restored)"
if ((${#current[@]} > 0)); then
  echo "restore: what $data_dir held before is in $aside; remove it once the data is checked"
fi
echo "restore: start Redis again (bash scripts/run-local.sh, docker compose start redis, or scale the StatefulSet back to 1)"
