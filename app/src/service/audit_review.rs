//! The audit reviewer's search of the access log. The reviewer reads the log, never the client
//! content it points at, and the reading is itself logged: one entry about each client whose
//! entries a page of results shows, on the basis of audit review, so the client sees it too.
//!
//! Names are matched in the database against each person's folded `search_name` (SQLite's and
//! PostgreSQL's own `lower` leave Å, Ä and Ö as they are), as a subquery: a fragment that many
//! people share is just a longer log, read a page at a time like any other.

use crate::domain::audit_search::{AuditSearch, AuditSearchForm, PAGE};
use crate::domain::ids::{ClientId, UserId};
use crate::domain::{Access, Basis};
use crate::error::AppError;
use crate::model::audit::{AuditResults, AuditRow};
use crate::store::audit::{self, Action};
use crate::store::entities::{audit_entry, client, user};
use crate::store::name_search::name_holds;
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait, TransactionTrait};
use std::collections::{BTreeSet, HashMap};

pub async fn search(
    db: &(impl ConnectionTrait + TransactionTrait),
    reads: &ReadLog,
    reviewer: &CurrentUser,
    form: &AuditSearchForm,
) -> Result<AuditResults, AppError> {
    let basis = Access::search_audit(reviewer.role)?;
    let search = AuditSearch::parse(form)?;

    let mut query = audit_entry::Entity::find();
    if let Some(term) = &search.client {
        let named = client::Entity::find()
            .select_only()
            .column(client::Column::Id)
            .filter(name_holds(client::Column::SearchName, term))
            .into_query();
        query = query.filter(audit_entry::Column::ClientId.in_subquery(named));
    }
    if let Some(term) = &search.actor {
        let named = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(name_holds(user::Column::SearchName, term))
            .into_query();
        query = query.filter(audit_entry::Column::ActorUserId.in_subquery(named));
    }
    let (from, until) = search.period();
    if let Some(from) = from {
        query = query.filter(audit_entry::Column::CreatedAt.gte(from));
    }
    if let Some(until) = until {
        query = query.filter(audit_entry::Column::CreatedAt.lt(until));
    }
    let (rows, more) = audit::page(db, query, search.basis, search.before, PAGE).await?;

    let people: HashMap<UserId, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.actor_user_id).collect::<BTreeSet<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let client_ids: BTreeSet<ClientId> = rows.iter().filter_map(|r| r.client_id).collect();
    let clients: HashMap<ClientId, String> = client::Entity::find()
        .filter(client::Column::Id.is_in(client_ids.clone()))
        .select_only()
        .column(client::Column::Id)
        .column(client::Column::Name)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let organisations = audit::organisation_names(db, &rows).await?;

    let next = more.then(|| search.form(rows.last().map(|r| r.id)));
    let rows = rows
        .into_iter()
        .map(|row| {
            let role = row.actor_role;
            let actor = people.get(&row.actor_user_id);
            Ok(AuditRow {
                id: row.id,
                at: row.created_at,
                actor: actor.map(|u| u.display_name.clone()).unwrap_or_default(),
                actor_username: actor.map(|u| u.username.clone()).unwrap_or_default(),
                role,
                organisation: row.actor_organisation_id.and_then(|id| organisations.get(&id).cloned()),
                client: row.client_id.and_then(|id| clients.get(&id).cloned()),
                case_id: row.case_id,
                basis: Basis::parse(&row.basis),
                stored_basis: row.basis,
                resource: row.resource,
                action: row.action,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;

    let entries = client_ids
        .into_iter()
        .map(|client_id| audit::Entry::on_client(reviewer, client_id, "access_log", Action::List, basis))
        .collect();
    reads.record(entries).await?;
    Ok(AuditResults { rows, next })
}
