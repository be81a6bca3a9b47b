//! Where each case stands on the process map, for boards, lists and the pathway, and the stored
//! place of every case the map counts from. A case's place follows from its stage, team, latest
//! plan, reviews and assessment clock; every change of those is written with a history event, and
//! `record_change` writes the event and the case's new place in the same transaction, so the
//! stored places are never behind the facts and the map counts a whole area in one grouped query.

use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::plan::PlanContent;
use crate::domain::process::{card_due, current_step, late_from, Step, StepCounts, StepFacts};
use crate::domain::{AssessmentClock, Stage, TeamRole};
use crate::error::AppError;
use crate::model::cases::HistoryEvent;
use crate::store::assessments;
use crate::store::case_set::CaseSet;
use crate::store::cases::{append_history, current_seats};
use crate::store::entities::{
    case, case_member, case_place, case_place_organisation, client, plan_review, staff_profile,
};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Asterisk, Expr, Func, OnConflict, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    Set,
};
use std::collections::{HashMap, HashSet};

/// One case's place on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub step: Step,
    pub overdue: bool,
    /// The first day the case is late (`domain::process::late_from`).
    pub late_from: Option<NaiveDate>,
    /// The date its card shows (`domain::process::card_due`).
    pub due: Option<NaiveDate>,
    /// The assessment's legal clock, before and during the assessment.
    pub clock: Option<AssessmentClock>,
}

/// The clients of `cases`, by id.
pub async fn clients_of(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
) -> Result<HashMap<ClientId, client::Model>, AppError> {
    clients_in(db, &CaseSet::of(cases)).await
}

/// The clients of the cases in `set`, by id.
pub async fn clients_in(
    db: &impl ConnectionTrait,
    set: &CaseSet,
) -> Result<HashMap<ClientId, client::Model>, AppError> {
    let of_cases = case::Entity::find()
        .select_only()
        .column(case::Column::ClientId)
        .filter(set.contains((case::Entity, case::Column::Id)))
        .into_query();
    Ok(client::Entity::find()
        .filter(client::Column::Id.in_subquery(of_cases))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// The step and lateness of each of `cases`, whose clients are in `clients`.
pub async fn place(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
    clients: &HashMap<ClientId, client::Model>,
    now: DateTime<Utc>,
) -> Result<HashMap<CaseId, Placement>, AppError> {
    let set = CaseSet::of(cases);
    let plans = crate::store::plans::latest_in(db, &set).await?;
    place_in(db, cases, &set, clients, &plans, now).await
}

/// The stored place of each of `case_ids` (`store_places`, written with every change of the
/// facts): what a card or a count shows, read rather than worked out again from those facts.
pub async fn stored_of(
    db: &impl ConnectionTrait,
    case_ids: &[CaseId],
) -> Result<HashMap<CaseId, case_place::Model>, AppError> {
    if case_ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(case_place::Entity::find()
        .filter(case_place::Column::CaseId.is_in(case_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|place| (place.case_id, place))
        .collect())
}

/// The step and lateness of each of `cases`, which are the cases of `set` and whose latest plans
/// are `plans`: each other fact is read for the whole set in one statement, filtered in the
/// database however large the set.
async fn place_in(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
    set: &CaseSet,
    clients: &HashMap<ClientId, client::Model>,
    plans: &HashMap<CaseId, PlanContent>,
    now: DateTime<Utc>,
) -> Result<HashMap<CaseId, Placement>, AppError> {
    // The team is formed once someone besides the coordinator pair holds a seat.
    let formed: HashSet<CaseId> = current_seats()
        .filter(set.contains((case_member::Entity, case_member::Column::CaseId)))
        .filter(case_member::Column::TeamRole.is_not_in([TeamRole::SocialCoordinator, TeamRole::HealthCoordinator]))
        .select_only()
        .column(case_member::Column::CaseId)
        .into_tuple::<CaseId>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let reviewed: HashSet<CaseId> = plan_review::Entity::find()
        .filter(set.contains((plan_review::Entity, plan_review::Column::CaseId)))
        .select_only()
        .column(plan_review::Column::CaseId)
        .into_tuple::<CaseId>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let starts = assessments::first_starts_in(db, set).await?;
    let today = finnish_date(now);
    let no_plan = PlanContent::default();

    let mut out = HashMap::with_capacity(cases.len());
    for c in cases {
        let stage = c.stage;
        let plan = plans.get(&c.id).unwrap_or(&no_plan);
        let facts = StepFacts {
            team_formed: formed.contains(&c.id),
            plan_has_goals: !plan.goals.is_empty(),
            reviewed: reviewed.contains(&c.id),
        };
        let clock = match stage {
            Stage::Identification | Stage::Assessment => {
                let person = clients.get(&c.client_id).ok_or(AppError::Internal)?;
                assessments::clock(c, person, starts.get(&c.id).copied(), now)?
            }
            _ => None,
        };
        let late_from = late_from(stage, clock, plan);
        out.insert(
            c.id,
            Placement {
                step: current_step(stage, facts),
                overdue: late_from.is_some_and(|from| from <= today),
                late_from,
                due: card_due(stage, late_from, plan.review_date),
                clock,
            },
        );
    }
    Ok(out)
}

/// Appends `event` to the case's history and stores the case's place anew, in the transaction
/// `txn` that changed it: every change of a fact a place follows from is a history event, so no
/// change can leave the stored place behind. The case's row is locked first (PostgreSQL), so of
/// two changes of one case at once the later places it with both seen.
pub async fn record_change(
    txn: &impl ConnectionTrait,
    case_id: CaseId,
    actor: Option<UserId>,
    event: &HistoryEvent,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    append_history(txn, case_id, actor, event, at).await?;
    store_places(txn, vec![case_id], at).await
}

/// Places `cases` from their facts as they are now and stores each place (insert or replace).
pub async fn store_places(db: &impl ConnectionTrait, cases: Vec<CaseId>, now: DateTime<Utc>) -> Result<(), AppError> {
    if cases.is_empty() {
        return Ok(());
    }
    let set = CaseSet::Listed(cases);
    let found =
        case::Entity::find().filter(set.contains((case::Entity, case::Column::Id))).lock_exclusive().all(db).await?;
    let plans = crate::store::plans::latest_in(db, &set).await?;
    let placed = place_in(db, &found, &set, &clients_in(db, &set).await?, &plans, now).await?;
    if placed.is_empty() {
        return Ok(());
    }
    let rows = placed.iter().map(|(case_id, place)| case_place::ActiveModel {
        case_id: Set(*case_id),
        step: Set(place.step),
        late_from: Set(place.late_from),
        due_on: Set(place.due),
    });
    case_place::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(case_place::Column::CaseId)
                .update_columns([case_place::Column::Step, case_place::Column::LateFrom, case_place::Column::DueOn])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    store_organisation_places(db, &set, &placed).await
}

/// Stores the place of each case of `set` once for every organisation seated on it now, in place
/// of what was stored for it: the organisation scope of the map counts from these rows.
async fn store_organisation_places(
    db: &impl ConnectionTrait,
    set: &CaseSet,
    placed: &HashMap<CaseId, Placement>,
) -> Result<(), AppError> {
    case_place_organisation::Entity::delete_many()
        .filter(set.contains((case_place_organisation::Entity, case_place_organisation::Column::CaseId)))
        .exec(db)
        .await?;
    let seated_staff = case_member::Entity::belongs_to(staff_profile::Entity)
        .from(case_member::Column::UserId)
        .to(staff_profile::Column::UserId)
        .into();
    let seated: Vec<(CaseId, i32)> = current_seats()
        .filter(set.contains((case_member::Entity, case_member::Column::CaseId)))
        .join(JoinType::InnerJoin, seated_staff)
        .select_only()
        .column(case_member::Column::CaseId)
        .column(staff_profile::Column::OrganisationId)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    let rows: Vec<_> = seated
        .into_iter()
        .filter_map(|(case_id, organisation_id)| {
            let place = placed.get(&case_id)?;
            Some(case_place_organisation::ActiveModel {
                case_id: Set(case_id),
                organisation_id: Set(organisation_id),
                step: Set(place.step),
                late_from: Set(place.late_from),
            })
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    case_place_organisation::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// How many cases one statement of a bulk placing places.
const PLACING_BATCH: u64 = 500;

/// Places every case that has no stored place yet (a database from before places were stored),
/// a batch at a time; returns how many it placed.
pub async fn place_unplaced(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, AppError> {
    place_batches(db, now, true).await
}

/// Places every case anew, a batch at a time (after data written in bulk, beside the rules: the
/// demo and the scale data set); returns how many it placed.
pub async fn place_all(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, AppError> {
    place_batches(db, now, false).await
}

async fn place_batches(db: &impl ConnectionTrait, now: DateTime<Utc>, only_unplaced: bool) -> Result<u64, AppError> {
    let (mut placed, mut after) = (0, CaseId::default());
    loop {
        let mut next = case::Entity::find().select_only().column(case::Column::Id).filter(case::Column::Id.gt(after));
        if only_unplaced {
            let stored = case_place::Entity::find().select_only().column(case_place::Column::CaseId).into_query();
            next = next.filter(case::Column::Id.not_in_subquery(stored));
        }
        let batch: Vec<CaseId> = next.order_by_asc(case::Column::Id).limit(PLACING_BATCH).into_tuple().all(db).await?;
        let Some(last) = batch.last().copied() else {
            return Ok(placed);
        };
        placed += batch.len() as u64;
        after = last;
        store_places(db, batch, now).await?;
    }
}

/// The ids of the cases whose stored place is `step`, as a subquery to filter cases by.
pub fn in_step(step: Step) -> sea_orm::sea_query::SelectStatement {
    case_place::Entity::find()
        .select_only()
        .column(case_place::Column::CaseId)
        .filter(case_place::Column::Step.eq(step))
        .into_query()
}

/// How many of the cases of `set` stand in each step and how many of them are late `today`,
/// counted in the database from the stored places.
pub async fn counts_in(db: &impl ConnectionTrait, set: &CaseSet, today: NaiveDate) -> Result<StepCounts, AppError> {
    let rows = case_place::Entity::find()
        .select_only()
        .column(case_place::Column::Step)
        .expr(Func::count(Expr::col(case_place::Column::CaseId)))
        .expr(late_on(case_place::Column::LateFrom, today))
        .filter(set.contains((case_place::Entity, case_place::Column::CaseId)))
        .group_by(case_place::Column::Step)
        .into_tuple()
        .all(db)
        .await?;
    step_counts(rows)
}

/// How many of the cases where staff of `organisation` hold a seat now stand in each step and
/// how many of them are late `today`, counted from one range of one index.
pub async fn organisation_counts(
    db: &impl ConnectionTrait,
    organisation: i32,
    today: NaiveDate,
) -> Result<StepCounts, AppError> {
    let rows = case_place_organisation::Entity::find()
        .select_only()
        .column(case_place_organisation::Column::Step)
        // Every row counts (one per case): `COUNT(*)` reads the index alone, a column would not.
        .expr(Func::count(Expr::col(Asterisk)))
        .expr(late_on(case_place_organisation::Column::LateFrom, today))
        .filter(case_place_organisation::Column::OrganisationId.eq(organisation))
        .group_by(case_place_organisation::Column::Step)
        .into_tuple()
        .all(db)
        .await?;
    step_counts(rows)
}

/// How many of the grouped places are late `today` by their first late day, `late_from`.
fn late_on(late_from: impl sea_orm::sea_query::IntoColumnRef, today: NaiveDate) -> SimpleExpr {
    Func::sum(Into::<SimpleExpr>::into(Expr::case(Expr::col(late_from).lte(today), 1).finally(0))).into()
}

/// Counts from rows of (step, cases, late cases).
fn step_counts(rows: Vec<(Step, i64, i64)>) -> Result<StepCounts, AppError> {
    let mut counts = StepCounts::default();
    for (step, count, late) in rows {
        let number = |n: i64| u32::try_from(n).map_err(|_| AppError::Internal);
        counts.add(step, number(count)?, number(late)?);
    }
    Ok(counts)
}
