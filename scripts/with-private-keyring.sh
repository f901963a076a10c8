#!/usr/bin/env bash
# Runs a command against a real Secret Service of its own: a private D-Bus session with
# gnome-keyring, unlocked with a throwaway password, in a throwaway HOME. Tests use it so they
# never touch the user's keyring; the demo uses it on a machine without a desktop session.
set -euo pipefail

if [ -z "${MOIM_KEYRING_SESSION:-}" ]; then
  export MOIM_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

home=$(mktemp -d)
cleanup() {
  # Never `kill 0`: an empty PID would take down the caller's whole process group.
  if [ -n "${GNOME_KEYRING_PID:-}" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
  rm -rf "$home"
}
trap cleanup EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"

# The unlock password is handed explicitly: a background command would get /dev/null as input.
keyring_env=$(printf 'moim-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)
eval "$keyring_env"
export GNOME_KEYRING_CONTROL

# The login collection appears a moment after the daemon; a write before it waits on a prompt
# that never comes.
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.secrets \
      /org/freedesktop/secrets/aliases/default org.freedesktop.DBus.Properties.Get \
      string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'; then
    break
  fi
  sleep 0.1
done
# The daemon to stop at the end is the one serving this bus, not the newest of this user's
# (tests running side by side each have their own).
if [ -z "${GNOME_KEYRING_PID:-}" ]; then
  GNOME_KEYRING_PID=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus \
      /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
      string:org.freedesktop.secrets 2>/dev/null | awk '/uint32/ { print $2 }' || true)
fi

"$@"
