//! Reading a client's consents and the choices a team is offered when recording one.

use crate::domain::consent::{Consent, ConsentChange, GivenBy, Method, Party, Terms};
use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::TeamRole;
use crate::error::AppError;
use crate::model::privacy::{ConsentView, PartyChoice};

use crate::store::cases::{current_seats, display_names};
use crate::store::entities::{case, case_member, client, consent, consent_event, organisation, staff_profile};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeSet, HashMap};

/// The seats a consent may name, besides organisations.
pub const SEATS: [TeamRole; 4] =
    [TeamRole::SocialCoordinator, TeamRole::HealthCoordinator, TeamRole::OwnWorker, TeamRole::Member];

/// The client's consents, each as its history left it, oldest first.
pub async fn of_client(db: &impl ConnectionTrait, client_id: ClientId) -> Result<Vec<Stored>, AppError> {
    let rows = consent::Entity::find()
        .filter(consent::Column::ClientId.eq(client_id))
        .order_by_asc(consent::Column::Id)
        .all(db)
        .await?;
    let mut history: HashMap<i32, Vec<consent_event::Model>> = HashMap::new();
    for event in consent_event::Entity::find()
        .filter(consent_event::Column::ConsentId.is_in(rows.iter().map(|r| r.id).collect::<Vec<_>>()))
        .order_by_asc(consent_event::Column::Id)
        .all(db)
        .await?
    {
        history.entry(event.consent_id).or_default().push(event);
    }
    rows.into_iter()
        .map(|row| {
            let events = history.remove(&row.id).unwrap_or_default();
            let mut withdrawn_by = None;
            let mut changes = Vec::with_capacity(events.len());
            for e in &events {
                let change = ConsentChange::parse(&e.kind).ok_or(AppError::Internal)?;
                if change == ConsentChange::Withdrawn {
                    withdrawn_by = Some(e.actor_user_id);
                }
                changes.push((change, stored_terms(e)?, e.created_at));
            }
            let given_by = GivenBy::parse(&row.given_by).ok_or(AppError::Internal)?;
            let method = Method::parse(&row.method).ok_or(AppError::Internal)?;
            let consent = Consent::from_history(row.id, given_by, method, changes).ok_or_else(|| {
                tracing::error!(consent_id = row.id, "consent without its first event");
                AppError::Internal
            })?;
            Ok(Stored { row, consent, withdrawn_by })
        })
        .collect()
}

/// The client's consents (as `of_client` read them) and whom a new one may name, for a
/// professional on the client's team who records consents given to them (the records page).
pub async fn for_team(
    db: &impl ConnectionTrait,
    person: &client::Model,
    consents: Vec<Stored>,
    now: chrono::DateTime<Utc>,
) -> Result<(Vec<ConsentView>, Vec<PartyChoice>), AppError> {
    Ok((views(db, person, consents, now).await?, party_choices(db, person.id).await?))
}

pub fn stored_terms(row: &consent_event::Model) -> Result<Terms, AppError> {
    serde_json::from_str(&row.terms).map_err(|e| {
        tracing::error!(consent_event = row.id, error = %e, "stored consent terms are invalid");
        AppError::Internal
    })
}

/// The client's consents for people to read, newest first: whom they name, who recorded one the
/// client did not give on their own page, and who recorded a withdrawal for them.
pub async fn views(
    db: &impl ConnectionTrait,
    person: &client::Model,
    consents: Vec<Stored>,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<ConsentView>, AppError> {
    let named: BTreeSet<i32> = consents
        .iter()
        .flat_map(|stored| stored.consent.terms.parties.iter())
        .filter_map(|p| match p {
            Party::Organisation(id) => Some(*id),
            Party::Seat(_) => None,
        })
        .collect();
    let organisations: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(named))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    // Someone other than the client themself: named on the consent.
    let other = |user_id: UserId| (person.user_id != Some(user_id)).then_some(user_id);
    let recorders: Vec<UserId> = consents
        .iter()
        .flat_map(|stored| [Some(stored.row.recorded_by_user_id), stored.withdrawn_by])
        .flatten()
        .filter_map(other)
        .collect();
    let names = display_names(db, recorders).await?;
    let name_of = |user_id: Option<UserId>| user_id.and_then(other).and_then(|id| names.get(&id).cloned());
    Ok(consents
        .into_iter()
        .rev()
        .map(|Stored { row, consent: c, withdrawn_by }| ConsentView {
            id: c.id,
            parties: c
                .terms
                .parties
                .iter()
                .map(|&party| PartyChoice {
                    party,
                    name: match party {
                        Party::Organisation(id) => organisations.get(&id).cloned().unwrap_or_default(),
                        Party::Seat(_) => String::new(),
                    },
                })
                .collect(),
            registers: c.terms.registers.iter().copied().collect(),
            in_force: c.in_force(now),
            purpose: c.terms.purpose,
            valid_from: c.terms.valid_from,
            valid_until: c.terms.valid_until,
            given_by: c.given_by,
            method: c.method,
            proxy_name: row.proxy_name,
            recorded_by: name_of(Some(row.recorded_by_user_id)),
            given_at: row.created_at,
            withdrawn_at: c.withdrawn_at,
            withdrawn_by: name_of(withdrawn_by),
        })
        .collect())
}

/// Whom the client may name: the organisations of the professionals on their teams now, and the
/// team's seats.
pub async fn party_choices(db: &impl ConnectionTrait, client_id: ClientId) -> Result<Vec<PartyChoice>, AppError> {
    let cases: Vec<CaseId> = case::Entity::find()
        .filter(case::Column::ClientId.eq(client_id))
        .select_only()
        .column(case::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let members: Vec<UserId> = current_seats()
        .filter(case_member::Column::CaseId.is_in(cases))
        .select_only()
        .column(case_member::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    let organisation_ids: BTreeSet<i32> = staff_profile::Entity::find()
        .filter(staff_profile::Column::UserId.is_in(members))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.organisation_id)
        .collect();
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(organisation_ids))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    Ok(organisations
        .into_iter()
        .map(|o| PartyChoice { party: Party::Organisation(o.id), name: o.name })
        .chain(SEATS.into_iter().map(|seat| PartyChoice { party: Party::Seat(seat), name: String::new() }))
        .collect())
}

/// A consent as stored: its row, the consent its history makes, and who recorded its withdrawal.
pub struct Stored {
    pub row: consent::Model,
    pub consent: Consent,
    pub withdrawn_by: Option<UserId>,
}
