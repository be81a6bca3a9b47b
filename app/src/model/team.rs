//! The client's team: its members, the people who may join it, the professionals who may own a task.

use crate::domain::ids::UserId;
use crate::domain::{Role, Sector, TeamRole};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub seat_id: i32,
    /// Proposed by the pair and waiting for the client's answer, or accepted.
    pub status: crate::domain::team::SeatStatus,
    pub name: String,
    pub team_role: TeamRole,
    pub profession: Option<String>,
    pub organisation: Option<String>,
    pub sector: Option<Sector>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_hours: Option<String>,
}

/// Someone on the team who can be recorded as having taken part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantChoice {
    pub user_id: UserId,
    pub name: String,
    pub team_role: TeamRole,
}

/// Someone the coordinator pair may propose to a client's team: any professional, or a relative
/// linked to the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
    pub profession: Option<String>,
    pub organisation: Option<String>,
    pub sector: Option<Sector>,
}

/// The people a search found: the professionals whose name or username holds the fragment (at
/// most `domain::team::CANDIDATES_SHOWN`, `more` when others match too) and the relatives the
/// client has named, those already on the team left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateResults {
    pub people: Vec<Candidate>,
    pub more: bool,
}
