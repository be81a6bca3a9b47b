//! What a request may bring: a body of at most `BODY_LIMIT` bytes that arrives within the
//! configured time (a client sending slowly holds no connection and no task for longer), and no
//! NUL character in any text, in the address or the body. PostgreSQL cannot store a NUL in a text
//! column, so without this check a NUL typed into any form would be a server error there; refused
//! here, before anything is read or written, it is one clear answer on both databases.

use app::error::AppError;
use app::service::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{ACCEPT, CONTENT_TYPE, LOCATION, REFERER};
use http::request::Parts;
use http::{HeaderValue, StatusCode};
use server_fn::error::ServerFnUrlError;

/// The largest body Polku reads: its longest form (an assessment) is well under it.
pub const BODY_LIMIT: usize = 256 * 1024;

/// Whether `bytes` hold a NUL, as it is or percent-encoded (a form, an address) or, in JSON, as
/// an escape.
fn has_nul(bytes: &[u8], json: bool) -> bool {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
    bytes.contains(&0) || has(b"%00") || (json && has(b"\\u0000"))
}

/// The refusal: the error as JSON with its status, or for a form sent without JavaScript, back to
/// the page it came from with the error where its form looks for it (as server functions do).
fn refuse(parts: &Parts, error: AppError) -> Response {
    let plain_form = parts.headers.get(ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/html"));
    let back = parts.headers.get(REFERER).and_then(|v| v.to_str().ok());
    if let (true, Some(back), true) = (plain_form, back, parts.uri.path().starts_with("/api/")) {
        if let Ok(url) = ServerFnUrlError::new(parts.uri.path(), error.clone()).to_url(back) {
            if let Ok(location) = HeaderValue::from_str(url.as_str()) {
                return (StatusCode::FOUND, [(LOCATION, location)]).into_response();
            }
        }
    }
    (error.status(), axum::Json(error)).into_response()
}

/// Middleware: reads the body whole within its limits and refuses a NUL anywhere.
pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    if has_nul(parts.uri.query().unwrap_or_default().as_bytes(), false) || has_nul(parts.uri.path().as_bytes(), false) {
        return refuse(&parts, AppError::InvalidText);
    }
    if parts.method.is_safe() {
        // No body to read (and a websocket upgrade must keep its connection as it is).
        return next.run(Request::from_parts(parts, body)).await;
    }
    let bytes = match tokio::time::timeout(state.config.body_timeout, axum::body::to_bytes(body, BODY_LIMIT)).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return refuse(&parts, AppError::TooLarge),
        Err(_) => {
            tracing::warn!(path = %parts.uri.path(), "a request body did not arrive in time");
            return (
                StatusCode::REQUEST_TIMEOUT,
                axum::Json(AppError::BadRequest("the request took too long to arrive".into())),
            )
                .into_response();
        }
    };
    let json = parts.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.contains("json"));
    if has_nul(&bytes, json) {
        return refuse(&parts, AppError::InvalidText);
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_is_found_however_it_is_written() {
        assert!(has_nul(b"text=a\0b", false));
        assert!(has_nul(b"text=a%00b", false));
        assert!(has_nul(b"text=a%00", false));
        assert!(has_nul(br#"{"text":"a\u0000b"}"#, true));
        assert!(!has_nul(b"text=100%25+sure&n=2500", false), "a typed percent sign is %25");
        assert!(!has_nul(br#"{"text":"a\u0000b"}"#, false), "an escape only counts in JSON");
        assert!(!has_nul("text=Mäntylä".as_bytes(), false));
    }
}
