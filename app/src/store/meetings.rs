//! Reading network meetings: one meeting, a case's meetings, who was invited, summaries.

use crate::domain::ids::{CaseId, UserId};
use crate::error::AppError;
use crate::model::meetings::MeetingSummary;
use crate::store::cases::display_names;
use crate::store::entities::meeting;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub fn invited(row: &meeting::Model) -> Result<Vec<UserId>, AppError> {
    serde_json::from_str(&row.participants).map_err(|e| {
        tracing::error!(meeting_id = row.id, error = %e, "stored participants are invalid");
        AppError::Internal
    })
}

pub async fn summaries(db: &impl ConnectionTrait, rows: Vec<meeting::Model>) -> Result<Vec<MeetingSummary>, AppError> {
    let mut ids: Vec<UserId> = Vec::new();
    for row in &rows {
        ids.extend(invited(row)?);
    }
    let names = display_names(db, ids).await?;
    rows.into_iter()
        .map(|row| {
            let mut participants: Vec<String> = invited(&row)?.iter().filter_map(|id| names.get(id).cloned()).collect();
            participants.sort();
            Ok(MeetingSummary {
                id: row.id,
                title: row.title,
                starts_at: row.starts_at,
                minutes: row.minutes,
                place: row.place,
                video_link: row.video_link,
                participants,
                steps_plan_version: row.steps_plan_version,
            })
        })
        .collect()
}

/// Whether the meeting is over at `now`.
pub fn has_ended(row: &meeting::Model, now: chrono::DateTime<Utc>) -> bool {
    crate::domain::calendar::plus_minutes(row.starts_at, i64::from(row.minutes)) < now
}

/// The meetings of a case: those to come, soonest first, and those that have ended, newest first.
pub async fn of_case(
    db: &impl ConnectionTrait,
    case_id: CaseId,
) -> Result<(Vec<meeting::Model>, Vec<meeting::Model>), AppError> {
    let rows = meeting::Entity::find()
        .filter(meeting::Column::CaseId.eq(case_id))
        .order_by_asc(meeting::Column::StartsAt)
        .all(db)
        .await?;
    let now = Utc::now();
    let (mut past, upcoming): (Vec<_>, Vec<_>) = rows.into_iter().partition(|m| has_ended(m, now));
    past.reverse();
    Ok((upcoming, past))
}

pub async fn find_meeting(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    meeting_id: i32,
) -> Result<meeting::Model, AppError> {
    meeting::Entity::find_by_id(meeting_id)
        .filter(meeting::Column::CaseId.eq(case_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}
