#!/usr/bin/env bash
# Reruns the platform benchmarks and writes bench/results/<date>.md (copy the table into docs/performance.md).
#   bench/run.sh [--scales "1 10"] [--seconds 15]
# Needs root on Debian (installs postgresql and wrk with apt-get if missing). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
scales="1 10"; seconds=15
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) scales="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    *) echo "usage: bench/run.sh [--scales \"1 10\"] [--seconds N]" >&2; exit 2 ;;
  esac
  shift
done

need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  printf '#clear DPkg::Post-Invoke;\n' > /tmp/apt-keepdebs.conf
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -c /tmp/apt-keepdebs.conf -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

echo "Building (Release)..."
dotnet build Safeguard.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build bench/AccessLogLoad -c Release --nologo -v quiet -clp:ErrorsOnly

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PGDATA=$(mktemp -d /tmp/safeguard-bench-pg.XXXXXX); chown postgres:postgres "$PGDATA"
work=$(mktemp -d /tmp/safeguard-bench.XXXXXX)
web_pid=""
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA" "$work"
}
trap cleanup EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-k /tmp -p $PGPORT -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }

./safeguard audit new-key --file "$work/key" >/dev/null
export AccessLog__KeyFile="$work/key"
mkdir -p bench/results
out="bench/results/$(date +%F).md"
{
  echo "# Benchmarks $(date +%F) on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB"
  echo
  echo "Latency is measured with one connection (the server's own time on loopback); requests/s with 8."
  echo
  echo "| scale | database | measure | p50 ms | p95 ms | requests/s | failures |"
  echo "| --- | --- | --- | --: | --: | --: | --: |"
} > "$out"

seconds_of() { local s=$(date +%s.%N); "$@" >"$work/cmd.log" 2>&1 || { cat "$work/cmd.log"; exit 1; }; python3 -c "print($(date +%s.%N) - $s)"; }

for scale in $scales; do
  # Generation time on SQLite (the demo's database) and PostgreSQL (production's).
  sqlite="Data Source=$work/bench-$scale.db"
  t=$(Database__Provider=Sqlite ConnectionStrings__Safeguard="$sqlite" seconds_of sh -c "./safeguard db migrate && ./safeguard demo generate --seed 1 --scale $scale --as-of 2026-11-23")
  echo "| $scale | SQLite | generate the demo borough (migrate included) | $(printf %.1f "$t") s | | | |" >> "$out"
  rm -f "$work"/bench-$scale.db*

  db="bench_$scale"
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export Database__Provider=Postgres ConnectionStrings__Safeguard="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$db;Maximum Pool Size=50"
  t=$(seconds_of sh -c "./safeguard db migrate && ./safeguard demo generate --seed 1 --scale $scale --as-of 2026-11-23")
  echo "| $scale | PostgreSQL | generate the demo borough (migrate included) | $(printf %.1f "$t") s | | | |" >> "$out"
  psql_ -d "$db" -c "VACUUM ANALYZE"
  people=$(psql_ -d "$db" -c 'SELECT count(*) FROM "People"')
  echo "scale $scale: $people people"

  token=$(./safeguard users token --email team-manager@northmoor.example --name bench --days 1)
  child=$(psql_ -d "$db" -c 'SELECT i."PersonId" FROM "Involvements" i JOIN "People" p ON p."Id" = i."PersonId" WHERE i."EndDate" IS NULL AND NOT p."IsRestricted" ORDER BY i."Id" LIMIT 1')
  name=$(psql_ -d "$db" -c "SELECT \"FirstName\" || '+' || \"LastName\" FROM \"People\" WHERE \"Id\" = '$child'")
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  (cd src/Safeguard.Web && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/Safeguard.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1) &
  web_pid=$!
  for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/account/sign-in" && break; sleep 0.5; done

  measure() {  # label url [token]: latency with one connection, throughput with eight
    local as="${3:-$token}"
    wrk -t1 -c2 -d2s -H "Authorization: Bearer $as" "$2" >/dev/null 2>&1 || true   # warm up
    local one eight
    one=$(wrk -t1 -c1 -d"${seconds}s" -s bench/latency.lua -H "Authorization: Bearer $as" "$2" | grep RESULT)
    eight=$(wrk -t2 -c8 -d"${seconds}s" -s bench/latency.lua -H "Authorization: Bearer $as" "$2" | grep RESULT)
    field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
    echo "| $scale | PostgreSQL | $1 | $(field p50 "$one") | $(field p95 "$one") | $(field rps "$eight") | $(( $(field failures "$one") + $(field failures "$eight") )) |" >> "$out"
    echo "  $1: one connection: $one; eight: $eight"
  }
  measure "person search page (\"${name/+/ }\")" "http://127.0.0.1:$port/people?q=$name"
  measure "a child's record page" "http://127.0.0.1:$port/people/$child"
  measure "the access-history page" "http://127.0.0.1:$port/people/$child/access-history"
  # The front door: the MASH manager's dashboard and My work, the contact service's queue, a team manager's My work.
  mash=$(./safeguard users token --email mash-manager@northmoor.example --name bench --days 1)
  screener=$(./safeguard users token --email contact-service-worker@northmoor.example --name bench --days 1)
  open_mash=$(psql_ -d "$db" -c 'SELECT count(*) FROM "MashCases" WHERE "DecidedAtUtc" IS NULL')
  waiting=$(psql_ -d "$db" -c "SELECT count(*) FROM \"Contacts\" WHERE \"Stage\" = 'AwaitingScreening'")
  measure "MASH dashboard ($open_mash open cases)" "http://127.0.0.1:$port/mash" "$mash"
  measure "My work, MASH manager" "http://127.0.0.1:$port/" "$mash"
  measure "My work, team manager" "http://127.0.0.1:$port/" "$token"
  measure "contact service queue ($waiting waiting)" "http://127.0.0.1:$port/contacts" "$screener"
  # Social work: the child with the longest history (record, chronology, case), a team manager's team views, the service manager's overview.
  manager=$(./safeguard users token --email service-manager@northmoor.example --name bench --days 1)
  long=$(psql_ -d "$db" -c 'SELECT c."PersonId" FROM "Chronology" c JOIN "People" p ON p."Id" = c."PersonId" WHERE NOT p."IsRestricted" GROUP BY c."PersonId" ORDER BY count(*) DESC LIMIT 1')
  events=$(psql_ -d "$db" -c "SELECT count(*) || ' events over ' || (extract(year from age(max(\"OccurredAtUtc\"), min(\"OccurredAtUtc\"))))::int || ' years' FROM \"Chronology\" WHERE \"PersonId\" = '$long'")
  team=$(psql_ -d "$db" -c "SELECT \"TeamId\" FROM \"AspNetUsers\" WHERE \"Email\" = 'team-manager@northmoor.example'")
  measure "a child's record, longest history ($events)" "http://127.0.0.1:$port/people/$long" "$manager"
  measure "that child's whole chronology page" "http://127.0.0.1:$port/people/$long/chronology" "$manager"
  measure "that child's case page" "http://127.0.0.1:$port/people/$long/case" "$manager"
  measure "team manager: the team's caseloads" "http://127.0.0.1:$port/teams/$team" "$token"
  measure "team manager: what is late in the team" "http://127.0.0.1:$port/teams/$team/overdue" "$token"
  measure "service manager: what is late, every team" "http://127.0.0.1:$port/social-work" "$manager"
  measure "My work, social worker" "http://127.0.0.1:$port/" "$(./safeguard users token --email social-worker@northmoor.example --name bench --days 1)"
  # Child protection: the chairs' list of conferences to hold, a chair's My work, the service manager's overview by team.
  chair=$(./safeguard users token --email conference-chair@northmoor.example --name bench --days 1)
  to_hold=$(psql_ -d "$db" -c 'SELECT count(*) FROM "Conferences" WHERE "HeldOn" IS NULL')
  on_plans=$(psql_ -d "$db" -c 'SELECT count(*) FROM "ChildProtectionPlans" WHERE "EndDate" IS NULL')
  measure "conference chair: conferences to hold ($to_hold)" "http://127.0.0.1:$port/conferences" "$chair"
  measure "My work, conference chair" "http://127.0.0.1:$port/" "$chair"
  measure "service manager: child protection overview ($on_plans children on plans)" "http://127.0.0.1:$port/child-protection" "$manager"
  plan=$(psql_ -d "$db" -c 'SELECT "PersonId" || '"'"'/protection-plans/'"'"' || "Id" FROM "ChildProtectionPlans" WHERE "EndDate" IS NULL ORDER BY "Id" LIMIT 1')
  measure "a child protection plan page" "http://127.0.0.1:$port/people/$plan" "$manager"
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""
  # The CSV contacts import: 2,000 contacts (a third naming a child on record) as the contact service, on the command line.
  psql_ -d "$db" -c "SELECT 'SG-' || lpad(\"Number\"::text, 7, '0') FROM \"People\" WHERE NOT \"IsRestricted\" AND \"RecordedInErrorAtUtc\" IS NULL AND \"DateOfBirth\" > DATE '2009-01-01' ORDER BY \"Number\" LIMIT 500" > "$work/ids.txt"
  python3 bench/contacts.py 2000 "$work/ids.txt" > "$work/contacts.csv"
  t=$(seconds_of ./safeguard contacts import "$work/contacts.csv" --as contact-service-worker@northmoor.example)
  echo "  import: 2000 contacts in $t s"
  echo "| $scale | PostgreSQL | import 2,000 contacts from CSV (command line, one transaction) | $(printf %.1f "$t") s | | $(python3 -c "print(round(2000 / $t))") contacts/s | |" >> "$out"
  # The access log under concurrent load: 16 producers queue 50,000 views; the app's writer chains them in.
  line=$(dotnet bench/AccessLogLoad/bin/Release/net10.0/AccessLogLoad.dll 50000 16 | grep RESULT)
  echo "  access log: $line"
  echo "| $scale | PostgreSQL | access log: views absorbed per second (50,000 views from 16 concurrent producers) | | | $(sed -E 's/.*rate=([0-9]+).*/\1/' <<<"$line") | |" >> "$out"
  after=$(psql_ -d "$db" -c 'SELECT count(*) FROM "AccessLog"')
  verify=$(seconds_of ./safeguard audit verify)
  echo "| $scale | PostgreSQL | audit verify, whole log ($after entries) | $(printf %.1f "$verify") s | | | |" >> "$out"
done
echo
cat "$out"
