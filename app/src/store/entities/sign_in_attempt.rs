//! The `sign_in_attempts` table: who tried to sign in as whom, from where, and whether it worked.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The username as typed, lower-cased (it need not exist).
    pub username: String,
    pub address: String,
    pub succeeded: bool,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
