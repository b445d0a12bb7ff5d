#!/bin/sh
# Builds the web console into the directory $1 with the machine's own Node and npm (Maven's
# exec execution "console", phase prepare-package). Without them the build goes on without the
# console, and says so. Quick when nothing changed: `npm ci` only when node_modules is missing or
# older than the lock file, `vite build` only when a source is newer than the last output.
set -eu
out=$1
cd "$(dirname "$0")"
skip() {
  echo "[rivulet-console] SKIPPED: $1. The WAR and the engine jar are built without the web console"
  echo "[rivulet-console]   (/rivulet/console answers 404). Install Node 18+ and npm to build it."
  exit 0
}
command -v node >/dev/null 2>&1 || skip "node is not on the PATH"
command -v npm >/dev/null 2>&1 || skip "npm is not on the PATH"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 18 ] || skip "Node $(node --version) is older than 18 (Vite 6)"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --prefer-offline
fi
if [ -f "$out/index.html" ] && [ -z "$(find index.html vite.config.js package-lock.json src -newer "$out/index.html" -print | head -n 1)" ]; then
  echo "[rivulet-console] up to date: $out"
  exit 0
fi
RIVULET_CONSOLE_OUT="$out" npm run --silent build
echo "[rivulet-console] built into $out"
