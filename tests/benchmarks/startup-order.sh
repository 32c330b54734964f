#!/usr/bin/env bash
# Writes cmake/startup-order.txt: the functions of the optimised program that a start runs before
# the window's first frame, which the linker places together (app/gui/CMakeLists.txt). Run it from
# the source folder after `cmake --build --preset bench` when the start has changed much; a stale
# list costs only memory (functions it misses stay where the linker puts them), never correctness.
#   tests/benchmarks/startup-order.sh [BUILD_DIR]   (default build/bench; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/bench}
app="$build/app/gui/commandpost"
cli="$build/app/cli/commandpost-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# An incident with more entries than the timeline's first page, as the bench's start path opens.
db="$work/start.sqlite"
"$cli" --db "$db" init >/dev/null
incident=$("$cli" --db "$db" incident new --title "Checkout outage" --severity SEV-3 --template none)
for i in $(seq 300); do echo "status of shard $((i % 97)): replication lag $((i % 13)) s"; done |
    "$cli" --db "$db" log --incident "$incident" --stdin >/dev/null

run() {
    env CP_MARK_FIRST_FRAME=1 QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" \
        XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" "$@"
}
run "$app" --db "$db" 2>/dev/null # the settings of a start before, as a user's
# Everything the main thread ran up to the mark's report, with the names as the linker knows them.
run valgrind --tool=callgrind --demangle=no --separate-threads=yes \
    --dump-before='_ZN2cp14FirstFrameMark11processorMsEv' --callgrind-out-file="$work/cg.%p" \
    "$app" --db "$db" 2>/dev/null
profile=$(ls "$work"/cg.*.1-01 | head -1) # the dump at the mark, of the main thread
python3 - "$profile" "$app" >cmake/startup-order.txt <<'PY'
import re, subprocess, sys
profile, program = sys.argv[1], sys.argv[2]
names, run, obj = {}, set(), None
for line in open(profile, errors="replace"):
    m = re.match(r"(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
    if not m:
        continue
    key = (m.group(2), m.group(3))
    if m.group(4):
        names[key] = m.group(4)
    if m.group(1):
        continue
    if m.group(2) == "ob":
        obj = names.get(key, "")
    elif obj.endswith("/commandpost"):
        run.add(names[key])
defined = set()
for line in subprocess.run(["nm", "--defined-only", program], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "tTwW":
        defined.add(parts[2])
print("\n".join(sorted(run & defined)))
PY
echo "startup-order: $(wc -l <cmake/startup-order.txt) functions in cmake/startup-order.txt"
