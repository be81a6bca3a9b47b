//! Finding the cases where people hold a seat now, from the seats alone. The process map's
//! organisation scope and every "my cases" list select `case_id` from the seats of some people
//! that are accepted and not left; with an index on `user_id` only, each seat found was then read
//! from the table to check its status, leave day and case (40,000 row reads for a large
//! organisation at a wellbeing area's size). This index holds all four, so the database answers
//! from the index; it also leads with `user_id`, so it replaces the index on that column alone.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaseMembers {
    Table,
    UserId,
    Status,
    LeftAt,
    CaseId,
}

const INDEX: &str = "ix_case_members_user_seat";
const REPLACED: &str = "ix_case_members_user";

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
                    .col(CaseMembers::CaseId)
                    .to_owned(),
            )
            .await?;
        manager.drop_index(Index::drop().name(REPLACED).table(CaseMembers::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(Index::create().name(REPLACED).table(CaseMembers::Table).col(CaseMembers::UserId).to_owned())
            .await?;
        manager.drop_index(Index::drop().name(INDEX).table(CaseMembers::Table).to_owned()).await
    }
}
