//! Reading service-need assessments: their versions, the legal clock, views written into them.

use crate::domain::assessment::{AssessmentContent, ViewAuthor};
use crate::domain::calendar::finnish_date;
use crate::domain::ids::CaseId;
use crate::domain::{AssessmentClock, Stage};
use crate::error::AppError;
use crate::model::assessment::{AssessmentVersion, ViewEntry};
use crate::store::case_set::CaseSet;
use crate::store::cases::display_names;
use crate::store::entities::{assessment, assessment_view, case, client};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A completed version exists and no amendment is open: collaboration may start.
pub async fn is_completed(db: &impl ConnectionTrait, case_id: CaseId) -> Result<bool, AppError> {
    let rows = versions(db, case_id).await?;
    Ok(rows.iter().any(|r| r.status == COMPLETED) && !rows.iter().any(|r| r.status == DRAFT))
}

/// When each case's first assessment started, for the legal clock.
pub async fn first_starts(
    db: &impl ConnectionTrait,
    case_ids: Vec<CaseId>,
) -> Result<HashMap<CaseId, DateTime<Utc>>, AppError> {
    first_starts_in(db, &CaseSet::Listed(case_ids)).await
}

/// When the assessment of each case of `set` that has one started.
pub async fn first_starts_in(
    db: &impl ConnectionTrait,
    set: &CaseSet,
) -> Result<HashMap<CaseId, DateTime<Utc>>, AppError> {
    Ok(assessment::Entity::find()
        .filter(set.contains((assessment::Entity, assessment::Column::CaseId)))
        .filter(assessment::Column::Version.eq(1))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.case_id, r.started_at))
        .collect())
}

/// The legal clock of a case: shown while it is in assessment and, once the assessment has
/// started, as a record of whether it started in time.
pub fn clock(
    found: &case::Model,
    person: &client::Model,
    started: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<AssessmentClock>, AppError> {
    if found.stage != Stage::Assessment && started.is_none() {
        return Ok(None);
    }
    Ok(Some(AssessmentClock::at(
        finnish_date(found.first_contact_at.unwrap_or(found.opened_at)),
        person.date_of_birth,
        person.highest_care_allowance,
        started.map(finnish_date),
        finnish_date(now),
    )))
}

/// Everyone's views written into a case's assessment, oldest first.
pub async fn view_entries(db: &impl ConnectionTrait, case_id: CaseId) -> Result<Vec<ViewEntry>, AppError> {
    let rows = assessment_view::Entity::find()
        .filter(assessment_view::Column::CaseId.eq(case_id))
        .order_by_asc(assessment_view::Column::CreatedAt)
        .order_by_asc(assessment_view::Column::Id)
        .all(db)
        .await?;
    let names = display_names(db, rows.iter().map(|r| r.author_user_id).collect()).await?;
    rows.into_iter()
        .map(|row| {
            let author = row.author.parse::<ViewAuthor>().map_err(|e| {
                tracing::error!(view_id = row.id, error = %e, "stored view author is invalid");
                AppError::Internal
            })?;
            Ok(ViewEntry {
                author,
                name: names.get(&row.author_user_id).cloned().unwrap_or_default(),
                text: row.text,
                at: row.created_at,
            })
        })
        .collect()
}

/// The latest completed version of a case, for the client's pathway.
pub async fn latest_completed(
    db: &impl ConnectionTrait,
    case_id: CaseId,
) -> Result<Option<AssessmentVersion>, AppError> {
    let rows = versions(db, case_id).await?;
    Ok(completed_versions(db, &rows).await?.into_iter().next())
}

pub const DRAFT: &str = "draft";
pub const COMPLETED: &str = "completed";

pub async fn versions(db: &impl ConnectionTrait, case_id: CaseId) -> Result<Vec<assessment::Model>, AppError> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::CaseId.eq(case_id))
        .order_by_desc(assessment::Column::Version)
        .all(db)
        .await?)
}

/// The completed versions of a case, newest first.
pub async fn completed_versions(
    db: &impl ConnectionTrait,
    rows: &[assessment::Model],
) -> Result<Vec<AssessmentVersion>, AppError> {
    let completed: Vec<&assessment::Model> = rows.iter().filter(|r| r.status == COMPLETED).collect();
    let names = display_names(db, completed.iter().filter_map(|r| r.completed_by_user_id).collect()).await?;
    completed
        .into_iter()
        .map(|row| {
            let record = read_record(row)?;
            Ok(AssessmentVersion {
                version: row.version,
                content: record.content,
                views: record.views,
                started_at: row.started_at,
                completed_at: row.completed_at.ok_or(AppError::Internal)?,
                completed_by: row.completed_by_user_id.and_then(|id| names.get(&id).cloned()).unwrap_or_default(),
            })
        })
        .collect()
}

pub fn read_record(row: &assessment::Model) -> Result<Record, AppError> {
    serde_json::from_str(&row.content).map_err(|e| {
        tracing::error!(assessment_id = row.id, error = %e, "stored assessment is invalid");
        AppError::Internal
    })
}

/// What a row's `content` column holds: the recorded content, and for a completed version the
/// views it was completed with.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Record {
    pub content: AssessmentContent,
    #[serde(default)]
    pub views: Vec<ViewEntry>,
}

pub fn write_record(record: &Record) -> Result<String, AppError> {
    serde_json::to_string(record).map_err(|_| AppError::Internal)
}
