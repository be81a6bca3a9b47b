//! The client's own pathway: where they are, what comes next, their goals.

use super::assessment::{AssessmentVersion, ViewEntry};
use super::cases::{ClosureView, HistoryEntry};
use super::feedback::FeedbackPrompt;
use super::meetings::MeetingSummary;
use super::team::TeamMember;
use crate::domain::ids::CaseId;
use crate::domain::Stage;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a client or relative sees of one case on "My pathway".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pathway {
    pub case_id: CaseId,
    pub client_name: String,
    /// True when the reader is a relative viewing someone else's pathway.
    pub as_relative: bool,
    pub stage: Stage,
    pub team: Vec<TeamMember>,
    pub history: Vec<HistoryEntry>,
    /// Everyone's views written into the assessment, oldest first.
    pub views: Vec<ViewEntry>,
    /// Whether the reader may write their own view (the client; a relative allowed to write).
    pub can_write_view: bool,
    /// The latest completed assessment, if any.
    pub assessment: Option<AssessmentVersion>,
    pub closures: Vec<ClosureView>,
    /// Whether there is a plan to open (being made now, or made before).
    pub has_plan: bool,
    /// The goals of the latest plan, in the client's words, with how each was last scored.
    pub goals: Vec<GoalProgress>,
    /// The step of the process map the case stands in.
    pub step: crate::domain::process::Step,
    /// The soonest dated thing to come: a meeting, the review, the assessment's legal start.
    pub next_date: Option<crate::domain::process::NextDate>,
    /// Meetings still to come, soonest first.
    pub meetings: Vec<MeetingSummary>,
    /// Ended meetings the reader was invited to and the closure, each with the feedback the
    /// reader gave; empty unless the reader may give feedback.
    pub feedback: Vec<FeedbackPrompt>,
}

/// One of the client's goals and how it was scored at the latest review that scored it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalProgress {
    #[serde(flatten)]
    pub goal: crate::domain::plan::Goal,
    pub reviewed: Option<GoalReviewed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalReviewed {
    pub at: DateTime<Utc>,
    /// The professionals' score.
    pub team: crate::domain::review::GoalScore,
    /// The client's own score, when they gave one.
    pub client: Option<crate::domain::review::GoalScore>,
}
