//! Sign-in attempts: the address a sign-in came from, the attempts within the throttling window,
//! and recording each attempt (`domain::throttle` decides).

use super::entities::sign_in_attempt;
use super::Config;
use crate::domain::throttle::{self, Attempt, Throttled};
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
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

fn attempts(rows: Vec<sign_in_attempt::Model>) -> Vec<Attempt> {
    rows.into_iter().map(|row| Attempt { at: row.created_at, succeeded: row.succeeded }).collect()
}

/// Refuses the sign-in when the account or the address has failed too often lately.
pub async fn check(db: &impl ConnectionTrait, username: &str, address: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let since = now - throttle::window();
    let recent = sign_in_attempt::Column::CreatedAt.gt(since);
    let account = sign_in_attempt::Entity::find()
        .filter(sign_in_attempt::Column::Username.eq(username))
        .filter(recent.clone())
        .all(db)
        .await?;
    let from_address = sign_in_attempt::Entity::find()
        .filter(sign_in_attempt::Column::Address.eq(address))
        .filter(sign_in_attempt::Column::Succeeded.eq(false))
        .filter(recent)
        .all(db)
        .await?;
    throttle::check(now, &attempts(account), &attempts(from_address))
        .map_err(|Throttled { retry_in_minutes }| AppError::TooManyAttempts { retry_in_minutes })
}

/// Records an attempt, and forgets attempts older than a day.
pub async fn record(db: &impl ConnectionTrait, username: &str, address: &str, succeeded: bool, now: DateTime<Utc>) -> Result<(), AppError> {
    sign_in_attempt::Entity::delete_many()
        .filter(sign_in_attempt::Column::CreatedAt.lt(now - Duration::days(1)))
        .exec(db)
        .await?;
    sign_in_attempt::ActiveModel {
        username: Set(username.to_owned()),
        address: Set(address.to_owned()),
        succeeded: Set(succeeded),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
