//! A server function's body run so that its error answers with the HTTP status its cause
//! deserves (401, 403, 409, 422…).

use crate::error::AppError;
use std::future::Future;

pub use crate::response::set_cookie;

/// Runs a server function body and gives an error its HTTP status.
pub async fn run<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(err) = &result {
        crate::response::set_status(err.status());
    }
    result
}
