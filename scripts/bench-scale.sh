#!/usr/bin/env bash
# The scale benchmark (`make bench-scale`, on the release build it makes first): every page and
# the busiest server functions at demo size and at a wellbeing area's size (server/src/scale.rs),
# on SQLite and, when one listens on $PG_HOST:$PG_PORT, on PostgreSQL; each beside a static file
# of the same bytes from the floor server. Prints a table per database and size (the README keeps
# the figures).
#   BENCH_SCALE   the area's size as a factor of issue 21's (1 = 100,000 clients; default 1)
#   BENCH_SIZES   which sizes to measure: "demo area" (default), "demo" or "area"
#   BENCH_DBS     "sqlite postgres" (default) or either alone
#   BENCH_PROFILE release (default) or debug; see end2end/bench/pages.mjs for the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${BENCH_PROFILE:-release}"
factor="${BENCH_SCALE:-1}"
port="${BENCH_PORT:-3400}"
floor_port=$((port + 10))
pg_host="${PG_HOST:-127.0.0.1}"
pg_port="${PG_PORT:-5432}"
data="$(mktemp -d)"
export LEPTOS_OUTPUT_NAME=polku LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD
export LEPTOS_SITE_ADDR="127.0.0.1:${port}" RUST_LOG=warn
"./target/${profile}/floor" "127.0.0.1:${floor_port}" "${data}" > "${data}/floor.log" 2>&1 &
floor=$!
server=""
trap 'kill $floor $server 2>/dev/null; wait $floor $server 2>/dev/null || true; rm -rf "$data"' EXIT

# Measures one database: fills it (at area size), serves it, runs the pages bench, stops.
measure() {
  local label="$1" url="$2" size="$3"
  if [[ "$size" == area ]]; then
    echo "==> Generating the area (factor ${factor}) on ${label}"
    DATABASE_URL="$url" "./target/${profile}/scale" "$factor"
  fi
  DATABASE_URL="$url" "./target/${profile}/server" > "${data}/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:${port}/login" && break
    sleep 0.2
  done
  # The start-up housekeeping (the overdue sweep) runs first; let it finish before timing.
  sleep 5
  node end2end/bench/pages.mjs "http://127.0.0.1:${port}" "$server" "http://127.0.0.1:${floor_port}" "$data" \
    "${label}, ${size} size" || echo "(some pages failed: see above; server log in ${data}/server.log)"
  kill "$server"; wait "$server" 2>/dev/null || true
  server=""
}

pg_url() {
  local name="$1"
  psql -h "$pg_host" -p "$pg_port" -U postgres -d test -qc "DROP DATABASE IF EXISTS ${name}" >/dev/null
  psql -h "$pg_host" -p "$pg_port" -U postgres -d test -qc "CREATE DATABASE ${name}" >/dev/null
  echo "postgres://postgres@${pg_host}:${pg_port}/${name}"
}

for db in ${BENCH_DBS:-sqlite postgres}; do
  for size in ${BENCH_SIZES:-demo area}; do
    case "$db" in
      sqlite) measure SQLite "sqlite://${data}/${size}.db?mode=rwc" "$size" ;;
      postgres)
        if (exec 3<>"/dev/tcp/${pg_host}/${pg_port}") 2>/dev/null && command -v psql >/dev/null; then
          measure PostgreSQL "$(pg_url "polku_bench_${size}")" "$size"
        else
          echo "==> SKIPPED: PostgreSQL (nothing listens on ${pg_host}:${pg_port}, or no psql)"
        fi ;;
    esac
  done
done
