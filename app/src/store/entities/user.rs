//! The `users` table. Accounts of every role.

use crate::domain::ids::UserId;
use crate::domain::role::Role;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: UserId,
    #[sea_orm(unique)]
    pub username: String,
    pub password_hash: String,
    pub display_name: String,
    /// client / relative / professional / coordinator / administrator
    pub role: Role,
    pub preferred_language: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
