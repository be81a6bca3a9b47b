# Polku: `make run` serves the app with demo data; `make test` runs every test.
# Both install what is missing first (see scripts/setup.sh), so a fresh Debian machine with
# Rust and Node needs nothing else.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

LEPTOS_SITE_ADDR ?= 127.0.0.1:3000
DATABASE_URL ?= sqlite://data/polku.db?mode=rwc
PG_HOST ?= 127.0.0.1
PG_PORT ?= 5432
POLKU_TEST_POSTGRES_URL ?= postgres://postgres@$(PG_HOST):$(PG_PORT)/test
export POLKU_TEST_POSTGRES_URL

.PHONY: run build setup setup-e2e test lint test-unit test-sqlite test-postgres test-e2e e2e-build bench bench-scale clean

## Build in release mode and serve on $(LEPTOS_SITE_ADDR) with $(DATABASE_URL).
run: setup build
	@echo "==> Starting Polku on http://$(LEPTOS_SITE_ADDR) (database: $(DATABASE_URL))"
	LEPTOS_OUTPUT_NAME=polku LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg \
	LEPTOS_SITE_ADDR="$(LEPTOS_SITE_ADDR)" LEPTOS_ENV=PROD DATABASE_URL="$(DATABASE_URL)" \
	./target/release/server

# `--split`: each page's WebAssembly is a chunk of its own, loaded when the page is first needed
# (app/src/routes.rs).
build:
	@echo "==> Building Polku (release). A cold build takes 15-25 minutes on 2 cores; later builds are quicker."
	cargo leptos build --release --precompress --split

setup:
	@scripts/setup.sh

setup-e2e:
	@scripts/setup.sh --e2e

## Every test: formatting and lints, unit, integration on SQLite and PostgreSQL, and browser tests.
test: setup-e2e lint test-unit test-sqlite test-postgres test-e2e
	@echo "==> All test suites finished."

## The shop kept clean: rustfmt's formatting, and clippy with every warning an error on the
## server build and the browser build (the browser crate with `app` as its path dependency).
lint:
	@echo "==> Formatting (cargo fmt --check)"
	cargo fmt --all -- --check
	@echo "==> Lints (clippy, warnings denied)"
	cargo clippy -p app --features ssr --all-targets -- -D warnings
	cargo clippy -p server -p migrations --all-targets -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

test-unit:
	@echo "==> Unit tests (domain core, sessions, passwords)"
	cargo test -p app --features ssr --lib
	@echo "==> The crate's floors: no import circle, imports go down (app/tests/module_graph.rs)"
	cargo test -p app --features ssr --test module_graph
	cargo test -p server --lib
	@echo "==> The domain core and pages compile for the browser (wasm32)"
	cargo check -p frontend --target wasm32-unknown-unknown
	@echo "==> No database or password code in the browser bundle"
	@if cargo tree -p frontend --target wasm32-unknown-unknown -e normal | grep -E "sea-orm|sqlx|argon2"; then \
		echo "FAILED: server-only crates reach the wasm bundle"; exit 1; fi

test-sqlite:
	@echo "==> Integration tests through the HTTP server on SQLite (a fresh database per test)"
	cargo test -p server --test api

test-postgres:
	@if (exec 3<>/dev/tcp/$(PG_HOST)/$(PG_PORT)) 2>/dev/null; then \
		echo "==> Integration tests through the HTTP server on PostgreSQL $(PG_HOST):$(PG_PORT) (a fresh schema per test)"; \
		POLKU_TEST_DB=postgres cargo test -p server --test api; \
	else \
		echo "==> SKIPPED: PostgreSQL integration tests — nothing listens on $(PG_HOST):$(PG_PORT)."; \
		echo "    Start PostgreSQL there (or set PG_HOST/PG_PORT/POLKU_TEST_POSTGRES_URL) to run them."; \
	fi

e2e-build:
	@echo "==> Building Polku for the browser tests (debug, split by page as the release is)"
	cargo leptos build --split

test-e2e: e2e-build
	@echo "==> Browser tests in headless Chromium (desktop and Pixel 5)"
	cd end2end && npx playwright test

## Benchmarks on the release build: the pathway's first-load transfer and the live boards'
## propagation latency against a minimal axum broadcast (figures in the README).
bench: setup build
	cargo build --release -p server --bin floor
	@scripts/bench.sh

## The scale benchmark: every page at demo size and at a wellbeing area's size (100,000 clients;
## BENCH_SCALE=0.1 for a tenth), on SQLite and PostgreSQL, against a static file of the same bytes.
bench-scale: setup build
	cargo build --release -p server --bin floor --bin scale
	@scripts/bench-scale.sh

clean:
	cargo clean
	rm -rf end2end/node_modules end2end/test-results
