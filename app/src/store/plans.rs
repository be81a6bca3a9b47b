//! Reading client plans: the latest version of one or many cases, reviews, whether a stage keeps
//! a plan open.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::plan::{PlanContent, PlanError};
use crate::domain::review::ReviewContent;
use crate::domain::Stage;
use crate::error::AppError;
use crate::store::case_set::CaseSet;
use crate::store::entities::{case, plan_review, plan_version};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// The plan can be changed while the team works on it.
pub fn is_open(stage: Stage) -> bool {
    matches!(stage, Stage::Collaboration | Stage::FollowUp)
}

pub fn read_content(row: &plan_version::Model) -> Result<PlanContent, AppError> {
    serde_json::from_str(&row.content).map_err(|e| {
        tracing::error!(plan_version_id = row.id, error = %e, "stored plan is invalid");
        AppError::Internal
    })
}

/// One saved version without its content: for the list of versions.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct VersionLine {
    pub version: i32,
    pub editor: String,
    pub created_by_user_id: UserId,
    pub created_at: DateTime<Utc>,
}

/// `limit` of a case's saved versions after the newest `offset`, newest first, without content
/// (a plan saved at every change of a busy year has hundreds of versions).
pub async fn version_lines(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    offset: u64,
    limit: u32,
) -> Result<Vec<VersionLine>, AppError> {
    Ok(plan_version::Entity::find()
        .select_only()
        .columns([
            plan_version::Column::Version,
            plan_version::Column::Editor,
            plan_version::Column::CreatedByUserId,
            plan_version::Column::CreatedAt,
        ])
        .filter(plan_version::Column::CaseId.eq(case_id))
        .order_by_desc(plan_version::Column::Version)
        .offset(offset)
        .limit(u64::from(limit))
        .into_model::<VersionLine>()
        .all(db)
        .await?)
}

/// The content of version `version` of a case's plan (version 0 is the empty plan before the
/// first save); `None` when there is no such version.
pub async fn content_at(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    version: i32,
) -> Result<Option<PlanContent>, AppError> {
    if version == 0 {
        return Ok(Some(PlanContent::default()));
    }
    let row = plan_version::Entity::find()
        .filter(plan_version::Column::CaseId.eq(case_id))
        .filter(plan_version::Column::Version.eq(version))
        .one(db)
        .await?;
    row.as_ref().map(read_content).transpose()
}

/// The latest version of a case's plan and its number (0 and an empty plan before the first).
pub async fn latest(db: &impl ConnectionTrait, case_id: CaseId) -> Result<(i32, PlanContent), AppError> {
    let row = plan_version::Entity::find()
        .filter(plan_version::Column::CaseId.eq(case_id))
        .order_by_desc(plan_version::Column::Version)
        .one(db)
        .await?;
    match row {
        Some(row) => Ok((row.version, read_content(&row)?)),
        None => Ok((0, PlanContent::default())),
    }
}

/// A case's follow-up reviews, newest first, each with what it recorded.
pub async fn reviews_of(
    db: &impl ConnectionTrait,
    case_id: CaseId,
) -> Result<Vec<(plan_review::Model, ReviewContent)>, AppError> {
    plan_review::Entity::find()
        .filter(plan_review::Column::CaseId.eq(case_id))
        .order_by_desc(plan_review::Column::CreatedAt)
        .order_by_desc(plan_review::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let content: ReviewContent = serde_json::from_str(&r.content).map_err(|e| {
                tracing::error!(review_id = r.id, error = %e, "stored review is invalid");
                AppError::Internal
            })?;
            Ok((r, content))
        })
        .collect()
}

/// The latest plan of each of `case_ids` that has one.
pub async fn latest_of(
    db: &impl ConnectionTrait,
    case_ids: Vec<CaseId>,
) -> Result<HashMap<CaseId, PlanContent>, AppError> {
    latest_in(db, &CaseSet::Listed(case_ids)).await
}

/// The latest plan of each case of `set` that has one.
pub async fn latest_in(db: &impl ConnectionTrait, set: &CaseSet) -> Result<HashMap<CaseId, PlanContent>, AppError> {
    let newest = Query::select()
        .column(plan_version::Column::CaseId)
        .expr(Func::max(Expr::col(plan_version::Column::Version)))
        .from(plan_version::Entity)
        .and_where(set.contains((plan_version::Entity, plan_version::Column::CaseId)))
        .group_by_col(plan_version::Column::CaseId)
        .to_owned();
    plan_version::Entity::find()
        .filter(
            Expr::tuple([Expr::col(plan_version::Column::CaseId), Expr::col(plan_version::Column::Version)])
                .in_subquery(newest),
        )
        .all(db)
        .await?
        .iter()
        .map(|row| Ok((row.case_id, read_content(row)?)))
        .collect()
}

/// The latest plan of `found`, for a change made against version `seen`: refused when the case
/// is not in collaboration or follow-up, or when someone saved a newer version since.
pub async fn latest_for_change(
    db: &impl ConnectionTrait,
    found: &case::Model,
    seen: i32,
) -> Result<(i32, PlanContent), AppError> {
    if !is_open(found.stage) {
        return Err(PlanError::NotInCollaboration.into());
    }
    let (current, content) = latest(db, found.id).await?;
    if current != seen {
        return Err(PlanError::Stale.into());
    }
    Ok((current, content))
}
