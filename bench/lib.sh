# Helpers shared by bench/gateway.sh and bench/events.sh. Sourced, not run.
# Every process started here is recorded by pid and stopped by pid in cleanup (the scripts trap EXIT).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
PG_SERVER="host=localhost port=5432 user=samverkan password=samverkan"
RABBIT_VHOST=bench
# The benchmarks' own signing key (32+ characters); tokens are minted with it below.
SIGNING_KEY="samverkan-bench-signing-key-not-a-secret-0123456789"
ISSUER=samverkan-dev
AUDIENCE=samverkan-api
AGENCY=6f1b6a2e-5d6c-4f35-9a39-0b7a2c1d9e01
RESULTS_DIR="$BENCH_DIR/results"
TODAY=$(date +%F)
WORK=$(mktemp -d /tmp/samverkan-bench.XXXXXX)

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
  rm -rf "$WORK/bin" # the copies of the build output; the logs stay
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

# An HS256 token as the platform validates it (issuer, audience, role and agency claims).
mint_token() {
  python3 - "$SIGNING_KEY" "$ISSUER" "$AUDIENCE" "${1:-caseworker}" "$AGENCY" <<'PY'
import base64, hashlib, hmac, json, sys, time
key, iss, aud, role, agency = sys.argv[1:6]
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
enc = lambda o: b64(json.dumps(o, separators=(",", ":")).encode())
now = int(time.time())
head = enc({"alg": "HS256", "typ": "JWT"})
body = enc({"iss": iss, "aud": aud, "sub": f"bench@{agency}", "role": role, "agency": agency,
            "iat": now, "nbf": now - 5, "exp": now + 4 * 3600})
sig = b64(hmac.new(key.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest())
print(f"{head}.{body}.{sig}")
PY
}

# The settings every platform process gets in the benchmarks.
platform_env() {
  echo ASPNETCORE_ENVIRONMENT=Production
  echo Auth__SigningKey="$SIGNING_KEY"
  echo Auth__Issuer="$ISSUER"
  echo Auth__Audience="$AUDIENCE"
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
