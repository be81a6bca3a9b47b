//! The `relative_links` table. A relative taking part with the scope the client granted.

use crate::domain::ids::{ClientId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "relative_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub relative_user_id: UserId,
    pub client_id: ClientId,
    /// How the relative is related, in words ("daughter", "spouse").
    pub relationship: String,
    pub can_view: bool,
    pub can_write: bool,
    pub granted_at: DateTimeUtc,
    pub valid_until: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub sector: Sector,
}

impl ActiveModelBehavior for ActiveModel {}
