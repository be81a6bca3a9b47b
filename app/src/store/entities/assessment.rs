//! The `assessments` table. One row per version of a case's service-need assessment: at most one
//! open draft (`status = "draft"`), and the completed versions, which the database keeps read-only.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    /// 1 for the first assessment, then one more for each amendment.
    pub version: i32,
    /// draft / completed
    pub status: String,
    /// `AssessmentRecord` as JSON.
    #[sea_orm(column_type = "Text")]
    pub content: String,
    /// Bumped on every save of the draft, so that two people saving at once never overwrite
    /// each other silently.
    pub revision: i32,
    pub started_at: DateTimeUtc,
    pub started_by_user_id: UserId,
    pub updated_at: DateTimeUtc,
    pub updated_by_user_id: UserId,
    pub completed_at: Option<DateTimeUtc>,
    pub completed_by_user_id: Option<UserId>,
    pub sector: Sector,
}

impl ActiveModelBehavior for ActiveModel {}
