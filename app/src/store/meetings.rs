//! Reading network meetings: one meeting, a case's meetings (the ended ones a page at a time), who
//! was invited, summaries.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::meeting::LONGEST_MINUTES;
use crate::error::AppError;
use crate::model::meetings::MeetingSummary;
use crate::store::cases::display_names;
use crate::store::entities::meeting;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

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
    let now = Utc::now();
    rows.into_iter()
        .map(|row| {
            let mut participants: Vec<String> = invited(&row)?.iter().filter_map(|id| names.get(id).cloned()).collect();
            participants.sort();
            let held = has_ended(&row, now);
            Ok(MeetingSummary {
                id: row.id,
                title: row.title,
                starts_at: row.starts_at,
                minutes: row.minutes,
                place: row.place,
                video_link: row.video_link,
                participants,
                steps_plan_version: row.steps_plan_version,
                held,
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

/// The meetings of a case to come or under way, soonest first; `limit` of those that have ended,
/// newest first, after the newest `offset`; and how many have ended in all. Only a meeting that
/// started within the longest a meeting lasts can still be under way, so those few are read whole
/// and the older ones (all ended) a page at a time.
pub async fn page_of_case(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    now: chrono::DateTime<Utc>,
    offset: u64,
    limit: u32,
) -> Result<(Vec<meeting::Model>, Vec<meeting::Model>, u64), AppError> {
    let since = crate::domain::calendar::plus_minutes(now, -i64::from(LONGEST_MINUTES));
    let of_case = meeting::Entity::find().filter(meeting::Column::CaseId.eq(case_id));
    let recent = of_case
        .clone()
        .filter(meeting::Column::StartsAt.gte(since))
        .order_by_asc(meeting::Column::StartsAt)
        .order_by_asc(meeting::Column::Id)
        .all(db)
        .await?;
    let (mut ended, upcoming): (Vec<_>, Vec<_>) = recent.into_iter().partition(|m| has_ended(m, now));
    ended.reverse();
    let older = of_case.filter(meeting::Column::StartsAt.lt(since));
    let ended_recently = ended.len() as u64;
    let total = ended_recently + older.clone().count(db).await?;
    let limit = limit as usize;
    let mut past: Vec<_> = ended.into_iter().skip(usize::try_from(offset).unwrap_or(usize::MAX)).take(limit).collect();
    if past.len() < limit {
        past.extend(
            older
                .order_by_desc(meeting::Column::StartsAt)
                .order_by_desc(meeting::Column::Id)
                .offset(offset.saturating_sub(ended_recently))
                .limit((limit - past.len()) as u64)
                .all(db)
                .await?,
        );
    }
    Ok((upcoming, past, total))
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
