//! The `assessment_views` table. Append-only: a view written into the assessment by the client,
//! a relative or a professional, in their own words.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment_views")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    pub author_user_id: UserId,
    /// client / relative / professional
    pub author: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
