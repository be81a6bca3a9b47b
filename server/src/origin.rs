//! Which requests come from the site's own pages. A browser names the page's origin in the
//! `Origin` header of every websocket upgrade and every form post, so a request whose `Origin` is
//! another site's (or missing) did not come from Polku's own pages.

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
}
