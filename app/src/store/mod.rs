//! The store: sea-orm entities and the reads and writes every use case stands on (finding a case
//! and its seats, names, history, audit rows, plan versions, the board-event projection,
//! sessions). Server-only, behind the `ssr` feature, so no sea-orm reaches the browser bundle.
//! It imports nothing above it: the use cases in `service` call down into it, never the other
//! way round.

pub mod access;
pub mod assessments;
pub mod audit;
pub mod board_events;
pub mod case_set;
pub mod cases;
pub mod config;
pub mod consents;
pub mod entities;
pub mod feedback;
pub mod legal_access;
pub mod meetings;
pub mod name_search;
pub mod password;
pub mod placement;
pub mod plan_versions;
pub mod plans;
pub mod read_log;
pub mod session;
pub mod sign_in;
pub mod snapshot;
pub mod stage_moves;
pub mod write_txn;

pub use config::Config;

use crate::error::AppError;

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

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
