#!/usr/bin/env bash
# Runs a command on a private D-Bus session bus that can start no services: only what the test
# itself registers exists there (no notification daemon, no keychain of the machine's).
set -euo pipefail
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat >"$config" <<'XML'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
XML
dbus-run-session --config-file="$config" -- "$@"
