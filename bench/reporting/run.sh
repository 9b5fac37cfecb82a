#!/usr/bin/env bash
# Reporting at scale (issue 6): the collaboration summary and the regional view through the gateway, side by side
# with the plain-SQL aggregates of anchors.md over the same rows in the same run, at 10,000, 100,000 and 1,000,000
# participants (50 collaborations, all 290 municipalities); and the full rebuild of the read models from the
# event history at each size.
#
#   bash bench/reporting/run.sh                       # about 15 minutes on a quiet 2-core machine
#   SCALES="10000 100000" DURATION=5s bash bench/reporting/run.sh   # a quicker look
#
# For each size it:
#   1. generates the event history straight into Reporting's event_history with set-based SQL (generate.sql):
#      ActorRegistered (20 referring actors), CollaborationCreated (50), ParticipantEnrolled (one per participant)
#      and ParticipantExited (about 90 %), in exactly the rows the consumers append; and the same participants,
#      one row each, into bench_raw_participants (index on collaboration): the anchor's table;
#   2. starts a rebuild through the gateway (POST /api/reports/admin/rebuilds, operator token) and times it until
#      its status says succeeded (its last step vacuums and analyzes the read models); then ANALYZE of the rest and
#      checks the rebuilt figures against the raw table (started, exits and outcomes per collaboration, and through
#      the API);
#   3. measures, each with 1 and with CLIENTS clients: the raw per-collaboration aggregate and the raw regional
#      aggregate (pgbench, random collaboration), and GET /api/reports/collaborations/{random}/summary and
#      GET /api/reports/regional through the gateway as admin (wrk; exact counts, no suppression); and the summary
#      for a period (?from=2025-01-01&to=2025-12-31), which reads the year's row of the period counts instead of the
#      totals. Reports are cached until the read models change, so those repeat requests are mostly cache hits; the
#      "cold" variants make every request a different report (a random as-of date years ahead, which counts the same
#      as today; a period from a random day of January 2025 to a random day of December 2025), so they measure the
#      report built from the read models each time;
#   4. during each rebuild, asks for collaboration 1's summary once (1 s after the start) and records its status and
#      time: reports read the old tables while the rebuild builds new ones;
#   5. while events flow: bench/EventBench `participants` publishes enrolments and exits in the 50 collaborations
#      onto RabbitMQ at EVENT_RATE a second (as Participants' outbox would; Reporting consumes them as it runs), and
#      the repeated summary, period summary and regional view are measured again with 1 client: each event raises
#      its collaboration's version and that of all collaborations, so a cached report lasts only until the next
#      event in its scope; then checks that Reporting took every event (EVENT_RATE=0 skips this step).
# Knobs: SCALES, DURATION, WARMUP, CLIENTS, EVENT_RATE, QUIET_PCT, QUIET_WAIT, OUT.
# Writes bench/results/<date>-reporting.md. Uses port 5165 (Reporting) and 8165 (gateway), database
# bench_reporting_reportingdb (dropped and recreated) and RabbitMQ vhost bench-reporting.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

RABBIT_VHOST=bench-reporting # Reporting's queues only, apart from the other benchmarks'
SCALES=${SCALES:-10000 100000 1000000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CLIENTS=${CLIENTS:-8}
EVENT_RATE=${EVENT_RATE:-20}
OUT=${OUT:-$(result_path reporting)}
REPORTING_PORT=5165 GATEWAY_PORT=8165 NOWHERE_PORT=5159
DB=bench_reporting_reportingdb
HERE=$BENCH_DIR/reporting
GW=http://127.0.0.1:$GATEWAY_PORT

REPORTING_DLL=$REPO_DIR/services/Reporting/bin/Release/net10.0/Samverkan.Reporting.dll
EVENTBENCH_DLL=$BENCH_DIR/EventBench/bin/Release/net10.0/Samverkan.Bench.EventBench.dll
GATEWAY_DLL=$REPO_DIR/gateway/bin/Release/net10.0/Samverkan.Gateway.dll

check_infra
command -v pgbench >/dev/null || die "pgbench is missing (postgresql-client)"
for port in $REPORTING_PORT $GATEWAY_PORT; do
  ss -Hltn "sport = :$port" | grep -q . && die "port $port is in use"
done
# Always built (incremental, quick when nothing changed): a stale Release build would lack Reporting's tables.
for project in services/Reporting gateway; do
  log "building $project (Release)"
  (cd "$REPO_DIR" && dotnet build "$project" -c Release -nologo -v q) >"$WORK/build-$(basename $project).log" 2>&1 \
    || { tail -n 30 "$WORK/build-$(basename $project).log" >&2; die "build of $project failed"; }
done
[ "$EVENT_RATE" = 0 ] || build_bench_project EventBench "$EVENTBENCH_DLL"
REPORTING_DLL=$(snapshot "$REPORTING_DLL")
GATEWAY_DLL=$(snapshot "$GATEWAY_DLL")

log "fresh database $DB, vhost $RABBIT_VHOST"
drop_db $DB
fresh_vhost
start_identity
mapfile -t ENV < <(platform_env)
start reporting "$REPORTING_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$REPORTING_PORT ConnectionStrings__reportingdb="$(pg_conn $DB)"
start gateway "$GATEWAY_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_PORT Gateway__RateLimit__PermitsPerSecond=10000000 \
  services__reporting__http__0=http://127.0.0.1:$REPORTING_PORT services__actors__http__0=http://127.0.0.1:$NOWHERE_PORT \
  services__participants__http__0=http://127.0.0.1:$NOWHERE_PORT services__employers__http__0=http://127.0.0.1:$NOWHERE_PORT
wait_http reporting http://127.0.0.1:$REPORTING_PORT/health 120
wait_http gateway $GW/alive

# The operator's token (exact counts, no membership query; the rebuild is the operator's), RS256 from the identity
# service. A run takes longer than a token's 10 minutes, so token_file renews it every 4 minutes and every curl and
# every wrk run (LUA_AUTH, read when wrk starts) reads the file afresh.
token_file operator
auth_header() { echo "Authorization: Bearer $(cat "$TOKEN_FILE")"; }
LUA_AUTH="local f = assert(io.open(\"$TOKEN_FILE\")); wrk.headers[\"Authorization\"] = \"Bearer \" .. f:read(\"*l\"); f:close()"
PSQL=(psql "$PG_SERVER dbname=$DB" -qAt -v ON_ERROR_STOP=1)
MUNICIPALITIES="{$(tail -n +2 "$REPO_DIR/ServiceDefaults/Sweden/municipalities.csv" | cut -d';' -f1 | paste -sd, -)}"
COLLABORATIONS=$("${PSQL[@]}" -c "SELECT string_agg(quote_literal(md5('bench-collaboration-' || c)::uuid::text), ',') FROM generate_series(1, 50) AS c" | tr "'" '"')

# wrk: a random collaboration per request (the same 50 the generator made); RESULT line as in bench/gateway.sh.
cat >"$WORK/summary.lua" <<EOF
$LUA_AUTH
local ids = { $COLLABORATIONS }
request = function() return wrk.format("GET", "/api/reports/collaborations/" .. ids[math.random(#ids)] .. "/summary") end
EOF
cat >"$WORK/summary-year.lua" <<EOF
$LUA_AUTH
local ids = { $COLLABORATIONS }
request = function() return wrk.format("GET", "/api/reports/collaborations/" .. ids[math.random(#ids)] .. "/summary?from=2025-01-01&to=2025-12-31") end
EOF
cat >"$WORK/regional.lua" <<EOF
$LUA_AUTH
request = function() return wrk.format("GET", "/api/reports/regional") end
EOF
# Cold: a different cache key every request (see the header).
cat >"$WORK/summary-cold.lua" <<EOF
$LUA_AUTH
local ids = { $COLLABORATIONS }
request = function()
  local asof = os.date("!%Y-%m-%d", os.time{year = 2030, month = 1, day = 1, hour = 12} + math.random(0, 20000) * 86400)
  return wrk.format("GET", "/api/reports/collaborations/" .. ids[math.random(#ids)] .. "/summary?asOf=" .. asof)
end
EOF
cat >"$WORK/summary-year-cold.lua" <<EOF
$LUA_AUTH
local ids = { $COLLABORATIONS }
request = function()
  return wrk.format("GET", string.format("/api/reports/collaborations/%s/summary?from=2025-01-%02d&to=2025-12-%02d",
    ids[math.random(#ids)], math.random(1, 31), math.random(1, 31)))
end
EOF
cat >"$WORK/regional-cold.lua" <<EOF
$LUA_AUTH
request = function()
  local asof = os.date("!%Y-%m-%d", os.time{year = 2030, month = 1, day = 1, hour = 12} + math.random(0, 20000) * 86400)
  return wrk.format("GET", "/api/reports/regional?asOf=" .. asof)
end
EOF
for f in summary summary-year regional summary-cold summary-year-cold regional-cold; do cat >>"$WORK/$f.lua" <<'EOF'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
EOF
done

# pgbench NAME SQLFILE CLIENTS SECONDS: prints "rps p50_us p99_us requests errors" from the per-transaction log.
run_pgbench() {
  local name=$1 file=$2 clients=$3 secs=$4 jobs=$(( $3 < 2 ? $3 : 2 )) out
  rm -f "$WORK/pgb-$name".*
  out=$(PGPASSWORD=samverkan pgbench -h localhost -U samverkan -n -f "$file" -c "$clients" -j "$jobs" -T "$secs" \
    -l --log-prefix="$WORK/pgb-$name" "$DB" 2>&1) || { echo "$out" >&2; die "pgbench $name failed"; }
  cat "$WORK/pgb-$name".* | python3 -c '
import sys
lat = sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
n = len(lat); secs = float(sys.argv[1])
pct = lambda p: lat[min(n - 1, max(0, int(round(p / 100 * n + 0.5)) - 1))]
print(f"{n / secs:.1f} {pct(50)} {pct(99)} {n} 0")' "$secs"
}
# run_wrk LUA CLIENTS DURATION PATH: the same five figures from wrk.
run_wrk() {
  local threads=$(( $2 < 2 ? $2 : 2 ))
  wrk "-t$threads" "-c$2" "-d$3" --timeout 10s --latency -s "$WORK/$1.lua" "$GW$4" | awk '/^RESULT /{print $2, $3, $4, $5, $6 + $7}'
}

# measure N TARGET CLIENTS NAME: one measurement of TARGET (raw-* by pgbench, http-* by wrk), recorded as NAME.
measure() {
  local n=$1 target=$2 clients=$3 name=$4 r0 g0 r1 g1 result rps p50 p99 reqs errs rcpu=- gcpu=-
  r0=$(cpu_ticks "${PIDS[reporting]}"); g0=$(cpu_ticks "${PIDS[gateway]}")
  case $target in
    raw-*) result=$(run_pgbench "$target-$n-$clients" "$HERE/$target.sql" "$clients" "$secs");;
    http-*) result=$(run_wrk "${target#http-}" "$clients" "$DURATION" /);;
  esac
  r1=$(cpu_ticks "${PIDS[reporting]}"); g1=$(cpu_ticks "${PIDS[gateway]}")
  read -r rps p50 p99 reqs errs <<<"$result"
  # CPU time (user+system) Reporting and the gateway used per request: does not depend on how the cores were shared.
  if [[ $target == http-* ]]; then
    rcpu=$(awk -v d=$((r1 - r0)) -v r="$reqs" -v hz="$HZ" 'BEGIN{if (r > 0) printf "%.2f", d * 1000 / hz / r; else print "-"}')
    gcpu=$(awk -v d=$((g1 - g0)) -v r="$reqs" -v hz="$HZ" 'BEGIN{if (r > 0) printf "%.2f", d * 1000 / hz / r; else print "-"}')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$name" "$clients" "$rps" "$p50" "$p99" "$reqs" "$errs" "$rcpu" "$gcpu" "$busy" >>"$RAW"
  log "  $n $name x$clients: $rps req/s, p50 ${p50} us, p99 ${p99} us, errors $errs, CPU ms/req Reporting $rcpu gateway $gcpu"
}

# wait_for WHAT SECONDS CONDITION: until the shell CONDITION holds, checked every 0.2 s, or fail after SECONDS.
wait_for() {
  local what=$1 deadline=$((SECONDS + $2))
  until eval "$3"; do
    [ $SECONDS -lt $deadline ] || die "timed out after $2 s waiting for $what"
    sleep 0.2
  done
}

# Events in Reporting's history: each consumed event adds one row, in the consumer's transaction.
history_count() { "${PSQL[@]}" -c 'SELECT count(*) FROM event_history'; }

RAW=$WORK/raw.tsv
printf 'participants\ttarget\tclients\trps\tp50_us\tp99_us\trequests\terrors\treporting_cpu_ms_per_req\tgateway_cpu_ms_per_req\tbusy_before_pct\n' >"$RAW"
REBUILDS=$WORK/rebuilds.tsv
printf 'participants\tevents\tgenerate_s\trebuild_s\tserver_rebuild_s\tanalyze_s\tcounts_rows\ttotals_rows\tperiod_rows\tdb_mb\tbusy_before_pct\tstate\n' >"$REBUILDS"
CHECKS=$WORK/checks.txt
: >"$CHECKS"
secs=${DURATION%s}
HZ=$(getconf CLK_TCK)
MACHINE=$(machine_md) # at the start: the load average before our own work

for n in $SCALES; do
  log "== $n participants: generating the event history and the raw table"
  t0=$(date +%s.%N)
  "${PSQL[@]}" -v n="$n" -v municipalities="$MUNICIPALITIES" -f "$HERE/generate.sql" >/dev/null
  gen_s=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
  events=$("${PSQL[@]}" -c 'SELECT count(*) FROM event_history')
  log "generated $events events in ${gen_s}s"

  busy=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-60}")
  log "rebuild through the gateway (machine ${busy}% busy just before)"
  t0=$(date +%s.%N)
  status=$(curl -sf -X POST -H "$(auth_header)" "$GW/api/reports/admin/rebuilds") || die "starting the rebuild failed"
  id=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  # A report while the rebuild runs: the old figures (404 before the first rebuild: there are none), never an error.
  sleep 1
  c1=$("${PSQL[@]}" -c "SELECT md5('bench-collaboration-1')::uuid")
  during=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -H "$(auth_header)" "$GW/api/reports/collaborations/$c1/summary")
  still=$(curl -sf -H "$(auth_header)" "$GW/api/reports/admin/rebuilds/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  while :; do
    status=$(curl -sf -H "$(auth_header)" "$GW/api/reports/admin/rebuilds/$id") || die "reading the rebuild's status failed"
    state=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
    [ "$state" = running ] || break
    sleep 0.5
  done
  rebuild_s=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
  server_s=$(echo "$status" | python3 -c '
import json, sys, datetime as d
s = json.load(sys.stdin); p = lambda t: d.datetime.fromisoformat(t.replace("Z", "+00:00"))
print("%.1f" % (p(s["finishedAt"]) - p(s["startedAt"])).total_seconds())')
  [ "$state" = succeeded ] || { echo "$status" >&2; die "rebuild ended $state"; }
  log "rebuild succeeded: ${rebuild_s}s by the client's clock, ${server_s}s by its status"
  # The rebuild vacuums and analyzes the read models itself (its last step, inside the time above); this covers
  # the rest (the raw table, the history), which the database would otherwise analyze within a minute or so.
  t0=$(date +%s.%N)
  "${PSQL[@]}" -c 'SET client_min_messages = error' -c 'ANALYZE' >/dev/null
  analyze_s=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
  read -r counts_rows totals_rows period_rows db_mb < <("${PSQL[@]}" -F ' ' -c "SELECT (SELECT count(*) FROM participant_counts), (SELECT count(*) FROM participant_totals), (SELECT count(*) FROM participant_period_counts), pg_database_size(current_database()) / 1048576")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$events" "$gen_s" "$rebuild_s" "$server_s" "$analyze_s" "$counts_rows" "$totals_rows" "$period_rows" "$db_mb" "$busy" "$state" >>"$REBUILDS"

  log "checking the rebuilt figures against the raw table"
  bad=$("${PSQL[@]}" <<'SQL'
WITH raw AS (
  SELECT collaboration_id, 'started' AS dimension, '' AS key, gender, count(*) AS count FROM bench_raw_participants GROUP BY 1, 4
  UNION ALL
  SELECT collaboration_id, 'exit-outcome', (ARRAY['Employment','SubsidisedEmployment','SelfEmployment','Studies','Internship','JobSeeking','Other'])[outcome],
         gender, count(*) FROM bench_raw_participants WHERE outcome IS NOT NULL GROUP BY 1, 3, 4
  UNION ALL
  SELECT '00000000-0000-0000-0000-000000000000'::uuid, 'municipality', municipality_code, gender, count(*) FROM bench_raw_participants GROUP BY 3, 4),
model AS (SELECT collaboration_id, dimension, key, gender, count::bigint AS count FROM participant_totals
          WHERE dimension IN ('started', 'exit-outcome') OR (dimension = 'municipality' AND collaboration_id = '00000000-0000-0000-0000-000000000000'))
SELECT count(*) FROM raw FULL JOIN model USING (collaboration_id, dimension, key, gender) WHERE raw.count IS DISTINCT FROM model.count
SQL
)
  read -r raw_started raw_exited raw_c1 raw_c1_exits < <("${PSQL[@]}" -F ' ' -c "SELECT count(*), count(outcome),
    count(*) FILTER (WHERE collaboration_id = md5('bench-collaboration-1')::uuid),
    count(outcome) FILTER (WHERE collaboration_id = md5('bench-collaboration-1')::uuid) FROM bench_raw_participants")
  c1=$("${PSQL[@]}" -c "SELECT md5('bench-collaboration-1')::uuid")
  api=$( { curl -sf -H "$(auth_header)" "$GW/api/reports/regional"; echo; curl -sf -H "$(auth_header)" "$GW/api/reports/collaborations/$c1/summary"; } | python3 -c '
import json, sys
regional, summary = (json.loads(l) for l in sys.stdin.read().split("\n")[:2])
t = regional["total"]
print(t["started"]["total"]["count"], t["exited"]["total"]["count"], len(regional["municipalities"]), regional["exact"],
      summary["started"]["total"]["count"], summary["exits"]["totals"]["total"]["count"], summary["exact"])')
  read -r api_started api_exited api_munis api_exact api_c1 api_c1_exits api_c1_exact <<<"$api"
  regional_bytes=$(curl -sf -o /dev/null -w '%{size_download}' -H "$(auth_header)" "$GW/api/reports/regional")
  summary_bytes=$(curl -sf -o /dev/null -w '%{size_download}' -H "$(auth_header)" "$GW/api/reports/collaborations/$c1/summary")
  {
    echo "$n participants: $bad cells differ between participant_totals and the raw table (started and exits by outcome per collaboration and gender, municipality × gender overall)."
    echo "  raw: $raw_started started, $raw_exited exited; collaboration 1: $raw_c1 started, $raw_c1_exits exited."
    echo "  During the rebuild (1 s after its start; rebuild still $still after the answer): summary of collaboration 1 answered HTTP ${during% *} in ${during#* } s."
    echo "  JSON sizes: regional view $regional_bytes bytes, collaboration 1 summary $summary_bytes bytes."
    echo "  API: regional total $api_started started, $api_exited exited, $api_munis municipalities, exact=$api_exact; collaboration 1 summary $api_c1 started, $api_c1_exits exited, exact=$api_c1_exact."
  } >>"$CHECKS"
  [ "$bad" = 0 ] && [ "$api_started" = "$n" ] && [ "$raw_started" = "$n" ] && [ "$api_exited" = "$raw_exited" ] \
    && [ "$api_c1" = "$raw_c1" ] && [ "$api_c1_exits" = "$raw_c1_exits" ] \
    || { cat "$CHECKS" >&2; die "the rebuilt figures do not match the generated rows"; }
  log "figures match: $n started, $raw_exited exited"

  busy=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-60}")
  log "measuring (machine ${busy}% busy just before)"
  for clients in 1 "$CLIENTS"; do
    for target in raw-summary raw-regional http-summary http-summary-year http-regional http-summary-cold http-summary-year-cold http-regional-cold; do
      case $target in
        raw-*) run_pgbench "$target-$n-w" "$HERE/$target.sql" "$clients" "${WARMUP%s}" >/dev/null;;
        http-*) run_wrk "${target#http-}" "$clients" "$WARMUP" / >/dev/null;;
      esac
      measure "$n" "$target" "$clients" "$target"
    done
  done

  if [ "$EVENT_RATE" != 0 ]; then
    # Long enough for the three measurements below, each warm-up and run.
    stream_s=$(( (${WARMUP%s} + secs + 2) * 3 + 5 ))
    before=$(history_count)
    log "while events flow: $EVENT_RATE a second for ${stream_s}s"
    dotnet "$EVENTBENCH_DLL" participants --rabbit "$(amqp_uri)" --rate "$EVENT_RATE" --seconds "$stream_s" --seed "$n" \
      >"$WORK/stream-$n.txt" 2>&1 &
    stream=$!
    PIDS[stream]=$stream # stopped with the rest if this script fails
    wait_for "Reporting to take the stream's first event" 30 '[ "$(history_count)" -gt '"$before"' ]'
    for target in http-summary http-summary-year http-regional; do
      run_wrk "${target#http-}" 1 "$WARMUP" / >/dev/null
      measure "$n" "$target" 1 "$target+events"
    done
    wait "$stream" || { cat "$WORK/stream-$n.txt" >&2; die "the event stream failed"; }
    unset 'PIDS[stream]'
    published=$(sed -n 's/^published \([0-9]*\) events.*/\1/p' "$WORK/stream-$n.txt")
    wait_for "Reporting to take all $published events" 60 '[ "$(history_count)" -ge '"$((before + published))"' ]'
    echo "  While events flowed ($n): $(cat "$WORK/stream-$n.txt"); Reporting's history holds all $published." >>"$CHECKS"
  fi
done

COMMAND="bash bench/reporting/run.sh"
[ "$SCALES" = "10000 100000 1000000" ] && [ "$DURATION" = 10s ] && [ "$CLIENTS" = 8 ] && [ "$EVENT_RATE" = 20 ] \
  || COMMAND="SCALES=\"$SCALES\" DURATION=$DURATION CLIENTS=$CLIENTS EVENT_RATE=$EVENT_RATE $COMMAND"
python3 "$HERE/report.py" "$RAW" "$REBUILDS" "$CHECKS" "$COMMAND" "$MACHINE" "$DURATION" "$WARMUP" "$CLIENTS" "$EVENT_RATE" >"$OUT"
log "wrote $OUT"
