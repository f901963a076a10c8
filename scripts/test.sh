#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with a summary.
# Extra arguments go to ctest, e.g. `scripts/test.sh -L unit` or `-R test_local_cache`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${MOIM_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

cd "$build"
# Tests run headless: widgets offscreen, each keychain test in its own private D-Bus session.
export QT_QPA_PLATFORM=offscreen
unset DBUS_SESSION_BUS_ADDRESS
ctest --output-on-failure --timeout 300 "$@"
