#!/usr/bin/env bash
# Fault: memory pressure on a bounded heap (-Xmx512m). 10,000 idle WebSocket peers subscribed to
# todos, then 50 MB of oversized requests (50 bodies of 1.05 MB, which must be 413), 50 oversized
# superjson parameters (400) and 20 oversized WebSocket frames (close 1009), 8 at a time. Checks:
# every rejection is 413/400/1009, no OutOfMemoryError, the server still answers and its heap after
# a full GC stays bounded.
#   bench/faults/memory.sh            # PEERS=10000 HEAP=512m
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-10000}; HEAP=${HEAP:-512m}; PORT=${PORT:-18098}
[ -f target/rivulet.war ] || mvn -q -B package -DskipTests
work=$(mktemp -d)
PORT=$PORT SEED=false JAVA_OPTS="-Xmx$HEAP" bin/run --skip-build > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/rstore/todos" >/dev/null && break; sleep 1; done
pid=$(pgrep -f "port $PORT" | head -1)
heap() { jcmd "$pid" GC.run >/dev/null; sleep 1; jcmd "$pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
heap0=$(heap)
java -Xmx2g bench/faults/PeerWatch.java "ws://127.0.0.1:$PORT/api/rstore-realtime/ws" "$PEERS" 90 > "$work/peers.txt" &
peers=$!
until grep -q READY "$work/peers.txt"; do sleep 1; done
heap1=$(heap)
python3 - "$PORT" > "$work/oversized.txt" <<'PY'
import sys, socket, base64, os, http.client
from concurrent.futures import ThreadPoolExecutor
port = int(sys.argv[1])
def body(_):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    payload = b'{"json":{"title":"' + b"x" * 1_100_000 + b'"}}'
    try:
        c.request("POST", "/api/rstore/todos", payload, {"content-type": "application/json"})
        return "body %d" % c.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        return "body reset"  # the server answered and closed before reading it all
def query(_):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/api/rstore/todos?superjson=" + "%7B" + "a" * 100_000)
    return "query %d" % c.getresponse().status
def frame(_):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall(("GET /api/rstore-realtime/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key).encode())
    s.recv(4096)
    n = 1_048_576
    header = bytes([0x81, 0xFF]) + n.to_bytes(8, "big") + b"\0\0\0\0"
    try:
        s.sendall(header + b"a" * n)
    except (BrokenPipeError, ConnectionResetError):
        pass
    data = s.recv(64)
    code = int.from_bytes(data[2:4], "big") if len(data) >= 4 and data[0] == 0x88 else None
    return "frame close %s" % code
with ThreadPoolExecutor(8) as pool:
    results = list(pool.map(body, range(50))) + list(pool.map(query, range(50))) + list(pool.map(frame, range(20)))
counts = {}
for r in results:
    counts[r] = counts.get(r, 0) + 1
print(counts)
PY
heap2=$(heap)
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/rstore/todos")
wait $peers || true
echo "# Memory: $PEERS idle peers and 50 MB of oversized requests, -Xmx$HEAP ($(date -u +%FT%TZ))"
echo "heap after full GC: start $heap0, with $PEERS peers $heap1, after the oversized requests $heap2"
echo "oversized requests: $(cat "$work/oversized.txt")"
grep -v READY "$work/peers.txt"
oom=$(grep -c OutOfMemoryError "$work/server.log" || true)
echo "OutOfMemoryError in the server log: $oom; a list afterwards: $status"
verdict=ok
[ "$oom" = 0 ] || verdict=OOM
[ "$status" = 200 ] || verdict="$verdict DOWN"
grep -qE "'(body (2|5)[0-9][0-9]|query (2|5)[0-9][0-9]|frame close (None|1011))'" "$work/oversized.txt" && verdict="$verdict REJECTION"
echo "verdict: $verdict"
[ "$verdict" = ok ]
