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

/// The nonce of one response, made before the page renders: Leptos puts it on the page's inline
/// scripts (`provide_page_nonce`) and `headers` puts it in the response's policy. Made here rather
/// than by Leptos, whose nonce reaches the headers only through the page's `ResponseOptions`: a page
/// whose route is lazily loaded was seen sent without it (the browser then refuses to hydrate it).
#[derive(Clone)]
pub struct PageNonce(String);

impl PageNonce {
    fn new() -> Self {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).expect("the operating system's random source works");
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// For a page being rendered (called in the page's context): the response's nonce, for the
/// hydration scripts. Server functions run this context too, without a nonce: nothing to do there.
pub fn provide_page_nonce() {
    let nonce = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
    if let Some(PageNonce(value)) = nonce {
        leptos::prelude::provide_context(leptos::nonce::Nonce::from_value(value));
    }
}

/// Middleware: the headers every response carries; a page's policy admits its own nonce.
pub async fn headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let nonce = PageNonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let html = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let policy = policy(html.then_some(nonce.0.as_str()));
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_str(&policy).expect("the policy is plain ASCII"));
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
