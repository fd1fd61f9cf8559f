#!/usr/bin/env bash
# The edge's config, rendered exactly as it is deployed, passes `nginx -t`:
#   1. as scripts/run-local.sh renders it when run by root (a `user` line for the workers);
#   2. the same when run by a user who is not root (the `user` line goes);
#   3. as deploy/Dockerfile renders it: the arguments are read from the Dockerfile's own
#      render line. Only the three file-system paths (PREFIX, LOG_DIR, WEB_ROOT) are moved
#      into a temporary directory; the service host names (nominations, reports,
#      notifications) resolve to 127.0.0.1 through a private /etc/hosts in a mount namespace.
# Each failure names the case. Needs nginx (and, for 2 and 3, root: runuser and unshare).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
failed=0
# shellcheck source=../../scripts/lib.sh
source "$root/scripts/lib.sh"

check() {  # check <case> <dir>: nginx -t on <dir>/nginx.conf
  local name="$1" dir="$2"
  shift 2
  if "$@" nginx -t -q -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" 2>"$dir/nginx-t.out"; then
    echo "ok: $name"
  else
    echo "FAIL: $name: nginx -t said:"; cat "$dir/nginx-t.out"; failed=1
  fi
}

# 1. run-local.sh as root.
d="$tmp/root"; mkdir -p "$d/tmp"
render_nginx_conf "$root/deploy/nginx.conf" "$d/nginx.conf" "$d" "$d" 127.0.0.1:8080 \
  "$root/web" 127.0.0.1:8081 127.0.0.1:8082 127.0.0.1:8083 "$(id -un)"
if ((EUID == 0)); then
  grep -q "^user $(id -un);" "$d/nginx.conf" || { echo "FAIL: root rendering has no user line"; failed=1; }
fi
check "run-local.sh as $(id -un)" "$d"

if ((EUID != 0)); then
  echo "skipped: the non-root and Dockerfile renderings need root (runuser, unshare)"
  exit "$failed"
fi

# 2. run-local.sh as a user who is not root (nobody): the same function, in their shell, on
# a copy of the three files it reads (the clone itself may sit where nobody cannot read).
copy="$tmp/copy"; mkdir -p "$copy/scripts" "$copy/deploy" "$copy/web"
cp "$root/scripts/lib.sh" "$copy/scripts/"
cp "$root/deploy/nginx.conf" "$root/deploy/render-nginx-conf.sh" "$copy/deploy/"
chmod -R a+rX "$copy"
d="$tmp/nobody"; mkdir -p "$d/tmp"; chown -R nobody "$d"
if runuser -u nobody -- bash -c 'source "$1/scripts/lib.sh"; render_nginx_conf "$1/deploy/nginx.conf" \
     "$2/nginx.conf" "$2" "$2" 127.0.0.1:8080 "$1/web" 127.0.0.1:8081 127.0.0.1:8082 \
     127.0.0.1:8083 nobody' _ "$copy" "$d"; then
  if grep -q '^user ' "$d/nginx.conf"; then
    echo "FAIL: the non-root rendering keeps a user line"; failed=1
  else
    check "run-local.sh as nobody" "$d" runuser -u nobody --
  fi
else
  echo "FAIL: render_nginx_conf failed when run by nobody"; failed=1
fi

# 3. deploy/Dockerfile: its render line, with its arguments.
args="$(sed -n '/render-nginx-conf \/etc/,/^[^ ]/p' "$root/deploy/Dockerfile" |
  grep -oE '[A-Z_]+=[^ \\]+' || true)"
if [[ -z $args ]]; then
  echo "FAIL: no render-nginx-conf line with NAME=value arguments in deploy/Dockerfile"; exit 1
fi
d="$tmp/image"; mkdir -p "$d/tmp" "$d/web"
mapfile -t pairs < <(echo "$args" | sed -e "s|^PREFIX=.*|PREFIX=$d|" -e "s|^LOG_DIR=.*|LOG_DIR=$d|" \
  -e "s|^WEB_ROOT=.*|WEB_ROOT=$d/web|")
sh "$root/deploy/render-nginx-conf.sh" "$root/deploy/nginx.conf" "$d/nginx.conf" "${pairs[@]}" ||
  { echo "FAIL: the Dockerfile's rendering"; exit 1; }
grep -q '^user ' "$d/nginx.conf" && { echo "FAIL: the image's rendering keeps a user line"; failed=1; }
printf '127.0.0.1 localhost nominations reports notifications\n' >"$d/hosts"
check "deploy/Dockerfile (${pairs[*]})" "$d" \
  unshare -m sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$d/hosts"

# A placeholder without a value is refused, naming it.
if sh "$root/deploy/render-nginx-conf.sh" "$root/deploy/nginx.conf" "$tmp/partial.conf" \
     PREFIX=/x 2>"$tmp/partial.err"; then
  echo "FAIL: a rendering with placeholders left was accepted"; failed=1
elif ! grep -q '@[A-Z_]*@ has no value' "$tmp/partial.err"; then
  echo "FAIL: the refusal does not name the placeholder: $(cat "$tmp/partial.err")"; failed=1
else
  echo "ok: a placeholder without a value is refused"
fi
exit "$failed"
