//! Signing in and out, and who is signed in.

use crate::error::AppError;
use crate::model::auth::SessionUser;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::state, service::state::app_state, store::password, store::session, store::sign_in};

/// Signs in with a username and password. A new session token is issued (any previous session of
/// this browser is ended), and the browser is sent to the person's home page.
#[server(prefix = "/api", endpoint = "login")]
pub async fn login(username: String, password: String) -> Result<SessionUser, AppError> {
    use crate::domain::{Password, Username};
    use crate::store::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    respond::run(async move {
        let username = Username::parse(&username)?;
        let password = Password::parse(password)?;
        let state = app_state()?;
        let parts = use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
        let address = sign_in::address(&parts, &state.config);
        let now = chrono::Utc::now();
        // Counted before the password is checked: tries sent at once cannot all slip under the limit.
        let attempt = sign_in::begin(&state.db, username.as_str(), &address, now).await?;

        let account = user::Entity::find().filter(user::Column::Username.eq(username.as_str())).one(&state.db).await?;
        let stored = account.as_ref().map(|a| a.password_hash.clone());
        let verified = password::verify(password.expose().to_string(), stored).await;
        sign_in::finish(&state.db, attempt, verified).await?;
        let account = account.filter(|_| verified).ok_or(AppError::BadCredentials)?;

        if let Some(old) = session::cookie_token(&parts) {
            session::delete(&state.db, &old).await?;
        }
        let token = session::create(&state.db, account.id, &state.config).await?;
        respond::set_cookie(&session::set_cookie_value(&token, &state.config));
        let me = session::load_user(&state.db, account.id).await?.ok_or(AppError::Internal)?;
        leptos_axum::redirect(me.role.home_path());
        Ok(me.to_session_user())
    })
    .await
}

/// Ends the session of this browser.
#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    respond::run(async move {
        let state = app_state()?;
        if let Some(token) = use_context::<http::request::Parts>().as_ref().and_then(session::cookie_token) {
            session::delete(&state.db, &token).await?;
        }
        respond::set_cookie(&session::clear_cookie_value(&state.config));
        leptos_axum::redirect("/login");
        Ok(())
    })
    .await
}

/// The signed-in person, or `None`.
#[server(prefix = "/api", endpoint = "me")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    respond::run(async move { Ok(state::current_user().await?.map(|u| u.to_session_user())) }).await
}
