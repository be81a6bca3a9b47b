//! Server-side sessions. The browser holds a random token in an HttpOnly, SameSite=Lax cookie;
//! the database holds only its SHA-256, so a leaked table does not sign anyone in. A new token is
//! issued at every sign-in (the old one is deleted), and a session ends after a period without
//! activity (sliding: each request moves the end on) or, however active, a fixed time after
//! sign-in. The cookie lasts that fixed time; the server decides which of the two comes first.

use crate::domain::ids::UserId;
use crate::domain::{Role, Sector};
use crate::error::AppError;
use crate::model::auth::SessionUser;
use crate::store::config::Config;
use crate::store::entities::{session, staff_profile, user};
use chrono::{DateTime, Duration, Utc};
use http::request::Parts;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "polku_session";

/// Activity is written back at most this often, to keep reads cheap.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// The signed-in person as the server knows them.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentUser {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: Option<i32>,
    pub sector: Option<Sector>,
}

impl CurrentUser {
    pub fn to_session_user(&self) -> SessionUser {
        SessionUser {
            id: self.id,
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    hex(&bytes)
}

pub fn token_id(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The session token from the request's `Cookie` header, if any.
pub fn cookie_token(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub fn set_cookie_value(token: &str, config: &Config) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        config.session_max.as_secs(),
        if config.secure_cookies { "; Secure" } else { "" }
    )
}

pub fn clear_cookie_value(config: &Config) -> String {
    format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if config.secure_cookies { "; Secure" } else { "" }
    )
}

pub async fn create(db: &impl ConnectionTrait, user_id: UserId, config: &Config) -> Result<String, AppError> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        id: Set(token_id(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expiry(now, now, config)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// When a session created at `created` and active at `now` ends: the idle time from now, but
/// never later than the longest a session lasts.
fn expiry(created: DateTime<Utc>, now: DateTime<Utc>, config: &Config) -> DateTime<Utc> {
    let max = Duration::from_std(config.session_max).unwrap_or(Duration::hours(12));
    (now + idle(config)).min(created + max)
}

pub async fn delete(db: &impl ConnectionTrait, token: &str) -> Result<(), AppError> {
    session::Entity::delete_by_id(token_id(token)).exec(db).await?;
    Ok(())
}

fn idle(config: &Config) -> Duration {
    Duration::from_std(config.session_idle).unwrap_or(Duration::hours(1))
}

/// Loads the user of a live session; an expired session is removed.
pub async fn user_for_token(
    db: &impl ConnectionTrait,
    token: &str,
    config: &Config,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(found) = session::Entity::find_by_id(token_id(token)).one(db).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if found.expires_at <= now {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= TOUCH_EVERY {
        let mut active: session::ActiveModel = found.clone().into();
        active.last_seen_at = Set(now);
        active.expires_at = Set(expiry(found.created_at, now, config));
        active.update(db).await?;
    }
    load_user(db, found.user_id).await
}

/// Whether a session is still live, without counting the question as activity: what a long-lived
/// connection asks now and then, so that an open page does not keep its session alive for ever.
pub async fn is_live(db: &impl ConnectionTrait, token: &str) -> Result<bool, AppError> {
    let found = session::Entity::find_by_id(token_id(token)).one(db).await?;
    Ok(found.is_some_and(|s| s.expires_at > Utc::now()))
}

pub async fn load_user(db: &impl ConnectionTrait, user_id: UserId) -> Result<Option<CurrentUser>, AppError> {
    let Some(account) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let profile = staff_profile::Entity::find().filter(staff_profile::Column::UserId.eq(user_id)).one(db).await?;
    Ok(Some(CurrentUser {
        id: account.id,
        username: account.username,
        display_name: account.display_name,
        role: account.role,
        organisation_id: profile.as_ref().map(|p| p.organisation_id),
        sector: profile.map(|p| p.sector),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_with_cookie(cookie: &str) -> Parts {
        http::Request::builder().header("cookie", cookie).body(()).unwrap().into_parts().0
    }

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let token = new_token();
        let parts = parts_with_cookie(&format!("i18n_pref_locale=sv; {COOKIE}={token}; x=y"));
        assert_eq!(cookie_token(&parts), Some(token));
    }

    #[test]
    fn malformed_tokens_are_ignored() {
        assert_eq!(cookie_token(&parts_with_cookie(&format!("{COOKIE}=abc"))), None);
        assert_eq!(cookie_token(&parts_with_cookie(&format!("{COOKIE}={}", "z".repeat(64)))), None);
    }

    #[test]
    fn only_the_hash_of_a_token_is_stored() {
        let token = new_token();
        assert_eq!(token.len(), 64);
        assert_ne!(token_id(&token), token);
        assert_eq!(token_id(&token), token_id(&token));
    }

    #[test]
    fn a_session_slides_with_activity_up_to_its_longest() {
        let config = Config {
            session_idle: std::time::Duration::from_secs(3600),
            session_max: std::time::Duration::from_secs(12 * 3600),
            ..Config::default()
        };
        let signed_in: DateTime<Utc> = "2026-12-02T08:00:00Z".parse().unwrap();
        assert_eq!(expiry(signed_in, signed_in, &config), signed_in + Duration::hours(1));
        let busy = signed_in + Duration::hours(9);
        assert_eq!(
            expiry(signed_in, busy, &config),
            busy + Duration::hours(1),
            "active nine hours on: still an hour of grace"
        );
        let late = signed_in + Duration::minutes(11 * 60 + 30);
        assert_eq!(
            expiry(signed_in, late, &config),
            signed_in + Duration::hours(12),
            "never beyond twelve hours from sign-in"
        );
        assert!(
            set_cookie_value("t", &config).contains(&format!("Max-Age={}", 12 * 3600)),
            "the cookie outlives the idle time"
        );
    }

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_when_configured() {
        let mut config = Config::default();
        let value = set_cookie_value("t", &config);
        assert!(value.contains("HttpOnly") && value.contains("SameSite=Lax") && !value.contains("Secure"));
        config.secure_cookies = true;
        assert!(set_cookie_value("t", &config).ends_with("; Secure"));
        assert!(clear_cookie_value(&config).contains("Max-Age=0"));
    }
}
