//! The client's own team: members are proposed by the coordinator pair and accepted or declined
//! by the client, and leave without their seat being erased, so the history of who was on the
//! team stays. Seats that existed before are accepted.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaseMembers {
    Table,
    Status,
    ProposedByUserId,
    AnsweredAt,
    LeftAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            string(CaseMembers::Status).default("accepted").to_owned(),
            integer_null(CaseMembers::ProposedByUserId).to_owned(),
            timestamp_with_time_zone_null(CaseMembers::AnsweredAt).to_owned(),
            timestamp_with_time_zone_null(CaseMembers::LeftAt).to_owned(),
        ] {
            manager.alter_table(Table::alter().table(CaseMembers::Table).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [CaseMembers::LeftAt, CaseMembers::AnsweredAt, CaseMembers::ProposedByUserId, CaseMembers::Status]
        {
            manager.alter_table(Table::alter().table(CaseMembers::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
