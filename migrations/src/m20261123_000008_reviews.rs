//! Follow-up reviews of the client plan: every goal scored, the client's own score beside the
//! professionals', and the next review date. Kept as recorded (append-only).

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
enum PlanReviews {
    Table,
    Id,
    CaseId,
    PlanVersion,
    Content,
    ReviewedByUserId,
    Sector,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PlanReviews::Table)
                    .col(pk_auto(PlanReviews::Id))
                    .col(integer(PlanReviews::CaseId))
                    .col(integer(PlanReviews::PlanVersion))
                    .col(text(PlanReviews::Content))
                    .col(integer(PlanReviews::ReviewedByUserId))
                    .col(string(PlanReviews::Sector))
                    .col(timestamp_with_time_zone(PlanReviews::CreatedAt))
                    .foreign_key(
                        ForeignKey::create().from(PlanReviews::Table, PlanReviews::CaseId).to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlanReviews::Table, PlanReviews::ReviewedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "plan_reviews").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unprotect(manager, "plan_reviews").await?;
        manager.drop_table(Table::drop().table(PlanReviews::Table).to_owned()).await?;
        Ok(())
    }
}
