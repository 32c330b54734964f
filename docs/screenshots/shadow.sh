#!/usr/bin/env bash
# Retakes the shadow view's screenshots under Xvfb with openbox: the incident of
# fastly-incident.sh followed by `commandpost --follow`, full screen (F11) at 1920×1080
# (docs/screenshots/shadow.png), 1366×768 and 1280×720 (shadow-1366x768.png, shadow-1280x720.png).
#   docs/screenshots/shadow.sh [BUILD_DIR [OUT_DIR]]   (needs xvfb, openbox, xdotool, imagemagick)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/dev}
out=${2:-$here}
. "$here/fastly-incident.sh"

for size in 1920x1080 1366x768 1280x720; do
    name=shadow-$size.png
    [ "$size" = 1920x1080 ] && name=shadow.png
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        openbox & sleep 1
        "$0" --follow --db "$1" & app=$!
        for i in $(seq 50); do wid=$(xdotool search --name "shadow view" 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.2; done
        sleep 2
        xdotool windowactivate --sync "$wid"
        xdotool key F11; sleep 2
        import -window root "$2"
        kill $app; wait $app 2>/dev/null || true
    ' "$gui" "$db" "$out/$name"
done
echo "screenshots in $out"
