//! The `users` table. Accounts of every role.

use crate::domain::audit_search::search_key;
use crate::domain::ids::UserId;
use crate::domain::role::Role;
use sea_orm::entity::prelude::*;
use sea_orm::Set;

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
    /// The username and the display name, a line apart, folded as the audit search matches them
    /// (`domain::audit_search::search_key`); written with the names, never by hand.
    pub search_name: String,
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    async fn before_save<C: ConnectionTrait>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr> {
        if let (Some(username), Some(name)) = (self.username.try_as_ref(), self.display_name.try_as_ref()) {
            self.search_name = Set(search_key(&format!("{username}\n{name}")));
        }
        Ok(self)
    }
}
