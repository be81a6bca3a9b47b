//! Finding a person's seats of one kind from the index alone. A coordinator pair's board asks
//! which cases its two coordinators sit on *as coordinators*; the index of migration 20 holds each
//! seat's person, status, leave day and case but not its role, so every seat of the pair was read
//! from the table to check the role (1,198 row reads for a pair of a year's cases at a wellbeing
//! area's size, about half of the board's time in the database on SQLite). With the role beside the
//! leave day the question is one index range; every question the old index answered (a person's
//! live seats and their cases) it answers too, so it replaces it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaseMembers {
    Table,
    UserId,
    Status,
    LeftAt,
    TeamRole,
    CaseId,
}

const INDEX: &str = "ix_case_members_user_role";
const REPLACED: &str = "ix_case_members_user_seat";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(CaseMembers::Table)
                    .col(CaseMembers::UserId)
                    .col(CaseMembers::Status)
                    .col(CaseMembers::LeftAt)
                    .col(CaseMembers::TeamRole)
                    .col(CaseMembers::CaseId)
                    .to_owned(),
            )
            .await?;
        manager.drop_index(Index::drop().name(REPLACED).table(CaseMembers::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(REPLACED)
                    .table(CaseMembers::Table)
                    .col(CaseMembers::UserId)
                    .col(CaseMembers::Status)
                    .col(CaseMembers::LeftAt)
                    .col(CaseMembers::CaseId)
                    .to_owned(),
            )
            .await?;
        manager.drop_index(Index::drop().name(INDEX).table(CaseMembers::Table).to_owned()).await
    }
}
