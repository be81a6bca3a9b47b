//! Reads that belong together, on one connection in one transaction: what they return agrees with
//! itself (a board's cases, their seats and places as of one moment, not some from before a change
//! and some from after). On SQLite a connection empties its page cache whenever someone committed
//! since its last transaction, so statements of one snapshot may share pages that statements spread
//! over the pool would each read again; the probe of 2026-12-04 could not show that in throughput
//! (README, scale figures). A snapshot holds its connection until it ends: end it before waiting for
//! anything that needs the pool too (the audit committer of `read_log`).

use sea_orm::{DbErr, TransactionTrait};

/// Begins a read snapshot (SQLite: a deferred transaction, which takes no lock until it reads;
/// PostgreSQL: one transaction). End it with `commit`; it writes nothing.
pub async fn begin<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin().await
}
