//! Feedback prompts for clients and relatives, and the coordinators' overview.

use crate::domain::feedback::{Feedback, FeedbackSummary, Occasion, Score};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Something the reader may give feedback on, and what they gave if they did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackPrompt {
    pub occasion: Occasion,
    /// The meeting or the closure the feedback is about.
    pub target_id: i32,
    /// The meeting's title; empty for a closure.
    pub title: String,
    pub at: DateTime<Utc>,
    pub given: Option<Feedback>,
}

/// Feedback on the cases a coordinator leads, in aggregate: no names, no cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackOverview {
    /// How many of the coordinator's cases the feedback comes from.
    pub cases: u32,
    pub after_meetings: FeedbackSummary,
    pub at_closure: FeedbackSummary,
    /// The words people wrote, newest first, without who or which case.
    pub comments: Vec<FeedbackComment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackComment {
    pub occasion: Occasion,
    pub score: Score,
    pub text: String,
    pub at: DateTime<Utc>,
}
