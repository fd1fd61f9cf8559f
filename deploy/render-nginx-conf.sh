#!/bin/sh
# Renders deploy/nginx.conf, the edge's template, into a file nginx can run. The one
# renderer: scripts/run-local.sh (through scripts/lib.sh), the edge image (deploy/edge-start.sh)
# and the tests all call it, so what is tested is what runs.
#
#   render-nginx-conf.sh <template> <output> NAME=value...
#
# Each NAME=value replaces @NAME@: where things are (PREFIX, LOG_DIR, LISTEN, WEB_ROOT,
# NOMINATIONS, REPORTS, NOTIFICATIONS, USER, TLS_LISTEN). Without USER the `user` line goes:
# a master that is not root cannot switch users (the image runs nginx as www-data).
# The edge's settings come from the environment (README "Edge: limits, headers, TLS"):
#   THIDUA_EDGE_TLS_CERT, THIDUA_EDGE_TLS_KEY  PEM files (absolute paths), both or neither;
#       with both, TLS is on: HTTPS on TLS_LISTEN, plain HTTP on LISTEN only redirects
#   THIDUA_EDGE_HTTPS_PORT  the port the redirect names (default: TLS_LISTEN's; a proxy or a
#       port mapping in front may publish another, e.g. 443)
#   THIDUA_EDGE_TRUSTED_PROXIES  addresses or CIDR ranges, separated by commas or blanks, of
#       the proxies whose X-Forwarded-For names the client (default: none, header ignored)
# They select the template's `#@if NAME` ... `#@endif NAME` blocks (TLS, PLAIN, REAL_IP).
# Comment lines are dropped from the output: they document the placeholders and would
# otherwise keep their names.
# Exit 1, naming it, when a placeholder is left, a value holds a character sed would read,
# or a setting is malformed; nothing is written then.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 <template> <output> NAME=value..." >&2; exit 2; }
template=$1 out=$2
shift 2
fail() { echo "render-nginx-conf: $*" >&2; exit 1; }

script=''
has_user=no
tls_listen=''
for pair in "$@"; do
  name=${pair%%=*} value=${pair#*=}
  case $name in
    *[!A-Z_]* | "") fail "not NAME=value: $pair" ;;
  esac
  case $value in
    *"|"* | *"&"* | *\\*) fail "$name holds |, & or \\" ;;
  esac
  [ "$name" = USER ] && has_user=yes
  [ "$name" = TLS_LISTEN ] && tls_listen=$value
  script="$script
s|@$name@|$value|g"
done

# A block whose setting is off goes, markers and all; one that is on keeps its lines (the
# markers are comments, dropped below). Before the comment rule: sed must see the markers.
blocks=''
drop() { blocks="$blocks
/^[[:space:]]*#@if $1\$/,/^[[:space:]]*#@endif $1\$/d"; }

cert=${THIDUA_EDGE_TLS_CERT:-} key=${THIDUA_EDGE_TLS_KEY:-}
if [ -n "$cert$key" ]; then
  if [ -z "$cert" ] || [ -z "$key" ]; then
    fail "THIDUA_EDGE_TLS_CERT and THIDUA_EDGE_TLS_KEY go together: set both for TLS, or neither"
  fi
  for path in "$cert" "$key"; do
    case $path in
      /*) ;;
      *) fail "the certificate and the key need absolute paths: $path" ;;
    esac
    case $path in
      *[!A-Za-z0-9/._+-]*) fail "only letters, digits and / . _ + - in the TLS paths: $path" ;;
    esac
  done
  [ -n "$tls_listen" ] || fail "TLS is on (THIDUA_EDGE_TLS_CERT) but TLS_LISTEN has no value"
  https_port=${THIDUA_EDGE_HTTPS_PORT:-${tls_listen##*:}}
  case $https_port in
    "" | *[!0-9]* | ??????*) fail "THIDUA_EDGE_HTTPS_PORT is not a port: $https_port" ;;
  esac
  if [ "$https_port" -lt 1 ] || [ "$https_port" -gt 65535 ]; then
    fail "THIDUA_EDGE_HTTPS_PORT is not a port: $https_port"
  fi
  suffix=":$https_port"
  [ "$https_port" = 443 ] && suffix=''
  script="$script
s|@TLS_CERT@|$cert|g
s|@TLS_KEY@|$key|g
s|@HTTPS_PORT@|$suffix|g"
  drop PLAIN
else
  drop TLS
fi

# One set_real_ip_from line per trusted proxy.
from=''
for proxy in $(echo "${THIDUA_EDGE_TRUSTED_PROXIES:-}" | tr ',' ' '); do
  case $proxy in
    *[!0-9A-Fa-f.:/]*) fail "THIDUA_EDGE_TRUSTED_PROXIES: not an address or a CIDR range: $proxy" ;;
  esac
  if [ -z "$from" ]; then
    from=$proxy
  else
    from="$from;\\
  set_real_ip_from $proxy"
  fi
done
if [ -n "$from" ]; then
  script="$script
s|@REAL_IP_FROM@|$from|g"
else
  drop REAL_IP
fi

[ $has_user = yes ] || script="$script
/^user @USER@;\$/d"
sed -e "$blocks
/^[[:space:]]*#/d
$script" "$template" >"$out.tmp"
left=$(grep -o '@[A-Z_]*@' "$out.tmp" | head -n 1 || true)
if [ -n "$left" ]; then
  rm -f "$out.tmp"
  fail "$left has no value in $out"
fi
mv "$out.tmp" "$out"
