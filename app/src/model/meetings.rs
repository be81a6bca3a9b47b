//! Network meetings: the list, one meeting, the voices recorded in it.

use super::team::ParticipantChoice;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::TeamRole;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Someone who may be invited to a meeting: the client (no seat) or a person on the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitee {
    pub user_id: UserId,
    pub name: String,
    pub team_role: Option<TeamRole>,
}

/// A network meeting as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub place: Option<String>,
    pub video_link: Option<String>,
    /// The names of everyone invited.
    pub participants: Vec<String>,
    /// The plan version the agreed steps went into, once they have.
    pub steps_plan_version: Option<i32>,
    /// Whether the meeting is over (decided by the server when the page was read, so the server's
    /// page and the browser's agree): it then says who was invited, and offers no calendar file.
    pub held: bool,
}

/// The meetings of a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingsPage {
    pub case_id: CaseId,
    pub client_name: String,
    /// Soonest first.
    pub upcoming: Vec<MeetingSummary>,
    /// Page `past_page` of the meetings that have ended, `past_per_page` a page, newest first;
    /// `past_total` in all.
    pub past: Vec<MeetingSummary>,
    pub past_page: u32,
    pub past_per_page: u32,
    pub past_total: u64,
    /// Who the pair may invite (empty for everyone else).
    pub invitable: Vec<Invitee>,
    pub can_schedule: bool,
}

impl MeetingsPage {
    /// How many pages the ended meetings fill.
    pub fn past_pages(&self) -> u32 {
        crate::domain::paging::page_count(self.past_total, self.past_per_page)
    }
}

/// What one person said in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceView {
    pub speaker: String,
    /// Who wrote it down, when not the speaker.
    pub recorded_by: Option<String>,
    pub hopes: String,
    pub worries: String,
    pub support: String,
    pub at: DateTime<Utc>,
}

/// One meeting for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub case_id: CaseId,
    pub client_name: String,
    pub meeting: MeetingSummary,
    pub voices: Vec<VoiceView>,
    /// Whose words the reader may record: themself when invited; anyone invited for the pair.
    pub speakers: Vec<(UserId, String)>,
    /// Who may own an agreed step (for the pair).
    pub owners: Vec<ParticipantChoice>,
    /// The plan version the agreed steps are added to.
    pub plan_version: i32,
    pub can_agree_steps: bool,
    pub today: NaiveDate,
}
