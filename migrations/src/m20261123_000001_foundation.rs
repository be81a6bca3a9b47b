//! The foundation: people, organisations, cases and their teams, case history, the audit log and
//! sessions. Enumerations are stored as text so that both databases read them alike.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    Sector,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    PasswordHash,
    DisplayName,
    Role,
    PreferredLanguage,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffProfiles {
    Table,
    UserId,
    Profession,
    Sector,
    OrganisationId,
    Phone,
    Email,
    ContactHours,
}

#[derive(DeriveIden)]
enum Clients {
    Table,
    Id,
    UserId,
    Name,
    DateOfBirth,
    Municipality,
    Address,
    PreferredLanguage,
    NonDisclosure,
    Sector,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RelativeLinks {
    Table,
    Id,
    RelativeUserId,
    ClientId,
    Relationship,
    CanView,
    CanWrite,
    GrantedAt,
    ValidUntil,
    RevokedAt,
    Sector,
}

#[derive(DeriveIden)]
enum CoordinatorPairs {
    Table,
    Id,
    Name,
    SocialUserId,
    HealthUserId,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
    ClientId,
    Stage,
    Sector,
    OpenedAt,
    UpdatedAt,
    ClosedAt,
    Version,
}

#[derive(DeriveIden)]
enum CaseMembers {
    Table,
    Id,
    CaseId,
    UserId,
    TeamRole,
    JoinedAt,
    Sector,
}

#[derive(DeriveIden)]
enum CaseEvents {
    Table,
    Id,
    CaseId,
    ActorUserId,
    Detail,
    Sector,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorUserId,
    ActorRole,
    ActorOrganisationId,
    ClientId,
    CaseId,
    Resource,
    Action,
    Basis,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

fn fk(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table, from_col)
        .to(to_table, to_col)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

/// Tables whose rows may only ever be added.
const APPEND_ONLY: [&str; 2] = ["audit_log", "case_events"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(pk_auto(Organisations::Id))
                    .col(string_uniq(Organisations::Name))
                    .col(string(Organisations::Sector))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_auto(Users::Id))
                    .col(string_uniq(Users::Username))
                    .col(string(Users::PasswordHash))
                    .col(string(Users::DisplayName))
                    .col(string(Users::Role))
                    .col(string(Users::PreferredLanguage))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffProfiles::Table)
                    .col(integer(StaffProfiles::UserId).primary_key())
                    .col(string(StaffProfiles::Profession))
                    .col(string(StaffProfiles::Sector))
                    .col(integer(StaffProfiles::OrganisationId))
                    .col(string_null(StaffProfiles::Phone))
                    .col(string_null(StaffProfiles::Email))
                    .col(string_null(StaffProfiles::ContactHours))
                    .foreign_key(&mut fk(StaffProfiles::Table, StaffProfiles::UserId, Users::Table, Users::Id))
                    .foreign_key(&mut fk(
                        StaffProfiles::Table,
                        StaffProfiles::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Clients::Table)
                    .col(pk_auto(Clients::Id))
                    .col(integer_null(Clients::UserId).unique_key())
                    .col(string(Clients::Name))
                    .col(date(Clients::DateOfBirth))
                    .col(string(Clients::Municipality))
                    .col(string_null(Clients::Address))
                    .col(string(Clients::PreferredLanguage))
                    .col(boolean(Clients::NonDisclosure))
                    .col(string(Clients::Sector))
                    .col(timestamp_with_time_zone(Clients::CreatedAt))
                    .foreign_key(&mut fk(Clients::Table, Clients::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RelativeLinks::Table)
                    .col(pk_auto(RelativeLinks::Id))
                    .col(integer(RelativeLinks::RelativeUserId))
                    .col(integer(RelativeLinks::ClientId))
                    .col(string(RelativeLinks::Relationship))
                    .col(boolean(RelativeLinks::CanView))
                    .col(boolean(RelativeLinks::CanWrite))
                    .col(timestamp_with_time_zone(RelativeLinks::GrantedAt))
                    .col(timestamp_with_time_zone_null(RelativeLinks::ValidUntil))
                    .col(timestamp_with_time_zone_null(RelativeLinks::RevokedAt))
                    .col(string(RelativeLinks::Sector))
                    .foreign_key(&mut fk(RelativeLinks::Table, RelativeLinks::RelativeUserId, Users::Table, Users::Id))
                    .foreign_key(&mut fk(RelativeLinks::Table, RelativeLinks::ClientId, Clients::Table, Clients::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CoordinatorPairs::Table)
                    .col(pk_auto(CoordinatorPairs::Id))
                    .col(string_uniq(CoordinatorPairs::Name))
                    .col(integer(CoordinatorPairs::SocialUserId))
                    .col(integer(CoordinatorPairs::HealthUserId))
                    .foreign_key(&mut fk(
                        CoordinatorPairs::Table,
                        CoordinatorPairs::SocialUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        CoordinatorPairs::Table,
                        CoordinatorPairs::HealthUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Cases::Table)
                    .col(pk_auto(Cases::Id))
                    .col(integer(Cases::ClientId))
                    .col(string(Cases::Stage))
                    .col(string(Cases::Sector))
                    .col(timestamp_with_time_zone(Cases::OpenedAt))
                    .col(timestamp_with_time_zone(Cases::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Cases::ClosedAt))
                    .col(integer(Cases::Version).default(1))
                    .foreign_key(&mut fk(Cases::Table, Cases::ClientId, Clients::Table, Clients::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CaseMembers::Table)
                    .col(pk_auto(CaseMembers::Id))
                    .col(integer(CaseMembers::CaseId))
                    .col(integer(CaseMembers::UserId))
                    .col(string(CaseMembers::TeamRole))
                    .col(timestamp_with_time_zone(CaseMembers::JoinedAt))
                    .col(string(CaseMembers::Sector))
                    .foreign_key(&mut fk(CaseMembers::Table, CaseMembers::CaseId, Cases::Table, Cases::Id))
                    .foreign_key(&mut fk(CaseMembers::Table, CaseMembers::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CaseEvents::Table)
                    .col(pk_auto(CaseEvents::Id))
                    .col(integer(CaseEvents::CaseId))
                    .col(integer_null(CaseEvents::ActorUserId))
                    .col(text(CaseEvents::Detail))
                    .col(string(CaseEvents::Sector))
                    .col(timestamp_with_time_zone(CaseEvents::CreatedAt))
                    .foreign_key(&mut fk(CaseEvents::Table, CaseEvents::CaseId, Cases::Table, Cases::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(integer(AuditLog::ActorUserId))
                    .col(string(AuditLog::ActorRole))
                    .col(integer_null(AuditLog::ActorOrganisationId))
                    .col(integer_null(AuditLog::ClientId))
                    .col(integer_null(AuditLog::CaseId))
                    .col(string(AuditLog::Resource))
                    .col(string(AuditLog::Action))
                    .col(string(AuditLog::Basis))
                    .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(string(Sessions::Id).primary_key())
                    .col(integer(Sessions::UserId))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .foreign_key(&mut fk(Sessions::Table, Sessions::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;

        for (name, table, cols) in [
            (
                "ux_case_members_case_user",
                CaseMembers::Table.into_iden(),
                vec![CaseMembers::CaseId.into_iden(), CaseMembers::UserId.into_iden()],
            ),
            (
                "ux_relative_links_pair",
                RelativeLinks::Table.into_iden(),
                vec![RelativeLinks::RelativeUserId.into_iden(), RelativeLinks::ClientId.into_iden()],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(table).unique();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        for (name, table, col) in [
            ("ix_case_members_user", CaseMembers::Table.into_iden(), CaseMembers::UserId.into_iden()),
            ("ix_cases_client", Cases::Table.into_iden(), Cases::ClientId.into_iden()),
            ("ix_case_events_case", CaseEvents::Table.into_iden(), CaseEvents::CaseId.into_iden()),
            ("ix_audit_log_client", AuditLog::Table.into_iden(), AuditLog::ClientId.into_iden()),
            ("ix_audit_log_actor", AuditLog::Table.into_iden(), AuditLog::ActorUserId.into_iden()),
            ("ix_sessions_user", Sessions::Table.into_iden(), Sessions::UserId.into_iden()),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(col).to_owned()).await?;
        }

        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "CREATE FUNCTION polku_append_only() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; \
                     $$ LANGUAGE plpgsql;",
                )
                .await?;
        }
        for table in APPEND_ONLY {
            crate::append_only::protect(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in APPEND_ONLY {
            crate::append_only::unprotect(manager, table).await?;
        }
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_unprepared("DROP FUNCTION IF EXISTS polku_append_only();").await?;
        }
        for table in [
            Sessions::Table.into_iden(),
            AuditLog::Table.into_iden(),
            CaseEvents::Table.into_iden(),
            CaseMembers::Table.into_iden(),
            Cases::Table.into_iden(),
            CoordinatorPairs::Table.into_iden(),
            RelativeLinks::Table.into_iden(),
            Clients::Table.into_iden(),
            StaffProfiles::Table.into_iden(),
            Users::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
