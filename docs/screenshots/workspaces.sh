#!/usr/bin/env bash
# Retakes the workspace screenshots (docs/screenshots/workspace-*.png) under Xvfb with openbox:
# a SEV-1 modelled on the Fastly outage of 2021-06-08, told through commandpost-cli, then the
# window switched with Alt+1 … Alt+4 at 1280×720 and 1366×768.
#   docs/screenshots/workspaces.sh [BUILD_DIR]   (needs xvfb, openbox, xdotool, imagemagick)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/dev}
. "$here/fastly-incident.sh"

for size in 1280x720 1366x768; do
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        openbox & sleep 1
        "$0" --db "$1" & app=$!
        for i in $(seq 50); do wid=$(xdotool search --name "CommandPost" 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.2; done
        sleep 2
        xdotool windowactivate --sync "$wid"
        n=1
        for ws in scribe deputy ic liaison; do
            xdotool key alt+$n; n=$((n+1)); sleep 1.5
            import -window root "$2/workspace-$ws-$3.png"
        done
        kill $app; wait $app 2>/dev/null || true
    ' "$gui" "$db" "$here" "$size"
done
echo "screenshots in $here"
