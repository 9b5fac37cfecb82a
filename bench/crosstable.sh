#!/usr/bin/env bash
# Cross-tables at scale (issue 15): a cold cross-table through the gateway, side by side with the raw GROUP BY over the
# same participants in the same run, and the rebuild that derives the cross-table counters (cross_counts) from the
# event history.
#
#   bash bench/crosstable.sh                          # 1,000,000 participants; needs a quiet 2-core machine
#   SCALE=20000 DURATION=3s bash bench/crosstable.sh  # a quick look that the script works (figures not meaningful)
#
# 1. generates SCALE participants' event history (bench/reporting/generate.sql: 50 collaborations, 20 referring
#    actors, every municipality, start dates 2023-2026, ~90 % exited) and the raw table bench_raw_participants;
# 2. rebuilds the read models through the gateway (POST /api/reports/admin/rebuilds) and times it; reports the size of
#    cross_counts; checks collaboration 1's referring actor × gender table (started, exits, work or studies) against
#    the raw table;
# 3. measures with wrk through the gateway, as the operator (exact figures), every request a report built anew
#    ("cold"): a random collaboration, a random pair of dimensions (or one), a random whole-month
#    period of 2025 (from a month's first day to a later month's last day), the report cache kept to 1 MB so that a repeat
#    is not answered from it either; the same across all collaborations; and,
#    with pgbench, the raw GROUP BY an unaggregated table answers the same question with (one collaboration's referring
#    actor × gender × outcome over the period, through its index on collaboration). p99 over random pairs is decided by the
#    largest tables, so each scope is measured again per class: pairs with the municipality (290 keys: the municipality
#    alone or crossed with another dimension, either way round) and the rest (the other seven dimensions, alone or in
#    pairs); and the largest answers (municipality × referring actor, and the municipality alone) are timed one by one
#    with their size.
# Goal (issue 15): cold cross-table p99 <= 20 ms through the gateway at 1,000,000 participants.
# JSON cross-tables answer a page of lines (50 by default, see CrossTablePage); the requests ask for the first page, and
# the largest tables are also timed at a page deep inside them and as a whole CSV export.
# Knobs: SCALE, DURATION, WARMUP (before each target), WARMUP_FIRST (each scope's mix, once, before measuring), CLIENTS, QUIET_PCT, QUIET_WAIT, OUT (default: a file in the run's temporary folder;
# nothing is written to bench/results unless OUT says so); REUSE=1 keeps the database of an earlier run at the same SCALE
# (no generation, no rebuild: the figures measured are the same, in minutes instead of a quarter of an hour); HOLD=1 keeps
# the services running after the run, for a closer look by hand.
# Uses port 5166 (Reporting) and 8166 (gateway), database bench_crosstable_reportingdb and RabbitMQ vhost bench-crosstable.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

RABBIT_VHOST=bench-crosstable
SCALE=${SCALE:-1000000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CLIENTS=${CLIENTS:-1 8}
OUT=${OUT:-$WORK/crosstable.md}
REPORTING_PORT=5166 GATEWAY_PORT=8166 NOWHERE_PORT=5159
DB=bench_crosstable_reportingdb
GW=http://127.0.0.1:$GATEWAY_PORT
REPORTING_DLL=$REPO_DIR/services/Reporting/bin/Release/net10.0/Samverkan.Reporting.dll
GATEWAY_DLL=$REPO_DIR/gateway/bin/Release/net10.0/Samverkan.Gateway.dll

check_infra
command -v pgbench >/dev/null || die "pgbench is missing (postgresql-client)"
command -v wrk >/dev/null || die "wrk is missing"
for port in $REPORTING_PORT $GATEWAY_PORT; do
  ss -Hltn "sport = :$port" | grep -q . && die "port $port is in use"
done
for project in services/Reporting gateway; do
  log "building $project (Release)"
  (cd "$REPO_DIR" && dotnet build "$project" -c Release -nologo -v q) >"$WORK/build-$(basename $project).log" 2>&1 \
    || { tail -n 30 "$WORK/build-$(basename $project).log" >&2; die "build of $project failed"; }
done
REPORTING_DLL=$(snapshot "$REPORTING_DLL")
GATEWAY_DLL=$(snapshot "$GATEWAY_DLL")

PSQL=(psql "$PG_SERVER dbname=$DB" -qAt -v ON_ERROR_STOP=1)
reused=
if [ -n "${REUSE:-}" ] && [ "$("${PSQL[@]}" -c "SELECT count(*) FROM bench_raw_participants" 2>/dev/null)" = "$SCALE" ]; then
  reused=1
  log "reusing database $DB ($SCALE participants, rebuilt by an earlier run)"
else
  log "fresh database $DB"
  drop_db $DB
fi
log "fresh vhost $RABBIT_VHOST"
fresh_vhost
start_identity
mapfile -t ENV < <(platform_env)
# The report cache at its least (1 MB, a few pages): a random request repeats an earlier one's table and period often
# enough (the region has some 5,600 of them in 2025) that a full-size cache answered a share of the "cold" requests.
start reporting "$REPORTING_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$REPORTING_PORT ConnectionStrings__reportingdb="$(pg_conn $DB)" \
  Reporting__ReportCacheMegabytes=1
start gateway "$GATEWAY_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_PORT Gateway__RateLimit__PermitsPerSecond=10000000 \
  services__reporting__http__0=http://127.0.0.1:$REPORTING_PORT services__actors__http__0=http://127.0.0.1:$NOWHERE_PORT \
  services__participants__http__0=http://127.0.0.1:$NOWHERE_PORT services__employers__http__0=http://127.0.0.1:$NOWHERE_PORT
wait_http reporting http://127.0.0.1:$REPORTING_PORT/health 120
wait_http gateway $GW/alive

token_file operator
auth_header() { echo "Authorization: Bearer $(cat "$TOKEN_FILE")"; }
LUA_AUTH="local f = assert(io.open(\"$TOKEN_FILE\")); wrk.headers[\"Authorization\"] = \"Bearer \" .. f:read(\"*l\"); f:close()"
MUNICIPALITIES="{$(tail -n +2 "$REPO_DIR/ServiceDefaults/Sweden/municipalities.csv" | cut -d';' -f1 | paste -sd, -)}"

if [ -z "$reused" ]; then
  log "generating $SCALE participants' event history and the raw table"
  t0=$(date +%s.%N)
  "${PSQL[@]}" -v n="$SCALE" -v municipalities="$MUNICIPALITIES" -f "$BENCH_DIR/reporting/generate.sql" >/dev/null
  gen_s=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')

  busy=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-60}")
  log "rebuild through the gateway (machine ${busy}% busy just before)"
  t0=$(date +%s.%N)
  id=$(curl -sf -X POST -H "$(auth_header)" "$GW/api/reports/admin/rebuilds" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') \
    || die "starting the rebuild failed"
  while :; do
    state=$(curl -sf -H "$(auth_header)" "$GW/api/reports/admin/rebuilds/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
    [ "$state" = running ] || break
    sleep 0.5
  done
  [ "$state" = succeeded ] || die "rebuild ended $state"
  rebuild_s=$(echo "$t0 $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
  "${PSQL[@]}" -c 'SET client_min_messages = error' -c 'ANALYZE' >/dev/null
fi
COLLABORATIONS=$("${PSQL[@]}" -c "SELECT string_agg(quote_literal(md5('bench-collaboration-' || c)::uuid::text), ',') FROM generate_series(1, 50) AS c" | tr "'" '"')
read -r cross_rows cross_mb < <("${PSQL[@]}" -F ' ' -c "SELECT count(*), pg_total_relation_size('cross_counts') / 1048576 FROM cross_counts")
log "rebuild: ${rebuild_s:+${rebuild_s}s}${reused:+reused}; cross_counts $cross_rows rows, $cross_mb MB"

# Collaboration 1, referring actor × gender, 2025: the endpoint's figures against the raw GROUP BY.
c1=$("${PSQL[@]}" -c "SELECT md5('bench-collaboration-1')::uuid")
raw=$("${PSQL[@]}" -F ' ' -c "
  SELECT coalesce(sum(started), 0), coalesce(sum(exited), 0), coalesce(sum(wos), 0) FROM (
    SELECT count(*) FILTER (WHERE start_date BETWEEN '2025-01-01' AND '2025-12-31') AS started,
           count(*) FILTER (WHERE exit_date BETWEEN '2025-01-01' AND '2025-12-31') AS exited,
           count(*) FILTER (WHERE exit_date BETWEEN '2025-01-01' AND '2025-12-31' AND outcome BETWEEN 1 AND 4) AS wos
    FROM bench_raw_participants WHERE collaboration_id = '$c1' GROUP BY referring_actor_id, gender) AS t")
api=$(curl -sf -H "$(auth_header)" "$GW/api/reports/collaborations/$c1/cross-table?rows=referring-actor&from=2025-01-01&to=2025-12-31" | python3 -c '
import json, sys
t = json.load(sys.stdin)["totals"]["measures"]
by = {m["key"]: m["total"]["count"] for m in t}
print(by["started"], by["exited"], by["work-or-studies"])')
[ "$raw" = "$api" ] || die "collaboration 1's cross-table ($api) differs from the raw GROUP BY ($raw)"
log "figures match the raw table: started, exited, work or studies = $api"

cat >"$WORK/cold.lua" <<EOF
$LUA_AUTH
local ids = { $COLLABORATIONS }
local dims = { "referring-actor", "municipality", "target-group", "age-band", "labour-market-status", "education-level", "benefit-at-start", "outcome" }
local last = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local others = { 1, 3, 4, 5, 6, 7, 8 }
local function pick()
  if CLASS == "municipality" then
    local b = math.random(0, #dims)
    if b ~= 0 and b ~= 2 and math.random(2) == 1 then return b, 2 end
    return 2, b
  elseif CLASS == "other" then
    local b = math.random(0, #others)
    return others[math.random(#others)], b == 0 and 0 or others[b]
  end
  return math.random(#dims), math.random(0, #dims)
end
request = function()
  local a, b = pick()
  local cols = (b == 0 or b == a) and "" or ("&columns=" .. dims[b])
  local m1 = math.random(1, 12)
  local m2 = math.random(m1, 12)
  local scope = SCOPE == "region" and "/api/reports/regional/cross-table?" or ("/api/reports/collaborations/" .. ids[math.random(#ids)] .. "/cross-table?")
  return wrk.format("GET", string.format("%srows=%s%s&from=2025-%02d-01&to=2025-%02d-%02d", scope, dims[a], cols, m1, m2, last[m2]))
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %d %d %d %d %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(50),
    latency:percentile(99), summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
EOF
for scope in collaboration region; do
  { echo "SCOPE = \"$scope\"; CLASS = \"all\""; cat "$WORK/cold.lua"; } >"$WORK/cold-$scope.lua"
  for class in municipality other; do
    { echo "SCOPE = \"$scope\"; CLASS = \"$class\""; cat "$WORK/cold.lua"; } >"$WORK/cold-$scope-$class.lua"
  done
done
cat >"$WORK/raw.sql" <<'EOF'
\set c random(1, 50)
SELECT referring_actor_id, gender, outcome, count(*) FILTER (WHERE start_date BETWEEN '2025-01-01' AND '2025-12-31') AS started,
       count(*) FILTER (WHERE exit_date BETWEEN '2025-01-01' AND '2025-12-31') AS exited
FROM bench_raw_participants WHERE collaboration_id = md5('bench-collaboration-' || :c)::uuid GROUP BY 1, 2, 3;
EOF

run_wrk() { # LUA CLIENTS DURATION
  wrk -t$(( $2 < 2 ? $2 : 2 )) "-c$2" "-d$3" --timeout 10s -s "$WORK/$1.lua" "$GW/" | awk '/^RESULT /{print $2, $3, $4, $5, $6 + $7}'
}
run_pgbench() { # CLIENTS SECONDS
  rm -f "$WORK"/pgb.*
  PGPASSWORD=samverkan pgbench -h localhost -U samverkan -n -f "$WORK/raw.sql" -c "$1" -j $(( $1 < 2 ? $1 : 2 )) -T "$2" -l \
    --log-prefix="$WORK/pgb" "$DB" >/dev/null 2>&1 || die "pgbench failed"
  cat "$WORK"/pgb.* | python3 -c '
import sys
lat = sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
n = len(lat); secs = float(sys.argv[1])
pct = lambda p: lat[min(n - 1, max(0, int(round(p / 100 * n + 0.5)) - 1))]
print(f"{n / secs:.1f} {pct(50)} {pct(99)} {n} 0")' "$2"
}

# The services' code is compiled again while it runs (tiered JIT): the first target measured paid for it (a p99 of
# 37-45 ms where the classes it mixes had 10-22 ms). So every kind of request runs once before anything is measured.
log "warming up for ${WARMUP_FIRST:-20s} (not measured)"
run_wrk cold-collaboration 1 "${WARMUP_FIRST:-20s}" >/dev/null
run_wrk cold-region 1 "${WARMUP_FIRST:-20s}" >/dev/null
busy=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-60}")
log "measuring (machine ${busy}% busy just before)"
RESULTS=$WORK/results.tsv
printf 'target\tclients\treq/s\tp50 us\tp99 us\trequests\terrors\n' >"$RESULTS"
for clients in $CLIENTS; do
  run_pgbench "$clients" "${WARMUP%s}" >/dev/null
  printf 'raw GROUP BY (pgbench)\t%s\t%s\n' "$clients" "$(run_pgbench "$clients" "${DURATION%s}" | tr ' ' '\t')" >>"$RESULTS"
  for target in cold-collaboration cold-region cold-collaboration-municipality cold-collaboration-other cold-region-municipality \
    cold-region-other; do
    run_wrk "$target" "$clients" "$WARMUP" >/dev/null
    printf '%s (gateway)\t%s\t%s\n' "$target" "$clients" "$(run_wrk "$target" "$clients" "$DURATION" | tr ' ' '\t')" >>"$RESULTS"
  done
done
# The largest answers, one at a time (a new period each, so none is cached): size and time through the gateway. JSON is
# one page of lines (the first, one deep inside the 5,800 lines of municipality × referring actor, and the largest page); CSV
# is every line.
LARGEST=$WORK/largest.tsv
printf 'table\tbytes\tms (each of 5)\n' >"$LARGEST"
for query in "regional/cross-table?rows=municipality&columns=referring-actor" "regional/cross-table?rows=municipality&columns=referring-actor&page=80" \
  "regional/cross-table?rows=municipality&columns=referring-actor&pageSize=200" \
  "collaborations/$c1/cross-table?rows=municipality&columns=referring-actor" "collaborations/$c1/cross-table?rows=municipality&columns=referring-actor&page=80" \
  "regional/cross-table?rows=municipality&columns=target-group" "regional/cross-table?rows=municipality" "collaborations/$c1/cross-table?rows=municipality" \
  "regional/cross-table?rows=municipality&columns=referring-actor&format=csv"; do
  times=() bytes=0
  for m in 1 2 3 4 5; do
    read -r bytes secs < <(curl -sf --max-time 60 -o /dev/null -w '%{size_download} %{time_total}\n' -H "$(auth_header)" \
      "$GW/api/reports/$query&from=2025-0$m-01&to=2025-12-31" || echo "failed 0")
    times+=("$(awk -v s="$secs" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  printf '%s\t%s\t%s\n' "$query" "$bytes" "${times[*]}" >>"$LARGEST"
done

{
  echo "# Cross-tables at $SCALE participants"
  echo
  echo "Command: SCALE=$SCALE DURATION=$DURATION CLIENTS=\"$CLIENTS\" bash bench/crosstable.sh"
  echo
  machine_md
  echo
  if [ -n "$reused" ]; then
    echo "Database of an earlier run at the same scale reused (REUSE=1): not generated or rebuilt here; cross_counts $cross_rows rows, $cross_mb MB."
  else
    echo "Generated in ${gen_s}s; rebuild ${rebuild_s}s (client's clock, vacuum and analyze included); cross_counts $cross_rows rows, $cross_mb MB."
  fi
  echo "Collaboration 1, referring actor × gender, 2025: the endpoint's totals (started, exited, work or studies) = $api, as the raw GROUP BY."
  echo
  echo "| target | clients | req/s | p50 µs | p99 µs | requests | errors |"
  echo "|---|---|---|---|---|---|---|"
  tail -n +2 "$RESULTS" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}'
  echo
  echo "Classes: \`-municipality\` = the municipality alone or crossed with another dimension (either way round); \`-other\` = the other"
  echo "seven dimensions alone or in pairs; without a class, the mix (about 22 % of its requests involve the municipality)."
  echo
  echo "The largest answers, one request at a time, 1 client (periods from a month of 2025 to its end, none cached; JSON is a page of"
  echo "50 lines unless pageSize= says otherwise, the first unless page= does; CSV is the whole table):"
  echo
  echo "| table | bytes | ms, each of 5 |"
  echo "|---|---|---|"
  tail -n +2 "$LARGEST" | awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}'
  echo
  echo "Goal: cold cross-table p99 <= 20 ms (20000 µs) through the gateway at 1,000,000 participants."
} >"$OUT"
cat "$OUT"
log "wrote $OUT"
if [ -n "${HOLD:-}" ]; then # for looking closer by hand: the services keep running, the operator's token in $TOKEN_FILE
  log "holding: Reporting on :$REPORTING_PORT, gateway on :$GATEWAY_PORT, token in $TOKEN_FILE; stop with Ctrl+C"
  while :; do sleep 60 & wait $!; done # wait: a signal ends it at once
fi
