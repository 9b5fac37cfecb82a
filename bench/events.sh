#!/usr/bin/env bash
# Event propagation, end to end, beside raw MassTransit publish→consume, in one run:
#   1. starts the platform from its Release build (Actors, Participants, Employers, Reporting, gateway) on a
#      fresh set of bench_* databases and a fresh RabbitMQ virtual host "bench";
#   2. raw anchor: bench/EventBench `raw` — 20,000 small messages published and consumed in one process;
#   3. propagation: bench/EventBench `propagation` — POST /api/actors through the gateway at steady open-loop
#      rates stepping up, each event timed from Actors' outbox row to Reporting's inbox row, the backlog
#      watched; the highest step with a flat backlog is the capacity; a last run at half of it.
# Writes bench/results/<date>-events.md. Usage: bash bench/events.sh   (see bench/README.md)
# SERVICES=minimal runs only Actors, Reporting and the gateway (no Participants/Employers consumers).
# PROFILE=reporting (or another service of the run) samples that process's CPU with dotnet-trace for PROFILE_SECONDS
# once the warm-up is over and adds the methods it spent its time in; the sampling costs some throughput, so take the
# capacity from a run without it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

SERVICES=${SERVICES:-all}
RATES=${RATES:-100,150,200,250,300,400,500,750,1000,1500,2000,3000}
WARMUP_SECONDS=${WARMUP_SECONDS:-90}
WARMUP_RATE=${WARMUP_RATE:-120}
STEP_SECONDS=${STEP_SECONDS:-10}
HALF_SECONDS=${HALF_SECONDS:-20}
MESSAGES=${MESSAGES:-20000}
PROFILE=${PROFILE:-}
PROFILE_SECONDS=${PROFILE_SECONDS:-30}
DOTNET_TRACE_VERSION=10.0.750501
OUT=${OUT:-$(result_path "events$([ "$SERVICES" = all ] || echo "-$SERVICES")")}

ACTORS_PORT=5150 PARTICIPANTS_PORT=5151 EMPLOYERS_PORT=5152 REPORTING_PORT=5153 GATEWAY_PORT=8150
dll() { echo "$REPO_DIR/$1/bin/Release/net10.0/Samverkan.$2.dll"; }
declare -A SNAP=()
EVENTBENCH_DLL=$BENCH_DIR/EventBench/bin/Release/net10.0/Samverkan.Bench.EventBench.dll

check_infra
require_platform_build "$(dll services/Actors Actors)" "$(dll services/Participants Participants)" \
  "$(dll services/Employers Employers)" "$(dll services/Reporting Reporting)" "$(dll gateway Gateway)"
build_bench_project EventBench "$EVENTBENCH_DLL"
for port in $ACTORS_PORT $PARTICIPANTS_PORT $EMPLOYERS_PORT $REPORTING_PORT $GATEWAY_PORT; do
  ss -Hltn "sport = :$port" | grep -q . && die "port $port is in use"
done

case $SERVICES in
  all) RUN=(actors participants employers reporting);;
  minimal) RUN=(actors reporting);;
  *) die "SERVICES is all or minimal";;
esac
declare -A PORT=([actors]=$ACTORS_PORT [participants]=$PARTICIPANTS_PORT [employers]=$EMPLOYERS_PORT [reporting]=$REPORTING_PORT)
declare -A NAME=([actors]=Actors [participants]=Participants [employers]=Employers [reporting]=Reporting)
if [ -n "$PROFILE" ]; then
  [ -n "${PORT[$PROFILE]:-}" ] && [[ " ${RUN[*]} " == *" $PROFILE "* ]] || die "PROFILE names a service of this run: ${RUN[*]}"
  log "installing dotnet-trace $DOTNET_TRACE_VERSION into the run's folder"
  dotnet tool install dotnet-trace --version $DOTNET_TRACE_VERSION --tool-path "$WORK/tools" >"$WORK/tool.log" 2>&1 \
    || { tail -n 20 "$WORK/tool.log" >&2; die "could not install dotnet-trace"; }
fi

log "fresh databases bench_{actors,participants,employers,reporting}db and RabbitMQ vhost $RABBIT_VHOST"
drop_db bench_actorsdb bench_participantsdb bench_employersdb bench_reportingdb
fresh_vhost
start_identity
mapfile -t ENV < <(platform_env)

for s in "${RUN[@]}"; do SNAP[$s]=$(snapshot "$(dll "services/${NAME[$s]}" "${NAME[$s]}")"); done
SNAP[gateway]=$(snapshot "$(dll gateway Gateway)")
for s in "${RUN[@]}"; do
  log "starting ${NAME[$s]} :${PORT[$s]}"
  extra=()
  # Participants protects identity numbers: outside Development it needs its lookup key and key-ring folder.
  [ "$s" != participants ] || extra=(Participants__LookupKey=samverkan-bench-participants-lookup-key-0123456789
    Participants__KeyDirectory="$WORK/participants-keys")
  start "$s" "${SNAP[$s]}" "${ENV[@]}" "${extra[@]}" ASPNETCORE_URLS=http://127.0.0.1:${PORT[$s]} \
    "ConnectionStrings__${s}db=$(pg_conn "bench_${s}db")"
done
# The gateway knows every service; those not running answer nothing (and are not used here).
start gateway "${SNAP[gateway]}" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_PORT \
  services__actors__http__0=http://127.0.0.1:$ACTORS_PORT \
  services__participants__http__0=http://127.0.0.1:$PARTICIPANTS_PORT \
  services__employers__http__0=http://127.0.0.1:$EMPLOYERS_PORT \
  services__reporting__http__0=http://127.0.0.1:$REPORTING_PORT \
  Gateway__RateLimit__PermitsPerSecond=10000000
for s in "${RUN[@]}"; do wait_http "$s" "http://127.0.0.1:${PORT[$s]}/health"; done
wait_http gateway http://127.0.0.1:$GATEWAY_PORT/alive
log "platform up: ${RUN[*]} and the gateway"

BUSY_RAW=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-240}")
log "raw MassTransit anchor: $MESSAGES messages at 100 and 10 publishes in flight"
RAW_CMD=(dotnet "$EVENTBENCH_DLL" raw --rabbit "$(amqp_uri)" --messages "$MESSAGES" --in-flight 100,10 --md "$WORK/raw.md")
timeout 180 "${RAW_CMD[@]}"

QUEUES=$(printf '%s-actor-registered,' "${RUN[@]:1}"); QUEUES=${QUEUES%,}
# The propagation run (warm-up and steps) takes longer than a token's 10 minutes: EventBench reads the token from a
# file that token_file renews every 4 minutes.
token_file caseworker
PROP_ARGS=(propagation --gateway http://127.0.0.1:$GATEWAY_PORT --token-file "$TOKEN_FILE"
  --actors-db "$(pg_conn bench_actorsdb)" --reporting-db "$(pg_conn bench_reportingdb)" --rabbit "$(amqp_uri)"
  --queues "$QUEUES" --rates "$RATES" --warmup-rate "$WARMUP_RATE" --warmup-seconds "$WARMUP_SECONDS" --step-seconds "$STEP_SECONDS" --half-seconds "$HALF_SECONDS" --md "$WORK/propagation.md")

# CPU time per process over the propagation run: where the two cores went.
declare -A T0=()
procs_ticks() {
  local name
  for name in "${!PIDS[@]}"; do echo "$name $(cpu_ticks "${PIDS[$name]}")"; done
  echo "postgres $(pgrep -x postgres | while read -r p; do cpu_ticks "$p"; done | awk '{s += $1} END {print s + 0}')"
  echo "rabbitmq $(pgrep -x beam.smp | while read -r p; do cpu_ticks "$p"; done | awk '{s += $1} END {print s + 0}')"
  awk '/^cpu /{print "machine", $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
BUSY_PROP=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-240}")
while read -r name ticks; do T0[$name]=$ticks; done < <(procs_ticks)
log "propagation: warm-up ${WARMUP_RATE}/s for ${WARMUP_SECONDS}s, steps $RATES /s, ${STEP_SECONDS}s each, then half of capacity for ${HALF_SECONDS}s"
START=$(date +%s.%N)
timeout 600 dotnet "$EVENTBENCH_DLL" "${PROP_ARGS[@]}" 2> >(tee "$WORK/propagation.log" >&2) \
  & PIDS[eventbench]=$!
if [ -n "$PROFILE" ]; then
  # After the warm-up, when the JIT has settled: the steps' events, not start-up's.
  ( sleep $((WARMUP_SECONDS + 5))
    "$WORK/tools/dotnet-trace" collect -p "${PIDS[$PROFILE]}" --profile dotnet-sampled-thread-time --duration "00:00:00:$PROFILE_SECONDS" \
      -o "$WORK/profile.nettrace" >"$WORK/trace.log" 2>&1 ) &
  PROFILER=$!
fi
wait "${PIDS[eventbench]}"
[ -z "$PROFILE" ] || wait "$PROFILER" || log "dotnet-trace failed (see $WORK/trace.log)"
ELAPSED=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
CPU_TABLE=$WORK/cpu.tsv
: >"$CPU_TABLE"
while read -r name ticks; do
  [ -n "${T0[$name]:-}" ] && printf '%s\t%s\n' "$name" $((ticks - T0[$name])) >>"$CPU_TABLE"
done < <(procs_ticks)
unset 'PIDS[eventbench]'
EVENTS=$(psql "$PG_SERVER dbname=bench_reportingdb" -qAt -c 'select count(*) from inbox_messages')

RESULT=$(grep -o 'RESULT [^>]*' "$WORK/propagation.md" | head -n1)
val() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$RESULT"; }
CAPACITY=$(val capacity) HALF_RATE=$(val half_rate) P50=$(val p50) P99=$(val p99)
hz=$(getconf CLK_TCK)
# The load generator reports its own CPU time; "everything else" is what the machine did besides all of ours.
printf 'load generator (EventBench)\t%.0f\n' "$(awk -v c="$(val cpu)" -v hz="$hz" 'BEGIN { print c * hz }')" >>"$CPU_TABLE"
awk -F'\t' '$1 == "machine" { m = $2 } $1 != "machine" { s += $2 } END { printf "everything else on the machine\t%d\n", m - s }' \
  "$CPU_TABLE" >>"$CPU_TABLE.other"
cat "$CPU_TABLE.other" >>"$CPU_TABLE"
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == "<=" ? a <= b : a >= b); print (ok ? "yes" : "**no**") }'; }

COMMAND="bash bench/events.sh"
[ "$SERVICES" = all ] || COMMAND="SERVICES=$SERVICES $COMMAND"
[ -z "$PROFILE" ] || COMMAND="PROFILE=$PROFILE PROFILE_SECONDS=$PROFILE_SECONDS $COMMAND"
[ -z "${PG_OPTIONS:-}" ] || COMMAND="PG_OPTIONS='$PG_OPTIONS' $COMMAND"
{
  echo "# Event propagation — $TODAY"
  echo
  echo "Produced by \`$COMMAND\`. Everything — the load generator, the gateway, ${#RUN[@]} services, PostgreSQL"
  echo "and RabbitMQ — shares the machine's cores."
  echo
  echo "## Machine"
  echo
  machine_md
  echo
  echo "## Set-up"
  echo
  echo "- Platform from the Release build: ${RUN[*]} and the gateway, \`ASPNETCORE_ENVIRONMENT=Production\`,"
  echo "  \`Logging__LogLevel__Default=Warning\`, default \`Messaging\` settings (outbox batch 500, consumer concurrency"
  echo "  and prefetch 32, publisher confirms), gateway rate limit raised out of reach (\`Gateway__RateLimit__PermitsPerSecond=10000000\`;"
  echo "  the default 2,000/s per agency would cap a one-client benchmark at exactly the goal). No OTLP endpoint, so no"
  echo "  telemetry (ServiceDefaults sets it up only when it has somewhere to send it)."
  echo "- Fresh databases \`bench_*db\` and RabbitMQ virtual host \`$RABBIT_VHOST\` (no one else's queues or messages)."
  echo "- Tokens: RS256 from the identity service (\`services/Identity\`, Production, run beside the others), a"
  echo "  client-credentials token of a system client registered for role caseworker, renewed every 4 minutes"
  echo "  (\`--token-file\`); the gateway and Actors check it with the keys of the identity service's JWKS."
  echo "- Every \`ActorRegistered\` fans out to the queues: $QUEUES."
  echo
  echo "## Raw MassTransit publish→consume (anchor, same run)"
  echo
  echo "\`${RAW_CMD[*]}\`"
  echo
  echo "One process publishes and consumes: durable queue, persistent messages, publisher confirms, prefetch and"
  echo "concurrency 32 like the platform's endpoints. Latency: just before \`Publish\` → start of the consumer."
  echo
  cat "$WORK/raw.md"
  echo
  echo "## End to end: POST /api/actors through the gateway → visible in Reporting"
  echo
  echo "\`dotnet bench/EventBench/bin/Release/net10.0/Samverkan.Bench.EventBench.dll ${PROP_ARGS[*]/$TOKEN_FILE/<token file>}\`"
  echo
  echo "Open-loop: request i is sent at i/rate s whatever the answers (at most 512 in flight). A step is *flat* when"
  echo "the backlog's least-squares slope over its second half is ≤ 5% of the rate (or 10/s), it clears within 5 s"
  echo "of the load stopping, and latency does not creep up (p50 of the step's last third ≤ 2 × that of its first"
  echo "third + 20 ms); *sustained* when also ≥ 95% of the rate was accepted (2xx), ≤ 0.1% errors and no event"
  echo "went missing. Steps stop at the first one not sustained; one step between the last good and the first bad"
  echo "rate refines the figure. Each step starts with an empty pipeline. The first ${WARMUP_SECONDS} s at ${WARMUP_RATE}/s are a"
  echo "warm-up (row *warm-up*, not counted): after a start the services' JIT keeps compiling and tiering code up for"
  echo "40–60 s of load, and until it has, each event costs several times its steady-state CPU."
  echo
  cat "$WORK/propagation.md"
  echo
  echo "### CPU time by process over the whole propagation run (${ELAPSED%.*} s, $EVENTS events into Reporting)"
  echo
  echo "| process | CPU s | share of both cores | CPU µs per event |"
  echo "|---|---:|---:|---:|"
  sort -t$'\t' -k2 -n -r "$CPU_TABLE" | awk -F'\t' -v hz="$hz" -v el="$ELAPSED" -v ev="$EVENTS" -v n="$(nproc)" \
    '{ printf "| %s | %.1f | %.0f%% | %.0f |\n", $1, $2 / hz, 100 * $2 / hz / el / n, $2 / hz * 1e6 / ev }'
  echo
  other=$(awk -F'\t' '$1 == "everything else on the machine" { printf "%.0f", 100 * $2 / hz / el / n }' hz="$hz" el="$ELAPSED" n="$(nproc)" "$CPU_TABLE")
  if [ "${other:-0}" -gt 10 ]; then
    echo "**Disturbed run:** work that is not ours used ${other}% of the cores during the propagation run; the capacity"
    echo "and latencies above are lower than this platform reaches on a quiet machine."
    echo
  fi
  echo "(\`machine\` is all busy CPU on the box; \`postgres\`/\`rabbitmq\` count all of the servers' processes, so they"
  echo "include anyone else's use of them. Machine busy just before: ${BUSY_RAW}% (raw anchor), ${BUSY_PROP}% (propagation),"
  echo "with our processes idle.)"
  echo
  if [ -n "$PROFILE" ] && [ -s "$WORK/profile.nettrace" ]; then
    echo "## Where ${NAME[$PROFILE]} spends its CPU (dotnet-trace, ${PROFILE_SECONDS} s after the warm-up)"
    echo
    echo "\`dotnet-trace collect --profile dotnet-sampled-thread-time\` on the running process (every managed thread's"
    echo "stack about 100 times a second), converted to speedscope and summed by \`bench/profile/busy.py\`, which leaves out"
    echo "the time threads spend waiting (dotnet-trace's own topN is led by the thread pool's idle waits). The sampling"
    echo "costs the process some of its throughput during those seconds."
    echo
    echo '```'
    "$WORK/tools/dotnet-trace" convert --format Speedscope "$WORK/profile.nettrace" -o "$WORK/profile" >/dev/null 2>&1
    python3 "$BENCH_DIR/profile/busy.py" "$WORK/profile.speedscope.json" 25 2>&1
    echo '```'
    echo
  fi
  echo "## Against the goals"
  echo
  echo "| goal | measured | met? |"
  echo "|---|---:|---|"
  echo "| at least 2,000 events/s sustained end to end | $CAPACITY /s | $(verdict "$CAPACITY" '>=' 2000) |"
  echo "| p50 ≤ 10 ms at half of capacity ($HALF_RATE/s) | $P50 ms | $(verdict "$P50" '<=' 10) |"
  echo "| p99 ≤ 100 ms at half of capacity ($HALF_RATE/s) | $P99 ms | $(verdict "$P99" '<=' 100) |"
} >"$OUT"
log "wrote $OUT"
