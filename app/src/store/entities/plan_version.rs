//! The `plan_versions` table. Append-only: one row per saved version of a client plan.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    pub version: i32,
    /// The whole plan as JSON (`domain::plan::PlanContent`).
    #[sea_orm(column_type = "Text")]
    pub content: String,
    /// Who saved it: "client", "coordinator" or "member".
    pub editor: String,
    pub created_by_user_id: UserId,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
