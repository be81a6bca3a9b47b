//! Where cases stand on the process map: each case's step and whether it is late, read in a fixed
//! number of queries however many cases there are. The map's live numbers and the staff's case
//! list (filtered by step) both come from here, so the two always agree.

use crate::domain::concern::ConcernStatus;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::process::{MapScope, Step, StepCounts};
use crate::domain::Access;
use crate::error::AppError;
use crate::store::cases::current_seats;
use crate::store::entities::{case, case_member, concern, staff_profile};
use crate::store::placement::{clients_of, place};
use crate::store::session::CurrentUser;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

/// The people whose seats and concerns a scope counts: `None` for everyone.
async fn people_in_scope(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    scope: MapScope,
) -> Result<Option<Vec<UserId>>, AppError> {
    match scope {
        MapScope::Mine => Ok(Some(vec![user.id])),
        MapScope::All => Ok(None),
        MapScope::Organisation => {
            let Some(organisation) = user.organisation_id else { return Ok(Some(vec![user.id])) };
            let colleagues = staff_profile::Entity::find()
                .filter(staff_profile::Column::OrganisationId.eq(organisation))
                .select_only()
                .column(staff_profile::Column::UserId)
                .into_tuple::<UserId>()
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
    let mut concerns = concern::Entity::find().filter(concern::Column::Status.eq(ConcernStatus::Open));
    if let Some(people) = people {
        let case_ids: Vec<CaseId> = current_seats()
            .filter(case_member::Column::UserId.is_in(people.clone()))
            .select_only()
            .column(case_member::Column::CaseId)
            .distinct()
            .into_tuple::<CaseId>()
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
