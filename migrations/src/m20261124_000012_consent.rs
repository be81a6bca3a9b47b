//! Consent and the registers' own records. A consent is written once (`consents`: whose, given by
//! whom and how) and everything that happens to it afterwards is a row of `consent_events`
//! (given, narrowed, withdrawn, each with the terms from then on), so its whole history stays as
//! it was. Records (`record_entries`) are what a professional writes into their own register about
//! a client on the team; each carries its sector, and one hidden from the client carries the
//! reason. All three tables are append-only.

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
enum Clients {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Consents {
    Table,
    Id,
    ClientId,
    GivenBy,
    Method,
    RecordedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ConsentEvents {
    Table,
    Id,
    ConsentId,
    Kind,
    Terms,
    ActorUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RecordEntries {
    Table,
    Id,
    CaseId,
    Sector,
    AuthorUserId,
    Text,
    HiddenReason,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Consents::Table)
                    .col(pk_auto(Consents::Id))
                    .col(integer(Consents::ClientId))
                    .col(string(Consents::GivenBy))
                    .col(string(Consents::Method))
                    .col(integer(Consents::RecordedByUserId))
                    .col(timestamp_with_time_zone(Consents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create().from(Consents::Table, Consents::ClientId).to(Clients::Table, Clients::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Consents::Table, Consents::RecordedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_consents_client").table(Consents::Table).col(Consents::ClientId).to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "consents").await?;

        manager
            .create_table(
                Table::create()
                    .table(ConsentEvents::Table)
                    .col(pk_auto(ConsentEvents::Id))
                    .col(integer(ConsentEvents::ConsentId))
                    .col(string(ConsentEvents::Kind))
                    .col(text(ConsentEvents::Terms))
                    .col(integer(ConsentEvents::ActorUserId))
                    .col(timestamp_with_time_zone(ConsentEvents::CreatedAt))
                    .check(("ck_consent_events_kind", Expr::cust("kind IN ('given', 'narrowed', 'withdrawn')")))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsentEvents::Table, ConsentEvents::ConsentId)
                            .to(Consents::Table, Consents::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsentEvents::Table, ConsentEvents::ActorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consent_events_consent")
                    .table(ConsentEvents::Table)
                    .col(ConsentEvents::ConsentId)
                    .col(ConsentEvents::Id)
                    .to_owned(),
            )
            .await?;
        // A consent is withdrawn once: two withdrawals at the same moment cannot both be written.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_consent_events_withdrawn ON consent_events (consent_id) WHERE kind = 'withdrawn'",
            )
            .await?;
        crate::append_only::protect(manager, "consent_events").await?;

        manager
            .create_table(
                Table::create()
                    .table(RecordEntries::Table)
                    .col(pk_auto(RecordEntries::Id))
                    .col(integer(RecordEntries::CaseId))
                    .col(string(RecordEntries::Sector))
                    .col(integer(RecordEntries::AuthorUserId))
                    .col(text(RecordEntries::Text))
                    .col(text_null(RecordEntries::HiddenReason))
                    .col(timestamp_with_time_zone(RecordEntries::CreatedAt))
                    .check(("ck_record_entries_sector", Expr::cust("sector IN ('social', 'health', 'other')")))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecordEntries::Table, RecordEntries::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecordEntries::Table, RecordEntries::AuthorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_record_entries_case")
                    .table(RecordEntries::Table)
                    .col(RecordEntries::CaseId)
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "record_entries").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["record_entries", "consent_events", "consents"] {
            crate::append_only::unprotect(manager, table).await?;
        }
        manager.drop_table(Table::drop().table(RecordEntries::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ConsentEvents::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Consents::Table).to_owned()).await?;
        Ok(())
    }
}
