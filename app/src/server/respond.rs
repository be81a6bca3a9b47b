//! Shaping the HTTP response from inside a server function: status codes and cookies.

use crate::error::AppError;
use http::{header, HeaderValue, StatusCode};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use std::future::Future;

pub fn set_status(status: StatusCode) {
    if let Some(opts) = use_context::<ResponseOptions>() {
        opts.set_status(status);
    }
}

pub fn set_cookie(value: &str) {
    if let (Some(opts), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(value)) {
        opts.append_header(header::SET_COOKIE, value);
    }
}

/// Runs a server function body and gives an error its HTTP status (401, 403, 422…).
pub async fn run<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(err) = &result {
        set_status(err.status());
    }
    result
}
