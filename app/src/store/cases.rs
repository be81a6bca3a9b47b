//! Cases and the people around them: finding a case, its current seats, coordinators, relative
//! links, display names, the team, history rows and closures.

use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::team::SeatStatus;
use crate::domain::{Sector, TeamRole};
use crate::error::AppError;
use crate::model::{
    cases::{ClosureView, HistoryEntry, HistoryEvent},
    team::{ParticipantChoice, TeamMember},
};
use crate::store::entities::{
    case, case_closure, case_event, case_member, client, organisation, relative_link, staff_profile, user,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;

pub async fn find_case(db: &impl ConnectionTrait, case_id: CaseId) -> Result<case::Model, AppError> {
    case::Entity::find_by_id(case_id).one(db).await?.ok_or(AppError::NotFound)
}

/// The seats of people on a team now: accepted by the client and not left.
pub fn current_seats() -> Select<case_member::Entity> {
    case_member::Entity::find()
        .filter(case_member::Column::Status.eq(SeatStatus::Accepted))
        .filter(case_member::Column::LeftAt.is_null())
}

/// The professionals on the team now (not relatives): who can be named as having taken part
/// in the assessment, and who may own a task of the plan.
pub async fn participant_choices(
    db: &impl ConnectionTrait,
    case_id: CaseId,
) -> Result<Vec<ParticipantChoice>, AppError> {
    Ok(participant_choices_of(db, &[case_id]).await?.remove(&case_id).unwrap_or_default())
}

/// `participant_choices` of each of `case_ids`, read in two queries however many there are.
pub async fn participant_choices_of(
    db: &impl ConnectionTrait,
    case_ids: &[CaseId],
) -> Result<HashMap<CaseId, Vec<ParticipantChoice>>, AppError> {
    if case_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let members = current_seats()
        .filter(case_member::Column::CaseId.is_in(case_ids.to_vec()))
        .filter(case_member::Column::TeamRole.ne(TeamRole::Relative))
        .all(db)
        .await?;
    let names = display_names(db, members.iter().map(|m| m.user_id).collect()).await?;
    let mut out: HashMap<CaseId, Vec<ParticipantChoice>> = HashMap::new();
    for m in members {
        out.entry(m.case_id).or_default().push(ParticipantChoice {
            user_id: m.user_id,
            name: names.get(&m.user_id).cloned().unwrap_or_default(),
            team_role: m.team_role,
        });
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.team_role.cmp(&b.team_role).then_with(|| a.name.cmp(&b.name)));
    }
    Ok(out)
}

/// The seats of the coordinator pair, social-care and health-care.
pub const COORDINATOR_SEATS: [TeamRole; 2] = [TeamRole::SocialCoordinator, TeamRole::HealthCoordinator];

/// A case's coordinators now, social-care first: who they are and what they are called.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coordinators {
    pub ids: Vec<UserId>,
    pub names: Vec<String>,
}

/// The coordinators of each of `case_ids`, their names read with their seats in one statement.
pub async fn coordinators_of(
    db: &impl ConnectionTrait,
    case_ids: &[CaseId],
) -> Result<HashMap<CaseId, Coordinators>, AppError> {
    if case_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let seated =
        case_member::Entity::belongs_to(user::Entity).from(case_member::Column::UserId).to(user::Column::Id).into();
    let seats: Vec<(CaseId, UserId, String)> = current_seats()
        .filter(case_member::Column::CaseId.is_in(case_ids.to_vec()))
        .filter(case_member::Column::TeamRole.is_in(COORDINATOR_SEATS))
        .join(JoinType::InnerJoin, seated)
        .order_by_desc(case_member::Column::TeamRole)
        .select_only()
        .column(case_member::Column::CaseId)
        .column(case_member::Column::UserId)
        .column(user::Column::DisplayName)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<CaseId, Coordinators> = HashMap::new();
    for (case_id, user_id, name) in seats {
        let coordinators = out.entry(case_id).or_default();
        coordinators.ids.push(user_id);
        coordinators.names.push(name);
    }
    Ok(out)
}

/// A relative's links to clients that have not been revoked and have not expired.
pub fn live_relative_links(relative_user_id: UserId) -> Select<relative_link::Entity> {
    relative_link::Entity::find()
        .filter(relative_link::Column::RelativeUserId.eq(relative_user_id))
        .filter(relative_link::Column::RevokedAt.is_null())
        .filter(relative_link::Column::ValidUntil.is_null().or(relative_link::Column::ValidUntil.gt(Utc::now())))
}

pub async fn live_relative_link(
    db: &impl ConnectionTrait,
    relative_user_id: UserId,
    client_id: ClientId,
) -> Result<Option<relative_link::Model>, AppError> {
    Ok(live_relative_links(relative_user_id).filter(relative_link::Column::ClientId.eq(client_id)).one(db).await?)
}

/// Display names of the given users.
pub async fn display_names(
    db: &impl ConnectionTrait,
    mut ids: Vec<UserId>,
) -> Result<HashMap<UserId, String>, AppError> {
    // Callers pass a person once per seat or row: a pair on a board's cases is 144 ids for two.
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .into_tuple::<(UserId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The names of the clients of `cases`, by client.
pub async fn client_names(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
) -> Result<HashMap<ClientId, String>, AppError> {
    let mut ids: Vec<ClientId> = cases.iter().map(|c| c.client_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(client::Entity::find()
        .filter(client::Column::Id.is_in(ids))
        .select_only()
        .column(client::Column::Id)
        .column(client::Column::Name)
        .into_tuple::<(ClientId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The team of a case with everyone's contact routes, coordinators first; people proposed and
/// not yet answered are listed as proposed.
pub async fn team(db: &impl ConnectionTrait, case_id: CaseId) -> Result<Vec<TeamMember>, AppError> {
    let members = case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::LeftAt.is_null())
        .filter(case_member::Column::Status.ne(SeatStatus::Declined))
        .all(db)
        .await?;
    let ids: Vec<UserId> = members.iter().map(|m| m.user_id).collect();
    let names = display_names(db, ids.clone()).await?;
    let profiles: HashMap<UserId, staff_profile::Model> = staff_profile::Entity::find()
        .filter(staff_profile::Column::UserId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect();
    let org_ids: Vec<i32> = profiles.values().map(|p| p.organisation_id).collect();
    let orgs: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(org_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();

    let mut team = Vec::with_capacity(members.len());
    for m in members {
        let profile = profiles.get(&m.user_id);
        team.push(TeamMember {
            seat_id: m.id,
            status: m.status,
            name: names.get(&m.user_id).cloned().unwrap_or_default(),
            team_role: m.team_role,
            profession: profile.map(|p| p.profession.clone()),
            organisation: profile.and_then(|p| orgs.get(&p.organisation_id).cloned()),
            sector: profile.map(|p| p.sector),
            phone: profile.and_then(|p| p.phone.clone()),
            email: profile.and_then(|p| p.email.clone()),
            contact_hours: profile.and_then(|p| p.contact_hours.clone()),
        });
    }
    team.sort_by(|a, b| {
        (a.status != SeatStatus::Accepted, a.team_role, &a.name).cmp(&(
            b.status != SeatStatus::Accepted,
            b.team_role,
            &b.name,
        ))
    });
    Ok(team)
}

/// The history of a case, oldest first.
pub async fn history(db: &impl ConnectionTrait, case_id: CaseId) -> Result<Vec<HistoryEntry>, AppError> {
    let rows = case_event::Entity::find()
        .filter(case_event::Column::CaseId.eq(case_id))
        .order_by_asc(case_event::Column::CreatedAt)
        .order_by_asc(case_event::Column::Id)
        .all(db)
        .await?;
    history_entries(db, rows).await
}

/// `limit` of a case's history events after the newest `offset`, oldest first as history reads,
/// and how many events the case has in all.
pub async fn history_page(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    offset: u64,
    limit: u32,
) -> Result<(Vec<HistoryEntry>, u64), AppError> {
    let of_case = case_event::Entity::find().filter(case_event::Column::CaseId.eq(case_id));
    let total = of_case.clone().count(db).await?;
    let mut rows = of_case
        .order_by_desc(case_event::Column::CreatedAt)
        .order_by_desc(case_event::Column::Id)
        .offset(offset)
        .limit(u64::from(limit))
        .all(db)
        .await?;
    rows.reverse();
    Ok((history_entries(db, rows).await?, total))
}

/// History rows in words, with the names of who did what.
async fn history_entries(
    db: &impl ConnectionTrait,
    rows: Vec<case_event::Model>,
) -> Result<Vec<HistoryEntry>, AppError> {
    let names = display_names(db, rows.iter().filter_map(|r| r.actor_user_id).collect()).await?;
    rows.into_iter()
        .map(|row| {
            let event: HistoryEvent = serde_json::from_str(&row.detail).map_err(|e| {
                tracing::error!(event_id = row.id, error = %e, "stored history event is invalid");
                AppError::Internal
            })?;
            Ok(HistoryEntry {
                at: row.created_at,
                actor: row.actor_user_id.and_then(|id| names.get(&id).cloned()).unwrap_or_default(),
                event,
            })
        })
        .collect()
}

/// Appends one event to a case's history.
pub async fn append_history(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    actor_user_id: Option<UserId>,
    event: &HistoryEvent,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let detail = serde_json::to_string(event).map_err(|_| AppError::Internal)?;
    case_event::Entity::insert(case_event::ActiveModel {
        case_id: sea_orm::Set(case_id),
        actor_user_id: sea_orm::Set(actor_user_id),
        detail: sea_orm::Set(detail),
        sector: sea_orm::Set(Sector::Shared),
        created_at: sea_orm::Set(at),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// How a case was closed, each time it was, newest first.
pub async fn closures(db: &impl ConnectionTrait, case_id: CaseId) -> Result<Vec<ClosureView>, AppError> {
    let rows = case_closure::Entity::find()
        .filter(case_closure::Column::CaseId.eq(case_id))
        .order_by_desc(case_closure::Column::ClosedAt)
        .all(db)
        .await?;
    let names = display_names(db, rows.iter().map(|r| r.closed_by_user_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|r| ClosureView {
            id: r.id,
            summary: r.summary,
            continuation: r.continuation,
            closed_by: names.get(&r.closed_by_user_id).cloned().unwrap_or_default(),
            closed_at: r.closed_at,
        })
        .collect())
}

/// Adds a person to a case's team.
pub async fn add_member(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    user_id: UserId,
    team_role: TeamRole,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    seat(case_id, user_id, team_role, SeatStatus::Accepted, None, at).insert(db).await?;
    Ok(())
}

/// Proposes a person for a case's team: the seat waits for the client's answer.
pub async fn propose_member(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    user_id: UserId,
    team_role: TeamRole,
    proposed_by: UserId,
    at: chrono::DateTime<Utc>,
) -> Result<case_member::Model, AppError> {
    let inserted = seat(case_id, user_id, team_role, SeatStatus::Proposed, Some(proposed_by), at).insert(db).await;
    // The same person proposed a moment ago by someone else (one live seat per person).
    crate::store::unless_duplicate(inserted, crate::domain::team::TeamError::AlreadyOnTeam)
}

fn seat(
    case_id: CaseId,
    user_id: UserId,
    team_role: TeamRole,
    status: SeatStatus,
    proposed_by: Option<UserId>,
    at: chrono::DateTime<Utc>,
) -> case_member::ActiveModel {
    case_member::ActiveModel {
        case_id: sea_orm::Set(case_id),
        user_id: sea_orm::Set(user_id),
        team_role: sea_orm::Set(team_role),
        joined_at: sea_orm::Set(at),
        sector: sea_orm::Set(Sector::Shared),
        status: sea_orm::Set(status),
        proposed_by_user_id: sea_orm::Set(proposed_by),
        answered_at: sea_orm::Set(None),
        left_at: sea_orm::Set(None),
        ..Default::default()
    }
}
