//! Closures: the summary and the handover or continuation note written when a case closes.
//! Kept as written (append-only), so a reopened case still shows how it closed before.

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
enum CaseClosures {
    Table,
    Id,
    CaseId,
    Summary,
    Continuation,
    ClosedByUserId,
    Sector,
    ClosedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CaseClosures::Table)
                    .col(pk_auto(CaseClosures::Id))
                    .col(integer(CaseClosures::CaseId))
                    .col(text(CaseClosures::Summary))
                    .col(text(CaseClosures::Continuation))
                    .col(integer(CaseClosures::ClosedByUserId))
                    .col(string(CaseClosures::Sector))
                    .col(timestamp_with_time_zone(CaseClosures::ClosedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseClosures::Table, CaseClosures::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseClosures::Table, CaseClosures::ClosedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "case_closures").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unprotect(manager, "case_closures").await?;
        manager.drop_table(Table::drop().table(CaseClosures::Table).to_owned()).await?;
        Ok(())
    }
}
