//! The client plan: versions, comparison, reviews.

use super::team::ParticipantChoice;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::plan::{PlanContent, PlanDiff, PlanRole};
use crate::domain::Stage;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One saved version of the client plan: who saved it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVersionMeta {
    pub version: i32,
    pub saved_by: String,
    pub editor: PlanRole,
    pub at: DateTime<Utc>,
}

/// What changed between two chosen versions of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanCompare {
    pub from: i32,
    pub to: i32,
    pub changes: Vec<PlanDiff>,
}

/// How many saved versions the plan page lists at a time.
pub const VERSIONS_PER_PAGE: u32 = 20;

/// Everything the plan page shows, shaped for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub case_id: CaseId,
    pub client_name: String,
    pub stage: Stage,
    /// The version shown (0 before the first save) and its content.
    pub version: i32,
    pub content: PlanContent,
    /// One page of the saved versions, newest first (`versions_page`, `versions_per_page` a
    /// page). Versions are numbered from 1 without gaps, so `version` is how many there are.
    pub versions: Vec<PlanVersionMeta>,
    /// The version last saved, whichever page of versions is shown.
    pub last_saved: Option<PlanVersionMeta>,
    pub versions_page: u32,
    pub versions_per_page: u32,
    pub compare: Option<PlanCompare>,
    /// The people who may own actions: everyone on the team now.
    pub owners: Vec<ParticipantChoice>,
    /// Names of everyone an action names as its owner, also of people who have left the team.
    pub owner_names: Vec<(UserId, String)>,
    /// What the reader may change, if anything; None for relatives and outside collaboration.
    pub role: Option<PlanRole>,
    pub reader_user_id: UserId,
    /// Today in Finland, for overdue actions.
    pub today: NaiveDate,
    /// Follow-up reviews, newest first.
    pub reviews: Vec<ReviewView>,
}

impl PlanPage {
    /// How many pages the list of versions fills.
    pub fn version_pages(&self) -> u32 {
        crate::domain::paging::page_count(u64::try_from(self.version).unwrap_or(0), self.versions_per_page)
    }
}

/// A follow-up review as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub at: DateTime<Utc>,
    pub by: String,
    pub content: crate::domain::review::ReviewContent,
}

impl PlanPage {
    pub fn owner_name(&self, user_id: UserId) -> String {
        self.owner_names.iter().find(|(id, _)| *id == user_id).map(|(_, n)| n.clone()).unwrap_or_default()
    }
}
