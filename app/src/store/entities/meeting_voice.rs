//! The `meeting_voices` table. Append-only: what each person said in a meeting.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_voices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub case_id: CaseId,
    pub speaker_user_id: UserId,
    pub recorded_by_user_id: UserId,
    #[sea_orm(column_type = "Text")]
    pub hopes: String,
    #[sea_orm(column_type = "Text")]
    pub worries: String,
    #[sea_orm(column_type = "Text")]
    pub support: String,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
