//! Shaping the HTTP response from inside a render or a server function: its status and its
//! cookies. A leaf: it imports nothing of the crate, so that both `error` (a server function's
//! failure to read its arguments) and `api` (every other failure) can set a status through it.

use http::{header, HeaderValue, StatusCode};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Sets the response status, except on a plain HTML form post to a server function: that one is
/// answered with a redirect back to the form (carrying the error in its URL, see server_fn's
/// `form-redirects`), and a 4xx status would stop the browser from following it.
pub fn set_status(status: StatusCode) {
    if is_plain_form_post() {
        return;
    }
    if let Some(opts) = use_context::<ResponseOptions>() {
        opts.set_status(status);
    }
}

fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts.uri.path().starts_with("/api/")
            && parts
                .headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|accept| accept.contains("text/html"))
    })
}

pub fn set_cookie(value: &str) {
    if let (Some(opts), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(value)) {
        opts.append_header(header::SET_COOKIE, value);
    }
}
