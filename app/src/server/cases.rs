//! Reading and changing cases. Every read decides access with `domain::Access` from the reader's
//! relationship to the client and writes an audit row; every change runs in one transaction with
//! its history and audit rows, and publishes an event after commit.

use super::assessments;
use super::audit::{self, Action};
use super::entities::{
    case, case_closure, case_event, case_member, client, meeting, organisation, relative_link, staff_profile, user,
};
use super::events::{self, DomainEvent, Events};
use super::process;
use super::session::CurrentUser;
use crate::domain::closure::Closure;
use crate::domain::plan::PlanContent;
use crate::domain::process::{NextDate, Step};
use crate::domain::review::latest_score;
use crate::domain::stage::check_transition;
use crate::domain::team::SeatStatus;
use crate::domain::{
    Access, AssessmentClock, Basis, CaseFacts, Relationship, Role, Sector, Stage, TeamRole, TransitionError,
};
use crate::error::AppError;
use crate::model::{
    CaseDetail, CaseSummary, ClientSummary, ClosureView, GoalProgress, GoalReviewed, HistoryEntry, HistoryEvent,
    ParticipantChoice, Pathway, StageMove, TeamMember,
};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, Select,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

pub(super) fn parse_stage(raw: &str) -> Result<Stage, AppError> {
    raw.parse().map_err(|_| {
        tracing::error!(stage = raw, "stored stage is invalid");
        AppError::Internal
    })
}

pub(super) fn parse_team_role(raw: &str) -> Result<TeamRole, AppError> {
    raw.parse().map_err(|_| {
        tracing::error!(team_role = raw, "stored team role is invalid");
        AppError::Internal
    })
}

pub(super) async fn find_case(db: &impl ConnectionTrait, case_id: i32) -> Result<case::Model, AppError> {
    case::Entity::find_by_id(case_id).one(db).await?.ok_or(AppError::NotFound)
}

/// Finds a case and decides `user`'s access to it with `rule` (one of `domain::Access`): the
/// case, the reader's relationship to its client, and what the rule answered (the basis).
pub(super) async fn authorise<T>(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: i32,
    rule: impl FnOnce(Role, Relationship) -> Result<T, crate::domain::AccessDenied>,
) -> Result<(case::Model, Relationship, T), AppError> {
    let found = find_case(db, case_id).await?;
    let rel = relationship(db, user, &found).await?;
    let answer = rule(user.role, rel)?;
    Ok((found, rel, answer))
}

/// How `user` is related to the client of `case`.
pub async fn relationship(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    case: &case::Model,
) -> Result<Relationship, AppError> {
    let rel = match user.role {
        Role::Client => {
            let own =
                client::Entity::find_by_id(case.client_id).filter(client::Column::UserId.eq(user.id)).one(db).await?;
            if own.is_some() {
                Relationship::OwnClient
            } else {
                Relationship::Unrelated
            }
        }
        Role::Relative => match live_relative_link(db, user.id, case.client_id).await? {
            Some(link) => Relationship::Relative { can_view: link.can_view, can_write: link.can_write },
            None => Relationship::Unrelated,
        },
        Role::Professional | Role::Coordinator => {
            let member = current_seats()
                .filter(case_member::Column::CaseId.eq(case.id))
                .filter(case_member::Column::UserId.eq(user.id))
                .one(db)
                .await?;
            match member {
                Some(m) => Relationship::Team(parse_team_role(&m.team_role)?),
                None => Relationship::Unrelated,
            }
        }
        Role::Administrator | Role::Auditor => Relationship::Unrelated,
    };
    Ok(rel)
}

/// The seats of people on a team now: accepted by the client and not left.
pub(super) fn current_seats() -> Select<case_member::Entity> {
    case_member::Entity::find()
        .filter(case_member::Column::Status.eq(SeatStatus::Accepted.as_str()))
        .filter(case_member::Column::LeftAt.is_null())
}

/// The professionals on the team now (not relatives): who can be named as having taken part
/// in the assessment, and who may own a task of the plan.
pub(super) async fn participant_choices(
    db: &impl ConnectionTrait,
    case_id: i32,
) -> Result<Vec<ParticipantChoice>, AppError> {
    Ok(participant_choices_of(db, &[case_id]).await?.remove(&case_id).unwrap_or_default())
}

/// `participant_choices` of each of `case_ids`, read in two queries however many there are.
pub(super) async fn participant_choices_of(
    db: &impl ConnectionTrait,
    case_ids: &[i32],
) -> Result<HashMap<i32, Vec<ParticipantChoice>>, AppError> {
    let members = current_seats()
        .filter(case_member::Column::CaseId.is_in(case_ids.to_vec()))
        .filter(case_member::Column::TeamRole.ne(TeamRole::Relative.as_str()))
        .all(db)
        .await?;
    let names = display_names(db, members.iter().map(|m| m.user_id).collect()).await?;
    let mut out: HashMap<i32, Vec<ParticipantChoice>> = HashMap::new();
    for m in members {
        out.entry(m.case_id).or_default().push(ParticipantChoice {
            user_id: m.user_id,
            name: names.get(&m.user_id).cloned().unwrap_or_default(),
            team_role: parse_team_role(&m.team_role)?,
        });
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.team_role.cmp(&b.team_role).then_with(|| a.name.cmp(&b.name)));
    }
    Ok(out)
}

/// The seats of the coordinator pair, social-care and health-care.
pub(super) const COORDINATOR_SEATS: [TeamRole; 2] = [TeamRole::SocialCoordinator, TeamRole::HealthCoordinator];

/// The names of each case's coordinators, social-care first.
pub(super) async fn coordinators_of(
    db: &impl ConnectionTrait,
    case_ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let seats = current_seats()
        .filter(case_member::Column::CaseId.is_in(case_ids.to_vec()))
        .filter(case_member::Column::TeamRole.is_in(COORDINATOR_SEATS.map(TeamRole::as_str)))
        .order_by_desc(case_member::Column::TeamRole)
        .all(db)
        .await?;
    let names = display_names(db, seats.iter().map(|s| s.user_id).collect()).await?;
    let mut out: HashMap<i32, Vec<String>> = HashMap::new();
    for seat in seats {
        out.entry(seat.case_id).or_default().push(names.get(&seat.user_id).cloned().unwrap_or_default());
    }
    Ok(out)
}

/// A relative's links to clients that have not been revoked and have not expired.
pub(super) fn live_relative_links(relative_user_id: i32) -> Select<relative_link::Entity> {
    relative_link::Entity::find()
        .filter(relative_link::Column::RelativeUserId.eq(relative_user_id))
        .filter(relative_link::Column::RevokedAt.is_null())
        .filter(relative_link::Column::ValidUntil.is_null().or(relative_link::Column::ValidUntil.gt(Utc::now())))
}

pub(super) async fn live_relative_link(
    db: &impl ConnectionTrait,
    relative_user_id: i32,
    client_id: i32,
) -> Result<Option<relative_link::Model>, AppError> {
    Ok(live_relative_links(relative_user_id).filter(relative_link::Column::ClientId.eq(client_id)).one(db).await?)
}

/// Display names of the given users.
pub(super) async fn display_names(db: &impl ConnectionTrait, ids: Vec<i32>) -> Result<HashMap<i32, String>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

pub(super) async fn facts(db: &impl ConnectionTrait, case_id: i32) -> Result<CaseFacts, AppError> {
    let seats: Vec<String> = current_seats()
        .filter(case_member::Column::CaseId.eq(case_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_role)
        .collect();
    Ok(CaseFacts {
        has_social_coordinator: seats.iter().any(|r| r == TeamRole::SocialCoordinator.as_str()),
        has_health_coordinator: seats.iter().any(|r| r == TeamRole::HealthCoordinator.as_str()),
        assessment_completed: assessments::is_completed(db, case_id).await?,
    })
}

/// The team of a case with everyone's contact routes, coordinators first; people proposed and
/// not yet answered are listed as proposed.
pub async fn team(db: &impl ConnectionTrait, case_id: i32) -> Result<Vec<TeamMember>, AppError> {
    let members = case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::LeftAt.is_null())
        .filter(case_member::Column::Status.ne(SeatStatus::Declined.as_str()))
        .all(db)
        .await?;
    let ids: Vec<i32> = members.iter().map(|m| m.user_id).collect();
    let names = display_names(db, ids.clone()).await?;
    let profiles: HashMap<i32, staff_profile::Model> = staff_profile::Entity::find()
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
            status: m.status.parse().map_err(|_| AppError::Internal)?,
            name: names.get(&m.user_id).cloned().unwrap_or_default(),
            team_role: parse_team_role(&m.team_role)?,
            profession: profile.map(|p| p.profession.clone()),
            organisation: profile.and_then(|p| orgs.get(&p.organisation_id).cloned()),
            sector: profile.and_then(|p| p.sector.parse::<Sector>().ok()),
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
pub async fn history(db: &impl ConnectionTrait, case_id: i32) -> Result<Vec<HistoryEntry>, AppError> {
    let rows = case_event::Entity::find()
        .filter(case_event::Column::CaseId.eq(case_id))
        .order_by_asc(case_event::Column::CreatedAt)
        .order_by_asc(case_event::Column::Id)
        .all(db)
        .await?;
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
    case_id: i32,
    actor_user_id: Option<i32>,
    event: &HistoryEvent,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let detail = serde_json::to_string(event).map_err(|_| AppError::Internal)?;
    case_event::Entity::insert(case_event::ActiveModel {
        case_id: sea_orm::Set(case_id),
        actor_user_id: sea_orm::Set(actor_user_id),
        detail: sea_orm::Set(detail),
        sector: sea_orm::Set(Sector::Shared.as_str().to_string()),
        created_at: sea_orm::Set(at),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Cases on which a professional or coordinator is a team member, most recently changed first;
/// with `step` (a step of the process map, parsed once the reader is known to be staff), only
/// those standing in that step.
pub async fn list_for_staff(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    step: Option<&str>,
) -> Result<Vec<CaseSummary>, AppError> {
    Access::list_own_cases(user.role)?;
    let step: Option<Step> = step.filter(|s| !s.is_empty()).map(str::parse).transpose()?;
    let seats = current_seats().filter(case_member::Column::UserId.eq(user.id)).all(db).await?;
    let my_role: HashMap<i32, String> = seats.into_iter().map(|m| (m.case_id, m.team_role)).collect();
    let cases = case::Entity::find()
        .filter(case::Column::Id.is_in(my_role.keys().copied().collect::<Vec<_>>()))
        .order_by_desc(case::Column::UpdatedAt)
        .all(db)
        .await?;
    let clients = process::clients_of(db, &cases).await?;
    let placed = process::place(db, &cases, &clients, Utc::now()).await?;
    let cases: Vec<case::Model> =
        cases.into_iter().filter(|c| step.is_none_or(|step| placed[&c.id].step == step)).collect();
    let case_ids: Vec<i32> = cases.iter().map(|c| c.id).collect();
    let mut coordinators = coordinators_of(db, &case_ids).await?;

    let mut out = Vec::with_capacity(cases.len());
    for c in cases {
        let role = parse_team_role(&my_role[&c.id])?;
        let basis = Access::view_case(user.role, Relationship::Team(role))?;
        audit::record(db, audit::Entry::on_case(user, &c, "case_list", Action::List, basis)).await?;
        let person = clients.get(&c.client_id).ok_or(AppError::Internal)?;
        let stage = parse_stage(&c.stage)?;
        let place = placed[&c.id];
        out.push(CaseSummary {
            id: c.id,
            client_name: person.name.clone(),
            stage,
            step: place.step,
            overdue: place.overdue,
            my_role: role,
            coordinators: coordinators.remove(&c.id).unwrap_or_default(),
            updated_at: c.updated_at,
            clock: if stage == Stage::Assessment { place.clock } else { None },
        });
    }
    Ok(out)
}

/// One case as `user` may see it. Refused with 403 unless the domain allows it; logged.
pub async fn detail(db: &impl ConnectionTrait, user: &CurrentUser, case_id: i32) -> Result<CaseDetail, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    audit::record(db, audit::Entry::on_case(user, &found, "case", Action::View, basis)).await?;

    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let stage = parse_stage(&found.stage)?;
    let can_edit = Access::edit_assessment(user.role, rel).is_ok();
    let moves = match Access::change_stage(user.role, rel) {
        Ok(_) => {
            let facts = facts(db, found.id).await?;
            stage
                .targets()
                .iter()
                .map(|to| StageMove { to: *to, blocked: check_transition(stage, *to, facts).err() })
                .collect()
        }
        Err(_) => Vec::new(),
    };
    let sees_location = Access::see_protected_location(rel, person.non_disclosure);
    let started = assessments::first_starts(db, vec![found.id]).await?.get(&found.id).copied();
    let clock = assessments::clock(&found, &person, started, Utc::now())?;
    Ok(CaseDetail {
        id: found.id,
        client: ClientSummary {
            name: person.name,
            date_of_birth: person.date_of_birth,
            municipality: sees_location.then_some(person.municipality),
            preferred_language: person.preferred_language,
            non_disclosure: person.non_disclosure,
            highest_care_allowance: person.highest_care_allowance,
        },
        stage,
        opened_at: found.opened_at,
        team: team(db, found.id).await?,
        history: history(db, found.id).await?,
        moves,
        clock,
        can_edit,
        closures: closures(db, found.id).await?,
    })
}

/// Moves a case from `from` to `to`. `from` is the stage the coordinator saw: if the case has
/// moved since, the change is refused (409) rather than applied on top of someone else's.
/// Closing goes through `close`, which records the closure summary.
pub async fn change_stage(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: i32,
    from: Stage,
    to: Stage,
) -> Result<Stage, AppError> {
    move_case(db, bus, user, case_id, from, to, None).await
}

/// Closes a case from `from` with its summary and handover or continuation note (parsed after
/// the reader is known to be the case's coordinator).
pub async fn close(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: i32,
    from: Stage,
    summary: &str,
    continuation: &str,
) -> Result<Stage, AppError> {
    move_case(db, bus, user, case_id, from, Stage::Closed, Some((summary, continuation))).await
}

async fn move_case(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: i32,
    from: Stage,
    to: Stage,
    closure: Option<(&str, &str)>,
) -> Result<Stage, AppError> {
    let txn = db.begin().await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::change_stage).await?;
    let current = parse_stage(&found.stage)?;
    if current != from {
        return Err(AppError::StaleStage { current });
    }
    let closure = closure.map(|(summary, continuation)| Closure::parse(summary, continuation)).transpose()?;
    if to == Stage::Closed && closure.is_none() {
        return Err(TransitionError::ClosingNeedsSummary.into());
    }
    let now = Utc::now();
    let moved = apply_move(&txn, user, &found, basis, to, now).await?;
    if let Some(closure) = closure {
        case_closure::ActiveModel {
            case_id: sea_orm::Set(case_id),
            summary: sea_orm::Set(closure.summary),
            continuation: sea_orm::Set(closure.continuation),
            closed_by_user_id: sea_orm::Set(user.id),
            sector: sea_orm::Set(Sector::Shared.as_str().to_string()),
            closed_at: sea_orm::Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    events::publish_all(bus, moved);
    Ok(to)
}

/// Moves `found` from the stage it is in to `to` inside the caller's transaction: the process
/// rules, the versioned update (refused if someone moved the case meanwhile), history and audit.
/// Returns the events for the caller to publish after commit.
pub(super) async fn apply_move(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    found: &case::Model,
    basis: Basis,
    to: Stage,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<DomainEvent>, AppError> {
    let from = parse_stage(&found.stage)?;
    check_transition(from, to, facts(txn, found.id).await?)?;
    let closed_at = if to == Stage::Closed { Some(now) } else { None };
    let updated = case::Entity::update_many()
        .col_expr(case::Column::Stage, Expr::value(to.as_str()))
        .col_expr(case::Column::UpdatedAt, Expr::value(now))
        .col_expr(case::Column::ClosedAt, Expr::value(closed_at))
        .col_expr(case::Column::Version, Expr::col(case::Column::Version).add(1))
        .filter(case::Column::Id.eq(found.id))
        .filter(case::Column::Stage.eq(from.as_str()))
        .filter(case::Column::Version.eq(found.version))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::StaleStage { current: from });
    }
    append_history(txn, found.id, Some(user.id), &HistoryEvent::StageChanged { from, to }, now).await?;
    audit::record(txn, audit::Entry::on_case(user, found, "case_stage", Action::Update, basis)).await?;
    let board = super::board::record_case(txn, user, found.id, crate::model::BoardChange::Moved).await?;
    Ok(vec![
        DomainEvent::StageChanged { case_id: found.id, from, to, actor_user_id: user.id, version: found.version + 1 },
        board,
    ])
}

/// How a case was closed, each time it was, newest first.
pub async fn closures(db: &impl ConnectionTrait, case_id: i32) -> Result<Vec<ClosureView>, AppError> {
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

/// The pathways a client or relative may see: a client's own cases, or those of the clients a
/// relative is linked to with a viewing scope. Newest case first.
pub async fn pathways(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<Vec<Pathway>, AppError> {
    let clients: Vec<client::Model> = match user.role {
        Role::Client => client::Entity::find().filter(client::Column::UserId.eq(user.id)).all(db).await?,
        Role::Relative => {
            let links = live_relative_links(user.id).filter(relative_link::Column::CanView.eq(true)).all(db).await?;
            client::Entity::find()
                .filter(client::Column::Id.is_in(links.iter().map(|l| l.client_id).collect::<Vec<_>>()))
                .all(db)
                .await?
        }
        Role::Professional | Role::Coordinator => {
            return Err(crate::domain::AccessDenied::ClientsAndRelativesOnly.into())
        }
        Role::Administrator => return Err(crate::domain::AccessDenied::AdministratorNoClientContent.into()),
        Role::Auditor => return Err(crate::domain::AccessDenied::AuditorSeesLogOnly.into()),
    };
    let now = Utc::now();
    let mut out = Vec::new();
    for person in clients {
        let cases = case::Entity::find()
            .filter(case::Column::ClientId.eq(person.id))
            .order_by_desc(case::Column::OpenedAt)
            .all(db)
            .await?;
        let placed = process::place(db, &cases, &HashMap::from([(person.id, person.clone())]), now).await?;
        for c in cases {
            let rel = relationship(db, user, &c).await?;
            let basis = Access::view_case(user.role, rel)?;
            audit::record(db, audit::Entry::on_case(user, &c, "pathway", Action::View, basis)).await?;
            let stage = parse_stage(&c.stage)?;
            let place = placed[&c.id];
            let (plan_version, plan) = super::plan::latest(db, c.id).await?;
            let reviews = super::plan::reviews_of(db, c.id).await?;
            let (upcoming, past) = super::meetings::of_case(db, c.id).await?;
            let next_date =
                (stage != Stage::Closed).then(|| next_date(stage, place.clock, &plan, upcoming.first())).flatten();
            let feedback = match Access::give_feedback(user.role, rel) {
                Ok(_) => super::feedback::prompts(db, user, &c, past).await?,
                Err(_) => Vec::new(),
            };
            let goals = plan
                .goals
                .into_iter()
                .map(|goal| {
                    let scored = reviews
                        .iter()
                        .find_map(|(row, review)| latest_score(goal.key, [review]).map(|g| (row.created_at, g)));
                    let reviewed = scored.map(|(at, g)| GoalReviewed { at, team: g.team, client: g.client });
                    GoalProgress { goal, reviewed }
                })
                .collect();
            out.push(Pathway {
                case_id: c.id,
                client_name: person.name.clone(),
                as_relative: user.role == Role::Relative,
                stage,
                team: team(db, c.id).await?,
                history: history(db, c.id).await?,
                views: assessments::view_entries(db, c.id).await?,
                can_write_view: Access::contribute(user.role, rel).is_ok(),
                assessment: assessments::latest_completed(db, c.id).await?,
                closures: closures(db, c.id).await?,
                has_plan: plan_version > 0 || super::plan::is_open(stage),
                goals,
                step: place.step,
                next_date,
                meetings: super::meetings::summaries(db, upcoming).await?,
                feedback,
            });
        }
    }
    Ok(out)
}

/// The soonest dated thing on an open case's path: its coming meeting, the plan's review while
/// the team works, the assessment's legal start day before it has started.
fn next_date(
    stage: Stage,
    clock: Option<AssessmentClock>,
    plan: &PlanContent,
    meeting: Option<&meeting::Model>,
) -> Option<NextDate> {
    let meeting = meeting.map(|m| NextDate::Meeting { title: m.title.clone(), at: m.starts_at });
    let review = plan.review_date.filter(|_| super::plan::is_open(stage)).map(|on| NextDate::Review { on });
    let start = match clock {
        Some(AssessmentClock::Running { state }) => Some(NextDate::AssessmentStart { by: state.due() }),
        _ => None,
    };
    NextDate::soonest(meeting.into_iter().chain(review).chain(start))
}

/// Adds a person to a case's team.
pub async fn add_member(
    db: &impl ConnectionTrait,
    case_id: i32,
    user_id: i32,
    team_role: TeamRole,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    seat(case_id, user_id, team_role, SeatStatus::Accepted, None, at).insert(db).await?;
    Ok(())
}

/// Proposes a person for a case's team: the seat waits for the client's answer.
pub(super) async fn propose_member(
    db: &impl ConnectionTrait,
    case_id: i32,
    user_id: i32,
    team_role: TeamRole,
    proposed_by: i32,
    at: chrono::DateTime<Utc>,
) -> Result<case_member::Model, AppError> {
    let inserted = seat(case_id, user_id, team_role, SeatStatus::Proposed, Some(proposed_by), at).insert(db).await;
    // The same person proposed a moment ago by someone else (one live seat per person).
    super::unless_duplicate(inserted, crate::domain::team::TeamError::AlreadyOnTeam)
}

fn seat(
    case_id: i32,
    user_id: i32,
    team_role: TeamRole,
    status: SeatStatus,
    proposed_by: Option<i32>,
    at: chrono::DateTime<Utc>,
) -> case_member::ActiveModel {
    case_member::ActiveModel {
        case_id: sea_orm::Set(case_id),
        user_id: sea_orm::Set(user_id),
        team_role: sea_orm::Set(team_role.as_str().to_string()),
        joined_at: sea_orm::Set(at),
        sector: sea_orm::Set(Sector::Shared.as_str().to_string()),
        status: sea_orm::Set(status.as_str().to_string()),
        proposed_by_user_id: sea_orm::Set(proposed_by),
        answered_at: sea_orm::Set(None),
        left_at: sea_orm::Set(None),
        ..Default::default()
    }
}
