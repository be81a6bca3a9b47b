//! Cases for staff: my cases, one case, moving a case between stages.

use crate::domain::ids::CaseId;
use crate::domain::Stage;
use crate::error::AppError;
use crate::model::cases::{CaseDetail, CaseListQuery, CasePage};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::cases, service::state::app_state, service::state::require_user};

/// One page of the cases on whose team the signed-in professional or coordinator is: open ones
/// unless `closed`; with `step` (a step of the process map), only those in that step (the closure
/// step lists the closed ones).
#[server(prefix = "/api", endpoint = "my_cases")]
pub async fn my_cases(#[server(flatten)] query: CaseListQuery) -> Result<CasePage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        cases::list_for_staff(&state.db, &state.reads, &user, &query).await
    })
    .await
}

/// One case: client summary, stage, team, a page of its history (`history`, the newest first
/// when empty), and the moves the reader may make.
#[server(prefix = "/api", endpoint = "case")]
pub async fn get_case(case_id: CaseId, #[server(default)] history: String) -> Result<CaseDetail, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        cases::detail(&state.db, &state.reads, &user, case_id, &history).await
    })
    .await
}

/// Closes a case from the stage the coordinator saw, with a closure summary and a handover or
/// continuation note.
#[server(prefix = "/api", endpoint = "close_case")]
pub async fn close_case(
    case_id: CaseId,
    from: String,
    summary: String,
    continuation: String,
) -> Result<Stage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let from: Stage = from.parse()?;
        let state = app_state()?;
        cases::close(&state.db, &state.events, &user, case_id, from, &summary, &continuation).await
    })
    .await
}

/// Moves a case from the stage the coordinator saw (`from`) to `to`.
#[server(prefix = "/api", endpoint = "move_stage")]
pub async fn move_stage(case_id: CaseId, from: String, to: String) -> Result<Stage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let from: Stage = from.parse()?;
        let to: Stage = to.parse()?;
        let state = app_state()?;
        cases::change_stage(&state.db, &state.events, &user, case_id, from, to).await
    })
    .await
}
