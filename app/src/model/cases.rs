//! The case list, a case page, its history and its closure.

use super::team::TeamMember;
use crate::domain::assessment::ViewAuthor;
use crate::domain::ids::CaseId;
use crate::domain::{AssessmentClock, Stage, TeamRole};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One case in a staff member's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: CaseId,
    pub client_name: String,
    pub stage: Stage,
    /// The step of the process map the case stands in.
    pub step: crate::domain::process::Step,
    /// Late with something that has a date: the assessment's start, the review, a task.
    pub overdue: bool,
    pub my_role: TeamRole,
    pub coordinators: Vec<String>,
    pub updated_at: DateTime<Utc>,
    /// The assessment's legal clock, while the case is in assessment.
    pub clock: Option<AssessmentClock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientSummary {
    pub name: String,
    pub date_of_birth: NaiveDate,
    /// `None` when the client has a non-disclosure order and the reader is outside the pair.
    pub municipality: Option<String>,
    pub preferred_language: String,
    pub non_disclosure: bool,
    pub highest_care_allowance: bool,
}

/// One line of a case's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub event: HistoryEvent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum HistoryEvent {
    CaseOpened,
    StageChanged { from: Stage, to: Stage },
    MemberJoined { name: String, team_role: TeamRole },
    AssessmentStarted { version: i32 },
    AssessmentCompleted { version: i32 },
    ViewWritten { author: ViewAuthor },
    MemberProposed { name: String, team_role: TeamRole },
    MemberDeclined { name: String },
    MemberLeft { name: String, team_role: TeamRole },
    CareAllowanceRecorded { highest: bool },
    PlanSaved { version: i32 },
    PlanReviewed { next_review: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseDetail {
    pub id: CaseId,
    pub client: ClientSummary,
    pub stage: Stage,
    pub opened_at: DateTime<Utc>,
    pub team: Vec<TeamMember>,
    pub history: Vec<HistoryEntry>,
    /// The stages the reader may move the case to now (empty unless they are its coordinator).
    pub moves: Vec<StageMove>,
    /// The assessment's legal clock, from the first contact until (and after) the start.
    pub clock: Option<AssessmentClock>,
    /// Whether the reader may change the client's facts that run the clock (the pair).
    pub can_edit: bool,
    /// How the case was closed, each time, newest first.
    pub closures: Vec<ClosureView>,
}

/// A closure: what was done and who carries on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosureView {
    pub id: i32,
    pub summary: String,
    pub continuation: String,
    pub closed_by: String,
    pub closed_at: DateTime<Utc>,
}

/// A move the domain offers, with the reason when it is not possible yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageMove {
    pub to: Stage,
    pub blocked: Option<crate::domain::TransitionError>,
}
