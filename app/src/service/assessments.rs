//! The service-need assessment on the server: reading it (logged), starting and saving the draft,
//! completing it (which moves the case to collaboration in the same transaction), and the views
//! people write into it. Completed versions are never updated: an amendment is a new version.

use crate::domain::assessment::{parse_view, AssessmentContent, RawAssessment, ViewAuthor};
use crate::domain::ids::{CaseId, UserId};
use crate::domain::{Access, AssessmentError, Sector, Stage};
use crate::error::AppError;
use crate::events::{self, Events};
use crate::model::{
    assessment::{AssessmentDraft, AssessmentPage, AssessmentSaved, ViewEntry},
    cases::HistoryEvent,
};
use crate::store::access::authorise;
use crate::store::assessments::{
    clock, completed_versions, read_record, versions, view_entries, write_record, Record, COMPLETED, DRAFT,
};
use crate::store::audit::{self, Action};
use crate::store::cases::{display_names, participant_choices};
use crate::store::entities::{assessment, assessment_view, client};
use crate::store::placement::record_change;
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::stage_moves::apply_move;
use crate::store::write_txn;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

fn client_views(views: &[ViewEntry]) -> usize {
    views.iter().filter(|v| v.author != ViewAuthor::Professional).count()
}

/// The assessment as `user` may see it. Staff on the team see the open draft; the client and a
/// relative see what has been completed and everyone's views. Logged.
pub async fn load(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    case_id: CaseId,
) -> Result<AssessmentPage, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    reads.record_one(audit::Entry::on_case(user, &found, "assessment", Action::View, basis)).await?;
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let rows = versions(db, case_id).await?;
    let views = view_entries(db, case_id).await?;
    let can_edit = Access::edit_assessment(user.role, rel).is_ok();

    let draft = match rows.iter().find(|r| r.status == DRAFT) {
        Some(row) if user.role.is_staff() => {
            let content = read_record(row)?.content;
            let names = display_names(db, vec![row.updated_by_user_id]).await?;
            Some(AssessmentDraft {
                version: row.version,
                revision: row.revision,
                missing: content.missing(client_views(&views)),
                content,
                started_at: row.started_at,
                updated_at: row.updated_at,
                updated_by: names.get(&row.updated_by_user_id).cloned().unwrap_or_default(),
            })
        }
        _ => None,
    };
    let started = rows.iter().find(|r| r.version == 1).map(|r| r.started_at);
    Ok(AssessmentPage {
        case_id,
        client_name: person.name.clone(),
        stage: found.stage,
        clock: clock(&found, &person, started, Utc::now())?,
        draft,
        versions: completed_versions(db, &rows).await?,
        views,
        team: if can_edit { participant_choices(db, case_id).await? } else { Vec::new() },
        can_edit,
        can_write_view: Access::contribute(user.role, rel).is_ok(),
    })
}

/// Opens a draft: the first assessment while the case is in assessment, or an amendment of the
/// latest completed version. Starting when a draft is already open changes nothing.
pub async fn start(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    case_id: CaseId,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::edit_assessment).await?;
    let rows = versions(&txn, case_id).await?;
    if let Some(open) = rows.iter().find(|r| r.status == DRAFT) {
        return Ok(open.version);
    }
    let stage = found.stage;
    let latest = rows.first();
    let allowed = match latest {
        None => stage == Stage::Assessment,
        Some(_) => !matches!(stage, Stage::Identification | Stage::Closed),
    };
    if !allowed {
        return Err(AssessmentError::CannotStart.into());
    }
    let content = match latest {
        Some(row) => read_record(row)?.content,
        None => AssessmentContent::default(),
    };
    let version = latest.map_or(1, |r| r.version + 1);
    let now = Utc::now();
    let inserted = assessment::ActiveModel {
        case_id: Set(case_id),
        version: Set(version),
        status: Set(DRAFT.to_string()),
        content: Set(write_record(&Record { content, views: Vec::new() })?),
        revision: Set(1),
        started_at: Set(now),
        started_by_user_id: Set(user.id),
        updated_at: Set(now),
        updated_by_user_id: Set(user.id),
        completed_at: Set(None),
        completed_by_user_id: Set(None),
        sector: Set(Sector::Shared),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    // The other coordinator opened the same version a moment ago.
    crate::store::unless_duplicate(inserted, AssessmentError::StaleDraft)?;
    record_change(&txn, case_id, Some(user.id), &HistoryEvent::AssessmentStarted { version }, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "assessment", Action::Create, basis)).await?;
    txn.commit().await?;
    Ok(version)
}

/// Saves the draft the coordinator saw (`revision`); with `complete`, also completes it, and a
/// case in assessment moves on to collaboration in the same transaction.
pub async fn save(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    revision: i32,
    intent: &str,
    raw: RawAssessment,
) -> Result<AssessmentSaved, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::edit_assessment).await?;
    let complete = match intent {
        "save" => false,
        "complete" => true,
        other => return Err(AssessmentError::InvalidChoice { value: other.chars().take(40).collect() }.into()),
    };
    let rows = versions(&txn, case_id).await?;
    let draft = rows.iter().find(|r| r.status == DRAFT).ok_or(AssessmentError::NotStarted)?;
    if draft.revision != revision {
        return Err(AssessmentError::StaleDraft.into());
    }
    let team: Vec<(UserId, String)> =
        participant_choices(&txn, case_id).await?.into_iter().map(|p| (p.user_id, p.name)).collect();
    let content = AssessmentContent::parse(&raw, &team)?;
    let now = Utc::now();
    let mut stage = found.stage;

    let views = if complete {
        let views = view_entries(&txn, case_id).await?;
        content.check_complete(client_views(&views))?;
        views
    } else {
        Vec::new()
    };
    let mut update = assessment::Entity::update_many()
        .col_expr(assessment::Column::Content, Expr::value(write_record(&Record { content, views })?))
        .col_expr(assessment::Column::Revision, Expr::col(assessment::Column::Revision).add(1))
        .col_expr(assessment::Column::UpdatedAt, Expr::value(now))
        .col_expr(assessment::Column::UpdatedByUserId, Expr::value(user.id));
    if complete {
        update = update
            .col_expr(assessment::Column::Status, Expr::value(COMPLETED))
            .col_expr(assessment::Column::CompletedAt, Expr::value(Some(now)))
            .col_expr(assessment::Column::CompletedByUserId, Expr::value(Some(user.id)));
    }
    let updated = update
        .filter(assessment::Column::Id.eq(draft.id))
        .filter(assessment::Column::Status.eq(DRAFT))
        .filter(assessment::Column::Revision.eq(revision))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AssessmentError::StaleDraft.into());
    }

    let mut moved = Vec::new();
    if complete {
        record_change(&txn, case_id, Some(user.id), &HistoryEvent::AssessmentCompleted { version: draft.version }, now)
            .await?;
        if stage == Stage::Assessment {
            moved = apply_move(&txn, user, &found, basis, Stage::Collaboration, now).await?;
            stage = Stage::Collaboration;
        }
    }
    audit::record(&txn, audit::Entry::on_case(user, &found, "assessment", Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish_all(bus, moved);
    Ok(AssessmentSaved { version: draft.version, completed: complete, stage })
}

/// Writes a view into the assessment in the author's own words: the client, a relative the
/// client lets write, or a professional on the team. Views are kept as written.
pub async fn write_view(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    case_id: CaseId,
    text: &str,
) -> Result<ViewAuthor, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, (basis, author)) = authorise(&txn, user, case_id, Access::contribute).await?;
    let text = parse_view(text)?;
    let now = Utc::now();
    assessment_view::ActiveModel {
        case_id: Set(case_id),
        author_user_id: Set(user.id),
        author: Set(author.as_str().to_string()),
        text: Set(text),
        sector: Set(Sector::Shared),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_change(&txn, case_id, Some(user.id), &HistoryEvent::ViewWritten { author }, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "assessment_view", Action::Create, basis)).await?;
    txn.commit().await?;
    Ok(author)
}

/// Records whether the client receives the highest care allowance (it starts the 7-day clock).
pub async fn set_care_allowance(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    case_id: CaseId,
    highest: bool,
) -> Result<bool, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::edit_assessment).await?;
    let person = client::Entity::find_by_id(found.client_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if person.highest_care_allowance != highest {
        let mut row: client::ActiveModel = person.into();
        row.highest_care_allowance = Set(highest);
        row.update(&txn).await?;
        record_change(&txn, case_id, Some(user.id), &HistoryEvent::CareAllowanceRecorded { highest }, Utc::now())
            .await?;
        audit::record(&txn, audit::Entry::on_case(user, &found, "client", Action::Update, basis)).await?;
    }
    txn.commit().await?;
    Ok(highest)
}
