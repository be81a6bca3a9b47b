//! The process map's organisation scope, counted from one index. An organisation's cases are
//! those where one of its staff holds a seat now; at a wellbeing area's size that is most of the
//! area's 120,000 cases, found through 400,000 seats on every refresh of the map (about 100 ms
//! on SQLite, 500 ms on PostgreSQL). Each case's place is now also stored once for every
//! organisation seated on it, by `app::store::placement` in the transaction that changes the case's
//! place or team, so an organisation's counts read its range of one index, as the whole area's
//! counts read `ix_case_places_step_late_from`. The rows of the cases placed before this migration
//! are filled here from the seats and the stored places.

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
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CasePlaceOrganisations {
    Table,
    CaseId,
    OrganisationId,
    Step,
    LateFrom,
}

/// Every organisation seated on a placed case now (an accepted seat not left), with the place.
const FILL: &str = "INSERT INTO case_place_organisations (case_id, organisation_id, step, late_from) \
    SELECT DISTINCT p.case_id, s.organisation_id, p.step, p.late_from \
    FROM case_places p \
    JOIN case_members m ON m.case_id = p.case_id AND m.status = 'accepted' AND m.left_at IS NULL \
    JOIN staff_profiles s ON s.user_id = m.user_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CasePlaceOrganisations::Table)
                    .col(integer(CasePlaceOrganisations::CaseId))
                    .col(integer(CasePlaceOrganisations::OrganisationId))
                    .col(string(CasePlaceOrganisations::Step))
                    .col(date_null(CasePlaceOrganisations::LateFrom))
                    .primary_key(
                        Index::create().col(CasePlaceOrganisations::CaseId).col(CasePlaceOrganisations::OrganisationId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CasePlaceOrganisations::Table, CasePlaceOrganisations::CaseId)
                            .to(Cases::Table, Cases::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CasePlaceOrganisations::Table, CasePlaceOrganisations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // An organisation's counts read this index alone.
        manager
            .create_index(
                Index::create()
                    .name("ix_case_place_organisations_counts")
                    .table(CasePlaceOrganisations::Table)
                    .col(CasePlaceOrganisations::OrganisationId)
                    .col(CasePlaceOrganisations::Step)
                    .col(CasePlaceOrganisations::LateFrom)
                    .to_owned(),
            )
            .await?;
        manager.get_connection().execute_unprepared(FILL).await.map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CasePlaceOrganisations::Table).to_owned()).await
    }
}
