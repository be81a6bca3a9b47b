//! The service-need assessment: reading it, the coordinator pair's draft (start, save, complete),
//! everyone's own views, and the client fact that runs the legal clock.

use crate::domain::ids::{CaseId, UserId};
use crate::error::AppError;
use crate::model::assessment::{AssessmentPage, AssessmentSaved};
use leptos::prelude::*;
use std::collections::HashMap;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::assessments, service::state::app_state, service::state::require_user};

/// Where the assessment of a case is worked on.
pub fn assessment_path(case_id: CaseId) -> String {
    format!("/cases/{case_id}/assessment")
}

/// The assessment of one case as the reader may see it.
#[server(prefix = "/api", endpoint = "assessment")]
pub async fn get_assessment(case_id: CaseId) -> Result<AssessmentPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        assessments::load(&state.db, &state.reads, &user, case_id).await
    })
    .await
}

/// Opens the draft (or an amendment of the latest completed version). Returns its version.
#[server(prefix = "/api", endpoint = "start_assessment")]
pub async fn start_assessment(case_id: CaseId) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let version = assessments::start(&app_state()?.db, &user, case_id).await?;
        leptos_axum::redirect(&assessment_path(case_id));
        Ok(version)
    })
    .await
}

/// Saves the draft seen at `revision`. `intent` is "save" or "complete". Per life area,
/// `weights[area]` and `needs[area]`; `participants[]` are team members' user ids; checkboxes
/// arrive as "on".
#[server(prefix = "/api", endpoint = "save_assessment")]
pub async fn save_assessment(
    case_id: CaseId,
    revision: i32,
    intent: String,
    weights: Option<HashMap<String, String>>,
    needs: Option<HashMap<String, String>>,
    participants: Option<Vec<UserId>>,
    #[server(flatten)] text: crate::domain::assessment::RawAssessmentText,
) -> Result<AssessmentSaved, AppError> {
    use crate::domain::assessment::RawAssessment;

    respond::run(async move {
        let user = require_user().await?;
        let raw = RawAssessment {
            weights: weights.unwrap_or_default(),
            needs: needs.unwrap_or_default(),
            strengths: text.strengths,
            mode: text.mode,
            participant_ids: participants.unwrap_or_default(),
            client_took_part: text.client_took_part.is_some(),
            others: text.others,
            shared_understanding: text.shared_understanding,
            own_worker_needed: text.own_worker_needed,
        };
        let state = app_state()?;
        let saved = assessments::save(&state.db, &state.events, &user, case_id, revision, &intent, raw).await?;
        let target = if saved.completed {
            format!("/cases/{case_id}?completed={}", saved.version)
        } else {
            format!("{}?saved={}", assessment_path(case_id), saved.version)
        };
        leptos_axum::redirect(&target);
        Ok(saved)
    })
    .await
}

/// Writes the reader's own view into the assessment: the client, a relative the client lets
/// write, or a professional on the team.
#[server(prefix = "/api", endpoint = "write_view")]
pub async fn write_assessment_view(case_id: CaseId, text: String) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        assessments::write_view(&app_state()?.db, &user, case_id, &text).await?;
        let back = if user.role.is_staff() {
            format!("{}?view=sent", assessment_path(case_id))
        } else {
            format!("/pathway?view=sent#view-{case_id}")
        };
        leptos_axum::redirect(&back);
        Ok(())
    })
    .await
}

/// Records whether the client receives the highest care allowance. `highest` is a checkbox.
#[server(prefix = "/api", endpoint = "care_allowance")]
pub async fn record_care_allowance(case_id: CaseId, highest: Option<String>) -> Result<bool, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let highest = assessments::set_care_allowance(&app_state()?.db, &user, case_id, highest.is_some()).await?;
        leptos_axum::redirect(&format!("/cases/{case_id}"));
        Ok(highest)
    })
    .await
}
