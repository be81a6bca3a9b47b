//! The `plan_reviews` table. Append-only: follow-up reviews of a client plan.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    /// The plan version the review was made of.
    pub plan_version: i32,
    /// The review as JSON (`domain::review::ReviewContent`).
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub reviewed_by_user_id: UserId,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
