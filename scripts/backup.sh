#!/usr/bin/env bash
# Takes a backup of thidua's Redis while it runs: a snapshot made by Redis itself (the RDB
# file it sends a new replica: `redis-cli --rdb`, a fork of the server at one instant, so
# every nomination, report part and queued message is as it was at that instant, never a
# copy of files being written), checked with redis-check-rdb, packed with a description into
#   <dir>/thidua-redis-YYYYMMDDTHHMMSS.mmmZ.tar.gz    (UTC; contents: dump.rdb, backup.txt)
# then only the newest <keep> archives of that name are kept. Prints the archive's path last.
# scripts/restore.sh puts one back. Needs redis-cli and redis-check-rdb (redis-tools).
#
#   bash scripts/backup.sh [--dir DIR] [--keep N]
# Settings (the options win):
#   THIDUA_REDIS_URL    the Redis to copy, as the services name it
#                       (default redis://127.0.0.1:<THIDUA_REDIS_PORT or 6379>/0, run-local's)
#   THIDUA_BACKUP_DIR   where the archives go (default var/backups in the repository)
#   THIDUA_BACKUP_KEEP  how many archives to keep, the newest (default 14; at least 1)
#   REDIS_PASSWORD      the password, when THIDUA_REDIS_URL has none (the Redis container's)
# Exit 1, saying why, when Redis cannot be copied; an archive is only ever complete (written
# under another name, then renamed), and old ones are removed only after the new one is in.
# Self-contained (no lib.sh): the Redis image has it as `thidua-backup`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
  echo "backup: $*" >&2
  exit 1
}
usage() { sed -n '2,19s/^# \{0,1\}//p' "$0"; }

dir="${THIDUA_BACKUP_DIR:-}"
keep="${THIDUA_BACKUP_KEEP:-14}"
while (($# > 0)); do
  case "$1" in
    --dir) dir="${2:-}"; shift 2 || die "--dir needs a directory" ;;
    --keep) keep="${2:-}"; shift 2 || die "--keep needs a number" ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
# The default directory is the repository's var/, when this runs from the repository.
[[ -n $dir ]] || dir="$(dirname "$here")/var/backups"
[[ $keep =~ ^[1-9][0-9]{0,3}$ ]] || die "THIDUA_BACKUP_KEEP (--keep) must be 1–9999, not '$keep'"

url="${THIDUA_REDIS_URL:-redis://127.0.0.1:${THIDUA_REDIS_PORT:-6379}/0}"
# redis://[[user]:password@]host[:port][/db], the services' form.
re='^redis://(([^:@/]*):([^@/]*)@)?([^:@/]+)(:([0-9]+))?(/[0-9]*)?$'
[[ $url =~ $re ]] || die "THIDUA_REDIS_URL is not redis://[:password@]host[:port][/db]: ${url%%@*}…"
host="${BASH_REMATCH[4]}" port="${BASH_REMATCH[6]:-6379}"
# The password reaches redis-cli through its environment, never its command line (ps); in
# the Redis image's container, REDIS_PASSWORD (the server's own) when the URL has none.
if [[ -n ${BASH_REMATCH[3]} ]]; then
  export REDISCLI_AUTH="${BASH_REMATCH[3]}"
elif [[ -n ${REDIS_PASSWORD:-} ]]; then
  export REDISCLI_AUTH="$REDIS_PASSWORD"
fi
cli=(redis-cli --no-auth-warning -h "$host" -p "$port")
[[ -z ${BASH_REMATCH[2]} ]] || cli+=(--user "${BASH_REMATCH[2]}")
for tool in redis-cli redis-check-rdb tar gzip sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install redis-tools)"
done

mkdir -p "$dir"
# Work next to the archives (same file system: the final rename is atomic).
work="$(mktemp -d "$dir/.partial.XXXXXX")"
trap 'rm -rf "$work"' EXIT

pong="$("${cli[@]}" ping 2>&1)" || true
[[ $pong == PONG ]] || die "Redis at $host:$port does not answer: $pong"
if ! "${cli[@]}" --rdb "$work/dump.rdb" >"$work/rdb.log" 2>&1; then
  die "Redis did not send its snapshot: $(tail -n 3 "$work/rdb.log")"
fi
redis-check-rdb "$work/dump.rdb" >"$work/check.log" 2>&1 ||
  die "the snapshot does not check out: $(tail -n 3 "$work/check.log")"

stamp="$(date -u +%Y%m%dT%H%M%S.%3NZ)"
# The counts of the snapshot itself, as redis-check-rdb read them.
keys="$(sed -n 's/^\[info\] \([0-9]*\) keys read$/\1/p' "$work/check.log")"
expires="$(sed -n 's/^\[info\] \([0-9]*\) expires$/\1/p' "$work/check.log")"
{
  echo "thidua Redis backup"
  echo "taken_at_utc: $stamp"
  echo "redis: $host:$port"
  echo "redis_version: $("${cli[@]}" info server | tr -d '\r' | sed -n 's/^redis_version://p')"
  echo "keys: ${keys:-unknown}"
  echo "keys_with_expiry: ${expires:-unknown}"
  echo "dump.rdb sha256: $(sha256sum "$work/dump.rdb" | cut -d' ' -f1)"
  echo "restore: bash scripts/restore.sh <this archive> [--data-dir DIR] (README, Operations)"
} >"$work/backup.txt"

name="thidua-redis-$stamp.tar.gz"
[[ ! -e $dir/$name ]] || die "$dir/$name exists already"
tar -C "$work" -czf "$work/$name" dump.rdb backup.txt
mv "$work/$name" "$dir/$name"

# Keep the newest <keep>: the names sort by time.
mapfile -t archives < <(find "$dir" -maxdepth 1 -type f -name 'thidua-redis-*.tar.gz' -printf '%f\n' | sort)
removed=0
for ((i = 0; i < ${#archives[@]} - keep; i++)); do
  rm -f "$dir/${archives[$i]}"
  removed=$((removed + 1))
done
echo "backup: $(sed -n 's/^keys: //p' "$work/backup.txt") keys from $host:$port;" \
  "kept the newest $((${#archives[@]} - removed)) of $dir/thidua-redis-*.tar.gz (removed $removed)" >&2
echo "$dir/$name"
