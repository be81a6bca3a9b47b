//! The `case_closures` table. Append-only: how a case was closed and who carries on.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_closures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// The handover or continuation note.
    #[sea_orm(column_type = "Text")]
    pub continuation: String,
    pub closed_by_user_id: UserId,
    pub sector: Sector,
    pub closed_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
