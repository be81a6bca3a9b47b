#!/usr/bin/env bash
# Installs what building and testing Polku needs, skipping whatever is already there.
#   scripts/setup.sh          build tools (wasm target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --e2e    the same plus Chromium and the Playwright test runner
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Installing the wasm32 target (about 1 minute)"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "0.3.10"; then
  say "Installing cargo-leptos 0.3.10 (about 12 minutes on 2 cores, only once)"
  cargo install cargo-leptos --locked --version 0.3.10
fi

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $want"; then
  say "Installing wasm-bindgen-cli $want (about 2 minutes, only once)"
  cargo install wasm-bindgen-cli --version "=$want"
fi

# Debian's binaryen (wasm-opt 108) produces wasm that fails to hydrate; use the crate's build.
if ! "$HOME/.cargo/bin/wasm-opt" --version 2>/dev/null | grep -q "version 1[1-9][0-9]"; then
  say "Installing wasm-opt (about 6 minutes, only once)"
  cargo install wasm-opt --locked
fi

if [[ "${1:-}" == "--e2e" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    say "Installing Debian's Chromium for the browser tests (about 1 minute)"
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq chromium; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi
  fi
  # Again whenever the lock file changed since the last install.
  if [[ ! -x end2end/node_modules/.bin/playwright || end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]]; then
    say "Installing the Playwright test runner and axe-core from npm (no browser download)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi
