//! The `staff_profiles` table. Work details of professionals, coordinators and administrators.

use crate::domain::ids::UserId;
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: UserId,
    pub profession: String,
    /// social / health / other
    pub sector: Sector,
    pub organisation_id: i32,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_hours: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
