//! The client plan on the server. Each saved change is a new version (append-only), made from
//! the latest one by a parsed `PlanChange` and allowed by `plan::check_edit` for the person's
//! part of the plan. A change against an older version than the latest is refused.

use super::audit::{self, Action};
use super::cases::{append_history, authorise, display_names, parse_stage, participant_choices};
use super::entities::{case, client, plan_review, plan_version};
use super::events::{self, DomainEvent, Events};
use super::session::CurrentUser;
use crate::domain::calendar::finnish_date;
use crate::domain::plan::{check_edit, diff, PlanChange, PlanContent, PlanDiff, PlanError, PlanRole, RawPlanChange};
use crate::domain::review::{RawReview, ReviewContent};
use crate::domain::{Access, Sector, Stage};
use crate::error::AppError;
use crate::model::{BoardChange, HistoryEvent, PlanCompare, PlanPage, PlanVersionMeta, ReviewView};
use chrono::Utc;
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// The plan can be changed while the team works on it.
pub fn is_open(stage: Stage) -> bool {
    matches!(stage, Stage::Collaboration | Stage::FollowUp)
}

fn read_content(row: &plan_version::Model) -> Result<PlanContent, AppError> {
    serde_json::from_str(&row.content).map_err(|e| {
        tracing::error!(plan_version_id = row.id, error = %e, "stored plan is invalid");
        AppError::Internal
    })
}

async fn versions(db: &impl ConnectionTrait, case_id: i32) -> Result<Vec<plan_version::Model>, AppError> {
    Ok(plan_version::Entity::find()
        .filter(plan_version::Column::CaseId.eq(case_id))
        .order_by_desc(plan_version::Column::Version)
        .all(db)
        .await?)
}

/// The latest version of a case's plan and its number (0 and an empty plan before the first).
pub(super) async fn latest(db: &impl ConnectionTrait, case_id: i32) -> Result<(i32, PlanContent), AppError> {
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
pub(super) async fn reviews_of(
    db: &impl ConnectionTrait,
    case_id: i32,
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
pub(super) async fn latest_of(
    db: &impl ConnectionTrait,
    case_ids: Vec<i32>,
) -> Result<HashMap<i32, PlanContent>, AppError> {
    let newest = Query::select()
        .column(plan_version::Column::CaseId)
        .expr(Func::max(Expr::col(plan_version::Column::Version)))
        .from(plan_version::Entity)
        .and_where(Expr::col(plan_version::Column::CaseId).is_in(case_ids))
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
pub(super) async fn latest_for_change(
    db: &impl ConnectionTrait,
    found: &case::Model,
    seen: i32,
) -> Result<(i32, PlanContent), AppError> {
    if !is_open(parse_stage(&found.stage)?) {
        return Err(PlanError::NotInCollaboration.into());
    }
    let (current, content) = latest(db, found.id).await?;
    if current != seen {
        return Err(PlanError::Stale.into());
    }
    Ok((current, content))
}

/// The plan as `user` may see it, with the versions `compare` names compared. Logged.
pub async fn load(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: i32,
    compare: Option<(i32, i32)>,
) -> Result<PlanPage, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    audit::record(db, audit::Entry::on_case(user, &found, "plan", Action::View, basis)).await?;
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let stage = parse_stage(&found.stage)?;
    let rows = versions(db, case_id).await?;
    let content = match rows.first() {
        Some(row) => read_content(row)?,
        None => PlanContent::default(),
    };
    let compare = match compare {
        Some((from, to)) => {
            let content_of = |version: i32| -> Result<PlanContent, AppError> {
                match rows.iter().find(|r| r.version == version) {
                    Some(row) => read_content(row),
                    None if version == 0 => Ok(PlanContent::default()),
                    None => Err(AppError::NotFound),
                }
            };
            let (from, to) = if from <= to { (from, to) } else { (to, from) };
            Some(PlanCompare { from, to, changes: diff(&content_of(from)?, &content_of(to)?) })
        }
        None => None,
    };
    let mut people: Vec<i32> = rows.iter().map(|r| r.created_by_user_id).collect();
    people.extend(content.actions.iter().map(|a| a.owner_user_id));
    if let Some(c) = &compare {
        for change in &c.changes {
            if let PlanDiff::ActionOwner { from, to, .. } = change {
                people.extend([*from, *to]);
            }
        }
    }
    let review_rows = reviews_of(db, case_id).await?;
    people.extend(review_rows.iter().map(|(r, _)| r.reviewed_by_user_id));
    let names = display_names(db, people).await?;
    let reviews = review_rows
        .into_iter()
        .map(|(r, content)| ReviewView {
            at: r.created_at,
            by: names.get(&r.reviewed_by_user_id).cloned().unwrap_or_default(),
            content,
        })
        .collect();
    let versions = rows
        .iter()
        .map(|row| {
            Ok(PlanVersionMeta {
                version: row.version,
                saved_by: names.get(&row.created_by_user_id).cloned().unwrap_or_default(),
                editor: row.editor.parse().map_err(|_| AppError::Internal)?,
                at: row.created_at,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let role = if is_open(stage) { Access::edit_plan(user.role, rel).ok().map(|(_, role)| role) } else { None };
    Ok(PlanPage {
        case_id,
        client_name: person.name,
        stage,
        version: rows.first().map_or(0, |r| r.version),
        content,
        versions,
        compare,
        owners: participant_choices(db, case_id).await?,
        owner_names: names.into_iter().collect(),
        role,
        reader_user_id: user.id,
        today: finnish_date(Utc::now()),
        reviews,
    })
}

/// Records a follow-up review of the plan seen at version `seen`: the pair scores every goal
/// (with the client's own score where given) and sets the next review date, which the plan
/// then carries as a new version. One transaction.
pub async fn review(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: i32,
    seen: i32,
    raw: &RawReview,
) -> Result<i32, AppError> {
    let txn = db.begin().await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::run_meeting).await?;
    let (current, old) = latest_for_change(&txn, &found, seen).await?;
    let now = Utc::now();
    let content = ReviewContent::parse(raw, &old.goals, finnish_date(now))?;
    plan_review::ActiveModel {
        case_id: Set(case_id),
        plan_version: Set(current),
        content: Set(serde_json::to_string(&content).map_err(|_| AppError::Internal)?),
        reviewed_by_user_id: Set(user.id),
        sector: Set(Sector::Shared.as_str().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    append_history(&txn, case_id, Some(user.id), &HistoryEvent::PlanReviewed { next_review: content.next_review }, now)
        .await?;
    let new = PlanChange::SetReviewDate(content.next_review).apply(&old)?;
    check_edit(PlanRole::Coordinator.editor(user.id), &old, &new)?;
    let (version, board) = if new == old {
        (current, super::board::touch_case(&txn, user, case_id, BoardChange::Edited).await?)
    } else {
        save_version(&txn, user, case_id, current, PlanRole::Coordinator, &old, &new, now).await?
    };
    audit::record(&txn, audit::Entry::on_case(user, &found, "plan_review", Action::Create, basis)).await?;
    txn.commit().await?;
    events::publish_all(bus, [board, DomainEvent::PlanChanged { case_id, version, actor_user_id: user.id }]);
    Ok(version)
}

/// Makes one change to the plan seen at version `seen` and saves it as the next version.
/// Returns the version now current (unchanged when the change changed nothing).
pub async fn change(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: i32,
    seen: i32,
    raw: &RawPlanChange,
) -> Result<i32, AppError> {
    let txn = db.begin().await?;
    let (found, _, (basis, role)) = authorise(&txn, user, case_id, Access::edit_plan).await?;
    let (current, old) = latest_for_change(&txn, &found, seen).await?;
    let team: Vec<i32> = participant_choices(&txn, case_id).await?.into_iter().map(|p| p.user_id).collect();
    let now = Utc::now();
    let new = PlanChange::parse(raw, &team, finnish_date(now))?.apply(&old)?;
    check_edit(role.editor(user.id), &old, &new)?;
    if new == old {
        return Ok(current);
    }
    let (version, board) = save_version(&txn, user, case_id, current, role, &old, &new, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "plan", Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish_all(bus, [board, DomainEvent::PlanChanged { case_id, version, actor_user_id: user.id }]);
    Ok(version)
}

/// Inserts `content` as the version after `current` (whose content is `old`), with its history
/// row and what it changed on the boards. Two saves racing for the same number: the second is
/// refused as stale by the unique index. Returns the version and the board event to publish
/// after commit.
#[allow(clippy::too_many_arguments)]
pub(super) async fn save_version(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: i32,
    current: i32,
    role: PlanRole,
    old: &PlanContent,
    content: &PlanContent,
    now: chrono::DateTime<Utc>,
) -> Result<(i32, DomainEvent), AppError> {
    let version = current + 1;
    let inserted = plan_version::ActiveModel {
        case_id: Set(case_id),
        version: Set(version),
        content: Set(serde_json::to_string(content).map_err(|_| AppError::Internal)?),
        editor: Set(role.as_str().to_string()),
        created_by_user_id: Set(user.id),
        sector: Set(Sector::Shared.as_str().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await;
    super::unless_duplicate(inserted, PlanError::Stale)?;
    append_history(txn, case_id, Some(user.id), &HistoryEvent::PlanSaved { version }, now).await?;
    let board = super::board::plan_saved(txn, user, case_id, old, content).await?;
    Ok((version, board))
}
