#!/usr/bin/env bash
# The same GET three ways in one run — straight to the service, through a bare config-only YARP (the
# yardstick, bench/BareProxy) and through our gateway — for two endpoints:
#   db:    GET /api/actors/{id} on the Actors service (token checked, one PostgreSQL lookup)
#   cheap: GET /api/participants/bench on bench/StubBackend (1,000 bytes, no database, no auth), which
#          the gateway and the bare proxy reach by their /api/participants route. This is anchors.md's
#          setup and shows what the proxies themselves cost; /alive is not routed by the gateway.
# The gateway runs three times: with rate limiting on (a limit too high to reject anything, so the limiter does
# its per-request work as in production), with it switched off (PermitsPerSecond=0), and with rate limiting on
# and telemetry recorded in-process (Telemetry__Enabled=true; without an OTLP endpoint it is otherwise off).
# Runs are interleaved: ROUNDS rounds, each measuring every target once, order rotated per round.
# Writes bench/results/<date>-gateway.md. Usage: bash bench/gateway.sh   (see bench/README.md)
# For iterating: ENDPOINTS="cheap" (or "db") measures one endpoint, ONLY="bare gateway" some targets only (direct, bare,
# gateway, gateway-norl, gateway-otel, gateway-b), GATEWAY_B=path/to/Samverkan.Gateway.dll adds another gateway build as
# target gateway-b (set up like gateway), and PROFILE=gateway (or another proxy of the run) samples that proxy with
# dotnet-trace for PROFILE_SECONDS under the cheap load after the rounds and adds where its threads spent their time.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-4s}
WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
OUT=${OUT:-$(result_path gateway)}
ENDPOINTS=${ENDPOINTS:-db cheap}
ONLY=${ONLY:-direct bare gateway gateway-norl gateway-otel${GATEWAY_B:+ gateway-b}}
GATEWAY_B=${GATEWAY_B:-}
PROFILE=${PROFILE:-}
PROFILE_SECONDS=${PROFILE_SECONDS:-20}
DOTNET_TRACE_VERSION=10.0.750501

ACTORS_PORT=5140 STUB_PORT=5141 NOWHERE_PORT=5159
BARE_PORT=8140 GATEWAY_PORT=8141 GATEWAY_NORL_PORT=8142 GATEWAY_OTEL_PORT=8143 GATEWAY_B_PORT=8144
DB=bench_actorsdb

ACTORS_DLL=$REPO_DIR/services/Actors/bin/Release/net10.0/Samverkan.Actors.dll
GATEWAY_DLL=$REPO_DIR/gateway/bin/Release/net10.0/Samverkan.Gateway.dll
BARE_DLL=$BENCH_DIR/BareProxy/bin/Release/net10.0/Samverkan.Bench.BareProxy.dll
STUB_DLL=$BENCH_DIR/StubBackend/bin/Release/net10.0/Samverkan.Bench.StubBackend.dll

check_infra
require_platform_build "$ACTORS_DLL" "$GATEWAY_DLL"
build_bench_project BareProxy "$BARE_DLL"
build_bench_project StubBackend "$STUB_DLL"
for port in $ACTORS_PORT $STUB_PORT $BARE_PORT $GATEWAY_PORT $GATEWAY_NORL_PORT $GATEWAY_OTEL_PORT $GATEWAY_B_PORT; do
  ss -Hltn "sport = :$port" | grep -q . && die "port $port is in use"
done
if [ -n "$PROFILE" ]; then
  case " bare gateway gateway-norl gateway-otel gateway-b " in *" $PROFILE "*) ;; *) die "PROFILE is bare, gateway, gateway-norl, gateway-otel or gateway-b";; esac
  log "installing dotnet-trace $DOTNET_TRACE_VERSION into the run's folder"
  dotnet tool install dotnet-trace --version $DOTNET_TRACE_VERSION --tool-path "$WORK/tools" >"$WORK/tool.log" 2>&1 \
    || { tail -n 20 "$WORK/tool.log" >&2; die "could not install dotnet-trace"; }
fi

ACTORS_DLL=$(snapshot "$ACTORS_DLL")
GATEWAY_DLL=$(snapshot "$GATEWAY_DLL")
if [ -n "$GATEWAY_B" ]; then
  [ -f "$GATEWAY_B" ] || die "GATEWAY_B: $GATEWAY_B is missing"
  # snapshot names the copy after the dll, so copy B's folder under a name of its own.
  mkdir -p "$WORK/bin/gateway-b" && cp -a "$(dirname "$GATEWAY_B")/." "$WORK/bin/gateway-b/"
  GATEWAY_B_DLL=$WORK/bin/gateway-b/$(basename "$GATEWAY_B")
fi
log "fresh database $DB, vhost $RABBIT_VHOST"
drop_db $DB
ensure_vhost
start_identity
mapfile -t ENV < <(platform_env)

log "starting Actors :$ACTORS_PORT, stub :$STUB_PORT, bare YARP :$BARE_PORT, gateway :$GATEWAY_PORT, :$GATEWAY_NORL_PORT (no rate limiting), :$GATEWAY_OTEL_PORT (telemetry)"
start actors "$ACTORS_DLL" "${ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$ACTORS_PORT \
  ConnectionStrings__actorsdb="$(pg_conn $DB)"
start stub "$STUB_DLL" ASPNETCORE_URLS=http://127.0.0.1:$STUB_PORT
start bare "$BARE_DLL" ASPNETCORE_URLS=http://127.0.0.1:$BARE_PORT Logging__LogLevel__Default=Warning \
  ReverseProxy__Clusters__main__Destinations__d1__Address=http://127.0.0.1:$ACTORS_PORT \
  ReverseProxy__Clusters__stub__Destinations__d1__Address=http://127.0.0.1:$STUB_PORT
GATEWAY_ENV=("${ENV[@]}"
  services__actors__http__0=http://127.0.0.1:$ACTORS_PORT
  services__participants__http__0=http://127.0.0.1:$STUB_PORT
  services__employers__http__0=http://127.0.0.1:$NOWHERE_PORT
  services__reporting__http__0=http://127.0.0.1:$NOWHERE_PORT)
start gateway "$GATEWAY_DLL" "${GATEWAY_ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_PORT \
  Gateway__RateLimit__PermitsPerSecond=10000000
start gateway-norl "$GATEWAY_DLL" "${GATEWAY_ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_NORL_PORT \
  Gateway__RateLimit__PermitsPerSecond=0
start gateway-otel "$GATEWAY_DLL" "${GATEWAY_ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_OTEL_PORT \
  Gateway__RateLimit__PermitsPerSecond=10000000 Telemetry__Enabled=true

[ -z "$GATEWAY_B" ] || start gateway-b "$GATEWAY_B_DLL" "${GATEWAY_ENV[@]}" ASPNETCORE_URLS=http://127.0.0.1:$GATEWAY_B_PORT \
  Gateway__RateLimit__PermitsPerSecond=10000000

wait_http actors http://127.0.0.1:$ACTORS_PORT/health
wait_http stub http://127.0.0.1:$STUB_PORT/ready
wait_http bare http://127.0.0.1:$BARE_PORT/api/participants/ready
wait_http gateway http://127.0.0.1:$GATEWAY_PORT/alive
wait_http gateway-norl http://127.0.0.1:$GATEWAY_NORL_PORT/alive
wait_http gateway-otel http://127.0.0.1:$GATEWAY_OTEL_PORT/alive
[ -z "$GATEWAY_B" ] || wait_http gateway-b http://127.0.0.1:$GATEWAY_B_PORT/alive

TOKEN=$(platform_token caseworker)
ORG=$(python3 -c '
import random
d = [5, 5, random.randint(2, 9)] + [random.randint(0, 9) for _ in range(6)]
s = sum((x * 2 - 9 if x * 2 > 9 else x * 2) if i % 2 == 0 else x for i, x in enumerate(d))
print("".join(map(str, d)) + str((10 - s % 10) % 10))')
ACTOR_ID=$(curl -sf -X POST "http://127.0.0.1:$ACTORS_PORT/api/actors" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench AB\",\"organisationNumber\":\"$ORG\",\"sector\":\"business\",\"kind\":\"employer\",\"municipalityCode\":\"0180\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || die "seeding an actor failed"
log "seeded actor $ACTOR_ID"

# auth_lua: writes auth.lua with a fresh token. A token lives 10 minutes and the whole run is longer (and waits for a
# quiet machine), so every wrk run gets a new one, asked for before the machine is checked for quiet.
auth_lua() {
  TOKEN=$(platform_token caseworker)
  cat >"$WORK/auth.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $TOKEN"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
EOF
}
auth_lua

DB_PATH=/api/actors/$ACTOR_ID
CHEAP_PATH=/api/participants/bench
# endpoint target url proxy-process backend-process
ALL_TARGETS=(
  "db direct http://127.0.0.1:$ACTORS_PORT$DB_PATH - actors"
  "db bare http://127.0.0.1:$BARE_PORT$DB_PATH bare actors"
  "db gateway http://127.0.0.1:$GATEWAY_PORT$DB_PATH gateway actors"
  "db gateway-norl http://127.0.0.1:$GATEWAY_NORL_PORT$DB_PATH gateway-norl actors"
  "db gateway-otel http://127.0.0.1:$GATEWAY_OTEL_PORT$DB_PATH gateway-otel actors"
  "cheap direct http://127.0.0.1:$STUB_PORT$CHEAP_PATH - stub"
  "cheap bare http://127.0.0.1:$BARE_PORT$CHEAP_PATH bare stub"
  "cheap gateway http://127.0.0.1:$GATEWAY_PORT$CHEAP_PATH gateway stub"
  "cheap gateway-norl http://127.0.0.1:$GATEWAY_NORL_PORT$CHEAP_PATH gateway-norl stub"
  "cheap gateway-otel http://127.0.0.1:$GATEWAY_OTEL_PORT$CHEAP_PATH gateway-otel stub"
  "db gateway-b http://127.0.0.1:$GATEWAY_B_PORT$DB_PATH gateway-b actors"
  "cheap gateway-b http://127.0.0.1:$GATEWAY_B_PORT$CHEAP_PATH gateway-b stub"
)
TARGETS=()
for t in "${ALL_TARGETS[@]}"; do
  read -r endpoint target _ _ _ <<<"$t"
  [[ " $ENDPOINTS " == *" $endpoint "* && " $ONLY " == *" $target "* ]] && TARGETS+=("$t")
done
[ "${#TARGETS[@]}" -gt 0 ] || die "ENDPOINTS=\"$ENDPOINTS\" and ONLY=\"$ONLY\" leave nothing to measure"
for t in "${TARGETS[@]}"; do
  read -r _ _ url _ _ <<<"$t"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")
  [ "$code" = 200 ] || die "$url answered $code, not 200"
done

# Two passes: the JIT keeps tiering the processes' code up for a while after they first take load.
log "warm-up: 2 x $WARMUP per target"
for pass in 1 2; do
  auth_lua
  for t in "${TARGETS[@]}"; do
    read -r _ _ url _ _ <<<"$t"
    wrk -t2 -c32 "-d$WARMUP" -s "$WORK/auth.lua" "$url" >/dev/null
  done
done

RAW=$WORK/raw.tsv
printf 'round\tendpoint\ttarget\trps\tp50_us\tp99_us\trequests\tnon2xx\tsocket_errors\tproxy_cpu_us_per_req\tbackend_cpu_us_per_req\tbusy_before_pct\n' >"$RAW"
n=${#TARGETS[@]}
for round in $(seq 1 "$ROUNDS"); do
  auth_lua
  busy=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-240}")
  log "round $round of $ROUNDS (machine ${busy}% busy just before, with our processes idle)"
  for i in $(seq 0 $((n - 1))); do
    # Rotate the order each round so no target always runs first or last.
    read -r endpoint target url proxy backend <<<"${TARGETS[$(((i + (round - 1) * 3) % n))]}"
    [ "$i" = 0 ] || { auth_lua; busy=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-240}"); }
    p0=0; [ "$proxy" = - ] || p0=$(cpu_ticks "${PIDS[$proxy]}")
    b0=$(cpu_ticks "${PIDS[$backend]}")
    wrk "${WRK_ARGS[@]}" -s "$WORK/auth.lua" "$url" >"$WORK/wrk-$round-$endpoint-$target.txt"
    p1=0; [ "$proxy" = - ] || p1=$(cpu_ticks "${PIDS[$proxy]}")
    b1=$(cpu_ticks "${PIDS[$backend]}")
    read -r _ rps p50 p99 reqs non2xx sockerr < <(grep '^RESULT ' "$WORK/wrk-$round-$endpoint-$target.txt")
    hz=$(getconf CLK_TCK)
    pcpu=$(awk -v d=$((p1 - p0)) -v r="$reqs" -v hz="$hz" 'BEGIN{printf "%.1f", d * 1e6 / hz / r}')
    bcpu=$(awk -v d=$((b1 - b0)) -v r="$reqs" -v hz="$hz" 'BEGIN{printf "%.1f", d * 1e6 / hz / r}')
    [ "$proxy" = - ] && pcpu=-
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$endpoint" "$target" "$rps" "$p50" "$p99" \
      "$reqs" "$non2xx" "$sockerr" "$pcpu" "$bcpu" "$busy" >>"$RAW"
    log "  $endpoint $target: $rps req/s, p50 ${p50} us, p99 ${p99} us, non-2xx $non2xx"
  done
done

if [ -n "$PROFILE" ]; then
  # The cheap endpoint through the profiled proxy, as in the rounds; the trace starts first, wrk outlasts it.
  declare -A PROXY_PORT=([bare]=$BARE_PORT [gateway]=$GATEWAY_PORT [gateway-norl]=$GATEWAY_NORL_PORT [gateway-otel]=$GATEWAY_OTEL_PORT [gateway-b]=$GATEWAY_B_PORT)
  auth_lua
  PROFILE_BUSY=$(wait_quiet "${QUIET_PCT:-20}" "${QUIET_WAIT:-240}")
  log "profiling $PROFILE for ${PROFILE_SECONDS}s under the cheap load (machine ${PROFILE_BUSY}% busy just before)"
  "$WORK/tools/dotnet-trace" collect -p "${PIDS[$PROFILE]}" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$PROFILE_SECONDS" -o "$WORK/profile.nettrace" >"$WORK/trace.log" 2>&1 &
  PROFILER=$!
  wrk -t2 -c32 "-d$((PROFILE_SECONDS + 4))s" -s "$WORK/auth.lua" "http://127.0.0.1:${PROXY_PORT[$PROFILE]}$CHEAP_PATH" >"$WORK/wrk-profile.txt"
  wait "$PROFILER" || log "dotnet-trace failed (see $WORK/trace.log)"
fi

COMMAND="bash bench/gateway.sh"
[ "$ROUNDS" = 3 ] && [ "$DURATION" = 8s ] || COMMAND="ROUNDS=$ROUNDS DURATION=$DURATION $COMMAND"
[ "$ENDPOINTS" = "db cheap" ] || COMMAND="ENDPOINTS=\"$ENDPOINTS\" $COMMAND"
[ "$ONLY" = "direct bare gateway gateway-norl gateway-otel${GATEWAY_B:+ gateway-b}" ] || COMMAND="ONLY=\"$ONLY\" $COMMAND"
[ -z "$GATEWAY_B" ] || COMMAND="GATEWAY_B=$GATEWAY_B $COMMAND"
[ -z "$PROFILE" ] || COMMAND="PROFILE=$PROFILE PROFILE_SECONDS=$PROFILE_SECONDS $COMMAND"
{
  echo "# Gateway overhead — $TODAY"
  echo
  echo "Produced by \`$COMMAND\`. Load: \`wrk ${WRK_ARGS[*]} -s auth.lua URL\` (the Lua script adds"
  echo "\`Authorization: Bearer <RS256 token from the identity service, role caseworker>\` to every request, direct ones"
  echo "too: a client-credentials token of a system client registered for the role, a new one before every wrk run)."
  echo "$ROUNDS interleaved rounds; each target measured once per round after a warm-up of 2 x $WARMUP per target; medians below."
  echo "Load generator, proxies, backends, PostgreSQL and RabbitMQ all share the machine's cores."
  echo
  echo "## Machine"
  echo
  machine_md
  echo
  echo "## Set-up"
  echo
  echo "- **db**: \`GET /api/actors/{id}\` on Actors (Release build, Production environment, token validated"
  echo "  again by the service, one PostgreSQL primary-key lookup in database \`$DB\`)."
  echo "- Tokens: the identity service (\`services/Identity\`, Production, its own database, keys in a temporary folder)"
  echo "  runs beside them; every process checks RS256 signatures with the keys of its discovery document (JWKS),"
  echo "  fetched once and cached, so no request of a measurement goes to it."
  echo "- **cheap**: \`GET /api/participants/bench\` answered by \`bench/StubBackend\` (1,000 bytes, no database, no"
  echo "  auth). The gateway's \`/api/participants\` route is pointed at it (\`services__participants__http__0\`);"
  echo "  the gateway checks the token and applies its policies, then proxies. This isolates what the proxies add."
  echo "- **direct**: straight to the backend. **bare**: \`bench/BareProxy\` (YARP 2.3.0, config only)."
  echo "  **gateway**: \`gateway/\` Release build, rate limiting on with a limit nothing reaches"
  echo "  (\`Gateway__RateLimit__PermitsPerSecond=10000000\`). **gateway-norl**: the same with rate limiting off (\`=0\`)."
  echo "  **gateway-otel**: rate limiting on and telemetry recorded in-process (\`Telemetry__Enabled=true\`): what"
  echo "  tracing and metrics cost, short of exporting them (there is no collector here)."
  [ -z "$GATEWAY_B" ] || echo "  **gateway-b**: another gateway build ($GATEWAY_B), set up like **gateway**."
  echo "- All platform processes: \`ASPNETCORE_ENVIRONMENT=Production\`, \`Logging__LogLevel__Default=Warning\`, no"
  echo "  OTLP endpoint, so (since ServiceDefaults only sets telemetry up when it has somewhere to go) no telemetry,"
  echo "  except in gateway-otel."
  echo "- Before each measurement the script waits (up to 4 min) until the machine is < 20% busy with our processes"
  echo "  idle; the last column of the raw figures is that reading. The platform's Release output is copied to a temporary"
  echo "  folder first and run from there (a rebuild in the work tree during the run cannot touch it)."
  echo "- CPU µs/req: CPU time (user+system) the proxy process and the backend process used during the run,"
  echo "  divided by requests; it does not depend on how the cores were shared."
  echo
  python3 - "$RAW" <<'PY'
import csv, statistics as st, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = lambda xs: st.median(xs) if xs else float("nan")
def sel(ep, tg): return [r for r in rows if r["endpoint"] == ep and r["target"] == tg]
def num(rs, k): return [float(r[k]) for r in rs if r[k] != "-"]
targets = [t for t in ["direct", "bare", "gateway", "gateway-norl", "gateway-otel", "gateway-b"] if any(r["target"] == t for r in rows)]
endpoints = [(ep, title) for ep, title in [("db", "Database-backed GET /api/actors/{id}"), ("cheap", "Cheap GET (stub backend, no database)")]
             if any(r["endpoint"] == ep for r in rows)]
summary = {}
for ep, title in endpoints:
    print(f"## {title}\n")
    print("| target | req/s per round | median req/s | median p50 (ms) | median p99 (ms) | proxy CPU µs/req | backend CPU µs/req | non-2xx / socket errors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for tg in targets:
        rs = sel(ep, tg)
        if not rs:
            continue
        rps = num(rs, "rps")
        m = dict(rps=med(rps), p50=med(num(rs, "p50_us")) / 1000, p99=med(num(rs, "p99_us")) / 1000,
                 pcpu=med(num(rs, "proxy_cpu_us_per_req")), bcpu=med(num(rs, "backend_cpu_us_per_req")))
        summary[(ep, tg)] = (m, {r["round"]: float(r["rps"]) for r in rs})
        errs = f'{sum(int(r["non2xx"]) for r in rs)} / {sum(int(r["socket_errors"]) for r in rs)}'
        pc = "–" if tg == "direct" else f'{m["pcpu"]:.0f}'
        print(f'| {tg} | {", ".join(f"{x:,.0f}" for x in rps)} | {m["rps"]:,.0f} | {m["p50"]:.2f} | {m["p99"]:.2f} | {pc} | {m["bcpu"]:.0f} | {errs} |')
    print()
    def ratio(a, b):
        (ma, ra), (mb, rb) = summary[(ep, a)], summary[(ep, b)]
        per = [ra[k] / rb[k] for k in sorted(ra) if k in rb]
        return ma["rps"] / mb["rps"], per
    print("| ratio (req/s) | of medians | per round |")
    print("|---|---:|---|")
    for a, b in [("gateway", "bare"), ("gateway", "direct"), ("bare", "direct"), ("gateway-norl", "bare"), ("gateway", "gateway-norl"),
                 ("gateway-otel", "bare"), ("gateway-otel", "direct"), ("gateway-otel", "gateway"),
                 ("gateway-b", "bare"), ("gateway-b", "gateway")]:
        if (ep, a) not in summary or (ep, b) not in summary:
            continue
        r, per = ratio(a, b)
        summary[(ep, a + "/" + b)] = r
        print(f'| {a} / {b} | {r:.2f} | {", ".join(f"{x:.2f}" for x in per)} |')
    print()

print("## Against the goals\n")
print("| goal | measured | met? |")
print("|---|---:|---|")
def goal(text, key, target):
    if key not in summary:
        print(f'| {text} (≥ {target}) | not measured | |')
        return
    value = summary[key]
    print(f'| {text} (≥ {target}) | {value:.2f} | {"yes" if value >= target else "**no**"} |')
goal("issue: gateway / bare YARP, cheap endpoint", ("cheap", "gateway/bare"), 0.95)
goal("issue: gateway / bare YARP, database-backed GET", ("db", "gateway/bare"), 0.95)
goal("issue: database-backed GET, gateway / direct", ("db", "gateway/direct"), 0.85)
goal("anchors.md: gateway / bare YARP, cheap endpoint", ("cheap", "gateway/bare"), 0.90)
goal("anchors.md: database-backed GET, gateway / direct", ("db", "gateway/direct"), 0.80)
print()
print("## Raw figures\n")
print("```")
print(open(sys.argv[1]).read().rstrip())
print("```")
PY
  if [ -n "$PROFILE" ] && [ -s "$WORK/profile.nettrace" ]; then
    echo
    echo "## Where $PROFILE spends its time under the cheap load (dotnet-trace, ${PROFILE_SECONDS} s after the rounds)"
    echo
    echo "\`dotnet-trace collect --profile dotnet-sampled-thread-time\` on the running process while \`wrk -t2 -c32\` drives the"
    echo "cheap GET through it (machine ${PROFILE_BUSY}% busy just before), converted to speedscope and summed by"
    echo "\`bench/profile/busy.py\`, which leaves out the time threads spend waiting. wrk during the profile: $(grep '^RESULT ' "$WORK/wrk-profile.txt" | awk '{printf "%s req/s", $2}')"
    echo "(sampling costs throughput: not comparable with the rounds)."
    echo
    echo '```'
    "$WORK/tools/dotnet-trace" convert --format Speedscope "$WORK/profile.nettrace" -o "$WORK/profile" >/dev/null 2>&1
    python3 "$BENCH_DIR/profile/busy.py" "$WORK/profile.speedscope.json" 40 2>&1
    echo '```'
  fi
} >"$OUT"
log "wrote $OUT"
