//! The `case_members` table. The client's team ("Minun tiimini").

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: i32,
    pub user_id: i32,
    /// social_coordinator / health_coordinator / own_worker / member / relative
    pub team_role: String,
    pub joined_at: DateTimeUtc,
    pub sector: String,
}

impl ActiveModelBehavior for ActiveModel {}
