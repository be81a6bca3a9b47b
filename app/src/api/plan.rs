//! The client plan: reading it (with any two versions compared) and making one change at a time.

use crate::domain::ids::CaseId;
use crate::error::AppError;
use crate::model::plan::PlanPage;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::plan, service::state::app_state, service::state::require_user};

/// Where the plan of a case is read and written.
pub fn plan_path(case_id: CaseId) -> String {
    format!("/cases/{case_id}/plan")
}

/// The plan of one case as the reader may see it; with `from` and `to`, what changed between
/// those two versions; `versions`, the page of the list of versions (the first when empty).
#[server(prefix = "/api", endpoint = "plan")]
pub async fn get_plan(
    case_id: CaseId,
    from: Option<i32>,
    to: Option<i32>,
    #[server(default)] versions: String,
) -> Result<PlanPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let compare = from.zip(to);
        let state = app_state()?;
        plan::load(&state.db, &state.reads, &user, case_id, compare, &versions).await
    })
    .await
}

/// One change of the plan seen at version `seen`. `op` names the change (add_goal,
/// reword_goal, suggest_wording, remove_goal, add_action, reschedule_action, set_status,
/// remove_action, add_service, remove_service, add_disagreement, set_review_date); the other
/// fields of `RawPlanChange`, sent beside `op` in the same form, are what that change needs.
/// Returns the version now current.
#[server(prefix = "/api", endpoint = "change_plan")]
pub async fn change_plan(
    case_id: CaseId,
    seen: i32,
    #[server(flatten)] change: crate::domain::plan::RawPlanChange,
) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let version = plan::change(&state.db, &state.events, &user, case_id, seen, &change).await?;
        leptos_axum::redirect(&format!("{}?saved={version}", plan_path(case_id)));
        Ok(version)
    })
    .await
}

/// Records a follow-up review of the plan seen at `seen`: `team[<goal key>]` and
/// `client[<goal key>]` scores (achieved, progressing, not_progressing, changed), a summary and
/// the next review date (required).
#[server(prefix = "/api", endpoint = "review_plan")]
pub async fn review_plan(
    case_id: CaseId,
    seen: i32,
    client: Option<std::collections::HashMap<String, String>>,
    team: Option<std::collections::HashMap<String, String>>,
    summary: Option<String>,
    next_review: Option<String>,
) -> Result<i32, AppError> {
    use crate::domain::review::RawReview;

    respond::run(async move {
        let user = require_user().await?;
        let raw = RawReview {
            client: client.unwrap_or_default(),
            team: team.unwrap_or_default(),
            summary: summary.unwrap_or_default(),
            next_review: next_review.unwrap_or_default(),
        };
        let state = app_state()?;
        let version = plan::review(&state.db, &state.events, &user, case_id, seen, &raw).await?;
        leptos_axum::redirect(&format!("{}?saved={version}#reviews-h", plan_path(case_id)));
        Ok(version)
    })
    .await
}
