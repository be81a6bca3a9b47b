//! The `coordinator_pairs` table. Moty coordinator pairs: one social-care and one health-care professional.

use crate::domain::ids::UserId;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coordinator_pairs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub social_user_id: UserId,
    pub health_user_id: UserId,
}

impl ActiveModelBehavior for ActiveModel {}
