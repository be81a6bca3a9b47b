//! The audit reviewer's search of the access log. The reviewer reads the log, never the client
//! content it points at, and the reading is itself logged: one entry about each client whose
//! entries a page of results shows, on the basis of audit review, so the client sees it too.
//!
//! Names are matched in Rust, not with SQL `LIKE`: SQLite folds only ASCII letters, so "Åberg"
//! would not be found by "åberg". The name columns alone are read, and a fragment matching more
//! than `MAX_MATCHES` people is refused as too broad rather than sent as a huge `IN` list.

use crate::domain::audit_search::{AuditSearch, AuditSearchError, AuditSearchForm, PAGE};
use crate::domain::ids::{ClientId, UserId};
use crate::domain::{Access, Basis};
use crate::error::AppError;
use crate::model::audit::{AuditResults, AuditRow};
use crate::store::audit::{self, Action};
use crate::store::entities::{audit_entry, client, user};
use crate::store::session::CurrentUser;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, TransactionTrait};
use std::collections::{BTreeSet, HashMap};

/// The most people one name fragment may match.
pub const MAX_MATCHES: usize = 500;

/// The ids of the rows whose names contain `term`, without regard to case.
fn matching<'a, Id>(term: &str, names: impl Iterator<Item = (Id, &'a str)>) -> Result<Vec<Id>, AppError> {
    let term = term.to_lowercase();
    let ids: Vec<Id> = names.filter(|(_, name)| name.to_lowercase().contains(&term)).map(|(id, _)| id).collect();
    if ids.len() > MAX_MATCHES {
        return Err(AuditSearchError::TooBroad { max: MAX_MATCHES }.into());
    }
    Ok(ids)
}

pub async fn search(
    db: &(impl ConnectionTrait + TransactionTrait),
    reviewer: &CurrentUser,
    form: &AuditSearchForm,
) -> Result<AuditResults, AppError> {
    let basis = Access::search_audit(reviewer.role)?;
    let search = AuditSearch::parse(form)?;

    let mut query = audit_entry::Entity::find();
    if let Some(term) = &search.client {
        let clients: Vec<(ClientId, String)> = client::Entity::find()
            .select_only()
            .column(client::Column::Id)
            .column(client::Column::Name)
            .into_tuple()
            .all(db)
            .await?;
        let ids = matching(term, clients.iter().map(|(id, name)| (*id, name.as_str())))?;
        query = query.filter(audit_entry::Column::ClientId.is_in(ids));
    }
    if let Some(term) = &search.actor {
        let people: Vec<(UserId, String, String)> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Username)
            .column(user::Column::DisplayName)
            .into_tuple()
            .all(db)
            .await?;
        let both: Vec<(UserId, String)> =
            people.into_iter().map(|(id, username, name)| (id, format!("{username}\n{name}"))).collect();
        let ids = matching(term, both.iter().map(|(id, text)| (*id, text.as_str())))?;
        query = query.filter(audit_entry::Column::ActorUserId.is_in(ids));
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
    audit::record_all(db, entries).await?;
    Ok(AuditResults { rows, next })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_regard_to_case_beyond_ascii() {
        let names = [(1, "Åsa Åberg"), (2, "Eino Mäntylä"), (3, "Öhman Ärvi")];
        let found = |term: &str| matching(term, names.iter().copied()).unwrap();
        assert_eq!(found("åberg"), vec![1]);
        assert_eq!(found("MÄNTY"), vec![2]);
        assert_eq!(found("ärvi"), vec![3]);
        assert_eq!(found("a"), vec![1, 3], "a is not ä");
        assert!(found("Virtanen").is_empty());
    }

    #[test]
    fn a_fragment_matching_too_many_people_is_refused() {
        let many: Vec<(i32, String)> = (0..=MAX_MATCHES as i32).map(|id| (id, format!("Asiakas {id}"))).collect();
        let result = matching("asiakas", many.iter().map(|(id, n)| (*id, n.as_str())));
        assert!(matches!(result, Err(AppError::AuditSearch(AuditSearchError::TooBroad { max: MAX_MATCHES }))));
    }
}
