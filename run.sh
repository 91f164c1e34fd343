#!/usr/bin/env bash
# Build Safeguard, create the SQLite database with the demo borough (once), serve it on 127.0.0.1,
# and print where and how to sign in.   ./run.sh [--reset] [--port N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

port="${PORT:-5000}"; reset=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reset) reset=1 ;;
    --port) port="$2"; shift ;;
    *) echo "usage: ./run.sh [--reset] [--port N]" >&2; exit 2 ;;
  esac
  shift
done

command -v dotnet >/dev/null || { echo "Safeguard needs the .NET 10 SDK (dotnet) on the PATH." >&2; exit 1; }
command -v npm >/dev/null || { echo "Safeguard needs Node.js and npm to fetch GOV.UK Frontend." >&2; exit 1; }

mkdir -p data
export ConnectionStrings__Safeguard="Data Source=$PWD/data/safeguard.db;Cache=Shared"
export Database__Provider=Sqlite
export AccessLog__KeyFile="$PWD/data/access-log.key"

echo "Building..."
dotnet build Safeguard.slnx -c Release --nologo -v quiet -clp:ErrorsOnly

if [ "$reset" = 1 ]; then rm -f data/safeguard.db data/safeguard.db-shm data/safeguard.db-wal data/access-log.key; fi
[ -f data/access-log.key ] || ./safeguard audit new-key --file data/access-log.key
if [ ! -f data/safeguard.db ]; then
  ./safeguard db migrate
  ./safeguard demo generate --seed 1 --scale 1
else
  ./safeguard db migrate >/dev/null
  echo "Using the existing demo borough in data/safeguard.db (./run.sh --reset starts afresh)."
fi

./safeguard demo sign-ins --url "http://127.0.0.1:$port"
cd src/Safeguard.Web
exec dotnet bin/Release/net10.0/Safeguard.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD"
