//! The `feedback` table. Append-only: the client's and relatives' scores after meetings and at
//! closure.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    /// `meeting` or `closure` (`domain::feedback::Occasion`).
    pub occasion: String,
    pub meeting_id: Option<i32>,
    pub closure_id: Option<i32>,
    /// 1 to 5.
    pub score: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub author_user_id: UserId,
    /// `client` or `relative` (`domain::assessment::ViewAuthor`).
    pub author_kind: String,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
