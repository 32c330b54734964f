#!/bin/sh
# Runs atspi_walk.py with a real assistive-technology stack: a private D-Bus session (its
# at-spi2-core bus and registry start on demand inside it) and a virtual X server. Qt's AT-SPI
# bridge only exists on a real windowing platform: the offscreen platform used by the other UI
# tests has no accessibility bridge, so this one runs on xcb under Xvfb, with openbox giving the
# windows the keyboard focus.
#   run_atspi_walk.sh COMMANDPOST COMMANDPOST-CLI
set -eu
here=$(dirname "$0")
for tool in dbus-run-session xvfb-run openbox /usr/bin/python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run_atspi_walk: $tool is missing (./dev installs it)" >&2; exit 1; }
done
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || { echo "run_atspi_walk: python3-pyatspi is missing (./dev installs it)" >&2; exit 1; }
[ -x /usr/libexec/at-spi-bus-launcher ] || { echo "run_atspi_walk: at-spi2-core is missing (./dev installs it)" >&2; exit 1; }
unset QT_QPA_PLATFORM DISPLAY WAYLAND_DISPLAY
# The X server first: the D-Bus session (and the AT-SPI registry it starts) must know DISPLAY to
# deliver the Tab presses the walk generates.
exec xvfb-run -a -s "-screen 0 1280x720x24" dbus-run-session -- \
    /usr/bin/python3 "$here/atspi_walk.py" --app "$1" --cli "$2"
