//! Finding a case's team by the case. The only index that began with `case_members.case_id` was
//! the partial unique index of live seats, which a query may use only when its own conditions
//! repeat the index's (`status <> 'declined'`): the team queries, which ask for accepted seats,
//! scanned all of `case_members` instead (400,000 rows and 35 ms per case at a wellbeing area's
//! size, several times per page). A plain index on the column serves them all.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaseMembers {
    Table,
    CaseId,
}

const INDEX: &str = "ix_case_members_case";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(Index::create().name(INDEX).table(CaseMembers::Table).col(CaseMembers::CaseId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(INDEX).table(CaseMembers::Table).to_owned()).await
    }
}
