# The incident the screenshots show: a SEV-1 modelled on the Fastly outage of 2021-06-08, told
# through commandpost-cli into a database in a temporary folder (removed on exit). Sourced by the
# screenshot scripts with $build set; sets $cli, $gui, $db and $id.
cli=$build/app/cli/commandpost-cli
gui=$build/app/gui/commandpost
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data COMMANDPOST_AUTHOR=ana
db=$work/fastly.sqlite
c() { "$cli" --db "$db" "$@"; }

c init >/dev/null
id=$(c incident new --title "Global CDN outage: 85% of services return 503" --severity SEV-1 --template technical-response \
    --summary "A customer configuration change triggered a latent bug; most edge POPs return errors.")
for p in "Ana Lima:ana" "Bo Chen:bo" "Cy Okafor:cy" "Dana Reyes:dana" "Eli Brandt:eli" "Fay Moreau:fay" "Gus Varga:gus" \
    "Lee Fox:lee" "Mia Stone:mia"; do
    c people add --name "${p%%:*}" --handle "${p##*:}" >/dev/null
done
c assign --incident "$id" --role ic --person ana >/dev/null
c assign --incident "$id" --role deputy --person bo >/dev/null
c assign --incident "$id" --role scribe --person cy >/dev/null
for sme in dana eli fay; do c assign --incident "$id" --role sme --person $sme >/dev/null; done
c assign --incident "$id" --role customer-liaison --person gus >/dev/null
c timer defaults --incident "$id" >/dev/null
c timer start --incident "$id" --in 2m --label "Check back with the edge SME" --owner sme >/dev/null
c timer start --incident "$id" --in 4m --label "Confirm the rollback reached Europe" --owner deputy >/dev/null
c timer start --incident "$id" --in 9m --label "Status page update" --owner customer-liaison >/dev/null
c timer start --incident "$id" --in 25m --label "Ask the origin team for error rates" >/dev/null
while IFS='|' read -r kind text; do
    c log --incident "$id" --kind "$kind" --author cy "$text" >/dev/null
done <<'LOG'
action|Paged the edge team; 85% of requests return 503 across POPs
status|SEV-1: most services behind the CDN are down; cause unknown; next update in 10 minutes
callout|Dana: the errors started at 09:47 UTC, one minute after a customer config push
action|Eli is pulling the config change log for the last 30 minutes
decision|Disable the configuration that triggers the bug, fleet-wide — no strong objections
action|Fay is drafting the rollback of the 12 May software deploy
status|Identified: a valid customer configuration triggers a latent bug; disabling it now
communication|Status page: investigating widespread errors
action|Config disabled at 09:58 UTC; POPs recovering, 95% of traffic back
callout|Bo: Europe still shows elevated 503s, waiting for the rollout to reach AMS
action|Gus is drafting the customer message for the monitoring phase
status|Monitoring: 95% of services back; the bug fix is being deployed
LOG
c rollcall start --incident "$id" >/dev/null
c rollcall answer deputy --incident "$id" --condition degraded --text "watching Europe" --needs "AMS numbers" >/dev/null
c rollcall answer sme --incident "$id" --person dana --condition down --text "AMS still failing" --actions "rolling AMS" --needs "approval to drain AMS" >/dev/null
c rollcall miss sme --incident "$id" --person eli >/dev/null
c rollcall miss scribe --incident "$id" >/dev/null
c action add --incident "$id" --text "Drain AMS POP and shift traffic to FRA" --owner sme >/dev/null
c action add --incident "$id" --text "Write the bug-fix deploy plan" --owner deputy >/dev/null
c action add --incident "$id" --text "Postmortem: why the latent bug passed review" --follow-up >/dev/null
c decision add --incident "$id" --proposal "Disable the triggering configuration fleet-wide" --objections none >/dev/null
c business declare --incident "$id" >/dev/null
c assign --incident "$id" --role technical-slt --person gus >/dev/null
c assign --incident "$id" --role legal-officer --person lee >/dev/null
c assign --incident "$id" --role messaging-officer --person mia >/dev/null
c message draft --incident "$id" --audience customers --channel "status page" \
    --text "We are seeing widespread errors on our CDN. A fix is being rolled out; the next update follows within 30 minutes." >/dev/null
c inbound log --incident "$id" --channel media --from "The Verge" --question "Is this an attack?" >/dev/null
c inbound log --incident "$id" --channel social --from "@sre_daily" --question "Which regions are affected?" >/dev/null
