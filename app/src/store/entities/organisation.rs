//! The `organisations` table.

use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// social / health / other
    pub sector: Sector,
}

impl ActiveModelBehavior for ActiveModel {}
