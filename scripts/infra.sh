#!/usr/bin/env bash
# Installs (when missing) and starts the local RabbitMQ and PostgreSQL that the platform and the tests use,
# and makes sure the platform's database role and each service's RabbitMQ user exist. Safe to run again: it only does
# what is missing.
# Skip it entirely by giving connection strings for servers you already run (see README).
set -euo pipefail
cd /  # the postgres user, which runs psql below, may not enter the caller's directory

PG_USER="${SAMVERKAN_PG_USER:-samverkan}"
PG_PASSWORD="${SAMVERKAN_PG_PASSWORD:-samverkan}"
# Each service's RabbitMQ password, generated here once and kept outside the repository, readable by this user only.
# The AppHost reads it (BusCredentials.cs); docs/decisions/0005-bus-trust.md.
BUS_CREDENTIALS="${SAMVERKAN_BUS_CREDENTIALS:-${XDG_CONFIG_HOME:-$HOME/.config}/samverkan/bus-users}"
BUS_VHOST=/

# The services that connect to the bus, each as its own user samverkan-<service> (BusPermissions.Services): adding a
# service is one word here and one line there.
BUS_SERVICES="actors participants employers reporting webhooks"

# bus_permissions begin (the same expressions as BusPermissions.For; BusPermissionsTests compares them)
# Prints the configure, write and read expressions for service $1: its own queues and exchanges (<service>-…), the
# exchanges of its own events (Samverkan.Contracts.<Service>:…) to write, every event exchange to configure and bind from.
bus_permissions() {
  local service="$1" pascal="" part
  local IFS=-
  for part in $service; do pascal+="${part^}"; done
  local own="${service}-.*" events='Samverkan\.Contracts\..+' own_events="Samverkan\\.Contracts\\.${pascal}:.+"
  printf '%s\n' "^(${own}|${events})\$" "^(${own}|${own_events})\$" "^(${own}|${events})\$"
}
# bus_permissions end

say() { printf '[infra] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v rabbitmqctl >/dev/null 2>&1 || missing+=(rabbitmq-server)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)  # the browser tests (tests/Web.BrowserTests) drive it
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the newest cluster (creating one if the package made none).
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$pg_version main$"; then
  say "creating PostgreSQL $pg_version cluster 'main'"
  as_root pg_createcluster "$pg_version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  say "starting PostgreSQL $pg_version"
  as_root pg_ctlcluster "$pg_version" main start
fi
wait_for_postgres() {
  for _ in $(seq 1 60); do
    as_root su postgres -c "psql -qAt -c 'select 1'" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}
wait_for_postgres || { say "PostgreSQL did not come up; see /var/log/postgresql/"; exit 1; }
# Four services, each with a connection pool, plus tests and benchmarks outgrow the default of 100.
if [ "$(as_root su postgres -c "psql -qAt -c 'show max_connections'")" -lt 300 ] 2>/dev/null; then
  say "raising PostgreSQL max_connections to 300 (restarts it)"
  as_root su postgres -c "psql -q -c 'alter system set max_connections = 300'"
  as_root pg_ctlcluster "$pg_version" main restart
fi
wait_for_postgres || { say "PostgreSQL did not come up; see /var/log/postgresql/"; exit 1; }
if ! as_root su postgres -c "psql -qAt -c \"select 1 from pg_roles where rolname='$PG_USER'\"" | grep -q 1; then
  say "creating database role '$PG_USER'"
  as_root su postgres -c "psql -q -c \"create role $PG_USER login createdb password '$PG_PASSWORD'\""
fi
# Tests drop their databases WITH (FORCE), which must be allowed to end an autovacuum worker found in one.
as_root su postgres -c "psql -q -c 'set client_min_messages to warning' -c \"grant pg_signal_backend to $PG_USER\""

# RabbitMQ: start the node if it does not answer.
if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
  say "starting RabbitMQ"
  if command -v service >/dev/null 2>&1 && [ -x /etc/init.d/rabbitmq-server ]; then
    as_root service rabbitmq-server start >/dev/null 2>&1 || as_root rabbitmq-server -detached
  else
    as_root rabbitmq-server -detached
  fi
fi
as_root timeout 120 rabbitmqctl -q await_startup >/dev/null 2>&1 || { say "RabbitMQ did not come up; see /var/log/rabbitmq/"; exit 1; }

# One RabbitMQ user per service, its password generated on the first run and kept in $BUS_CREDENTIALS (service=password
# lines); later runs reuse it, and set it again on the broker in case the broker was reinstalled.
mkdir -p "$(dirname "$BUS_CREDENTIALS")"
touch "$BUS_CREDENTIALS"
chmod 600 "$BUS_CREDENTIALS"
for service in $BUS_SERVICES; do
  user="samverkan-$service"
  password=$(sed -n "s/^$service=//p" "$BUS_CREDENTIALS" | tail -n 1)
  if [ -z "$password" ]; then
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s=%s\n' "$service" "$password" >>"$BUS_CREDENTIALS"
  fi
  if ! as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$user"; then
    say "creating RabbitMQ user '$user'"
    printf '%s' "$password" | as_root rabbitmqctl -q add_user "$user" >/dev/null
  elif ! as_root rabbitmqctl -q authenticate_user "$user" "$password" >/dev/null 2>&1; then
    say "setting RabbitMQ user '$user''s password from $BUS_CREDENTIALS"
    printf '%s' "$password" | as_root rabbitmqctl -q change_password "$user" >/dev/null
  fi
  mapfile -t permissions < <(bus_permissions "$service")
  as_root rabbitmqctl -q set_permissions -p "$BUS_VHOST" "$user" "${permissions[@]}" >/dev/null
done
say "PostgreSQL on localhost:5432 (role $PG_USER) and RabbitMQ on localhost:5672 are running; the services' RabbitMQ passwords are in $BUS_CREDENTIALS"
