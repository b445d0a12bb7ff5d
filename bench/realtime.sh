#!/usr/bin/env bash
# Realtime benchmark: write->frame latency (p50/p99) with 1,000 and 10,000 subscribed WebSocket
# connections, and the server's memory per connection (heap after a full GC, and RSS).
#   bench/realtime.sh            # PEERS="1000 10000" WRITES=30
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8091}
WRITES=${WRITES:-30}
mkdir -p bench/results
out=bench/results/realtime-$(date +%Y%m%d-%H%M%S).txt
mvn -q -B package -DskipTests
heap() { jcmd "$1" GC.run >/dev/null; sleep 1; jcmd "$1" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
rss() { awk '/VmRSS/ {print $2 "K"}' "/proc/$1/status"; }
{
  echo "# Rivulet realtime benchmark, $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; $(java -version 2>&1 | head -1)"
  for peers in ${PEERS:-1000 10000}; do
    PORT=$PORT SEED=false JAVA_OPTS="-Xmx2g" bin/run --skip-build > bench/results/realtime-server.log 2>&1 &
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/rstore/todos" >/dev/null 2>&1 && break; sleep 1; done
    server=$(pgrep -f "payara-micro.jar --deploy target/rivulet.war" | head -1)
    heap0=$(heap "$server"); rss0=$(rss "$server")
    java -Xmx3g -Dsettle=8000 bench/realtime/RealtimeBench.java "$PORT" "$peers" "$WRITES" > bench/results/realtime-client.log 2>&1 &
    client=$!
    until grep -q READY bench/results/realtime-client.log 2>/dev/null; do sleep 1; done
    heap1=$(heap "$server"); rss1=$(rss "$server")
    wait $client
    echo; echo "## $peers connections"
    grep -v READY bench/results/realtime-client.log
    echo "server heap after full GC: $heap0 -> $heap1; RSS ${rss0} -> ${rss1}"
    python3 -c "import re,sys
def k(v): return int(re.sub(r'[^0-9]','',v))
print(f'memory per connection: heap {(k(\"$heap1\")-k(\"$heap0\"))/$peers:.1f} KB, RSS {(k(\"$rss1\")-k(\"$rss0\"))/$peers:.1f} KB')"
    kill "$server"; wait "$server" 2>/dev/null || true
    sleep 2
  done
} | tee "$out"
echo "results: $out"
