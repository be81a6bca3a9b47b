//! Record entries on the server. A professional on the team writes into their own register; each
//! reader gets only what they may read now: the team its own register's entries and shared ones,
//! the other register's only under the client's consent in force (decided per register by
//! `consent::read_record`, and logged with that consent's id); the client everything about
//! themself except what was hidden with a reason. Every read is logged with its basis.

use crate::domain::calendar::finnish_date;
use crate::domain::consent::{read_record, LegalAccess, LegalBasis, Reader, Register};
use crate::domain::ids::{CaseId, UserId};
use crate::domain::record::NewEntry;
use crate::domain::{Access, Basis, Sector};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::privacy::{RecordEntryView, RecordsPage};
use crate::store::access::authorise;
use crate::store::audit::Action;
use crate::store::cases::display_names;
use crate::store::entities::{client, legal_access, record_entry};
use crate::store::legal_access::ground;
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use crate::store::{audit, consents};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait,
};

const RESOURCE: &str = "record_entry";

/// The record entries of a case as `user` may read them now. Logged once per basis used.
pub async fn load(
    db: &(impl ConnectionTrait + TransactionTrait),
    reads: &ReadLog,
    user: &CurrentUser,
    case_id: CaseId,
) -> Result<RecordsPage, AppError> {
    let (found, _, basis) = authorise(db, user, case_id, Access::read_records).await?;
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let rows = record_entry::Entity::find()
        .filter(record_entry::Column::CaseId.eq(case_id))
        .order_by_asc(record_entry::Column::CreatedAt)
        .order_by_asc(record_entry::Column::Id)
        .all(db)
        .await?;
    let names = display_names(db, rows.iter().map(|r| r.author_user_id).collect()).await?;
    let view = |row: record_entry::Model, sector: Sector, with_reason: bool| RecordEntryView {
        id: row.id,
        sector,
        author: names.get(&row.author_user_id).cloned().unwrap_or_default(),
        text: row.text,
        at: row.created_at,
        hidden_reason: if with_reason { row.hidden_reason } else { None },
    };

    let Basis::Team(seat) = basis else {
        // The client: everything about themself but what was hidden from them, with the count.
        let withheld = rows.iter().filter(|r| r.hidden_reason.is_some()).count();
        let mut entries = Vec::new();
        for row in rows.into_iter().filter(|r| r.hidden_reason.is_none()) {
            let sector = row.sector;
            entries.push(view(row, sector, false));
        }
        reads.record_one(audit::Entry::on_case(user, &found, RESOURCE, Action::View, basis)).await?;
        return Ok(RecordsPage {
            case_id,
            client_name: person.name,
            entries,
            closed_registers: Vec::new(),
            writes_into: None,
            withheld,
            own: true,
            consents: Vec::new(),
            consent_choices: Vec::new(),
            today: finnish_date(Utc::now()),
        });
    };

    let reader = Reader { organisation_id: user.organisation_id, sector: user.sector.unwrap_or(Sector::Other), seat };
    let stored = consents::of_client(db, found.client_id).await?;
    let consents: Vec<_> = stored.iter().map(|s| s.consent.clone()).collect();
    let now = Utc::now();
    let legal = legal_bases(db, case_id, user.id, now).await?;
    let mut closed_registers = Vec::new();
    let mut open = vec![(None, basis)];
    for register in [Register::Social, Register::Health] {
        match read_record(&reader, register.sector(), &consents, &legal, now) {
            Ok(basis) => open.push((Some(register), basis)),
            Err(_) => closed_registers.push(register),
        }
    }
    let mut used = Vec::new();
    let mut entries = Vec::new();
    for row in rows {
        let sector = row.sector;
        let register = Register::of(sector);
        if let Some((_, basis)) = open.iter().find(|(r, _)| *r == register) {
            if !used.contains(basis) {
                used.push(*basis);
            }
            entries.push(view(row, sector, true));
        }
    }
    // The client's consents are read on the team basis, and reading an empty list is a read too.
    if !used.contains(&basis) {
        used.push(basis);
    }
    let (consent_views, consent_choices) = consents::for_team(db, &person, stored, now).await?;
    // One row per basis, all or none.
    reads
        .record(
            used.into_iter().map(|basis| audit::Entry::on_case(user, &found, RESOURCE, Action::View, basis)).collect(),
        )
        .await?;
    Ok(RecordsPage {
        case_id,
        client_name: person.name,
        entries,
        closed_registers,
        writes_into: user.sector.filter(|s| *s != Sector::Shared),
        withheld: 0,
        own: false,
        consents: consent_views,
        consent_choices,
        today: finnish_date(now),
    })
}

/// The legal bases `user_id` recorded on the case that stand at `now`.
async fn legal_bases(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    user_id: UserId,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<(Register, LegalBasis)>, AppError> {
    legal_access::Entity::find()
        .filter(legal_access::Column::CaseId.eq(case_id))
        .filter(legal_access::Column::UserId.eq(user_id))
        .filter(legal_access::Column::ValidUntil.gt(now))
        .all(db)
        .await?
        .iter()
        .map(ground)
        .collect()
}

/// A professional on the team records a legal basis from the fixed list, with their reason, to
/// read the other register for a day: only a basis the law gives their sector for that register
/// (`LegalAccess::parse`). The record of it stays, the client sees it, and the case's coordinator
/// pair is told each time.
pub async fn open_by_law(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    register: &str,
    basis: &str,
    reason: &str,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, _) = authorise(&txn, user, case_id, Access::open_by_law).await?;
    let opened = LegalAccess::parse(user.sector.unwrap_or(Sector::Other), register, basis, reason)?;
    let now = Utc::now();
    let row = legal_access::ActiveModel {
        case_id: Set(case_id),
        user_id: Set(user.id),
        register: Set(opened.register.as_str().to_string()),
        basis: Set(opened.basis.as_str().to_string()),
        reason: Set(opened.reason),
        created_at: Set(now),
        valid_until: Set(now + Duration::hours(LegalAccess::LASTS_HOURS)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "legal_basis", Action::Create, Basis::Legal(opened.basis)))
        .await?;
    let told = crate::store::board_events::notify_pair_of_legal_basis(&txn, user, case_id, row.id, now).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::RecordWritten { case_id });
    if !told.is_empty() {
        events::publish(bus, DomainEvent::Notified { user_ids: told });
    }
    Ok(row.id)
}

/// A professional on the team writes an entry into their own register; `hide` with `reason`
/// keeps it from the client.
pub async fn write(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    text: &str,
    hide: bool,
    reason: &str,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::write_record).await?;
    let entry = NewEntry::parse(user.sector, text, hide, reason)?;
    let row = record_entry::ActiveModel {
        case_id: Set(case_id),
        sector: Set(entry.sector),
        author_user_id: Set(user.id),
        text: Set(entry.text),
        hidden_reason: Set(entry.hidden_reason),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, RESOURCE, Action::Create, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::RecordWritten { case_id });
    Ok(row.id)
}
