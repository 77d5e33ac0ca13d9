#!/bin/sh
# Install the Debian packages named on the command line that are not installed
# yet. An argument PKG:CMD is also satisfied when the command CMD is on PATH
# (Node.js and npm may come from elsewhere, e.g. a bundled npm that conflicts
# with Debian's package). apt-get update runs once, and only when something is
# missing.
set -eu
missing=""
for arg in "$@"; do
  p=${arg%%:*}
  cmd=""
  [ "$p" != "$arg" ] && cmd=${arg#*:}
  [ -n "$cmd" ] && command -v "$cmd" >/dev/null 2>&1 && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" != 0 ]; then
  echo "deps: not root; run as root or install:$missing" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
