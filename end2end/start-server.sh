#!/usr/bin/env bash
# Starts the debug build of Polku for the browser tests on a fresh SQLite database with demo data.
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-3100}"
data="$(pwd)/test-results/e2e-db"
rm -rf "$data" && mkdir -p "$data"
export LEPTOS_OUTPUT_NAME=polku LEPTOS_SITE_ROOT=../target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR="127.0.0.1:${port}" DATABASE_URL="sqlite://${data}/polku.db?mode=rwc"
exec ../target/debug/server
