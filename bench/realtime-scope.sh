#!/usr/bin/env bash
# The read scope under load (issue #13): 1,000 WebSocket peers of 100 distinct callers (10 teams),
# subscribed to projects, with the example recipes on (transformQuery: a project is visible only to
# its team). Renames one project at a time; reports the write -> frame latency of the 100 peers in
# scope, the frames that leaked to the other 900 (must be 0), and the scope statements PostgreSQL ran
# per change (counted in its statement log, which is on for this database only).
#   bench/realtime-scope.sh            # CALLERS=100 TEAMS=10 PEERS_PER_CALLER=10 WRITES=50
set -euo pipefail
cd "$(dirname "$0")/.."
CALLERS=${CALLERS:-100}; TEAMS=${TEAMS:-10}; PER=${PEERS_PER_CALLER:-10}; WRITES=${WRITES:-50}; PORT=${PORT:-18093}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
[ -f target/rivulet.war ] || mvn -q -B package -DskipTests
db=scope_$(date +%s)
psql -q -c "create database $db" postgres
psql -q -c "alter database $db set log_min_duration_statement = 0" postgres
work=$(mktemp -d)
PGDATABASE=$db PORT=$PORT SEED=false RIVULET_OPTS="-Drivulet.example.recipes=true" \
  bin/run-postgresql --skip-build > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/rstore/todos" >/dev/null 2>&1 && break; sleep 1; done
log=$(ls -t /var/log/postgresql/postgresql-*-main.log | head -1)
java -Xmx2g bench/realtime/ScopeBench.java "http://127.0.0.1:$PORT" "$CALLERS" "$TEAMS" "$PER" "$WRITES" > "$work/client.txt" 2>&1 &
client=$!
until grep -q READY "$work/client.txt" 2>/dev/null || ! kill -0 $client 2>/dev/null; do sleep 1; done
from=$(wc -l < "$log")
status=0; wait $client || status=$?
tail -n +"$from" "$log" | grep "@$db " > "$work/statements" || true
scope=$(grep -c "execute .*teams_to_users" "$work/statements" || true)
all=$(grep -c " execute " "$work/statements" || true)
echo "# Realtime read scope under load ($(date -u +%FT%TZ), $(nproc) cores)"
grep -v READY "$work/client.txt"
echo "statements while writing: $all, of them scope checks (the transformQuery's subquery): $scope; per change: $(( scope / WRITES ))"
psql -q -c "alter database $db reset log_min_duration_statement" postgres
exit $status
