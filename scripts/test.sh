#!/usr/bin/env bash
# The README's test command. Starts RabbitMQ and PostgreSQL (installing them from Debian's packages when
# missing) unless the tests are given servers (SAMVERKAN_TEST_RABBITMQ and SAMVERKAN_TEST_POSTGRES) or a
# Docker engine for Testcontainers; builds; runs every test project in lanes (below); ends with the line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

results=TestResults
rm -rf "$results" && mkdir -p "$results"
finish() { echo "$1 passed, $2 failed"; exit "$3"; }

if [ -n "${SAMVERKAN_TEST_RABBITMQ:-}" ] && [ -n "${SAMVERKAN_TEST_POSTGRES:-}" ]; then
  echo "[test] using the servers named by SAMVERKAN_TEST_RABBITMQ and SAMVERKAN_TEST_POSTGRES"
elif [ -S /var/run/docker.sock ] || [ -n "${DOCKER_HOST:-}" ]; then
  echo "[test] a Docker engine is reachable: the tests start their own containers"
else
  bash scripts/infra.sh || { echo "[test] could not start RabbitMQ and PostgreSQL"; finish 0 1 1; }
fi

echo "[test] building"
if ! dotnet build Samverkan.sln -c Release -nologo -v quiet > "$results/build.log" 2>&1; then
  grep -E "error" "$results/build.log" | sort -u | head -40
  echo "[test] the build failed (full log: $results/build.log)"
  finish 0 1 1
fi

status=0
# One project's tests into its own log and TRX; prints what failed and the summary once it is done.
run_project() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  echo "[test] $name: running"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    > "$results/$name.log" 2>&1
  local rc=$?
  # A failure is shown with the first lines of its message: CI keeps only this output.
  { awk '/^[[:space:]]+Failed [A-Z]/ { print; shown = 0; next }
         /Error Message:/ { print; shown = 8; next }
         /Stack Trace:/ { shown = 0 }
         shown > 0 { print; shown--; next }
         /^Test Run|^[[:space:]]*(Total tests|Passed|Failed):/ { print }' "$results/$name.log" | head -80
    [ -f "$results/$name.trx" ] || { echo "[test] $name produced no results (log: $results/$name.log)"; tail -20 "$results/$name.log"; rc=1; }
  } > "$results/$name.summary"
  return $rc
}

# Four lanes, so that the two cores are kept busy while a project waits (for a platform to start, a message to arrive):
# - unit tests touch no server: one after another, in the background, from the start;
# - the projects that start the whole platform as processes (<TestLane>platform</TestLane>: end-to-end, browser) one
#   after another, in the background: two platforms starting at once on two cores kept each other from turning healthy;
# - the projects that host a service in process (integration tests) one after another, in the foreground, once the
#   first platform is up;
# - the one whose test restarts the broker (<TestLane>alone</TestLane>) last, when no other project holds a connection.
lane_of() { grep -oP '(?<=<TestLane>)[a-z]+(?=</TestLane>)' "$1" || echo server; }
unit_projects=(); platform_projects=(); server_projects=(); alone_projects=()
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>false</IsTestProject>' "$project" && continue
  case "$(basename "$project" .csproj):$(lane_of "$project")" in
    *.UnitTests:*) unit_projects+=("$project") ;;
    *:platform) platform_projects+=("$project") ;;
    *:alone) alone_projects+=("$project") ;;
    *) server_projects+=("$project") ;;
  esac
done
# run_lane PROJECT...: one after another; fails when any did.
run_lane() {
  local lane_status=0 project
  for project in "$@"; do run_project "$project" || lane_status=1; done
  return $lane_status
}
# show PROJECT...: each project's summary (written by run_project), or that it did not run.
show() {
  local project name
  for project in "$@"; do
    name=$(basename "$project" .csproj)
    echo "[test] $name"
    cat "$results/$name.summary" 2>/dev/null || { echo "[test] $name did not run"; status=1; }
  done
}
# first_result LOG PID: until the log shows a test's result (the project's platform is up), the project has ended, or 6 min.
first_result() {
  local deadline=$((SECONDS + 360))
  while [ $SECONDS -lt $deadline ] && kill -0 "$2" 2>/dev/null; do
    grep -qE '^[[:space:]]+(Passed|Failed) ' "$1" 2>/dev/null && return 0
    sleep 2
  done
}
run_lane "${unit_projects[@]}" & unit_pid=$!
run_lane "${platform_projects[@]}" & platform_pid=$!
# The first platform starts with no in-process project beside it: started together, they slowed each other past the
# platform's start timeout on two cores.
first_result "$results/$(basename "${platform_projects[0]}" .csproj).log" "$platform_pid"
run_lane "${server_projects[@]}" || status=1
show "${server_projects[@]}"
wait "$platform_pid" || status=1
show "${platform_projects[@]}"
run_lane "${alone_projects[@]}" || status=1
show "${alone_projects[@]}"
wait "$unit_pid" || status=1
show "${unit_projects[@]}"

# Count from the TRX files rather than dotnet's own summary lines, one per project.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
finish "$passed" "$failed" "$status"
