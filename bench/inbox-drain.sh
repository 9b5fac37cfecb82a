#!/usr/bin/env bash
# The inbox's cost per message, before and after a change, side by side in one run: a backlog of N
# ActorRegistered events is published while Reporting is stopped; Reporting is started and clears it. The
# rate is N over first → last inbox row (startup excluded); CPU is Reporting's own (user + system) over the
# drain. Rounds alternate the two builds so that the machine's noise falls on both alike.
#   OLD_REF   the commit to compare against (default: the one before the inbox group commit)
#   MESSAGES  backlog size (default 20000); ROUNDS (default 3)
# Writes bench/results/<date>-inbox-drain.md. Usage: bash bench/inbox-drain.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

OLD_REF=${OLD_REF:-$(cd "$REPO_DIR" && git log --format=%h -1 --grep='Inbox group commit')^}
MESSAGES=${MESSAGES:-20000}
ROUNDS=${ROUNDS:-3}
PORT=5163
DB=bench_drain_reportingdb
OUT=${OUT:-$(result_path inbox-drain)}
EVENTBENCH_DLL=$BENCH_DIR/EventBench/bin/Release/net10.0/Samverkan.Bench.EventBench.dll
NEW_DLL=$REPO_DIR/services/Reporting/bin/Release/net10.0/Samverkan.Reporting.dll

check_infra
require_platform_build "$NEW_DLL"
build_bench_project EventBench "$EVENTBENCH_DLL"
OLD_COMMIT=$(cd "$REPO_DIR" && git rev-parse --short "$OLD_REF")
log "building Reporting at $OLD_COMMIT (the comparison) in $WORK/old"
git -C "$REPO_DIR" worktree add -q --detach "$WORK/old" "$OLD_COMMIT"
trap 'git -C "$REPO_DIR" worktree remove --force "$WORK/old" 2>/dev/null || true; cleanup' EXIT
(cd "$WORK/old" && dotnet build services/Reporting -c Release -nologo -v q) >"$WORK/build-old.log" 2>&1 \
  || { tail -n 30 "$WORK/build-old.log" >&2; die "build of $OLD_COMMIT failed"; }
# Each build in a folder of its own (lib.sh's snapshot names the copy after the dll, the same for both).
mkdir -p "$WORK/bin/old" && cp -a "$WORK/old/services/Reporting/bin/Release/net10.0/." "$WORK/bin/old/"
declare -A DLL=([old]=$WORK/bin/old/Samverkan.Reporting.dll [new]=$(snapshot "$NEW_DLL"))
mapfile -t ENV < <(platform_env)

start_reporting() {
  start reporting "${DLL[$1]}" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$PORT "ConnectionStrings__reportingdb=$(pg_conn $DB)"
  wait_http reporting "http://127.0.0.1:$PORT/health"
}
stop_reporting() {
  kill -TERM "${PIDS[reporting]}"; wait "${PIDS[reporting]}" 2>/dev/null || true; unset 'PIDS[reporting]'
}
sql() { psql "$PG_SERVER dbname=$DB" -qAt -c "$1"; }

# One drain: prints "rate cpu_ms_per_1000"
drain() {
  local variant=$1 ticks0 ticks1 hz
  drop_db $DB; fresh_vhost
  start_reporting "$variant"; stop_reporting # creates the database, the queues and their bindings
  timeout 300 dotnet "$EVENTBENCH_DLL" publish --rabbit "$(amqp_uri)" --messages "$MESSAGES" --seed $((RANDOM % 700)) >&2
  start_reporting "$variant"
  ticks0=$(cpu_ticks "${PIDS[reporting]}")
  for _ in $(seq 1 1200); do
    [ "$(sql "select count(*) from inbox_messages")" -ge "$MESSAGES" ] && break
    sleep 0.5
  done
  ticks1=$(cpu_ticks "${PIDS[reporting]}")
  stop_reporting
  hz=$(getconf CLK_TCK)
  sql "select count(*), extract(epoch from max(received_at) - min(received_at)), count(distinct xmin::text) from inbox_messages" |
    awk -F'|' -v t="$((ticks1 - ticks0))" -v hz="$hz" '{printf "%.0f %.2f %d %d\n", $1 / $2, 1000 * t / hz / $1, $1, $3}'
}

BUSY=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-120}")
declare -A RATES=() CPUS=()
ROWS=""
for round in $(seq 1 "$ROUNDS"); do
  order=(old new); [ $((round % 2)) -eq 0 ] && order=(new old)
  for variant in "${order[@]}"; do
    log "round $round: $variant"
    read -r rate cpu count commits < <(drain "$variant")
    log "round $round $variant: $rate msg/s, $cpu ms CPU per message, $commits transactions for $count messages"
    RATES[$variant]+="$rate "; CPUS[$variant]+="$cpu "
    ROWS+="| $round | $variant | $count | $commits | $rate | $cpu |"$'\n'
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
OLD_RATE=$(echo "${RATES[old]}" | median); NEW_RATE=$(echo "${RATES[new]}" | median)
OLD_CPU=$(echo "${CPUS[old]}" | median); NEW_CPU=$(echo "${CPUS[new]}" | median)

cat >"$OUT" <<MD
# Inbox drain, before and after — $TODAY

Produced by \`bash bench/inbox-drain.sh\`: a backlog of $MESSAGES \`ActorRegistered\` events in Reporting's
queue, cleared by Reporting (Release build, \`ASPNETCORE_ENVIRONMENT=Production\`, default \`Messaging\`
settings: concurrency and prefetch 32). *old* is Reporting built at \`$OLD_COMMIT\`, *new* is the work tree's
build. Rate = messages over first → last inbox row; CPU = the Reporting process's user + system time over
the drain, per message (PostgreSQL's and RabbitMQ's own CPU not included). Transactions = distinct
inbox rows' `xmin` (the inserting transaction's id). Rounds alternate the order.

## Machine

$(machine_md)
| machine busy before the run | ${BUSY}% |

## Rounds

| round | build | messages | transactions | msg/s | ms CPU / message |
|---:|---|---:|---:|---:|---:|
$ROWS
## Medians

| | old | new | new / old |
|---|---:|---:|---:|
| msg/s | $OLD_RATE | $NEW_RATE | $(awk -v a="$NEW_RATE" -v b="$OLD_RATE" 'BEGIN{printf "%.2f", a / b}') |
| ms CPU / message (Reporting) | $OLD_CPU | $NEW_CPU | $(awk -v a="$NEW_CPU" -v b="$OLD_CPU" 'BEGIN{printf "%.2f", a / b}') |
MD
log "wrote $OUT"
cat "$OUT"
