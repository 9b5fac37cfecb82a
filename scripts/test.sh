#!/usr/bin/env bash
# The README's test command. Starts RabbitMQ and PostgreSQL (installing them from Debian's packages when
# missing) unless the tests are given servers (SAMVERKAN_TEST_RABBITMQ and SAMVERKAN_TEST_POSTGRES) or a
# Docker engine for Testcontainers; builds; runs every test project one after another (one test restarts
# the broker, which must not cut another project's connections); ends with the line "N passed, N failed".
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
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  grep -q '<IsTestProject>false</IsTestProject>' "$project" && continue
  echo "[test] $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    > "$results/$name.log" 2>&1 || status=1
  grep -E "^\s+Failed [A-Z]|Error Message|Passed!|Failed!|^\s+Assert" "$results/$name.log" | head -60
  [ -f "$results/$name.trx" ] || { echo "[test] $name produced no results (log: $results/$name.log)"; tail -20 "$results/$name.log"; status=1; }
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
