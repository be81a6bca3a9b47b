//! The name of the legal representative who gave a consent, when a professional records one
//! given by a representative rather than by the client. Empty for the client's own consents.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consents {
    Table,
    ProxyName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Consents::Table).add_column(string_null(Consents::ProxyName)).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Consents::Table).drop_column(Consents::ProxyName).to_owned()).await
    }
}
