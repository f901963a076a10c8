#!/usr/bin/env bash
# Configures (once) and builds Moim with Ninja into ./build. Incremental after the first run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${MOIM_BUILD_DIR:-$root/build}"
type="${MOIM_BUILD_TYPE:-RelWithDebInfo}"

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DBUILD_TESTING=ON >/dev/null
fi
cmake --build "$build" -- -j"$(nproc)"
