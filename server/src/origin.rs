//! Which requests come from the site's own pages. A browser names the page's origin in the
//! `Origin` header of every websocket upgrade and every form post, and says in `Sec-Fetch-Site`
//! whether the page that sent a request was the site's own; a request another site's page sent
//! is refused before it reaches a server function, so no page elsewhere can act with a signed-in
//! person's cookie.

use app::domain::AccessDenied;
use app::error::AppError;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::HeaderMap;

/// Whether the request's `Origin` names the host it was sent to.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (header(ORIGIN), header(HOST)) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host)),
        _ => false,
    }
}

/// Whether a state-changing request may come from where it says it came from: with an `Origin`,
/// that must be the site itself; without one, a browser's `Sec-Fetch-Site` must say the site's own
/// page (or the person themself) sent it. A request with neither header came from no browser
/// page (a script or a test client), so there is no one else's cookie it could be riding on.
pub fn from_own_pages(headers: &HeaderMap) -> bool {
    if headers.contains_key(ORIGIN) {
        return same_origin(headers);
    }
    match headers.get("sec-fetch-site").map(|v| v.as_bytes()) {
        Some(site) => site == b"same-origin" || site == b"none",
        None => true,
    }
}

/// Middleware: refuses (403) a request that can change something (any method but GET, HEAD and
/// OPTIONS: the server functions, the language switch) when another site's page sent it, before
/// anything is read or written.
pub async fn guard(request: Request, next: Next) -> Response {
    if request.method().is_safe() || from_own_pages(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(origin = ?request.headers().get(ORIGIN), path = %request.uri().path(), "request from another site refused");
    let error = AppError::from(AccessDenied::CrossOrigin);
    (error.status(), axum::Json(error)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, host.parse().unwrap());
        if let Some(origin) = origin {
            headers.insert(ORIGIN, origin.parse().unwrap());
        }
        headers
    }

    #[test]
    fn only_the_sites_own_pages_count() {
        assert!(same_origin(&headers(Some("http://127.0.0.1:3000"), "127.0.0.1:3000")));
        assert!(same_origin(&headers(Some("https://polku.example.fi"), "polku.example.fi")));
        assert!(same_origin(&headers(Some("https://Polku.Example.fi"), "polku.example.fi")));
        assert!(!same_origin(&headers(Some("https://evil.example"), "polku.example.fi")));
        assert!(!same_origin(&headers(Some("http://127.0.0.1:3001"), "127.0.0.1:3000")), "another port is another site");
        assert!(!same_origin(&headers(Some("https://polku.example.fi.evil.example"), "polku.example.fi")));
        assert!(!same_origin(&headers(Some("null"), "polku.example.fi")));
        assert!(!same_origin(&headers(None, "polku.example.fi")));
    }

    #[test]
    fn a_post_from_another_sites_page_is_refused_and_one_from_no_page_is_not() {
        assert!(from_own_pages(&headers(Some("https://polku.example.fi"), "polku.example.fi")));
        assert!(!from_own_pages(&headers(Some("https://evil.example"), "polku.example.fi")));
        assert!(!from_own_pages(&headers(Some("null"), "polku.example.fi")), "a sandboxed or file page");
        let mut fetched = headers(None, "polku.example.fi");
        fetched.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!from_own_pages(&fetched));
        fetched.insert("sec-fetch-site", "same-site".parse().unwrap());
        assert!(!from_own_pages(&fetched), "a sibling subdomain is another site's page");
        fetched.insert("sec-fetch-site", "same-origin".parse().unwrap());
        assert!(from_own_pages(&fetched));
        assert!(from_own_pages(&headers(None, "polku.example.fi")), "no browser page: a script or test client");
    }
}
