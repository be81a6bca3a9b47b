//! Which requests come from the site's own pages. A browser names the page's origin in the
//! `Origin` header of every websocket upgrade and every form post, and says in `Sec-Fetch-Site`
//! whether the page that sent a request was the site's own; a request another site's page sent
//! is refused before it reaches a server function, so no page elsewhere can act with a signed-in
//! person's cookie. The site's own origin is its host with its scheme: `https` when it is served
//! over HTTPS (`POLKU_SECURE_COOKIES`), else `http`; a page of the same host over the other
//! scheme is another site's (a plain-HTTP page on the network path could otherwise act).

use app::domain::AccessDenied;
use app::error::AppError;
use app::service::AppState;
use app::store::Config;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::HeaderMap;

/// The scheme the site's own pages are served over.
pub fn scheme(config: &Config) -> &'static str {
    if config.secure_cookies {
        "https"
    } else {
        "http"
    }
}

/// Whether the request's `Origin` names the host it was sent to, over the site's `scheme`.
pub fn same_origin(headers: &HeaderMap, scheme: &str) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (header(ORIGIN), header(HOST)) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(sent, authority)| sent.eq_ignore_ascii_case(scheme) && authority.eq_ignore_ascii_case(host)),
        _ => false,
    }
}

/// Whether a state-changing request may come from where it says it came from: with an `Origin`,
/// that must be the site itself; without one, a browser's `Sec-Fetch-Site` must say the site's own
/// page (or the person themself) sent it. A request with neither header came from no browser
/// page (a script or a test client), so there is no one else's cookie it could be riding on.
pub fn from_own_pages(headers: &HeaderMap, scheme: &str) -> bool {
    if headers.contains_key(ORIGIN) {
        return same_origin(headers, scheme);
    }
    match headers.get("sec-fetch-site").map(|v| v.as_bytes()) {
        Some(site) => site == b"same-origin" || site == b"none",
        None => true,
    }
}

/// Middleware: refuses (403) a request that can change something (any method but GET, HEAD and
/// OPTIONS: the server functions, the language switch) when another site's page sent it, before
/// anything is read or written.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method().is_safe() || from_own_pages(request.headers(), scheme(&state.config)) {
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
        assert!(same_origin(&headers(Some("http://127.0.0.1:3000"), "127.0.0.1:3000"), "http"));
        assert!(same_origin(&headers(Some("https://polku.example.fi"), "polku.example.fi"), "https"));
        assert!(same_origin(&headers(Some("https://Polku.Example.fi"), "polku.example.fi"), "https"));
        assert!(!same_origin(&headers(Some("https://evil.example"), "polku.example.fi"), "https"));
        assert!(
            !same_origin(&headers(Some("http://127.0.0.1:3001"), "127.0.0.1:3000"), "http"),
            "another port is another site"
        );
        assert!(!same_origin(&headers(Some("https://polku.example.fi.evil.example"), "polku.example.fi"), "https"));
        assert!(!same_origin(&headers(Some("null"), "polku.example.fi"), "https"));
        assert!(!same_origin(&headers(None, "polku.example.fi"), "https"));
    }

    #[test]
    fn a_page_of_the_same_host_over_the_other_scheme_is_another_site() {
        assert!(
            !same_origin(&headers(Some("http://polku.example.fi"), "polku.example.fi"), "https"),
            "plain HTTP on an HTTPS site"
        );
        assert!(!same_origin(&headers(Some("https://127.0.0.1:3000"), "127.0.0.1:3000"), "http"));
        assert!(!same_origin(&headers(Some("ftp://polku.example.fi"), "polku.example.fi"), "https"));
        assert!(!from_own_pages(&headers(Some("http://polku.example.fi"), "polku.example.fi"), "https"));
        assert_eq!(scheme(&Config { secure_cookies: true, ..Config::default() }), "https");
        assert_eq!(scheme(&Config::default()), "http");
    }

    #[test]
    fn a_post_from_another_sites_page_is_refused_and_one_from_no_page_is_not() {
        assert!(from_own_pages(&headers(Some("https://polku.example.fi"), "polku.example.fi"), "https"));
        assert!(!from_own_pages(&headers(Some("https://evil.example"), "polku.example.fi"), "https"));
        assert!(!from_own_pages(&headers(Some("null"), "polku.example.fi"), "https"), "a sandboxed or file page");
        let mut fetched = headers(None, "polku.example.fi");
        fetched.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!from_own_pages(&fetched, "https"));
        fetched.insert("sec-fetch-site", "same-site".parse().unwrap());
        assert!(!from_own_pages(&fetched, "https"), "a sibling subdomain is another site's page");
        fetched.insert("sec-fetch-site", "same-origin".parse().unwrap());
        assert!(from_own_pages(&fetched, "https"));
        assert!(
            from_own_pages(&headers(None, "polku.example.fi"), "https"),
            "no browser page: a script or test client"
        );
    }
}
