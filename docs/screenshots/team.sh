#!/usr/bin/env bash
# Retakes the team-server screenshots (docs/screenshots/connect-server*.png) under Xvfb with openbox
# at 1280×720: the Fastly incident's window (a file), File ▸ Connect to a team server…, first a
# wrong password (the dialog says why and stays open), then the right one.
#   pg_virtualenv -v 15 docs/screenshots/team.sh [BUILD_DIR]
#   (needs a PostgreSQL server in the libpq environment, xvfb, openbox, xdotool, imagemagick)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/dev}
. "$here/fastly-incident.sh"

# A team server with one responder, bo.
dbname=commandpost_shots_$$
createdb "$dbname"
trap 'dropdb --if-exists --force "$dbname"; dropuser --if-exists bo; rm -rf "$work"' EXIT
"$cli" --server "dbname=$dbname" server init >/dev/null
psql -X -q -d "$dbname" -c "CREATE ROLE bo LOGIN PASSWORD 'bo-secret'"
"$cli" --server "dbname=$dbname" server grant bo --as responder >/dev/null
server="host=${PGHOST:-localhost} port=${PGPORT:-5432} dbname=$dbname user=bo"

xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
    openbox & sleep 1
    env -u PGPASSWORD "$0" --db "$1" & app=$!
    for i in $(seq 50); do wid=$(xdotool search --name "CommandPost" 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.2; done
    sleep 2
    xdotool windowactivate --sync "$wid"
    xdotool mousemove 20 27 click 1; sleep 1; xdotool key c; sleep 1.5
    xdotool type --delay 5 "$3"; xdotool key Tab; xdotool type --delay 5 "wrong"; xdotool key Return; sleep 2
    import -window root "$2/connect-server-refused.png"
    xdotool key ctrl+a; xdotool type --delay 5 "bo-secret"; sleep 0.5
    import -window root "$2/connect-server.png"
    # Connecting keeps the password in the keyring when there is one (under Xvfb there is none: the
    # new window says the password was not kept, after the keyring gives up, 5 s).
    xdotool key Return; sleep 9
    import -window root "$2/connect-server-connected.png"
    kill $app; wait $app 2>/dev/null || true
' "$gui" "$db" "$here" "$server"
echo "screenshots in $here"
