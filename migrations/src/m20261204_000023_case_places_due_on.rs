//! The date a pair-board card shows, stored with the case's place. A case card's date is the
//! assessment's legal start day or the plan's next review; the review date lives in the plan's
//! content, so every pair board read and parsed the latest plan of each of its cases only for
//! that one date. `app::store::placement` already reads the plan whenever a case's place changes,
//! and now stores the date beside the step. The places stored before it are removed here: the
//! server places every case without a stored place when it starts, so the first start after this
//! migration stores them again, date included.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasePlaces {
    Table,
    DueOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(CasePlaces::Table).add_column(date_null(CasePlaces::DueOn)).to_owned())
            .await?;
        manager.exec_stmt(Query::delete().from_table(CasePlaces::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(CasePlaces::Table).drop_column(CasePlaces::DueOn).to_owned()).await
    }
}
