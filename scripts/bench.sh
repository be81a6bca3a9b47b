#!/usr/bin/env bash
# Benchmarks against the release build (`make bench` builds it first): starts Polku on a fresh
# SQLite database with the demo data and measures what a phone downloads on the first load of
# the client's pathway (the budget is 150 KB brotli) and, for comparison, of the staff's map.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-3300}"
data="$(mktemp -d)"
export LEPTOS_OUTPUT_NAME=polku LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD
export LEPTOS_SITE_ADDR="127.0.0.1:${port}" DATABASE_URL="sqlite://${data}/polku.db?mode=rwc" RUST_LOG=warn
./target/release/server > "${data}/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:${port}/login" && break
  sleep 0.2
done
echo "==> First-load transfer (release build, brotli as served)"
node end2end/bench/first-load.mjs "http://127.0.0.1:${port}" eino.mantyla /pathway 150
node end2end/bench/first-load.mjs "http://127.0.0.1:${port}" sanna.virtanen /process 150
