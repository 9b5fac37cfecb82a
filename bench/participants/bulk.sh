#!/usr/bin/env bash
# Bulk enrolment of many participants through the gateway, and the time until every ParticipantEnrolled has reached
# Reporting. Starts Actors, Participants, Reporting and the gateway from their Release builds on fresh bench_*
# databases and the RabbitMQ virtual host "bench"; registers an agency and two collaborations through the gateway
# (one for a warm-up, one measured); then bench/participants/bulk_load.py sends TOTAL participants in batches of
# BATCH (JSON arrays), CONCURRENCY requests in flight, each row a fresh valid personnummer, and watches Reporting's
# participant_facts until all are there.
# Writes bench/results/<date>-participants-bulk.md. Usage: bash bench/participants/bulk.sh
# Knobs: TOTAL (100000), BATCH (1000), CONCURRENCY (4), WARMUP (5000), VISIBLE_TIMEOUT (seconds to wait after the last
# answer for Reporting to hold every participant: 2400, since Reporting took in 100-450 events/s on this machine and
# 100,000 events at the low end need ~17 minutes), QUIET_PCT, QUIET_WAIT, OUT.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

TOTAL=${TOTAL:-100000}
BATCH=${BATCH:-1000}
CONCURRENCY=${CONCURRENCY:-4}
WARMUP=${WARMUP:-5000}
VISIBLE_TIMEOUT=${VISIBLE_TIMEOUT:-2400}
OUT=${OUT:-$(result_path participants-bulk)}
ACTORS_PORT=5145 PARTICIPANTS_PORT=5146 REPORTING_PORT=5147 GATEWAY_PORT=8145
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
dll() { echo "$REPO_DIR/$1/bin/Release/net10.0/Samverkan.$2.dll"; }

psql "$PG_SERVER dbname=postgres" -qAt -c 'select 1' >/dev/null 2>&1 || die "PostgreSQL does not answer: run scripts/infra.sh"
rabbitmqctl -q status >/dev/null 2>&1 || die "RabbitMQ does not answer: run scripts/infra.sh"
for port in $ACTORS_PORT $PARTICIPANTS_PORT $REPORTING_PORT $GATEWAY_PORT; do
  ss -Hltn "sport = :$port" | grep -q . && die "port $port is in use"
done
# Only the four projects this needs, not the whole solution (others may be half-way through an edit elsewhere).
for p in services/Actors:Actors services/Participants:Participants services/Reporting:Reporting gateway:Gateway; do
  if [ ! -f "$(dll "${p%%:*}" "${p##*:}")" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    log "building ${p%%:*} (Release)"
    dotnet build "$REPO_DIR/${p%%:*}" -c Release -nologo -v q >"$WORK/build-${p##*:}.log" 2>&1 \
      || { tail -n 30 "$WORK/build-${p##*:}.log" >&2; die "build of ${p%%:*} failed"; }
  fi
done

log "fresh databases bench_{actors,participants,reporting}db and RabbitMQ vhost $RABBIT_VHOST"
drop_db bench_actorsdb bench_participantsdb bench_reportingdb
fresh_vhost
start_identity
mapfile -t ENV < <(platform_env)
declare -A PORT=([actors]=$ACTORS_PORT [participants]=$PARTICIPANTS_PORT [reporting]=$REPORTING_PORT)
declare -A NAME=([actors]=Actors [participants]=Participants [reporting]=Reporting)
for s in actors participants reporting; do
  extra=()
  [ "$s" != participants ] || extra=(Participants__LookupKey=samverkan-bench-participants-lookup-key-0123456789
    Participants__KeyDirectory="$WORK/participants-keys")
  log "starting ${NAME[$s]} :${PORT[$s]}"
  start "$s" "$(snapshot "$(dll "services/${NAME[$s]}" "${NAME[$s]}")")" "${ENV[@]}" "${extra[@]}" \
    ASPNETCORE_URLS=http://127.0.0.1:${PORT[$s]} "ConnectionStrings__${s}db=$(pg_conn "bench_${s}db")"
done
start gateway "$(snapshot "$(dll gateway Gateway)")" "${ENV[@]}" ASPNETCORE_URLS=$GATEWAY \
  services__actors__http__0=http://127.0.0.1:$ACTORS_PORT \
  services__participants__http__0=http://127.0.0.1:$PARTICIPANTS_PORT \
  services__employers__http__0=http://127.0.0.1:5149 \
  services__reporting__http__0=http://127.0.0.1:$REPORTING_PORT \
  Gateway__RateLimit__PermitsPerSecond=10000000
for s in actors participants reporting; do wait_http "$s" "http://127.0.0.1:${PORT[$s]}/health"; done
wait_http gateway "$GATEWAY/alive"

# An agency (registered in Actors, so Participants and Reporting learn of it) and two collaborations it owns.
json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
post() { curl -sf -X POST "$GATEWAY$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
ORGNR=$(python3 -c '
import random
b = "55" + str(random.randint(2, 9)) + f"{random.randint(0, 999999):06d}"
s = sum((d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 == 0 else d for i, d in enumerate(map(int, b)))
print(b + str((10 - s % 10) % 10))')
AGENCY=$(post /api/actors "$(platform_token caseworker)" \
  "{\"name\":\"Arbetsförmedlingen bench\",\"organisationNumber\":\"$ORGNR\",\"sector\":\"public\",\"kind\":\"employment-service\"}" | json_id)
COORDINATOR=$(platform_token coordinator "$AGENCY")   # tokens of the registered agency from here on
# The load and the wait for Reporting take far longer than a token's 10 minutes: bulk_load.py reads the caseworker's
# token from a file that token_file renews every 4 minutes, again before each batch.
token_file caseworker "$AGENCY"
collaboration() {
  post /api/collaborations "$COORDINATOR" "{\"name\":\"$1\",\"purpose\":\"Benchmark\",\"targetGroups\":[\"long-term-unemployed\"],
    \"geography\":[\"0880\"],\"startDate\":\"2026-01-01\",\"endDate\":\"2027-12-31\",\"financing\":{\"source\":\"esf-plus\",\"budget\":1000000},
    \"targets\":{\"participants\":{\"total\":$TOTAL,\"women\":$((TOTAL / 2)),\"men\":$((TOTAL / 2))},\"exitToWorkOrStudiesShare\":60},\"members\":[]}" | json_id
}
WARM_COLLAB=$(collaboration "Bench warm-up")
COLLAB=$(collaboration "Bench bulk enrolment")
log "agency $AGENCY, collaborations $WARM_COLLAB (warm-up) and $COLLAB (measured)"
for _ in $(seq 1 240); do
  known=$(psql "$PG_SERVER dbname=bench_participantsdb" -qAt -c \
    "select count(*) from known_collaborations where id in ('$WARM_COLLAB', '$COLLAB')" 2>/dev/null || echo 0)
  members=$(psql "$PG_SERVER dbname=bench_participantsdb" -qAt -c \
    "select count(*) from collaboration_membership_changes where actor_id = '$AGENCY'" 2>/dev/null || echo 0)
  actor=$(psql "$PG_SERVER dbname=bench_participantsdb" -qAt -c "select count(*) from known_actors where id = '$AGENCY'" 2>/dev/null || echo 0)
  [ "$known" = 2 ] && [ "$members" -ge 2 ] && [ "$actor" = 1 ] && break
  sleep 0.25
done
[ "$known" = 2 ] && [ "$members" -ge 2 ] || die "Participants did not learn of the collaborations"

LOAD=(python3 "$BENCH_DIR/participants/bulk_load.py" --gateway "$GATEWAY" --token-file "$TOKEN_FILE" --batch "$BATCH"
  --concurrency "$CONCURRENCY" --visible-timeout "$VISIBLE_TIMEOUT" --reporting-psql "$PG_SERVER dbname=bench_reportingdb")
log "warm-up: $WARMUP participants into the warm-up collaboration"
"${LOAD[@]}" --collaboration "$WARM_COLLAB" --total "$WARMUP" >"$WORK/warmup.txt"
cat "$WORK/warmup.txt" >&2

BUSY=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-120}")
declare -A T0=()
procs_ticks() {
  local name
  for name in "${!PIDS[@]}"; do echo "$name $(cpu_ticks "${PIDS[$name]}")"; done
  echo "postgres $(pgrep -x postgres | while read -r p; do cpu_ticks "$p"; done | awk '{s += $1} END {print s + 0}')"
  echo "rabbitmq $(pgrep -x beam.smp | while read -r p; do cpu_ticks "$p"; done | awk '{s += $1} END {print s + 0}')"
  awk '/^cpu /{print "machine", $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
while read -r name ticks; do T0[$name]=$ticks; done < <(procs_ticks)
log "measured: $TOTAL participants in batches of $BATCH, $CONCURRENCY in flight"
START=$(date +%s.%N)
"${LOAD[@]}" --collaboration "$COLLAB" --total "$TOTAL" >"$WORK/result.txt"
ELAPSED=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
RESULT=$(cat "$WORK/result.txt")
log "$RESULT"
hz=$(getconf CLK_TCK)
CPU_ROWS=$(while read -r name ticks; do
  [ -n "${T0[$name]:-}" ] && printf '%s\t%s\n' "$name" $((ticks - T0[$name]))
done < <(procs_ticks))
val() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$RESULT"; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b ? "yes" : "**no**") }'; }

{
  echo "# Participants: bulk enrolment through the gateway — $TODAY"
  echo
  echo "Produced by \`TOTAL=$TOTAL BATCH=$BATCH CONCURRENCY=$CONCURRENCY bash bench/participants/bulk.sh\`. The load generator, the gateway,"
  echo "Actors, Participants, Reporting, PostgreSQL and RabbitMQ share the machine's cores."
  echo
  echo "## Machine"
  echo
  machine_md
  echo
  echo '```'
  lscpu | head -n 15
  echo '```'
  echo
  echo "## Set-up"
  echo
  echo "- Release builds, \`ASPNETCORE_ENVIRONMENT=Production\`, \`Logging__LogLevel__Default=Warning\`, no telemetry, default"
  echo "  \`Messaging\` settings, gateway rate limit out of reach. Fresh \`bench_*db\` databases and vhost \`$RABBIT_VHOST\`."
  echo "- \`POST /api/participants/bulk\` with JSON arrays of $BATCH enrolments, $CONCURRENCY requests in flight (python, one keep-alive"
  echo "  connection per thread; bodies built before the clock starts). Each row a distinct valid personnummer."
  echo "- Tokens: RS256 from the identity service (\`services/Identity\`, run beside them), client credentials of system"
  echo "  clients registered for the agency (coordinator to set up, caseworker for the load, renewed every 4 minutes)."
  echo "- Warm-up first: $WARMUP participants into another collaboration (JIT), result: \`$(cat "$WORK/warmup.txt")\`."
  echo "- *Enrolment rate* = participants created / time from the first request to the last answer. *All in Reporting* ="
  echo "  time from the first request until Reporting's \`participant_facts\` holds every created participant of the"
  echo "  collaboration (polled every 0.5 s with psql), i.e. every ParticipantEnrolled went outbox → RabbitMQ → Reporting."
  echo "- Reporting is waited for up to ${VISIBLE_TIMEOUT} s after the last answer."
  echo "- Machine busy just before the measured run, with our processes idle: ${BUSY}%."
  echo
  echo "## Result"
  echo
  echo "\`$RESULT\`"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| participants created | $(val created) of $TOTAL (already enrolled $(val already), rejected $(val rejected), failed batches $(val failed)) |"
  echo "| enrolment phase | $(val enrol_s) s |"
  echo "| **enrolments/s** | **$(val enrol_per_s)** |"
  echo "| batch latency p50 / p99 | $(val batch_p50_ms) / $(val batch_p99_ms) ms |"
  echo "| all in Reporting, from the first request | $(val all_visible_s) s ($(val end_to_end_per_s) participants/s end to end) |"
  echo "| of which after the last answer | $(val visible_after_enrol_s) s |"
  echo
  echo "### CPU time by process over the measured run (${ELAPSED} s)"
  echo
  echo "| process | CPU s | share of all cores |"
  echo "|---|---:|---:|"
  sort -t$'\t' -k2 -n -r <<<"$CPU_ROWS" | awk -F'\t' -v hz="$hz" -v el="$ELAPSED" -v n="$(nproc)" \
    '{ printf "| %s | %.1f | %.0f%% |\n", $1, $2 / hz, 100 * $2 / hz / el / n }'
  echo
  echo "(\`machine\` is all busy CPU on the box, anyone's; the load generator is not in the table but inside \`machine\`.)"
  echo
  # CPU per created enrolment, each including its share of dispatching (Participants) or absorbing (Reporting) the event.
  awk -F'\t' -v hz="$hz" -v n="$(val created)" '$1 == "participants" || $1 == "reporting" || $1 == "gateway" || $1 == "postgres" {
    printf "%s%s %.3f ms", (k++ ? ", " : "CPU per enrolment: "), $1, 1000 * $2 / hz / (n > 0 ? n : 1) } END { print "" }' <<<"$CPU_ROWS"
  echo
  echo "## Against the goal"
  echo
  echo "| goal | measured | met? |"
  echo "|---|---:|---|"
  echo "| bulk enrolment at ≥ 1,000 participants/s through the gateway | $(val enrol_per_s) /s | $(verdict "$(val enrol_per_s)" 1000) |"
  echo "| every event reaches Reporting | $(val visible) of $(val created) | $(verdict "$(val visible)" "$(val created)") |"
} >"$OUT"
log "wrote $OUT"
