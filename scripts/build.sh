#!/usr/bin/env bash
# Configures (once) and builds Moim with Ninja into ./build. Incremental after the first run.
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
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DBUILD_TESTING=ON \
    "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -- -j"$(nproc)"
