//! The client plan: every saved change is a new row, so any two versions can be compared and
//! nothing once written is lost. Append-only; one row per version number, so two people saving
//! at once cannot both make the same version.

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
enum PlanVersions {
    Table,
    Id,
    CaseId,
    Version,
    Content,
    Editor,
    CreatedByUserId,
    Sector,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PlanVersions::Table)
                    .col(pk_auto(PlanVersions::Id))
                    .col(integer(PlanVersions::CaseId))
                    .col(integer(PlanVersions::Version))
                    .col(text(PlanVersions::Content))
                    .col(string(PlanVersions::Editor))
                    .col(integer(PlanVersions::CreatedByUserId))
                    .col(string(PlanVersions::Sector))
                    .col(timestamp_with_time_zone(PlanVersions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlanVersions::Table, PlanVersions::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlanVersions::Table, PlanVersions::CreatedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_plan_versions_case_version")
                    .table(PlanVersions::Table)
                    .col(PlanVersions::CaseId)
                    .col(PlanVersions::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "plan_versions").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unprotect(manager, "plan_versions").await?;
        manager.drop_table(Table::drop().table(PlanVersions::Table).to_owned()).await?;
        Ok(())
    }
}
