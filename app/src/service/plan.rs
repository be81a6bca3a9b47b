//! The client plan on the server. Each saved change is a new version (append-only), made from
//! the latest one by a parsed `PlanChange` and allowed by `plan::check_edit` for the person's
//! part of the plan. A change against an older version than the latest is refused.

use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::paging::PageRequest;
use crate::domain::plan::{check_edit, diff, PlanChange, PlanDiff, PlanRole, RawPlanChange};
use crate::domain::review::{RawReview, ReviewContent};
use crate::domain::{Access, Sector};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::{
    board::BoardChange,
    cases::HistoryEvent,
    plan::{PlanCompare, PlanPage, PlanVersionMeta, ReviewView, VERSIONS_PER_PAGE},
};
use crate::store::access::authorise;
use crate::store::audit::{self, Action};
use crate::store::cases::{display_names, participant_choices};
use crate::store::entities::{client, plan_review};
use crate::store::placement::record_change;
use crate::store::plan_versions::{save_version, NextVersion};
use crate::store::plans::{content_at, is_open, latest, latest_for_change, reviews_of, version_lines, VersionLine};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionSession, TransactionTrait};

/// The plan as `user` may see it, with the versions `compare` names compared and one page of
/// the list of versions (`versions_page`, newest first). Logged. Only the latest version's and
/// the compared versions' contents are read.
pub async fn load(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    case_id: CaseId,
    compare: Option<(i32, i32)>,
    versions_page: &str,
) -> Result<PlanPage, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    let asked = PageRequest::parse(versions_page, "", VERSIONS_PER_PAGE)?;
    reads.record_one(audit::Entry::on_case(user, &found, "plan", Action::View, basis)).await?;
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let stage = found.stage;
    let (version, content) = latest(db, case_id).await?;
    let compare = match compare {
        Some((from, to)) => {
            let (from, to) = if from <= to { (from, to) } else { (to, from) };
            let before = content_at(db, case_id, from).await?.ok_or(AppError::NotFound)?;
            let after = content_at(db, case_id, to).await?.ok_or(AppError::NotFound)?;
            Some(PlanCompare { from, to, changes: diff(&before, &after) })
        }
        None => None,
    };
    let lines = version_lines(db, case_id, asked.offset(), asked.per_page).await?;
    let last_line = match asked.page {
        1 => lines.first().cloned(),
        _ => version_lines(db, case_id, 0, 1).await?.into_iter().next(),
    };
    let mut people: Vec<UserId> = lines.iter().chain(&last_line).map(|line| line.created_by_user_id).collect();
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
    let meta = |line: &VersionLine| -> Result<PlanVersionMeta, AppError> {
        Ok(PlanVersionMeta {
            version: line.version,
            saved_by: names.get(&line.created_by_user_id).cloned().unwrap_or_default(),
            editor: line.editor.parse().map_err(|_| AppError::Internal)?,
            at: line.created_at,
        })
    };
    let versions = lines.iter().map(meta).collect::<Result<Vec<_>, AppError>>()?;
    let last_saved = last_line.as_ref().map(meta).transpose()?;
    let role = if is_open(stage) { Access::edit_plan(user.role, rel).ok().map(|(_, role)| role) } else { None };
    Ok(PlanPage {
        case_id,
        client_name: person.name,
        stage,
        version,
        content,
        versions,
        last_saved,
        versions_page: asked.page,
        versions_per_page: asked.per_page,
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
    case_id: CaseId,
    seen: i32,
    raw: &RawReview,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::run_meeting).await?;
    let (current, old) = latest_for_change(&txn, &found, seen).await?;
    let now = Utc::now();
    let content = ReviewContent::parse(raw, &old.goals, finnish_date(now))?;
    plan_review::ActiveModel {
        case_id: Set(case_id),
        plan_version: Set(current),
        content: Set(serde_json::to_string(&content).map_err(|_| AppError::Internal)?),
        reviewed_by_user_id: Set(user.id),
        sector: Set(Sector::Shared),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_change(&txn, case_id, Some(user.id), &HistoryEvent::PlanReviewed { next_review: content.next_review }, now)
        .await?;
    let new = PlanChange::SetReviewDate(content.next_review).apply(&old)?;
    check_edit(PlanRole::Coordinator.editor(user.id), &old, &new)?;
    let (version, board) = if new == old {
        (current, crate::store::board_events::touch_case(&txn, user, case_id, BoardChange::Edited).await?)
    } else {
        save_version(
            &txn,
            user,
            NextVersion { case_id, after: current, role: PlanRole::Coordinator, old: &old, new: &new },
            now,
        )
        .await?
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
    case_id: CaseId,
    seen: i32,
    raw: &RawPlanChange,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, (basis, role)) = authorise(&txn, user, case_id, Access::edit_plan).await?;
    let (current, old) = latest_for_change(&txn, &found, seen).await?;
    let team: Vec<UserId> = participant_choices(&txn, case_id).await?.into_iter().map(|p| p.user_id).collect();
    let now = Utc::now();
    let new = PlanChange::parse(raw, &old, &team, finnish_date(now))?.apply(&old)?;
    check_edit(role.editor(user.id), &old, &new)?;
    if new == old {
        return Ok(current);
    }
    let (version, board) =
        save_version(&txn, user, NextVersion { case_id, after: current, role, old: &old, new: &new }, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "plan", Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish_all(bus, [board, DomainEvent::PlanChanged { case_id, version, actor_user_id: user.id }]);
    Ok(version)
}
