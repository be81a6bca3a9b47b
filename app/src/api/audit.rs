//! The audit reviewer's search of the access log.

use crate::error::AppError;
use crate::model::audit::AuditResults;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::audit_review, service::state::app_state, service::state::require_user};

/// Where the reviewer searches.
pub const AUDIT_PATH: &str = "/audit";

/// One page of log entries matching the search, newest first. Every field is optional: a part of
/// the client's name, a part of the accessor's name or username, a period of Finnish days
/// (`YYYY-MM-DD`, `until` included), a kind of basis (`team`, `consent`, `legal`…), and
/// `before`, the entry the next page starts below.
#[server(prefix = "/api", endpoint = "audit_search")]
pub async fn audit_search(
    client: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    until: Option<String>,
    basis: Option<String>,
    before: Option<String>,
) -> Result<AuditResults, AppError> {
    use crate::domain::audit_search::AuditSearchForm;
    respond::run(async move {
        let reviewer = require_user().await?;
        let form = AuditSearchForm {
            client: client.unwrap_or_default(),
            actor: actor.unwrap_or_default(),
            from: from.unwrap_or_default(),
            until: until.unwrap_or_default(),
            basis: basis.unwrap_or_default(),
            before: before.unwrap_or_default(),
        };
        let state = app_state()?;
        audit_review::search(&state.db, &state.reads, &reviewer, &form).await
    })
    .await
}
