#!/bin/sh
# Renders deploy/nginx.conf, the edge's template, into a file nginx can run. The one
# renderer: scripts/run-local.sh (through scripts/lib.sh), the Docker image (deploy/Dockerfile)
# and the tests all call it, so what is tested is what runs.
#
#   render-nginx-conf.sh <template> <output> NAME=value...
#
# Each NAME=value replaces @NAME@ (PREFIX, LOG_DIR, LISTEN, WEB_ROOT, NOMINATIONS, REPORTS,
# NOTIFICATIONS, USER). Without USER the `user` line goes: a master that is not root cannot
# switch users (the image runs nginx as www-data). Comment lines are dropped from the output:
# they document the placeholders and would otherwise keep their names.
# Exit 1, naming it, when a placeholder is left or a value holds a character sed would read.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 <template> <output> NAME=value..." >&2; exit 2; }
template=$1 out=$2
shift 2
script='/^[[:space:]]*#/d'
has_user=no
for pair in "$@"; do
  name=${pair%%=*} value=${pair#*=}
  case $name in
    *[!A-Z_]* | "") echo "render-nginx-conf: not NAME=value: $pair" >&2; exit 1 ;;
  esac
  case $value in
    *"|"* | *"&"* | *\\*) echo "render-nginx-conf: $name holds |, & or \\" >&2; exit 1 ;;
  esac
  [ "$name" = USER ] && has_user=yes
  script="$script
s|@$name@|$value|g"
done
[ $has_user = yes ] || script="$script
/^user @USER@;\$/d"
sed -e "$script" "$template" >"$out.tmp"
left=$(grep -o '@[A-Z_]*@' "$out.tmp" | head -n 1 || true)
if [ -n "$left" ]; then
  rm -f "$out.tmp"
  echo "render-nginx-conf: $left has no value in $out" >&2
  exit 1
fi
mv "$out.tmp" "$out"
