//! Integration tests through the real HTTP server and a real database. Every test gets its own
//! server on its own port and its own database: a fresh SQLite file, or with
//! `POLKU_TEST_DB=postgres` a fresh schema on the PostgreSQL at `POLKU_TEST_POSTGRES_URL`.
//! Tests run on a multi-threaded runtime, as the server does in production.

#![recursion_limit = "256"]

mod helpers;

mod assessment;
mod audit;
mod auth;
mod board;
mod cases;
mod concerns;
mod consent;
mod exits;
mod feedback;
mod markup;
mod matrix;
mod meetings;
mod pages;
mod pathway;
mod plan;
mod process;
mod read_log;
mod scale;
mod schema;
mod security;
mod team;
