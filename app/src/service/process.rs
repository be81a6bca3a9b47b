//! How many cases stand in each step of the process map, counted from each case's stored place
//! (`store::placement`): one grouped query for a person, an organisation (from the places stored
//! per seated organisation) or the whole area.

use crate::domain::calendar::finnish_date;
use crate::domain::concern::ConcernStatus;
use crate::domain::process::{MapScope, Step, StepCounts};
use crate::domain::Access;
use crate::error::AppError;
use crate::store::case_set::{person, staff_of, CaseSet};
use crate::store::entities::concern;
use crate::store::placement::{counts_in, organisation_counts};
use crate::store::session::CurrentUser;
use chrono::Utc;
use sea_orm::sea_query::{Expr, Func, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

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
/// concerns stand in the concern step, the urgent ones counted as late; cases are counted from
/// their stored places (`store::placement`), all in the database. Numbers only: no client is
/// named, so nothing is written to the audit log.
pub async fn counts(db: &impl ConnectionTrait, user: &CurrentUser, scope: &str) -> Result<StepCounts, AppError> {
    Access::process_counts(user.role)?;
    let scope: MapScope = if scope.is_empty() { MapScope::default() } else { scope.parse()? };
    let (cases, people) = scope_of(user, scope);

    let today = finnish_date(Utc::now());
    let mut counts = match (scope, user.organisation_id) {
        (MapScope::Organisation, Some(organisation)) => organisation_counts(db, organisation, today).await?,
        _ => counts_in(db, &cases, today).await?,
    };
    let mut concerns = concern::Entity::find().filter(concern::Column::Status.eq(ConcernStatus::Open));
    if let Some(people) = people {
        concerns = concerns.filter(concern::Column::RaisedByUserId.in_subquery(people));
    }
    let by_urgency: Vec<(bool, i64)> = concerns
        .select_only()
        .column(concern::Column::Urgent)
        .expr(Func::count(Expr::col(concern::Column::Id)))
        .group_by(concern::Column::Urgent)
        .into_tuple()
        .all(db)
        .await?;
    for (urgent, number) in by_urgency {
        let number = u32::try_from(number).map_err(|_| AppError::Internal)?;
        counts.add(Step::Concern, number, if urgent { number } else { 0 });
    }
    Ok(counts)
}
