#!/usr/bin/env bash
# Sets up what `./run` and `./test` need on a fresh machine: on Debian/Ubuntu the system
# libraries Qt and the tests use (when missing), a virtual environment in .venv, and the project
# installed in it (re-installed when pyproject.toml changes).
# usage: scripts/bootstrap.sh app|test
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-app}"

# Qt's xcb platform plugin (a real window, or Xvfb in tests) and the PDF/screen tools of the tests.
app_packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0)
# postgresql: the registry's tests run the national-service database (PostgreSQL 15) themselves.
test_packages=(xvfb poppler-utils postgresql)

# A fresh machine often runs its own apt-get at start: wait for the dpkg and list locks
# rather than fail (apt's lock timeout, and a retry for the list lock `update` takes).
apt_get() {
  local tries=0
  until $sudo apt-get -o DPkg::Lock::Timeout=600 "$@"; do
    tries=$((tries + 1))
    [ "$tries" -ge 30 ] && return 1
    echo "bootstrap: apt-get is busy or failed; trying again in 10 s" >&2
    sleep 10
  done
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "bootstrap: please install: ${missing[*]}" >&2; return 0; fi
  fi
  echo "bootstrap: installing system packages: ${missing[*]}" >&2
  apt_get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

if [ "$purpose" = test ]; then
  install_system_packages "${app_packages[@]}" "${test_packages[@]}"
else
  install_system_packages "${app_packages[@]}"
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "bootstrap: Python 3.11 or newer is needed (found $("$python" --version 2>&1))" >&2; exit 1; }
  "$python" -m venv .venv
fi
extras=""
[ "$purpose" = test ] && extras="[dev]"
base=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
stamp="${base}${extras:+-dev}"
# The app runs on either install; the tests need the dev extras.
if [ ! -f "$stamp" ] && ! { [ "$purpose" = app ] && [ -f "${base}-dev" ]; }; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
