//! Security headers. Every response says: no framing, no content sniffing, referrers only within
//! the site, and over HTTPS that the browser must keep to HTTPS. Pages get a content security
//! policy that lets scripts run only from the site itself and, inline, only the page's own
//! hydration script carrying this response's nonce; everything else gets the same policy without
//! a nonce, so no inline script runs there at all.

use app::service::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::HeaderValue;

/// The content security policy; `nonce` admits the page's inline scripts that carry it. WebAssembly
/// needs `'wasm-unsafe-eval'` to be compiled; the live views connect back to the site itself.
pub fn policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// For a page being rendered (called in the page's context): the policy with the nonce that
/// Leptos gives this response's hydration scripts.
pub fn page_policy() {
    let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), leptos::prelude::use_context::<leptos_axum::ResponseOptions>())
    else {
        // Server functions run this context too, without a nonce: nothing to do there.
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&policy(Some(&nonce))) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

/// Middleware: the headers every response carries (a page's own policy is kept).
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        let html = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
        if html {
            // A page without its own policy cannot run its hydration scripts: it stays
            // uninteractive. Seen once in a browser run and not reproduced; said loudly if again.
            tracing::warn!(%path, "a page was sent without its own script policy; it will not hydrate");
        }
        headers
            .insert(CONTENT_SECURITY_POLICY, HeaderValue::from_str(&policy(None)).expect("the policy is plain ASCII"));
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    headers.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    if state.config.secure_cookies {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_run_only_from_the_site_or_with_the_pages_nonce() {
        let page = policy(Some("abc123"));
        assert!(page.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(page.contains("frame-ancestors 'none'"));
        assert!(!page.contains("unsafe-inline"));
        assert!(policy(None).contains("script-src 'self' 'wasm-unsafe-eval';"));
    }
}
