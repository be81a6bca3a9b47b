#!/usr/bin/env bash
# Benchmarks against the release build (`make bench` builds it first), on a fresh SQLite database
# with the demo data:
#   1. what a phone downloads on the first load of the client's pathway (budget 15 KB brotli),
#      and for the staff's pages, in Chromium slowed to a phone's CPU and network: the first load
#      of each, the time until it answers, and the bytes of each step of a walk by links;
#   2. how fast a change reaches live boards: 50, 500 and 1,000 boards subscribed on loopback,
#      against a minimal axum websocket broadcast as the floor, and the server's memory.
# BENCH_PROFILE=debug measures the debug build instead (quicker to build, slower to run).
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${BENCH_PROFILE:-release}"
port="${BENCH_PORT:-3300}"
floor_port=$((port + 10))
data="$(mktemp -d)"
# A thousand sockets each way need more than the usual 1,024 open files.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
export LEPTOS_OUTPUT_NAME=polku LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD
export LEPTOS_SITE_ADDR="127.0.0.1:${port}" DATABASE_URL="sqlite://${data}/polku.db?mode=rwc" RUST_LOG=warn
"./target/${profile}/server" > "${data}/server.log" 2>&1 &
server=$!
"./target/${profile}/floor" "127.0.0.1:${floor_port}" > "${data}/floor.log" 2>&1 &
floor=$!
trap 'kill $server $floor 2>/dev/null; wait $server $floor 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:${port}/login" && curl -s -o /dev/null "http://127.0.0.1:${floor_port}/" && break
  sleep 0.2
done
echo "==> First-load transfer (${profile} build, brotli as served)"
node end2end/bench/first-load.mjs "http://127.0.0.1:${port}" eino.mantyla /pathway 15
node end2end/bench/staff-load.mjs "http://127.0.0.1:${port}" sanna.virtanen "${BENCH_LOAD_RUNS:-3}"
echo "==> Live boards (${profile} build)"
node end2end/bench/live-latency.mjs "http://127.0.0.1:${port}" "$server" "http://127.0.0.1:${floor_port}" "$floor" \
  "${BENCH_BOARDS:-50,500,1000}" "${BENCH_EDITS:-100}"
