#!/usr/bin/env bash
# Mutation testing with Stryker.NET on the parts where a silent defect costs most (issue #19):
# ServiceDefaults/Messaging, Reporting's suppression and counters, Participants' access rules and identity protection.
# Run by hand, never by CI: on 2 cores one part takes minutes to an hour. Each part mutates only its own files and runs
# only the test project that covers them, so a run can be limited to one part:
#
#   bash bench/mutation/run.sh [participants|reporting|messaging-unit|messaging ...]   (default: all four)
#   STRYKER_TIMEOUT=3600 bash bench/mutation/run.sh messaging                          (seconds per part; default 3600)
#
# Reports (json, markdown, html) go to bench/mutation/out/<part>/ (not committed); the scores that stand for the code
# are recorded by hand in bench/results/<date>-mutation.md with the machine and command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null

limit="${STRYKER_TIMEOUT:-3600}"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(participants reporting messaging-unit messaging)

run_part() { # name project-dir project test-project [--mutate glob ...] [-- extra stryker args]
  local name="$1" dir="$2" project="$3" tests="$4"; shift 4
  local out="$root/bench/mutation/out/$name"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $name: $project against $tests (limit ${limit}s)"
  local start=$SECONDS
  ( cd "$dir" && timeout "$limit" dotnet stryker --project "$project" --test-project "$root/$tests" \
      --configuration Release --concurrency "${STRYKER_CONCURRENCY:-1}" --skip-version-check \
      --reporter Progress --reporter Json --reporter Markdown --reporter Html --output "$out" "$@" ) \
    > "$out/stryker.log" 2>&1 || echo "   stryker exited $? (124 = time limit)"
  echo "   $((SECONDS - start)) s; $(grep -E 'mutation score|Final mutation score' -i "$out/stryker.log" | tail -1)"
}

for part in "${parts[@]}"; do
  case "$part" in
    participants)
      run_part participants services/Participants Participants.csproj tests/Participants.UnitTests/Participants.UnitTests.csproj \
        --mutate '**/Security/*.cs' --mutate '**/Model/PersonalIdentityNumber.cs' --mutate '**/Model/IdentityAccess.cs' ;;
    reporting)
      run_part reporting services/Reporting Reporting.csproj tests/Reporting.UnitTests/Reporting.UnitTests.csproj \
        --mutate '**/Model/Suppression.cs' --mutate '**/Model/CountLattice.cs' ;;
    messaging-unit)
      # The broker-free parts of the building block, covered by the unit tests.
      run_part messaging-unit ServiceDefaults ServiceDefaults.csproj tests/ServiceDefaults.UnitTests/ServiceDefaults.UnitTests.csproj \
        --mutate '**/Messaging/BusPermissions.cs' --mutate '**/Messaging/RabbitMqConnection.cs' ;;
    messaging)
      # The outbox, dispatcher and inbox need the real broker and database (scripts/infra.sh).
      run_part messaging ServiceDefaults ServiceDefaults.csproj tests/Messaging.IntegrationTests/Messaging.IntegrationTests.csproj \
        --mutate '**/Messaging/*.cs' --mutate '!**/Messaging/BusPermissions.cs' --mutate '!**/Messaging/RabbitMqConnection.cs' ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
