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

/// How many cases one page of the list shows unless asked for fewer.
pub const CASES_PER_PAGE: u32 = 50;

/// The case list's form fields as they arrive, each empty for its default (parsed by
/// `domain::process::CaseListing` once the reader is known to be staff): `step`, `show` (`open`
/// or `closed`), `page` (from 1) and `per_page` (at most `CASES_PER_PAGE`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseListQuery {
    #[serde(default)]
    pub step: String,
    #[serde(default)]
    pub show: String,
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub per_page: String,
}

/// One page of a staff member's case list, most recently changed first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasePage {
    pub cases: Vec<CaseSummary>,
    /// Closed cases rather than open ones.
    pub closed: bool,
    pub page: u32,
    pub per_page: u32,
    /// How many cases the whole list holds, on every page.
    pub total: u64,
}

impl CasePage {
    /// How many pages the list has (at least one, perhaps empty).
    pub fn pages(&self) -> u32 {
        crate::domain::paging::page_count(self.total, self.per_page)
    }
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

/// How many history events the case page shows at a time.
pub const HISTORY_PER_PAGE: u32 = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseDetail {
    pub id: CaseId,
    pub client: ClientSummary,
    pub stage: Stage,
    pub opened_at: DateTime<Utc>,
    pub team: Vec<TeamMember>,
    /// One page of the history (`history_page`, `history_per_page` events a page counted from
    /// the newest), oldest first within the page; `history_total` events in all.
    pub history: Vec<HistoryEntry>,
    pub history_page: u32,
    pub history_per_page: u32,
    pub history_total: u64,
    /// The stages the reader may move the case to now (empty unless they are its coordinator).
    pub moves: Vec<StageMove>,
    /// The assessment's legal clock, from the first contact until (and after) the start.
    pub clock: Option<AssessmentClock>,
    /// Whether the reader may change the client's facts that run the clock (the pair).
    pub can_edit: bool,
    /// How the case was closed, each time, newest first.
    pub closures: Vec<ClosureView>,
}

impl CaseDetail {
    /// How many pages the history fills.
    pub fn history_pages(&self) -> u32 {
        crate::domain::paging::page_count(self.history_total, self.history_per_page)
    }

    /// The number of the newest event on the page shown (events count from 1, the oldest).
    pub fn history_newest(&self) -> u64 {
        let before = u64::from(self.history_page.saturating_sub(1)) * u64::from(self.history_per_page);
        self.history_total.saturating_sub(before)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn page(total: u64, per_page: u32) -> CasePage {
        CasePage { cases: Vec::new(), closed: false, page: 1, per_page, total }
    }

    #[test]
    fn a_list_has_as_many_pages_as_its_cases_fill_and_at_least_one() {
        assert_eq!(page(0, 50).pages(), 1);
        assert_eq!(page(50, 50).pages(), 1);
        assert_eq!(page(51, 50).pages(), 2);
        assert_eq!(page(542, 50).pages(), 11);
        assert_eq!(page(3, 0).pages(), 3, "a page holds at least one case");
    }
}
