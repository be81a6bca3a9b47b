//! The `audit_log` table. Append-only log of every read and change of client data.

use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::role::Role;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub actor_user_id: UserId,
    pub actor_role: Role,
    pub actor_organisation_id: Option<i32>,
    pub client_id: Option<ClientId>,
    pub case_id: Option<CaseId>,
    /// What was accessed, e.g. "case", "case_list", "pathway".
    pub resource: String,
    /// view / list / create / update
    pub action: String,
    /// Why the access was allowed (see `domain::Basis`).
    pub basis: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
