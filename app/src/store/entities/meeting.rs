//! The `meetings` table: network meetings of a case.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    pub title: String,
    pub starts_at: DateTimeUtc,
    pub minutes: i32,
    pub place: Option<String>,
    pub video_link: Option<String>,
    /// The invited user ids as a JSON array.
    #[sea_orm(column_type = "Text")]
    pub participants: String,
    pub created_by_user_id: UserId,
    pub created_at: DateTimeUtc,
    /// The plan version the agreed steps went into, once they have.
    pub steps_plan_version: Option<i32>,
    pub sector: Sector,
}

impl ActiveModelBehavior for ActiveModel {}
