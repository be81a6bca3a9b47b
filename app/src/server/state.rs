//! What every request handler and server function can reach: the database, configuration and
//! the event bus.

use super::events::Events;
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    /// Mark the session cookie `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// A session ends after this long without activity.
    pub session_idle: Duration,
    /// A session ends this long after sign-in however active it is; the browser keeps the
    /// cookie as long.
    pub session_max: Duration,
    /// The PostgreSQL channel on which instances sharing a database pass live events.
    pub events_channel: String,
    /// Behind a reverse proxy: take the client's address for sign-in throttling from the last
    /// entry of `X-Forwarded-For` (which the proxy appends) instead of the connection's peer.
    pub trust_forwarded_for: bool,
    /// How long a request's body may take to arrive.
    pub body_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            session_idle: Duration::from_secs(60 * 60),
            session_max: Duration::from_secs(12 * 60 * 60),
            events_channel: "polku_events".to_string(),
            trust_forwarded_for: false,
            body_timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub events: Events,
    pub boards: super::feed::BoardHub,
    pub stopping: Stopping,
}

/// Tells long-lived connections (live views) that the server is stopping, so that a graceful
/// shutdown does not wait for them to be closed by their browsers.
#[derive(Debug, Clone, Default)]
pub struct Stopping(Arc<tokio::sync::watch::Sender<bool>>);

impl Stopping {
    pub fn stop(&self) {
        self.0.send_replace(true);
    }

    /// Resolves once `stop` has been called.
    pub async fn wait(&self) {
        let mut stopped = self.0.subscribe();
        let _ = stopped.wait_for(|stopped| *stopped).await;
    }
}

/// The application state inside a server function or a page render.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}
