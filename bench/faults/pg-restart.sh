#!/usr/bin/env bash
# Fault: PostgreSQL restarts under write load. WRITERS concurrent writers create and patch todos
# for DURATION seconds against Rivulet on PostgreSQL (bin/run-postgresql, its pool settings); at AT seconds
# the database is stopped (MODE fast or immediate, i.e. a crash), and started again DOWN seconds
# later. Afterwards: every write answered 200 must be in the database, no request may reach the
# client's time-out, 503 (not 500) while the database is away, and the time from the database
# accepting connections again to the next 200.
#   bench/faults/pg-restart.sh                  # MODE=fast WRITERS=32 DURATION=60 AT=25 DOWN=5
#   MODE=immediate bench/faults/pg-restart.sh
# It runs its own PostgreSQL cluster (15/rivulet-faults on port 5433, made when missing), so that
# nothing else on the machine's PostgreSQL is disturbed. Needs root (pg_ctlcluster) and the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${MODE:-fast}; WRITERS=${WRITERS:-32}; DURATION=${DURATION:-60}; AT=${AT:-25}; DOWN=${DOWN:-5}
PORT=${PORT:-18095}; PGPORT=${FAULT_PGPORT:-5433}
VERSION=$(ls /etc/postgresql | sort -n | tail -1); CLUSTER=rivulet-faults
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$CLUSTER"; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PGPORT" -- --auth=trust >/dev/null
fi
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start >/dev/null 2>&1 || true
[ -f target/rivulet.war ] || mvn -q -B package -DskipTests
db=faults_$(date +%s)
psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "create database $db" postgres
work=$(mktemp -d)
PGHOST=127.0.0.1 PGPORT=$PGPORT PGUSER=postgres PGDATABASE=$db PORT=$PORT SEED=false \
  bin/run-postgresql --skip-build > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/rstore/todos?superjson=%7B%22json%22%3A%7B%22limit%22%3A1%7D%7D" >/dev/null && break; sleep 1; done
ms() { date +%s%3N; }
java bench/faults/WriteLoad.java load "http://127.0.0.1:$PORT" "$WRITERS" "$DURATION" "$work/acks" > "$work/load.txt" &
load=$!
# the database's own view, every 50 ms: when it stopped accepting connections, and when it did again
( while kill -0 $load 2>/dev/null; do
    if pg_isready -q -h 127.0.0.1 -p "$PGPORT" -t 1; then echo "$(ms) up"; else echo "$(ms) down"; fi; sleep 0.05
  done ) > "$work/ready" &
sleep "$AT"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" stop -m "$MODE"
sleep "$DOWN"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start
wait $load
stopped=$(awk '$2 == "down" {print $1; exit}' "$work/ready")
back=$(awk -v s="$stopped" '$1 > s && $2 == "up" {print $1; exit}' "$work/ready")
psql -At -h 127.0.0.1 -p "$PGPORT" -U postgres -c "select id, title from todos" "$db" > "$work/dump"
echo "# PostgreSQL restart under load: mode $MODE, $WRITERS writers, ${DURATION} s, down ${DOWN} s from t=${AT} s ($(date -u +%FT%TZ))"
cat "$work/load.txt"
java bench/faults/WriteLoad.java verify "$work/acks" "$work/dump" && verdict=ok || verdict=LOST
python3 - "$work/acks.requests" "$stopped" "$back" <<'PY'
import sys
stopped, back = int(sys.argv[2]), int(sys.argv[3])
rows = [tuple(l.split()) for l in open(sys.argv[1])]
done = lambda r: int(r[0]) + int(r[1])
during = [r for r in rows if stopped <= done(r) <= back]
statuses = {}
for r in during:
    statuses[r[3]] = statuses.get(r[3], 0) + 1
after = sorted(done(r) for r in rows if r[3] == "200" and done(r) > back)
print(f"database away for {(back - stopped) / 1000:.2f} s; answers meanwhile: {statuses}")
print(f"first 200 after the database was back: {(after[0] - back) / 1000:.2f} s" if after else "no 200 after the database was back")
print(f"5xx other than 503 in the whole run: {sum(1 for r in rows if r[3].startswith('5') and r[3] != '503')}")
PY
echo "verdict: $verdict"
grep -c "SEVERE" "$work/server.log" | sed 's/^/SEVERE lines in the server log: /' || true
[ "$verdict" = ok ]
