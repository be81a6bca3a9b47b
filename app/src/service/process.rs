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

/// The cases a scope counts and the people whose concerns it counts (`None` for everyone's), as
/// queries the database filters by, never as lists of ids: an organisation's or the whole area's
/// cases number in the tens of thousands.
enum Scope {
    /// The cases where these people hold a seat now.
    Seated(Box<SelectStatement>),
    /// The cases where staff of this organisation hold a seat now, from the places stored per
    /// organisation; its people are its staff.
    Organisation(i32),
    /// Every case and every concern.
    All,
}

fn scope_of(user: &CurrentUser, scope: MapScope) -> Scope {
    match (scope, user.organisation_id) {
        (MapScope::All, _) => Scope::All,
        (MapScope::Organisation, Some(organisation)) => Scope::Organisation(organisation),
        // Staff without an organisation see their own cases under "organisation".
        (MapScope::Mine | MapScope::Organisation, _) => Scope::Seated(Box::new(person(user.id))),
    }
}

/// How many cases stand in each step of the map and how many are late, for the cases and
/// concerns in `scope` (parsed once the reader is known to be staff; empty is "mine"). Open
/// concerns stand in the concern step, the urgent ones counted as late; cases are counted from
/// their stored places (`store::placement`), all in the database. Numbers only: no client is
/// named, so nothing is written to the audit log.
pub async fn counts(db: &impl ConnectionTrait, user: &CurrentUser, scope: &str) -> Result<StepCounts, AppError> {
    Access::process_counts(user.role)?;
    let scope: MapScope = if scope.is_empty() { MapScope::default() } else { scope.parse()? };
    let today = finnish_date(Utc::now());
    let (mut counts, people) = match scope_of(user, scope) {
        Scope::All => (counts_in(db, &CaseSet::All, today).await?, None),
        Scope::Organisation(organisation) => {
            (organisation_counts(db, organisation, today).await?, Some(staff_of(organisation)))
        }
        Scope::Seated(people) => (counts_in(db, &CaseSet::seated((*people).clone()), today).await?, Some(*people)),
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
