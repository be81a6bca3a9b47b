//! The Polku HTTP server: configuration from the environment, database connection and
//! migrations, demo data on first start, and the axum router serving pages, server functions
//! and static files. `main.rs` runs it; the integration tests start it on their own port and
//! database.

#![recursion_limit = "256"]

pub mod input;
pub mod language;
pub mod live;
pub mod origin;
pub mod relay;
pub mod scale;
pub mod security;
pub mod seed;

use app::events;
use app::service::{meetings, AppState};
use app::store::{session, Config};
use app::{shell, App};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, AxumRouteListing, LeptosRoutes};
use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Where the data lives when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/polku.db?mode=rwc";

/// How many connections to the database a server holds unless `POLKU_DB_POOL` says otherwise.
pub const DEFAULT_POOL: u32 = 10;

/// How long a change waits for SQLite's write lock before it is refused.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How many rows of a statement's result an SQLite connection's thread may hand over before the
/// request has taken any (sqlx's default is 50).
const SQLITE_ROWS_IN_FLIGHT: usize = 1024;

/// The most connections `POLKU_DB_POOL` may ask for: PostgreSQL's own default limit is 100, shared
/// by every instance.
pub const MAX_POOL: u32 = 100;

/// The pool size `POLKU_DB_POOL` asks for (`None` when it is not set), or what is wrong
/// with it.
pub fn pool_size(raw: Option<&str>) -> Result<u32, String> {
    match raw.map(str::trim) {
        None | Some("") => Ok(DEFAULT_POOL),
        Some(raw) => raw.parse::<u32>().ok().filter(|n| (1..=MAX_POOL).contains(n)).ok_or_else(|| {
            format!("POLKU_DB_POOL is {raw:?}: it must be a whole number of connections from 1 to {MAX_POOL}")
        }),
    }
}

/// Connects to the database with the default pool, creating the SQLite file's folder when needed.
pub async fn connect(url: &str, schema: Option<&str>) -> Result<DatabaseConnection, DbErr> {
    connect_pooled(url, schema, DEFAULT_POOL, None).await
}

/// Connects to the database, holding at most `pool` connections; with `slow_statements`, every
/// statement that takes longer is logged as a warning with its SQL and time.
pub async fn connect_pooled(
    url: &str,
    schema: Option<&str>,
    pool: u32,
    slow_statements: Option<Duration>,
) -> Result<DatabaseConnection, DbErr> {
    if let Some(path) = url.strip_prefix("sqlite://").map(|rest| rest.split('?').next().unwrap_or(rest)) {
        if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
        }
    }
    let mut options = ConnectOptions::new(url.to_string());
    options.connect_timeout(Duration::from_secs(5)).max_connections(pool);
    match slow_statements {
        Some(longer_than) => options
            .sqlx_logging(true)
            .sqlx_logging_level(log::LevelFilter::Trace)
            .sqlx_slow_statements_logging_settings(log::LevelFilter::Warn, longer_than),
        None => options.sqlx_logging(false),
    };
    if url.starts_with("sqlite:") {
        // A write-ahead log: readers on every connection at once, each on its snapshot, beside the
        // one writer, which is never waited for by a read. Transactions that write begin IMMEDIATE
        // (`store::write_txn`) and wait their turn for the write lock up to the busy timeout. A
        // full sync: a commit is one append and one fsync of the log, on disk when it returns.
        // Each connection runs its statements on a thread of its own and hands the rows over a
        // channel; one wide enough for a page's longest result (hundreds of rows) lets a statement
        // run to its end without waiting for the request to take rows out (a thread switch each).
        options.map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .row_buffer_size(SQLITE_ROWS_IN_FLIGHT)
        });
    }
    if let Some(schema) = schema {
        options.set_schema_search_path(schema);
    }
    Database::connect(options).await
}

/// Brings the schema up to date and, on an empty database, adds the demo data.
/// Returns whether demo data was added.
pub async fn prepare(db: &DatabaseConnection, with_demo_data: bool) -> Result<bool, Box<dyn std::error::Error>> {
    // On one connection, all or none: over a pool, SQLite's table rebuilds would run their
    // statements on different connections.
    let migrating = app::store::write_txn::begin(db).await?;
    Migrator::up(&migrating, None).await?;
    migrating.commit().await?;
    let seeded =
        with_demo_data && seed::seed_if_empty(db).await.map_err(|e| format!("seeding demo data failed: {e}"))?;
    // Cases written before their places were stored (a database from an earlier Polku).
    let placed = app::store::placement::place_unplaced(db, chrono::Utc::now())
        .await
        .map_err(|e| format!("placing the cases on the process map failed: {e}"))?;
    if placed > 0 {
        tracing::info!(placed, "placed the cases that had no stored place on the process map");
    }
    Ok(seeded)
}

/// How often the housekeeping runs: overdue notices, old sign-in attempts.
const HOUSEKEEPING: Duration = Duration::from_secs(10 * 60);

/// Now and then every `HOUSEKEEPING`: notifies the owners of overdue actions and forgets sign-in
/// attempts no window counts any more.
fn keep_house(state: &AppState) {
    let (db, bus) = (state.db.clone(), state.events.clone());
    tokio::spawn(async move {
        let mut every = tokio::time::interval(HOUSEKEEPING);
        loop {
            every.tick().await;
            match app::service::board::sweep_overdue(&db, chrono::Utc::now()).await {
                Ok(user_ids) if !user_ids.is_empty() => {
                    events::publish(&bus, events::DomainEvent::Notified { user_ids })
                }
                Ok(_) => {}
                Err(error) => tracing::error!(?error, "the overdue sweep failed"),
            }
            if let Err(error) = app::store::sign_in::forget_old(&db, chrono::Utc::now()).await {
                tracing::error!(?error, "old sign-in attempts could not be forgotten");
            }
        }
    });
}

/// The application's routes, generated once per process. Generating them runs the app with
/// resource loading switched off by a flag that is process-wide (leptos_server's
/// `SuppressResourceLoad`): a page that another router of this process renders meanwhile waits
/// for ever on its first resource (leptos issue 4773). Only tests and a second instance in one
/// process build more than one router, but they must not stall either.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as an axum router.
pub fn router(leptos_options: LeptosOptions, db: DatabaseConnection, config: Config) -> (Router, AppState) {
    let state = AppState {
        leptos_options: leptos_options.clone(),
        reads: app::store::read_log::ReadLog::start(db.clone()),
        db,
        config: Arc::new(config),
        events: events::channel(),
        boards: Default::default(),
        stopping: Default::default(),
    };
    state.boards.spawn(state.db.clone(), state.reads.clone(), &state.events);
    keep_house(&state);
    let routes = routes();

    let fn_state = state.clone();
    let page_context = {
        let state = state.clone();
        move || {
            app::service::state::provide_request_context(&state);
            security::provide_page_nonce();
        }
    };
    // Server functions are each routed by `leptos_routes_with_context`, with the page context;
    // this catches the names of none.
    let router = Router::new()
        .route(
            "/api/{*fn_name}",
            axum::routing::post(move |req| {
                let state = fn_state.clone();
                handle_server_fns_with_context(move || app::service::state::provide_request_context(&state), req)
            }),
        )
        .route("/language", axum::routing::post(language::choose))
        .route("/meetings/{id}/invite.ics", axum::routing::get(meeting_invitation))
        .route("/live", axum::routing::get(live::live))
        .route("/live/board/{board}", axum::routing::get(live::board))
        .leptos_routes_with_context(&state, routes, page_context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(page_context, shell))
        .layer(axum::middleware::from_fn_with_state(state.clone(), input::check))
        .layer(axum::middleware::from_fn_with_state(state.clone(), origin::guard))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state.clone());
    (router, state)
}

/// `GET /meetings/{id}/invite.ics`: a meeting's invitation as an iCalendar file, for someone
/// signed in who may see the case. A plain route, not a server function: calendars and browsers
/// download it with a GET.
async fn meeting_invitation(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i32>,
    request: axum::extract::Request,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use http::header;

    let (parts, _) = request.into_parts();
    let user = match session::cookie_token(&parts) {
        Some(token) => session::user_for_token(&state.db, &token, &state.config).await,
        None => Ok(None),
    };
    let result = match user {
        Ok(Some(user)) => meetings::invitation(&state.db, &state.reads, &user, id).await,
        Ok(None) => Err(app::error::AppError::Unauthenticated),
        Err(error) => Err(error),
    };
    match result {
        Ok(ics) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"polku-meeting-{id}.ics\"")),
            ],
            ics,
        )
            .into_response(),
        Err(error) => (error.status(), axum::Json(error)).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_size_is_ten_unless_a_sensible_number_is_given() {
        assert_eq!(pool_size(None), Ok(DEFAULT_POOL));
        assert_eq!(pool_size(Some("")), Ok(DEFAULT_POOL));
        assert_eq!(pool_size(Some(" 32 ")), Ok(32));
        assert_eq!(pool_size(Some("100")), Ok(100));
        for wrong in ["0", "101", "-1", "ten", "2.5"] {
            let message = pool_size(Some(wrong)).unwrap_err();
            assert!(message.contains("POLKU_DB_POOL") && message.contains("1 to 100"), "{wrong}: {message}");
        }
    }
}
