#!/usr/bin/env bash
# One offline sync of a client holding 10,000 todos, after 100 of them were updated and 20 deleted
# on the server, through the published pull (@rstore/nuxt-drizzle 0.8.4's offline plugin: every
# held key, then updatedAt >= the client's clock) and through Rivulet's changes feed
# (clients/rstore-offline). Prints the requests, bytes sent, bytes received and milliseconds of
# each (sync-bench.mjs), RUNS times (default 3), alternately. Against a running Rivulet; each run
# creates its rows and deletes them after. The feed's client holds every todo the server has: use
# a server without others (a fresh database; bin/run's H2 has 3 seed todos).
#   bench/offline-sync/run.sh http://localhost:8080                # 10,000 rows, 100 changed, 20 deleted
#   RUNS=1 bench/offline-sync/run.sh http://localhost:8080 20000 500 50
set -euo pipefail
cd "$(dirname "$0")/../.."
url=${1:?usage: bench/offline-sync/run.sh <rivulet-url> [rows] [changed] [deleted]}
rows=${2:-10000}
changed=${3:-100}
deleted=${4:-20}
curl -sf "$url/api/rstore/todos/_changes?limit=1" >/dev/null || { echo "no changes feed at $url" >&2; exit 1; }

# the Node packages of the ITs' tools, and the plugin's build (as OfflineFeedClientIT makes them)
[ -f src/test/ts/node_modules/.package-lock.json ] || npm ci --prefix src/test/ts --no-audit --no-fund
(
  cd clients/rstore-offline
  [ -f node_modules/.package-lock.json ] || npm ci --prefer-offline --no-audit --no-fund
  node node_modules/typescript/bin/tsc -p tsconfig.json
)

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for _ in $(seq 1 "${RUNS:-3}"); do
  for variant in published feed; do
    (cd src/test/ts && node --import ./offline/feed-shims.mjs ../../../bench/offline-sync/sync-bench.mjs \
      "$url" "$variant" "$rows" "$changed" "$deleted") | tee -a "$results"
  done
done
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
console.log("\n| pull | held rows | requests | bytes sent | bytes received | ms in requests | ms of the sync | correct |")
console.log("|---|---:|---:|---:|---:|---:|---:|---|")
for (const r of lines) {
  console.log(`| ${r.variant} | ${r.held} | ${r.requests} | ${r.bytesSent} | ${r.bytesReceived} | ${r.requestMs} | ${r.ms} | ${r.correct} |`)
}
' "$results"
