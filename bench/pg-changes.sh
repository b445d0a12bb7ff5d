#!/usr/bin/env bash
# PostgreSQL change source benchmark (rivulet.changes.source=postgresql, README "Change source"):
# latency from a plain SQL update, auto-committed outside Rivulet, to the WebSocket frame, p50/p99,
# at 1 and 1,000 peers on one Payara Micro node. The machine's PostgreSQL runs wal_level=replica,
# so the database is an embedded PostgreSQL 14 (zonky, as the tests use) with wal_level=logical.
#   bench/pg-changes.sh            # PEERS="1 1000" WRITES=200
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8095}
PG_PORT=${PG_PORT:-55432}
WRITES=${WRITES:-200}
DB=rivulet_bench_changes
mkdir -p bench/results
out=bench/results/pg-changes-$(date +%Y%m%d-%H%M%S).txt
[ "${SKIP_BUILD:-}" = 1 ] || mvn -q -B -o package -DskipTests
cp=$(mktemp)
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
rm -rf bench/results/pg-logical bench/results/pg-changes-postgres.log bench/results/pg-changes-node.log
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
java -cp "$(cat "$cp")" bench/realtime/LogicalPostgres.java "$PG_PORT" bench/results/pg-logical \
  > bench/results/pg-changes-postgres.log 2>&1 &
pids+=($!)
until grep -q READY bench/results/pg-changes-postgres.log 2>/dev/null; do sleep 1; done
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB"
PORT=$PORT PGPORT=$PG_PORT PGDATABASE=$DB SEED=false JAVA_OPTS="-Xmx1g" \
  RIVULET_OPTS="-Drivulet.changes.source=postgresql" \
  bin/run-postgresql --skip-build > bench/results/pg-changes-node.log 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/api/rstore/todos" >/dev/null 2>&1 && break; sleep 1; done
until grep -q "reads the slot" bench/results/pg-changes-node.log; do sleep 1; done
jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
{
  echo "# Rivulet PostgreSQL change source benchmark, $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; $(java -version 2>&1 | head -1)"
  for peers in ${PEERS:-1 1000}; do
    echo; echo "## $peers peers"
    echo -n "SQL update outside Rivulet -> frame (change source postgresql): "
    java -Xmx2g -Dsettle=1000 -Djdbc="$jdbc" -cp target/postgresql.jar bench/realtime/RealtimeBench.java "$PORT" "$peers" "$WRITES" | grep write
    echo -n "REST PATCH -> frame (the same node, change source postgresql): "
    java -Xmx2g -Dsettle=1000 bench/realtime/RealtimeBench.java "$PORT" "$peers" "$WRITES" | grep write
  done
} | tee "$out"
echo "results: $out"
