#!/usr/bin/env bash
# The edge's config, rendered exactly as it is deployed, passes `nginx -t`:
#   1. as scripts/run-local.sh renders it when run by root (a `user` line for the workers);
#   2. the same when run by a user who is not root (the `user` line goes);
#   3. as the edge image renders it at start (deploy/edge-start.sh): the arguments are read
#      from that script's render line. Only the three file-system paths (PREFIX, LOG_DIR,
#      WEB_ROOT) are moved into a temporary directory; the service host names (nominations,
#      reports, notifications) resolve to 127.0.0.1 through a private /etc/hosts in a mount
#      namespace;
#   4. with every combination of the edge's settings: TLS off and on (a certificate made here),
#      trusted proxies unset and set, as run-local renders it and as the image does;
# and a malformed setting is refused, naming it, with nothing written.
# Each failure names the case. Needs nginx and openssl (and, for 2 and 3, root: runuser and
# unshare).
# $ in single quotes is meant: nginx's variables, and inner shells' arguments.
# shellcheck disable=SC2016
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
failed=0
# shellcheck source=scripts/lib.sh
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
  echo "skipped: the renderings 2–4 need root (runuser, unshare)"
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

# 3. The edge image: deploy/edge-start.sh's render line, with its arguments, under the
# image's environment (no THIDUA_EDGE_* setting: TLS off, no proxy).
image_pairs() {  # <dir>: the script's NAME=value pairs, paths moved under <dir>
  sed -n '/^render-nginx-conf /,/^[^ ]/p' "$root/deploy/edge-start.sh" |
    grep -oE '[A-Z_]+=[^ \\]+' |
    sed -e "s|^PREFIX=.*|PREFIX=$1|" -e "s|^LOG_DIR=.*|LOG_DIR=$1|" -e "s|^WEB_ROOT=.*|WEB_ROOT=$1/web|"
}
if [[ -z "$(image_pairs /x)" ]]; then
  echo "FAIL: no render-nginx-conf line with NAME=value arguments in deploy/edge-start.sh"; exit 1
fi
check_image() {  # <case> <dir> [VAR=value...]: render as the image does, then nginx -t
  local name="$1" d="$2" pairs
  shift 2
  mkdir -p "$d/tmp" "$d/web"
  mapfile -t pairs < <(image_pairs "$d")
  if ! env -u THIDUA_EDGE_TLS_CERT -u THIDUA_EDGE_TLS_KEY -u THIDUA_EDGE_HTTPS_PORT \
      -u THIDUA_EDGE_TRUSTED_PROXIES "$@" \
      sh "$root/deploy/render-nginx-conf.sh" "$root/deploy/nginx.conf" "$d/nginx.conf" "${pairs[@]}"; then
    echo "FAIL: $name: the rendering"; failed=1; return
  fi
  grep -q '^user ' "$d/nginx.conf" && { echo "FAIL: $name keeps a user line"; failed=1; }
  printf '127.0.0.1 localhost nominations reports notifications\n' >"$d/hosts"
  check "$name (${pairs[*]})" "$d" \
    unshare -m sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$d/hosts"
}
check_image "the edge image" "$tmp/image"

# 4. The edge's settings: TLS off/on x trusted proxies unset/set, each rendering checked
# for what the setting must change, then by nginx -t.
tls_dir="$tmp/tls"; mkdir -p "$tls_dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=thidua.example.edu.vn \
  -keyout "$tls_dir/key.pem" -out "$tls_dir/cert.pem" 2>/dev/null ||
  { echo "FAIL: openssl could not make a test certificate"; exit 1; }
chmod -R a+rX "$tls_dir"
proxies="127.0.0.1, 10.0.0.0/8 fd00::/8"
for tls in off on; do
  for proxy in unset set; do
    name="TLS $tls, trusted proxies $proxy"
    d="$tmp/settings-$tls-$proxy"; mkdir -p "$d/tmp"
    settings=(-u THIDUA_EDGE_TLS_CERT -u THIDUA_EDGE_TLS_KEY -u THIDUA_EDGE_HTTPS_PORT
      -u THIDUA_EDGE_TRUSTED_PROXIES)
    [[ $tls == off ]] || settings+=(THIDUA_EDGE_TLS_CERT="$tls_dir/cert.pem" THIDUA_EDGE_TLS_KEY="$tls_dir/key.pem")
    [[ $proxy == unset ]] || settings+=(THIDUA_EDGE_TRUSTED_PROXIES="$proxies")
    if ! env "${settings[@]}" bash -c 'source "$1/scripts/lib.sh"; shift; render_nginx_conf "$@"' _ \
        "$root" "$root/deploy/nginx.conf" "$d/nginx.conf" "$d" "$d" 127.0.0.1:8080 "$root/web" \
        127.0.0.1:8081 127.0.0.1:8082 127.0.0.1:8083 "$(id -un)" 127.0.0.1:8443; then
      echo "FAIL: $name: the rendering"; failed=1; continue
    fi
    conf="$d/nginx.conf"
    expect() {  # <count> <pattern> <what>
      local n
      n="$(grep -cE -- "$2" "$conf" || true)"
      [[ $n == "$1" ]] || { echo "FAIL: $name: $3 ($n lines match '$2', expected $1)"; failed=1; }
    }
    if [[ $tls == on ]]; then
      expect 1 '^ *listen 127\.0\.0\.1:8443 ssl' "HTTPS on the TLS address"
      expect 1 '^ *listen 127\.0\.0\.1:8080;' "plain HTTP kept for the redirect"
      expect 1 'return 308 https://\$host:8443\$request_uri;' "plain HTTP redirects to HTTPS"
      expect 1 "ssl_certificate +$tls_dir/cert.pem;" "the certificate's path"
      expect 1 "ssl_certificate_key +$tls_dir/key.pem;" "the key's path"
    else
      expect 0 'ssl|return 308' "nothing of TLS"
      expect 1 '^ *listen 127\.0\.0\.1:8080;' "plain HTTP"
    fi
    expect 1 'Strict-Transport-Security \$thidua_hsts always' "HSTS from the map on \$scheme"
    if [[ $proxy == set ]]; then
      expect 3 '^ *set_real_ip_from (127\.0\.0\.1|10\.0\.0\.0/8|fd00::/8);$' "one line per proxy"
      expect 1 '^ *real_ip_header X-Forwarded-For;' "the address from X-Forwarded-For"
    else
      expect 0 'real_ip' "X-Forwarded-For ignored"
    fi
    check "$name" "$d"
  done
done
check_image "the edge image, TLS on, trusted proxies set" "$tmp/image-tls" \
  THIDUA_EDGE_TLS_CERT="$tls_dir/cert.pem" THIDUA_EDGE_TLS_KEY="$tls_dir/key.pem" \
  THIDUA_EDGE_HTTPS_PORT=443 THIDUA_EDGE_TRUSTED_PROXIES="$proxies"
grep -q 'return 308 https://$host$request_uri;' "$tmp/image-tls/nginx.conf" ||
  { echo "FAIL: with THIDUA_EDGE_HTTPS_PORT=443 the redirect names no port"; failed=1; }

# A malformed setting is refused, naming it, and writes nothing.
refused() {  # <case> <expected words> VAR=value...
  local name="$1" words="$2"
  shift 2
  rm -f "$tmp/refused.conf"
  if env -u THIDUA_EDGE_TLS_CERT -u THIDUA_EDGE_TLS_KEY -u THIDUA_EDGE_HTTPS_PORT \
      -u THIDUA_EDGE_TRUSTED_PROXIES "$@" sh "$root/deploy/render-nginx-conf.sh" \
      "$root/deploy/nginx.conf" "$tmp/refused.conf" PREFIX=/x LOG_DIR=/x LISTEN=8080 \
      TLS_LISTEN=8443 WEB_ROOT=/x NOMINATIONS=a:1 REPORTS=b:2 NOTIFICATIONS=c:3 2>"$tmp/refused.err"; then
    echo "FAIL: refused: $name was accepted"; failed=1
  elif ! grep -qF -- "$words" "$tmp/refused.err" || [[ -e $tmp/refused.conf ]]; then
    echo "FAIL: refused: $name: said '$(cat "$tmp/refused.err")', expected '$words', nothing written"
    failed=1
  else
    echo "ok: refused: $name"
  fi
}
refused "a certificate without its key" "go together" THIDUA_EDGE_TLS_CERT="$tls_dir/cert.pem"
refused "a key without its certificate" "go together" THIDUA_EDGE_TLS_KEY="$tls_dir/key.pem"
refused "a relative certificate path" "absolute paths: cert.pem" THIDUA_EDGE_TLS_CERT=cert.pem \
  THIDUA_EDGE_TLS_KEY="$tls_dir/key.pem"
refused "a path that would add a directive" "only letters" \
  THIDUA_EDGE_TLS_CERT="/x/c.pem; include /etc/passwd" THIDUA_EDGE_TLS_KEY="$tls_dir/key.pem"
refused "an HTTPS port that is no port" "THIDUA_EDGE_HTTPS_PORT is not a port: 70000" \
  THIDUA_EDGE_TLS_CERT="$tls_dir/cert.pem" THIDUA_EDGE_TLS_KEY="$tls_dir/key.pem" \
  THIDUA_EDGE_HTTPS_PORT=70000
refused "a proxy that is no address" "not an address or a CIDR range: 10.0.0.1;allow" \
  THIDUA_EDGE_TRUSTED_PROXIES="127.0.0.1,10.0.0.1;allow"

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
