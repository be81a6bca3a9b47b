//! Reading and changing cases. Every read decides access with `domain::Access` from the reader's
//! relationship to the client and writes an audit row; every change runs in one transaction with
//! its history and audit rows, and publishes an event after commit.

use crate::domain::closure::Closure;
use crate::domain::ids::CaseId;
use crate::domain::paging::PageRequest;
use crate::domain::process::CaseListing;
use crate::domain::stage::check_transition;
use crate::domain::{Access, Relationship, Sector, Stage, TeamRole, TransitionError};
use crate::error::AppError;
use crate::events::{self, Events};
use crate::model::cases::{
    CaseDetail, CaseListQuery, CasePage, CaseSummary, ClientSummary, StageMove, CASES_PER_PAGE, HISTORY_PER_PAGE,
};
use crate::store::access::authorise;
use crate::store::audit::Action;
use crate::store::case_set::{person, CaseSet};
use crate::store::cases::{closures, coordinators_of, current_seats, history_page, team};
use crate::store::entities::{case, case_closure, case_member, client};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::stage_moves::{apply_move, facts};
use crate::store::write_txn;
use crate::store::{assessments, audit, placement};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// One page of the cases on which a professional or coordinator holds a seat now, most recently
/// changed first: open ones unless the closed are asked for, in one step of the process map when
/// one is asked for (the query is parsed once the reader is known to be staff). Only the page's
/// cases are read in full, placed on the map and logged; a step filter reads the stored places.
pub async fn list_for_staff(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    query: &CaseListQuery,
) -> Result<CasePage, AppError> {
    Access::list_own_cases(user.role)?;
    let listing = CaseListing::parse(&query.step, &query.show, &query.page, &query.per_page, CASES_PER_PAGE)?;
    let mine = case::Entity::find()
        .filter(CaseSet::seated(person(user.id)).contains((case::Entity, case::Column::Id)))
        .filter(if listing.closed {
            case::Column::Stage.eq(Stage::Closed)
        } else {
            case::Column::Stage.ne(Stage::Closed)
        })
        .order_by_desc(case::Column::UpdatedAt)
        .order_by_desc(case::Column::Id);
    // A step is found from the stored places, so only the page's cases are read and placed.
    let mine = match listing.step.filter(|_| !listing.closed) {
        Some(step) => mine.filter(case::Column::Id.in_subquery(placement::in_step(step))),
        None => mine,
    };
    let total = mine.clone().count(db).await?;
    let cases = mine.offset(listing.offset()).limit(u64::from(listing.per_page)).all(db).await?;
    let clients = placement::clients_of(db, &cases).await?;
    let placed = placement::place(db, &cases, &clients, Utc::now()).await?;
    let case_ids: Vec<CaseId> = cases.iter().map(|c| c.id).collect();
    let my_role: HashMap<CaseId, TeamRole> = current_seats()
        .filter(case_member::Column::UserId.eq(user.id))
        .filter(case_member::Column::CaseId.is_in(case_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.case_id, m.team_role))
        .collect();
    let mut coordinators = coordinators_of(db, &case_ids).await?;

    let mut out = Vec::with_capacity(cases.len());
    let mut listed = Vec::with_capacity(cases.len());
    for c in &cases {
        let basis = Access::view_case(user.role, Relationship::Team(my_role[&c.id]))?;
        listed.push(audit::Entry::on_case(user, c, "case_list", Action::List, basis));
    }
    // Every listed case is logged before the list leaves, in one group commit, not one each.
    reads.record(listed).await?;
    for c in cases {
        let role = my_role[&c.id];
        let person = clients.get(&c.client_id).ok_or(AppError::Internal)?;
        let stage = c.stage;
        let place = placed[&c.id];
        out.push(CaseSummary {
            id: c.id,
            client_name: person.name.clone(),
            stage,
            step: place.step,
            overdue: place.overdue,
            my_role: role,
            coordinators: coordinators.remove(&c.id).map(|c| c.names).unwrap_or_default(),
            updated_at: c.updated_at,
            clock: if stage == Stage::Assessment { place.clock } else { None },
        });
    }
    Ok(CasePage { cases: out, closed: listing.closed, page: listing.page, per_page: listing.per_page, total })
}

/// One case as `user` may see it. Refused with 403 unless the domain allows it; logged.
pub async fn detail(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    case_id: CaseId,
    history_asked: &str,
) -> Result<CaseDetail, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    let asked = PageRequest::parse(history_asked, "", HISTORY_PER_PAGE)?;
    reads.record_one(audit::Entry::on_case(user, &found, "case", Action::View, basis)).await?;

    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let stage = found.stage;
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
    let (history, history_total) = history_page(db, found.id, asked.offset(), asked.per_page).await?;
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
        history,
        history_page: asked.page,
        history_per_page: asked.per_page,
        history_total,
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
    case_id: CaseId,
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
    case_id: CaseId,
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
    case_id: CaseId,
    from: Stage,
    to: Stage,
    closure: Option<(&str, &str)>,
) -> Result<Stage, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::change_stage).await?;
    let current = found.stage;
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
            sector: sea_orm::Set(Sector::Shared),
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
