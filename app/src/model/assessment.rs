//! The service-need assessment page: versions, the draft, the views of client and relatives.

use super::team::ParticipantChoice;
use crate::domain::assessment::{AssessmentContent, Missing, ViewAuthor};
use crate::domain::ids::CaseId;
use crate::domain::{AssessmentClock, Stage};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A view written into the assessment in the author's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewEntry {
    pub author: ViewAuthor,
    pub name: String,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// A completed, read-only version of the assessment, with the views it was completed with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentVersion {
    pub version: i32,
    pub content: AssessmentContent,
    pub views: Vec<ViewEntry>,
    pub started_at: DateTime<Utc>,
    pub completed_at: DateTime<Utc>,
    pub completed_by: String,
}

/// The open draft the coordinator pair is writing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentDraft {
    pub version: i32,
    /// Sent back with a save; a save against an older revision is refused.
    pub revision: i32,
    pub content: AssessmentContent,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    /// What is still needed before it can be completed.
    pub missing: Vec<Missing>,
}

/// Everything the assessment page shows, shaped for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentPage {
    pub case_id: CaseId,
    pub client_name: String,
    pub stage: Stage,
    pub clock: Option<AssessmentClock>,
    pub draft: Option<AssessmentDraft>,
    /// Completed versions, newest first.
    pub versions: Vec<AssessmentVersion>,
    /// Every view written so far, oldest first.
    pub views: Vec<ViewEntry>,
    pub team: Vec<ParticipantChoice>,
    /// The coordinator pair records, completes and amends.
    pub can_edit: bool,
    pub can_write_view: bool,
}

/// What happened when the coordinator saved the assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentSaved {
    pub version: i32,
    pub completed: bool,
    /// The stage the case is in afterwards (collaboration when completing moved it).
    pub stage: Stage,
}
