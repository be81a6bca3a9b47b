//! Identification: concerns raised by anyone, and the coordinators' screening decisions on them.
//! Clients also record whether they receive the highest care allowance, which starts the
//! assessment's 7-working-day clock.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Clients {
    Table,
    HighestCareAllowance,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Concerns {
    Table,
    Id,
    ClientId,
    RaisedByUserId,
    RaisedAs,
    Text,
    LifeAreas,
    Urgent,
    AgreesToProceed,
    AgreesToInvolve,
    Status,
    Sector,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Screenings {
    Table,
    Id,
    ConcernId,
    CoordinatorUserId,
    Coping,
    Risk,
    ServicesInUse,
    RecentContacts,
    LifeAreasWithNeeds,
    ProposedTargetGroup,
    Accepted,
    Reason,
    CaseId,
    Sector,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Clients::Table)
                    .add_column(boolean(Clients::HighestCareAllowance).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Concerns::Table)
                    .col(pk_auto(Concerns::Id))
                    .col(integer(Concerns::ClientId))
                    .col(integer(Concerns::RaisedByUserId))
                    .col(string(Concerns::RaisedAs))
                    .col(text(Concerns::Text))
                    .col(string(Concerns::LifeAreas))
                    .col(boolean(Concerns::Urgent))
                    .col(boolean(Concerns::AgreesToProceed))
                    .col(boolean(Concerns::AgreesToInvolve))
                    .col(string(Concerns::Status))
                    .col(string(Concerns::Sector))
                    .col(timestamp_with_time_zone(Concerns::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Concerns::Table, Concerns::ClientId)
                            .to(Alias::new("clients"), Alias::new("id")),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Concerns::Table, Concerns::RaisedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Screenings::Table)
                    .col(pk_auto(Screenings::Id))
                    .col(integer_uniq(Screenings::ConcernId))
                    .col(integer(Screenings::CoordinatorUserId))
                    .col(string(Screenings::Coping))
                    .col(string(Screenings::Risk))
                    .col(integer(Screenings::ServicesInUse))
                    .col(integer(Screenings::RecentContacts))
                    .col(integer(Screenings::LifeAreasWithNeeds))
                    .col(boolean(Screenings::ProposedTargetGroup))
                    .col(boolean(Screenings::Accepted))
                    .col(text(Screenings::Reason))
                    .col(integer_null(Screenings::CaseId))
                    .col(string(Screenings::Sector))
                    .col(timestamp_with_time_zone(Screenings::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Screenings::Table, Screenings::ConcernId)
                            .to(Concerns::Table, Concerns::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Screenings::Table, Screenings::CoordinatorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create().from(Screenings::Table, Screenings::CaseId).to(Cases::Table, Cases::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_concerns_status").table(Concerns::Table).col(Concerns::Status).to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Screenings::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Concerns::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Clients::Table).drop_column(Clients::HighestCareAllowance).to_owned())
            .await?;
        Ok(())
    }
}
