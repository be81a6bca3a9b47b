//! The `concerns` table. A concern raised by anyone (identification).

use crate::domain::concern::ConcernStatus;
use crate::domain::ids::{ClientId, UserId};
use crate::domain::role::{Role, Sector};
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "concerns")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub client_id: ClientId,
    pub raised_by_user_id: UserId,
    /// The role the person raised it in: professional / coordinator / client / relative.
    pub raised_as: Role,
    /// The concern in the person's own words.
    #[sea_orm(column_type = "Text")]
    pub text: String,
    /// `LifeArea` names, comma-separated.
    pub life_areas: String,
    pub urgent: bool,
    pub agrees_to_proceed: bool,
    pub agrees_to_involve: bool,
    /// open / accepted / declined
    pub status: ConcernStatus,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
