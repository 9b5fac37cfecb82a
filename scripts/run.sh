#!/usr/bin/env bash
# Runs Samverkan locally: the .NET Aspire AppHost, which starts the four services and the gateway (on
# http://localhost:8080 unless told otherwise) and the Aspire dashboard (http://localhost:18888; its login URL is printed).
#   bash scripts/run.sh [AppHost options]      e.g. --gateway-port 8081, --dashboard false; --help lists them
# Installs (when missing) and starts RabbitMQ and PostgreSQL with scripts/infra.sh, unless both
# ConnectionStrings__messaging and ConnectionStrings__postgres point at servers you run yourself or a Docker engine
# answers (then the AppHost runs them as containers); builds the solution; then becomes the built AppHost, so that
# Ctrl+C reaches it (not a `dotnet run` wrapper) and it stops every process it started.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[run] %s\n' "$*"; }

command -v dotnet >/dev/null 2>&1 || { say "the .NET 10 SDK is needed: https://dotnet.microsoft.com/download"; exit 1; }

# The token command and --help need no servers.
case "${1:-}" in
  token|-h|--help|help) needs_servers=false ;;
  *) needs_servers=true ;;
esac
if $needs_servers; then
  if [ -n "${ConnectionStrings__messaging:-}" ] && [ -n "${ConnectionStrings__postgres:-}" ]; then
    say "using the servers of ConnectionStrings__messaging and ConnectionStrings__postgres"
  elif [ -S /var/run/docker.sock ] && docker info >/dev/null 2>&1; then
    say "a Docker engine answers: the AppHost runs RabbitMQ and PostgreSQL as containers"
  else
    bash scripts/infra.sh
  fi
fi

say "building (Release)"
dotnet build Samverkan.sln -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2 \
  || { say "the build failed; the errors are above"; exit 1; }

exec dotnet AppHost/bin/Release/net10.0/Samverkan.AppHost.dll "$@"
