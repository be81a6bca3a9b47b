//! Access at every exit: a person may take a seat on a team again after they left it or the client
//! declined them (the unique index covers live seats only, where it used to cover every seat
//! ever held); a client has one open case at a time; and the coordinator pair is told each time
//! someone opens one of the client's registers by law (a notification kind that names the
//! recorded legal basis).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The notification kinds and what each must carry.
const KINDS: &str = "(kind = 'overdue' AND due_on IS NOT NULL) OR (kind = 'mentioned' AND comment_id IS NOT NULL AND due_on IS NULL) \
     OR (kind = 'assigned' AND due_on IS NULL) OR (kind = 'legal_basis' AND legal_access_id IS NOT NULL AND due_on IS NULL)";

/// The column that names the legal basis a `legal_basis` notice is about.
const LEGAL_COLUMN: &str = "legal_access_id integer NULL REFERENCES legal_accesses (id)";

const KINDS_BEFORE: &str =
    "(kind = 'overdue' AND due_on IS NOT NULL) OR (kind = 'mentioned' AND comment_id IS NOT NULL AND due_on IS NULL) \
     OR (kind = 'assigned' AND due_on IS NULL)";

/// SQLite changes a CHECK constraint only by building the table again: the table as it is
/// stored, with the other constraint, under a new name; the rows; the old one dropped, the new
/// one renamed, its indexes again.
async fn rebuild_sqlite_notifications(
    manager: &SchemaManager<'_>,
    from: &str,
    to: &str,
    drop_legal: bool,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let stored = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notifications'",
        ))
        .await?
        .ok_or_else(|| DbErr::Migration("the notifications table is missing".into()))?;
    let sql: String = stored.try_get("", "sql")?;
    if !sql.contains(from) {
        return Err(DbErr::Migration(format!("the notifications table's check is not the one expected: {sql}")));
    }
    let mut create = sql.replace(from, to).replacen("notifications", "notifications_new", 1);
    let mut columns =
        "id, user_id, kind, case_id, card, actor_user_id, comment_id, due_on, created_at, read_at, legal_access_id";
    if drop_legal {
        create = create.replace(LEGAL_COLUMN, "");
        columns = columns.trim_end_matches(", legal_access_id");
    }
    let copy = format!("INSERT INTO notifications_new ({columns}) SELECT {columns} FROM notifications");
    for sql in [
        create.as_str(),
        copy.as_str(),
        "DROP TABLE notifications",
        "ALTER TABLE notifications_new RENAME TO notifications",
        "CREATE UNIQUE INDEX ux_notifications_overdue ON notifications (user_id, kind, card, due_on)",
        "CREATE INDEX ix_notifications_user ON notifications (user_id, id)",
    ] {
        db.execute_unprepared(sql).await?;
    }
    if !drop_legal {
        db.execute_unprepared("CREATE INDEX ix_notifications_case_user ON notifications (case_id, user_id)").await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for sql in [
            "DROP INDEX ux_case_members_case_user",
            "CREATE UNIQUE INDEX ux_case_members_live_seat ON case_members (case_id, user_id) WHERE left_at IS NULL AND status <> 'declined'",
            "CREATE UNIQUE INDEX ux_cases_open_per_client ON cases (client_id) WHERE stage <> 'closed'",
        ] {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared(&format!("ALTER TABLE notifications ADD COLUMN {LEGAL_COLUMN}")).await?;
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                for sql in [
                    "ALTER TABLE notifications DROP CONSTRAINT ck_notifications_kind".to_string(),
                    format!("ALTER TABLE notifications ADD CONSTRAINT ck_notifications_kind CHECK ({KINDS})"),
                    "CREATE INDEX ix_notifications_case_user ON notifications (case_id, user_id)".to_string(),
                ] {
                    db.execute_unprepared(&sql).await?;
                }
            }
            _ => rebuild_sqlite_notifications(manager, KINDS_BEFORE, KINDS, false).await?,
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DELETE FROM notifications WHERE kind = 'legal_basis'").await?;
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                for sql in [
                    "ALTER TABLE notifications DROP CONSTRAINT ck_notifications_kind".to_string(),
                    format!("ALTER TABLE notifications ADD CONSTRAINT ck_notifications_kind CHECK ({KINDS_BEFORE})"),
                    "DROP INDEX ix_notifications_case_user".to_string(),
                    "ALTER TABLE notifications DROP COLUMN legal_access_id".to_string(),
                ] {
                    db.execute_unprepared(&sql).await?;
                }
            }
            _ => rebuild_sqlite_notifications(manager, KINDS, KINDS_BEFORE, true).await?,
        }
        for sql in [
            "DROP INDEX ux_cases_open_per_client",
            "DROP INDEX ux_case_members_live_seat",
            "CREATE UNIQUE INDEX ux_case_members_case_user ON case_members (case_id, user_id)",
        ] {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
