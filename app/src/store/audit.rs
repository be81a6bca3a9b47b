//! The audit log: every read and change of client data, with who, in which role and on which
//! basis. Rows are only ever inserted (the database refuses updates and deletes).

use crate::domain::audit_search::{BasisKind, StoredBasis};
use crate::domain::ids::{CaseId, ClientId};
use crate::domain::Basis;
use crate::error::AppError;
use crate::store::entities::{audit_entry, case, organisation};
use crate::store::session::CurrentUser;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    Set,
};
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    View,
    List,
    Create,
    Update,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::View => "view",
            Action::List => "list",
            Action::Create => "create",
            Action::Update => "update",
        }
    }
}

/// One audit row to write: who read or changed what about which client, and on which basis.
pub struct Entry<'a> {
    actor: &'a CurrentUser,
    client_id: ClientId,
    case_id: Option<CaseId>,
    resource: &'a str,
    action: Action,
    basis: Basis,
}

impl<'a> Entry<'a> {
    /// An entry about a client, not about one of their cases.
    pub fn on_client(
        actor: &'a CurrentUser,
        client_id: ClientId,
        resource: &'a str,
        action: Action,
        basis: Basis,
    ) -> Self {
        Entry { actor, client_id, case_id: None, resource, action, basis }
    }

    /// An entry about one case of one client, with the basis the access rule gave.
    pub fn on_case(
        actor: &'a CurrentUser,
        case: &case::Model,
        resource: &'a str,
        action: Action,
        basis: Basis,
    ) -> Self {
        Entry::on_client(actor, case.client_id, resource, action, basis).in_case(Some(case.id))
    }

    /// The same entry, about case `case_id` when there is one.
    pub fn in_case(self, case_id: Option<CaseId>) -> Self {
        Entry { case_id, ..self }
    }
}

fn row(entry: Entry<'_>, at: chrono::DateTime<Utc>) -> audit_entry::ActiveModel {
    audit_entry::ActiveModel {
        actor_user_id: Set(entry.actor.id),
        actor_role: Set(entry.actor.role),
        actor_organisation_id: Set(entry.actor.organisation_id),
        client_id: Set(Some(entry.client_id)),
        case_id: Set(entry.case_id),
        resource: Set(entry.resource.to_string()),
        action: Set(entry.action.as_str().to_string()),
        basis: Set(entry.basis.to_string()),
        created_at: Set(at),
        ..Default::default()
    }
}

pub async fn record(db: &impl ConnectionTrait, entry: Entry<'_>) -> Result<(), DbErr> {
    row(entry, Utc::now()).insert(db).await?;
    Ok(())
}

/// Rows per insert statement: well inside both databases' limits on bound parameters (SQLite
/// 32,766, PostgreSQL 65,535) at nine parameters a row.
const ROWS_PER_STATEMENT: usize = 1000;

/// The rows of `entries`, stamped now.
pub(crate) fn rows(entries: Vec<Entry<'_>>) -> Vec<audit_entry::ActiveModel> {
    let now = Utc::now();
    entries.into_iter().map(|entry| row(entry, now)).collect()
}

/// Inserts `rows` `ROWS_PER_STATEMENT` at a time.
pub(crate) async fn insert_rows(
    db: &impl ConnectionTrait,
    mut rows: Vec<audit_entry::ActiveModel>,
) -> Result<(), DbErr> {
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(ROWS_PER_STATEMENT));
        audit_entry::Entity::insert_many(rows).exec(db).await?;
        rows = rest;
    }
    Ok(())
}

/// One page of the entries `select` finds, newest first: of one kind of basis when `basis` is
/// given, older than entry `before` when that is given, at most `size`; and whether more follow.
pub async fn page(
    db: &impl ConnectionTrait,
    select: Select<audit_entry::Entity>,
    basis: Option<BasisKind>,
    before: Option<i32>,
    size: u64,
) -> Result<(Vec<audit_entry::Model>, bool), AppError> {
    let mut select = select.order_by_desc(audit_entry::Column::Id).limit(size + 1);
    if let Some(kind) = basis {
        select = match kind.stored() {
            StoredBasis::Exact(text) => select.filter(audit_entry::Column::Basis.eq(text)),
            StoredBasis::Prefix(start) => select.filter(audit_entry::Column::Basis.starts_with(start)),
        };
    }
    if let Some(before) = before {
        select = select.filter(audit_entry::Column::Id.lt(before));
    }
    let mut rows = select.all(db).await?;
    let more = rows.len() as u64 > size;
    rows.truncate(usize::try_from(size).unwrap_or(usize::MAX));
    Ok((rows, more))
}

/// The names of the organisations the actors of `rows` acted for, by id.
pub async fn organisation_names(
    db: &impl ConnectionTrait,
    rows: &[audit_entry::Model],
) -> Result<HashMap<i32, String>, AppError> {
    let ids: BTreeSet<i32> = rows.iter().filter_map(|r| r.actor_organisation_id).collect();
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

#[cfg(test)]
mod tests {
    //! The application has no path that changes or removes a row of an append-only table: no
    //! update or delete through its entity, and no active model made from a stored row (the way
    //! sea-orm changes one). The database refuses both anyway (the integration tests show it);
    //! this keeps the code from even trying.

    use std::path::Path;

    const APPEND_ONLY: [&str; 7] =
        ["audit_entry", "case_event", "consent", "consent_event", "record_entry", "legal_access", "board_event"];

    fn sources(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    #[test]
    fn no_code_updates_or_deletes_an_append_only_table() {
        let mut files = Vec::new();
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        assert!(files.len() > 20, "the sources were found");
        let mut paths = Vec::new();
        for (file, text) in &files {
            if file.ends_with("audit.rs") {
                continue;
            }
            for entity in APPEND_ONLY {
                for pattern in [
                    format!("{entity}::Entity::update"),
                    format!("{entity}::Entity::delete"),
                    format!(": {entity}::ActiveModel ="),
                    format!("{entity}::ActiveModel::from("),
                ] {
                    if text.contains(&pattern) {
                        paths.push(format!("{file}: {pattern}"));
                    }
                }
            }
        }
        assert!(paths.is_empty(), "paths that would change append-only rows: {paths:#?}");
    }
}
