#!/usr/bin/env bash
# Installs what is missing, builds, starts the mock server with demo data and opens Moim signed
# out. Closing Moim stops the demo server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${MOIM_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

data=$(mktemp -d "${TMPDIR:-/tmp}/moim-demo.XXXXXX")
profile="demo"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT INT TERM

# Port 0: the server picks a free port, so a second demo or a busy 8765 never collides.
"$build/server/moim-mock-server" --listen 127.0.0.1:0 --data "$data" --demo >"$data/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^Listening on \(http[^ ]*\).*/\1/p' "$data/server.log" | head -n 1)
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$data/server.log"; exit 1; fi
  sleep 0.1
done
[ -n "$url" ] || { echo "The demo server did not start:"; cat "$data/server.log"; exit 1; }
sleep 0.2
grep -v -e '^Listening on' -e '^moim\.' "$data/server.log" || true
echo
echo "Moim demo server: $url"
echo "Opening Moim (profile '$profile'); quit Moim (close its window, or Quit in the tray menu) to stop the demo."

moim=("$build/app/moim" --server "$url" --profile "$profile" "$@")
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  # No desktop session (a server, xvfb-run): give Moim a keychain of its own for the demo.
  "$root/scripts/with-private-keyring.sh" "${moim[@]}"
else
  "${moim[@]}"
fi
