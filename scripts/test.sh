#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with a summary.
# Extra arguments go to ctest, e.g. `scripts/test.sh -L unit` or `-R test_local_cache`.
# `scripts/test.sh --sanitize [ctest arguments]` builds a second tree, ./build-sanitize, with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the suite there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=1
  shift
  export MOIM_SANITIZE=1
  export MOIM_BUILD_DIR="${MOIM_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
fi
build="${MOIM_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

cd "$build"
# Tests run headless: widgets offscreen, each keychain test in its own private D-Bus session.
export QT_QPA_PLATFORM=offscreen
unset DBUS_SESSION_BUS_ADDRESS

if [ "$sanitize" = 0 ]; then
  exec ctest --output-on-failure --timeout 300 "$@"
fi

# Every process of the suite writes its sanitizer report to a file of its own here, also the
# servers and helper programs that tests start and whose output no one reads: the run fails
# when any report was written, whichever process found it.
reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
suppressions="$root/tests/sanitizers/lsan.supp"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$reports/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$reports/ubsan"
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"

# Without arguments, the whole suite except the packaging checks: they look at .debs, which are
# never built from a sanitized tree. (The fuzz targets, sanitized already, are not built here.)
if [ "$#" -eq 0 ]; then
  set -- -LE '^packaging$'
fi
status=0
ctest --output-on-failure --timeout 600 "$@" || status=$?
if compgen -G "$reports/*" >/dev/null; then
  for report in "$reports"/*; do
    echo "==== $(basename "$report")"
    cat "$report"
  done
  echo "Sanitizer reports: $(ls "$reports" | wc -l) (above; also in $reports)"
  [ "$status" != 0 ] || status=1
fi
exit "$status"
