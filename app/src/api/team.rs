//! The client's team: the pair proposes and removes members, the client accepts or declines.

use crate::domain::ids::{CaseId, UserId};
use crate::error::AppError;
use crate::model::team::CandidateResults;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::state::app_state, service::state::require_user, service::team};

/// Whom the coordinator pair may propose to the case's team, found by a name fragment.
#[server(prefix = "/api", endpoint = "team_candidates")]
pub async fn team_candidates(case_id: CaseId, #[server(default)] who: String) -> Result<CandidateResults, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        team::candidates(&app_state()?.db, &user, case_id, &who).await
    })
    .await
}

/// Proposes a person for a seat (`team_role`); the client answers on their pathway.
#[server(prefix = "/api", endpoint = "propose_member")]
pub async fn propose_member(case_id: CaseId, user_id: UserId, team_role: String) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let seat = team::propose(&state.db, &state.events, &user, case_id, user_id, &team_role).await?;
        leptos_axum::redirect(&format!("/cases/{case_id}#team-h"));
        Ok(seat)
    })
    .await
}

/// The client's answer to a proposed member: `answer` is "accept" or "decline".
#[server(prefix = "/api", endpoint = "answer_member")]
pub async fn answer_member(seat_id: i32, answer: String) -> Result<bool, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let accepted = team::answer(&state.db, &state.events, &user, seat_id, &answer).await?;
        leptos_axum::redirect("/pathway");
        Ok(accepted)
    })
    .await
}

/// Removes a member, or withdraws a proposal. A coordinator leaving a case run by the pair names
/// the accepted `replacement` (a seat id) holding the same seat.
#[server(prefix = "/api", endpoint = "remove_member")]
pub async fn remove_member(seat_id: i32, replacement: Option<i32>) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        team::remove(&state.db, &state.events, &user, seat_id, replacement).await
    })
    .await
}
