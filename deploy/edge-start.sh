#!/bin/sh
# The edge image's command (deploy/Dockerfile --target edge): renders deploy/nginx.conf at
# every start, so the settings in the environment (THIDUA_EDGE_TLS_CERT, THIDUA_EDGE_TLS_KEY,
# THIDUA_EDGE_HTTPS_PORT, THIDUA_EDGE_TRUSTED_PROXIES; README "Edge: limits, headers, TLS")
# take effect without a new image, then runs nginx in the foreground as the image's user.
# Everything it writes is under /var/cache/thidua-nginx (a volume where the root filesystem
# is read-only). tests/deploy/nginx_conf_test.sh reads the NAME=value arguments below.
set -eu
prefix=/var/cache/thidua-nginx
mkdir -p "$prefix/tmp"
render-nginx-conf /etc/thidua/nginx.conf.template "$prefix/nginx.conf" \
  PREFIX=/var/cache/thidua-nginx LOG_DIR=/var/log/thidua LISTEN=8080 TLS_LISTEN=8443 \
  WEB_ROOT=/srv/thidua/web NOMINATIONS=nominations:8081 REPORTS=reports:8082 \
  NOTIFICATIONS=notifications:8083
exec nginx -p "$prefix/" -c "$prefix/nginx.conf" -e stderr
