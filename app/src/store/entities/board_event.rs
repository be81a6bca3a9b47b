//! The `board_events` table. Append-only: every change a live board shows, numbered in the order
//! written, so a board that was away catches up from here.

use crate::domain::ids::{CaseId, UserId};
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    /// The card's key (`domain::board::CardRef`).
    pub card: String,
    /// What happened (`model::BoardChange`).
    pub kind: String,
    pub actor_user_id: UserId,
    /// The card as it is after the change, or the comment, as JSON (`model::BoardEventBody`).
    #[sea_orm(column_type = "Text")]
    pub payload: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
