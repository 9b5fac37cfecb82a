#!/usr/bin/env bash
# First render of the coordinator's dashboard through the gateway (issue 14): the complete HTML of
# /samordnare/samverkan/{collaboration} for a signed-in coordinator, with 1,000,000 participants in Reporting.
# Goal: ≤ 1 s.
#
#   bash bench/web/dashboard.sh                              # about 6 minutes on a quiet 2-core machine
#   PARTICIPANTS=100000 REQUESTS=10 bash bench/web/dashboard.sh   # a quicker look
#   PAGE=/ bash bench/web/dashboard.sh                        # the harness alone, before the dashboard exists
#
# What it does:
#   1. starts, from the Release build copied to a temporary folder (lib.sh), the identity service, Actors, Reporting,
#      the gateway and the web UI, on fresh bench_web_* databases and the RabbitMQ vhost bench-web. As in the AppHost,
#      the issuer is the gateway's address (people sign in through it); every process reads the discovery document
#      from the identity service itself; the identity service registers the web's client (Identity__Web__RedirectUri).
#   2. data: Reporting's event history of PARTICIPANTS participants in 50 collaborations straight into its database
#      (bench/reporting/generate.sql, as reporting/run.sh); then through the APIs, as users would: a caseworker's system
#      registers the coordinator's agency as an actor in Actors (ActorsApi), a coordinator's system of that agency
#      creates the collaboration (it owns it, so the coordinator may read its reports: ReportAccess), and the events
#      reach Reporting over RabbitMQ; then the generated participants of collaboration 1 (a fiftieth) are moved onto
#      that collaboration in the history (attach.sql), and Reporting rebuilds its read models from the history
#      (POST /api/reports/admin/rebuilds, operator).
#   3. people, through the identity service's users API: the operator creates the agency's admin, the agency's admin
#      client creates the coordinator (lib.sh create_person); measure.py signs the coordinator in by plain HTTP through
#      the gateway as a browser does (GET /logga-in, the login form with its hidden fields, /signin-oidc, cookie).
#   4. once the machine is quiet (lib.sh wait_quiet): the very first request of the page after the start (cold),
#      then REQUESTS rounds, each the page, / (the web's own overhead: a page with no API call) and the API calls
#      the page makes (API_CALLS, by the coordinator's own role and agency with a bearer token, straight through the
#      gateway), one after another. Reports the first request, median, p90 and max of each, and the ratios page/API.
#   5. checks the collaboration's figures in the summary against the generated rows.
# Knobs: PARTICIPANTS, REQUESTS, PAGE (a path; {id} is the collaboration), API_CALLS ("name=path ..."), QUIET_PCT,
# QUIET_WAIT, OUT. Ports: Actors 5150, Reporting 5151, web 5152, gateway 8150, identity 5158 (lib.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
GATEWAY_PORT=8150
# The issuer is the gateway's address, as the AppHost makes it; lib.sh reads it when sourced.
export IDENTITY_ISSUER=http://127.0.0.1:$GATEWAY_PORT/
source "$HERE/../lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

RABBIT_VHOST=bench-web
PARTICIPANTS=${PARTICIPANTS:-1000000}
REQUESTS=${REQUESTS:-30}
DASHBOARD='/samordnare/samverkan/{id}'
PAGE=${PAGE:-$DASHBOARD}
# What the dashboard asks the gateway for (web/Components/Pages/Coordinator/Dashboard.razor, both at once): the
# collaboration's summary from Reporting and its governance warnings from Actors. Keep in step with the page.
DASHBOARD_CALLS='summary=/api/reports/collaborations/{id}/summary warnings=/api/collaborations/{id}/governance/warnings'
API_CALLS=${API_CALLS:-$DASHBOARD_CALLS}
OUT=${OUT:-$(result_path dashboard)}
ACTORS_PORT=5150 REPORTING_PORT=5151 WEB_PORT=5152 NOWHERE_PORT=5159
GW=http://127.0.0.1:$GATEWAY_PORT
ACTORS_DB=bench_web_actorsdb REPORTING_DB=bench_web_reportingdb

check_infra
for port in $ACTORS_PORT $REPORTING_PORT $WEB_PORT $GATEWAY_PORT; do
  ss -Hltn "sport = :$port" | grep -q . && die "port $port is in use"
done
# The dashboard's route in this build's source: without it the run measures PAGE only as a stand-in, and says so.
if ! grep -rqF '@page "/samordnare/samverkan/{' "$REPO_DIR/web/Components"; then
  [ "$PAGE" = "$DASHBOARD" ] && die "the dashboard ($DASHBOARD) is not in web/Components yet: set PAGE (e.g. PAGE=/) to test the harness"
fi

# Always built (incremental, quick when nothing changed), then copied: a stale build would not be what is measured.
for project in services/Identity services/Actors services/Reporting gateway web; do
  log "building $project (Release)"
  (cd "$REPO_DIR" && dotnet build "$project" -c Release -nologo -v q) >"$WORK/build-$(basename $project).log" 2>&1 \
    || { tail -n 30 "$WORK/build-$(basename $project).log" >&2; die "build of $project failed"; }
done
ACTORS_DLL=$(snapshot "$REPO_DIR/services/Actors/bin/Release/net10.0/Samverkan.Actors.dll")
REPORTING_DLL=$(snapshot "$REPO_DIR/services/Reporting/bin/Release/net10.0/Samverkan.Reporting.dll")
GATEWAY_DLL=$(snapshot "$REPO_DIR/gateway/bin/Release/net10.0/Samverkan.Gateway.dll")
WEB_DLL=$(snapshot "$REPO_DIR/web/bin/Release/net10.0/Samverkan.Web.dll")

log "fresh databases $ACTORS_DB $REPORTING_DB, vhost $RABBIT_VHOST"
drop_db $ACTORS_DB $REPORTING_DB
fresh_vhost
MACHINE=$(machine_md) # before our own load
STARTED=$(date +%s.%N)
start_identity Identity__Web__RedirectUri="$GW/signin-oidc" Identity__Web__PostLogoutRedirectUri="$GW/signout-callback-oidc"
mapfile -t ENV < <(platform_env)
start actors "$ACTORS_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$ACTORS_PORT ConnectionStrings__actorsdb="$(pg_conn $ACTORS_DB)"
start reporting "$REPORTING_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$REPORTING_PORT ConnectionStrings__reportingdb="$(pg_conn $REPORTING_DB)"
start gateway "$GATEWAY_DLL" "${ENV[@]}" ASPNETCORE_URLS=$GW Gateway__RateLimit__PermitsPerSecond=10000000 \
  services__actors__http__0=http://127.0.0.1:$ACTORS_PORT services__reporting__http__0=http://127.0.0.1:$REPORTING_PORT \
  services__web__http__0=http://127.0.0.1:$WEB_PORT \
  services__participants__http__0=http://127.0.0.1:$NOWHERE_PORT services__employers__http__0=http://127.0.0.1:$NOWHERE_PORT
# The web: issuer = the gateway's address (its discovery document, read through the gateway, names the gateway's
# /connect endpoints), and the APIs through the gateway. Production, plain http here.
start web "$WEB_DLL" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$WEB_PORT \
  Auth__Authority="$IDENTITY_ISSUER" Auth__RequireHttpsMetadata=false Web__Gateway="$GW" \
  services__gateway__http__0="$GW" Logging__LogLevel__Default=Warning
wait_http actors http://127.0.0.1:$ACTORS_PORT/health 120
wait_http reporting http://127.0.0.1:$REPORTING_PORT/health 120
wait_http gateway $GW/alive
wait_http web http://127.0.0.1:$WEB_PORT/alive
START_S=$(echo "$STARTED $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
log "every process answers (${START_S}s after the first start)"

PSQL=(psql "$PG_SERVER dbname=$REPORTING_DB" -qAt -v ON_ERROR_STOP=1)
MUNICIPALITIES="{$(tail -n +2 "$REPO_DIR/ServiceDefaults/Sweden/municipalities.csv" | cut -d';' -f1 | paste -sd, -)}"
log "generating $PARTICIPANTS participants' events into Reporting's history (bench/reporting/generate.sql)"
t0=$(date +%s.%N)
"${PSQL[@]}" -v n="$PARTICIPANTS" -v municipalities="$MUNICIPALITIES" -f "$BENCH_DIR/reporting/generate.sql" >/dev/null
GEN_S=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')

# The coordinator's agency and its collaboration, through the gateway as the agencies' systems would.
api() { # api METHOD PATH TOKEN [JSON]: the answer's body, or die with it
  curl -sS --fail-with-body --max-time 30 -X "$1" "$GW$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+--data-binary "$4"} || die "$1 $2 failed"
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
ORGNR=$(python3 -c '
import random
d = [2, 1, 2] + [random.randrange(10) for _ in range(6)]  # third digit >= 2: an organisation
s = sum(sum(divmod(x * (2 - i % 2), 10)) for i, x in enumerate(d))
print("".join(map(str, d)) + str((10 - s % 10) % 10))')
AGENCY_ID=$(api POST /api/actors "$(platform_token caseworker)" \
  "{\"name\":\"Bench-kommunen\",\"organisationNumber\":\"$ORGNR\",\"sector\":\"public\",\"kind\":\"municipality\",\"municipalityCode\":\"0180\"}" | json '["id"]')
log "agency registered in Actors: $AGENCY_ID"
COLLABORATION=$(api POST /api/collaborations "$(platform_token coordinator "$AGENCY_ID")" \
  '{"name":"Vägen till arbete (bench)","purpose":"Fler i arbete eller studier","targetGroups":["young","newly-arrived","long-term-unemployed"],
    "geography":["0180","0114"],"startDate":"2023-01-01","endDate":"2027-12-31","financing":{"source":"esf-plus","budget":10000000},
    "targets":{"participants":{"total":20000,"women":10000,"men":10000},"exitToWorkOrStudiesShare":35}}' | json '["id"]')
log "collaboration created in Actors: $COLLABORATION"
for _ in $(seq 1 150); do
  [ "$("${PSQL[@]}" -c "SELECT count(*) FROM event_history WHERE type = 'CollaborationCreated' AND payload->>'collaborationId' = '$COLLABORATION'")" = 1 ] && break
  sleep 0.2
done
[ "$("${PSQL[@]}" -c "SELECT count(*) FROM event_history WHERE type = 'CollaborationCreated' AND payload->>'collaborationId' = '$COLLABORATION'")" = 1 ] \
  || die "Reporting did not receive CollaborationCreated within 30 s (see $WORK/actors.log, $WORK/reporting.log)"
"${PSQL[@]}" -v collaboration="$COLLABORATION" -f "$HERE/attach.sql" >/dev/null
read -r COLLAB_STARTED COLLAB_EXITED < <("${PSQL[@]}" -F ' ' -c "SELECT count(*), count(outcome) FROM bench_raw_participants WHERE collaboration_id = '$COLLABORATION'")
log "collaboration 1's $COLLAB_STARTED generated participants moved onto it; rebuilding Reporting's read models"

t0=$(date +%s.%N)
OPERATOR_TOKEN=$(platform_token operator)
id=$(api POST /api/reports/admin/rebuilds "$OPERATOR_TOKEN" | json '["id"]')
while :; do
  state=$(api GET "/api/reports/admin/rebuilds/$id" "$OPERATOR_TOKEN" | json '["state"]')
  [ "$state" = running ] || break
  sleep 0.5
done
[ "$state" = succeeded ] || die "rebuild ended $state"
REBUILD_S=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
"${PSQL[@]}" -c 'SET client_min_messages = error' -c 'ANALYZE' >/dev/null
TOTAL=$("${PSQL[@]}" -c "SELECT count(*) FROM bench_raw_participants")
log "rebuilt in ${REBUILD_S}s: $TOTAL participants in Reporting, $COLLAB_STARTED of them in the dashboard's collaboration"

# The coordinator, signed in by measure.py.
EMAIL=samordnare@bench-kommunen.example
python3 -c 'import secrets; print("Bench-" + secrets.token_urlsafe(24))' >"$WORK/clients/password"
create_person admin "$AGENCY_ID" admin@bench-kommunen.example "$(python3 -c 'import secrets; print("Bench-" + secrets.token_urlsafe(24))')" "Bench Admin" >/dev/null
create_person coordinator "$AGENCY_ID" "$EMAIL" "$(cat "$WORK/clients/password")" "Bench Samordnare" >/dev/null
platform_token coordinator "$AGENCY_ID" >"$WORK/token-coordinator"

TARGETS=(--target "page=${PAGE//\{id\}/$COLLABORATION}")
[ "$PAGE" = / ] || TARGETS+=(--target "home=/")
for call in $API_CALLS; do TARGETS+=(--api "${call//\{id\}/$COLLABORATION}"); done
BUSY=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-240}")
log "measuring (machine ${BUSY}% busy just before): the first request, then $REQUESTS rounds"
COMMAND="python3 bench/web/measure.py --gateway $GW --email $EMAIL --password-file … --token-file … ${TARGETS[*]} --requests $REQUESTS"
SIGNIN=$(python3 "$HERE/measure.py" --gateway "$GW" --email "$EMAIL" --password-file "$WORK/clients/password" \
  --token-file "$WORK/token-coordinator" "${TARGETS[@]}" --requests "$REQUESTS" --out "$WORK/raw.tsv" 2> >(tee "$WORK/measure.log" >&2)) \
  || die "measuring failed (see $WORK/web.log, $WORK/gateway.log)"
BUSY_AFTER=$(cpu_busy_pct 3)

# The figures the coordinator was shown come from the read models: they must be the generated rows'.
read -r API_STARTED API_EXITED API_EXACT < <(api GET "/api/reports/collaborations/$COLLABORATION/summary" "$(cat "$WORK/token-coordinator")" \
  | python3 -c 'import json,sys; s = json.load(sys.stdin); print(s["started"]["total"]["count"], s["exits"]["totals"]["total"]["count"], s["exact"])')
[ "$API_STARTED" = "$COLLAB_STARTED" ] && [ "$API_EXITED" = "$COLLAB_EXITED" ] \
  || die "the summary says $API_STARTED started, $API_EXITED exited; the generated rows $COLLAB_STARTED, $COLLAB_EXITED"

# Whether the first page showed the collaboration's participants (a problem message in their place would be quick too).
SHOWN=$(python3 -c '
import html, sys
page, n = html.unescape(open(sys.argv[1], encoding="utf-8").read()), int(sys.argv[2])
forms = {str(n), f"{n:,}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", "\u00a0"), f"{n:,}".replace(",", "\u202f")}
print("yes" if any(f in page for f in forms) else "no")' "$WORK/raw.tsv.page.html" "$COLLAB_STARTED")
[ "$SHOWN" = yes ] || log "the first page does not show $COLLAB_STARTED (the collaboration's participants): see $WORK/raw.tsv.page.html"
COMMAND_LINE="bash bench/web/dashboard.sh"
for knob in PAGE PARTICIPANTS REQUESTS API_CALLS QUIET_PCT QUIET_WAIT; do
  case $knob in
    PAGE) [ "$PAGE" = "$DASHBOARD" ] && continue;; PARTICIPANTS) [ "$PARTICIPANTS" = 1000000 ] && continue;;
    REQUESTS) [ "$REQUESTS" = 30 ] && continue;; API_CALLS) [ "$API_CALLS" = "$DASHBOARD_CALLS" ] && continue;;
    *) [ -z "${!knob:-}" ] && continue;;
  esac
  COMMAND_LINE="$knob='${!knob}' $COMMAND_LINE"
done
python3 "$HERE/report.py" "$WORK/raw.tsv" >"$WORK/figures.md" <<EOF
page=$PAGE
dashboard=$DASHBOARD
EOF
{
  cat <<EOF
# Coordinator dashboard — first render through the gateway

Produced by \`$COMMAND_LINE\`
(method at the top of the script). Goal (issue 14): the first render of the coordinator dashboard
(\`$DASHBOARD\`) through the gateway in ≤ 1 s with 1,000,000 participants in Reporting.
$( [ "$PAGE" = "$DASHBOARD" ] || printf '\n**The dashboard was not measured in this run**: `%s` stood in for it (the harness alone).\n' "$PAGE")

## Machine

$MACHINE
| busy (both cores) just before measuring / just after | ${BUSY}% / ${BUSY_AFTER}% |

Other work (builds and tests of other branches) shared the two cores during this run: single figures are noisy;
read the medians and the ratios.

## Set-up

- Identity, Actors, Reporting, the gateway and the web from the Release build, \`Production\`, log level Warning,
  copied to a temporary folder and run from there; databases \`$ACTORS_DB\`, \`$REPORTING_DB\`, \`$IDENTITY_DB\` (fresh),
  vhost \`$RABBIT_VHOST\`; the gateway's rate limit out of reach. All processes answered ${START_S}s after the first start.
- Reporting: $TOTAL participants (generated history, ${GEN_S}s; rebuild of the read models through the gateway, ${REBUILD_S}s).
  The dashboard's collaboration was created through Actors' API by the agency's coordinator system (so it is the
  agency's own, and known to Actors and, by its event, to Reporting); it holds $COLLAB_STARTED participants
  ($COLLAB_EXITED exited), those the generator had put in its collaboration 1. Its summary as the coordinator sees it:
  $API_STARTED started, $API_EXITED exited, exact=$API_EXACT — the generated rows' counts. The first page's HTML
  shows $COLLAB_STARTED: $SHOWN.
- The coordinator: created with the users API (operator → the agency's admin; the admin's client → the coordinator),
  signed in through the gateway by plain HTTP as a browser ($SIGNIN ms from \`/logga-in\` to the web's cookie).
- Pages with the web's cookie; API calls with a bearer token of the same role and agency (a coordinator's system
  client), each straight through the gateway. Time = request sent → whole body read, one keep-alive connection per
  target, one request at a time. The HTML only: the page's stylesheet is not fetched (a Release build run outside
  Development serves no static web assets from the project folder; the web logs that its wwwroot is missing).

Command: \`$COMMAND\`

EOF
  cat "$WORK/figures.md"
  echo
  echo '## Raw figures'
  echo
  echo '```'
  cat "$WORK/raw.tsv"
  echo '```'
} >"$OUT"
log "wrote $OUT"
