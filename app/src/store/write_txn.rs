//! Transactions that write. SQLite lets many connections read at once (write-ahead log) but only
//! one write; a transaction begun the default way reads first and asks for the write lock only at
//! its first write, and when another connection wrote in between SQLite refuses it at once
//! ("database is locked") instead of waiting. Begun IMMEDIATE it takes the write lock first,
//! waiting its turn (the connection's busy timeout), so concurrent changes queue instead of
//! failing. PostgreSQL ignores the mode: its row locks and constraints decide there.

use sea_orm::{DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait};

/// Begins a transaction that will write (on SQLite, `BEGIN IMMEDIATE`; nested, a savepoint).
pub async fn begin<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}
