//! Where cases stand on the process map: each case's step and whether it is late, read in a fixed
//! number of queries however many cases there are. The map's live numbers and the staff's case
//! list (filtered by step) both come from here, so the two always agree.

use crate::domain::concern::ConcernStatus;
use crate::domain::process::{MapScope, Step, StepCounts};
use crate::domain::{Access, Stage};
use crate::error::AppError;
use crate::store::case_set::{person, staff_of, CaseSet};
use crate::store::entities::{case, concern};
use crate::store::placement::{clients_in, place_in};
use crate::store::session::CurrentUser;
use chrono::Utc;
use sea_orm::sea_query::SelectStatement;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

/// The cases a scope counts (their seat holders' cases; `None` for every case) and the people
/// whose concerns it counts (`None` for everyone's), as queries the database filters by, never as
/// lists of ids: an organisation's or the whole area's cases number in the tens of thousands.
fn scope_of(user: &CurrentUser, scope: MapScope) -> (CaseSet, Option<SelectStatement>) {
    let people = match scope {
        MapScope::All => return (CaseSet::All, None),
        MapScope::Mine => person(user.id),
        MapScope::Organisation => user.organisation_id.map(staff_of).unwrap_or_else(|| person(user.id)),
    };
    (CaseSet::seated(people.clone()), Some(people))
}

/// How many cases stand in each step of the map and how many are late, for the cases and
/// concerns in `scope` (parsed once the reader is known to be staff; empty is "mine"). Open
/// concerns stand in the concern step, the urgent ones counted as late; closed cases are counted
/// in the database, open ones placed step by step from a fixed number of reads. Numbers only: no
/// client is named, so nothing is written to the audit log.
pub async fn counts(db: &impl ConnectionTrait, user: &CurrentUser, scope: &str) -> Result<StepCounts, AppError> {
    Access::process_counts(user.role)?;
    let scope: MapScope = if scope.is_empty() { MapScope::default() } else { scope.parse()? };
    let (cases, people) = scope_of(user, scope);

    let closed = case::Entity::find()
        .filter(case::Column::Stage.eq(Stage::Closed))
        .filter(cases.contains((case::Entity, case::Column::Id)))
        .count(db)
        .await?;
    let open_set = cases.open();
    let open = case::Entity::find().filter(open_set.contains((case::Entity, case::Column::Id))).all(db).await?;
    let placed = place_in(db, &open, &open_set, &clients_in(db, &open_set).await?, Utc::now()).await?;
    let mut concerns = concern::Entity::find().filter(concern::Column::Status.eq(ConcernStatus::Open));
    if let Some(people) = people {
        concerns = concerns.filter(concern::Column::RaisedByUserId.in_subquery(people));
    }
    let urgent: Vec<bool> = concerns.select_only().column(concern::Column::Urgent).into_tuple::<bool>().all(db).await?;

    let mut counts = StepCounts::tally(
        placed.values().map(|p| (p.step, p.overdue)).chain(urgent.into_iter().map(|urgent| (Step::Concern, urgent))),
    );
    counts.add(Step::Closure, u32::try_from(closed).map_err(|_| AppError::Internal)?);
    Ok(counts)
}
