//! The `clients` table. People Polku supports; a client may exist before they have an account.

use crate::domain::ids::{ClientId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

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
}

impl ActiveModelBehavior for ActiveModel {}
