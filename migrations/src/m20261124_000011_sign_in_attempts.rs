//! Sign-in attempts, kept so that sign-ins can be throttled per account and per address on every
//! instance alike. Not client data: rows older than a day are removed as new ones come in.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignInAttempts {
    Table,
    Id,
    Username,
    Address,
    Succeeded,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInAttempts::Table)
                    .col(pk_auto(SignInAttempts::Id))
                    .col(string(SignInAttempts::Username))
                    .col(string(SignInAttempts::Address))
                    .col(boolean(SignInAttempts::Succeeded))
                    .col(timestamp_with_time_zone(SignInAttempts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_sign_in_attempts_username", SignInAttempts::Username),
            ("ix_sign_in_attempts_address", SignInAttempts::Address),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(SignInAttempts::Table)
                        .col(column)
                        .col(SignInAttempts::CreatedAt)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SignInAttempts::Table).to_owned()).await
    }
}
