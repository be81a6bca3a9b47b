//! Saving a new client-plan version together with the board cards it changes, in the caller's
//! transaction.

use crate::domain::ids::CaseId;
use crate::domain::plan::{PlanContent, PlanError, PlanRole};
use crate::domain::Sector;
use crate::error::AppError;
use crate::events::DomainEvent;
use crate::model::cases::HistoryEvent;
use crate::store::entities::plan_version;
use crate::store::placement::record_change;
use crate::store::session::CurrentUser;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// A plan version to be saved: the case's plan `new` after version `after` (whose content was
/// `old`), written in `role`.
pub struct NextVersion<'a> {
    pub case_id: CaseId,
    pub after: i32,
    pub role: PlanRole,
    pub old: &'a PlanContent,
    pub new: &'a PlanContent,
}

/// Inserts the next version with its history row and what it changed on the boards. Two saves
/// racing for the same number: the second is refused as stale by the unique index. Returns the
/// version and the board event to publish after commit.
pub async fn save_version(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    next: NextVersion<'_>,
    now: chrono::DateTime<Utc>,
) -> Result<(i32, DomainEvent), AppError> {
    let NextVersion { case_id, after, role, old, new: content } = next;
    let version = after + 1;
    let inserted = plan_version::ActiveModel {
        case_id: Set(case_id),
        version: Set(version),
        content: Set(serde_json::to_string(content).map_err(|_| AppError::Internal)?),
        editor: Set(role.as_str().to_string()),
        created_by_user_id: Set(user.id),
        sector: Set(Sector::Shared),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await;
    crate::store::unless_duplicate(inserted, PlanError::Stale)?;
    record_change(txn, case_id, Some(user.id), &HistoryEvent::PlanSaved { version }, now).await?;
    let board = crate::store::board_events::plan_saved(txn, user, case_id, old, content).await?;
    Ok((version, board))
}
