#!/usr/bin/env bash
# The desktop entry and the AppStream metadata as the freedesktop tools judge them.
# Usage: validate_metadata.sh desktop FILE | appstream FILE
set -euo pipefail
kind=$1
file=$2
case "$kind" in
  desktop) tool=desktop-file-validate; command=(desktop-file-validate "$file") ;;
  appstream) tool=appstreamcli; command=(appstreamcli validate --no-net --pedantic "$file") ;;
  *) echo "unknown kind $kind"; exit 2 ;;
esac
command -v "$tool" >/dev/null ||
  { echo "SKIP: $tool is not installed (scripts/install-deps.sh installs it)"; exit 77; }
output=$("${command[@]}" 2>&1) || { echo "$output"; echo "FAIL: $tool"; exit 1; }
echo "$output"
# desktop-file-validate exits 0 on hints too; anything it prints is worth failing on.
if [ "$kind" = desktop ] && [ -n "$output" ]; then echo "FAIL: $tool has remarks"; exit 1; fi
echo "PASS: $file"
