//! Server-only code: database access, sessions, audit, demo data. Compiled with the `ssr`
//! feature only, so none of it (and no sea-orm) reaches the browser bundle.

pub mod assessments;
pub mod audit;
pub mod audit_review;
pub mod board;
pub mod cases;
pub mod concerns;
pub mod consents;
pub mod entities;
pub mod events;
pub mod feed;
pub mod feedback;
pub mod meetings;
pub mod password;
pub mod plan;
pub mod process;
pub mod records;
pub mod respond;
pub mod seed;
pub mod session;
pub mod sign_in;
pub mod state;
pub mod team;

pub use state::{AppState, Config};

use crate::error::AppError;

/// An insert's result, where a unique index refusing the row means `conflict` (someone else
/// got there first, or it was already done) and any other failure stays a database error.
pub(crate) fn unless_duplicate<T>(
    inserted: Result<T, sea_orm::DbErr>,
    conflict: impl Into<AppError>,
) -> Result<T, AppError> {
    inserted.map_err(|error| match error.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => conflict.into(),
        _ => error.into(),
    })
}
