//! Names searched in the database. The audit reviewer finds log entries by part of a client's or
//! an accessor's name, without regard to case, Å, Ä and Ö included; neither SQLite's nor (under
//! the C collation) PostgreSQL's `lower` folds those, so each name is stored once more, folded
//! when it is written (`search_name`, kept in step by the entities of `app`), and the search
//! matches that column in the database instead of reading every name into the server.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(table, the text its search name is folded from)`. The fold is Rust's `to_lowercase`, as
/// `app::domain::audit_search::search_key` folds on every write since.
const TABLES: [(&str, &str); 2] = [("clients", "name"), ("users", "username || char(10) || display_name")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        for (table, source) in TABLES {
            db.execute_unprepared(&format!("ALTER TABLE {table} ADD COLUMN search_name text NOT NULL DEFAULT ''"))
                .await?;
            // PostgreSQL writes a newline as chr(10); SQLite as char(10).
            let source = match backend {
                sea_orm_migration::sea_orm::DbBackend::Postgres => source.replace("char(10)", "chr(10)"),
                _ => source.to_string(),
            };
            let rows = db
                .query_all_raw(Statement::from_string(backend, format!("SELECT id, {source} AS text FROM {table}")))
                .await?;
            for row in rows {
                let id: i32 = row.try_get("", "id")?;
                let text: String = row.try_get("", "text")?;
                db.execute_raw(Statement::from_sql_and_values(
                    backend,
                    match backend {
                        sea_orm_migration::sea_orm::DbBackend::Postgres => {
                            format!("UPDATE {table} SET search_name = $1 WHERE id = $2")
                        }
                        _ => format!("UPDATE {table} SET search_name = ? WHERE id = ?"),
                    },
                    [text.to_lowercase().into(), id.into()],
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, _) in TABLES {
            manager
                .get_connection()
                .execute_unprepared(&format!("ALTER TABLE {table} DROP COLUMN search_name"))
                .await?;
        }
        Ok(())
    }
}
