//! Where each case stands on the process map, for boards, lists and the pathway.

use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, ClientId};
use crate::domain::plan::PlanContent;
use crate::domain::process::{current_step, is_overdue, Step, StepFacts};
use crate::domain::{AssessmentClock, Stage, TeamRole};
use crate::error::AppError;
use crate::store::assessments;
use crate::store::case_set::CaseSet;
use crate::store::cases::current_seats;
use crate::store::entities::{case, case_member, client, plan_review};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait};
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
    place_in(db, cases, &CaseSet::of(cases), clients, now).await
}

/// The step and lateness of each of `cases`, which are the cases of `set`: each fact is read
/// for the whole set in one statement, filtered in the database however large the set.
pub async fn place_in(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
    set: &CaseSet,
    clients: &HashMap<ClientId, client::Model>,
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
    let plans = crate::store::plans::latest_in(db, set).await?;
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
        out.insert(
            c.id,
            Placement { step: current_step(stage, facts), overdue: is_overdue(stage, clock, plan, today), clock },
        );
    }
    Ok(out)
}
