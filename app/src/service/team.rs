//! The client's team on the server: the pair proposes people (any professional, or a relative
//! the client has linked), the client accepts or declines each one, and the pair removes members
//! under the rule that a case run by the pair always keeps one social-care and one health-care
//! coordinator. Every change runs in one transaction with its history and audit rows, and changes
//! a seat only if it is still as it was read (a conditional update): of two answers or removals
//! sent at once, one wins and the other is told so (409).

use crate::domain::ids::{CaseId, UserId};
use crate::domain::plan::{PlanChange, PlanRole};
use crate::domain::team::{
    candidate_search, check_answer, check_proposal, check_removal, Seat, SeatStatus, TeamError, CANDIDATES_SHOWN,
};
use crate::domain::{Access, Role, Sector, TeamRole};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::board::BoardChange;
use crate::model::cases::HistoryEvent;
use crate::model::team::{Candidate, CandidateResults};
use crate::store::access::authorise;
use crate::store::audit::{self, Action};
use crate::store::cases::{display_names, live_relative_links};
use crate::store::entities::{case_member, organisation, relative_link, staff_profile, user};
use crate::store::name_search::name_holds;
use crate::store::placement::record_change;
use crate::store::plan_versions::{save_version, NextVersion};
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionSession,
    TransactionTrait,
};
use std::collections::HashMap;

/// A value that is not one of the form's choices. Reported like the other forms' choices.
fn invalid_choice(value: &str) -> AppError {
    TeamError::InvalidChoice { value: value.chars().take(40).collect() }.into()
}

fn parse_choice(value: &str) -> Result<TeamRole, AppError> {
    value.parse().map_err(|_| invalid_choice(value))
}

/// The live seats of a case (proposed or accepted, not left) as the rules see them.
async fn seats(db: &impl ConnectionTrait, case_id: CaseId) -> Result<Vec<(case_member::Model, Seat)>, AppError> {
    case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::LeftAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            let seat = Seat { user_id: m.user_id, team_role: m.team_role, status: m.status };
            Ok((m, seat))
        })
        .collect()
}

/// Whom the pair may propose, found by `who`: the professionals and coordinators whose
/// name or username holds it (matched in the database, a page's worth, never the whole staff of
/// an area), and the relatives linked to the client (all of them when nothing is typed), except
/// those already on the team.
pub async fn candidates(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    who: &str,
) -> Result<CandidateResults, AppError> {
    let (found, _, _) = authorise(db, user, case_id, Access::manage_team).await?;
    let term = candidate_search(who)?;
    let on_team: Vec<UserId> = seats(db, case_id)
        .await?
        .into_iter()
        .filter(|(_, s)| s.status != SeatStatus::Declined)
        .map(|(_, s)| s.user_id)
        .collect();

    let mut staff = match &term {
        Some(term) => {
            user::Entity::find()
                .filter(user::Column::Role.is_in([Role::Professional, Role::Coordinator]))
                .filter(name_holds(user::Column::SearchName, term))
                .filter(user::Column::Id.is_not_in(on_team.iter().copied()))
                .order_by_asc(user::Column::DisplayName)
                .order_by_asc(user::Column::Id)
                .limit(CANDIDATES_SHOWN as u64 + 1)
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let more = staff.len() > CANDIDATES_SHOWN;
    staff.truncate(CANDIDATES_SHOWN);
    let profiles: HashMap<UserId, staff_profile::Model> = staff_profile::Entity::find()
        .filter(staff_profile::Column::UserId.is_in(staff.iter().map(|u| u.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect();
    let orgs: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(profiles.values().map(|p| p.organisation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let links: Vec<relative_link::Model> = relative_link::Entity::find()
        .filter(relative_link::Column::ClientId.eq(found.client_id))
        .filter(relative_link::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    let mut relatives = user::Entity::find().filter(user::Column::Id.is_in(links.iter().map(|l| l.relative_user_id)));
    if let Some(term) = &term {
        relatives = relatives.filter(name_holds(user::Column::SearchName, term));
    }
    let relatives: HashMap<UserId, user::Model> = relatives.all(db).await?.into_iter().map(|u| (u.id, u)).collect();

    let mut people: Vec<Candidate> = staff
        .into_iter()
        .map(|u| {
            let profile = profiles.get(&u.id);
            Candidate {
                user_id: u.id,
                name: u.display_name,
                role: u.role,
                profession: profile.map(|p| p.profession.clone()),
                organisation: profile.and_then(|p| orgs.get(&p.organisation_id).cloned()),
                sector: profile.map(|p| p.sector),
            }
        })
        .collect();
    people.extend(links.into_iter().filter(|l| !on_team.contains(&l.relative_user_id)).filter_map(|l| {
        let relative = relatives.get(&l.relative_user_id)?;
        Some(Candidate {
            user_id: relative.id,
            name: relative.display_name.clone(),
            role: Role::Relative,
            profession: Some(l.relationship),
            organisation: None,
            sector: None,
        })
    }));
    Ok(CandidateResults { people, more })
}

/// The pair proposes `candidate_id` for the seat named `team_role`; the seat waits for the
/// client's answer.
pub async fn propose(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    candidate_id: UserId,
    team_role: &str,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::manage_team).await?;
    let team_role: TeamRole = parse_choice(team_role)?;
    let candidate = user::Entity::find_by_id(candidate_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let candidate_role = candidate.role;
    let sector: Option<Sector> = match candidate_role {
        Role::Professional | Role::Coordinator => {
            staff_profile::Entity::find_by_id(candidate_id).one(&txn).await?.map(|p| p.sector)
        }
        _ => None,
    };
    if candidate_role == Role::Relative
        && live_relative_links(candidate_id)
            .filter(relative_link::Column::ClientId.eq(found.client_id))
            .one(&txn)
            .await?
            .is_none()
    {
        // Only a relative the client has linked can join: the link carries the client's consent.
        return Err(TeamError::WrongPersonForSeat { role: team_role }.into());
    }
    let current: Vec<Seat> = seats(&txn, case_id).await?.into_iter().map(|(_, s)| s).collect();
    check_proposal(&current, candidate_id, candidate_role, sector, team_role)?;

    let now = Utc::now();
    let seat = crate::store::cases::propose_member(&txn, case_id, candidate_id, team_role, user.id, now).await?;
    let event = HistoryEvent::MemberProposed { name: candidate.display_name, team_role };
    record_change(&txn, case_id, Some(user.id), &event, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "team", Action::Create, basis)).await?;
    let board = crate::store::board_events::touch_case(&txn, user, case_id, BoardChange::Edited).await?;
    txn.commit().await?;
    events::publish_all(bus, [DomainEvent::TeamChanged { case_id, actor_user_id: user.id }, board]);
    Ok(seat.id)
}

/// The client accepts or declines a proposed member: `answer` is "accept" or "decline".
pub async fn answer(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    seat_id: i32,
    answer: &str,
) -> Result<bool, AppError> {
    let txn = write_txn::begin(db).await?;
    let row = case_member::Entity::find_by_id(seat_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let (found, _, basis) = authorise(&txn, user, row.case_id, Access::answer_proposal).await?;
    let accept = match answer {
        "accept" => true,
        "decline" => false,
        other => return Err(invalid_choice(other)),
    };
    let seat = Seat { user_id: row.user_id, team_role: row.team_role, status: row.status };
    if row.left_at.is_some() {
        return Err(TeamError::NotOnTeam.into());
    }
    check_answer(&seat)?;
    let now = Utc::now();
    let name = display_names(&txn, vec![row.user_id]).await?.remove(&row.user_id).unwrap_or_default();
    let case_id = row.case_id;
    let answered = case_member::Entity::update_many()
        .col_expr(
            case_member::Column::Status,
            Expr::value(if accept { SeatStatus::Accepted } else { SeatStatus::Declined }),
        )
        .col_expr(case_member::Column::AnsweredAt, Expr::value(Some(now)))
        .filter(case_member::Column::Id.eq(seat_id))
        .filter(case_member::Column::Status.eq(SeatStatus::Proposed))
        .filter(case_member::Column::LeftAt.is_null())
        .exec(&txn)
        .await?;
    if answered.rows_affected != 1 {
        // Answered (or withdrawn) by another request since it was read.
        return Err(TeamError::AlreadyAnswered.into());
    }
    let event = if accept {
        HistoryEvent::MemberJoined { name, team_role: seat.team_role }
    } else {
        HistoryEvent::MemberDeclined { name }
    };
    record_change(&txn, case_id, Some(user.id), &event, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "team", Action::Update, basis)).await?;
    let board = crate::store::board_events::touch_case(&txn, user, case_id, BoardChange::Edited).await?;
    txn.commit().await?;
    events::publish_all(bus, [DomainEvent::TeamChanged { case_id, actor_user_id: user.id }, board]);
    Ok(accept)
}

/// The pair removes a member. A coordinator of a case run by the pair leaves only when an
/// accepted replacement (`replacement`, a seat id) holds the same seat.
pub async fn remove(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    seat_id: i32,
    replacement: Option<i32>,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let row = case_member::Entity::find_by_id(seat_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let (found, _, basis) = authorise(&txn, user, row.case_id, Access::manage_team).await?;
    let live = seats(&txn, found.id).await?;
    let replacement = replacement.and_then(|r| live.iter().find(|(m, _)| m.id == r).map(|(_, s)| s.user_id));
    let current: Vec<Seat> =
        live.into_iter().filter(|(m, s)| s.status == SeatStatus::Accepted || m.id == seat_id).map(|(_, s)| s).collect();
    if row.left_at.is_some() {
        return Err(TeamError::NotOnTeam.into());
    }
    // Withdrawing a proposal the client has not answered is always possible.
    if row.status == SeatStatus::Accepted {
        check_removal(&current, row.user_id, found.stage, replacement)?;
    }
    let now = Utc::now();
    let team_role = row.team_role;
    let name = display_names(&txn, vec![row.user_id]).await?.remove(&row.user_id).unwrap_or_default();
    let case_id = row.case_id;
    let left = case_member::Entity::update_many()
        .col_expr(case_member::Column::LeftAt, Expr::value(Some(now)))
        .filter(case_member::Column::Id.eq(seat_id))
        .filter(case_member::Column::LeftAt.is_null())
        .filter(case_member::Column::Status.eq(row.status))
        .exec(&txn)
        .await?;
    if left.rows_affected != 1 {
        // Removed, answered or withdrawn by another request since it was read.
        return Err(TeamError::NotOnTeam.into());
    }
    record_change(&txn, case_id, Some(user.id), &HistoryEvent::MemberLeft { name, team_role }, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "team", Action::Update, basis)).await?;
    // What they still had to do goes to the coordinator who removed them, to hand on; what they
    // were told of the case is no longer theirs.
    let mut published = vec![DomainEvent::TeamChanged { case_id, actor_user_id: user.id }];
    let (current, plan) = crate::store::plans::latest(&txn, case_id).await?;
    let handed = PlanChange::HandOver { from: row.user_id, to: user.id }.apply(&plan)?;
    if handed != plan {
        let (version, board) = save_version(
            &txn,
            user,
            NextVersion { case_id, after: current, role: PlanRole::Coordinator, old: &plan, new: &handed },
            now,
        )
        .await?;
        audit::record(&txn, audit::Entry::on_case(user, &found, "plan", Action::Update, basis)).await?;
        published.extend([board, DomainEvent::PlanChanged { case_id, version, actor_user_id: user.id }]);
    }
    crate::store::board_events::forget_notifications(&txn, row.user_id, case_id).await?;
    published.push(crate::store::board_events::touch_case(&txn, user, case_id, BoardChange::Edited).await?);
    txn.commit().await?;
    events::publish_all(bus, published);
    Ok(())
}
