//! Network meetings: the pair schedules them; people are heard in turn; agreed steps go into the
//! plan. Invitations download from `/meetings/{id}/invite.ics` (see `meeting_invite_path`).

use crate::domain::ids::{CaseId, UserId};
use crate::error::AppError;
use crate::model::meetings::{MeetingPage, MeetingsPage};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::meetings, service::state::app_state, service::state::require_user};

pub fn meetings_path(case_id: CaseId) -> String {
    format!("/cases/{case_id}/meetings")
}

pub fn meeting_path(case_id: CaseId, meeting_id: i32) -> String {
    format!("/cases/{case_id}/meetings/{meeting_id}")
}

/// Where a meeting's invitation downloads as an iCalendar file.
pub fn meeting_invite_path(meeting_id: i32) -> String {
    format!("/meetings/{meeting_id}/invite.ics")
}

/// A case's meetings: all to come and page `past` (from 1; empty for the first) of those that
/// have ended.
#[server(prefix = "/api", endpoint = "meetings")]
pub async fn get_meetings(case_id: CaseId, #[server(default)] past: String) -> Result<MeetingsPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        meetings::list(&state.db, &state.reads, &user, case_id, &past).await
    })
    .await
}

/// Schedules a meeting. `starts` is Finnish wall-clock time (`YYYY-MM-DDTHH:MM`);
/// `participants[]` are user ids.
#[server(prefix = "/api", endpoint = "schedule_meeting")]
pub async fn schedule_meeting(
    case_id: CaseId,
    title: String,
    starts: String,
    minutes: String,
    place: Option<String>,
    video_link: Option<String>,
    participants: Option<Vec<UserId>>,
) -> Result<i32, AppError> {
    use crate::domain::meeting::RawMeeting;

    respond::run(async move {
        let user = require_user().await?;
        let raw = RawMeeting {
            title,
            starts,
            minutes,
            place: place.unwrap_or_default(),
            video_link: video_link.unwrap_or_default(),
            participants: participants.unwrap_or_default(),
        };
        let id = meetings::schedule(&app_state()?.db, &user, case_id, &raw).await?;
        leptos_axum::redirect(&meeting_path(case_id, id));
        Ok(id)
    })
    .await
}

#[server(prefix = "/api", endpoint = "meeting")]
pub async fn get_meeting(case_id: CaseId, meeting_id: i32) -> Result<MeetingPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        meetings::load(&state.db, &state.reads, &user, case_id, meeting_id).await
    })
    .await
}

/// Records what `speaker` said: their hopes, worries and the support they think is needed.
#[server(prefix = "/api", endpoint = "record_voice")]
pub async fn record_voice(
    case_id: CaseId,
    meeting_id: i32,
    speaker: UserId,
    hopes: Option<String>,
    worries: Option<String>,
    support: Option<String>,
) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let voice =
            (hopes.as_deref().unwrap_or(""), worries.as_deref().unwrap_or(""), support.as_deref().unwrap_or(""));
        meetings::record_voice(&app_state()?.db, &user, case_id, meeting_id, speaker, voice).await?;
        leptos_axum::redirect(&format!("{}#voices", meeting_path(case_id, meeting_id)));
        Ok(())
    })
    .await
}

/// Adds the agreed steps (rows of `what[]`, `owner[]`, `due[]`) to the plan seen at `seen`.
#[server(prefix = "/api", endpoint = "agree_steps")]
pub async fn agree_steps(
    case_id: CaseId,
    meeting_id: i32,
    seen: i32,
    what: Option<Vec<String>>,
    owner: Option<Vec<String>>,
    due: Option<Vec<String>>,
) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let (what, owner, due) = (what.unwrap_or_default(), owner.unwrap_or_default(), due.unwrap_or_default());
        let agreed = meetings::AgreedSteps { case_id, meeting_id, seen, what: &what, owner: &owner, due: &due };
        let version = meetings::agree_steps(&state.db, &state.events, &user, agreed).await?;
        leptos_axum::redirect(&format!("{}?saved={version}", crate::api::plan_path(case_id)));
        Ok(version)
    })
    .await
}
