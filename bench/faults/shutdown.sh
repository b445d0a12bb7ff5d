#!/usr/bin/env bash
# Fault: Payara is stopped (SIGTERM, as a service manager or a rolling deploy does) during write
# load, then started again. WRITERS writers create and patch todos for DURATION seconds; PEERS
# WebSocket peers are subscribed to todos. Afterwards: every write answered 200 is in the database,
# no row is half written, every peer got a close frame (not a dropped socket) and reconnected to
# the restarted server. The answers given while Payara stops (its own 404/500/501 once the
# application is gone) are printed, not judged: they come from the container (docs/benchmarks.md).
#   bench/faults/shutdown.sh            # WRITERS=32 DURATION=40 AT=12 PEERS=100
set -euo pipefail
cd "$(dirname "$0")/../.."
WRITERS=${WRITERS:-32}; DURATION=${DURATION:-40}; AT=${AT:-12}; PEERS=${PEERS:-100}; PORT=${PORT:-18096}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
[ -f target/rivulet.war ] || mvn -q -B package -DskipTests
db=shutdown_$(date +%s)
psql -q -c "create database $db" postgres
work=$(mktemp -d)
start() { PGDATABASE=$db PORT=$PORT SEED=false bin/run-postgresql --skip-build >> "$work/server.log" 2>&1 & echo $!; }
ready() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/rstore/todos?superjson=%7B%22json%22%3A%7B%22limit%22%3A1%7D%7D" >/dev/null && return; sleep 0.5; done; }
ms() { date +%s%3N; }
server=$(start); ready
trap 'kill $server 2>/dev/null || true' EXIT
java bench/faults/PeerWatch.java "ws://127.0.0.1:$PORT/api/rstore-realtime/ws" "$PEERS" 120 > "$work/peers.txt" &
peers=$!
until grep -q READY "$work/peers.txt"; do sleep 0.5; done
java bench/faults/WriteLoad.java load "http://127.0.0.1:$PORT" "$WRITERS" "$DURATION" "$work/acks" > "$work/load.txt" &
load=$!
sleep "$AT"
t0=$(ms); kill -TERM "$server"; while kill -0 "$server" 2>/dev/null; do sleep 0.05; done; t1=$(ms)
server=$(start); ready; t2=$(ms)
wait $load; wait $peers
psql -At -c "select id, title from todos" "$db" > "$work/dump"
echo "# Payara stopped (SIGTERM) under load: $WRITERS writers, $PEERS peers, ${DURATION} s, stop at t=${AT} s ($(date -u +%FT%TZ))"
grep -v "^t=" "$work/load.txt"
echo "server exited $(( t1 - t0 )) ms after SIGTERM; serving again $(( t2 - t1 )) ms after it was started"
grep -v READY "$work/peers.txt"
verdict=ok
java bench/faults/WriteLoad.java verify "$work/acks" "$work/dump" || verdict=LOST
partial=$(grep -cvE '^[0-9]+\|w[0-9]+-[0-9]+$' "$work/dump" || true)
echo "rows not exactly as written: $partial"
[ "$partial" = 0 ] || verdict=PARTIAL
grep -q "close codes received {.*-1=" "$work/peers.txt" && verdict="$verdict DROPPED"
grep -q "reconnected and acknowledged again: $PEERS of" "$work/peers.txt" || verdict="$verdict NOT-RECONNECTED"
echo "verdict: $verdict"
[ "$verdict" = ok ]
