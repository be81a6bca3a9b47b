//! Where each case stands on the process map, stored. A case's step and the day it becomes late
//! follow from its stage, team, latest plan, reviews and assessment clock; placing every case of
//! a wellbeing area from those facts on each refresh of the map took seconds. Each change of those
//! facts now stores the case's place in the same transaction (`app::store::placement`), so the
//! map's counts are one grouped query. The server places the cases that have no row yet when it
//! starts, so an existing database fills this table on its first start after this migration.

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
enum CasePlaces {
    Table,
    CaseId,
    Step,
    LateFrom,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CasePlaces::Table)
                    .col(integer(CasePlaces::CaseId).primary_key())
                    .col(string(CasePlaces::Step))
                    .col(date_null(CasePlaces::LateFrom))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CasePlaces::Table, CasePlaces::CaseId)
                            .to(Cases::Table, Cases::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The counts of the whole area read this index alone.
        manager
            .create_index(
                Index::create()
                    .name("ix_case_places_step_late_from")
                    .table(CasePlaces::Table)
                    .col(CasePlaces::Step)
                    .col(CasePlaces::LateFrom)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CasePlaces::Table).to_owned()).await
    }
}
