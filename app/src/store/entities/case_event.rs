//! The `case_events` table. Append-only history of a case: who did what, when.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    pub actor_user_id: Option<UserId>,
    /// The `HistoryEvent` as JSON.
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
