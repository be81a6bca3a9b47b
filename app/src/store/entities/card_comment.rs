//! The `card_comments` table. Append-only: comments on board cards, as written.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "card_comments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    /// The card's key (`domain::board::CardRef`).
    pub card: String,
    pub author_user_id: UserId,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
