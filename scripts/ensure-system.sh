#!/usr/bin/env bash
# The tests need two programs npm cannot install: Debian's Chromium (browser tests, stories; browsers cannot be
# downloaded here) and redis-server (the Redis store tests). Installs what is missing when it can (root with
# apt-get), otherwise says what to install and fails, rather than letting tests fail obscurely later.
set -euo pipefail
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v "${REDIS_SERVER:-redis-server}" >/dev/null || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "agora-auth: installing ${need[*]} from Debian (needed by the tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "agora-auth: the tests need ${need[*]}: install them (Debian: sudo apt-get install ${need[*]})," >&2
  echo "or point CHROMIUM_PATH / REDIS_SERVER at your own." >&2
  exit 1
fi
