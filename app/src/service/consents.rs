//! Consent on the server: the client gives, narrows and withdraws it from their own page, and
//! reads who has accessed their information; a professional on the client's team records a
//! consent the client or their legal representative gave them, told or signed, and a withdrawal
//! told to them. A consent is written once and each change after it is a new consent event, so
//! its history is kept whole; what a consent lets now is computed from that history
//! (`Consent::from_history`) wherever a record entry is read. A change is published at once, so
//! open record views reload what their reader may still see.

use crate::domain::audit_search::OwnLogQuery;
use crate::domain::calendar::{finnish_date, from_finnish_time};
use crate::domain::consent::{
    Consent, ConsentChange, ConsentError, GivenBy, GivenThrough, Method, Party, RawGivenThrough, Register,
    RelativeScope, Terms,
};
use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::{Access, Basis};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::privacy::{AccessLogEntry, AccessLogPage, PartyChoice, PrivacyPage, RelativeView};
use crate::store::access::authorise;
use crate::store::audit::{self, Action};
use crate::store::cases::display_names;
use crate::store::consents::{of_client, party_choices, views};
use crate::store::entities::{audit_entry, case, client, consent, consent_event, relative_link};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait,
};

/// A consent form as it arrives: party keys (`org:<id>`, `seat:<role>`), register names, the
/// purpose and the last day (YYYY-MM-DD).
#[derive(Debug, Clone, Default)]
pub struct RawTerms {
    pub parties: Vec<String>,
    pub registers: Vec<String>,
    pub purpose: String,
    pub valid_until: String,
}

impl RawTerms {
    /// The terms as a form sends them: checkbox lists are absent when nothing is ticked.
    pub fn from_form(
        parties: Option<Vec<String>>,
        registers: Option<Vec<String>>,
        purpose: String,
        valid_until: String,
    ) -> RawTerms {
        RawTerms {
            parties: parties.unwrap_or_default(),
            registers: registers.unwrap_or_default(),
            purpose,
            valid_until,
        }
    }
}

/// The client record of the signed-in client; anyone else is refused.
async fn own_client(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<(client::Model, Basis), AppError> {
    let basis = Access::own_privacy(user.role)?;
    let person =
        client::Entity::find().filter(client::Column::UserId.eq(user.id)).one(db).await?.ok_or(AppError::NotFound)?;
    Ok((person, basis))
}

fn parse_until(raw: &str) -> Result<NaiveDate, ConsentError> {
    crate::domain::consent::parse_consent_day(raw)
}

/// The parties and registers of a form, each one offered.
fn parse_choices(raw: &RawTerms, offered: &[PartyChoice]) -> Result<(Vec<Party>, Vec<Register>), ConsentError> {
    let parties = raw
        .parties
        .iter()
        .map(|key| {
            let party = Party::parse(key)?;
            offered.iter().any(|c| c.party == party).then_some(party).ok_or(ConsentError::UnknownChoice)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let registers = raw
        .registers
        .iter()
        .map(|r| Register::parse(r).ok_or(ConsentError::UnknownChoice))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((parties, registers))
}

/// A consent event to insert.
fn event(
    consent_id: i32,
    change: ConsentChange,
    terms: &Terms,
    actor: &CurrentUser,
) -> Result<consent_event::ActiveModel, AppError> {
    Ok(consent_event::ActiveModel {
        consent_id: Set(consent_id),
        kind: Set(change.as_str().to_string()),
        terms: Set(serde_json::to_string(terms).map_err(|_| AppError::Internal)?),
        actor_user_id: Set(actor.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
}

fn consent_entry<'a>(user: &'a CurrentUser, client_id: ClientId, action: Action, basis: Basis) -> audit::Entry<'a> {
    audit::Entry::on_client(user, client_id, "consent", action, basis)
}

/// Writes a new consent of `client_id` from today, as `terms_raw` names it (each party one
/// offered to the client), given as `through` says and recorded by `user`, with its first event
/// and the audit row `entry`, inside the caller's transaction.
async fn insert_given(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    client_id: ClientId,
    through: GivenThrough,
    raw: &RawTerms,
    entry: audit::Entry<'_>,
) -> Result<i32, AppError> {
    let offered = party_choices(txn, client_id).await?;
    let (parties, registers) = parse_choices(raw, &offered)?;
    let terms =
        Terms::parse(parties, registers, &raw.purpose, finnish_date(Utc::now()), parse_until(&raw.valid_until)?)?;
    let row = consent::ActiveModel {
        client_id: Set(client_id),
        given_by: Set(through.given_by.as_str().to_string()),
        method: Set(through.method.as_str().to_string()),
        proxy_name: Set(through.proxy_name),
        recorded_by_user_id: Set(user.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    event(row.id, ConsentChange::Given, &terms, user)?.insert(txn).await?;
    audit::record(txn, entry).await?;
    Ok(row.id)
}

/// The client gives a new consent on their own page, from today.
pub async fn give(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    raw: RawTerms,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (person, basis) = own_client(&txn, user).await?;
    let own = GivenThrough { given_by: GivenBy::Client, proxy_name: None, method: Method::Pathway };
    let id =
        insert_given(&txn, user, person.id, own, &raw, consent_entry(user, person.id, Action::Create, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::ConsentChanged { client_id: person.id });
    Ok(id)
}

/// A professional on the client's team records a consent the client or their legal
/// representative gave them, told or signed, from today. The client sees it on their own page
/// with who recorded it, and may narrow or withdraw it there.
pub async fn record_given(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    through: RawGivenThrough,
    raw: RawTerms,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::record_consent).await?;
    let through = GivenThrough::parse(&through.given_by, &through.proxy_name, &through.method)?;
    let entry = audit::Entry::on_case(user, &found, "consent", Action::Create, basis);
    let id = insert_given(&txn, user, found.client_id, through, &raw, entry).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::ConsentChanged { client_id: found.client_id });
    Ok(id)
}

/// A professional on the client's team records that the client or their representative
/// withdrew a consent. Like the client's own withdrawal, it opens nothing from this moment.
pub async fn record_withdrawal(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    consent_id: i32,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::record_consent).await?;
    let current = own_consent(&txn, found.client_id, consent_id).await?;
    end(&txn, user, current, audit::Entry::on_case(user, &found, "consent", Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::ConsentChanged { client_id: found.client_id });
    Ok(())
}

/// Writes a consent's withdrawal, now, with its audit row.
async fn end(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    current: Consent,
    entry: audit::Entry<'_>,
) -> Result<(), AppError> {
    let withdrawn = current.withdrawn(Utc::now())?;
    // The same withdrawal sent twice at once: the unique index lets one through.
    let inserted = event(current.id, ConsentChange::Withdrawn, &withdrawn.terms, user)?.insert(txn).await;
    crate::store::unless_duplicate(inserted, ConsentError::Withdrawn)?;
    audit::record(txn, entry).await?;
    Ok(())
}

/// One of the client's own consents, as it stands, locked for the caller's change until its
/// transaction ends (PostgreSQL; SQLite writes one transaction at a time): a narrowing and a
/// withdrawal sent together are applied one after the other, each to what the other left.
async fn own_consent(db: &impl ConnectionTrait, client_id: ClientId, consent_id: i32) -> Result<Consent, AppError> {
    consent::Entity::find_by_id(consent_id)
        .filter(consent::Column::ClientId.eq(client_id))
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    of_client(db, client_id)
        .await?
        .into_iter()
        .find(|stored| stored.row.id == consent_id)
        .map(|stored| stored.consent)
        .ok_or(AppError::NotFound)
}

/// The client narrows a consent: fewer parties or registers, or an earlier last day. The purpose
/// and the first day stay; anything wider is a new consent.
pub async fn narrow(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    consent_id: i32,
    raw: RawTerms,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let (person, basis) = own_client(&txn, user).await?;
    let current = own_consent(&txn, person.id, consent_id).await?;
    let offered: Vec<PartyChoice> =
        current.terms.parties.iter().map(|&party| PartyChoice { party, name: String::new() }).collect();
    let (parties, registers) = parse_choices(&raw, &offered)?;
    let terms = Terms::parse(
        parties,
        registers,
        &current.terms.purpose,
        current.terms.valid_from,
        parse_until(&raw.valid_until)?,
    )?;
    let narrowed = current.narrowed(terms)?;
    event(consent_id, ConsentChange::Narrowed, &narrowed.terms, user)?.insert(&txn).await?;
    audit::record(&txn, consent_entry(user, person.id, Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::ConsentChanged { client_id: person.id });
    Ok(())
}

/// The client withdraws a consent. It opens nothing from this moment, on every open view.
pub async fn withdraw(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    consent_id: i32,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let (person, basis) = own_client(&txn, user).await?;
    let current = own_consent(&txn, person.id, consent_id).await?;
    end(&txn, user, current, consent_entry(user, person.id, Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::ConsentChanged { client_id: person.id });
    Ok(())
}

/// The client's own page: their consents, whom a new one may name, their cases, and who has
/// accessed their information (newest first, the client's own reads left out, a page at a time,
/// all of it or one kind of basis). Logged.
pub async fn privacy(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    log_basis: &str,
    log_before: &str,
) -> Result<PrivacyPage, AppError> {
    let (person, basis) = own_client(db, user).await?;
    let query = OwnLogQuery::parse(log_basis, log_before)?;
    reads.record_one(audit::Entry::on_client(user, person.id, "access_log", Action::View, basis)).await?;
    let now = Utc::now();
    let choices = party_choices(db, person.id).await?;
    let consents = views(db, &person, of_client(db, person.id).await?, now).await?;
    let cases = case::Entity::find()
        .filter(case::Column::ClientId.eq(person.id))
        .order_by_desc(case::Column::OpenedAt)
        .select_only()
        .column(case::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(PrivacyPage {
        client_name: person.name,
        consents,
        choices,
        cases,
        log: access_log(db, person.id, user.id, query).await?,
        relatives: relatives(db, person.id, now).await?,
        today: finnish_date(now),
    })
}

async fn relatives(
    db: &impl ConnectionTrait,
    client_id: ClientId,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<RelativeView>, AppError> {
    let links = relative_link::Entity::find()
        .filter(relative_link::Column::ClientId.eq(client_id))
        .order_by_asc(relative_link::Column::Id)
        .all(db)
        .await?;
    let names = display_names(db, links.iter().map(|l| l.relative_user_id).collect()).await?;
    Ok(links
        .into_iter()
        .map(|l| RelativeView {
            link_id: l.id,
            name: names.get(&l.relative_user_id).cloned().unwrap_or_default(),
            relationship: l.relationship,
            can_view: l.can_view,
            can_write: l.can_write,
            until: l.valid_until.map(finnish_date),
            revoked_at: l.revoked_at,
            lapsed: l.valid_until.is_some_and(|until| until <= now),
        })
        .collect())
}

/// One of the client's own links to a close one, still standing, locked for the caller's change
/// (see `own_consent`); anyone else's is not found.
async fn own_link(
    db: &impl ConnectionTrait,
    client_id: ClientId,
    link_id: i32,
) -> Result<relative_link::Model, AppError> {
    let link = relative_link::Entity::find_by_id(link_id)
        .filter(relative_link::Column::ClientId.eq(client_id))
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if link.revoked_at.is_some() {
        return Err(ConsentError::Withdrawn.into());
    }
    Ok(link)
}

fn link_entry<'a>(user: &'a CurrentUser, client_id: ClientId, basis: Basis) -> audit::Entry<'a> {
    audit::Entry::on_client(user, client_id, "relative_link", Action::Update, basis)
}

/// The client changes what a close one may do and until when; it holds from the next request.
pub async fn set_relative_scope(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    link_id: i32,
    can_view: bool,
    can_write: bool,
    until: &str,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let (person, basis) = own_client(&txn, user).await?;
    let link = own_link(&txn, person.id, link_id).await?;
    let scope = RelativeScope::parse(can_view, can_write, until, finnish_date(Utc::now()))?;
    let valid_until = match scope.until {
        Some(day) => Some(day.and_hms_opt(23, 59, 59).and_then(from_finnish_time).ok_or(ConsentError::DateInvalid)?),
        None => None,
    };
    let mut row = link.into_active_model();
    row.can_view = Set(scope.can_view);
    row.can_write = Set(scope.can_write);
    row.valid_until = Set(valid_until);
    row.update(&txn).await?;
    audit::record(&txn, link_entry(user, person.id, basis)).await?;
    txn.commit().await?;
    Ok(())
}

/// The client ends a close one's part altogether.
pub async fn revoke_relative(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    link_id: i32,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let (person, basis) = own_client(&txn, user).await?;
    let link = own_link(&txn, person.id, link_id).await?;
    let mut row = link.into_active_model();
    row.revoked_at = Set(Some(Utc::now()));
    row.update(&txn).await?;
    audit::record(&txn, link_entry(user, person.id, basis)).await?;
    txn.commit().await?;
    Ok(())
}

async fn access_log(
    db: &impl ConnectionTrait,
    client_id: ClientId,
    own_user_id: UserId,
    query: OwnLogQuery,
) -> Result<AccessLogPage, AppError> {
    let select = audit_entry::Entity::find()
        .filter(audit_entry::Column::ClientId.eq(client_id))
        .filter(audit_entry::Column::ActorUserId.ne(own_user_id));
    let (rows, more) = audit::page(db, select, query.basis, query.before, OwnLogQuery::PAGE).await?;
    let next = if more { rows.last().map(|r| r.id) } else { None };
    let names = display_names(db, rows.iter().map(|r| r.actor_user_id).collect()).await?;
    let organisations = audit::organisation_names(db, &rows).await?;
    let entries = rows
        .into_iter()
        .map(|row| {
            Ok(AccessLogEntry {
                at: row.created_at,
                actor: names.get(&row.actor_user_id).cloned().unwrap_or_default(),
                role: row.actor_role,
                organisation: row.actor_organisation_id.and_then(|id| organisations.get(&id).cloned()),
                basis: Basis::parse(&row.basis),
                resource: row.resource,
                action: row.action,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(AccessLogPage { entries, basis: query.basis, next })
}
