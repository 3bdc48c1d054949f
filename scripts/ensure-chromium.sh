#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the dashboard's browser tests and prints its path as the LAST
# line on stdout (everything else goes to stderr). Idempotent and safe to run concurrently (a lock file
# serialises runs); runs `apt-get update` at most once per run, and only when the package must be installed.
# Playwright's own browser download is never used: the machines reach package registries only.
set -euo pipefail

log() { echo "ensure-chromium: $*" >&2; }

find_chromium() {
  local candidate
  for candidate in "${TRELLIS_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

lock="${TMPDIR:-/tmp}/trellis-ensure-chromium.lock"
exec 9>"$lock"
flock 9

# Another run may have installed it while this one waited for the lock.
if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
else
  sudo_cmd=""
fi

log "installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq >&2
$sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

log "chromium is still missing after apt-get install"
exit 1
