#!/bin/sh
# Runs a test against a real Secret Service, the desktop keyring qtkeychain talks to: a private
# D-Bus session with gnome-keyring-daemon's secrets component, whose login keyring is made and
# unlocked with a throwaway password, in a throwaway HOME (the keyring's files live there).
#   run_with_keyring.sh TEST [ARGS...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run_with_keyring: $tool is missing (./dev installs it)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/run"
export CP_REQUIRE_KEYRING=1
dbus-run-session -- sh -c '
    printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    "$@"' run_with_keyring "$@"
