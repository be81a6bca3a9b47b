//! Append-only tables: the database itself refuses `UPDATE` and `DELETE`, on SQLite with two
//! triggers that abort, on PostgreSQL with a trigger calling `polku_append_only()` (created by the
//! foundation migration).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// Makes `table` append-only.
pub async fn protect(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match manager.get_database_backend() {
        DbBackend::Sqlite => {
            for op in ["update", "delete"] {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_no_{op} BEFORE {op} ON {table} \
                     BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"
                ))
                .await?;
            }
        }
        DbBackend::Postgres => {
            db.execute_unprepared(&format!(
                "CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} \
                 FOR EACH ROW EXECUTE FUNCTION polku_append_only();"
            ))
            .await?;
        }
        other => return Err(DbErr::Migration(format!("unsupported database {other:?}"))),
    }
    Ok(())
}

/// Removes what `protect` added (PostgreSQL; SQLite drops triggers with their table).
pub async fn unprotect(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if manager.get_database_backend() == DbBackend::Postgres {
        manager
            .get_connection()
            .execute_unprepared(&format!("DROP TRIGGER IF EXISTS {table}_append_only ON {table};"))
            .await?;
    }
    Ok(())
}
