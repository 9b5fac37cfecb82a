#!/usr/bin/env bash
# Mutation testing with Stryker.NET on the parts where a silent defect costs most (issue #19):
# ServiceDefaults/Messaging, Reporting's suppression and counters, Participants' access rules and identity protection.
# Run by hand, never by CI: on 2 cores one part takes minutes to an hour. Each part mutates only its own files and runs
# only the test project that covers them, so a run can be limited to one part:
#
#   bash bench/mutation/run.sh [participants|reporting|messaging-unit|messaging-dispatcher|messaging-inbox|messaging ...]
#                                                    (default: participants reporting messaging-unit messaging)
#   STRYKER_TIMEOUT=3600 bash bench/mutation/run.sh messaging                          (seconds per part; default 3600)
#
# The messaging parts run Messaging.IntegrationTests once per mutant, and BrokerRestartTests stops the broker each time:
# so that no one else's broker stops, they start a RabbitMQ node of their own (port 5679, under /tmp) unless
# SAMVERKAN_TEST_RABBITMQ names one, and stop it at the end. PostgreSQL is the local server (each test makes its own
# database). messaging-dispatcher and messaging-inbox are 2-core slices of messaging, whose run per mutant is about a
# minute here (42 mutants of OutboxDispatcher.cs alone did not finish in 18 min): the dispatcher, and the inbox with
# its group commit.
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

# A RabbitMQ node of the mutation run's own, for the parts that stop and start the broker (see above).
own_broker=""
own_broker_start() {
  [ -n "${SAMVERKAN_TEST_RABBITMQ:-}" ] && return 0
  [ -n "$own_broker" ] && return 0
  own_broker=/tmp/samverkan-mutation-rabbitmq
  rm -rf "$own_broker"; mkdir -p "$own_broker"; : > "$own_broker/enabled_plugins"; chown -R rabbitmq:rabbitmq "$own_broker"
  export RABBITMQ_NODENAME="samverkan-mutation@$(hostname -s)" RABBITMQ_NODE_PORT=5679 RABBITMQ_DIST_PORT=25679 \
    RABBITMQ_MNESIA_BASE="$own_broker/mnesia" RABBITMQ_LOG_BASE="$own_broker/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$own_broker/enabled_plugins" RABBITMQ_PID_FILE="$own_broker/pid"
  # As the rabbitmq user, whose Erlang cookie rabbitmqctl (BrokerControl.Local, run by the tests) uses too: run as root,
  # as the tests that restart the broker must be anyway (Debian's rabbitmqctl serves root and rabbitmq only).
  ( cd /var/lib/rabbitmq && su rabbitmq -s /bin/sh -c "HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server -detached" )
  for _ in $(seq 1 60); do rabbitmqctl -q status >/dev/null 2>&1 && break; sleep 2; done
  rabbitmqctl -q await_startup >/dev/null
  export SAMVERKAN_TEST_RABBITMQ="amqp://guest:guest@localhost:$RABBITMQ_NODE_PORT"
  export SAMVERKAN_TEST_POSTGRES="${SAMVERKAN_TEST_POSTGRES:-Host=localhost;Port=5432;Username=samverkan;Password=samverkan}"
  echo "   own RabbitMQ node $RABBITMQ_NODENAME on port $RABBITMQ_NODE_PORT"
}
own_broker_stop() { [ -n "$own_broker" ] && rabbitmqctl -q stop >/dev/null 2>&1 || true; }
trap own_broker_stop EXIT

# The SIGKILL crash test is left out: it is a third of a run's time, and what its child process runs is outside the
# test host, where Stryker records which mutants each test covers.
messaging_tests=(--test-case-filter 'FullyQualifiedName!~CrashRecoveryTests.A_service_killed')

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
      own_broker_start
      run_part messaging ServiceDefaults ServiceDefaults.csproj tests/Messaging.IntegrationTests/Messaging.IntegrationTests.csproj \
        --mutate '**/Messaging/*.cs' --mutate '!**/Messaging/BusPermissions.cs' --mutate '!**/Messaging/RabbitMqConnection.cs' \
        "${messaging_tests[@]}" ;;
    messaging-dispatcher)
      # One batch's claim, publish and marking (DispatchBatchAsync, TryPublishAsync, ResolveType: lines 62-127, which
      # Stryker.NET takes as a span of characters: {first..last}; check it after an edit of the file), against
      # the tests that run in seconds. The loop around it (ExecuteAsync's back-off) fails only with the broker away,
      # which BrokerRestartTests alone brings about, at 15-25 s a run: the whole file is the messaging part's.
      own_broker_start
      run_part messaging-dispatcher ServiceDefaults ServiceDefaults.csproj tests/Messaging.IntegrationTests/Messaging.IntegrationTests.csproj \
        --mutate '**/Messaging/OutboxDispatcher.cs{2660..6133}' \
        --test-case-filter 'FullyQualifiedName~OutboxTests|FullyQualifiedName~DispatchBatchTests|FullyQualifiedName~CrashRecoveryTests.Events_committed|FullyQualifiedName~TraceContextTests' ;;
    messaging-inbox)
      own_broker_start
      run_part messaging-inbox ServiceDefaults ServiceDefaults.csproj tests/Messaging.IntegrationTests/Messaging.IntegrationTests.csproj \
        --mutate '**/Messaging/IdempotentConsumer.cs' --mutate '**/Messaging/InboxGroupCommit.cs' "${messaging_tests[@]}" ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
