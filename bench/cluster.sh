#!/usr/bin/env bash
# Cross-node realtime benchmark: write->frame latency (p50/p99) when the write is made on node B
# and the WebSocket peers are on node A of a two-node cluster (Payara Micro x 2, one PostgreSQL,
# one Artemis broker from bin/broker), next to the same measurement on one node.
#   bench/cluster.sh            # PEERS="1 100 1000" WRITES=200
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-8093}
PORT_B=${PORT_B:-8094}
BROKER_PORT=${BROKER_PORT:-61626}
WRITES=${WRITES:-200}
DB=rivulet_bench_cluster
mkdir -p bench/results
out=bench/results/cluster-$(date +%Y%m%d-%H%M%S).txt
mvn -q -B package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
PORT=$BROKER_PORT bin/broker > bench/results/cluster-broker.log 2>&1 &
pids+=($!)
until (echo > /dev/tcp/127.0.0.1/$BROKER_PORT) 2>/dev/null; do sleep 1; done
jms="-Drivulet.bus=jms -Drivulet.jms.broker-url=tcp://127.0.0.1:$BROKER_PORT"
for node in A B; do  # one after the other: the first creates the tables
  port_var=PORT_$node
  PORT=${!port_var} PGDATABASE=$DB SEED=false JAVA_OPTS="-Xmx1g" RIVULET_OPTS="$jms" \
    bin/run-postgresql --skip-build > "bench/results/cluster-node-$node.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:${!port_var}/api/rstore/todos" >/dev/null 2>&1 && break; sleep 1; done
done
{
  echo "# Rivulet cross-node realtime benchmark, $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; $(java -version 2>&1 | head -1)"
  for peers in ${PEERS:-1 100 1000}; do
    echo; echo "## $peers peers on node A"
    echo -n "writes on node A (one node, no broker hop): "
    java -Xmx2g -Dsettle=1000 bench/realtime/RealtimeBench.java "$PORT_A" "$peers" "$WRITES" "$PORT_A" | grep write
    echo -n "writes on node B (through the JMS topic):  "
    java -Xmx2g -Dsettle=1000 bench/realtime/RealtimeBench.java "$PORT_A" "$peers" "$WRITES" "$PORT_B" | grep write
  done
} | tee "$out"
echo "results: $out"
