#!/usr/bin/env bash
# Install what the tests need (apt: PostgreSQL, Chromium) when missing, start a throwaway PostgreSQL on
# loopback, run every test suite, and end with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"

need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}..."
  printf '#clear DPkg::Post-Invoke;\n' > /tmp/apt-keepdebs.conf
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -c /tmp/apt-keepdebs.conf -o DPkg::Lock::Timeout=600 \
    install -y -q --no-install-recommends "${need[@]}" >/dev/null || { echo "apt-get install failed" >&2; exit 1; }
fi

# A throwaway PostgreSQL, stopped and removed however the run ends.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PGDATA=$(mktemp -d /tmp/safeguard-pg.XXXXXX)
chown postgres:postgres "$PGDATA"
stop_pg() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-k /tmp -p $PGPORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { echo "PostgreSQL did not start" >&2; cat "$PGDATA/server.log" >&2; exit 1; }
export SAFEGUARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Include Error Detail=true"
echo "PostgreSQL for the tests on 127.0.0.1:$PGPORT"

echo "Building..."
if ! dotnet build Safeguard.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0
mkdir -p "$root/TestResults"
for project in tests/Safeguard.Core.Tests tests/Safeguard.Web.Tests tests/Safeguard.Browser.Tests; do
  name=$(basename "$project")
  log="$root/TestResults/$name.log"
  echo "== $name"
  dotnet test --project "$project" -c Release --no-build 2>&1 | tee "$log" | grep -E "^(failed|  Failed|error)|Test run summary|total:|succeeded:|failed:|skipped:" 
  p=$(grep -E '^\s+succeeded:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  f=$(grep -E '^\s+failed:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [ -z "$p" ] && [ -z "$f" ]; then
    echo "$name did not report a result (see $log)"; f=1; p=0
  fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
