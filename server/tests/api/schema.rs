//! The schema as the migrations leave it, read back from the database's own catalogue: every
//! foreign key is the leading column of an index, so that following it (a case's reviews, a
//! client's cases, a person's seats) never scans the whole table once the tables are a year old.

use crate::helpers::TestApp;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::collections::BTreeSet;

/// `(table, column)` of every foreign key.
async fn foreign_keys(app: &TestApp) -> BTreeSet<(String, String)> {
    let backend = app.db.get_database_backend();
    let mut found = BTreeSet::new();
    match backend {
        DbBackend::Sqlite => {
            for table in sqlite_tables(app).await {
                let sql = format!("SELECT \"from\" FROM pragma_foreign_key_list('{table}')");
                for row in app.db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
                    found.insert((table.clone(), row.try_get_by_index::<String>(0).unwrap()));
                }
            }
        }
        _ => {
            let sql = "SELECT c.conrelid::regclass::text, a.attname::text FROM pg_constraint c \
                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
                       WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace";
            for row in app.db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
                let table: String = row.try_get_by_index(0).unwrap();
                let table = table.rsplit('.').next().unwrap().trim_matches('"').to_string();
                found.insert((table, row.try_get_by_index(1).unwrap()));
            }
        }
    }
    found
}

/// `(table, column)` of the first column of every index and primary key. A partial index does
/// not count: a query may use it only when its own conditions repeat the index's.
async fn leading_index_columns(app: &TestApp) -> BTreeSet<(String, String)> {
    let backend = app.db.get_database_backend();
    let mut found = BTreeSet::new();
    match backend {
        DbBackend::Sqlite => {
            for table in sqlite_tables(app).await {
                let sql = format!(
                    "SELECT ii.name FROM pragma_index_list('{table}') il, pragma_index_info(il.name) ii \
                     WHERE ii.seqno = 0 AND il.partial = 0 UNION SELECT name FROM pragma_table_info('{table}') WHERE pk = 1"
                );
                for row in app.db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
                    found.insert((table.clone(), row.try_get_by_index::<String>(0).unwrap()));
                }
            }
        }
        _ => {
            let sql = "SELECT t.relname::text, a.attname::text FROM pg_index i \
                       JOIN pg_class t ON t.oid = i.indrelid \
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] \
                       WHERE t.relnamespace = current_schema()::regnamespace AND i.indpred IS NULL";
            for row in app.db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
                found.insert((row.try_get_by_index(0).unwrap(), row.try_get_by_index(1).unwrap()));
            }
        }
    }
    found
}

async fn sqlite_tables(app: &TestApp) -> Vec<String> {
    let sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    let rows = app.db.query_all_raw(Statement::from_string(DbBackend::Sqlite, sql)).await.unwrap();
    rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_foreign_key_leads_an_index() {
    let app = TestApp::spawn().await;
    let keys = foreign_keys(&app).await;
    assert!(keys.contains(&("case_members".to_string(), "case_id".to_string())), "the catalogue is read: {keys:?}");
    let indexed = leading_index_columns(&app).await;
    assert!(indexed.contains(&("cases".to_string(), "id".to_string())), "primary keys count: {indexed:?}");
    let missing: Vec<_> = keys.difference(&indexed).collect();
    assert!(missing.is_empty(), "foreign keys no index starts with: {missing:#?}");
}

/// The newest migration undone and done again on a database in use, as a server's start runs it
/// (`server::prepare`: the migrations, then placing every case without a stored place): what it
/// adds is filled from the data already there (here, each case's place with its card's date,
/// which only the placing rules can work out, so the migration empties the places for the start
/// to store again).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_newest_migration_fills_its_table_from_the_data_there() {
    use migrations::{Migrator, MigratorTrait};
    let app = TestApp::spawn().await;
    Migrator::down(&app.db, Some(1)).await.unwrap();
    assert!(!server::prepare(&app.db, false).await.unwrap(), "no demo data is added again");
    app.assert_places_are_current().await;
}
