#!/usr/bin/env bash
# Explores every fuzz target (or those named) with fresh random seeds: `scripts/fuzz.sh [seconds]
# [target…]`, 60 seconds each by default. The suite fuzzes from a fixed seed to stay repeatable;
# this is where new findings come from. A finding is written to build/fuzz-crashes; once fixed,
# copy it into tests/fuzz/corpus/<target>/ under a name that says what it is, beside a unit test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${MOIM_BUILD_DIR:-$root/build}"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(links otpauth_uri server_json message_text search)
fi

"$root/scripts/build.sh"
status=0
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "fuzz_$target is not built (clang with libFuzzer is needed: scripts/install-deps.sh)" >&2
    exit 1
  fi
  work="$build/fuzz-corpus/$target"
  mkdir -p "$work" "$build/fuzz-crashes"
  echo "== fuzz_$target for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz-crashes/" \
      "$work" "$root/tests/fuzz/corpus/$target" 2>"$build/fuzz-crashes/fuzz_$target.log"; then
    echo "fuzz_$target found something: see $build/fuzz-crashes/ and fuzz_$target.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units' "$build/fuzz-crashes/fuzz_$target.log" || true
  fi
done
exit "$status"
