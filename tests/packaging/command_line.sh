#!/bin/sh
# `moim --help` and `moim --version` answer in a plain terminal: no display, no Qt platform
# chosen, nothing but a PATH. Usage: command_line.sh <moim binary> <version>
set -u
moim=$1
version=$2
failed=0

check() {
    description=$1
    expected=$2
    shift 2
    output=$(env -i PATH=/usr/bin:/bin HOME="${TMPDIR:-/tmp}" "$@" 2>&1)
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "FAIL: $description exited with $status: $output"
        failed=1
    elif ! printf '%s\n' "$output" | grep -qF -- "$expected"; then
        echo "FAIL: $description printed no '$expected': $output"
        failed=1
    else
        echo "PASS: $description"
    fi
}

check "--help without a display" "--server <URL>" "$moim" --help
check "-h without a display" "Usage:" "$moim" -h
check "--version without a display" "moim $version" "$moim" --version
check "-v without a display" "$version" "$moim" -v
exit $failed
