//! The `clients` table. People Polku supports; a client may exist before they have an account.

use crate::domain::audit_search::search_key;
use crate::domain::ids::{ClientId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;
use sea_orm::Set;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "clients")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ClientId,
    /// The client's own account, when they have one.
    #[sea_orm(unique)]
    pub user_id: Option<UserId>,
    pub name: String,
    pub date_of_birth: Date,
    pub municipality: String,
    pub address: Option<String>,
    pub preferred_language: String,
    /// Turvakielto: address and municipality are shown only to the client and coordinator pair.
    pub non_disclosure: bool,
    /// Receives the highest care allowance: the assessment must start by the 7th working day.
    pub highest_care_allowance: bool,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
    /// The name folded as the audit search matches it (`domain::audit_search::search_key`);
    /// written with the name, never by hand.
    pub search_name: String,
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    async fn before_save<C: ConnectionTrait>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr> {
        if let Some(name) = self.name.try_as_ref() {
            self.search_name = Set(search_key(name));
        }
        Ok(self)
    }
}
