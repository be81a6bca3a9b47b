//! Sign-in attempts: the address a sign-in came from, the attempts within the throttling windows,
//! and recording each attempt before its password is checked (`domain::throttle` decides).

use crate::domain::throttle::{self, Attempt, Throttled};
use crate::error::AppError;
use crate::store::entities::sign_in_attempt;
use crate::store::write_txn;
use crate::store::Config;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set, Statement,
    TransactionSession, TransactionTrait,
};

/// How long attempts are kept: longer than the longest window they count in.
const KEPT: Duration = Duration::days(2);
use std::net::SocketAddr;

/// Where the request came from: the connection's peer, or behind a trusted proxy the last address
/// of `X-Forwarded-For`. "unknown" when neither is there (a server not started with connect info).
pub fn address(parts: &http::request::Parts, config: &Config) -> String {
    let forwarded = config
        .trust_forwarded_for
        .then(|| parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|list| list.rsplit(',').map(str::trim).find(|a| !a.is_empty()));
    if let Some(forwarded) = forwarded {
        return forwarded.chars().take(64).collect();
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Begins a sign-in attempt: refuses it when its source, its account or its address has failed
/// too often lately, and otherwise records it, as failed until `finish` says it succeeded, before
/// any password is checked. Deciding and recording are one step per account and address (a
/// transaction holding a lock on each on PostgreSQL; SQLite runs one writing transaction at a
/// time), so that tries sent at once are counted one after the other and no more of them reach
/// the password check than the limits allow. Returns the attempt for `finish`.
pub async fn begin(
    db: &(impl ConnectionTrait + TransactionTrait),
    username: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        let mut keys = [format!("polku sign-in account {username}"), format!("polku sign-in address {address}")];
        keys.sort();
        for key in keys {
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtext($1))",
                [key.into()],
            ))
            .await?;
        }
    }
    let account = sign_in_attempt::Entity::find()
        .filter(sign_in_attempt::Column::Username.eq(username))
        .filter(sign_in_attempt::Column::CreatedAt.gt(now - throttle::long_window()))
        .all(&txn)
        .await?;
    let from_address = sign_in_attempt::Entity::find()
        .filter(sign_in_attempt::Column::Address.eq(address))
        .filter(sign_in_attempt::Column::Succeeded.eq(false))
        .filter(sign_in_attempt::Column::CreatedAt.gt(now - throttle::window()))
        .all(&txn)
        .await?;
    let attempts = |rows: Vec<sign_in_attempt::Model>| -> Vec<Attempt> {
        rows.into_iter()
            .map(|row| Attempt { at: row.created_at, succeeded: row.succeeded, same_address: row.address == address })
            .collect()
    };
    throttle::check(now, &attempts(account), &attempts(from_address))
        .map_err(|Throttled { retry_in_minutes }| AppError::TooManyAttempts { retry_in_minutes })?;
    let attempt = sign_in_attempt::ActiveModel {
        username: Set(username.to_owned()),
        address: Set(address.to_owned()),
        succeeded: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(attempt.id)
}

/// Forgets attempts older than any window counts them in: housekeeping, run now and then (not on
/// each sign-in, where it would hold the locks `begin` takes for a scan of the table).
pub async fn forget_old(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), AppError> {
    sign_in_attempt::Entity::delete_many().filter(sign_in_attempt::Column::CreatedAt.lt(now - KEPT)).exec(db).await?;
    Ok(())
}

/// Ends an attempt `begin` recorded: a success clears the account's earlier failures.
pub async fn finish(db: &impl ConnectionTrait, attempt: i32, succeeded: bool) -> Result<(), AppError> {
    if succeeded {
        sign_in_attempt::Entity::update_many()
            .col_expr(sign_in_attempt::Column::Succeeded, Expr::value(true))
            .filter(sign_in_attempt::Column::Id.eq(attempt))
            .exec(db)
            .await?;
    }
    Ok(())
}
