#!/usr/bin/env bash
# Retakes the screenshots of the link to the team server (docs/screenshots/link-*.png) under Xvfb
# with openbox at 1280×720: the Fastly incident on a PostgreSQL cluster of this script's own,
# connected; the server killed (pg_ctl stop -m immediate) and the Scribe logging on — reconnecting,
# the entries pending; a minute later, offline; the server back, connected and the entries sent.
# Then the window restarted while the server is down: it opens at once on the incident it last
# showed, connecting, a line kept pending; the server started, connected and the docks filled.
#   docs/screenshots/offline.sh [BUILD_DIR]
#   (as root or a user; needs postgresql-15, xvfb, openbox, xdotool, imagemagick)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/dev}
. "$here/fastly-incident.sh"

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cluster=$work/cluster
port=$((20000 + $$ % 20000))
mkdir -p "$cluster"
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$cluster"
as_owner "$bin/initdb" -D "$cluster/data" -U cp -A trust --no-sync >/dev/null
# pg_ctl for this cluster, as a script: the X session below runs it too.
pgctl=$work/pgctl
cat >"$pgctl" <<SCRIPT
#!/bin/sh
if [ "\$(id -u)" = 0 ]; then owner="runuser -u postgres --"; else owner=; fi
exec \$owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w -o "-p $port -k $cluster -c listen_addresses=127.0.0.1" "\$@" >/dev/null
SCRIPT
chmod 755 "$pgctl"
"$pgctl" start
trap '"$pgctl" stop -m immediate || true; rm -rf "$work"' EXIT
server="host=127.0.0.1 port=$port user=cp dbname=postgres"
"$cli" --server "$server" server init >/dev/null
"$cli" --db "$db" export --incident "$id" --format json >"$work/fastly.json"
"$cli" --server "$server" import "$work/fastly.json" >/dev/null

xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
    openbox & sleep 1
    "$0" --server "$2" & app=$!
    for i in $(seq 50); do wid=$(xdotool search --name "CommandPost" 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.2; done
    sleep 3
    xdotool windowactivate --sync "$wid"
    import -window root "$1/link-connected.png"
    "$3" stop -m immediate
    sleep 2
    xdotool key ctrl+l; xdotool type --delay 5 "s: Rollback reached Europe, 503s down to 12%"; xdotool key Return; sleep 1
    xdotool type --delay 5 "Edge SME confirms the config push is reverted on all POPs"; xdotool key Return; sleep 1
    import -window root "$1/link-reconnecting.png"
    sleep 62
    xdotool type --delay 5 "d: keep the purge API frozen until the fix is verified"; xdotool key Return; sleep 1
    import -window root "$1/link-offline.png"
    "$3" start
    sleep 33
    import -window root "$1/link-reconnected.png"
    kill $app; wait $app 2>/dev/null || true
    "$3" stop -m immediate
    "$0" --server "$2" & app=$!
    for i in $(seq 50); do wid=$(xdotool search --name "CommandPost" 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.2; done
    sleep 3
    xdotool windowactivate --sync "$wid"
    xdotool key ctrl+l; xdotool type --delay 5 "Bridge moved to the backup line while the team server restarts"; xdotool key Return; sleep 1
    import -window root "$1/link-start-offline.png"
    "$3" start
    sleep 9
    import -window root "$1/link-start-connected.png"
    kill $app; wait $app 2>/dev/null || true
' "$gui" "$here" "$server" "$pgctl"
echo "screenshots in $here"
