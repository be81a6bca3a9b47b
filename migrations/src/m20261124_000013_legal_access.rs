//! Legal bases recorded to read the other register without consent: who, for which case and
//! register, on which ground of the fixed list, why, and until when. Append-only: a basis lapses
//! by its time, and the record of it stays.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LegalAccesses {
    Table,
    Id,
    CaseId,
    UserId,
    Register,
    Basis,
    Reason,
    CreatedAt,
    ValidUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LegalAccesses::Table)
                    .col(pk_auto(LegalAccesses::Id))
                    .col(integer(LegalAccesses::CaseId))
                    .col(integer(LegalAccesses::UserId))
                    .col(string(LegalAccesses::Register))
                    .col(string(LegalAccesses::Basis))
                    .col(text(LegalAccesses::Reason))
                    .col(timestamp_with_time_zone(LegalAccesses::CreatedAt))
                    .col(timestamp_with_time_zone(LegalAccesses::ValidUntil))
                    .check(("ck_legal_accesses_register", Expr::cust("register IN ('social', 'health')")))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalAccesses::Table, LegalAccesses::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalAccesses::Table, LegalAccesses::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_legal_accesses_case_user")
                    .table(LegalAccesses::Table)
                    .col(LegalAccesses::CaseId)
                    .col(LegalAccesses::UserId)
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "legal_accesses").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unprotect(manager, "legal_accesses").await?;
        manager.drop_table(Table::drop().table(LegalAccesses::Table).to_owned()).await
    }
}
