#!/usr/bin/env bash
# Renders the ICS 201, 207 and 214 of a 50-person drill into docs/forms/: the PDFs and a PNG of
# every page (pdftoppm). Run from the repository after a build: docs/forms/make-drill.sh [CLI]
set -euo pipefail
cli=${1:-build/dev/app/cli/commandpost-cli}
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC COMMANDPOST_AUTHOR="Ana Lima"
db=(--db "$work/drill.sqlite")

first=(Ana Bo Cy Dee Eve Finn Gus Hana Ivo Jun Kai Lea Mo Nia Oto Pia Quin Rui Sol Tao)
last=(Lima Chen Okafor Park Novak Berg Silva Ito Mensah Kovac Dubois)
teams=(SRE Payments Database Network "Customer Care")
{
    echo "key,name"
    echo "engineering,Engineering"
    echo "support,Support"
} >"$work/departments.csv"
{
    echo "name,handle,team,department"
    for i in $(seq 0 49); do
        team=${teams[$((i % 5))]}
        dept=engineering
        [ "$team" = "Customer Care" ] && dept=support
        echo "${first[$((i % 20))]} ${last[$((i / 20))]},drill$((i + 1)),$team,$dept"
    done
} >"$work/people.csv"
"$cli" "${db[@]}" init >/dev/null
"$cli" "${db[@]}" people import "$work/departments.csv" >/dev/null
"$cli" "${db[@]}" people import "$work/people.csv" >/dev/null
id=$("$cli" "${db[@]}" incident new --title "Regional failover drill" --severity SEV-2 \
    --summary "A planned drill: the primary region is failed over to the standby while every team confirms its service, its dashboards and its configuration." \
    --template technical-response)
"$cli" "${db[@]}" assign --incident "$id" --role ic --person drill1 >/dev/null
"$cli" "${db[@]}" assign --incident "$id" --role deputy --person drill2 >/dev/null
"$cli" "${db[@]}" assign --incident "$id" --role scribe --person drill3 >/dev/null
"$cli" "${db[@]}" assign --incident "$id" --role customer-liaison --person drill5 >/dev/null
"$cli" "${db[@]}" assign --incident "$id" --role internal-liaison --person drill6 >/dev/null
for i in $(seq 7 50); do
    "$cli" "${db[@]}" assign --incident "$id" --role sme --person "drill$i" >/dev/null
done
"$cli" "${db[@]}" log --incident "$id" --kind status --key --tag objective -- \
    "Fail the primary region over to the standby and back within 2 hours" >/dev/null
"$cli" "${db[@]}" log --incident "$id" --kind note --tag objective -- \
    "Every team confirms its service, dashboards and configuration on the standby" >/dev/null
for i in $(seq 2 50); do
    name=$(sed -n "$((i + 1))p" "$work/people.csv" | cut -d, -f1)
    "$cli" "${db[@]}" log --incident "$id" --kind note --author "$name" -- \
        "$name confirms the configuration of service $i on the standby" >/dev/null
    [ "$i" = 25 ] && "$cli" "${db[@]}" handover --incident "$id" --role scribe --to drill4 >/dev/null
done
"$cli" "${db[@]}" log --incident "$id" --kind decision --key -- "Fail back to the primary region at 15:00" >/dev/null
"$cli" "${db[@]}" incident set "$id" --status resolved >/dev/null

for form in ics201 ics207 ics214; do
    "$cli" "${db[@]}" export --incident "$id" --format "$form" -o "$out/drill-$form.pdf"
    rm -f "$out/drill-$form"-*.png
    pdftoppm -r 60 -png "$out/drill-$form.pdf" "$out/drill-$form"
done
ls "$out"
