//! The process map's live numbers for staff.

use crate::domain::process::StepCounts;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::process, service::state::app_state, service::state::require_user};

/// How many cases stand in each step of the process and how many of them are late, for the
/// cases in `scope` ("mine", "organisation" or "all"; empty means "mine"). Staff only; numbers
/// without names.
#[server(prefix = "/api", endpoint = "process_counts")]
pub async fn process_counts(#[server(default)] scope: String) -> Result<StepCounts, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        process::counts(&app_state()?.db, &user, &scope).await
    })
    .await
}
