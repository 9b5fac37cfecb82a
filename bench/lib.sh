# Helpers shared by the bench/ scripts (gateway.sh, events.sh, reporting/, matching/, participants/, web/). Sourced, not run.
# Every process started here is recorded by pid and stopped by pid in cleanup (the scripts trap EXIT).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
PG_SERVER="host=localhost port=5432 user=samverkan password=samverkan"
RABBIT_VHOST=bench
# Tokens come from the identity service (services/Identity), run here like the other services (start_identity below),
# signed RS256 with keys it makes in a temporary directory. Its own address is the issuer, and the services read the
# discovery document from it. Every process of a run validates against it; the operator's secret is made per run.
IDENTITY_PORT=${IDENTITY_PORT:-5158}
IDENTITY_URL=http://127.0.0.1:$IDENTITY_PORT
# The issuer tokens name: the identity service's own address, unless a script puts it behind the gateway as the AppHost
# does (web/dashboard.sh: people sign in through the gateway). Every process then validates against it, while still
# reading the discovery document and keys from the identity service itself (Auth__MetadataAddress).
IDENTITY_ISSUER=${IDENTITY_ISSUER:-$IDENTITY_URL/}
IDENTITY_DB=bench_identitydb
OPERATOR_CLIENT_ID=bench-operator
AGENCY=6f1b6a2e-5d6c-4f35-9a39-0b7a2c1d9e01
RESULTS_DIR="$BENCH_DIR/results"
TODAY=$(date +%F)
WORK=$(mktemp -d /tmp/samverkan-bench.XXXXXX)
OPERATOR_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')

declare -A PIDS=()

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
  local pid name
  for name in "${!PIDS[@]}"; do kill -TERM "${PIDS[$name]}" 2>/dev/null || true; done
  for name in "${!PIDS[@]}"; do
    pid=${PIDS[$name]}
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  rm -rf "$WORK/bin" "$WORK/identity-keys" "$WORK/clients" "$WORK"/token-* # build output copies, keys, secrets; the logs stay
  log "stopped every process this script started (logs in $WORK)"
}

# snapshot PATH/TO/X.dll: copies the dll's build folder to $WORK and prints the copy's path, so that a rebuild
# in the work tree while the benchmark runs (other people build here too) cannot swap files under a process.
snapshot() {
  local dir name
  dir=$(dirname "$1"); name=$(basename "$1" .dll)
  [ -f "$1" ] || die "$1 is missing: build first (see bench/README.md)"
  mkdir -p "$WORK/bin/$name" && cp -a "$dir/." "$WORK/bin/$name/"
  echo "$WORK/bin/$name/$(basename "$1")"
}

# wait_quiet [PCT] [SECONDS]: waits (at most SECONDS) until the machine is less than PCT% busy over 3 s, so that
# a build or test run of someone else's does not share the cores with a measurement. Prints the last reading.
wait_quiet() {
  local limit=${1:-20} max=${2:-300} busy start=$SECONDS
  while :; do
    busy=$(cpu_busy_pct 3)
    if [ "$busy" -lt "$limit" ] || [ $((SECONDS - start)) -ge "$max" ]; then
      [ "$busy" -lt "$limit" ] || log "machine still ${busy}% busy after ${max}s of waiting; measuring anyway"
      echo "$busy"; return
    fi
    log "machine ${busy}% busy (something else is running); waiting for it to quieten"
  done
}

# start NAME PATH/TO/X.dll VAR=VALUE ...: runs the dll from its own folder (so its appsettings.json is read,
# as in a deployment) with the given environment; output to $WORK/NAME.log.
start() {
  local name=$1 dll=$2; shift 2
  [ -f "$dll" ] || die "$dll is missing: build first (see bench/README.md)"
  ( cd "$(dirname "$dll")" && exec env "$@" dotnet "$(basename "$dll")" ) >"$WORK/$name.log" 2>&1 &
  PIDS[$name]=$!
}

# wait_http NAME URL [SECONDS]: until URL answers 2xx, or fail showing NAME's log.
wait_http() {
  local name=$1 url=$2 limit=${3:-90}
  for _ in $(seq 1 $((limit * 4))); do
    curl -sf -o /dev/null --max-time 2 "$url" && return 0
    kill -0 "${PIDS[$name]}" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; die "$name exited"; }
    sleep 0.25
  done
  tail -n 30 "$WORK/$name.log" >&2
  die "$name did not answer $url within ${limit}s"
}

check_infra() {
  psql "$PG_SERVER dbname=postgres" -qAt -c 'select 1' >/dev/null 2>&1 \
    || die "PostgreSQL does not answer on localhost:5432 as samverkan: run scripts/infra.sh"
  rabbitmqctl -q status >/dev/null 2>&1 || die "RabbitMQ does not answer: run scripts/infra.sh"
  command -v wrk >/dev/null || die "wrk is missing: apt-get install wrk"
  command -v python3 >/dev/null || die "python3 is missing"
}

# A RabbitMQ virtual host of the benchmarks' own, so their queues and depths are not mixed with anyone
# else's on the shared broker. fresh_vhost deletes it first (no queues or messages left from earlier runs).
ensure_vhost() {
  rabbitmqctl -q add_vhost "$RABBIT_VHOST" >/dev/null 2>&1 || true
  rabbitmqctl -q set_permissions -p "$RABBIT_VHOST" guest '.*' '.*' '.*' >/dev/null
}
fresh_vhost() {
  rabbitmqctl -q delete_vhost "$RABBIT_VHOST" >/dev/null 2>&1 || true
  ensure_vhost
}
amqp_uri() { echo "amqp://guest:guest@localhost:5672/$RABBIT_VHOST"; }

# drop_db NAME...: only bench_* databases; the services create and migrate them again at start.
drop_db() {
  local db
  for db in "$@"; do
    case $db in bench_*) ;; *) die "refusing to drop $db (not bench_*)";; esac
    psql "$PG_SERVER dbname=postgres" -qAt -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  done
}
# PG_OPTIONS is appended to every connection string, for experiments (e.g. PG_OPTIONS=';SSL Mode=Disable').
pg_conn() { echo "Host=localhost;Port=5432;Database=$1;Username=samverkan;Password=samverkan${PG_OPTIONS:-}"; }

# start_identity [VAR=VALUE ...]: the identity service on $IDENTITY_URL (fresh database, Production, keys in a temporary
# directory, an operator client with this run's secret, issuer $IDENTITY_ISSUER), waited for until its discovery document
# answers; VAR=VALUE adds settings (e.g. Identity__Web__RedirectUri, which registers the web UI's client). Call it before
# platform_token; the other services only need it once they validate a token (they read the keys lazily).
start_identity() {
  local dll=$REPO_DIR/services/Identity/bin/Release/net10.0/Samverkan.Identity.dll
  ss -Hltn "sport = :$IDENTITY_PORT" | grep -q . && die "port $IDENTITY_PORT (identity) is in use: set IDENTITY_PORT"
  if [ ! -f "$dll" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    log "building services/Identity (Release)"
    dotnet build "$REPO_DIR/services/Identity" -c Release -nologo -v q >"$WORK/build-Identity.log" 2>&1 \
      || { tail -n 30 "$WORK/build-Identity.log" >&2; die "build of services/Identity failed"; }
  fi
  dll=$(snapshot "$dll")
  drop_db "$IDENTITY_DB"
  mkdir -p "$WORK/identity-keys" "$WORK/clients" && chmod 700 "$WORK/identity-keys" "$WORK/clients"
  log "starting identity :$IDENTITY_PORT"
  start identity "$dll" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$IDENTITY_URL" \
    ConnectionStrings__identitydb="$(pg_conn "$IDENTITY_DB")" \
    Identity__Issuer="$IDENTITY_ISSUER" Identity__RequireHttps=false \
    Identity__Keys__Directory="$WORK/identity-keys" \
    Identity__Operator__ClientId="$OPERATOR_CLIENT_ID" Identity__Operator__ClientSecret="$OPERATOR_SECRET" \
    Logging__LogLevel__Default=Warning "$@"
  wait_http identity "$IDENTITY_URL/.well-known/openid-configuration"
}

# client_token CLIENT_ID SECRET: an access token by client credentials (RS256, 10 minutes).
client_token() {
  curl -sf --max-time 30 "$IDENTITY_URL/connect/token" -d grant_type=client_credentials \
    --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' \
    || die "the token endpoint refused client $1 (see $WORK/identity.log)"
}

# platform_token [ROLE] [AGENCY]: a token for ROLE (default caseworker) of AGENCY (default $AGENCY), as an agency's
# system gets one: the operator registers a system client for (role, agency) with every API's scopes (once per run;
# its id and secret are kept in $WORK/clients), then that client asks the token endpoint. Each call returns a new
# token, valid 10 minutes: a run that may take longer calls it again (or uses token_file).
platform_token() {
  local role=${1:-caseworker} agency=${2:-$AGENCY} file id secret
  [ "$role" = operator ] && { client_token "$OPERATOR_CLIENT_ID" "$OPERATOR_SECRET"; return; }
  file=$WORK/clients/$role-$agency
  if [ ! -s "$file" ]; then
    curl -sf --max-time 30 -X POST "$IDENTITY_URL/api/identity/clients" \
      -H "Authorization: Bearer $(client_token "$OPERATOR_CLIENT_ID" "$OPERATOR_SECRET")" -H 'Content-Type: application/json' \
      -d "{\"displayName\":\"bench $role $agency\",\"agencyId\":\"$agency\",\"role\":\"$role\",\"scopes\":[$(
        printf '"%s.read","%s.write",' actors actors participants participants employers employers reporting reporting identity identity | sed 's/,$//')]}" \
      | python3 -c 'import json,sys; c = json.load(sys.stdin); print(c["clientId"], c["clientSecret"])' >"$file.tmp" \
      || die "registering a $role client for agency $agency failed (see $WORK/identity.log)"
    mv "$file.tmp" "$file"
  fi
  read -r id secret <"$file"
  client_token "$id" "$secret"
}

# token_file [ROLE] [AGENCY]: sets TOKEN_FILE to a file that holds a token of platform_token and is rewritten with a
# fresh one every 4 minutes (TOKEN_RENEW_SECONDS; well inside the 10 minutes a token lives) until cleanup, for runs
# longer than a token's life. Call it directly, not in $(...) (the renewer's pid must reach PIDS). A reader must read
# the file again now and then (EventBench --token-file, bulk_load.py --token-file and reporting's wrk scripts do).
token_file() {
  local role=${1:-caseworker} agency=${2:-$AGENCY} file
  file=$WORK/token-$role-$agency
  platform_token "$role" "$agency" >"$file" || exit 1
  (
    while :; do
      for _ in $(seq 1 "${TOKEN_RENEW_SECONDS:-240}"); do sleep 1; done
      # In a subshell of its own: a failure (die exits) must not end the renewer.
      ( platform_token "$role" "$agency" ) >"$file.tmp" && mv "$file.tmp" "$file" \
        || log "renewing the $role token failed; trying again later"
    done
  ) >/dev/null 2>>"$WORK/token-renewal.log" &
  PIDS[token-$role-$agency]=$!
  TOKEN_FILE=$file
}

# The settings every platform process gets in the benchmarks.
platform_env() {
  echo ASPNETCORE_ENVIRONMENT=Production
  # Tokens of the identity service (start_identity): issuer and where to read its discovery document and keys. Each
  # service's appsettings.json names its own audience; the gateway accepts any of the APIs'. Plain http here.
  echo Auth__Authority="$IDENTITY_ISSUER"
  echo Auth__MetadataAddress="$IDENTITY_URL/.well-known/openid-configuration"
  echo Auth__RequireHttpsMetadata=false
  echo services__identity__http__0="$IDENTITY_URL"
  echo Employers__PseudonymKey="samverkan-bench-pseudonym-key-not-a-secret"
  echo Logging__LogLevel__Default=Warning
  echo ConnectionStrings__messaging="$(amqp_uri)"
}

build_bench_project() {
  local project=$1 dll=$2
  if [ ! -f "$dll" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    log "building bench/$project (Release)"
    dotnet build "$BENCH_DIR/$project" -c Release -nologo -v q >"$WORK/build-$project.log" 2>&1 \
      || { tail -n 30 "$WORK/build-$project.log" >&2; die "build of bench/$project failed"; }
  fi
}

require_platform_build() {
  local dll
  for dll in "$@"; do
    if [ ! -f "$dll" ] || [ -n "${BENCH_REBUILD:-}" ]; then
      log "building the platform (dotnet build Samverkan.sln -c Release)"
      (cd "$REPO_DIR" && dotnet build Samverkan.sln -c Release -nologo -v q) >"$WORK/build-platform.log" 2>&1 \
        || { tail -n 30 "$WORK/build-platform.log" >&2; die "platform build failed"; }
      return
    fi
  done
}

# Percent of both cores busy over SECONDS, from /proc/stat: what else is running before we load the machine.
cpu_busy_pct() {
  local s=${1:-2} a b
  a=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
  sleep "$s"
  b=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
  echo "$a $b" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}'
}

# CPU time (clock ticks, user+system) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# result_path NAME: bench/results/<date>-NAME.md, or <date>-NAME-<HHMM>.md when a run of the day is already there.
result_path() {
  local path="$RESULTS_DIR/$TODAY-$1.md"
  [ -e "$path" ] && path="$RESULTS_DIR/$TODAY-$1-$(date +%H%M).md"
  echo "$path"
}

machine_md() {
  cat <<EOF
| | |
|---|---|
| date | $(date -u '+%Y-%m-%d %H:%M UTC') |
| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), \`nproc\` = $(nproc) |
| memory | $(free -h | awk '/^Mem:/{print $2 " total, " $7 " available"}') |
| kernel | $(uname -r) |
| dotnet | SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/{v=$2} END{print v}') |
| PostgreSQL | $(psql "$PG_SERVER dbname=postgres" -qAt -c 'show server_version' 2>/dev/null) |
| RabbitMQ | $(rabbitmqctl version 2>/dev/null) |
| wrk | $(wrk -v 2>&1 | head -n1 | awk '{print $2}') |
| git | $(cd "$REPO_DIR" && git rev-parse --short HEAD)$(cd "$REPO_DIR" && git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (with uncommitted changes outside bench/)') |
| load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |
EOF
}

# create_person ROLE AGENCY EMAIL PASSWORD NAME: a person's account at the identity service (POST /api/identity/users), as
# the people who may give ROLE do it: the operator creates an agency's admin; an admin (here its agency's system client,
# registered by the operator: a person's sign-in carries no identity scope) creates the agency's other people.
# Prints the account's id. The password must pass the identity service's rules (15 characters or more, not a common one).
create_person() {
  local role=$1 agency=$2 email=$3 password=$4 name=$5 token
  if [ "$role" = admin ]; then token=$(platform_token operator); else token=$(platform_token admin "$agency"); fi
  python3 -c 'import json,sys; print(json.dumps(dict(zip(["role", "agencyId", "email", "password", "displayName"], sys.argv[1:]))))' \
      "$role" "$agency" "$email" "$password" "$name" \
    | curl -sS --fail-with-body --max-time 30 -X POST "$IDENTITY_URL/api/identity/users" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' --data-binary @- \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' \
    || die "creating the $role $email for agency $agency failed (see $WORK/identity.log)"
}
