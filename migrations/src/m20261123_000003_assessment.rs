//! The service-need assessment: one row per version (the open draft included), and the views
//! people write into it in their own words. A completed version and every view are kept as
//! written: the database refuses to change them. Cases remember the first contact, which starts
//! the assessment's legal clock.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
    FirstContactAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Assessments {
    Table,
    Id,
    CaseId,
    Version,
    Status,
    Content,
    Revision,
    StartedAt,
    StartedByUserId,
    UpdatedAt,
    UpdatedByUserId,
    CompletedAt,
    CompletedByUserId,
    Sector,
}

#[derive(DeriveIden)]
enum AssessmentViews {
    Table,
    Id,
    CaseId,
    AuthorUserId,
    Author,
    Text,
    Sector,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Cases::Table)
                    .add_column(timestamp_with_time_zone_null(Cases::FirstContactAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Assessments::Table)
                    .col(pk_auto(Assessments::Id))
                    .col(integer(Assessments::CaseId))
                    .col(integer(Assessments::Version))
                    .col(string(Assessments::Status))
                    .col(text(Assessments::Content))
                    .col(integer(Assessments::Revision))
                    .col(timestamp_with_time_zone(Assessments::StartedAt))
                    .col(integer(Assessments::StartedByUserId))
                    .col(timestamp_with_time_zone(Assessments::UpdatedAt))
                    .col(integer(Assessments::UpdatedByUserId))
                    .col(timestamp_with_time_zone_null(Assessments::CompletedAt))
                    .col(integer_null(Assessments::CompletedByUserId))
                    .col(string(Assessments::Sector))
                    .foreign_key(
                        ForeignKey::create().from(Assessments::Table, Assessments::CaseId).to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Assessments::Table, Assessments::StartedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One row per version number: two coordinators starting at once cannot both open a draft.
        manager
            .create_index(
                Index::create()
                    .name("ux_assessments_case_version")
                    .table(Assessments::Table)
                    .col(Assessments::CaseId)
                    .col(Assessments::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AssessmentViews::Table)
                    .col(pk_auto(AssessmentViews::Id))
                    .col(integer(AssessmentViews::CaseId))
                    .col(integer(AssessmentViews::AuthorUserId))
                    .col(string(AssessmentViews::Author))
                    .col(text(AssessmentViews::Text))
                    .col(string(AssessmentViews::Sector))
                    .col(timestamp_with_time_zone(AssessmentViews::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AssessmentViews::Table, AssessmentViews::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AssessmentViews::Table, AssessmentViews::AuthorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_assessment_views_case")
                    .table(AssessmentViews::Table)
                    .col(AssessmentViews::CaseId)
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                for op in ["update", "delete"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER assessments_completed_no_{op} BEFORE {op} ON assessments \
                         WHEN OLD.status = 'completed' \
                         BEGIN SELECT RAISE(ABORT, 'a completed assessment is read-only'); END;"
                    ))
                    .await?;
                }
            }
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION polku_completed_read_only() RETURNS trigger AS $$ \
                     BEGIN IF OLD.status = 'completed' THEN \
                     RAISE EXCEPTION 'a completed assessment is read-only'; END IF; \
                     IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END; \
                     $$ LANGUAGE plpgsql;",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER assessments_completed_read_only BEFORE UPDATE OR DELETE ON assessments \
                     FOR EACH ROW EXECUTE FUNCTION polku_completed_read_only();",
                )
                .await?;
            }
            other => return Err(DbErr::Migration(format!("unsupported database {other:?}"))),
        }
        crate::append_only::protect(manager, "assessment_views").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("DROP TRIGGER IF EXISTS assessments_completed_read_only ON assessments;").await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS polku_completed_read_only();").await?;
        }
        crate::append_only::unprotect(manager, "assessment_views").await?;
        manager.drop_table(Table::drop().table(AssessmentViews::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Assessments::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Cases::Table).drop_column(Cases::FirstContactAt).to_owned()).await?;
        Ok(())
    }
}
