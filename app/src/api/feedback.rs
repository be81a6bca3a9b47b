//! Client feedback: given on the pathway after meetings and at closure; read in aggregate by
//! coordinators on `/feedback`.

use crate::domain::ids::CaseId;
use crate::error::AppError;
use crate::model::feedback::FeedbackOverview;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::feedback, service::state::app_state, service::state::require_user};

/// Gives feedback on a meeting (`occasion` = `meeting`, `target_id` its id) or on the closure of
/// a case (`closure`, the closure's id): a `score` from 1 to 5 and optional `text`.
#[server(prefix = "/api", endpoint = "give_feedback")]
pub async fn give_feedback(
    case_id: CaseId,
    occasion: String,
    target_id: i32,
    score: Option<String>,
    text: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::feedback::RawFeedback;

    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let raw = RawFeedback { occasion, target_id, score: score.unwrap_or_default(), text: text.unwrap_or_default() };
        feedback::give(&state.db, &state.events, &user, case_id, &raw).await?;
        leptos_axum::redirect(&format!("/pathway?feedback=sent#feedback-{case_id}"));
        Ok(())
    })
    .await
}

/// Feedback on the cases the signed-in coordinator leads, in aggregate.
#[server(prefix = "/api", endpoint = "feedback_overview")]
pub async fn get_feedback_overview() -> Result<FeedbackOverview, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        feedback::overview(&state.db, &state.reads, &user).await
    })
    .await
}
