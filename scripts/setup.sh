#!/usr/bin/env bash
# Installs every Debian 12 package thidua needs to build, test, fuzz, lint, run locally and
# benchmark, the browser test's npm package (playwright-core, into tests/browser/node_modules)
# and the manifests test's (kubernetes-models and yaml, into tests/deploy/node_modules).
# Idempotent: when all packages are already installed it does not touch apt at all.
#
# On a machine with systemd, installing redis-server, nginx-light and prometheus starts their
# system units (Redis on 127.0.0.1:6379, nginx on port 80, Prometheus on 9090). thidua runs
# its own Redis and nginx from scripts/run-local.sh and needs only promtool from the last, so
# the units this script has just installed are stopped and disabled again. Units that were
# installed before are left alone.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libboost-dev libcpprest-dev libhiredis-dev nlohmann-json3-dev libspdlog-dev prometheus-cpp-dev
  libicu-dev libssl-dev libgtest-dev libyaml-cpp-dev libvalijson-dev
  # the services' malloc (libs/service/allocator.hpp)
  libmimalloc-dev
  # libs/docs: DOCX (libzip, pugixml); XLSX exports (libxlsxwriter); PDF by LibreOffice
  # headless with fonts metric-compatible with Times New Roman; the documents' tests read the
  # PDFs with poppler's tools, and the exports' tests open the workbooks with LibreOffice
  # Calc (tests only: the services never run Calc).
  libzip-dev libpugixml-dev libxlsxwriter-dev libreoffice-writer-nogui fonts-liberation fonts-liberation2
  libreoffice-calc-nogui
  poppler-utils
  redis-server nginx-light
  curl ca-certificates procps util-linux
  wrk faketime
  chromium
  # The fuzz targets (tests/fuzz/run.sh): clang, and libFuzzer with the sanitizer runtimes,
  # which clang's packages only recommend (not pulled with --no-install-recommends).
  clang libclang-rt-14-dev
  # scripts/lint.sh
  shellcheck clang-format python3-yaml
  # The contract tests run `promtool check metrics` on each service's /metrics; promtool comes
  # with the Prometheus server, whose unit is stopped like Redis's and nginx's (below).
  prometheus
)
# The browser test (tests/browser/) runs on Node.js: Debian's only when there is none.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
# The manifests test renders k8s/ with `kubectl kustomize`: Debian's kubectl only when there
# is none (another kubectl package would conflict with it).
command -v kubectl >/dev/null || packages+=(kubernetes-client)

installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

install_packages() {
  echo "setup: installing ${missing[*]}"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "setup: run as root (or install sudo)" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

  # Stop and disable the system units of the servers installed just now (see above).
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    local unit pkg
    for unit in redis-server nginx prometheus; do
      pkg=$unit
      [[ $unit == nginx ]] && pkg=nginx-light
      if [[ " ${missing[*]} " == *" $pkg "* ]]; then
        "${sudo[@]}" systemctl disable --now "$unit" >/dev/null 2>&1 || true
        echo "setup: stopped and disabled the system unit $unit (not needed running)"
      fi
    done
  fi

  local p
  for p in "${packages[@]}"; do
    installed "$p" || { echo "setup: $p is still not installed" >&2; exit 1; }
  done
}

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages are installed"
else
  install_packages
fi

# The browser tests' npm packages, from tests/browser/package.json (no lock file is written:
# tests/browser/.npmrc). Only when one is missing, so a normal run stays offline.
browser_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/browser"
if [[ ! -d $browser_dir/node_modules/playwright-core || ! -d $browser_dir/node_modules/axe-core ]]; then
  echo "setup: npm install in tests/browser (playwright-core, axe-core)"
  npm install --no-audit --no-fund --prefix "$browser_dir"
fi
# The manifests test's npm packages (kubernetes-models for the schemas, yaml), likewise.
deploy_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/deploy"
if [[ ! -d $deploy_dir/node_modules/kubernetes-models || ! -d $deploy_dir/node_modules/yaml ]]; then
  echo "setup: npm install in tests/deploy (kubernetes-models, yaml)"
  npm install --no-audit --no-fund --prefix "$deploy_dir"
fi
echo "setup: done"
