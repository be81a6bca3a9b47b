//! Moving a case between stages: the facts the transition rule needs, the move, its history row
//! and its card.

use crate::domain::ids::CaseId;
use crate::domain::stage::check_transition;
use crate::domain::{Basis, CaseFacts, Stage, TeamRole};
use crate::error::AppError;
use crate::events::DomainEvent;
use crate::model::cases::HistoryEvent;
use crate::store::audit::Action;
use crate::store::cases::current_seats;
use crate::store::entities::{case, case_member};
use crate::store::placement::record_change;
use crate::store::session::CurrentUser;
use crate::store::{assessments, audit};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter};

pub async fn facts(db: &impl ConnectionTrait, case_id: CaseId) -> Result<CaseFacts, AppError> {
    let seats: Vec<TeamRole> = current_seats()
        .filter(case_member::Column::CaseId.eq(case_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_role)
        .collect();
    Ok(CaseFacts {
        has_social_coordinator: seats.contains(&TeamRole::SocialCoordinator),
        has_health_coordinator: seats.contains(&TeamRole::HealthCoordinator),
        assessment_completed: assessments::is_completed(db, case_id).await?,
    })
}

/// Moves `found` from the stage it is in to `to` inside the caller's transaction: the process
/// rules, the versioned update (refused if someone moved the case meanwhile), history and audit.
/// Returns the events for the caller to publish after commit.
pub async fn apply_move(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    found: &case::Model,
    basis: Basis,
    to: Stage,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<DomainEvent>, AppError> {
    let from = found.stage;
    check_transition(from, to, facts(txn, found.id).await?)?;
    let closed_at = if to == Stage::Closed { Some(now) } else { None };
    let updated = case::Entity::update_many()
        .col_expr(case::Column::Stage, Expr::value(to))
        .col_expr(case::Column::UpdatedAt, Expr::value(now))
        .col_expr(case::Column::ClosedAt, Expr::value(closed_at))
        .col_expr(case::Column::Version, Expr::col(case::Column::Version).add(1))
        .filter(case::Column::Id.eq(found.id))
        .filter(case::Column::Stage.eq(from))
        .filter(case::Column::Version.eq(found.version))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::StaleStage { current: from });
    }
    record_change(txn, found.id, Some(user.id), &HistoryEvent::StageChanged { from, to }, now).await?;
    audit::record(txn, audit::Entry::on_case(user, found, "case_stage", Action::Update, basis)).await?;
    let board =
        crate::store::board_events::record_case(txn, user, found.id, crate::model::board::BoardChange::Moved).await?;
    Ok(vec![
        DomainEvent::StageChanged { case_id: found.id, from, to, actor_user_id: user.id, version: found.version + 1 },
        board,
    ])
}
