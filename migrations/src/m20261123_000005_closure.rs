//! Closures: the summary and the handover or continuation note written when a case closes.
//! Kept as written (append-only), so a reopened case still shows how it closed before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases { Table, Id }

#[derive(DeriveIden)]
enum Users { Table, Id }

#[derive(DeriveIden)]
enum CaseClosures { Table, Id, CaseId, Summary, Continuation, ClosedByUserId, Sector, ClosedAt }

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CaseClosures::Table)
                    .col(pk_auto(CaseClosures::Id))
                    .col(integer(CaseClosures::CaseId))
                    .col(text(CaseClosures::Summary))
                    .col(text(CaseClosures::Continuation))
                    .col(integer(CaseClosures::ClosedByUserId))
                    .col(string(CaseClosures::Sector))
                    .col(timestamp_with_time_zone(CaseClosures::ClosedAt))
                    .foreign_key(ForeignKey::create().from(CaseClosures::Table, CaseClosures::CaseId).to(Cases::Table, Cases::Id))
                    .foreign_key(
                        ForeignKey::create().from(CaseClosures::Table, CaseClosures::ClosedByUserId).to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                for op in ["update", "delete"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER case_closures_no_{op} BEFORE {op} ON case_closures \
                         BEGIN SELECT RAISE(ABORT, 'case_closures is append-only'); END;"
                    ))
                    .await?;
                }
            }
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE TRIGGER case_closures_append_only BEFORE UPDATE OR DELETE ON case_closures \
                     FOR EACH ROW EXECUTE FUNCTION polku_append_only();",
                )
                .await?;
            }
            other => return Err(DbErr::Migration(format!("unsupported database {other:?}"))),
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_unprepared("DROP TRIGGER IF EXISTS case_closures_append_only ON case_closures;").await?;
        }
        manager.drop_table(Table::drop().table(CaseClosures::Table).to_owned()).await?;
        Ok(())
    }
}
