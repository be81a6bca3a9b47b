//! What every request handler and server function can reach: the database, configuration, the
//! event bus and the live-board hub, and who is signed in (`current_user`, `require_user`).

use crate::error::AppError;
use crate::events::Events;
use crate::store::session::{cookie_token, user_for_token, CurrentUser};
use crate::store::Config;
use axum::extract::FromRef;
use http::request::Parts;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// Where reads log their audit rows (group commit).
    pub reads: crate::store::read_log::ReadLog,
    pub config: Arc<Config>,
    pub events: Events,
    pub boards: crate::service::feed::BoardHub,
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

/// Who signed the current request, found once however many server functions the request runs: a
/// page's render calls several (the header's user and counts, the page's own data), and each
/// would otherwise read the session and the person again.
#[derive(Clone, Default)]
pub struct RequestUser(Arc<tokio::sync::OnceCell<Option<CurrentUser>>>);

/// Provides what a page render or a server function reads from its context: the application
/// state, and an empty `RequestUser` of this request.
pub fn provide_request_context(state: &AppState) {
    leptos::prelude::provide_context(state.clone());
    leptos::prelude::provide_context(RequestUser::default());
}

/// The signed-in user of the current request, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let state = app_state()?;
    let Some(parts) = leptos::prelude::use_context::<Parts>() else {
        return Ok(None);
    };
    let Some(token) = cookie_token(&parts) else {
        return Ok(None);
    };
    match leptos::prelude::use_context::<RequestUser>() {
        Some(RequestUser(found)) => {
            found.get_or_try_init(|| user_for_token(&state.db, &token, &state.config)).await.cloned()
        }
        None => user_for_token(&state.db, &token, &state.config).await,
    }
}

/// The signed-in user, or 401.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}
