//! Follow-up reviews: at each review date every goal of the plan is scored, the client's own
//! assessment beside the professionals', and the next review date is set (required).

use super::plan::{parse_future_date, Goal, PlanError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const MAX_TEXT: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalScore {
    Achieved,
    Progressing,
    NotProgressing,
    /// The goal itself has changed.
    Changed,
}

impl GoalScore {
    pub const ALL: [GoalScore; 4] =
        [GoalScore::Achieved, GoalScore::Progressing, GoalScore::NotProgressing, GoalScore::Changed];

    pub fn as_str(self) -> &'static str {
        match self {
            GoalScore::Achieved => "achieved",
            GoalScore::Progressing => "progressing",
            GoalScore::NotProgressing => "not_progressing",
            GoalScore::Changed => "changed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ReviewError {
    #[error("the plan has no goals to review yet")]
    NoGoals,
    #[error("goal {number} has no score from the professionals")]
    GoalNotScored { number: usize },
    #[error("set the date of the next review")]
    NextReviewMissing,
    #[error("next review: {problem}")]
    NextReview { problem: PlanError },
    #[error("there is no such goal in the plan")]
    UnknownGoal,
    #[error("\"{value}\" is not one of the choices")]
    InvalidChoice { value: String },
    #[error("a text is longer than {max} characters")]
    TextTooLong { max: usize },
}

/// The review form as it arrives: scores by goal key (`client[1]`, `team[1]`), a summary and
/// the next review date.
#[derive(Debug, Clone, Default)]
pub struct RawReview {
    pub client: HashMap<String, String>,
    pub team: HashMap<String, String>,
    pub summary: String,
    pub next_review: String,
}

/// One goal as reviewed, with its words as they were at the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalReview {
    pub goal_key: u32,
    pub goal_words: String,
    /// The client's own assessment; None when the client did not give one.
    pub client: Option<GoalScore>,
    pub team: GoalScore,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewContent {
    pub goals: Vec<GoalReview>,
    pub summary: String,
    pub next_review: NaiveDate,
}

fn score(raw: &str) -> Result<Option<GoalScore>, ReviewError> {
    match raw.trim() {
        "" => Ok(None),
        value => GoalScore::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .map(Some)
            .ok_or_else(|| ReviewError::InvalidChoice { value: value.chars().take(40).collect() }),
    }
}

impl ReviewContent {
    /// Parses a review of `goals`: every goal scored by the professionals, the client's score
    /// where given, and a next review date from `today` on.
    pub fn parse(raw: &RawReview, goals: &[Goal], today: NaiveDate) -> Result<Self, ReviewError> {
        if goals.is_empty() {
            return Err(ReviewError::NoGoals);
        }
        let known = |key: &String| goals.iter().any(|g| g.key.to_string() == *key);
        if raw.client.keys().chain(raw.team.keys()).any(|k| !known(k)) {
            return Err(ReviewError::UnknownGoal);
        }
        let mut reviewed = Vec::with_capacity(goals.len());
        for (at, goal) in goals.iter().enumerate() {
            let key = goal.key.to_string();
            let team = score(raw.team.get(&key).map_or("", String::as_str))?
                .ok_or(ReviewError::GoalNotScored { number: at + 1 })?;
            let client = score(raw.client.get(&key).map_or("", String::as_str))?;
            reviewed.push(GoalReview { goal_key: goal.key, goal_words: goal.client_words.clone(), client, team });
        }
        let summary = raw.summary.trim().to_string();
        if summary.chars().count() > MAX_TEXT {
            return Err(ReviewError::TextTooLong { max: MAX_TEXT });
        }
        if raw.next_review.trim().is_empty() {
            return Err(ReviewError::NextReviewMissing);
        }
        let next_review =
            parse_future_date(&raw.next_review, today).map_err(|problem| ReviewError::NextReview { problem })?;
        Ok(ReviewContent { goals: reviewed, summary, next_review })
    }
}

/// How one goal was scored at the latest review that scored it; `newest_first` are the case's
/// reviews. A goal added since the last review has none yet.
pub fn latest_score<'a>(
    goal_key: u32,
    newest_first: impl IntoIterator<Item = &'a ReviewContent>,
) -> Option<&'a GoalReview> {
    newest_first.into_iter().find_map(|review| review.goals.iter().find(|g| g.goal_key == goal_key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals() -> Vec<Goal> {
        [(1, "Haluan käydä itse kaupassa"), (3, "Haluan tavata ystäviä")]
            .into_iter()
            .map(|(key, words)| Goal {
                key,
                client_words: words.into(),
                suggested_wording: None,
                client_actions: String::new(),
            })
            .collect()
    }

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn every_goal_is_scored_with_the_clients_own_score_beside_the_teams() {
        let raw = RawReview {
            client: map(&[("1", "achieved")]),
            team: map(&[("1", "progressing"), ("3", "not_progressing")]),
            summary: " Kauppa sujuu. ".into(),
            next_review: "2027-02-01".into(),
        };
        let review = ReviewContent::parse(&raw, &goals(), today()).unwrap();
        assert_eq!(
            review.goals[0],
            GoalReview {
                goal_key: 1,
                goal_words: "Haluan käydä itse kaupassa".into(),
                client: Some(GoalScore::Achieved),
                team: GoalScore::Progressing
            }
        );
        assert_eq!(review.goals[1].client, None, "the client need not score every goal");
        assert_eq!(review.summary, "Kauppa sujuu.");
    }

    #[test]
    fn each_gap_in_a_review_has_its_own_reason() {
        let good = || RawReview {
            team: map(&[("1", "achieved"), ("3", "changed")]),
            next_review: "2027-02-01".into(),
            ..Default::default()
        };
        let parse = |raw: RawReview| ReviewContent::parse(&raw, &goals(), today());
        assert_eq!(ReviewContent::parse(&good(), &[], today()), Err(ReviewError::NoGoals));
        assert_eq!(
            parse(RawReview { team: map(&[("1", "achieved")]), ..good() }),
            Err(ReviewError::GoalNotScored { number: 2 })
        );
        assert_eq!(parse(RawReview { next_review: " ".into(), ..good() }), Err(ReviewError::NextReviewMissing));
        assert_eq!(
            parse(RawReview { next_review: "2026-11-01".into(), ..good() }),
            Err(ReviewError::NextReview { problem: PlanError::DateInPast })
        );
        assert_eq!(parse(RawReview { client: map(&[("9", "achieved")]), ..good() }), Err(ReviewError::UnknownGoal));
        assert_eq!(
            parse(RawReview { client: map(&[("1", "great")]), ..good() }),
            Err(ReviewError::InvalidChoice { value: "great".into() })
        );
        assert!(parse(good()).is_ok());
    }

    #[test]
    fn a_goal_shows_its_score_from_the_latest_review_that_scored_it() {
        let review = |key: u32, team: GoalScore| ReviewContent {
            goals: vec![GoalReview { goal_key: key, goal_words: String::new(), client: None, team }],
            summary: String::new(),
            next_review: today(),
        };
        let newest_first =
            [review(1, GoalScore::Achieved), review(3, GoalScore::Progressing), review(1, GoalScore::NotProgressing)];
        assert_eq!(latest_score(1, &newest_first).map(|g| g.team), Some(GoalScore::Achieved));
        assert_eq!(latest_score(3, &newest_first).map(|g| g.team), Some(GoalScore::Progressing));
        assert_eq!(latest_score(7, &newest_first), None, "a goal added since the last review");
    }
}
