#!/usr/bin/env bash
# The README's test command. Starts RabbitMQ and PostgreSQL (installing them from Debian's packages when
# missing) unless the tests are given servers (SAMVERKAN_TEST_RABBITMQ and SAMVERKAN_TEST_POSTGRES) or a
# Docker engine for Testcontainers; builds; runs the test projects one after another (below); ends with the line
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

# The projects that use the servers run one at a time, in the foreground: on two cores, running the ones that start
# the whole platform beside the in-process ones was slower (28.8 min against 23.7-25.9). The one whose test restarts
# the broker (<TestLane>alone</TestLane>) runs last, when no other project holds a connection. Unit tests touch no
# server: they run one after another in the background from the start.
unit_projects=(); server_projects=(); alone_projects=()
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>false</IsTestProject>' "$project" && continue
  if [[ $(basename "$project" .csproj) == *.UnitTests ]]; then unit_projects+=("$project")
  elif grep -q '<TestLane>alone</TestLane>' "$project"; then alone_projects+=("$project")
  else server_projects+=("$project")
  fi
done
( unit_status=0
  for project in "${unit_projects[@]}"; do run_project "$project" || unit_status=1; done
  exit $unit_status ) &
unit_pid=$!
for project in "${server_projects[@]}" "${alone_projects[@]}"; do
  run_project "$project" || status=1
  cat "$results/$(basename "$project" .csproj).summary"
done
wait "$unit_pid" || status=1
for project in "${unit_projects[@]}"; do
  echo "[test] $(basename "$project" .csproj) (alongside)"
  cat "$results/$(basename "$project" .csproj).summary" 2>/dev/null || { echo "[test] $(basename "$project" .csproj) did not run"; status=1; }
done

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
