#!/usr/bin/env bash
# REST benchmark on PostgreSQL: list (50 of 10,000 rows with a where and an orderBy), an include
# tree, get-by-key (wrk), and 100 get-by-key as one _batch vs 100 sequential requests
# (bench/batch.py), against Rivulet on Payara Micro. Results go to bench/results/.
#   bench/rest.sh                  # build, load 10,000 todos, measure (20 s per scenario)
#   DURATION=60s CONNECTIONS=32 bench/rest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

PORT=${PORT:-8090}
DB=${BENCH_DB:-rivulet_bench}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PSQL="psql -q -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres}"
mkdir -p bench/results
out=bench/results/rest-$(date +%Y%m%d-%H%M%S).txt

mvn -q -B package -DskipTests
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
PGDATABASE=$DB PORT=$PORT SEED=false bin/run-postgresql --skip-build > bench/results/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/rstore/todos" >/dev/null 2>&1 && break
  sleep 1
done
$PSQL -d "$DB" -c "INSERT INTO todos (id, title, completed, created_at, updated_at)
  SELECT 100000 + g, 'todo ' || lpad(g::text, 5, '0'), g % 3 = 0, now(), now() FROM generate_series(1, 10000) g" \
  -c "INSERT INTO users (id, name, email, created_at, updated_at)
  SELECT 100000 + u, 'user ' || u, 'user' || u || '@bench.io', now(), now() FROM generate_series(1, 50) u" \
  -c "INSERT INTO posts (id, author_id, title, published, created_at, updated_at)
  SELECT 100000 + u * 100 + p, 100000 + u, 'post ' || p, p % 2 = 0, now(), now()
  FROM generate_series(1, 50) u, generate_series(1, 10) p" \
  -c "INSERT INTO comments (id, post_id, author_id, body, approved, created_at, updated_at)
  SELECT 200000 + (u * 100 + p) * 10 + c, 100000 + u * 100 + p, 100000 + u, 'comment ' || c, true, now(), now()
  FROM generate_series(1, 50) u, generate_series(1, 10) p, generate_series(1, 5) c" \
  -c "ANALYZE"

query=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("{\"json\":{\"where\":{\"operator\":\"eq\",\"field\":\"completed\",\"value\":false},\"orderBy\":[\"title.desc\"],\"limit\":50}}"))')
list_url="http://127.0.0.1:$PORT/api/rstore/todos?superjson=$query"
rows=$(curl -sf "$list_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$rows" = 50 ] || { echo "list returned $rows rows" >&2; exit 1; }

include=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("{\"json\":{\"limit\":50,\"include\":{\"posts\":{\"limit\":5,\"orderBy\":[\"title.desc\"],\"include\":{\"comments\":{\"limit\":3,\"orderBy\":[\"id.asc\"]}}}}}}"))')
include_url="http://127.0.0.1:$PORT/api/rstore/users?superjson=$include"
curl -sf "$include_url" | python3 -c 'import json,sys; u=json.load(sys.stdin); assert len(u)==50 and all(len(x["posts"])==5 and all(len(p["comments"])==3 for p in x["posts"]) for x in u), "include shape"'

cat > bench/results/get-by-key.lua <<'LUA'
request = function()
  return wrk.format("GET", "/api/rstore/todos/" .. math.random(100001, 110000))
end
LUA

{
  echo "# Rivulet REST benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; PostgreSQL $($PSQL -d "$DB" -Atc 'show server_version'); 10,000 todos"
  wrk -t2 -c8 -d10s "$list_url" >/dev/null   # warm-up (JIT, pool)
  echo; echo "## list: 50 of 10,000 rows, where completed = false, orderBy title.desc"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$list_url"
  echo; echo "## include: 50 users, each with posts (limit 5, ordered), each with comments (limit 3)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$include_url"
  echo; echo "## get by key (random of 10,000)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/results/get-by-key.lua "http://127.0.0.1:$PORT"
  echo; echo "## 100 get-by-key: one _batch vs 100 sequential requests (30 rounds)"
  python3 bench/batch.py "$PORT" 100001 30
} | tee "$out"
echo "results: $out"
