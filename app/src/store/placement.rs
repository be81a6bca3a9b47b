//! Where each case stands on the process map, for boards, lists and the pathway.

use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, ClientId};
use crate::domain::plan::PlanContent;
use crate::domain::process::{current_step, is_overdue, Step, StepFacts};
use crate::domain::{AssessmentClock, Stage, TeamRole};
use crate::error::AppError;
use crate::store::assessments;
use crate::store::cases::current_seats;
use crate::store::entities::{case, case_member, client, plan_review};
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
pub async fn clients_of(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
) -> Result<HashMap<ClientId, client::Model>, AppError> {
    Ok(client::Entity::find()
        .filter(client::Column::Id.is_in(cases.iter().map(|c| c.client_id).collect::<Vec<_>>()))
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
    let ids: Vec<CaseId> = cases.iter().map(|c| c.id).collect();
    // The team is formed once someone besides the coordinator pair holds a seat.
    let formed: HashSet<CaseId> = current_seats()
        .filter(case_member::Column::CaseId.is_in(ids.clone()))
        .filter(case_member::Column::TeamRole.is_not_in([TeamRole::SocialCoordinator, TeamRole::HealthCoordinator]))
        .select_only()
        .column(case_member::Column::CaseId)
        .into_tuple::<CaseId>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let reviewed: HashSet<CaseId> = plan_review::Entity::find()
        .filter(plan_review::Column::CaseId.is_in(ids.clone()))
        .select_only()
        .column(plan_review::Column::CaseId)
        .into_tuple::<CaseId>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let plans = crate::store::plans::latest_of(db, ids.clone()).await?;
    let starts = assessments::first_starts(db, ids).await?;
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
