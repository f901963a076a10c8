#!/usr/bin/env bash
# Configures (once) and builds Moim with Ninja into ./build. Incremental after the first run.
# MOIM_WERROR=1 makes warnings errors and MOIM_SANITIZE=1 builds with AddressSanitizer and
# UndefinedBehaviorSanitizer (applied to an already configured folder too).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${MOIM_BUILD_DIR:-$root/build}"
type="${MOIM_BUILD_TYPE:-RelWithDebInfo}"

# ccache keeps rebuilds of a fresh clone short; paths under the parent folder are hashed as
# relative ones and the build folder is left out of the hash, so clones side by side share the
# cache (their debug information may then name the folder that filled it).
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$root")}"
  export CCACHE_NOHASHDIR=1
fi

on_off() { case "$1" in 1|ON|on|yes|true) echo ON ;; *) echo OFF ;; esac; }
options=()
reconfigure=0
for option in MOIM_SANITIZE; do
  if [ -n "${!option:-}" ]; then
    value=$(on_off "${!option}")
    options+=("-D$option=$value")
    if ! grep -qx "$option:BOOL=$value" "$build/CMakeCache.txt" 2>/dev/null; then reconfigure=1; fi
  fi
done

if [ ! -f "$build/build.ninja" ] || [ "$reconfigure" = 1 ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DBUILD_TESTING=ON \
    "${launcher[@]}" "${options[@]}" >/dev/null
fi
if [ "$(on_off "${MOIM_WERROR:-}")" != ON ]; then
  exec cmake --build "$build" -- -j"$(nproc)"
fi
# Warnings fail the build. They are judged on the compiler's output rather than with -Werror, so
# the objects ccache keeps for the usual build serve this one too (ccache replays the warnings of
# what it serves); configure with -DMOIM_WERROR=ON for the compiler flag itself.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cmake --build "$build" -- -j"$(nproc)" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || exit "$status"
if grep -q "warning:" "$log"; then
  echo "build: warnings are errors here; fix these:" >&2
  grep "warning:" "$log" >&2
  exit 1
fi
