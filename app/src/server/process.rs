//! Where cases stand on the process map: each case's step and whether it is late, read in a fixed
//! number of queries however many cases there are. The map's live numbers and the staff's case
//! list (filtered by step) both come from here, so the two always agree.

use super::assessments;
use super::cases::{current_seats, parse_stage};
use super::entities::{case, case_member, client, concern, plan_review, staff_profile};
use super::session::CurrentUser;
use crate::domain::calendar::finnish_date;
use crate::domain::plan::PlanContent;
use crate::domain::process::{current_step, is_overdue, MapScope, Step, StepCounts, StepFacts};
use crate::domain::{Access, AssessmentClock, Stage, TeamRole};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// One case's place on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub step: Step,
    pub overdue: bool,
    /// The assessment's legal clock, before and during the assessment.
    pub clock: Option<AssessmentClock>,
}

/// The clients of `cases`, by id.
pub(super) async fn clients_of(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
) -> Result<HashMap<i32, client::Model>, AppError> {
    Ok(client::Entity::find()
        .filter(client::Column::Id.is_in(cases.iter().map(|c| c.client_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// The step and lateness of each of `cases`, whose clients are in `clients`.
pub(super) async fn place(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
    clients: &HashMap<i32, client::Model>,
    now: DateTime<Utc>,
) -> Result<HashMap<i32, Placement>, AppError> {
    let ids: Vec<i32> = cases.iter().map(|c| c.id).collect();
    // The team is formed once someone besides the coordinator pair holds a seat.
    let formed: HashSet<i32> = current_seats()
        .filter(case_member::Column::CaseId.is_in(ids.clone()))
        .filter(
            case_member::Column::TeamRole
                .is_not_in([TeamRole::SocialCoordinator.as_str(), TeamRole::HealthCoordinator.as_str()]),
        )
        .select_only()
        .column(case_member::Column::CaseId)
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let reviewed: HashSet<i32> = plan_review::Entity::find()
        .filter(plan_review::Column::CaseId.is_in(ids.clone()))
        .select_only()
        .column(plan_review::Column::CaseId)
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let plans = super::plan::latest_of(db, ids.clone()).await?;
    let starts = assessments::first_starts(db, ids).await?;
    let today = finnish_date(now);
    let no_plan = PlanContent::default();

    let mut out = HashMap::with_capacity(cases.len());
    for c in cases {
        let stage = parse_stage(&c.stage)?;
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
        out.insert(
            c.id,
            Placement { step: current_step(stage, facts), overdue: is_overdue(stage, clock, plan, today), clock },
        );
    }
    Ok(out)
}

/// The people whose seats and concerns a scope counts: `None` for everyone.
async fn people_in_scope(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    scope: MapScope,
) -> Result<Option<Vec<i32>>, AppError> {
    match scope {
        MapScope::Mine => Ok(Some(vec![user.id])),
        MapScope::All => Ok(None),
        MapScope::Organisation => {
            let Some(organisation) = user.organisation_id else { return Ok(Some(vec![user.id])) };
            let colleagues = staff_profile::Entity::find()
                .filter(staff_profile::Column::OrganisationId.eq(organisation))
                .select_only()
                .column(staff_profile::Column::UserId)
                .into_tuple::<i32>()
                .all(db)
                .await?;
            Ok(Some(colleagues))
        }
    }
}

/// How many cases stand in each step of the map and how many are late, for the cases and
/// concerns in `scope` (parsed once the reader is known to be staff; empty is "mine"). Open
/// concerns stand in the concern step, the urgent ones counted as late. Numbers only: no client
/// is named, so nothing is written to the audit log.
pub async fn counts(db: &impl ConnectionTrait, user: &CurrentUser, scope: &str) -> Result<StepCounts, AppError> {
    Access::process_counts(user.role)?;
    let scope: MapScope = if scope.is_empty() { MapScope::default() } else { scope.parse()? };
    let people = people_in_scope(db, user, scope).await?;

    let mut cases = case::Entity::find();
    let mut concerns = concern::Entity::find().filter(concern::Column::Status.eq(super::concerns::OPEN));
    if let Some(people) = people {
        let case_ids: Vec<i32> = current_seats()
            .filter(case_member::Column::UserId.is_in(people.clone()))
            .select_only()
            .column(case_member::Column::CaseId)
            .distinct()
            .into_tuple::<i32>()
            .all(db)
            .await?;
        cases = cases.filter(case::Column::Id.is_in(case_ids));
        concerns = concerns.filter(concern::Column::RaisedByUserId.is_in(people));
    }
    let cases = cases.all(db).await?;
    let placed = place(db, &cases, &clients_of(db, &cases).await?, Utc::now()).await?;
    let urgent: Vec<bool> = concerns.select_only().column(concern::Column::Urgent).into_tuple::<bool>().all(db).await?;

    Ok(StepCounts::tally(
        placed.values().map(|p| (p.step, p.overdue)).chain(urgent.into_iter().map(|urgent| (Step::Concern, urgent))),
    ))
}
